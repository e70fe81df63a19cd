"""Summaries kept between listings, and never wrong.

A row is reused only while the file is provably the one it was read from: same path,
size, modification and change times (nanoseconds), inode and device, no rollback
journal beside it (a row read while one is there is never kept), and for a
``.dmu`` file the change counter SQLite bumps in its header on every write; for a
``.json`` document a hash of its bytes. A board changed behind the program's back
(another window, a command, a sync tool) differs in one of these and is read again.
A file that changed while it was being read is not kept at all.

The cache can be saved to a JSON file and loaded again; a cache file that is damaged
or from another version is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dmuboard.model.profile import ProfileEntry
from dmuboard.portfolio.summary import BoardSummary, Holder, summarize

CACHE_VERSION = 1



def file_key(path: Path) -> tuple[Any, ...] | None:
    """What identifies this exact content of ``path``; None when it cannot be read, or while a
    rollback journal lies beside it (a change being written, or one a crash left half-done)."""
    try:
        if os.path.exists(str(path) + "-journal"):
            return None
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if path.suffix.lower() == ".json":
                content = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
            else:
                content = handle.read(100)[24:28].hex()  # SQLite's file change counter
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev, content)


class SummaryCache:
    """Board summaries by path, each with the key of the file it was read from, all checked
    against one library ``profile`` (a new profile: a new cache)."""

    def __init__(self, profile: tuple[ProfileEntry, ...] | None = None,
                 reader: Callable[[Path, tuple[ProfileEntry, ...] | None], BoardSummary] = summarize) -> None:
        self._rows: dict[str, tuple[tuple[Any, ...], BoardSummary]] = {}
        self._reader = reader
        self.profile = profile
        self._profile_id = json.dumps(None if profile is None else [e.to_json() for e in profile])
        self.reads = 0  # how many boards were read rather than reused (for tests and the bench)

    def summary(self, path: Path) -> BoardSummary:
        """The row of ``path``: from the cache when the file is unchanged, else read now."""
        name = str(path)
        key = file_key(path)
        kept = self._rows.get(name)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        self.reads += 1
        row = self._reader(path, self.profile)
        if key is not None and file_key(path) == key:
            self._rows[name] = (key, row)
        else:
            self._rows.pop(name, None)
        return row

    def summaries(self, paths: Iterable[Path]) -> list[BoardSummary]:
        return [self.summary(path) for path in paths]

    def forget(self, path: Path) -> None:
        self._rows.pop(str(path), None)

    # -- keeping it between runs ------------------------------------------------------

    def save(self, file: Path) -> None:
        """Write the cache to ``file`` (whole or not at all); failures are ignored: it is only a cache."""
        rows = [{"path": name, "key": list(key), "row": asdict(row)} for name, (key, row) in self._rows.items()]
        text = json.dumps({"version": CACHE_VERSION, "profile": self._profile_id, "rows": rows}, ensure_ascii=False)
        temporary = file.with_name(f".{file.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, file)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()

    def load(self, file: Path) -> None:
        """Take the rows of a cache file saved before; anything odd in it and it is ignored."""
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("version") != CACHE_VERSION or data.get("profile") != self._profile_id:
                return
            loaded = {}
            for item in data["rows"]:
                row = dict(item["row"])
                row["holders"] = tuple(Holder(**h) for h in row["holders"])
                row["expected_dmu"] = tuple(row["expected_dmu"])
                row["codes"] = tuple(row["codes"])
                row["profile"] = tuple((str(label), str(state)) for label, state in row["profile"])
                loaded[str(item["path"])] = (tuple(item["key"]), BoardSummary(**row))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return
        self._rows.update(loaded)

"""A text file written whole or not at all (a JSON board, a CSV export, a geometry file).

Here, not in :mod:`dmuboard.boardio`, so that the CSV export reaches it without the
board lock (which is Qt's).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from dmuboard.model.errors import StoreError
from dmuboard.store.boardfile import explain


def write_text_atomically(path: Path, text: str, *, replace: bool) -> None:
    # the name is made from os.urandom, not uuid: uuid imports platform, slow at start-up
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    except FileExistsError:
        raise StoreError(f"{path.name} already exists; use --force to replace it.") from None
    except OSError as error:
        raise StoreError(explain(error, path.name)) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()

"""Which boards the window opens, and how it holds them open.

Boards are saved as you work, so there is no "unsaved document" here: a new board is
a real file in the app's data folder from the start, and the first run opens a
fresh copy of the sample board there. An open board holds a lock file beside it, so
a second window on the same file opens it read-only instead of writing over it.
Recent files and the last board are remembered in QSettings.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from dmuboard.boardio import kind_of, read_board
from dmuboard.boardlock import Claim, claim
from dmuboard.gui.common.appdata import DATA_DIR_VARIABLE as DATA_DIR_VARIABLE
from dmuboard.gui.common.appdata import data_dir
from dmuboard.model.board import Board, BoardInfo
from dmuboard.model.errors import NotABoardError, StoreError
from dmuboard.sample import sample_board
from dmuboard.store import BoardFile, write_new

OTHER_WINDOW = "it is open in another DMU Board window"
RECENT_KEY = "files/recent"
LAST_KEY = "files/last"
RECENT_LIMIT = 10
NEW_NAME = "Untitled board"


def boards_dir() -> Path:
    """Where new boards and the first-run sample copy are made."""
    folder = data_dir() / "boards"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"The folder for new boards, {folder}, cannot be made: {error.strerror or error}.") from None
    return folder


def free_name(folder: Path, stem: str, suffix: str = ".dmu") -> tuple[Path, str]:
    """A path in ``folder`` that does not exist yet: ``stem.dmu``, ``stem 2.dmu``, ...
    Returns the path and the name used (the stem with its number)."""
    name = stem
    number = 1
    while (folder / f"{name}{suffix}").exists():
        number += 1
        name = f"{stem} {number}"
    return folder / f"{name}{suffix}", name


def make_sample_copy() -> Path:
    """First run: a fresh copy of the sample board in the data folder."""
    board = sample_board()  # read from the packaged file, which is never written to
    path, _ = free_name(boards_dir(), _safe_stem(board.info.title) or "Sample board")
    write_new(path, board)
    return path


def make_new_board() -> Path:
    """A new, empty board as a real file in the data folder, named "Untitled board N"."""
    path, name = free_name(boards_dir(), NEW_NAME)
    write_new(path, Board(BoardInfo(name)))
    return path


def convert_beside(json_path: Path) -> Path:
    """Turn a .json board document into a new .dmu file beside it (or, when that folder
    cannot be written, in the data folder). The .json file is left as it was."""
    board = read_board(json_path)
    for folder in (json_path.parent, boards_dir()):
        path, _ = free_name(folder, json_path.stem)
        try:
            write_new(path, board)
        except StoreError:
            if folder == json_path.parent:
                continue  # a folder we may not write: the data folder instead
            raise
        return path
    raise AssertionError("unreachable")  # pragma: no cover


def _safe_stem(title: str) -> str:
    """A file name made from a board title (no path separators or odd characters)."""
    stem = re.sub(r"[^\w\- .,()&+]", "", title).strip(" .")
    return stem[:80]


@dataclass
class OpenBoard:
    """A board the window holds open: its store and, when we own it, the lock file."""

    path: Path
    store: BoardFile
    lock: Claim | None

    @property
    def read_only_reason(self) -> str | None:
        return self.store.read_only_reason

    def close(self) -> None:
        """Close the store and release the lock (nothing to save: every change is kept)."""
        self.store.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def closed_reason(outcome: str) -> str:
    word = {"won": "won", "lost": "lost", "no_decision": "closed without a decision"}.get(outcome, "closed")
    return f"the deal is {word}; Board > Edit Closed Deal makes it editable"


def open_board(path: Path, *, edit_closed: bool = False) -> OpenBoard:
    """Open the .dmu file ``path`` for this window.

    When another DMU Board window holds its lock the board opens read-only, saying
    so; so does the board of a closed deal (won, lost, no decision) unless
    ``edit_closed``. Raises :class:`~dmuboard.model.errors.UserError` (the file unchanged) when it
    cannot be opened.
    """
    path = Path(path).absolute()
    if not path.exists():
        raise NotABoardError(f"{path.name} does not exist.")
    if path.is_dir():
        raise NotABoardError(f"{path.name} is a folder, not a board file.")
    if kind_of(path) != "dmu":
        raise NotABoardError(f"{path.name} is not a .dmu board file.")
    taken = claim(path)  # one lock per file, whatever link or name leads to it
    reason = OTHER_WINDOW if taken.held_elsewhere else None
    try:
        store = BoardFile.open(taken.file, read_only=reason)
        if reason is None and store.board.info.closed and not edit_closed:
            store.close()
            store = BoardFile.open(taken.file, read_only=closed_reason(store.board.info.outcome))
    except BaseException:
        taken.release()
        raise
    lock = None if taken.held_elsewhere else taken
    return OpenBoard(path, store, lock)


class Recent:
    """The recent files list and the last board, kept in QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def files(self) -> list[Path]:
        """Recent boards, newest first; files that no longer exist are dropped."""
        value = self.settings.value(RECENT_KEY, [])
        stored: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        kept = [Path(p) for p in stored if isinstance(p, str) and Path(p).is_file()]
        if len(kept) != len(stored):
            self._store(kept)
        return kept

    def add(self, path: Path, *, sync: bool = True) -> None:
        """``path`` first among the recent boards; written to disk now, or (``sync`` False)
        when the caller syncs the settings or Qt does so by itself."""
        path = Path(path).absolute()
        others = [p for p in self.files() if p != path]
        self._store([path, *others][:RECENT_LIMIT], sync=sync)
        self.settings.setValue(LAST_KEY, str(path))

    def clear(self) -> None:
        self._store([])

    def last(self) -> Path | None:
        """The board open when the app last ran, if it is still there."""
        value = self.settings.value(LAST_KEY, "")
        if isinstance(value, str) and value and Path(value).is_file():
            return Path(value)
        return None

    def _store(self, paths: list[Path], *, sync: bool = True) -> None:
        self.settings.setValue(RECENT_KEY, [str(p) for p in paths])
        if sync:
            self.sync()

    def sync(self) -> None:
        with contextlib.suppress(Exception):
            self.settings.sync()

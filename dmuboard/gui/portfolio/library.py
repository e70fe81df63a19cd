"""Which folders and boards make up the library, kept in QSettings, and the portfolio's rows.

:class:`Library` lists the boards through the Qt-free summary cache and follows the
files with a QFileSystemWatcher: a board written by any window or command shows in
the portfolio as soon as the watcher reports it (changes are gathered for 50 ms).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal

from dmuboard.gui.common.appdata import data_dir
from dmuboard.model.errors import UserError
from dmuboard.model.profile import ProfileEntry
from dmuboard.portfolio import SummaryCache, board_paths, default_folder
from dmuboard.portfolio.profilefile import library_profile, profile_path, write_profile
from dmuboard.portfolio.summary import BoardSummary

FOLDERS_KEY = "portfolio/folders"
BOARDS_KEY = "portfolio/boards"
SETTLE_MS = 50
SAVE_MS = 2000


def _paths(settings: QSettings, key: str) -> list[Path]:
    value = settings.value(key, [])
    stored: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [Path(p) for p in stored if isinstance(p, str) and p]


class Library(QObject):
    """The library's boards as rows, kept up to date."""

    rows_changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.rows: list[BoardSummary] = []
        self.profile_error: str | None = None
        self.profile: tuple[ProfileEntry, ...] | None = self._read_profile()
        self.cache = SummaryCache(self.profile)
        self.cache.load(self.cache_file())
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.file_changed)
        self.watcher.directoryChanged.connect(self.schedule)
        self._changed_files: set[str] = set()
        self._whole = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settled)
        self._save_timer = QTimer(self)  # the cache file is written when things are quiet
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_MS)
        self._save_timer.timeout.connect(lambda: self.cache.save(self.cache_file()))

    # -- what is in the library -----------------------------------------------------

    @property
    def home(self) -> Path:
        """The first folder: where the profile is kept and new boards go."""
        return self.folders()[0]

    def folders(self) -> list[Path]:
        return _paths(self.settings, FOLDERS_KEY) or [default_folder()]

    def extra_boards(self) -> list[Path]:
        return _paths(self.settings, BOARDS_KEY)

    def set_folders(self, folders: list[Path]) -> None:
        self.settings.setValue(FOLDERS_KEY, [str(f) for f in folders])
        self.set_profile_from_disk()

    def add_board(self, path: Path) -> None:
        """A board from elsewhere joins the library."""
        boards = self.extra_boards()
        if path.absolute() not in [b.absolute() for b in boards]:
            self.settings.setValue(BOARDS_KEY, [str(b) for b in [*boards, path.absolute()]])
        self.refresh()

    def ensure_home(self) -> Path:
        with contextlib.suppress(OSError):
            self.home.mkdir(parents=True, exist_ok=True)
        return self.home

    # -- the profile ----------------------------------------------------------------

    def _read_profile(self) -> tuple[ProfileEntry, ...] | None:
        try:
            self.profile_error = None
            return library_profile(self.home)
        except UserError as error:
            self.profile_error = error.message
            return None

    def set_profile_from_disk(self) -> None:
        self.profile = self._read_profile()
        self.cache = SummaryCache(self.profile)
        self.refresh()

    def save_profile(self, entries: tuple[ProfileEntry, ...]) -> None:
        """Write the library's profile (raises UserError when it cannot be written)."""
        write_profile(profile_path(self.ensure_home()), entries)
        self.set_profile_from_disk()

    # -- the rows -------------------------------------------------------------------

    def cache_file(self) -> Path:
        return data_dir() / "portfolio-cache.json"

    def schedule(self, *_changed: object) -> None:
        """Something may have changed anywhere: list everything again (the cache makes it cheap)."""
        self._whole = True
        self._timer.start()

    def file_changed(self, path: str) -> None:
        """The board at ``path`` changed (the watcher or the window says so): read it again soon."""
        self._changed_files.add(path)
        self._timer.start()

    def _settled(self) -> None:
        changed, self._changed_files = self._changed_files, set()
        known = {row.path: i for i, row in enumerate(self.rows)}
        if self._whole or not changed <= known.keys() or not all(Path(p).exists() for p in changed):
            self._whole = False
            self.refresh()
            return
        reads = self.cache.reads
        for path in changed:  # only the boards the watcher named are read again
            self.rows[known[path]] = self.cache.summary(Path(path))
        self._watch_again(changed)
        if self.cache.reads != reads:
            self._save_timer.start()
            self.rows_changed.emit()

    def refresh(self) -> None:
        paths = board_paths(self.folders(), [b for b in self.extra_boards() if b.exists()])
        reads = self.cache.reads
        self.rows = self.cache.summaries(paths)
        self._watch([*self.folders(), *paths])
        if self.cache.reads != reads:
            self._save_timer.start()
        self.rows_changed.emit()

    def save_now(self) -> None:
        self._save_timer.stop()
        self.cache.save(self.cache_file())

    def _watch_again(self, paths: set[str]) -> None:
        """A file replaced by a rename is no longer watched by Qt: watch it again."""
        missing = sorted(paths - set(self.watcher.files()))
        if missing:
            self.watcher.addPaths(missing)

    def _watch(self, paths: list[Path]) -> None:
        wanted = {str(p) for p in paths if p.exists()}
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        gone = watched - wanted
        if gone:
            self.watcher.removePaths(sorted(gone))
        missing = wanted - set(self.watcher.files()) - set(self.watcher.directories())
        if missing:
            self.watcher.addPaths(sorted(missing))

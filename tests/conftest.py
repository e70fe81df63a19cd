"""Shared test set-up: Qt runs offscreen, whatever the machine has; the main-window
fixtures every window test uses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from dmuboard.gui.shell.mainwindow import MainWindow
    from tests.gui_window_kit import WindowKit

pytest_plugins = ["tests.summary"]


@pytest.fixture
def kit(tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowKit]:
    """Windows with a private settings file and data folder, closed after the test."""
    from tests.gui_window_kit import make_kit  # Qt is loaded by the tests that use a window only

    yield from make_kit(tmp_path, qtbot, monkeypatch)


@pytest.fixture
def window(kit: WindowKit) -> MainWindow:
    """A window on the small board of :func:`tests.gui_window_kit.small_board`, as acme.dmu."""
    return kit.window(kit.board("acme.dmu"))

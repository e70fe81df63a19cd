"""Starting the GUI: with no display, with a file it refuses, and the first run as `make run` does it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from dmuboard.gui.shell import app
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.gui.shell.session import DATA_DIR_VARIABLE
from tests.gui_window_kit import QT_NOISE, board_on_disk

REPO = Path(__file__).resolve().parents[1]
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_program(tmp_path: Path, *args: str, **env_changes: str) -> subprocess.CompletedProcess[str]:
    """`python -m dmuboard ARGS` with private settings and data, and no display unless given."""
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env.update(PYTHONPATH=str(REPO), DMUBOARD_SETTINGS=str(tmp_path / "settings.ini"),
               DMUBOARD_DATA_DIR=str(tmp_path / "data"), **env_changes)
    return subprocess.run([sys.executable, "-m", "dmuboard", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_no_display_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    """Without a display the GUI names the commands that work without one and exits 1,
    without a Qt abort; nothing is written to the data folder."""
    done = run_program(tmp_path)
    assert done.returncode == 1
    line = one_line(done.stderr)
    assert line.startswith("dmuboard: ") and "no display" in line
    for command in ("convert", "check", "analyze", "export"):
        assert command in line
    assert not (tmp_path / "data").exists()


def test_a_display_that_is_not_there_is_no_display(tmp_path: Path) -> None:
    """DISPLAY naming an X server that is not running is treated as no display (no Qt abort)."""
    done = run_program(tmp_path, str(tmp_path / "x.dmu"), DISPLAY=":917")
    assert done.returncode == 1
    assert "no display" in one_line(done.stderr)


def test_display_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offscreen (as tests run) counts as a display; no variables at all do not."""
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert app.display_missing() is sys.platform.startswith("linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not app.display_missing()
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert app.display_missing() is sys.platform.startswith("linux")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not app.display_missing()


def test_a_file_that_is_not_a_board_is_refused_on_the_command_line(tmp_path: Path) -> None:
    """`dmuboard FILE` on a file that is not a board prints why in one line, exits 1, and
    leaves the file alone."""
    junk = tmp_path / "junk.dmu"
    junk.write_bytes(b"not a board at all")
    done = run_program(tmp_path, str(junk), QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 1
    assert "junk.dmu" in one_line(done.stderr)
    assert junk.read_bytes() == b"not a board at all"


@QT_NOISE
def test_first_run_of_the_program_opens_a_sample_copy(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`dmuboard` with no file, first run: the window opens on a fresh copy of the sample in
    the data folder and remembers it as the last board; --present starts a presentation."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    monkeypatch.setenv(app.SETTINGS_VARIABLE, str(tmp_path / "settings.ini"))
    seen: list[Any] = []

    def presenting(window: MainWindow) -> None:
        seen.append(window.windowTitle())

    monkeypatch.setattr(MainWindow, "start_presentation", presenting, raising=False)
    QTimer.singleShot(200, QApplication.closeAllWindows)
    assert app.run_gui(None, present=True) == 0

    copies = list((tmp_path / "data" / "boards").glob("*.dmu"))
    assert len(copies) == 1
    assert board_on_disk(copies[0]).people
    assert seen and copies[0].name in seen[0]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("files/last") == str(copies[0])
    assert not Path(str(copies[0]) + ".lock").exists()

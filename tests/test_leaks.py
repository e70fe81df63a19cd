"""Opening and closing a big board again and again does not make the program grow.

A user who opens boards all day keeps one process for hours. Here a 300-person
board is opened and closed 200 times in one process, the way the window does it
(file, document, editor, canvas), and everything is dropped each time; after a
warm-up of 10 cycles (caches, fonts and compiled SQL fill up once) the resident
memory may grow by 20 MB at most.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.common.editor import Editor
from dmuboard.model.generate import generate_board
from dmuboard.store import BoardFile, write_new
from tests import summary

CYCLES = 200
WARM_UP = 10
LIMIT_MB = 20.0
PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_mb() -> float:
    """The process's resident memory now (not its peak), in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE / 2**20


def open_and_close(path: Path, *, collect: bool = True) -> int:
    """One cycle as the window does it; returns how many tokens the canvas showed.

    ``collect`` runs Python's cycle collector afterwards (a full pass over a large heap
    costs more than the cycle itself, so the long loop does it every tenth time).
    """
    store = BoardFile.open(path)
    editor = Editor(store.document())
    scene = BoardScene(editor)
    shown = len(scene.tokens)
    # What MainWindow.release_board does; then what the event loop would do next.
    editor.close()
    scene.deleteLater()
    editor.deleteLater()
    store.close()
    del scene, editor, store
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if collect:
        gc.collect()
    return shown


def test_opening_a_300_person_board_200_times_grows_memory_by_20_mb_at_most(
    qapp: QApplication, tmp_path: Path
) -> None:
    """After a warm-up, 200 open/close cycles of a 300-person board add 20 MB of memory or less."""
    path = tmp_path / "big.dmu"
    board = generate_board(300, seed=3)
    write_new(path, board)
    # The warm-up collects garbage as often as the measured loop does, so the start
    # already holds as much uncollected garbage as any point after it.
    for cycle in range(1, WARM_UP + 1):
        assert open_and_close(path, collect=cycle % 10 == 0) == 300
    start = resident_mb()
    for cycle in range(1, CYCLES + 1):
        assert open_and_close(path, collect=cycle % 10 == 0) == 300
    grown = resident_mb() - start
    failed = grown > LIMIT_MB
    summary.record("leaks", CYCLES, int(failed), unit="open/close cycles", detail=f"{grown:+.1f} MB")
    assert not failed, f"{CYCLES} cycles grew memory by {grown:.1f} MB (limit {LIMIT_MB} MB)"


def test_a_kept_canvas_is_seen_as_growth(qapp: QApplication, tmp_path: Path) -> None:
    """Keeping every canvas alive does show up in the measure, so the test above could fail."""
    path = tmp_path / "big.dmu"
    write_new(path, generate_board(300, seed=3))
    open_and_close(path)
    start = resident_mb()
    kept = []
    for _ in range(15):
        store = BoardFile.open(path)
        editor = Editor(store.document())
        kept.append((store, editor, BoardScene(editor)))
    grown = resident_mb() - start
    for store, editor, scene in kept:
        editor.close()
        scene.deleteLater()
        store.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert grown > 2.0, f"15 kept canvases of 300 people measured as only {grown:.1f} MB"

"""The findings panel: it follows edits, points at people, badges tokens, shows warm paths."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.panels.findings import FindingsPanel
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from tests.gui_window_kit import QT_NOISE, WindowKit, small_board

pytestmark = QT_NOISE



def panel_of(window: MainWindow, qtbot: Any) -> FindingsPanel:
    """The window's findings panel, once its first analysis (which waits for a pause) is shown."""
    panel = window.findings_dock.widget()
    assert isinstance(panel, FindingsPanel)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=5000)
    return panel


def texts(panel: FindingsPanel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def item_about(panel: FindingsPanel, words: str) -> Any:
    for i in range(panel.list.count()):
        if words in panel.list.item(i).text():
            return panel.list.item(i)
    raise AssertionError(f"no finding mentions {words!r}: {texts(panel)}")


def test_the_panel_shows_the_boards_findings_in_plain_words(kit: WindowKit, qtbot: Any) -> None:
    """Ingrid Bakker, a decider nobody of ours knows, is a HIGH finding with a warm path named
    in the advice; the scorecard shows the numbers and the 6.8 / 2.7 benchmark."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    item = item_about(panel, "Ingrid Bakker is a decider")
    assert item.text().startswith("HIGH: ")
    assert "Joost Visser reports to Ingrid Bakker" in item.text()
    assert "ask Joost Visser for an introduction" in item.text()
    assert panel.scorecard.values["people"].text().startswith("3 known; deals like this involve 10 to 14")
    assert panel.scorecard.values["contacts"].text().startswith("1 of 3 know one of us (33% coverage)")
    assert "6.8 people" in panel.scorecard.benchmark.text() and "2.7" in panel.scorecard.benchmark.text()


def test_a_relationship_clears_the_finding_and_undo_brings_it_back(kit: WindowKit, qtbot: Any) -> None:
    """Adding a relationship to the decider through the editor removes her finding (and her badge)
    once the panel has caught up; undo makes both return."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    scene, editor = window.scene, window.editor
    assert scene is not None and editor is not None
    assert scene.tokens["p1"].badge == "high"
    link = Link(editor.document.new_link_id(), "u1", "p1", "relationship", 4)
    assert editor.submit(Change(links=(link,), label="Add relationship"))
    qtbot.waitUntil(lambda: not any("Ingrid Bakker is a decider" in t for t in texts(panel)), timeout=3000)
    assert scene.tokens["p1"].badge != "high"
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: any("Ingrid Bakker is a decider" in t for t in texts(panel)), timeout=3000)
    assert scene.tokens["p1"].badge == "high"


def test_a_burst_of_changes_is_analysed_once_after_it_ends(kit: WindowKit, qtbot: Any) -> None:
    """Three quick edits lead to one analysis, after the pause, not one per edit."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    editor = window.editor
    assert editor is not None
    runs: list[object] = []
    panel.analysed.connect(runs.append)
    for title in ("Sales", "Sales lead", "Head of sales"):
        person = editor.document.board.people["p3"]
        assert editor.submit(Change(people=(person.__class__(**{**_fields(person), "title": title}),)))
    assert runs == []
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=3000)
    qtbot.waitUntil(lambda: not panel.timer.isActive())  # nothing more is on its way
    assert len(runs) == 1


def test_moving_a_token_costs_no_analysis(kit: WindowKit, qtbot: Any) -> None:
    """A move changes no finding, so the panel does not analyse again; an edit after it does."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    editor = window.editor
    assert editor is not None
    runs: list[object] = []
    panel.analysed.connect(runs.append)
    person = editor.document.board.people["p1"]
    assert editor.submit(Change(people=(person.__class__(**{**_fields(person), "x": -500.0, "y": 10.0}),)))
    qtbot.waitUntil(lambda: not panel.timer.isActive())  # an analysis it started would run first
    assert runs == []
    moved = editor.document.board.people["p1"]
    assert editor.submit(Change(people=(moved.__class__(**{**_fields(moved), "influence": 2}),)))
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=3000)


def _fields(person: Any) -> dict[str, Any]:
    return {name: getattr(person, name) for name in person.__dataclass_fields__}


def test_clicking_a_finding_selects_and_centres_its_people(kit: WindowKit, qtbot: Any) -> None:
    """A click on a finding about one person selects exactly that person on the canvas."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    item = item_about(panel, "Ingrid Bakker is a decider")
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene is not None and window.view is not None
    assert window.scene.selected_people() == ["p1"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.tokens["p1"].pos())


def test_show_warm_path_highlights_the_chain_and_says_it(kit: WindowKit) -> None:
    """With Ingrid Bakker selected, Board > Show Warm Path marks Sam → Joost → Ingrid and says so."""
    window = kit.window(kit.board())
    scene = window.scene
    assert scene is not None
    scene.select(people=["p1"])
    window.action("warm_path").trigger()
    assert {pid for pid, token in scene.tokens.items() if token.on_path} == {"u1", "p2", "p1"}
    message = window.statusBar().currentMessage()
    assert "Sam de Wit knows Joost Visser; Joost Visser reports to Ingrid Bakker" in message


def test_no_warm_path_is_said_plainly(kit: WindowKit) -> None:
    """Sanne de Boer is linked to nobody: the command says there is no warm path and marks nothing."""
    window = kit.window(kit.board())
    scene = window.scene
    assert scene is not None
    scene.select(people=["p3"])
    window.action("warm_path").trigger()
    assert not any(token.on_path for token in scene.tokens.values())
    assert "No warm path to Sanne de Boer" in window.statusBar().currentMessage()


def test_names_are_shown_as_plain_text(kit: WindowKit, qtbot: Any) -> None:
    """A name that looks like markup appears literally in the list and escaped in the tool tip."""
    board = small_board()
    board.people["p1"] = board.people["p1"].__class__(**{**_fields(board.people["p1"]), "name": "<b>Boss</b>"})
    window = kit.window(kit.board(board=board))
    item = item_about(panel_of(window, qtbot), "<b>Boss</b> is a decider")
    assert "&lt;b&gt;Boss&lt;/b&gt;" in item.toolTip()


def test_no_analysis_runs_while_a_gesture_is_under_way(kit: WindowKit, qtbot: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """While a mouse button is held (a drag in progress) the panel waits; once it is let go, it catches up."""
    from dmuboard.gui.panels import findings

    held = {"buttons": Qt.MouseButton.LeftButton}

    class Mouse:
        @staticmethod
        def mouseButtons() -> Qt.MouseButton:
            return held["buttons"]

    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    monkeypatch.setattr(findings, "QApplication", Mouse)
    editor = window.editor
    assert editor is not None
    runs: list[object] = []
    panel.analysed.connect(runs.append)
    link = Link(editor.document.new_link_id(), "u1", "p1", "relationship", 4)
    assert editor.submit(Change(links=(link,), label="Add relationship"))
    for _pause in range(2):  # the pause has passed twice, with the button held
        with qtbot.waitSignal(panel.timer.timeout, timeout=3000):
            pass
    assert runs == []
    assert any("Ingrid Bakker is a decider" in t for t in texts(panel))
    held["buttons"] = Qt.MouseButton.NoButton
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=3000)
    assert not any("Ingrid Bakker is a decider" in t for t in texts(panel))


def test_a_relationship_drawn_on_the_canvas_clears_the_finding_and_undo_restores_it(kit: WindowKit,
                                                                                    qtbot: Any) -> None:
    """In connect mode, a line dragged from Sam de Wit to Ingrid Bakker makes her known: her
    finding leaves the panel; Edit > Undo brings it back."""
    window = kit.window(kit.board())
    panel = panel_of(window, qtbot)
    scene, view = window.scene, window.view
    assert scene is not None and view is not None
    qtbot.waitUntil(lambda: view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.people_rect()))
    scene.set_connect_mode(True)
    start = view.mapFromScene(scene.tokens["u1"].pos())
    end = view.mapFromScene(scene.tokens["p1"].pos())
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 7):
        QTest.mouseMove(viewport, QPoint(start.x() + (end.x() - start.x()) * i // 6,
                                         start.y() + (end.y() - start.y()) * i // 6))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert any(link.kind == "relationship" and {link.source, link.target} == {"u1", "p1"}
               for link in window.editor.document.board.links.values())
    qtbot.waitUntil(lambda: not any("Ingrid Bakker is a decider" in t for t in texts(panel)), timeout=3000)
    window.action("undo").trigger()
    qtbot.waitUntil(lambda: any("Ingrid Bakker is a decider" in t for t in texts(panel)), timeout=3000)


def test_a_board_appears_before_its_first_analysis(kit: WindowKit, qtbot: Any) -> None:
    """Opening a board does not wait for the analysis: the panel says it is reading, then fills."""
    window = kit.window(kit.board())
    panel = window.findings_dock.widget()
    assert isinstance(panel, FindingsPanel)
    assert panel.analysis is None and panel.summary.text() == "Reading the board…"
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=5000)
    assert panel.summary.text().startswith(f"{panel.list.count()} findings: ")

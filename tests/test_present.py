"""Presentation mode: entering and leaving, the spotlight, the layer keys, the stance
menu, undo while presenting and the walk through the findings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar

from dmuboard.gui.present.spotlight import DIM
from dmuboard.gui.present.stancemenu import stance_menu
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.model.board import Board, Link
from dmuboard.model.document import Change
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk, small_board

pytestmark = QT_NOISE



def settled(qtbot: Any, window: MainWindow) -> None:
    """Wait until the window's layout stops changing (its saved state reads the same twice)."""
    before: list[object] = [None]  # the first reading is only compared with the next one

    def steady() -> bool:
        now = window.saveState()
        unchanged = bool(now == before[0])
        before[0] = now
        return unchanged

    qtbot.waitUntil(steady)


def four_kinds() -> Board:
    """The small board with a line of every kind: p2 reports to p1, u1 knows p2, p3
    influences p1 and is in conflict with p2."""
    board = small_board()
    for link in (Link("l3", "p3", "p1", "influences"), Link("l4", "p3", "p2", "conflict")):
        board.links[link.id] = link
    return board


def presenting(kit: WindowKit, qtbot: Any, board: Board | None = None) -> MainWindow:
    window = kit.window(kit.board(board=board or four_kinds()))
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    return window


def dimmed(window: MainWindow) -> set[str]:
    scene = window.scene
    assert scene is not None
    return {pid for pid, token in scene.tokens.items() if token.opacity() < 1.0}


def click(window: MainWindow, pid: str | None, qtbot: Any) -> None:
    """A left click without movement on a person's token (or on empty canvas when None)."""
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    if pid is None:
        at = view.mapFromScene(scene.people_rect().bottomLeft()) + QPoint(-30, 60)
    else:
        at = view.mapFromScene(scene.tokens[pid].pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_entering_hides_every_panel_and_leaving_restores_the_window_exactly(kit: WindowKit, qtbot: Any) -> None:
    """Presenting is full screen with only the canvas in the projector theme; Esc brings back
    the same geometry, panels, toolbar, menu bar, status bar, zoom, scroll and theme."""
    window = kit.window(kit.board(board=four_kinds()))
    qtbot.waitExposed(window)
    window.docks["findings"].hide()
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    view.zoom_by(1.7)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 37)
    settled(qtbot, window)  # the docks are laid out again without the findings
    geometry, theme, state = window.geometry(), scene.look.theme, window.saveState()
    docks = {name: dock.isVisible() for name, dock in window.docks.items()}
    transform = view.transform()
    scroll = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert docks["palette"] and not docks["findings"]

    window.presentation.toggle()
    qtbot.waitUntil(window.isFullScreen)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert view.isVisible()
    assert scene.look.theme is not theme
    assert scene.look.theme.name_font.pointSizeF() > theme.name_font.pointSizeF()
    assert scene.look.theme.line_scale > 1.0

    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    QTest.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.waitUntil(lambda: window.geometry() == geometry and view.transform() == transform)
    assert not window.presentation.active
    assert window.geometry() == geometry
    assert window.saveState() == state
    assert {name: dock.isVisible() for name, dock in window.docks.items()} == docks
    assert window.menuBar().isVisible() and window.statusBar().isVisible() and window.toolbar.isVisible()
    assert view.transform() == transform
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == scroll
    assert scene.look.theme is theme


def test_f5_enters_and_leaves(kit: WindowKit, qtbot: Any) -> None:
    """F5 starts presenting, and F5 again leaves; the command is in the View menu."""
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert window.action("present") in window.menus["view"].actions()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.isFullScreen)
    assert window.presentation.active and not window.menuBar().isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.presentation.active and window.menuBar().isVisible()


def test_the_presented_board_fills_the_screen(kit: WindowKit, qtbot: Any) -> None:
    """Every person is in view, and the board takes most of the screen's width or height."""
    window = presenting(kit, qtbot)
    view, scene = window.view, window.scene
    assert view is not None and scene is not None

    def fills() -> bool:
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        people = scene.people_rect()
        fitted = people.width() > 0.85 * visible.width() or people.height() > 0.85 * visible.height()
        return visible.contains(people) and fitted

    qtbot.waitUntil(fills, timeout=3000)


def test_a_click_spotlights_exactly_the_linked_people(kit: WindowKit, qtbot: Any) -> None:
    """Clicking Joost (p2) dims nobody linked to him; clicking Sam (u1) dims the two customer
    people he has no line to; the links not touching the person dim too; a click on empty
    canvas brings everyone back."""
    window = presenting(kit, qtbot)
    scene = window.scene
    assert scene is not None
    click(window, "p2", qtbot)
    assert dimmed(window) == set()
    click(window, "u1", qtbot)
    assert dimmed(window) == {"p1", "p3"}
    assert all(scene.tokens[pid].opacity() == pytest.approx(DIM) for pid in ("p1", "p3"))
    assert {lid for lid, item in scene.links.items() if item.opacity() < 1.0} == {"l1", "l3", "l4"}
    click(window, "p1", qtbot)
    assert dimmed(window) == {"u1"}
    click(window, None, qtbot)
    assert dimmed(window) == set()
    assert all(item.opacity() == 1.0 for item in scene.links.values())


def test_the_spotlight_follows_only_the_lines_shown(kit: WindowKit, qtbot: Any) -> None:
    """With the conflict layer hidden, a conflict line no longer lights the other person."""
    window = presenting(kit, qtbot)
    click(window, "p3", qtbot)
    assert dimmed(window) == {"u1"}
    window.action("layer_conflict").setChecked(False)
    assert dimmed(window) == {"u1", "p2"}


def test_dragging_a_token_while_presenting_moves_it_and_does_not_spotlight(kit: WindowKit, qtbot: Any) -> None:
    """A press, move and release on a token moves the person (one undo step), and leaves the
    board undimmed."""
    window = presenting(kit, qtbot)
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    start = view.mapFromScene(scene.tokens["p3"].pos())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + QPoint(0, 12 * step))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
    moved = window.editor.document.board.people["p3"].y
    assert moved is not None and moved > 60.0
    assert dimmed(window) == set()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.board.people["p3"].y == 60.0
    assert board_on_disk(window.opened.path).people["p3"].y == 60.0


@pytest.mark.parametrize(
    ("key", "layer", "hidden"),
    [
        (Qt.Key.Key_1, "reporting", {"l1"}),
        (Qt.Key.Key_2, "influence", {"l3"}),
        (Qt.Key.Key_3, "relationship", {"l2"}),
        (Qt.Key.Key_4, "conflict", {"l4"}),
    ],
)
def test_each_layer_key_hides_exactly_its_lines(
    kit: WindowKit, qtbot: Any, key: Qt.Key, layer: str, hidden: set[str]
) -> None:
    """Keys 1 to 4 hide the reporting, influence, relationship and conflict lines, and only
    those; the same key shows them again. It works in the normal window too."""
    window = kit.window(kit.board(board=four_kinds()))
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    scene = window.scene
    assert scene is not None
    QTest.keyClick(window.view, key)
    assert not window.action(f"layer_{layer}").isChecked()
    assert {lid for lid, item in scene.links.items() if not item.isVisible()} == hidden
    QTest.keyClick(window.view, key)
    assert all(item.isVisible() for item in scene.links.values())


def test_the_stance_key_hides_the_stance_words_while_presenting(kit: WindowKit, qtbot: Any) -> None:
    """Key 5 hides the stance words on the cards (with the menu bar hidden), and shows them again."""
    window = presenting(kit, qtbot)
    scene = window.scene
    assert scene is not None and scene.look.show_stance
    QTest.keyClick(window.view, Qt.Key.Key_5)
    assert not scene.look.show_stance
    assert all(item.isVisible() for item in scene.links.values())
    QTest.keyClick(window.view, Qt.Key.Key_5)
    assert scene.look.show_stance


def test_the_stance_menu_changes_a_stance_in_one_undo_step(kit: WindowKit, qtbot: Any) -> None:
    """Choosing "blocker" in Ingrid's stance menu changes her stance on the card and in the
    file; Ctrl+Z while presenting puts "neutral" back in one step. Our own people have no menu."""
    window = presenting(kit, qtbot)
    scene = window.scene
    assert scene is not None
    assert stance_menu(scene, "u1") is None
    menu = stance_menu(scene, "p1")
    assert menu is not None
    choice = next(a for a in menu.actions() if a.data() == "blocker")
    assert next(a for a in menu.actions() if a.data() == "neutral").isChecked()
    count = window.editor.undo_stack.count()
    choice.trigger()
    assert scene.tokens["p1"].person.stance == "blocker"
    assert board_on_disk(window.opened.path).people["p1"].stance == "blocker"
    assert window.editor.undo_stack.count() == count + 1
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scene.tokens["p1"].person.stance == "neutral"
    assert board_on_disk(window.opened.path).people["p1"].stance == "neutral"


def test_a_right_click_on_a_customer_token_opens_the_stance_menu(kit: WindowKit, qtbot: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The right button on a customer person's card opens the menu of stances, checked at theirs."""
    window = presenting(kit, qtbot)
    opened: list[list[str]] = []
    monkeypatch.setattr(window.presentation.stances, "open",
                        lambda menu, _at: opened.append([a.text() for a in menu.actions() if a.isChecked()]))
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    at = view.mapFromScene(scene.tokens["p3"].pos())
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                              view.viewport().mapToGlobal(at)))
    assert opened and opened[-1] == ["▲▲ champion"]


def test_f_walks_through_the_findings_and_esc_leaves_at_once(kit: WindowKit, qtbot: Any) -> None:
    """F spotlights the first finding's people and shows its sentence as a caption; Shift+F
    goes back; one Esc ends the walk and leaves presentation."""
    window = presenting(kit, qtbot)
    view = window.view
    assert view is not None
    QTest.keyClick(view, Qt.Key.Key_F)
    findings = window.findings.analysis.findings if window.findings.analysis else ()
    assert findings
    first = findings[0]
    caption = window.presentation.caption
    assert caption.isVisible() and first.message in caption.text()
    assert caption.textFormat() == Qt.TextFormat.PlainText
    scene = window.scene
    assert scene is not None
    if first.people:
        assert dimmed(window) == set(scene.tokens) - set(first.people)
        involved = set(first.people)
        touching = {lid for lid, item in scene.links.items() if involved & {item.link.source, item.link.target}}
        assert touching, "the first finding's people have lines on this board"
        assert all(scene.links[lid].opacity() == 1.0 for lid in touching)
        assert all(item.opacity() < 1.0 for lid, item in scene.links.items() if lid not in touching)
    QTest.keyClick(view, Qt.Key.Key_F)
    if len(findings) > 1:
        assert findings[1].message in caption.text()
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert first.message in caption.text()
    QTest.keyClick(view, Qt.Key.Key_Escape)  # one Esc: the walk ends and presentation is left
    assert not caption.isVisible() and dimmed(window) == set()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.presentation.active


def test_typing_a_name_while_presenting_is_not_taken_by_the_keys(kit: WindowKit, qtbot: Any) -> None:
    """Renaming in place while presenting: Space, F and digits go into the name, not to the
    presentation keys, and Esc cancels the typing without leaving presentation."""
    window = presenting(kit, qtbot)
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    editor = scene.edit_name("p3")
    assert editor is not None
    QTest.keyClicks(view, "Fien 2")
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.editor.document.board.people["p3"].name.endswith("Fien 2")
    assert window.action("layer_influence").isChecked() and window.presentation.walk.index == -1
    scene.edit_name("p3")
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert scene.name_editor is None and window.presentation.active


def test_the_spotlight_follows_a_line_drawn_while_presenting(kit: WindowKit, qtbot: Any) -> None:
    """A new line to the spotlit person lights its other end at once; undoing it dims them again."""
    window = presenting(kit, qtbot)
    click(window, "u1", qtbot)
    assert dimmed(window) == {"p1", "p3"}
    assert window.editor.submit(window_change_link(window))
    assert dimmed(window) == {"p1"}
    window.editor.undo_stack.undo()
    assert dimmed(window) == {"p1", "p3"}


def window_change_link(window: MainWindow) -> Change:
    doc = window.editor.document
    return Change(links=(Link(doc.new_link_id(), "u1", "p3", "relationship", 3),), label="Link")


def test_starting_with_present_leaves_to_the_whole_board(kit: WindowKit, qtbot: Any) -> None:
    """Started with --present, leaving shows the whole board in the restored window, with the
    menu bar and panels back."""
    window = presenting(kit, qtbot)
    window.presentation.leave()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    qtbot.waitUntil(lambda: view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.people_rect()))
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.people_rect())
    assert window.menuBar().isVisible() and window.docks["palette"].isVisible()


def test_stepping_without_saved_views_says_how_to_make_them(kit: WindowKit, qtbot: Any) -> None:
    """Space on a board without saved views leaves the canvas where it is and says where to save views."""
    window = presenting(kit, qtbot)
    view = window.view
    assert view is not None
    transform = view.transform()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.transform() == transform
    assert "Views panel" in window.presentation.name_caption.text()


def test_a_finding_caption_shows_names_as_typed(kit: WindowKit, qtbot: Any) -> None:
    """A person named like markup appears in the caption literally."""
    board = four_kinds()
    board.people["p1"] = replace(board.people["p1"], name="<b>Ingrid</b> & co")
    window = presenting(kit, qtbot, board)
    for _ in range(12):
        QTest.keyClick(window.view, Qt.Key.Key_F)
        if "<b>Ingrid</b> & co" in window.presentation.caption.text():
            break
    assert "<b>Ingrid</b> & co" in window.presentation.caption.text()
    assert window.presentation.caption.textFormat() == Qt.TextFormat.PlainText

"""Saved views: saving the area and layers shown, renaming, reordering and deleting them
(each undoable and written to the file), and stepping through them while presenting."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.present.views import visible_rect
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE



def names(window: MainWindow) -> list[str]:
    assert window.editor is not None
    return [view.name for view in window.editor.document.board.views]


def panel_names(window: MainWindow) -> list[str]:
    listing = window.presentation.views_panel.list
    return [listing.item(i).text() for i in range(listing.count())]


def save_two(window: MainWindow, qtbot: Any) -> None:
    """ "Ingrid" close up with every layer, then "Only the reporting lines" over the whole board."""
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    qtbot.waitUntil(lambda: view.viewport().width() > 100)
    view.fitInView(scene.people_rect(["p1"]), Qt.AspectRatioMode.KeepAspectRatio)
    assert window.presentation.views.save_current("Ingrid")
    view.fit()
    window.presentation.layers.set_shown({"reporting"})
    assert window.presentation.views.save_current("Only the reporting lines")
    window.presentation.layers.set_shown({"reporting", "influence", "relationship", "conflict", "stance"})


def close_to(shown: QRectF, wanted: QRectF) -> bool:
    """The area shown holds the view's area, centred on it, and fills it in one direction."""
    centred = (shown.center() - wanted.center()).manhattanLength() < 0.02 * (wanted.width() + wanted.height())
    fills = shown.width() < wanted.width() * 1.1 or shown.height() < wanted.height() * 1.1
    return shown.contains(wanted.adjusted(4, 4, -4, -4)) and centred and fills


def test_saved_views_survive_closing_and_reopening_the_file(kit: WindowKit, qtbot: Any) -> None:
    """Two saved views are in the file with their areas and layers, and are listed again
    in the Views panel when the board is opened anew."""
    path = kit.board()
    window = kit.window(path)
    save_two(window, qtbot)
    assert panel_names(window) == ["Ingrid", "Only the reporting lines"]
    first_rect = window.editor.document.board.views[0].rect
    window.close()
    on_disk = board_on_disk(path).views
    assert [v.name for v in on_disk] == ["Ingrid", "Only the reporting lines"]
    assert on_disk[1].layers == ("reporting",)
    assert on_disk[0].rect == pytest.approx(first_rect)
    again = kit.window(path)
    assert names(again) == ["Ingrid", "Only the reporting lines"]
    assert panel_names(again) == ["Ingrid", "Only the reporting lines"]


def test_rename_reorder_and_delete_are_each_one_undo_step(kit: WindowKit, qtbot: Any) -> None:
    """Renaming, moving down and deleting a view change the file, and Ctrl+Z takes each back in turn."""
    path = kit.board()
    window = kit.window(path)
    save_two(window, qtbot)
    views = window.presentation.views
    assert views.rename(0, "Who decides")
    assert names(window) == ["Who decides", "Only the reporting lines"]
    assert views.move(0, 1)
    assert names(window) == ["Only the reporting lines", "Who decides"]
    assert panel_names(window) == names(window)
    assert views.delete(0)
    assert [v.name for v in board_on_disk(path).views] == ["Who decides"]
    window.editor.undo_stack.undo()
    assert names(window) == ["Only the reporting lines", "Who decides"]
    window.editor.undo_stack.undo()
    assert names(window) == ["Who decides", "Only the reporting lines"]
    window.editor.undo_stack.undo()
    assert names(window) == ["Ingrid", "Only the reporting lines"]
    assert panel_names(window) == names(window)
    assert [v.name for v in board_on_disk(path).views] == ["Ingrid", "Only the reporting lines"]
    assert not views.rename(0, "   ")
    assert not views.move(1, 1)


def test_a_view_without_a_name_is_refused(kit: WindowKit, qtbot: Any) -> None:
    """An empty name saves nothing and says why."""
    window = kit.window(kit.board())
    assert not window.presentation.views.save_current("  ")
    assert names(window) == []
    assert "name" in window.statusBar().currentMessage()


def test_space_and_arrows_step_through_the_views_while_presenting(kit: WindowKit, qtbot: Any) -> None:
    """Space shows the first view (its area and its layers) with its name as a caption,
    Right the second, Left the first again."""
    window = kit.window(kit.board())
    save_two(window, qtbot)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    screen = window.screen()
    qtbot.waitUntil(lambda: window.presentation.settled and window.geometry() == screen.geometry())
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    saved = window.editor.document.board.views
    glide = window.presentation.views.glide

    QTest.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: glide.state() != glide.State.Running)
    assert close_to(visible_rect(view), QRectF(*saved[0].rect))
    assert window.presentation.name_caption.text() == "Ingrid"
    assert all(item.isVisible() for item in scene.links.values())

    QTest.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: glide.state() != glide.State.Running)
    assert close_to(visible_rect(view), QRectF(*saved[1].rect))
    assert scene.links["l1"].isVisible() and not scene.links["l2"].isVisible()
    assert not scene.look.show_stance

    QTest.keyClick(view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: glide.state() != glide.State.Running)
    assert close_to(visible_rect(view), QRectF(*saved[0].rect))
    assert scene.look.show_stance


def test_leaving_presentation_brings_back_the_layers_shown_before(kit: WindowKit, qtbot: Any) -> None:
    """A view that hides layers while presenting does not leave them hidden afterwards."""
    window = kit.window(kit.board())
    save_two(window, qtbot)
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    window.presentation.views.show(1, animate=False)
    assert not window.action("layer_relationship").isChecked()
    window.presentation.leave()
    assert window.action("layer_relationship").isChecked()
    assert window.scene is not None and all(item.isVisible() for item in window.scene.links.values())


def test_the_views_panel_saves_and_renames_through_its_buttons(kit: WindowKit, qtbot: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Save… asks for a name and lists the new view; Rename… renames the chosen one; the
    buttons that need a chosen view are off while the list is empty; the panel is in View > Panels."""
    window = kit.window(kit.board())
    panel = window.presentation.views_panel
    assert window.docks["views"].toggleViewAction() in window.panels_menu.actions()
    assert not panel.buttons["rename"].isEnabled() and not panel.buttons["delete"].isEnabled()
    answers = iter([("Who we know", True), ("Who we know well", True)])
    monkeypatch.setattr("dmuboard.gui.present.viewsdock.QInputDialog.getText",
                        lambda *args, **kwargs: next(answers))
    qtbot.mouseClick(panel.buttons["save"], Qt.MouseButton.LeftButton)
    assert panel_names(window) == ["Who we know"] and panel.list.currentRow() == 0
    assert panel.buttons["rename"].isEnabled() and not panel.buttons["up"].isEnabled()
    qtbot.mouseClick(panel.buttons["rename"], Qt.MouseButton.LeftButton)
    assert names(window) == ["Who we know well"] == panel_names(window)

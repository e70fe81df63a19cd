"""Presenting the sample board at 1024x768: every name whole and large enough to read from
the back of a room, the stance word shown, no two cards on top of each other; and the
ordinary canvas keeps its one-line cards."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from dmuboard.gui.canvas.style import MAX_TOKEN_SIZE, Theme, projector_theme, token_size
from dmuboard.gui.canvas.tokenlayout import CARD_GAP, PROJECTOR_LAYOUT, chips_fit, room_to_grow, wrap_lines
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.layout.route import GAP
from dmuboard.model import layout
from dmuboard.model.board import Board
from dmuboard.sample import sample_board
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE

MIN_LINE = 18.0  # screen pixels per name line at the back of a room

# Long names (up to 22 characters) that must still be shown whole.
LONG_NAMES = {
    "p1": "Gert-Jan van den Broek",
    "p2": "Annemarie van Leeuwen",
    "p4": "Christiaan Vermeulen",
    "p10": "Wilhelmina Janssens",
    "p9": "Jan-Willem de Groot",
}



def present_at_1024(kit: WindowKit, qtbot: Any, board: Board) -> MainWindow:
    """Present ``board`` and give the window the size of a 1024x768 projector (the
    offscreen screen has its own size); the board is fitted again on the resize."""
    window = kit.window(kit.board(board=board))
    qtbot.waitExposed(window)
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    screen = window.screen()
    # the presentation's own full-screen step first: it would undo the resize below
    qtbot.waitUntil(lambda: window.presentation.settled and window.geometry() == screen.geometry())
    window.setGeometry(0, 0, 1024, 768)
    view = window.view
    assert view is not None
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 768)
    # only the view's own frame is left around the canvas: no panel or bar takes room
    # (waited for: the window lays itself out again after the resize)
    qtbot.waitUntil(lambda: view.viewport().width() >= 1020 and view.viewport().height() >= 764)
    qtbot.waitUntil(lambda: fitted(view))  # the fit after the resize
    return window


def fitted(view: BoardView) -> bool:
    """Whether the whole board fills the view (as the presentation fits it)."""
    board, shown = view.board_scene.people_rect(), view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(board) and max(board.width() / shown.width(), board.height() / shown.height()) > 0.9


def name_lines(window: MainWindow, pid: str) -> tuple[str, float]:
    """The name as a token shows it and the height of one of its lines on screen."""
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    item = scene.tokens[pid].name_item
    shown = item.text()
    height = view.mapFromScene(item.sceneBoundingRect()).boundingRect().height()
    return shown, height / (shown.count("\n") + 1)


def assert_readable(window: MainWindow, board: Board) -> None:
    scene = window.scene
    assert scene is not None
    for person in board.people.values():
        shown, line = name_lines(window, person.id)
        assert "…" not in shown, (person.name, shown)
        assert shown.replace("-\n", "-").replace("\n", " ") == person.name, (person.name, shown)
        assert shown.count("\n") <= 1
        assert line >= MIN_LINE, (person.name, line)
        token = scene.tokens[person.id]
        assert token.name_item.isVisible()
        visible = token.mapRectToScene(token.card_rect())
        assert visible.contains(token.name_item.sceneBoundingRect()), person.name


def card_rects(window: MainWindow) -> dict[str, QRectF]:
    scene = window.scene
    assert scene is not None
    return {pid: token.mapRectToScene(token.card_rect()) for pid, token in scene.tokens.items()}


def test_every_name_of_the_presented_sample_is_whole_and_at_least_18_pixels_a_line(
        kit: WindowKit, qtbot: Any) -> None:
    """At 1024x768 with the whole sample board fitted, each person's name is shown in full
    (wrapped rather than cut off with an ellipsis) at 18 or more screen pixels a line, the
    title is dropped only where the name needs both lines, and the cards do not overlap."""
    board = sample_board()
    window = present_at_1024(kit, qtbot, board)
    assert_readable(window, board)
    scene = window.scene
    assert scene is not None
    bas = scene.tokens["p8"]  # "Bas Coolen" fits one line: the title has the second
    assert "\n" not in bas.name_item.text() and bas.title_item.text() == "IT architect"
    assert bas.title_item.sceneBoundingRect().top() >= bas.name_item.sceneBoundingRect().bottom() - 1.0
    wrapped = scene.tokens["p2"]
    assert "\n" in wrapped.name_item.text() and wrapped.title_item.text() == ""
    for a, b in combinations(card_rects(window).items(), 2):
        assert not a[1].intersects(b[1]), (a[0], b[0])


def test_names_up_to_22_characters_wrap_onto_two_lines_without_an_ellipsis(kit: WindowKit, qtbot: Any) -> None:
    """Long and double-barrelled names in the sample's places still show whole, on at most
    two lines of the same large type, and links still end at the taller cards' edges."""
    board = sample_board()
    for pid, name in LONG_NAMES.items():
        board.people[pid] = replace(board.people[pid], name=name)
    window = present_at_1024(kit, qtbot, board)
    assert_readable(window, board)
    scene = window.scene
    assert scene is not None
    for pid in LONG_NAMES:
        assert "\n" in scene.tokens[pid].name_item.text()
    rects = card_rects(window)
    for link in scene.links.values():
        for end, pid in zip(link.ends(), (link.link.source, link.link.target), strict=True):
            at, card = link.mapToScene(end), rects[pid]
            assert card.adjusted(-GAP - 1, -GAP - 1, GAP + 1, GAP + 1).contains(at), link.link.key
            assert not card.adjusted(2.0, 2.0, -2.0, -2.0).contains(at), link.link.key


def test_the_stance_word_is_drawn_larger_than_on_the_ordinary_canvas() -> None:
    """The projector's stance word and name are at least half again as large as the
    ordinary ones, and its cards are taller but never wider (positions are spaced for them)."""
    normal, projector = Theme(), projector_theme()
    for attr in ("name_font", "stance_font"):
        big: QFont = getattr(projector, attr)
        small: QFont = getattr(normal, attr)
        assert QFontMetricsF(big).height() >= 1.5 * QFontMetricsF(small).height()
    for influence in range(1, 6):
        w, h = projector.layout.card_size(token_size(influence))
        assert w == token_size(influence)[0] and h > token_size(influence)[1]


def test_leaving_the_presentation_brings_back_the_ordinary_one_line_cards(kit: WindowKit, qtbot: Any) -> None:
    """After Esc the cards have their ordinary size again and a long name is one line,
    cut short with an ellipsis as before."""
    board = sample_board()
    board.people["p10"] = replace(board.people["p10"], name="Annemarie Wilhelmina van Leeuwen")
    window = present_at_1024(kit, qtbot, board)
    window.presentation.leave()
    scene = window.scene
    assert scene is not None
    token = scene.tokens["p10"]
    assert token.size == token_size(board.people["p10"].influence)
    assert "\n" not in token.name_item.text() and token.name_item.text().endswith("…")
    assert token.title_item.text() == board.people["p10"].title


def test_wrapping_breaks_between_words_then_at_a_hyphen_then_cuts_short(qapp: Any) -> None:
    """Words go onto the next line when the first is full; one long double-barrelled word
    breaks after its hyphen; a name that fits nowhere ends in an ellipsis on the last line."""
    font = QFont()
    font.setPixelSize(20)
    metrics = QFontMetricsF(font)
    room = metrics.horizontalAdvance("Esther van") + 1.0
    assert wrap_lines("Esther van Rooij", metrics, room, 2) == "Esther van\nRooij"
    assert wrap_lines("Esther van Rooij", metrics, room, 1).endswith("…")
    assert wrap_lines("Bas", metrics, room, 2) == "Bas"
    long = "Kleinschmidt-Vandenberghe"
    assert wrap_lines(long, metrics, metrics.horizontalAdvance("Vandenberghe") + 1.0, 2) == (
        "Kleinschmidt-\nVandenberghe")
    squeezed = wrap_lines("Annemarie Wilhelmina van Leeuwen de Groot", metrics, room, 2)
    assert squeezed.count("\n") == 1 and squeezed.endswith("…")
    assert all(metrics.horizontalAdvance(line) <= room for line in squeezed.split("\n"))


def test_cards_grow_only_as_far_as_the_rows_of_the_board_allow(kit: WindowKit, qtbot: Any) -> None:
    """A board arranged by the program (rows closer than the sample's) presents without
    any two cards overlapping, every name still whole on at most two lines."""
    board = sample_board()
    for pid, (x, y) in layout.auto_layout(board, MAX_TOKEN_SIZE).items():
        board.people[pid] = replace(board.people[pid], x=x, y=y)
    window = present_at_1024(kit, qtbot, board)
    scene = window.scene
    assert scene is not None
    assert scene.look.theme.layout.extra_height < PROJECTOR_LAYOUT.extra_height  # the rows are closer
    for person in board.people.values():
        shown = scene.tokens[person.id].name_item.text()
        assert "…" not in shown and shown.count("\n") <= 1, shown
    for a, b in combinations(card_rects(window).items(), 2):
        assert not a[1].intersects(b[1]), (a[0], b[0])


def test_the_room_to_grow_is_the_closest_pair_of_cards_above_each_other() -> None:
    """Cards side by side never limit the growth; of two stacked columns the closer one
    does; a squeezed projector card keeps its name lines and stance word but no chip row."""
    w, h = MAX_TOKEN_SIZE
    side_by_side = [(0.0, 0.0, w, h), (w + 10.0, 0.0, w, h)]
    assert room_to_grow(side_by_side) == float("inf")
    columns = [(0.0, 0.0, w, h), (0.0, 150.0, w, h), (500.0, 0.0, w, h), (530.0, h + 24.0, w, h)]
    assert room_to_grow(columns) == 24.0 - CARD_GAP
    roomy, squeezed = projector_theme(), projector_theme(24.0 - CARD_GAP)
    assert roomy.layout.extra_height == PROJECTOR_LAYOUT.extra_height
    assert squeezed.layout.extra_height == 24.0 - CARD_GAP
    assert chips_fit(roomy.layout, roomy.layout.card_size(token_size(1))[1])
    assert not chips_fit(squeezed.layout, squeezed.layout.card_size(token_size(5))[1])
    assert chips_fit(Theme().layout, token_size(1)[1])

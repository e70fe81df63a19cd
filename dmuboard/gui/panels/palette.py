"""The palette: tokens to drag onto the canvas, and the legend of what the canvas shows.

The nine DMU roles make tokens for the customer's side, "Team member" one for ours.
A token is dragged with :func:`~dmuboard.gui.common.mime.token_mime`; a double-click (or
Enter on a focused token) asks the window to add one in the middle of the view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.common.feature import DockSpec, Feature
from dmuboard.gui.common.mime import token_mime
from dmuboard.model.board import DIRECTED_KINDS, LINK_KINDS, ROLES, STANCES
from dmuboard.model.vocabulary import LINK_LABELS, ROLE_CHIPS, ROLE_LABELS, STANCE_LABELS, STANCE_SYMBOLS, role_tip

TEAM_TIP = "Team member: someone of our own company (account manager, specialist, executive)."
ADD_HINT = "Drag onto the canvas, or double-click to add one in the middle of the view."


def _chip(text: str, background: QColor, foreground: QColor, parent: QWidget) -> QLabel:
    chip = QLabel(text, parent)
    chip.setTextFormat(Qt.TextFormat.PlainText)
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    chip.setMinimumWidth(44)
    chip.setStyleSheet(
        f"background: {background.name()}; color: {foreground.name()}; border-radius: 3px;"
        "padding: 1px 4px; font-weight: bold; font-size: 8pt;"
    )
    return chip


class PaletteToken(QFrame):
    """One draggable token: a role chip and the role's name."""

    activated = Signal(str, object)  # side, role (None for our team)

    def __init__(self, side: str, role: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.role = role
        self._press: QPoint | None = None
        theme = Theme()
        self.setObjectName("paletteToken")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        border = theme.ours_border if side == "ours" else theme.card_border
        fill = theme.ours_card if side == "ours" else theme.card
        self.setStyleSheet(
            f"#paletteToken {{ background: {fill.name()}; border: 1px solid {border.name()}; border-radius: 5px; }}"
            f"#paletteToken:focus {{ border: 2px solid {theme.selection.name()}; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        if role is None:
            layout.addWidget(_chip("OURS", theme.ours_border, QColor("#ffffff"), self))
            self.label = QLabel("Team member", self)
            self.setToolTip(f"{TEAM_TIP}\n{ADD_HINT}")
        else:
            layout.addWidget(_chip(ROLE_CHIPS[role], theme.chip, theme.chip_text, self))
            self.label = QLabel(ROLE_LABELS[role], self)
            self.setToolTip(f"{role_tip(role)}\n{ADD_HINT}")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.side, self.role)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.side, self.role)
            return
        super().keyPressEvent(event)

    def start_drag(self) -> Qt.DropAction:
        """Drag this token (the canvas adds a person where it is dropped)."""
        drag = QDrag(self)
        drag.setMimeData(token_mime(self.side, self.role))
        picture = QPixmap(self.size() * self.devicePixelRatioF())
        picture.setDevicePixelRatio(self.devicePixelRatioF())
        picture.fill(Qt.GlobalColor.transparent)
        self.render(picture)
        faded = QPixmap(picture.size())
        faded.setDevicePixelRatio(picture.devicePixelRatio())
        faded.fill(Qt.GlobalColor.transparent)
        painter = QPainter(faded)
        painter.setOpacity(0.8)
        painter.drawPixmap(0, 0, picture)
        painter.end()
        drag.setPixmap(faded)
        drag.setHotSpot(QPoint(self.width() // 2, self.height() // 2))
        return drag.exec(Qt.DropAction.CopyAction)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def line_sample(kind: str, theme: Theme, ratio: float = 1.0) -> QPixmap:
    """A short stretch of a link of ``kind``, drawn in the canvas's colour and pattern:
    solid, dashed (influence), a zigzag (conflict), with an arrow head when directed."""
    width, height = 44, 16
    picture = QPixmap(int(width * ratio), int(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = theme.link[kind]
    pen = QPen(colour, 2.0)
    if kind == "influences":
        pen.setDashPattern([4.0, 3.0])
    painter.setPen(pen)
    middle, end = height / 2, width - 4.0
    if kind == "conflict":
        zigzag = QPainterPath(QPointF(3.0, middle))
        for i, x in enumerate(range(7, int(end), 5)):
            zigzag.lineTo(x, middle + (3.5 if i % 2 else -3.5))
        zigzag.lineTo(end, middle)
        painter.drawPath(zigzag)
    else:
        painter.drawLine(QPointF(3.0, middle), QPointF(end - (6.0 if kind in DIRECTED_KINDS else 0.0), middle))
    if kind in DIRECTED_KINDS:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(end, middle), QPointF(end - 8.0, middle - 4.0),
                                       QPointF(end - 8.0, middle + 4.0)]))
    painter.end()
    return picture


class Legend(QWidget):
    """What the canvas's symbols mean: stances (symbol, colour, word) and link kinds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme = Theme()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(_heading("Stance", self))
        for stance in STANCES:
            row = QHBoxLayout()
            colour = theme.stance[stance]
            text = QColor("#ffffff") if colour.lightness() < 150 else theme.text
            row.addWidget(_chip(STANCE_SYMBOLS[stance], colour, text, self))
            word = QLabel(STANCE_LABELS[stance], self)
            word.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(word, 1)
            layout.addLayout(row)
        layout.addWidget(_heading("Lines", self))
        for kind in LINK_KINDS:
            row = QHBoxLayout()
            swatch = QLabel(self)
            swatch.setPixmap(line_sample(kind, theme, self.devicePixelRatioF()))
            row.addWidget(swatch)
            word = QLabel(LINK_LABELS[kind], self)
            word.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(word, 1)
            layout.addLayout(row)


class Palette(QScrollArea):
    """The dock's content: the customer's role tokens, our team's token, the legend."""

    activated = Signal(str, object)  # side, role: add one in the middle of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(3)
        self.tokens: list[PaletteToken] = []
        layout.addWidget(_heading("Their DMU", inner))
        for role in ROLES:
            self._add(PaletteToken("customer", role, inner), layout)
        layout.addWidget(_heading("Our team", inner))
        self._add(PaletteToken("ours", None, inner), layout)
        self.legend = Legend(inner)
        layout.addWidget(self.legend)
        layout.addStretch(1)
        self.setWidget(inner)

    def _add(self, token: PaletteToken, layout: QVBoxLayout) -> None:
        token.activated.connect(self.activated)
        layout.addWidget(token)
        self.tokens.append(token)

    def token(self, side: str, role: str | None) -> PaletteToken:
        return next(t for t in self.tokens if t.side == side and t.role == role)


class PaletteFeature(Feature):
    """The palette's dock: a token double-clicked adds a person in the middle of the view."""

    def docks(self) -> Sequence[DockSpec]:
        return (DockSpec("palette", "Palette", self._build, Qt.DockWidgetArea.LeftDockWidgetArea, order=10, size=190),)

    def _build(self) -> Palette:
        palette = Palette()
        palette.activated.connect(self.add_token_in_view)
        return palette

    def add_token_in_view(self, side: str, role: str | None) -> None:
        """A palette token double-clicked: a new person in the middle of the view."""
        scene, view = self.context.scene, self.context.view
        if scene is None or view is None:
            return
        centre = view.mapToScene(view.viewport().rect().center())
        pid = scene.add_person_at(centre, side, role)
        if pid is not None:
            scene.select(people=[pid])

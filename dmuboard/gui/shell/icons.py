"""Toolbar icons, drawn in one simple line style so they look alike on every desktop.

The icon theme of the desktop is used when it has the icon (it matches the rest of
the user's programs); otherwise our drawing is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

INK = QColor("#2b3340")
ACCENT = QColor("#2f6fde")
SIZE = 32

Drawing = Callable[[QPainter], None]


def _magnifier(p: QPainter) -> None:
    p.drawEllipse(QRectF(5, 5, 16, 16))
    p.drawLine(QPointF(19, 19), QPointF(27, 27))


def _new(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(8, 4)
    path.lineTo(19, 4)
    path.lineTo(25, 10)
    path.lineTo(25, 28)
    path.lineTo(8, 28)
    path.closeSubpath()
    p.drawPath(path)
    p.setPen(QPen(ACCENT, 2.6))
    p.drawLine(QPointF(16.5, 13), QPointF(16.5, 23))
    p.drawLine(QPointF(11.5, 18), QPointF(21.5, 18))


def _open(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(4, 9)
    path.lineTo(12, 9)
    path.lineTo(14, 12)
    path.lineTo(27, 12)
    path.lineTo(27, 26)
    path.lineTo(4, 26)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(4, 16), QPointF(27, 16))


def _copy(p: QPainter) -> None:
    p.drawRect(QRectF(5, 4, 14, 18))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(12, 10, 14, 18))
    p.setPen(QPen(ACCENT, 2.4))
    p.drawLine(QPointF(16, 19), QPointF(22, 19))
    p.drawLine(QPointF(19, 16), QPointF(19, 22))


def _undo(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(9, 14)
    path.cubicTo(14, 6, 27, 8, 26, 18)
    path.cubicTo(25, 24, 20, 26, 16, 26)
    p.drawPath(path)
    head = QPainterPath()
    head.moveTo(4, 8)
    head.lineTo(11, 18)
    head.lineTo(3, 17)
    head.closeSubpath()
    p.setBrush(INK)
    p.drawPath(head)


def _redo(p: QPainter) -> None:
    p.translate(SIZE, 0)
    p.scale(-1, 1)
    _undo(p)


def _delete(p: QPainter) -> None:
    p.drawLine(QPointF(6, 9), QPointF(26, 9))
    p.drawLine(QPointF(13, 9), QPointF(13, 5))
    p.drawLine(QPointF(13, 5), QPointF(19, 5))
    p.drawLine(QPointF(19, 5), QPointF(19, 9))
    path = QPainterPath()
    path.moveTo(9, 9)
    path.lineTo(10.5, 28)
    path.lineTo(21.5, 28)
    path.lineTo(23, 9)
    p.drawPath(path)
    p.drawLine(QPointF(16, 13), QPointF(16, 24))


def _zoom_in(p: QPainter) -> None:
    _magnifier(p)
    p.drawLine(QPointF(9, 13), QPointF(17, 13))
    p.drawLine(QPointF(13, 9), QPointF(13, 17))


def _zoom_out(p: QPainter) -> None:
    _magnifier(p)
    p.drawLine(QPointF(9, 13), QPointF(17, 13))


def _fit(p: QPainter) -> None:
    for x, y, dx, dy in ((4, 4, 1, 1), (28, 4, -1, 1), (4, 28, 1, -1), (28, 28, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 7 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 7 * dy))
    p.drawRect(QRectF(11, 12, 10, 8))


def _connect(p: QPainter) -> None:
    p.drawLine(QPointF(10, 22), QPointF(22, 10))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(3, 18, 12, 10), 2, 2)
    p.setBrush(ACCENT)
    p.drawRoundedRect(QRectF(17, 4, 12, 10), 2, 2)


def _snap(p: QPainter) -> None:
    p.setBrush(INK)
    for x in (7, 16, 25):
        for y in (7, 16, 25):
            p.drawEllipse(QPointF(x, y), 1.6, 1.6)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(ACCENT, 2.2))
    p.drawRect(QRectF(7, 7, 9, 9))


def _layout(p: QPainter) -> None:
    p.drawLine(QPointF(16, 10), QPointF(16, 15))
    p.drawLine(QPointF(7, 15), QPointF(25, 15))
    p.drawLine(QPointF(7, 15), QPointF(7, 20))
    p.drawLine(QPointF(25, 15), QPointF(25, 20))
    p.setBrush(ACCENT)
    p.drawRect(QRectF(11, 3, 10, 7))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(2, 20, 10, 7))
    p.drawRect(QRectF(20, 20, 10, 7))


def _find(p: QPainter) -> None:
    _magnifier(p)


def _full_screen(p: QPainter) -> None:
    for x, y, dx, dy in ((4, 4, 1, 1), (28, 4, -1, 1), (4, 28, 1, -1), (28, 28, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 8 * dx, y + 8 * dy))
        p.drawLine(QPointF(x, y), QPointF(x + 6 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 6 * dy))


_DRAWINGS: dict[str, tuple[str, Drawing]] = {
    "new": ("document-new", _new),
    "open": ("document-open", _open),
    "save_copy": ("document-save-as", _copy),
    "undo": ("edit-undo", _undo),
    "redo": ("edit-redo", _redo),
    "delete": ("edit-delete", _delete),
    "zoom_in": ("zoom-in", _zoom_in),
    "zoom_out": ("zoom-out", _zoom_out),
    "fit": ("zoom-fit-best", _fit),
    "connect": ("", _connect),
    "snap": ("", _snap),
    "auto_layout": ("", _layout),
    "find": ("edit-find", _find),
    "full_screen": ("view-fullscreen", _full_screen),
}


def drawn_icon(name: str) -> QIcon:
    """Our own drawing of the icon ``name`` (see ``_DRAWINGS``)."""
    draw = _DRAWINGS[name][1]
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(SIZE * scale, SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The desktop theme's icon for ``name`` when it has one, else our drawing."""
    theme_name = _DRAWINGS[name][0]
    if theme_name and QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    return drawn_icon(name)

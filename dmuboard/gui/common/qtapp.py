"""A Qt application for commands that render without a window (``dmuboard export``).

Rendering a board needs a :class:`QApplication` (the scene is a widgets class), but
a command must also run on a server or in CI where there is no display. When none
is there (on Linux: no ``DISPLAY`` and no ``WAYLAND_DISPLAY``) and the user has not
chosen a platform through ``QT_QPA_PLATFORM``, Qt's ``offscreen`` platform is used.

The bundled DejaVu Sans fonts are loaded into every application, so that text is
measured and drawn the same on every machine and exports look alike wherever they
are made.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from dmuboard.gui.common.display import display_missing
from dmuboard.resources import resource

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY = "DejaVu Sans"

# Every export device (PDF writer, SVG generator, picture, printer) is given this
# logical resolution, the one the canvas is drawn for, so that text the canvas and
# the export paint keeps its size relative to the board.
DEVICE_DPI = 96

_loaded: list[str] = []
_ruler: QImage | None = None


def choose_platform() -> None:
    """Pick the offscreen platform when there is no display and no platform was chosen."""
    if not os.environ.get("QT_QPA_PLATFORM") and display_missing():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def load_fonts() -> str:
    """Add the bundled fonts to Qt's font database (once); returns the family name.

    Needs a QGuiApplication. If the files are missing the system fonts are used.
    """
    if not _loaded:
        for name in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(resource(f"fonts/{name}"))) >= 0:
                _loaded.append(name)
    return FONT_FAMILY if _loaded else QFont().family()


def export_font(size: float = 9.0, bold: bool = False) -> QFont:
    """The font exports use for their own text (title block, legend, findings).

    ``size`` is the text's size in painter units (points on an export page) on a
    device of :data:`DEVICE_DPI`, which every export device is set to.
    """
    font = QFont(load_fonts())
    font.setPointSizeF(size * 72.0 / DEVICE_DPI)
    font.setBold(bold)
    return font


def measure(font: QFont) -> QFontMetricsF:
    """Metrics of ``font`` on an export device (in painter units, whatever the screen)."""
    global _ruler
    if _ruler is None:
        _ruler = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        dots_per_metre = round(DEVICE_DPI / 0.0254)
        _ruler.setDotsPerMeterX(dots_per_metre)
        _ruler.setDotsPerMeterY(dots_per_metre)
    return QFontMetricsF(font, _ruler)


def command_line_app() -> QApplication:
    """The running QApplication, or a new one fit for a command with no window."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        load_fonts()
        return existing
    choose_platform()
    app = QApplication(["dmuboard"])
    family = load_fonts()
    font = QFont(family)
    font.setPointSizeF(9.0)
    app.setFont(font)
    return app

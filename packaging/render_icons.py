"""Render the program icon, resources/dmuboard.svg, into the bitmaps the platforms want.

Writes, next to the SVG: dmuboard.png (256 px), dmuboard-64.png, dmuboard-32.png (Linux
menus and the window icon), dmuboard.ico (Windows: 16 to 256 px) and dmuboard.icns (macOS:
128 to 512 px). The results are committed; run this again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

ICO and ICNS files are written here rather than by a Qt image plugin, because both may hold
several sizes and Qt's writers hold one; both formats accept PNG data for each size.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SVG = RESOURCES / "dmuboard.svg"
PNG_SIZES = {256: "dmuboard.png", 64: "dmuboard-64.png", 32: "dmuboard-32.png"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types that hold PNG data, by pixel size.
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon drawn at ``size`` x ``size`` pixels, as PNG data with a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file holding each PNG image (sizes up to 256; 256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file holding each PNG image under its ICNS type code."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(images.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    sizes = set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES)
    images = {size: render(renderer, size) for size in sorted(sizes)}
    for size, name in PNG_SIZES.items():
        (RESOURCES / name).write_bytes(images[size])
    (RESOURCES / "dmuboard.ico").write_bytes(ico({size: images[size] for size in ICO_SIZES}))
    (RESOURCES / "dmuboard.icns").write_bytes(icns({size: images[size] for size in ICNS_TYPES}))
    del app
    print(f"render_icons: wrote {len(PNG_SIZES)} PNG files, dmuboard.ico and dmuboard.icns in {RESOURCES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

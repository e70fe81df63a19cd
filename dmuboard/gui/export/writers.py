"""Writing the pages to a PDF, SVG or PNG file, whole or not at all.

Each writer paints into memory first (PDF and SVG stay vector: text stays text),
then the bytes go to disk through :class:`QSaveFile` under a fresh name, renamed over
the destination only when everything was written (a link there is replaced itself). A
full disk, a missing or read-only folder, or a cancel leaves no file behind and the old
file, if any, untouched.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSaveFile, QSize, QSizeF
from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPainter, QPdfWriter, Qt

from dmuboard.gui.common.qtapp import DEVICE_DPI
from dmuboard.gui.export.layout import pixel_size
from dmuboard.gui.export.pages import PageSet
from dmuboard.localfiles import shown
from dmuboard.model.errors import StoreError, UserError

# Continue?  Called with (pages done, pages in all); False cancels the export.
Progress = Callable[[int, int], bool]

MAX_PIXELS = 60_000_000  # about 240 MB of image memory
# zlib level 1 (Qt maps quality q to level (100 - q) * 9 // 91): a board picture is mostly flat
# colour, which the fastest level packs nearly as well, at a fraction of the time.
PNG_QUALITY = 80
MAX_SIDE = 32_000


class Cancelled(UserError):
    """The user stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


class TooLarge(UserError):
    """The picture would need more pixels than an export may use; ``largest_dpi`` would fit."""

    def __init__(self, message: str, largest_dpi: float) -> None:
        super().__init__(message)
        self.largest_dpi = largest_dpi


def render(pages: PageSet, progress: Progress | None = None) -> bytes:
    """The file's contents, for the format of ``pages.options``."""
    kind = pages.options.format
    if kind == "pdf":
        return render_pdf(pages, progress)
    if kind == "svg":
        return render_svg(pages, progress)
    return render_png(pages, progress)


def _go_on(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled()


def render_pdf(pages: PageSet, progress: Progress | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DEVICE_DPI)
    writer.setTitle(pages.picture.board.info.title)
    writer.setCreator("DMU Board")
    painter = QPainter()
    total = len(pages)
    try:
        for index, page in enumerate(pages.pages):
            _go_on(progress, index, total)
            layout = QPageLayout(QPageSize(QSizeF(page.width, page.height), QPageSize.Unit.Point, "",
                                           QPageSize.SizeMatchPolicy.FuzzyMatch),
                                 QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            writer.setPageLayout(layout)
            if index == 0:
                if not painter.begin(writer):
                    raise StoreError("The PDF could not be started.")
            else:
                writer.newPage()
            painter.save()
            painter.scale(DEVICE_DPI / 72.0, DEVICE_DPI / 72.0)
            pages.paint(painter, index)
            painter.restore()
        _go_on(progress, total, total)
    finally:
        if painter.isActive():
            painter.end()
    return bytes(buffer.data().data())


def render_svg(pages: PageSet, progress: Progress | None = None) -> bytes:
    """One picture: the first page (an SVG has no pages; tiling is for PDF and print)."""
    from PySide6.QtSvg import QSvgGenerator

    page = pages.pages[0]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(DEVICE_DPI)
    to_px = DEVICE_DPI / 72.0
    generator.setSize(QSize(math.ceil(page.width * to_px), math.ceil(page.height * to_px)))
    generator.setViewBox(QRectF(0, 0, page.width * to_px, page.height * to_px))
    generator.setTitle(pages.picture.board.info.title)
    generator.setDescription("Made with DMU Board")
    _go_on(progress, 0, 1)
    painter = QPainter()
    if not painter.begin(generator):
        raise StoreError("The SVG could not be started.")
    try:
        painter.scale(to_px, to_px)
        if not pages.options.transparent:
            painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
        pages.paint(painter, 0)
    finally:
        painter.end()
    _go_on(progress, 1, 1)
    return well_formed(bytes(buffer.data().data()))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def well_formed(svg: bytes) -> bytes:
    """The SVG with every character XML 1.0 forbids (control characters a user typed into
    a title or name; Qt writes them as they are) drawn as its visible picture instead."""
    text = svg.decode("utf-8", errors="surrogateescape")
    text = _NOT_XML.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\ufffd", text)
    return text.encode("utf-8", errors="surrogateescape")


def png_size(pages: PageSet, dpi: float) -> tuple[int, int]:
    page = pages.pages[0]
    return pixel_size(page.width, page.height, dpi)


def largest_dpi(pages: PageSet) -> float:
    """The highest whole DPI whose picture stays within the pixel limits (below 1 DPI,
    for a board that spans most of the format's range, in hundredths)."""
    page = pages.pages[0]
    by_area = math.sqrt(MAX_PIXELS / (page.width * page.height)) * 72.0
    by_side = MAX_SIDE / max(page.width, page.height) * 72.0
    fits = min(by_area, by_side)
    return float(math.floor(fits)) if fits >= 1 else max(0.01, math.floor(fits * 100) / 100)


def render_png(pages: PageSet, progress: Progress | None = None) -> bytes:
    dpi = pages.options.dpi
    width, height = png_size(pages, dpi)
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        fits = largest_dpi(pages)
        raise TooLarge(f"At {dpi:g} DPI the picture would be {width} × {height} pixels, more than an export "
                       f"may use; choose {fits:g} DPI or less.", fits)
    _go_on(progress, 0, 1)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise TooLarge(f"There is not enough memory for a picture of {width} × {height} pixels.", dpi // 2)
    image.fill(Qt.GlobalColor.transparent if pages.options.transparent else Qt.GlobalColor.white)
    _set_dpi(image, DEVICE_DPI)  # the canvas's text sizes assume this while painting
    painter = QPainter(image)
    try:
        painter.scale(width / pages.pages[0].width, height / pages.pages[0].height)
        pages.paint(painter, 0)
    finally:
        painter.end()
    _set_dpi(image, dpi)  # what the file tells other programs
    _go_on(progress, 1, 1)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    writer.setQuality(PNG_QUALITY)
    if not writer.write(image):
        raise StoreError(f"The picture could not be encoded as PNG: {writer.errorString()}.")
    buffer.close()
    return bytes(data.data())


def _set_dpi(image: QImage, dpi: float) -> None:
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)


def check_destination(path: Path) -> None:
    """Refuse, before any work, a destination that cannot be written."""
    folder = path.absolute().parent
    if not folder.exists():
        raise StoreError(f"Cannot write {path.name}: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise StoreError(f"Cannot write {path.name}: {folder} is not a folder.")
    if path.is_dir():
        raise StoreError(f"Cannot write {path.name}: it is a folder.")
    with contextlib.suppress(OSError):
        if not path.is_symlink() and not stat.S_ISREG(path.lstat().st_mode):
            raise StoreError(f"Cannot write {shown(path.name)}: it is a device or other special file, "
                             "not replaced.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"Cannot write {path.name}: the folder {folder} is read-only for you.")


def save(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through QSaveFile: the whole file or nothing.

    QSaveFile writes through a symbolic link (to keep the link), so it writes a fresh
    name beside ``path``, which is then renamed over it: a link at ``path`` is replaced
    itself, and nothing outside ``path`` is ever written.
    """
    check_destination(path)
    temporary = path.with_name(f".dmuboard-export-{uuid.uuid4().hex[:8]}.part")  # Qt takes only UTF-8 names
    file = QSaveFile(str(temporary))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise StoreError(f"Cannot write {path.name}: {_reason(file, path, len(data))}.")
    view = memoryview(data)
    done = 0
    while done < len(data):
        # QSaveFile may take only part of the data when the disk fills up, without an error.
        written = file.write(view[done:].tobytes() if done else data)
        if written <= 0:
            reason = _reason(file, path, len(data))
            file.cancelWriting()
            file.commit()  # after cancelWriting this only removes the temporary file
            raise StoreError(f"Cannot write {path.name}: {reason}; no file was written.")
        done += written
    if not file.commit():
        raise StoreError(f"Cannot write {path.name}: {_reason(file, path, len(data))}; no file was written.")
    try:
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StoreError(f"Cannot write {shown(path.name)}: {error.strerror or error}; "
                         "no file was written.") from None


def _reason(file: QSaveFile, path: Path, size: int) -> str:
    try:
        if shutil.disk_usage(path.absolute().parent).free < size + 65536:
            return "the disk is full"
    except OSError:
        pass
    text = file.errorString().strip().rstrip(".")
    lowered = text.lower()
    if "permission" in lowered or "access" in lowered:
        return "permission denied"
    if not text or lowered == "unknown error":
        return "the file could not be written"
    return text

"""File > Export..., File > Export for Proposal... and File > Print... in the main window.

The export runs on the board as it is in the window, with the layers the window
shows and the badges of the analysis; the file is chosen after the options, with
the right extension. Long exports show a progress dialog that can cancel; errors
are shown in plain text and leave no file behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from dmuboard.gui.common.feature import ActionSpec, BoardAccess, Feature, MenuSpec
from dmuboard.gui.common.qtapp import DEVICE_DPI
from dmuboard.model.errors import UserError

# The export machinery (pictures, pages, writers, the dialog, the bundled fonts) is
# loaded when an export or a print starts, not with the window: start-up does not pay.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from dmuboard.analysis import Analysis
    from dmuboard.gui.export.options import ExportOptions
    from dmuboard.gui.export.writers import Progress

FILTERS = {"png": "PNG pictures (*.png)", "pdf": "PDF documents (*.pdf)", "svg": "SVG drawings (*.svg)",
           "pptx": "PowerPoint slides (*.pptx)"}


class ExportFeature(Feature):
    """File > Export…, Export for Proposal… and Print…, before Close Window."""

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        context = self.context
        return (
            ActionSpec("export", "&Export…", lambda: export_dialog(context, "internal"), "file", "4_export", 10,
                       ("Ctrl+E",), "Save the board as a PNG picture, a PDF, an SVG drawing or PowerPoint slides"),
            ActionSpec("export_proposal", "Export for &Proposal…", lambda: export_dialog(context, "proposal"),
                       "file", "4_export", 20, ("Ctrl+Shift+E",),
                       "Save a customer-safe picture of the board: no stances, notes, conflicts or findings"),
            ActionSpec("print", "&Print…", lambda: print_dialog(context), "file", "4_export", 30, ("Ctrl+P",),
                       "Print the board, with a preview"),
        )


def _view_rect(window: BoardAccess) -> tuple[float, float, float, float] | None:
    view = window.view
    if view is None:
        return None
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _analysis(window: BoardAccess, options: ExportOptions) -> Analysis | None:
    if options.proposal or window.editor is None:
        return None
    from dmuboard.analysis import analyze

    return analyze(window.editor.document.board)


def export_dialog(window: BoardAccess, profile: str) -> Path | None:
    """Ask for the options and the file, export, and say where it went."""
    from dmuboard.gui.export import pages
    from dmuboard.gui.export.dialog import ExportDialog
    from dmuboard.gui.export.picture import area_rect

    if window.editor is None or window.scene is None:
        return None
    scene = window.scene
    selected = tuple(scene.selected_people())
    view_rect = _view_rect(window)

    def describe(options: ExportOptions) -> str:
        return pages.describe(area_rect(scene, replace(options, selection=selected, view_rect=view_rect)), options)

    dialog = ExportDialog(window.dialog_parent(), profile=profile, selected=len(selected), describe=describe)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return None
    options = dialog.options(selected, view_rect)
    board = window.editor.document.board
    suggested = re.sub(r"[^\w\- ]+", "", board.info.title).strip() or "board"
    if options.proposal:
        suggested += " (proposal)"
    folder = str(window.settings.value("export/folder", str(Path.home())))
    start = str(Path(folder) / f"{suggested}.{options.format}")
    name, _ = QFileDialog.getSaveFileName(window.dialog_parent(), "Export", start, FILTERS[options.format])
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != f".{options.format}":
        path = path.with_name(f"{path.name}.{options.format}")
        # the file dialog asked about another name
        if path.exists() and not _confirm_replace(window.dialog_parent(), path):
            return None
    window.settings.setValue("export/folder", str(path.parent))
    if run_export(window, options, path):
        window.say(f"Exported to {path}.")
        return path
    return None


def run_export(window: BoardAccess, options: ExportOptions, path: Path) -> bool:
    """Export the window's board to ``path`` with a progress dialog; show what went wrong."""
    from dmuboard.gui.export.entry import export_board
    from dmuboard.gui.export.writers import Cancelled

    assert window.editor is not None and window.scene is not None
    analysis = _analysis(window, options)
    progress, dialog = _progress(window.dialog_parent(), "Exporting…")
    try:
        export_board(window.editor.document.board, path, options, layers=window.scene.layers,
                     badges=analysis.by_person() if analysis else None, analysis=analysis, progress=progress)
        return True
    except Cancelled:
        window.say("The export was cancelled; no file was written.")
        return False
    except UserError as error:
        _warn(window.dialog_parent(), "The board could not be exported", error.message)
        return False
    finally:
        dialog.close()


def _progress(parent: QWidget, label: str) -> tuple[Progress, QProgressDialog]:
    dialog = QProgressDialog(label, "Cancel", 0, 1, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def step(done: int, total: int) -> bool:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return step, dialog


def _confirm_replace(parent: QWidget, path: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Replace the file?", f"{path.name} already exists. Replace it?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _warn(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


# -- printing -------------------------------------------------------------------------


def print_dialog(window: BoardAccess) -> bool:
    """Ask for the options, then show Qt's print preview, which prints from the same pages."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from dmuboard.gui.export.dialog import ExportDialog
    from dmuboard.gui.export.picture import area_rect

    if window.editor is None or window.scene is None:
        return False
    selected = window.scene.selected_people()
    dialog = ExportDialog(window.dialog_parent(), selected=len(selected), printing=True)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return False
    options = dialog.options(tuple(selected), _view_rect(window))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(window.editor.document.board.info.title)
    area = area_rect(window.scene, options)
    if area.width() > area.height():  # boards are usually wide: start the preview in landscape
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    preview = QPrintPreviewDialog(printer, window.dialog_parent())
    analysis = _analysis(window, options)
    preview.paintRequested.connect(lambda p: print_board(window, options, p, analysis))
    return preview.exec() == QPrintPreviewDialog.DialogCode.Accepted


def print_board(window: BoardAccess, options: ExportOptions, printer: QPrinter,
                analysis: Analysis | None = None) -> int:
    """Paint the pages onto ``printer`` (its paper, our margins); returns the number of pages."""
    from dmuboard.gui.export.pages import PageSet
    from dmuboard.gui.export.picture import BoardPicture

    assert window.editor is not None and window.scene is not None
    printer.setFullPage(True)
    printer.setResolution(DEVICE_DPI)  # the canvas's text sizes assume this resolution
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    picture = BoardPicture(window.editor.document.board, options, window.scene.layers,
                           analysis.by_person() if analysis else None)
    painter = QPainter()
    try:
        pages = PageSet(picture, options, (paper.width(), paper.height()), analysis)
        if not painter.begin(printer):
            _warn(window.dialog_parent(), "The board could not be printed", "The printer could not be started.")
            return 0
        for index in range(len(pages)):
            if index:
                printer.newPage()
            painter.save()
            painter.scale(DEVICE_DPI / 72.0, DEVICE_DPI / 72.0)
            painter.setClipRect(QRectF(0, 0, paper.width(), paper.height()))
            pages.paint(painter, index)
            painter.restore()
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()
        picture.close()

"""Export and print from the main window: the menu, the dialog, the files it writes."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from dmuboard.gui.export.actions import export_dialog, print_board, run_export
from dmuboard.gui.export.dialog import ExportDialog
from dmuboard.gui.export.options import ExportOptions
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE
STANCE_WORD = re.compile(r"\b(champion|supporter|neutral|skeptic|blocker)\b", re.IGNORECASE)



def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_file_menu_offers_export_proposal_and_print(kit: WindowKit) -> None:
    """File has Export…, Export for Proposal… and Print…, with shortcuts no other action uses."""
    window = kit.window(kit.board())
    texts = [action.text() for action in window.menus["file"].actions()]
    for wanted in ("&Export…", "Export for &Proposal…", "&Print…"):
        assert wanted in texts
    keys = [key.toString() for action in window.named_actions().values() for key in action.shortcuts()]
    for name in ("export", "export_proposal", "print"):
        shortcut = window.action(name).shortcut().toString()
        assert shortcut and keys.count(shortcut) == 1, shortcut


def test_the_proposal_dialog_starts_customer_safe_and_refuses_findings(qtbot: Any) -> None:
    """Export for Proposal opens with the Proposal profile, where findings cannot be added."""
    dialog = ExportDialog(profile="proposal")
    qtbot.addWidget(dialog)
    assert dialog.proposal.isChecked()
    assert not dialog.findings.isEnabled()
    dialog.internal.setChecked(True)
    assert dialog.findings.isEnabled()
    dialog.findings.setChecked(True)
    dialog.proposal.setChecked(True)
    options = dialog.options()
    assert options.profile == "proposal" and not options.findings_page


def test_dialog_choices_become_export_options(qtbot: Any) -> None:
    """Format, resolution, background, paper, orientation and tiling reach the options."""
    dialog = ExportDialog(selected=2)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert not dialog.title_block.isChecked()  # pictures go into someone else's document
    dialog.scale.setValue(200)
    assert dialog.dpi.value() == 192
    dialog.transparent.setChecked(True)
    dialog.area.setCurrentIndex(dialog.area.findData("selection"))
    options = dialog.options(("p1", "p2"))
    assert (options.format, options.dpi, options.transparent, options.area) == ("png", 192, True, "selection")
    assert options.selection == ("p1", "p2")

    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.title_block.isChecked() and dialog.legend.isChecked()
    dialog.page.setCurrentIndex(dialog.page.findData("A3"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.tile.setChecked(True)
    dialog.tile_scale.setValue(75)
    options = dialog.options()
    assert (options.format, options.page, options.orientation) == ("pdf", "A3", "portrait")
    assert options.tiled and options.tile_scale == pytest.approx(0.75)
    assert not options.transparent


def test_the_dialog_says_what_the_export_will_be(kit: WindowKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pixel size for a picture and page count for a tiled PDF are shown before exporting."""
    window = kit.window(kit.board())
    seen: list[str] = []

    def look(dialog: ExportDialog) -> ExportDialog.DialogCode:
        dialog.format.setCurrentIndex(dialog.format.findData("png"))
        dialog.dpi.setValue(96)
        seen.append(dialog.summary.text())
        dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
        dialog.page.setCurrentIndex(dialog.page.findData("A4"))
        dialog.tile.setChecked(True)
        dialog.tile_scale.setValue(200)
        seen.append(dialog.summary.text())
        return ExportDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", look)
    assert export_dialog(window, "internal") is None
    assert re.fullmatch(r"\d[\d ]* × \d[\d ]* pixels", seen[0]), seen[0]
    pages = re.match(r"(\d+) pages of 297 × 210 mm \(an overview and (\d+) tiles\)", seen[1])
    assert pages is not None, seen[1]
    assert int(pages.group(1)) == int(pages.group(2)) + 1 > 2


def test_tiling_is_only_offered_on_fixed_paper(qtbot: Any) -> None:
    """A fit-to-board page has nothing to tile."""
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    dialog.page.setCurrentIndex(dialog.page.findData("fit"))
    assert not dialog.tile.isEnabled()
    dialog.page.setCurrentIndex(dialog.page.findData("Letter"))
    assert dialog.tile.isEnabled()


def test_export_for_proposal_from_the_window_writes_a_customer_safe_pdf(
    kit: WindowKit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The whole path: dialog accepted, file chosen without extension, PDF written without stances."""
    window = kit.window(kit.board())
    target = tmp_path / "for-acme"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: ExportDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    written = export_dialog(window, "proposal")
    assert written == tmp_path / "for-acme.pdf"
    _, text = pdf_text(written)
    assert "Ingrid" in text
    assert not STANCE_WORD.search(text)
    assert "Exported" in window.statusBar().currentMessage()


def test_an_added_extension_does_not_replace_a_file_without_asking(
    kit: WindowKit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Typing "plan" when "plan.pdf" exists asks first; saying no keeps the file."""
    window = kit.window(kit.board())
    (tmp_path / "plan.pdf").write_bytes(b"keep")
    asked: list[Path] = []

    def say_no(parent: Any, path: Path) -> bool:
        asked.append(path)
        return False

    monkeypatch.setattr(ExportDialog, "exec", lambda self: ExportDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "plan"), ""))
    monkeypatch.setattr("dmuboard.gui.export.actions._confirm_replace", say_no)
    assert export_dialog(window, "internal") is None
    assert asked == [tmp_path / "plan.pdf"]
    assert (tmp_path / "plan.pdf").read_bytes() == b"keep"


def test_an_export_follows_the_layers_the_window_shows(kit: WindowKit, tmp_path: Path) -> None:
    """With the stance layer switched off on screen, the internal export has no stance words either."""
    window = kit.window(kit.board())
    assert window.scene is not None
    out = tmp_path / "board.svg"
    assert run_export(window, ExportOptions(format="svg"), out)
    assert STANCE_WORD.search(out.read_text(encoding="utf-8"))
    window.scene.set_layers({"reporting", "influence", "relationship", "conflict"})
    assert run_export(window, ExportOptions(format="svg"), out)
    assert not STANCE_WORD.search(out.read_text(encoding="utf-8"))


def test_an_export_that_fails_says_why_and_writes_nothing(
    kit: WindowKit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A folder that does not exist is reported in a message box, in plain words."""
    window = kit.window(kit.board())
    shown: list[str] = []
    monkeypatch.setattr("dmuboard.gui.export.actions._warn", lambda parent, title, text: shown.append(text))
    assert not run_export(window, ExportOptions(format="png", dpi=30), tmp_path / "gone" / "board.png")
    assert shown and "does not exist" in shown[0]
    assert not (tmp_path / "gone").exists()


def test_printing_paints_the_same_pages_on_the_printers_paper(kit: WindowKit, tmp_path: Path) -> None:
    """Printed to a PDF printer on A4 with the findings page: two or more pages, names as text."""
    from PySide6.QtGui import QPageSize

    window = kit.window(kit.board())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    options = ExportOptions(format="pdf", findings_page=True)
    count = print_board(window, options, printer)
    assert count >= 2
    pages, text = pdf_text(tmp_path / "printed.pdf")
    assert pages == count
    assert "Ingrid" in text and "Scorecard" in text

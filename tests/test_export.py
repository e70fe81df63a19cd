"""Exports in each format and profile: sizes, pages, text, and what a proposal leaves out."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from dmuboard.gui.export import Cancelled, ExportOptions, export_board, render_bytes
from dmuboard.gui.export.layout import FIT_MARGIN
from dmuboard.gui.export.options import paper_points
from dmuboard.gui.export.pages import PageSet
from dmuboard.gui.export.picture import BoardPicture, drop_invisible
from dmuboard.gui.export.redact import proposal_board, secrets_of
from dmuboard.gui.export.writers import render
from dmuboard.model.board import STANCES, Board, Link, Person
from dmuboard.model.errors import StoreError
from dmuboard.sample import sample_board

SVG = "{http://www.w3.org/2000/svg}"
STANCE_WORD = re.compile(r"\b(" + "|".join(STANCES) + r")\b", re.IGNORECASE)
CONFLICT_RED = "#c0262d"  # conflict lines, the blocker band and high badges share it


@pytest.fixture
def board(qtbot: QtBot) -> Board:
    """The sample board, with a QApplication running."""
    return sample_board()


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Text with all white space removed (PDF extraction splits words at will)."""
    return re.sub(r"\s+", "", text)


def svg_texts(data: bytes) -> str:
    root = ET.fromstring(data)
    return "\n".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def image_of(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


# -- PNG ---------------------------------------------------------------------------------


def test_a_fit_png_is_the_board_at_the_chosen_resolution(board: Board) -> None:
    """One scene unit is 1/96 inch: the picture is the board plus its margin at the DPI."""
    options = ExportOptions(format="png", dpi=150)
    picture = BoardPicture(board, options)
    source = picture.source_rect()
    picture.close()
    image = image_of(render_bytes(board, options))
    margin_units = FIT_MARGIN / 0.75
    assert image.width() == round((source.width() + 2 * margin_units) * 150 / 96)
    assert image.height() == round((source.height() + 2 * margin_units) * 150 / 96)
    assert image.dotsPerMeterX() == round(150 / 0.0254)


def test_a_png_on_paper_is_the_page_at_the_resolution(board: Board) -> None:
    """An A4 landscape page at 100 DPI is 1169 by 827 pixels, portrait Letter at 72 DPI 612 by 792."""
    a4 = image_of(render_bytes(board, ExportOptions(format="png", page="A4", dpi=100)))
    assert (a4.width(), a4.height()) == (1169, 827)
    letter = image_of(render_bytes(board, ExportOptions(format="png", page="Letter", orientation="portrait", dpi=72)))
    assert (letter.width(), letter.height()) == (612, 792)


def test_a_transparent_png_lets_the_page_show_through(board: Board) -> None:
    """With a transparent background the corners are see-through; by default they are white."""
    clear = image_of(render_bytes(board, ExportOptions(format="png", dpi=48, transparent=True)))
    white = image_of(render_bytes(board, ExportOptions(format="png", dpi=48)))
    assert clear.pixelColor(1, 1).alpha() == 0
    assert white.pixelColor(1, 1).name() == "#ffffff"
    assert white.pixelColor(1, 1).alpha() == 255


def test_a_png_draws_the_board_not_an_empty_page(board: Board) -> None:
    """Many colours appear: tokens, lines, the two tinted sides."""
    image = image_of(render_bytes(board, ExportOptions(format="png", dpi=48)))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


# -- PDF ---------------------------------------------------------------------------------


def test_a_pdf_keeps_names_as_text_on_the_chosen_paper(board: Board) -> None:
    """Every name, the board title and the customer can be found in the PDF's text."""
    reader, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4", orientation="portrait")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(paper_points("A4", "portrait"), abs=1.0)
    flat = squash(text)
    for person in board.people.values():
        assert squash(person.name) in flat
    assert squash(board.info.title) in flat
    assert "INTERNAL" in text


def test_a_fit_pdf_is_as_large_as_the_board(board: Board) -> None:
    """A fit page grows with the board: wider than A3 for the sample's two sides."""
    reader, _ = pdf_text(render_bytes(board, ExportOptions(format="pdf")))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) > paper_points("A3", "landscape")[0]


def test_a_tiled_pdf_spreads_the_board_over_numbered_pages(board: Board) -> None:
    """Tiling on A4 at natural size gives an overview with the page grid, then one page per tile,
    each saying which page, row and column it is."""
    reader, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4", tiled=True)))
    count = len(reader.pages)
    assert count > 2
    for number in range(1, count + 1):
        assert f"Page{number}of{count}" in squash(reader.pages[number - 1].extract_text())
    first = squash(reader.pages[0].extract_text())
    assert f"overviewof{count - 1}pages" in first
    assert "p.2·1/1" in first
    assert "row1,column2" in squash(text)
    names = squash(board.people["p1"].name)
    assert names in first  # the overview shows the whole board


def test_an_internal_pdf_can_carry_the_findings_and_scorecard(board: Board) -> None:
    """The findings page adds pages with the scorecard and the analysis's messages."""
    plain, _ = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4")))
    reader, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4", findings_page=True)))
    assert len(reader.pages) > len(plain.pages)
    assert "Scorecard" in text and "Findings" in text
    assert "Coverage" in text


def test_a_proposal_pdf_never_has_findings_pages(board: Board) -> None:
    """Asking for findings under the Proposal profile adds nothing."""
    reader, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4", profile="proposal",
                                                              findings_page=True)))
    assert len(reader.pages) == 1
    assert "Scorecard" not in text and "Findings" not in text


# -- SVG ---------------------------------------------------------------------------------


def test_an_svg_parses_and_holds_the_names_as_text(board: Board) -> None:
    """The SVG is well-formed XML and every name is in a <text> element."""
    texts = squash(svg_texts(render_bytes(board, ExportOptions(format="svg"))))
    for person in board.people.values():
        assert squash(person.name) in texts


# -- the Proposal profile ----------------------------------------------------------------


def test_the_proposal_copy_holds_nothing_the_customer_must_not_see() -> None:
    """Stances, influence ratings, notes, interests, link notes, conflicts and saved views are gone
    from the data; the board the user works on is unchanged."""
    board = sample_board()
    safe = proposal_board(board)
    assert {p.stance for p in safe.people.values()} == {"unknown"}
    assert len({p.influence for p in safe.people.values()}) == 1
    assert len({p.influence for p in board.people.values()}) > 1
    assert not any(p.notes or p.interests for p in safe.people.values())
    assert not any(link.note for link in safe.links.values())
    assert "conflict" not in {link.kind for link in safe.links.values()}
    assert safe.info.notes == "" and safe.views == ()
    assert secrets_of(safe) == []
    assert [p.name for p in safe.people.values()] == [p.name for p in board.people.values()]
    assert secrets_of(board) and any(link.kind == "conflict" for link in board.links.values())


def test_the_internal_export_shows_what_the_proposal_must_hide(board: Board) -> None:
    """The internal files do carry stance words and the conflict red, so the checks below can fail."""
    _, text = pdf_text(render_bytes(board, ExportOptions(format="pdf")))
    svg = render_bytes(board, ExportOptions(format="svg")).decode()
    assert STANCE_WORD.search(text)
    assert STANCE_WORD.search(svg_texts(svg.encode()))
    assert CONFLICT_RED in svg.lower()


@pytest.mark.parametrize("page", ["fit", "A4"])
def test_a_proposal_pdf_has_no_stance_note_interest_or_conflict(board: Board, page: str) -> None:
    """No stance word or symbol, no note, no interest and no conflict anywhere in the PDF's text."""
    _, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page=page, profile="proposal")))
    assert not STANCE_WORD.search(text)
    assert not re.search(r"[▲▼]", text)
    assert "conflict" not in text.lower()
    assert "INTERNAL" not in text
    flat = squash(text)
    for secret in secrets_of(board):
        assert squash(secret)[:40] not in flat


def test_a_proposal_svg_has_no_stance_note_interest_or_conflict_anywhere(board: Board) -> None:
    """The whole SVG source (not just its visible text) is free of what the customer must not see."""
    svg = render_bytes(board, ExportOptions(format="svg", profile="proposal", legend=True, title_block=True))
    source = svg.decode()
    assert not STANCE_WORD.search(svg_texts(svg))
    assert not re.search(r"[▲▼]", source)
    assert CONFLICT_RED not in source.lower()
    assert "conflict" not in source.lower()
    for secret in secrets_of(board):
        escaped = secret[:30].replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")
        assert secret[:30] not in source and escaped not in source


def test_every_word_in_a_proposal_svg_can_be_seen(board: Board) -> None:
    """No text is drawn transparent or white: nothing rides along unseen."""
    root = ET.fromstring(render_bytes(board, ExportOptions(format="svg", profile="proposal")))
    texts = list(root.iter(f"{SVG}text"))
    assert texts
    for node in texts:
        assert float(node.get("fill-opacity", "1")) >= 0.5, node.text
        colour = QColor(node.get("fill", "#000000"))
        assert colour.lightnessF() < 0.8, (node.text, colour.name())


def test_hidden_and_transparent_items_are_not_in_the_file(board: Board) -> None:
    """An item switched off or made fully transparent on the scene is not written at all."""
    options = ExportOptions(format="svg")
    picture = BoardPicture(board, options)
    for text, hide in (("HIDDENWORD", True), ("GHOSTWORD", False)):
        item = QGraphicsSimpleTextItem(text)
        item.setPos(picture.source_rect().center())
        picture.scene.addItem(item)
        if hide:
            item.setVisible(False)
        else:
            item.setOpacity(0.0)
    seen = QGraphicsSimpleTextItem("SEENWORD")
    seen.setPos(picture.source_rect().center())
    picture.scene.addItem(seen)
    drop_invisible(picture.scene)
    source = render(PageSet(picture, options)).decode()
    picture.close()
    assert "SEENWORD" in source
    assert "HIDDENWORD" not in source and "GHOSTWORD" not in source


def test_a_proposal_png_has_no_conflict_red(board: Board) -> None:
    """The proposal picture has no pixel of the conflict, blocker and badge red."""
    image = image_of(render_bytes(board, ExportOptions(format="png", dpi=72, profile="proposal")))
    reds = sum(1 for x in range(image.width()) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).name() == CONFLICT_RED)
    assert reds == 0


def test_badges_are_drawn_internally_and_never_in_a_proposal(board: Board) -> None:
    """A high badge paints the badge red on an internal export; the proposal ignores badges."""
    pid = next(p.id for p in board.people.values() if p.side == "ours")
    quiet = replace(board.people[pid])
    calm = Board(board.info, {pid: quiet}, {}, ())
    internal = render_bytes(calm, ExportOptions(format="svg"), badges={pid: "high"})
    proposal = render_bytes(calm, ExportOptions(format="svg", profile="proposal"), badges={pid: "high"})
    assert CONFLICT_RED in internal.decode().lower()
    assert CONFLICT_RED not in proposal.decode().lower()


def test_hidden_layers_are_left_out_of_the_file(board: Board) -> None:
    """With the relationship layer off, the relationship blue is nowhere in the SVG."""
    blue = "#1f5fbf"
    shown = render_bytes(board, ExportOptions(format="svg"))
    hidden = render_bytes(board, ExportOptions(format="svg"),
                          layers=("reporting", "influence", "conflict", "stance"))
    assert blue in shown.decode().lower()
    assert blue not in hidden.decode().lower()


def test_names_with_markup_come_out_as_literal_characters(qtbot: QtBot) -> None:
    """A name like "<b>Ann</b> & <i>" is printed as those characters, never read as markup."""
    from dmuboard.model.board import BoardInfo

    name = "<b>Ann</b> & <i>"
    board = Board(BoardInfo("<i>Deal</i> & co"), {
        "p1": Person("p1", "customer", name, x=-200.0, y=0.0),
        "u1": Person("u1", "ours", "Sam", x=200.0, y=0.0),
    }, {"l1": Link("l1", "u1", "p1", "relationship", 3)})
    _, text = pdf_text(render_bytes(board, ExportOptions(format="pdf", page="A4")))
    assert squash(name) in squash(text)
    assert squash("<i>Deal</i> & co") in squash(text)
    svg = render_bytes(board, ExportOptions(format="svg"))
    root = ET.fromstring(svg)
    assert squash(name) in squash(svg_texts(svg))
    tags = {node.tag.split("}")[-1] for node in root.iter()}
    assert not tags & {"b", "i", "img", "image"}


def test_a_selection_export_shows_only_the_chosen_people(board: Board) -> None:
    """Exporting the selection leaves the others out of the file."""
    chosen = [p.id for p in board.people.values()][:2]
    svg = render_bytes(board, ExportOptions(format="svg", area="selection", selection=tuple(chosen)))
    texts = squash(svg_texts(svg))
    for pid, person in board.people.items():
        assert (squash(person.name) in texts) == (pid in chosen)


# -- writing ----------------------------------------------------------------------------


def test_a_cancelled_export_leaves_no_file_and_the_old_one_intact(board: Board, tmp_path: Path) -> None:
    """Cancelling half-way through a tiled PDF writes nothing and keeps what was there."""
    out = tmp_path / "board.pdf"
    out.write_bytes(b"old")
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 1

    with pytest.raises(Cancelled):
        export_board(board, out, ExportOptions(format="pdf", page="A4", tiled=True), progress=progress)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.pdf"]
    assert seen == [0, 1]


def test_a_missing_folder_is_a_clear_error_and_writes_nothing(board: Board, tmp_path: Path) -> None:
    """An export into a folder that does not exist says so and creates nothing."""
    out = tmp_path / "nowhere" / "board.png"
    with pytest.raises(StoreError, match="does not exist"):
        export_board(board, out, ExportOptions(format="png", dpi=30))
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_named_and_leaves_no_partial_file(
    board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the disk takes only part of the file, the export says the disk is full, removes
    its temporary file and keeps the old file as it was."""
    from PySide6.QtCore import QSaveFile

    from dmuboard.gui.export import writers

    class FillingDisk(QSaveFile):
        taken = 0

        def write(self, data: Any) -> int:
            if FillingDisk.taken:
                return -1
            FillingDisk.taken = 4096
            return super().write(bytes(data)[:4096])

    monkeypatch.setattr(writers, "QSaveFile", FillingDisk)
    monkeypatch.setattr(writers.shutil, "disk_usage", lambda path: SimpleNamespace(free=0))
    out = tmp_path / "board.pdf"
    out.write_bytes(b"old")
    with pytest.raises(StoreError, match="disk is full"):
        export_board(board, out, ExportOptions(format="pdf"))
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["board.pdf"]


def test_an_export_replaces_a_file_whole(board: Board, tmp_path: Path) -> None:
    """The new file is complete and nothing else is left in the folder."""
    out = tmp_path / "board.svg"
    out.write_text("old")
    export_board(board, out, ExportOptions(format="svg"))
    ET.fromstring(out.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["board.svg"]

"""The PowerPoint export, read back with python-pptx as a proposal writer's PowerPoint would.

Cards are groups whose words are text; lines are connectors glued to the cards of their
link's two people; the Proposal file holds nothing of what the customer must not see,
in any part of the package; hostile names stay the characters they are.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dmuboard.analysis import analyze
from dmuboard.gui.export import ExportOptions, render_bytes
from dmuboard.gui.export.actions import export_dialog
from dmuboard.gui.export.dialog import ExportDialog
from dmuboard.gui.export.redact import secrets_of
from dmuboard.gui.export.writers import Cancelled
from dmuboard.model.board import STANCES, Board, BoardInfo, Link, Person, View
from dmuboard.sample import sample_board, sample_path
from tests.clikit import run
from tests.gui_window_kit import QT_NOISE, WindowKit, make_kit

NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RLO = "\u202e"
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"


@pytest.fixture
def board(qtbot: QtBot) -> Board:
    return sample_board()


def deck(data: bytes) -> Any:
    return Presentation(io.BytesIO(data))


def cards(slide: Any) -> dict[str, Any]:
    """The card groups of a slide by the person's name (the group is "Card: NAME")."""
    return {shape.name.removeprefix("Card: "): shape for shape in slide.shapes
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP and shape.name.startswith("Card: ")}


def connectors(slide: Any) -> list[Any]:
    """The glued connectors of a slide (the lines of links)."""
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.LINE
            and shape._element.find(f".//{NS_A}stCxn") is not None]


def glued_to(connector: Any) -> tuple[int, int]:
    start = connector._element.find(f".//{NS_A}stCxn")
    end = connector._element.find(f".//{NS_A}endCxn")
    return int(start.get("id")), int(end.get("id"))


def package_text(data: bytes) -> str:
    """Every part of the .pptx (XML and all), as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_every_card_is_a_group_with_its_words_and_every_line_is_glued_to_its_cards(board: Board) -> None:
    data = render_bytes(board, ExportOptions(format="pptx"))
    slides = list(deck(data).slides)
    assert len(slides) == 2  # the board and the legend (the sample has no saved views)
    found = cards(slides[0])
    assert set(found) == {person.name for person in board.people.values()}
    body_of: dict[int, str] = {}
    for name, group in found.items():
        words = [shape.text_frame.text for shape in group.shapes if shape.has_text_frame]
        assert name in words  # the name as text: a writer can retype it
        body = group.shapes[0]
        assert body.name == name
        body_of[body.shape_id] = next(p.id for p in board.people.values() if p.name == name)
    person = next(p for p in board.people.values() if p.title and p.roles)
    words = [s.text_frame.text for s in found[person.name].shapes if s.has_text_frame]
    assert person.title in words
    assert any(text.endswith(person.stance) for text in words)  # "● neutral"
    lines = connectors(slides[0])
    assert len(lines) == len(board.links)
    ends = {(body_of[a], body_of[b]) for a, b in map(glued_to, lines)}
    assert ends == {(link.source, link.target) for link in board.links.values()}
    tails = [line for line in lines if line._element.find(f".//{NS_A}tailEnd") is not None]
    assert len(tails) == sum(link.directed for link in board.links.values())


def test_a_proposal_file_holds_nothing_the_customer_must_not_see(board: Board) -> None:
    analysis = analyze(board)
    data = render_bytes(board, ExportOptions(format="pptx", profile="proposal", findings_page=True),
                        badges=analysis.by_person(), analysis=analysis)
    text = package_text(data)
    presentation = deck(data)
    assert len(presentation.slides) == 2  # board and legend: no findings, no views
    for secret in secrets_of(board):
        assert secret[:40] not in text
    assert not re.search(r"\b(" + "|".join(STANCES) + r")\b", text, re.IGNORECASE)
    for word in ("Influence", "Strength", "Conflict", "Finding", "INTERNAL", "Stance", "notesSlide"):
        assert word not in text
    assert "conflict" not in text.lower()
    names = [p.name for p in board.people.values()]
    assert set(cards(presentation.slides[0])) == set(names)
    # one size for all: our ratings of their people do not show as card sizes
    sizes = {(group.shapes[0].width, group.shapes[0].height) for group in cards(presentation.slides[0]).values()}
    assert len(sizes) == 1
    relationship = connectors(presentation.slides[0])
    assert len({line.line.width for line in relationship if "knows" in line.name}) == 1


def test_internal_findings_are_slides_and_the_board_slide_s_speaker_notes(board: Board) -> None:
    analysis = analyze(board)
    data = render_bytes(board, ExportOptions(format="pptx", findings_page=True), badges=analysis.by_person(),
                        analysis=analysis)
    slides = list(deck(data).slides)
    notes = slides[0].notes_slide.notes_text_frame.text
    words = "\n".join(shape.text_frame.text for slide in slides[2:] for shape in slide.shapes
                      if shape.has_text_frame)
    for finding in analysis.findings:
        assert finding.message in notes
        assert finding.message in words.replace("\n", " ") or finding.message in words
    assert "Scorecard" in words
    badges = [shape for group in cards(slides[0]).values() for shape in group.shapes
              if shape.name.startswith("Finding: ")]
    assert len(badges) == len(analysis.by_person())


def test_each_saved_view_is_a_slide_with_its_layers(board: Board) -> None:
    view = View("Only the reporting lines", (-900.0, -500.0, 900.0, 1000.0), ("reporting",))
    data = render_bytes(replace(board, views=(view,)), ExportOptions(format="pptx", legend=False))
    slides = list(deck(data).slides)
    assert len(slides) == 2
    words = [shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame]
    assert any(view.name in text for text in words)
    shown = connectors(slides[1])
    assert shown and all(" reports to " in line.name for line in shown)
    assert not [shape for shape in slides[1].shapes if shape.name == "Stance"]


def test_a_board_too_large_for_one_slide_gets_an_overview_and_parts(qtbot: QtBot) -> None:
    people = [Person(f"p{i}", "customer", f"Person {i}", x=-300.0 - 900.0 * (i % 6), y=600.0 * (i // 6))
              for i in range(36)]
    big = Board(BoardInfo("Big"), {p.id: p for p in people})
    slides = list(deck(render_bytes(big, ExportOptions(format="pptx", legend=False))).slides)
    overview = slides[0]
    parts = [shape for shape in overview.shapes if re.fullmatch(r"Slide \d+", shape.name)]
    assert len(parts) == len(slides) - 1 >= 2
    shown = set()
    for slide in slides[1:]:
        shown |= set(cards(slide))
    assert shown == {p.name for p in people}


def test_names_stay_literal_and_the_file_links_to_nothing_outside(qtbot: QtBot, tmp_path: Path) -> None:
    img = '<img src="file:///etc/passwd">'
    people = [Person("p1", "customer", "<b>bold</b>", img, roles=("decider",), x=-400.0, y=0.0),
              Person("p2", "customer", f"{RLO}exe.txt", f"Team {FAMILY} 😀", x=-400.0, y=200.0),
              Person("p3", "customer", "مريم العتيبي", "مديرة", x=-800.0, y=0.0),
              Person("p4", "customer", "Vertical\x0btab", notes="x" * 20000, x=-800.0, y=200.0),
              Person("u1", "ours", "<script>alert('ours')</script>", x=400.0, y=0.0)]
    links = [Link("l1", "u1", "p1", "relationship", 2), Link("l2", "p2", "p1", "reports_to")]
    hostile = Board(BoardInfo(f"<i>Deal</i> {RLO}", "<b>Acme</b>"), {p.id: p for p in people},
                    {link.id: link for link in links})
    data = render_bytes(hostile, ExportOptions(format="pptx"))
    slide = deck(data).slides[0]
    found = cards(slide)
    assert {"<b>bold</b>", f"{RLO}exe.txt", "مريم العتيبي", "<script>alert('ours')</script>"} <= set(found)
    assert "Vertical\ufffdtab" in found  # a character XML cannot hold is shown as �, not dropped
    words = {shape.text_frame.text for group in found.values() for shape in group.shapes if shape.has_text_frame}
    assert {f"Team {FAMILY} 😀", "<b>bold</b>"} <= words
    assert any(word.startswith('<img src="file:') for word in words)  # cut short as on the canvas, not read
    arabic = next(s for s in found["مريم العتيبي"].shapes if s.has_text_frame and s.text_frame.text == "مريم العتيبي")
    assert arabic.text_frame.paragraphs[0]._p.pPr.get("rtl") == "1"
    text = package_text(data)
    assert 'TargetMode="External"' not in text and "vbaProject" not in text and "macroEnabled" not in text


def test_the_command_line_writes_slides(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "board.pptx"
    code, printed, err = run(capsys, "export", sample_path(), out, "--findings")
    assert code == 0, err
    assert printed == f"wrote {out}\n"
    slides = list(deck(out.read_bytes()).slides)
    assert len(slides) >= 3 and "Scorecard" in slides[2].shapes[-1].text_frame.text
    code, _, err = run(capsys, "export", sample_path(), out)
    assert code == 1 and "already exists" in err


def test_a_cancelled_export_stops(board: Board) -> None:
    with pytest.raises(Cancelled):
        render_bytes(board, ExportOptions(format="pptx"), progress=lambda done, total: done < 1)


@pytest.fixture
def kit(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowKit]:
    yield from make_kit(tmp_path, qtbot, monkeypatch)


@QT_NOISE
def test_file_export_offers_powerpoint_and_writes_slides(
    kit: WindowKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Export… with PowerPoint chosen: paper size is not asked, findings are offered,
    and the chosen file gets slides with the window's board."""
    window = kit.window(kit.board())

    def choose(dialog: ExportDialog) -> ExportDialog.DialogCode:
        dialog.format.setCurrentIndex(dialog.format.findData("pptx"))
        assert not dialog.page.isEnabled() and dialog.findings.isEnabled() and dialog.legend.isChecked()
        assert "slides" in dialog.summary.text()
        dialog.findings.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "plan"), ""))
    written = export_dialog(window, "internal")
    assert written == tmp_path / "plan.pptx"
    slides = list(deck(written.read_bytes()).slides)
    assert set(cards(slides[0])) == {p.name for p in window.editor.document.board.people.values()}
    assert slides[0].has_notes_slide

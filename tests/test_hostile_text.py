"""Names, titles and notes that try to be markup, or to fool the eye, stay literal text.

A board from someone else can hold ``<b>``, ``<img src="file:///...">``,
``<script>``, a right-to-left override, emoji with zero-width joiners, 200-character
names and 20,000-character notes. The canvas, the tool tips, the inspector, the
findings panel, the window title, message boxes, the SVG and PDF exports and the CSV
export all show them as the characters they are, a CSV cell never starts a formula,
and nothing named in the text (an image file) is ever opened: an inotify watch on
a real PNG proves it.
"""

from __future__ import annotations

import csv
import ctypes
import html
import io
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QLabel, QMessageBox

from dmuboard import cli
from dmuboard.boardio import write_board
from dmuboard.csvio.export import links_csv, people_csv
from dmuboard.gui.canvas.linkitem import link_tooltip
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.token import TokenItem, tooltip
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.shell.files import _box
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import Document
from tests import summary
from tests.gui_window_kit import QT_NOISE, WindowKit

RLO = "\u202e"
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one glyph of four emoji and three joiners


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    """A real image that hostile text points at; opening it would succeed."""
    path = tmp_path / "canary.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(path))
    return path


def hostile_board(canary: Path) -> Board:
    """A board whose every text field tries something."""
    img = f'<img src="file://{canary}">'
    people = [
        Person("p1", "customer", img, "<b>bold</b>", "<script>alert(1)</script>", roles=("decider",),
               influence=5, notes=("<img src=x onerror=alert(1)> " * 800)[:20000], x=-400.0, y=0.0),
        Person("p2", "customer", f"{RLO}exe.txt", f"Team {FAMILY} 😀", interests=img, x=-400.0, y=200.0),
        Person("p3", "customer", ("<b>W" * 50)[:200], "=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2",
               notes="@SUM(A1)", x=-700.0, y=0.0),
        Person("u1", "ours", "<script>alert('ours')</script>", "Seller", "\tTab start", x=400.0, y=0.0),
    ]
    links = [Link("l1", "u1", "p1", "relationship", 2, img), Link("l2", "p2", "p1", "reports_to", note="=1+1")]
    info = BoardInfo(f"<i>Deal</i> {img} {RLO}", "<b>Acme</b>", "=Us", notes="<h1>board notes</h1>")
    return Board(info, {p.id: p for p in people}, {link.id: link for link in links})


# -- a watch for anyone opening the canary ------------------------------------------------

class OpenWatch:
    """Counts opens of one file with Linux inotify (IN_OPEN), read without blocking."""

    IN_OPEN = 0x20
    IN_NONBLOCK = 0o4000

    def __init__(self, path: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(self.IN_NONBLOCK)
        assert self.fd >= 0, os.strerror(ctypes.get_errno())
        assert self.libc.inotify_add_watch(self.fd, str(path).encode(), self.IN_OPEN) >= 0

    def opens(self) -> int:
        count = 0
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return 0
        while data:
            _wd, mask, _cookie, length = struct.unpack_from("iIII", data)
            count += bool(mask & self.IN_OPEN)
            data = data[16 + length:]
        return count

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def watch(canary: Path) -> Iterator[OpenWatch]:
    made = OpenWatch(canary)
    yield made
    made.close()


def render_rich(text: str) -> str:
    """Lay ``text`` out the way a tool tip does (images are fetched then); return its plain text."""
    document = QTextDocument()
    document.setHtml(text)
    document.size()  # layout: where QTextDocument loads images
    label = QLabel(text)  # what a tool tip shows: rich text when it looks like it
    label.grab()
    return document.toPlainText()



# -- tests ---------------------------------------------------------------------------

def test_the_watch_sees_an_image_being_loaded(qapp: QApplication, canary: Path, watch: OpenWatch) -> None:
    """Unescaped markup would load the canary, and the watch notices: so its silence below means something."""
    render_rich(f'<img src="file://{canary}">')
    assert watch.opens() >= 1


def test_canvas_tokens_and_tool_tips_show_literal_text(qapp: QApplication, canary: Path, watch: OpenWatch) -> None:
    """Tokens draw names as plain text items, and every tool tip reads back as the exact characters."""
    board = hostile_board(canary)
    scene = BoardScene(Editor(Document(board)))
    assert not [item for item in scene.items() if isinstance(item, QGraphicsTextItem)]
    for pid, person in board.people.items():
        token = scene.tokens[pid]
        assert isinstance(token, TokenItem)
        shown = token.name_item.text().split("…")[0]  # on up to two lines (issue 16.12), up to the cut
        assert "".join(person.name.split()).startswith("".join(shown.split())), (shown, person.name)
        assert scene.tooltip_text(token) == tooltip(person)
        plain = render_rich(scene.tooltip_text(token))
        assert person.name in plain
        if person.interests:
            assert person.interests in plain
    assert scene.tokens["p2"].name_item.text() == f"{RLO}exe.txt"
    assert scene.tokens["p1"].name_item.text().startswith("<img")
    for link in board.links.values():
        plain = render_rich(link_tooltip(link, board.people[link.source], board.people[link.target]))
        assert link.note in plain
    scene.clear()
    assert watch.opens() == 0
    summary.record("hostile", len(board.people) + len(board.links), unit="cases")


@QT_NOISE
def test_window_inspector_findings_and_messages_show_literal_text(
    kit: WindowKit, canary: Path, watch: OpenWatch
) -> None:
    """The window title, the inspector's fields, the findings list and a message box keep the markup as text."""
    board = hostile_board(canary)
    window = kit.window(kit.board("hostile.dmu", board))
    assert window.windowTitle().startswith(board.info.title)
    scene = window.scene
    assert scene is not None
    for pid in ("p1", "p2", "p3"):
        person = board.people[pid]
        scene.select(people=[pid])
        fields = window.inspector.person_page.fields
        assert fields["name"].text() == person.name
        assert fields["notes"].toPlainText() == person.notes
        assert fields["interests"].toPlainText() == person.interests
    window.findings.refresh()
    texts = [window.findings.list.item(i).text() for i in range(window.findings.list.count())]
    named = [text for text in texts if any(p.name in text for p in board.people.values())]
    assert named, texts
    for i in range(window.findings.list.count()):
        item = window.findings.list.item(i)
        assert render_rich(item.toolTip()).replace("\u2029", "\n") == item.text()
    box = _box(window, QMessageBox.Icon.Warning, board.people["p1"].name, board.info.title)
    assert box.textFormat() == window.inspector.heading.textFormat() == box.textFormat().PlainText
    assert box.text() == board.info.title
    window.grab()
    box.deleteLater()
    assert watch.opens() == 0
    summary.record("hostile", 1 + len(texts), unit="cases")


def test_svg_and_pdf_exports_carry_the_characters(
    qapp: QApplication, tmp_path: Path, canary: Path, watch: OpenWatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The SVG escapes ``<img`` and has no image or script element; the PDF's text holds ``<img`` as written."""
    board = hostile_board(canary)
    source = tmp_path / "hostile.json"
    write_board(source, board)
    svg, pdf = tmp_path / "board.svg", tmp_path / "board.pdf"
    assert cli.main(["export", str(source), str(svg), "--findings"]) == 0
    assert cli.main(["export", str(source), str(pdf), "--findings"]) == 0
    capsys.readouterr()
    text = svg.read_text(encoding="utf-8")
    assert "&lt;img" in text
    assert "&lt;script&gt;" in text
    assert not re.search(r"<\s*(img|script|image|foreignObject|a)\b", text, re.IGNORECASE)
    assert str(canary) not in text.replace("&quot;", '"').split("&lt;img src=")[0]  # never an attribute
    pdf_text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "<img" in pdf_text
    assert "<script>" in pdf_text
    assert watch.opens() == 0
    summary.record("hostile", 2, unit="cases")


def test_csv_export_cells_never_start_a_formula(canary: Path) -> None:
    """Every exported cell that would start a formula gets an apostrophe; the rest is the text as typed."""
    board = hostile_board(canary)
    checked = 0
    for text in (people_csv(board), links_csv(board), people_csv(board, ";")):
        text = text.lstrip("\ufeff")  # the byte-order mark spreadsheets use to detect UTF-8
        delimiter = ";" if text.splitlines()[0].count(";") > 2 else ","
        for row in list(csv.reader(io.StringIO(text), delimiter=delimiter))[1:]:
            for cell in row:
                checked += 1
                if re.fullmatch(r"-?[0-9.]+", cell):
                    continue  # a number (a position), not text
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(people_csv(board).lstrip("\ufeff")))}
    assert rows["p3"]["title"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert rows["p3"]["department"] == "'+1"
    assert rows["p3"]["organisation"] == "'-2"
    assert rows["p1"]["name"] == board.people["p1"].name
    assert rows["u1"]["department"] == "'\tTab start"
    summary.record("hostile", checked, unit="cases")


def test_the_tool_tip_escapes_are_real_escapes(canary: Path) -> None:
    """The raw tool-tip strings hold the escaped forms, never an opening ``<img`` or ``<script`` tag."""
    board = hostile_board(canary)
    for person in board.people.values():
        tip = tooltip(person)
        assert "<img" not in tip and "<script" not in tip
        assert html.escape(person.name) in tip

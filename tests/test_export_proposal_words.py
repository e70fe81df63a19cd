"""The words of a proposal export: the customer reads it, so the side headers speak
plainly instead of in the seller's jargon ("buying committee", "DMU")."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from dmuboard.gui.export import ExportOptions, render_bytes
from dmuboard.model.board import Board
from dmuboard.sample import sample_board

SVG = "{http://www.w3.org/2000/svg}"
JARGON = re.compile(r"buying\s*committee|\bDMU\b", re.IGNORECASE)


@pytest.fixture
def board(qtbot: QtBot) -> Board:
    """The sample board, with a QApplication running."""
    return sample_board()


def svg_words(data: bytes) -> str:
    """Every word an SVG draws (its <text> elements)."""
    root = ET.fromstring(data)
    return "\n".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def pdf_words(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("extras", [False, True])
def test_a_proposal_svg_and_pdf_never_say_buying_committee_or_dmu(board: Board, extras: bool) -> None:
    """The proposal's drawn text, with or without legend and title block, names both
    companies and calls the customer's side "Your team", never "buying committee" or "DMU"."""
    for words in (
        svg_words(render_bytes(board, ExportOptions(format="svg", profile="proposal", legend=extras,
                                                    title_block=extras))),
        pdf_words(render_bytes(board, ExportOptions(format="pdf", page="A4", profile="proposal", legend=extras,
                                                    title_block=extras))),
    ):
        flat = " ".join(words.split())
        assert not JARGON.search(flat), JARGON.search(flat)
        assert board.info.customer in flat and board.info.our_company in flat
        assert "Your team" in flat and "Our team" in flat


def test_the_internal_export_keeps_the_account_managers_header(board: Board) -> None:
    """Only the proposal changes its words: an internal SVG still calls the customer's
    side their buying committee (DMU)."""
    words = " ".join(svg_words(render_bytes(board, ExportOptions(format="svg"))).split())
    assert "Their buying committee (DMU)" in words
    assert "Your team" not in words

"""The outcome of a deal: kept in the board, in both file forms, with its date and reason."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.boardio import read_board, write_board
from dmuboard.model import jsonformat
from dmuboard.model.board import BoardInfo
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError
from dmuboard.model.profile import BoardProfile, ProfileEntry
from dmuboard.sample import sample_board
from dmuboard.store import SCHEMA_VERSION, BoardFile
from dmuboard.store.migrate import upgrade


def test_a_won_deal_keeps_its_outcome_date_reason_and_profile_in_both_forms(tmp_path: Path) -> None:
    """JSON -> .dmu -> JSON gives the same document, as version 2 since it uses version 2's fields."""
    board = sample_board()
    profile = BoardProfile((ProfileEntry("Works council", ("ondernemingsraad", "works council")),), ("CEO",))
    board.info = replace(board.info, outcome="won", outcome_date="2026-11-30",
                         outcome_reason="Best fit with the ERP", profile=profile)
    write_board(tmp_path / "won.json", board)
    document = json.loads((tmp_path / "won.json").read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert document["board"]["outcome"] == "won" and document["board"]["outcome_date"] == "2026-11-30"
    assert document["board"]["profile"] == {"add": [{"label": "Works council",
                                                     "keywords": ["ondernemingsraad", "works council"]}],
                                            "omit": ["CEO"]}
    write_board(tmp_path / "won.dmu", read_board(tmp_path / "won.json"))
    again = read_board(tmp_path / "won.dmu")
    assert again.info == board.info
    assert jsonformat.board_to_document(again) == document


def test_an_open_board_is_still_written_as_version_1() -> None:
    document = jsonformat.board_to_document(sample_board())
    assert document["version"] == 1 and "outcome" not in document["board"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("outcome", "maybe", "outcome: 'maybe' is not one of open, won, lost, no_decision"),
    ("outcome_date", "30-11-2026", "outcome_date: '30-11-2026' is not an ISO date"),
    ("outcome_date", "2026-02-30", "is not an ISO date"),
    ("outcome_reason", "x" * 2001, "outcome_reason: must be 0 to 2000 characters"),
])
def test_a_bad_outcome_is_refused_with_its_place(field: str, value: str, message: str) -> None:
    document = jsonformat.board_to_document(sample_board())
    document["version"] = 2
    document["board"][field] = value
    with pytest.raises(BoardError, match=message.replace("(", r"\(")):
        jsonformat.board_from_document(document)


def test_the_outcome_is_a_change_like_any_other(tmp_path: Path) -> None:
    """Setting the outcome through the store writes it at once; the file reads back closed."""
    path = tmp_path / "deal.dmu"
    write_board(path, sample_board())
    with BoardFile.open(path) as store:
        info = replace(store.board.info, outcome="lost", outcome_date="2026-12-01", outcome_reason="Price")
        store.write(Change(info=info))
    info = read_board(path).info
    assert (info.outcome, info.outcome_date, info.outcome_reason, info.closed) == ("lost", "2026-12-01", "Price", True)


def test_a_version_1_file_is_upgraded_to_schema_4_with_open_deals(tmp_path: Path) -> None:
    """An old board opened for writing is migrated in place (batch mode) and every deal in it is open."""
    from sqlalchemy import create_engine

    path = tmp_path / "old.dmu"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA application_id = 1145918786")
    engine = create_engine("sqlite://", creator=lambda: raw)
    with engine.connect() as connection:
        upgrade(connection, "0001")
        connection.exec_driver_sql(
            "INSERT INTO boards VALUES (1, 'Old deal', '', '', NULL, 'EUR', 'new_buy', '[]', '')")
        connection.commit()
    raw.close()
    with BoardFile.open(path) as store:
        assert store.board.info == BoardInfo("Old deal", required_roles=())
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        rows = connection.execute("SELECT outcome, outcome_date, profile FROM boards").fetchall()
        assert rows == [("open", "", None)]

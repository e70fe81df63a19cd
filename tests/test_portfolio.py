"""The portfolio's rows, as ``dmuboard portfolio`` and the window list them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from dmuboard.boardio import write_board
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import Change
from dmuboard.model.generate import generate_board
from dmuboard.portfolio import SummaryCache, board_paths, our_people, summarize
from dmuboard.sample import sample_board
from dmuboard.store import BoardFile
from tests.clikit import digest, run


def _board(title: str, ours: list[str], contacts: int, customers: int = 4) -> Board:
    people = [Person(f"p{i}", "customer", f"Customer {i}") for i in range(1, customers + 1)]
    people += [Person(f"u{i}", "ours", name) for i, name in enumerate(ours, start=1)]
    links = [Link(f"l{i}", f"u{((i - 1) % len(ours)) + 1}", f"p{i}", "relationship") for i in range(1, contacts + 1)]
    return Board(BoardInfo(title, customer=title), {p.id: p for p in people}, {x.id: x for x in links})


@pytest.mark.parametrize("suffix", [".dmu", ".json"])
def test_every_count_equals_what_analyze_says(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             suffix: str) -> None:
    """Customer people, contacts, coverage, findings by severity and single-threading match `analyze --json`."""
    for name, board in (("sample", sample_board()), ("big", generate_board(120, seed=7))):
        write_board(tmp_path / f"{name}{suffix}", board)
    code, out, err = run(capsys, "portfolio", tmp_path, "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)["boards"]
    assert len(rows) == 2
    for row in rows:
        code, out, _ = run(capsys, "analyze", row["path"], "--json")
        analysis = json.loads(out)
        metrics = analysis["metrics"]
        for key in ("customer_people", "our_people", "contacts", "relationships", "coverage", "expected_dmu"):
            assert row[key] == metrics[key], key
        by_severity = {s: sum(1 for f in analysis["findings"] if f["severity"] == s) for s in ("high", "medium", "low")}
        assert row["findings"] == by_severity
        assert row["codes"] == [f["code"] for f in analysis["findings"]]
        assert row["single_threaded"] == any(f["code"] == "single_threaded" for f in analysis["findings"])
        assert row["title"] == analysis["board"]
        assert row["error"] is None


def test_the_spec_keys_of_a_row_and_of_our_people(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The sample board gives the row of the spec's example, and Sanne de Vries is its only thread."""
    write_board(tmp_path / "sample.dmu", sample_board())
    _, out, _ = run(capsys, "portfolio", tmp_path, "--json")
    document = json.loads(out)
    row = document["boards"][0]
    assert {"path", "title", "customer", "outcome", "customer_people", "contacts", "coverage", "findings",
            "single_threaded", "error"} <= set(row)
    assert (row["outcome"], row["customer_people"], row["contacts"], row["coverage"]) == ("open", 11, 1, 0.091)
    assert row["findings"] == {"high": 6, "medium": 4, "low": 0}
    assert row["single_threaded"] is True
    sanne = [p for p in document["our_people"] if p["name"] == "Sanne de Vries"]
    assert sanne and (sanne[0]["accounts"], sanne[0]["only_thread"]) == (1, 1)


def test_damaged_and_hostile_files_are_rows_that_say_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Garbage, a truncated board, a board with a trigger and a broken JSON document each get an error
    sentence; the good board next to them is still listed, and no file is changed."""
    write_board(tmp_path / "good.dmu", sample_board())
    (tmp_path / "garbage.dmu").write_bytes(b"not a board at all")
    (tmp_path / "broken.json").write_text('{"format": "dmuboard", "version": 1, "board": {', encoding="utf-8")
    shutil.copy(tmp_path / "good.dmu", tmp_path / "hostile.dmu")
    with sqlite3.connect(tmp_path / "hostile.dmu") as connection:
        connection.execute("CREATE TRIGGER t AFTER INSERT ON people BEGIN SELECT 1; END")
    data = (tmp_path / "good.dmu").read_bytes()
    (tmp_path / "truncated.dmu").write_bytes(data[: len(data) // 2 + 7])
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    code, out, err = run(capsys, "portfolio", tmp_path, "--json")
    assert (code, err) == (0, "")
    rows = {Path(r["path"]).name: r for r in json.loads(out)["boards"]}
    assert rows["good.dmu"]["error"] is None
    for name in ("garbage.dmu", "broken.json", "hostile.dmu", "truncated.dmu"):
        assert rows[name]["error"] and name in rows[name]["error"], name
        assert set(rows[name]) == {"path", "error"}
    assert "did not create" in rows["hostile.dmu"]["error"]
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


def test_reading_never_writes_the_board_nor_takes_its_lock(tmp_path: Path) -> None:
    """A board left half-written by a crash is reported, not repaired; no lock file appears."""
    path = tmp_path / "board.dmu"
    write_board(path, sample_board())
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    before = digest(path), digest(journal)
    row = summarize(path)
    assert row.error is not None and "half-written" in row.error
    assert (digest(path), digest(journal)) == before
    journal.unlink()
    assert summarize(path).error is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.dmu"]


def test_the_cache_reuses_rows_until_a_board_changes_behind_its_back(tmp_path: Path) -> None:
    """A second listing reads nothing; a change written by the store (same size, same second) is read again."""
    for i in range(3):
        write_board(tmp_path / f"b{i}.dmu", _board(f"Board {i}", ["Ann"], contacts=1))
    cache = SummaryCache()
    paths = board_paths([tmp_path])
    first = cache.summaries(paths)
    assert cache.reads == 3 and all(r.contacts == 1 for r in first)
    assert cache.summaries(paths) == first and cache.reads == 3
    with BoardFile.open(paths[1]) as store:
        store.write(Change(links=(Link("l9", "u1", "p2", "relationship"),)))
    again = cache.summaries(paths)
    assert cache.reads == 4
    assert [r.contacts for r in again] == [1, 2, 1]


def test_the_cache_file_is_reused_and_a_damaged_one_ignored(tmp_path: Path) -> None:
    """Rows saved to a cache file serve the next run; a garbled cache file is no harm."""
    folder = tmp_path / "boards"
    folder.mkdir()
    write_board(folder / "a.json", _board("A", ["Ann"], contacts=2))
    saved = SummaryCache()
    rows = saved.summaries(board_paths([folder]))
    saved.save(tmp_path / "cache.json")
    later = SummaryCache()
    later.load(tmp_path / "cache.json")
    assert later.summaries(board_paths([folder])) == rows and later.reads == 0
    write_board(folder / "a.json", _board("A", ["Ann"], contacts=3), force=True)
    assert later.summaries(board_paths([folder]))[0].contacts == 3
    (tmp_path / "cache.json").write_text("{broken", encoding="utf-8")
    garbled = SummaryCache()
    garbled.load(tmp_path / "cache.json")
    assert garbled.summaries(board_paths([folder]))[0].contacts == 3


def test_our_people_are_matched_by_name_ignoring_case_and_spacing(tmp_path: Path) -> None:
    """Sanne holds the only thread on two accounts and shares a third; the row counts say so."""
    boards = {
        "one": _board("One", ["Sanne de Vries"], contacts=2),
        "two": _board("Two", ["sanne  DE vries", "Bram Bos"], contacts=1),
        "three": _board("Three", ["Sanne de Vries ", "Bram Bos"], contacts=2),
    }
    for name, board in boards.items():
        write_board(tmp_path / f"{name}.dmu", board)
    people = {p.name.strip(): p for p in our_people(SummaryCache().summaries(board_paths([tmp_path])))}
    assert (len(people["Sanne de Vries"].accounts), len(people["Sanne de Vries"].only_thread)) == (3, 2)
    assert (len(people["Bram Bos"].accounts), len(people["Bram Bos"].only_thread)) == (1, 0)


def test_a_listing_leaves_out_hidden_temporary_and_other_files(tmp_path: Path) -> None:
    """Only .dmu and .json boards of the folder itself are listed; a named file from elsewhere is added."""
    write_board(tmp_path / "a.dmu", sample_board())
    (tmp_path / ".a.dmu.1234abcd.tmp").write_bytes(b"x")
    (tmp_path / ".hidden.dmu").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write_board(tmp_path / "sub" / "deep.dmu", sample_board())
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.json"
    write_board(elsewhere, sample_board(), force=True)
    try:
        assert [p.name for p in board_paths([tmp_path], [elsewhere])] == [elsewhere.name, "a.dmu"]
    finally:
        os.unlink(elsewhere)


def test_a_missing_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "portfolio", tmp_path / "nowhere")
    assert code == 2 and "does not exist" in err and "Traceback" not in err


def test_the_csv_export_has_a_row_per_board_and_defuses_formulas(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    """A customer named like a formula is written with an apostrophe; a bad file is a row with its error."""
    folder = tmp_path / "boards"
    folder.mkdir()
    board = _board("=HYPERLINK(\"x\")", ["Ann"], contacts=1)
    write_board(folder / "a.dmu", board)
    (folder / "b.dmu").write_bytes(b"junk")
    code, _, err = run(capsys, "portfolio", folder, "--csv", tmp_path / "out.csv")
    assert (code, err) == (0, "")
    import csv

    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [Path(r["path"]).name for r in rows] == ["a.dmu", "b.dmu"]
    assert rows[0]["customer"] == "'=HYPERLINK(\"x\")" and rows[0]["contacts"] == "1"
    assert "not a DMU Board file" in rows[1]["error"]
    code, _, err = run(capsys, "portfolio", folder, "--csv", tmp_path / "out.csv")
    assert code == 1 and "--force" in err


def test_a_row_read_while_a_journal_lies_beside_the_board_is_not_kept(tmp_path: Path) -> None:
    """While a change is being written (a journal beside the file) the row says so; once it is gone the
    board is read again, although the board file itself did not change since."""
    path = tmp_path / "board.dmu"
    write_board(path, sample_board())
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"\0" * 512)
    cache = SummaryCache()
    assert "being written" in (cache.summary(path).error or "")
    journal.unlink()
    assert cache.summary(path).error is None and cache.reads == 2

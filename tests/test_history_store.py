"""Every change made to a board is kept in its file, with when and by whom, and any
moment of the past can be shown again."""

from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard import boardio
from dmuboard.model.document import Change
from dmuboard.model.errors import UserError
from dmuboard.model.history import HistoryError, Timeline, system_user
from dmuboard.store import BoardFile, write_new
from tests.boardkit import ChangeStream, same_content, sample_board
from tests.historykit import reviewed_board, set_times, streamed_board


def test_each_change_is_recorded_with_time_and_author(tmp_path: Path) -> None:
    """A change applied to the open board is in its history at once: when (UTC), who,
    its label, and the field before and after."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        store.author = "Eva Jansen"
        doc = store.document()
        doc.apply(Change(people=(replace(doc.board.people["p3"], stance="supporter"),), label="Stance"))
    with BoardFile.open(path) as store:
        (entry,) = store.history()
    moment = datetime.datetime.fromisoformat(entry.at.replace("Z", "+00:00"))
    assert abs(datetime.datetime.now(datetime.UTC) - moment) < datetime.timedelta(minutes=5)
    assert (entry.by, entry.label, entry.step) == ("Eva Jansen", "Stance", "edit")
    assert entry.delta is not None
    (step,) = entry.delta.people
    assert (step.id, step.before, step.after) == ("p3", {"stance": "skeptic"}, {"stance": "supporter"})


def test_author_defaults_to_the_system_user(tmp_path: Path) -> None:
    """Without a profile name the entries name whoever runs the program."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        assert store.author == system_user() != ""
        doc = store.document()
        doc.apply(Change(people=(replace(doc.board.people["p1"], x=0.0, y=0.0),)))
        expected = store.author
    with BoardFile.open(path) as store:
        assert store.history()[0].by == expected


def test_undo_is_recorded_as_an_undo(tmp_path: Path) -> None:
    """Undoing a change adds an entry that says "undo", with the change reversed."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        inverse = doc.apply(Change(people=(replace(doc.board.people["p2"], influence=1),), label="Influence"))
        doc.apply(replace(inverse, step="undo"))
        history = store.history()
    assert [(e.step, e.label) for e in history] == [("edit", "Influence"), ("undo", "Influence")]
    assert history[1].delta is not None
    assert history[1].delta.people[0].after == {"influence": 4}


def test_a_refused_change_leaves_no_entry(tmp_path: Path) -> None:
    """A change the file cannot take (read-only) is neither applied nor recorded."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path, read_only="a test") as store:
        doc = store.document()
        with pytest.raises(UserError):
            doc.apply(Change(removed_links=("l1",)))
    with BoardFile.open(path) as store:
        assert store.history() == []


def test_every_past_moment_is_the_board_as_it_was(tmp_path: Path) -> None:
    """After 120 random changes (adds, edits, deletes, undos) the board of each moment
    is exactly the board the document had then."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    seen = []
    with BoardFile.open(path) as store:
        doc = store.document()
        stream = ChangeStream(doc, 11)
        seen.append(doc.board.copy())
        while len(seen) <= 120:
            if stream.step():
                seen.append(doc.board.copy())
        timeline = store.timeline()
    assert timeline.end == 120
    for index, board in enumerate(seen):
        assert same_content(timeline.board_at(index), board), index


def test_marks_are_added_listed_renamed_and_deleted(tmp_path: Path) -> None:
    """Review marks name moments; a name is unique, and renaming or deleting one keeps the changes."""
    path = reviewed_board(tmp_path / "board.dmu")
    with BoardFile.open(path) as store:
        assert [e.mark for _, e in store.timeline().marks()] == ["Kick-off", "QBR Q3"]
        with pytest.raises(HistoryError, match="already has a review mark named 'QBR Q3'"):
            store.add_mark(" QBR Q3 ")
        store.rename_mark("QBR Q3", "Deal review")
        store.delete_mark("Kick-off")
        with pytest.raises(HistoryError, match="no review mark named 'Kick-off'"):
            store.delete_mark("Kick-off")
        timeline = store.timeline()
    assert [e.mark for _, e in timeline.marks()] == ["Deal review"]
    assert timeline.end == 5
    assert timeline.board_at(0).people["p3"].stance == "skeptic"


def test_marks_and_dates_name_moments(tmp_path: Path) -> None:
    """A mark is the board when it was made; a date is the start of that day (UTC) for
    --since and its end for --until."""
    path = reviewed_board(tmp_path / "board.dmu")
    set_times(path, "2026-09-01T09:00:00Z", "2026-09-15T10:00:00Z", "2026-10-01T10:00:00Z",
              "2026-10-01T11:00:00Z", "2026-10-02T10:00:00Z", "2026-10-03T10:00:00Z")
    with BoardFile.open(path) as store:
        timeline = store.timeline()
    assert timeline.resolve("Kick-off").index == 0
    assert timeline.resolve("QBR Q3").index == 5
    assert timeline.resolve("2026-10-01").index == 2
    assert timeline.resolve("2026-10-01", until=True).index == 4
    assert timeline.resolve("2026-10-01T10:00:00Z").index == 3
    assert timeline.resolve("2025-01-01").index == 0
    with pytest.raises(HistoryError, match=r"'QBR Q4' is neither a review mark of board\.dmu"):
        timeline.resolve("QBR Q4")


def test_compacting_keeps_the_marks_and_their_boards(tmp_path: Path) -> None:
    """"Compact history" merges the steps between marks: fewer entries, every mark's board the same."""
    path = streamed_board(tmp_path / "board.dmu", 60)
    with BoardFile.open(path) as store:
        before = store.timeline()
        boards = {e.mark: before.board_at(i) for i, e in before.marks()}
        removed = store.compact_history()
        after = store.timeline()
    assert removed > 0 and after.end == before.end - removed
    assert [e.mark for _, e in after.marks()] == list(boards)
    for i, entry in after.marks():
        assert same_content(after.board_at(i), boards[entry.mark]), entry.mark
    assert same_content(after.board_at(after.end), before.board_at(before.end))


def test_history_survives_json_and_back(tmp_path: Path) -> None:
    """.dmu -> JSON -> .dmu -> JSON keeps every entry, and the JSON documents are equal."""
    path = reviewed_board(tmp_path / "board.dmu")
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    board, history = boardio.read_board_with_history(path)
    boardio.write_board(first, board, history=history)
    board2, history2 = boardio.read_board_with_history(first)
    boardio.write_board(tmp_path / "back.dmu", board2, history=history2)
    board3, history3 = boardio.read_board_with_history(tmp_path / "back.dmu")
    boardio.write_board(second, board3, history=history3)
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert [e.get("mark") for e in document["history"]] == ["Kick-off", None, None, None, None, "QBR Q3"]
    assert document["history"][1]["change"]["people"] == [
        {"id": "p3", "before": {"stance": "skeptic"}, "after": {"stance": "supporter"}}]
    assert json.loads(second.read_text(encoding="utf-8")) == document
    timeline = Timeline(board3, history3)
    assert timeline.board_at(0).people["p4"].name == "Consultant"


def test_version_1_document_and_file_are_read(tmp_path: Path) -> None:
    """A version 1 JSON document reads (no history), and a schema 1 file is migrated."""
    document = json.loads(boardio.jsonformat.dumps(sample_board()))
    document["version"] = 1
    v1 = tmp_path / "v1.json"
    v1.write_text(json.dumps(document), encoding="utf-8")
    board, history = boardio.read_board_with_history(v1)
    assert history == [] and len(board.people) == 6
    fixture = Path(__file__).with_name("data") / "schema-v1.dmu"
    copy = tmp_path / "old.dmu"
    copy.write_bytes(fixture.read_bytes())
    with BoardFile.open(copy) as store:
        assert store.history() == []
        doc = store.document()
        pid = next(iter(doc.board.people))
        doc.apply(Change(people=(replace(doc.board.people[pid], influence=5),)))
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (4,)
    connection.close()
    with BoardFile.open(copy) as store:
        assert len(store.history()) == 1


def test_a_history_that_disagrees_with_the_board_is_refused(tmp_path: Path) -> None:
    """A JSON history whose steps do not lead to the board is refused whole, naming the entry."""
    path = reviewed_board(tmp_path / "board.dmu")
    board, history = boardio.read_board_with_history(path)
    out = tmp_path / "board.json"
    boardio.write_board(out, board, history=history)
    document = json.loads(out.read_text(encoding="utf-8"))
    document["history"][1]["change"]["people"][0]["after"]["stance"] = "blocker"
    out.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(UserError, match=r"history\[1\]|entry 2"):
        boardio.read_board_with_history(out)


def test_a_small_change_costs_little_in_the_file(tmp_path: Path) -> None:
    """A move is kept in a few dozen bytes: only x and y, before and after."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        doc.apply(Change(people=(replace(doc.board.people["p1"], x=1.0, y=2.0),), label="Move"))
    with sqlite3.connect(path) as connection:
        (data,) = connection.execute("SELECT data FROM history").fetchone()
    connection.close()
    assert json.loads(data) == {"l": "Move", "p": [["p1", {"x": -420.0, "y": -180.0}, {"x": 1.0, "y": 2.0}]]}
    assert len(data) < 80



def test_pinning_is_kept_in_the_history_and_left_out_of_comparisons(tmp_path: Path) -> None:
    """Pinning a card is a recorded step (the past shows the card unpinned, JSON keeps
    it), but a comparison does not list it: where a card sits is no news for a review."""
    from dmuboard.model.history.compare import compare

    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        doc.apply(Change(people=(replace(doc.board.people["p3"], pinned=True),), label="Pin"))
    board, history = boardio.read_board_with_history(path)
    (step,) = history[0].delta.people if history[0].delta is not None else ()
    assert (step.before, step.after) == ({"pinned": False}, {"pinned": True})
    timeline = Timeline(board, history)
    assert not timeline.board_at(0).people["p3"].pinned and board.people["p3"].pinned
    document = tmp_path / "board.json"
    boardio.write_board(document, board, history=history)
    again, history_again = boardio.read_board_with_history(document)
    assert json.loads(document.read_text(encoding="utf-8"))["version"] == 2
    assert again.people["p3"].pinned and [e.delta for e in history_again] == [e.delta for e in history]
    assert compare(timeline.board_at(0), board).people_changed == {}

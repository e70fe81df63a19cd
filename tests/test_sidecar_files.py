"""A journal or write-ahead log beside a board is never played back by a command that
only reads, and only after its result passed every check when the board is opened to
be changed (issue 15, points 1 and 2).

The journal and the WAL are made by SQLite itself, as a crash, a copied folder or a
sync tool leaves them; every test proves the bytes of the board and of the file
beside it are as they were.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dmuboard.model.errors import NotABoardError
from dmuboard.store import BoardFile, write_new
from tests.boardkit import same_board, sample_board
from tests.clikit import digest, one_error_line, run


def _board(folder: Path) -> Path:
    path = folder / "board.dmu"
    write_new(path, sample_board())
    return path


def _hot_journal(board: Path, folder: Path, *, before: list[str], during: list[str]) -> Path:
    """``folder/board.dmu`` as a writer killed in the middle of a change leaves it.

    ``before`` is committed to a copy of ``board`` first (what a rollback restores),
    ``during`` is the change in flight, spilled into the file before the kill.
    """
    source = folder / "source" / "board.dmu"
    source.parent.mkdir()
    shutil.copyfile(board, source)
    writer = sqlite3.connect(source, isolation_level=None)
    for statement in before:
        writer.execute(statement)
    writer.execute("PRAGMA cache_size = 1")
    writer.execute("BEGIN IMMEDIATE")
    for statement in during:
        writer.execute(statement)
    writer.execute("UPDATE people SET notes = ?", ("half-written " * 1000,))
    crashed = folder / "crashed" / "board.dmu"
    crashed.parent.mkdir()
    crashed.write_bytes(source.read_bytes())
    crashed.with_name("board.dmu-journal").write_bytes(source.with_name("board.dmu-journal").read_bytes())
    writer.execute("ROLLBACK")
    writer.close()
    return crashed


def _foreign_wal(board: Path, folder: Path, *statements: str) -> Path:
    """``board`` with a ``-wal`` beside it that another program wrote, holding ``statements``."""
    work = folder / "work" / "board.dmu"
    work.parent.mkdir()
    shutil.copyfile(board, work)
    writer = sqlite3.connect(work, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in statements:
        writer.execute(statement)
    target = folder / "sent" / "board.dmu"
    target.parent.mkdir()
    shutil.copyfile(board, target)  # the board as DMU Board wrote it
    target.with_name("board.dmu-wal").write_bytes(work.with_name("board.dmu-wal").read_bytes())
    writer.close()
    return target


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir())}


def test_check_of_a_crashed_board_reads_the_last_committed_board_and_changes_no_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = _hot_journal(_board(tmp_path), tmp_path, before=[], during=["DELETE FROM links"])
    before = _digests(crashed.parent)
    code, out, err = run(capsys, "check", crashed)
    assert code == 0, err
    assert out.startswith('ok: "') and "links" in out
    assert "board.dmu-journal" in err and "not changed" in err
    assert _digests(crashed.parent) == before


def test_journal_that_would_add_a_trigger_is_refused_by_check_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = _hot_journal(
        _board(tmp_path), tmp_path,
        before=["CREATE TRIGGER sneaky AFTER INSERT ON people BEGIN DELETE FROM links; END"],
        during=["DROP TRIGGER sneaky"],
    )
    before = _digests(crashed.parent)
    code, _, err = run(capsys, "check", crashed)
    assert code == 1
    line = one_error_line(err)
    assert "board.dmu-journal" in line and "trigger" in line and "Nothing was changed" in line
    assert _digests(crashed.parent) == before


def test_journal_that_would_add_a_trigger_is_not_played_back_when_opened_for_editing(tmp_path: Path) -> None:
    crashed = _hot_journal(
        _board(tmp_path), tmp_path,
        before=["CREATE TRIGGER sneaky AFTER INSERT ON people BEGIN DELETE FROM links; END"],
        during=["DROP TRIGGER sneaky"],
    )
    before = _digests(crashed.parent)
    with pytest.raises(NotABoardError, match=r"board\.dmu-journal"):
        BoardFile.open(crashed)
    assert _digests(crashed.parent) == before


def test_crashed_board_opened_for_editing_is_repaired_and_says_so(tmp_path: Path) -> None:
    crashed = _hot_journal(_board(tmp_path), tmp_path, before=[], during=["DELETE FROM links"])
    with BoardFile.open(crashed) as store:
        assert same_board(store.board, sample_board())
        assert store.notice is not None and "played back" in store.notice
    assert sorted(p.name for p in crashed.parent.iterdir()) == ["board.dmu"]


def test_wal_with_a_newer_schema_version_is_refused_and_the_board_stays_openable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = _foreign_wal(_board(tmp_path), tmp_path, "PRAGMA user_version = 99")
    before = _digests(sent.parent)
    code, _, err = run(capsys, "check", sent)
    assert code == 1
    line = one_error_line(err)
    assert "board.dmu-wal" in line and "newer version" in line
    with pytest.raises(NotABoardError, match=r"board\.dmu-wal"):
        BoardFile.open(sent)
    assert _digests(sent.parent) == before
    sent.with_name("board.dmu-wal").unlink()
    with BoardFile.open(sent) as store:
        assert same_board(store.board, sample_board())


def test_wal_content_is_not_shown_as_the_board_by_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check says the WAL is there and was only played back on a copy; the file keeps its bytes."""
    sent = _foreign_wal(_board(tmp_path), tmp_path, "UPDATE boards SET title = 'From the WAL'")
    before = _digests(sent.parent)
    code, _, err = run(capsys, "check", sent)
    assert code == 0, err
    assert "board.dmu-wal" in err and "write-ahead log" in err and "not changed" in err
    assert _digests(sent.parent) == before


def test_export_and_convert_of_a_board_with_a_journal_change_no_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = _hot_journal(_board(tmp_path), tmp_path, before=[], during=["DELETE FROM links"])
    before = _digests(crashed.parent)
    out = tmp_path / "out"
    out.mkdir()
    assert run(capsys, "convert", crashed, out / "copy.json")[0] == 0
    assert run(capsys, "analyze", crashed)[0] == 0
    assert _digests(crashed.parent) == before

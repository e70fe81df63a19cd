"""One board file, however it is reached: symbolic links, hard links, relative paths and
``..`` lead to the same lock, for windows and commands alike; and a board written by
two programs at once can never end with a reporting cycle or an overwritten person
(issue 15 point 3, issue 14 point 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dmuboard.gui.shell.session import OTHER_WINDOW
from dmuboard.model.board import Link, Person
from dmuboard.model.document import Change
from dmuboard.model.errors import StoreError
from dmuboard.store import BoardFile
from tests.clikit import digest, one_error_line, run
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE

CSV = Path(__file__).parent / "data" / "csv" / "excel_nl.csv"




def _import(capsys: pytest.CaptureFixture[str], board: str | Path) -> tuple[int, str]:
    code, _, err = run(capsys, "import-csv", board, CSV, "--side", "customer")
    return code, err


def test_import_through_a_symbolic_link_to_a_board_open_in_the_window_is_refused(
    kit: WindowKit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = kit.board("acme.dmu")
    window = kit.window(path)
    assert window.opened.read_only_reason is None
    link = kit.root / "elsewhere" / "link.dmu"
    link.parent.mkdir()
    link.symlink_to(path)
    before = digest(path)
    code, err = _import(capsys, link)
    assert code == 1
    assert "is open in DMU Board" in one_error_line(err)
    assert digest(path) == before
    assert board_on_disk(path).people.keys() == window.editor.document.board.people.keys()


def test_import_through_a_hard_link_or_a_relative_path_is_refused_too(
    kit: WindowKit, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kit.board("acme.dmu")
    kit.window(path)
    hard = kit.root / "hard.dmu"
    os.link(path, hard)
    (kit.root / "sub").mkdir()
    monkeypatch.chdir(kit.root / "sub")
    before = digest(path)
    for name in (hard, "../acme.dmu", "./../sub/../acme.dmu"):
        code, err = _import(capsys, name)
        assert code == 1, name
        assert "is open in DMU Board" in one_error_line(err)
    assert digest(path) == before


def test_a_second_window_through_a_hard_link_or_symlink_opens_read_only(kit: WindowKit) -> None:
    path = kit.board("acme.dmu")
    hard = kit.root / "hard.dmu"
    os.link(path, hard)
    soft = kit.root / "soft.dmu"
    soft.symlink_to(path)
    first = kit.window(path)
    for other in (hard, soft):
        second = kit.window(other)
        assert second.opened.read_only_reason == OTHER_WINDOW, other
        second.close()
    first.close()
    third = kit.window(hard)
    assert third.opened.read_only_reason is None


def test_a_window_through_a_symbolic_link_holds_the_lock_for_the_file(
    kit: WindowKit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = kit.board("acme.dmu")
    soft = kit.root / "soft.dmu"
    soft.symlink_to(path)
    kit.window(soft)
    before = digest(path)
    code, err = _import(capsys, path)
    assert code == 1 and "is open in DMU Board" in one_error_line(err)
    assert digest(path) == before
    assert soft.is_symlink()


def test_convert_force_onto_a_board_open_in_the_window_is_refused(
    kit: WindowKit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = kit.board("acme.dmu")
    kit.window(path)
    other = kit.board("other.dmu")
    before = digest(path)
    code, _, err = run(capsys, "convert", other, path, "--force")
    assert code == 1 and "is open in DMU Board" in one_error_line(err)
    assert digest(path) == before


def _two_writers(tmp_path: Path) -> tuple[BoardFile, BoardFile, Path]:
    """Two stores open on one file at once, as two programs without a shared lock have them."""
    path = tmp_path / "acme.dmu"
    from dmuboard.store import write_new
    from tests.gui_window_kit import small_board

    write_new(path, small_board())
    return BoardFile.open(path), BoardFile.open(path), path


def test_two_writers_cannot_make_a_reporting_cycle(tmp_path: Path) -> None:
    """Each line is fine on its own board; together they close a cycle. The second is refused."""
    first, second, path = _two_writers(tmp_path)
    with first, second:
        first.document().apply(Change(links=(Link("x1", "p1", "p3", "reports_to"),)))
        with pytest.raises(StoreError, match=r"another program|cycle"):
            second.document().apply(Change(links=(Link("x2", "p3", "p2", "reports_to"),)))
    with BoardFile.open(path) as store:  # still opens: no cycle in the file
        assert "x2" not in store.board.links and "x1" in store.board.links


def test_a_stale_writer_does_not_overwrite_a_person_another_program_added(tmp_path: Path) -> None:
    first, second, path = _two_writers(tmp_path)
    with first, second:
        first.document().apply(Change(people=(Person("n1", "customer", "Imported Person"),)))
        document = second.document()
        with pytest.raises(StoreError, match="changed by another program"):
            document.apply(Change(people=(Person("n1", "customer", "Typed in the window"),)))
        assert "n1" not in document.board.people  # the refused change left the model as it was
    with BoardFile.open(path) as store:
        assert store.board.people["n1"].name == "Imported Person"


def test_a_reporting_cycle_written_into_the_file_by_another_program_is_refused_at_the_next_line(
    tmp_path: Path,
) -> None:
    """Even when another program's write is not seen as such, no line closes a cycle in the file."""
    import sqlite3

    first, _, path = _two_writers(tmp_path)
    first.close()
    with BoardFile.open(path) as store:
        other = sqlite3.connect(path)
        with other:
            other.execute("INSERT INTO links (board_id, id, position, source, target, kind, strength, note) "
                          "VALUES (1, 'x9', 99, 'p1', 'p3', 'reports_to', 1, '')")
        other.close()
        store._read_version = store._data_version()  # as if the write had gone unnoticed
        with pytest.raises(StoreError, match="cycle"):
            store.document().apply(Change(links=(Link("x2", "p3", "p2", "reports_to"),)))

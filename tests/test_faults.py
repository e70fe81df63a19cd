"""When the disk fails under an open board, the user loses nothing and can carry on.

The faults are made on the store's own SQLite connection (``BoardFile._raw``):
``max_page_count`` stops the file from growing, as a full disk does; ``query_only``
refuses every write, as a file that turned read-only does; a second connection
holding the write lock plays another program writing the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.model.board import Person
from dmuboard.model.document import Change, Document
from dmuboard.model.errors import StoreError
from dmuboard.store import BoardFile, write_new
from tests.boardkit import same_board, sample_board, sha256


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BoardFile]:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as opened:
        yield opened


def _fill_disk(store: BoardFile) -> None:
    pages, = store._raw.execute("PRAGMA page_count").fetchone()
    store._raw.execute(f"PRAGMA max_page_count = {pages}")


def _big_person(doc: Document) -> Person:
    return Person(doc.new_person_id("customer"), "customer", "Long notes", notes="n" * 20000)


def _assert_untouched(store: BoardFile, doc: Document, before_hash: str) -> None:
    assert same_board(doc.board, sample_board())
    assert sha256(store.path) == before_hash
    with BoardFile.open(store.path, read_only="checking") as again:
        assert same_board(again.board, sample_board())


def test_disk_full_refuses_change_and_keeps_everything(store: BoardFile, tmp_path: Path) -> None:
    """With the disk full, a change that needs room fails with a "disk is full"
    message; memory and file stay as they were, and a copy can still be saved."""
    doc = store.document()
    heard: list[Change] = []
    doc.subscribe(heard.append)
    before = sha256(store.path)
    _fill_disk(store)
    with pytest.raises(StoreError, match="disk is full") as caught:
        doc.apply(Change(people=(_big_person(doc),)))
    assert "board.dmu" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert heard == []
    _assert_untouched(store, doc, before)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    store.save_copy(elsewhere / "rescued.dmu")
    with BoardFile.open(elsewhere / "rescued.dmu") as copy:
        assert same_board(copy.board, sample_board())


def test_document_keeps_working_after_disk_full(store: BoardFile) -> None:
    """Once there is room again, the same change goes through and is kept."""
    doc = store.document()
    _fill_disk(store)
    big = _big_person(doc)
    with pytest.raises(StoreError):
        doc.apply(Change(people=(big,)))
    store._raw.execute("PRAGMA max_page_count = 1000000")
    undo = doc.apply(Change(people=(big,)))
    assert doc.board.people[big.id] == big
    with BoardFile.open(store.path, read_only="checking") as again:
        assert again.board.people[big.id] == big
    doc.apply(undo)
    assert big.id not in doc.board.people


def test_disk_full_during_deletion_with_links_keeps_the_links(store: BoardFile) -> None:
    """A person deleted with their links while the disk is full keeps both."""
    doc = store.document()
    before = sha256(store.path)
    store._raw.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError):
        doc.apply(doc.removal(["p1"]))
    _assert_untouched(store, doc, before)
    assert len(doc.links_of("p1")) == 3


def test_file_turned_read_only_while_editing(store: BoardFile, tmp_path: Path) -> None:
    """A file that can no longer be written refuses the change with a message saying
    so and suggesting a copy; nothing changes, and the copy works."""
    doc = store.document()
    before = sha256(store.path)
    store._raw.execute("PRAGMA query_only = ON")
    p1 = doc.board.people["p1"]
    with pytest.raises(StoreError, match="can no longer be written") as caught:
        doc.apply(Change(people=(replace(p1, x=0.0, y=0.0),)))
    assert "Save a copy elsewhere" in str(caught.value)
    _assert_untouched(store, doc, before)
    store.save_copy(tmp_path / "copy.dmu")
    with BoardFile.open(tmp_path / "copy.dmu") as copy:
        assert same_board(copy.board, sample_board())


def test_file_locked_by_another_program(store: BoardFile) -> None:
    """While another program holds the write lock, a change is refused with a message
    that says so, and goes through once the lock is gone."""
    doc = store.document()
    before = sha256(store.path)
    store._raw.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="being written by another program"):
            doc.apply(Change(removed_links=("l1",)))
        assert same_board(doc.board, sample_board())
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert sha256(store.path) == before
    doc.apply(Change(removed_links=("l1",)))
    assert "l1" not in doc.board.links


def test_save_copy_to_missing_folder_is_a_clear_error(store: BoardFile, tmp_path: Path) -> None:
    """Saving a copy where there is no folder fails with a message naming the copy,
    and leaves the board as it was."""
    with pytest.raises(StoreError) as caught:
        store.save_copy(tmp_path / "no such folder" / "copy.dmu")
    assert str(caught.value).startswith("copy.dmu could not be written")
    assert "change" not in str(caught.value)
    assert ".tmp" not in str(caught.value)
    assert "\n" not in str(caught.value)
    assert same_board(store.board, sample_board())


def test_save_copy_onto_itself_keeps_later_changes(store: BoardFile, tmp_path: Path) -> None:
    """Saving a copy under the board's own name (a "Save as" to the same file) leaves
    the open board working: changes made afterwards are in the file."""
    doc = store.document()
    store.save_copy(tmp_path / "." / "board.dmu")
    doc.apply(Change(removed_links=("l1",)))
    with BoardFile.open(store.path, read_only="checking") as again:
        assert "l1" not in again.board.links
        assert same_board(again.board, doc.board)


def test_file_replaced_by_another_program_while_open(store: BoardFile, tmp_path: Path) -> None:
    """When a sync tool swaps the file for another while it is open, a change is
    refused with a message saying so; memory keeps the board, and a copy saves it."""
    doc = store.document()
    other = tmp_path / "other.dmu"
    write_new(other, sample_board())
    other.replace(store.path)
    with pytest.raises(StoreError, match="moved or replaced by another program") as caught:
        doc.apply(Change(removed_links=("l1",)))
    assert "\n" not in str(caught.value)
    assert same_board(doc.board, sample_board())
    store.save_copy(tmp_path / "rescued.dmu")
    with BoardFile.open(tmp_path / "rescued.dmu") as copy:
        assert same_board(copy.board, sample_board())

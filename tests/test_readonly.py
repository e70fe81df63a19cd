"""A board the user may not write opens read-only, says so, and refuses changes.

The open happens in a child process as an ordinary user: as root, permissions do
not stop writes, so a root child first loads the program and then drops to the
``nobody`` account before it opens the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dmuboard.model.document import Change
from dmuboard.model.errors import ReadOnlyError
from dmuboard.store import BoardFile, write_new
from tests.boardkit import sample_board, sha256

ROOT = Path(__file__).resolve().parent.parent
NOBODY = 65534

CHILD = """
import json, os, sys
from dataclasses import replace
sys.path.insert(0, sys.argv[1])
from dmuboard.model.document import Change
from dmuboard.model.errors import UserError
from dmuboard.store import BoardFile
from tests.boardkit import sample_board

warm, target = sys.argv[2], sys.argv[3]
BoardFile.open(warm).close()  # load every module while still allowed to read them
if os.geteuid() == 0:
    os.setgid(NOBODY)
    os.setuid(NOBODY)
report = {}
with BoardFile.open(target) as store:
    doc = store.document()
    report["read_only"] = doc.read_only
    report["reason"] = doc.read_only_reason
    report["people"] = len(doc.board.people)
    person = doc.board.people["p1"]
    try:
        doc.apply(Change(people=(replace(person, x=1.0, y=2.0),)))
        report["apply"] = "applied"
    except UserError as error:
        report["apply"] = type(error).__name__ + ": " + str(error)
    try:
        store.write(Change(people=(replace(person, name="Changed"),)))
        report["write"] = "written"
    except UserError as error:
        report["write"] = type(error).__name__ + ": " + str(error)
    report["x"] = doc.board.people["p1"].x
print(json.dumps(report))
""".replace("NOBODY", str(NOBODY))


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may read but only its owner may write."""
    folder = Path(tempfile.mkdtemp(prefix="dmu-readonly-"))
    try:
        folder.chmod(0o755)
        write_new(folder / "warm.dmu", sample_board())  # before any test takes write access away
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _open_as_other_user(folder: Path, target: Path) -> dict[str, object]:
    warm = folder / "warm.dmu"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(warm), str(target)],
        capture_output=True, text=True, timeout=120, cwd=folder,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_board_without_write_permission_opens_read_only(shared_folder: Path) -> None:
    """Someone who may not write the file can still open it; the board says why it is
    read-only, and a change is refused with a clear message, the file unchanged."""
    target = shared_folder / "board.dmu"
    write_new(target, sample_board())
    target.chmod(0o444 if os.geteuid() != 0 else 0o644)
    before = sha256(target)
    report = _open_as_other_user(shared_folder, target)
    assert report["read_only"] is True
    assert report["reason"] == "the file is read-only"
    assert report["people"] == len(sample_board().people)
    assert report["apply"] == "ReadOnlyError: This board is read-only: the file is read-only"
    assert str(report["write"]).startswith("ReadOnlyError: This board is read-only")
    assert report["x"] == sample_board().people["p1"].x  # memory unchanged too
    assert sha256(target) == before


def test_board_in_read_only_folder_opens_read_only(shared_folder: Path) -> None:
    """A writable file in a folder the user may not write (no room for SQLite's
    journal) opens read-only and says it is the folder."""
    target = shared_folder / "board.dmu"
    write_new(target, sample_board())
    target.chmod(0o666)
    if os.geteuid() != 0:
        shared_folder.chmod(0o555)
    before = sha256(target)
    try:
        report = _open_as_other_user(shared_folder, target)
    finally:
        shared_folder.chmod(0o755)
    assert report["read_only"] is True
    assert report["reason"] == "its folder is read-only"
    assert str(report["apply"]).startswith("ReadOnlyError: ")
    assert sha256(target) == before


def test_open_read_only_on_request_refuses_changes(tmp_path: Path) -> None:
    """Opening with a reason (as the command line does to read) never writes."""
    target = tmp_path / "board.dmu"
    write_new(target, sample_board())
    before = sha256(target)
    with BoardFile.open(target, read_only="it is open in another window") as store:
        doc = store.document()
        with pytest.raises(ReadOnlyError, match="read-only: it is open in another window"):
            doc.apply(doc.removal(["p1"]))
        assert "p1" in doc.board.people
    assert sha256(target) == before
    with BoardFile.open(target) as store:
        assert store.document().read_only is False
        store.document().apply(Change(removed_links=("l1",)))

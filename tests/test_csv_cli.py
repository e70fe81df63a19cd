"""``dmuboard import-csv``, run as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile

from dmuboard.sample import sample_board
from dmuboard.store import BoardFile, write_new
from tests.clikit import digest, one_error_line, run

DATA = Path(__file__).parent / "data" / "csv"
REPO = Path(__file__).resolve().parents[1]








def people(path: Path) -> dict[str, Any]:
    with BoardFile.open(path, read_only="the test reads it") as store:
        return {p.name: p for p in store.board.people.values()}


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "deal.dmu"
    write_new(path, sample_board())
    return path


def test_import_adds_the_people_and_says_how_many(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """Importing the Dutch Excel file adds five customers to the board and prints a one-line summary."""
    before = len(people(board))
    code, out, err = run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer")
    assert (code, err) == (0, "")
    assert out == "excel_nl.csv into deal.dmu: 5 new people.\n"
    after = people(board)
    assert len(after) == before + 5
    assert after["Anouk Bakker-Ellenbroek"].roles == ("buyer", "influencer")
    assert after["Jürgen Müller"].x < 0


def test_importing_twice_adds_nobody_the_second_time(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """Running the same import again finds everyone on the board already and adds no duplicates."""
    run(capsys, "import-csv", board, DATA / "salesforce_contacts.csv", "--side", "customer")
    count = len(people(board))
    code, out, _ = run(capsys, "import-csv", board, DATA / "salesforce_contacts.csv", "--side", "customer")
    assert code == 0
    assert "0 new people, 5 already on the board" in out
    assert len(people(board)) == count


def test_a_bad_row_imports_nothing_and_names_row_and_column(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """A file with an unknown role leaves the board untouched and names the row and the column."""
    before = digest(board)
    code, out, err = run(capsys, "import-csv", board, DATA / "bad_role_nl.csv", "--side", "customer")
    assert (code, out) == (1, "")
    line = one_error_line(err)
    assert "bad_role_nl.csv, row 4, column Rol: 'baas' is not a role" in line
    assert "Nothing was imported" in line and "--skip-bad-rows" in line
    assert digest(board) == before


def test_skip_bad_rows_imports_the_good_ones(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """With --skip-bad-rows the good rows are imported and the summary still names the bad one."""
    code, out, _ = run(capsys, "import-csv", board, DATA / "bad_role_nl.csv", "--side", "customer", "--skip-bad-rows")
    assert code == 0
    assert out.startswith("bad_role_nl.csv into deal.dmu: 3 new people, 1 bad row (row 4, column Rol:")
    assert {"Ann Smit", "Bob Vos", "Dirk Mol"} <= people(board).keys()
    assert "Cor Lam" not in people(board)


def test_map_overrides_the_guessed_columns(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """--map puts a column into another field and leaves a guessed one out."""
    code, _, err = run(capsys, "import-csv", board, DATA / "linkedin_connections.tsv", "--side", "ours",
                       "--map", "URL=notes", "--map", "Position=ignore", "--map", "company=ignore")
    assert (code, err) == (0, "")
    sanne = people(board)["Sanne de Boer"]
    assert (sanne.side, sanne.title, sanne.organisation) == ("ours", "", "")
    assert sanne.notes == "https://www.linkedin.com/in/sannedeboer"
    assert sanne.x > 0


@pytest.mark.parametrize(
    ("option", "named"),
    [
        ("Functie=salary", "'salary' is not a field"),
        ("Mobiel=notes", "no column 'Mobiel'"),
        ("Functie", "COLUMN=FIELD"),
    ],
)
def test_unknown_field_or_column_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], board: Path, option: str, named: str
) -> None:
    """A --map naming a field or column that does not exist exits 2 and names it; the board is untouched."""
    before = digest(board)
    code, _, err = run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer", "--map", option)
    assert code == 2
    assert named in one_error_line(err)
    assert digest(board) == before


def test_roles_on_our_side_are_refused_clearly(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """Importing people with DMU roles onto our side says that our people have no roles."""
    code, _, err = run(capsys, "import-csv", board, DATA / "bad_role_nl.csv", "--side", "ours")
    assert code == 1
    assert "people on our side have no DMU roles" in one_error_line(err)


def test_side_is_required_and_checked(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """Leaving out --side, or giving a side that does not exist, is a usage error."""
    assert run(capsys, "import-csv", board, DATA / "excel_nl.csv")[0] == 2
    assert run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "theirs")[0] == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [("binary.csv", "holds binary data"), ("missing.csv", "missing.csv does not exist")],
)
def test_a_csv_that_cannot_be_read_changes_nothing(
    capsys: pytest.CaptureFixture[str], board: Path, name: str, message: str
) -> None:
    """A binary or missing CSV file is refused in one line and the board is left as it was."""
    before = digest(board)
    code, _, err = run(capsys, "import-csv", board, DATA / name, "--side", "customer")
    assert code == 1
    assert message in one_error_line(err)
    assert digest(board) == before


def test_a_board_that_is_not_there_or_is_json_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing board exits 1; a JSON document is a usage error pointing at convert."""
    code, _, err = run(capsys, "import-csv", tmp_path / "nope.dmu", DATA / "excel_nl.csv", "--side", "customer")
    assert code == 1 and "nope.dmu does not exist" in one_error_line(err)
    code, _, err = run(capsys, "import-csv", tmp_path / "deal.json", DATA / "excel_nl.csv", "--side", "customer")
    assert code == 2 and "dmuboard convert" in one_error_line(err)


def test_a_read_only_board_is_refused(
    capsys: pytest.CaptureFixture[str], board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A board the user may not write is refused in one line and left unchanged."""
    board.chmod(0o444)
    real_access = os.access
    if os.geteuid() == 0:  # root writes anything; report the file read-only as the system would for a user
        def access(path: Any, mode: int, **kwargs: Any) -> bool:
            return False if Path(path) == board and mode & os.W_OK else real_access(path, mode, **kwargs)

        monkeypatch.setattr(os, "access", access)
    before = digest(board)
    try:
        code, _, err = run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer")
    finally:
        board.chmod(0o644)
    assert code == 1
    assert "deal.dmu cannot be changed (the file is read-only); nothing was imported" in one_error_line(err)
    assert digest(board) == before


def test_a_board_open_in_dmu_board_is_refused(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """While a running DMU Board holds the board's lock file, the import refuses; once it is closed, it works."""
    lock = QLockFile(str(board) + ".lock")
    assert lock.tryLock(0)
    before = digest(board)
    try:
        code, _, err = run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer")
        assert code == 1
        assert "deal.dmu is open in DMU Board" in one_error_line(err)
        assert digest(board) == before
    finally:
        lock.unlock()
    assert run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer")[0] == 0
    assert not Path(str(board) + ".lock").exists()


def test_a_lock_left_by_a_crashed_program_does_not_block(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """A lock file whose program is gone (it was killed) is stale, and the import goes ahead."""
    holder = (
        "import os, sys\nfrom PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\nos._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", holder, str(board) + ".lock"], check=True, timeout=60)
    assert Path(str(board) + ".lock").exists()
    code, out, _ = run(capsys, "import-csv", board, DATA / "excel_nl.csv", "--side", "customer")
    assert code == 0 and "5 new people" in out


def test_the_installed_command_runs_without_a_display(tmp_path: Path) -> None:
    """``python -m dmuboard import-csv`` works as a separate program and refuses bad input without a traceback."""
    path = tmp_path / "deal.dmu"
    write_new(path, sample_board())
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)

    def call(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dmuboard", "import-csv", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    good = call(path, DATA / "hubspot_contacts.csv", "--side", "customer")
    assert (good.returncode, good.stderr) == (0, "")
    assert "6 new people" in good.stdout
    bad = call(path, DATA / "wrong_columns.csv", "--side", "customer")
    assert bad.returncode == 1
    assert "row 3, column 4 (after Department)" in one_error_line(bad.stderr)


def test_the_largest_allowed_file_imports_in_one_go(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    """A file of 2,000 people (the limit) is imported whole, each on a spot of their own."""
    data = board.parent / "big.csv"
    rows = "".join(f"Persoon {i};Functie {i % 37};{'beslisser' if i % 9 == 0 else ''}\r\n" for i in range(2000))
    data.write_bytes(("Naam;Functie;Rol\r\n" + rows).encode("cp1252"))
    before = len(people(board))
    code, out, _ = run(capsys, "import-csv", board, data, "--side", "customer")
    assert code == 0 and "2000 new people" in out
    everyone = people(board)
    assert len(everyone) == before + 2000
    spots = {(p.x, p.y) for p in everyone.values() if p.name.startswith("Persoon ")}
    assert len(spots) == 2000

"""Names and files the world hands the program: pipes and devices are never read,
links are replaced and not written through, names that are not UTF-8 open like any
other, and a control character in a name leaves every export readable (issue 15,
points 6, 7, 9 and 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dmuboard.model import jsonformat
from dmuboard.model.board import Person
from dmuboard.store import write_new
from tests.boardkit import sample_board
from tests.clikit import digest, one_error_line, run
from tests.gui_window_kit import QT_NOISE

CSV = Path(__file__).parent / "data" / "csv" / "excel_nl.csv"


def _program(*args: str | Path, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """The real program in its own process: a hang fails the test through the timeout."""
    return subprocess.run([sys.executable, "-m", "dmuboard", *map(os.fsencode, args)], cwd=cwd,
                          capture_output=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)


# -- 6: export --force replaces a link, not what it points to -------------------------


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_export_force_replaces_the_link_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    board = tmp_path / "board.dmu"
    write_new(board, sample_board())
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    out.symlink_to(precious)
    code, _, err = run(capsys, "export", board, out, "--force")
    assert code == 0, err
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not out.is_symlink() and out.stat().st_size > 100


def test_export_force_over_a_special_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board = tmp_path / "board.dmu"
    write_new(board, sample_board())
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", board, fifo, "--force")
    assert code == 1
    assert "special file" in one_error_line(err)
    assert fifo.is_fifo()


# -- 9: pipes and endless devices are never read ---------------------------------------


@pytest.mark.parametrize("name", ["board.dmu", "board.json", "board"])
@pytest.mark.parametrize("command", [["check"], ["convert", "{}", "out.json"], ["analyze"]])
def test_a_pipe_named_like_a_board_is_refused_at_once(tmp_path: Path, name: str, command: list[str]) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    args = [a.replace("{}", name) for a in command] if "{}" in command else [*command, name]
    result = _program(*args, cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "pipe" in err and "regular files" in err and "Traceback" not in err


def test_import_csv_from_a_pipe_is_refused_and_the_board_is_not_left_locked(tmp_path: Path) -> None:
    board = tmp_path / "board.dmu"
    write_new(board, sample_board())
    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)
    before = digest(board)
    result = _program("import-csv", board, fifo, "--side", "customer", cwd=tmp_path)
    assert result.returncode == 1 and b"pipe" in result.stderr
    assert digest(board) == before
    assert _program("import-csv", board, CSV, "--side", "customer", cwd=tmp_path).returncode == 0


def test_a_json_linked_to_an_endless_device_is_refused_with_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endless = tmp_path / "board.json"
    endless.symlink_to("/dev/zero")
    code, _, err = run(capsys, "check", endless)
    assert code == 1
    assert "special file" in one_error_line(err) and "only regular files" in err


def test_a_json_larger_than_the_limit_says_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "board.json"
    with open(big, "wb") as handle:
        handle.truncate(65 * 2**20)  # sparse: no disk used
    code, _, err = run(capsys, "check", big)
    assert code == 1
    assert "64 MB" in one_error_line(err)


# -- 7: names that are not UTF-8 --------------------------------------------------------

LATIN1 = os.fsdecode(b"Offerte_M\xfcller")


@pytest.mark.parametrize("suffix", [".dmu", ".json"])
def test_a_board_whose_name_is_not_utf8_opens_with_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    board = tmp_path / f"{LATIN1}{suffix}"
    if suffix == ".dmu":
        write_new(board, sample_board())
    else:
        board.write_text(jsonformat.dumps(sample_board()), encoding="utf-8")
    code, out, err = run(capsys, "check", board)
    assert code == 0, err and out.startswith("ok")
    assert run(capsys, "analyze", board)[0] == 0
    assert run(capsys, "export", board, tmp_path / f"{LATIN1}.svg")[0] == 0
    assert run(capsys, "convert", board, tmp_path / f"{LATIN1}-copy.json")[0] == 0
    if suffix == ".dmu":
        code, _, err = run(capsys, "import-csv", board, CSV, "--side", "customer")
        assert code == 0, err


def test_a_refusal_names_a_latin1_file_readably(tmp_path: Path) -> None:
    bad = tmp_path / f"{LATIN1}.dmu"
    bad.write_bytes(b"not a board at all")
    result = _program("check", bad, cwd=tmp_path)
    assert result.returncode == 1
    line = result.stderr.decode("utf-8").strip()
    assert line.startswith("dmuboard: Offerte_Müller.dmu is not a DMU Board file")


@QT_NOISE
def test_a_window_opens_a_board_whose_name_is_not_utf8(tmp_path: Path, qtbot: object,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui_window_kit import make_kit

    kit_iter = make_kit(tmp_path, qtbot, monkeypatch)
    kit = next(kit_iter)
    try:
        board = tmp_path / f"{LATIN1}.dmu"
        write_new(board, sample_board())
        window = kit.window(board)
        assert window.opened is not None and window.opened.read_only_reason is None
        assert "Müller" in window.windowTitle()
    finally:
        next(kit_iter, None)


# -- 10: control characters in names keep every export valid ---------------------------

CONTROLS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r") + "\x7f\ufffe"


def _board_with_controls(tmp_path: Path) -> Path:
    board = sample_board()
    board.people["p1"] = Person("p1", "customer", "Ingrid\x0bBakker\x01", "CFO\x1b[31m",
                                notes="bell\x07", x=0.0, y=0.0)
    board.info = type(board.info)(title=f"Deal\x0b\x01{CONTROLS}", customer="Acme\x1b")
    path = tmp_path / "board.dmu"
    write_new(path, board)
    return path


def test_an_svg_of_names_with_control_characters_is_well_formed_xml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = _board_with_controls(tmp_path)
    for profile in ("internal", "proposal"):
        out = tmp_path / f"{profile}.svg"
        code, _, err = run(capsys, "export", board, out, "--profile", profile)
        assert code == 0, err
        root = ElementTree.parse(out).getroot()  # raises on XML that is not well-formed
        text = "".join(root.itertext())
        assert "Ingrid" in text and "Bakker" in text


def test_a_pdf_of_names_with_control_characters_has_extractable_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = _board_with_controls(tmp_path)
    out = tmp_path / "board.pdf"
    assert run(capsys, "export", board, out)[0] == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True, timeout=60).stdout
    assert b"Ingrid" in text and b"Bakker" in text


def test_names_keep_what_the_user_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board = _board_with_controls(tmp_path)
    out = tmp_path / "copy.json"
    assert run(capsys, "convert", board, out)[0] == 0
    people = {p["id"]: p for p in json.loads(out.read_text(encoding="utf-8"))["people"]}
    assert people["p1"]["name"] == "Ingrid\x0bBakker\x01"
    assert json.loads(out.read_text(encoding="utf-8"))["board"]["title"].startswith(f"Deal\x0b\x01{CONTROLS}")

"""The demo, convert and check commands, run as a user would run them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dmuboard import cli
from dmuboard.model import jsonformat
from dmuboard.model.generate import generate_board
from dmuboard.sample import sample_board, sample_path
from dmuboard.store import SCHEMA_VERSION
from tests.clikit import one_error_line, run

REPO = Path(__file__).resolve().parents[1]




def run_process(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m dmuboard`` as a separate program, as from a shell."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "dmuboard", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )




def sample_document() -> dict[str, Any]:
    return json.loads(sample_path().read_text(encoding="utf-8"))


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def rich_document() -> dict[str, Any]:
    """The sample with the corners of the format added: views, an unplaced person, odd text, no deal value."""
    document = sample_document()
    document["board"]["deal_value"] = None
    document["board"]["currency"] = "SEK"
    document["board"]["purchase_type"] = "modified_rebuy"
    document["board"]["required_roles"] = ["sponsor"]
    document["people"].append({
        "id": "new one", "side": "customer", "name": "Zoë <b>Ünal</b> 😀", "title": "", "department": "",
        "organisation": "", "roles": ["sponsor", "evaluator"], "stance": "supporter", "influence": 1,
        "interests": "line one\nline two\t& more", "notes": "",
    })
    document["people"][0]["x"] = -525.25
    document["links"].append({"from": "u2", "to": "new one", "kind": "relationship", "strength": 5, "note": "x"})
    document["views"] = [
        {"name": "Whole board", "rect": [-1000, -400, 1700, 800.5], "layers": ["reporting", "stance"]},
        {"name": "Nothing", "rect": [0, 0, 1, 1], "layers": []},
    ]
    return document


# -- demo -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["board.dmu", "board.json", "BOARD.JSON"])
def test_demo_writes_the_sample_board(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    """``demo OUT`` writes the sample as a .dmu or .json file that reads back as the sample."""
    out = tmp_path / name
    code, stdout, err = run(capsys, "demo", out)
    assert (code, err) == (0, "")
    assert name in stdout
    assert list(tmp_path.iterdir()) == [out]
    code, stdout, _ = run(capsys, "convert", out, tmp_path / "back.json")
    assert code == 0
    assert json.loads((tmp_path / "back.json").read_text(encoding="utf-8")) == sample_document()


def test_demo_refuses_an_existing_file_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An existing OUT is left byte for byte as it was, unless --force is given."""
    out = tmp_path / "mine.dmu"
    out.write_bytes(b"my own precious file")
    code, stdout, err = run(capsys, "demo", out)
    assert code == 1 and stdout == ""
    assert "already exists" in one_error_line(err) and "--force" in err
    assert out.read_bytes() == b"my own precious file"
    assert list(tmp_path.iterdir()) == [out]

    code, _, err = run(capsys, "demo", out, "--force")
    assert (code, err) == (0, "")
    code, stdout, _ = run(capsys, "check", out)
    assert code == 0 and stdout.startswith("ok")


def test_demo_refuses_an_unknown_extension_as_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """OUT must end in .dmu or .json; anything else is a usage error and nothing is written."""
    code, _, err = run(capsys, "demo", tmp_path / "board.txt")
    assert code == 2
    assert ".dmu or .json" in one_error_line(err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["board.dmu", "board.json"])
def test_demo_into_a_missing_folder_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    """A destination folder that does not exist is named in the message, and no folder is created."""
    code, _, err = run(capsys, "demo", tmp_path / "nowhere" / name)
    assert code == 1
    assert "nowhere" in one_error_line(err) and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_demo_below_a_file_says_it_is_not_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A destination whose 'folder' is really a file is refused in one line, the file untouched."""
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "demo", tmp_path / "notes.txt" / "board.dmu")
    assert code == 1
    assert "not a folder" in one_error_line(err)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_demo_onto_a_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder named like a board is not replaced, not even with --force."""
    folder = tmp_path / "looks.dmu"
    folder.mkdir()
    code, _, err = run(capsys, "demo", folder, "--force")
    assert code == 1
    assert "folder" in one_error_line(err)
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize("name", ["board.dmu", "board.json"])
def test_demo_into_a_read_only_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A folder the user may not write to gets a clear one-line refusal and no file."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    real_access = os.access
    if os.geteuid() == 0:  # root writes anywhere; make the folder read-only the way the system would report it
        def access(path: Any, mode: int, **kwargs: Any) -> bool:
            return False if Path(path) == folder and mode & os.W_OK else real_access(path, mode, **kwargs)

        monkeypatch.setattr(os, "access", access)
    try:
        code, _, err = run(capsys, "demo", folder / name)
        assert code == 1
        assert "read-only" in one_error_line(err) and "locked" in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", ["board.dmu", "board.json"])
@pytest.mark.parametrize("failure", [PermissionError(13, "Permission denied"), OSError(28, "No space left on device")])
def test_a_failure_while_writing_leaves_no_partial_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, failure: OSError
) -> None:
    """When the last step of writing fails, the user reads why and the folder holds nothing new."""
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise failure

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run(capsys, "demo", tmp_path / name)
    assert code == 1
    line = one_error_line(err)
    assert f"could not write {tmp_path / name}" in line and str(failure.strerror) in line
    assert "nothing was written" in line
    assert list(tmp_path.iterdir()) == []


def test_a_database_that_cannot_be_created_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If SQLite cannot create the new board, its reason is passed on and nothing is left behind."""
    def cannot_open(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", cannot_open)
    code, _, err = run(capsys, "demo", tmp_path / "board.dmu")
    assert code == 1
    assert "unable to open database file" in one_error_line(err)
    assert list(tmp_path.iterdir()) == []


# -- convert ----------------------------------------------------------------------------


def test_json_to_dmu_to_json_gives_the_same_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A document with views, unplaced people and unusual text survives the round trip unchanged."""
    original = rich_document()
    source = write_json(tmp_path / "in.json", original)
    assert run(capsys, "convert", source, tmp_path / "board.dmu")[0] == 0
    assert run(capsys, "convert", tmp_path / "board.dmu", tmp_path / "out.json")[0] == 0
    back = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert back == json.loads(jsonformat.dumps(jsonformat.board_from_document(original)))
    assert back["views"] == original["views"]
    assert back["board"]["deal_value"] is None
    assert back["people"][-1]["name"] == "Zoë <b>Ünal</b> 😀"
    assert "x" not in back["people"][-1]
    assert back["people"][0]["x"] == -525.25


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_boards_survive_json_to_dmu_to_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int
) -> None:
    """Larger, varied boards come back from a .dmu round trip as the same document."""
    document = jsonformat.board_to_document(generate_board(60, seed=seed))
    source = write_json(tmp_path / "in.json", document)
    assert run(capsys, "convert", source, tmp_path / "b.dmu")[0] == 0
    assert run(capsys, "convert", tmp_path / "b.dmu", tmp_path / "out.json")[0] == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == document


def test_json_to_json_writes_the_normal_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Converting a terse, reordered document to .json gives the same board, fully spelled out."""
    terse = {"links": [{"to": "a", "kind": "reports_to", "from": "b"}],
             "people": [{"name": " Anna ", "side": "customer", "id": "a"},
                        {"id": "b", "side": "customer", "name": "Bert", "unknown key": True}],
             "board": {"title": "Terse"}, "version": 1, "format": "dmuboard"}
    source = write_json(tmp_path / "terse.json", terse)
    code, _, err = run(capsys, "convert", source, tmp_path / "full.json")
    assert (code, err) == (0, "")
    full = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert full["people"][0]["name"] == "Anna"
    assert full["people"][1]["stance"] == "unknown" and "unknown key" not in full["people"][1]
    assert full["board"]["required_roles"] == ["decider", "buyer", "user", "influencer"]
    assert full["links"] == [{"from": "b", "to": "a", "kind": "reports_to", "note": ""}]


def test_dmu_to_dmu_copies_the_board(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A .dmu converted to a new .dmu holds the same board."""
    assert run(capsys, "demo", tmp_path / "a.dmu")[0] == 0
    assert run(capsys, "convert", tmp_path / "a.dmu", tmp_path / "b.dmu")[0] == 0
    assert run(capsys, "convert", tmp_path / "b.dmu", tmp_path / "b.json")[0] == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == sample_document()


def test_convert_refuses_an_existing_out_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """convert leaves an existing OUT byte-identical unless --force is given, then replaces it whole."""
    source = write_json(tmp_path / "in.json", sample_document())
    out = tmp_path / "out.dmu"
    assert run(capsys, "demo", out)[0] == 0
    before = out.read_bytes()
    write_json(source, dict(sample_document(), board={"title": "Another deal"}))
    code, _, err = run(capsys, "convert", source, out)
    assert code == 1 and "already exists" in one_error_line(err)
    assert out.read_bytes() == before
    assert run(capsys, "convert", source, out, "--force")[0] == 0
    code, stdout, _ = run(capsys, "check", out)
    assert code == 0 and '"Another deal"' in stdout


def test_convert_of_a_bad_board_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A broken input leaves no OUT behind, and an existing OUT untouched even with --force."""
    document = sample_document()
    document["people"][3]["stance"] = "enemy"
    source = write_json(tmp_path / "bad.json", document)
    code, _, err = run(capsys, "convert", source, tmp_path / "new.dmu")
    assert code == 1 and "people[3].stance" in one_error_line(err)
    assert not (tmp_path / "new.dmu").exists()
    (tmp_path / "old.json").write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "convert", source, tmp_path / "old.json", "--force")
    assert code == 1
    assert (tmp_path / "old.json").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "old.json"]


def test_convert_onto_itself_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """IN and OUT naming the same file is a usage error; the file stays as it was."""
    source = write_json(tmp_path / "in.json", sample_document())
    before = source.read_bytes()
    code, _, err = run(capsys, "convert", source, tmp_path / "." / "in.json", "--force")
    assert code == 2 and "same file" in one_error_line(err)
    assert source.read_bytes() == before


@pytest.mark.parametrize("args", [["convert", "in.json"], ["convert", "in.json", "out.csv"],
                                  ["convert", "in.json", "out.dmu", "--bogus"], ["check"],
                                  ["check", "a.json", "b.json"], ["demo"]])
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Wrong arguments get a short usage message and exit code 2, and nothing is written."""
    monkeypatch.chdir(tmp_path)
    write_json(tmp_path / "in.json", sample_document())
    code, stdout, err = run(capsys, *args)
    assert code == 2 and stdout == ""
    assert "Traceback" not in err and 1 <= len(err.strip().splitlines()) <= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


@pytest.mark.parametrize("command", ["demo", "convert", "check"])
def test_each_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """``COMMAND --help`` explains the command and its arguments and exits 0."""
    code, stdout, _ = run(capsys, command, "--help")
    assert code == 0
    assert f"dmuboard {command}" in stdout
    assert ".dmu" in stdout and ".json" in stdout


# -- check ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["s.dmu", "s.json"])
def test_check_prints_ok_and_a_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    """A good board gets one line that starts with ok and names the title and the counts."""
    assert run(capsys, "demo", tmp_path / name)[0] == 0
    code, stdout, err = run(capsys, "check", tmp_path / name)
    assert (code, err) == (0, "")
    board = sample_board()
    lines = stdout.splitlines()
    assert len(lines) == 1 and lines[0].split()[0].rstrip(":") == "ok"
    assert f'"{board.info.title}"' in lines[0]
    assert f"{len(board.customers())} customer people" in lines[0]
    assert f"{len(board.ours())} of ours" in lines[0]
    assert f"{len(board.links)} links" in lines[0]


def test_check_mentions_saved_views(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A board with saved views says how many it has."""
    source = write_json(tmp_path / "rich.json", rich_document())
    code, stdout, _ = run(capsys, "check", source)
    assert code == 0 and "2 saved views" in stdout


def test_check_keeps_a_hostile_title_on_one_plain_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Line breaks and terminal escape codes in a title are shown escaped, not obeyed."""
    document = sample_document()
    document["board"]["title"] = "Deal\x1b[2J\nrm -rf"
    code, stdout, _ = run(capsys, "check", write_json(tmp_path / "evil.json", document))
    assert code == 0
    assert len(stdout.splitlines()) == 1 and "\x1b" not in stdout
    assert "Deal" in stdout and "rm -rf" in stdout


def broken_rule(tmp_path: Path) -> Path:
    document = sample_document()
    document["people"][3]["stance"] = "enemy"
    return write_json(tmp_path / "rule.json", document)


def newer_json(tmp_path: Path) -> Path:
    return write_json(tmp_path / "newer.json", dict(sample_document(), version=jsonformat.VERSION + 6))


def newer_dmu(tmp_path: Path) -> Path:
    path = tmp_path / "newer.dmu"
    cli.main(["demo", str(path)])
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 6}")
    connection.close()
    return path


@pytest.mark.parametrize(("make", "expected"), [
    (lambda d: write_json(d / "hello.json", ["hello"]), ["hello.json"]),
    (lambda d: (d / "broken.json").write_text('{"format": "dmuboard", "version": 1, "board": {', "utf-8")
     and d / "broken.json", ["broken.json", "not valid JSON", "line"]),
    (lambda d: (d / "plain.dmu").write_text("just some text", "utf-8") and d / "plain.dmu",
     ["plain.dmu", "not a DMU Board file"]),
    (broken_rule, ["people[3].stance", "enemy"]),
    (newer_json, [str(jsonformat.VERSION + 6), f"version {jsonformat.NEWEST}"]),
    (newer_dmu, [str(SCHEMA_VERSION + 6), str(SCHEMA_VERSION), "newer"]),
    (lambda d: d / "missing.dmu", ["missing.dmu", "does not exist"]),
    (lambda d: d, ["folder"]),
])
def test_check_names_what_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: Any, expected: list[str]
) -> None:
    """A bad board gets exit 1 and one line on stderr that says what and where; the file is not changed."""
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    capsys.readouterr()
    code, stdout, err = run(capsys, "check", path)
    assert code == 1 and stdout == ""
    line = one_error_line(err)
    for part in expected:
        assert part in line
    if before is not None:
        assert path.read_bytes() == before


def test_hello_json_is_called_not_a_board(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A JSON file of another program is refused as not being a DMU Board document."""
    code, _, err = run(capsys, "check", write_json(tmp_path / "other.json", {"name": "package"}))
    assert code == 1 and "not a DMU Board document" in one_error_line(err)


# -- as a separate program --------------------------------------------------------------


def test_the_program_runs_demo_convert_and_check_from_a_shell(tmp_path: Path) -> None:
    """``python -m dmuboard`` writes, converts and checks the sample with exit codes 0 and no noise on stderr."""
    demo = run_process("demo", "sample.dmu", cwd=tmp_path)
    assert (demo.returncode, demo.stderr) == (0, "")
    convert = run_process("convert", "sample.dmu", "sample.json", cwd=tmp_path)
    assert (convert.returncode, convert.stderr) == (0, "")
    assert json.loads((tmp_path / "sample.json").read_text(encoding="utf-8")) == sample_document()
    check = run_process("check", "sample.json", cwd=tmp_path)
    assert check.returncode == 0 and check.stdout.startswith("ok")


def test_the_program_refuses_bad_input_without_a_traceback(tmp_path: Path) -> None:
    """Bad files and bad arguments end in a short message and the right exit code, never a traceback."""
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "keep.dmu").write_bytes(b"do not touch")
    cases = [
        (("check", "broken.json"), 1),
        (("convert", "broken.json", "out.dmu"), 1),
        (("demo", "keep.dmu"), 1),
        (("demo", "keep.txt"), 2),
        (("convert", "broken.json"), 2),
    ]
    for args, expected in cases:
        result = run_process(*args, cwd=tmp_path)
        assert result.returncode == expected, args
        assert "Traceback" not in result.stderr and 1 <= len(result.stderr.strip().splitlines()) <= 2, args
    assert (tmp_path / "keep.dmu").read_bytes() == b"do not touch"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "keep.dmu"]


def test_the_program_prints_a_summary_whatever_the_terminal_encoding(tmp_path: Path) -> None:
    """A terminal that only knows ASCII still gets the summary line, with the dash and accents escaped."""
    document = sample_document()
    document["board"]["title"] = "Zoë's deal"
    write_json(tmp_path / "z.json", document)
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="ascii")
    result = subprocess.run([sys.executable, "-m", "dmuboard", "check", "z.json"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("ok") and "Zo\\xeb's deal" in result.stdout

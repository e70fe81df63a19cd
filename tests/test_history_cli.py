"""``dmuboard history``, ``mark`` and ``diff`` as cli.md fixes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clikit import digest, one_error_line, run
from tests.historykit import reviewed_board, set_times


def test_history_lists_changes_and_marks_oldest_first(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    code, out, err = run(capsys, "history", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "mark: Kick-off" in lines[0] and "Sam de Wit" in lines[0]
    assert "Stance: 1 person changed" in lines[1]
    assert "Add: 1 person added, 1 link added" in lines[2]
    assert "mark: QBR Q3" in lines[5]
    assert lines[-1] == "4 changes, 2 review marks"
    code, out, _ = run(capsys, "history", path, "--json")
    entries = json.loads(out)["entries"]
    assert [e.get("mark") for e in entries] == ["Kick-off", None, None, None, None, "QBR Q3"]
    assert all(e["at"].endswith("Z") and e["by"] == "Sam de Wit" for e in entries)


def test_mark_names_the_board_now(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``mark`` adds a mark to a .dmu file and to a .json document; a name used twice is refused."""
    for name in ("board.dmu", "board.json"):
        path = tmp_path / name
        assert run(capsys, "demo", path)[0] == 0
        code, out, err = run(capsys, "mark", path, "QBR Q3")
        assert (code, err) == (0, "") and "QBR Q3" in out
        code, out, _ = run(capsys, "history", path, "--json")
        assert [e["mark"] for e in json.loads(out)["entries"]] == ["QBR Q3"]
        before = digest(path)
        code, _, err = run(capsys, "mark", path, "QBR Q3")
        assert code == 1 and "already has a review mark named 'QBR Q3'" in one_error_line(err)
        assert digest(path) == before


def test_diff_since_a_mark_in_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The JSON keys of cli.md: people and links added, removed, changed; findings new and gone."""
    path = reviewed_board(tmp_path / "board.dmu")
    code, out, err = run(capsys, "diff", path, "--since", "Kick-off", "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert (result["since"], result["until"]) == ("Kick-off", "now")
    assert result["people"]["added"] == ["p9"]
    assert result["people"]["removed"] == ["p4"]
    assert {"id": "p3", "field": "stance", "before": "skeptic", "after": "supporter"} in result["people"]["changed"]
    assert result["links"]["added"] == [{"from": "u2", "to": "p9", "kind": "relationship"}]
    assert result["links"]["changed"] == [
        {"from": "u1", "to": "p1", "kind": "relationship", "field": "strength", "before": 2, "after": 4}]
    gone = {(f["code"], tuple(f["people"])) for f in result["findings"]["gone"]}
    assert ("uncovered_blocker", ("p3",)) in gone  # Fatima is no longer a skeptic
    assert all(set(f) >= {"code", "people"} for f in result["findings"]["new"])


def test_diff_between_dates_in_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    set_times(path, "2026-09-01T09:00:00Z", "2026-09-15T10:00:00Z", "2026-10-01T10:00:00Z",
              "2026-10-01T11:00:00Z", "2026-10-02T10:00:00Z", "2026-10-03T10:00:00Z")
    code, out, err = run(capsys, "diff", path, "--since", "2026-09-01", "--until", "2026-09-30")
    assert (code, err) == (0, "")
    assert "People changed (1)" in out and "Fatima El Amrani: stance skeptic → supporter" in out
    assert "Noor Visser" not in out
    code, out, _ = run(capsys, "diff", path, "--since", "QBR Q3")
    assert "Nothing changed." in out


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--since", "QBR Q4"], 1, "'QBR Q4' is neither a review mark of board.dmu (its marks: 'Kick-off', 'QBR Q3')"),
    (["--since", "2026-02-30"], 1, "nor a date like 2026-11-30"),
    (["--since", "QBR Q3", "--until", "Kick-off"], 2, "comes after --until"),
])
def test_diff_refuses_bad_moments(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], code: int,
                                  words: str) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    found, _, err = run(capsys, "diff", path, *args)
    assert found == code and words in one_error_line(err)


def test_diff_needs_since(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    code, _, err = run(capsys, "diff", path)
    assert code == 2 and "--since" in err and "Traceback" not in err


def test_convert_keeps_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """convert .dmu -> .json -> .dmu keeps every entry."""
    path = reviewed_board(tmp_path / "board.dmu")
    assert run(capsys, "convert", path, tmp_path / "board.json")[0] == 0
    assert run(capsys, "convert", tmp_path / "board.json", tmp_path / "back.dmu")[0] == 0
    first = json.loads(run(capsys, "history", path, "--json")[1])
    back = json.loads(run(capsys, "history", tmp_path / "back.dmu", "--json")[1])
    assert first == back and len(first["entries"]) == 6

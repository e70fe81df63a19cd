"""``dmuboard analyze FILE [--json]`` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dmuboard.boardio import write_board
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.sample import sample_board
from tests.clikit import run

REPO = Path(__file__).resolve().parents[1]




def acme() -> Board:
    """The board of the spec's JSON example: seven customer people known through Petra Smit only."""
    people = [Person(f"p{i}", "customer", f"Person {i}", roles=roles, influence=2)
              for i, roles in enumerate([("decider",), ("buyer",), ("user",), (), ("influencer",), (), ()], start=1)]
    people[3] = Person("p4", "customer", "Petra Smit", influence=2)
    people += [Person("u1", "ours", "Sam de Wit"), Person("u2", "ours", "Eva Jansen")]
    links = [Link("l1", "u1", "p4", "relationship"), Link("l2", "u2", "u1", "reports_to")]
    links += [Link(f"r{i}", f"p{i}", "p1", "reports_to") for i in range(2, 8)]
    info = BoardInfo("Acme BV - CRM replacement", "Acme BV", "Northwind", 180000.0)
    return Board(info, {p.id: p for p in people}, {link.id: link for link in links})


@pytest.mark.parametrize("suffix", [".json", ".dmu"])
def test_json_output_is_exactly_the_spec_form(capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str) -> None:
    """stdout is one JSON object: board title, the seven metrics, and the findings with the contract keys."""
    path = tmp_path / f"acme{suffix}"
    write_board(path, acme())
    code, out, err = run(capsys, "analyze", path, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["board"] == "Acme BV - CRM replacement"
    assert document["metrics"] == {"customer_people": 7, "our_people": 2, "contacts": 1, "relationships": 1,
                                   "coverage": 0.143, "expected_dmu": [10, 14], "required_roles_covered": [4, 4]}
    codes = [(f["code"], f["severity"], f["people"]) for f in document["findings"]]
    assert codes[0] == ("single_threaded", "high", ["p4"])
    assert ("hidden_influencer", "medium", ["p1"]) not in codes  # p1 is the decider
    assert {"code", "severity", "people", "message"} <= set(document["findings"][0])
    assert "Petra Smit" in document["findings"][0]["message"]
    for finding in document["findings"]:
        assert set(finding) - {"code", "severity", "people", "message", "role", "expected"} == set()
        assert ("role" in finding) == (finding["code"] == "missing_role")
        assert ("expected" in finding) == (finding["code"] == "dmu_size_gap")


def test_role_and_expected_appear_where_the_spec_says(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """missing_role carries its role and dmu_size_gap the expected range, as JSON lists."""
    board = Board(BoardInfo("Small", required_roles=("decider",)), {"p1": Person("p1", "customer", "Ann")})
    path = tmp_path / "small.json"
    write_board(path, board)
    code, out, _err = run(capsys, "analyze", path, "--json")
    findings = json.loads(out)["findings"]
    assert code == 0
    assert [(f["code"], f.get("role"), f.get("expected")) for f in findings] == [
        ("missing_role", "decider", None), ("no_relationships", None, None), ("dmu_size_gap", None, [6, 10])]


def test_the_report_groups_by_severity_and_uses_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without --json: the numbers, then HIGH before MEDIUM, each finding with names and what to do."""
    path = tmp_path / "sample.dmu"
    write_board(path, sample_board())
    code, out, err = run(capsys, "analyze", path)
    assert (code, err) == (0, "")
    assert out.index("HIGH") < out.index("MEDIUM")
    assert "What to do:" in out
    board = sample_board()
    contact = next(p for p in board.customers() if any(
        link.kind == "relationship" and p.id in (link.source, link.target) for link in board.links.values()))
    assert f"runs through {contact.name}" in out
    assert not any(f" {pid} " in out or f"{pid}." in out for pid in board.people)


def test_a_bad_file_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing file or a document that is not a board: one line on stderr, nothing on stdout, exit 1."""
    (tmp_path / "bad.json").write_text('{"format": "other"}', encoding="utf-8")
    for name in ("missing.dmu", "bad.json"):
        code, out, err = run(capsys, "analyze", tmp_path / name, "--json")
        assert (code, out) == (1, "")
        assert len(err.strip().splitlines()) == 1 and err.startswith("dmuboard: ")


def test_names_come_out_as_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """Run as a program under an ASCII locale, a name like Łukasz Żółć still prints, as UTF-8 JSON."""
    board = Board(BoardInfo("Déal"), {"p1": Person("p1", "customer", "Łukasz Żółć", roles=("decider",)),
                                      "u1": Person("u1", "ours", "黄伟")},
                  {"l1": Link("l1", "u1", "p1", "relationship")})
    path = tmp_path / "names.json"
    write_board(path, board)
    env = dict(os.environ, PYTHONPATH=str(REPO), LC_ALL="C", PYTHONIOENCODING="ascii")
    for extra in (["--json"], []):
        done = subprocess.run([sys.executable, "-m", "dmuboard", "analyze", str(path), *extra],
                              env=env, capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")
        assert "Łukasz Żółć" in text
        if extra:
            assert json.loads(text)["board"] == "Déal"

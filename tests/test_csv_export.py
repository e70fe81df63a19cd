"""Exporting people and links as CSV, GraphML and JSON, and reading each export back."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dmuboard.csvio import guess_mapping, parse_table, plan_import
from dmuboard.csvio.export import export_data, graphml, links_csv, people_csv, render, safe_cell
from dmuboard.csvio.importing import person_key
from dmuboard.model import jsonformat
from dmuboard.model.board import ROLES, STANCES, Board, BoardInfo, Link, Person
from dmuboard.model.errors import StoreError, UserError
from dmuboard.sample import sample_board

HOSTILE = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+31 6 1234", "-2+3", "@SUM(A1:A9)")


def hostile_board() -> Board:
    """A board whose text tries to be a formula, markup, or something a reader chokes on."""
    board = Board(BoardInfo("Hostile", customer="Acme"))
    board.people["p1"] = Person("p1", "customer", HOSTILE[0], HOSTILE[1], department=HOSTILE[2],
                                organisation=HOSTILE[3], roles=("decider", "buyer"), stance="blocker",
                                influence=5, interests="<b>bold</b> & more", notes="\tindented\nsecond line",
                                x=-300.5, y=20.0)
    board.people["p2"] = Person("p2", "customer", "Łukasz Żółć", "CIO", notes="\rstarts with a return",
                                interests="a bell\x07 and a vertical\x0btab")
    board.people["u1"] = Person("u1", "ours", "Sam \"the rep\" de Wit", "Account manager; NL", x=300.0, y=0.0)
    board.links["l1"] = Link("l1", "p2", "p1", "reports_to", note="=1+1")
    board.links["l2"] = Link("l2", "u1", "p1", "relationship", 4, note="met at a fair")
    board.links["l3"] = Link("l3", "p1", "p2", "influences")
    return board


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def fields(person: Person) -> tuple[object, ...]:
    return (person.side, person.name, person.title, person.department, person.organisation, person.roles,
            person.stance, person.influence, person.interests, person.notes)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_are_prefixed(start: str) -> None:
    """A cell starting with =, +, -, @, tab or carriage return gets an apostrophe in front (OWASP)."""
    assert safe_cell(start + "cmd") == "'" + start + "cmd"
    assert safe_cell("a" + start) == "a" + start


def test_a_leading_apostrophe_is_doubled_so_the_guard_can_come_off_again() -> None:
    """Text that already starts with an apostrophe gets another, so importing the export gives it back."""
    assert safe_cell("'quoted") == "''quoted"
    table = parse_table(("name,notes\n" + safe_cell("'=x") + "," + safe_cell("'tis") + "\n").encode(), "a.csv")
    person = plan_import(Board(BoardInfo("E")), table, guess_mapping(table.header), "customer").people[0]
    assert (person.name, person.notes) == ("'=x", "'tis")


def test_people_csv_has_every_field_and_no_live_formula() -> None:
    """The people export has a header of all fields, a row per person, and no text cell a spreadsheet would run."""
    table = rows(people_csv(hostile_board()))
    assert table[0] == ["id", "side", "name", "title", "department", "organisation", "roles", "stance",
                        "influence", "interests", "notes", "x", "y"]
    first = dict(zip(table[0], table[1], strict=True))
    assert first["name"] == "'" + HOSTILE[0]
    assert (first["title"], first["department"], first["organisation"]) == tuple("'" + h for h in HOSTILE[1:])
    assert first["roles"] == "decider; buyer"
    assert (first["influence"], first["x"], first["y"]) == ("5", "-300.5", "20")
    assert first["notes"] == "'\tindented\nsecond line"
    text_columns = [c for c in table[0] if c not in ("influence", "x", "y")]
    for row in table[1:]:
        for column, cell in zip(table[0], row, strict=True):
            if column in text_columns:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


def test_links_csv_names_both_ends_by_id_and_name() -> None:
    """The links export gives from and to as ids and names, with kind, strength and a defused note."""
    table = rows(links_csv(hostile_board()))
    assert table[0] == ["from", "from_name", "to", "to_name", "kind", "strength", "note"]
    assert table[1] == ["p2", "Łukasz Żółć", "p1", "'" + HOSTILE[0], "reports_to", "", "'=1+1"]
    assert table[2] == ["u1", "Sam \"the rep\" de Wit", "p1", "'" + HOSTILE[0], "relationship", "4", "met at a fair"]


def test_semicolon_csv_for_dutch_excel() -> None:
    """The CSV can be written with semicolons, which Dutch Excel opens in columns."""
    table = rows(people_csv(hostile_board(), ";"), ";")
    assert table[3][3] == "Account manager; NL"


def test_people_csv_imports_into_an_empty_board_as_the_same_people() -> None:
    """Exported people imported into an empty board are the same people, on the same sides, formulas and all."""
    for board in (hostile_board(), sample_board()):
        for delimiter in (",", ";", "\t"):
            table = parse_table(people_csv(board, delimiter).encode("utf-8"), "people.csv")
            plan = plan_import(Board(BoardInfo("Empty")), table, guess_mapping(table.header), "customer")
            assert plan.problems == ()
            assert [fields(p) for p in plan.people] == [fields(p) for p in board.people.values()]


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(tmp_path: Path) -> None:
    """The GraphML file read by networkx has every person as a node and every link as an edge, with their fields."""
    board = hostile_board()
    path = tmp_path / "board.graphml"
    export_data(board, path, "graphml")
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == set(board.people)
    p1 = graph.nodes["p1"]
    assert (p1["name"], p1["label"], p1["title"], p1["roles"], p1["stance"]) == (
        HOSTILE[0], HOSTILE[0], HOSTILE[1], "decider; buyer", "blocker")
    assert (p1["influence"], p1["x"], p1["y"]) == (5, -300.5, 20.0)
    assert p1["interests"] == "<b>bold</b> & more"
    assert "x" not in graph.nodes["p2"]
    assert graph.nodes["p2"]["notes"] == "\nstarts with a return"  # XML reads a bare CR as a line break
    assert graph.nodes["p2"]["interests"] == "a bell and a verticaltab"  # characters XML cannot hold are left out
    edges = {(a, b, data["kind"]): data for a, b, data in graph.edges(data=True)}
    assert set(edges) == {("p2", "p1", "reports_to"), ("u1", "p1", "relationship"), ("p1", "p2", "influences")}
    assert edges[("u1", "p1", "relationship")]["strength"] == 4
    assert edges[("u1", "p1", "relationship")]["directed"] is False
    assert edges[("p2", "p1", "reports_to")]["note"] == "=1+1"
    assert edges[("p2", "p1", "reports_to")]["directed"] is True


def test_graphml_of_the_sample_board_round_trips() -> None:
    """Every person and link of the sample board comes back from GraphML with the same attributes."""
    board = sample_board()
    graph = nx.parse_graphml(graphml(board))
    assert graph.number_of_nodes() == len(board.people)
    assert graph.number_of_edges() == len(board.links)
    for p in board.people.values():
        node = graph.nodes[p.id]
        assert (node["side"], node["name"], node["title"], node["stance"], node["influence"]) == (
            p.side, p.name, p.title, p.stance, p.influence)
    kinds = sorted((link.source, link.target, link.kind) for link in board.links.values())
    assert sorted((a, b, d["kind"]) for a, b, d in graph.edges(data=True)) == kinds


def test_json_export_loads_as_the_same_board(tmp_path: Path) -> None:
    """The JSON export is the interchange format: loading it gives the same board back."""
    for board in (hostile_board(), sample_board()):
        path = tmp_path / "board.json"
        export_data(board, path, "json", replace=True)
        again = jsonformat.loads(path.read_bytes())
        assert jsonformat.board_to_document(again) == jsonformat.board_to_document(board)


def test_export_refuses_to_replace_a_file_unless_asked(tmp_path: Path) -> None:
    """An existing file is kept unless replacing was asked for, and a folder is never written over."""
    path = tmp_path / "people.csv"
    path.write_text("keep me")
    with pytest.raises(StoreError, match="already exists"):
        export_data(hostile_board(), path, "people-csv")
    assert path.read_text() == "keep me"
    export_data(hostile_board(), path, "people-csv", replace=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,side,name")
    with pytest.raises(StoreError, match="is a folder"):
        export_data(hostile_board(), tmp_path, "json", replace=True)
    with pytest.raises(UserError, match="not an export format"):
        render(hostile_board(), "xlsx")


FREE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\t\n "),
    max_size=40,
).filter(lambda text: text.strip() != "" or text == "")
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(
        st.tuples(NAMES, NAMES, FREE_TEXT, FREE_TEXT, FREE_TEXT, FREE_TEXT,
                  st.lists(st.sampled_from(ROLES), unique=True, max_size=3), st.sampled_from(STANCES),
                  st.integers(1, 5), st.booleans()),
        max_size=6, unique_by=lambda t: person_key(t[0], t[1]),
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_peoples_csv_imports_as_the_same_people(people: list[tuple[Any, ...]], delimiter: str) -> None:
    """Whatever text a board holds (formulas, quotes, tabs, line breaks, accents), its people import back the same."""
    board = Board(BoardInfo("Random"))
    for i, (name, title, department, organisation, interests, notes, roles, stance, influence, ours) in enumerate(
        people
    ):
        person = Person(f"p{i}", "ours" if ours else "customer", name, title, department, organisation,
                        () if ours else tuple(roles), "unknown" if ours else stance, influence, interests, notes)
        board.people[person.id] = person
    table = parse_table(people_csv(board, delimiter).encode("utf-8"), "people.csv")
    plan = plan_import(Board(BoardInfo("Empty")), table, guess_mapping(table.header), "customer")
    assert (plan.problems, plan.duplicates) == ((), ())
    assert [fields(p) for p in plan.people] == [fields(p) for p in board.people.values()]

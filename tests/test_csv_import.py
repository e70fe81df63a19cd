"""Planning and applying an import: new people, duplicates, bad rows, placement, one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmuboard.csvio import ImportPlan, guess_mapping, parse_table, plan_import, read_table
from dmuboard.csvio.placement import TOKEN_HEIGHT, TOKEN_WIDTH, free_slots
from dmuboard.model.board import Board, BoardInfo, Person
from dmuboard.model.document import Document
from dmuboard.model.errors import UserError
from dmuboard.sample import sample_board
from dmuboard.store import BoardFile, write_new

DATA = Path(__file__).parent / "data" / "csv"


def plan_file(board: Board, name: str, side: str = "customer") -> ImportPlan:
    table = read_table(DATA / name)
    return plan_import(board, table, guess_mapping(table.header), side)


def overlapping(people: list[Person]) -> list[tuple[str, str]]:
    placed = [(p.name, p.x, p.y) for p in people if p.x is not None and p.y is not None]
    return [
        (a, b)
        for i, (a, ax, ay) in enumerate(placed)
        for b, bx, by in placed[i + 1:]
        if abs(ax - bx) < TOKEN_WIDTH and abs(ay - by) < TOKEN_HEIGHT
    ]


def test_dutch_excel_people_arrive_with_roles_stance_and_influence() -> None:
    """The Dutch Excel file becomes customer people with their Dutch roles, stances and influence understood."""
    plan = plan_file(Board(BoardInfo("Deal")), "excel_nl.csv")
    assert plan.problems == ()
    people = {p.name: p for p in plan.people}
    assert people["Jürgen Müller"].roles == ("decider",)
    assert people["Jürgen Müller"].stance == "supporter"
    assert people["Jürgen Müller"].influence == 5
    assert people["Anouk Bakker-Ellenbroek"].roles == ("buyer", "influencer")
    assert people["René Dekker"].roles == ("gatekeeper",)
    assert people["Geert Hoekstra"].organisation == "De Raad & Co"
    assert people["Geert Hoekstra"].stance == "blocker"
    assert all(p.side == "customer" and p.x is not None and p.x < 0 for p in plan.people)


def test_first_and_last_names_are_joined() -> None:
    """Files with first and last name columns give full names, Dutch infixes included."""
    plan = plan_file(Board(BoardInfo("Deal")), "salesforce_contacts.csv")
    assert [p.name for p in plan.people][:3] == ["Ingrid Bakker", "José Álvarez", "Chloë van den Berg"]
    assert plan.people[0].notes == "Signs off anything above 50k.\nPrefers a short deck."
    table = parse_table(b"Voornaam;Tussenvoegsel;Achternaam\nJan;van der;Berg\n", "nl.csv")
    assert plan_import(Board(BoardInfo("D")), table, guess_mapping(table.header), "customer").people[0].name == (
        "Jan van der Berg"
    )


def test_the_customers_own_company_is_not_kept_as_an_outside_organisation() -> None:
    """Account Name equal to the board's customer is left out; an outside firm (Gartner) is kept."""
    plan = plan_file(Board(BoardInfo("Deal", customer="ACME bv")), "salesforce_contacts.csv")
    organisations = {p.name: p.organisation for p in plan.people}
    assert organisations["Ingrid Bakker"] == ""
    assert organisations["Pieter Jansen"] == "Gartner"


def test_people_already_on_the_board_are_not_added_again() -> None:
    """Someone with the same name and title as a person on the board (ignoring case and accents) is skipped."""
    board = Board(BoardInfo("Deal"))
    board.people["p1"] = Person("p1", "customer", "Jurgen MULLER", "directeur", x=-200.0, y=0.0)
    board.people["p2"] = Person("p2", "customer", "Chloë Smit", "Planner", x=-400.0, y=0.0)  # other title
    plan = plan_file(board, "excel_nl.csv")
    assert "Jürgen Müller" not in [p.name for p in plan.people]
    assert "Chloë Smit" in [p.name for p in plan.people]
    assert plan.summary() == "4 new people, 1 already on the board"


def test_a_person_listed_twice_in_the_file_is_imported_once() -> None:
    """Two rows for the same person add one token, and the summary says one was listed twice."""
    table = parse_table(b"Name,Title\nAnn,CFO\nann ,CFO\nAnn,CEO\n", "twice.csv")
    plan = plan_import(Board(BoardInfo("D")), table, guess_mapping(table.header), "customer")
    assert [(p.name, p.title) for p in plan.people] == [("Ann", "CFO"), ("Ann", "CEO")]
    assert plan.summary() == "2 new people, 1 listed twice in the file"


def test_bad_rows_are_named_by_row_and_column_and_block_the_import() -> None:
    """An unknown role names its row and column; the plan refuses unless bad rows are skipped."""
    plan = plan_file(Board(BoardInfo("Deal")), "bad_role_nl.csv")
    assert [str(p) for p in plan.problems] == [
        "row 4, column Rol: 'baas' is not a role (roles: initiator, user, influencer, gatekeeper, buyer, "
        "decider, evaluator, sponsor, advisor)"
    ]
    refusal = plan.refusal("skip bad rows.")
    assert refusal is not None
    assert refusal.startswith("bad_role_nl.csv, row 4, column Rol: 'baas' is not a role")
    assert refusal.endswith("Nothing was imported; skip bad rows.")
    assert plan.summary().startswith("3 new people, 1 bad row (row 4, column Rol: 'baas' is not a role")


def test_every_kind_of_bad_value_names_its_column() -> None:
    """Bad influence, stance, a missing name and a too-long title each name the row and the column."""
    long_title = "T" * 201
    text = (
        "Naam;Functie;Houding;Invloed\n"
        "Ann;CFO;neutraal;9\n"
        "Bob;CTO;boos;2\n"
        ";COO;;3\n"
        f"Dirk;{long_title};;\n"
        "Eva;CEO;;\n"
    )
    table = parse_table(text.encode(), "bad.csv")
    plan = plan_import(Board(BoardInfo("D")), table, guess_mapping(table.header), "customer")
    assert [p.name for p in plan.people] == ["Eva"]
    assert [str(p).split(":")[0] for p in plan.problems] == [
        "row 2, column Invloed", "row 3, column Houding", "row 4, column Naam", "row 5, column Functie",
    ]
    assert "must be 0 to 200 characters, got 201" in str(plan.problems[3])


def test_roles_for_our_side_are_refused_clearly() -> None:
    """Importing people with roles onto our side is refused: our people have no DMU roles."""
    plan = plan_file(Board(BoardInfo("Deal")), "bad_role_nl.csv", side="ours")
    assert len(plan.problems) == 4
    assert str(plan.problems[0]) == (
        "row 2, column Rol: people on our side have no DMU roles; import them on the customer side, "
        "or leave this column out"
    )


def test_our_side_without_roles_goes_right_of_the_middle() -> None:
    """People imported on our side get ids u1, u2... and positions right of x = 0."""
    plan = plan_file(Board(BoardInfo("Deal")), "linkedin_connections.tsv", side="ours")
    assert [p.id for p in plan.people] == ["u1", "u2", "u3"]
    assert all(p.side == "ours" and p.x is not None and p.x - TOKEN_WIDTH / 2 > 0 for p in plan.people)


def test_a_side_column_puts_each_row_on_its_side() -> None:
    """A side column overrides the chosen side row by row; empty cells keep the chosen side."""
    table = parse_table(b"Name,Side,Role\nAnn,klant,beslisser\nSam,ours,\nCor,,\n", "sides.csv")
    plan = plan_import(Board(BoardInfo("D")), table, guess_mapping(table.header), "customer")
    assert [(p.name, p.side, p.id) for p in plan.people] == [
        ("Ann", "customer", "p1"), ("Sam", "ours", "u1"), ("Cor", "customer", "p2"),
    ]


def test_no_name_column_is_refused_with_the_columns_listed() -> None:
    """A file where no column holds names is refused, listing its columns so the user can map one."""
    table = parse_table(b"Email,Phone\na@b.example,123\n", "nameless.csv")
    with pytest.raises(UserError, match=r"no column holds the names.*Email, Phone"):
        plan_import(Board(BoardInfo("D")), table, guess_mapping(table.header), "customer")


def test_new_tokens_overlap_nobody_on_the_sample_board() -> None:
    """Imported tokens land on their own side without overlapping anyone already on the sample board."""
    board = sample_board()
    before = len(board.people)
    plan = plan_file(board, "excel_nl.csv")
    assert len(plan.people) == 5
    new = {p.name for p in plan.people}
    assert [pair for pair in overlapping([*board.people.values(), *plan.people]) if new & set(pair)] == []
    lowest = max(p.y for p in board.customers() if p.y is not None)
    assert all(p.y is not None and p.y > lowest for p in plan.people)
    assert len(board.people) == before  # planning changes nothing


def test_free_slots_pass_over_tokens_dragged_across_the_middle() -> None:
    """A token of the other side standing where the grid would go is not covered."""
    intruder = Person("u9", "ours", "Stray", x=-165.0, y=0.0)
    slots = free_slots([intruder], "customer", 4)
    assert (-165.0, 0.0) not in slots
    assert overlapping([intruder, *(Person(f"p{i}", "customer", "N", x=x, y=y)
                                    for i, (x, y) in enumerate(slots))]) == []


def test_a_large_import_fills_a_grid_without_overlaps() -> None:
    """Two hundred people get two hundred distinct, non-overlapping positions left of the middle."""
    slots = free_slots([], "customer", 200)
    assert len(set(slots)) == 200
    assert all(x + TOKEN_WIDTH / 2 < 0 for x, _ in slots)
    people = [Person(f"p{i}", "customer", "N", x=x, y=y) for i, (x, y) in enumerate(slots)]
    assert overlapping(people) == []


def test_the_import_is_one_transaction_and_undoes_in_one_step(tmp_path: Path) -> None:
    """Applying the plan writes all new people in one change to the .dmu, and its inverse removes them all."""
    path = tmp_path / "deal.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        document = Document(store.board, store)
        seen: list[object] = []
        document.subscribe(seen.append)
        plan = plan_file(store.board, "hubspot_contacts.csv")
        inverse = document.apply(plan.change)
        assert len(seen) == 1
        assert plan.change.label == "Import 6 people from hubspot_contacts.csv"
    with BoardFile.open(path) as store:
        names = {p.name for p in store.board.people.values()}
        assert {"Marieke de Jong", "Bram Peters"} <= names
        Document(store.board, store).apply(inverse)
    with BoardFile.open(path) as store:
        assert store.board.people.keys() == sample_board().people.keys()

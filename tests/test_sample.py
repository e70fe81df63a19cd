"""The built-in sample board: valid, realistic, and built to show what the analysis finds."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from dmuboard import sample
from dmuboard.analysis import analyze
from dmuboard.model import jsonformat
from dmuboard.model.board import Board, Person
from dmuboard.model.document import check_board
from dmuboard.model.errors import NotABoardError

TOKEN_WIDTH, TOKEN_HEIGHT = 170, 80


@pytest.fixture()
def board() -> Board:
    return sample.sample_board()


def with_title(board: Board, title: str) -> Person:
    found = [p for p in board.people.values() if p.title == title]
    assert len(found) == 1, f"expected one person titled {title!r}, found {len(found)}"
    return found[0]


def holders(board: Board, role: str) -> list[Person]:
    return [p for p in board.customers() if role in p.roles]


def links_of_kind(board: Board, kind: str) -> list[tuple[str, str]]:
    return [(link.source, link.target) for link in board.links.values() if link.kind == kind]


def test_sample_obeys_every_rule_of_the_format(board: Board) -> None:
    """The sample passes the whole-board checks and its file is in the format's normal form."""
    check_board(board)
    text = sample.sample_path().read_text(encoding="utf-8")
    assert jsonformat.dumps(board) == text
    # Written as the lowest version that holds it (board-format.md): it uses no field of version 2.
    assert json.loads(text)["version"] == jsonformat.written_version(board) == 1


def test_sample_describes_the_deal(board: Board) -> None:
    """The deal is a new CRM bought by a named customer from a named partner, at about 180k EUR."""
    info = board.info
    assert info.customer and info.our_company and info.customer != info.our_company
    assert "CRM" in info.title and info.customer.split()[0] in info.title
    assert info.deal_value is not None and 150_000 <= info.deal_value <= 200_000
    assert info.currency == "EUR"
    assert info.purchase_type == "new_buy"
    assert info.required_roles == ("decider", "buyer", "user", "influencer")
    assert info.notes


def test_sample_has_the_buying_committee_of_the_story(board: Board) -> None:
    """Their side holds an initiator, two users, a gatekeeper, a buyer, two deciders and an outside advisor."""
    assert [p.title for p in holders(board, "initiator")] == ["Marketing manager"]
    assert len(holders(board, "user")) == 2
    assert all("Teamleider" in p.title for p in holders(board, "user"))
    assert [p.title for p in holders(board, "gatekeeper")] == ["Information Security Officer"]
    assert len(holders(board, "buyer")) == 1
    deciders = {p.title for p in holders(board, "decider")}
    assert deciders == {"CFO", "Algemeen directeur (CEO)"}
    advisors = holders(board, "advisor")
    assert len(advisors) == 1 and advisors[0].organisation
    for role in board.info.required_roles:
        assert holders(board, role), f"nobody holds the required role {role}"
    assert len(board.customers()) >= 10  # the low end of the expected DMU size for a 180k new buy


def test_sample_has_our_team_of_three(board: Board) -> None:
    """Our side is an account manager and a solution consultant who both report to our sales director."""
    ours = {p.title: p for p in board.ours()}
    assert set(ours) == {"Account manager", "Solution consultant", "Sales director"}
    director = ours["Sales director"].id
    assert set(links_of_kind(board, "reports_to")) >= {
        (ours["Account manager"].id, director), (ours["Solution consultant"].id, director)
    }


def test_sample_shows_every_kind_of_stance(board: Board) -> None:
    """A champion, a skeptic, a blocker, neutrals and unknowns: the whole range a seller meets."""
    stances = [p.stance for p in board.customers()]
    for stance in ("champion", "skeptic", "blocker"):
        assert stances.count(stance) == 1, stance
    assert stances.count("neutral") >= 2
    assert stances.count("unknown") >= 2
    assert with_title(board, "Marketing manager").stance == "champion"


def test_customer_people_are_filled_in_as_a_seller_would(board: Board) -> None:
    """Every customer person has a title, a department or firm, interests and notes."""
    for person in board.customers():
        assert person.title, person.name
        assert person.department or person.organisation, person.name
        assert person.interests, person.name
        assert person.notes, person.name


def test_exactly_one_relationship_joins_the_account_manager_and_the_marketing_manager(board: Board) -> None:
    """All our access runs through one pair of people, which is what the sample teaches."""
    relationships = links_of_kind(board, "relationship")
    assert len(relationships) == 1
    ends = {board.people[pid].title for pid in relationships[0]}
    assert ends == {"Account manager", "Marketing manager"}


def test_exactly_one_conflict_between_customer_people(board: Board) -> None:
    """There is one conflict link, between two people of their side."""
    conflicts = links_of_kind(board, "conflict")
    assert len(conflicts) == 1
    assert all(board.people[pid].side == "customer" for pid in conflicts[0])


def test_reporting_lines_form_an_org_chart_under_the_ceo(board: Board) -> None:
    """Every employee of the customer reports to one manager, up to the CEO; the outside advisor reports to nobody."""
    ceo = with_title(board, "Algemeen directeur (CEO)")
    managers: dict[str, list[str]] = {}
    for source, target in links_of_kind(board, "reports_to"):
        managers.setdefault(source, []).append(target)
    for person in board.customers():
        if person.organisation:
            assert person.id not in managers, person.name
            continue
        chain, current = [person.id], person.id
        while current != ceo.id:
            assert len(managers.get(current, [])) == 1, board.people[current].name
            current = managers[current][0]
            assert current not in chain
            chain.append(current)


def test_tokens_are_laid_out_as_an_org_chart_without_overlap(board: Board) -> None:
    """Their side is left of the middle, ours right, managers above their staff, and no two tokens overlap."""
    people = list(board.people.values())
    assert all(p.placed for p in people)
    for p in board.customers():
        assert p.x is not None and p.y is not None
        assert -950 <= p.x <= -150 and -320 <= p.y <= 320, p.name
    for p in board.ours():
        assert p.x is not None and 150 <= p.x <= 600, p.name
    ceo = with_title(board, "Algemeen directeur (CEO)")
    assert ceo.y == min(p.y for p in board.customers() if p.y is not None)
    for source, target in links_of_kind(board, "reports_to"):
        below, above = board.people[source], board.people[target]
        assert below.y is not None and above.y is not None and above.y < below.y, below.name
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            assert a.x is not None and a.y is not None and b.x is not None and b.y is not None
            apart = abs(a.x - b.x) >= TOKEN_WIDTH + 10 or abs(a.y - b.y) >= TOKEN_HEIGHT + 10
            assert apart, f"{a.name} and {b.name} overlap"


def test_the_architect_is_a_hidden_influencer_by_the_rule_of_analysis_md(board: Board) -> None:
    """Computed as analysis.md says, the IT architect (and only he) is a hidden influencer."""
    customers = board.customers()
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in customers)
    for link in board.links.values():
        both_customers = board.people[link.source].is_customer and board.people[link.target].is_customer
        if link.kind in ("influences", "reports_to") and both_customers:
            graph.add_edge(link.source, link.target)
    centrality = nx.betweenness_centrality(graph, normalized=True)
    hidden = [
        p.title for p in customers
        if len(customers) >= 4 and centrality[p.id] >= 0.30 and p.influence <= 3
        and not {"influencer", "decider", "sponsor"} & set(p.roles)
    ]
    assert hidden == ["IT architect"]
    assert centrality[with_title(board, "IT architect").id] >= 0.35  # not balanced on the edge of the rule


def test_only_the_account_manager_knows_anyone(board: Board) -> None:
    """One of ours holds every relationship and only one customer person is a contact (single-threaded)."""
    relationships = [link for link in board.links.values() if link.kind == "relationship"]
    contacts = {pid for link in relationships for pid in (link.source, link.target) if board.people[pid].is_customer}
    owners = {pid for link in relationships for pid in (link.source, link.target) if not board.people[pid].is_customer}
    assert [board.people[pid].title for pid in contacts] == ["Marketing manager"]
    assert [board.people[pid].title for pid in owners] == ["Account manager"]
    deciders = holders(board, "decider")
    assert not {p.id for p in deciders} & contacts


def test_every_customer_person_has_a_link(board: Board) -> None:
    """Nobody on their side floats alone on the sample board."""
    linked = {pid for link in board.links.values() for pid in (link.source, link.target)}
    assert all(p.id in linked for p in board.customers())


def test_each_call_gives_a_fresh_board(board: Board) -> None:
    """Changing one copy of the sample does not change the next one."""
    count = len(board.people)
    board.people.clear()
    assert len(sample.sample_board().people) == count


def test_a_missing_sample_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without its resource file the program says the sample is missing instead of crashing."""
    monkeypatch.setattr(sample, "resource", lambda name: tmp_path / name)
    with pytest.raises(NotABoardError, match="sample board is missing"):
        sample.sample_board()


def test_the_analysis_finds_what_the_sample_is_built_to_teach(board: Board) -> None:
    """The analysis of the sample shows a single thread, uncovered deciders and blockers, and the hidden architect."""
    found: dict[str, list[set[str]]] = {}
    for finding in analyze(board).findings:
        found.setdefault(finding.code, []).append({board.people[pid].title for pid in finding.people})
    assert found["single_threaded"] == [{"Marketing manager"}]
    assert found["hidden_influencer"] == [{"IT architect"}]
    assert found["single_owner"] == [{"Account manager"}]
    unconnected = set().union(*found["unconnected_influencer"])
    assert {"CFO", "Algemeen directeur (CEO)", "IT architect"} <= unconnected
    uncovered = set().union(*found["uncovered_blocker"])
    assert uncovered == {p.title for p in board.customers() if p.stance in ("blocker", "skeptic")}
    for code in ("missing_role", "dmu_size_gap", "isolated_person", "no_relationships"):
        assert code not in found, code

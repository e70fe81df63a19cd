"""Guessing which column holds what, user overrides, and the words for roles and stances."""

from __future__ import annotations

import pytest

from dmuboard.csvio import IGNORE, MappingError, guess_mapping, with_overrides
from dmuboard.csvio.fields import FIELDS, field_named, guess_field, parse_override
from dmuboard.csvio.words import read_influence, read_roles, read_side, read_stance


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name", "name"), ("Naam", "name"), ("Full Name", "name"), ("Contactpersoon", "name"),
        ("First Name", "first_name"), ("Voornaam", "first_name"), ("Tussenvoegsel", "middle_name"),
        ("Last Name", "last_name"), ("Achternaam", "last_name"), ("Surname", "last_name"),
        ("Title", "title"), ("Job Title", "title"), ("Functie", "title"), ("Position", "title"),
        ("Department", "department"), ("Afdeling", "department"),
        ("Company", "organisation"), ("Account Name", "organisation"), ("Organisatie", "organisation"),
        ("Bedrijf", "organisation"), ("Company Name", "organisation"), ("Organization", "organisation"),
        ("Role", "roles"), ("Rol", "roles"), ("Buying Role", "roles"), ("DMU-rollen", "roles"),
        ("Stance", "stance"), ("Houding", "stance"), ("Influence", "influence"), ("Invloed", "influence"),
        ("Notes", "notes"), ("Notities", "notes"), ("Description", "notes"), ("Opmerkingen", "notes"),
        ("Interests", "interests"), ("Belangen", "interests"), ("Side", "side"), ("Zijde", "side"),
        ("  JOB  TITLE ", "title"), ("Contact First Name", "first_name"),
        ("Email", IGNORE), ("Phone", IGNORE), ("Record ID", IGNORE), ("Contact owner", "owner"),
    ],
)
def test_headers_in_english_and_dutch_are_recognised(header: str, field: str) -> None:
    """Common CRM and spreadsheet headers, in English and Dutch, map to the field they hold."""
    assert guess_field(header) == field


def test_the_first_column_for_a_field_wins() -> None:
    """When two columns could hold the title, the first one is used and the other left out."""
    assert guess_mapping(["Naam", "Functie", "Job Title", "E-mail"]) == {0: "name", 1: "title"}


def test_user_choices_beat_the_guesses() -> None:
    """``--map`` moves a field to another column, and ``ignore`` drops a guessed column."""
    header = ["Naam", "Functie", "Job Title", "Rol"]
    guessed = guess_mapping(header)
    mapping = with_overrides(header, guessed, [("Job Title", "title"), ("Rol", IGNORE)])
    assert mapping == {0: "name", 2: "title"}


def test_override_columns_match_loosely_or_by_number() -> None:
    """A column is found by its exact header, by its header ignoring case and accents, or by its number."""
    header = ["Naam", "Beïnvloeding", "X"]
    assert with_overrides(header, {}, [("beinvloeding", "influence")]) == {1: "influence"}
    assert with_overrides(header, {}, [("3", "notes")]) == {2: "notes"}


def test_unknown_column_or_field_is_named() -> None:
    """A column that is not in the file, or a field that does not exist, is named in the error."""
    with pytest.raises(MappingError, match="no column 'Mobiel'; its columns are: Naam, Functie"):
        with_overrides(["Naam", "Functie"], {}, [("Mobiel", "notes")])
    with pytest.raises(MappingError, match="'salary' is not a field"):
        parse_override("Salaris=salary")
    with pytest.raises(MappingError, match="COLUMN=FIELD"):
        parse_override("Functie")


def test_two_columns_cannot_both_be_mapped_to_one_field_by_hand() -> None:
    """Mapping two columns to the same field by hand is refused instead of silently dropping one."""
    with pytest.raises(MappingError, match="both 'A' and 'B' are mapped to notes"):
        with_overrides(["A", "B"], {}, [("A", "notes"), ("B", "notes")])


def test_field_names_are_forgiving() -> None:
    """Fields may be written as in the help, with dashes, in American spelling or as their label."""
    assert field_named("first-name") == "first_name"
    assert field_named("Organization") == "organisation"
    assert field_named("role") == "roles"
    assert field_named("Last name") == "last_name"
    assert field_named("skip") == IGNORE
    assert parse_override("a=b=title") == ("a=b", "title")
    assert set(FIELDS) >= {"name", "first_name", "last_name", "title", "department", "organisation",
                           "roles", "stance", "influence", "notes"}


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        ("Beslisser", ("decider",)), ("beïnvloeder", ("influencer",)), ("Beinvloeder", ("influencer",)),
        ("Inkoper; Gebruiker", ("buyer", "user")), ("initiatiefnemer|poortwachter", ("initiator", "gatekeeper")),
        ("Decision Maker, Budget Holder", ("decider",)), ("End User", ("user",)),
        ("Buyer/Decider", ("buyer", "decider")),
        ("Executive Sponsor", ("sponsor",)), ("adviseur", ("advisor",)), ("evaluator", ("evaluator",)),
        ("", ()), ("n/a", ()), ("Other", ()),
    ],
)
def test_role_words_in_english_and_dutch(cell: str, roles: tuple[str, ...]) -> None:
    """Roles written in English or Dutch, with or without accents, several in one cell, become board roles."""
    assert read_roles(cell)[0] == roles


def test_a_stance_word_in_the_role_column_becomes_the_stance() -> None:
    """HubSpot puts Champion and Blocker among the buying roles; they become the stance."""
    assert read_roles("Champion;Influencer") == (("influencer",), "champion")
    assert read_roles("Blocker") == ((), "blocker")


def test_unknown_role_word_is_refused_by_name() -> None:
    """A word that is no role is refused, quoting the word."""
    with pytest.raises(ValueError, match="'baas' is not a role"):
        read_roles("beslisser; baas")


@pytest.mark.parametrize(
    ("cell", "stance"),
    [("Voorstander", "supporter"), ("neutraal", "neutral"), ("Sceptisch", "skeptic"), ("sceptic", "skeptic"),
     ("Tegenstander", "blocker"), ("Champion", "champion"), ("Onbekend", "unknown"), ("", "unknown")],
)
def test_stance_words(cell: str, stance: str) -> None:
    """Stances written in English or Dutch become board stances; an empty cell is unknown."""
    assert read_stance(cell) == stance


def test_influence_is_a_whole_number_from_one_to_five() -> None:
    """Influence accepts 1 to 5 (also as Excel's 4.0 or 4,0); empty is the default 3; others are refused."""
    assert [read_influence(v) for v in ("1", "5", " 4.0 ", "4,0", "")] == [1, 5, 4, 4, 3]
    for bad in ("0", "6", "2.5", "high"):
        with pytest.raises(ValueError, match="not an influence from 1"):
            read_influence(bad)


def test_side_words() -> None:
    """A side column may say customer or ours in English or Dutch; empty keeps the chosen side."""
    assert read_side("Klant", "ours") == "customer"
    assert read_side("wij", "customer") == "ours"
    assert read_side("", "ours") == "ours"
    with pytest.raises(ValueError, match="not a side"):
        read_side("partner", "ours")

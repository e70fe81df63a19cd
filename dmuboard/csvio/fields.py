"""Which column holds what: the fields a CSV column can fill, and our guesses.

A mapping is a dict from a column's index to a field name. It is guessed from the
header (English and Dutch, as Salesforce, HubSpot, Dynamics, LinkedIn and Excel users
name their columns) and can be changed by the user, in the wizard or with
``--map COLUMN=FIELD``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from dmuboard.model.errors import UserError

IGNORE = "ignore"

# Every field a column can fill, with the words a user sees for it.
FIELDS: dict[str, str] = {
    "name": "Name",
    "first_name": "First name",
    "middle_name": "Middle name (tussenvoegsel)",
    "last_name": "Last name",
    "title": "Title",
    "department": "Department",
    "organisation": "Organisation",
    "roles": "Roles",
    "stance": "Stance",
    "influence": "Influence (1-5)",
    "interests": "Interests",
    "notes": "Notes",
    "side": "Side",
    "owner": "Our contact (relationship)",
    "last_contact": "Last contact (date)",
}

_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "full name", "fullname", "volledige naam", "contact name", "contact",
             "contactpersoon", "display name", "weergavenaam", "person", "persoon", "stakeholder"),
    "first_name": ("first name", "firstname", "first", "given name", "voornaam", "roepnaam"),
    "middle_name": ("middle name", "middle", "tussenvoegsel", "tussenvoegsels", "tussenv"),
    "last_name": ("last name", "lastname", "last", "surname", "family name", "achternaam"),
    "title": ("title", "job title", "jobtitle", "functie", "functietitel", "functienaam", "position",
              "job", "titel", "job role", "functieomschrijving"),
    "department": ("department", "dept", "afdeling", "division", "divisie", "business unit"),
    "organisation": ("company", "company name", "account name", "account", "organisation", "organization",
                     "organisation name", "organization name", "organisatie", "organisatienaam", "bedrijf",
                     "bedrijfsnaam", "employer", "werkgever", "firma", "parent customer"),
    "roles": ("role", "roles", "rol", "rollen", "dmu role", "dmu roles", "dmu rol", "dmu rollen",
              "buying role", "buying roles", "inkooprol", "rol in dmu", "role in dmu"),
    "stance": ("stance", "houding", "opstelling", "attitude", "sentiment", "standpunt"),
    "influence": ("influence", "invloed", "power", "macht", "impact"),
    "interests": ("interests", "interest", "belangen", "belang", "persoonlijk belang", "personal interest",
                  "personal win", "drijfveren", "motivation", "motivatie"),
    "notes": ("notes", "note", "notities", "notitie", "opmerkingen", "opmerking", "description",
              "beschrijving", "comments", "comment", "memo", "toelichting"),
    "side": ("side", "zijde", "kant"),
    "owner": ("owner", "contact owner", "account owner", "record owner", "eigenaar", "relatiebeheerder",
              "our contact", "onze contactpersoon"),
    "last_contact": ("last contact", "last contacted", "last contact date", "last activity", "last activity date",
                     "laatste contact", "laatste contactdatum", "laatst gesproken", "last touch"),
}
_PREFIXES = ("contact ", "primary ", "person ")

# What --map accepts for a field besides its own name.
_FIELD_WORDS: dict[str, str] = {
    "organization": "organisation", "company": "organisation", "role": "roles", "first": "first_name",
    "firstname": "first_name", "last": "last_name", "lastname": "last_name", "surname": "last_name",
    "middle": "middle_name", "tussenvoegsel": "middle_name", "note": "notes", "interest": "interests",
    "lastcontact": "last_contact", "last_contacted": "last_contact",
    "skip": IGNORE, "none": IGNORE, "nothing": IGNORE, "-": IGNORE,
}


class MappingError(UserError):
    """A column or field named by the user does not exist (a usage error on the command line)."""


_NOT_WORD = re.compile(r"[^0-9a-z?]+")


@functools.lru_cache(maxsize=8192)  # role, stance and header words repeat on every row
def simplify(text: str) -> str:
    """Lower case, no accents, words separated by single spaces: ``Beïnvloeder`` -> ``beinvloeder``."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


_GUESSES = {word: field for field, words in _HEADERS.items() for word in words}


def guess_field(header: str) -> str:
    """The field a column with this header most likely holds, or :data:`IGNORE`."""
    words = simplify(header)
    if words in _GUESSES:
        return _GUESSES[words]
    for prefix in _PREFIXES:
        if words.startswith(prefix) and words[len(prefix):] in _GUESSES:
            return _GUESSES[words[len(prefix):]]
    return IGNORE


def guess_mapping(header: Sequence[str]) -> dict[int, str]:
    """Column index -> field for the columns we recognise; the first column wins a field."""
    mapping: dict[int, str] = {}
    for i, text in enumerate(header):
        field = guess_field(text)
        if field != IGNORE and field not in mapping.values():
            mapping[i] = field
    return mapping


def field_named(word: str) -> str:
    """The field ``word`` names (``first-name``, ``Organization``, ``ignore``); :class:`MappingError` if none."""
    key = "_".join(word.strip().casefold().replace("-", " ").split())
    key = _FIELD_WORDS.get(key, key)
    if key in FIELDS or key == IGNORE:
        return key
    for field, label in FIELDS.items():
        if simplify(label) == simplify(word):
            return field
    raise MappingError(f"{word!r} is not a field; the fields are: {', '.join(FIELDS)}, {IGNORE}.")


def parse_override(text: str) -> tuple[str, str]:
    """``COLUMN=FIELD`` -> (column, field). The last ``=`` splits, so a column name may hold one."""
    column, equals, word = text.rpartition("=")
    if not equals or not column.strip():
        raise MappingError(f"--map {text!r}: write it as COLUMN=FIELD, for example --map Functie=title.")
    return column, field_named(word)


def column_index(header: Sequence[str], column: str) -> int:
    """The index of the column named ``column`` (exactly, then ignoring case and accents, then by number)."""
    for i, text in enumerate(header):
        if text == column:
            return i
    for i, text in enumerate(header):
        if simplify(text) == simplify(column) and simplify(column):
            return i
    if column.strip().isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    shown = ", ".join(text or f"column {i + 1}" for i, text in enumerate(header))
    raise MappingError(f"the CSV file has no column {column!r}; its columns are: {shown}.")


def with_overrides(
    header: Sequence[str], mapping: dict[int, str], overrides: Iterable[tuple[str, str]]
) -> dict[int, str]:
    """``mapping`` changed by the user's ``(column, field)`` choices, which beat the guesses."""
    result = dict(mapping)
    chosen: dict[str, str] = {}
    for column, field in overrides:
        index = column_index(header, column)
        if field != IGNORE:
            if field in chosen and chosen[field] != column:
                raise MappingError(f"both {chosen[field]!r} and {column!r} are mapped to {field}; pick one.")
            chosen[field] = column
            for other, taken in list(result.items()):
                if taken == field and other != index:
                    del result[other]  # a guess loses its field to the user's choice
            result[index] = field
        else:
            result.pop(index, None)
    return result


def check_mapping(mapping: dict[int, str], labels: Sequence[str]) -> None:
    """Refuse a mapping that cannot give anyone a name (a :class:`UserError`: the file lacks it)."""
    fields = set(mapping.values())
    if "name" not in fields and not fields & {"first_name", "last_name"}:
        shown = ", ".join(labels)
        raise UserError(
            "no column holds the names: map a column to name, or to first_name and last_name "
            f"(the columns are: {shown})."
        )

"""One CSV row becomes one person, or one problem naming the row and the column.

The person is built with the model's own :class:`~dmuboard.model.board.Person`, so
every rule of the board format holds; a rule it breaks is reported against the
column the value came from. Ids and positions are given later, when the import is
planned against a board.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from dmuboard.csvio import words
from dmuboard.csvio.fields import simplify
from dmuboard.csvio.reading import Problem, Row
from dmuboard.model.board import Person
from dmuboard.model.errors import BoardError

# Export prefixes an apostrophe to cells a spreadsheet would run as a formula (and to
# cells that start with an apostrophe); reading such a cell back takes it off again,
# so an export imports as it was.
# A spreadsheet runs a cell as a formula when it starts with one of these, also after
# blanks, and in their full-width forms.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_LEADING_BLANKS = " \t\r\n\u00a0\u3000"


def guarded(text: str) -> bool:
    """Does the export put an apostrophe before ``text`` (and the import take it off)?"""
    return text.startswith(("'", *_FORMULA_START)) or text.lstrip(_LEADING_BLANKS).startswith(_FORMULA_START)


T = TypeVar("T")
_TEXT_FIELDS = ("title", "department", "organisation", "interests", "notes")
_KEPT_AS_IS = ("department", "organisation", "interests", "notes")


@dataclass(frozen=True, slots=True)
class Context:
    """What a row needs to know about the import: the side chosen, and the two companies."""

    side: str
    customer: str = ""
    our_company: str = ""


def cell_text(cell: str, *, trim: bool = True) -> str:
    """A cell as text for the board: an export's formula guard taken off, CRLF as LF.

    Names, titles and the words of roles, stances and sides are trimmed; free text
    (department, organisation, interests, notes) is kept exactly, so that a board's
    own export imports as it was. A cell of blanks only is empty either way.
    """
    text = cell.strip() if trim or not cell.strip() else cell
    if text[:1] == "'" and guarded(text[1:]):
        text = text[1:]
    return text.replace("\r\n", "\n")


def person_from_row(row: Row, mapping: Mapping[int, str], labels: tuple[str, ...], context: Context) -> Person:
    """The person in ``row``, with id ``new`` and no position; :class:`RowProblem` if it has none."""
    values: dict[str, str] = {}
    columns: dict[str, str] = {}
    for index, field in mapping.items():
        if index < len(row.cells):
            values[field] = cell_text(row.cells[index], trim=field not in _KEPT_AS_IS)
            columns[field] = labels[index]

    def fail(field: str, text: str) -> RowProblem:
        return RowProblem(Problem(row.number, columns.get(field, ""), text))

    side = _read(words.read_side, values.get("side", ""), context.side, field="side", fail=fail)
    name, name_field = _name(values, columns)
    if not name:
        column = columns.get("name") or " + ".join(columns[f] for f in ("first_name", "last_name") if f in columns)
        raise RowProblem(Problem(row.number, column, "no name"))
    roles: tuple[str, ...] = ()
    stance = "unknown"
    if values.get("roles"):
        roles, stance_in_roles = _read(words.read_roles, values["roles"], field="roles", fail=fail)
        stance = stance_in_roles or stance
    if values.get("stance"):
        stance = _read(words.read_stance, values["stance"], field="stance", fail=fail)
    influence = _read(words.read_influence, values.get("influence", ""), field="influence", fail=fail)
    if side == "ours" and roles:
        raise fail("roles", "people on our side have no DMU roles; import them on the customer side, "
                            "or leave this column out")
    if side == "ours" and stance != "unknown":
        field = "stance" if values.get("stance") else "roles"
        raise fail(field, "people on our side have no stance; import them on the customer side, "
                          "or leave this column out")
    texts = {field: values.get(field, "") for field in _TEXT_FIELDS}
    own_company = context.customer if side == "customer" else context.our_company
    if own_company and simplify(texts["organisation"]) == simplify(own_company):
        texts["organisation"] = ""  # their own company, not an outside firm
    try:
        return Person(
            id="new", side=side, name=name, title=texts["title"], department=texts["department"],
            organisation=texts["organisation"], roles=roles, stance=stance, influence=influence,
            interests=texts["interests"], notes=texts["notes"],
        )
    except BoardError as error:
        field = name_field if error.place == "name" else error.place.split("[")[0]
        raise fail(field, error.problem) from None


class RowProblem(Exception):
    """A row that cannot become a person; carries the :class:`Problem` to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _name(values: dict[str, str], columns: dict[str, str]) -> tuple[str, str]:
    """The person's name and the field it came from: the name column, else first + last."""
    if values.get("name"):
        return " ".join(values["name"].split()), "name"
    parts = [values.get(f, "") for f in ("first_name", "middle_name", "last_name")]
    field = "last_name" if "last_name" in columns else "first_name"
    return " ".join(" ".join(parts).split()), field


def _read(reader: Callable[..., T], *args: str, field: str, fail: Callable[[str, str], RowProblem]) -> T:
    try:
        return reader(*args)
    except ValueError as error:
        raise fail(field, str(error)) from None

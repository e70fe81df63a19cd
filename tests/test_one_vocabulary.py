"""One vocabulary: the words for roles, stances and link kinds are defined once
(dmuboard.model.vocabulary), so a label cannot mean one thing on a card and another
in the inspector, the legend or a finding. (csvio.words is the CSV reader's list of
synonyms people may write, not labels; model.board holds the kinds' rules.)"""

from __future__ import annotations

import ast
from pathlib import Path

import dmuboard
from dmuboard.model.board import LINK_KINDS, ROLES, STANCES
from dmuboard.model.vocabulary import LINK_VERBS, ROLE_CHIPS, ROLE_LABELS, STANCE_LABELS

PACKAGE = Path(dmuboard.__file__).parent
ALLOWED = {PACKAGE / "model" / "vocabulary.py", PACKAGE / "csvio" / "words.py"}
NOT_WORDS = {"LAYER_OF_KIND", "_LINK_SIDES"}  # layer ids and side rules, nothing shown


def _targets(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _word_tables(path: Path) -> list[str]:
    """Dict literals in a module whose keys are all roles, all stances or all link kinds,
    with string values: a table of words."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(isinstance(t, ast.Name) and t.id in NOT_WORDS for t in _targets(node))
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict) or not node.keys or id(node) in skipped:
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        strings = all(isinstance(v, (ast.Constant, ast.JoinedStr)) for v in node.values)
        if strings and keys in (set(ROLES), set(STANCES), set(LINK_KINDS)):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_no_module_but_the_vocabulary_defines_words_for_roles_stances_or_kinds() -> None:
    tables = [hit for path in sorted(PACKAGE.rglob("*.py")) if path not in ALLOWED for hit in _word_tables(path)]
    assert tables == []


def test_the_vocabulary_has_every_word_once() -> None:
    assert set(ROLE_LABELS) == set(ROLE_CHIPS) == set(ROLES)
    assert set(STANCE_LABELS) == set(STANCES)
    assert set(LINK_VERBS) == set(LINK_KINDS)
    assert len(set(ROLE_CHIPS.values())) == len(ROLES)  # no two roles share a chip


def test_the_leftovers_are_gone() -> None:
    assert not list(PACKAGE.rglob("roletext.py"))
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert "not there yet" not in sources
    assert "def has_display" not in sources  # one display check: gui.common.display.display_missing

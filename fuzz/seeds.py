"""The start corpus of the atheris harnesses: the sample board and a generated one.

When the command line names no corpus folder, one is made under ``fuzz/corpus/<kind>``
and filled with the two boards, and its path is added to the arguments libFuzzer sees.
"""

from __future__ import annotations

from pathlib import Path

from dmuboard import boardio
from dmuboard.model.generate import generate_board
from dmuboard.sample import sample_board

CORPUS = Path(__file__).resolve().parent / "corpus"


def seed_corpus(argv: list[str], kind: str) -> list[str]:
    """``argv`` with a seeded corpus folder for ``kind`` (``dmu`` or ``json``) when it names none."""
    if any(not arg.startswith("-") for arg in argv[1:]):
        return argv
    folder = CORPUS / kind
    folder.mkdir(parents=True, exist_ok=True)
    for name, board in (("sample", sample_board()), ("generated", generate_board(24, seed=7))):
        path = folder / f"{name}.{kind}"
        if not path.exists():
            boardio.write_board(path, board)
    return [*argv, str(folder)]

"""Coverage-guided fuzzing of the JSON board reader with atheris (``make fuzz``).

Each input is parsed as an interchange document; the result must be a board or a
:class:`UserError`, and a board that is read must survive writing and reading again
unchanged. Start corpus: the sample board and a generated one, as ``.json``.

Run: ``python fuzz/fuzz_json.py [libFuzzer options, e.g. -max_total_time=300] [CORPUS_DIR]``
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["dmuboard"]):  # our code only: fast to start
    from dmuboard.model import jsonformat
    from dmuboard.model.errors import UserError

from seeds import seed_corpus


def test_one_input(data: bytes) -> None:
    try:
        board = jsonformat.loads(data)
    except UserError:
        return
    again = jsonformat.loads(jsonformat.dumps(board))
    if again != board:
        raise AssertionError("a board read from JSON changed when written and read again")


def main() -> None:
    argv = seed_corpus(sys.argv, "json")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Coverage-guided fuzzing of the .dmu reader with atheris (``make fuzz``).

Each input is written to a scratch ``.dmu`` file and opened the way the program
opens a board from someone else: the result must be a board or a
:class:`UserError`; anything else is a crash atheris reports with the input that
caused it. Start corpus: the sample board and a generated one, as ``.dmu``.

Run: ``python fuzz/fuzz_open.py [libFuzzer options, e.g. -max_total_time=300] [CORPUS_DIR]``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["dmuboard"]):  # our code only: fast to start
    from dmuboard import boardio
    from dmuboard.model.errors import UserError
    from dmuboard.store import BoardFile

from seeds import seed_corpus

SCRATCH = Path(tempfile.mkdtemp(prefix="dmu-fuzz-open-"))
TARGET = SCRATCH / "case.dmu"


def test_one_input(data: bytes) -> None:
    TARGET.write_bytes(data)
    for journal in SCRATCH.glob("case.dmu-*"):
        journal.unlink()
    try:
        with BoardFile.open(TARGET) as store:
            store.document()
        boardio.read_board(TARGET)
    except UserError:
        pass


def main() -> None:
    argv = seed_corpus(sys.argv, "dmu")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Child process for the crash-safety test: ``python tests/crash_child.py FILE SEED``.

Opens the board in FILE the way the program does and applies the seeded stream of
random changes from :mod:`tests.boardkit` through Document and BoardFile, printing
``done N`` (and flushing) each time an apply has returned, until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dmuboard.store import BoardFile
from tests.boardkit import ChangeStream


def main(path: str, seed: int) -> None:
    store = BoardFile.open(path)
    stream = ChangeStream(store.document(), seed)
    print("ready", flush=True)
    done = 0
    while True:
        if stream.step():
            done += 1
            print(f"done {done}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

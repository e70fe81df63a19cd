"""Reading boards by file name: any name works, and other files are called what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmuboard.boardio import read_board, write_board
from dmuboard.model.errors import NotABoardError
from dmuboard.sample import sample_board


def test_a_board_under_another_name_is_still_read(tmp_path: Path) -> None:
    """A .dmu or .json board renamed to .bak or .txt reads as the same board."""
    board = sample_board()
    for name, renamed in (("b.dmu", "b.bak"), ("b.json", "b.txt")):
        write_board(tmp_path / name, board)
        (tmp_path / name).rename(tmp_path / renamed)
        assert read_board(tmp_path / renamed).people == board.people


@pytest.mark.parametrize("content", [b"root:x:0:0:root:/root:/bin/bash\n", b"", b"\x00\x01binary", b"[1, 2]"])
def test_a_file_that_is_neither_kind_is_named_as_not_a_board(tmp_path: Path, content: bytes) -> None:
    """A text file, an empty file or binary data under an unknown name is 'not a DMU Board
    file', not a confusing JSON syntax error."""
    path = tmp_path / "passwd"
    path.write_bytes(content)
    with pytest.raises(NotABoardError, match="passwd is not a DMU Board file"):
        read_board(path)

"""Running the command line in tests, and reading what it says."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dmuboard import cli


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run the program in-process; return the exit code, stdout and stderr."""
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    """The single line of a refusal on stderr; fails on a traceback or a longer story."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("dmuboard: ")
    return lines[0]


def digest(path: Path) -> str:
    """The file's bytes, as a hash: to prove a file was left exactly as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()

"""One line per long-running test group at the end of a test run.

Groups such as the crash-safety trials or the stateful store test call
:func:`record` with how many trials or cases they ran and how many failed; pytest
prints, after the usual summary, e.g. ``crash-safety: 20 trials, 0 failures``.
Registered as a plugin in ``conftest.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Tally:
    unit: str
    runs: int = 0
    failures: int = 0
    detail: str = ""


_TALLIES: dict[str, Tally] = {}


def record(group: str, runs: int, failures: int = 0, unit: str = "cases", detail: str = "") -> None:
    """Add ``runs`` trials (of which ``failures`` failed) to ``group``'s line.

    ``detail`` (e.g. ``+3.1 MB``) is shown between the count and the failures.
    """
    tally = _TALLIES.setdefault(group, Tally(unit))
    tally.runs += runs
    tally.failures += failures
    tally.detail = detail or tally.detail


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for group, tally in _TALLIES.items():
        failures = "failure" if tally.failures == 1 else "failures"
        detail = f"{tally.detail}, " if tally.detail else ""
        terminalreporter.write_line(f"{group}: {tally.runs} {tally.unit}, {detail}{tally.failures} {failures}")

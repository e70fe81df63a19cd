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

# Groups counted from pytest's own results: every test in the file is one case.
CASE_GROUPS = {
    "test_format_rules.py": "format-rules",
    "test_refused_files.py": "refused-files",
    "test_faults.py": "faults",
    "test_sidecar_files.py": "sidecar-files",
    "test_links_identity.py": "links-and-identity",
    "test_names_special_files.py": "names-and-special-files",
    "test_schema_drift.py": "schema-drift",
}


def record(group: str, runs: int, failures: int = 0, unit: str = "cases", detail: str = "") -> None:
    """Add ``runs`` trials (of which ``failures`` failed) to ``group``'s line.

    ``detail`` (e.g. ``+3.1 MB``) is shown between the count and the failures.
    """
    tally = _TALLIES.setdefault(group, Tally(unit))
    tally.runs += runs
    tally.failures += failures
    tally.detail = detail or tally.detail


def _count_cases(terminalreporter: Any) -> dict[str, Tally]:
    counted: dict[str, Tally] = {}
    for outcome in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") != "call" and outcome == "passed":
                continue
            filename = str(getattr(report, "nodeid", "")).split("::")[0].rsplit("/", 1)[-1]
            group = CASE_GROUPS.get(filename)
            if group is None:
                continue
            tally = counted.setdefault(group, Tally("cases"))
            tally.runs += 1
            tally.failures += outcome != "passed"
    return counted


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for group, tally in {**_count_cases(terminalreporter), **_TALLIES}.items():
        failures = "failure" if tally.failures == 1 else "failures"
        detail = f"{tally.detail}, " if tally.detail else ""
        terminalreporter.write_line(f"{group}: {tally.runs} {tally.unit}, {detail}{tally.failures} {failures}")

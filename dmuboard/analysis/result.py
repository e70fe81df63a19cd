"""What an analysis returns: the metrics and the findings (shared/spec/analysis.md)."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the board tells the seller.

    ``code``, ``severity``, ``people``, ``role`` and ``expected`` are the contract of
    the spec; ``message`` says what is wrong and ``advice`` what to do about it, both
    in plain words for a person.
    """

    code: str
    severity: str
    people: tuple[str, ...]
    message: str = ""
    role: str | None = None
    expected: tuple[int, int] | None = None
    advice: str = ""
    label: str | None = None  # profile_gap: the profile entry
    state: str | None = None  # profile_gap: "missing" or "unknown"

    def sort_key(self) -> tuple[int, str, list[str], str, str]:
        """Severity (high first), then code, then people as a list, then role, then profile label."""
        return (SEVERITIES.index(self.severity), self.code, list(self.people), self.role or "", self.label or "")


@dataclass(frozen=True, slots=True)
class Metrics:
    """The board's numbers, as the spec names them."""

    customer_people: int
    our_people: int
    contacts: int
    relationships: int
    coverage: float
    expected_dmu: tuple[int, int]
    required_roles_covered: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Metrics and the findings in the spec's order."""

    metrics: Metrics
    findings: list[Finding]

    def by_person(self) -> dict[str, str]:
        """The most severe finding's severity for each person named by a finding."""
        worst: dict[str, str] = {}
        for finding in self.findings:
            for pid in finding.people:
                known = worst.get(pid)
                if known is None or SEVERITIES.index(finding.severity) < SEVERITIES.index(known):
                    worst[pid] = finding.severity
        return worst

"""The "Changes since ..." pages of a PDF: what changed between a review mark (or a
date) and now, in the lines the findings pages are drawn with (plain text)."""

from __future__ import annotations

from dmuboard.analysis.changes import Changes
from dmuboard.gui.export.findings import Line
from dmuboard.model.board import Board, Link
from dmuboard.model.history.words import before_after
from dmuboard.model.vocabulary import LINK_VERBS


def changes_lines(changes: Changes, before: Board, after: Board) -> list[Line]:
    def name(pid: str) -> str:
        person = after.people.get(pid) or before.people.get(pid)
        return person.name if person else pid

    def link(k: Link) -> str:
        return f"{name(k.source)} {LINK_VERBS.get(k.kind, k.kind)} {name(k.target)}"

    diff = changes.board
    lines = [Line(f"Changes since {changes.since}", "heading"),
             Line(f"People: {len(diff.people_added)} added, {len(diff.people_removed)} removed, "
                  f"{len(diff.people_changed)} changed. Findings: {len(changes.new)} appeared, "
                  f"{len(changes.gone)} disappeared.")]
    sections: list[tuple[str, list[str]]] = [
        ("People added", [name(pid) for pid in diff.people_added]),
        ("People removed", [name(pid) for pid in diff.people_removed]),
        ("People changed", [f"{name(pid)}: {c.field} {before_after(c.before, c.after)}"
                            for pid, cs in diff.people_changed.items() for c in cs]),
        ("Lines added", [link(k) for k in diff.links_added]),
        ("Lines removed", [link(k) for k in diff.links_removed]),
        ("Lines changed", [f"{link(k)}: {c.field} {before_after(c.before, c.after)}"
                           for k, cs in diff.links_changed for c in cs]),
    ]
    for title, items in sections:
        if items:
            lines += [Line("", "gap"), Line(f"{title} ({len(items)})", "heading")]
            lines += [Line(item, "people") for item in items]
    for title, found in (("Findings that appeared", changes.new), ("Findings that disappeared", changes.gone)):
        if found:
            lines += [Line("", "gap"), Line(f"{title} ({len(found)})", "heading")]
            lines += [Line(f.message or f.code, "finding", severity=f.severity) for f in found]
    if diff.empty and not changes.new and not changes.gone:
        lines.append(Line("Nothing changed."))
    return lines

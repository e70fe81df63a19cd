"""The findings and scorecard pages of an Internal PDF or print.

The analysis (``dmuboard.analysis.analyze``) is read into plain lines of text, then
the lines are cut into pages of the export's size. Severity is given as a word and
a symbol next to its colour, so the page reads in greyscale too. Everything is
plain text. These pages never appear in a Proposal export.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from dmuboard.gui.common.qtapp import export_font, measure
from dmuboard.gui.export.decor import INK, MUTED
from dmuboard.model.board import Board

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis

SEVERITY_MARKS = {"high": "▲ High", "medium": "■ Medium", "low": "● Low"}
SEVERITY_COLOURS = {"high": QColor("#c0262d"), "medium": QColor("#b86a0c"), "low": MUTED}
METRIC_LABELS = {
    "customer_people": "People on the customer side",
    "our_people": "People on our side",
    "contacts": "Customer people we have a relationship with",
    "relationships": "Relationships",
    "coverage": "Coverage (contacts / customer people)",
    "expected_dmu": "Expected size of the buying committee",
    "required_roles_covered": "Required roles covered",
}
LINE_HEIGHT = 13.0


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the findings pages."""

    text: str
    kind: str = "text"  # heading, metric, finding, advice, people, more, text, gap
    severity: str = ""
    value: str = ""


def analysis_lines(board: Board, analysis: Analysis | None = None) -> list[Line]:
    """The scorecard and the findings of ``board`` as lines (analysing it if needed)."""
    if analysis is None:
        from dmuboard.analysis import analyze

        analysis = analyze(board)
    lines = [Line("Scorecard", "heading")]
    for item in fields(analysis.metrics):
        value = getattr(analysis.metrics, item.name)
        lines.append(Line(METRIC_LABELS.get(item.name, item.name.replace("_", " ").capitalize()), "metric",
                          value=_show(item.name, value)))
    lines += [Line("", "gap"), Line(f"Findings ({len(analysis.findings)})", "heading")]
    if not analysis.findings:
        lines.append(Line("Nothing to flag."))
    for finding in analysis.findings:
        lines.append(Line(finding.message or finding.code, "finding", severity=finding.severity))
        if finding.advice:
            lines.append(Line(finding.advice, "advice"))
        names = [board.people[pid].name for pid in finding.people if pid in board.people]
        if names:
            lines.append(Line("People: " + ", ".join(names), "people"))
    return lines


def _show(key: str, value: object) -> str:
    if key == "coverage" and isinstance(value, (int, float)):
        return f"{value * 100:.0f} %"
    if key == "expected_dmu" and isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{value[0]} to {value[1]} people"
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{value[0]} of {value[1]}"
    return str(value)


def paginate(lines: list[Line], box: QRectF) -> list[list[Line]]:
    """Cut lines (wrapped to ``box``'s width) into pages of ``box``'s height."""
    per_page = max(1, int(box.height() // LINE_HEIGHT))
    wrapped: list[Line] = []
    for line in lines:
        wrapped += _wrap(line, box.width())
    pages: list[list[Line]] = [[]]
    for line in wrapped:
        if len(pages[-1]) >= per_page:
            pages.append([])
        if line.kind == "gap" and not pages[-1]:
            continue
        pages[-1].append(line)
    return pages


def _wrap(line: Line, width: float) -> list[Line]:
    indent = _indent(line)
    if line.kind in ("metric", "gap", "heading"):
        return [line]
    metrics = measure(export_font(8.5))
    words, rows, current = line.text.split(" "), [], ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(trial) > width - indent:
            rows.append(current)
            current = word
        else:
            current = trial
    rows.append(current)
    first = Line(rows[0], line.kind, line.severity)
    follow = line.kind if line.kind in ("people", "advice") else "more"
    return [first] + [Line(row, follow) for row in rows[1:]]


def _indent(line: Line) -> float:
    return 0.0 if line.kind in ("heading", "metric", "text", "gap") else 64.0


def paint_lines(painter: QPainter, box: QRectF, lines: list[Line]) -> None:
    painter.save()
    y = box.top()
    text_font, bold = export_font(8.5), export_font(8.5, bold=True)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for line in lines:
        row = QRectF(box.left(), y, box.width(), LINE_HEIGHT)
        if line.kind == "heading":
            painter.setFont(export_font(11.0, bold=True))
            painter.setPen(INK)
            painter.drawText(row, flags, line.text)
        elif line.kind == "metric":
            painter.setFont(text_font)
            painter.setPen(INK)
            painter.drawText(row.adjusted(0, 0, -box.width() * 0.5, 0), flags, line.text)
            painter.setFont(bold)
            painter.drawText(row.adjusted(box.width() * 0.5, 0, 0, 0), flags, line.value)
        elif line.kind == "finding":
            painter.setFont(bold)
            painter.setPen(SEVERITY_COLOURS.get(line.severity, INK))
            painter.drawText(row, flags, SEVERITY_MARKS.get(line.severity, line.severity))
            painter.setFont(text_font)
            painter.setPen(INK)
            painter.drawText(row.adjusted(_indent(line), 0, 0, 0), flags, line.text)
        elif line.kind != "gap":
            painter.setFont(text_font)
            painter.setPen(MUTED if line.kind in ("people", "advice") else INK)
            painter.drawText(row.adjusted(_indent(line), 0, 0, 0), flags, line.text)
        y += LINE_HEIGHT
    painter.restore()

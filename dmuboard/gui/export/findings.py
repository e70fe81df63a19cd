"""The findings and scorecard pages of an Internal PDF or print.

The analysis (``dmuboard.analysis.analyze``) is read into plain lines of text, then
the lines are cut into pages of the export's size. Severity is given as a word and
a symbol next to its colour, so the page reads in greyscale too. Everything is
plain text. These pages never appear in a Proposal export.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from dmuboard.gui.qtapp import export_font, measure
from dmuboard.model.board import Board

SEVERITY_MARKS = {"high": "▲ High", "medium": "■ Medium", "low": "● Low"}
SEVERITY_COLOURS = {"high": QColor("#c0262d"), "medium": QColor("#b86a0c"), "low": QColor("#5d6673")}
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
INK = QColor("#1d232c")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the findings pages."""

    text: str
    kind: str = "text"  # heading, metric, finding, people, text, gap
    severity: str = ""
    value: str = ""


def analysis_lines(board: Board) -> list[Line]:
    """The scorecard and the findings of ``board`` as lines; a note if there is no analysis."""
    try:
        from dmuboard.analysis import analyze
    except ImportError:
        return [Line("Findings and scorecard", "heading"), Line("The analysis is not available in this build.")]
    result = analyze(board)
    return lines_for(board, _get(result, "metrics", {}), _get(result, "findings", []))


def lines_for(board: Board, metrics: Any, findings: Iterable[Any]) -> list[Line]:
    lines = [Line("Scorecard", "heading")]
    for key, value in _metric_items(metrics):
        lines.append(Line(METRIC_LABELS.get(key, key.replace("_", " ").capitalize()), "metric",
                          value=_show(key, value)))
    findings = list(findings)
    lines += [Line("", "gap"), Line(f"Findings ({len(findings)})", "heading")]
    if not findings:
        lines.append(Line("Nothing to flag."))
    for finding in findings:
        severity = str(_get(finding, "severity", "low"))
        lines.append(Line(str(_get(finding, "message", "")), "finding", severity=severity))
        names = [board.people[pid].name for pid in _get(finding, "people", []) if pid in board.people]
        if names:
            lines.append(Line("People: " + ", ".join(names), "people"))
    return lines


def _get(obj: Any, name: str, default: Any) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _metric_items(metrics: Any) -> list[tuple[str, Any]]:
    if isinstance(metrics, Mapping):
        return list(metrics.items())
    if hasattr(metrics, "__dataclass_fields__"):
        return [(name, getattr(metrics, name)) for name in metrics.__dataclass_fields__]
    return list(vars(metrics).items()) if hasattr(metrics, "__dict__") else []


def _show(key: str, value: Any) -> str:
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
    return [first] + [Line(row, "people" if line.kind == "people" else "more") for row in rows[1:]]


def _indent(line: Line) -> float:
    return {"finding": 64.0, "people": 64.0, "more": 64.0}.get(line.kind, 0.0)


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
            painter.setPen(QColor("#5d6673") if line.kind == "people" else INK)
            painter.drawText(row.adjusted(_indent(line), 0, 0, 0), flags, line.text)
        y += LINE_HEIGHT
    painter.restore()

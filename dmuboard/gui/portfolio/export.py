"""The portfolio on paper: a PDF with a page per view (boards, patterns, our people), and CSV.

The HTML handed to Qt is built here with every piece of user text escaped.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from dmuboard.boardio import write_text_atomically
from dmuboard.gui.portfolio.table import COLUMNS
from dmuboard.gui.portfolio.views import closed_groups, patterns_text
from dmuboard.portfolio.csvout import portfolio_csv
from dmuboard.portfolio.people import our_people
from dmuboard.portfolio.summary import BoardSummary

_BREAK = '<div style="page-break-before: always;"></div>'


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"


def portfolio_html(rows: list[BoardSummary]) -> str:
    shown = [c for c in COLUMNS if c[0] not in ("Currency", "Changed")]
    board_rows = []
    for row in rows:
        if row.error is not None:
            board_rows.append([Path(row.path).name, row.error] + [""] * (len(shown) - 2))
        else:
            board_rows.append([text(row) for _, text, _ in shown])
    people = [[p.name, str(len(p.accounts)), str(len(p.only_thread))] for p in our_people(rows)]
    patterns = html.escape(patterns_text(closed_groups(rows)))
    return (
        f"<h2>Portfolio: {len(rows)} boards</h2>" + _table([c[0] for c in shown], board_rows)
        + _BREAK + "<h2>Patterns: what won deals teach</h2>" + f"<pre>{patterns}</pre>"
        + _BREAK + "<h2>Our people across accounts</h2>"
        + _table(["Our person", "Accounts", "Only thread in"], people)
    )


def write_pdf(path: Path, rows: list[BoardSummary]) -> None:
    """A4 landscape, a page (or more) per view; written beside ``path`` and renamed into place."""
    temporary = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(temporary))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle("DMU Board portfolio")
    document = QTextDocument()
    document.setDefaultStyleSheet("td, th { font-size: 8pt; } pre { font-size: 8pt; }")
    document.setHtml(portfolio_html(rows))
    layout = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(layout.width(), layout.height()))
    document.print_(writer)
    del writer  # closes the file
    temporary.replace(path)


def write_csv(path: Path, rows: list[BoardSummary]) -> None:
    write_text_atomically(path, portfolio_csv(rows), replace=True)

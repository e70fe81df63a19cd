"""Auto-Layout against Graphviz ``dot`` on the same customer-side graph and card sizes.

For the sample board, the boards in tests/data and generated boards of 30, 100 and
300 people: lines drawn across cards they do not end on, overlapping cards, line
crossings (of the customer's lines: reporting, influence, conflict), reporting lines
pointing up, and time. ``dot`` (the Debian package graphviz) is for this benchmark
only; without it the comparison says so and the target on crossings is not met.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

from bench.harness import ROOT, Result, repeat, summary
from dmuboard.layout.arrange import auto_layout, card_size
from dmuboard.layout.cards import Point, Rect
from dmuboard.layout.geometry import board_geometry
from dmuboard.layout.quality import Quality, measure
from dmuboard.model import jsonformat
from dmuboard.model.board import Board
from dmuboard.model.generate import generate_board
from dmuboard.store import BoardFile

CUSTOMER_KINDS = ("reports_to", "influences", "conflict")


def boards() -> list[tuple[str, Board]]:
    out = [("sample", jsonformat.loads((ROOT / "resources" / "sample.json").read_text(encoding="utf-8")))]
    for path in sorted((ROOT / "tests" / "data").glob("*.dmu")):
        with BoardFile.open(path, read_only="benchmark") as store:
            out.append((path.name, store.board))
    out += [(f"generated {n}", generate_board(n, seed=2026)) for n in (30, 100, 300)]
    return out


def ours(board: Board) -> tuple[Quality, float, float]:
    """Quality of the program's drawing, the layout's time and the routing's time (s)."""
    start = time.perf_counter()
    spots = auto_layout(board, keep_pinned=False)
    layout_time = time.perf_counter() - start
    people = {pid: replace(p, x=spots[pid][0], y=spots[pid][1]) for pid, p in board.people.items()}
    laid = Board(board.info, people, board.links)
    start = time.perf_counter()
    geometry = board_geometry(laid)
    route_time = time.perf_counter() - start
    customers = {p.id for p in board.customers()}
    cards = {pid: r for pid, r in geometry.cards.items() if pid in customers}
    lines = [(k.link.source, k.link.target, k.link.kind, k.points) for k in geometry.lines
             if k.link.kind in CUSTOMER_KINDS and k.link.source in customers and k.link.target in customers]
    everything = measure(geometry.cards, [(k.link.source, k.link.target, k.link.kind, k.points)
                                          for k in geometry.lines])
    side = measure(cards, lines)
    return replace(side, across_cards=everything.across_cards, overlapping=everything.overlapping), \
        layout_time, route_time


def _layout_time(board: Board) -> float:
    start = time.perf_counter()
    auto_layout(board, keep_pinned=False)
    return time.perf_counter() - start


def dot(board: Board, folder: Path) -> tuple[Quality, float]:
    """The same customer-side graph drawn by ``dot``, its own spline routes flattened."""
    customers = [p for p in board.customers()]
    ids = {p.id: f"n{i}" for i, p in enumerate(customers)}
    names = {v: k for k, v in ids.items()}
    text = ["digraph G {", "node [shape=box fixedsize=true label=\"\"];", "nodesep=0.5; ranksep=0.97;"]
    for p in customers:
        w, h = card_size(p)
        text.append(f"{ids[p.id]} [width={w / 72:.4f} height={h / 72:.4f}];")
    for k in board.links.values():
        if k.kind in CUSTOMER_KINDS and k.source in ids and k.target in ids:
            if k.kind == "reports_to":  # the manager ranks above
                text.append(f"{ids[k.target]} -> {ids[k.source]} [id={k.id}];")
            else:
                text.append(f"{ids[k.source]} -> {ids[k.target]} [constraint=false id={k.id}];")
    text.append("}")
    source = folder / "graph.dot"
    source.write_text("\n".join(text), encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run(["dot", "-Tplain", str(source)], capture_output=True, text=True, check=True, timeout=300)
    elapsed = time.perf_counter() - start
    cards: dict[str, Rect] = {}
    lines: list[tuple[str, str, str, list[Point]]] = []
    height = 0.0
    kinds = {(ids[k.source], ids[k.target]): k for k in board.links.values() if k.source in ids and k.target in ids}
    for row in done.stdout.splitlines():
        parts = row.split()
        if parts[0] == "graph":
            height = float(parts[3]) * 72
        elif parts[0] == "node":
            x, y, w, h = (float(v) * 72 for v in parts[2:6])
            cards[names[parts[1]]] = (x - w / 2, height - y - h / 2, x + w / 2, height - y + h / 2)
        elif parts[0] == "edge":
            tail, head, count = parts[1], parts[2], int(parts[3])
            control = [(float(parts[4 + 2 * i]) * 72, height - float(parts[5 + 2 * i]) * 72) for i in range(count)]
            link = kinds.get((head, tail)) if (head, tail) in kinds and kinds[(head, tail)].kind == "reports_to" \
                else kinds.get((tail, head))
            if link is None:
                continue
            lines.append((link.source, link.target, link.kind, _flatten(control)))
    return measure(cards, lines), elapsed


def _flatten(control: list[Point]) -> list[Point]:
    """A B-spline of cubic pieces as points at most 4 units apart."""
    out = [control[0]]
    for i in range(0, len(control) - 3, 3):
        p0, p1, p2, p3 = control[i:i + 4]
        steps = max(1, math.ceil((math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)) / 4))
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            out.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                        u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
    return out


def _words(q: Quality) -> str:
    return (f"across cards {q.across_cards}, overlaps {q.overlapping}, crossings {q.crossings}, "
            f"up {q.up}/{q.reporting}")


def layout(folder: Path, runs: int) -> list[Result]:
    results = []
    have_dot = shutil.which("dot") is not None
    for name, board in boards():
        quality, _, route_time = ours(board)
        samples = repeat(lambda board=board: _layout_time(board), runs)
        median, low, high = summary(samples)
        theirs = dot(board, folder) if have_dot else None
        note = f"ours: {_words(quality)}, routing {route_time * 1000:.0f} ms"
        if theirs is not None:
            note += f"; dot: {_words(theirs[0])}, {theirs[1] * 1000:.0f} ms (whole process)"
        else:
            note += "; dot: not installed (apt-get install graphviz)"
        limit = 0.2 if len(board.people) >= 300 else None
        met = (quality.across_cards == 0 and quality.overlapping == 0 and quality.up == quality.reporting
               and theirs is not None and quality.crossings <= theirs[0].crossings
               and (limit is None or median <= limit))
        target = "0 across, 0 overlaps, all up, crossings <= dot's" + (", <= 200 ms" if limit else "")
        results.append(Result(f"auto-layout {name} ({len(board.people)} people)", "ms", median * 1000,
                              low * 1000, high * 1000, len(samples), target, met, note=note,
                              samples=[s * 1000 for s in samples]))
    return results

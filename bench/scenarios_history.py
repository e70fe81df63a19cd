"""Scenarios of the board's history: opening with a long history, its size on disk,
showing a past moment, and comparing two moments."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from bench.harness import Result, interleaved, repeat, summary, timed
from dmuboard.model.board import STANCES, Board
from dmuboard.model.document import Change, Document
from dmuboard.model.generate import generate_board
from dmuboard.model.history import Entry, Timeline, delta_of
from dmuboard.store import BoardFile, write_new

SEED = 2026


def recorded(people: int, changes: int) -> tuple[Board, list[Entry]]:
    """A board after ``changes`` small edits (moves, stances, strengths, adds and
    removes), and the history that records them, as a person's months of work make it."""
    rng = random.Random(SEED)
    doc = Document(generate_board(people, seed=SEED))
    entries = []
    for n in range(changes):
        board = doc.board
        roll = rng.random()
        customers = [p for p in board.people.values() if p.is_customer]
        person = rng.choice(customers)
        if roll < 0.7:
            change = Change(people=(replace(person, x=rng.uniform(-900, -100), y=rng.uniform(-500, 500)),),
                            label="Move")
        elif roll < 0.85:
            change = Change(people=(replace(person, stance=rng.choice(STANCES)),), label="Stance")
        elif roll < 0.95 and any(link.kind == "relationship" for link in board.links.values()):
            link = rng.choice([link for link in board.links.values() if link.kind == "relationship"])
            change = Change(links=(replace(link, strength=rng.randint(1, 5)),), label="Strength")
        elif roll < 0.98:
            pid = doc.new_person_id("customer")
            change = Change(people=(replace(person, id=pid, name=f"New {n}", notes=""),), label="Add person")
        else:
            change = doc.removal([person.id], label="Delete")
        entries.append(Entry(f"2026-{1 + n * 11 // changes:02d}-01T10:00:00Z", "Sam de Wit",
                             delta=delta_of(board, change), label=change.label))
        doc.apply(change)
    return doc.board, entries


def _open_and_close(path: Path) -> float:
    return timed(lambda: BoardFile.open(path).close())


def open_with_history(folder: Path, runs: int) -> list[Result]:
    """Opening a 300-person board with 10,000 recorded changes against the same board without."""
    board, entries = recorded(300, 10_000)
    with_history, without = folder / "history-10000.dmu", folder / "history-none.dmu"
    write_new(with_history, board, history=entries)
    write_new(without, board)
    ours, base = interleaved(lambda: _open_and_close(with_history), lambda: _open_and_close(without), runs * 3)
    median, low, high = summary(ours)
    base_median = summary(base)[0]
    ratio = median / base_median
    results = [Result("open, 300 people with 10,000 changes vs none", "ms", median * 1e3, low * 1e3, high * 1e3,
                      len(ours), "ratio <= 1.2", ratio <= 1.2, base_median * 1e3, ratio, samples=ours)]
    grown = (with_history.stat().st_size - without.stat().st_size) / len(entries)
    results.append(Result("file growth per small change (10,000 recorded)", "B", grown, grown, grown, 1,
                          "<= 200 B", grown <= 200))
    return results


def past_moment(folder: Path, runs: int) -> list[Result]:
    """The board of a past moment of a 300-person board with 10,000 changes: reading
    and checking the history once, then any moment (as the timeline's slider does)."""
    board, entries = recorded(300, 10_000)
    path = folder / "history-moments.dmu"
    write_new(path, board, history=entries)
    store = BoardFile.open(path)
    holder: list[Timeline] = []
    loads = repeat(lambda: timed(lambda: holder.append(store.timeline())), runs)
    timeline = holder[-1]
    rng = random.Random(SEED)
    moments = repeat(lambda: timed(lambda: timeline.board_at(rng.randrange(timeline.end))), runs * 10)
    store.close()
    results = []
    for name, samples in (("history read and checked, 300 people, 10,000 changes", loads),
                          ("past moment shown, 300 people, 10,000 changes", moments)):
        median, low, high = (v * 1e3 for v in summary(samples))
        results.append(Result(name, "ms", median, low, high, len(samples), "<= 150 ms", median <= 150,
                              samples=samples))
    return results


def diff_moments(folder: Path, runs: int) -> list[Result]:
    """What changed between two moments of a 2,000-person board: people, links and findings."""
    from dmuboard.analysis.changes import changes_between

    board, entries = recorded(2000, 2000)
    timeline = Timeline(board, entries)
    before, after = timeline.board_at(0), timeline.board_at(timeline.end)
    samples = repeat(lambda: timed(lambda: changes_between(before, after, since="start", until="now")), runs * 3)
    median, low, high = (v * 1e3 for v in summary(samples))
    return [Result("diff of two moments, 2,000 people (2,000 changes apart)", "ms", median, low, high,
                   len(samples), "<= 100 ms", median <= 100, samples=samples)]

"""The portfolio at the size of a real one: 500 boards of 20 to 300 people.

Listing them with no cache (every board read and analysed), listing them again (the
summary cache reuses every row after checking each file's key), and a change written
to one board until its row in the portfolio shows it.
"""

from __future__ import annotations

import random
from pathlib import Path

from bench.harness import Result, repeat, summary, timed
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from dmuboard.model.generate import generate_board
from dmuboard.portfolio import SummaryCache, board_paths
from dmuboard.store import BoardFile, write_new

BOARDS = 500


def library(folder: Path) -> Path:
    place = folder / "portfolio"
    if not place.exists():
        place.mkdir()
        rng = random.Random(2026)
        for i in range(BOARDS):
            write_new(place / f"account-{i:03d}.dmu", generate_board(rng.randint(20, 300), seed=i))
    return place


def portfolio(folder: Path, runs: int) -> list[Result]:
    place = library(folder)
    cold_samples = repeat(lambda: timed(lambda: SummaryCache().summaries(board_paths([place]))),
                          max(1, min(runs, 3)), warmup=1)
    cache = SummaryCache()
    cache.summaries(board_paths([place]))
    warm_samples = repeat(lambda: timed(lambda: cache.summaries(board_paths([place]))), runs * 2)

    target = place / "account-007.dmu"
    counter = [0]

    def change_seen() -> float:
        counter[0] += 1

        def write_and_list() -> None:
            with BoardFile.open(target) as store:
                ours = next(p for p in store.board.people.values() if p.side == "ours")
                theirs = [p for p in store.board.people.values() if p.side == "customer"]
                free = next(p for p in theirs if not any(
                    link.kind == "relationship" and ours.id in (link.source, link.target)
                    and p.id in (link.source, link.target) for link in store.board.links.values()))
                before = cache.summary(target).relationships
                store.write(Change(links=(Link(f"bench{counter[0]}", ours.id, free.id, "relationship"),)))
            rows = cache.summaries(board_paths([place]))
            assert next(r for r in rows if r.path == str(target)).relationships == before + 1

        return timed(write_and_list)

    change_samples = repeat(change_seen, runs)
    watched_samples = _watched(place, target, runs)
    results = []
    for name, samples, limit in (
        (f"portfolio, {BOARDS} boards, first listing", cold_samples, 2.0),
        (f"portfolio, {BOARDS} boards, cached listing", warm_samples, 0.3),
        ("portfolio, change on a board until its row shows it", change_samples, 0.5),
        ("portfolio window, change by another program until shown (watcher)", watched_samples, 0.5),
    ):
        median, low, high = summary(samples)
        results.append(Result(name, "s", median, low, high, len(samples), f"<= {limit} s", median <= limit,
                              samples=samples))
    return results


def _watched(place: Path, target: Path, runs: int) -> list[float]:
    """The GUI's library following a board that another program writes: from the change
    being on disk until the portfolio's rows show it, through QFileSystemWatcher."""
    import os
    import time
    import uuid

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dmuboard.gui.portfolio.library import Library
    from dmuboard.portfolio.library import LIBRARY_VARIABLE

    app = QApplication.instance() or QApplication([])
    os.environ[LIBRARY_VARIABLE] = str(place)
    settings = QSettings(str(place.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
    library = Library(settings)
    library.refresh()
    samples = []
    for run in range(runs + 1):
        before = next(r for r in library.rows if r.path == str(target)).relationships
        with BoardFile.open(target) as store:
            ours = next(p for p in store.board.people.values() if p.side == "ours")
            linked = {(link.source, link.target) for link in store.board.links.values()}
            free = next(p for p in store.board.people.values() if p.side == "customer"
                        and (ours.id, p.id) not in linked and (p.id, ours.id) not in linked)
            store.write(Change(links=(Link(f"watch{uuid.uuid4().hex[:12]}", ours.id, free.id, "relationship"),)))
            start = time.perf_counter()  # the change is on disk: from here until the portfolio shows it
        while next(r for r in library.rows if r.path == str(target)).relationships != before + 1:
            app.processEvents()
            if time.perf_counter() - start > 10:
                raise RuntimeError("the portfolio did not follow the change within 10 s")
        if run:
            samples.append(time.perf_counter() - start)
    return samples

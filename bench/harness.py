"""Running a scenario several times and reporting it fairly on a noisy machine.

Every figure is a median with its spread (min..max) over repeated runs, and where a
target is relative, the baseline is measured in the same run, interleaved with the
scenario, so that both see the same machine load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    scenario: str
    unit: str
    median: float
    low: float
    high: float
    runs: int
    target: str
    met: bool
    baseline: float | None = None
    ratio: float | None = None
    note: str = ""
    samples: list[float] = field(default_factory=list)


def summary(samples: list[float]) -> tuple[float, float, float]:
    return statistics.median(samples), min(samples), max(samples)


def repeat(run: Callable[[], float], times: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        run()
    return [run() for _ in range(times)]


def interleaved(run: Callable[[], float], base: Callable[[], float], times: int) -> tuple[list[float], list[float]]:
    """Alternate scenario and baseline so that both share the machine's moods."""
    run()
    base()
    ours, theirs = [], []
    for _ in range(times):
        ours.append(run())
        theirs.append(base())
    return ours, theirs


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_probe(module: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``python -m bench.probes.<module>`` and read the JSON line it prints last."""
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", f"bench.probes.{module}", *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {module} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_results(results: list[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "results": [asdict(r) for r in results],
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def table(results: list[Result]) -> str:
    lines = [
        f"{'scenario':<58} {'median':>10} {'spread':>21} {'baseline':>10} {'ratio':>6}  {'target':<26} result",
        "-" * 150,
    ]
    for r in results:
        spread = f"{r.low:.4g}..{r.high:.4g}"
        base = "" if r.baseline is None else f"{r.baseline:.4g}"
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        verdict = "ok" if r.met else "MISS"
        lines.append(
            f"{r.scenario:<58} {r.median:>8.4g}{r.unit:>2} {spread:>21} {base:>10} {ratio:>6}  {r.target:<26} {verdict}"
            + (f"  ({r.note})" if r.note else "")
        )
    return "\n".join(lines)

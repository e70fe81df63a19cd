"""`make bench`: every scenario of the performance targets, with medians, spreads and
ratios against baselines measured in the same run. Writes bench/results.json.

A scenario that misses its target is printed as MISS; one that cannot run is a MISS
with the reason.
"""

from __future__ import annotations

import argparse
import compileall
import sys
import tempfile
import traceback
from pathlib import Path

from bench.harness import ROOT, Result, table, write_results

SCENARIOS = [
    ("startup", "scenarios_gui", "startup"),
    ("gui-open", "scenarios_gui", "open_large"),
    ("drag", "scenarios_gui", "drag"),
    ("change", "scenarios_core", "change_write"),
    ("analysis", "scenarios_core", "analysis"),
    ("export", "scenarios_export", "export_pdf"),
    ("export-png", "scenarios_export", "export_png_vs_pdf"),
    ("export-pptx", "scenarios_export", "export_pptx"),
    ("memory", "scenarios_gui", "memory"),
    ("layout", "scenarios_layout", "layout"),
    ("history-open", "scenarios_history", "open_with_history"),
    ("history-moment", "scenarios_history", "past_moment"),
    ("history-diff", "scenarios_history", "diff_moments"),
    ("portfolio", "scenarios_portfolio", "portfolio"),
]


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repetitions per scenario (default 5)")
    parser.add_argument("--only", action="append", help="run only these scenarios: "
                        + ", ".join(name for name, _, _ in SCENARIOS))
    options = parser.parse_args()
    # An installed copy runs from compiled bytecode (pip compiles on install, the frozen
    # build ships it); a checkout run with PYTHONDONTWRITEBYTECODE would compile every
    # module of the program on each start, which no user pays.
    compileall.compile_dir(ROOT / "dmuboard", quiet=1)
    compileall.compile_dir(ROOT / "bench", quiet=1)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="dmubench-") as folder:
        for name, module_name, function in SCENARIOS:
            if options.only and name not in options.only:
                continue
            print(f"running {name} ...", file=sys.stderr, flush=True)
            try:
                module = __import__(f"bench.{module_name}", fromlist=[function])
                results.extend(getattr(module, function)(Path(folder), options.runs))
            except Exception as error:  # a scenario that cannot run is reported, never hidden
                traceback.print_exc()
                results.append(Result(name, "", 0, 0, 0, 0, "", False, note=f"could not run: {error}"))
    print(table(results))
    write_results(results, ROOT / "bench" / "results.json")
    misses = [r.scenario for r in results if not r.met]
    missed = f"; missed: {', '.join(misses)}" if misses else ""
    print(f"\n{len(results) - len(misses)} of {len(results)} targets met{missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Damaged and hostile board files: every check, analyze and open ends cleanly.

2,000 seeded cases (``DMUBOARD_FUZZ_CASES`` changes the number) start from the
sample board and a generated board, as ``.dmu`` and ``.json``, and mutate them at
the byte level and at the structure level (:mod:`tests.fuzzing`). For each case,
``dmuboard check`` and ``dmuboard analyze`` exit 0 or 1 with no traceback and no
"internal error", a refusal is one line on stderr, and opening the file gives a
board or a :class:`UserError`, agreeing with ``check``. A failure names the seed
that reproduces it: ``DMUBOARD_FUZZ_SEED=<seed>`` runs that one case.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dmuboard import boardio, cli
from dmuboard.model.errors import UserError
from dmuboard.model.generate import generate_board
from dmuboard.store import BoardFile
from tests import fuzzing, summary

CASES = int(os.environ.get("DMUBOARD_FUZZ_CASES", "2000"))
ONLY_SEED = os.environ.get("DMUBOARD_FUZZ_SEED")
# The share of the cases each family gets: SQL-level cases open a whole board three
# times each, so they get fewer than the cheaper byte-level ones.
SHARES = {"dmu-bytes": 0.25, "dmu-sql": 0.15, "json-bytes": 0.3, "json-structure": 0.3}
FAMILIES = tuple(SHARES)
# over all families, for the summary line; "repairable": breaks a rule, opens read-only
# offering the smallest fix (issue 15 point 4), and check refuses it
OUTCOMES = {"board": 0, "refused": 0, "repairable": 0}


@dataclass
class Seeds:
    """The valid boards every case starts from."""

    dmu: tuple[Path, ...]
    json: tuple[Path, ...]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    folder = tmp_path_factory.mktemp("seeds")
    assert cli.main(["demo", str(folder / "sample.dmu")]) == 0
    assert cli.main(["demo", str(folder / "sample.json")]) == 0
    generated = generate_board(24, seed=7)
    boardio.write_board(folder / "generated.dmu", generated)
    boardio.write_board(folder / "generated.json", generated)
    return Seeds(dmu=(folder / "sample.dmu", folder / "generated.dmu"),
                 json=(folder / "sample.json", folder / "generated.json"))


def make_case(family: str, rng: random.Random, seeds: Seeds, folder: Path) -> tuple[Path, str]:
    """Write one mutated file for ``family`` into ``folder``; return it and what was done."""
    if family == "dmu-sql":
        source = rng.choice(seeds.dmu)
        target = folder / "case.dmu"
        return target, fuzzing.mutate_dmu(source, target, rng)
    if family == "dmu-bytes":
        source = rng.choice(seeds.dmu)
        data, done = fuzzing.mutate_bytes(source.read_bytes(), rng)
    elif family == "json-bytes":
        source = rng.choice(seeds.json)
        data, done = fuzzing.mutate_bytes(source.read_bytes(), rng, page_size=512)
    else:
        source = rng.choice(seeds.json)
        data, done = fuzzing.mutate_json(source.read_bytes(), rng)
    # A few cases go without the extension, so the reader guesses the kind from the bytes.
    suffix = "" if rng.random() < 0.05 else source.suffix
    target = folder / f"case{suffix}"
    target.write_bytes(data)
    return target, done


def problems_with(path: Path, capsys: pytest.CaptureFixture[str], analyze_json: bool) -> tuple[list[str], str]:
    """Everything wrong with how check, analyze and open treat ``path`` (empty: all clean),
    and what opening it gave."""
    found: list[str] = []
    codes = {}
    for argv in (["check", str(path)], ["analyze", str(path), *(["--json"] if analyze_json else [])]):
        code = cli.main(argv)
        out, err = capsys.readouterr()
        codes[argv[0]] = code
        if code not in (0, 1):
            found.append(f"{argv[0]} exited {code}")
        for bad in ("Traceback", "internal error"):
            if bad in out or bad in err:
                found.append(f"{argv[0]} printed {bad!r}: {(err or out)[:300]}")
        if code == 1 and not (err.startswith("dmuboard: ") and err.count("\n") == 1):
            found.append(f"{argv[0]} refused without one clear line: {err[:300]!r}")
        if code == 0 and err:
            found.append(f"{argv[0]} succeeded but wrote to stderr: {err[:300]!r}")
    opened = open_result(path)
    if opened.startswith("crash"):
        found.append(opened)
    elif (opened == "board") != (codes["check"] == 0):
        found.append(f"open gave {opened} but check exited {codes['check']}")
    if codes["check"] != codes["analyze"]:
        found.append(f"check exited {codes['check']} but analyze exited {codes['analyze']}")
    return found, opened


def open_result(path: Path) -> str:
    """``board``, ``refused`` or ``crash: ...`` for opening ``path`` the way the program does."""
    opener: Callable[[], object]
    if boardio.kind_of(path) == "dmu":
        def opener() -> object:
            with BoardFile.open(path) as store:
                store.document()
                return "repairable" if store.repair is not None else "board"
    else:
        def opener() -> object:
            return boardio.read_board(path)
    try:
        if opener() == "repairable":
            return "repairable"
    except UserError as error:
        if not error.message or "\n" in error.message.strip():
            return f"crash: refusal without a one-line message: {error.message[:200]!r}"
        return "refused"
    except Exception as error:
        return f"crash: open raised {type(error).__name__}: {str(error)[:200]}"
    return "board"


def run_family(family: str, seeds: Seeds, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    count = round(CASES * SHARES[family])
    if family == FAMILIES[-1]:  # rounding never loses or adds a case
        count = CASES - sum(round(CASES * SHARES[f]) for f in FAMILIES[:-1])
    names = [f"{family}-{i}" for i in range(count)]
    if ONLY_SEED is not None:
        names = [ONLY_SEED] if ONLY_SEED.startswith(family) else []
    failures: list[str] = []
    outcomes = {"board": 0, "refused": 0, "repairable": 0}
    for seed in names:
        rng = random.Random(seed)
        try:
            path, done = make_case(family, rng, seeds, folder)
            problems, opened = problems_with(path, capsys, analyze_json=rng.random() < 0.5)
            if opened in outcomes:
                outcomes[opened] += 1
        except Exception as error:  # the harness itself must not hide a case
            done, problems = "?", [f"harness raised {type(error).__name__}: {error}"]
        if problems:
            failures.append(f"DMUBOARD_FUZZ_SEED={seed} ({done[:160]}): {'; '.join(problems)}")
        for leftover in folder.iterdir():
            leftover.unlink()
    for outcome, count in outcomes.items():
        OUTCOMES[outcome] += count
    summary.record("fuzz", len(names), len(failures), unit="cases",
                   detail=f"{OUTCOMES['board']} read as boards, {OUTCOMES['refused']} refused, "
                          f"{OUTCOMES['repairable']} shown read-only to repair")
    assert not failures, f"{len(failures)} of {len(names)} cases failed:\n" + "\n".join(failures[:20])


@pytest.mark.parametrize("family", FAMILIES)
def test_mutated_files_end_in_a_board_or_a_clear_refusal(
    family: str, seeds: Seeds, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every mutated board is either read or refused in one line by check, analyze and open alike."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cases"
    folder.mkdir()
    run_family(family, seeds, folder, capsys)


def test_the_mutators_really_damage_files(seeds: Seeds, tmp_path: Path) -> None:
    """The mutators change the file in most cases, so the fuzz cases are not just valid boards."""
    changed = 0
    for family in FAMILIES:
        for i in range(40):
            rng = random.Random(f"probe-{family}-{i}")
            path, _ = make_case(family, rng, seeds, tmp_path)
            originals = seeds.dmu if path.suffix == ".dmu" else seeds.json
            changed += all(path.read_bytes() != original.read_bytes() for original in originals)
            path.unlink()
    assert changed >= 150

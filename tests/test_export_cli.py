"""``dmuboard export`` as a user runs it: formats, options, refusals, and no display."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QImageReader

from dmuboard.model import jsonformat
from dmuboard.sample import sample_board, sample_path
from tests.clikit import run

REPO = Path(__file__).resolve().parents[1]




def run_headless(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m dmuboard`` as its own program with no display and no Qt platform chosen."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONUNBUFFERED")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "dmuboard", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def pdf_of(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_export_runs_with_no_display_at_all(tmp_path: Path) -> None:
    """With DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset, a PDF is still written, and
    the program says so before it ends (it ends without Python's teardown)."""
    done = run_headless("export", sample_path(), "board.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == "wrote board.pdf\n"
    reader = pdf_of(tmp_path / "board.pdf")
    text = squash("".join(page.extract_text() for page in reader.pages))
    for person in sample_board().people.values():
        assert squash(person.name) in text


def test_a_proposal_from_the_command_line_hides_the_stances(tmp_path: Path) -> None:
    """``--profile proposal`` gives a PDF without any stance word, made with no display."""
    done = run_headless("export", sample_path(), "proposal.pdf", "--profile", "proposal", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in pdf_of(tmp_path / "proposal.pdf").pages)
    assert "Harm" in text
    assert not re.search(r"\b(champion|supporter|neutral|skeptic|blocker|unknown)\b", text, re.IGNORECASE)


def test_page_and_orientation_set_the_pdf_paper(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--page A3 --orientation portrait`` gives one A3 portrait page (the paper's name in any case)."""
    out = tmp_path / "a3.pdf"
    code, _, err = run(capsys, "export", sample_path(), out, "--page", "a3", "--orientation", "portrait")
    assert code == 0, err
    reader = pdf_of(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((842.0, 1191.0), abs=1.0)


@pytest.mark.parametrize(("page", "dpi", "size"), [("A4", 50, (585, 413)), ("Letter", 72, (792, 612))])
def test_a_png_on_paper_has_the_pixels_of_the_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, page: str, dpi: int, size: tuple[int, int]
) -> None:
    """The PNG's pixel size is the landscape page at ``--dpi``."""
    out = tmp_path / "board.png"
    code, _, err = run(capsys, "export", sample_path(), out, "--page", page, "--dpi", str(dpi))
    assert code == 0, err
    reader = QImageReader(str(out))
    assert (reader.size().width(), reader.size().height()) == size


def test_a_fit_png_grows_with_the_resolution(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Doubling ``--dpi`` doubles both sides of a fit picture (to the pixel)."""
    sizes = []
    for dpi in (40, 80):
        out = tmp_path / f"board{dpi}.png"
        code, _, err = run(capsys, "export", sample_path(), out, "--dpi", str(dpi))
        assert code == 0, err
        size = QImageReader(str(out)).size()
        sizes.append((size.width(), size.height()))
    assert abs(sizes[1][0] - 2 * sizes[0][0]) <= 1
    assert abs(sizes[1][1] - 2 * sizes[0][1]) <= 1


def test_an_svg_from_a_dmu_board(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A .dmu board exports to SVG as well as a .json document does."""
    board_file = tmp_path / "board.dmu"
    assert run(capsys, "demo", board_file)[0] == 0
    out = tmp_path / "board.svg"
    code, out_text, err = run(capsys, "export", board_file, out)
    assert code == 0, err
    assert str(out) in out_text
    assert "<text" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["board.pdf", "--dpi", "150"], ["board.svg", "--profile", "proposal"]])
def test_a_successful_export_says_where_it_wrote_and_nothing_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    """One line on stdout naming OUT; stderr stays empty (``--dpi`` is simply not needed by vectors)."""
    out = tmp_path / args[0]
    code, printed, err = run(capsys, "export", sample_path(), out, *args[1:])
    assert code == 0
    assert err == ""
    assert printed.strip() == f"wrote {out}"


def test_an_existing_out_is_refused_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """OUT is kept as it was unless ``--force`` is given; with it, OUT is replaced."""
    out = tmp_path / "board.pdf"
    out.write_bytes(b"keep me")
    code, _, err = run(capsys, "export", sample_path(), out)
    assert code == 1
    assert "--force" in one_error_line(err)
    assert out.read_bytes() == b"keep me"
    code, _, err = run(capsys, "export", sample_path(), out, "--force")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args", [
    ["board.gif"],
    ["board.pdf", "--dpi", "lots"],
    ["board.png", "--dpi", "0"],
    ["board.pdf", "--page", "A5"],
    ["board.pdf", "--profile", "customer"],
    ["board.pdf", "--orientation", "sideways"],
])
def test_usage_errors_exit_2_and_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    """A wrong extension or option value is a usage error: exit 2, nothing written."""
    code, _, err = run(capsys, "export", sample_path(), tmp_path / args[0], *args[1:])
    assert code == 2
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_board_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Bad input gets one line on stderr, exit 1, and no output file."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "dmuboard", "version": 1, "board": {"title": ""}}', encoding="utf-8")
    code, _, err = run(capsys, "export", bad, tmp_path / "out.pdf")
    assert code == 1
    assert "title" in one_error_line(err)
    assert not (tmp_path / "out.pdf").exists()


def test_an_unwritable_destination_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing folder or a file in the way of a folder gets one clear line and exit 1."""
    code, _, err = run(capsys, "export", sample_path(), tmp_path / "missing" / "board.pdf")
    assert code == 1
    assert "does not exist" in one_error_line(err)
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    code, _, err = run(capsys, "export", sample_path(), blocker / "board.pdf")
    assert code == 1
    assert "not a folder" in one_error_line(err)


def test_a_read_only_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the user may not write to is named in the refusal, and stays empty."""
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    code, _, err = run(capsys, "export", sample_path(), folder / "board.png")
    assert code == 1
    assert "read-only" in one_error_line(err)
    assert list(folder.iterdir()) == []


def test_findings_add_pages_to_an_internal_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--findings`` adds the scorecard and findings; under ``--profile proposal`` it adds nothing."""
    internal, proposal = tmp_path / "internal.pdf", tmp_path / "proposal.pdf"
    assert run(capsys, "export", sample_path(), internal, "--page", "A4", "--findings")[0] == 0
    assert run(capsys, "export", sample_path(), proposal, "--page", "A4", "--findings",
               "--profile", "proposal")[0] == 0
    internal_text = "".join(page.extract_text() for page in pdf_of(internal).pages)
    assert len(pdf_of(internal).pages) > 1 and "Scorecard" in internal_text
    assert len(pdf_of(proposal).pages) == 1


def test_a_board_with_markup_in_its_text_exports_it_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A name typed as markup is printed as those characters in the PDF."""
    document = jsonformat.board_to_document(sample_board())
    document["people"][0]["name"] = "<u>Harm</u> & co"
    source = tmp_path / "markup.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "markup.pdf"
    code, _, err = run(capsys, "export", source, out, "--page", "A3")
    assert code == 0, err
    text = squash("".join(page.extract_text() for page in pdf_of(out).pages))
    assert squash("<u>Harm</u> & co") in text

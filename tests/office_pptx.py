"""The PowerPoint export opened by LibreOffice Impress, headless: ``make office-check``.

Not part of ``make test``: it needs LibreOffice (``apt-get install -y libreoffice-impress``
on Debian and Ubuntu; ``soffice`` on the PATH), and fails saying so when it is missing.
Each file is converted to PDF the way Impress opens it; the PDF must have one page per
slide and show every person's name.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from pptx import Presentation
from pytestqt.qtbot import QtBot

from dmuboard.gui.export import ExportOptions, render_bytes
from dmuboard.sample import sample_board


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is not installed: apt-get install -y libreoffice-impress"
    return found


@pytest.mark.parametrize("profile", ["internal", "proposal"])
def test_impress_opens_the_slides(qtbot: QtBot, tmp_path: Path, profile: str) -> None:
    board = sample_board()
    source = tmp_path / f"{profile}.pptx"
    source.write_bytes(render_bytes(board, ExportOptions(format="pptx", profile=profile,
                                                         findings_page=profile == "internal")))
    profile_dir = tmp_path / "lo-profile"
    done = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile_dir}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=240, check=False)
    converted = tmp_path / f"{profile}.pdf"
    assert done.returncode == 0 and converted.is_file(), done.stderr
    reader = pypdf.PdfReader(io.BytesIO(converted.read_bytes()))
    assert len(reader.pages) == len(Presentation(str(source)).slides)
    text = re.sub(r"\s+", "", reader.pages[0].extract_text())
    for person in board.people.values():
        assert re.sub(r"\s+", "", person.name) in text

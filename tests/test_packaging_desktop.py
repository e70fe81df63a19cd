"""The Linux desktop integration (menu entry, .dmu file type, icons) and the schema-v1 fixture
that `make dist-check` opens with the built program."""

from __future__ import annotations

import configparser
import os
import sqlite3
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dmuboard.store.boardfile import BoardFile
from dmuboard.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
FIXTURE = ROOT / "tests" / "data" / "schema-v1.dmu"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "dmuboard.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_menu_entry_starts_dmuboard_on_the_chosen_file_with_its_icon() -> None:
    """The .desktop file is named DMU Board, runs `dmuboard %f`, shows the dmuboard icon and opens .dmu files."""
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "DMU Board"
    assert entry["Exec"] == "dmuboard %f"
    assert entry["Icon"] == "dmuboard"
    assert entry["Terminal"] == "false"
    assert "application/x-dmuboard" in entry["MimeType"].split(";")


def test_the_mime_type_knows_a_board_by_its_extension_and_by_its_sqlite_header() -> None:
    """application/x-dmuboard matches *.dmu, and SQLite files carrying the DMU Board application id."""
    root = ET.parse(PACKAGING / "dmuboard-mime.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == "application/x-dmuboard"
    desktop_types = desktop_entry()["MimeType"].split(";")
    assert mime.get("type") in desktop_types
    globs = [glob.get("pattern") for glob in mime.iter(f"{MIME_NS}glob")]
    assert globs == ["*.dmu"]
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert outer is not None and outer.get("offset") == "0"
    assert outer.get("value") == "SQLite format 3\\000"
    inner = outer.find(f"{MIME_NS}match")
    assert inner is not None and inner.get("type") == "big32" and inner.get("offset") == "68"
    assert int(inner.get("value", ""), 16) == APPLICATION_ID
    # A board the program wrote matches that magic byte for byte.
    header = FIXTURE.read_bytes()[:100]
    assert header[:16] == b"SQLite format 3\x00"
    assert struct.unpack(">I", header[68:72])[0] == APPLICATION_ID


def test_the_icon_comes_as_svg_and_in_the_png_sizes_menus_use() -> None:
    """dmuboard.svg, and PNG renderings of it at 256, 64 and 32 pixels."""
    ET.parse(RESOURCES / "dmuboard.svg")  # well-formed
    for name, size in (("dmuboard.png", 256), ("dmuboard-64.png", 64), ("dmuboard-32.png", 32)):
        assert png_size((RESOURCES / name).read_bytes()) == (size, size), name


def test_the_windows_icon_holds_every_size_from_16_to_256_pixels() -> None:
    """dmuboard.ico lists 16 to 256 px images, each a whole PNG of the size its entry claims."""
    data = (RESOURCES / "dmuboard.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _colours, _zero, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256
        assert png_size(data[offset : offset + length]) == (side, height or 256)
        assert data[offset + length - 8 : offset + length - 4] == b"IEND"
        sizes.append(side)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_the_macos_icon_is_a_whole_icns_file_with_png_images() -> None:
    """dmuboard.icns declares its own length and holds 128, 256 and 512 px PNG images."""
    data = (RESOURCES / "dmuboard.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, position = {}, 8
    while position < len(data):
        kind, length = data[position : position + 4], struct.unpack(">I", data[position + 4 : position + 8])[0]
        found[kind] = png_size(data[position + 8 : position + length])
        position += length
    assert found == {b"ic07": (128, 128), b"ic08": (256, 256), b"ic09": (512, 512)}


def test_the_fixture_is_a_board_of_the_oldest_schema_version() -> None:
    """tests/data/schema-v1.dmu is at the first migration, which dist-check opens to make the migrations run."""
    first = [
        path for path in (ROOT / "dmuboard/store/migrations/versions").glob("*.py")
        if "down_revision = None" in path.read_text(encoding="utf-8")
    ]
    assert len(first) == 1
    revision = first[0].read_text(encoding="utf-8").split('revision = "')[1].split('"')[0]
    connection = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
    finally:
        connection.close()
    store = BoardFile.open(FIXTURE, read_only="a test fixture")
    try:
        assert len(store.board.people) > 5 and store.board.links
    finally:
        store.close()


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """A stand-in for the unpacked Linux folder: a program, the installer and share/."""
    folder = tmp_path / "apps" / "DMU Board"
    (folder / "share").mkdir(parents=True)
    program = folder / "dmuboard"
    program.write_text("#!/bin/sh\necho dmuboard 0.1.0\n")
    program.chmod(0o755)
    (folder / "install-desktop-entry.sh").write_bytes((PACKAGING / "install-desktop-entry.sh").read_bytes())
    for name in ("dmuboard.desktop", "dmuboard-mime.xml"):
        (folder / "share" / name).write_bytes((PACKAGING / name).read_bytes())
    (folder / "share" / "dmuboard.svg").write_bytes((RESOURCES / "dmuboard.svg").read_bytes())
    for size, name in ((256, "dmuboard.png"), (64, "dmuboard-64.png"), (32, "dmuboard-32.png")):
        (folder / "share" / f"dmuboard-{size}.png").write_bytes((RESOURCES / name).read_bytes())
    return folder


def install(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["sh", str(folder / "install-desktop-entry.sh"), *args], env=environment, capture_output=True, text=True,
        timeout=60,
    )


def test_installing_the_desktop_entry_registers_menu_icon_file_type_and_command(unpacked: Path, tmp_path: Path) -> None:
    """The installer points the menu entry at this folder's program by full path, and --uninstall undoes it all."""
    home = tmp_path / "home"
    result = install(unpacked, home)
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    entry = (data / "applications" / "dmuboard.desktop").read_text(encoding="utf-8")
    assert f'Exec="{unpacked}/dmuboard" %f' in entry.splitlines()
    assert f"TryExec={unpacked}/dmuboard" in entry.splitlines()
    assert "Name=DMU Board" in entry.splitlines()
    assert (data / "mime" / "packages" / "dmuboard.xml").read_bytes() == (PACKAGING / "dmuboard-mime.xml").read_bytes()
    assert (data / "icons/hicolor/64x64/apps/dmuboard.png").read_bytes() == (RESOURCES / "dmuboard-64.png").read_bytes()
    assert (data / "icons/hicolor/scalable/apps/dmuboard.svg").is_file()
    command = home / ".local" / "bin" / "dmuboard"
    assert subprocess.run([str(command)], capture_output=True, text=True).stdout == "dmuboard 0.1.0\n"

    result = install(unpacked, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not (data / "applications" / "dmuboard.desktop").exists()
    assert not (data / "mime" / "packages" / "dmuboard.xml").exists()
    assert not (data / "icons/hicolor/256x256/apps/dmuboard.png").exists()
    assert not command.is_symlink()
    assert (unpacked / "dmuboard").is_file()  # the folder itself is left alone


def test_the_installer_refuses_to_run_outside_the_unpacked_folder(tmp_path: Path) -> None:
    """Copied away from the program, the installer says where to run it and changes nothing."""
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "install-desktop-entry.sh").write_bytes((PACKAGING / "install-desktop-entry.sh").read_bytes())
    home = tmp_path / "home"
    result = install(stray, home)
    assert result.returncode == 1
    assert "run me from the unpacked 'DMU Board' folder" in result.stderr
    assert not home.exists()

"""Quick checks of the desktop build recipe, dmuboard.spec, without building anything.

The spec is a Python file that PyInstaller runs with its own classes in scope; here it
runs with stand-ins that record what they are given, so the tests see exactly what the
real build would be asked to ship. The build itself is `make dist` and `make dist-check`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "dmuboard.spec"
MIGRATIONS = ROOT / "dmuboard" / "store" / "migrations"


class Recorder:
    """Stands in for one PyInstaller class and keeps the arguments of each call."""

    def __init__(self, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]], kind: str) -> None:
        self.calls, self.kind = calls, kind

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((self.kind, args, kwargs))
        result = type(self.kind, (), {})()
        result.__dict__.update(kwargs, binaries=[], datas=[], pure=[], scripts=[])
        return result


def run_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str = "linux") -> dict[str, dict[str, Any]]:
    """Run dmuboard.spec as PyInstaller would on ``platform``; keyword arguments by class name."""
    monkeypatch.setattr(sys, "platform", platform)
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    (tmp_path / "DMU Board").mkdir()
    scope: dict[str, Any] = {"SPECPATH": str(ROOT), "DISTPATH": str(tmp_path), "__file__": str(SPEC)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        scope[kind] = Recorder(calls, kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), scope)
    recorded = {kind: kwargs | {"args": args} for kind, args, kwargs in calls}
    recorded["scope"] = scope
    return recorded


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    return run_spec(tmp_path, monkeypatch)


def shipped(spec: dict[str, dict[str, Any]]) -> set[tuple[str, str]]:
    """(path relative to the source tree, folder in the bundle) of every data file."""
    datas = spec["Analysis"]["datas"]
    return {(str(Path(source).relative_to(ROOT)), folder.replace("\\", "/")) for source, folder in datas}


def test_the_build_is_one_folder_named_dmu_board_holding_the_dmuboard_program(spec: dict[str, Any]) -> None:
    """The folder an account manager unpacks is "DMU Board" and the program in it is dmuboard."""
    assert spec["COLLECT"]["name"] == "DMU Board"
    assert spec["EXE"]["name"] == "dmuboard"
    assert spec["EXE"]["exclude_binaries"] is True  # one folder, not one self-extracting file
    assert spec["EXE"]["console"] is True  # the commands print to the terminal
    assert Path(spec["Analysis"]["args"][0][0]) == ROOT / "dmuboard" / "__main__.py"


def test_the_sample_board_and_every_resource_ship_under_resources(spec: dict[str, Any]) -> None:
    """Everything in resources/ is shipped at resources/, where dmuboard.resources looks when frozen."""
    data = shipped(spec)
    assert ("resources/sample.json", "resources") in data
    assert ("resources/dmuboard.svg", "resources") in data
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file():
            relative = path.relative_to(ROOT)
            assert (str(relative), str(relative.parent)) in data


def test_every_migration_script_ships_as_a_real_file_beside_the_store(spec: dict[str, Any]) -> None:
    """env.py, the template and each version script land in dmuboard/store/migrations, where migrate.py looks."""
    data = shipped(spec)
    assert ("dmuboard/store/migrations/env.py", "dmuboard/store/migrations") in data
    assert ("dmuboard/store/migrations/script.py.mako", "dmuboard/store/migrations") in data
    versions = sorted((MIGRATIONS / "versions").glob("*.py"))
    assert versions
    for path in versions:
        assert (str(path.relative_to(ROOT)), "dmuboard/store/migrations/versions") in data
    assert not any("__pycache__" in source for source, _folder in data)


def test_what_the_migrations_and_the_dispatcher_import_is_bundled(spec: dict[str, Any]) -> None:
    """Modules reached only from migration scripts or by command name are hidden imports, and all of them exist."""
    hidden = set(spec["Analysis"]["hiddenimports"])
    assert {"alembic.op", "alembic.context", "sqlalchemy", "dmuboard.store.schema"} <= hidden
    for path in (ROOT / "dmuboard" / "commands").glob("*.py"):
        if path.stem != "__init__":
            assert f"dmuboard.commands.{path.stem}" in hidden
    assert "dmuboard.commands.__init__" not in hidden
    assert "dmuboard.store.schema.Base" not in hidden  # a class, not a module
    for name in hidden:
        assert spec["scope"]["is_module"](name), name


def test_every_module_a_migration_imports_is_a_hidden_import(spec: dict[str, Any]) -> None:
    """Each `import x` and `from x import y` in env.py and versions/*.py is listed for PyInstaller."""
    hidden = set(spec["Analysis"]["hiddenimports"])
    for path in [MIGRATIONS / "env.py", *(MIGRATIONS / "versions").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert {alias.name for alias in node.names} <= hidden, path.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                assert node.module in hidden, path.name


def test_only_the_qt_modules_the_program_uses_are_kept(spec: dict[str, Any]) -> None:
    """Every PySide6 module but Core, Gui, Widgets, Svg and PrintSupport is excluded, Qml and WebEngine included."""
    excludes = set(spec["Analysis"]["excludes"])
    used = {f"PySide6.{name}" for name in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")}
    assert not used & excludes
    assert used <= set(spec["Analysis"]["hiddenimports"])
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtSql", "QtOpenGLWidgets", "QtDesigner", "QtWebEngineCore",
                   "Qt3DCore", "QtMultimedia", "QtTest", "QtUiTools"):
        assert f"PySide6.{unused}" in excludes
    # The list follows the installed PySide6: a module it adds later is excluded too.
    import PySide6

    installed = {path.name.split(".")[0] for path in Path(PySide6.__file__).parent.glob("Qt?*.*")}
    assert {f"PySide6.{name}" for name in installed} - used <= excludes


def test_other_qt_bindings_heavy_networkx_extras_and_test_tools_are_excluded(spec: dict[str, Any]) -> None:
    """PyQt and PySide2, numpy/scipy/pandas/matplotlib/pygraphviz/pydot, tkinter and pytest stay out;
    python-pptx and the lxml and Pillow it needs (the PowerPoint export) stay in."""
    excludes = set(spec["Analysis"]["excludes"])
    expected = {"PyQt5", "PyQt6", "PySide2", "numpy", "scipy", "pandas", "matplotlib", "pygraphviz", "pydot",
                "tkinter", "pytest", "hypothesis"}
    assert expected <= excludes
    assert not {"networkx", "sqlalchemy", "alembic", "mako", "dmuboard", "pptx", "lxml", "PIL"} & excludes


def test_qt_files_the_program_never_loads_are_filtered_and_the_needed_plugins_kept(spec: dict[str, Any]) -> None:
    """Translations, embedded-device platforms and the GTK theme go; offscreen, xcb, wayland, svg and cups stay."""
    unwanted = spec["scope"]["unwanted_qt_file"]
    for dest in ("PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/plugins/platforms/libqeglfs.so",
                 "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                 "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "PySide6/translations/qtbase_fr.qm"):
        assert unwanted(dest), dest
    for dest in ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
                 "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "PySide6/Qt/lib/libQt6Svg.so.6", "resources/sample.json", "resources/translations/x.qm",
                 "PySide6/plugins/platforms/qwindows.dll", "PySide6\\plugins\\imageformats\\qsvg.dll"):
        assert not unwanted(dest), dest


def test_the_linux_folder_carries_what_the_desktop_entry_installer_needs(spec: dict[str, Any], tmp_path: Path) -> None:
    """Beside the program: install-desktop-entry.sh, and in share/ the .desktop file, MIME type and icons."""
    folder = tmp_path / "DMU Board"
    installer = (ROOT / "packaging" / "install-desktop-entry.sh").read_bytes()
    assert (folder / "install-desktop-entry.sh").read_bytes() == installer
    names = {path.name for path in (folder / "share").iterdir()}
    assert names == {"dmuboard.desktop", "dmuboard-mime.xml", "dmuboard.svg",
                     "dmuboard-256.png", "dmuboard-64.png", "dmuboard-32.png"}
    assert "BUNDLE" not in spec and spec["EXE"]["icon"] is None and spec["EXE"]["strip"] is True


def test_windows_gets_the_ico_icon_and_a_console_that_hides_when_started_from_explorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows the program is a console program (for the commands) whose own console window is hidden."""
    spec = run_spec(tmp_path, monkeypatch, "win32")
    assert spec["EXE"]["icon"] == str(ROOT / "resources" / "dmuboard.ico")
    assert Path(spec["EXE"]["icon"]).is_file()
    assert spec["EXE"]["console"] is True and spec["EXE"]["hide_console"] == "hide-early"
    assert spec["EXE"]["strip"] is False and "BUNDLE" not in spec
    assert not (tmp_path / "DMU Board" / "share").exists()


def test_macos_gets_an_app_bundle_that_opens_dmu_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS the folder becomes "DMU Board.app" with the .icns icon, the version, and .dmu as its document type."""
    spec = run_spec(tmp_path, monkeypatch, "darwin")
    bundle = spec["BUNDLE"]
    assert bundle["name"] == "DMU Board.app"
    assert Path(bundle["icon"]).is_file() and bundle["icon"].endswith(".icns")
    from dmuboard import __version__

    assert bundle["version"] == __version__
    declared = bundle["info_plist"]["UTExportedTypeDeclarations"][0]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["dmu"]
    assert bundle["info_plist"]["CFBundleDocumentTypes"][0]["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert spec["EXE"]["console"] is False  # a windowed .app; its executable still prints in Terminal


def test_dist_check_refuses_clearly_when_nothing_was_built(tmp_path: Path) -> None:
    """`make dist-check` before `make dist` says what to run, in one line, and fails."""
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "dist_check.sh"), str(tmp_path / "DMU Board")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    expected = f"dist-check: {tmp_path}/DMU Board/dmuboard not found; run 'make dist' first"
    assert result.stderr.strip().splitlines() == [expected]

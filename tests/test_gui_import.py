"""File > Import People... and File > Export Data..., driven as a user would (without modal loops)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from dmuboard.csvio import IGNORE
from dmuboard.gui.data.export_data import ExportDataDialog
from dmuboard.gui.data.import_wizard import BAD_CELL, LEFT_OUT, ImportDialog
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk, small_board

pytestmark = QT_NOISE
DATA = Path(__file__).parent / "data" / "csv"



def open_dialog(kit: WindowKit, csv_name: str | None = None) -> tuple[MainWindow, ImportDialog, Path]:
    path = kit.board()
    window = kit.window(path)
    assert window.editor is not None
    dialog = ImportDialog(window.editor, window)
    kit.qtbot.addWidget(dialog)
    if csv_name is not None:
        dialog.load(DATA / csv_name)
    return window, dialog, path


def fields_chosen(dialog: ImportDialog) -> dict[str, str]:
    assert dialog.table is not None
    return {dialog.table.header[i]: combo.currentData() for i, combo in enumerate(dialog.combos)}


def test_dutch_file_is_previewed_with_guessed_fields(kit: WindowKit) -> None:
    """Loading the Dutch Excel file shows how it was read, its first rows, and a guessed field per column."""
    _, dialog, _ = open_dialog(kit, "excel_nl.csv")
    assert dialog.info.text() == "excel_nl.csv: Windows-1252, semicolon-separated, 5 rows."
    assert fields_chosen(dialog) == {
        "Naam": "name", "Functie": "title", "Afdeling": "department", "Organisatie": "organisation",
        "Rol": "roles", "Houding": "stance", "Invloed": "influence", "Notities": "notes",
    }
    item = dialog.preview.item(1, 0)
    assert item is not None and item.text() == "Jürgen Müller"
    assert dialog.summary.text() == "5 new people."
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 5 People"


def test_import_is_one_undo_step_and_reaches_the_file(kit: WindowKit) -> None:
    """Importing adds everyone to the file at once; one undo takes them all away, redo brings them back."""
    window, dialog, path = open_dialog(kit, "excel_nl.csv")
    assert window.editor is not None
    stack = window.editor.undo_stack
    before = stack.count()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stack.count() == before + 1
    assert stack.undoText() == "Import 5 people from excel_nl.csv"
    names = {p.name for p in board_on_disk(path).people.values()}
    assert {"Jürgen Müller", "René Dekker"} <= names
    assert window.scene is not None and set(dialog.imported) <= set(window.scene.tokens)
    stack.undo()
    assert board_on_disk(path).people.keys() == small_board().people.keys()
    stack.redo()
    assert len(board_on_disk(path).people) == len(small_board().people) + 5


def test_bad_rows_block_the_import_until_skipped(kit: WindowKit) -> None:
    """A bad row is named in the summary and Import stays off until "skip bad rows" is ticked."""
    _, dialog, path = open_dialog(kit, "bad_role_nl.csv")
    assert dialog.summary.text().startswith("3 new people, 1 bad row (row 4, column Rol: 'baas' is not a role")
    assert dialog.problems.isVisibleTo(dialog)
    tinted = [(r, c) for r in range(1, dialog.preview.rowCount()) for c in range(dialog.preview.columnCount())
              if (item := dialog.preview.item(r, c)) is not None and item.background() == BAD_CELL]
    assert tinted == [(3, 2)]  # row 4 of the file, column Rol
    assert not dialog.import_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(board_on_disk(path).people) == len(small_board().people)
    dialog.skip_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.accept()
    assert {"Ann Smit", "Bob Vos", "Dirk Mol"} <= {p.name for p in board_on_disk(path).people.values()}


def test_changing_a_columns_field_changes_what_is_imported(kit: WindowKit) -> None:
    """Choosing fields by hand: a column left out, another used for notes, and a field moved between columns."""
    _, dialog, path = open_dialog(kit, "linkedin_connections.tsv")
    header = list(dialog.table.header) if dialog.table else []
    dialog.set_field(header.index("URL"), "notes")
    dialog.set_field(header.index("Company"), IGNORE)
    dialog.set_field(header.index("Connected On"), "title")  # takes the title away from Position
    assert fields_chosen(dialog)["Position"] == IGNORE
    position = dialog.preview.item(1, header.index("Position"))
    assert position is not None and position.foreground() == LEFT_OUT  # shown greyed out
    dialog.set_side("ours")
    assert dialog.sides.title() == "Put the people on"
    dialog.set_field(header.index("Email Address"), "side")
    assert dialog.sides.title() == "Put the people on (where the side column is empty)"
    dialog.set_field(header.index("Email Address"), IGNORE)
    dialog.accept()
    people = {p.name: p for p in board_on_disk(path).people.values()}
    sanne = people["Sanne de Boer"]
    assert (sanne.side, sanne.title, sanne.organisation) == ("ours", "12 Mar 2024", "")
    assert sanne.notes == "https://www.linkedin.com/in/sannedeboer"


def test_roles_on_our_side_are_explained_and_refused(kit: WindowKit) -> None:
    """Choosing our side for people with roles says why it cannot be, and offers no import."""
    _, dialog, _ = open_dialog(kit, "bad_role_nl.csv")
    dialog.set_side("ours")
    assert "people on our side have no DMU roles" in dialog.summary.text()
    dialog.skip_box.setChecked(True)
    assert not dialog.import_button.isEnabled()  # every row is bad: nobody to import


def test_no_name_column_says_what_to_do(kit: WindowKit) -> None:
    """Leaving no column for the names tells the user to choose one; Import stays off."""
    _, dialog, _ = open_dialog(kit, "excel_nl.csv")
    dialog.set_field(0, IGNORE)
    assert dialog.summary.text().startswith("No column holds the names")
    assert not dialog.import_button.isEnabled()


def test_a_binary_file_is_refused_in_the_dialog(kit: WindowKit) -> None:
    """A binary file is refused with a plain sentence and nothing to import."""
    _, dialog, _ = open_dialog(kit, "binary.csv")
    assert "is not a CSV file" in dialog.info.text()
    assert dialog.preview.columnCount() == 0
    assert not dialog.import_button.isEnabled()


def test_people_already_on_the_board_are_counted_not_added(kit: WindowKit, tmp_path: Path) -> None:
    """A file listing people already on the board adds only the new ones and says how many were there."""
    data = tmp_path / "again.csv"
    data.write_text("Name,Title\nIngrid Bakker,CFO\nSam de Wit,Account manager\nNew Person,CEO\n", encoding="utf-8")
    _, dialog, _ = open_dialog(kit)
    dialog.load(data)
    assert dialog.summary.text() == "1 new person, 2 already on the board."
    assert dialog.import_button.text() == "Import 1 Person"


def test_file_text_is_shown_as_plain_text(kit: WindowKit, tmp_path: Path) -> None:
    """Markup in a file's names and headers is shown as the characters typed, never rendered."""
    data = tmp_path / "markup.csv"
    data.write_text('Name,<b>Title</b>,Role\n"<img src=x>",<i>CFO</i>,<boss>\n', encoding="utf-8")
    _, dialog, _ = open_dialog(kit)
    dialog.load(data)
    item = dialog.preview.item(1, 0)
    assert item is not None and item.text() == "<img src=x>"
    header = dialog.preview.horizontalHeaderItem(1)
    assert header is not None and header.text() == "<b>Title</b>"
    assert "'<boss>' is not a role" in dialog.summary.text()
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in dialog.findChildren(QLabel) if "<" in label.text())


def test_the_file_menu_import_selects_the_new_people(kit: WindowKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """File > Import People... imports through the dialog, then selects the new people and says so."""
    window = kit.window(kit.board())
    action = window.action("import_people")
    assert action in window.menus["file"].actions()

    def run(dialog: ImportDialog) -> int:
        dialog.load(DATA / "hubspot_contacts.csv")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    action.trigger()
    assert window.scene is not None
    chosen = {window.scene.tokens[pid].person.name for pid in window.scene.selected_people()}
    assert chosen == {"Marieke de Jong", "Ahmed El Amrani", "Lotte Visser", "Kees Mulder", "Femke Smit", "Bram Peters"}
    assert "6 new people" in window.statusBar().currentMessage()


def test_a_read_only_board_refuses_the_import(kit: WindowKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a board opened read-only, Import People says why and opens no dialog."""
    path = kit.board()
    first = kit.window(path)
    second = kit.window(path)  # the first window holds the lock: this one is read-only
    assert first.opened is not None and second.editor is not None and second.editor.read_only
    errors: list[str] = []
    second.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: pytest.fail("no dialog on a read-only board"))
    second.action("import_people").trigger()
    assert errors and "read-only" in errors[0]


def test_export_people_as_semicolon_csv(kit: WindowKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """File > Export Data... writes the people as CSV with semicolons to the file chosen."""
    window = kit.window(kit.board())
    target = tmp_path / "out" / "people.csv"
    target.parent.mkdir()

    def run(dialog: ExportDataDialog) -> int:
        assert dialog.suggested_path().name == "acme people.csv"
        dialog.set_format("people-csv", ";")
        monkeypatch.setattr(dialog, "ask_path", lambda suggested: target)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExportDataDialog, "exec", run)
    window.action("export_data").trigger()
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:3] == ["id", "side", "name"]
    assert [r[2] for r in rows[1:]] == ["Ingrid Bakker", "Joost Visser", "Sanne de Boer", "Sam de Wit"]
    assert "people.csv" in window.statusBar().currentMessage()


def test_export_network_as_graphml(kit: WindowKit, tmp_path: Path, qtbot: Any) -> None:
    """The GraphML export holds every person and link of the board, for Gephi or yEd."""
    window = kit.window(kit.board())
    assert window.editor is not None
    dialog = ExportDataDialog(window.editor.document.board, tmp_path, "acme", window)
    qtbot.addWidget(dialog)
    dialog.set_format("graphml")
    assert not dialog.delimiter_box.isEnabled()
    assert dialog.export_to(tmp_path / "acme.graphml")
    graph = nx.read_graphml(tmp_path / "acme.graphml")
    assert set(graph.nodes) == {"p1", "p2", "p3", "u1"}
    assert {d["kind"] for _, _, d in graph.edges(data=True)} == {"reports_to", "relationship"}


def test_export_to_an_unwritable_place_says_why(kit: WindowKit, tmp_path: Path, qtbot: Any) -> None:
    """Exporting onto a folder keeps the dialog open with a plain reason."""
    window = kit.window(kit.board())
    assert window.editor is not None
    dialog = ExportDataDialog(window.editor.document.board, tmp_path, "acme", window)
    qtbot.addWidget(dialog)
    assert not dialog.export_to(tmp_path)
    assert "is a folder" in dialog.error.text()
    assert dialog.written is None

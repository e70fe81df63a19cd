"""File > Import People… and File > Export Data…, after Save a Copy As.

The dialogs and the CSV machinery are loaded when one of them is first used, not
with the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from dmuboard.gui.common.feature import ActionSpec, Feature, MenuSpec


class DataFeature(Feature):
    """The board's people and links in from a CSV file, and out for other programs."""

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return (
            ActionSpec("import_people", "&Import People…", self.import_people, "file", "2_save", 20,
                       tip="Add people from a CSV file (CRM or spreadsheet export)"),
            ActionSpec("export_data", "E&xport Data…", self.export_data, "file", "2_save", 30,
                       tip="Write the people and links as CSV, GraphML or JSON"),
        )

    def import_people(self) -> bool:
        from dmuboard.gui.data.import_wizard import import_people

        return import_people(self.context)

    def export_data(self) -> bool:
        from dmuboard.gui.data.export_data import export_data_dialog

        return export_data_dialog(self.context)

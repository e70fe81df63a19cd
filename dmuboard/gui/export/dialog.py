"""File > Export... and File > Print...: the choices of one export, in one dialog.

The dialog only gathers choices; :meth:`ExportDialog.options` turns them into
:class:`ExportOptions`. In print mode the paper comes from the printer, so format,
resolution and paper size are not asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dmuboard.gui.export.options import DEFAULT_DPI, DOCUMENTS, MAX_DPI, MIN_DPI, SCENE_DPI, ExportOptions

FORMAT_NAMES = {"png": "PNG picture", "pdf": "PDF document", "svg": "SVG drawing",
                "pptx": "PowerPoint slides (editable)"}
PAGE_NAMES = {"fit": "Fit to the board", "A4": "A4", "A3": "A3", "Letter": "Letter"}
PROFILE_TIPS = {
    "internal": "Everything on the board: stances, conflicts, badges, findings. For the team only.",
    "proposal": "Safe to show the customer: no stance colours or words, no notes or interests, "
                "no conflict lines, no badges, findings or scorecard.",
}


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ExportDialog(QDialog):
    """Format, profile, area, resolution and page of an export (or a print)."""

    def __init__(self, parent: QWidget | None = None, *, profile: str = "internal", selected: int = 0,
                 printing: bool = False, describe: Callable[[ExportOptions], str] | None = None) -> None:
        super().__init__(parent)
        self.printing = printing
        self.describe = describe
        self.setWindowTitle("Print" if printing else ("Export for Proposal" if profile == "proposal" else "Export"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.format = QComboBox()
        for key, name in FORMAT_NAMES.items():
            self.format.addItem(name, key)
        self.format.setCurrentIndex(1)
        if not printing:
            form.addRow("&Format:", self.format)

        self.profile_buttons = QButtonGroup(self)
        self.internal = QRadioButton("&Internal (everything)")
        self.proposal = QRadioButton("&Proposal (customer-safe)")
        row = QHBoxLayout()
        for button in (self.internal, self.proposal):
            self.profile_buttons.addButton(button)
            row.addWidget(button)
        form.addRow("Profile:", row)
        self.profile_tip = _label("")
        form.addRow("", self.profile_tip)

        self.area = QComboBox()
        self.area.addItem("The whole board", "board")
        self.area.addItem(f"The selection ({selected} people)" if selected else "The selection (none)", "selection")
        self.area.addItem("The current view", "view")
        self.area.model().item(1).setEnabled(selected > 0)  # type: ignore[attr-defined]
        form.addRow("&Area:", self.area)

        self.picture_box = QGroupBox("Picture (PNG)")
        picture = QFormLayout(self.picture_box)
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setSuffix(" DPI")
        self.dpi.setValue(DEFAULT_DPI)
        self.scale = QSpinBox()
        self.scale.setRange(round(MIN_DPI / SCENE_DPI * 100), round(MAX_DPI / SCENE_DPI * 100))
        self.scale.setSuffix(" %")
        self.dpi.valueChanged.connect(lambda v: self._sync(self.scale, round(v / SCENE_DPI * 100)))
        self.scale.valueChanged.connect(lambda v: self._sync(self.dpi, round(v * SCENE_DPI / 100)))
        self._sync(self.scale, round(DEFAULT_DPI / SCENE_DPI * 100))
        resolution = QHBoxLayout()
        resolution.addWidget(self.dpi)
        resolution.addWidget(_label("or scale"))
        resolution.addWidget(self.scale)
        picture.addRow("Resolution:", resolution)
        self.transparent = QCheckBox("&Transparent background")
        picture.addRow("", self.transparent)
        layout.addWidget(self.picture_box)

        self.page_box = QGroupBox("Pages")
        pages = QFormLayout(self.page_box)
        self.page = QComboBox()
        for key, name in PAGE_NAMES.items():
            self.page.addItem(name, key)
        self.orientation = QComboBox()
        self.orientation.addItem("Landscape", "landscape")
        self.orientation.addItem("Portrait", "portrait")
        if not printing:
            pages.addRow("Paper si&ze:", self.page)
            pages.addRow("&Orientation:", self.orientation)
        self.fit_one = QRadioButton("Shrink to fit one page")
        self.tile = QRadioButton("Tile across pages (10 % overlap)")
        self.fit_one.setChecked(True)
        large = QHBoxLayout()
        large.addWidget(self.fit_one)
        large.addWidget(self.tile)
        pages.addRow("Large boards:", large)
        self.tile_scale = QSpinBox()
        self.tile_scale.setRange(25, 200)
        self.tile_scale.setValue(100)
        self.tile_scale.setSuffix(" %")
        pages.addRow("Tile at &size:", self.tile_scale)
        self.title_block = QCheckBox("&Title block (board, customer, date, page)")
        self.legend = QCheckBox("&Legend")
        self.findings = QCheckBox("Add a page with the &findings and scorecard")
        for box in (self.title_block, self.legend, self.findings):
            pages.addRow("", box)
        layout.addWidget(self.page_box)

        self.summary = _label("")
        layout.addWidget(self.summary)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Print Preview…" if printing else "Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        (self.proposal if profile == "proposal" else self.internal).setChecked(True)
        for signal in (self.format.currentIndexChanged, self.page.currentIndexChanged,
                       self.profile_buttons.buttonToggled, self.tile.toggled, self.area.currentIndexChanged,
                       self.orientation.currentIndexChanged, self.dpi.valueChanged, self.tile_scale.valueChanged,
                       self.title_block.toggled, self.legend.toggled, self.findings.toggled):
            signal.connect(self._update)
        self.format.currentIndexChanged.connect(self._format_defaults)
        self._format_defaults()
        self._update()

    @staticmethod
    def _sync(box: QSpinBox, value: int) -> None:
        if box.value() != value:
            box.blockSignals(True)
            box.setValue(max(box.minimum(), min(box.maximum(), value)))
            box.blockSignals(False)

    def _format_defaults(self) -> None:
        """Title block and legend are on for documents, off for pictures going into one."""
        document = self.printing or self.format.currentData() in DOCUMENTS
        self.title_block.setChecked(document)
        self.legend.setChecked(document)

    def _update(self) -> None:
        kind = self.format.currentData()
        paged = self.printing or kind == "pdf"
        document = self.printing or kind in DOCUMENTS  # a title block, a legend and findings of its own
        proposal = self.proposal.isChecked()
        self.profile_tip.setText(PROFILE_TIPS["proposal" if proposal else "internal"])
        self.picture_box.setVisible(not self.printing and kind == "png")
        fixed = self.printing or self.page.currentData() != "fit"
        self.page.setEnabled(kind != "pptx")  # slides are 16:9, split by area when large
        self.orientation.setEnabled(self.page.currentData() != "fit" and kind != "pptx")
        self.fit_one.setEnabled(paged and fixed)
        self.tile.setEnabled(paged and fixed)
        self.tile_scale.setEnabled(paged and fixed and self.tile.isChecked())
        self.findings.setEnabled(document and not proposal)
        if proposal:
            self.findings.setChecked(False)
        if self.describe is not None and not self.printing:
            self.summary.setText(self.describe(self.options()))
        self.adjustSize()

    def options(self, selection: tuple[str, ...] = (),
                view_rect: tuple[float, float, float, float] | None = None) -> ExportOptions:
        """The choices made, as options for :func:`~dmuboard.gui.export.export_board`."""
        kind = "pdf" if self.printing else str(self.format.currentData())
        return ExportOptions(
            format=kind,
            profile="proposal" if self.proposal.isChecked() else "internal",
            area=str(self.area.currentData()),
            dpi=self.dpi.value(),
            page="fit" if self.printing else str(self.page.currentData()),
            orientation=str(self.orientation.currentData()),
            tiled=self.tile.isChecked() and self.tile.isEnabled(),
            tile_scale=self.tile_scale.value() / 100.0,
            transparent=kind == "png" and self.transparent.isChecked(),
            title_block=self.title_block.isChecked(),
            legend=self.legend.isChecked(),
            findings_page=self.findings.isChecked() and self.findings.isEnabled(),
            selection=selection,
            view_rect=view_rect,
        )

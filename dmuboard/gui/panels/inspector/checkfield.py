"""A yes-or-no field of the inspector, committed the moment it is clicked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget


class CheckField(QCheckBox):
    """One check box whose value is True or False (e.g. "Pin position")."""

    committed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._shown = False
        self.toggled.connect(self._toggled)

    def value(self) -> bool:
        return self.isChecked()

    def show_value(self, value: bool) -> None:
        self._shown = bool(value)
        self.blockSignals(True)
        self.setChecked(self._shown)
        self.blockSignals(False)

    def revert(self) -> None:
        self.show_value(self._shown)

    def pending(self) -> bool:
        return self.isChecked() != self._shown

    def _toggled(self, _checked: bool) -> None:
        if self.pending():
            self.committed.emit()

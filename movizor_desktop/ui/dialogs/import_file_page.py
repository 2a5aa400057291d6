"""The file page of the import: the path (typed, pasted or chosen) and, for a workbook,
the sheet; under the path what the file holds, or why it cannot be read."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...exchange.table_read import Table
from .widgets import FieldError, Note, add_field


class FilePage(QWidget):
    path_entered = Signal(str)  # the dispatcher typed or pasted a path (Enter / focus out)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        self.path_edit.editingFinished.connect(self._entered)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setObjectName("import_browse")
        self.browse_button.setAutoDefault(False)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path_edit, 1)
        line.addWidget(self.browse_button)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("import_sheet")
        self.sheet_combo.setEnabled(False)
        self.note = Note()
        self.note.setObjectName("import_file_note")
        form = QFormLayout()
        self.error: FieldError = add_field(form, self.tr("File:"), row, self.note)
        self.error.setObjectName("import_file_error")
        add_field(form, self.tr("Sheet:"), self.sheet_combo)
        help_note = Note(self.tr(
            "The first row must hold the column names. Phone numbers in any common format; "
            "auto-off as 31.12.2026 or 31.12.2026 18:00 (MSK); route points as “55.75, "
            "37.62” or addresses, separated by | or ;. Each driver added gets an SMS asking "
            "for consent."))
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(help_note)
        column.addStretch(1)
        self._last = ""

    def _entered(self) -> None:
        text = self.path_edit.text().strip()
        if text != self._last:  # editingFinished also fires on focus changes
            self._last = text
            self.path_entered.emit(text)

    def set_path(self, path: str) -> None:
        self._last = path
        if self.path_edit.text() != path:
            self.path_edit.setText(path)
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.error.set_message(text if error else None)
        self.note.set_text("" if error else text)

    def show_table(self, table: Table) -> bool:
        """Say what ``table`` holds; False (with the reason shown) when it has no rows."""
        if table.kind == "xlsx" and [self.sheet_combo.itemText(i) for i in
                                     range(self.sheet_combo.count())] != table.sheets:
            self.sheet_combo.clear()
            self.sheet_combo.addItems(table.sheets)
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(table.kind == "xlsx" and len(table.sheets) > 1)
        if table.kind == "csv":
            text = self.tr("Rows: %n, columns: {columns} (encoding {encoding}, "
                           "separator “{sep}”).", "", len(table.rows)).format(
                columns=len(table.headers), encoding=table.encoding,
                sep=self.tr("Tab") if table.delimiter == "\t" else table.delimiter)
        else:
            text = self.tr("Rows: %n, columns: {columns} on the sheet “{sheet}”.", "",
                           len(table.rows)).format(columns=len(table.headers), sheet=table.sheet)
        if not table.rows:
            self.show_message(self.tr("The table has column names but no rows."), error=True)
            return False
        self.show_message(text)
        return True


__all__ = ["FilePage"]

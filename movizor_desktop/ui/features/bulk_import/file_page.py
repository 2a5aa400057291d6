"""The file page of the import: the path (typed, pasted or chosen), the sheet of a
workbook and the encoding of a CSV file; under the path what the file holds, or why it
cannot be read.

The encoding is detected (:mod:`movizor_desktop.exchange.csv_decode`) and shown — the
first choice reads "Automatic (Windows-1251)" once a file is read — and the dispatcher
can pick another; each choice says which programs write it. When rows hold text that
does not decode, the page says how many (they are not sent) and suggests another
encoding."""

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

from ....exchange.csv_decode import CHOICES, label
from ....exchange.table_read import Table
from ...dialogs.widgets import FieldError, Note, add_field


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
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("import_encoding")
        self.encoding_combo.addItem(self.tr("Automatic"), None)
        hints = self._hints()
        for codec in CHOICES:
            self.encoding_combo.addItem(f"{label(codec)} — {hints[codec]}", codec)
        self.encoding_combo.setEnabled(False)
        self.note = Note()
        self.note.setObjectName("import_file_note")
        form = QFormLayout()
        self.error: FieldError = add_field(form, self.tr("File:"), row, self.note)
        self.error.setObjectName("import_file_error")
        add_field(form, self.tr("Sheet:"), self.sheet_combo)
        add_field(form, self.tr("Encoding:"), self.encoding_combo)
        help_note = Note(
            self.tr(
                "The first row must hold the column names. Phone numbers in any common format; "
                "auto-off as 31.12.2026 or 31.12.2026 18:00 (MSK); route points as “55.75, "
                "37.62” or addresses, separated by | or ;. Each driver added gets an SMS asking "
                "for consent."
            )
        )
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

    def _hints(self) -> dict[str, str]:
        """Which programs write each encoding, in the dispatcher's words."""
        return {
            "utf-8": self.tr("most programs, Excel's “CSV UTF-8”"),
            "cp1251": self.tr("Russian Excel's “CSV”, 1C"),
            "utf-16": self.tr("Excel's “Unicode text”"),
            "koi8-r": self.tr("old Unix and mail systems"),
            "cp866": self.tr("DOS programs"),
            "iso8859-5": self.tr("rare, old Unix systems"),
            "mac-cyrillic": self.tr("old Mac programs"),
            "cp1252": self.tr("Western European Windows"),
        }

    def encoding(self) -> str | None:
        """The encoding chosen by hand; None for automatic detection."""
        return self.encoding_combo.currentData()

    def set_path(self, path: str) -> None:
        self._last = path
        if self.path_edit.text() != path:
            self.path_edit.setText(path)
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.encoding_combo.setCurrentIndex(0)  # a new file: detect again
        self.encoding_combo.setItemText(0, self.tr("Automatic"))
        self.encoding_combo.setEnabled(False)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.error.set_message(text if error else None)
        self.note.set_text("" if error else text)

    def show_table(self, table: Table) -> bool:
        """Say what ``table`` holds; False (with the reason shown) when it has no rows."""
        if (
            table.kind == "xlsx"
            and [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())]
            != table.sheets
        ):
            self.sheet_combo.clear()
            self.sheet_combo.addItems(table.sheets)
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(table.kind == "xlsx" and len(table.sheets) > 1)
        self.encoding_combo.setEnabled(table.kind == "csv")
        warning = ""
        if table.kind == "csv":
            encoding = label(table.encoding or "")
            if self.encoding() is None:
                self.encoding_combo.setItemText(
                    0, self.tr("Automatic ({encoding})").format(encoding=encoding)
                )
            text = self.tr(
                "Rows: %n, columns: {columns} (encoding {encoding}, separator “{sep}”).",
                "",
                len(table.rows),
            ).format(
                columns=len(table.headers),
                encoding=encoding,
                sep=self.tr("Tab") if table.delimiter == "\t" else table.delimiter,
            )
            if table.undecodable:
                warning = self.tr(
                    "%n row(s) hold text that cannot be read as {encoding} and will not be "
                    "sent; if names look wrong, choose another encoding.",
                    "",
                    table.undecodable,
                ).format(encoding=encoding)
        else:
            text = self.tr(
                "Rows: %n, columns: {columns} on the sheet “{sheet}”.", "", len(table.rows)
            ).format(columns=len(table.headers), sheet=table.sheet)
        if not table.rows:
            self.show_message(self.tr("The table has column names but no rows."), error=True)
            return False
        self.show_message(text)
        if warning:
            self.note.set_text(f"{text} {warning}", ok=False)
        return True


__all__ = ["FilePage"]

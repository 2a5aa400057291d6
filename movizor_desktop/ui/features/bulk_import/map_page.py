"""The column page of the import: which column of the file holds what.

One row per column of the file: its header, a few example values and a combo box with
the field it goes to (phone, name, tariff, auto-off, tags, route, a metadata field named
after the header, or nothing). The choice starts from the guess and the dispatcher's
choices of earlier imports (``guess_mapping``); a tariff for rows that give none is
chosen below the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....exchange.import_columns import (
    DATEOFF,
    IGNORE,
    METADATA,
    PHONE,
    ROUTE,
    TAGS,
    TARIFF,
    TITLE,
    mapping_problem,
)
from ....exchange.table_read import Table
from ...dialogs.widgets import FieldError, Note

HEADER, EXAMPLES, TARGET = range(3)


class MappingPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: list[QComboBox] = []
        self.headers: list[str] = []
        self.note = Note(
            self.tr(
                "Choose what each column holds. Columns set to “Do not "
                "import” are left out; the choices are remembered for the "
                "next import."
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("import_mapping")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Examples"), self.tr("Import as")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HEADER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.ResizeToContents)
        self.error = FieldError()
        self.error.setObjectName("import_mapping_error")
        self.tariff_combo = QComboBox()
        self.tariff_combo.setObjectName("import_default_tariff")
        form = QFormLayout()
        form.addRow(self.tr("Tariff where the file gives none:"), self.tariff_combo)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addWidget(self.error)
        column.addLayout(form)

    def _targets(self) -> list[tuple[str, str]]:
        return [
            (IGNORE, self.tr("Do not import")),
            (PHONE, self.tr("Phone")),
            (TITLE, self.tr("Name")),
            (TARIFF, self.tr("Tariff")),
            (DATEOFF, self.tr("Auto-off (date and time, MSK)")),
            (TAGS, self.tr("Tags (comma-separated)")),
            (ROUTE, self.tr("Route points (“lat, lon” or addresses, separated by | or ;)")),
            (METADATA, self.tr("Metadata field “{name}”")),
        ]

    def load(self, table: Table, mapping: Sequence[str]) -> None:
        self.headers = list(table.headers)
        self.combos = []
        self.table.setRowCount(len(self.headers))
        for i, header in enumerate(self.headers):
            shown = header or self.tr("(column {n})").format(n=i + 1)
            self.table.setItem(i, HEADER, QTableWidgetItem(shown))
            examples = QTableWidgetItem(" · ".join(table.samples(i)))
            examples.setToolTip("\n".join(table.samples(i, 8)))
            self.table.setItem(i, EXAMPLES, examples)
            combo = QComboBox()
            combo.setObjectName(f"import_target_{i}")
            for key, label in self._targets():
                if key == METADATA and not header.strip():
                    continue
                combo.addItem(label.format(name=header.strip()), key)
            found = combo.findData(mapping[i] if i < len(mapping) else IGNORE)
            combo.setCurrentIndex(max(0, found))
            combo.currentIndexChanged.connect(self._combo_changed)
            self.table.setCellWidget(i, TARGET, combo)
            self.combos.append(combo)
        self.error.clear_message()

    def set_tariffs(self, options: Iterable[tuple[str, str]], preferred: str | None) -> None:
        """``options``: (id, title) pairs; ``preferred`` is selected when offered."""
        self.tariff_combo.clear()
        self.tariff_combo.addItem(self.tr("none (such rows are not sent)"), None)
        for tid, title in options:
            self.tariff_combo.addItem(f"{tid} — {title}" if title else tid, tid)
        found = self.tariff_combo.findData(preferred) if preferred is not None else -1
        self.tariff_combo.setCurrentIndex(found if found >= 0 else 0)

    def default_tariff(self) -> str | None:
        data = self.tariff_combo.currentData()
        return str(data) if data else None

    def mapping(self) -> list[str]:
        return [str(combo.currentData() or IGNORE) for combo in self.combos]

    def set_target(self, column: int, key: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def validate(self) -> bool:
        problem = mapping_problem(self.headers, self.mapping())
        if problem == "no_phone":
            self.error.set_message(self.tr("Choose the column with the phone numbers."))
        elif problem == "twice":
            self.error.set_message(self.tr("Each field can come from one column only."))
        else:
            self.error.clear_message()
        return problem is None

    def _combo_changed(self) -> None:
        self.error.clear_message()
        self.changed.emit()


__all__ = ["MappingPage"]

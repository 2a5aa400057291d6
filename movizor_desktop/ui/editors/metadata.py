"""The metadata page of the subscriber dialog (``metadata[name]=value``).

A name/value table of line edits with live length counters (``12/32``, ``40/64``, red
when over the server's limits), names unique and non-empty, and quick-add buttons for
the fields dispatchers use most. Values are plain text: shown as the server meant them
(``ObjectInfo.metadata`` is already HTML-unescaped) and returned exactly as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...api.encoding import METADATA_NAME_MAX, METADATA_VALUE_MAX
from ..dialogs.widgets import ERROR_COLOR, Banner, FieldError, Note

ERROR_STYLE = f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; }}"


class MetadataRow:
    """The widgets of one name/value pair."""

    def __init__(self, name: str, value: str) -> None:
        translate = QCoreApplication.translate
        self.name = QLineEdit(name)
        self.name.setObjectName("metadata_name")
        self.name.setAccessibleName(translate("MetadataEditor", "Field name"))
        self.name.setPlaceholderText(translate("MetadataEditor", "Name"))
        self.name_count = QLabel()
        self.value = QLineEdit(value)
        self.value.setObjectName("metadata_value")
        self.value.setAccessibleName(translate("MetadataEditor", "Field value"))
        self.value.setPlaceholderText(translate("MetadataEditor", "Value"))
        self.value_count = QLabel()
        for label in (self.name_count, self.value_count):
            label.setMinimumWidth(40)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(translate("MetadataEditor", "Remove this field"))
        self.remove.setAccessibleName(translate("MetadataEditor", "Remove the field"))
        self.remove.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.name_count, self.value, self.value_count, self.remove)

    def key(self) -> str:
        return self.name.text().strip()


class MetadataEditor(QWidget):
    changed = Signal()
    # Presets: a field name in the UI's language. The Russian names are also how fields
    # typed in Movizor's own (Russian) cabinet are recognised as the same preset.
    QUICK_FIELDS = ("driver", "vehicle", "carrier", "carrier_inn", "client", "order", "trip")
    RUSSIAN_NAMES: ClassVar[dict[str, str]] = {
        "driver": "Водитель",
        "vehicle": "ТС",
        "carrier": "Перевозчик",
        "carrier_inn": "ИНН перевозчика",
        "client": "Клиент",
        "order": "Заказ",
        "trip": "Рейс",
    }

    def quick_name(self, preset: str) -> str:
        """The preset's field name in the UI's language."""
        return {
            "driver": self.tr("Driver"),
            "vehicle": self.tr("Vehicle"),
            "carrier": self.tr("Carrier"),
            "carrier_inn": self.tr("Carrier's INN"),
            "client": self.tr("Client"),
            "order": self.tr("Order"),
            "trip": self.tr("Trip"),
        }[preset]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MetadataRow] = []
        self._baseline: dict[str, str] = {}
        self._live = False
        self.setObjectName("metadata_editor")
        self.banner = Banner()
        self.quick_buttons: dict[str, QPushButton] = {}
        quick = QHBoxLayout()
        quick.setSpacing(4)
        quick.addWidget(QLabel(self.tr("Add:")))
        for preset in self.QUICK_FIELDS:
            field = self.quick_name(preset)
            button = QPushButton(field)
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Add the field {name}").format(name=field))
            button.clicked.connect(lambda _=False, f=field: self.add_field(f))
            self.quick_buttons[preset] = button
            quick.addWidget(button)
        quick.addStretch(1)

        self.grid_host = QWidget()
        host_column = QVBoxLayout(self.grid_host)
        host_column.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        host_column.addLayout(self.grid)
        host_column.addStretch(1)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(6)
        self.grid.addWidget(QLabel(self.tr("Name")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Value")), 0, 2)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(2, 3)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("metadata_table")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setWidget(self.grid_host)
        self.empty_note = Note(
            self.tr(
                "No fields. They appear in events and reports, e.g. the "
                "driver's name or the order number."
            )
        )
        self.add_button = QPushButton(self.tr("Add field"))
        self.add_button.setObjectName("metadata_add")
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add an empty field"))
        self.add_button.clicked.connect(lambda: self.add_field(""))
        self.errors_label = FieldError()
        self.errors_label.setObjectName("metadata_errors")
        limits = Note(
            self.tr("Names up to {name} characters, values up to {value}.").format(
                name=METADATA_NAME_MAX, value=METADATA_VALUE_MAX
            )
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(limits, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addLayout(quick)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.empty_note)
        column.addWidget(self.errors_label)
        column.addLayout(bottom)
        self._refresh()

    # --- the interface ----------------------------------------------------------------------

    def set_metadata(self, metadata: Mapping[str, str]) -> None:
        for row in list(self.rows):
            self._drop(row)
        for name, value in metadata.items():
            self._append(name, value)
        self._baseline = self.metadata()
        self._live = False
        self.banner.set_message(None)
        self.errors_label.clear_message()
        self._refresh()

    def metadata(self) -> dict[str, str]:
        """Name → value in table order; names trimmed, values exactly as typed, rows with
        neither skipped."""
        out: dict[str, str] = {}
        for row in self.rows:
            if row.key() or row.value.text():
                out[row.key()] = row.value.text()
        return out

    def validate(self) -> list[tuple[int | None, str]]:
        self._live = True
        return self._validate(show=True)

    def is_modified(self) -> bool:
        return self.metadata() != self._baseline

    def set_error(self, message: str) -> None:
        self.banner.set_message(message or None)

    # --- editing ----------------------------------------------------------------------------

    def add_field(self, name: str = "") -> MetadataRow:
        """A new row (``name`` prefilled): the cursor goes to the value, or to the name
        when it is empty."""
        row = self._append(name, "")
        self._on_edited()
        (row.value if name else row.name).setFocus()
        self.scroll_area.ensureWidgetVisible(row.name)
        return row

    def remove_row(self, row: MetadataRow) -> None:
        index = self.rows.index(row)
        self._drop(row)
        self._on_edited()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].name.setFocus()
        else:
            self.add_button.setFocus()

    def _append(self, name: str, value: str) -> MetadataRow:
        row = MetadataRow(name, value)
        position = len(self.rows) + 1
        for column, widget in enumerate(row.widgets()):
            self.grid.addWidget(widget, position, column)
            widget.show()  # now, not at the next event loop pass: focus can go there at once
        row.name.textEdited.connect(self._on_edited)
        row.value.textEdited.connect(self._on_edited)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        if self.rows:
            QWidget.setTabOrder(self.rows[-1].remove, row.name)
        QWidget.setTabOrder(row.name, row.value)
        QWidget.setTabOrder(row.value, row.remove)
        self.rows.append(row)
        return row

    def _drop(self, row: MetadataRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        # keep the grid compact: re-place the rows below
        for position, other in enumerate(self.rows, start=1):
            for column, widget in enumerate(other.widgets()):
                self.grid.addWidget(widget, position, column)

    def _on_edited(self, *_: object) -> None:
        self.banner.set_message(None)
        self._refresh()
        self.changed.emit()

    # --- views ------------------------------------------------------------------------------

    def _refresh(self) -> None:
        for row in self.rows:
            self._count(row.name_count, len(row.name.text()), METADATA_NAME_MAX)
            self._count(row.value_count, len(row.value.text()), METADATA_VALUE_MAX)
        present = {row.key().casefold() for row in self.rows}
        for preset, button in self.quick_buttons.items():
            names = {self.quick_name(preset).casefold(), self.RUSSIAN_NAMES[preset].casefold()}
            button.setEnabled(not names & present)
        self.empty_note.setVisible(not self.rows)
        self.scroll_area.setVisible(bool(self.rows))
        self._validate(show=self._live)

    @staticmethod
    def _count(label: QLabel, length: int, limit: int) -> None:
        label.setText(f"{length}/{limit}")
        over = length > limit
        label.setStyleSheet(
            f"color: {ERROR_COLOR}; font-weight: bold;"
            if over
            else "color: palette(placeholder-text);"
        )

    def _validate(self, *, show: bool) -> list[tuple[int | None, str]]:
        """Problems per row. Duplicates and over-long entries are shown at once; empty
        names only once validate() was called (a fresh row is not an error yet)."""
        problems: list[tuple[int | None, str]] = []
        bad_names: set[int] = set()
        bad_values: set[int] = set()
        seen: dict[str, int] = {}
        for i, row in enumerate(self.rows):
            name, value = row.key(), row.value.text()
            if not name and not value:
                continue
            if not name:
                if show:
                    problems.append(
                        (i, self.tr("Row {number}: the field needs a name.").format(number=i + 1))
                    )
                    bad_names.add(i)
                continue
            if name.casefold() in seen:
                problems.append(
                    (
                        i,
                        self.tr(
                            "The name “{name}” is used twice (rows {first} and {second})."
                        ).format(name=name, first=seen[name.casefold()] + 1, second=i + 1),
                    )
                )
                bad_names.add(i)
            seen.setdefault(name.casefold(), i)
            if len(name) > METADATA_NAME_MAX:
                problems.append(
                    (
                        i,
                        self.tr(
                            "Row {number}: the name is {length} characters "
                            "long; the limit is {limit}."
                        ).format(number=i + 1, length=len(name), limit=METADATA_NAME_MAX),
                    )
                )
                bad_names.add(i)
            if "[" in name or "]" in name:
                problems.append(
                    (
                        i,
                        self.tr("Row {number}: a name cannot contain “[” or “]”.").format(
                            number=i + 1
                        ),
                    )
                )
                bad_names.add(i)
            if len(value) > METADATA_VALUE_MAX:
                problems.append(
                    (
                        i,
                        self.tr(
                            "Row {number}: the value is {length} characters "
                            "long; the limit is {limit}."
                        ).format(number=i + 1, length=len(value), limit=METADATA_VALUE_MAX),
                    )
                )
                bad_values.add(i)
        for i, row in enumerate(self.rows):
            row.name.setStyleSheet(ERROR_STYLE if i in bad_names else "")
            row.value.setStyleSheet(ERROR_STYLE if i in bad_values else "")
        self.errors_label.set_message("\n".join(text for _, text in problems) or None)
        return problems

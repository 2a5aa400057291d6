"""The preview of an import: every row of the file with its operator (as Movizor says), what
the check found and, once sent, what happened to it (the result column, shown from the
first row sent on: before that the check's sentences get its room).

:class:`PreviewModel` is a table model over the validated rows
(:class:`~movizor_desktop.exchange.import_rows.ImportRow`) and their results
(:class:`~movizor_desktop.exchange.import_run.RowResult`); bad rows show every problem
in red, in the dispatcher's language, and says where control characters (a line break
pasted from Word…) were replaced with spaces. :class:`PreviewPane` puts it in a view with
a summary line and the progress bar of the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....api.phones import format_phone
from ....exchange.import_rows import ImportRow
from ....exchange.import_run import ADDED_OK, RowResult
from ...dialogs.widgets import ERROR_COLOR, OK_COLOR

LINE, PHONE, OPERATOR, NAME, TARIFF, CHECK, RESULT = range(7)
COLUMNS = 7
WARN_COLOR = "#8a5a00"
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[ImportRow] = []
        self.results: dict[int, RowResult] = {}
        self.sending: int | None = None

    def set_rows(self, rows: Sequence[ImportRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.results = {}
        self.sending = None
        self.endResetModel()

    def set_sending(self, index: int | None) -> None:
        old, self.sending = self.sending, index
        for row in (old, index):
            if row is not None:
                self._changed(row)

    def set_result(self, index: int, result: RowResult) -> None:
        self.results[index] = result
        if self.sending == index:
            self.sending = None
        self._changed(index)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, CHECK), self.index(row, RESULT))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Line"),
            self.tr("Phone"),
            self.tr("Operator"),
            self.tr("Name"),
            self.tr("Tariff"),
            self.tr("Check"),
            self.tr("Result"),
        )[section]

    def check_text(self, row: ImportRow) -> str:
        text = self.tr("OK") if row.ready else row.message(self.lang)
        note = row.note(self.lang)
        if not note:
            return text
        return f"{text}. {note}" if row.ready else f"{text} {note}"

    def result_text(self, index: int) -> str:
        result = self.results.get(index)
        if result is not None:  # a row the check refused: the reason is in "Check"
            return self.tr("Not sent.") if result.outcome in ("bad", "duplicate") else result.reason
        if index == self.sending:
            return self.tr("Adding…")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LINE:
                return str(row.line)
            if column == PHONE:
                return format_phone(row.phone) if row.phone else row.raw_phone
            if column == OPERATOR:
                return row.operator
            if column == NAME:
                return row.title
            if column == TARIFF:
                return str(row.fields.get("tariff", ""))
            if column == CHECK:
                return self.check_text(row)
            return self.result_text(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == CHECK:
                color = (
                    OK_COLOR
                    if row.ready
                    else (WARN_COLOR if row.state in ("duplicate", "on_account") else ERROR_COLOR)
                )
                return QBrush(QColor(color))
            if column == RESULT and (result := self.results.get(index.row())) is not None:
                color = (
                    OK_COLOR
                    if result.outcome == ADDED_OK
                    else (
                        WARN_COLOR
                        if result.outcome in ("skipped", "duplicate", "not_sent")
                        else ERROR_COLOR
                    )
                )
                return QBrush(QColor(color))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PreviewPane(QWidget):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PreviewModel(lang, self)
        self.view = QTableView()
        self.view.setObjectName("import_preview")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for col in (LINE, PHONE, OPERATOR, TARIFF):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(RESULT, True)  # until something is sent
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.view, 1)
        column.addWidget(self.progress)

    def show_rows(self, rows: Sequence[ImportRow], *, unchecked: int = 0) -> None:
        """The checked rows; ``unchecked``: new numbers whose operator the hour's request
        budget left to Movizor to check when they are added."""
        self.model.set_rows(rows)
        self.view.setColumnHidden(RESULT, True)
        ready = sum(1 for r in rows if r.ready)
        bad = sum(1 for r in rows if r.state == "bad")
        repeated = sum(1 for r in rows if r.state == "duplicate")
        known = sum(1 for r in rows if r.state == "on_account")
        parts = [self.tr("Ready to add: %n.", "", ready)]
        if bad:
            parts.append(self.tr("With errors (not sent): %n.", "", bad))
        if repeated:
            parts.append(self.tr("Repeated numbers (not sent): %n.", "", repeated))
        if known:
            parts.append(self.tr("Already on the account (not sent): %n.", "", known))
        if cleaned := sum(1 for r in rows if r.cleaned):
            parts.append(
                self.tr("Control characters replaced with spaces in %n rows.", "", cleaned)
            )
        if unchecked:
            parts.append(
                self.tr(
                    "Operators not checked (the hour's request budget): %n; "
                    "Movizor checks them as they are added.",
                    "",
                    unchecked,
                )
            )
        self.summary.setText(" ".join(parts))
        self.progress.hide()

    def start(self, total: int) -> None:
        self.view.setColumnHidden(RESULT, False)
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.show()

    def sending(self, index: int) -> None:
        self.model.set_sending(index)
        self.view.scrollTo(self.model.index(index, RESULT))

    def result(self, index: int, result: RowResult, *, counted: bool) -> None:
        self.model.set_result(index, result)
        if counted:
            self.progress.setValue(self.progress.value() + 1)


__all__ = [
    "CHECK",
    "LINE",
    "NAME",
    "OPERATOR",
    "PHONE",
    "RESULT",
    "TARIFF",
    "PreviewModel",
    "PreviewPane",
]

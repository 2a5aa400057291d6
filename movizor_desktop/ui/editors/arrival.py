"""The route table view and its cell editors: the planned arrival (MSK, with the local
time beside it when the computer's zone differs, and a button to clear it) and the text
cells; Ctrl+V pastes into a name or coordinates cell, Delete clears an arrival."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

from .route_table import (
    ARRIVAL,
    COORDS,
    LOCAL,
    MSK_OFFSET,
    NAME,
    from_qdatetime,
    local_differs,
    to_qdatetime,
)

Index = QModelIndex | QPersistentModelIndex


class ArrivalEdit(QWidget):
    """A Moscow-time date and time, the local time beside it, and "no time"."""

    @staticmethod
    def cell_width(font_of: QWidget) -> int:
        """The width its column needs for the date, the time and the ✕ button."""
        probe = ArrivalEdit()
        probe.setFont(font_of.font())
        probe.local_label.hide()
        width = probe.row.sizeHint().width() + 4  # the cell's grid line and margin
        probe.deleteLater()
        return width

    finished = Signal()  # the ✕ button: commit "no time" and close

    def __init__(self, parent: QWidget | None = None, *, local_zone: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.local_zone = local_zone
        self.cleared = False
        self.setAutoFillBackground(True)
        self.edit = QDateTimeEdit()
        self.edit.setObjectName("arrival_edit")
        self.edit.setTimeZone(QTimeZone(MSK_OFFSET))
        self.edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(self.tr("Planned arrival, Moscow time"))
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(metrics.horizontalAdvance("88.88.8888 88:88") + 36)
        self.local_label = QLabel()
        self.local_label.setObjectName("arrival_local")
        self.local_label.setStyleSheet("color: palette(placeholder-text);")
        self.local_label.setMinimumWidth(
            metrics.horizontalAdvance(self.tr("local {time}").format(time="88:88")) + 4
        )
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("No planned time for this point"))
        self.clear_button.setAccessibleName(self.tr("Clear the arrival time"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self._clear)
        row = self.row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 2, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.local_label)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.dateTimeChanged.connect(self._update_local)

    def set_moment(self, moment: datetime) -> None:
        self.cleared = False
        self.edit.setDateTime(to_qdatetime(moment))
        self._update_local()

    def moment(self) -> datetime | None:
        return None if self.cleared else from_qdatetime(self.edit.dateTime())

    def _update_local(self, *_: object) -> None:
        moment = from_qdatetime(self.edit.dateTime())
        if local_differs(moment, self.local_zone):
            text = moment.astimezone(self.local_zone).strftime("%H:%M")
            self.local_label.setText(self.tr("local {time}").format(time=text))
            self.local_label.show()
        else:
            self.local_label.hide()

    def _clear(self) -> None:
        self.cleared = True
        self.finished.emit()


class RouteDelegate(QStyledItemDelegate):
    """Editors for the name, coordinates and arrival cells."""

    def __init__(
        self,
        suggest_time: Callable[[int], datetime],
        local_zone: Callable[[], tzinfo | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.suggest_time = suggest_time
        self.local_zone = local_zone

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == ARRIVAL:
            editor = ArrivalEdit(parent, local_zone=self.local_zone())
            editor.finished.connect(lambda: self._commit_and_close(editor))
            return editor
        edit = QLineEdit(parent)
        if index.column() == COORDS:
            edit.setObjectName("coords_edit")
            edit.setAccessibleName(self.tr("Coordinates, latitude and longitude"))
            edit.setPlaceholderText(self.tr("55.7558, 37.6173"))
        elif index.column() == NAME:
            edit.setObjectName("name_edit")
            edit.setAccessibleName(self.tr("Point name"))
            edit.setPlaceholderText(self.tr("e.g. Warehouse in Kazan"))
        return edit

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, ArrivalEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            if isinstance(value, QDateTime):
                editor.set_moment(from_qdatetime(value))
            else:
                editor.set_moment(self.suggest_time(index.row()))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ArrivalEdit):
            model.setData(index, editor.moment())
            return
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
            return
        super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """The editor covers its cell — an arrival editor showing the local time also the
        row's "Local time" cell (which says the same) — and never the columns beyond."""
        rect = QRect(option.rect)
        view = option.widget
        if (
            isinstance(editor, ArrivalEdit)
            and isinstance(view, QTableView)
            and not editor.local_label.isHidden()
            and not view.isColumnHidden(LOCAL)
        ):
            rect.setRight(view.visualRect(index.sibling(index.row(), LOCAL)).right())
        editor.setGeometry(rect)


class RouteTable(QTableView):
    """The points table: Ctrl+V pastes into the name or coordinates cell, Delete clears an
    arrival time."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        idle = self.state() != QAbstractItemView.State.EditingState
        if (
            idle
            and index.isValid()
            and event.matches(QKeySequence.StandardKey.Paste)
            and index.column() in (NAME, COORDS)
        ):
            self.model().setData(index, QApplication.clipboard().text().strip())
            event.accept()
            return
        if (
            idle
            and index.isValid()
            and index.column() == ARRIVAL
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.model().setData(index, None)
            event.accept()
            return
        super().keyPressEvent(event)

"""The subscriber list: search box, status-group buttons with counts, tag filter, table.

Selection, current row and scroll position survive refreshes: the model never resets,
and around each change set the view remembers the row at the top of the viewport (or
the current row, when it is on screen) by phone and puts it back at the same height
after a re-sort moved it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...fleet import FleetRow
from .badges import badge_icon, status_badge
from .model import PHONE_ROLE, STATUS, SubscriberModel
from .proxy import STATUS_GROUPS, SubscriberProxy
from .table import SubscriberTable

_GROUP_BADGE = {"active": "ok", "awaiting": "wait", "problems": "rejected", "off": "off"}


class SubscriberList(QWidget):
    selection_changed = Signal(list)  # selected phones
    current_changed = Signal(object)  # phone or None
    row_activated = Signal(str)  # Enter
    row_double_clicked = Signal(str)
    visible_changed = Signal(list)  # phones on screen (debounced)

    def __init__(
        self, model: SubscriberModel, proxy: SubscriberProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy
        proxy.setSourceModel(model)
        self._context_actions: list[QAction | QMenu | None] = []
        self._anchor: tuple[str, int] | None = None
        self.last_context_menu: QMenu | None = None  # the menu shown last (tests)
        self._selected_before: list[str] = []

        self.search = QLineEdit(self)
        self.search.setObjectName("subscriberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(proxy.set_search)
        self.search.installEventFilter(self)
        self.tags = QComboBox(self)
        self.tags.setObjectName("tagFilter")
        self.tags.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tags.currentIndexChanged.connect(self._tag_chosen)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.tags)

        self.group_buttons: dict[str, QToolButton] = {}
        self._groups = QButtonGroup(self)
        self._groups.setExclusive(True)
        groups = QHBoxLayout()
        groups.setContentsMargins(0, 0, 0, 0)
        groups.setSpacing(2)
        for name in STATUS_GROUPS:
            button = QToolButton(self)
            button.setObjectName(f"group_{name}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if name in _GROUP_BADGE:
                button.setIcon(badge_icon(status_badge(_GROUP_BADGE[name])))
            button.clicked.connect(lambda _=False, n=name: self.set_group(n))
            self._groups.addButton(button)
            groups.addWidget(button)
            self.group_buttons[name] = button
        groups.addStretch(1)
        self.group_buttons["all"].setChecked(True)

        # "Nothing found in Active — show all": a search that a status or tag filter
        # empties says so, with a link that lifts the filter (the search stays)
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setTextFormat(Qt.TextFormat.RichText)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(
            "QLabel { background: palette(alternate-base); border-radius: 4px; padding: 4px 8px; }"
        )
        self.empty_hint.linkActivated.connect(lambda _link: self.show_all())
        self.empty_hint.hide()

        self.table = SubscriberTable(self)
        self.table.setModel(proxy)
        self.table.set_default_widths()
        self.table.customContextMenuRequested.connect(self._context_menu)
        # double click or Enter (not "activated": a single click on some desktops)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.enter_pressed.connect(self._activated)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentRowChanged.connect(self._current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(groups)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)

        self._visible_timer = QTimer(self, singleShot=True, interval=300)
        self._visible_timer.timeout.connect(self._emit_visible)
        self._spin_timer = QTimer(self, interval=90)
        self._spin_timer.timeout.connect(self._spin)
        self.table.verticalScrollBar().valueChanged.connect(self._visible_timer.start)
        proxy.counts_changed.connect(self._update_counts)
        for signal in (
            proxy.filter_changed,
            proxy.counts_changed,
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(self._update_empty_hint)
        proxy.filter_changed.connect(self._visible_timer.start)
        proxy.filter_changed.connect(self._filters_to_widgets)
        model.tags_changed.connect(self._update_tags)
        model.about_to_apply.connect(self._remember_anchor)
        model.applied.connect(self._restore_anchor)
        model.busy_changed.connect(self._busy_changed)
        model.modelReset.connect(self._visible_timer.start)
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: phone, name, tag or place (Ctrl+F)"))
        self.search.setToolTip(self.tr("Type to filter the list; Esc clears, ↓ goes to the list"))
        self.search.setAccessibleName(self.tr("Search subscribers"))
        self.tags.setAccessibleName(self.tr("Tag filter"))
        self.table.setAccessibleName(self.tr("Subscribers"))
        self._update_tags()
        self._update_counts()
        self._update_empty_hint()

    def _group_title(self, name: str) -> str:
        return {
            "all": self.tr("All"),
            "active": self.tr("Active"),
            "awaiting": self.tr("Awaiting"),
            "problems": self.tr("Problems"),
            "off": self.tr("Off"),
        }[name]

    def _group_tip(self, name: str) -> str:
        return {
            "all": self.tr("Every subscriber"),
            "active": self.tr("Consent given: positions arrive"),
            "awaiting": self.tr("Added, waiting for the driver's consent SMS answer"),
            "problems": self.tr("Refused, no answer, operator errors, restricted lines"),
            "off": self.tr("Switched off or being switched off"),
        }[name]

    def _update_counts(self) -> None:
        counts = self.proxy.group_counts()
        for name, button in self.group_buttons.items():
            button.setText(
                self.tr("{group} {count}").format(
                    group=self._group_title(name), count=counts.get(name, 0)
                )
            )
            button.setToolTip(self._group_tip(name))

    def _update_tags(self) -> None:
        current = self.proxy.tag
        self.tags.blockSignals(True)
        self.tags.clear()
        self.tags.addItem(self.tr("All tags"), None)
        for tag in self.model.all_tags():
            self.tags.addItem(tag, tag)
        index = self.tags.findData(current) if current else 0
        self.tags.setCurrentIndex(max(0, index))
        self.tags.blockSignals(False)
        if current and index < 0:  # the tag is gone from the fleet
            self.proxy.set_tag(None)

    # --- filters ----------------------------------------------------------------------------

    def set_group(self, name: str) -> None:
        self.proxy.set_group(name)

    def set_tag(self, tag: str | None) -> None:
        self.proxy.set_tag(tag)

    def _tag_chosen(self, index: int) -> None:
        self.proxy.set_tag(self.tags.itemData(index))

    def _filters_to_widgets(self) -> None:
        if self.search.text() != self.proxy.search:
            self.search.blockSignals(True)
            self.search.setText(self.proxy.search)
            self.search.blockSignals(False)
        self.group_buttons[self.proxy.group].setChecked(True)
        index = self.tags.findData(self.proxy.tag) if self.proxy.tag else 0
        if index >= 0 and index != self.tags.currentIndex():
            self.tags.blockSignals(True)
            self.tags.setCurrentIndex(index)
            self.tags.blockSignals(False)

    def show_all(self) -> None:
        """Lift the status group and tag filters; the search text stays."""
        self.proxy.set_group("all")
        self.proxy.set_tag(None)

    def _update_empty_hint(self, *_: object) -> None:
        proxy = self.proxy
        narrowed = proxy.group != "all" or proxy.tag is not None
        empty = proxy.rowCount() == 0 and self.model.rowCount() > 0
        if not (narrowed and empty):
            self.empty_hint.hide()
            return
        names = []
        if proxy.group != "all":
            names.append(self._group_title(proxy.group))
        if proxy.tag is not None:
            names.append(self.tr("tag “{tag}”").format(tag=proxy.tag))
        where = html.escape(" · ".join(names))
        self.empty_hint.setText(
            self.tr('Nothing found in {filter} — <a href="all">show all</a>').format(
                filter=f"<b>{where}</b>"
            )
        )
        self.empty_hint.show()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    # --- selection --------------------------------------------------------------------------

    def selected_phones(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [ix.data(PHONE_ROLE) for ix in sorted(rows, key=lambda ix: ix.row())]

    def selected_rows(self) -> list[FleetRow]:
        rows = (self.model.get(p) for p in self.selected_phones())
        return [r for r in rows if r is not None]

    def current_phone(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PHONE_ROLE) if index.isValid() else None

    def select_phones(
        self, phones: Sequence[str], *, current: str | None = None, reveal: bool = True
    ) -> bool:
        """Select these subscribers (clearing filters that hide them); True if any."""
        rows = [r for p in phones if (r := self.model.row_of(p)) >= 0]
        if not rows:
            return False
        proxy_rows = [self.proxy.mapFromSource(self.model.index(r, 0)) for r in rows]
        if reveal and not all(ix.isValid() for ix in proxy_rows):
            self.proxy.clear_filters()
            proxy_rows = [self.proxy.mapFromSource(self.model.index(r, 0)) for r in rows]
        proxy_rows = [ix for ix in proxy_rows if ix.isValid()]
        if not proxy_rows:
            return False
        selection = QItemSelection()
        for ix in proxy_rows:
            selection.select(ix, ix)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        sm = self.table.selectionModel()
        current_ix = proxy_rows[0]
        if current is not None and (r := self.model.row_of(current)) >= 0:
            mapped = self.proxy.mapFromSource(self.model.index(r, 0))
            current_ix = mapped if mapped.isValid() else current_ix
        sm.setCurrentIndex(current_ix, QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, flags)
        self.table.scrollTo(current_ix, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_phone(self, phone: str) -> bool:
        return self.select_phones([phone], current=phone)

    def _selection_changed(self, *args: object) -> None:
        self.selection_changed.emit(self.selected_phones())

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.current_changed.emit(current.data(PHONE_ROLE) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(index.data(PHONE_ROLE))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_double_clicked.emit(index.data(PHONE_ROLE))

    # --- refresh anchoring ------------------------------------------------------------------

    def _remember_anchor(self, changes: object = None) -> None:
        table = self.table
        current = table.currentIndex()
        anchor = None
        viewport_h = table.viewport().height()
        if current.isValid():
            y = table.visualRect(current).top()
            if 0 <= y < viewport_h:
                anchor = (current.data(PHONE_ROLE), y)
        if anchor is None:
            top = table.indexAt(table.viewport().rect().topLeft())
            if top.isValid():
                anchor = (top.data(PHONE_ROLE), table.visualRect(top).top())
        self._anchor = anchor
        self._selected_before = self.selected_phones()

    def _restore_anchor(self, changes: object = None) -> None:
        anchor, self._anchor = self._anchor, None
        if self._selected_before and self.selected_phones() != self._selected_before:
            still = [p for p in self._selected_before if self.model.row_of(p) >= 0]
            if still:
                self.select_phones(still, current=self.current_phone(), reveal=False)
        if anchor is None:
            return
        phone, y = anchor
        row = self.model.row_of(phone)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        bar = self.table.verticalScrollBar()
        delta = self.table.visualRect(index).top() - y
        if delta:
            bar.setValue(bar.value() + delta)

    # --- context menu, visibility, spinner ----------------------------------------------------

    def set_context_actions(self, actions: Sequence[QAction | QMenu | None]) -> None:
        """Actions (and submenus) of the row context menu; None is a separator."""
        self._context_actions = list(actions)

    def add_context_actions(
        self, items: Sequence[QAction | QMenu | None], *, first: bool = False
    ) -> None:
        """More entries for the row context menu: at its top (``first``) or its end,
        set apart by a separator."""
        if first:
            self._context_actions = [*items, None, *self._context_actions]
        else:
            self._context_actions = [*self._context_actions, None, *items]

    def context_entries(self) -> list[QAction | QMenu | None]:
        return list(self._context_actions)

    def _context_menu(self, pos: QPoint) -> None:
        if not self._context_actions:
            return
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        menu = QMenu(self)
        menu.setObjectName("subscriberContextMenu")
        for entry in self._context_actions:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def visible_phones(self) -> list[str]:
        table = self.table
        first = table.rowAt(0)
        if first < 0:
            return []
        last = table.rowAt(table.viewport().height() - 1)
        last = self.proxy.rowCount() - 1 if last < 0 else last
        return [self.proxy.index(r, 0).data(PHONE_ROLE) for r in range(first, last + 1)]

    def _emit_visible(self) -> None:
        self.visible_changed.emit(self.visible_phones())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._visible_timer.start()

    def _busy_changed(self) -> None:
        if self.model.busy_phones():
            if not self._spin_timer.isActive():
                self._spin_timer.start()
        else:
            self._spin_timer.stop()

    def _spin(self) -> None:
        table = self.table
        x = table.columnViewportPosition(STATUS)
        table.viewport().update(x, 0, table.columnWidth(STATUS), table.viewport().height())


__all__ = ["SubscriberList", "SubscriberTable"]

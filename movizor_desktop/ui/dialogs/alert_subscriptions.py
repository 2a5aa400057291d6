"""Alert subscriptions (``events_subscribe_*``): who gets an SMS, e-mail or Telegram
message when an event happens, for all subscribers or chosen ones.

The table lists the account's subscriptions (event, channel, recipient, whose events,
created). *Add…* and *Edit…* open :class:`~.alert_form.AlertFormDialog`; an edit is a safe
replace (the new subscription is added before the old one is deleted, see
``sync/subscriptions.py``). *Delete…* asks first. The list loads when the dialog opens
("Loading…"), re-reads after every change, says so when the account has none, and shows
failures in its banner; the buttons a running request concerns are disabled meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import MovizorError
from ...api.phones import format_phone
from ...sync.subscriptions import AlertSpec, delete_alert, list_alerts
from .. import formatting as fmt
from ..events_panel import event_texts
from .alert_form import AlertFormDialog, channel_names
from .widgets import Banner, Note, action_button, run_dialog

if TYPE_CHECKING:
    from ...api.models import EventSubscription
    from ...fleet import FleetRow
    from ..session import Session

log = logging.getLogger(__name__)

EVENT, CHANNEL, RECIPIENT, WHOSE, CREATED = range(5)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
MAX_NAMES = 3
WARNING_STYLE = ("QLabel { color: #7a4b00; background: #fff4d6; border: 1px solid #f0d38a;"
                 " border-radius: 4px; padding: 6px 8px; }")


class AlertSubscriptionsDialog(QDialog):
    def __init__(self, session: Session, fleet: Sequence[FleetRow] = (), *, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fleet = list(fleet)
        self.lang = lang
        self._titles = {row.phone: row.title for row in self.fleet}
        self.subscriptions: dict[str, EventSubscription] = {}
        self._loaded = self._loading = self._failed = False
        self._deleting: str | None = None
        self.form: AlertFormDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.setObjectName("alert_subscriptions_dialog")
        self.setWindowTitle(self.tr("Alert subscriptions"))
        self.resize(900, 440)

        self.banner = Banner()
        self.banner.setObjectName("alerts_banner")
        self.info = Note()
        self.info.setObjectName("alerts_info")
        self.info.hide()
        intro = Note(self.tr(
            "Movizor sends an SMS, an e-mail or a Telegram message when an event happens. "
            "SMS alerts are paid per message (see the balance)."))

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Event"), self.tr("Send by"), self.tr("To"), self.tr("Subscribers"),
            self.tr("Created")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("alerts_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CREATED, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHOSE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("alerts_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)

        self.add_button = action_button("alerts_add", self.tr("&Add…"), self.add)
        self.edit_button = action_button("alerts_edit", self.tr("&Edit…"), self.edit)
        self.delete_button = action_button("alerts_delete", self.tr("&Delete…"), self.delete)
        self.refresh_button = action_button("alerts_refresh", self.tr("&Refresh"), self.load)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.info, intro):
            layout.addWidget(widget)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self._update_buttons()

    # --- state ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._loading or self._deleting is not None

    @property
    def loading(self) -> bool:
        return self._loading

    def current(self) -> EventSubscription | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.subscriptions.get(self.proxy.index(rows[0].row(), EVENT).data(ID_ROLE))

    def select_id(self, subscription_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, EVENT).data(ID_ROLE) == subscription_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self, *_: object) -> None:
        has = self.current() is not None
        self.add_button.setEnabled(self._loaded and not self.busy)
        self.edit_button.setEnabled(has and not self.busy)
        self.delete_button.setEnabled(has and not self.busy)
        self.refresh_button.setEnabled(not self.busy)

    def _show_placeholder(self) -> None:
        if self.subscriptions:
            self.stack.setCurrentWidget(self.table)
            return
        if self._loading:
            text = self.tr("Loading alert subscriptions…")
        elif self._failed:
            text = self.tr("The alert subscriptions could not be loaded.")
        else:
            text = self.tr("No alerts yet. Press Add… to get an SMS, an e-mail or a "
                           "Telegram message when, for example, a driver refuses tracking "
                           "or runs late.")
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def say(self, level: str, text: str) -> None:
        """A line above the table: ``info`` (green) or ``warning`` (amber)."""
        if level == "warning":
            self.info.setStyleSheet(WARNING_STYLE)
            self.info.setText(text)
            self.info.setVisible(bool(text))
        else:
            self.info.set_text(text, ok=True)

    def info_text(self) -> str:
        return self.info.text() if self.info.isVisible() else ""

    # --- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.banner.set_message(None)
        self._show_placeholder()
        self._update_buttons()
        self.session.tasks.spawn(self._load(), on_error=self._unexpected)

    async def _load(self) -> None:
        try:
            subs = await list_alerts(self.session.client)
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._loading, self._failed = False, True
                self.banner.set_message(self.tr(
                    "The alert subscriptions could not be loaded: {error}").format(
                        error=exc.message(self.lang)))
                self._show_placeholder()
                self._update_buttons()
            return
        if shiboken6.isValid(self):
            self._loading, self._loaded, self._failed = False, True, False
            self.set_subscriptions(subs)

    def set_subscriptions(self, subs: Sequence[EventSubscription]) -> None:
        keep = self.current()
        self.subscriptions = {s.id: s for s in subs}
        self.model.removeRows(0, self.model.rowCount())
        texts, channels = event_texts(), channel_names()
        for sub in subs:
            self.model.appendRow(self._items(sub, texts, channels))
        self.table.sortByColumn(self.proxy.sortColumn(), self.proxy.sortOrder())
        self._show_placeholder()
        if keep is not None:
            self.select_id(keep.id)
        self._update_buttons()

    def _name(self, phone: str) -> str:
        title = self._titles.get(phone, "")
        return f"{title} ({format_phone(phone)})" if title else format_phone(phone)

    def _items(self, sub: EventSubscription, texts: dict[str, tuple[str, str]],
               channels: dict[str, str]) -> list[QStandardItem]:
        def item(text: str, sort: Any, tip: str = "") -> QStandardItem:
            cell = QStandardItem(text)
            cell.setData(sort, SORT_ROLE)
            cell.setToolTip(tip or text)
            return cell

        spec = AlertSpec.of(sub)
        name, explanation = texts.get(sub.type, (sub.type, ""))
        if spec.notify_type == "telegram":
            to = self.tr("the account's Telegram")
        elif spec.notify_type == "sms":
            to = format_phone(spec.notify_value)
        else:
            to = spec.notify_value
        if spec.phones is None:
            whose, tip = self.tr("All subscribers"), ""
        else:
            names = [self._name(p) for p in spec.phones]
            whose = ", ".join(names[:MAX_NAMES])
            if len(names) > MAX_NAMES:
                whose += " " + self.tr("and {count} more").format(count=len(names) - MAX_NAMES)
            tip = "\n".join(names)
        created = sub.timestamp
        items = [
            item(name, name.casefold(), explanation),
            item(channels.get(spec.notify_type, spec.notify_type), spec.notify_type),
            item(to, to.casefold()),
            item(whose, (spec.phones is not None, len(spec.phones or ())), tip),
            item(fmt.msk_datetime(created), created.timestamp() if created else 0),
        ]
        items[EVENT].setData(sub.id, ID_ROLE)
        return items

    # --- actions ----------------------------------------------------------------------------

    def add(self) -> AlertFormDialog | None:
        return self._open_form(None)

    def edit(self) -> AlertFormDialog | None:
        sub = self.current()
        return None if sub is None or self.busy else self._open_form(sub)

    def _open_form(self, old: EventSubscription | None) -> AlertFormDialog | None:
        if self.busy:
            return None
        form = AlertFormDialog(self.session, self.fleet, existing=list(
            self.subscriptions.values()), old=old, lang=self.lang, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished_with.connect(self._form_done)
        self.form = form
        form.destroyed.connect(self._form_gone)
        form.open()
        return form

    def _form_done(self, level: str, text: str) -> None:
        self.banner.set_message(None)
        self.say(level, text)
        self.load()

    def delete(self) -> None:
        sub = self.current()
        if sub is None or self.busy:
            return
        self._deleting = sub.id
        self._update_buttons()
        self.session.tasks.spawn(self._delete(sub), on_error=self._unexpected)

    def _confirm_box(self, sub: EventSubscription) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("confirm_alert_delete")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete alert?"))
        name = event_texts().get(sub.type, (sub.type, ""))[0]
        box.setText(self.tr("Stop the “{event}” alerts?").format(event=name))
        delete = box.addButton(self.tr("Delete alert"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    async def _delete(self, sub: EventSubscription) -> None:
        box = self.confirm_box = self._confirm_box(sub)
        try:
            await run_dialog(box)
            clicked = box.clickedButton()
            confirmed = clicked is not None and clicked.objectName() == "confirm"
        finally:
            self.confirm_box = None
            box.deleteLater()
        if not confirmed:
            self._deleting = None
            self._update_buttons()
            return
        try:
            await delete_alert(self.session.client, sub.id)
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._deleting = None
                self.banner.set_message(self.tr("The alert could not be deleted: {error}")
                                        .format(error=exc.message(self.lang)))
                self._update_buttons()
            return
        if shiboken6.isValid(self):
            self._deleting = None
            self.say("info", self.tr("Alert deleted."))
            self.load()

    def _form_gone(self, *_: object) -> None:
        self.form = None

    def _unexpected(self, exc: BaseException) -> None:
        log.error("alert subscriptions: unexpected error", exc_info=(type(exc), exc,
                                                                     exc.__traceback__))
        if shiboken6.isValid(self):
            self._failed = self._failed or self._loading
            self._loading = False
            self._deleting = None
            self.banner.set_message(self.tr("Something went wrong; the details are in the log."))
            self._show_placeholder()
            self._update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded and not self._loading:
            self.load()

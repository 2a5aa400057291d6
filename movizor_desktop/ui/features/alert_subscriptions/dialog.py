"""Alert subscriptions (``events_subscribe_*``): who gets an SMS, e-mail or Telegram
message when an event happens, for all subscribers or chosen ones.

The table lists the account's subscriptions (event, channel, recipient, whose events,
created). *Add…* and *Edit…* open :class:`~.form.AlertFormDialog`; an edit is a safe
replace (the new subscription is added before the old one is deleted, see
``sync/alert_subscriptions.py``). *Delete…* asks first. The list loads when the dialog opens
("Loading…"), re-reads after every change, says so when the account has none, and shows
failures in its banner; the buttons a running request concerns are disabled meanwhile (the
list's behaviour is :class:`~movizor_desktop.ui.dialogs.list_dialog.ListDialog`'s).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from ....api.phones import format_phone
from ....sync.alert_subscriptions import SubscriptionSpec, delete_subscription, list_subscriptions
from ... import formatting as fmt
from ...dialogs.list_dialog import ListDialog, ListTexts
from ...dialogs.widgets import Note, action_button
from ...events_panel import event_texts
from .form import AlertFormDialog, channel_names

if TYPE_CHECKING:
    from ....api.models import EventSubscription
    from ....fleet import FleetRow
    from ...session import Session


EVENT, CHANNEL, RECIPIENT, WHOSE, CREATED = range(5)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
MAX_NAMES = 3
WARNING_STYLE = (
    "QLabel { color: #7a4b00; background: #fff4d6; border: 1px solid #f0d38a;"
    " border-radius: 4px; padding: 6px 8px; }"
)


class AlertSubscriptionsDialog(ListDialog["EventSubscription"]):
    def __init__(
        self,
        session: Session,
        fleet: Sequence[FleetRow] = (),
        *,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, name="alerts", lang=lang, parent=parent)
        self.fleet = list(fleet)
        self._titles = {row.phone: row.title for row in self.fleet}
        self.subscriptions: dict[str, EventSubscription] = {}
        self.form: AlertFormDialog | None = None
        self.setObjectName("alert_subscriptions_dialog")
        self.setWindowTitle(self.tr("Alert subscriptions"))
        self.resize(900, 440)
        intro = Note(
            self.tr(
                "Movizor sends an SMS, an e-mail or a Telegram message when an event happens. "
                "SMS alerts are paid per message (see the balance)."
            )
        )

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Event"),
                self.tr("Send by"),
                self.tr("To"),
                self.tr("Subscribers"),
                self.tr("Created"),
            ]
        )
        self.set_model(self.model, SORT_ROLE)
        self.table.sortByColumn(CREATED, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHOSE, QHeaderView.ResizeMode.Stretch)

        self.add_button = action_button("alerts_add", self.tr("&Add…"), self.add)
        self.edit_button = action_button("alerts_edit", self.tr("&Edit…"), self.edit)
        self.delete_button = action_button("alerts_delete", self.tr("&Delete…"), self.delete)
        self.refresh_button = action_button("alerts_refresh", self.tr("&Refresh"), self.load)
        self.lay_out(
            [self.add_button, self.edit_button, self.delete_button],
            self.refresh_button,
            above=[intro],
        )

    # --- ListDialog ---------------------------------------------------------------------------

    def texts(self) -> ListTexts:
        return ListTexts(
            loading=self.tr("Loading alert subscriptions…"),
            failed=self.tr("The alert subscriptions could not be loaded."),
            empty=self.tr(
                "No alerts yet. Press Add… to get an SMS, an e-mail or a "
                "Telegram message when, for example, a driver refuses tracking "
                "or runs late."
            ),
            load_error=self.tr("The alert subscriptions could not be loaded: {error}"),
            delete_error=self.tr("The alert could not be deleted: {error}"),
            unexpected=self.tr("Something went wrong; the details are in the log."),
        )

    async def fetch(self) -> Sequence[EventSubscription]:
        return await list_subscriptions(self.session.client)

    def show_items(self, items: Sequence[EventSubscription]) -> None:
        self.set_subscriptions(items)

    def current(self) -> EventSubscription | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.subscriptions.get(self.proxy.index(rows[0].row(), EVENT).data(ID_ROLE))

    def item_id(self, item: EventSubscription) -> str:
        return item.id

    def update_buttons(self, *_: object) -> None:
        has = self.current() is not None
        self.add_button.setEnabled(self._loaded and not self.busy)
        self.edit_button.setEnabled(has and not self.busy)
        self.delete_button.setEnabled(has and not self.busy)
        self.refresh_button.setEnabled(not self.busy)

    def delete_box(self, item: EventSubscription) -> QMessageBox:
        name = event_texts().get(item.type, (item.type, ""))[0]
        return self.new_message_box(
            "confirm_alert_delete",
            self.tr("Delete alert?"),
            self.tr("Stop the “{event}” alerts?").format(event=name),
            self.tr("Delete alert"),
        )

    async def remove(self, item: EventSubscription) -> None:
        await delete_subscription(self.session.client, item.id)

    def removed(self, item: EventSubscription) -> None:
        self.say("info", self.tr("Alert deleted."))

    # --- the subscriptions --------------------------------------------------------------------

    def select_id(self, subscription_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, EVENT).data(ID_ROLE) == subscription_id:
                self.table.selectRow(r)
                return True
        return False

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

    def set_subscriptions(self, subs: Sequence[EventSubscription]) -> None:
        keep = self.current()
        self.subscriptions = {s.id: s for s in subs}
        self.model.removeRows(0, self.model.rowCount())
        texts, channels = event_texts(), channel_names()
        for sub in subs:
            self.model.appendRow(self._items(sub, texts, channels))
        self.table.sortByColumn(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.show_placeholder()
        if keep is not None:
            self.select_id(keep.id)
        self.update_buttons()

    def _name(self, phone: str) -> str:
        title = self._titles.get(phone, "")
        return f"{title} ({format_phone(phone)})" if title else format_phone(phone)

    def _items(
        self, sub: EventSubscription, texts: dict[str, tuple[str, str]], channels: dict[str, str]
    ) -> list[QStandardItem]:
        def item(text: str, sort: Any, tip: str = "") -> QStandardItem:
            cell = QStandardItem(text)
            cell.setData(sort, SORT_ROLE)
            cell.setToolTip(tip or text)
            return cell

        spec = SubscriptionSpec.of(sub)
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
        form = AlertFormDialog(
            self.session,
            self.fleet,
            existing=list(self.subscriptions.values()),
            old=old,
            lang=self.lang,
            parent=self,
        )
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

    def _form_gone(self, *_: object) -> None:
        self.form = None


__all__ = ["AlertSubscriptionsDialog"]

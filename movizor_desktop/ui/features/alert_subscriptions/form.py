"""The form that adds or edits one alert subscription.

Fields: the event (Movizor's event types with their readable names), the channel (SMS,
e-mail or Telegram — one per subscription), the recipient (a phone for SMS, an address for
e-mail; Telegram goes to the Telegram linked to the Movizor account, so it takes none) and
whose events: all subscribers of the account, or the ones ticked in a filterable list of
the current fleet.

The form sends the request itself (``sync.alert_subscriptions``): adding calls
:func:`~movizor_desktop.sync.alert_subscriptions.add_subscription`; editing calls
:func:`~movizor_desktop.sync.alert_subscriptions.replace_subscription`, which adds the new
subscription before deleting the old one. A refused add keeps the form open with the input and the
message under the field concerned (the old subscription stays). When the add went through
but the delete did not, or the add's answer was lost, the form closes and ``finished_with``
carries a warning for the list, which then re-reads the subscriptions.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ....api.codes import EVENT_TYPES
from ....api.errors import MovizorError
from ....api.phones import format_phone
from ....sync.alert_subscriptions import (
    ReplaceResult,
    SubscriptionSpec,
    add_subscription,
    find_duplicate,
    recipient_problem,
    replace_subscription,
)
from ...dialogs.guard import DialogGuard
from ...dialogs.widgets import Banner, FieldError, Note, add_field
from ...events_panel import event_texts

if TYPE_CHECKING:
    from ....api.models import EventSubscription
    from ....fleet import FleetRow
    from ...session import Session

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("AlertChannels", "…")

PHONE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# Error fields of events_subscribe_add (api/codes.py) → the form's fields.
FIELD_OF = {
    "events": "event",
    "notify_type": "channel",
    "notify_value": "recipient",
    "phone": "recipient",
    "phones": "phones",
}


def channel_names() -> dict[str, str]:
    """Channel → its name, translated."""
    return {
        "sms": translate("AlertChannels", "SMS"),
        "email": translate("AlertChannels", "E-mail"),
        "telegram": translate("AlertChannels", "Telegram"),
    }


class AlertFormDialog(QDialog):
    """Add (``old`` None) or edit one subscription.

    ``finished_with(level, text)`` tells the list what happened once the form closes after
    sending ("info" or "warning"); the list re-reads the subscriptions then.
    """

    finished_with = Signal(str, str)

    def __init__(
        self,
        session: Session,
        fleet: Sequence[FleetRow],
        *,
        existing: Sequence[EventSubscription] = (),
        old: EventSubscription | None = None,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.old = old
        self.existing = list(existing)
        self._busy = False
        self.setObjectName("alert_form")
        self.setWindowTitle(self.tr("Edit alert") if old else self.tr("New alert"))
        self.setMinimumSize(520, 560)
        start = SubscriptionSpec.of(old) if old else SubscriptionSpec("confirm", "email")

        self.banner = Banner()
        self.banner.setObjectName("alert_form_banner")
        form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        texts = event_texts()
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("alert_event")
        for kind in EVENT_TYPES:
            name, explanation = texts.get(kind, (kind, ""))
            self.event_combo.addItem(name, kind)
            self.event_combo.setItemData(
                self.event_combo.count() - 1, explanation, Qt.ItemDataRole.ToolTipRole
            )
        if (index := self.event_combo.findData(start.event)) < 0:
            self.event_combo.addItem(start.event, start.event)  # a type we do not know
            index = self.event_combo.count() - 1
        self.event_combo.setCurrentIndex(index)
        self.errors["event"] = add_field(form, self.tr("&Event:"), self.event_combo)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("alert_channel")
        for kind, name in channel_names().items():
            self.channel_combo.addItem(name, kind)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(start.notify_type)))
        self.errors["channel"] = add_field(form, self.tr("&Send by:"), self.channel_combo)

        self.recipient_edit = QLineEdit(
            format_phone(start.notify_value) if start.notify_type == "sms" else start.notify_value
        )
        self.recipient_edit.setObjectName("alert_recipient")
        self.recipient_note = Note()
        self.errors["recipient"] = add_field(
            form, self.tr("&To:"), self.recipient_edit, self.recipient_note
        )

        self.all_radio = QRadioButton(self.tr("&All subscribers of the account"))
        self.all_radio.setObjectName("alert_all")
        self.chosen_radio = QRadioButton(self.tr("&Only the subscribers ticked below"))
        self.chosen_radio.setObjectName("alert_chosen")
        group = QButtonGroup(self)
        group.addButton(self.all_radio)
        group.addButton(self.chosen_radio)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("alert_filter")
        self.filter_edit.setPlaceholderText(self.tr("Find by name or number"))
        self.phone_list = QListWidget()
        self.phone_list.setObjectName("alert_phones")
        chosen = set(start.normalized().phones or ())
        known = {row.phone for row in fleet}
        entries = [(row.phone, row.title) for row in fleet]
        entries += [(p, "") for p in sorted(chosen - known)]  # no longer on the account
        for phone, title in entries:
            label = f"{title} — {format_phone(phone)}" if title else format_phone(phone)
            item = QListWidgetItem(label)
            item.setData(PHONE_ROLE, phone)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if phone in chosen else Qt.CheckState.Unchecked
            )
            self.phone_list.addItem(item)
        self.count_note = Note()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.all_radio,
            self.chosen_radio,
            self.filter_edit,
            self.phone_list,
            self.count_note,
        ):
            column.addWidget(widget)
        self.errors["phones"] = add_field(form, self.tr("Subscribers:"), box)
        (self.all_radio if start.phones is None else self.chosen_radio).setChecked(True)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save") if old else self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("alert_save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        # Enter finishes a field; Add/Save is a click or Ctrl+Enter; Escape asks first
        self.guard = DialogGuard(self, commit=self.submit, cancel_button=self.cancel_button)
        self.status = Note()
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        self.all_radio.toggled.connect(self._scope_changed)
        self.filter_edit.textChanged.connect(self._filter)
        self.phone_list.itemChanged.connect(self._count)
        self._channel_changed()
        self._scope_changed()
        self._count()

    # --- widgets ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def channel(self) -> str:
        return self.channel_combo.currentData()

    def _channel_changed(self, *_: object) -> None:
        kind = self.channel()
        self.recipient_edit.setVisible(kind != "telegram")
        self.errors["recipient"].clear_message()
        if kind == "telegram":
            self.recipient_note.set_text(
                self.tr(
                    "Alerts go to the Telegram linked to your Movizor account (set up in the web "
                    "cabinet)."
                )
            )
        elif kind == "sms":
            self.recipient_edit.setPlaceholderText("+7 921 001-02-03")
            self.recipient_note.set_text(self.tr("The mobile number that gets the SMS."))
        else:
            self.recipient_edit.setPlaceholderText("dispatch@example.ru")
            self.recipient_note.set_text(self.tr("The address that gets the e-mail."))

    def _scope_changed(self, *_: object) -> None:
        chosen = self.chosen_radio.isChecked()
        self.filter_edit.setEnabled(chosen and not self._busy)
        self.phone_list.setEnabled(chosen and not self._busy)
        self._count()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        digits = "".join(ch for ch in needle if ch.isdigit())
        for i in range(self.phone_list.count()):
            item = self.phone_list.item(i)
            phone = item.data(PHONE_ROLE)
            hit = (
                not needle or needle in item.text().casefold() or (bool(digits) and digits in phone)
            )
            item.setHidden(not hit)

    def set_checked(self, phones: Sequence[str]) -> None:
        wanted = set(phones)
        for i in range(self.phone_list.count()):
            item = self.phone_list.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(PHONE_ROLE) in wanted
                else Qt.CheckState.Unchecked
            )

    def checked_phones(self) -> list[str]:
        return [
            self.phone_list.item(i).data(PHONE_ROLE)
            for i in range(self.phone_list.count())
            if self.phone_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _count(self, *_: object) -> None:
        if self.all_radio.isChecked():
            self.count_note.set_text(self.tr("Every subscriber, including ones added later."))
        else:
            self.count_note.set_text(
                self.tr("Chosen: {count}").format(count=len(self.checked_phones()))
            )

    def spec(self) -> SubscriptionSpec:
        kind = self.channel()
        value = "" if kind == "telegram" else self.recipient_edit.text().strip()
        phones = None if self.all_radio.isChecked() else tuple(self.checked_phones())
        return SubscriptionSpec(self.event_combo.currentData(), kind, value, phones)  # type: ignore[arg-type]

    # --- sending ----------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.banner.set_message(None)
        for error in self.errors.values():
            error.clear_message()

    def _check(self, spec: SubscriptionSpec) -> dict[str, str]:
        problems: dict[str, str] = {}
        problem = recipient_problem(spec.notify_type, spec.notify_value)
        if problem == "missing":
            problems["recipient"] = (
                self.tr("Enter the mobile number that gets the SMS.")
                if spec.notify_type == "sms"
                else self.tr("Enter the e-mail address.")
            )
        elif problem == "invalid":
            problems["recipient"] = (
                self.tr("“{value}” is not a Russian mobile number.")
                if spec.notify_type == "sms"
                else self.tr("“{value}” is not an e-mail address.")
            ).format(value=spec.notify_value)
        if spec.phones is not None and not spec.phones:
            problems["phones"] = self.tr("Tick at least one subscriber, or choose all.")
        if not problems and find_duplicate(
            spec, self.existing, ignore_id=self.old.id if self.old else None
        ):
            problems["banner"] = self.tr("The same alert already exists.")
        return problems

    def submit(self) -> None:
        if self._busy:
            return
        self._clear_errors()
        spec = self.spec()
        problems = self._check(spec)
        if problems:
            for field, text in problems.items():
                (self.banner if field == "banner" else self.errors[field]).set_message(text)
            return
        self._set_busy(True)
        self.session.tasks.spawn(self._guarded(spec), on_error=self._unexpected)

    async def _guarded(self, spec: SubscriptionSpec) -> None:
        try:
            await self._send(spec)
        except asyncio.CancelledError:  # the session closed: the form must stay closable
            if shiboken6.isValid(self):
                self._set_busy(False)
            raise

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.status.set_text(self.tr("Saving…") if busy else "")
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        for widget in (
            self.event_combo,
            self.channel_combo,
            self.recipient_edit,
            self.all_radio,
            self.chosen_radio,
        ):
            widget.setEnabled(not busy)
        self._scope_changed()

    async def _send(self, spec: SubscriptionSpec) -> None:
        client = self.session.client
        if self.old is None:
            try:
                await add_subscription(client, spec)
            except MovizorError as exc:
                self._refused(exc)
                return
            self._close_with("info", self.tr("Alert added."))
            return
        outcome = await replace_subscription(client, self.old, spec)
        error = outcome.error.message(self.lang) if outcome.error else ""
        if outcome.result == ReplaceResult.UNCHANGED:
            self._close_with("info", self.tr("Nothing was changed."))
        elif outcome.result == ReplaceResult.REPLACED:
            self._close_with("info", self.tr("Alert changed."))
        elif outcome.result == ReplaceResult.DELETE_FAILED:
            self._close_with(
                "warning",
                self.tr(
                    "The changed alert was added, but the old one could not be deleted: {error} "
                    "Both exist now; delete the old one from the list."
                ).format(error=error),
            )
        elif outcome.maybe_added:
            self._close_with(
                "warning",
                self.tr(
                    "No answer came to adding the changed alert: {error} It may have been "
                    "added next to the old one, which was kept. Check the list."
                ).format(error=error),
            )
        else:
            assert outcome.error is not None
            self._refused(outcome.error, kept=True)

    def _refused(self, exc: MovizorError, *, kept: bool = False) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        text = exc.message(self.lang)
        if kept:
            text = self.tr("{error} The alert was not changed; the old one stays.").format(
                error=text
            )
        field = FIELD_OF.get(exc.field or "")
        (self.errors[field] if field else self.banner).set_message(text)

    def _close_with(self, level: str, text: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.finished_with.emit(level, text)
        self.accept()

    def _unexpected(self, exc: BaseException) -> None:
        log.error("saving an alert failed", exc_info=(type(exc), exc, exc.__traceback__))
        if shiboken6.isValid(self):
            self._set_busy(False)
            self.banner.set_message(self.tr("Something went wrong; the details are in the log."))

    def reject(self) -> None:
        if self._busy:  # a write is on its way: its outcome must be reported
            return
        super().reject()

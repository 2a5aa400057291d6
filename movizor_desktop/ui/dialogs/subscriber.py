"""Add a subscriber, or edit one's name, tags and tariff.

* The phone may be typed any common way; a live preview shows the number as it will be
  sent (``→ +7 921 001-02-03``) or says why it cannot be (``api.phones``).
* The tariff list comes from the balance's price table (``session.engine.status.balance``),
  ``15`` preselected when offered. Editing a tariff asks plainly whether it switches at the
  next 00:00 MSK or right now (``activate``).
* Save runs ``session.actions.add/edit`` as a task; the button is disabled while the
  request is in flight (no double submit; the actions guard against it too). On failure
  the dialog stays open with everything typed, and the error is shown next to the field
  it concerns (``err.field``) or in the banner at the top.
* An edit sends only the fields the dispatcher changed, and always a tariff: the server
  resets an edit without one to the manual tariff (``MovizorClient.object_edit``), so the
  current tariff — or the pending ``tariff_new`` — is sent when it was left alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QModelIndex, QPersistentModelIndex, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...api.encoding import MSK
from ...api.errors import InvalidPhoneError, MovizorError
from ...api.phones import format_phone, normalize_phone
from ...sync.actions import SERVICE_GROUPS, ActionInProgress
from .widgets import Banner, FieldError, Note, add_field

if TYPE_CHECKING:
    from ...api.models import Balance
    from ...sync.state import FleetRow
    from ..session import Session

log = logging.getLogger(__name__)

DEFAULT_TARIFF = "15"
MIN_DATEOFF = timedelta(days=1, minutes=2)  # "more than a day", with time to send it
MSK_OFFSET = 3 * 3600


def tariff_id(value: str | int | None) -> str | None:
    """The numeric id of a tariff (the server sometimes says ``manual`` for ``0``)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return "0" if text.lower() == "manual" else text


def split_tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class TagsCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [t.strip() for t in text.split(",")[:-1] if t.strip()]
        return ", ".join([*head, completion])


class SubscriberDialog(QDialog):
    """Add (``row`` None) or edit (``row`` given) one subscriber."""

    saved = Signal(object)  # FleetRow, as read back from the server

    def __init__(self, session: Session, *, row: FleetRow | None = None,
                 tags: Iterable[str] = (), lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.row = row
        self.lang = lang
        self._busy = False
        self._initial_tariff = tariff_id(row.tariff_new or row.tariff) if row else None
        self.setObjectName("subscriber_dialog")
        self.setWindowTitle(self.tr("Add subscriber") if row is None
                            else self.tr("Edit subscriber"))
        self.setMinimumWidth(460)

        self.banner = Banner()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, FieldError] = {}

        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phone")
        self.phone_preview = Note()
        if row is None:
            self.phone_edit.setPlaceholderText(self.tr("+7 921 001-02-03"))
            self.phone_edit.textChanged.connect(self._update_phone_preview)
            self._update_phone_preview("")
        else:
            self.phone_edit.setText(format_phone(row.phone))
            self.phone_edit.setReadOnly(True)
            self.phone_preview.hide()
        self.errors["phone"] = add_field(form, self.tr("&Phone:"), self.phone_edit,
                                         self.phone_preview)

        self.title_edit = QLineEdit(row.title if row else "")
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("Driver's name or vehicle"))
        self.errors["title"] = add_field(form, self.tr("&Name:"), self.title_edit)

        self.tags_edit = QLineEdit(", ".join(row.tags) if row else "")
        self.tags_edit.setObjectName("tags")
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas"))
        completer = TagsCompleter(sorted(set(tags), key=str.casefold), self.tags_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags_edit.setCompleter(completer)
        self.errors["tags"] = add_field(form, self.tr("&Tags:"), self.tags_edit)

        self.tariff_combo = QComboBox()
        self.tariff_combo.setObjectName("tariff")
        self.tariff_combo.setPlaceholderText(self.tr("Choose a tariff"))
        self._fill_tariffs(session.engine.status.balance)
        self.tariff_note = Note()
        self.tariff_note.hide()
        self.when_box = QWidget()
        when = QVBoxLayout(self.when_box)
        when.setContentsMargins(0, 0, 0, 0)
        when.setSpacing(0)
        self.tomorrow_radio = QRadioButton(self.tr("Switch from tomorrow, 00:00 MSK"))
        self.now_radio = QRadioButton(self.tr("Activate now"))
        self.tomorrow_radio.setObjectName("from_tomorrow")
        self.now_radio.setObjectName("activate_now")
        self.tomorrow_radio.setChecked(True)
        self._when_group = QButtonGroup(self)
        for button in (self.tomorrow_radio, self.now_radio):
            self._when_group.addButton(button)
            when.addWidget(button)
        self.when_box.hide()
        self.errors["tariff"] = add_field(form, self.tr("T&ariff:"), self.tariff_combo,
                                          self.tariff_note, self.when_box)
        self.tariff_combo.currentIndexChanged.connect(self._update_tariff_choice)

        self.dateoff_check = QCheckBox(self.tr("Stop tracking automatically at"))
        self.dateoff_check.setObjectName("dateoff_enabled")
        self.dateoff_edit = QDateTimeEdit()
        self.dateoff_edit.setObjectName("dateoff")
        self.dateoff_edit.setTimeZone(QTimeZone(MSK_OFFSET))
        self.dateoff_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.dateoff_edit.setCalendarPopup(True)
        self.dateoff_edit.setEnabled(False)
        self.set_dateoff(_next_hour(datetime.now(MSK) + timedelta(days=2)))
        self.dateoff_check.toggled.connect(self.dateoff_edit.setEnabled)
        self.dateoff_check.toggled.connect(lambda _: self.errors["dateoff"].clear_message())
        dateoff_row = QWidget()
        line = QHBoxLayout(dateoff_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.dateoff_check)
        line.addWidget(self.dateoff_edit, 1)
        line.addWidget(QLabel(self.tr("MSK")))
        if row is None:
            self.errors["dateoff"] = add_field(form, self.tr("&Auto-off:"), dateoff_row)
        else:  # editing the auto-off is not offered here; its errors go to the banner
            dateoff_row.setParent(self)
            dateoff_row.hide()
            self.errors["dateoff"] = FieldError(self)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Add") if row is None else self.tr("Save"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for name, widget in (("phone", self.phone_edit), ("title", self.title_edit),
                             ("tags", self.tags_edit)):
            widget.textEdited.connect(lambda _t, n=name: self.errors[n].clear_message())
        self._update_tariff_choice()
        first = self.phone_edit if row is None else self.title_edit
        first.setFocus()
        self.setTabOrder(self.phone_edit, self.title_edit)
        self.setTabOrder(self.title_edit, self.tags_edit)
        self.setTabOrder(self.tags_edit, self.tariff_combo)

    # --- tariffs --------------------------------------------------------------------------

    def _known_titles(self) -> dict[str, str]:
        return {
            "0": self.tr("Manual requests"),
            "1": self.tr("Online"),
            "3": self.tr("Package for 1 month"),
            "15": self.tr("Every 15 min"),
            "30": self.tr("Every 30 min"),
            "60": self.tr("Every 60 min"),
            "180": self.tr("Every 3 hours"),
        }

    def _fill_tariffs(self, balance: Balance | None) -> None:
        known = self._known_titles()
        titles: dict[str, str] = {}
        if balance is not None:
            for group, prices in balance.tariff.items():
                if group in SERVICE_GROUPS:
                    continue
                for tid, price in prices.items():
                    titles.setdefault(tid, price.title)
        if not titles:  # no balance yet: the ids every operator offers
            titles = dict.fromkeys(known, "")
        for tid in list(titles):
            if tid in known and (self.lang == "en" or not titles[tid]):
                titles[tid] = known[tid]
        if self._initial_tariff is not None and self._initial_tariff not in titles:
            titles[self._initial_tariff] = known.get(self._initial_tariff, "")
        for tid in sorted(titles, key=lambda t: (not t.isdigit(), int(t) if t.isdigit() else 0,
                                                 t)):
            text = f"{tid} — {titles[tid]}" if titles[tid] else tid
            self.tariff_combo.addItem(text, tid)
        preferred = self._initial_tariff if self.row is not None else DEFAULT_TARIFF
        index = self.tariff_combo.findData(preferred)
        self.tariff_combo.setCurrentIndex(index)  # -1: nothing chosen yet (placeholder)
        if self.row is not None and self.row.tariff_new and \
                tariff_id(self.row.tariff_new) != tariff_id(self.row.tariff):
            current = tariff_id(self.row.tariff) or "?"
            self._pending_text = self.tr(
                "A switch from tariff {current} to {new} is scheduled for 00:00 MSK.").format(
                current=current, new=tariff_id(self.row.tariff_new))
        else:
            self._pending_text = ""

    def chosen_tariff(self) -> str | None:
        data = self.tariff_combo.currentData()
        return str(data) if data is not None else None

    def tariff_changed(self) -> bool:
        return self.row is not None and self.chosen_tariff() != self._initial_tariff

    def _update_tariff_choice(self, *_: Any) -> None:
        self.errors["tariff"].clear_message()
        changed = self.tariff_changed()
        self.when_box.setVisible(changed)
        self.tariff_note.set_text(self._pending_text if not changed else "")

    # --- phone and auto-off -----------------------------------------------------------------

    def _update_phone_preview(self, text: str) -> None:
        digits = sum(ch.isdigit() for ch in text)
        if not text.strip():
            self.phone_preview.set_text(self.tr("Any format: +7 921 001-02-03, 8 921 0010203, "
                                                "9210010203"))
            return
        try:
            msisdn = normalize_phone(text)
        except InvalidPhoneError as exc:
            if digits >= 10 or not all(ch.isdigit() or ch in " +()-." for ch in text):
                self.phone_preview.set_text(exc.message(self.lang), ok=False)
            else:
                self.phone_preview.set_text("")
            return
        self.phone_preview.set_text("→ " + format_phone(msisdn), ok=True)

    def set_dateoff(self, moment: datetime) -> None:
        """Put a moment (any zone; naive means MSK) into the auto-off editor."""
        msk = moment.astimezone(MSK) if moment.tzinfo else moment.replace(tzinfo=MSK)
        utc_ms = int(msk.timestamp() * 1000)
        self.dateoff_edit.setDateTime(
            QDateTime.fromMSecsSinceEpoch(utc_ms, QTimeZone(MSK_OFFSET)))

    def dateoff(self) -> datetime | None:
        """The chosen auto-off moment (aware, MSK), or None when not enabled."""
        if self.row is not None or not self.dateoff_check.isChecked():
            return None
        seconds = self.dateoff_edit.dateTime().toMSecsSinceEpoch() / 1000
        return datetime.fromtimestamp(seconds, MSK).replace(second=0, microsecond=0)

    # --- submit -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while the request is in flight."""
        return self._busy

    def field_error(self, field: str) -> str:
        """The error shown next to ``field`` ('' when none): for tests and accessibility."""
        error = self.errors.get(field)
        return error.text() if error is not None and error.isVisibleTo(self) else ""

    def _validate(self) -> dict[str, Any] | None:
        """The keyword arguments for the action, or None after showing what is wrong."""
        for error in self.errors.values():
            error.clear_message()
        self.banner.set_message(None)
        ok = True
        kwargs: dict[str, Any] = {}
        if self.row is None:
            try:
                kwargs["phone"] = normalize_phone(self.phone_edit.text(), function="object_add")
            except InvalidPhoneError as exc:
                message = (exc.message(self.lang) if self.phone_edit.text().strip()
                           else self.tr("Enter the driver's mobile number."))
                self.errors["phone"].set_message(message)
                ok = False
        tariff = self.chosen_tariff()
        if tariff is None:
            self.errors["tariff"].set_message(self.tr("Choose a tariff."))
            ok = False
        dateoff = self.dateoff()
        if dateoff is not None and dateoff - datetime.now(MSK) < MIN_DATEOFF:
            self.errors["dateoff"].set_message(
                self.tr("The auto-off time must be more than a day from now."))
            ok = False
        if not ok:
            return None
        title = self.title_edit.text().strip()
        tags = split_tags(self.tags_edit.text())
        if self.row is None:
            kwargs.update(tariff=tariff, title=title or None, tags=tags or None,
                          dateoff=dateoff)
            return kwargs
        kwargs.update(tariff=tariff, activate=self.tariff_changed() and
                      self.now_radio.isChecked())
        if title != self.row.title:
            kwargs["title"] = title
        if tags != list(self.row.tags):
            kwargs["tags"] = tags
        return kwargs

    def submit(self) -> None:
        """Validate and send (no-op while a request is in flight)."""
        if self._busy:
            return
        kwargs = self._validate()
        if kwargs is None:
            return
        self._set_busy(True)
        self.session.tasks.spawn(self._send(kwargs))

    async def _send(self, kwargs: dict[str, Any]) -> None:
        try:
            if self.row is None:
                phone = kwargs.pop("phone")
                row = await self.session.actions.add(phone, **kwargs)
            else:
                row = await self.session.actions.edit(self.row.phone, **kwargs)
        except asyncio.CancelledError:  # the session closed under us
            self._set_busy(False)
            raise
        except ActionInProgress as exc:
            self._show_error(None, exc.message(self.lang))
        except MovizorError as exc:
            log.info("subscriber %s failed: %r", "add" if self.row is None else "edit", exc)
            self._show_error(exc.field, exc.message(self.lang))
        except Exception:
            log.exception("subscriber dialog: unexpected failure")
            self._show_error(None, self.tr("Something went wrong; the details are in the log."))
        else:
            self._set_busy(False)
            self.saved.emit(row)
            self.accept()

    def _show_error(self, field: str | None, message: str) -> None:
        self._set_busy(False)
        target = self.errors.get(field or "")
        if target is not None and (field != "dateoff" or self.row is None):
            target.set_message(message)
        else:
            self.banner.set_message(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.save_button.setText(
            self.tr("Saving…") if busy else (self.tr("Add") if self.row is None
                                             else self.tr("Save")))

    def reject(self) -> None:
        if self._busy:  # the request may already be on the server: wait for its answer
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


def _next_hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)

"""The main page of the subscriber dialog: phone, operator, tariff, name, tags, auto-off.

Pure widgets: the dialog (``subscriber.py``) does the network and feeds this page the
operator, the tariff choices and their cost. The page tells the dialog what the dispatcher
did through signals:

* ``phone_changed(msisdn | None)`` — the field holds one valid number (None otherwise);
* ``numbers_pasted(list[str])`` — the field holds two or more numbers (pasted at once);
* ``tariff_changed(id | None)``; ``bulk_requested``; ``cancel_pending_requested``.

Editing: :meth:`load` sets the values *and* the baseline the ``*_modified`` checks compare
with, so the dialog sends only what the dispatcher touched.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...api.encoding import MSK, to_msk
from ...api.errors import InvalidPhoneError
from ...api.models import Operator, TariffCost
from ...api.phones import format_phone, normalize_phone, split_phones
from ...api.subscriber_fields import SubscriberFields
from ...api.tariffs import TariffBook
from .subscriber_bulk import plan_numbers
from .subscriber_tariff import TariffField
from .tariffs import (
    TariffOption,
    dateoff_problem,
    default_dateoff,
    split_tags,
)
from .widgets import FieldError, Note, TagsCompleter, add_field

MSK_OFFSET = 3 * 3600
PHONE_CHARS = frozenset(" +()-.")


class MainPage(QWidget):
    phone_changed = Signal(object)  # msisdn or None
    numbers_pasted = Signal(list)  # raw candidates (two or more)
    tariff_changed = Signal(object)  # tariff id or None
    bulk_requested = Signal()
    cancel_pending_requested = Signal()

    def __init__(
        self,
        *,
        editing: bool,
        tags: Iterable[str] = (),
        lang: str = "en",
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = editing
        self.lang = lang
        self._now = now
        self._candidates: list[str] = []
        self.bulk_count = 0  # numbers a multi-number paste would add
        self._baseline: dict[str, Any] = {}
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        # --- phone (+ preview, operator, "add them all")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phone")
        self.phone_preview = Note()
        self.operator_note = Note()
        self.operator_note.setObjectName("operator")
        self.operator_note.hide()
        self.bulk_button = QPushButton()
        self.bulk_button.setObjectName("add_all")
        self.bulk_button.setAutoDefault(False)
        self.bulk_button.clicked.connect(self.bulk_requested)
        self.bulk_row = QWidget()
        bulk_line = QHBoxLayout(self.bulk_row)
        bulk_line.setContentsMargins(0, 0, 0, 0)
        bulk_line.addWidget(self.bulk_button)
        bulk_line.addStretch(1)
        self.bulk_button.hide()
        if editing:
            self.phone_edit.setReadOnly(True)
            self.phone_preview.hide()
        else:
            self.phone_edit.setPlaceholderText(self.tr("+7 921 001-02-03"))
            self.phone_edit.textChanged.connect(self._phone_text_changed)
        self.errors["phone"] = add_field(
            form,
            self.tr("&Phone:"),
            self.phone_edit,
            self.phone_preview,
            self.bulk_row,
            self.operator_note,
        )

        # --- name and tags
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("Driver's name or vehicle"))
        self.errors["title"] = add_field(form, self.tr("&Name:"), self.title_edit)

        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tags")
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas"))
        completer = TagsCompleter(sorted(set(tags), key=str.casefold), self.tags_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags_edit.setCompleter(completer)
        self.errors["tags"] = add_field(form, self.tr("&Tags:"), self.tags_edit)

        # --- tariff (+ cost, when to switch, pending switch, package renewal)
        self.tariff = TariffField(editing=editing, lang=lang, now=now)
        self.errors["tariff"] = self.errors["package_prolong"] = self.tariff.error
        tariff_label = QLabel(self.tr("T&ariff:"))
        tariff_label.setBuddy(self.tariff.combo)
        form.addRow(tariff_label, self.tariff)
        t = self.tariff  # the widgets under their old names
        self.tariff_combo, self.cost_note, self.tariff_note = t.combo, t.cost_note, t.note
        self.when_box, self.tomorrow_radio, self.now_radio = (
            t.when_box,
            t.tomorrow_radio,
            t.now_radio,
        )
        self.pending_box, self.pending_label = t.pending_box, t.pending_label
        self.cancel_pending_button, self.prolong_check = t.cancel_pending_button, t.prolong_check
        t.changed.connect(self.tariff_changed)
        t.cancel_pending_requested.connect(self.cancel_pending_requested)

        # --- auto-off, in Moscow time with the local time beside it
        self.dateoff_check = QCheckBox(self.tr("Stop tracking at"))
        self.dateoff_check.setObjectName("dateoff_enabled")
        self.dateoff_edit = QDateTimeEdit()
        self.dateoff_edit.setObjectName("dateoff")
        self.dateoff_edit.setTimeZone(QTimeZone(MSK_OFFSET))
        self.dateoff_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.dateoff_edit.setCalendarPopup(True)
        self.dateoff_edit.setEnabled(False)
        self.local_note = Note()
        self.local_note.setObjectName("dateoff_local")
        dateoff_row = QWidget()
        line = QHBoxLayout(dateoff_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.dateoff_check)
        line.addWidget(self.dateoff_edit, 1)
        line.addWidget(QLabel(self.tr("MSK")))
        self.dateoff_hint = Note(self.tr("Must be more than a day from now."))
        self.dateoff_hint.hide()
        self.errors["dateoff"] = add_field(
            form, self.tr("&Auto-off:"), dateoff_row, self.local_note, self.dateoff_hint
        )
        self.set_dateoff(default_dateoff(now()))

        # --- a subordinate cabinet (adding only): Movizor's "client number" of it
        self.account_edit = QLineEdit()
        self.account_edit.setObjectName("account")
        self.account_edit.setPlaceholderText(self.tr("Empty: this account"))
        self.account_edit.setToolTip(
            self.tr(
                "To add the subscriber into a subordinate cabinet: its client number, shown at "
                "the top right of Movizor's web cabinet."
            )
        )
        self.errors["account"] = add_field(form, self.tr("S&ub-account:"), self.account_edit)
        if editing:  # object_edit has no such parameter
            box = self.account_edit.parentWidget()  # add_field's box: the row's field
            assert box is not None
            form.setRowVisible(box, False)
        self.dateoff_check.toggled.connect(self.dateoff_edit.setEnabled)
        self.dateoff_check.toggled.connect(self._dateoff_changed)
        self.dateoff_edit.dateTimeChanged.connect(self._dateoff_changed)

        for name, widget in (
            ("phone", self.phone_edit),
            ("title", self.title_edit),
            ("tags", self.tags_edit),
            ("account", self.account_edit),
        ):
            widget.textEdited.connect(lambda _t, n=name: self.errors[n].clear_message())
        chain = [
            self.phone_edit,
            self.bulk_button,
            self.title_edit,
            self.tags_edit,
            self.tariff_combo,
            self.tomorrow_radio,
            self.now_radio,
            self.cancel_pending_button,
            self.prolong_check,
            self.dateoff_check,
            self.dateoff_edit,
            self.account_edit,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if not editing:
            self._phone_text_changed("")
        self._update_local_note()

    # --- phone ------------------------------------------------------------------------------

    def candidates(self) -> list[str]:
        """The numbers of a multi-number paste ([] when the field holds one number)."""
        return list(self._candidates)

    def _phone_text_changed(self, text: str) -> None:
        parts = split_phones(text)
        if len(parts) >= 2:
            self._candidates = parts
            plan = plan_numbers(parts, self.lang)
            to_add = sum(1 for e in plan if e.kind == "add")
            invalid = sum(1 for e in plan if e.kind == "invalid")
            repeated = len(plan) - to_add - invalid
            text = self.tr("{count} numbers pasted: {add} to add").format(
                count=len(parts), add=to_add
            )
            if invalid:
                text += self.tr(", {count} not valid").format(count=invalid)
            if repeated:
                text += self.tr(", {count} repeated").format(count=repeated)
            self.phone_preview.set_text(text + ".", ok=to_add > 0)
            self.bulk_button.setText(self.tr("Add them all ({count})…").format(count=to_add))
            self.bulk_count = to_add
            self.bulk_button.show()
            self.numbers_pasted.emit(parts)
            self.phone_changed.emit(None)
            return
        self._candidates = []
        self.bulk_count = 0
        self.bulk_button.hide()
        digits = sum(ch.isdigit() for ch in text)
        if not text.strip():
            self.phone_preview.set_text(
                self.tr(
                    "Any format: +7 921 001-02-03, 8 921 0010203, "
                    "9210010203. Paste several numbers to add "
                    "them all."
                )
            )
            self.phone_changed.emit(None)
            return
        try:
            msisdn = normalize_phone(text)
        except InvalidPhoneError as exc:
            if digits >= 10 or not all(ch.isdigit() or ch in PHONE_CHARS for ch in text):
                self.phone_preview.set_text(exc.message(self.lang), ok=False)
            else:
                self.phone_preview.set_text("")
            self.phone_changed.emit(None)
            return
        self.phone_preview.set_text("→ " + format_phone(msisdn), ok=True)
        self.phone_changed.emit(msisdn)

    def set_operator(
        self, operator: Operator | None, *, looking: bool = False, error: str | None = None
    ) -> None:
        """Show the operator and region, the lookup in progress, or why it failed."""
        if error:
            self.operator_note.set_text(error, ok=False)
        elif looking:
            self.operator_note.set_text(self.tr("Looking up the operator…"))
        elif operator is not None:
            parts = [p for p in (operator.title or operator.operator, operator.region) if p]
            self.operator_note.set_text(
                self.tr("Operator: {operator}").format(operator=" · ".join(parts))
            )
        else:
            self.operator_note.set_text("")

    # --- tariff (delegated to the field) ------------------------------------------------

    def set_tariff_options(
        self,
        options: Sequence[TariffOption],
        preferred: str | None = None,
        book: TariffBook | None = None,
    ) -> None:
        self.tariff.set_options(options, preferred, book)

    def chosen_tariff(self) -> str | None:
        return self.tariff.chosen()

    def select_tariff(self, tariff: str | None) -> None:
        self.tariff.select(tariff)

    def set_cost(self, cost: TariffCost | None, error: str | None = None) -> None:
        self.tariff.set_cost(cost, error)

    def set_current_tariff(self, current: str | None, pending: str | None) -> None:
        self.tariff.set_current(current, pending)

    def package_prolong(self) -> bool | None:
        return self.tariff.package_prolong()

    # --- auto-off ---------------------------------------------------------------------------

    def set_dateoff(self, moment: datetime) -> None:
        """Put a moment (any zone; naive means MSK) into the auto-off editor."""
        utc_ms = int(to_msk(moment).timestamp() * 1000)
        self.dateoff_edit.setDateTime(QDateTime.fromMSecsSinceEpoch(utc_ms, QTimeZone(MSK_OFFSET)))

    def dateoff(self) -> datetime | None:
        """The chosen auto-off moment (aware, MSK), or None when not enabled."""
        if not self.dateoff_check.isChecked():
            return None
        seconds = self.dateoff_edit.dateTime().toMSecsSinceEpoch() / 1000
        return datetime.fromtimestamp(seconds, MSK).replace(second=0, microsecond=0)

    def dateoff_message(self) -> str | None:
        """Why the auto-off would be refused, or None (also None when not set)."""
        if (
            self.editing
            and self._baseline.get("dateoff") is not None
            and not self.dateoff_check.isChecked()
        ):
            return self.tr("An auto-off cannot be removed here; set a later time instead.")
        problem = dateoff_problem(self.dateoff(), self._now())
        if problem == "past":
            return self.tr("The auto-off time is in the past.")
        if problem == "day":
            return self.tr("The auto-off time must be more than a day from now.")
        return None

    def _dateoff_changed(self, *_: Any) -> None:
        self._update_local_note()
        message = None
        if self.dateoff_modified() if self.editing else self.dateoff_check.isChecked():
            message = self.dateoff_message()
        self.errors["dateoff"].set_message(message)
        self.dateoff_hint.setVisible(self.dateoff_check.isChecked() and not message)

    def _update_local_note(self) -> None:
        seconds = self.dateoff_edit.dateTime().toMSecsSinceEpoch() / 1000
        msk = datetime.fromtimestamp(seconds, MSK)
        local = msk.astimezone()
        if not self.dateoff_check.isChecked() or local.utcoffset() == msk.utcoffset():
            self.local_note.set_text("")
        else:
            self.local_note.set_text(
                self.tr("Your local time: {time}").format(time=local.strftime("%d.%m.%Y %H:%M"))
            )

    # --- editing: baseline and what changed ----------------------------------------------

    def load(
        self,
        *,
        phone: str,
        title: str,
        tags: Sequence[str],
        dateoff: datetime | None,
        package_prolong: bool | None,
    ) -> None:
        """Fill the fields from the server and remember them as the unchanged state."""
        self.phone_edit.setText(format_phone(phone))
        self.title_edit.setText(title)
        self.tags_edit.setText(", ".join(tags))
        self.dateoff_check.setChecked(dateoff is not None)
        if dateoff is not None:
            self.set_dateoff(dateoff)
        self.prolong_check.setChecked(bool(package_prolong))
        self._baseline = {
            "title": title.strip(),
            "tags": list(tags),
            "dateoff": self.dateoff(),
            "package_prolong": bool(package_prolong),
        }
        for error in self.errors.values():
            error.clear_message()
        self._dateoff_changed()

    def title(self) -> str:
        return self.title_edit.text().strip()

    def tags(self) -> list[str]:
        return split_tags(self.tags_edit.text())

    def title_modified(self) -> bool:
        return self.title() != self._baseline.get("title", "")

    def tags_modified(self) -> bool:
        return self.tags() != self._baseline.get("tags", [])

    def dateoff_modified(self) -> bool:
        return self.dateoff() != self._baseline.get("dateoff")

    def prolong_modified(self) -> bool:
        return (
            self.tariff.supports_prolong()
            and self.prolong_check.isChecked() != self._baseline.get("package_prolong")
        )

    # --- validation and what to send ------------------------------------------------------

    def validate(self, *, require_phone: bool) -> str | None:
        """Show every problem of this page next to its field; the MSISDN typed when
        ``require_phone`` (None when it is not valid). :meth:`has_errors` tells the rest."""
        for error in self.errors.values():
            error.clear_message()
        msisdn = None
        if require_phone:
            try:
                msisdn = normalize_phone(self.phone_edit.text(), function="object_add")
            except InvalidPhoneError as exc:
                self.errors["phone"].set_message(
                    exc.message(self.lang)
                    if self.phone_edit.text().strip()
                    else self.tr("Enter the driver's mobile number.")
                )
        if self.chosen_tariff() is None:
            self.errors["tariff"].set_message(self.tr("Choose a tariff."))
        if self.dateoff_modified() if self.editing else self.dateoff_check.isChecked():
            self.errors["dateoff"].set_message(self.dateoff_message())
        account = self.account_edit.text().strip()
        if not self.editing and account and not account.isdigit():
            self.errors["account"].set_message(
                self.tr("A client number has digits only; leave it empty for this account.")
            )
        return msisdn

    def has_errors(self) -> bool:
        return any(not e.isHidden() for e in self.errors.values())

    def add_fields(self) -> dict[str, Any]:
        """For object_add: what is filled in (None: not sent)."""
        return {
            "tariff": self.chosen_tariff(),
            "title": self.title() or None,
            "tags": self.tags() or None,
            "dateoff": self.dateoff(),
            "package_prolong": self.package_prolong() or None,
            "account": self.account_edit.text().strip() or None,
        }

    def edit_fields(self) -> SubscriberFields:
        """For object_edit: only the fields the dispatcher changed (the tariff apart)."""
        fields: SubscriberFields = {}
        if self.title_modified():
            fields["title"] = self.title()
        if self.tags_modified():
            fields["tags"] = self.tags()
        if self.dateoff_modified() and self.dateoff() is not None:
            fields["dateoff"] = self.dateoff()
        if self.prolong_modified():
            fields["package_prolong"] = self.prolong_check.isChecked()
        return fields

    def field_error(self, field: str) -> str:
        error = self.errors.get(field)
        return error.text() if error is not None and not error.isHidden() else ""

"""The form that creates a client link (``share_add``) for the chosen subscribers.

A client link opens Movizor's map of those subscribers for someone outside the company
(the cargo owner) without an account. Fields, as in the API document: client name,
comments, e-mail(s) the link is sent to (several separated by spaces), the moment access
ends (MSK) and the limit of location requests the client may make per day.

* Input is checked before sending: each e-mail must be an address, the end of access must
  be in the future, the request limit a whole number ≥ 0 (empty or 0: no limit; nothing
  is sent then, since the document makes ``req_limit`` optional and does not say what 0
  means).
* Only tracked (``ok``) subscribers can be shared (share_add codes 1 and 2); the form says
  how many of the chosen ones are, and the server's refusal lands under the subscribers.
* While the request runs Create and Cancel are disabled and a second click does nothing:
  one ``share_add`` per press. A refused request keeps the form open with its input.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .... import clock
from ....api.codes import Status
from ....api.encoding import MSK, to_msk
from ....api.errors import MovizorError
from ....api.phones import format_phone
from ....sync.alert_subscriptions import is_email, split_emails
from ...dialogs.guard import DialogGuard
from ...dialogs.widgets import Banner, FieldError, Note, add_field

if TYPE_CHECKING:
    from ....api.models import ShareCreated
    from ....fleet import FleetRow
    from ...session import Session

log = logging.getLogger(__name__)

MSK_OFFSET = 3 * 3600
MAX_NAMES = 6
# The error fields of share_add (api/codes.py) and of the client's own checks → our fields.
FIELD_OF = {
    "phone": "phones",
    "phones": "phones",
    "client": "client",
    "comments": "comments",
    "email": "email",
    "dateoff": "dateoff",
    "req_limit": "req_limit",
}


class ShareFormDialog(QDialog):
    """Create one link; emits ``created(ShareCreated)`` and closes on success."""

    created = Signal(object)  # ShareCreated

    def __init__(
        self,
        session: Session,
        rows: Sequence[FleetRow],
        *,
        lang: str = "en",
        now: Callable[[], datetime] = clock.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.rows = list(rows)
        self.lang = lang
        self._now = now
        self._busy = False
        self.result_share: ShareCreated | None = None
        self.setObjectName("share_form")
        self.setWindowTitle(self.tr("New client link"))
        self.setMinimumWidth(520)

        self.banner = Banner()
        self.banner.setObjectName("share_form_banner")
        form = QFormLayout()
        self.errors: dict[str, FieldError] = {}

        self.phones_label = QLabel(self._names())
        self.phones_label.setObjectName("share_phones")
        self.phones_label.setWordWrap(True)
        self.phones_note = Note(self._active_note())
        self.errors["phones"] = add_field(
            form, self.tr("Subscribers:"), self.phones_label, self.phones_note
        )
        self.client_edit = QLineEdit()
        self.client_edit.setObjectName("share_client")
        self.client_edit.setPlaceholderText(self.tr("e.g. Romashka LLC"))
        self.errors["client"] = add_field(form, self.tr("&Client:"), self.client_edit)
        self.comments_edit = QLineEdit()
        self.comments_edit.setObjectName("share_comments")
        self.errors["comments"] = add_field(form, self.tr("C&omments:"), self.comments_edit)
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("share_email")
        self.email_edit.setPlaceholderText(self.tr("client@example.ru"))
        self.errors["email"] = add_field(
            form,
            self.tr("&E-mail:"),
            self.email_edit,
            Note(
                self.tr(
                    "Movizor sends the link to these addresses; separate several with "
                    "spaces. Optional."
                )
            ),
        )

        # the check box is the row's label: ticking it (or Alt+A) limits the access
        self.dateoff_check = QCheckBox(self.tr("&Access until"))
        self.dateoff_check.setObjectName("share_dateoff_enabled")
        self.dateoff_edit = QDateTimeEdit()
        self.dateoff_edit.setObjectName("share_dateoff")
        self.dateoff_edit.setTimeZone(QTimeZone(MSK_OFFSET))
        self.dateoff_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.dateoff_edit.setCalendarPopup(True)
        self.dateoff_edit.setEnabled(False)
        self.set_dateoff(now() + timedelta(days=7))
        dateoff_row = QWidget()
        line = QHBoxLayout(dateoff_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.dateoff_edit, 1)
        line.addWidget(QLabel(self.tr("MSK")))
        dateoff_box = QWidget()
        column = QVBoxLayout(dateoff_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.errors["dateoff"] = FieldError()
        for widget in (
            dateoff_row,
            self.errors["dateoff"],
            Note(self.tr("Moscow time. Without it the link works until you delete it.")),
        ):
            column.addWidget(widget)
        form.addRow(self.dateoff_check, dateoff_box)
        self.dateoff_check.toggled.connect(self.dateoff_edit.setEnabled)

        self.limit_edit = QLineEdit()
        self.limit_edit.setObjectName("share_req_limit")
        self.limit_edit.setPlaceholderText(self.tr("no limit"))
        self.errors["req_limit"] = add_field(
            form,
            self.tr("Requests per &day:"),
            self.limit_edit,
            Note(
                self.tr(
                    "How many times a day the client may ask for the positions of "
                    "all these subscribers. Empty or 0: no limit."
                )
            ),
        )

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Create link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("share_create")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("share_cancel")
        self.create_button.clicked.connect(self.submit)
        # Enter finishes a field; Create is a click or Ctrl+Enter; Escape asks first
        self.guard = DialogGuard(self, commit=self.submit, cancel_button=self.cancel_button)
        self.status = Note()
        self.status.setObjectName("share_form_status")
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_buttons()

    # --- presentation -----------------------------------------------------------------------

    def _names(self) -> str:
        names = [
            f"{r.title} ({format_phone(r.phone)})" if r.title else format_phone(r.phone)
            for r in self.rows[:MAX_NAMES]
        ]
        text = ", ".join(names)
        if len(self.rows) > MAX_NAMES:
            text += " " + self.tr("and {count} more").format(count=len(self.rows) - MAX_NAMES)
        return text or self.tr("No subscribers are selected.")

    def _active_note(self) -> str:
        active = sum(1 for r in self.rows if r.status == Status.OK)
        if active == len(self.rows):
            return ""
        return self.tr(
            "Only tracked subscribers can be shared; tracked now: {active} of {count} chosen."
        ).format(active=active, count=len(self.rows))

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_buttons(self) -> None:
        self.create_button.setEnabled(not self._busy and bool(self.rows))
        self.cancel_button.setEnabled(not self._busy)
        for widget in (
            self.client_edit,
            self.comments_edit,
            self.email_edit,
            self.dateoff_check,
            self.limit_edit,
        ):
            widget.setEnabled(not self._busy)
        self.dateoff_edit.setEnabled(not self._busy and self.dateoff_check.isChecked())

    def set_dateoff(self, moment: datetime) -> None:
        utc_ms = int(to_msk(moment).timestamp() * 1000)
        self.dateoff_edit.setDateTime(QDateTime.fromMSecsSinceEpoch(utc_ms, QTimeZone(MSK_OFFSET)))

    def dateoff(self) -> datetime | None:
        if not self.dateoff_check.isChecked():
            return None
        seconds = self.dateoff_edit.dateTime().toMSecsSinceEpoch() / 1000
        return datetime.fromtimestamp(seconds, MSK).replace(second=0, microsecond=0)

    # --- checking ---------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.banner.set_message(None)
        for error in self.errors.values():
            error.clear_message()

    def _check(self) -> dict[str, str]:
        """Problems with the input, by field (translated); empty when it can be sent."""
        problems: dict[str, str] = {}
        emails = split_emails(self.email_edit.text())
        bad = [e for e in emails if not is_email(e)]
        if bad:
            problems["email"] = self.tr("“{value}” is not an e-mail address.").format(value=bad[0])
        dateoff = self.dateoff()
        if dateoff is not None and dateoff <= self._now():
            problems["dateoff"] = self.tr("The end of access must be in the future.")
        if self._limit() is None:
            problems["req_limit"] = self.tr(
                "Enter a whole number of requests (0 or more), or leave it empty."
            )
        if not self.rows:
            problems["phones"] = self.tr("Select subscribers in the list first.")
        return problems

    def _limit(self) -> int | None:
        """The typed limit (0 = none), or None when it is not a whole number ≥ 0."""
        text = self.limit_edit.text().strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return 0
        return int(text) if text.isdigit() else None

    # --- sending ----------------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy:
            return
        self._clear_errors()
        problems = self._check()
        if problems:
            for field, text in problems.items():
                self.errors[field].set_message(text)
            return
        self._busy = True
        self.status.set_text(self.tr("Creating the link…"))
        self._update_buttons()
        self.session.tasks.spawn(self._create(), on_error=self._unexpected)

    async def _create(self) -> None:
        limit = self._limit() or None
        emails = " ".join(split_emails(self.email_edit.text()))
        try:
            created = await self.session.client.share_add(
                [r.phone for r in self.rows],
                client=self.client_edit.text().strip() or None,
                comments=self.comments_edit.text().strip() or None,
                email=emails or None,
                dateoff=self.dateoff(),
                req_limit=limit,
            )
        except asyncio.CancelledError:  # the session closed: the form must stay closable
            if shiboken6.isValid(self):
                self._finish()
            raise
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._finish()
                self._show_error(exc)
            return
        if not shiboken6.isValid(self):
            return
        self._finish()
        self.result_share = created
        self.created.emit(created)
        self.accept()

    def _finish(self) -> None:
        self._busy = False
        self.status.set_text("")
        self._update_buttons()

    def _show_error(self, exc: MovizorError) -> None:
        field = FIELD_OF.get(exc.field or "")
        text = exc.message(self.lang)
        if field is not None:
            self.errors[field].set_message(text)
        else:
            self.banner.set_message(text)

    def _unexpected(self, exc: BaseException) -> None:
        log.error("creating a client link failed", exc_info=(type(exc), exc, exc.__traceback__))
        if shiboken6.isValid(self):
            self._finish()
            self.banner.set_message(self.tr("Something went wrong; the details are in the log."))

    def reject(self) -> None:
        if self._busy:  # the request is on its way: its answer must not be lost
            return
        super().reject()

"""Adding several pasted numbers at once, with the settings of the subscriber dialog.

:func:`plan_numbers` sorts the pasted candidates (``api.phones.split_phones``) into numbers
to add, invalid ones (with the reason) and repeats of a number already listed, so no
number is ever sent twice. :class:`BulkAddDialog` shows that plan for confirmation, then
adds the numbers one by one through ``session.actions.add`` and shows each one's result
(added, already on the account, not supported…) in its row. It is shown with ``open()``
from the subscriber dialog, never ``exec()`` (qasync).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import InvalidPhoneError, MovizorError
from ...api.phones import format_phone, normalize_phone
from ...sync.actions import ActionInProgress
from .guard import DialogGuard
from .tariffs import bulk_titles
from .widgets import ERROR_COLOR, OK_COLOR

if TYPE_CHECKING:
    from ...fleet import FleetRow
    from ..session import Session

log = logging.getLogger(__name__)

NUMBER, NAME, RESULT = range(3)


@dataclass(frozen=True, slots=True)
class BulkEntry:
    raw: str
    msisdn: str | None
    kind: Literal["add", "invalid", "duplicate"]
    reason: str = ""  # why it is invalid (already translated)


def plan_numbers(candidates: Iterable[str], lang: str = "en") -> list[BulkEntry]:
    """Each candidate as a number to add, an invalid one, or a repeat of an earlier one."""
    entries: list[BulkEntry] = []
    seen: set[str] = set()
    for raw in candidates:
        try:
            msisdn = normalize_phone(raw, function="object_add")
        except InvalidPhoneError as exc:
            entries.append(BulkEntry(raw, None, "invalid", exc.message(lang)))
            continue
        if msisdn in seen:
            entries.append(BulkEntry(raw, msisdn, "duplicate"))
        else:
            seen.add(msisdn)
            entries.append(BulkEntry(raw, msisdn, "add"))
    return entries


class BulkAddDialog(QDialog):
    """Confirm, then add the pasted numbers one by one, showing each result."""

    started = Signal()
    added = Signal(list)  # FleetRows added, once the run is over (also when none)

    def __init__(
        self,
        session: Session,
        candidates: Sequence[str],
        fields: dict[str, Any],
        *,
        title_prefix: str = "",
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.fields = dict(fields)
        self.entries = plan_numbers(candidates, lang)
        to_add = [e for e in self.entries if e.kind == "add"]
        self.titles = dict(
            zip([e.msisdn for e in to_add], bulk_titles(title_prefix, len(to_add)), strict=True)
        )
        self.rows: list[FleetRow] = []
        self.results: dict[str, str] = {}  # msisdn → "added" or the error message
        self._sent: set[str] = set()
        self._running = False
        self._done = False
        self._stop = False
        self._task: asyncio.Task[Any] | None = None
        self.setObjectName("bulk_add_dialog")
        self.setWindowTitle(self.tr("Add several subscribers"))
        self.setMinimumSize(640, 380)

        count = len(to_add)
        self.intro = QLabel(
            self.tr(
                "Add these subscribers (%n) with the same tariff, tags, auto-off, route, schedule "
                "and metadata? Each driver gets an SMS asking for consent.",
                "",
                count,
            )
            if count
            else self.tr("None of the pasted numbers can be added.")
        )
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("bulk_numbers")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Number"), self.tr("Name"), self.tr("Result")])
        header = self.tree.header()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        self.items: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            if entry.kind == "add":
                assert entry.msisdn is not None
                item = QTreeWidgetItem(
                    [
                        format_phone(entry.msisdn),
                        self.titles[entry.msisdn] or self.tr("(the number)"),
                        self.tr("Ready"),
                    ]
                )
                self.items[entry.msisdn] = item
            elif entry.kind == "duplicate":
                item = QTreeWidgetItem([entry.raw, "", self.tr("Listed twice; added once.")])
            else:
                item = QTreeWidgetItem([entry.raw, "", entry.reason])
                item.setForeground(RESULT, QBrush(QColor(ERROR_COLOR)))
            item.setToolTip(RESULT, item.text(RESULT))
            self.tree.addTopLevelItem(item)
        self.summary = QLabel()
        self.summary.setObjectName("bulk_summary")
        self.summary.setWordWrap(True)
        self.summary.hide()

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Add {count}").format(count=count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("bulk_start")
        self.start_button.setEnabled(count > 0)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("bulk_cancel")
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        # adding costs money and sends SMS: a click or Ctrl+Enter, never a stray Enter
        self.guard = DialogGuard(self, commit=self.start, is_dirty=lambda: False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self._running

    def result_text(self, msisdn: str) -> str:
        item = self.items.get(msisdn)
        return item.text(RESULT) if item is not None else ""

    def start(self) -> None:
        """Add the numbers (once: a second click, or a click after the run, does nothing)."""
        if self._running or self._done or not self.items:
            return
        self._running = True
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Stop"))
        self._task = self.session.tasks.spawn(self._run())
        self.started.emit()

    async def _run(self) -> None:
        try:
            for msisdn, item in self.items.items():
                if not shiboken6.isValid(self):  # the window went (the app closing): no
                    break  # one sees the results, so no more numbers are sent
                if self._stop:
                    self._mark(item, self.tr("Not sent: stopped."), None)
                    continue
                if msisdn in self._sent:  # never twice
                    continue
                self._sent.add(msisdn)
                self._mark(item, self.tr("Adding…"), None)
                try:
                    row = await self.session.actions.add(
                        msisdn, title=self.titles[msisdn], **self.fields
                    )
                except (MovizorError, ActionInProgress) as exc:
                    self.results[msisdn] = exc.message(self.lang)
                    self._mark(item, exc.message(self.lang), False)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("bulk add of %s failed unexpectedly", msisdn)
                    self.results[msisdn] = "error"
                    self._mark(
                        item, self.tr("Something went wrong; the details are in the log."), False
                    )
                else:
                    self.rows.append(row)
                    self.results[msisdn] = "added"
                    self._mark(item, self.tr("Added."), True)
        finally:
            self._running = False
            self._done = True
            if shiboken6.isValid(self):  # not when the session closed with the window
                self._finish()

    def _mark(self, item: QTreeWidgetItem, text: str, ok: bool | None) -> None:
        if not shiboken6.isValid(self):  # deleted while an add was on its way
            return
        item.setText(RESULT, text)
        item.setToolTip(RESULT, text)
        if ok is not None:
            item.setForeground(RESULT, QBrush(QColor(OK_COLOR if ok else ERROR_COLOR)))
        self.tree.scrollToItem(item)

    def _finish(self) -> None:
        added = len(self.rows)
        failed = sum(1 for r in self.results.values() if r != "added")
        skipped = len(self.items) - len(self.results)
        text = self.tr("{added} added, {failed} not added.").format(added=added, failed=failed)
        if skipped:
            text += " " + self.tr("{count} not sent.").format(count=skipped)
        self.summary.setText(text)
        self.summary.show()
        self.start_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        self.added.emit(list(self.rows))

    def reject(self) -> None:
        if self._running:  # stop after the number in flight; its answer still counts
            self._stop = True
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._running:
            self._stop = True
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["BulkAddDialog", "BulkEntry", "plan_numbers"]

"""Confirmation before ``object_delete``, explaining what will happen to each subscriber.

Movizor's delete works in two steps (API document, object_delete):

* on a tracked subscriber (status ``ok``) the first call only **disables** it: tracking
  stops and the history is kept. Whether it can be reactivated afterwards is disputed
  (``docs/protocol.md``): the 2017 document allows ``object_reactivate`` on any ``off``
  subscriber, later information only after an automatic switch-off. The confirmation
  says so rather than promise it;
* a call on a disabled subscriber (or any other status) **deletes** it together with its
  history, for good;
* a subscriber that was just added (``new``) can be deleted only an hour after adding,
  one awaiting confirmation (``wait``) only after 24 hours — unless the driver accepts or
  declines first.

Two ways to ask:

* ``await ask_delete(parent, rows)`` from coroutines (it uses ``open()`` and a future);
* ``confirm_delete(parent, rows)`` from plain slots only: it runs ``exec()``, a nested
  event loop, which must never happen inside an asyncio task (qasync #59) — it refuses
  with RuntimeError when called from one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import clock
from ...api.codes import Status
from ...api.phones import format_phone
from ...fleet import FleetRow
from .widgets import run_dialog, widen_message_box

NEW_WAIT = timedelta(hours=1)
CONFIRM_WAIT = timedelta(hours=24)
MAX_NAMES = 5
translate = QCoreApplication.translate  # lupdate reads translate("ConfirmDelete", "…")


def _name(row: FleetRow) -> str:
    phone = format_phone(row.phone)
    return f"{row.title} ({phone})" if row.title else phone


def _names(rows: Sequence[FleetRow]) -> str:
    shown = ", ".join(_name(r) for r in rows[:MAX_NAMES])
    if len(rows) > MAX_NAMES:
        more = translate("ConfirmDelete", "and {count} more")
        shown += " " + more.format(count=len(rows) - MAX_NAMES)
    return shown


def _added_at(row: FleetRow) -> datetime | None:
    info = row.details
    return info.timestamp_add if info is not None else None


def _wait_note(row: FleetRow, wait: timedelta, now: datetime) -> str:
    """ "Name: possible in 40 min" when the time the row was added is known."""
    added = _added_at(row)
    if added is None:
        return ""
    left = added + wait - now
    if left <= timedelta(0):
        return ""
    hours, minutes = divmod(max(1, int(left.total_seconds() // 60)), 60)
    if hours:
        text = translate("ConfirmDelete", "{name}: possible in {hours} h {minutes} min")
        return text.format(name=_name(row), hours=hours, minutes=minutes)
    text = translate("ConfirmDelete", "{name}: possible in {minutes} min")
    return text.format(name=_name(row), minutes=minutes)


def _lines(notes: list[str]) -> str:
    return "" if not notes else "\n" + "\n".join(f"• {n}" for n in notes)


def explain(rows: Sequence[FleetRow], now: datetime | None = None) -> tuple[str, str, str]:
    """(title, main text, informative text) for deleting ``rows``, grouped by status."""
    now = now or clock.now()
    tracked = [r for r in rows if r.status == Status.OK]
    new = [r for r in rows if r.status == Status.NEW]
    waiting = [r for r in rows if r.status == Status.WAIT]
    others = [r for r in rows if r.status not in (Status.OK, Status.NEW, Status.WAIT)]
    parts: list[str] = []
    if tracked:
        text = translate(
            "ConfirmDelete",
            "Will be disabled: {names}. Tracking stops and the history is kept. "
            "Movizor may not let you reactivate a subscriber disabled by hand "
            "(some of its documents allow that only after an automatic "
            "switch-off); tracking again may then need adding the number anew "
            "and the driver's consent. Deleting again removes it for good.",
        )
        parts.append(text.format(names=_names(tracked)))
    if others:
        text = translate(
            "ConfirmDelete",
            "Will be deleted for good, together with the whole history of "
            "movements: {names}. This cannot be undone.",
        )
        parts.append(text.format(names=_names(others)))
    if new:
        text = translate(
            "ConfirmDelete",
            "Just added: {names}. A new subscriber can be deleted only one hour "
            "after adding, unless the driver accepts or declines earlier.",
        )
        notes = [n for n in (_wait_note(r, NEW_WAIT, now) for r in new) if n]
        parts.append(text.format(names=_names(new)) + _lines(notes))
    if waiting:
        text = translate(
            "ConfirmDelete",
            "Awaiting the driver's confirmation: {names}. Such a subscriber can "
            "be deleted only 24 hours after adding, unless the driver accepts or "
            "declines earlier.",
        )
        notes = [n for n in (_wait_note(r, CONFIRM_WAIT, now) for r in waiting) if n]
        parts.append(text.format(names=_names(waiting)) + _lines(notes))
    single = len(rows) == 1
    if tracked and not (others or new or waiting):
        title = (
            translate("ConfirmDelete", "Disable subscriber?")
            if single
            else translate("ConfirmDelete", "Disable subscribers?")
        )
    elif not tracked:
        title = (
            translate("ConfirmDelete", "Delete subscriber for good?")
            if single
            else translate("ConfirmDelete", "Delete subscribers for good?")
        )
    else:
        title = translate("ConfirmDelete", "Disable or delete subscribers?")
    main = translate("ConfirmDelete", "Subscribers selected: {count}.").format(count=len(rows))
    return title, main, "\n\n".join(parts)


def _action_text(rows: Sequence[FleetRow]) -> str:
    statuses = {r.status for r in rows}
    if statuses <= {Status.OK}:
        return translate("ConfirmDelete", "Disable")
    if Status.OK not in statuses:
        return translate("ConfirmDelete", "Delete for good")
    return translate("ConfirmDelete", "Disable / delete")


def build_delete_box(parent: QWidget | None, rows: Sequence[FleetRow]) -> QMessageBox:
    """The message box (not shown). ``Cancel`` is the default and the Escape button."""
    title, main, details = explain(rows)
    box = QMessageBox(parent)
    box.setObjectName("confirm_delete")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(main)
    box.setInformativeText(details)
    action = box.addButton(_action_text(rows), QMessageBox.ButtonRole.DestructiveRole)
    action.setObjectName("confirm")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    widen_message_box(box)  # a phone number stays on one line
    return box


def _confirmed(box: QMessageBox) -> bool:
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "confirm"


async def ask_delete(parent: QWidget | None, rows: Sequence[FleetRow]) -> bool:
    """Ask whether to delete ``rows``; safe inside coroutines (no nested event loop)."""
    if not rows:
        return False
    box = build_delete_box(parent, rows)
    try:
        await run_dialog(box)
        return _confirmed(box)
    finally:
        box.deleteLater()


def confirm_delete(parent: QWidget | None, rows: Sequence[FleetRow]) -> bool:
    """Ask with a blocking ``exec()``; only from plain (non-async) slots."""
    if not rows:
        return False
    try:
        in_task = asyncio.current_task() is not None
    except RuntimeError:  # no running loop at all
        in_task = False
    if in_task:
        raise RuntimeError(
            "confirm_delete() runs a nested event loop; "
            "use 'await ask_delete(...)' inside coroutines"
        )
    box = build_delete_box(parent, rows)
    try:
        box.exec()
        return _confirmed(box)
    finally:
        box.deleteLater()

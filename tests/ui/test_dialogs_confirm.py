"""Delete confirmation: the text follows the statuses; the async variant never nests a loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui.dialogs import ask_delete, confirm_delete
from movizor_desktop.ui.dialogs.confirm import build_delete_box, explain

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def row(phone: str, status: str, title: str = "", added: datetime | None = None) -> FleetRow:
    details = None
    if added is not None:
        details = ObjectInfo(phone=phone, status=status, timestamp_add=int(added.timestamp()))
    return FleetRow(phone=phone, status=status, title=title, details=details)


def test_tracked_subscribers_are_disabled_not_deleted(qapp):
    title, main, text = explain([row("79210010203", "ok", "Иванов")], NOW)
    assert title == "Disable subscriber?"
    assert "Иванов (+7 921 001-02-03)" in text
    assert "history is kept" in text and "for good" in text  # and what a second delete does
    # the documents disagree on reactivating after a manual disable: no promise is made
    assert "may not let you reactivate" in text and "automatic switch-off" in text
    assert "can be reactivated later" not in text
    assert main == "Subscribers selected: 1."


def test_disabled_and_other_statuses_are_deleted_with_history(qapp):
    title, _, text = explain([row("79210010203", "off"), row("79210010204", "rejected")], NOW)
    assert title == "Delete subscribers for good?"
    assert "whole history" in text and "cannot be undone" in text


def test_new_and_waiting_subscribers_explain_the_waiting_times(qapp):
    rows = [
        row("79210010203", "new", "A", added=NOW - timedelta(minutes=20)),
        row("79210010204", "wait", "B", added=NOW - timedelta(hours=2)),
    ]
    _, _, text = explain(rows, NOW)
    assert "one hour after adding" in text and "24 hours after adding" in text
    assert "A (+7 921 001-02-03): possible in 40 min" in text
    assert "B (+7 921 001-02-04): possible in 22 h 0 min" in text


def test_mixed_selection_and_many_names(qapp):
    rows = [row(f"7921001020{i}", "ok") for i in range(7)] + [row("79210010300", "off")]
    title, _, text = explain(rows, NOW)
    assert title == "Disable or delete subscribers?"
    assert "and 2 more" in text
    box = build_delete_box(None, rows)
    assert box.defaultButton() is box.escapeButton()  # Cancel, not the destructive action
    box.deleteLater()


def test_ask_delete_is_awaited_without_a_nested_loop(qtbot, run_async):
    parent_rows = [row("79210010203", "ok")]

    def click(name: str):
        def find_and_click():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible():
                    if name == "confirm":
                        next(b for b in widget.buttons() if b.objectName() == "confirm").click()
                    else:
                        widget.button(QMessageBox.StandardButton.Cancel).click()
                    return
            QTimer.singleShot(20, find_and_click)

        QTimer.singleShot(20, find_and_click)

    click("confirm")
    assert run_async(ask_delete(None, parent_rows)) is True
    click("cancel")
    assert run_async(ask_delete(None, parent_rows)) is False
    assert run_async(ask_delete(None, [])) is False


def test_confirm_delete_refuses_to_run_inside_a_task(qtbot, run_async):
    async def inside():
        with pytest.raises(RuntimeError, match="ask_delete"):
            confirm_delete(None, [row("79210010203", "ok")])
        return True

    assert run_async(inside())


def test_ask_delete_cancelled_closes_the_box(qtbot, qloop, run_async):
    async def cancel_soon():
        task = asyncio.ensure_future(ask_delete(None, [row("79210010203", "ok")]))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    assert run_async(cancel_soon()) == []

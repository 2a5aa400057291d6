"""Every window action end to end against the simulator, including the error paths:
request position (progress, manual-tariff cost, one request on a double click, refusal),
disable/delete (1-hour rule in English and Russian, two steps, multi-selection summary),
reactivate, cancel tariff change, add and edit through the dialog, refresh, enabled
states, and background errors that must not break the window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from movizor_desktop.fleet import ChangeSet
from movizor_desktop.ui.main_window import MainWindow
from tests.kits.windows import open_window


@pytest.fixture
def window(window):
    """The shared window, polling a requested position every 50 ms (not 10 s)."""
    window.controller.poll_interval = 0.05
    return window


NEW_PHONE = "+7 916 555-12-34"
NEW_MSISDN = "79165551234"


def select(window: MainWindow, phone: str) -> None:
    assert window.subscribers.select_phone(phone)


def click_action(qtbot, window: MainWindow, action) -> None:
    button = window.toolbar.widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def message_box(window: MainWindow, name: str) -> QMessageBox | None:
    box = window.findChild(QMessageBox, name)
    return box if box is not None and box.isVisible() else None


def requests(sim_control, function: str) -> int:
    return sim_control.requests()["by_function"].get(function, 0)


def pick(window: MainWindow, **want) -> str:
    for row in window.model.rows():
        if all(
            (getattr(row, k) in v) if isinstance(v, (set, tuple)) else getattr(row, k) == v
            for k, v in want.items()
        ):
            return row.phone
    raise LookupError(want)


# --- request position -----------------------------------------------------------------------


def test_request_position_progress_and_one_request_on_double_click(
    qtbot, window: MainWindow, sim, sim_control
) -> None:
    sim.world.request_success_rate = 1.0
    sim_control.advance(600)  # past the 5-minute gap since the last request
    phone = pick(window, status="ok", tariff={"15", "30", "60", "1"})
    select(window, phone)
    action = window.window_actions.request_position
    assert action.isEnabled()
    sim_control.reset_requests()
    button = window.toolbar.widgetForAction(action)
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)  # a double click
    action.trigger()  # and the shortcut, for good measure
    assert not action.isEnabled()  # disabled at once
    qtbot.waitUntil(
        lambda: "Waiting for the operator" in window.details.progress_text(), timeout=10000
    )
    assert window.model.busy_phones() == [phone]  # spinner in the status column
    sim_control.advance(200)
    qtbot.waitUntil(lambda: not window.controller.busy_phones(), timeout=10000)
    assert requests(sim_control, "pos_request") == 1
    assert "position received" in window.statusbar.message()
    assert window.details.error_text() == ""
    assert window.details.progress_text() == ""
    assert window.model.get(phone).fix_time is not None
    assert window.model.busy_phones() == []


def test_request_position_refused_shows_the_reason(qtbot, window: MainWindow, sim_control) -> None:
    phone = pick(window, status="ok")
    select(window, phone)
    sim_control.inject_error("pos_request", "2")
    click_action(qtbot, window, window.window_actions.request_position)
    expected = "The subscriber has not confirmed tracking yet."
    qtbot.waitUntil(lambda: window.details.error_text() == expected, timeout=10000)
    assert expected in window.statusbar.message()
    said = "Movizor's answer: “Phone is not confirmed” (code 2)."
    assert window.statusbar.message_label.toolTip().endswith(said)
    assert window.details.banner_text.toolTip() == said
    assert window.statusbar.message_label.property("level") == 2
    assert window.window_actions.request_position.isEnabled()  # the window keeps working
    assert window.model.busy_phones() == []


def test_request_position_on_manual_tariff_asks_with_the_price(
    qtbot, window: MainWindow, sim_control
) -> None:
    row = next(r for r in window.model.rows() if r.status == "ok")
    manual = replace(row, tariff="0")
    window.model.apply(ChangeSet(changed=[manual]))  # as if the account said manual
    select(window, row.phone)
    sim_control.reset_requests()
    click_action(qtbot, window, window.window_actions.request_position)
    qtbot.waitUntil(lambda: message_box(window, "confirm_request_cost") is not None)
    box = message_box(window, "confirm_request_cost")
    cost = window.session.actions.request_cost(manual, window.session.engine.status.balance)
    assert cost is not None and f"{cost:.2f}" in box.text() and "costs" in box.text()
    assert not window.window_actions.request_position.isEnabled()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.controller.busy_phones())
    assert requests(sim_control, "pos_request") == 0


# --- delete ---------------------------------------------------------------------------------


def confirm_delete_box(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: message_box(window, "confirm_delete") is not None)
    box = message_box(window, "confirm_delete")
    qtbot.mouseClick(box.findChild(QPushButton, "confirm"), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The subscriber can be deleted only 1 hour after being added, or once they "
            "accept or decline.",
        ),
        (
            "ru",
            "Абонента можно удалить только через 1 час после добавления или после его "
            "согласия либо отказа.",
        ),
    ],
    ids=["en", "ru"],
)
def test_delete_refused_by_the_one_hour_rule(qtbot, qloop, sim, run_async, lang, expected) -> None:
    window = open_window(qtbot, sim, lang=lang)
    try:
        run_async(window.session.actions.add(NEW_PHONE, title="Новый водитель"))
        qtbot.waitUntil(lambda: window.model.get(NEW_MSISDN) is not None)
        select(window, NEW_MSISDN)
        assert window.model.get(NEW_MSISDN).status == "new"
        qtbot.keyClick(window.subscribers.table, Qt.Key.Key_Delete)
        confirm_delete_box(qtbot, window)
        qtbot.waitUntil(lambda: window.details.error_text() == expected, timeout=10000)
        assert expected in window.statusbar.message()
        assert window.model.get(NEW_MSISDN) is not None
        assert window.window_actions.delete.isEnabled()
    finally:
        run_async(window.session.aclose())


def test_delete_disables_then_deletes(qtbot, window: MainWindow, sim_control) -> None:
    phone = pick(window, status="ok")
    select(window, phone)
    assert window.window_actions.delete.text() == "&Disable…"
    click_action(qtbot, window, window.window_actions.delete)
    confirm_delete_box(qtbot, window)
    qtbot.waitUntil(lambda: "disabled" in window.statusbar.message(), timeout=10000)
    assert window.model.get(phone).status in ("off_new", "off")
    sim_control.advance(400)  # off_new becomes off
    window.window_actions.refresh.trigger()
    qtbot.waitUntil(lambda: window.model.get(phone).status == "off", timeout=10000)
    actions = window.window_actions
    assert actions.delete.text() == "&Delete…" and actions.reactivate.isEnabled()
    click_action(qtbot, window, window.window_actions.delete)
    confirm_delete_box(qtbot, window)
    qtbot.waitUntil(lambda: window.model.get(phone) is None, timeout=10000)
    assert "deleted" in window.statusbar.message()


def test_cancelled_confirmation_deletes_nothing(qtbot, window: MainWindow, sim_control) -> None:
    phone = pick(window, status="ok")
    select(window, phone)
    sim_control.reset_requests()
    click_action(qtbot, window, window.window_actions.delete)
    qtbot.waitUntil(lambda: message_box(window, "confirm_delete") is not None)
    qtbot.keyClick(message_box(window, "confirm_delete"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.controller.busy_phones())
    assert requests(sim_control, "object_delete") == 0
    assert window.model.get(phone).status == "ok"


def test_delete_many_shows_a_summary(qtbot, window: MainWindow, run_async) -> None:
    run_async(window.session.actions.add(NEW_PHONE))
    ok = pick(window, status="ok")
    assert window.subscribers.select_phones([ok, NEW_MSISDN])
    click_action(qtbot, window, window.window_actions.delete)
    confirm_delete_box(qtbot, window)
    qtbot.waitUntil(lambda: message_box(window, "delete_summary") is not None, timeout=10000)
    box = message_box(window, "delete_summary")
    assert "Done: 1 of 2; refused: 1." in box.text()
    lines = box.informativeText().splitlines()
    assert any(line.startswith("✓") and "disabled" in line for line in lines)
    assert any(line.startswith("✕") and "1 hour" in line for line in lines)
    assert "refused: 1" in window.statusbar.message()
    select(window, NEW_MSISDN)
    assert "1 hour" in window.details.error_text()
    box.accept()


# --- reactivate, cancel tariff, add, edit, refresh ------------------------------------------


def test_reactivate_an_off_subscriber(qtbot, window: MainWindow, sim) -> None:
    offs = [r.phone for r in window.model.rows() if r.status in ("off", "rejected")]
    blocked = [p for p in offs if sim.world.is_blocked(p)]  # the simulator's block list
    phone = next(p for p in offs if p not in blocked)
    select(window, phone)
    assert window.window_actions.reactivate.isEnabled()
    assert not window.window_actions.request_position.isEnabled()
    click_action(qtbot, window, window.window_actions.reactivate)
    qtbot.waitUntil(
        lambda: window.model.get(phone).status not in ("off", "rejected"), timeout=10000
    )
    assert "reactivated" in window.statusbar.message()
    assert window.details.error_text() == ""
    assert not window.window_actions.reactivate.isEnabled()
    if blocked:  # the refusal is said next to the subscriber
        select(window, blocked[0])
        click_action(qtbot, window, window.window_actions.reactivate)
        qtbot.waitUntil(lambda: window.details.error_text() != "", timeout=10000)
        assert window.details.error_text() == (
            "This number is on the block list and cannot be tracked."
        )


def test_cancel_pending_tariff_change(qtbot, window: MainWindow, run_async) -> None:
    row = next(r for r in window.model.rows() if r.status == "ok" and r.tariff in ("15", "60"))
    new = "30" if row.tariff != "30" else "60"
    run_async(window.session.actions.edit(row.phone, tariff=new))
    qtbot.waitUntil(lambda: window.model.get(row.phone).tariff_new == new)
    select(window, row.phone)
    assert "00:00 MSK" in window.details.fields["tariff"].text()
    assert window.window_actions.cancel_tariff.isEnabled()
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not window.model.get(row.phone).tariff_new, timeout=10000)
    assert "cancelled" in window.statusbar.message()
    assert not window.window_actions.cancel_tariff.isEnabled()


def active_dialog(qtbot):
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def test_add_through_the_dialog(qtbot, window: MainWindow) -> None:
    """The dispatcher's keyboard: Ctrl+N, the number, Tab, the name, Enter (nothing
    happens), Ctrl+Enter (the question with the price and the SMS), Enter (Add)."""
    window.activateWindow()
    qtbot.keyClick(window.subscribers.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog(qtbot)
    assert dialog.objectName() == "subscriber_dialog"
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Test driver")
    assert dialog.title_edit.text() == "Test driver"
    qtbot.waitUntil(
        lambda: dialog.operator is not None and "·" in dialog.tariff_combo.currentText(),
        timeout=10000,
    )
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # finishes the field, adds nothing
    assert dialog.isVisible() and dialog.confirmation.box is None
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.confirmation.box is not None, timeout=3000)
    box = dialog.confirmation.box
    assert "SMS" in box.informativeText() and "₽" in box.informativeText()
    assert window.model.get(NEW_MSISDN) is None  # nothing sent before the answer
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Add is the question's default
    qtbot.waitUntil(lambda: window.model.get(NEW_MSISDN) is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.subscribers.current_phone() == NEW_MSISDN)
    assert window.model.get(NEW_MSISDN).title == "Test driver"
    assert "added" in window.statusbar.message()


def test_edit_through_the_dialog(qtbot, window: MainWindow) -> None:
    phone = pick(window, status="ok")
    select(window, phone)
    window.subscribers.table.setFocus()
    qtbot.keyClick(window.subscribers.table, Qt.Key.Key_F2)
    dialog = active_dialog(qtbot)
    assert dialog.row.phone == phone
    # the dialog reads the subscriber's current details first, then fills its fields
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Renamed")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.get(phone).title == "Renamed", timeout=10000)
    assert window.details.title.text() == "Renamed"


def test_refresh_rereads_the_selected_rows(qtbot, window: MainWindow, sim_control) -> None:
    phone = pick(window, status="ok")
    select(window, phone)
    sim_control.reset_requests()
    window.subscribers.table.setFocus()
    qtbot.keyClick(window.subscribers.table, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: (
            requests(sim_control, "object_get") >= 1 and requests(sim_control, "pos_objects") >= 1
        ),
        timeout=10000,
    )
    last = sim_control.requests()["last"]
    assert any(e.get("function") == "object_get" and phone in str(e.get("params")) for e in last)


def test_enabled_states_follow_the_selection(qtbot, window: MainWindow) -> None:
    a = window.window_actions
    window.subscribers.table.clearSelection()
    assert a.add.isEnabled() and a.refresh.isEnabled()
    assert not any(
        x.isEnabled() for x in (a.edit, a.request_position, a.delete, a.reactivate, a.cancel_tariff)
    )
    select(window, pick(window, status="ok"))
    assert a.edit.isEnabled() and a.request_position.isEnabled() and a.delete.isEnabled()
    assert not a.reactivate.isEnabled() and not a.cancel_tariff.isEnabled()
    select(window, pick(window, status={"wait", "new", "no_confirmed", "limited", "error"}))
    assert not a.request_position.isEnabled() and a.edit.isEnabled()
    assert window.subscribers.select_phones(
        [pick(window, status="ok"), pick(window, status={"off", "rejected"})]
    )
    assert a.delete.isEnabled() and not a.edit.isEnabled()
    assert a.delete.text() == "&Disable / delete…"
    for action in (
        a.add,
        a.edit,
        a.request_position,
        a.delete,
        a.reactivate,
        a.cancel_tariff,
        a.refresh,
    ):
        assert action.shortcuts(), action.objectName()
        assert action in window.subscriber_menu.actions()
        assert window.toolbar.widgetForAction(action) is not None


def test_context_menu_offers_the_row_actions(qtbot, window: MainWindow) -> None:
    table = window.subscribers.table
    rect = table.visualRect(window.proxy.index(2, 1))
    table.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(
        lambda: window.findChild(type(window.subscriber_menu), "subscriberContextMenu") is not None
    )
    menu = window.findChild(type(window.subscriber_menu), "subscriberContextMenu")
    assert window.window_actions.request_position in menu.actions()
    assert window.subscribers.current_phone() == window.proxy.index(2, 0).data(
        Qt.ItemDataRole.UserRole + 2
    )
    menu.close()


@pytest.mark.logs_error(r"unexpected error in a window action")
def test_background_errors_do_not_break_the_window(qtbot, window: MainWindow) -> None:
    async def broken() -> None:
        raise RuntimeError("boom")

    window.controller._spawn(broken())
    qtbot.waitUntil(lambda: "Something went wrong" in window.statusbar.message())
    select(window, pick(window, status="ok"))
    assert window.window_actions.edit.isEnabled()


def test_double_click_and_enter_open_one_edit_dialog(qtbot, window: MainWindow) -> None:
    """Without a map a double click edits, as Enter does (with a map it centres the map:
    tests/map/test_map_window.py)."""
    assert window.map is None and "map" not in window.features
    phone = pick(window, status="ok")
    select(window, phone)
    table = window.subscribers.table
    opened = []
    window.subscribers.row_activated.connect(opened.append)
    window.subscribers.row_double_clicked.connect(opened.append)
    rect = table.visualRect(table.currentIndex())
    # QTest's double click on an item view needs the press that precedes it
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [phone]
    dialog = active_dialog(qtbot)
    assert dialog.row.phone == phone
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [phone, phone]
    active_dialog(qtbot).reject()

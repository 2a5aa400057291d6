"""Alert subscriptions against the simulator, through the dialogs with qtbot: the Tools
menu entry, the list, add for all subscribers and for chosen ones, edit as a safe replace
(add first, then delete) with faults on either step, delete after a confirmation, input
checks and API refusals next to their field, loading and empty states."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui.features.alert_subscriptions.dialog import (
    CHANNEL,
    EVENT,
    RECIPIENT,
    WHOSE,
    AlertSubscriptionsDialog,
)
from movizor_desktop.ui.features.alert_subscriptions.form import AlertFormDialog
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from tests.kits.subscribers import click as click_box
from tests.kits.subscribers import count


@pytest.fixture(autouse=True)
def no_seeded_alerts(request, sim) -> None:
    """The seeded world has three subscriptions; most tests start without any."""
    if "seeded" not in request.node.name:
        sim.world.subscriptions.clear()


def fleet(sim) -> list[FleetRow]:
    return [FleetRow(s.phone, status=s.status, title=s.title) for s in sim.world.subs.values()]


def open_dialog(qtbot, session: Session, sim) -> AlertSubscriptionsDialog:
    dialog = AlertSubscriptionsDialog(session, fleet(sim))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loaded or dialog._failed, timeout=10000)
    return dialog


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cell(dialog: AlertSubscriptionsDialog, row: int, column: int) -> str:
    return dialog.proxy.index(row, column).data() or ""


def open_form(qtbot, dialog: AlertSubscriptionsDialog, button) -> AlertFormDialog:
    click(qtbot, button)
    form = dialog.form
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=5000)
    return form


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def save_and_wait(qtbot, dialog: AlertSubscriptionsDialog, form: AlertFormDialog) -> None:
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) and not dialog.loading, timeout=10000)


def server_subs(sim) -> list:
    return list(sim.world.subscriptions.values())


def add_on_server(sim, run_async, session: Session, event: str, email: str) -> None:
    run_async(session.client.events_subscribe_add(event, notify_type="email", notify_value=email))


# --- the menu and the list ------------------------------------------------------------------


def test_tools_menu_lists_the_seeded_subscriptions(qtbot, window: MainWindow, sim) -> None:
    access = window.features["alert_subscriptions"]
    assert access.action in window.tools_menu.actions()
    assert access.action.text() == "&Alert subscriptions…"
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_M, ctrl_shift)  # Ctrl+Shift+M
    dialog = access.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 3, timeout=10000)
    rows = {cell(dialog, r, EVENT): r for r in range(3)}
    assert set(rows) == {"Consent refused", "Parked", "Running late"}
    refused, parked, late = rows["Consent refused"], rows["Parked"], rows["Running late"]
    assert cell(dialog, refused, CHANNEL) == "E-mail"
    assert cell(dialog, refused, RECIPIENT) == "dispatch@example.ru"
    assert cell(dialog, refused, WHOSE) == "All subscribers"
    assert cell(dialog, parked, CHANNEL) == "Telegram"
    assert cell(dialog, parked, RECIPIENT) == "the account's Telegram"
    assert cell(dialog, late, RECIPIENT) == "+7 916 123-45-67"
    # Chosen subscribers show by their titles from the fleet.
    sub = sim.world.subs["79355824617"]
    assert cell(dialog, parked, WHOSE).startswith(f"{sub.title} (+7 935 582-46-17)")
    tip = dialog.proxy.index(late, WHOSE).data(Qt.ItemDataRole.ToolTipRole)
    assert len(tip.splitlines()) == 3


def test_loading_then_empty_state(qtbot, session: Session, sim, sim_control) -> None:
    sim_control.add_fault("latency", "events_subscribe_list", latency=0.6)
    dialog = AlertSubscriptionsDialog(session, fleet(sim))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.loading and dialog.placeholder.text() == "Loading alert subscriptions…"
    assert not dialog.add_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert dialog.placeholder.text().startswith("No alerts yet.")
    assert dialog.add_button.isEnabled()
    assert not dialog.edit_button.isEnabled() and not dialog.delete_button.isEnabled()


# --- add ------------------------------------------------------------------------------------


def test_add_for_all_subscribers(qtbot, session: Session, sim, sim_control) -> None:
    dialog = open_dialog(qtbot, session, sim)
    form = open_form(qtbot, dialog, dialog.add_button)
    choose(form.event_combo, "onparking")
    assert form.event_combo.currentText() == "Parked"
    choose(form.channel_combo, "email")
    qtbot.keyClicks(form.recipient_edit, "night@example.ru")
    assert form.all_radio.isChecked() and not form.phone_list.isEnabled()
    save_and_wait(qtbot, dialog, form)
    (sub,) = server_subs(sim)
    assert (sub.type, sub.email, sub.phones_all) == ("onparking", "night@example.ru", True)
    assert dialog.proxy.rowCount() == 1 and cell(dialog, 0, WHOSE) == "All subscribers"
    assert dialog.info_text() == "Alert added."


def test_add_for_chosen_subscribers_by_sms(qtbot, session: Session, sim) -> None:
    dialog = open_dialog(qtbot, session, sim)
    form = open_form(qtbot, dialog, dialog.add_button)
    choose(form.event_combo, "pos_late")
    choose(form.channel_combo, "sms")
    qtbot.keyClicks(form.recipient_edit, "8 921 001-02-03")
    click_box(qtbot, form.chosen_radio)
    assert form.phone_list.isEnabled()
    wanted = [s.phone for s in sim.world.subs.values() if s.status == "ok"][:2]
    qtbot.keyClicks(form.filter_edit, wanted[0][-7:])  # find by part of the number
    visible = [
        form.phone_list.item(i)
        for i in range(form.phone_list.count())
        if not form.phone_list.item(i).isHidden()
    ]
    assert len(visible) == 1
    visible[0].setCheckState(Qt.CheckState.Checked)
    form.filter_edit.clear()
    form.set_checked(wanted)
    assert form.count_note.text() == "Chosen: 2"
    save_and_wait(qtbot, dialog, form)
    (sub,) = server_subs(sim)
    assert sub.phone == "79210010203" and not sub.phones_all
    assert sorted(sub.phones) == sorted(wanted)
    assert cell(dialog, 0, CHANNEL) == "SMS"


def test_input_is_checked_next_to_its_field(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    add_on_server(sim, run_async, session, "confirm", "ops@example.ru")
    dialog = open_dialog(qtbot, session, sim)
    form = open_form(qtbot, dialog, dialog.add_button)
    sim_control.reset_requests()
    choose(form.channel_combo, "email")
    qtbot.keyClicks(form.recipient_edit, "ops@example")
    click_box(qtbot, form.chosen_radio)
    click(qtbot, form.save_button)
    assert form.errors["recipient"].text() == "“ops@example” is not an e-mail address."
    assert form.errors["phones"].text() == "Tick at least one subscriber, or choose all."
    # Exactly what exists already is refused before sending.
    form.recipient_edit.setText("OPS@example.ru")
    click_box(qtbot, form.all_radio)
    choose(form.event_combo, "confirm")
    click(qtbot, form.save_button)
    assert form.banner.text() == "The same alert already exists."
    assert not form.errors["recipient"].isVisible() and not form.errors["phones"].isVisible()
    assert sim_control.requests()["total"] == 0
    # Telegram takes no recipient.
    choose(form.channel_combo, "telegram")
    assert not form.recipient_edit.isVisible()
    assert "Telegram linked to your Movizor account" in form.recipient_note.text()


def test_api_refusal_lands_next_to_the_event(qtbot, session: Session, sim) -> None:
    dialog = open_dialog(qtbot, session, sim)
    form = open_form(qtbot, dialog, dialog.add_button)
    choose(form.event_combo, "request")  # the simulator, like Movizor, refuses this one
    choose(form.channel_combo, "telegram")
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: form.errors["event"].isVisible(), timeout=10000)
    assert form.errors["event"].text() == "This event type cannot be subscribed to."
    assert form.isVisible() and form.save_button.isEnabled()
    assert server_subs(sim) == []


# --- edit = safe replace ------------------------------------------------------------------------


def edit_first(qtbot, session: Session, sim, run_async):
    add_on_server(sim, run_async, session, "confirm", "old@example.ru")
    (old,) = server_subs(sim)
    dialog = open_dialog(qtbot, session, sim)
    dialog.table.selectRow(0)
    form = open_form(qtbot, dialog, dialog.edit_button)
    assert form.windowTitle() == "Edit alert"
    assert form.recipient_edit.text() == "old@example.ru"
    assert form.event_combo.currentData() == "confirm"
    form.recipient_edit.setText("new@example.ru")
    return dialog, form, old


def test_edit_adds_the_new_then_deletes_the_old(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    dialog, form, old = edit_first(qtbot, session, sim, run_async)
    sim_control.reset_requests()
    save_and_wait(qtbot, dialog, form)
    order = [r["function"] for r in sim_control.requests()["last"]]
    assert order[:2] == ["events_subscribe_add", "events_subscribe_delete"]
    (new,) = server_subs(sim)
    assert new.id != old.id and new.email == "new@example.ru" and new.type == "confirm"
    assert dialog.proxy.rowCount() == 1 and cell(dialog, 0, RECIPIENT) == "new@example.ru"
    assert dialog.info_text() == "Alert changed."


def test_refused_add_on_edit_keeps_the_old_one(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    _dialog, form, old = edit_first(qtbot, session, sim, run_async)
    sim_control.inject_error("events_subscribe_add", "3")
    sim_control.reset_requests()
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: form.errors["recipient"].isVisible(), timeout=10000)
    assert form.errors["recipient"].text() == (
        "The phone number or e-mail for delivery is not valid. The alert was not changed; "
        "the old one stays."
    )
    assert form.isVisible() and form.recipient_edit.text() == "new@example.ru"
    assert count(sim_control, "events_subscribe_delete") == 0
    assert [s.id for s in server_subs(sim)] == [old.id]


def test_failed_delete_on_edit_says_both_exist_and_refreshes(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    dialog, form, old = edit_first(qtbot, session, sim, run_async)
    sim_control.add_fault("http_500", "events_subscribe_delete")
    save_and_wait(qtbot, dialog, form)
    assert "Both exist now" in dialog.info_text()
    assert sorted(s.email for s in server_subs(sim)) == ["new@example.ru", "old@example.ru"]
    assert dialog.proxy.rowCount() == 2  # the list was re-read
    assert str(old.id) in dialog.subscriptions


def test_lost_answer_on_edit_says_the_new_one_may_exist(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    dialog, form, _old = edit_first(qtbot, session, sim, run_async)
    sim_control.add_fault("drop", "events_subscribe_add")
    save_and_wait(qtbot, dialog, form)
    assert "may have been added next to the old one" in dialog.info_text()
    assert count(sim_control, "events_subscribe_delete") == 0
    assert dialog.proxy.rowCount() == 2


# --- delete ---------------------------------------------------------------------------------


def answer_box(qtbot, dialog: AlertSubscriptionsDialog, *, confirm: bool) -> None:
    qtbot.waitUntil(
        lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible(), timeout=5000
    )
    box = dialog.confirm_box
    assert box is not None
    button = (
        box.findChild(QPushButton, "confirm")
        if confirm
        else box.button(QMessageBox.StandardButton.Cancel)
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_delete_after_confirmation(qtbot, session: Session, sim, sim_control, run_async) -> None:
    add_on_server(sim, run_async, session, "reject", "ops@example.ru")
    dialog = open_dialog(qtbot, session, sim)
    dialog.table.selectRow(0)
    click(qtbot, dialog.delete_button)
    assert not dialog.edit_button.isEnabled()  # busy while asking
    answer_box(qtbot, dialog, confirm=False)
    qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=5000)
    assert len(server_subs(sim)) == 1
    click(qtbot, dialog.delete_button)
    answer_box(qtbot, dialog, confirm=True)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 0 and not dialog.busy, timeout=10000)
    assert server_subs(sim) == []
    assert dialog.info_text() == "Alert deleted."
    assert dialog.placeholder.text().startswith("No alerts yet.")


def test_failed_delete_is_shown_in_the_dialog(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    add_on_server(sim, run_async, session, "reject", "ops@example.ru")
    dialog = open_dialog(qtbot, session, sim)
    dialog.table.selectRow(0)
    sim_control.add_fault("http_502", "events_subscribe_delete")
    click(qtbot, dialog.delete_button)
    answer_box(qtbot, dialog, confirm=True)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10000)
    assert dialog.banner.text().startswith("The alert could not be deleted:")
    assert dialog.delete_button.isEnabled() and dialog.proxy.rowCount() == 1

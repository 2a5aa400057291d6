"""SubscriberDialog, adding, against the simulator: the phone preview, the operator lookup
(debounced, stale answers dropped), the operator's tariffs with prices and their cost,
name/tags, the auto-off (MSK + local), package renewal, the map picker hook, errors in
place, no double submit."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt

from movizor_desktop.api.codes import ERRORS
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui.dialogs import SubscriberDialog
from movizor_desktop.ui.dialogs.subscriber import tariff_id
from tests.kits.subscribers import (
    MTS_MSISDN,
    MTS_PHONE,
    NEW_MSISDN,
    NEW_PHONE,
    calls,
    choose_tariff,
    click,
    count,
    make,
    msk_now,
    pick_phone,
    ready,
    save,
    type_phone,
    wait_idle,
)


def test_phone_preview_and_validation(qtbot, session):
    dialog = make(qtbot, session)
    assert "Any format" in dialog.phone_preview.text()
    qtbot.keyClicks(dialog.phone_edit, "8 921 001 02 03")
    assert dialog.phone_preview.text() == "→ +7 921 001-02-03"
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "9210010203")
    assert dialog.phone_preview.text() == "→ +7 921 001-02-03"
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "921")  # still typing: no complaint yet
    assert dialog.phone_preview.isHidden()
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "+7 495 123-45-67")  # a Moscow landline
    assert "not a Russian mobile number" in dialog.phone_preview.text()
    save(qtbot, dialog)
    assert "not a Russian mobile number" in dialog.field_error("phone")
    assert not dialog.busy and dialog.isVisible()
    dialog.phone_edit.clear()
    save(qtbot, dialog)
    assert dialog.field_error("phone") == "Enter the driver's mobile number."
    assert dialog.current_page() == "main"


def test_tariffs_come_from_the_balance_fetched_once_with_15_preselected(
    qtbot, session, sim_control
):
    assert session.engine.status.balance is None
    dialog = ready(qtbot, make(qtbot, session))
    ids = [dialog.tariff_combo.itemData(i) for i in range(dialog.tariff_combo.count())]
    assert ids == ["0", "1", "3", "15", "30", "60", "180"]  # every operator's, no prices yet
    assert dialog.chosen_tariff() == "15"
    assert dialog.tariff_combo.currentText() == "15 — Every 15 min"
    assert not dialog.when_box.isVisible()  # the switch choice is for edits only
    type_phone(qtbot, dialog, NEW_PHONE)
    assert count(sim_control, "balance") == 1


def test_the_engines_balance_is_used_without_asking_again(qtbot, session, sim_control, run_async):
    balance = run_async(session.client.balance())
    engine = session.engine
    engine.status = dataclasses.replace(engine.status, balance=balance)
    sim_control.reset_requests()
    dialog = make(qtbot, session)
    assert dialog.tariff_combo.count() == 7  # at once, from the engine
    type_phone(qtbot, dialog, MTS_PHONE)
    assert count(sim_control, "balance") == 0


def test_operator_lookup_after_typing_then_its_tariffs_with_prices_and_cost(
    qtbot, session, sim_control
):
    dialog = ready(qtbot, make(qtbot, session, debounce_ms=400))
    qtbot.keyClicks(dialog.phone_edit, MTS_PHONE)
    assert dialog.main.operator_note.text() == "Looking up the operator…"
    assert count(sim_control, "get_operator") == 0  # debounced: nothing sent while typing
    qtbot.waitUntil(lambda: dialog.operator is not None, timeout=5000)
    assert count(sim_control, "get_operator") == 1
    assert calls(sim_control, "get_operator")[0]["params"]["phone"] == MTS_MSISDN
    assert dialog.main.operator_note.text() == "Operator: МТС · г. Москва и Московская область"
    texts = [dialog.tariff_combo.itemText(i) for i in range(dialog.tariff_combo.count())]
    assert [t.split(" ")[0] for t in texts] == ["0", "3", "15", "30", "60", "180"]  # MTS: no 1
    assert texts[2] == "15 — Every 15 min · ₽280.00/day"
    assert texts[0] == "0 — Manual requests · ₽4.00/day + ₽3.00 a request"
    assert texts[1] == "3 — Package for 1 month · ₽90.00 per package"
    qtbot.waitUntil(lambda: "Daily" in dialog.main.cost_note.text(), timeout=5000)
    # the server's Russian description says nothing more than the line: not in English
    assert dialog.main.cost_note.text() == "Daily: ₽280.00 a day"
    (calc,) = calls(sim_control, "tariff_calculator")
    assert calc["params"] == {"key": "REDACTED", "operator": "mts", "tariff": "15"}


def test_a_stale_operator_answer_is_ignored(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session, debounce_ms=0))
    sim_control.add_fault("latency", "get_operator", latency=1.0)
    qtbot.keyClicks(dialog.phone_edit, MTS_PHONE)
    qtbot.waitUntil(lambda: count(sim_control, "get_operator") == 1, timeout=5000)
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)  # MegaFon, answered at once
    qtbot.waitUntil(lambda: dialog.operator is not None, timeout=5000)
    assert dialog.operator.operator == "megafon"
    # the MTS look-up was dropped: no task of the dialog waits for it, and the client has
    # no request left in flight that could still bring it
    qtbot.waitUntil(
        lambda: not dialog.tasks.running("operator") and session.client.budget.in_flight == 0,
        timeout=5000,
    )
    assert count(sim_control, "get_operator") == 2
    assert dialog.operator.operator == "megafon"
    assert "МегаФон" in dialog.main.operator_note.text()
    assert dialog.tariff_combo.findData("180") == -1


def test_operator_unknown_is_said_next_to_the_phone(qtbot, session):
    dialog = ready(qtbot, make(qtbot, session))
    qtbot.keyClicks(dialog.phone_edit, "+7 939 555-44-33")  # a DEF code nobody has
    qtbot.waitUntil(
        lambda: "could not be determined" in dialog.main.operator_note.text(), timeout=5000
    )
    assert dialog.operator is None


def test_the_chosen_tariff_is_priced_and_renewal_is_for_the_package_only(
    qtbot, session, sim_control
):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, MTS_PHONE)
    prolong = dialog.main.prolong_check
    assert not prolong.isEnabled()
    choose_tariff(dialog, "3")
    qtbot.waitUntil(lambda: "Package" in dialog.main.cost_note.text(), timeout=5000)
    assert dialog.main.cost_note.text().startswith("Package: ₽90.00 once for the package")
    assert prolong.isEnabled()
    choose_tariff(dialog, "0")  # manual: the schedule page learns the request price
    qtbot.waitUntil(lambda: "Daily: ₽4.00" in dialog.main.cost_note.text(), timeout=5000)
    assert not prolong.isEnabled()
    assert "3.00" in dialog.schedule_editor.cost_note.text()
    choose_tariff(dialog, "3")  # priced already: from the dialog's memory
    assert dialog.main.cost_note.text().startswith("Package:")
    assert dialog.schedule_editor.cost_note.text() == ""
    priced = [c["params"]["tariff"] for c in calls(sim_control, "tariff_calculator")]
    assert sorted(priced) == sorted(set(priced)) and {"3", "0"} <= set(priced)  # each once


def test_package_renewal_is_sent_with_the_package(qtbot, session, sim_control, sim):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, MTS_PHONE)
    choose_tariff(dialog, "3")
    click(qtbot, dialog.main.prolong_check)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (add,) = calls(sim_control, "object_add")
    assert add["params"]["tariff"] == "3" and add["params"]["package_prolong"] == "1"
    assert sim.world.subs[MTS_MSISDN].package_prolong == 1


def test_a_tariff_the_operator_lacks_is_replaced_and_said(qtbot, session):
    dialog = ready(qtbot, make(qtbot, session))
    choose_tariff(dialog, "180")
    type_phone(qtbot, dialog, NEW_PHONE)  # MegaFon has no 180
    assert dialog.chosen_tariff() == "15"
    assert dialog.main.tariff_note.text() == (
        "Tariff 180 is not offered for this number; 15 is chosen instead."
    )
    choose_tariff(dialog, "30")
    assert dialog.main.tariff_note.isHidden()


def test_add_success_emits_saved_and_the_simulator_has_it(qtbot, session, sim_control, run_async):
    dialog = ready(qtbot, make(qtbot, session, tags=["Москва", "Рейс 12"]))
    type_phone(qtbot, dialog, NEW_PHONE)
    qtbot.keyClicks(dialog.title_edit, "Ivanov")
    dialog.tags_edit.setText("Москва, срочно")  # QTest types ASCII only
    with qtbot.waitSignal(dialog.saved, timeout=15000) as blocker:
        save(qtbot, dialog)
    row = blocker.args[0]
    assert isinstance(row, FleetRow) and row.phone == NEW_MSISDN
    assert dialog.result() == SubscriberDialog.DialogCode.Accepted
    info = run_async(session.client.object_get(NEW_MSISDN))
    assert info.title == "Ivanov" and info.tariff == "15"
    assert list(info.tags or ()) == ["Москва", "срочно"]
    (add,) = calls(sim_control, "object_add")
    # nothing the dispatcher left empty is sent
    assert not {
        "dateoff",
        "package_prolong",
        "destination",
        "st",
        "sw1",
        "metadata",
        "account",
    } & set(add["params"])


def test_add_into_a_sub_account(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    qtbot.keyClicks(dialog.main.account_edit, "10-234")
    save(qtbot, dialog)
    assert dialog.field_error("account") == (
        "A client number has digits only; leave it empty for this account."
    )
    assert count(sim_control, "object_add") == 0 and dialog.isVisible()
    dialog.main.account_edit.clear()
    qtbot.keyClicks(dialog.main.account_edit, "10234")
    assert dialog.field_error("account") == ""
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (add,) = calls(sim_control, "object_add")
    assert add["params"]["account"] == "10234"


def test_editing_has_no_sub_account(qtbot, sim, session, run_async):
    from tests.kits.subscribers import row_for

    dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, pick_phone(sim))))
    assert not dialog.main.account_edit.isVisibleTo(dialog)


def test_add_error_stays_open_with_the_message_next_to_the_phone(qtbot, sim, session):
    existing = pick_phone(sim)
    dialog = ready(qtbot, make(qtbot, session))
    qtbot.keyClicks(dialog.phone_edit, existing)
    qtbot.keyClicks(dialog.title_edit, "Petrov")
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert "already on your account" in dialog.field_error("phone")
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.title_edit.text() == "Petrov" and dialog.phone_edit.text() == existing
    assert dialog.save_button.isEnabled()
    assert dialog.banner.isHidden()


@pytest.mark.parametrize(
    ("code", "field", "text"),
    [
        ("1", "phone", "phone number format is wrong"),
        ("8", "phone", "tracked on another account"),
        ("9", "phone", "block list"),
        ("10", "phone", "could not be determined"),
        ("11", "phone", "not supported"),
        ("12", "tariff", "does not support this tariff"),
        ("13", "tariff", "Not enough money"),
        ("2", "dateoff", "auto-off time is in the past"),
        ("3", "dateoff", "more than a day"),
        ("6", None, "have not confirmed yet"),
    ],
)
def test_add_errors_land_next_to_their_field_or_in_the_banner(
    qtbot, session, sim_control, code, field, text
):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    click(qtbot, dialog.dateoff_check)
    sim_control.inject_error("object_add", code)
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert dialog.isVisible() and dialog.current_page() == "main"
    fields = ("phone", "tariff", "dateoff", "title", "tags")
    said = f"Movizor's answer: “{ERRORS['object_add'][code].text}” (code {code})."
    if field is None:
        assert text in dialog.banner.text() and not dialog.banner.isHidden()
        assert all(dialog.field_error(f) == "" for f in fields)
        assert dialog.banner.toolTip() == said  # the server's own words in the details
    else:
        assert text in dialog.field_error(field)
        assert dialog.banner.isHidden()
        assert all(dialog.field_error(f) == "" for f in fields if f != field)
        assert dialog.main.errors[field].toolTip() == said
    assert dialog.phone_edit.text() == NEW_PHONE and dialog.dateoff_check.isChecked()
    assert dialog.save_button.isEnabled() and dialog.save_button.text() == "Add"


def test_auto_off_less_than_a_day_ahead_is_refused_before_sending(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    click(qtbot, dialog.dateoff_check)
    assert dialog.field_error("dateoff") == ""  # the suggestion is fine
    dialog.set_dateoff(msk_now() + timedelta(hours=3))
    assert "more than a day" in dialog.field_error("dateoff")  # said at once
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert "more than a day" in dialog.field_error("dateoff")
    assert sim_control.requests()["total"] == 0
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.phone_edit.text() == NEW_PHONE
    dialog.set_dateoff(msk_now() - timedelta(hours=1))
    assert dialog.field_error("dateoff") == "The auto-off time is in the past."
    click(qtbot, dialog.dateoff_check)  # off: nothing to complain about
    assert dialog.field_error("dateoff") == ""


def test_auto_off_is_sent_in_msk_with_the_local_time_beside_it(
    qtbot, session, sim_control, run_async
):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    click(qtbot, dialog.dateoff_check)
    moment = (msk_now() + timedelta(days=3)).replace(hour=18, minute=30, second=0, microsecond=0)
    dialog.set_dateoff(moment)
    assert dialog.dateoff_edit.text() == moment.strftime("%d.%m.%Y 18:30")
    local = moment.astimezone()
    if local.utcoffset() != moment.utcoffset():  # the test machine is not on MSK
        assert dialog.main.local_note.text() == (
            "Your local time: " + local.strftime("%d.%m.%Y %H:%M")
        )
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (add,) = calls(sim_control, "object_add")
    assert add["params"]["dateoff"] == moment.strftime("%d.%m.%Y 18:30:00")
    info = run_async(session.client.object_get(NEW_MSISDN))
    assert info.timestamp_off == moment


def test_save_is_disabled_in_flight_and_a_double_click_sends_one_add(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    sim_control.add_fault("latency", "object_add", latency=1.0)
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.mouseDClick(dialog.save_button, Qt.MouseButton.LeftButton)
        save(qtbot, dialog)
        dialog.submit()
        assert dialog.busy and not dialog.save_button.isEnabled()
        assert dialog.save_button.text() == "Saving…"
        assert not dialog.cancel_button.isEnabled()
        dialog.reject()  # cannot be dismissed while the request is out
        dialog.close()
        assert dialog.isVisible()
    assert count(sim_control, "object_add") == 1


def test_tags_complete_after_the_last_comma(qtbot, session):
    dialog = make(qtbot, session, tags=["Moscow", "Route 12", "urgent"])
    completer = dialog.tags_edit.completer()
    assert completer.splitPath("Moscow, rou") == ["rou"]
    qtbot.keyClicks(dialog.tags_edit, "Moscow, Rou")
    completer.setCurrentRow(0)
    assert completer.currentCompletion() == "Moscow, Route 12"  # the earlier tags stay


def test_closing_while_loading_leaves_nothing_behind(
    qtbot, sim, session, sim_control, run_async, caplog
):
    from tests.kits.subscribers import row_for

    row = row_for(session, run_async, pick_phone(sim))
    sim_control.add_fault("latency", "object_get", latency=0.5)
    sim_control.reset_requests()
    dialog = SubscriberDialog(session, row=row)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    assert dialog.loading
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    # its object_get was cancelled with it: no task is left to take the answer, and the
    # client has nothing in flight
    qtbot.waitUntil(
        lambda: len(session.tasks) == 0 and session.client.budget.in_flight == 0, timeout=5000
    )
    assert count(sim_control, "object_get") <= 1  # sent at most once (maybe not at all)
    assert "unhandled error" not in caplog.text and "Traceback" not in caplog.text


def test_no_route_map_no_pick_button(qtbot, session):
    """Without QtWebEngine (no map factory) the route page has no map and no Pick button;
    the route map itself is tested in tests/map/test_route_map.py."""
    dialog = make(qtbot, session)
    dialog.show_page("route")
    assert dialog.route_editor.pick_button is None and dialog.route_editor.map_link is None


def test_tariff_id_is_still_importable_from_the_dialog_module():
    assert tariff_id("manual") == "manual" and tariff_id(" 15") == "15"

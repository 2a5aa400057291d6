"""SubscriberDialog against the simulator: preview, add, errors in place, no double submit,
edit with the tariff switch now or at midnight."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from movizor_desktop.api.encoding import MSK
from movizor_desktop.store import Profile
from movizor_desktop.sync.state import FleetRow
from movizor_desktop.ui.dialogs import SubscriberDialog
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY

pytestmark = pytest.mark.gui

NEW_PHONE = "+7 (921) 555-44-33"
NEW_MSISDN = "79215554433"


@pytest.fixture
def session(qloop, sim, run_async):
    session = Session(Profile("Test", base_url=sim.base_url, project="demo"), SIM_KEY)
    run_async(session.engine.connect())
    assert NEW_MSISDN not in session.engine.fleet
    yield session
    run_async(session.aclose())


def make(qtbot, session: Session, **kw) -> SubscriberDialog:
    dialog = SubscriberDialog(session, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog: SubscriberDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, dialog: SubscriberDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)


def calls(sim_control, function: str) -> list[dict]:
    return [r for r in sim_control.requests()["last"] if r.get("function") == function]


def test_phone_preview_and_validation(qtbot, session):
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.phone_edit, "8 921 001 02 03")
    assert dialog.phone_preview.text() == "→ +7 921 001-02-03"
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "9210010203")
    assert dialog.phone_preview.text() == "→ +7 921 001-02-03"
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "+7 495 123-45-67")  # a Moscow landline
    assert "not a Russian mobile number" in dialog.phone_preview.text()
    save(qtbot, dialog)
    assert "not a Russian mobile number" in dialog.field_error("phone")
    assert not dialog.busy and dialog.isVisible()


def test_tariffs_come_from_the_balance_with_15_preselected(qtbot, session):
    dialog = make(qtbot, session)
    ids = [dialog.tariff_combo.itemData(i) for i in range(dialog.tariff_combo.count())]
    assert "15" in ids and ids == sorted(ids, key=int)
    assert dialog.chosen_tariff() == "15"
    assert dialog.tariff_combo.currentText().startswith("15 — ")
    assert not dialog.when_box.isVisible()  # the switch choice is for edits only


def test_add_success_emits_saved_and_the_simulator_has_it(qtbot, session, sim_control,
                                                          run_async):
    dialog = make(qtbot, session, tags=["Москва", "Рейс 12"])
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)
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
    assert len(calls(sim_control, "object_add")) == 1


def test_add_error_stays_open_with_the_message_next_to_the_phone(qtbot, session, sim_control):
    existing = session.engine.fleet.rows()[0].phone
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.phone_edit, existing)
    qtbot.keyClicks(dialog.title_edit, "Petrov")
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert "already on your account" in dialog.field_error("phone")
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.title_edit.text() == "Petrov" and dialog.phone_edit.text() == existing
    assert dialog.save_button.isEnabled()
    assert dialog.banner.isHidden()


def test_auto_off_less_than_a_day_ahead_is_refused_before_sending(qtbot, session,
                                                                  sim_control):
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)
    qtbot.mouseClick(dialog.dateoff_check, Qt.MouseButton.LeftButton)
    dialog.set_dateoff(datetime.now(MSK) + timedelta(hours=3))
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert "more than a day" in dialog.field_error("dateoff")
    assert sim_control.requests()["total"] == 0
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.phone_edit.text() == NEW_PHONE


def test_server_errors_on_the_auto_off_land_next_to_it(qtbot, session, sim_control):
    sim_control.inject_error("object_add", "3")  # DATEOFF less than a day
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)
    qtbot.mouseClick(dialog.dateoff_check, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert "more than a day" in dialog.field_error("dateoff")
    assert dialog.field_error("phone") == ""


def test_save_is_disabled_in_flight_and_a_double_click_sends_one_add(qtbot, session,
                                                                     sim_control):
    sim_control.add_fault("latency", "object_add", latency=1.0)
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.phone_edit, NEW_PHONE)
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.mouseDClick(dialog.save_button, Qt.MouseButton.LeftButton)
        save(qtbot, dialog)
        dialog.submit()
        assert dialog.busy and not dialog.save_button.isEnabled()
        assert not dialog.cancel_button.isEnabled()
        dialog.reject()  # cannot be dismissed while the request is out
        assert dialog.isVisible()
    assert len(calls(sim_control, "object_add")) == 1


def _tracked_row(session: Session) -> FleetRow:
    return next(r for r in session.engine.fleet.rows()
                if r.status == "ok" and r.tariff and r.tariff != "60" and not r.tariff_new)


@pytest.mark.parametrize("now", [True, False], ids=["activate-now", "from-tomorrow"])
def test_edit_tariff_now_or_from_tomorrow(qtbot, session, sim_control, run_async, now):
    row = _tracked_row(session)
    dialog = make(qtbot, session, row=row)
    assert dialog.phone_edit.isReadOnly() and not dialog.dateoff_edit.isVisible()
    assert not dialog.when_box.isVisible()
    dialog.tariff_combo.setCurrentIndex(dialog.tariff_combo.findData("60"))
    assert dialog.when_box.isVisible() and dialog.tomorrow_radio.isChecked()
    if now:
        radio = dialog.now_radio  # click its indicator (the row is wider than its text)
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
        assert dialog.now_radio.isChecked() and not dialog.tomorrow_radio.isChecked()
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (edit,) = calls(sim_control, "object_edit")
    params = edit["params"]
    assert params["tariff"] == "60"
    assert ("activate" in params) is now
    assert "title" not in params and "tags" not in params  # untouched fields are not sent
    info = run_async(session.client.object_get(row.phone))
    if now:
        assert info.tariff == "60"
    else:
        assert info.tariff == row.tariff and info.tariff_new == "60"


def test_edit_without_touching_the_tariff_still_sends_it(qtbot, session, sim_control):
    row = _tracked_row(session)
    dialog = make(qtbot, session, row=row)
    dialog.title_edit.setText("Новое имя")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (edit,) = calls(sim_control, "object_edit")
    assert edit["params"]["tariff"] == row.tariff
    assert edit["params"]["title"] == "Новое имя"
    assert "activate" not in edit["params"] and "tags" not in edit["params"]


def test_tags_complete_after_the_last_comma(qtbot, session):
    dialog = make(qtbot, session, tags=["Moscow", "Route 12", "urgent"])
    completer = dialog.tags_edit.completer()
    assert completer.splitPath("Moscow, rou") == ["rou"]
    qtbot.keyClicks(dialog.tags_edit, "Moscow, Rou")
    completer.setCurrentRow(0)
    assert completer.currentCompletion() == "Moscow, Route 12"  # the earlier tags stay


def test_edit_keeps_a_pending_tariff_change():
    row = FleetRow(phone="79210010203", status="ok", tariff="15", tariff_new="30")
    from movizor_desktop.ui.dialogs.subscriber import tariff_id

    assert tariff_id(row.tariff_new or row.tariff) == "30"
    assert tariff_id("manual") == "0"

"""SubscriberDialog, editing, against the simulator: fresh details with a loading state,
the tariff switch now or at 00:00 MSK, a pending switch shown and cancellable, only the
touched fields sent — and always a tariff."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from movizor_desktop.api.encoding import RoutePoint, Schedule
from movizor_desktop.ui.dialogs.tariffs import next_msk_midnight
from tests.kits.subscribers import (
    calls,
    choose_tariff,
    click,
    count,
    make,
    msk_now,
    pick_phone,
    ready,
    row_for,
    save,
    wait_idle,
)

UNTOUCHED = {
    "title",
    "tags",
    "dateoff",
    "package_prolong",
    "destination",
    "st",
    "sw1",
    "sw2",
    "sw3",
    "sw4",
    "sw5",
    "sw6",
    "sw7",
    "metadata",
    "activate",
}


def _edit(sim_control) -> dict:
    (edit,) = calls(sim_control, "object_edit")
    return edit["params"]


@pytest.fixture
def tracked(sim, session, run_async):
    """A confirmed subscriber on a daily tariff other than 60, no switch pending."""
    return row_for(session, run_async, pick_phone(sim))


def test_details_load_in_the_background_then_fill_every_page(
    qtbot, sim, session, sim_control, run_async
):
    phone = pick_phone(sim)
    when = (msk_now() + timedelta(days=2)).replace(second=0, microsecond=0)
    dateoff = (msk_now() + timedelta(days=5)).replace(minute=0, second=0, microsecond=0)
    run_async(
        session.client.object_edit(
            phone,
            tariff=sim.world.subs[phone].tariff,
            title="Рейс 7",
            tags=["север", "срочно"],
            dateoff=dateoff,
            route=[RoutePoint("Казань", 55.796127, 49.106414, when)],
            schedule=Schedule(frozenset({1, 5}), (datetime(2026, 1, 1, 9, 30).time(),)),
            metadata={"Водитель": "Петров"},
        )
    )
    row = row_for(session, run_async, phone)
    run_async(session.client.object_edit(phone, tariff=row.tariff, title="Рейс 8"))  # newer
    sim_control.add_fault("latency", "object_get", latency=0.6)
    dialog = make(qtbot, session, row=row)
    assert dialog.loading and not dialog.save_button.isEnabled()
    assert dialog.loading_note.text() == "Loading the subscriber's current settings…"
    assert not dialog.tabs.isEnabled()
    assert dialog.title_edit.text() == "Рейс 7"  # the row's, until the fresh details come
    save(qtbot, dialog)  # nothing happens while loading
    ready(qtbot, dialog)
    assert dialog.save_button.isEnabled() and dialog.tabs.isEnabled()
    assert dialog.loading_note.isHidden()
    assert dialog.title_edit.text() == "Рейс 8"
    assert dialog.tags_edit.text() == "север, срочно"
    assert dialog.dateoff_check.isChecked() and dialog.dateoff() == dateoff
    assert dialog.phone_edit.isReadOnly()
    (point,) = dialog.route_editor.points()
    assert (point.text, point.lat, point.lon, point.time) == ("Казань", 55.796127, 49.106414, when)
    assert dialog.schedule_editor.schedule().days == frozenset({1, 5})
    assert dialog.metadata_editor.metadata() == {"Водитель": "Петров"}
    assert not any(e.is_modified() for e in dialog.editors.values())
    assert count(sim_control, "object_edit") == 2  # the two of the set-up, none by the dialog


def test_details_that_cannot_be_loaded_say_so_and_lock_the_pages(
    qtbot, sim, session, sim_control, run_async
):
    row = row_for(session, run_async, pick_phone(sim))
    row = type(row)(
        phone=row.phone, status=row.status, title=row.title, tariff=row.tariff, tags=row.tags
    )  # no details cached either
    sim_control.inject_error("object_get", "1")
    dialog = make(qtbot, session, row=row)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert "could not be loaded" in dialog.banner.text()
    assert "not on the account" in dialog.banner.text()
    assert not dialog.tabs.isTabEnabled(1) and not dialog.tabs.isTabEnabled(3)
    assert dialog.save_button.isEnabled()  # name, tags and tariff can still be saved


@pytest.mark.parametrize("now", [True, False], ids=["activate-now", "from-tomorrow"])
def test_edit_tariff_now_or_from_tomorrow(qtbot, session, sim_control, run_async, tracked, now):
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    assert dialog.phone_edit.isReadOnly() and dialog.dateoff_edit.isVisible()
    assert not dialog.when_box.isVisible()
    assert dialog.chosen_tariff() == tracked.tariff
    choose_tariff(dialog, "60")
    assert dialog.when_box.isVisible() and dialog.tomorrow_radio.isChecked()
    midnight = next_msk_midnight(msk_now()).strftime("%d.%m.%Y")
    assert dialog.tomorrow_radio.text().startswith(
        f"Switch from tomorrow, {midnight} 00:00 MSK"
    )  # + " (… local)" outside Moscow time
    if now:
        click(qtbot, dialog.now_radio)
        assert dialog.now_radio.isChecked() and not dialog.tomorrow_radio.isChecked()
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    params = _edit(sim_control)
    assert params["tariff"] == "60"
    assert ("activate" in params) is now
    assert not (UNTOUCHED - {"activate"}) & set(params)  # untouched fields are not sent
    info = run_async(session.client.object_get(tracked.phone))
    if now:
        assert info.tariff == "60"
    else:
        assert info.tariff == tracked.tariff and info.tariff_new == "60"


def test_changing_back_to_the_current_tariff_is_no_change(qtbot, session, tracked):
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    choose_tariff(dialog, "60")
    choose_tariff(dialog, tracked.tariff)
    assert not dialog.when_box.isVisible() and not dialog.tariff_changed()


def test_edit_without_touching_the_tariff_still_sends_it(qtbot, session, sim_control, tracked):
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    dialog.title_edit.setText("Новое имя")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    params = _edit(sim_control)
    assert params["tariff"] == tracked.tariff
    assert params["title"] == "Новое имя"
    assert not (UNTOUCHED - {"title"}) & set(params)


def test_an_edit_that_touches_nothing_sends_only_the_tariff(
    qtbot, session, sim_control, run_async, tracked
):
    before = run_async(session.client.object_get(tracked.phone))
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    dialog.title_edit.setText(tracked.title + " ")  # the same after trimming
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    assert _edit(sim_control) == {
        "key": "REDACTED",
        "phone": tracked.phone,
        "tariff": tracked.tariff,
    }
    after = run_async(session.client.object_get(tracked.phone))
    assert after.model_dump(
        include={
            "title",
            "tags",
            "tariff",
            "tariff_new",
            "destination",
            "metadata",
            "schedule",
            "timestamp_off",
        }
    ) == before.model_dump(
        include={
            "title",
            "tags",
            "tariff",
            "tariff_new",
            "destination",
            "metadata",
            "schedule",
            "timestamp_off",
        }
    )


@pytest.fixture
def pending(sim, session, run_async, tracked):
    """``tracked`` with a switch to 60 scheduled for 00:00 MSK."""
    run_async(session.client.object_edit(tracked.phone, tariff="60"))
    row = row_for(session, run_async, tracked.phone)
    assert row.tariff_new == "60" and row.tariff == tracked.tariff
    return row


def test_a_pending_switch_is_shown_and_kept_by_an_edit(
    qtbot, session, sim_control, run_async, pending
):
    dialog = ready(qtbot, make(qtbot, session, row=pending))
    midnight = next_msk_midnight(msk_now()).strftime("%d.%m.%Y")
    assert dialog.chosen_tariff() == pending.tariff  # the tariff now
    assert dialog.main.pending_box.isVisible()
    assert dialog.main.pending_label.text().startswith(
        f"Switches to 60 — Every 60 min at {midnight} 00:00 MSK"
    )
    assert not dialog.when_box.isVisible()
    choose_tariff(dialog, "30")  # another choice would replace the switch: said so
    assert dialog.main.pending_label.text().endswith(
        "\nSaving with another tariff replaces this switch."
    )
    choose_tariff(dialog, pending.tariff)
    assert "replaces" not in dialog.main.pending_label.text()
    qtbot.keyClicks(dialog.tags_edit, "night")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    params = _edit(sim_control)
    assert params["tariff"] == "60" and "activate" not in params  # keeps the switch
    info = run_async(session.client.object_get(pending.phone))
    assert info.tariff == pending.tariff and info.tariff_new == "60"


def test_a_pending_switch_can_be_cancelled(qtbot, session, sim_control, run_async, pending):
    dialog = ready(qtbot, make(qtbot, session, row=pending))
    sim_control.reset_requests()
    sim_control.add_fault("latency", "object_cancel_tariff", latency=0.5)
    click(qtbot, dialog.main.cancel_pending_button)
    assert dialog.busy and not dialog.save_button.isEnabled()
    click(qtbot, dialog.main.cancel_pending_button)  # disabled: not sent twice
    wait_idle(qtbot, dialog)
    assert count(sim_control, "object_cancel_tariff") == 1
    assert dialog.main.pending_box.isHidden()
    assert dialog.main.tariff_note.text() == (
        f"The switch is cancelled; the tariff stays {pending.tariff}."
    )
    assert run_async(session.client.object_get(pending.phone)).tariff_new is None
    dialog.title_edit.setText("После отмены")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    assert _edit(sim_control)["tariff"] == pending.tariff  # no longer the cancelled 60


def test_cancelling_a_switch_that_fails_says_so_at_the_tariff(qtbot, session, sim_control, pending):
    dialog = ready(qtbot, make(qtbot, session, row=pending))
    sim_control.inject_error("object_cancel_tariff", "1")
    click(qtbot, dialog.main.cancel_pending_button)
    wait_idle(qtbot, dialog)
    assert "not on the account" in dialog.field_error("tariff")
    assert dialog.main.pending_box.isVisible()


def test_manual_is_tariff_0(qtbot, sim, session, sim_control, run_async):
    row = row_for(session, run_async, pick_phone(sim, tariff="0"))
    assert row.tariff == "manual"  # object_get says the word; the price table tells the id
    dialog = ready(qtbot, make(qtbot, session, row=row))
    assert dialog.chosen_tariff() == "0" and not dialog.tariff_changed()
    assert dialog.schedule_editor.cost_note.text() != ""  # each request's price is shown
    qtbot.keyClicks(dialog.title_edit, "x")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    assert _edit(sim_control)["tariff"] == "0"
    info = run_async(session.client.object_get(row.phone))
    assert info.tariff == "manual" and info.tariff_new is None


def test_auto_off_on_edit(qtbot, sim, session, sim_control, run_async, tracked):
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    assert not dialog.dateoff_check.isChecked()  # the seeded subscriber has none
    click(qtbot, dialog.dateoff_check)
    dialog.set_dateoff(msk_now() + timedelta(hours=20))
    assert "more than a day" in dialog.field_error("dateoff")
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert count(sim_control, "object_edit") == 0
    moment = (msk_now() + timedelta(days=4)).replace(minute=0, second=0, microsecond=0)
    dialog.set_dateoff(moment)
    assert dialog.field_error("dateoff") == ""
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    assert _edit(sim_control)["dateoff"] == moment.strftime("%d.%m.%Y %H:%M:00")
    row = row_for(session, run_async, tracked.phone)
    dialog = ready(qtbot, make(qtbot, session, row=row))
    assert dialog.dateoff() == moment
    click(qtbot, dialog.dateoff_check)  # the API cannot remove an auto-off
    assert "cannot be removed" in dialog.field_error("dateoff")
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert count(sim_control, "object_edit") == 0 and dialog.isVisible()


@pytest.mark.parametrize(
    ("code", "field", "text"),
    [
        ("1", "phone", "not on the account"),
        ("2", "tariff", "does not support this tariff"),
        ("3", "dateoff", "in the past"),
        ("4", "dateoff", "more than a day"),
    ],
)
def test_edit_errors_land_next_to_their_field(
    qtbot, session, sim_control, tracked, code, field, text
):
    dialog = ready(qtbot, make(qtbot, session, row=tracked))
    click(qtbot, dialog.dateoff_check)
    choose_tariff(dialog, "60")
    sim_control.inject_error("object_edit", code)
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert text in dialog.field_error(field) and dialog.banner.isHidden()
    assert dialog.current_page() == "main" and dialog.isVisible()
    assert dialog.chosen_tariff() == "60" and dialog.dateoff_check.isChecked()


def test_package_renewal_on_edit_is_sent_only_when_toggled(
    qtbot, sim, session, sim_control, run_async
):
    phone = pick_phone(sim, operator="mts")
    run_async(session.client.object_edit(phone, tariff="3", activate=True))
    row = row_for(session, run_async, phone)
    assert row.tariff == "3"
    dialog = ready(qtbot, make(qtbot, session, row=row))
    prolong = dialog.main.prolong_check
    assert prolong.isEnabled() and not prolong.isChecked()
    click(qtbot, prolong)
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    params = _edit(sim_control)
    assert params["package_prolong"] == "1" and params["tariff"] == "3"
    assert sim.world.subs[phone].package_prolong == 1

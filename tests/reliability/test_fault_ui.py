"""Faults seen from the window: a dialog whose save failed keeps everything typed, a lost
position request is not sent again, and the window keeps processing events while every
answer is slow. Driven through the real widgets against the simulator."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt

from movizor_desktop.sync import ConnectionState
from movizor_desktop.ui.main_window import MainWindow
from tests.kits.subscribers import (
    NEW_MSISDN,
    NEW_PHONE,
    count,
    make,
    ready,
    save,
    type_phone,
    wait_idle,
)


@pytest.fixture
def window(window):
    """The shared window, polling a requested position every 50 ms (not 10 s)."""
    window.controller.poll_interval = 0.05
    return window


SLOW_ANSWER = 3.0  # s: every answer while the user types (the fault matrix's "5 s latency")


@pytest.mark.parametrize("kind", ["http_502", "reset", "timeout"])
def test_add_dialog_save_under_a_fault_stays_open_with_the_input(qtbot, session, sim_control, kind):
    if kind == "timeout":
        session.client._http.timeout = httpx.Timeout(0.5)  # the server stays silent 3 s
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    qtbot.keyClicks(dialog.title_edit, "Petrov A123BC")
    qtbot.keyClicks(dialog.tags_edit, "reefer")
    sim_control.reset_requests()
    sim_control.add_fault(kind, function="object_add", count=None, latency=3)
    save(qtbot, dialog)
    save(qtbot, dialog)  # an impatient second click
    wait_idle(qtbot, dialog)
    assert count(sim_control, "object_add") == 1  # costs money: sent once, never repeated
    assert dialog.isVisible() and dialog.result() == 0
    assert (dialog.phone_edit.text(), dialog.title_edit.text(), dialog.tags_edit.text()) == (
        NEW_PHONE,
        "Petrov A123BC",
        "reefer",
    )
    shown = dialog.banner.text() + dialog.field_error("phone")
    assert "Movizor server" in shown and "check before repeating" in shown
    assert dialog.save_button.isEnabled()

    sim_control.clear_faults()
    if kind != "http_502":  # the server did add it: a second save says so, adds nothing
        save(qtbot, dialog)
        wait_idle(qtbot, dialog)
        assert "already on your account" in dialog.field_error("phone")
        assert count(sim_control, "object_add") == 2
        assert len([s for s in session.engine.fleet.phones() if s == NEW_MSISDN]) <= 1
        return
    with qtbot.waitSignal(dialog.saved, timeout=10000):  # the fault is gone: save works
        save(qtbot, dialog)
    assert count(sim_control, "object_add") == 2
    assert session.engine.fleet.get(NEW_MSISDN) is not None


def test_position_request_lost_to_a_reset_is_not_sent_again(
    qtbot, window: MainWindow, sim, sim_control
) -> None:
    sim.world.request_success_rate = 1.0
    sim_control.advance(600)  # past the 5-minute gap since the seeded requests
    phone = next(
        r.phone
        for r in window.model.rows()
        if r.status == "ok" and r.tariff in {"15", "30", "60", "1"}
    )
    assert window.subscribers.select_phone(phone)
    sim_control.reset_requests()
    sim_control.add_fault("reset", function="pos_request", count=None)
    action = window.window_actions.request_position
    assert action.isEnabled()
    qtbot.mouseClick(window.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)
    assert window.controller.busy_phones() == {phone} and not action.isEnabled()
    action.trigger()  # a second go (shortcut) while the first is in flight: ignored
    qtbot.waitUntil(lambda: not window.controller.busy_phones(), timeout=10000)
    text = window.statusbar.message()
    assert "connection to the Movizor server failed" in text and "check" in text
    assert "check before repeating" in window.details.error_text()
    assert window.statusbar.message_label.property("level") == 2
    assert count(sim_control, "pos_request") == 1
    # The server did queue it: the sync finds the outcome by itself, and sends no request.
    fix_before = window.model.get(phone).fix_time
    sim_control.clear_faults()
    sim_control.advance(200)
    window.session.engine.refresh_now()
    qtbot.waitUntil(lambda: window.model.get(phone).fix_time != fix_before, timeout=10000)
    assert count(sim_control, "pos_request") == 1
    assert action.isEnabled()  # the window keeps working


def test_window_keeps_processing_events_under_slow_answers(
    qtbot, window: MainWindow, sim_control
) -> None:
    """The dispatcher types and the list filters while every request is still waiting for
    its answer. (How long the event loop stalls is a benchmark's figure:
    tests/benchmarks/bench_sync.py.)"""
    engine, client = window.session.engine, window.session.client
    sim_control.add_fault("latency", count=None, latency=SLOW_ANSWER)
    sim_control.reset_requests()
    synced = engine.status.last_sync
    engine.refresh_now()
    qtbot.waitUntil(lambda: client.budget.in_flight >= 1, timeout=5000)
    qtbot.keyClicks(window.subscribers.search, "zzz-no-such")  # the user types meanwhile
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0, timeout=5000)
    assert client.budget.in_flight >= 1  # filtered while the answer is still on its way
    assert engine.status.last_sync == synced
    qtbot.waitUntil(lambda: engine.status.last_sync != synced, timeout=30000)
    sim_control.clear_faults()
    assert sim_control.requests()["by_function"].get("pos_objects", 0) >= 1
    assert engine.status.state == ConnectionState.ONLINE


def test_offline_is_shown_with_the_reason_and_clears_by_itself(
    qtbot, window: MainWindow, sim_control
) -> None:
    engine = window.session.engine
    engine.retry_base = 0.1
    sim_control.add_fault("http_503", count=None)
    engine.refresh_now()
    qtbot.waitUntil(lambda: engine.status.state == ConnectionState.OFFLINE, timeout=10000)
    button = window.statusbar.connection_button
    qtbot.waitUntil(lambda: "Offline" in button.text(), timeout=5000)
    assert "internal error" in button.toolTip()
    sim_control.clear_faults()
    qtbot.waitUntil(lambda: engine.status.state == ConnectionState.ONLINE, timeout=15000)
    qtbot.waitUntil(lambda: "Online" in button.text(), timeout=5000)

"""The app's "now" is Movizor's: in the demo, the simulator's clock; at a real account, the
PC's clock plus the offset learned from answers, with a word in the status bar when the PC
is more than two minutes off."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop import clock
from movizor_desktop.app import DEMO_KEY, demo_session
from movizor_desktop.simulator import SimControl, SimulatorServer
from movizor_desktop.store import AppSettings, Profile
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.periods import TODAY
from movizor_desktop.ui.session import Session
from movizor_desktop.ui.subscribers.model import FIX
from tests.conftest import SIM_START
from tests.kits.map import offline_tiles, wait_ready
from tests.kits.windows import attach_map

DEMO_HOURS = 15  # half an hour of real time at the demo's 30× speed


@pytest.fixture
def demo(qtbot, qloop, run_async):
    """The demo as the app starts it (its session on the embedded simulator), in a window
    with the map; the simulator's clock stands still until a test moves it."""
    server = SimulatorServer.demo(
        seed=1, fleet=40, speed=0.0, start=SIM_START, key=DEMO_KEY
    ).start()
    window = MainWindow(AppSettings(tile_url=offline_tiles()), lang="en")
    qtbot.addWidget(window)
    link = attach_map(window)
    session = demo_session(server)
    window.set_session(session)
    session.start()
    window.resize(1400, 850)
    window.show()
    wait_ready(qtbot, link.panel)
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=15000)
    yield window, link.panel, server
    link.shutdown()
    run_async(session.aclose())
    server.stop()


def arrived_at_sim(server: SimulatorServer, phone: str) -> bool:
    """The simulator says: tracked, and every point of its route is reached."""
    answer = httpx.get(
        f"{server.base_url}demo/object_get/", params={"key": DEMO_KEY, "phone": phone}
    ).json()["data"]
    route = answer.get("destination") or []
    return (
        answer["status"] == "ok"
        and bool(route)
        and all(point["status"] == "finished" for point in route)
    )


def refreshed(qtbot, window: MainWindow) -> None:
    """One more sync cycle has landed."""
    engine = window.session.engine
    before = engine.status.syncs
    engine.refresh_now()
    qtbot.waitUntil(lambda: engine.status.syncs > before, timeout=15000)


def show_today(qtbot, window: MainWindow, panel, phone: str):
    window.select_subscriber(phone)
    with qtbot.waitSignal(panel.track_loaded, timeout=15000):
        if panel.period_bar.combo.currentIndex() == TODAY:
            panel.period_bar.period_changed.emit()
        else:
            panel.period_bar.combo.setCurrentIndex(TODAY)
    assert panel.track is not None and panel.track.phone == phone
    return panel.track


def test_demo_half_an_hour_later_tracks_end_at_the_live_fix(qtbot, demo) -> None:
    window, panel, server = demo
    with SimControl(server.control_url) as control:
        control.advance(DEMO_HOURS * 3600)
    refreshed(qtbot, window)
    sim_now = server.world.clock.now()
    assert abs((clock.now() - sim_now).total_seconds()) < 1  # the demo's now is the sim's

    moving = [
        r
        for r in window.model.rows()
        if r.status == "ok"
        and r.fix_time is not None
        and (sim_now - r.fix_time) < timedelta(hours=1)
    ]
    assert moving, "no active truck with a fresh fix after the jump"
    row = moving[0]
    track = show_today(qtbot, window, panel, row.phone)
    last = track.points[-1]
    assert (last.lat, last.lon) == pytest.approx((row.lat, row.lon), abs=1e-6)
    assert last.until == row.fix_time  # the track ends at the live position
    fix_text = window.details.fields["fix"].text()
    assert "min ago" in fix_text or "just now" in fix_text, fix_text

    arrived = [phone for phone in window.model.phones() if arrived_at_sim(server, phone)]
    assert arrived, "no truck has finished its route after the jump"
    track = show_today(qtbot, window, panel, arrived[0])
    assert track.points, "a truck that arrived shows its track"
    assert window.clock_notice.chip.isHidden()  # the demo's clock is never "off"


@pytest.fixture
def skewed_sim():
    """A simulator on real time whose clock is 10 minutes ahead of the PC's."""
    server = SimulatorServer.demo(seed=1, fleet=10, speed=1.0, key="skew-key").start()
    with SimControl(server.control_url) as control:
        control.advance(600)
    yield server
    server.stop()


def test_a_pc_clock_ten_minutes_off_is_named_once(qtbot, qloop, run_async, skewed_sim) -> None:
    window = MainWindow(AppSettings(), lang="en", workflows=False)
    qtbot.addWidget(window)
    window.show()
    session = Session(Profile("skew", base_url=skewed_sim.base_url, project="demo"), "skew-key")
    window.set_session(session)
    session.start()
    try:
        chip = window.clock_notice.chip
        qtbot.waitUntil(chip.isVisible, timeout=15000)
        assert chip.text() == "PC clock 10 min behind"
        assert "follow Movizor's clock" in chip.toolTip()
        told = window.statusbar.message()
        assert told.startswith("This computer's clock is 10 min behind Movizor's.")
        assert abs(clock.now() - skewed_sim.world.clock.now()) < timedelta(seconds=2)
        model = window.model
        qtbot.waitUntil(lambda: any(r.fix_time for r in model.rows()), timeout=15000)
        fixes = [
            model.index(r, FIX).data()
            for r in range(model.rowCount())
            if model.rows()[r].fix_time is not None
        ]
        assert fixes and all("ago" in text or text == "just now" for text in fixes), fixes
        window.statusbar.clear_message()
        refreshed(qtbot, window)
        assert chip.isVisible() and window.statusbar.message() == ""  # said once
    finally:
        run_async(session.aclose())


def test_a_window_gone_stops_hearing_its_sessions_clock(qtbot) -> None:
    """The session (and its clock) may outlive the window that showed it: the clock's next
    lesson must not reach the deleted status bar (it logged "clock listener failed")."""
    import shiboken6

    from movizor_desktop.clock import MovizorClock

    clock = MovizorClock(source=None)
    window = MainWindow(AppSettings(), lang="en")
    window.clock_notice.watch(clock)
    shiboken6.delete(window)
    clock.restore(120.0)  # Movizor's time learned again after the window went
    clock.restore(240.0)

"""Offline start: the window opens at once on the last known fleet from the cache, says
since when it is offline, and reconnects by itself once the server answers again."""

from __future__ import annotations

from movizor_desktop.store import AppPaths, AppSettings, Cache, Profile
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY


def test_offline_start_shows_the_cached_fleet_then_reconnects(
    qtbot, qloop, run_async, sim, sim_control
):
    paths = AppPaths()
    profile = Profile("contract", base_url=sim.base_url, project="demo")

    # First run: online, the fleet lands in the cache.
    first = Session(profile, SIM_KEY, cache=Cache.for_profile(paths, profile.name))
    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.set_session(first)
    first.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=15000)
    qtbot.waitUntil(lambda: first.engine.status.state == "online", timeout=15000)
    titles = {r.phone: r.title for r in window.model.rows()}
    run_async(first.aclose())

    # Second run: the server drops every connection. The cached fleet shows anyway.
    sim_control.add_fault("drop", count=None)
    sim_control.reset_requests()
    second = Session(profile, SIM_KEY, cache=Cache.for_profile(paths, profile.name))
    second.engine.retry_base = 0.2  # the first offline retry comes sooner in the test
    window.set_session(second)
    second.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=10000)
    assert {r.phone: r.title for r in window.model.rows()} == titles
    qtbot.waitUntil(lambda: second.engine.status.state == "offline", timeout=15000)
    qtbot.waitUntil(
        lambda: "Offline since" in window.statusbar.connection_button.text(), timeout=5000
    )

    # The network comes back: the window is online again without anyone doing anything.
    sim_control.clear_faults()
    qtbot.waitUntil(lambda: second.engine.status.state == "online", timeout=20000)
    qtbot.waitUntil(
        lambda: "Offline" not in window.statusbar.connection_button.text(), timeout=5000
    )
    assert window.model.rowCount() == 40
    run_async(second.aclose())

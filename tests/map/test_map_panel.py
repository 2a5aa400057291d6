"""The map panel in a real QtWebEngine page (offscreen): loading, markers, selection, route,
track paging and playback, picking, tiles offline, shutdown."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.fleet import ChangeSet
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.map import profile
from movizor_desktop.ui.map.panel import MapPanel
from tests.kits.map import (
    T0,
    FakeLoader,
    TileServer,
    evaluate,
    fleet,
    offline_tiles,
    positions,
    state,
    wait_ready,
    with_route,
)


@pytest.fixture
def make_panel(qtbot, qloop):
    panels: list[MapPanel] = []

    def make(tile_url: str | None = None, *, show: bool = True, ready: bool = True):
        panel = MapPanel(AppSettings(tile_url=tile_url or offline_tiles()))
        panel.resize(900, 600)
        if show:
            panel.show()
        if ready:
            wait_ready(qtbot, panel)
        panels.append(panel)
        return panel

    yield make
    for panel in panels:  # as the window would: shut down, then delete
        panel.shutdown()
        panel.close()
        panel.deleteLater()
    flush_deletes()
    assert profile.current_profile() is None


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_page_loads_offline_and_asks_only_app_and_the_tile_host(make_panel, qtbot):
    requested: list[str] = []
    shared = profile.acquire_profile()  # the observer must see the page's first request
    shared.interceptor.observers.append(lambda url: requested.append(url.toString()))
    try:
        with TileServer() as tiles:
            panel = make_panel(tiles.url)
            assert evaluate(qtbot, panel.view, "typeof L") == "object"
            assert evaluate(qtbot, panel.view, "L.version") == "1.9.4"
            assert evaluate(qtbot, panel.view, "typeof MzFleet") == "function"
            assert evaluate(qtbot, panel.view, "typeof L.markerClusterGroup") == "undefined"
            assert evaluate(qtbot, panel.view, "typeof mz.setFleet") == "function"
            qtbot.waitUntil(lambda: len(tiles.requests) > 0, timeout=10000)
            tile_prefix = tiles.url.split("{z}")[0]
    finally:
        shared.interceptor.observers.clear()
        profile.release_profile(shared)
    assert any(u.startswith("app://pages/") for u in requested)
    assert any(u == "app://web/leaflet/leaflet.js" for u in requested)
    strangers = [u for u in requested if not (u.startswith("app://") or u.startswith(tile_prefix))]
    assert strangers == []
    first = tiles.requests[0]
    assert first["User-Agent"] == profile.USER_AGENT
    assert "Referer" not in first  # never an https Referer on an http request
    assert not state(qtbot, panel)["offline"] and not panel.tiles_offline


def test_calls_before_the_page_is_ready_wait_and_go_as_one_batch(make_panel, qtbot):
    panel = make_panel(ready=False)
    panel.apply_changes(fleet(25))
    panel.select("79000000003")
    assert panel.view.batches == 0
    wait_ready(qtbot, panel)
    assert panel.view.batches == 1
    s = state(qtbot, panel)
    assert s["markers"] == 25 and s["selected"] == "79000000003"


def test_markers_follow_the_fleet(make_panel, qtbot):
    panel = make_panel()
    rows = fleet(50)
    before = panel.view.batches
    panel.apply_changes(rows)
    assert panel.view.batches == before + 1  # one runJavaScript per refresh
    assert evaluate(qtbot, panel.view, "mz.count()") == 50
    zoom = state(qtbot, panel)["zoom"]

    moved = replace(rows[0], lat=56.5, lon=38.5)
    panel.apply_changes([moved, *rows[1:40], *fleet(5, lat0=60.0)[:0]])
    assert evaluate(qtbot, panel.view, "mz.count()") == 40
    ll = evaluate(qtbot, panel.view, "mz.marker('79000000000').getLatLng()")
    assert (ll["lat"], ll["lng"]) == (56.5, 38.5)
    assert evaluate(qtbot, panel.view, "mz.marker('79000000045')") is None
    assert state(qtbot, panel)["zoom"] == zoom  # no reload, viewport kept

    extra = replace(rows[45], phone="79999999999")
    panel.apply_changes(ChangeSet(added=[extra], removed=["79000000001"]))
    assert evaluate(qtbot, panel.view, "mz.count()") == 40
    assert evaluate(qtbot, panel.view, "!!mz.marker('79999999999')") is True
    no_fix = replace(rows[2], lat=None, lon=None)
    panel.apply_changes(ChangeSet(changed=[no_fix]))
    assert evaluate(qtbot, panel.view, "mz.count()") == 39
    panel.apply_changes([replace(rows[3], lat=50.0)], full=False)  # only this row changed
    assert evaluate(qtbot, panel.view, "mz.count()") == 39
    assert evaluate(qtbot, panel.view, "mz.marker('79000000003').getLatLng().lat") == 50.0


def test_large_fleets_are_clustered(make_panel, qtbot):
    panel = make_panel()
    panel.apply_changes(fleet(1200))
    s = state(qtbot, panel)
    assert s["markers"] == 1200 and s["clustered"]
    panel.select("79000000500")
    assert state(qtbot, panel)["circles"] == 1  # only the selected one's accuracy circle
    panel.apply_changes(fleet(20))
    s = state(qtbot, panel)
    assert s["markers"] == 20 and not s["clustered"] and s["circles"] == 20


def test_selection_both_ways(make_panel, qtbot):
    panel = make_panel()
    rows = fleet(30, step=0.3)
    panel.apply_changes(rows)
    with qtbot.waitSignal(panel.marker_clicked, timeout=5000) as blocker:
        panel.view.call(
            "var m = mz.marker('79000000007'); m.fire('click', {latlng: m.getLatLng()}, true)"
        )
    assert blocker.args == ["79000000007"]
    assert state(qtbot, panel)["selected"] == "79000000007"

    far = replace(rows[5], lat=59.94, lon=30.31)
    panel.apply_changes([far, *rows[:5], *rows[6:]])
    panel.select(far.phone)

    def centred() -> bool:
        lat, lon = state(qtbot, panel)["center"]
        return abs(lat - 59.94) < 0.05 and abs(lon - 30.31) < 0.05

    qtbot.waitUntil(centred, timeout=5000)
    assert state(qtbot, panel)["selected"] == far.phone


def test_selected_subscriber_shows_its_route(make_panel, qtbot):
    panel = make_panel()
    rows = fleet(5)
    rows[2] = with_route(rows[2])
    panel.apply_changes(rows)
    panel.select(rows[2].phone)
    assert state(qtbot, panel)["route"] == rows[2].phone
    text = evaluate(qtbot, panel.view, "document.querySelector('.mz-route-box').textContent")
    assert "312 km left" in text and "Late" in text
    assert "4\u00a0h\u00a030\u00a0min to go" in text  # a narrow box never leaves "h" alone
    panel.select(rows[1].phone)
    assert state(qtbot, panel)["route"] is None


def test_track_pages_beyond_1000_and_playback_moves(make_panel, qtbot):
    panel = make_panel()
    loader = FakeLoader(positions(2500))
    panel.set_loader(loader)
    with qtbot.waitSignal(panel.track_loaded, timeout=20000) as blocker:
        panel.load_track("79000000001", T0, T0 + timedelta(days=2))
    summary = blocker.args[0]
    assert summary.fixes == 2500 and summary.pages == 3
    assert [c["offset"] for c in loader.calls] == [0, 1000, 2000]
    assert all(c["limit"] == 1000 and c["phone"] == "79000000001" for c in loader.calls)
    s = state(qtbot, panel)
    assert s["trackPoints"] == 2500 and s["trackDots"] > 1000
    assert s["playAt"] == [55.0, 37.0]
    assert "2500 positions" in panel.summary_label.text()
    assert panel.playback.isVisibleTo(panel) and panel.playback.slider.maximum() == 2499 * 60

    panel.seek(20 * 60 + 30)  # halfway between fixes 20 and 21
    qtbot.waitUntil(lambda: state(qtbot, panel)["playAt"] != [55.0, 37.0], timeout=3000)
    lat, lon = state(qtbot, panel)["playAt"]
    assert lat == pytest.approx(55.0205, abs=1e-6) and lon == pytest.approx(37.03075, abs=1e-6)

    panel.playback.speed.setCurrentIndex(3)  # ×300
    panel.playback.play()
    start = panel.playback.position
    qtbot.waitUntil(lambda: panel.playback.position > start + 30, timeout=3000)
    panel.playback.pause()


def test_track_failure_is_reported(make_panel, qtbot):
    panel = make_panel()

    async def broken(phone, **kw):
        raise RuntimeError("network down")

    panel.set_loader(broken)
    panel.load_track("79000000001", T0, T0 + timedelta(hours=5))
    qtbot.waitUntil(lambda: "network down" in panel.summary_label.text(), timeout=5000)


def test_tiles_offline_are_said_once_in_the_map_and_the_data_shows(make_panel, qtbot):
    panel = make_panel(offline_tiles())
    width = panel.period_bar.minimumSizeHint().width()
    panel.apply_changes(fleet(10))
    qtbot.waitUntil(lambda: panel.tiles_offline, timeout=10000)
    s = state(qtbot, panel)
    assert s["offline"] and s["markers"] == 10
    notice = "getComputedStyle(document.querySelector('.mz-notice'))"
    assert evaluate(qtbot, panel.view, f"{notice}.display") != "none"
    assert evaluate(qtbot, panel.view, f"{notice}.whiteSpace") == "nowrap"  # one line
    assert "offline" in evaluate(
        qtbot, panel.view, "document.querySelector('.mz-notice').textContent"
    )
    # one place only: nothing beside the period bar, which keeps its width
    assert not panel.findChildren(QLabel, "tilesOffline")
    assert panel.period_bar.minimumSizeHint().width() == width


def test_js_console_errors_reach_the_log(make_panel, qtbot, caplog):
    panel = make_panel()
    with caplog.at_level(logging.INFO, logger="movizor_desktop.ui.map.js"):
        panel.view.call("console.error('boom from the page')")
        qtbot.waitUntil(
            lambda: any("boom from the page" in r.getMessage() for r in caplog.records),
            timeout=3000,
        )
    record = next(r for r in caplog.records if "boom" in r.getMessage())
    assert record.levelno == logging.WARNING


def test_shutdown_deletes_the_page_before_the_profile(qtbot, qloop, qtlog):
    assert profile.current_profile() is None
    panel = MapPanel(AppSettings(tile_url=offline_tiles()))
    wait_ready(qtbot, panel)
    page = panel.view.page()
    destroyed: list[str] = []
    page.destroyed.connect(lambda: destroyed.append("page"))
    shared = profile.current_profile()
    shared.profile.destroyed.connect(lambda: destroyed.append("profile"))
    panel.shutdown()
    flush_deletes()
    qtbot.waitUntil(lambda: len(destroyed) == 2, timeout=3000)
    assert destroyed == ["page", "profile"]
    panel.deleteLater()
    flush_deletes()
    assert profile.current_profile() is None
    assert not [r for r in qtlog.records if "still not deleted" in r.message]


def test_only_changed_markers_are_sent(make_panel, qtbot, monkeypatch):
    panel = make_panel()
    rows = fleet(20)
    panel.apply_changes(rows)
    scripts: list[str] = []
    monkeypatch.setattr(panel.view, "call", scripts.append)
    panel.apply_changes(list(rows))  # nothing changed: nothing sent
    assert scripts == []
    moved = replace(rows[3], lat=57.0)
    panel.apply_changes([moved, *rows[:3], *rows[4:19]])  # one moved, one gone
    (script,) = scripts
    prefix = "mz.setFleet(JSON.parse("
    assert script.startswith(prefix)
    payload = json.loads(json.loads(script[len(prefix) : -2]))
    assert [r[0] for r in payload["rows"]] == [moved.phone]
    assert payload["remove"] == ["79000000019"] and payload["full"] is False


def test_a_dead_renderer_is_replaced_and_the_map_restored(make_panel, qtbot):
    import os
    import signal

    panel = make_panel()
    panel.apply_changes(fleet(12))
    panel.select("79000000004")
    panel.set_loader(FakeLoader(positions(50)))
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.load_track("79000000004", T0, T0 + timedelta(hours=2))
    pid = panel.view.page().renderProcessPid()
    assert pid > 0
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not panel.view.is_ready, timeout=5000)
    wait_ready(qtbot, panel)
    qtbot.waitUntil(lambda: state(qtbot, panel)["trackPoints"] == 50, timeout=5000)
    s = state(qtbot, panel)
    assert s["markers"] == 12 and s["selected"] == "79000000004"
    assert panel.view.page().renderProcessPid() != pid


def test_periods_are_moscow_days():
    from datetime import UTC, datetime

    from movizor_desktop.ui.periods import CUSTOM, OFF, TODAY, WEEK, YESTERDAY, period_for

    now = datetime(2026, 11, 26, 22, 30, tzinfo=UTC)  # 01:30 МСК on the 27th
    midnight = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)
    assert period_for(TODAY, now) == (midnight, now)
    assert period_for(YESTERDAY, now) == (midnight - timedelta(days=1), midnight)
    assert period_for(WEEK, now) == (now - timedelta(days=7), now)
    assert period_for(OFF, now) is None
    assert period_for(CUSTOM, now, (now, now - timedelta(hours=1))) is None  # reversed


def test_a_chosen_period_follows_the_selection(make_panel, qtbot):
    from movizor_desktop.ui.periods import TODAY, WEEK

    panel = make_panel()
    loader = FakeLoader(positions(30))
    panel.set_loader(loader)
    panel.apply_changes(fleet(3))
    panel.period_bar.combo.setCurrentIndex(WEEK)  # nobody selected yet: a hint, no request
    assert loader.calls == [] and "Select a subscriber" in panel.summary_label.text()
    panel.period_bar.combo.setCurrentIndex(TODAY)
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.select("79000000002")
    call = loader.calls[-1]
    assert call["phone"] == "79000000002" and call["end"] > call["start"]
    assert state(qtbot, panel)["trackCircles"] > 0
    panel.period_bar.accuracy.setChecked(False)
    qtbot.waitUntil(lambda: state(qtbot, panel)["trackCircles"] == 0, timeout=3000)
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.select("79000000001")
    assert loader.calls[-1]["phone"] == "79000000001"
    panel.period_bar.combo.setCurrentIndex(0)  # off
    qtbot.waitUntil(lambda: state(qtbot, panel)["trackPoints"] == 0, timeout=3000)
    assert not panel.playback.isVisibleTo(panel)


def test_tile_settings_switch_in_place(make_panel, qtbot):
    panel = make_panel()
    panel.apply_changes(fleet(3))
    url = offline_tiles().replace("127.0.0.1", "localhost")  # hermetic: loopback only
    panel.apply_settings(AppSettings(tile_url=url, tile_attribution="© Example"))
    assert state(qtbot, panel)["tiles"] == url
    assert "© Example" in evaluate(
        qtbot, panel.view, "document.querySelector('.leaflet-control-attribution').textContent"
    )
    assert profile.current_profile().interceptor.is_tile_host("localhost")
    assert evaluate(qtbot, panel.view, "mz.count()") == 3


def week_with_a_long_first_stop(start):
    """A week's track as the issue describes it: 37 hours parked (a fix an hour), 100
    minutes on the road, two hours parked (a fix every 10 min), 50 minutes on the road."""
    from movizor_desktop.api.models import Position

    fixes, t = [], start
    for _ in range(38):  # 37 h at one spot
        fixes.append(Position(lat=55.0, lon=37.0, timestamp=t, radius=500))
        t += timedelta(hours=1)
    t -= timedelta(hours=1)
    lat, lon = 55.0, 37.0
    for _ in range(100):
        t += timedelta(minutes=1)
        lat, lon = lat + 0.01, lon + 0.01
        fixes.append(Position(lat=lat, lon=lon, timestamp=t, radius=500))
    stop_at = t
    for _ in range(12):  # 2 h parked
        t += timedelta(minutes=10)
        fixes.append(Position(lat=lat, lon=lon, timestamp=t, radius=500))
    for _ in range(50):
        t += timedelta(minutes=1)
        lat, lon = lat + 0.01, lon - 0.01
        fixes.append(Position(lat=lat, lon=lon, timestamp=t, radius=500))
    return fixes, (stop_at - start).total_seconds()


def test_playback_skips_stops_and_jumps_from_stop_to_stop(make_panel, qtbot):
    from movizor_desktop.ui.map.playback import SPEEDS

    panel = make_panel()
    fixes, second_stop = week_with_a_long_first_stop(T0)
    panel.set_loader(FakeLoader(fixes))
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.load_track("79000000001", T0, T0 + timedelta(days=7))
    bar = panel.playback
    assert (
        SPEEDS[-1] == 3600
        and [bar.speed.itemText(i) for i in range(bar.speed.count())][-1] == "×3600"
    )
    assert bar.speed_factor == 300  # 2.5 h of driving plays in well under two minutes
    assert bar.skip_stops.isChecked()
    # the slider runs across the map, the moment it points at beside it
    assert bar.slider.width() >= bar.width() - bar.time_label.width() - 30
    assert bar.time_label.text().endswith("MSK") and bar.slider.y() < bar.play_button.y()
    # playing starts past the 37-hour stop at once
    bar.play()
    qtbot.waitUntil(lambda: bar.position >= 37 * 3600, timeout=3000)
    bar.pause()
    # ⏭ / ⏮: the next stop, then back to the first
    assert bar.next_button.isEnabled()
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.position == pytest.approx(second_stop, abs=1)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.position == 0 and not bar.previous_button.isEnabled()
    # without skipping, the first stop is played through
    bar.skip_stops.setChecked(False)
    bar.set_speed(60)
    bar.play()
    qtbot.waitUntil(lambda: bar.position > 30, timeout=3000)
    bar.pause()
    assert bar.position < 3600


def test_switching_the_track_off_brings_the_selected_truck_back(make_panel, qtbot):
    from movizor_desktop.ui.periods import OFF

    panel = make_panel()
    rows = fleet(3)
    far = replace(rows[1], lat=60.0, lon=30.0)  # the truck is in Petersburg now
    panel.apply_changes([rows[0], far, rows[2]])
    panel.set_loader(FakeLoader(positions(200)))  # its track of the week was near Moscow
    panel.select(far.phone)
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.load_track(far.phone, T0, T0 + timedelta(days=1))
    visible = "mz.map.getBounds().contains([60.0, 30.0])"
    qtbot.waitUntil(lambda: state(qtbot, panel)["zoom"] >= 8, timeout=3000)
    assert evaluate(qtbot, panel.view, visible) is False  # the track's zoom
    panel.period_bar.choose(OFF)
    qtbot.waitUntil(lambda: evaluate(qtbot, panel.view, visible) is True, timeout=3000)


def test_show_phone_centres_close_and_flash_rings_the_marker(make_panel, qtbot):
    panel = make_panel()
    rows = fleet(20, step=0.5)
    panel.apply_changes(rows)
    target = rows[13]
    panel.show_phone(target.phone)
    qtbot.waitUntil(lambda: state(qtbot, panel)["selected"] == target.phone, timeout=3000)
    s = state(qtbot, panel)
    assert s["zoom"] >= 12
    assert s["center"] == pytest.approx([target.lat, target.lon], abs=1e-3)
    panel.flash(target.phone)
    qtbot.waitUntil(lambda: state(qtbot, panel)["flashes"] == 1, timeout=3000)
    assert evaluate(qtbot, panel.view, "document.querySelectorAll('.mz-flash').length") == 1
    qtbot.waitUntil(lambda: state(qtbot, panel)["flashes"] == 0, timeout=6000)


def test_a_custom_range_opens_under_the_bar_and_never_widens_the_pane(make_panel, qtbot):
    from movizor_desktop.ui.periods import CUSTOM

    panel = make_panel()
    width = panel.minimumSizeHint().width()
    bar = panel.period_bar
    bar.choose(CUSTOM)
    bar.edit_range()
    qtbot.waitUntil(bar.popup.isVisible, timeout=3000)
    assert panel.minimumSizeHint().width() == width
    with qtbot.waitSignal(bar.period_changed, timeout=3000):
        qtbot.keyClick(bar.start_edit, Qt.Key.Key_Return)  # Enter shows the range
    assert not bar.popup.isVisible() and bar.range_button.isVisible()
    assert "MSK" in bar.range_button.text() and " – " in bar.range_button.text()
    assert panel.minimumSizeHint().width() == width
    # a playing track's bar does not widen it either
    panel.set_loader(FakeLoader(positions(50)))
    with qtbot.waitSignal(panel.track_loaded, timeout=10000):
        panel.load_track("79000000001", T0, T0 + timedelta(hours=2))
    assert panel.playback.isVisibleTo(panel)
    assert panel.minimumSizeHint().width() == width

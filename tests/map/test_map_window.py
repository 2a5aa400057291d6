"""The map inside the main window, against the simulator: the fleet appears on the map,
clicking a marker selects the row, selecting a row pans the map and shows its route."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.api.phones import format_phone
from movizor_desktop.store import AppSettings, Profile
from movizor_desktop.ui.features import WORKFLOWS
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY
from tests.kits.map import offline_tiles, state, wait_ready
from tests.kits.windows import attach_map


@pytest.fixture
def window_with_map(qtbot, qloop, run_async, sim):
    window = MainWindow(AppSettings(tile_url=offline_tiles()), lang="en")
    qtbot.addWidget(window)
    link = attach_map(window)
    assert link is not None and window.features["map"] is link
    session = Session(Profile("t", base_url=sim.base_url, project="demo"), SIM_KEY)
    window.set_session(session)
    session.start()
    window.show()
    wait_ready(qtbot, link.panel)
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=15000)
    yield window, link.panel
    link.shutdown()  # as the app does: the page goes while the window still exists
    run_async(session.aclose())


def test_fleet_markers_and_selection_both_ways(window_with_map, qtbot):
    window, panel = window_with_map
    with_fix = {r.phone for r in window.model.rows() if r.lat is not None}
    qtbot.waitUntil(lambda: state(qtbot, panel)["markers"] == len(with_fix), timeout=10000)

    target = sorted(with_fix)[3]
    with qtbot.waitSignal(window.subscribers.selection_changed, timeout=5000):
        panel.view.call(
            f"var m = mz.marker('{target}'); m.fire('click', {{latlng: m.getLatLng()}}, true)"
        )
    assert window.details.current_phone == target

    other = sorted(with_fix)[7]
    row = window.model.get(other)
    window.select_subscriber(other)

    def centred() -> bool:  # panning lands on whole pixels: allow a few at country zoom
        lat, lon = state(qtbot, panel)["center"]
        return abs(lat - row.lat) < 0.5 and abs(lon - row.lon) < 0.5

    qtbot.waitUntil(centred, timeout=5000)
    assert state(qtbot, panel)["selected"] == other


def test_a_double_click_on_a_row_centres_the_map_on_it(window_with_map, qtbot):
    window, panel = window_with_map
    row = next(r for r in window.model.rows() if r.lat is not None)
    window.select_subscriber(row.phone)
    table = window.subscribers.table
    rect = table.visualRect(table.currentIndex())
    edits = []
    window.window_actions.edit.triggered.connect(lambda: edits.append(1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def centred() -> bool:
        s = state(qtbot, panel)
        return (
            s["zoom"] >= 12
            and abs(s["center"][0] - row.lat) < 1e-3
            and abs(s["center"][1] - row.lon) < 1e-3
        )

    qtbot.waitUntil(centred, timeout=5000)
    assert edits == []  # with a map, a double click shows; Enter and F2 edit


def test_the_row_menu_shows_on_map_sets_the_track_shares_and_copies(window_with_map, qtbot):
    from movizor_desktop.ui.periods import TODAY, YESTERDAY

    window, panel = window_with_map
    window.features.start(WORKFLOWS)  # the share action comes with the workflows (a no-op here)
    row = next(r for r in window.model.rows() if r.lat is not None and r.status == "ok")
    window.select_subscriber(row.phone)
    table = window.subscribers.table
    window.subscribers._context_menu(table.visualRect(table.currentIndex()).center())
    menu = window.subscribers.last_context_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Show on &map", "T&rack"]
    assert "S&hare with a client…" in texts and "Copy p&hone number" in texts
    track = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in track.actions()] == [
        "Off",
        "Today",
        "Yesterday",
        "Last 7 days",
        "Custom range…",
    ]
    menu.close()
    # Track ▸ Today loads the track of the row, as the map's own bar would
    with qtbot.waitSignal(panel.track_loaded, timeout=15000):
        window.features["map"].actions.track_actions[TODAY].trigger()
    assert panel.period_bar.choice == TODAY
    panel.period_bar.choose(YESTERDAY)  # the bar and the menu agree
    assert window.features["map"].actions.track_actions[YESTERDAY].isChecked()
    # Show on map (Ctrl+M) centres it
    window.features["map"].actions.show_action.trigger()
    qtbot.waitUntil(lambda: state(qtbot, panel)["zoom"] >= 12, timeout=5000)
    # Copy phone number (Ctrl+Shift+C)
    QApplication.clipboard().clear()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(
        lambda: QApplication.clipboard().text() == format_phone(row.phone), timeout=3000
    )
    assert format_phone(row.phone) in window.statusbar.message()


def test_the_map_detaches_into_its_own_window_and_docks_back(window_with_map, qtbot):
    window, panel = window_with_map
    detach = window.features["map"].detach
    assert window.top_splitter.indexOf(panel) == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window.subscribers.table,
        Qt.Key.Key_W,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: detach.frame.isVisible(), timeout=3000)
    assert window.top_splitter.indexOf(panel) == -1 and panel.window() is detach.frame
    assert detach.action.isChecked() and window.top_splitter.count() == 2
    # the page kept its fleet: nothing reloads
    assert state(qtbot, panel)["markers"] > 0
    # closing the map's window docks it back
    detach.frame.close()
    qtbot.waitUntil(lambda: window.top_splitter.indexOf(panel) == 1, timeout=3000)
    assert not detach.frame.isVisible() and not detach.action.isChecked()
    assert panel.window() is window and state(qtbot, panel)["markers"] > 0


def test_a_requested_position_rings_its_marker(window_with_map, qtbot):
    window, panel = window_with_map
    row = next(r for r in window.model.rows() if r.lat is not None)
    window.controller.position_arrived.emit(row.phone)
    qtbot.waitUntil(lambda: state(qtbot, panel)["flashes"] == 1, timeout=3000)


@pytest.fixture(params=["en", "ru"])
def language(request):
    from movizor_desktop.ui.subscribers import badges

    if request.param == "ru":
        request.getfixturevalue("russian")
    badges.reset_cache()
    yield request.param
    badges.reset_cache()


def test_first_start_fits_a_laptop_and_a_monitor(qtbot, qloop, language):
    """1366×768 and 1920×1080 (less a taskbar), in both languages: the window fits, the
    list shows its first five columns whole (Phone … Last fix), the map and the details
    keep a useful width."""
    from movizor_desktop.ui.main_window import pane_widths

    window = MainWindow(AppSettings(tile_url=offline_tiles()), lang="en", workflows=False)
    qtbot.addWidget(window)
    table = window.subscribers.table
    first_five = sum(table.columnWidth(c) for c in range(5))
    for avail, details in ((QRect(0, 0, 1366, 728), 300), (QRect(0, 0, 1920, 1040), 380)):
        window._initial_geometry(avail)
        assert window.width() <= avail.width() and window.height() <= avail.height()
        list_width, map_width, details_width = pane_widths(window.width(), with_map=True)
        assert details_width == details and map_width >= 380
        assert first_five <= list_width - 20, (avail, list_width, first_five)


def test_the_map_is_remembered_detached_per_profile(qtbot, qloop, run_async, sim, tmp_path):
    from movizor_desktop.store import AppPaths
    from movizor_desktop.store.layout import load_layout

    paths = AppPaths()
    window = MainWindow(AppSettings(tile_url=offline_tiles()), lang="en")
    qtbot.addWidget(window)
    link = attach_map(window)
    session = Session(Profile("north", base_url=sim.base_url, project="demo"), SIM_KEY)
    window.set_session(session)
    window.show()
    link.detach.detach()
    assert window.layout_memory.save()
    saved = load_layout(paths, "north").parts["map_window"]
    assert saved["detached"] is True and saved["geometry"]
    # another profile, seen for the first time: docked
    other = Session(Profile("south", base_url=sim.base_url, project="demo"), SIM_KEY)
    window.set_session(other)
    assert not link.detach.detached and window.top_splitter.indexOf(link.panel) == 1
    # back to the first one: detached again, where it was
    again = Session(Profile("north", base_url=sim.base_url, project="demo"), SIM_KEY)
    window.set_session(again)
    assert link.detach.detached and link.detach.frame.isVisible()
    link.shutdown()
    for s in (session, other, again):
        run_async(s.aclose())

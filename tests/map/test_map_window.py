"""The map inside the main window, against the simulator: the fleet appears on the map,
clicking a marker selects the row, selecting a row pans the map and shows its route."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import map_testkit  # noqa: F401 - registers the app: scheme before the QApplication
import pytest
from map_testkit import offline_tiles, state, wait_ready

from movizor_desktop.store import AppSettings, Profile
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.map_link import attach_map
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY

pytestmark = pytest.mark.gui


@pytest.fixture
def window_with_map(qtbot, qloop, run_async, sim):
    window = MainWindow(AppSettings(tile_url=offline_tiles()), lang="en")
    qtbot.addWidget(window)
    link = attach_map(window)
    assert link is not None and window.map_link is link
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
        panel.view.call(f"var m = mz.marker('{target}'); m.fire('click', "
                        "{latlng: m.getLatLng()}, true)")
    assert window.details.current_phone == target

    other = sorted(with_fix)[7]
    row = window.model.get(other)
    window.select_subscriber(other)

    def centred() -> bool:  # panning lands on whole pixels: allow a few at country zoom
        lat, lon = state(qtbot, panel)["center"]
        return abs(lat - row.lat) < 0.5 and abs(lon - row.lon) < 0.5

    qtbot.waitUntil(centred, timeout=5000)
    assert state(qtbot, panel)["selected"] == other


def test_pick_point_hook_hands_the_click_to_the_caller(window_with_map, qtbot):
    window, panel = window_with_map
    got: list[tuple[float, float, str]] = []
    window.map_link.pick_point(lambda lat, lon, name: got.append((lat, lon, name)))
    panel.view.call("map_main.fire('click', {latlng: L.latLng(55.7558, 37.6173)})")
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    lat, lon, name = got[0]
    assert abs(lat - 55.7558) < 1e-6 and abs(lon - 37.6173) < 1e-6 and name == "Москва"


def test_add_dialog_picks_a_route_point_on_the_window_map(window_with_map, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from movizor_desktop.ui.dialogs.subscriber import SubscriberDialog

    window, panel = window_with_map
    window.actions.add.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, SubscriberDialog) and w.isVisible()
                                for w in window.findChildren(SubscriberDialog)), timeout=5000)
    dialog = next(w for w in window.findChildren(SubscriberDialog) if w.isVisible())
    pick = dialog.findChild(QPushButton, "pick_on_map")
    assert pick is not None
    dialog.pages.show("route")
    qtbot.waitUntil(pick.isVisible, timeout=3000)
    qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.picking, timeout=3000)
    assert dialog.windowModality() == Qt.WindowModality.NonModal  # the map can be clicked
    panel.view.call("map_main.fire('click', {latlng: L.latLng(55.79, 49.12)})")
    route = dialog.pages.route
    qtbot.waitUntil(lambda: len(route.points()) == 1 or bool(route.model.rowCount()),
                    timeout=5000)
    model = route.model
    assert model.rowCount() == 1
    assert not panel.picking
    assert dialog.windowModality() != Qt.WindowModality.NonModal
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert any("Казань" in str(t) for t in texts), texts
    dialog.reject()

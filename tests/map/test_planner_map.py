"""The planning workspace's map in a real QtWebEngine page (offscreen): legs in their
verdicts' colours, the breaks and rests, the candidate trucks with their lines, a point
dragged (the plan recomputed while it moves) and points picked by clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.store import AppPaths
from movizor_desktop.store.plan_templates import PlanTemplates
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.features.trip_planner.map_link import CANDIDATES_SHOWN
from movizor_desktop.ui.features.trip_planner.points import LATEST
from movizor_desktop.ui.features.trip_planner.window import PlanWindow
from movizor_desktop.ui.map.route_map import VERDICT_COLOURS, RouteMap
from tests.kits.map import T0, evaluate, fleet, offline_tiles, wait_ready

KAZAN = (55.7963, 49.1088)
SAMARA = (53.1959, 50.1002)


@pytest.fixture
def workspace(qtbot, qloop, tmp_path):
    settings = AppSettings(tile_url=offline_tiles())
    rows = fleet(25)
    ws = PlanWindow(
        settings=settings,
        session=lambda: None,
        rows=lambda: rows,
        now=lambda: T0,
        lang=lambda: "en",
        templates=PlanTemplates(AppPaths(tmp_path)),
    )
    qtbot.addWidget(ws)
    ws.resize(1400, 800)
    ws.show()
    ws.attach_map(lambda: RouteMap(settings))
    assert ws.map_link is not None
    wait_ready(qtbot, ws.map_link.map)
    yield ws
    ws.shutdown()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def state(qtbot, ws) -> dict:
    return evaluate(qtbot, ws.map_link.map.view, "mz.state()")


def test_legs_stops_and_candidates_are_drawn(workspace, qtbot):
    ws = workspace
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    ws.add_point(*KAZAN, "Казань")
    ws.add_point(*SAMARA, "Самара")
    # Kazan by 20:00 МСК the same day: ~860 km from noon is late at any legal speed
    ws.model.setData(ws.model.index(0, LATEST), "26.11.2026 20:00")
    qtbot.waitUntil(lambda: state(qtbot, ws)["planPoints"] == 2, timeout=5000)
    qtbot.waitUntil(lambda: state(qtbot, ws)["planStops"] == len(ws.result.stops), timeout=5000)
    page = state(qtbot, ws)
    assert page["planLive"] and page["planStops"] >= 2
    assert page["planCandidates"] == min(CANDIDATES_SHOWN, len(ws.candidates))
    colours = page["planLegColours"]
    assert VERDICT_COLOURS["impossible"] in colours  # the late first leg
    assert VERDICT_COLOURS["unknown"] in colours  # Samara has no deadline
    ws.outputs.show_ranking.click()  # the ranking closed: no candidates on the map
    qtbot.waitUntil(lambda: state(qtbot, ws)["planCandidates"] == 0, timeout=5000)


def test_a_dragged_point_replans_while_it_moves_and_once_more_where_it_drops(workspace, qtbot):
    ws = workspace
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    ws.add_point(*KAZAN, "Казань")
    qtbot.waitUntil(lambda: state(qtbot, ws)["planPoints"] == 1, timeout=5000)
    before = ws.result.legs[0].distance_km
    view = ws.map_link.map.view
    view.call("var m = mz.planMarker(0); m.setLatLng([56.3, 44.0]); m.fire('drag')")
    qtbot.waitUntil(lambda: ws.result.legs[0].distance_km < before - 100, timeout=5000)
    assert ws.model.points[0].text == "Казань"  # renamed only where it is dropped
    view.call("var m = mz.planMarker(0); m.fire('dragend')")
    qtbot.waitUntil(lambda: ws.model.points[0].text != "Казань", timeout=5000)
    assert "Нижний Новгород" in ws.model.points[0].text


def test_clicks_add_points_while_picking(workspace, qtbot):
    ws = workspace
    ws.pick.click()
    assert ws.map_link.map.picking
    ws.map_link.map.bridge.mapClicked(*KAZAN)
    ws.map_link.map.bridge.mapClicked(*SAMARA)
    assert [p.text for p in ws.model.points] == ["Казань", "Самара"]
    ws.pick.click()
    assert not ws.map_link.map.picking


def test_the_offline_map_file_follows_the_settings(workspace, qtbot, tmp_path):
    from dataclasses import replace

    ws = workspace
    bad = tmp_path / "not-a-map.mbtiles"
    bad.write_bytes(b"this is no SQLite file")
    ws.apply_settings(replace(ws.settings, mbtiles_path=str(bad)))
    note = ws.map_link.map.file_note
    qtbot.waitUntil(lambda: note.isVisible() and bool(note.text()), timeout=5000)
    ws.apply_settings(replace(ws.settings, mbtiles_path=""))  # the tile server again
    qtbot.waitUntil(note.isHidden, timeout=5000)

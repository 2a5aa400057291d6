"""The fleet's own grid clustering (mz-fleet.js) in a real page: what a large fleet shows at
each zoom, after updates and moves, cluster and marker clicks, tooltips."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.map import profile
from movizor_desktop.ui.map.panel import MapPanel
from tests.kits.map import evaluate, fleet, offline_tiles, state, wait_ready

N = 1200  # over CLUSTER_FROM (300): clustered


@pytest.fixture
def panel(qtbot, qloop):
    panel = MapPanel(AppSettings(tile_url=offline_tiles()))
    panel.resize(900, 600)
    panel.show()
    wait_ready(qtbot, panel)
    yield panel
    panel.shutdown()
    panel.close()
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert profile.current_profile() is None


def view(qtbot, panel) -> dict:
    return evaluate(qtbot, panel.view, "mz.fleetView()")


def drawn(v: dict) -> int:
    return sum(c[2] for c in v["clusters"]) + v["singles"]


def set_view(qtbot, panel, lat: float, lon: float, zoom: int) -> None:
    panel.view.call(f"mz.map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    qtbot.waitUntil(lambda: state(qtbot, panel)["zoom"] == zoom, timeout=3000)


def test_clusters_at_low_zoom_add_up_to_the_fleet(panel, qtbot):
    panel.apply_changes(fleet(N, step=0.02))  # 100 × 12 points, 2 km apart
    s = state(qtbot, panel)
    assert s["clustered"] and s["markers"] == N and s["circles"] == 0
    v = view(qtbot, panel)  # fitted: everybody in view
    assert v["clusters"] and drawn(v) == N
    assert all(c[2] >= 2 for c in v["clusters"])
    assert len(v["clusters"]) + v["singles"] < 200  # a few dozen shapes, not 1,200

    set_view(qtbot, panel, 55.5, 37.1, 6)  # zoomed out: fewer, bigger clusters
    far = view(qtbot, panel)
    assert drawn(far) == N and len(far["clusters"]) < len(v["clusters"])


def test_from_zoom_11_markers_in_view_are_drawn_alone(panel, qtbot):
    panel.apply_changes(fleet(N, step=0.02))
    set_view(qtbot, panel, 55.5, 37.1, 12)
    v = view(qtbot, panel)
    assert v["clusters"] == [] and 0 < v["singles"] < N  # only those near the view
    set_view(qtbot, panel, 40.0, 20.0, 12)  # nobody there
    assert view(qtbot, panel) == {"clusters": [], "singles": 0}


def test_clicking_a_cluster_zooms_in_on_it(panel, qtbot):
    panel.apply_changes(fleet(N, step=0.02))
    before = state(qtbot, panel)["zoom"]
    lat, lon, count = evaluate(qtbot, panel.view, "mz.fleetView().clusters[0]")
    assert count >= 2
    panel.view.call(
        "var c = mz.clusterMarkers()[0]; c.fire('click', {latlng: c.getLatLng()}, true)"
    )
    qtbot.waitUntil(lambda: state(qtbot, panel)["zoom"] > before, timeout=5000)

    def centred() -> bool:
        c_lat, c_lon = state(qtbot, panel)["center"]
        return abs(c_lat - lat) < 0.2 and abs(c_lon - lon) < 0.2

    qtbot.waitUntil(centred, timeout=5000)
    after = view(qtbot, panel)
    assert drawn(after) >= count  # its members are all in view, split up further


def test_a_marker_click_selects_and_the_selected_is_never_clustered(panel, qtbot):
    rows = fleet(N, step=0.02)
    panel.apply_changes(rows)
    set_view(qtbot, panel, rows[0].lat, rows[0].lon, 13)
    with qtbot.waitSignal(panel.marker_clicked, timeout=5000) as blocker:
        panel.view.call(
            "var m = mz.marker('79000000000'); m.fire('click', {latlng: m.getLatLng()}, true)"
        )
    assert blocker.args == ["79000000000"]
    assert state(qtbot, panel)["selected"] == "79000000000"

    target = rows[500]  # far from here, inside a cluster at low zoom
    panel.select(target.phone)  # the list's selection: the map pans to it

    def centred() -> bool:
        lat, lon = state(qtbot, panel)["center"]
        return abs(lat - target.lat) < 0.01 and abs(lon - target.lon) < 0.01

    qtbot.waitUntil(centred, timeout=5000)
    panel.fit()
    s = state(qtbot, panel)
    assert s["selected"] == "79000000500" and s["circles"] == 1 and s["zoom"] < 11
    v = view(qtbot, panel)
    assert drawn(v) == N and v["singles"] >= 1
    assert evaluate(qtbot, panel.view, "mz.map.hasLayer(mz.marker('79000000500'))") is True
    assert (
        evaluate(
            qtbot,
            panel.view,
            "mz.clusterMarkers().some(function (c) { return "
            "c.mzRecs.some(function (r) { return r.id === '79000000500'; }); })",
        )
        is False
    )


def test_updates_move_markers_between_clusters_in_one_batch(panel, qtbot):
    rows = fleet(N, step=0.02)
    panel.apply_changes(rows)
    zoom = state(qtbot, panel)["zoom"]
    batches = panel.view.batches
    moved = [replace(r, lat=r.lat + 0.5) if i < 300 else r for i, r in enumerate(rows)]
    panel.apply_changes(moved[:-100])  # 300 moved, 100 gone
    assert panel.view.batches == batches + 1
    s = state(qtbot, panel)
    assert s["markers"] == N - 100 and s["zoom"] == zoom  # viewport kept
    panel.fit()
    assert drawn(view(qtbot, panel)) == N - 100
    ll = evaluate(qtbot, panel.view, "mz.marker('79000000007').getLatLng()")
    assert ll["lat"] == pytest.approx(moved[7].lat) and ll["lng"] == pytest.approx(moved[7].lon)
    panel.apply_changes(moved[:250])  # below CLUSTER_FROM: every marker on its own
    s = state(qtbot, panel)
    assert not s["clustered"] and s["clusters"] == 0 and s["singles"] == 250
    assert s["circles"] == 250


def test_tooltips_show_title_time_and_place(panel, qtbot):
    rows = fleet(N, step=0.02)
    rows[0] = replace(rows[0], title="Иванов <b>", place="Тверь")
    panel.apply_changes(rows)
    ctip = evaluate(qtbot, panel.view, "mz.clusterMarkers()[0].mzTip()")
    count = evaluate(qtbot, panel.view, "mz.clusterMarkers()[0].mzCount")
    head, *names = ctip.split("<br>")
    assert head == f"<b>{count}</b>" and len(names) == min(count, 5) + (count > 5)
    assert all(n.startswith("Truck ") or n in ("Иванов &lt;b&gt;", "…") for n in names)

    set_view(qtbot, panel, rows[0].lat, rows[0].lon, 13)
    panel.view.call(
        "var m = mz.marker('79000000000'); m.fire('mouseover', {latlng: m.getLatLng()}, true)"
    )

    def tip() -> str:
        return (
            evaluate(
                qtbot, panel.view, "(document.querySelector('.leaflet-tooltip') || {}).innerHTML"
            )
            or ""
        )

    qtbot.waitUntil(lambda: "Тверь" in tip(), timeout=3000)
    assert tip() == "<b>Иванов &lt;b&gt;</b><br>26.11.2026 09:00 MSK<br>Тверь"


def test_picking_on_a_cluster_picks_the_point(panel, qtbot):
    """The page's pick mode (the route editor's map uses it) takes a click on a cluster
    as the point, and does not zoom into the cluster."""
    panel.apply_changes(fleet(N, step=0.02))
    zoom = state(qtbot, panel)["zoom"]
    panel.view.call("mz.setPickMode(true)")
    with qtbot.waitSignal(panel.bridge.map_clicked, timeout=5000) as blocker:
        panel.view.call(
            "var c = mz.clusterMarkers()[0]; c.fire('click', {latlng: L.latLng(55.5, 37.1)}, true)"
        )
    assert blocker.args == [55.5, 37.1]
    assert state(qtbot, panel)["zoom"] == zoom and not state(qtbot, panel)["picking"]

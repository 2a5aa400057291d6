"""Maps without internet: the map draws its tiles from an MBTiles file the test makes,
through the app's own scheme, with the network dead (the tile server is a closed loopback
port, and the map profile blocks every http request while the file is in use)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.map import profile
from movizor_desktop.ui.map.panel import MapPanel
from tests.kits.map import evaluate, offline_tiles, state, wait_ready
from tests.kits.mbtiles import GREEN, make_mbtiles

LOADED_TILES = (
    "Array.from(document.querySelectorAll('img.leaflet-tile-loaded'))"
    ".filter(function (i) { return i.src.indexOf('app://tiles/') === 0"
    " && i.naturalWidth === 256; }).length"
)


@pytest.fixture
def network(qtbot):
    """Every URL the map profile requests, seen from the start."""
    shared = profile.acquire_profile()
    seen: list = []
    shared.interceptor.observers.append(seen.append)
    yield seen
    shared.interceptor.observers.clear()
    profile.release_profile(shared)


@pytest.fixture
def make_panel(qtbot, qloop, network):
    panels: list[MapPanel] = []

    def make(settings: AppSettings) -> MapPanel:
        panel = MapPanel(settings)
        panel.resize(800, 500)
        panel.show()
        wait_ready(qtbot, panel)
        panels.append(panel)
        return panel

    yield make
    for panel in panels:
        panel.shutdown()
        panel.close()
        panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def http(urls) -> list[str]:
    return [u.toString() for u in urls if u.scheme() in ("http", "https", "ws", "wss")]


def centre_colour(panel: MapPanel) -> tuple[int, int, int]:
    image = panel.view.grab().toImage()
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_the_map_loads_its_tiles_from_the_file_with_the_network_dead(
    make_panel, network, qtbot, tmp_path
):
    path = make_mbtiles(tmp_path / "world.mbtiles")
    panel = make_panel(AppSettings(tile_url=offline_tiles(), mbtiles_path=str(path)))
    qtbot.waitUntil(lambda: evaluate(qtbot, panel.view, LOADED_TILES) > 0, timeout=15000)
    service = panel.view.shared.tiles
    assert service.served > 0 and service.info is not None and service.info.max_zoom == 2
    s = state(qtbot, panel)
    assert s["tiles"].startswith("app://tiles/") and not s["offline"]
    assert http(network) == []  # not one request left for the network
    assert panel.view.shared.interceptor.offline
    # zoom 5 is drawn from the file's zoom-2 tiles, scaled up (its maxzoom): green
    qtbot.waitUntil(lambda: centre_colour(panel) == GREEN[:3], timeout=10000)
    attribution = evaluate(
        qtbot, panel.view, "document.querySelector('.leaflet-control-attribution').innerHTML"
    )
    assert "© Test &amp; Co" in attribution and "<a" not in attribution.split("|")[-1]
    assert not panel.file_label.isVisibleTo(panel)


def test_the_file_is_switched_on_and_off_live(make_panel, network, qtbot, tmp_path):
    dead = offline_tiles()
    panel = make_panel(AppSettings(tile_url=dead))
    assert state(qtbot, panel)["tiles"] == dead
    qtbot.waitUntil(lambda: bool(http(network)), timeout=10000)  # it tried the server
    path = make_mbtiles(tmp_path / "world.mbtiles")
    panel.apply_settings(AppSettings(tile_url=dead, mbtiles_path=str(path)))
    qtbot.waitUntil(lambda: state(qtbot, panel)["tiles"].startswith("app://tiles/"), timeout=10000)
    qtbot.waitUntil(lambda: evaluate(qtbot, panel.view, LOADED_TILES) > 0, timeout=15000)
    before = len(http(network))
    blocked = panel.view.shared.interceptor.blocked
    panel.view.call("mz.map.setZoom(3)")  # new tiles wanted: from the file only
    qtbot.waitUntil(lambda: state(qtbot, panel)["zoom"] == 3, timeout=5000)
    assert panel.view.shared.interceptor.blocked - blocked == len(http(network)) - before
    panel.apply_settings(AppSettings(tile_url=dead))
    qtbot.waitUntil(lambda: state(qtbot, panel)["tiles"] == dead, timeout=5000)
    assert not panel.view.shared.interceptor.offline


def test_a_file_that_cannot_be_used_says_why_and_falls_back(make_panel, qtbot, tmp_path):
    bad = tmp_path / "not-a-map.mbtiles"
    bad.write_bytes(b"definitely not sqlite" * 50)
    dead = offline_tiles()
    panel = make_panel(AppSettings(tile_url=dead, mbtiles_path=str(bad)))
    qtbot.waitUntil(lambda: panel.file_label.isVisibleTo(panel), timeout=10000)
    assert "not an MBTiles file" in panel.file_label.toolTip()
    assert panel.file_label.text() == "Offline map unavailable"
    qtbot.waitUntil(lambda: state(qtbot, panel)["tiles"] == dead, timeout=5000)
    assert not panel.view.shared.interceptor.offline
    vector = make_mbtiles(tmp_path / "vector.mbtiles", metadata={"format": "pbf"})
    panel.apply_settings(AppSettings(tile_url=dead, mbtiles_path=str(vector)))
    qtbot.waitUntil(lambda: "vector tiles" in panel.file_label.toolTip(), timeout=10000)
    good = make_mbtiles(tmp_path / "good.mbtiles")
    panel.apply_settings(AppSettings(tile_url=dead, mbtiles_path=str(good)))
    qtbot.waitUntil(lambda: not panel.file_label.isVisibleTo(panel), timeout=10000)

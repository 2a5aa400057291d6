"""The map's tiles (QtWebEngine) follow the same proxy choice as the API, live.

A page in the map's real web profile loads a tile from ``tiles.test`` (only the proxy can
reach it, the tile server being on loopback). Through mitmproxy with a password: loaded,
and the proxy saw it. Switched to "no proxy" without a restart: the very next tile fails,
because only the proxy knew that host. Back to the proxy: loaded again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory

from tests.map import map_testkit  # noqa: F401  (registers the app: scheme before Qt starts)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201c2a6a2f70000000049454e44ae426082"
)


@pytest.fixture
def tile_server() -> Iterator[int]:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Tiles(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def restore_proxies(qapp):
    from movizor_desktop.api.net import current_config, set_current_config

    saved = (
        current_config(),
        QNetworkProxyFactory.usesSystemConfiguration(),
        QNetworkProxy.applicationProxy(),
    )
    yield
    set_current_config(saved[0])
    QNetworkProxyFactory.setUseSystemConfiguration(saved[1])
    QNetworkProxy.setApplicationProxy(saved[2])


@pytest.fixture
def map_page(qapp, qtbot, restore_proxies):
    from PySide6.QtWebEngineCore import QWebEnginePage

    from movizor_desktop.ui.map.profile import acquire_profile, release_profile
    from movizor_desktop.ui.network import pending_probes

    shared = acquire_profile()
    page = QWebEnginePage(shared.profile)
    yield page
    qtbot.waitUntil(lambda: pending_probes() == 0, timeout=10000)
    page.deleteLater()
    qtbot.wait(50)  # the page's deferred delete runs before the profile's
    release_profile(shared)


def tile(qtbot, page, port: int, name: str) -> str:
    from movizor_desktop.ui.network import pending_probes

    qtbot.waitUntil(lambda: pending_probes() == 0, timeout=10000)
    html = (
        f"<img src='http://tiles.test:{port}/{name}.png' "
        "onload=\"document.title='loaded'\" onerror=\"document.title='error'\">"
    )
    page.setHtml(html, QUrl("http://map.example/"))
    qtbot.waitUntil(lambda: page.title() in ("loaded", "error"), timeout=15000)
    outcome = page.title()
    with qtbot.waitSignal(page.loadFinished, timeout=5000):
        page.setHtml("<p>next</p>")
    return outcome


def test_tiles_follow_the_proxy_choice_live(map_page, mitm_factory, tile_server, qtbot):
    from movizor_desktop.api.net import ProxyConfig, ProxyKind, ProxyMode, current_config
    from movizor_desktop.ui.network import apply_network

    mitm = mitm_factory(auth="dispatcher:Map-pw")
    manual = ProxyConfig(ProxyMode.MANUAL, ProxyKind.HTTP, "127.0.0.1", mitm.port, "dispatcher")

    apply_network(manual, "Map-pw")
    assert current_config().proxy == manual  # the API side follows the same choice
    assert tile(qtbot, map_page, tile_server, "1") == "loaded"
    assert f"GET http://tiles.test:{tile_server}/1.png" in mitm.seen()

    apply_network(ProxyConfig(ProxyMode.NONE))
    assert tile(qtbot, map_page, tile_server, "2") == "error"
    assert "/2.png" not in mitm.seen()

    apply_network(manual, "Map-pw")
    assert tile(qtbot, map_page, tile_server, "3") == "loaded"
    assert "/3.png" in mitm.seen()


def test_tiles_through_socks5(map_page, mitm_factory, tile_server, qtbot):
    from movizor_desktop.api.net import ProxyConfig, ProxyKind, ProxyMode
    from movizor_desktop.ui.network import apply_network

    mitm = mitm_factory(mode="socks5")
    apply_network(ProxyConfig(ProxyMode.MANUAL, ProxyKind.SOCKS5, "127.0.0.1", mitm.port))
    assert tile(qtbot, map_page, tile_server, "s") == "loaded"
    assert "/s.png" in mitm.seen()

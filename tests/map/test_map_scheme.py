"""The app: scheme handler, the folium page's local resources, the tile interceptor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.map import page, profile
from movizor_desktop.ui.map.scheme import AppSchemeHandler, mime_type, safe_path, web_root
from tests.kits.map import iter_remote_links

VENDORED = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/LICENSE",
    "leaflet/images/layers.png",
    "leaflet/images/marker-icon.png",
    "mz/mz.js",
    "mz/mz-track.js",
    "mz/mz-fleet.js",
    "mz/mz.css",
]


@pytest.mark.parametrize("path", VENDORED)
def test_vendored_files_are_served(path):
    handler = AppSchemeHandler()
    data, mime = handler.resolve(QUrl(f"app://web/{path}"))
    assert data == (web_root() / path).read_bytes()
    assert mime == mime_type(path)


def test_mime_types():
    assert mime_type("a.js") == b"text/javascript"
    assert mime_type("a.CSS") == b"text/css"
    assert mime_type("x/y.png") == b"image/png"
    assert mime_type("LICENSE") == b"application/octet-stream"


@pytest.mark.parametrize(
    "bad",
    [
        "../web/leaflet/leaflet.js",
        "leaflet/../../bootstrap.py",
        "/etc/passwd",
        "..\\..\\x",
        "leaflet/%2e%2e/%2e%2e/README.md",
        "leaflet",
        "",
        "x\x00.js",
        "unvendored/jquery",
    ],
)
def test_path_traversal_and_missing_files_refused(bad, tmp_path):
    handler = AppSchemeHandler()
    assert handler.resolve(QUrl("app://web/" + bad)) is None
    assert safe_path(web_root(), bad) is None


def test_symlink_out_of_root_refused(tmp_path: Path):
    root = tmp_path / "web"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("no")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    (root / "ok.txt").write_text("yes")
    assert safe_path(root, "link.txt") is None
    assert safe_path(root, "ok.txt") == (root / "ok.txt").resolve()


def test_pages_from_memory_and_qwebchannel_from_qrc():
    handler = AppSchemeHandler()
    url = handler.set_page("map-x.html", "<html>ü</html>")
    assert url.toString() == "app://pages/map-x.html"
    assert handler.resolve(url) == ("<html>ü</html>".encode(), b"text/html")
    data, mime = handler.resolve(QUrl("app://web/qtwebchannel/qwebchannel.js"))
    assert b"QWebChannel" in data and mime == b"text/javascript"
    handler.remove_page("map-x.html")
    assert handler.resolve(url) is None
    assert handler.resolve(QUrl("app://elsewhere/leaflet/leaflet.js")) is None


def test_rendered_page_has_no_remote_script_or_link():
    html = page.build_page(AppSettings(), {"tilesOffline": "x"})
    assert list(iter_remote_links(html)) == []
    for url in (
        page.LEAFLET_JS,
        page.QWEBCHANNEL_JS,
        page.MZ_TRACK_JS,
        page.MZ_FLEET_JS,
        page.MZ_JS,
    ):
        assert f'src="{url}"' in html
    assert "markercluster" not in html.lower()  # the fleet clusters itself (mz-fleet.js)
    assert "var map_main = L.map(" in html and "var tile_layer_base" in html
    assert '"preferCanvas": true' in html and '"detectRetina": false' in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_every_folium_resource_list_is_local():
    from folium.elements import JSCSSMixin

    def classes(root):
        for sub in root.__subclasses__():
            yield sub
            yield from classes(sub)

    remote = [
        (cls.__name__, url)
        for cls in classes(JSCSSMixin)
        for attr in ("default_js", "default_css")
        for _name, url in getattr(cls, attr, [])
        if not url.startswith("app://")
    ]
    assert remote == []


def test_texts_cannot_close_the_script():
    html = page.build_page(AppSettings(), {"tilesOffline": "</script><script>alert(1)"})
    assert "</script><script>alert(1)" not in html


class FakeInfo:
    def __init__(self, url: str) -> None:
        self.url = QUrl(url)
        self.headers: dict[bytes, bytes] = {}

    def requestUrl(self) -> QUrl:
        return self.url

    def setHttpHeader(self, name: bytes, value: bytes) -> None:
        self.headers[bytes(name)] = bytes(value)


def test_interceptor_identifies_the_app_to_tile_hosts_only(qapp):
    interceptor = profile.TileRequestInterceptor()
    interceptor.add_tile_url("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    interceptor.add_tile_url("http://127.0.0.1:8080/{z}/{x}/{y}.png")
    seen = []
    interceptor.observers.append(lambda url: seen.append(url.toString()))

    https = FakeInfo("https://b.tile.example.org/5/17/10.png")
    interceptor.interceptRequest(https)
    assert https.headers == {
        b"User-Agent": profile.USER_AGENT.encode(),
        b"Referer": profile.REFERER.encode(),
    }
    assert profile.USER_AGENT.startswith("MovizorDesktop/")
    assert profile.REFERER.startswith("https://")

    http = FakeInfo("http://127.0.0.1:8080/5/17/10.png")
    interceptor.interceptRequest(http)
    assert http.headers == {b"User-Agent": profile.USER_AGENT.encode()}  # no https Referer

    other = FakeInfo("https://cdn.example.com/leaflet.js")
    interceptor.interceptRequest(other)
    assert other.headers == {}
    assert len(seen) == 3

"""The map's web profile: persistent, with a disk HTTP cache for tiles, polite to tile hosts.

Qt 6's default profile is off-the-record (no disk cache). The map uses one *named* profile
for the whole process, shared by every map view: tiles cached in
``AppPaths().cache_dir / "web"`` (300 MB) survive restarts. Each view acquires it and
releases it after its page is gone (:func:`acquire_profile` / :func:`release_profile`);
when the last view lets go the profile is deleted, so it is never deleted before a page
(Qt warns "Release of profile requested but WebEnginePage still not deleted").

Tile servers (OSM's policy) want an identifying User-Agent and a Referer. WebEngine sends a
browser User-Agent and, from an ``app:`` page, no Referer; :class:`TileRequestInterceptor`
sets both, for the configured tile hosts only. The Referer is https and goes only on https
requests: Chromium cancels a request carrying an https Referer over http. While the maps
draw from an offline MBTiles file (:mod:`.tiles`), the interceptor is ``offline`` and
blocks every http(s) request of the map pages: nothing reaches the network.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from ... import __version__
from ...resources import APP_SCHEME
from .scheme import AppSchemeHandler
from .tiles import TileService

log = logging.getLogger(__name__)

STORAGE_NAME = "movizor-map"
PROJECT_URL = "https://github.com/movizor-desktop"
USER_AGENT = f"MovizorDesktop/{__version__} (+{PROJECT_URL})"
REFERER = PROJECT_URL + "/"
CACHE_MAX_BYTES = 300 * 1024 * 1024


def host_pattern(tile_url: str) -> re.Pattern[str] | None:
    """A regex for the host of a tile URL template (``{s}`` matches any subdomain)."""
    netloc = urlsplit(tile_url).netloc.rsplit("@", 1)[-1].lower()
    host = netloc[1 : netloc.find("]")] if netloc.startswith("[") else netloc.split(":")[0]
    if not host:
        return None
    return re.compile("^" + re.escape(host).replace(re.escape("{s}"), "[a-z0-9-]+") + "$")


class TileRequestInterceptor(QWebEngineUrlRequestInterceptor):
    """Identifies the app to tile hosts; lets observers see every request (tests, logs)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hosts: dict[str, re.Pattern[str]] = {}
        self.observers: list[Callable[[QUrl], None]] = []
        self.offline = False  # an MBTiles file is in use: block the network
        self.blocked = 0  # requests blocked while offline (tests, logs)

    def add_tile_url(self, tile_url: str) -> None:
        pattern = host_pattern(tile_url)
        if pattern is not None:
            self._hosts[pattern.pattern] = pattern

    def is_tile_host(self, host: str) -> bool:
        host = host.lower()
        return any(p.match(host) for p in self._hosts.values())

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        for observer in list(self.observers):
            try:
                observer(url)
            except Exception:  # an observer must never break loading
                log.exception("request observer failed")
        scheme = url.scheme()
        if self.offline and scheme in ("http", "https", "ws", "wss"):
            self.blocked += 1
            info.block(True)
            return
        if scheme not in ("http", "https") or not self.is_tile_host(url.host()):
            return
        info.setHttpHeader(b"User-Agent", USER_AGENT.encode())
        if scheme == "https":
            info.setHttpHeader(b"Referer", REFERER.encode())


class MapProfile:
    """The shared profile with its scheme handler and interceptor (kept referenced)."""

    def __init__(self, cache_root: Path | None = None) -> None:
        if cache_root is None:
            from ...store import AppPaths

            cache_root = AppPaths().cache_dir / "web"
        self.cache_root = cache_root
        app = QCoreApplication.instance()
        self.profile = QWebEngineProfile(STORAGE_NAME, app)
        self.profile.setCachePath(str(cache_root / "http"))
        self.profile.setPersistentStoragePath(str(cache_root / "storage"))
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.DiskHttpCache)
        self.profile.setHttpCacheMaximumSize(CACHE_MAX_BYTES)
        self.profile.setHttpUserAgent(USER_AGENT)
        self.handler = AppSchemeHandler(parent=self.profile)
        self.tiles = TileService(self.profile)
        self.handler.tiles = self.tiles
        self.profile.installUrlSchemeHandler(APP_SCHEME, self.handler)
        self.interceptor = TileRequestInterceptor(self.profile)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.users = 0
        self._page_counter = 0
        log.info("map web profile %s: cache %s", STORAGE_NAME, cache_root)

    def next_page_name(self) -> str:
        self._page_counter += 1
        return f"map-{self._page_counter}.html"


_shared: MapProfile | None = None


def acquire_profile(tile_url: str | None = None) -> MapProfile:
    """The shared map profile (created on first use); pair with :func:`release_profile`."""
    global _shared
    if _shared is None:
        _shared = MapProfile()
    _shared.users += 1
    if tile_url:
        _shared.interceptor.add_tile_url(tile_url)
    return _shared


def release_profile(shared: MapProfile) -> None:
    """One user fewer; the last one deletes the profile (its pages must be gone by now)."""
    global _shared
    shared.users -= 1
    if shared.users > 0 or shared is not _shared:
        return
    _shared = None
    from ..network import drop_probes

    drop_probes()  # its pages go before it (posted first, deleted first)
    shared.tiles.shutdown()
    # None takes the interceptor off (Qt's documentation); PySide6's stubs omit the None
    shared.profile.setUrlRequestInterceptor(None)  # type: ignore[arg-type]
    shared.profile.removeAllUrlSchemeHandlers()
    shared.profile.deleteLater()


def current_profile() -> MapProfile | None:
    return _shared

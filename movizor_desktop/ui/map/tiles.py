"""Offline tiles for the maps: an MBTiles file served through the app's own scheme.

The map's tile layer then points at ``app://tiles/<token>/{z}/{x}/{y}`` instead of a tile
server. :class:`TileService` (one per web profile, so every map shares it) owns the
:class:`~movizor_desktop.store.mbtiles.MBTilesReader` of the chosen file:

* :meth:`TileService.use` switches files (or back to none) and returns the URL template;
  the token changes with the file, so a page never shows tiles of an older one;
* the file is opened and checked in a worker thread, never on the UI thread (it may be on
  a slow network share); :attr:`TileService.opened` or :attr:`TileService.failed` tells
  the maps the outcome (its zooms, bounds and attribution, or why it cannot be used);
* each tile request (:meth:`TileService.serve`, called by the scheme handler) is read in a
  small thread pool and answered back on the UI thread; a tile the file does not hold is
  answered with a transparent one (it is not an error: the file covers what it covers).

No request of the map profile reaches the network while a file is in use
(:class:`~.profile.TileRequestInterceptor` blocks them): the maps are truly offline.
"""

from __future__ import annotations

import html
import json
import logging
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob

from ...store.mbtiles import BLANK_PNG, MBTilesError, MBTilesInfo, MBTilesReader, sniff_mime
from .scheme import SCHEME, TILES_HOST

if TYPE_CHECKING:
    from ...store.settings import AppSettings
    from .profile import MapProfile

log = logging.getLogger(__name__)

WORKERS = 2  # tile reads in parallel (the reader's pool is larger)
_PATH = re.compile(
    r"^(?P<token>[0-9]+)/(?P<z>[0-9]{1,2})/(?P<x>[0-9]{1,8})/"
    r"(?P<y>[0-9]{1,8})(?:\.[a-z]{3,4})?$"
)


def tile_url(token: int, extension: str = "png") -> str:
    return f"{SCHEME}://{TILES_HOST}/{token}/{{z}}/{{x}}/{{y}}.{extension}"


def layer_options(info: MBTilesInfo) -> dict[str, Any]:
    """What the map's tile layer needs to know of a file (``mz.setTiles``' options)."""
    options: dict[str, Any] = {"minNativeZoom": info.min_zoom, "maxNativeZoom": info.max_zoom}
    if info.bounds is not None:
        west, south, east, north = info.bounds
        options["bounds"] = [[south, west], [north, east]]
    return options


def attribution_html(info: MBTilesInfo) -> str:
    """The file's attribution as safe HTML (its text only: a file's markup never runs)."""
    return html.escape(info.attribution or info.name)


def _reply(job: QWebEngineUrlRequestJob, data: bytes, mime: str) -> None:
    buffer = QBuffer(job)  # parented to the job: lives exactly as long as the reply
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(mime.encode(), buffer)


class TileService(QObject):
    opened = Signal(int, object)  # token, MBTilesInfo
    failed = Signal(int, str, str)  # token, reason (store.mbtiles.REASONS), detail
    _done = Signal(object, object, object)  # _Ticket, bytes | None, mime
    _open_done = Signal(int, object)  # token, Future[MBTilesInfo]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="mbtiles")
        self._reader: MBTilesReader | None = None
        self._token = 0
        self._path = ""
        self._info: MBTilesInfo | None = None
        self._error: MBTilesError | None = None
        self.served = 0  # tiles answered (tests, benchmarks)
        self._done.connect(self._answer)  # queued: emitted in a worker thread
        # queued even when emitted on this thread: a file that fails at once (missing, not
        # SQLite) finishes before add_done_callback, which then runs the callback inline;
        # handled inline, the failure would be reported inside use() and then undone by
        # its caller (MapTiles.apply saw no file in use and cleared the problem)
        self._open_done.connect(self._on_opened, Qt.ConnectionType.QueuedConnection)

    # -- the file ------------------------------------------------------------------------

    @property
    def token(self) -> int:
        return self._token

    @property
    def path(self) -> str:
        return self._path

    @property
    def active(self) -> bool:
        return self._reader is not None

    @property
    def info(self) -> MBTilesInfo | None:
        return self._info

    @property
    def error(self) -> MBTilesError | None:
        return self._error

    def use(self, path: str) -> int:
        """Serve tiles from ``path`` ("" for none); returns the token of the URL. The same
        path again changes nothing (the open file and its token are kept)."""
        if path == self._path and (self._reader is not None or not path):
            return self._token
        self._close_reader()
        self._path = path
        self._token += 1
        self._info = self._error = None
        if not path:
            return self._token
        reader = MBTilesReader(path)
        self._reader = reader
        token = self._token
        future = self._executor.submit(reader.open)
        future.add_done_callback(lambda f: self._open_done.emit(token, f))
        return token

    def url(self) -> str:
        extension = self._info.format if self._info is not None else "png"
        return tile_url(self._token, extension)

    def _on_opened(self, token: int, future: Future[MBTilesInfo]) -> None:
        if token != self._token:
            return  # a file chosen since
        error = future.exception()
        if error is None:
            self._info = future.result()
            log.info(
                "offline tiles from %s (zoom %d-%d)",
                self._path,
                self._info.min_zoom,
                self._info.max_zoom,
            )
            self.opened.emit(token, self._info)
            return
        if not isinstance(error, MBTilesError):
            error = MBTilesError("unreadable", str(error))
        log.warning("the offline map file cannot be used: %s", error)
        self._error = error
        self._close_reader()
        self.failed.emit(token, error.reason, str(error))

    def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            self._executor.submit(reader.close)  # after the reads already queued

    # -- requests ------------------------------------------------------------------------

    def serve(self, job: QWebEngineUrlRequestJob, path: str) -> None:
        """Answer an ``app://tiles/...`` request (from the scheme handler, UI thread)."""
        match = _PATH.match(path)
        if match is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        ticket = _Ticket(job)
        reader = self._reader
        if reader is None or int(match["token"]) != self._token:
            self._answer(ticket, None, None)  # an old page's tile: blank
            return
        z, x, y = int(match["z"]), int(match["x"]), int(match["y"])

        def read() -> None:
            try:
                data = reader.tile(z, x, y)
            except MBTilesError:
                data = None
            except Exception:  # a tile must never take the worker down
                log.exception("tile %s/%s/%s failed", z, x, y)
                data = None
            mime = sniff_mime(data) if data else None
            self._done.emit(ticket, data, mime)

        self._executor.submit(read)

    def _answer(self, ticket: _Ticket, data: bytes | None, mime: str | None) -> None:
        job = ticket.job
        if not ticket.alive or not shiboken6.isValid(job):
            return  # the page gave up on it (scrolled away, closed)
        self.served += 1
        if data is None or mime is None:
            _reply(job, BLANK_PNG, "image/png")
        else:
            _reply(job, data, mime)

    def shutdown(self) -> None:
        """Stop the workers and close the file (the profile is going)."""
        self._close_reader()
        self._executor.shutdown(wait=True, cancel_futures=True)


class _Ticket:
    """A request being answered: QtWebEngine deletes a job it no longer wants (later, on
    the UI thread), so its ``destroyed`` signal is watched before replying."""

    __slots__ = ("__weakref__", "alive", "job")  # PySide6 holds a slot weakly

    def __init__(self, job: QWebEngineUrlRequestJob) -> None:
        self.job = job
        self.alive = True
        job.destroyed.connect(self._gone)

    def _gone(self) -> None:
        self.alive = False


def problem_text(reason: str) -> str:
    """Why an MBTiles file cannot be used, in the user's words."""
    if reason == "missing":
        return QCoreApplication.translate("MapTiles", "The offline map file does not exist.")
    if reason == "not_sqlite":
        return QCoreApplication.translate(
            "MapTiles", "The offline map file is not an MBTiles file (not a SQLite database)."
        )
    if reason == "not_mbtiles":
        return QCoreApplication.translate(
            "MapTiles",
            "The offline map file is not an MBTiles file (it has no tiles and metadata tables).",
        )
    if reason == "vector":
        return QCoreApplication.translate(
            "MapTiles",
            "The offline map file holds vector tiles; choose a raster one (PNG, JPEG or WebP).",
        )
    if reason == "format":
        return QCoreApplication.translate(
            "MapTiles",
            "The offline map file holds images of a kind the map cannot show; "
            "choose one with PNG, JPEG or WebP tiles.",
        )
    if reason == "empty":
        return QCoreApplication.translate("MapTiles", "The offline map file holds no tiles.")
    return QCoreApplication.translate("MapTiles", "The offline map file cannot be read.")


class MapTiles(QObject):
    """One map view's tile layer: the settings' tile server, or the offline file.

    :meth:`page_tiles` gives the layer a new page starts with; :meth:`apply` switches it
    live (``mz.setTiles``). When the file opens, its zooms, bounds and attribution are
    applied; when it cannot be used, the map falls back to the tile server and
    :attr:`problem` says why (a translated sentence; "" once there is none).
    """

    problem = Signal(str)

    def __init__(
        self, view: Any, settings: AppSettings, shared: MapProfile, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.settings = settings
        self.shared = shared
        self.service: TileService = shared.tiles
        self._reason: str | None = None  # why the file cannot be used, if it cannot
        self.service.opened.connect(self._on_opened)
        self.service.failed.connect(self._on_failed)

    def problem_now(self) -> str:
        """The current problem as a sentence in the current language ("" for none)."""
        return problem_text(self._reason) if self._reason else ""

    def _say(self, reason: str | None) -> None:
        self._reason = reason
        self.problem.emit(self.problem_now())

    def _use(self) -> bool:
        """Point the service at the settings' file; True when a file is in use."""
        self.service.use(self.settings.mbtiles_path)
        self.shared.interceptor.offline = self.service.active
        return self.service.active

    def page_tiles(self) -> tuple[str, str]:
        """(URL template, attribution) for a new page."""
        if self._use():
            if self.service.info is not None:
                self._on_opened(self.service.token, self.service.info)  # known already
            name = Path(self.settings.mbtiles_path).name or "MBTiles"
            return self.service.url(), html.escape(name)
        return self.settings.tile_url, self.settings.tile_attribution

    def apply(self, settings: AppSettings) -> None:
        """New settings: switch the layer in place (no reload)."""
        self.settings = settings
        self.shared.interceptor.add_tile_url(settings.tile_url)
        if self._use():
            if self.service.info is not None:
                self._on_opened(self.service.token, self.service.info)
            return  # the layer changes when the file has opened (or failed)
        self._say(None)
        self._set_layer(settings.tile_url, settings.tile_attribution, {})

    def _set_layer(self, url: str, attribution: str, options: dict[str, Any]) -> None:
        self.view.call(
            f"mz.setTiles({json.dumps(url)}, {json.dumps(attribution)}, {json.dumps(options)})"
        )

    def _on_opened(self, token: int, info: MBTilesInfo) -> None:
        if token != self.service.token or not self.settings.mbtiles_path:
            return
        self._say(None)
        self._set_layer(self.service.url(), attribution_html(info), layer_options(info))

    def _on_failed(self, token: int, reason: str, _detail: str) -> None:
        if token != self.service.token or not self.settings.mbtiles_path:
            return
        self.shared.interceptor.offline = False
        self._say(reason)
        self._set_layer(self.settings.tile_url, self.settings.tile_attribution, {})


__all__ = [
    "MapTiles",
    "TileService",
    "attribution_html",
    "layer_options",
    "problem_text",
    "tile_url",
]

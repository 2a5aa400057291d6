"""The ``app:`` URL scheme: map pages from memory, vendored web assets from ``resources/web``.

* ``app://pages/<name>.html`` — a page put here by :meth:`AppSchemeHandler.set_page`
  (no ``setHtml`` and so no 2 MB limit, no temp files);
* ``app://web/<path>`` — a file under ``resources/web`` (Leaflet, ``mz/*.js``),
  path traversal refused; ``app://web/qtwebchannel/qwebchannel.js`` is Qt's own
  ``qrc:///qtwebchannel/qwebchannel.js``, served under the same origin as everything else;
* ``app://tiles/<token>/<z>/<x>/<y>.png`` — a tile of the offline MBTiles file, answered
  (off the UI thread) by the profile's :class:`~.tiles.TileService`.

Anything else is answered "not found" (and logged), so a page can never fall back to a CDN.
The scheme itself must be registered before the QApplication exists:
:func:`register_app_scheme` (bootstrap's step 3 does the same, with the same name and
flags; whichever runs first wins, the other is a no-op).
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QFile, QIODevice, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from ...resources import APP_SCHEME, resources_dir

log = logging.getLogger(__name__)

SCHEME = APP_SCHEME.decode()
PAGES_HOST = "pages"
ASSETS_HOST = "web"
TILES_HOST = "tiles"
QWEBCHANNEL_PATH = "qtwebchannel/qwebchannel.js"
QWEBCHANNEL_QRC = ":/qtwebchannel/qwebchannel.js"

MIME_TYPES: dict[str, bytes] = {
    ".html": b"text/html",
    ".js": b"text/javascript",
    ".mjs": b"text/javascript",
    ".css": b"text/css",
    ".png": b"image/png",
    ".svg": b"image/svg+xml",
    ".jpg": b"image/jpeg",
    ".gif": b"image/gif",
    ".json": b"application/json",
    ".woff2": b"font/woff2",
    ".woff": b"font/woff",
    ".txt": b"text/plain",
    ".md": b"text/plain",
}


def register_app_scheme() -> bool:
    """Register ``app:`` with QtWebEngine; must run before the QApplication exists.

    Returns True when the scheme is registered (now or earlier), False (with a warning)
    when it is too late: a QApplication already exists and the scheme is unknown.
    """
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    if QWebEngineUrlScheme.schemeByName(APP_SCHEME).name() == APP_SCHEME:
        return True
    if QCoreApplication.instance() is not None:
        log.warning("the %s: scheme cannot be registered after the QApplication exists", SCHEME)
        return False
    from ...bootstrap import register_url_schemes

    register_url_schemes()
    return True


def web_root() -> Path:
    return resources_dir() / "web"


def asset_url(path: str) -> str:
    """``app://web/<path>`` for a file under ``resources/web``."""
    return f"{SCHEME}://{ASSETS_HOST}/{path.lstrip('/')}"


def mime_type(name: str) -> bytes:
    return MIME_TYPES.get(PurePosixPath(name).suffix.lower(), b"application/octet-stream")


def safe_path(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it stays inside ``root`` and is a file; None otherwise."""
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if any(part in ("..", ".") or part.startswith("/") for part in parts):
        return None
    try:
        base = root.resolve()
        target = (base / Path(*parts)).resolve()
    except (OSError, ValueError):
        return None
    if not target.is_relative_to(base) or not target.is_file():
        return None
    return target


def _qrc_bytes(path: str) -> bytes | None:
    file = QFile(path)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ``app:`` requests of one profile (install it with ``installUrlSchemeHandler``)."""

    def __init__(self, root: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.root = root if root is not None else web_root()
        self._pages: dict[str, bytes] = {}
        self.served = 0
        self.tiles: Any = None  # the profile's TileService (answers app://tiles/...)

    # -- pages ---------------------------------------------------------------------------

    def set_page(self, name: str, html: str | bytes) -> QUrl:
        """Keep ``html`` in memory as ``app://pages/<name>``; return its URL."""
        data = html.encode("utf-8") if isinstance(html, str) else bytes(html)
        self._pages[name] = data
        return QUrl(f"{SCHEME}://{PAGES_HOST}/{name}")

    def remove_page(self, name: str) -> None:
        self._pages.pop(name, None)

    def page_names(self) -> list[str]:
        return list(self._pages)

    # -- requests ------------------------------------------------------------------------

    def resolve(self, url: QUrl) -> tuple[bytes, bytes] | None:
        """(data, MIME type) for an ``app:`` URL; None when there is no such resource."""
        host = url.host().lower()
        path = url.path(QUrl.ComponentFormattingOption.FullyDecoded).lstrip("/")
        if host == PAGES_HOST:
            data = self._pages.get(path)
            return (data, b"text/html") if data is not None else None
        if host != ASSETS_HOST:
            return None
        if path == QWEBCHANNEL_PATH:
            data = _qrc_bytes(QWEBCHANNEL_QRC)
            return (data, b"text/javascript") if data is not None else None
        target = safe_path(self.root, path)
        if target is None:
            return None
        try:
            return target.read_bytes(), mime_type(target.name)
        except OSError:
            return None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        initiator = job.initiator()
        if initiator.isValid() and not initiator.isEmpty() and initiator.scheme() != SCHEME:
            log.warning(
                "refused %s requested by a foreign page (%s)", url.toString(), initiator.toString()
            )
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        if bytes(job.requestMethod().data()) != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        if url.host().lower() == TILES_HOST and self.tiles is not None:
            self.tiles.serve(job, url.path(QUrl.ComponentFormattingOption.FullyDecoded).lstrip("/"))
            return
        found = self.resolve(url)
        if found is None:
            log.warning("map resource not found: %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        buffer = QBuffer(job)  # parented to the job: lives exactly as long as the reply
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.served += 1
        job.reply(mime, buffer)

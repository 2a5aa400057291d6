"""Offline map tiles from an MBTiles file: read-only, thread-safe, bounded. No Qt.

MBTiles (spec 1.3, ``docs/planning.md`` names the sources) is a SQLite database that QGIS,
MapTiler, TileMill, gdal and others write:

* ``metadata (name text, value text)``: ``name`` and ``format`` (``png``, ``jpg``, ``webp``;
  ``pbf`` is vector tiles, which a raster map cannot show) are required; ``bounds``
  (``left,bottom,right,top`` in degrees), ``center``, ``minzoom``, ``maxzoom``,
  ``attribution`` and ``description`` are optional;
* ``tiles (zoom_level, tile_column, tile_row, tile_data)``, either may be a view. Rows are
  numbered the TMS way, from the south: row = 2^z − 1 − y of the map's (XYZ) ``y``. Some
  writers number from the north anyway and say so with ``scheme = xyz`` in the metadata:
  both readings are honoured.

:class:`MBTilesReader` opens the file read-only (``mode=ro``, ``query_only``) on a small
pool of connections, one per worker thread at a time, so tiles can be read off the UI
thread in parallel. It is bounded: a tile larger than :data:`TILE_MAX_BYTES` is refused
(without loading it), recently served tiles are kept in an LRU cache of at most
:data:`CACHE_MAX_BYTES`, and at most :data:`CONNECTIONS` connections are open.
:func:`check_mbtiles` validates a file for the Preferences: :class:`MBTilesError` carries
a ``reason`` the UI turns into a sentence.
"""

from __future__ import annotations

import html
import logging
import math
import queue
import re
import sqlite3
import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CONNECTIONS = 4
CACHE_MAX_BYTES = 32 * 1024 * 1024
TILE_MAX_BYTES = 4 * 1024 * 1024
ZOOM_MAX = 24
_MISS_BYTES = 64  # what remembering a missing tile costs the cache's budget
TEXT_MAX = 500
RASTER = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
REASONS = ("missing", "unreadable", "not_sqlite", "not_mbtiles", "vector", "format", "empty")


class MBTilesError(Exception):
    """A file that cannot serve tiles; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class MBTilesInfo:
    path: Path
    name: str
    format: str  # png | jpg | webp
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    attribution: str  # plain text (markup removed)
    description: str
    tms: bool  # rows numbered from the south (the spec); False for ``scheme = xyz``

    @property
    def mime(self) -> str:
        return RASTER[self.format]


def sniff_mime(data: bytes) -> str | None:
    """The image type of a tile from its first bytes (PNG, JPEG, WebP), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def solid_png(width: int, height: int, rgba: tuple[int, int, int, int]) -> bytes:
    """A PNG of one colour (8-bit RGBA), written by hand: the blank tile, and test tiles."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgba) * width  # filter type 0 per scanline
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height, 9))
        + chunk(b"IEND", b"")
    )


BLANK_PNG = solid_png(1, 1, (0, 0, 0, 0))  # what a tile the file does not hold looks like

_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """Markup (an attribution's ``<a href>``) reduced to its text, on one line."""
    text = html.unescape(_TAG.sub("", markup))
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:TEXT_MAX]


def _bounds(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        return None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        return None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None
    return west, south, east, north


def _zoom(value: str | None) -> int | None:
    try:
        zoom = int(float(value)) if value is not None else None
    except ValueError:
        return None
    return zoom if zoom is not None and 0 <= zoom <= ZOOM_MAX else None


class MBTilesReader:
    """Tiles of one MBTiles file (see the module docstring). Call :meth:`open` first (it
    validates); :meth:`tile` is safe from any thread; :meth:`close` when done."""

    def __init__(
        self,
        path: str | Path,
        *,
        connections: int = CONNECTIONS,
        cache_bytes: int = CACHE_MAX_BYTES,
        tile_max_bytes: int = TILE_MAX_BYTES,
    ) -> None:
        self.path = Path(path)
        self._size = max(1, connections)
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[int, int, int], bytes | None] = OrderedDict()
        self._cached = 0
        self._cache_max = cache_bytes
        self._tile_max = tile_max_bytes
        self._info: MBTilesInfo | None = None
        self._closed = False
        self.reads = 0  # tiles read from the file (not the cache): tests, benchmarks

    # -- connections ---------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
            connection.execute("PRAGMA query_only = 1")
            return connection
        except (sqlite3.Error, OSError, ValueError) as exc:
            raise MBTilesError("unreadable", f"cannot open {self.path.name}: {exc}") from exc

    def _acquire(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise MBTilesError("unreadable", "the tile file is closed")
            try:
                return self._pool.get_nowait()
            except queue.Empty:
                if self._made < self._size:
                    self._made += 1
                    make = True
                else:
                    make = False
        if make:
            try:
                return self._connect()
            except MBTilesError:
                with self._lock:
                    self._made -= 1
                raise
        return self._pool.get(timeout=30)  # all in use: wait for one

    def _release(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            if not self._closed:
                self._pool.put(connection)
                return
        connection.close()

    # -- opening -------------------------------------------------------------------------

    @property
    def info(self) -> MBTilesInfo | None:
        return self._info

    def open(self) -> MBTilesInfo:
        """Validate the file and read its metadata (once); raises :class:`MBTilesError`."""
        if self._info is not None:
            return self._info
        if not self.path.is_file():
            raise MBTilesError("missing", f"no such file: {self.path}")
        connection = self._acquire()
        try:
            info = self._read_info(connection)
        except sqlite3.DatabaseError as exc:
            raise MBTilesError(
                "not_sqlite", f"{self.path.name} is not a SQLite database: {exc}"
            ) from exc
        finally:
            self._release(connection)
        with self._lock:
            self._info = info
        return info

    def _read_info(self, connection: sqlite3.Connection) -> MBTilesInfo:
        names = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            )
        }
        if not {"metadata", "tiles"} <= names:
            raise MBTilesError(
                "not_mbtiles",
                f"{self.path.name} has no metadata and tiles tables: not an MBTiles file",
            )
        meta: dict[str, str] = {}
        for name, value in connection.execute("SELECT name, value FROM metadata"):
            if isinstance(name, str) and isinstance(value, str | int | float):
                meta.setdefault(name.strip().lower(), str(value).strip())
        first = connection.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
        if first is None:
            raise MBTilesError("empty", f"{self.path.name} holds no tiles")
        fmt = meta.get("format", "").lower()
        if fmt == "pbf" or (isinstance(first[0], bytes) and first[0][:2] == b"\x1f\x8b"):
            raise MBTilesError(
                "vector",
                f"{self.path.name} holds vector tiles (pbf); a "
                "raster file (png, jpg, webp) is needed",
            )
        if fmt not in RASTER:
            sniffed = sniff_mime(bytes(first[0] or b""))
            fmt = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}.get(
                sniffed or "", ""
            )
            if not fmt:
                raise MBTilesError(
                    "format",
                    f"{self.path.name}: tile format {meta.get('format')!r} is not png, jpg or webp",
                )
        low, high = _zoom(meta.get("minzoom")), _zoom(meta.get("maxzoom"))
        if low is None or high is None or low > high:
            row = connection.execute(
                "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles"
            ).fetchone()
            low, high = _zoom(str(row[0])), _zoom(str(row[1]))
            if low is None or high is None:
                raise MBTilesError("empty", f"{self.path.name} holds no usable zoom levels")
        return MBTilesInfo(
            path=self.path,
            name=plain_text(meta.get("name", "")) or self.path.stem,
            format="jpg" if fmt == "jpeg" else fmt,
            min_zoom=low,
            max_zoom=high,
            bounds=_bounds(meta.get("bounds")),
            attribution=plain_text(meta.get("attribution", "")),
            description=plain_text(meta.get("description", "")),
            tms=meta.get("scheme", "tms").lower() != "xyz",
        )

    # -- tiles ---------------------------------------------------------------------------

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at map (XYZ) coordinates, or None when the file does not hold it."""
        info = self._info or self.open()
        if not (0 <= z <= ZOOM_MAX and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        key = (z, x, y)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        row = (1 << z) - 1 - y if info.tms else y
        connection = self._acquire()
        try:
            found = connection.execute(
                "SELECT tile_data, length(tile_data) FROM tiles WHERE zoom_level = ? AND "
                "tile_column = ? AND tile_row = ? AND length(tile_data) <= ?",
                (z, x, row, self._tile_max),
            ).fetchone()
        except sqlite3.Error as exc:
            log.warning("tile %s/%s/%s unreadable: %s", z, x, y, exc)
            found = None
        finally:
            self._release(connection)
        data = bytes(found[0]) if found is not None and found[0] is not None else None
        self._remember(key, data)
        return data

    def _remember(self, key: tuple[int, int, int], data: bytes | None) -> None:
        size = len(data) if data else _MISS_BYTES  # a miss is remembered too, at a cost
        with self._lock:
            self.reads += 1
            if key in self._cache or size > self._cache_max:
                return
            self._cache[key] = data
            self._cached += size
            while self._cached > self._cache_max and self._cache:
                _, old = self._cache.popitem(last=False)
                self._cached -= len(old) if old else _MISS_BYTES

    @property
    def cached_bytes(self) -> int:
        return self._cached

    def close(self) -> None:
        """Close every connection (one in use closes when it is given back)."""
        with self._lock:
            self._closed = True
            self._cache.clear()
            self._cached = 0
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break


def check_mbtiles(path: str | Path) -> MBTilesInfo:
    """Validate an MBTiles file (for the Preferences); raises :class:`MBTilesError`."""
    reader = MBTilesReader(path, connections=1, cache_bytes=0)
    try:
        return reader.open()
    finally:
        reader.close()


__all__ = [
    "BLANK_PNG",
    "REASONS",
    "MBTilesError",
    "MBTilesInfo",
    "MBTilesReader",
    "check_mbtiles",
    "plain_text",
    "sniff_mime",
    "solid_png",
]

"""A per-profile SQLite cache of the fleet: rows (with details), track points, events, meta.

The cache lets the app show the last known fleet instantly at start-up and keeps track
history and the event cursor between runs. It is only a cache: when the file is not a
database, is corrupt, or was written by a newer schema, it is moved aside as
``<name>.corrupt-<timestamp>`` (with its ``-wal``/``-shm``) and rebuilt empty;
``recovered`` and ``recovered_from`` tell the UI.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (commits do not fsync; a power cut
may lose the last commits, never the database). One connection per ``Cache``, opened with
``check_same_thread=False`` and guarded by a lock, because calls come from
``asyncio.to_thread`` workers. Every write is one transaction.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..api.models import Event, Position
from ..fleet import FleetRow
from . import codec
from .files import move_aside, private_file
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "cache.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fleet_rows (
    phone TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS positions (
    phone TEXT NOT NULL,
    ts REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (phone, ts)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
_PROBES = (
    "SELECT phone, data FROM fleet_rows LIMIT 0",
    "SELECT phone, ts, data FROM positions LIMIT 0",
    "SELECT id, data FROM events LIMIT 0",
    "SELECT key, value FROM meta LIMIT 0",
)


class _Unusable(Exception):
    """The file cannot serve as our cache (reason in the message)."""


def _epoch(moment: datetime) -> float:
    """Seconds since the epoch; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class Cache:
    """The fleet cache of one profile (see the module docstring)."""

    SCHEMA_VERSION = 1

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.recovered: bool = False
        self.recovered_from: Path | None = None
        self._lock = threading.Lock()
        try:
            self._conn = self._open()
        except _Unusable as exc:
            log.warning("cache %s unusable (%s); rebuilding it empty", self.path.name, exc)
            self.recovered_from = move_aside(self.path, siblings=("-wal", "-shm", "-journal"))
            self.recovered = True
            try:
                self._conn = self._open()
            except _Unusable as again:
                raise sqlite3.DatabaseError(
                    f"cannot create the cache {self.path}: {again}"
                ) from again

    @classmethod
    def for_profile(cls, paths: AppPaths, profile: str) -> Cache:
        """The cache of ``profile``: ``paths.profile_dir(profile)/cache.sqlite3``."""
        return cls(paths.profile_dir(profile) / FILE_NAME)

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """A ready connection; raises _Unusable for a file that is not our cache.

        The file is created ``0600`` first (SQLite would use the umask's ``0644``); SQLite
        gives its ``-wal`` and ``-shm`` files the database's permissions."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            if suffix == "" or self.path.with_name(self.path.name + suffix).exists():
                private_file(self.path.with_name(self.path.name + suffix))
        conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        try:
            self._prepare(conn)
        except _Unusable:
            conn.close()
            raise
        except sqlite3.OperationalError:  # locked, busy, I/O, cannot open: not our call
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:  # not a database, malformed
            conn.close()
            raise _Unusable(f"{type(exc).__name__}: {exc}") from exc
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > self.SCHEMA_VERSION:
            raise _Unusable(f"schema {version} is newer than {self.SCHEMA_VERSION}")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _Unusable(f"quick_check: {check}")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("cache %s: journal_mode is %s, not wal", self.path.name, mode)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        if version < self.SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={self.SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        try:
            for probe in _PROBES:
                conn.execute(probe)
        except sqlite3.OperationalError as exc:  # "no such table/column": someone else's db
            raise _Unusable(f"unexpected schema: {exc}") from exc

    # --- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one write transaction, under the lock."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # --- fleet rows -------------------------------------------------------------------------

    def load_rows(self) -> list[FleetRow]:
        """Every cached subscriber (details included when cached), in first-saved order.

        A row that cannot be decoded (written by a broken or foreign version) is skipped
        and logged, not fatal.
        """
        rows: list[FleetRow] = []
        for (data,) in self._read("SELECT data FROM fleet_rows ORDER BY rowid"):
            try:
                rows.append(codec.row_from_json(str(data)))
            except (ValueError, TypeError) as exc:
                log.warning("cache: skipping an undecodable row (%s)", type(exc).__name__)
        return rows

    def save_rows(self, rows: Iterable[FleetRow]) -> None:
        """Insert or replace ``rows`` (by phone) in one transaction."""
        encoded = [(row.phone, codec.row_to_json(row)) for row in rows]
        if not encoded:
            return
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO fleet_rows (phone, data) VALUES (?, ?) "
                "ON CONFLICT(phone) DO UPDATE SET data = excluded.data",
                encoded,
            )

    def delete_rows(self, phones: Iterable[str]) -> None:
        """Forget these subscribers and their track points (events are kept)."""
        keys = [(phone,) for phone in phones]
        if not keys:
            return
        with self._write() as conn:
            conn.executemany("DELETE FROM fleet_rows WHERE phone = ?", keys)
            conn.executemany("DELETE FROM positions WHERE phone = ?", keys)

    # --- track points -----------------------------------------------------------------------

    def add_positions(self, phone: str, positions: Iterable[Position]) -> None:
        """Add track points of ``phone``; one per timestamp (the first one stored wins).

        Points without a timestamp cannot be placed on a track and are ignored.
        """
        encoded = [
            (phone, _epoch(p.timestamp), codec.position_to_json(p))
            for p in positions
            if p.timestamp is not None
        ]
        if not encoded:
            return
        with self._write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO positions (phone, ts, data) VALUES (?, ?, ?)", encoded
            )

    def positions(
        self, phone: str, start: datetime | None = None, end: datetime | None = None
    ) -> list[Position]:
        """Track points of ``phone`` with ``start <= timestamp <= end``, newest first."""
        sql = "SELECT data FROM positions WHERE phone = ?"
        params: list[object] = [phone]
        if start is not None:
            sql += " AND ts >= ?"
            params.append(_epoch(start))
        if end is not None:
            sql += " AND ts <= ?"
            params.append(_epoch(end))
        sql += " ORDER BY ts DESC"
        return [codec.position_from_json(str(data)) for (data,) in self._read(sql, tuple(params))]

    # --- events -----------------------------------------------------------------------------

    def add_events(self, events: Iterable[Event]) -> None:
        """Store events; an id already stored is ignored, as are events without an id."""
        encoded = [(e.id, codec.event_to_json(e)) for e in events if e.id is not None]
        if not encoded:
            return
        with self._write() as conn:
            conn.executemany("INSERT OR IGNORE INTO events (id, data) VALUES (?, ?)", encoded)

    def recent_events(self, limit: int = 500) -> list[Event]:
        """The ``limit`` newest events (by id, which the server assigns in order), newest first."""
        rows = self._read("SELECT data FROM events ORDER BY id DESC LIMIT ?", (max(0, limit),))
        return [codec.event_from_json(str(data)) for (data,) in rows]

    def last_event_id(self) -> int | None:
        """The highest stored event id (the ``afterid`` cursor), None when there is none."""
        value = self._read("SELECT MAX(id) FROM events")[0][0]
        return None if value is None else int(str(value))

    # --- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set ``key`` to ``value``; ``None`` removes it."""
        with self._write() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # --- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (idempotent); later calls raise sqlite3.ProgrammingError."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

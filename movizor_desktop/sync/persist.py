"""Writing the sync engine's results to the cache, off the event loop. No Qt here.

The cache is blocking disk I/O, so every call runs in a worker thread
(``asyncio.to_thread``), one at a time (a lock). Writes are shielded: a cancelled sync
step still finishes its write, and :meth:`CacheWriter.drain` waits for writes already
handed to a thread, so the owner can close the cache right after the engine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from ..api.models import Event, Position
from ..fleet import FleetRow
from .status import FleetCache

log = logging.getLogger(__name__)


class CacheWriter:
    def __init__(self, cache: FleetCache) -> None:
        self.cache = cache
        self._lock = asyncio.Lock()
        self._jobs: set[asyncio.Future[None]] = set()

    async def read(self, *calls: tuple[Callable[..., Any], tuple[Any, ...]]) -> list[Any]:
        """Run read calls (``(function, args)``) in a worker thread, in order; their results
        in that order. The calls return different types: the caller declares each one's
        where it unpacks them."""
        async with self._lock:
            return [await asyncio.to_thread(fn, *args) for fn, args in calls]

    async def write(
        self,
        *,
        rows: list[FleetRow],
        removed: list[str],
        positions: dict[str, list[Position]],
        events: list[Event],
        meta: dict[str, str],
    ) -> None:
        cache = self.cache

        def attempt(name: str, call: Callable[..., object], *args: Any) -> None:
            try:
                call(*args)
            except Exception:
                log.exception("cache: %s failed", name)

        def write() -> None:
            # Each part on its own: a failing one is logged and the others still land.
            # Events (the cursor) go after the rows, so a crash in between only makes
            # the next start fetch some events again.
            if removed:
                attempt("delete_rows", cache.delete_rows, removed)
            if rows:
                attempt("save_rows", cache.save_rows, rows)
            for phone, fixes in positions.items():
                attempt("add_positions", cache.add_positions, phone, fixes)
            if events:
                attempt("add_events", cache.add_events, events)
            for key, value in meta.items():
                attempt("set_meta", cache.set_meta, key, value)

        async with self._lock:
            job = asyncio.ensure_future(asyncio.to_thread(write))
            self._jobs.add(job)
            job.add_done_callback(self._jobs.discard)
            await asyncio.shield(job)

    async def drain(self) -> None:
        """Wait for writes already handed to a thread."""
        if self._jobs:
            await asyncio.gather(*self._jobs, return_exceptions=True)

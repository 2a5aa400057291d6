"""A session: one connected profile with its client, cache, sync engine and actions.

The main window shows one session at a time. Switching profiles closes the current
session (cancelling its tasks and closing its HTTP client) and opens another, without a
restart. The session turns the Qt-free engine's callbacks into Qt signals.

Life cycle: ``Session(...)`` → :meth:`Session.start` (the engine's run loop as a task) →
:meth:`Session.aclose` (idempotent; must be awaited while the event loop still runs, so
httpx can close its connections: docs/stack-pitfalls.md, "One asyncio loop").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..api import MovizorClient
from ..clock import MovizorClock
from ..store import Cache, KeyStorage, Profile
from ..sync import FleetActions, SyncEngine
from .tasks import TaskGroup

log = logging.getLogger(__name__)

DEMO_INTERVAL = 15.0


class Session(QObject):
    changed = Signal(object)  # ChangeSet
    status_changed = Signal(object)  # EngineStatus

    def __init__(
        self,
        profile: Profile,
        key: str,
        *,
        cache: Cache | None = None,
        demo: bool = False,
        key_storage: KeyStorage | None = None,
        interval: float = 60.0,
        clock: MovizorClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Movizor's time for this profile: learned from the answers (a demo passes the
        # simulator's clock); everything compared with Movizor's timestamps reads it.
        self.clock = clock if clock is not None else MovizorClock()
        self.profile = profile
        self.demo = demo
        self.key_storage = key_storage
        self.cache = cache
        self.client = MovizorClient(
            profile.base_url,
            project=profile.project,
            key=key,
            method="GET" if profile.method == "GET" else "POST",
            allow_plain_http=profile.allow_plain_http,
            clock=self.clock,
        )
        self.engine = SyncEngine(self.client, cache, interval=interval)
        self.engine.on_change = self._emit_change
        self.engine.on_status = self._emit_status
        self.actions = FleetActions(self.client, self.engine)
        self.tasks = TaskGroup(f"session:{profile.name}")
        self._closed = False

    def __repr__(self) -> str:
        return f"Session(profile={self.profile.name!r}, demo={self.demo}, closed={self._closed})"

    # The engine calls back on the loop's thread; after aclose() nobody listens any more.
    def _emit_change(self, changes: object) -> None:
        if not self._closed:
            self.changed.emit(changes)

    def _emit_status(self, status: object) -> None:
        if not self._closed:
            self.status_changed.emit(status)

    @property
    def key_is_session_only(self) -> bool:
        """True when the key could not go to the OS keyring and lives only in memory."""
        return self.key_storage == KeyStorage.SESSION

    @property
    def closed(self) -> bool:
        return self._closed

    def follow(self, on_changes: Callable[[Any], None], on_status: Callable[[Any], None]) -> None:
        """Call ``on_changes(ChangeSet)`` and ``on_status(EngineStatus)`` from now on."""
        self.changed.connect(on_changes)
        self.status_changed.connect(on_status)

    def unfollow(self, on_changes: Callable[[Any], None], on_status: Callable[[Any], None]) -> None:
        """Stop calling them (quietly when they were not connected, or the signals are
        gone with a deleted session)."""
        for signal, slot in ((self.changed, on_changes), (self.status_changed, on_status)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    def start(self) -> None:
        """Start syncing: cached fleet first, then the network."""
        if self._closed:
            raise RuntimeError("session is closed")
        if not self.tasks.running("engine"):
            self.tasks.spawn(self.engine.run(), slot="engine")

    def set_key(self, key: str, *, storage: KeyStorage | None = None) -> None:
        """Use a new key; lifts the client's bad-key guard and resumes syncing.

        ``storage`` (where the caller put the key) updates :attr:`key_is_session_only`.
        """
        self.client.set_key(key)
        if storage is not None:
            self.key_storage = storage
        self.engine.resume()
        self._emit_status(self.engine.status)

    async def aclose(self) -> None:
        """Cancel every task, stop the engine, close the HTTP client and the cache."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.tasks.aclose()
            await self.engine.aclose()
        finally:
            try:
                await self.client.aclose()
            finally:
                if self.cache is not None:
                    try:
                        self.cache.close()
                    except Exception:
                        log.exception("closing the cache of %s failed", self.profile.name)
        log.info("session %s closed", self.profile.name)

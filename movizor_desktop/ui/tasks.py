"""Background coroutines started from Qt code, with strong references and error routing.

asyncio keeps only weak references to tasks, so a task started from a slot can vanish
mid-flight. :class:`TaskGroup` keeps every task it starts until it finishes, logs
exceptions nobody handled, and cancels everything on :meth:`TaskGroup.aclose` (shutdown,
profile switch). Named slots are *preemptive*: starting a new task in a slot cancels the
previous one (the dispatcher clicked another subscriber: drop the stale fetch).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskGroup:
    def __init__(self, name: str = "ui") -> None:
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._slots: dict[str, asyncio.Task[Any]] = {}

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(
        self,
        coro: Coroutine[Any, Any, Any],
        *,
        slot: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[Any]:
        if slot is not None and (old := self._slots.get(slot)) is not None and not old.done():
            old.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if slot is not None:
            self._slots[slot] = task

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if slot is not None and self._slots.get(slot) is t:
                del self._slots[slot]
            if t.cancelled():
                return
            exc = t.exception()
            if exc is None:
                return
            if on_error is not None:
                on_error(exc)
            else:
                log.error(
                    "%s: unhandled error in background task",
                    self.name,
                    exc_info=(type(exc), exc, exc.__traceback__),
                )

        task.add_done_callback(done)
        return task

    def running(self, slot: str) -> bool:
        task = self._slots.get(slot)
        return task is not None and not task.done()

    async def aclose(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        self._slots.clear()

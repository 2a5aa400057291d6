"""Change sets into the table model without freezing the window.

A first load or a cache restore can bring thousands of rows in one change set; applying
it at once would block the event loop for hundreds of milliseconds. :class:`ChangeFeed`
cuts every change set into slices of at most :data:`SLICE` rows (removals first, then
changes, then additions), applies slices until a small time budget is spent, and
continues on the next turn of the event loop. Change sets are applied strictly in order;
``done`` is emitted once per change set after its last slice (the events panel, details
and status bar follow it). Small change sets — the normal refresh — go through in one
call, synchronously.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from ...fleet import ChangeSet
from .model import SubscriberModel

SLICE = 100  # rows per model.apply (~5 ms each)
BUDGET = 0.008  # seconds of applying per turn of the event loop


def slices(changes: ChangeSet, size: int = SLICE) -> list[ChangeSet]:
    """``changes`` as consecutive change sets of at most ``size`` rows each."""
    if len(changes.removed) + len(changes.changed) + len(changes.added) <= size:
        return [changes]
    parts: list[ChangeSet] = []
    for i in range(0, len(changes.removed), size * 4):  # removals are cheap blocks
        parts.append(ChangeSet(removed=changes.removed[i : i + size * 4]))
    for i in range(0, len(changes.changed), size):
        parts.append(ChangeSet(changed=changes.changed[i : i + size]))
    for i in range(0, len(changes.added), size):
        parts.append(ChangeSet(added=changes.added[i : i + size]))
    if not parts:
        parts.append(ChangeSet())
    last = parts[-1]
    last.balance = changes.balance
    last.events = changes.events
    last.moved = changes.moved
    last.gaps = changes.gaps
    return parts


class ChangeFeed(QObject):
    done = Signal(object)  # the original ChangeSet, once all of it is in the model

    def __init__(
        self, model: SubscriberModel, parent: QObject | None = None, *, budget: float = BUDGET
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.budget = budget
        self._queue: deque[tuple[ChangeSet, deque[ChangeSet]]] = deque()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._drain)

    @property
    def pending(self) -> bool:
        return bool(self._queue)

    def push(self, changes: ChangeSet) -> None:
        self._queue.append((changes, deque(slices(changes))))
        if not self._timer.isActive():
            self._drain()

    def clear(self) -> None:
        """Drop what is not applied yet (the session changed)."""
        self._queue.clear()
        self._timer.stop()

    def flush(self) -> None:
        """Apply everything queued now."""
        self._drain(budget=float("inf"))

    def _drain(self, budget: float | None = None) -> None:
        deadline = time.perf_counter() + (self.budget if budget is None else budget)
        while self._queue:
            original, parts = self._queue[0]
            while parts:
                self.model.apply(parts.popleft())
                if parts and time.perf_counter() >= deadline:
                    self._timer.start()
                    return
            self._queue.popleft()
            self.done.emit(original)
            if self._queue and time.perf_counter() >= deadline:
                self._timer.start()
                return


__all__ = ["BUDGET", "SLICE", "ChangeFeed", "slices"]

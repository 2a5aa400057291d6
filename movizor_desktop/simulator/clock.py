"""The simulator's clock: real time scaled by ``speed``, plus manual jumps.

``now() = start + real_elapsed * speed + manual_offset``. Changing ``speed`` re-bases the
clock at the current simulated instant, so time never jumps; ``speed = 0`` freezes it (tests
use that and move time with :meth:`SimClock.advance` only). Real time is read from
``monotonic`` (``time.monotonic``; tests give a clock of their own). Thread-safe.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

__all__ = ["SimClock"]


class SimClock:
    def __init__(
        self,
        start: datetime | None = None,
        speed: float = 1.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if start is None:
            start = datetime.now(UTC).replace(microsecond=0)
        elif start.tzinfo is None:
            raise ValueError("SimClock start must be an aware datetime")
        self._check_speed(speed)
        self._lock = threading.Lock()
        self._monotonic = monotonic
        self._start = start.astimezone(UTC)
        self._base = self._start  # simulated instant at the last re-base
        self._real_base = monotonic()
        self._speed = float(speed)

    @staticmethod
    def _check_speed(speed: float) -> None:
        if (
            not isinstance(speed, (int, float))
            or isinstance(speed, bool)
            or speed < 0
            or speed != speed
            or speed == float("inf")
        ):
            raise ValueError(f"clock speed must be a finite number >= 0, not {speed!r}")

    def _now_locked(self) -> datetime:
        elapsed = (self._monotonic() - self._real_base) * self._speed
        return self._base + timedelta(seconds=elapsed)

    @property
    def start(self) -> datetime:
        """The instant the clock was created at (aware UTC)."""
        return self._start

    def now(self) -> datetime:
        with self._lock:
            return self._now_locked()

    def timestamp(self) -> int:
        return int(self.now().timestamp())

    def advance(self, seconds: float) -> None:
        """Jump forward by ``seconds`` of simulated time (negative jumps are refused)."""
        if seconds < 0 or seconds != seconds:
            raise ValueError(f"the clock only moves forward, not by {seconds!r} s")
        with self._lock:
            self._base += timedelta(seconds=seconds)

    @property
    def speed(self) -> float:
        with self._lock:
            return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        self._check_speed(value)
        with self._lock:
            self._base = self._now_locked()
            self._real_base = self._monotonic()
            self._speed = float(value)

    def __repr__(self) -> str:
        return f"SimClock(now={self.now().isoformat()}, speed={self.speed:g})"

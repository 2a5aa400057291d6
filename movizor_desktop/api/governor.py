"""The request governor: hourly and per-second budgets, and bounded concurrency.

Movizor allows 5,000 requests per hour and (API v2) 15 per second with 30 concurrent.
The governor keeps the client well inside that: a rolling one-hour window, a rolling
one-second window, and a semaphore (default 4 in flight). A call that would exceed the
hour's budget is refused at once with :class:`BudgetExceededError` rather than queued for
an hour; the per-second limit only delays.

The server counts requests when they *arrive*, and the time from send to arrival varies
(connection set-up, the network, the server's scheduling). A rolling window of 15 kept at
send time let bursts at the edges of two windows arrive within one second. So the
governor sends at most :data:`DEFAULT_PER_SECOND` (10) per rolling second *and* spaces the
sends evenly, 1/10 s apart: any second at the server then sees at most 11 plus what the
arrival jitter moves in, which leaves the margin to 15 (at most 13 measured at the
simulator's request log with 200 concurrent callers, ``tests/api/test_api_governor.py``).

:meth:`snapshot` exposes used and remaining budget for the status bar and for the sync
engine, which stretches its cycle when the hour's budget runs low.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from .errors import BudgetExceededError

HOURLY_LIMIT = 5000
PER_SECOND_LIMIT = 15  # the server's limit (API v2 documents)
DEFAULT_PER_SECOND = 10  # what the governor sends: the margin is for the arrival jitter
DEFAULT_CONCURRENCY = 4


@dataclass(frozen=True, slots=True)
class Budget:
    used: int  # requests in the last rolling hour
    limit: int
    in_flight: int

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def fraction_left(self) -> float:
        return self.remaining / self.limit if self.limit else 0.0


class RequestGovernor:
    def __init__(
        self,
        *,
        hourly_limit: int = HOURLY_LIMIT,
        per_second: int = DEFAULT_PER_SECOND,
        concurrency: int = DEFAULT_CONCURRENCY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if hourly_limit < 1 or per_second < 1 or concurrency < 1:
            raise ValueError("governor limits must be positive")
        self.hourly_limit = hourly_limit
        self.per_second = per_second
        self.concurrency = concurrency
        self._clock = clock
        self._hour: deque[float] = deque()
        self._second: deque[float] = deque()
        self._last: float | None = None  # the last send
        self._semaphore = asyncio.Semaphore(concurrency)
        self._in_flight = 0

    def _trim(self, now: float) -> None:
        while self._hour and now - self._hour[0] >= 3600.0:
            self._hour.popleft()
        while self._second and now - self._second[0] >= 1.0:
            self._second.popleft()

    def snapshot(self) -> Budget:
        self._trim(self._clock())
        return Budget(len(self._hour), self.hourly_limit, self._in_flight)

    async def acquire(self, function: str | None = None) -> None:
        """Wait for a slot; raise BudgetExceededError when the hour's budget is spent."""
        await self._semaphore.acquire()
        try:
            while True:
                now = self._clock()
                self._trim(now)
                if len(self._hour) >= self.hourly_limit:
                    raise BudgetExceededError(function, 3600.0 - (now - self._hour[0]))
                wait = 0.0
                if len(self._second) >= self.per_second:
                    wait = 1.0 - (now - self._second[0])
                if self._last is not None:  # evenly spaced, never in bursts
                    wait = max(wait, self._last + 1.0 / self.per_second - now)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._hour.append(now)
            self._second.append(now)
            self._last = now
            self._in_flight += 1
        except BaseException:
            self._semaphore.release()
            raise

    def release(self) -> None:
        self._in_flight -= 1
        self._semaphore.release()

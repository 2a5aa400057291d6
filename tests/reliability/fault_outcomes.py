"""The vocabulary of the fault matrix (tests/reliability/fault_matrix.py): the functions
and faults, the timings (:class:`Scale`), one cell's :class:`Outcome`, the promises it must
keep (:func:`problems`) and the event-loop :class:`StallMeter`. No Qt here."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from movizor_desktop.api.errors import (
    AuthError,
    BadResponseError,
    ConnectionFailedError,
    HttpStatusError,
    MovizorError,
    RateLimitError,
    TimeoutError_,
    TransportError,
)

SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
KEY = "fault-matrix-key-1"
NEW_PHONE = "+7 921 555-44-33"  # MegaFon, not on the seeded account
NEW_MSISDN = "79215554433"
FLEET = 12

SYNC = ("object_list", "pos_objects", "events", "balance", "object_get")
ACTIONS = (
    "object_add",
    "object_edit",
    "object_delete",
    "object_reactivate",
    "object_cancel_tariff",
    "pos_request",
    "pos_get",
)
DIALOG = ("get_operator", "tariff_calculator", "distance_search", "pos_list")
FUNCTIONS = SYNC + ACTIONS + DIALOG
PAID = frozenset({"object_add", "object_edit", "pos_request"})  # edit: with a tariff change
WRITES = frozenset(ACTIONS) - {"pos_get"}

FAULTS = (
    "latency",
    "timeout",
    "http_500",
    "http_502",
    "http_503",
    "reset",
    "html",
    "non_json",
    "truncated",
    "lockout",
    "quota",
)
TRANSPORT = frozenset(FAULTS) - {"latency", "lockout", "quota"}
LABELS = {
    "latency": "5 s latency",
    "timeout": "timeout",
    "http_500": "HTTP 500",
    "http_502": "HTTP 502",
    "http_503": "HTTP 503",
    "reset": "reset",
    "html": "HTML page",
    "non_json": "non-JSON",
    "truncated": "truncated",
    "lockout": "key lockout",
    "quota": "hour quota",
}
EXPECTED: dict[str, type[MovizorError] | tuple[type[MovizorError], ...]] = {
    "timeout": TimeoutError_,
    "http_500": HttpStatusError,
    "http_502": HttpStatusError,
    "http_503": HttpStatusError,
    "reset": ConnectionFailedError,
    "html": BadResponseError,
    "non_json": BadResponseError,
    "truncated": (BadResponseError, ConnectionFailedError),
    "lockout": AuthError,
    "quota": RateLimitError,
}
# Faults after which the server did process the request (only the answer was lost).
WORLD_APPLIED = frozenset({"latency", "reset", "truncated", "timeout"})


@dataclass(frozen=True)
class Scale:
    latency: float  # the "5 s latency" fault: the answer comes after this
    client_timeout: float  # the client's timeout in every case but "timeout"
    timeout_client: float  # the client's timeout in the "timeout" case
    hang: float  # how long the server keeps quiet in the "timeout" case
    interval: float  # the engine's cycle and the pos_get polling interval
    position_wait: float  # how long a position request waits for a fix
    stall_limit: float  # seconds: the longest acceptable event-loop stall
    recovery_wait: float  # seconds allowed for the engine to come back


# The latency stays above the stall limit, so a loop blocked while waiting for an answer
# would show; the limit leaves room for a loaded 2-core CI machine running several cases
# (and their simulators' threads) at once.
FAST = Scale(
    latency=1.0,
    client_timeout=4.0,
    timeout_client=0.3,
    hang=3.0,
    interval=0.03,
    position_wait=0.8,
    stall_limit=0.5,
    recovery_wait=30.0,
)
REAL = Scale(
    latency=5.0,
    client_timeout=20.0,
    timeout_client=2.0,
    hang=30.0,
    interval=0.2,
    position_wait=8.0,
    stall_limit=0.5,
    recovery_wait=60.0,
)
JOBS = 4  # cases run at once, each on its own simulator


@dataclass
class Outcome:
    function: str
    fault: str
    error: MovizorError | None = None
    attempts: int = 0  # requests of the function that reached the server under the fault
    total_after_refusal: int | None = None  # lockout: requests sent after the refusal
    sent_after_recovery: int = 0  # requests of a write sent again after the fault cleared
    recovered: bool = False
    reconciled: bool | None = None  # a write's outcome visible in the engine afterwards
    max_stall: float = 0.0
    seconds: float = 0.0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def messages(self) -> tuple[str, str]:
        if self.error is None:
            return "", ""
        return self.error.message("en"), self.error.message("ru")

    def cell(self) -> str:
        bad = problems(self)
        if bad:
            return "FAIL: " + "; ".join(bad)
        fn, fault = self.function, self.fault
        if fault == "latency":
            text = "ok: slow answer"
        elif fault == "lockout":
            text = "key refused: 1 request, then silent"
        elif fault == "quota":
            text = "quota: not retried, waits"
        elif fn in WRITES:
            text = "not retried (costs money)" if fn in PAID else "not retried (write)"
            text += ", error shown"
        elif fn == "pos_get":
            text = f"polled on, retried {self.extra.get('retries', 0)}×, error shown"
        else:
            text = f"retried {max(0, self.attempts - 1)}×, error shown"
        if fault in ("lockout",):
            text += "; recovered after key re-entry"
        else:
            text += ", recovered"
        if self.reconciled:
            text += ", state synced"
        return text


def problems(o: Outcome, scale: Scale = FAST, *, stalls: bool = True) -> list[str]:
    """The promises an outcome breaks (empty: the cell is fine). ``stalls``: count an
    event-loop stall over the scale's limit as one (the script's report does; the tests do
    not: a stall is a figure of time, which a loaded machine changes)."""
    out: list[str] = []
    fn, fault = o.function, o.fault
    if stalls and o.max_stall > scale.stall_limit:
        out.append(f"event loop stalled {o.max_stall * 1000:.0f} ms")
    if fault == "latency":
        if o.error is not None:
            out.append(f"a slow answer failed: {o.error!r}")
    else:
        expected = EXPECTED[fault]
        if o.error is None:
            out.append("no error reported")
        elif not isinstance(o.error, expected):
            out.append(f"{type(o.error).__name__} instead of {expected}")
        en, ru = o.messages
        if o.error is not None and (
            not en.strip() or not ru.strip() or en == ru or "client" in en.lower()
        ):
            out.append(f"unclear message en={en!r} ru={ru!r}")
        if fault == "lockout" and isinstance(o.error, AuthError) and not o.error.locked:
            out.append("lockout not recognised as such")
        if fault == "lockout" and o.total_after_refusal:
            out.append(f"{o.total_after_refusal} requests after the key was refused")
        if (
            fn in WRITES
            and isinstance(o.error, TransportError)
            and o.error.maybe_applied
            and "check" not in en
        ):
            out.append("a write of unknown outcome does not say to check")
    if fn in WRITES:
        if o.attempts != 1:
            out.append(f"write sent {o.attempts} times")
        if o.sent_after_recovery:
            out.append(f"write re-sent {o.sent_after_recovery} times after recovery")
    elif fault in TRANSPORT and fn not in ("pos_get",) and o.attempts and o.attempts != 3:
        out.append(f"read sent {o.attempts} times (expected 1 + 2 retries)")
    if not o.recovered:
        out.append("no recovery")
    if o.reconciled is False:
        out.append("the engine does not show the server's state after recovery")
    return out


class StallMeter:
    """The longest gap between two 10 ms ticks of the running loop, minus the 10 ms."""

    STEP = 0.01

    def __init__(self) -> None:
        self.max = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(self.STEP)
            self.max = max(self.max, time.perf_counter() - started - self.STEP)

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._tick())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

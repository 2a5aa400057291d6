"""The simulated Movizor account: subscribers, money, events, shares and their rules.

``World.handle(function, params)`` answers one API call (params already parsed PHP-style,
key and project already checked by the HTTP front) with the full JSON envelope as a dict.
Before answering it processes everything that fell due up to ``clock.now()``.

Time is event-driven. Every future happening (an SMS going out, a driver's answer, a
periodic or scheduled fix, a request's result, a midnight tariff switch, an auto-off) is
an entry in one heap ordered by (time, sequence). Advancing the world pops due entries in
order, and an entry may push later ones. Each subscriber owns four chains (life, fix,
schedule, auto-off). Bumping a chain's token cancels its queued entries lazily. Motion
costs nothing between fixes: a truck's position comes from its precomputed plan.
Processing is deterministic for a given seed. Splitting one advance into several gives
the same result, because the heap always pops the earliest entry.

``dialect`` (see :mod:`.dialects`) chooses how the world answers where the sources
disagree; ``tariffs`` is that dialect's tariff plan.

Behaviour the documents leave open is settled in the module that implements it (see
lifecycle, routing, inputs, api_objects, api_positions, api_account, tariffs, operators,
motion, lbs, gazetteer and seed). Two switches make tests deterministic:
``auto_answer`` (False: drivers never answer on their own) and
``request_success_rate`` (default 0.85).
"""

from __future__ import annotations

import heapq
import random
import threading
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import api_account, api_objects, api_positions, lifecycle, protocol
from .clock import SimClock
from .dialects import Dialect
from .model import Event, Request, Share, Subscriber, Subscription
from .msk import next_midnight
from .operators import BLOCKED_SUFFIX
from .render import error, raw_error
from .tariffs import TariffPlan, plan

__all__ = ["World"]

Handler = Callable[["World", dict[str, Any]], dict[str, Any]]
HANDLERS: dict[str, Handler] = {
    **api_objects.HANDLERS,
    **api_positions.HANDLERS,
    **api_account.HANDLERS,
}

MAX_EVENTS = 200_000
FIRST_EVENT_ID = 35_000_000
FIRST_REQUEST_ID = 22_000_000
FIRST_SHARE_ID = 2
FIRST_SUBSCRIPTION_ID = 5024


class World:
    def __init__(
        self,
        *,
        clock: SimClock,
        seed: int = 1,
        fleet: int = 0,
        balance: Decimal = Decimal("4765.50"),
        credit: Decimal = Decimal("0.00"),
        auto_answer: bool = True,
        dialect: Dialect | None = None,
    ) -> None:
        self.clock = clock
        self.dialect = dialect or Dialect()
        self.tariffs: TariffPlan = plan(self.dialect.tariffs)
        self.lock = threading.RLock()
        self.seed = seed
        self.balance = Decimal(balance)
        self.credit = Decimal(credit)
        self.auto_answer = auto_answer
        self.request_success_rate = 0.85
        self.subs: dict[str, Subscriber] = {}
        self.by_uid: dict[int, Subscriber] = {}
        self.events: list[Event] = []
        self.requests: dict[int, Request] = {}
        self.shares: dict[str, Share] = {}
        self.subscriptions: dict[int, Subscription] = {}
        self.blocklist: set[str] = set()
        self.foreign: set[str] = set()
        self._injected: dict[str, deque[str]] = {}
        self._heap: list[tuple[int, int, str, int, int, Any]] = []
        self._seq = 0
        self._uid = 0
        self._ids = random.Random(f"{seed}:ids")
        self.rng = random.Random(f"{seed}:world")
        self._event_id = FIRST_EVENT_ID + self._ids.randrange(500_000)
        self._request_id = FIRST_REQUEST_ID + self._ids.randrange(100_000)
        self._share_id = FIRST_SHARE_ID
        self._subscription_id = FIRST_SUBSCRIPTION_ID
        now = clock.timestamp()
        with self.lock:
            if fleet > 0:
                from . import seed as seeding

                self._now = now - seeding.HISTORY_SECONDS
                self.at(next_midnight(self._now), "midnight")
                seeding.populate(self, fleet, anchor=now)
                self.advance_to(now)
                self.balance, self.credit = Decimal(balance), Decimal(credit)
            else:
                self._now = now
                self.at(next_midnight(now), "midnight")

    # -- time ---------------------------------------------------------------------------

    @property
    def now(self) -> int:
        """The instant the world has been processed up to (unix seconds)."""
        return self._now

    def at(self, t: int, kind: str, uid: int = 0, token: int = 0, payload: Any = None) -> None:
        """Queue an action ``kind`` at time ``t`` (see lifecycle.ACTIONS)."""
        self._seq += 1
        heapq.heappush(self._heap, (int(t), self._seq, kind, uid, token, payload))

    def advance_to(self, t: int) -> None:
        with self.lock:
            heap = self._heap
            while heap and heap[0][0] <= t:
                item = heapq.heappop(heap)
                if item[0] > self._now:
                    self._now = item[0]
                lifecycle.dispatch(self, item)
            if t > self._now:
                self._now = t

    def advance_to_now(self) -> None:
        self.advance_to(self.clock.timestamp())

    # -- the API ------------------------------------------------------------------------

    def handle(self, function: str, params: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.advance_to_now()
            handler = HANDLERS.get(function)
            if handler is None:
                return raw_error("0", "Unknown function")
            queue = self._injected.get(function)
            if queue:
                code = queue.popleft()
                if not queue:
                    del self._injected[function]
                return error(function, code)
            return handler(self, params)

    # -- bookkeeping used by the rules --------------------------------------------------

    def emit(self, phone: str, kind: str, ts: int | None = None) -> Event:
        self._event_id += self._ids.randint(1, 40)
        event = Event(self._event_id, self._now if ts is None else ts, phone, kind)
        self.events.append(event)
        if len(self.events) > MAX_EVENTS:
            del self.events[: MAX_EVENTS // 10]
        return event

    def events_after(self, after_id: int) -> list[Event]:
        return self.events[bisect_right(self.events, after_id, key=lambda e: e.id) :]

    def charge(self, amount: Decimal) -> None:
        self.balance -= amount

    def can_pay(self, amount: Decimal) -> bool:
        return self.balance + self.credit >= amount

    def next_uid(self) -> int:
        self._uid += 1
        return self._uid

    def next_request_id(self) -> int:
        self._request_id += self._ids.randint(1, 25)
        return self._request_id

    def next_share_id(self) -> int:
        self._share_id += 1
        return self._share_id - 1

    def next_subscription_id(self) -> int:
        self._subscription_id += self._ids.randint(1, 3)
        return self._subscription_id

    def register(self, sub: Subscriber) -> None:
        self.subs[sub.phone] = sub
        self.by_uid[sub.uid] = sub

    def remove(self, sub: Subscriber) -> None:
        """Delete a subscriber with its history (its queued actions die with it)."""
        self.subs.pop(sub.phone, None)
        self.by_uid.pop(sub.uid, None)

    def is_blocked(self, phone: str) -> bool:
        return phone in self.blocklist or phone.endswith(BLOCKED_SUFFIX)

    def _sub(self, phone: str) -> Subscriber:
        sub = self.subs.get(phone)
        if sub is None:
            raise KeyError(phone)
        return sub

    # -- control ------------------------------------------------------------------------

    def confirm(self, phone: str) -> None:
        """The driver accepts: ok, confirmed, event confirm, the tariff is charged."""
        with self.lock:
            self.advance_to_now()
            lifecycle.confirm(self, self._sub(phone))

    def reject(self, phone: str) -> None:
        with self.lock:
            self.advance_to_now()
            lifecycle.reject(self, self._sub(phone))

    def expire_confirmation(self, phone: str) -> None:
        with self.lock:
            self.advance_to_now()
            lifecycle.no_confirm(self, self._sub(phone))

    def set_dialect(self, dialect: Dialect) -> None:
        """Answer in ``dialect`` from now on. The tariff plan can change only while the
        account is empty: the subscribers' tariff ids belong to the plan they were added in.
        """
        with self.lock:
            if dialect.tariffs != self.dialect.tariffs and self.subs:
                raise ValueError(
                    "the tariff plan can change only on an empty account; "
                    "start the simulator with --dialect instead"
                )
            self.dialect = dialect
            self.tariffs = plan(dialect.tariffs)

    def set_status(self, phone: str, status: str) -> None:
        """Force any documented status (``limited`` also emits event ``limit``)."""
        if status not in set(protocol.Status):
            raise ValueError(f"unknown status {status!r}")
        with self.lock:
            self.advance_to_now()
            lifecycle.force_status(self, self._sub(phone), status)

    def block(self, phone: str) -> None:
        """Put a number on the block list (object_add 9, object_reactivate 2)."""
        with self.lock:
            self.blocklist.add(phone)

    def set_balance(self, balance: Decimal, credit: Decimal | None = None) -> None:
        with self.lock:
            self.balance = Decimal(balance)
            if credit is not None:
                self.credit = Decimal(credit)

    def inject_error(self, function: str, code: str, count: int = 1) -> None:
        """The next ``count`` calls of ``function`` answer documented error ``code``."""
        code = str(code)
        if function not in protocol.FUNCTIONS:
            raise ValueError(f"unknown function {function!r}")
        if code not in protocol.ERRORS.get(function, {}) and code not in protocol.GLOBAL_ERRORS:
            raise ValueError(f"{function} has no documented error {code!r}")
        with self.lock:
            if count <= 0:
                self._injected.pop(function, None)
            else:
                self._injected.setdefault(function, deque()).extend([code] * count)

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            statuses = Counter(sub.status for sub in self.subs.values())
            return {
                "now": self.clock.now().isoformat(),
                "timestamp": self._now,
                "speed": self.clock.speed,
                "subscribers": {s.value: statuses.get(s.value, 0) for s in protocol.Status},
                "subscribers_total": len(self.subs),
                "balance": f"{self.balance:.2f}",
                "credit": f"{self.credit:.2f}",
                "events": len(self.events),
                "last_event_id": self.events[-1].id if self.events else None,
                "pending_requests": sum(1 for s in self.subs.values() if s.pending),
                "shares": len(self.shares),
                "subscriptions": len(self.subscriptions),
                "injected_errors": {f: list(q) for f, q in self._injected.items()},
                "queued_actions": len(self._heap),
                "dialect": self.dialect.to_dict(),
            }

    def phones(self) -> list[str]:
        with self.lock:
            return list(self.subs)

"""The simulator's records: subscribers, fixes, requests, events, shares, subscriptions."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .motion import Plan

__all__ = [
    "Event",
    "Fix",
    "Request",
    "RoutePoint",
    "Schedule",
    "Share",
    "Subscriber",
    "Subscription",
]

# Heap chains a subscriber owns; bumping a chain's token cancels its queued actions.
LIFE, FIX, SCHED, OFF = "life", "fix", "sched", "off"


@dataclass(slots=True)
class RoutePoint:
    text: str
    lat: float
    lon: float
    time: int | None  # planned arrival (unix) or None
    time_text: str  # as echoed: "dd.mm.yyyy hh:mm" or ""
    status: str = "new"  # new | ok | late | finished
    finished: int | None = None


@dataclass(slots=True)
class Schedule:
    days: tuple[bool, ...]  # Monday … Sunday
    times: tuple[tuple[int, int], ...]  # sorted (hour, minute)

    @property
    def active(self) -> bool:
        return any(self.days) and bool(self.times)


@dataclass(slots=True)
class Fix:
    ts: int  # when the operator located the phone
    ts_req: int  # when the answer was recorded (>= ts)
    lat: float
    lon: float
    radius: int
    place: str
    distance: str | None
    ftime: str | None
    fstatus: str | None


@dataclass(slots=True)
class Request:
    id: int
    uid: int
    phone: str
    ts: int
    state: str = "queue"  # queue | ok | failed
    fix: Fix | None = None


@dataclass(slots=True)
class Event:
    id: int
    ts: int
    phone: str
    type: str


@dataclass(slots=True)
class Share:
    id: int
    ts: int
    key: str
    phones: list[str]
    req_limit: int
    ts_off: int  # 0 = never
    client: str
    comments: str
    email: str
    req_cnt: int = 0


@dataclass(slots=True)
class Subscription:
    id: int
    ts: int
    phones_all: bool
    phones: list[str]
    type: str
    phone: str
    email: str
    telegram: bool


@dataclass(slots=True, eq=False)
class Subscriber:
    uid: int
    phone: str
    operator: str
    region: str
    rng: random.Random
    ts_add: int
    title: str
    tags: str = ""
    status: str = "new"
    confirmed: bool = False
    tariff: str = "0"  # an id of the world's tariff plan (object_add sets it)
    tariff_new: str | None = None
    package_prolong: int = 0
    package_since: int | None = None
    ts_off: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    route: list[RoutePoint] = field(default_factory=list)
    schedule: Schedule | None = None
    home: tuple[float, float] = (55.755826, 37.6173)
    plan: Plan | None = None
    fixes: list[Fix] = field(default_factory=list)
    last_attempt: int = 0  # last location attempt, successful or not
    pos_error: bool = False
    pending: Request | None = None
    last_request: int | None = None  # last pos_request (for the 5-minute rule)
    wait_since: int = 0  # when the current confirmation round started
    off_by: str = ""  # why the status is off: "delete" (object_delete) or "auto"
    obs_parked: bool | None = None  # what the server last observed
    obs_off_route: bool = False
    forecast: str | None = None
    route_info: tuple[str | None, str | None, str | None] | None = None  # at the last fix
    route_announced: bool = False
    answer: tuple[str, int] | None = None  # forced driver answer (seeded worlds)
    tokens: dict[str, int] = field(default_factory=lambda: {LIFE: 0, FIX: 0, SCHED: 0, OFF: 0})

    def bump(self, chain: str) -> int:
        self.tokens[chain] += 1
        return self.tokens[chain]

    @property
    def last_fix(self) -> Fix | None:
        return self.fixes[-1] if self.fixes else None

"""Which Movizor events become desktop alerts, and which are old news. No Qt here.

* :class:`AlertRules` — the dispatcher's choice: event types, quiet hours and sound.
  ``select(events, now)`` keeps the chosen events and returns nothing during quiet hours.
* :class:`Watermark` — the newest event already handled (announced, suppressed or seen as
  history) for one profile. Movizor's event ids grow, so "new" means an id above it.
* :class:`AlertGate` — one per session: feeds events through the watermark and the rules.
  Until it is *primed* (a watermark was stored by an earlier run, or the first connect of
  this run has finished) every event is history: it only moves the watermark. So neither
  the cached history at start-up, nor the newest page of a first connect, nor a reconnect
  that re-fetches is announced, and a restart does not announce again.
* :func:`plan` — coalescing: up to ``burst`` alerts are shown one by one, more become one
  summary. Either way a click on the notification selects the newest alert's subscriber.

Quiet hours are read on the dispatcher's own wall clock (the ``now`` the caller passes), as
"from–to" that may wrap midnight (22:00–07:00); from == to means no quiet hours at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from ..api.models import Event

DEFAULT_TYPES: frozenset[str] = frozenset(
    {
        "pos_late",
        "leftroute",
        "reject",
        "no_confirm",
        "request_error",
        "request_offline",
        "auto_off",
    }
)
BURST = 3  # more alerts than this in one change set become one summary
_CLOCK = re.compile(r"^\s*(\d{1,2})\s*[:.]\s*(\d{2})\s*$")


def parse_clock(text: str) -> time:
    """``"22:00"``, ``"7:05"`` or ``"07.05"`` as a time; ValueError for anything else."""
    match = _CLOCK.match(text or "")
    if match is None:
        raise ValueError(f"not a HH:MM time: {text!r}")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise ValueError(f"no such time of day: {text!r}")
    return time(hours, minutes)


def clock_text(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """From ``start`` (included) to ``end`` (excluded); wraps midnight when end < start."""

    start: time
    end: time

    @classmethod
    def parse(cls, start: str, end: str) -> QuietHours:
        return cls(parse_clock(start), parse_clock(end))

    @property
    def empty(self) -> bool:
        return self.start == self.end

    @property
    def overnight(self) -> bool:
        return self.end < self.start

    def contains(self, moment: time | datetime) -> bool:
        clock = moment.time() if isinstance(moment, datetime) else moment
        clock = clock.replace(tzinfo=None)
        start, end = self.start.replace(tzinfo=None), self.end.replace(tzinfo=None)
        if start == end:
            return False
        if start < end:
            return start <= clock < end
        return clock >= start or clock < end


@dataclass(frozen=True, slots=True)
class AlertRules:
    types: frozenset[str] = DEFAULT_TYPES
    quiet_hours: QuietHours | None = None
    sound: bool = True
    enabled: bool = True

    def wants(self, event: Event) -> bool:
        return self.enabled and event.type in self.types

    def quiet(self, now: datetime) -> bool:
        return self.quiet_hours is not None and self.quiet_hours.contains(now)

    def select(self, events: Iterable[Event], now: datetime) -> list[Event]:
        """The events to announce now, newest first (none during quiet hours)."""
        if not self.enabled or self.quiet(now):
            return []
        return newest_first(e for e in events if e.type in self.types)


@dataclass(frozen=True, slots=True)
class Watermark:
    """The newest event handled: its id, and the newest timestamp (for id-less events)."""

    last_id: int | None = None
    last_time: datetime | None = None

    def is_new(self, event: Event) -> bool:
        if event.id is not None:
            return self.last_id is None or event.id > self.last_id
        if event.timestamp is None:
            return False  # nothing to tell it from a copy: never announce it twice
        return self.last_time is None or event.timestamp > self.last_time

    def after(self, events: Iterable[Event]) -> Watermark:
        """This watermark moved past ``events`` (never backwards)."""
        last_id, last_time = self.last_id, self.last_time
        for event in events:
            if event.id is not None and (last_id is None or event.id > last_id):
                last_id = event.id
            stamp = event.timestamp
            if stamp is not None and (last_time is None or stamp > last_time):
                last_time = stamp
        return Watermark(last_id, last_time)


class AlertGate:
    """One session's filter: new events only, and none before it is primed.

    ``watermark`` is the one stored by an earlier run of the profile; None (nothing
    stored) means not primed yet."""

    def __init__(self, rules: AlertRules | None = None, watermark: Watermark | None = None) -> None:
        self.rules = rules or AlertRules()
        self._primed = watermark is not None
        self._mark = watermark or Watermark()

    @property
    def primed(self) -> bool:
        return self._primed

    @property
    def mark(self) -> Watermark:
        return self._mark

    def prime(self) -> bool:
        """History is over (the first connect finished): later events are news.
        True when this changed anything (the watermark is then worth saving)."""
        if self._primed:
            return False
        self._primed = True
        return True

    def feed(self, events: Iterable[Event], now: datetime) -> list[Event]:
        """The alerts among ``events`` (newest first); every new event moves the watermark,
        whether announced, of an unchosen type or arriving in quiet hours."""
        fresh = [e for e in events if self._mark.is_new(e)]
        if not fresh:
            return []
        self._mark = self._mark.after(fresh)
        if not self._primed:
            return []
        return self.rules.select(fresh, now)


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification: a single event, or a summary of several (newest first)."""

    events: tuple[Event, ...]

    @property
    def summary(self) -> bool:
        return len(self.events) > 1

    @property
    def phone(self) -> str:
        """The subscriber a click selects: the newest alert's."""
        return self.events[0].phone


def plan(alerts: list[Event], burst: int = BURST) -> list[Notice]:
    """Notifications for one change set's alerts (given newest first): one each, oldest
    first so the newest is shown last, or one summary when there are more than ``burst``."""
    if not alerts:
        return []
    if len(alerts) > max(1, burst):
        return [Notice(tuple(alerts))]
    return [Notice((event,)) for event in reversed(alerts)]


def newest_first(events: Iterable[Event]) -> list[Event]:
    return sorted(
        events,
        key=lambda e: (e.timestamp.timestamp() if e.timestamp else 0.0, e.id or 0),
        reverse=True,
    )


__all__ = [
    "BURST",
    "DEFAULT_TYPES",
    "AlertGate",
    "AlertRules",
    "Notice",
    "QuietHours",
    "Watermark",
    "clock_text",
    "newest_first",
    "parse_clock",
    "plan",
]

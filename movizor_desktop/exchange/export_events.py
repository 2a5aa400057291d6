"""The account's events of a period, fetched page by page and written as a table. No Qt.

Movizor's ``events`` has no date filter: without ``afterid`` it returns the newest
``limit`` events, with ``afterid`` the ``limit`` oldest events whose id is greater (both
newest first; ids grow with time, with gaps). :func:`fetch_period` therefore:

1. asks for the newest page (1,000); when it reaches back before the period's start (or
   is the whole history) the period is in it — one request in the usual case;
2. otherwise finds the first id of the period by bisection over ids, one small request
   (``limit`` 10) per step: the oldest event after id ``x`` gets later as ``x`` grows, so
   about 20 requests find the start even among millions of events;
3. then pages forward with ``afterid`` exactly as the sync engine polls, until a page
   passes the period's end or comes back short.

At most :data:`MAX_PAGES` forward pages are read (1,000,000 events); ``truncated`` says
when that cap was hit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from ..api.models import Event
from .export_table import Table

EventsCall = Callable[..., Awaitable[list[Event]]]  # client.events(afterid=, limit=)
PAGE = 1000
PROBE = 10  # the API's smallest limit
MAX_PAGES = 1000
MAX_PROBES = 64


@dataclass(slots=True)
class EventsResult:
    events: list[Event]  # oldest first, within [start, end]
    requests: int = 0
    truncated: bool = False


def _dated(events: list[Event]) -> list[Event]:
    return [e for e in events if e.timestamp is not None and e.id is not None]


async def fetch_period(
    call: EventsCall,
    start: datetime,
    end: datetime,
    *,
    page: int = PAGE,
    max_pages: int = MAX_PAGES,
) -> EventsResult:
    """Every event with ``start <= timestamp <= end``, oldest first."""
    result = EventsResult([])

    async def ask(**kw: int) -> list[Event]:
        result.requests += 1
        return _dated(await call(**kw))

    newest = await ask(limit=page)
    if not newest:
        return result
    oldest = min(newest, key=lambda e: e.id)  # type: ignore[arg-type, return-value]
    if len(newest) < page or oldest.timestamp <= start:  # type: ignore[operator]
        result.events = _within(newest, start, end)
        return result
    # The period starts before the newest page: find the last id before the start.
    lo, hi = 0, int(oldest.id)  # type: ignore[arg-type]
    for _ in range(MAX_PROBES):  # invariant: every event with id <= lo is before start
        if hi - lo <= 1:
            break
        mid = (lo + hi) // 2
        probe = await ask(afterid=mid, limit=PROBE)
        first = min(probe, key=lambda e: e.id) if probe else None  # type: ignore[arg-type, return-value]
        if first is None or first.timestamp >= start:  # type: ignore[operator]
            hi = mid
        else:
            lo = int(first.id)  # type: ignore[arg-type]
    found: list[Event] = []
    after = lo
    for _ in range(max_pages):
        chunk = await ask(afterid=after, limit=page)
        chunk = [e for e in chunk if e.id > after]  # type: ignore[operator]
        found += chunk
        if len(chunk) < page or any(e.timestamp > end for e in chunk):  # type: ignore[operator]
            break
        after = max(e.id for e in chunk)  # type: ignore[type-var, assignment]
    else:
        result.truncated = True
    result.events = _within(found, start, end)
    return result


def _within(events: list[Event], start: datetime, end: datetime) -> list[Event]:
    unique = {e.id: e for e in events if start <= e.timestamp <= end}  # type: ignore[operator]
    return sorted(unique.values(), key=lambda e: e.id)  # type: ignore[arg-type, return-value]


@dataclass(frozen=True, slots=True)
class EventTexts:
    """Translated headers (English defaults for tests and scripts)."""

    time_msk: str = "Time (MSK)"
    event: str = "Event"
    subscriber: str = "Subscriber"
    phone: str = "Phone"
    code: str = "Code"
    sheet: str = "Events"


def events_table(
    events: list[Event],
    texts: EventTexts = EventTexts(),
    *,
    type_names: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    phone_text: Callable[[str], str] = str,
) -> Table:
    """One row per event, oldest first: time, event in words, subscriber, phone, type code."""
    names = type_names or {}
    who = titles or {}
    rows: list[list[object]] = [
        [
            e.timestamp,
            names.get(e.type, e.type),
            who.get(e.phone, ""),
            phone_text(e.phone) if e.phone else "",
            e.type,
        ]
        for e in events
    ]
    headers = [texts.time_msk, texts.event, texts.subscriber, texts.phone, texts.code]
    return Table(headers, rows, sheet=texts.sheet)  # type: ignore[arg-type]


__all__ = ["EventTexts", "EventsResult", "events_table", "fetch_period"]

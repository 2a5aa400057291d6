"""Polling the event feed after the last id seen, and noticing when events may be missing.
No Qt here.

``events(afterid=N, limit=L)`` is disputed (``docs/protocol.md``): the 2017 reading gives
the *oldest* L events after N, so paging on from the newest id of each page loses nothing;
the other reading gives the *newest* L (the server's lists are newest first), and the
older ones are never sent. A morning start after a night of 500 events would then
silently lose everything between: confirmations, refusals, arrivals.

:class:`EventPoller` reads the feed so that it works in either reading:

* It asks for as many events per page as the document allows (``limit`` up to 1000), so
  a gap needs more than a page of events while the app was away.
* A page shorter than the limit is everything after N, in either reading: done.
* After a full page it asks on from that page's newest id. Under the 2017 reading the
  next page continues; under the other it is empty, and then the events between the last
  one known and the oldest one received may be missing: an :class:`EventGap`. (Exactly a
  page of new events gives the same picture once; the poller learns that the server
  continues pages as soon as it sees one continue, and then raises no more gaps.)

The engine then refreshes every status with ``object_list`` and the dispatcher is told
that events between the two times may be missing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from ..api.models import Event
from ..fleet import EventGap

if TYPE_CHECKING:
    from ..api.client import MovizorClient

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_PAGE = 1000  # the 2017 document's upper bound for ``limit``


@dataclass(slots=True)
class Poll:
    events: list[Event]
    gap: EventGap | None = None
    overflow: bool = False  # more pages remain: the rest comes next cycle


class EventPoller:
    def __init__(
        self, client: MovizorClient, *, limit: int = MAX_PAGE, max_pages: int = 10
    ) -> None:
        self.client = client
        self.limit = max(10, min(MAX_PAGE, int(limit)))
        self.max_pages = max(1, int(max_pages))
        self.pages_continue: bool | None = None  # learned: the server pages oldest first

    async def poll(
        self,
        after: int,
        *,
        since: datetime | None,
        call: Callable[[Awaitable[list[Event]]], Awaitable[list[Event]]],
    ) -> Poll:
        """Every event after id ``after`` (``since``: when the last known one happened),
        oldest page first. ``call`` wraps each request (the engine counts them)."""
        found: list[Event] = []
        cursor = after
        full_first: list[Event] | None = None
        for number in range(self.max_pages):
            page = await call(self.client.events(afterid=cursor, limit=self.limit))
            page = [e for e in page if e.id is None or e.id > cursor]
            ids = [e.id for e in page if e.id is not None]
            if number == 1 and full_first is not None:
                if page:
                    self.pages_continue = True
                elif not self.pages_continue:
                    return Poll(found, self._gap(after, since, full_first))
            found += page
            if len(page) < self.limit or not ids:
                return Poll(found)
            if number == 0:
                full_first = page
            cursor = max(ids)
        log.info(
            "event feed: more than %d pages after %d; the rest next cycle", self.max_pages, after
        )
        return Poll(found, overflow=True)

    @staticmethod
    def _gap(after: int, since: datetime | None, page: list[Event]) -> EventGap:
        stamps = [e.timestamp for e in page if e.timestamp is not None]
        until = min(stamps) if stamps else None
        log.warning(
            "event feed: a full page after id %d did not continue; events between "
            "%s and %s may be missing",
            after,
            since,
            until,
        )
        return EventGap(since, until, after)


def event_time(events: Iterable[Event], event_id: int) -> datetime | None:
    """When the event ``event_id`` happened, if it is among ``events``."""
    return next((e.timestamp for e in events if e.id == event_id), None)


__all__ = ["MAX_PAGE", "EventGap", "EventPoller", "Poll", "event_time"]

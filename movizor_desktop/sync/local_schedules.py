"""The request schedules saved from this computer, kept in the local cache. No Qt here.

No document and no captured answer shows ``object_get`` reporting a subscriber's schedule
(``sw1``…``sw7``, ``st[]``); the simulator's 2017 dialect does, its v2 dialect does not
(``docs/protocol.md``). Where Movizor does not report it, the app would otherwise show
"no schedule" for a subscriber that has one. So every schedule this computer saves
(object_add, object_edit) is remembered per phone with the time it was saved, and the
schedule page and the details pane show it, saying where it comes from.

Kept as one JSON document in the cache's ``meta`` table (a few bytes per subscriber).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from ..api.encoding import Schedule

log = logging.getLogger(__name__)

META_KEY = "local_schedules"


@dataclass(frozen=True, slots=True)
class LocalSchedule:
    """A schedule as last saved from this computer."""

    days: frozenset[int]
    times: tuple[str, ...]  # "hh:mm", sorted
    saved_at: datetime

    @property
    def empty(self) -> bool:
        return not self.days and not self.times


class LocalSchedules:
    """Phone → the schedule last saved from here."""

    def __init__(self) -> None:
        self._by_phone: dict[str, LocalSchedule] = {}

    def __len__(self) -> int:
        return len(self._by_phone)

    def get(self, phone: str) -> LocalSchedule | None:
        return self._by_phone.get(phone)

    def put(self, phone: str, schedule: Schedule, saved_at: datetime) -> LocalSchedule:
        entry = LocalSchedule(
            frozenset(schedule.days), tuple(t.strftime("%H:%M") for t in schedule.times), saved_at
        )
        self._by_phone[phone] = entry
        return entry

    def dumps(self) -> str:
        return json.dumps(
            {
                phone: {
                    "days": sorted(e.days),
                    "times": list(e.times),
                    "saved_at": e.saved_at.isoformat(),
                }
                for phone, e in self._by_phone.items()
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def load(self, text: str | None) -> None:
        """Replace the contents with a :meth:`dumps` text; a damaged one is skipped."""
        self._by_phone.clear()
        if not text:
            return
        try:
            data = json.loads(text)
            for phone, item in data.items():
                saved = datetime.fromisoformat(item["saved_at"])
                days = frozenset(int(d) for d in item["days"] if 1 <= int(d) <= 7)
                self._by_phone[str(phone)] = LocalSchedule(
                    days,
                    tuple(str(t) for t in item["times"]),
                    saved if saved.tzinfo else saved.replace(tzinfo=UTC),
                )
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("the saved schedules in the cache are damaged; starting without them")
            self._by_phone.clear()


__all__ = ["META_KEY", "LocalSchedule", "LocalSchedules"]

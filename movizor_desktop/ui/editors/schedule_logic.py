"""The request schedule without Qt: presets, the next scheduled requests, weekly cost.

A schedule makes the service request a position at each of its times on each of its
weekdays, in Moscow wall-clock time (``sw1``..``sw7`` = Monday..Sunday, ``st[]`` = hh:mm).
Both halves are needed: weekdays without times or times without weekdays request nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ...api.encoding import MSK, Schedule, parse_hhmm
from ...api.models import ScheduleInfo

WORKDAYS = frozenset(range(1, 6))
EVERY_DAY = frozenset(range(1, 8))


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    schedule: Schedule


PRESETS: tuple[Preset, ...] = (
    # working days, 9:00–18:00 every 2 hours (the last one at 17:00, inside the day)
    Preset("workdays", Schedule(WORKDAYS, tuple(time(h) for h in range(9, 18, 2)))),
    Preset("twice_daily", Schedule(EVERY_DAY, (time(8), time(20)))),
    Preset("weekdays_hourly", Schedule(WORKDAYS, tuple(time(h) for h in range(8, 21)))),
    Preset("clear", Schedule()),
)


def preset(key: str) -> Schedule:
    for item in PRESETS:
        if item.key == key:
            return item.schedule
    raise KeyError(key)


def from_info(info: Schedule | ScheduleInfo | None) -> Schedule:
    """A :class:`Schedule` from what object_get reported (times as ``hh:mm`` strings);
    unreadable times are dropped."""
    if info is None:
        return Schedule()
    if isinstance(info, Schedule):
        return info
    times = []
    for text in info.times:
        try:
            times.append(parse_hhmm(text))
        except ValueError:
            continue
    return Schedule(frozenset(d for d in info.days if 1 <= d <= 7), tuple(times))


def requests_per_week(schedule: Schedule) -> int:
    return len(schedule.days) * len(schedule.times)


def weekly_cost(schedule: Schedule, price: Decimal) -> Decimal:
    """What a week of scheduled requests costs at ``price`` per request."""
    return price * requests_per_week(schedule)


def upcoming(schedule: Schedule, now: datetime) -> Iterator[datetime]:
    """Scheduled request moments strictly after ``now``, as aware Moscow datetimes."""
    if not schedule.days or not schedule.times:
        return
    current = now.astimezone(MSK) if now.tzinfo else now.replace(tzinfo=MSK)
    day: date = current.date()
    while True:
        if day.isoweekday() in schedule.days:
            for moment in schedule.times:
                when = datetime.combine(day, moment, tzinfo=MSK)
                if when > current:
                    yield when
        day += timedelta(days=1)


def next_requests(schedule: Schedule, now: datetime, count: int = 10) -> list[datetime]:
    """The next ``count`` scheduled requests after ``now`` (Moscow time)."""
    out: list[datetime] = []
    for when in upcoming(schedule, now):
        if len(out) >= count:
            break
        out.append(when)
    return out


def problems(schedule: Schedule) -> list[str]:
    """Keys of what makes a schedule request nothing: ``no_days`` / ``no_times``."""
    if schedule.times and not schedule.days:
        return ["no_days"]
    if schedule.days and not schedule.times:
        return ["no_times"]
    return []


__all__ = [
    "EVERY_DAY",
    "PRESETS",
    "WORKDAYS",
    "Preset",
    "from_info",
    "next_requests",
    "parse_times",
    "preset",
    "problems",
    "requests_per_week",
    "upcoming",
    "weekly_cost",
]


_TIME_SPLIT = re.compile(r"[,;\s]+")


def parse_times(text: str) -> list[time]:
    """Times typed into the "add" field: ``9:00``, ``09:00``, ``9.00``, ``9``, ``930`` or
    several at once (``8:00, 12:00 18:00``). Raises ValueError naming the bad token."""
    out = []
    for token in filter(None, _TIME_SPLIT.split(text.strip())):
        clean = token.replace(".", ":").replace("-", ":")
        if clean.isdigit() and len(clean) <= 2:
            clean += ":00"
        elif clean.isdigit() and len(clean) in (3, 4):
            clean = f"{clean[:-2]}:{clean[-2:]}"
        try:
            out.append(parse_hhmm(clean))
        except ValueError:
            raise ValueError(token) from None
    return out

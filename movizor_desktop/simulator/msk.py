"""Moscow time (UTC+3 fixed, no DST since 2014) and the API's date formats.

Inputs: ``dateoff`` is ``dd.mm.yyyy hh:mm:ss`` and route times are ``dd.mm.yyyy hh:mm``,
both МСК; the parsers accept either form (seconds optional) and one- or two-digit
day/month/hour. Outputs are unix seconds; route times are echoed as ``dd.mm.yyyy hh:mm``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = [
    "DAY",
    "MSK",
    "day_start",
    "fmt_dateoff",
    "fmt_route_time",
    "msk_datetime",
    "next_midnight",
    "parse_hhmm",
    "parse_msk",
    "weekday",
]

MSK = timezone(timedelta(hours=3), "МСК")
DAY = 86400
_OFFSET = 3 * 3600

_DATE_RE = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
)
_HHMM_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_msk(text: str) -> int | None:
    """``"26.11.2026 18:00[:00]"`` (МСК) → unix seconds; ``None`` when it is not a date.

    A bare date means 00:00 of that day.
    """
    m = _DATE_RE.match(text or "")
    if m is None:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=MSK)
    except ValueError:
        return None
    return int(moment.timestamp())


def parse_hhmm(text: str) -> tuple[int, int] | None:
    """``"7:05"`` / ``"17:00"`` → (hour, minute); ``None`` when it is not a valid time."""
    m = _HHMM_RE.match(text or "")
    if m is None:
        return None
    hour, minute = int(m[1]), int(m[2])
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def msk_datetime(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, MSK)


def fmt_route_time(ts: int) -> str:
    return msk_datetime(ts).strftime("%d.%m.%Y %H:%M")


def fmt_dateoff(ts: int) -> str:
    return msk_datetime(ts).strftime("%d.%m.%Y %H:%M:%S")


def day_start(ts: int) -> int:
    """00:00 МСК of the day containing ``ts``."""
    return (ts + _OFFSET) // DAY * DAY - _OFFSET


def next_midnight(ts: int) -> int:
    """The first 00:00 МСК strictly after ``ts``."""
    return day_start(ts) + DAY


def weekday(ts: int) -> int:
    """0 = Monday … 6 = Sunday, in МСК."""
    return ((ts + _OFFSET) // DAY + 3) % 7  # 1970-01-01 was a Thursday

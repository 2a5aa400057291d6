"""Times and durations as the dispatcher types them in the plan's table.

Windows are Moscow time (Movizor's time, as everywhere in the app): ``26.11.2026 14:30``,
or ``26.11 14:30`` (the year of ``now``, or the next one when that date is more than half a
year past), or ``14:30`` alone (the next such moment after ``now``). A dwell is minutes
(``45``) or hours and minutes (``1:30``). Nothing here reads the clock: ``now`` is given.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ....api.encoding import MSK, to_msk

_FULL = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s+(\d{1,2}):(\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
DWELL_MAX_MIN = 7 * 24 * 60


def parse_msk(text: str, now: datetime) -> datetime | None:
    """The moment typed (Moscow time), None for an empty text; ValueError otherwise."""
    text = " ".join(text.split())
    if not text:
        return None
    here = to_msk(now)
    clock = _CLOCK.match(text)
    if clock:
        hour, minute = int(clock[1]), int(clock[2])
        moment = here.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return moment if moment > here else moment + timedelta(days=1)
    full = _FULL.match(text)
    if not full:
        raise ValueError(text)
    day, month, year = int(full[1]), int(full[2]), full[3]
    hour, minute = int(full[4]), int(full[5])
    moment = datetime(int(year) if year else here.year, month, day, hour, minute, tzinfo=MSK)
    if not year and moment < here - timedelta(days=183):
        moment = moment.replace(year=here.year + 1)
    return moment


def format_msk(moment: datetime | None) -> str:
    """``26.11.2026 14:30`` (Moscow time), "" for None: what :func:`parse_msk` reads."""
    return "" if moment is None else to_msk(moment).strftime("%d.%m.%Y %H:%M")


def parse_dwell(text: str) -> float:
    """Minutes (``45``) or ``h:mm`` (``1:30``); empty is 0; ValueError otherwise."""
    text = text.strip()
    if not text:
        return 0.0
    clock = _CLOCK.match(text)
    if clock:
        minutes = int(clock[1]) * 60 + int(clock[2])
    elif text.isdigit():
        minutes = int(text)
    else:
        raise ValueError(text)
    if minutes > DWELL_MAX_MIN:
        raise ValueError(text)
    return float(minutes)


def format_dwell(minutes: float) -> str:
    """``1:30``; ``0:00`` for none."""
    total = round(minutes)
    return f"{total // 60}:{total % 60:02d}"


__all__ = ["format_dwell", "format_msk", "parse_dwell", "parse_msk"]

"""Qt-free logic of the schedule editor: the preview in MSK, its presets and cost (the
route editor's legs and coordinates: tests/planning/test_legs_coords.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest

from movizor_desktop.api.encoding import MSK, Schedule
from movizor_desktop.api.models import ScheduleInfo
from movizor_desktop.ui.editors.schedule_logic import (
    PRESETS,
    from_info,
    next_requests,
    parse_times,
    preset,
    problems,
    requests_per_week,
    weekly_cost,
)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


# --- schedule --------------------------------------------------------------------------


def test_presets() -> None:
    assert [p.key for p in PRESETS] == ["workdays", "twice_daily", "weekdays_hourly", "clear"]
    workdays = preset("workdays")
    assert workdays.days == {1, 2, 3, 4, 5}
    assert workdays.times == tuple(time(h) for h in (9, 11, 13, 15, 17))
    assert preset("twice_daily") == Schedule(frozenset(range(1, 8)), (time(8), time(20)))
    hourly = preset("weekdays_hourly")
    assert hourly.days == {1, 2, 3, 4, 5} and len(hourly.times) == 13
    assert hourly.times[0] == time(8) and hourly.times[-1] == time(20)
    assert preset("clear").empty
    with pytest.raises(KeyError):
        preset("nope")


def test_preview_crosses_the_week_in_moscow_time() -> None:
    schedule = Schedule(frozenset({1, 7}), (time(0, 30), time(9, 0)))
    # Saturday 22:00 UTC is already Sunday 01:00 in Moscow: Sunday 00:30 has passed.
    now = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    upcoming = next_requests(schedule, now, 5)
    assert upcoming == [
        msk(2026, 11, 29, 9, 0),
        msk(2026, 11, 30, 0, 30),
        msk(2026, 11, 30, 9, 0),
        msk(2026, 12, 6, 0, 30),
        msk(2026, 12, 6, 9, 0),
    ]
    assert all(m.utcoffset() == timedelta(hours=3) for m in upcoming)
    assert [m.isoweekday() for m in upcoming] == [7, 1, 1, 7, 7]


def test_preview_is_strictly_after_now_and_ten_long() -> None:
    schedule = preset("workdays")
    now = msk(2026, 11, 27, 13, 0)  # a Friday, exactly at a request time
    upcoming = next_requests(schedule, now)
    assert len(upcoming) == 10
    assert upcoming[0] == msk(2026, 11, 27, 15, 0)
    assert upcoming[2] == msk(2026, 11, 30, 9, 0)  # over the weekend to Monday
    assert upcoming == sorted(upcoming)
    assert next_requests(Schedule(), now) == []
    assert next_requests(Schedule(frozenset({1}), ()), now) == []
    naive = next_requests(schedule, now.replace(tzinfo=None), 1)  # naive = MSK
    assert naive == [msk(2026, 11, 27, 15, 0)]


def test_cost_per_week_and_problems() -> None:
    assert requests_per_week(preset("workdays")) == 25
    assert weekly_cost(preset("twice_daily"), Decimal("3.00")) == Decimal("42.00")
    assert weekly_cost(Schedule(), Decimal("3.00")) == 0
    assert problems(Schedule(frozenset(), (time(9),))) == ["no_days"]
    assert problems(Schedule(frozenset({1}), ())) == ["no_times"]
    assert problems(Schedule()) == [] and problems(preset("workdays")) == []


def test_schedule_from_the_server_and_typed_times() -> None:
    info = ScheduleInfo(days=frozenset({1, 3}), times=("18:00", "9:00", "bad"))
    assert from_info(info) == Schedule(frozenset({1, 3}), (time(9), time(18)))
    assert from_info(None) == Schedule()
    assert parse_times("9:00") == [time(9)]
    assert parse_times("09:00, 12.30 1830;7") == [time(9), time(12, 30), time(18, 30), time(7)]
    for bad in ("25:00", "9:7", "noon", "12:60"):
        with pytest.raises(ValueError):
            parse_times(bad)

"""SimClock: scaled real time, manual jumps, speed changes without jumps."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.msk import (
    day_start,
    fmt_route_time,
    next_midnight,
    parse_hhmm,
    parse_msk,
    weekday,
)

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


class Monotonic:
    """A monotonic clock the test steps by hand."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def test_frozen_clock_moves_only_by_advance():
    real = Monotonic()
    clock = SimClock(start=START, speed=0, monotonic=real)
    assert clock.now() == START
    real.value += 3600  # an hour of real time
    assert clock.now() == START
    clock.advance(90.5)
    assert clock.now() == START + timedelta(seconds=90.5)
    assert clock.timestamp() == int(START.timestamp()) + 90
    assert clock.now().tzinfo is not None


def test_default_start_is_now_without_microseconds():
    clock = SimClock(speed=0)
    now = datetime.now(UTC)
    assert clock.now().microsecond == 0
    assert abs((clock.now() - now).total_seconds()) < 2


def test_speed_scales_real_time_and_changing_it_does_not_jump():
    real = Monotonic()
    clock = SimClock(start=START, speed=1000, monotonic=real)
    real.value += 0.05
    assert clock.now() == START + timedelta(seconds=50)
    clock.speed = 0
    after = clock.now()
    assert after == START + timedelta(seconds=50)  # no jump when the speed changes
    real.value += 10
    assert clock.now() == after
    clock.speed = 1.0
    assert clock.speed == 1.0
    real.value += 2
    assert clock.now() == after + timedelta(seconds=2)


def test_real_time_by_default():
    """Without a clock of its own, a running clock follows time.monotonic()."""
    clock = SimClock(start=START, speed=1000)
    deadline = time.monotonic() + 5
    while clock.now() == START and time.monotonic() < deadline:
        time.sleep(0.001)
    assert clock.now() > START


def test_invalid_values_are_refused():
    with pytest.raises(ValueError):
        SimClock(start=datetime(2026, 1, 1), speed=1)  # naive
    with pytest.raises(ValueError):
        SimClock(start=START, speed=-1)
    clock = SimClock(start=START, speed=0)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.speed = float("nan")


def test_thread_safe_advances():
    clock = SimClock(start=START, speed=0)

    def work():
        for _ in range(1000):
            clock.advance(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert clock.now() == START + timedelta(seconds=4000)


def test_moscow_time_helpers():
    ts = parse_msk("26.11.2026 12:00:00")
    assert ts == int(START.timestamp())  # 12:00 МСК = 09:00 UTC
    assert parse_msk("26.11.2026 12:00") == ts
    assert parse_msk("1.2.2027 7:05") is not None
    assert parse_msk("31.02.2026 10:00") is None
    assert parse_msk("tomorrow") is None
    assert fmt_route_time(ts) == "26.11.2026 12:00"
    assert day_start(ts) == ts - 12 * 3600
    assert next_midnight(ts) == ts + 12 * 3600
    assert next_midnight(day_start(ts)) == day_start(ts) + 86400
    assert weekday(ts) == 3  # Thursday
    assert parse_hhmm("9:30") == (9, 30)
    assert parse_hhmm("24:00") is None
    assert parse_hhmm("12:60") is None

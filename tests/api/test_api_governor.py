"""The request governor: rolling hour, per-second pacing, concurrency, exposed budget."""

from __future__ import annotations

import asyncio

import pytest

from movizor_desktop.api import BudgetExceededError, RequestGovernor


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_hour_budget_refuses_at_once_and_recovers_after_the_window(run):
    clock = FakeClock()
    gov = RequestGovernor(hourly_limit=3, per_second=100, clock=clock)

    async def burst(n):
        for _ in range(n):
            await gov.acquire("events")
            gov.release()

    run(burst(3))
    assert gov.snapshot().used == 3 and gov.snapshot().remaining == 0
    with pytest.raises(BudgetExceededError) as info:
        run(burst(1))
    assert 3599 <= info.value.retry_after <= 3600
    assert "лимит" in info.value.message("ru")
    clock.now += 3600
    run(burst(1))
    assert gov.snapshot().used == 1


def test_per_second_pacing_delays_instead_of_failing(run):
    gov = RequestGovernor(per_second=5, concurrency=10)

    async def scenario():
        loop = asyncio.get_running_loop()
        start = loop.time()
        for _ in range(11):
            await gov.acquire()
            gov.release()
        return loop.time() - start

    elapsed = run(scenario())
    assert 1.9 <= elapsed < 3.5  # 11 calls at 5/s need two extra windows


def test_concurrency_is_bounded(run):
    gov = RequestGovernor(concurrency=2, per_second=1000)
    peak = 0

    async def worker():
        nonlocal peak
        await gov.acquire()
        try:
            peak = max(peak, gov.snapshot().in_flight)
            await asyncio.sleep(0.02)
        finally:
            gov.release()

    async def scenario():
        await asyncio.gather(*(worker() for _ in range(8)))

    run(scenario())
    assert peak == 2
    assert gov.snapshot().in_flight == 0


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        RequestGovernor(concurrency=0)

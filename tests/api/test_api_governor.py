"""The request governor: rolling hour, per-second pacing, concurrency, exposed budget."""

from __future__ import annotations

import asyncio
import itertools

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
            clock.now += 0.25  # sends are spaced: the clock must move between them

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
    assert elapsed >= 1.9  # 11 calls at 5/s need two extra windows (and never fail)


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


def test_sends_are_spaced_evenly_and_never_burst(run, monkeypatch):
    """With a clock that moves only when the governor sleeps: 50 callers at once get
    sends exactly 1/10 s apart, never more than 10 in a rolling second."""
    clock = FakeClock()

    async def fake_sleep(seconds: float) -> None:
        clock.now += seconds
        await real_sleep(0)

    real_sleep = asyncio.sleep
    monkeypatch.setattr("movizor_desktop.api.governor.asyncio.sleep", fake_sleep)
    gov = RequestGovernor(clock=clock)
    sent: list[float] = []

    async def caller():
        await gov.acquire()
        sent.append(clock.now)
        gov.release()

    async def scenario():
        await asyncio.gather(*(caller() for _ in range(50)))

    run(scenario())
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert min(gaps) >= 0.1 - 1e-9
    assert max(sum(1 for t in sent if s <= t < s + 1.0) for s in sent) <= 10


def _most_in_a_second(times: list[float]) -> int:
    times = sorted(times)
    return max(sum(1 for t in times[i:] if t <= start + 1.0) for i, start in enumerate(times))


def test_at_most_13_requests_in_any_second_at_the_server(run):
    """200 concurrent callers through one client; the simulator (its own process, as a
    real server would be) logs when each request arrived: no sliding second holds more
    than 13, against Movizor's 15."""
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    from movizor_desktop.api import MovizorClient
    from movizor_desktop.simulator import SimControl

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "movizor_desktop.simulator",
            "--port",
            "0",
            "--fleet",
            "5",
            "--speed",
            "0",
            "--key",
            "k",
            "--start",
            "2026-11-26T12:00:00+03:00",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        match = re.search(r"serving (\S+) .* control at (\S+)", line)
        assert match, line
        base_url, control_url = match[1], match[2]
        measured = 60

        async def scenario():
            async with MovizorClient(base_url, project="demo", key="k") as client:
                done = asyncio.Event()
                finished = 0

                async def caller(i: int):
                    nonlocal finished
                    await (client.object_list() if i % 2 else client.events())
                    finished += 1
                    if finished >= measured:
                        done.set()

                tasks = [asyncio.ensure_future(caller(i)) for i in range(200)]
                await done.wait()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

        run(scenario(), timeout=60)
        with SimControl(control_url) as control:
            log = control.requests()["last"]
        arrivals = [entry["received"] for entry in log]
        assert len(arrivals) >= measured
        most = _most_in_a_second(arrivals)
        print(f"requests at the server: {len(arrivals)}, most in one second: {most}")
        assert most <= 13
    finally:
        proc.terminate()
        proc.wait(10)

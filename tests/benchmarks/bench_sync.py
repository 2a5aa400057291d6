"""Requests per sync cycle: the SyncEngine against the naive strategy, on the simulator.

    python tests/benchmarks/bench_sync.py          # JSON lines on stdout
    python tests/benchmarks/run_all.py sync

For fleets of 100 and 1,000 subscribers (a seeded simulator on loopback, its clock
frozen), the engine connects and fills the details, then one *idle* cycle is counted on
the simulator's request log. After 30 simulated minutes (events, moves) one *active*
cycle is counted too. The naive strategy — object_list, then object_get and pos_last for
every subscriber — is measured the same way in the same run. The request governor's
per-second limit is lifted so the figures come quickly; it does not change the counts.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.sync import SyncEngine

SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
KEY = "bench-key"
FLEETS = (100, 1000)
HOURLY_LIMIT = 5000


def _figure(
    name: str, value: float, unit: str, goal: str | None = None, **extra: Any
) -> dict[str, Any]:
    figure: dict[str, Any] = {"name": name, "value": value, "unit": unit}
    if goal is not None:
        figure["goal"] = goal
    figure.update(extra)  # better="higher" / None: see compare.py
    return figure


async def _naive_cycle(client: MovizorClient, concurrency: int = 4) -> None:
    """What a client without events would do each cycle."""
    summaries = await client.object_list()
    semaphore = asyncio.Semaphore(concurrency)

    async def one(phone: str) -> None:
        async with semaphore:
            await client.object_get(phone)
            await client.pos_last(phone)

    await asyncio.gather(*(one(s.phone) for s in summaries), return_exceptions=True)


def _measure(size: int) -> list[dict[str, Any]]:
    from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World

    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=size)
    server = SimulatorServer(world, project="demo", key=KEY, quota_per_hour=10**9).start()
    figures: list[dict[str, Any]] = []

    def total(control: SimControl) -> int:
        return int(control.requests()["total"])

    async def scenario(control: SimControl) -> None:
        # The engine and the naive loop each get a fresh hour of budget (5,000 requests).
        client = MovizorClient(
            server.base_url,
            project="demo",
            key=KEY,
            governor=RequestGovernor(per_second=100_000, hourly_limit=HOURLY_LIMIT),
        )
        naive = MovizorClient(
            server.base_url,
            project="demo",
            key=KEY,
            governor=RequestGovernor(per_second=100_000, hourly_limit=10**6),
        )
        try:
            engine = SyncEngine(client, balance_every=10**6)
            before = total(control)
            await engine.connect()
            cycles = 0
            while any(r.details is None for r in engine.fleet.rows()) and cycles < 100:
                await engine.cycle()
                cycles += 1
            fill_requests = total(control) - before
            figures.append(_figure(f"sync_fill_cycles_fleet{size}", cycles, "cycles"))
            figures.append(_figure(f"sync_fill_requests_fleet{size}", fill_requests, "requests"))

            before = total(control)
            started = time.perf_counter()
            await engine.cycle()
            elapsed = time.perf_counter() - started
            figures.append(
                _figure(
                    f"sync_idle_cycle_requests_engine_fleet{size}",
                    total(control) - before,
                    "requests",
                    "== 2",
                )
            )
            figures.append(
                _figure(f"sync_idle_cycle_ms_engine_fleet{size}", round(elapsed * 1000, 1), "ms")
            )

            control.advance(1800)
            before = total(control)
            await engine.cycle()
            figures.append(
                _figure(
                    f"sync_active_cycle_requests_engine_fleet{size}",
                    total(control) - before,
                    "requests",
                )
            )

            before = total(control)
            started = time.perf_counter()
            await _naive_cycle(naive)
            elapsed = time.perf_counter() - started
            naive_requests = total(control) - before
            figures.append(
                _figure(f"sync_idle_cycle_requests_naive_fleet{size}", naive_requests, "requests")
            )
            figures.append(
                _figure(f"sync_idle_cycle_ms_naive_fleet{size}", round(elapsed * 1000, 1), "ms")
            )
            figures.append(
                _figure(
                    f"sync_naive_cycles_per_hourly_budget_fleet{size}",
                    round(HOURLY_LIMIT / naive_requests, 2),
                    "cycles",
                    better=None,
                )
            )
        finally:
            await client.aclose()
            await naive.aclose()

    try:
        with SimControl(server.control_url) as control:
            asyncio.run(scenario(control))
    finally:
        server.stop()
    return figures


def run() -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    for size in FLEETS:
        figures += _measure(size)
    return figures


def main() -> int:
    for figure in run():
        print(json.dumps(figure, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

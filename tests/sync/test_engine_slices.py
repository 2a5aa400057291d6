"""A big answer is validated and applied in slices, yielding to the event loop between
them: a window sharing the loop's thread keeps reacting while a large fleet syncs.

Nothing is timed: a ticker task counts how many list items were validated (and rows
moved to their new fix) between two of its turns of the loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from itertools import pairwise

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.client_core import PARSE_SLICE
from movizor_desktop.fleet import FleetRow
from movizor_desktop.sync import SyncEngine
from movizor_desktop.sync.engine import APPLY_SLICE

SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SIM_KEY = "demo-key-123"
FLEET = 500  # more than two slices of each kind


@pytest.fixture
def big_sim():
    from movizor_desktop.simulator import SimClock, SimulatorServer, World

    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=FLEET)
    server = SimulatorServer(world, project="demo", key=SIM_KEY).start()
    yield server
    server.stop()


def test_connect_and_cycle_yield_between_slices(big_sim, run, monkeypatch) -> None:
    parsed, moved = [0], [0]
    parse, with_position = MovizorClient._parse, FleetRow.with_position

    def counting_parse(function, model, data):
        parsed[0] += 1
        return parse(function, model, data)

    def counting_with_position(row, pos):
        moved[0] += 1
        return with_position(row, pos)

    monkeypatch.setattr(MovizorClient, "_parse", staticmethod(counting_parse))
    monkeypatch.setattr(FleetRow, "with_position", counting_with_position)
    client = MovizorClient(
        big_sim.base_url,
        project="demo",
        key=SIM_KEY,
        governor=RequestGovernor(per_second=10_000, hourly_limit=10**6),
    )
    engine = SyncEngine(client, fill_batch=0, balance_every=1000)
    turns: list[tuple[int, int]] = []

    async def sync_with_a_ticker() -> None:
        done = False

        async def ticker() -> None:
            while not done:
                turns.append((parsed[0], moved[0]))
                await asyncio.sleep(0)

        task = asyncio.ensure_future(ticker())
        try:
            await engine.connect()
            await engine.cycle()
        finally:
            done = True
            await task

    try:
        run(sync_with_a_ticker(), timeout=60)
    finally:
        run(client.aclose())

    assert len(engine.fleet) == FLEET
    assert moved[0] > 3 * APPLY_SLICE  # the connect and the cycle each moved most rows
    most_parsed = max(b[0] - a[0] for a, b in pairwise(turns))
    most_moved = max(b[1] - a[1] for a, b in pairwise(turns))
    assert most_parsed <= PARSE_SLICE
    assert most_moved <= APPLY_SLICE

"""The parametrised fixture behind the main-flow tests: one seeded simulator per dialect
(``2017``, ``v2``, and a mix of their switches) on loopback, with the real client, sync
engine (cache in memory) and fleet actions on top."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World
from movizor_desktop.simulator.dialects import Dialect, dialect
from movizor_desktop.sync import FleetActions, SyncEngine
from tests.sync.test_sync_engine import MemoryCache

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday, 12:00 МСК
KEY = "dialect-key-7"

DIALECTS: dict[str, Dialect] = {
    "2017": dialect("2017"),
    "v2": dialect("v2"),
    # switches combine: v2's tariff ids, named "manual" by object_get; pages that continue;
    # bare values that clear; the 2017 wrong-key answer; escaped texts
    "mixed": dialect(
        "v2",
        {
            "manual_word": True,
            "events_after": "oldest",
            "bare_clears": True,
            "wrong_key": "access_denied",
        },
    ),
}


@dataclass
class Movizor:
    dialect: Dialect
    server: SimulatorServer
    ctl: SimControl
    client: MovizorClient
    engine: SyncEngine
    actions: FleetActions

    @property
    def world(self) -> World:
        return self.server.world

    def sent(self, function: str) -> list[dict[str, Any]]:
        """The parameters of every ``function`` request in the simulator's log."""
        return [e["params"] for e in self.ctl.requests()["last"] if e["function"] == function]

    def statuses(self) -> dict[str, str]:
        with self.world.lock:
            return {phone: sub.status for phone, sub in self.world.subs.items()}


def _movizor(name: str, fleet: int, run: Any, **engine_kw: Any) -> Iterator[Movizor]:
    world = World(clock=SimClock(start=START, speed=0), seed=1, fleet=fleet, dialect=DIALECTS[name])
    with (
        SimulatorServer(world, key=KEY, log_size=5000) as server,
        SimControl(server.control_url) as ctl,
    ):
        client = MovizorClient(
            server.base_url,
            project="demo",
            key=KEY,
            backoff=0.01,
            governor=RequestGovernor(per_second=100_000),
        )
        engine_kw.setdefault("balance_every", 100)
        engine = SyncEngine(client, MemoryCache(), **engine_kw)
        try:
            yield Movizor(DIALECTS[name], server, ctl, client, engine, FleetActions(client, engine))
        finally:
            run(engine.aclose())
            run(client.aclose())


@pytest.fixture(params=list(DIALECTS))
def movizor(request, run) -> Iterator[Movizor]:
    """A 40-subscriber account speaking each dialect in turn."""
    yield from _movizor(request.param, 40, run)


@pytest.fixture(params=list(DIALECTS))
def big_movizor(request, run) -> Iterator[Movizor]:
    """A 200-subscriber account (a night of it makes 500 events and more)."""
    yield from _movizor(request.param, 200, run)

"""The event poll in either reading of ``afterid``: it pages on where the server continues
pages, and where the server gives only the newest events it says which stretch of time
may be missing and refreshes every status with ``object_list``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.fleet import EventGap
from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World
from movizor_desktop.simulator.dialects import dialect
from movizor_desktop.sync import SyncEngine
from movizor_desktop.sync.event_gap import EventPoller

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
KEY = "gap-key"


@pytest.fixture(params=["oldest", "newest"])
def order(request) -> str:
    return request.param


@pytest.fixture
def world_sim(order) -> Iterator[tuple[SimulatorServer, SimControl]]:
    world = World(
        clock=SimClock(start=START, speed=0),
        fleet=40,
        dialect=dialect("2017", {"events_after": order}),
    )
    with SimulatorServer(world, key=KEY) as server, SimControl(server.control_url) as ctl:
        yield server, ctl


@pytest.fixture
def client(world_sim, run) -> Iterator[MovizorClient]:
    server, _ = world_sim
    api = MovizorClient(
        server.base_url, project="demo", key=KEY, governor=RequestGovernor(per_second=100_000)
    )
    yield api
    run(api.aclose())


def _emit(server: SimulatorServer, count: int) -> list[int]:
    """``count`` new events (requests of the first subscriber), one a minute."""
    world = server.world
    with world.lock:
        phone = world.phones()[0]
        return [world.emit(phone, "request", ts=world.now + 60 * i).id for i in range(count)]


def _lists(ctl: SimControl) -> int:
    return ctl.requests()["by_function"].get("object_list", 0)


def test_a_page_that_does_not_continue_is_a_possible_gap(world_sim, client, run, order):
    server, ctl = world_sim
    engine = SyncEngine(client, events_limit=10, balance_every=100)
    run(engine.connect())
    known = engine.events[0]
    emitted = _emit(server, 35)
    lists = _lists(ctl)
    changes = run(engine.cycle())
    got = sorted(e.id for e in changes.events)
    if order == "oldest":  # the pages continue: everything arrives, no gap
        assert got == emitted and changes.gaps == []
        assert _lists(ctl) == lists
    else:  # only the newest page arrives: the rest is a gap, statuses are refreshed
        assert got == emitted[-10:]
        (gap,) = changes.gaps
        assert gap.after_id == known.id and gap.since == known.timestamp
        assert gap.until == min(e.timestamp for e in changes.events)
        assert _lists(ctl) == lists + 1  # object_list in the same cycle
    assert engine.last_event_id == emitted[-1]


def test_a_night_of_500_events_arrives_whole_in_either_reading(world_sim, client, run):
    server, _ = world_sim
    engine = SyncEngine(client, balance_every=100)
    run(engine.connect())
    emitted = _emit(server, 500)
    changes = run(engine.cycle())
    assert sorted(e.id for e in changes.events) == emitted and changes.gaps == []


def test_the_poller_learns_that_pages_continue(world_sim, client, run, order):
    """Exactly a page of new events looks like a gap once; a server seen continuing a
    page is trusted from then on."""
    server, _ = world_sim
    poller = EventPoller(client, limit=10)

    async def call(awaitable: Any) -> Any:
        return await awaitable

    cursor = server.world.events[-1].id
    first = run(poller.poll(cursor, since=None, call=call))
    assert first.events == [] and first.gap is None
    emitted = _emit(server, 25)
    second = run(poller.poll(cursor, since=None, call=call))
    if order == "oldest":
        assert sorted(e.id for e in second.events) == emitted and second.gap is None
        assert poller.pages_continue is True
        exact = _emit(server, 10)
        third = run(poller.poll(emitted[-1], since=None, call=call))
        assert sorted(e.id for e in third.events) == exact and third.gap is None
    else:
        assert isinstance(second.gap, EventGap) and poller.pages_continue is None


@pytest.mark.parametrize("order", ["oldest"])  # overflow needs pages that continue
def test_overflow_asks_for_the_list_without_a_gap(world_sim, client, run, order):
    server, ctl = world_sim
    engine = SyncEngine(client, events_limit=10, balance_every=100)
    run(engine.connect())
    _emit(server, 150)  # more than 10 pages of 10
    lists = _lists(ctl)
    changes = run(engine.cycle())
    assert len(changes.events) == 100 and changes.gaps == []
    assert _lists(ctl) == lists + 1
    rest = run(engine.cycle())
    assert len(rest.events) == 50

"""SyncEngine against the simulator over loopback (no Qt): request costs, change
detection, cache, offline, refused key, budget."""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.errors import BudgetExceededError, RateLimitError, TransportError
from movizor_desktop.api.models import Event, Position
from movizor_desktop.fleet import ChangeSet, FleetRow
from movizor_desktop.sync import DETAIL_EVENTS, ConnectionState, SyncEngine

SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SIM_KEY = "demo-key-123"


class MemoryCache:
    """The store's Cache interface in memory; records the thread of every call."""

    def __init__(self) -> None:
        self.rows: dict[str, FleetRow] = {}
        self.positions: dict[str, list[Position]] = {}
        self.events: dict[int, Event] = {}
        self.meta: dict[str, str] = {}
        self.threads: set[int] = set()

    def _note(self) -> None:
        self.threads.add(threading.get_ident())

    def load_rows(self) -> list[FleetRow]:
        self._note()
        return list(self.rows.values())

    def save_rows(self, rows: list[FleetRow]) -> None:
        self._note()
        self.rows.update((r.phone, r) for r in rows)

    def delete_rows(self, phones: list[str]) -> None:
        self._note()
        for phone in phones:
            self.rows.pop(phone, None)

    def add_positions(self, phone: str, positions: list[Position]) -> None:
        self._note()
        self.positions.setdefault(phone, []).extend(positions)

    def add_events(self, events: list[Event]) -> None:
        self._note()
        self.events.update((e.id, e) for e in events if e.id is not None)

    def recent_events(self, limit: int = 500) -> list[Event]:
        self._note()
        return sorted(self.events.values(), key=lambda e: e.id, reverse=True)[:limit]

    def last_event_id(self) -> int | None:
        self._note()
        return max(self.events, default=None)

    def get_meta(self, key: str) -> str | None:
        self._note()
        return self.meta.get(key)

    def set_meta(self, key: str, value: str) -> None:
        self._note()
        self.meta[key] = value


def counts(control: Any) -> dict[str, int]:
    return dict(control.requests()["by_function"])


def delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {
        k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)
    }


async def until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.01)


def fast_client(base_url: str, key: str = SIM_KEY, **governor: Any) -> MovizorClient:
    governor.setdefault("per_second", 100_000)
    governor.setdefault("concurrency", 8)
    return MovizorClient(
        base_url, project="demo", key=key, backoff=0.01, governor=RequestGovernor(**governor)
    )


@pytest.fixture
def client(sim, run) -> Iterator[MovizorClient]:
    client = fast_client(sim.base_url)
    yield client
    run(client.aclose())


# --- connect and idle cycles ------------------------------------------------------------


def test_connect_builds_the_fleet(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100)
    seen: list[ChangeSet] = []
    engine.on_change = seen.append
    before = counts(sim_control)
    changes = run(engine.connect())
    used = delta(before, counts(sim_control))

    assert engine.status.state == ConnectionState.ONLINE
    assert engine.status.last_sync is not None and engine.status.balance is not None
    assert len(changes.added) == len(engine.fleet) == 40
    assert seen and seen[0] is changes
    assert used == {"object_list": 1, "pos_objects": 1, "events": 1, "balance": 1, "object_get": 40}
    assert engine.status.cycle_requests == 44

    summaries = run(client.object_list())
    assert {s.phone: s.status for s in summaries} == {
        r.phone: r.status for r in engine.fleet.rows()
    }
    for pos in run(client.pos_objects()):
        row = engine.fleet.get(pos.phone)
        assert row is not None
        if pos.has_fix:
            assert (row.lat, row.lon) == (pos.lat, pos.lon)
    assert all(r.details is not None for r in engine.fleet.rows())


def test_idle_cycle_costs_two_requests(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100)
    run(engine.connect())
    before = counts(sim_control)
    changes = run(engine.cycle())
    assert delta(before, counts(sim_control)) == {"events": 1, "pos_objects": 1}
    assert engine.status.cycle_requests == 2
    assert changes.empty


@pytest.mark.parametrize("size", [200, pytest.param(1000, marks=pytest.mark.slow)])
def test_idle_cycle_costs_two_requests_for_a_big_fleet_after_the_fill(size, run) -> None:
    from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World

    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=size)
    server = SimulatorServer(world, project="demo", key=SIM_KEY).start()
    client = fast_client(server.base_url)
    try:
        with SimControl(server.control_url) as control:
            engine = SyncEngine(client, fill_batch=250, balance_every=1000)
            run(engine.connect(), timeout=60)
            assert len(engine.fleet) == size
            cycles = 0
            while any(r.details is None for r in engine.fleet.rows()):
                cycles += 1
                assert cycles <= math.ceil(size / 250)
                run(engine.cycle(), timeout=60)
                # the fill is bounded per cycle
                assert engine.status.cycle_requests <= 2 + 250
            before = counts(control)
            run(engine.cycle())
            assert delta(before, counts(control)) == {"events": 1, "pos_objects": 1}
    finally:
        run(client.aclose())
        server.stop()


def test_balance_every_n_cycles_and_after_a_write(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=3)
    run(engine.connect())
    got = []
    for _ in range(3):
        before = counts(sim_control)
        run(engine.cycle())
        got.append(delta(before, counts(sim_control)).get("balance", 0))
    assert got == [0, 0, 1]
    engine.note_write()
    before = counts(sim_control)
    run(engine.cycle())
    assert delta(before, counts(sim_control)).get("balance") == 1


# --- change detection -------------------------------------------------------------------


def test_confirm_makes_the_row_ok_with_one_object_get(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100)
    run(engine.connect())
    waiting = [r.phone for r in engine.fleet.rows() if r.status in ("wait", "new")]
    assert waiting, "the seeded world should have subscribers awaiting confirmation"
    phone = waiting[0]
    sim_control.confirm(phone)
    before = counts(sim_control)
    changes = run(engine.cycle())
    assert delta(before, counts(sim_control)) == {"events": 1, "pos_objects": 1, "object_get": 1}
    assert engine.fleet.get(phone).status == "ok"
    assert [r.phone for r in changes.changed] == [phone]
    assert [(e.phone, e.type) for e in changes.events] == [(phone, "confirm")]


def test_time_passing_fetches_only_rows_named_by_events(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100, max_details=1000)
    run(engine.connect())
    sim_control.advance(2 * 3600)
    seq = sim_control.requests()["total"]
    changes = run(engine.cycle())
    log = [e for e in sim_control.requests()["last"] if e["seq"] > seq]
    fetched = {e["params"]["phone"] for e in log if e["function"] == "object_get"}
    named = {e.phone for e in changes.events}
    must = {e.phone for e in changes.events if e.type in DETAIL_EVENTS} & engine.fleet.phones()
    assert changes.events, "two hours of a 40 fleet should produce events"
    assert must, "and some of them should change details"
    assert must <= fetched <= named
    assert len(fetched) < len(engine.fleet)
    assert {e["function"] for e in log} == {"events", "pos_objects", "object_get"}


def test_new_and_deleted_subscribers(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100)
    run(engine.connect())
    newcomer = "79161230077"
    run(client.object_add(newcomer, title="Newcomer"))
    before = counts(sim_control)
    changes = run(engine.cycle())
    assert delta(before, counts(sim_control)) == {
        "events": 1,
        "pos_objects": 1,
        "object_list": 1,
        "object_get": 1,
    }
    assert [r.phone for r in changes.added] == [newcomer]
    assert engine.fleet.get(newcomer).title == "Newcomer"

    ok = next(r.phone for r in engine.fleet.rows() if r.status == "ok")
    assert run(client.object_delete(ok)).code == "DISABLED"
    sim_control.advance(300)
    run(engine.cycle())
    assert engine.fleet.get(ok).status == "off"
    assert run(client.object_delete(ok)).code == "DELETED"  # gone, with no event
    engine.mark_dirty(ok)
    changes = run(engine.cycle())
    assert ok not in engine.fleet
    assert changes.removed == [ok]


def test_visible_rows_are_refreshed_when_stale(sim_control, client, run) -> None:
    clock = {"now": datetime(2026, 1, 1, tzinfo=UTC)}
    engine = SyncEngine(client, balance_every=100, stale_after=300, now=lambda: clock["now"])
    run(engine.connect())
    visible = sorted(engine.fleet.phones())[:3]
    engine.set_visible(visible)
    before = counts(sim_control)
    run(engine.cycle())
    assert "object_get" not in delta(before, counts(sim_control))  # still fresh
    clock["now"] += timedelta(seconds=301)
    before = counts(sim_control)
    run(engine.cycle())
    assert delta(before, counts(sim_control)) == {"events": 1, "pos_objects": 1, "object_get": 3}
    engine.mark_dirty(visible[0])
    before = counts(sim_control)
    run(engine.cycle())
    assert delta(before, counts(sim_control)).get("object_get") == 1


# --- cache ------------------------------------------------------------------------------


@pytest.fixture(params=["memory", "sqlite"])
def cache(request, tmp_path) -> Iterator[Any]:
    if request.param == "memory":
        yield MemoryCache()
        return
    from movizor_desktop.store.cache import Cache

    with Cache(tmp_path / "cache.sqlite3") as sqlite_cache:
        yield sqlite_cache


def test_second_engine_shows_the_cached_fleet_without_requests(
    sim_control, client, cache, run
) -> None:
    first = SyncEngine(client, cache)
    run(first.connect())
    sim_control.advance(1800)  # some events and moves to write
    run(first.cycle())
    if isinstance(cache, MemoryCache):
        assert threading.get_ident() not in cache.threads  # never on the loop thread
        assert cache.positions
    assert len(cache.load_rows()) == 40 and cache.get_meta("last_sync")
    assert cache.last_event_id() == first.last_event_id

    total = sim_control.requests()["total"]
    second = SyncEngine(client, cache)
    changes = run(second.load_cache())
    assert sim_control.requests()["total"] == total
    assert {r.phone: r for r in changes.added} == {r.phone: r for r in first.fleet.rows()}
    assert second.last_event_id == first.last_event_id
    assert second.status.last_sync is not None

    before = counts(sim_control)
    run(second.connect())  # no fill needed: details came from the cache
    assert "object_get" not in delta(before, counts(sim_control))


# --- run loop: offline, refused key, budget ----------------------------------------------


def test_offline_and_back_by_itself(sim_control, client, run) -> None:
    engine = SyncEngine(client, interval=0.1, retry_base=0.02)
    states: list[ConnectionState] = []
    engine.on_status = lambda s: states.append(s.state)

    async def scenario() -> None:
        task = engine.start()
        await until(lambda: engine.status.state == ConnectionState.ONLINE)
        await asyncio.to_thread(sim_control.add_fault, "drop", None, None)
        await until(lambda: engine.status.state == ConnectionState.OFFLINE)
        assert engine.status.offline_since is not None
        assert len(engine.fleet) == 40
        tried = client.budget.used
        await until(lambda: client.budget.used >= tried + 3)  # keeps retrying
        assert not task.done() and engine.status.state == ConnectionState.OFFLINE
        await asyncio.to_thread(sim_control.clear_faults)
        await until(lambda: engine.status.state == ConnectionState.ONLINE)
        assert engine.status.offline_since is None and engine.status.error is None
        await engine.aclose()
        assert task.done()

    run(scenario())
    assert ConnectionState.OFFLINE in states


def test_refused_key_stops_polling_after_one_request(sim, sim_control, run) -> None:
    client = fast_client(sim.base_url, key="wrong-key")
    engine = SyncEngine(client, interval=0.02, retry_base=0.01)

    async def scenario() -> None:
        task = engine.start()
        await until(lambda: engine.status.state == ConnectionState.AUTH_FAILED)
        # nothing more can reach Movizor: the client's guard refuses every call locally
        # until the key changes (tests/api/test_api_keyguard.py)
        assert client.key_rejected and not task.done()
        total = (await asyncio.to_thread(sim_control.requests))["total"]
        assert total == 1
        client.set_key(SIM_KEY)
        engine.resume()
        await until(lambda: engine.status.state == ConnectionState.ONLINE)
        await engine.aclose()

    try:
        run(scenario())
    finally:
        run(client.aclose())


def test_budget_running_low_stretches_the_interval(sim_control, sim, run) -> None:
    client = fast_client(sim.base_url, hourly_limit=50)
    engine = SyncEngine(client, interval=60.0, balance_every=100)
    try:
        run(engine.connect())  # 4 + 40 object_get: 6 of 50 left (12 %)
        assert engine.policy().interval == 120.0
        engine.set_visible(engine.fleet.phones())
        engine._now = lambda: client.clock.now() + timedelta(hours=1)  # all stale
        before = counts(sim_control)
        run(engine.cycle())
        assert delta(before, counts(sim_control)) == {"events": 1, "pos_objects": 1}
        assert engine.policy().interval == 240.0  # below 10 %
        with pytest.raises(BudgetExceededError):
            for _ in range(5):
                run(engine.cycle())
        assert isinstance(engine.status.error, BudgetExceededError)
        assert engine.status.state == ConnectionState.ONLINE
    finally:
        run(client.aclose())


def test_event_pages_are_followed_to_the_end(sim_control, client, run) -> None:
    engine = SyncEngine(client, events_limit=10, balance_every=100)
    run(engine.connect())
    cursor = engine.last_event_id
    sim_control.advance(3 * 3600)
    expected = run(client.events(afterid=cursor, limit=1000))
    assert len(expected) > 20
    before = counts(sim_control)
    changes = run(engine.cycle())
    assert delta(before, counts(sim_control))["events"] == len(expected) // 10 + 1
    assert sorted(e.id for e in changes.events) == sorted(e.id for e in expected)
    assert engine.last_event_id == max(e.id for e in expected)
    assert engine.last_event_id == sim_control.state()["last_event_id"]


def test_server_quota_refusal_keeps_the_state(sim_control, client, run) -> None:
    engine = SyncEngine(client, balance_every=100)
    run(engine.connect())
    sim_control.set_quota(sim_control.quota()["used"])
    with pytest.raises(RateLimitError):
        run(engine.cycle())
    assert engine.status.state == ConnectionState.ONLINE
    assert isinstance(engine.status.error, RateLimitError)
    assert len(engine.fleet) == 40


class BrokenCache(MemoryCache):
    def save_rows(self, rows: list[FleetRow]) -> None:
        raise OSError("disk full")


@pytest.mark.logs_error(r"on_change listener failed", r"cache: save_rows failed")
def test_run_never_dies_on_a_broken_cache_or_listener(sim_control, client, run) -> None:
    engine = SyncEngine(client, BrokenCache(), interval=0.02)
    calls: list[int] = []

    def listener(changes: ChangeSet) -> None:
        calls.append(1)
        raise RuntimeError("listener bug")

    engine.on_change = listener

    async def scenario() -> None:
        task = engine.start()
        await until(lambda: engine.status.state == ConnectionState.ONLINE)
        sim_control.confirm(next(r.phone for r in engine.fleet.rows() if r.status == "wait"))
        await until(lambda: len(calls) >= 2)
        total = (await asyncio.to_thread(sim_control.requests))["total"]
        await until(lambda: sim_control.requests()["total"] >= total + 4)  # still cycling
        assert not task.done()
        await engine.aclose()

    run(scenario())


def test_refresh_now_wakes_the_loop(sim_control, client, run) -> None:
    engine = SyncEngine(client, interval=3600)

    async def scenario() -> None:
        engine.start()
        await until(lambda: engine.status.state == ConnectionState.ONLINE)
        total = (await asyncio.to_thread(sim_control.requests))["total"]
        engine.refresh_now()
        await until(lambda: sim_control.requests()["total"] == total + 2)
        await engine.aclose()

    run(scenario())


def test_offline_since_is_kept_in_the_cache(sim_control, client, run) -> None:
    cache = MemoryCache()
    engine = SyncEngine(client, cache)
    run(engine.connect())
    sim_control.add_fault("drop", None, None)
    with pytest.raises(TransportError):
        run(engine.cycle())
    since = engine.status.offline_since
    assert since is not None and cache.get_meta("offline_since") == since.isoformat()

    restarted = SyncEngine(client, cache)
    run(restarted.load_cache())
    assert restarted.status.offline_since == since  # the last run ended offline
    sim_control.clear_faults()
    run(restarted.connect())
    assert restarted.status.offline_since is None and not cache.get_meta("offline_since")

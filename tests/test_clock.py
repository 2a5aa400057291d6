"""Movizor's clock: learned from Date headers over loopback, smoothed, kept per profile,
and driven by the simulator in the demo. No Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from pathlib import Path

import pytest

from movizor_desktop.api import MovizorClient
from movizor_desktop.api.models import Event
from movizor_desktop.clock import SAMPLES, MovizorClock
from movizor_desktop.fleet import Fleet
from movizor_desktop.simulator import SimControl, SimulatorServer
from movizor_desktop.store import Cache
from movizor_desktop.sync import SyncEngine
from movizor_desktop.sync.clock_keeper import META_CLOCK_OFFSET, ClockKeeper
from movizor_desktop.sync.step import Step

PC = 1_800_000_000.0  # a fixed PC time (2027-01-15) for the Qt-free arithmetic


class Wall:
    """A PC clock the test moves by hand."""

    def __init__(self, now: float = PC) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def header(epoch: float) -> str:
    return formatdate(epoch, usegmt=True)


def test_a_fresh_clock_is_the_pc_clock_and_knows_no_skew() -> None:
    clock = MovizorClock(wall=Wall())
    assert clock.now() == datetime.fromtimestamp(PC, UTC)
    assert not clock.known and clock.skew() is None


def test_the_first_date_header_is_taken_at_once() -> None:
    wall = Wall()
    clock = MovizorClock(wall=wall)
    clock.observe_date(header(PC + 600), sent=PC - 0.2, received=PC + 0.2)
    assert clock.known and clock.skew() == pytest.approx(600.5, abs=0.01)
    wall.now += 60
    assert clock.now() == datetime.fromtimestamp(PC + 60 + 600.5, UTC)


def test_one_odd_answer_does_not_move_the_offset() -> None:
    clock = MovizorClock(wall=Wall())
    for _ in range(SAMPLES - 1):
        clock.observe_date(header(PC - 1200), sent=PC, received=PC)
    clock.observe_date(header(PC + 3600), sent=PC, received=PC)  # a proxy's stale Date
    assert clock.offset == pytest.approx(-1199.5)


def test_a_corrected_pc_clock_is_followed_within_a_few_answers() -> None:
    wall = Wall()
    clock = MovizorClock(wall=wall)
    for _ in range(SAMPLES):
        clock.observe_date(header(PC + 1200), sent=PC, received=PC)
    wall.now = PC + 1200  # IT fixed the PC's clock
    for _ in range(SAMPLES // 2 + 1):
        clock.observe_date(header(PC + 1200), sent=wall.now, received=wall.now)
    assert clock.offset == pytest.approx(0.5)


@pytest.mark.parametrize(
    "value", [None, "", "yesterday", "Mon, 99 Foo 2026 99:99:99 GMT", "Thu, 26 Nov 2026 09:00:00"]
)  # no zone: ignored too
def test_missing_or_broken_date_headers_are_ignored(value) -> None:
    clock = MovizorClock(wall=Wall())
    clock.observe_date(value, sent=PC, received=PC)
    assert not clock.known


def test_without_date_headers_the_newest_timestamp_is_a_lower_bound() -> None:
    clock = MovizorClock(wall=Wall())
    clock.observe_timestamp(datetime.fromtimestamp(PC + 300, UTC))
    assert clock.offset == pytest.approx(300)
    clock.observe_timestamp(datetime.fromtimestamp(PC + 100, UTC))  # older: no change
    assert clock.offset == pytest.approx(300)
    clock.observe_date(header(PC + 900), sent=PC, received=PC)
    clock.observe_timestamp(datetime.fromtimestamp(PC + 5000, UTC))  # Date wins from now on
    assert clock.offset == pytest.approx(900.5)


def test_a_kept_offset_is_used_until_an_answer_teaches_better() -> None:
    clock = MovizorClock(wall=Wall())
    clock.restore(-1200.0)
    assert clock.skew() == -1200.0
    clock.observe_date(header(PC - 600), sent=PC, received=PC)
    assert clock.offset == pytest.approx(-599.5)
    clock.restore(5.0)  # too late: the learned offset stays
    assert clock.offset == pytest.approx(-599.5)


def test_a_driven_clock_is_its_source_and_never_skewed() -> None:
    moment = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    clock = MovizorClock(source=lambda: moment, wall=Wall())
    clock.observe_date(header(PC), sent=PC, received=PC)
    clock.restore(100.0)
    assert clock.now() == moment and clock.driven and clock.skew() is None


@pytest.mark.logs_error(r"clock listener failed")
def test_listeners_hear_changes_and_a_failing_one_does_not_stop_learning() -> None:
    clock = MovizorClock(wall=Wall())
    heard: list[float] = []

    def broken(_clock: MovizorClock) -> None:
        raise RuntimeError("a broken listener")

    clock.add_listener(broken)
    clock.add_listener(lambda c: heard.append(c.offset))
    clock.observe_date(header(PC + 60), sent=PC, received=PC)
    clock.observe_date(header(PC + 60), sent=PC, received=PC)  # same: no news
    assert heard == [pytest.approx(60.5)]
    clock.remove_listener(broken)


def test_the_keeper_saves_only_real_changes_and_ignores_damage() -> None:
    clock = MovizorClock(wall=Wall())
    keeper = ClockKeeper(clock)
    assert keeper.meta() == {}
    keeper.restore("not a number")
    keeper.restore("nan")
    assert not clock.known
    clock.observe_date(header(PC + 600), sent=PC, received=PC)
    assert keeper.meta() == {META_CLOCK_OFFSET: "600.5"}
    clock.observe_date(header(PC + 600), sent=PC + 0.4, received=PC + 0.4)
    assert keeper.meta() == {}  # moved less than a second


def test_the_keeper_reads_the_newest_timestamp_of_a_step() -> None:
    clock = MovizorClock(wall=Wall())
    step = Step(Fleet())
    step.events = [Event(id=1, timestamp=datetime.fromtimestamp(PC + 42, UTC))]
    ClockKeeper(clock).observe(step)
    assert clock.offset == pytest.approx(42)


# --- over loopback ---------------------------------------------------------------------


@pytest.fixture
def ten_minutes_ahead():
    """A simulator on real time, 10 minutes ahead of this PC."""
    server = SimulatorServer.demo(seed=1, fleet=5, speed=1.0, key="k").start()
    with SimControl(server.control_url) as control:
        control.advance(600)
    yield server
    server.stop()


def test_the_client_learns_the_servers_time_from_its_answers(ten_minutes_ahead, run) -> None:
    async def scenario() -> MovizorClock:
        async with MovizorClient(ten_minutes_ahead.base_url, project="demo", key="k") as api:
            await api.balance()
            return api.clock

    clock = run(scenario())
    assert clock.skew() == pytest.approx(600, abs=2)
    assert abs(clock.now() - ten_minutes_ahead.world.clock.now()) < timedelta(seconds=2)


def test_the_offset_is_kept_per_profile_for_an_offline_start(
    ten_minutes_ahead, run, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"

    async def online() -> None:
        async with MovizorClient(ten_minutes_ahead.base_url, project="demo", key="k") as api:
            with Cache(path) as cache:
                engine = SyncEngine(api, cache)
                await engine.connect()
                await engine.aclose()

    async def offline() -> MovizorClock:
        async with MovizorClient("http://127.0.0.1:9/api/", project="demo", key="k") as api:
            with Cache(path) as cache:
                engine = SyncEngine(api, cache)
                await engine.load_cache()
                await engine.aclose()
            return api.clock

    run(online())
    with Cache(path) as cache:
        assert float(cache.get_meta(META_CLOCK_OFFSET) or 0) == pytest.approx(600, abs=2)
    clock = run(offline())
    assert clock.skew() == pytest.approx(600, abs=2)  # known before any answer

"""The driver's clock: the quick count of whole days (used by the ranking) agrees with the
stop-by-stop drive (used by the plan) for any distance, rule set and starting state."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movizor_desktop.planning.driving import DriverState, StopKind, drive, settle
from movizor_desktop.planning.rules import builtin_rule_sets
from tests.kits.planning import NO_TACHOGRAPH, aetr

RULE_SETS = [
    *builtin_rule_sets(),
    aetr(**NO_TACHOGRAPH),
    aetr(day={"max_duty_min": None}),
    aetr(**{"break": {"after_driving_min": 600}}),
]


@settings(max_examples=300, deadline=None)
@given(
    rules=st.sampled_from(RULE_SETS),
    minutes=st.floats(0, 20_000),
    since=st.floats(0, 300),
    today=st.floats(0, 560),
    duty=st.floats(0, 800),
    breaks=st.integers(0, 3),
)
def test_the_quick_count_equals_the_drive_stop_by_stop(
    rules, minutes, since, today, duty, breaks
) -> None:
    since, duty = min(since, today), max(duty, today)  # a state a driver can be in
    quick, slow = (DriverState(since, today, duty, breaks) for _ in range(2))
    seen: list[StopKind] = []
    fast = drive(quick, rules, minutes)
    full = drive(slow, rules, minutes, lambda kind, *_: seen.append(kind))
    assert fast == pytest.approx(full, rel=1e-9, abs=1e-6)
    assert quick.since_break == pytest.approx(slow.since_break, abs=1e-6)
    assert quick.today == pytest.approx(slow.today, abs=1e-6)


def test_settle_takes_what_is_owed_and_nothing_else() -> None:
    rules = aetr()
    assert settle(DriverState(100, 100, 100), rules) == 0
    owed = DriverState(270, 270, 270)
    assert settle(owed, rules) == 45 and owed == DriverState(0, 270, 315, 1)
    tired = DriverState(270, 540, 600, 1)
    assert settle(tired, rules) == 660 and tired == DriverState()


@pytest.mark.parametrize("rules", RULE_SETS, ids=lambda r: r.id)
def test_a_rested_driver_by_arithmetic_and_stop_by_stop(rules) -> None:
    for minutes in [
        0,
        1e-9,
        100,
        240,
        270,
        270.0000001,
        539.9999,
        540,
        541,
        1080,
        1080.5,
        2000,
        4321.5,
        10_000,
    ]:
        quick, slow = DriverState(), DriverState()
        fast = drive(quick, rules, minutes)
        full = drive(slow, rules, minutes, lambda *_: None)
        assert fast == pytest.approx(full, abs=1e-6), minutes
        assert (quick.since_break, quick.today, quick.duty, quick.breaks) == pytest.approx(
            (slow.since_break, slow.today, slow.duty, slow.breaks), abs=1e-6
        ), minutes

"""The arrival model, on hand-computed trips.

Every case drives at 60 km/h with a circuity of 1.0 (unless it says otherwise), so a
kilometre north of the origin is a minute of driving and the times can be checked by hand.
The rules are the AETR numbers: a 45-min break after 4 h 30 min of driving, 9 h of driving
a day, 13 h on duty, an 11-h daily rest.
"""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from movizor_desktop.planning import (
    Pace,
    PlanPoint,
    Start,
    StopKind,
    Verdict,
    compute_plan,
    default_rule_set,
)
from movizor_desktop.planning.arrival import StartKind
from movizor_desktop.planning.driving import DriverState
from movizor_desktop.planning.geo import road_km
from tests.kits.planning import NO_TACHOGRAPH, aetr, msk, north

FLAT = Pace(speed_kmh=60, circuity=1.0)
T0 = msk(2026, 12, 7, 8, 0)
RULES = aetr()


def start(at=T0, **kwargs) -> Start:
    return Start(50.0, 40.0, at, **kwargs)


def point(km: float, text: str = "", **kwargs) -> PlanPoint:
    lat, lon = north(km)
    return PlanPoint(text or f"{km:g} km", lat, lon, **kwargs)


def hm(hours: int, minutes: int = 0, day: int = 7) -> object:
    return msk(2026, 12, day, hours, minutes)


def stops(leg) -> list[tuple[str, object, object, bool]]:
    return [(s.kind.value, s.start, s.end, s.at_point) for s in leg.stops]


# --- breaks ---------------------------------------------------------------------------------


def test_a_leg_of_4_5_hours_gets_exactly_one_45_minute_break_before_the_next() -> None:
    plan = compute_plan(start(), [point(270), point(330)], RULES, FLAT)
    first, second = plan.legs
    assert first.driving_min == pytest.approx(270)
    assert first.arrival == hm(12, 30)  # the break is not needed to arrive
    assert stops(first) == [("break", hm(12, 30), hm(13, 15), True)]  # owed: at the point
    assert first.leave == second.departure == hm(13, 15)
    assert second.stops == () and second.arrival == hm(14, 15)
    assert len(plan.stops) == 1 and plan.stops[0].minutes == 45


def test_a_4_5_hour_leg_that_ends_the_trip_needs_no_break() -> None:
    (leg,) = compute_plan(start(), [point(270)], RULES, FLAT).legs
    assert leg.arrival == hm(12, 30) and leg.stops == () and leg.leave == hm(12, 30)


def test_a_break_on_the_road_falls_where_the_truck_is_after_4_5_hours() -> None:
    (leg,) = compute_plan(start(), [point(300)], RULES, FLAT).legs
    (brk,) = leg.stops
    assert (brk.kind, brk.start, brk.end, brk.at_point) == (
        StopKind.BREAK,
        hm(12, 30),
        hm(13, 15),
        False,
    )
    assert (brk.lat, brk.lon) == pytest.approx(north(270), abs=1e-6)  # 270 km along the way
    assert leg.arrival == hm(13, 45)


def test_floating_point_noise_at_the_limit_adds_no_phantom_break() -> None:
    # 4.5 h at a speed and circuity whose product is not exact in binary
    pace = Pace(speed_kmh=62.3, circuity=1.17)
    km = 270 / 60 * 62.3 / 1.17  # great-circle km that make exactly 4.5 h of driving
    plan = compute_plan(start(), [point(km), point(km + 10)], RULES, pace)
    assert [s.kind for s in plan.stops] == [StopKind.BREAK]
    assert plan.legs[0].arrival == hm(12, 30)


def test_waiting_for_a_window_counts_as_the_break_and_loading_does_not() -> None:
    waited = compute_plan(start(), [point(200, earliest=hm(12, 10)), point(400)], RULES, FLAT)
    first, second = waited.legs
    assert first.arrival == hm(11, 20) and first.wait_min == pytest.approx(50)
    assert first.service_start == first.leave == hm(12, 10)
    assert second.stops == () and second.arrival == hm(15, 30)  # 200 + 200 min, no break

    loaded = compute_plan(start(), [point(200, dwell_min=50), point(400)], RULES, FLAT)
    first, second = loaded.legs
    assert first.leave == hm(12, 10) and first.wait_min == 0
    # 200 min before + 70 min after the loading make the 4 h 30 min: a break on the road
    assert stops(second) == [("break", hm(13, 20), hm(14, 5), False)]
    assert second.arrival == hm(16, 15)


def test_an_owed_break_is_taken_on_arrival_and_overlaps_the_wait() -> None:
    plan = compute_plan(
        start(), [point(270, earliest=hm(14, 0), dwell_min=30), point(300)], RULES, FLAT
    )
    first = plan.legs[0]
    assert stops(first) == [("break", hm(12, 30), hm(13, 15), True)]
    assert first.wait_min == pytest.approx(45) and first.service_start == hm(14, 0)
    assert first.leave == hm(14, 30)


# --- daily rest ---------------------------------------------------------------------------


def test_a_1200_km_trip_gets_daily_rests() -> None:
    (leg,) = compute_plan(start(), [point(1200)], RULES, FLAT).legs
    # 4.5 h, break, 4.5 h (the day's 9 h), rest 11 h; again; then the last 2 h
    assert stops(leg) == [
        ("break", hm(12, 30), hm(13, 15), False),
        ("rest", hm(17, 45), hm(4, 45, day=8), False),
        ("break", hm(9, 15, day=8), hm(10, 0, day=8), False),
        ("rest", hm(14, 30, day=8), hm(1, 30, day=9), False),
    ]
    assert len(leg.rests) == 2 and all(r.minutes == 660 for r in leg.rests)
    assert leg.arrival == hm(3, 30, day=9) == T0 + timedelta(hours=43.5)
    assert (leg.rests[0].lat, leg.rests[0].lon) == pytest.approx(north(540), abs=1e-6)


def test_the_same_trip_at_the_default_pace_counts_the_detour() -> None:
    plan = compute_plan(start(), [point(1200)], default_rule_set())
    (leg,) = plan.legs
    assert leg.distance_km == pytest.approx(1200 * 1.2)  # 1,440 km of road, 24 h at 60 km/h
    assert leg.driving_min == pytest.approx(24 * 60)
    assert len(leg.rests) == 2 and len(leg.breaks) == 3
    # 9 + 9 + 6 h of driving, 2 rests of 11 h, breaks 45 min each
    assert leg.arrival == T0 + timedelta(hours=24 + 22 + 3 * 0.75)


def test_the_working_day_span_forces_a_rest_after_long_loading() -> None:
    plan = compute_plan(start(), [point(270, dwell_min=480), point(330)], RULES, FLAT)
    first, second = plan.legs
    # 270 driving + 45 break + 480 loading = 795 min on duty > 13 h: rest before leaving
    assert stops(first) == [
        ("break", hm(12, 30), hm(13, 15), True),
        ("rest", hm(21, 15), hm(8, 15, day=8), True),
    ]
    assert first.leave == second.departure == hm(8, 15, day=8)
    assert second.arrival == hm(9, 15, day=8)


def test_a_driver_who_has_driven_today_already_rests_sooner() -> None:
    tired = start(driver=DriverState(since_break=60, today=500, duty=600))
    (leg,) = compute_plan(tired, [point(100)], RULES, FLAT).legs
    assert stops(leg) == [("rest", hm(8, 40), hm(19, 40), False)]  # after 40 more minutes
    assert leg.arrival == hm(20, 40)
    assert tired.driver == DriverState(60, 500, 600)  # the start is not changed


def test_rules_without_a_tachograph_break_every_two_hours_after_the_first_four() -> None:
    rules = aetr(**NO_TACHOGRAPH)
    (leg,) = compute_plan(start(), [point(480)], rules, FLAT).legs
    assert [(s.kind.value, s.start, s.minutes) for s in leg.stops] == [
        ("break", hm(12, 0), 15),
        ("break", hm(14, 15), 15),
    ]
    assert leg.arrival == hm(16, 30)  # 8 h of driving and two 15-minute breaks


# --- windows and verdicts ------------------------------------------------------------------


def test_a_window_missed_by_a_known_amount() -> None:
    (leg,) = compute_plan(start(), [point(420, latest=hm(15, 0))], RULES, FLAT).legs
    # 4.5 h, 45 min break, 2.5 h: arrives 15:45, the window closed at 15:00
    assert leg.arrival == hm(15, 45)
    assert leg.verdict is Verdict.LATE and leg.late_min == pytest.approx(45)
    assert leg.late == timedelta(minutes=45)
    # 420 km in the 6 h 15 min left for driving is 67.2 km/h: tight, but legal
    assert leg.required_kmh == pytest.approx(420 / 6.25, abs=0.01) and leg.feasible


def test_the_worked_example_of_the_docs() -> None:
    """docs/planning.md, "A worked example"."""
    plan = compute_plan(
        start(),
        [
            point(270, earliest=hm(14, 0), latest=hm(15, 0), dwell_min=30),
            point(570, latest=hm(20, 0)),
        ],
        RULES,
        FLAT,
    )
    a, b = plan.legs
    assert (a.arrival, a.verdict, a.service_start, a.leave) == (
        hm(12, 30),
        Verdict.ON_TIME,
        hm(14, 0),
        hm(14, 30),
    )
    assert a.wait_min == pytest.approx(45)
    assert stops(a) == [("break", hm(12, 30), hm(13, 15), True)]
    # 5 h more: the day's 9 h of driving end at 19:00, 30 km short: an 11-hour rest
    assert stops(b) == [("rest", hm(19, 0), hm(6, 0, day=8), False)]
    assert b.arrival == hm(6, 30, day=8) and b.late_min == pytest.approx(630)
    # at 66.7 km/h the 300 km take 4 h 30 min: no rest, arrival 19:00; within the limit
    assert b.required_kmh == pytest.approx(300 / 4.5, abs=0.01) and b.feasible


def test_on_time_when_the_arrival_is_within_the_window() -> None:
    plan = compute_plan(
        start(), [point(100, earliest=hm(9, 0), latest=hm(10, 0)), point(200)], RULES, FLAT
    )
    first, second = plan.legs
    assert first.verdict is Verdict.ON_TIME and first.late_min == 0
    assert first.wait_min == 0 and second.verdict is Verdict.NO_DEADLINE
    assert plan.on_time and plan.feasible
    assert plan.distance_km == pytest.approx(200) and plan.driving_min == pytest.approx(200)


def test_a_window_no_truck_can_keep_is_not_feasible() -> None:
    plan = compute_plan(start(), [point(500, latest=hm(14, 0))], RULES, FLAT)
    (leg,) = plan.legs
    assert leg.required_kmh == pytest.approx(500 / (6 - 0.75), abs=0.01)  # 95 km/h
    assert not leg.feasible and not plan.feasible and not plan.on_time
    already_closed = compute_plan(start(), [point(50, latest=hm(7, 0))], RULES, FLAT).legs[0]
    assert math.isinf(already_closed.required_kmh) and not already_closed.feasible
    same_place = compute_plan(start(), [point(0.1, latest=hm(7, 0))], RULES, FLAT).legs[0]
    assert same_place.feasible


def test_waiting_before_the_window_opens_and_the_dwell() -> None:
    plan = compute_plan(
        start(), [point(60, earliest=hm(10, 0), dwell_min=90), point(120)], RULES, FLAT
    )
    first, second = plan.legs
    assert first.arrival == hm(9, 0) and first.wait_min == pytest.approx(60)
    assert first.service_start == hm(10, 0) and first.leave == hm(11, 30)
    assert second.departure == hm(11, 30) and second.arrival == hm(12, 30)
    assert plan.finish == hm(12, 30)


# --- starts ---------------------------------------------------------------------------------


def test_a_live_fix_carries_its_lbs_accuracy_onto_the_first_leg() -> None:
    begin = Start.from_fix(50.0, 40.0, T0, accuracy_m=1500)
    assert begin.kind is StartKind.FIX and begin.time == T0
    plan = compute_plan(begin, [point(60), point(120)], RULES)
    assert plan.legs[0].uncertainty_km == pytest.approx(1.5 * 1.2)
    assert plan.legs[1].uncertainty_km == 0


def test_a_route_end_starts_at_the_planned_arrival_or_now() -> None:
    later = Start.from_route_end(50.0, 40.0, hm(18, 0), now=T0)
    assert later.kind is StartKind.ROUTE_END and later.time == hm(18, 0)
    passed = Start.from_route_end(50.0, 40.0, hm(6, 0), now=T0)
    assert passed.time == T0
    (leg,) = compute_plan(later, [point(60)], RULES, FLAT).legs
    assert leg.departure == hm(18, 0) and leg.arrival == hm(19, 0)


def test_an_empty_plan_and_bad_values() -> None:
    plan = compute_plan(start(), [], RULES)
    assert plan.legs == () and plan.finish == T0 and plan.on_time
    with pytest.raises(ValueError, match="aware"):
        Start(50, 40, T0.replace(tzinfo=None))
    with pytest.raises(ValueError, match="closes before it opens"):
        point(10, earliest=hm(12), latest=hm(11))
    with pytest.raises(ValueError, match="dwell"):
        point(10, dwell_min=-1)
    with pytest.raises(ValueError, match="coordinates"):
        PlanPoint("x", 91, 0)
    with pytest.raises(ValueError, match="speed_kmh"):
        Pace(speed_kmh=0)
    with pytest.raises(ValueError, match="circuity"):
        Pace(circuity=0.9)
    with pytest.raises(ValueError, match="circuity"):
        Pace(circuity=math.nan)


def test_road_km_is_the_great_circle_times_the_circuity() -> None:
    lat, lon = north(100)
    assert road_km(50.0, 40.0, lat, lon, 1.3) == pytest.approx(130)
    assert Pace(circuity=1.3).road_km(50.0, 40.0, lat, lon) == pytest.approx(130)

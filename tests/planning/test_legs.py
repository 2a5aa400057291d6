"""The route editor's leg check on the arrival model (planning.legs.judge_legs), with
hand-computed cases: points a known number of kilometres apart (due north), a pace of
60 km/h and a detour factor of 1.0, so a kilometre is a minute of driving, and the shipped
default rules (a 45-minute break after 4 h 30 min, 9 h of driving a day, 11 h of rest)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning import (
    LegCheck,
    LegVerdict,
    Pace,
    StopKind,
    default_rule_set,
    judge_legs,
    suggest_arrival,
)
from tests.kits.planning import north

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=MSK)
FLAT = LegCheck(default_rule_set(), Pace(60.0, 1.0))


def at(hours: float, minutes: float = 0) -> datetime:
    return T0 + timedelta(hours=hours, minutes=minutes)


def test_a_leg_of_4_5_hours_gets_exactly_one_45_minute_break() -> None:
    # 270 km (4 h 30 min) to B, due 12:30; 270 km more to C, due 18:00 — exactly enough
    # for the break owed at B (12:30-13:15) and 4 h 30 min of driving (13:15-17:45)
    stops = [(*north(0), T0), (*north(270), at(4, 30)), (*north(540), at(10))]
    legs = judge_legs(stops, check=FLAT)
    assert legs[0] is None
    to_b, to_c = legs[1], legs[2]
    assert to_b is not None and to_c is not None and to_b.result and to_c.result
    assert to_b.result.arrival == at(4, 30) and to_b.verdict is LegVerdict.OK
    assert [(s.kind, s.start, s.end, s.at_point) for s in to_b.result.stops] == [
        (StopKind.BREAK, at(4, 30), at(5, 15), True)  # taken at B, not on the road
    ]
    assert to_c.result.departure == at(5, 15) and to_c.result.arrival == at(9, 45)
    assert to_c.result.stops == () and to_c.verdict is LegVerdict.OK
    assert sum(len(leg.result.stops) for leg in (to_b, to_c) if leg.result) == 1


def test_a_1200_km_trip_gets_a_daily_rest() -> None:
    # 1 000 km in a straight line × the detour factor 1.2 = 1 200 km by road: 20 h of
    # driving. Day 1: 4:30 drive, 0:45 break, 4:30 drive (9 h done at 17:45), 11 h rest
    # (to 04:45); day 2 the same (to 14:30), 11 h rest (to 01:30), 2 h: arrival 03:30
    # on the third day, 43 h 30 min after setting off.
    check = LegCheck(default_rule_set(), Pace(60.0, 1.2))
    legs = judge_legs([(*north(0), T0), (*north(1000), at(48))], check=check)
    leg = legs[1]
    assert leg is not None and leg.result is not None
    assert leg.result.distance_km == pytest.approx(1200)
    assert leg.result.arrival == at(43, 30)
    assert [(s.kind, s.start, s.end) for s in leg.result.stops] == [
        (StopKind.BREAK, at(4, 30), at(5, 15)),
        (StopKind.REST, at(9, 45), at(20, 45)),
        (StopKind.BREAK, at(25, 15), at(26)),
        (StopKind.REST, at(30, 30), at(41, 30)),
    ]
    assert leg.verdict is LegVerdict.OK


def test_a_missed_time_by_a_known_amount() -> None:
    # 600 km: 4:30 drive, break, 4:30 drive (9 h at 17:45), 11 h rest, 1 h: 05:45 next day
    legs = judge_legs([(*north(0), T0), (*north(600), at(8))], check=FLAT)
    leg = legs[1]
    assert leg is not None and leg.result is not None
    assert leg.result.arrival == at(21, 45)
    assert leg.late_min == pytest.approx(13 * 60 + 45)  # due 16:00: late by 13 h 45 min
    # in 8 h: 600 km needs 600/7.25 = 82.8 km/h with the one break, above 70 km/h
    assert leg.result.required_kmh == pytest.approx(600 / 7.25, abs=0.01)
    assert leg.verdict is LegVerdict.IMPOSSIBLE and leg.too_fast and leg.late


def test_tight_is_late_at_the_pace_but_on_time_at_a_legal_average() -> None:
    # due 12 h after setting off: at 60 km/h the rest makes it 21:45; at 66.7 km/h the
    # 600 km are 9 h of driving with one break: 9 h 45 min, on time
    legs = judge_legs([(*north(0), T0), (*north(600), at(12))], check=FLAT)
    leg = legs[1]
    assert leg is not None and leg.verdict is LegVerdict.TIGHT and not leg.too_fast
    assert leg.late_min == pytest.approx(9 * 60 + 45)
    assert leg.result is not None and leg.result.required_kmh == pytest.approx(66.67, abs=0.01)
    # a faster pace in the Preferences: on time
    fast = LegCheck(FLAT.rules, Pace(70.0, 1.0))
    assert judge_legs([(*north(0), T0), (*north(600), at(12))], check=fast)[1].verdict is (
        LegVerdict.OK
    )


def test_the_break_counts_across_legs_and_waiting_for_the_plan_is_rest() -> None:
    # 3 h to B and 3 h on to C: 6 h of driving needs a break on the way to C
    stops = [(*north(0), T0), (*north(180), at(3)), (*north(360), at(6, 45))]
    legs = judge_legs(stops, check=FLAT)
    assert legs[2] is not None and legs[2].result is not None
    assert [s.kind for s in legs[2].result.stops] == [StopKind.BREAK]
    assert legs[2].result.arrival == at(6, 45) and legs[2].verdict is LegVerdict.OK
    # B due an hour later: the truck, early, waits there until its planned time: the wait
    # clears the break, and C (due 3 h after B) is reached without one
    stops = [(*north(0), T0), (*north(180), at(4)), (*north(360), at(7))]
    legs = judge_legs(stops, check=FLAT)
    assert legs[2] is not None and legs[2].result is not None
    assert legs[2].result.stops == () and legs[2].result.arrival == at(7)


def test_a_late_leg_makes_the_next_late_only_without_time_to_spare() -> None:
    stops = [(*north(0), T0), (*north(300), at(5)), (*north(360), at(7)), (*north(420), at(7, 15))]
    legs = judge_legs(stops, check=FLAT)
    b, c, d = legs[1], legs[2], legs[3]
    assert b is not None and c is not None and d is not None
    # B: 4:30 drive, break, 0:30 = 13:45, due 13:00: late by 45 min; at 66.7 km/h the 300
    # km take 4 h 30 min without a break: tight
    assert b.verdict is LegVerdict.TIGHT and b.late_min == pytest.approx(45)
    # C: 60 km from 13:45 = 14:45, due 15:00: the late start is absorbed
    assert c.verdict is LegVerdict.OK and c.result and c.result.arrival == at(6, 45)
    # D: the truck waits at C until 15:00, then 1 h: 16:00, due 15:15: 60 km in 15 min
    assert d.verdict is LegVerdict.IMPOSSIBLE and d.late_min == pytest.approx(45)


def test_the_start_fix_chains_and_gaps() -> None:
    fix = (*north(0), T0)
    stops = [
        (*north(120), at(3)),  # from the fix: 2 h, on time
        (None, None, at(5)),  # no coordinates: no leg, the chain breaks
        (*north(300), at(6)),  # no leg (nothing before it to drive from)
        (*north(360), None),  # no planned time: the arrival is estimated, not judged
        (*north(420), at(8)),  # 2 h after E's estimated 07:00... due 08:00: 1 h late
    ]
    legs = judge_legs(stops, start=fix, check=FLAT)
    assert legs[0] is not None and legs[0].verdict is LegVerdict.OK
    assert legs[1] is None and legs[2] is None
    d, e = legs[3], legs[4]
    assert d is not None and d.verdict is LegVerdict.UNKNOWN
    assert d.result is not None and d.result.arrival == at(7)
    assert e is not None and e.result is not None and e.result.arrival == at(8)
    assert e.verdict is LegVerdict.OK
    # an untimed fix: the first leg is not judged, the chain starts at the first point
    legs = judge_legs([stops[0], (*north(180), at(4))], start=(*north(0), None), check=FLAT)
    assert legs[0] is not None and legs[0].result is None and legs[0].verdict is LegVerdict.UNKNOWN
    assert legs[1] is not None and legs[1].verdict is LegVerdict.OK


def test_the_default_check_is_the_shipped_default_rules_at_the_default_pace() -> None:
    check = LegCheck.default()
    assert check.rules.id == "ru-424-tachograph" and check.pace == Pace()
    assert LegCheck.default() is check  # read once


def test_suggested_arrival_counts_breaks_and_rests() -> None:
    now = datetime(2026, 11, 26, 12, 10, tzinfo=MSK)
    assert suggest_arrival(None, 0, now) == datetime(2026, 11, 26, 13, 0, tzinfo=MSK)
    # 240 km: 4 h, no break; + 30 min = 22:30
    assert suggest_arrival(at(10), 240, now, FLAT) == at(14, 30)
    # 300 km: 4:30, a break, 0:30 = 5 h 45 min; + 30 min = 14:15, up to 14:30
    assert suggest_arrival(T0, 300, now, FLAT) == at(6, 30)
    # 600 km: 21 h 45 min with the rest; + 30 min = 06:15 next day, up to 06:30
    assert suggest_arrival(T0, 600, now, FLAT) == at(22, 30)
    # the default pace: 718 km × 1.2 = 861.6 km = 14 h 22 min of driving; from 18:00:
    # break at 22:30, 9 h done at 03:45, rest to 14:45, break at 19:15-20:00, 52 min
    # more: 20:52, + 30 min = 21:22, up to 21:30
    assert suggest_arrival(datetime(2026, 11, 26, 18, 0, tzinfo=MSK), 718, now) == datetime(
        2026, 11, 27, 21, 30, tzinfo=MSK
    )
    assert suggest_arrival(datetime(2026, 11, 20, 8, 0, tzinfo=MSK), 10, now) == datetime(
        2026, 11, 26, 13, 0, tzinfo=MSK
    )

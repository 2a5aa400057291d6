"""Which truck can make it: candidates from fleet rows, ranked by feasible arrival."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.fleet import FleetRow
from movizor_desktop.planning import (
    CandidateFilter,
    Pace,
    PlanPoint,
    StartKind,
    Verdict,
    rank_candidates,
)
from movizor_desktop.planning.ranking import candidate_start, stale
from tests.kits.planning import aetr, msk, north

NOW = msk(2026, 12, 7, 8, 0)
FLAT = Pace(speed_kmh=60, circuity=1.0)
RULES = aetr()
TARGET = PlanPoint(
    "Склад", *north(0), earliest=msk(2026, 12, 7, 9, 0), latest=msk(2026, 12, 7, 12, 0)
)


def truck(
    phone: str,
    km: float,
    *,
    status: str = "ok",
    age_min: float = 10,
    radius: int | None = 500,
    tags: tuple[str, ...] = (),
    **meta: str,
) -> FleetRow:
    lat, lon = north(km)
    info = ObjectInfo.model_validate({"phone": phone, "metadata": meta}) if meta else None
    return FleetRow(
        phone=phone,
        status=status,
        title=f"Truck {phone}",
        lat=lat,
        lon=lon,
        radius=radius,
        fix_time=NOW - timedelta(minutes=age_min),
        tags=tags,
        details=info,
    )


def on_trip(
    row: FleetRow,
    end_km: float,
    planned: str,
    *,
    finished: bool = False,
    forecast_hours: float | None = None,
) -> FleetRow:
    lat, lon = north(end_km)
    info = ObjectInfo.model_validate(
        {
            "phone": row.phone,
            "destination": [
                {
                    "text": "Погрузка",
                    "lat": 56.0,
                    "lon": 38.0,
                    "time": "07.12.2026 06:00",
                    "status": "finished",
                    "timestamp_finished": int(NOW.timestamp()) - 7200,
                },
                {
                    "text": "Выгрузка",
                    "lat": lat,
                    "lon": lon,
                    "time": planned,
                    **(
                        {"status": "finished", "timestamp_finished": int(NOW.timestamp())}
                        if finished
                        else {}
                    ),
                },
            ],
        }
    )
    return replace(
        row, details=info, forecast_hours=forecast_hours, forecast="finished" if finished else "ok"
    )


def test_trucks_are_ranked_by_arrival_with_distance_age_and_verdict() -> None:
    rows = [truck("near", 60), truck("far", 300, age_min=90), truck("mid", 150, radius=None)]
    ranked = rank_candidates(rows, TARGET, RULES, now=NOW, pace=FLAT)
    assert [c.phone for c in ranked] == ["near", "mid", "far"]
    near, mid, far = ranked
    assert near.distance_km == pytest.approx(60) and near.arrival == msk(2026, 12, 7, 9, 0)
    assert near.free_from == NOW and not near.on_trip and near.start.kind is StartKind.FIX
    assert near.fix_age == timedelta(minutes=10) and near.accuracy_m == 500
    assert near.verdict is Verdict.ON_TIME and near.on_time
    assert mid.arrival == msk(2026, 12, 7, 10, 30) and mid.accuracy_m is None
    # 300 km: 4.5 h, a 45-minute break, 30 min more: 13:45, late by 1 h 45 min
    assert far.arrival == msk(2026, 12, 7, 13, 45)
    assert far.verdict is Verdict.LATE and far.late_min == pytest.approx(105)
    assert far.fix_age == timedelta(minutes=90)


def test_only_active_trucks_with_a_place_are_candidates() -> None:
    rows = [
        truck("ok", 10),
        truck("off", 5, status="off"),
        truck("wait", 5, status="wait"),
        replace(truck("nofix", 5), lat=None, lon=None),
    ]
    assert [c.phone for c in rank_candidates(rows, TARGET, RULES, now=NOW)] == ["ok"]
    wider = rank_candidates(rows, TARGET, RULES, now=NOW, statuses=frozenset({"ok", "off"}))
    assert [c.phone for c in wider] == ["off", "ok"]


def test_a_truck_on_a_trip_starts_from_its_routes_end_at_the_planned_time() -> None:
    busy = on_trip(truck("busy", 500), end_km=30, planned="07.12.2026 10:00")
    free = truck("free", 200)
    ranked = rank_candidates([free, busy], TARGET, RULES, now=NOW, pace=FLAT)
    assert [c.phone for c in ranked] == ["busy", "free"]
    first = ranked[0]
    assert first.on_trip and first.start.kind is StartKind.ROUTE_END
    assert first.free_from == msk(2026, 12, 7, 10, 0)
    assert first.distance_km == pytest.approx(30)
    assert first.arrival == msk(2026, 12, 7, 10, 30)
    assert ranked[1].arrival == msk(2026, 12, 7, 11, 20)


def test_movizors_forecast_moves_the_free_from_time_later() -> None:
    late = on_trip(truck("late", 500), end_km=30, planned="07.12.2026 10:00", forecast_hours=4.0)
    start, trip = candidate_start(late, NOW)
    assert trip and start.time == msk(2026, 12, 7, 12, 0)
    early = on_trip(truck("early", 500), end_km=30, planned="07.12.2026 10:00", forecast_hours=0.5)
    assert candidate_start(early, NOW)[0].time == msk(2026, 12, 7, 10, 0)
    overdue = on_trip(truck("overdue", 500), end_km=30, planned="07.12.2026 06:00")
    assert candidate_start(overdue, NOW)[0].time == NOW


def test_a_finished_route_leaves_the_truck_at_its_live_fix() -> None:
    done = on_trip(truck("done", 40), end_km=30, planned="07.12.2026 07:00", finished=True)
    start, trip = candidate_start(done, NOW)
    assert not trip and start.kind is StartKind.FIX
    assert start.lat == pytest.approx(north(40)[0])


def test_filters_by_tag_and_metadata() -> None:
    rows = [
        truck("a", 10, tags=("Рефрижератор", "Север")),
        truck("b", 20, tags=("тент",), **{"Тип": "Тент", "Перевозчик": "ООО Вектор"}),
        truck("c", 30, **{"Тип": "рефрижератор "}),
        truck("d", 40),
    ]
    by_tag = CandidateFilter(tags=frozenset({"рефрижератор", "тент"}))
    assert [c.phone for c in rank_candidates(rows, TARGET, RULES, now=NOW, only=by_tag)] == [
        "a",
        "b",
    ]
    by_meta = CandidateFilter(metadata=(("тип", "Рефрижератор"),))
    assert [c.phone for c in rank_candidates(rows, TARGET, RULES, now=NOW, only=by_meta)] == ["c"]
    both = CandidateFilter(
        tags=frozenset({"ТЕНТ"}), metadata=(("Тип", "тент"), ("Перевозчик", "ооо вектор"))
    )
    assert both.matches(rows[1]) and not both.matches(rows[0])
    assert CandidateFilter().empty
    assert len(rank_candidates(rows, TARGET, RULES, now=NOW, only=CandidateFilter())) == 4


def test_limit_and_the_stale_fixes_worth_a_fresh_position() -> None:
    rows = [
        truck("fresh", 10, age_min=5),
        truck("old", 20, age_min=240),
        replace(truck("unknown", 30), fix_time=None),
        on_trip(truck("trip", 500, age_min=600), end_km=40, planned="07.12.2026 08:00"),
        truck("far-old", 400, age_min=600),
    ]
    ranked = rank_candidates(rows, TARGET, RULES, now=NOW, limit=4)
    assert len(ranked) == 4 and "far-old" not in {c.phone for c in ranked}
    assert ranked[2].fix_age is None
    worth = stale(ranked, timedelta(hours=1), top=3)
    assert [c.phone for c in worth] == ["old", "unknown"]  # a trip's start is not its fix

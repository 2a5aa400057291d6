"""Motion plans, LBS noise, fixes per tariff and schedule, route statuses and events."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest

from movizor_desktop.simulator import gazetteer, lbs
from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.geo import haversine_km
from movizor_desktop.simulator.motion import build_plan
from movizor_desktop.simulator.msk import fmt_route_time
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday, 12:00 МСК
T0 = int(START.timestamp())
MTS, MEGAFON, BEELINE = "79161234567", "79261234567", "79031234567"
H = 3600


def make() -> World:
    return World(clock=SimClock(start=START, speed=0), auto_answer=False)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    return w.handle(function, params)


def go(w: World, seconds: float) -> None:
    w.clock.advance(seconds)
    w.advance_to_now()


def city(name: str) -> tuple[float, float]:
    c = gazetteer.by_name(name)
    return c.lat, c.lon


def test_plan_follows_roads_at_truck_speed_with_stops():
    rng = random.Random(3)
    msk, nn, kzn = city("Москва"), city("Нижний Новгород"), city("Казань")
    plan = build_plan(rng, msk, [nn, kzn], T0)
    gc = haversine_km(*msk, *nn) + haversine_km(*nn, *kzn)
    assert 1.18 * gc <= plan.total_km <= 1.32 * gc
    assert plan.point_s[-1] == pytest.approx(plan.total_km)
    assert len(plan.arrivals) == 2 and T0 < plan.arrivals[0] < plan.arrivals[1]
    drives = [(t0, t1, s0, s1) for t0, t1, s0, s1, parked, _ in plan.segs if not parked and t1 > t0]
    for t0, t1, s0, s1 in drives:
        assert 54.9 <= (s1 - s0) / ((t1 - t0) / H) <= 80.1
    stops = [t1 - t0 for t0, t1, _, _, parked, _ in plan.segs[1:-1] if parked]
    assert stops and all(20 * 60 <= d <= 150 * 60 + 1 for d in stops)
    assert plan.state(T0 - 10).parked and plan.state(T0 - 10).s == 0
    end = plan.state(plan.arrivals[-1] + 10 * H)
    assert end.parked and haversine_km(end.lat, end.lon, *kzn) < 0.01
    prev = plan.state(T0)
    for t in range(T0, plan.arrivals[-1], 300):  # continuous, never faster than a truck
        cur = plan.state(t)
        assert cur.s >= prev.s
        assert haversine_km(prev.lat, prev.lon, cur.lat, cur.lon) < 300 / H * 80 * 1.5 + 2
        prev = cur


def test_detours_are_flagged_off_route():
    flagged = 0
    for seed in range(30):
        plan = build_plan(random.Random(seed), city("Москва"), [city("Ростов-на-Дону")], T0)
        for t0, t1, _, _, _, amp in plan.segs:
            if amp:
                mid = plan.state(int((t0 + t1) / 2))
                assert mid.off_route and not plan.state(int(t0) + 1).off_route
                flagged += 1
    assert flagged >= 3


def test_lbs_noise_within_radius_and_repeats_when_still():
    rng = random.Random(1)
    for lat, lon in (city("Москва"), city("Валдай"), (57.3, 34.9)):
        seen = set()
        for _ in range(30):
            r_lat, r_lon, radius, place = lbs.observe(lat, lon, rng)
            assert 250 <= radius <= 5000
            assert haversine_km(lat, lon, r_lat, r_lon) * 1000 <= max(radius, 5000)
            assert place
            seen.add((r_lat, r_lon, radius))
        assert len(seen) <= 3  # a standing phone: at most three sectors answer
    assert lbs.observe(*city("Москва"), rng)[2] <= 1200  # city cells are small


@pytest.mark.parametrize(
    ("tariff", "phone", "minutes"),
    [
        ("1", MEGAFON, 5),
        ("15", MTS, 15),
        ("30", MTS, 30),
        ("60", BEELINE, 60),
        ("180", MTS, 180),
        ("3", MEGAFON, 60),
    ],
)
def test_fixes_follow_the_tariff(tariff: str, phone: str, minutes: int):
    w = make()
    api(w, "object_add", phone=phone, tariff=tariff)
    w.confirm(phone)
    go(w, 24 * H)
    fixes = w.subs[phone].fixes
    expected = 24 * 60 / (minutes + 0.5)
    assert 0.9 * expected <= len(fixes) <= 1.05 * expected + 1
    gaps = [b.ts_req - a.ts_req for a, b in pairwise(fixes)]
    assert all(minutes * 60 <= g <= minutes * 60 + 61 or g > minutes * 120 for g in gaps)
    assert all(250 <= f.radius <= 5000 for f in fixes)


def test_manual_gets_fixes_only_on_request_and_schedule():
    w = make()
    api(w, "object_add", phone=MTS, tariff="0", sw4="1", sw5="1", st=["13:00", "15:30"])
    w.confirm(MTS)
    balance = w.balance
    go(w, 24 * H)  # Thursday 12:00 → Friday 12:00 МСК
    times = [fmt_route_time(f.ts_req) for f in w.subs[MTS].fixes]
    assert times == ["26.11.2026 13:00", "26.11.2026 15:30"] or len(times) == 1
    requests_paid = Decimal("3.00") * 2  # one of them may have failed: still paid
    assert w.balance == balance - requests_paid - Decimal("4.00")  # + one midnight abon
    go(w, 4 * H)  # Friday 13:00 — and then nothing on Saturday/Sunday
    go(w, 2 * 24 * H)
    assert len([f for f in w.subs[MTS].fixes]) <= 4


def test_schedule_on_a_periodic_tariff_adds_fixes_for_free():
    w = make()
    api(w, "object_add", phone=MEGAFON, tariff="60", sw4="1", st=["12:07"])
    w.confirm(MEGAFON)
    go(w, 23 * H)
    before = w.balance
    go(w, 8 * 24 * H)
    assert any(fmt_route_time(f.ts_req) == "03.12.2026 12:07" for f in w.subs[MEGAFON].fixes)
    assert before - w.balance == Decimal("25.00") * 8


def test_truck_drives_its_route_to_the_end():
    w = make()
    api(
        w,
        "object_add",
        phone=MTS,
        tariff="15",
        destination={
            "0": {"text": "Тверь", "coord": "56.8596,35.9119", "time": "27.11.2026 06:00"},
            "1": {
                "text": "Великий Новгород",
                "coord": "58.5226,31.2750",
                "time": "28.11.2026 23:00",
            },
        },
    )
    w.confirm(MTS)
    go(w, 3 * H)
    data = api(w, "object_get", phone=MTS)["data"]
    assert int(data["distance"]) > 100 and data["distance_forecast_status"] in ("ok", "late")
    assert [p["status"] for p in data["destination"]][1] in ("ok", "late")
    go(w, 3 * 24 * H)
    data = api(w, "object_get", phone=MTS)["data"]
    statuses = [(p["status"], p["timestamp_finished"]) for p in data["destination"]]
    assert all(s == "finished" and t is not None for s, t in statuses)
    assert data["distance"] == 0 and data["distance_forecast_status"] is None
    assert data["on_parking"] is True
    assert (
        haversine_km(float(data["current_lat"]), float(data["current_lon"]), 58.5226, 31.2750) < 6
    )
    last = api(w, "pos_last", phone=MTS)["data"]
    assert (last["distance"], last["distance_forecast_status"]) == ("0", "finished")
    kinds = Counter(e.type for e in w.events if e.phone == MTS)
    assert kinds["pos_finished"] == 2 and kinds["onroute"] == 1
    assert kinds["offparking"] >= 1 and kinds["onparking"] >= 1
    distances = [int(f.distance) for f in w.subs[MTS].fixes if f.distance is not None]
    assert distances == sorted(distances, reverse=True)


def test_late_forecast_and_events():
    w = make()
    api(
        w,
        "object_add",
        phone=MTS,
        tariff="15",
        destination={
            "0": {"text": "Казань", "coord": "55.7961,49.1064", "time": "26.11.2026 13:00"}
        },
    )
    w.confirm(MTS)
    go(w, H)  # the driver starts 100-600 km away: still far at 13:00
    data = api(w, "object_get", phone=MTS)["data"]
    assert data["distance_forecast_status"] == "late"
    assert data["destination"][0]["status"] == "late"
    assert "pos_late" in [e.type for e in w.events if e.phone == MTS]


def test_stationary_subscribers_stay_in_their_city():
    w = make()
    api(w, "object_add", phone=MTS, tariff="15")
    w.confirm(MTS)
    go(w, 12 * H)
    fixes = w.subs[MTS].fixes
    home = w.subs[MTS].home
    assert all(haversine_km(f.lat, f.lon, *home) < 6 for f in fixes)
    assert len({(f.lat, f.lon) for f in fixes}) <= 3
    assert api(w, "object_get", phone=MTS)["data"]["on_parking"] is True


def test_route_edit_restarts_from_the_current_position():
    w = make()
    api(
        w,
        "object_add",
        phone=MTS,
        tariff="15",
        destination={"0": {"text": "Казань", "coord": "55.7961,49.1064"}},
    )
    w.confirm(MTS)
    go(w, 5 * H)
    here = w.subs[MTS].plan.state(w.now)  # type: ignore[union-attr]
    api(
        w,
        "object_edit",
        phone=MTS,
        tariff="15",
        destination={"0": {"text": "Пермь", "coord": "58.0103,56.2502"}},
    )
    plan = w.subs[MTS].plan
    assert plan is not None and plan.start == (here.lat, here.lon)
    go(w, 40 * H)
    assert api(w, "object_get", phone=MTS)["data"]["destination"][0]["status"] == "finished"

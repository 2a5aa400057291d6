"""The seeded demo fleet: realistic, complete, deterministic and fast to build."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from movizor_desktop.api import codes
from movizor_desktop.simulator import operators
from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.seed import _status_plan
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def build(seed: int = 1, fleet: int = 40, start: datetime = START) -> World:
    return World(clock=SimClock(start=start, speed=0), seed=seed, fleet=fleet)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    return w.handle(function, params)


@pytest.fixture(scope="module")
def demo() -> World:
    return build()


def objects(w: World) -> list[dict[str, Any]]:
    return [api(w, "object_get", phone=p)["data"] for p in w.phones()]


def test_every_status_and_operator(demo: World):
    statuses = Counter(o["status"] for o in objects(demo))
    assert set(statuses) == {s.value for s in codes.Status}
    assert statuses["ok"] >= 0.6 * 40
    assert statuses["new"] + statuses["wait"] < 30
    assert {s.operator for s in demo.subs.values()} == set(codes.OPERATORS)


def test_phones_are_valid_mobiles_in_operator_ranges(demo: World):
    for phone, sub in demo.subs.items():
        assert operators.is_msisdn(phone)
        data = api(demo, "get_operator", phone=phone)["data"]
        assert data["operator"] == sub.operator


def test_tariffs_pending_change_and_dateoff(demo: World):
    rows = objects(demo)
    tariffs = Counter(o["tariff"] for o in rows)
    assert tariffs["15"] + tariffs["30"] + tariffs["60"] >= 0.6 * len(rows)
    assert tariffs["manual"] >= 1
    assert any(o["tariff_new"] is not None for o in rows)
    assert any(o["timestamp_off"] != "0" and int(o["timestamp_off"]) > demo.now for o in rows)


def test_titles_tags_and_escaped_metadata(demo: World):
    rows = objects(demo)
    assert all(o["title"] for o in rows)
    assert any("—" in o["title"] for o in rows) and any("Рейс" in o["title"] for o in rows)
    assert any("," in o["tags"] for o in rows)
    filled = [o["metadata"] for o in rows if o["metadata"] != []]
    assert len(filled) >= 0.5 * len(rows)
    assert {"Водитель", "ТС", "Перевозчик", "Клиент"} <= set().union(*filled)
    values = [v for m in filled for v in m.values()]
    assert any("&quot;" in v for v in values) and any("&amp;" in v for v in values)
    assert not any('"' in v or "<" in v for v in values)


def test_routes_with_planned_times_around_now(demo: World):
    rows = [o for o in objects(demo) if o["status"] == "ok" and o["destination"]]
    assert len(rows) >= 15
    assert any(len(o["destination"]) >= 2 for o in rows)
    moving = [o for o in rows if isinstance(o["distance"], str)]
    assert len(moving) >= 0.5 * len(rows)
    assert {o["distance_forecast_status"] for o in moving} >= {"ok", "late"}
    day = 86400
    times = [p["time"] for o in rows for p in o["destination"] if p["time"]]
    assert times
    from movizor_desktop.simulator.msk import parse_msk

    assert all(abs(parse_msk(t) - demo.now) < 2 * day for t in times)  # type: ignore[operator]


def test_history_of_fixes_and_events(demo: World):
    ok_phones = [p for p, s in demo.subs.items() if s.status == "ok"]
    tracks = [len(api(demo, "pos_list", phone=p)["data"]) for p in ok_phones]
    assert sum(1 for n in tracks if n >= 10) >= len(ok_phones) // 2
    kinds = Counter(e["type"] for e in api(demo, "events", limit="1000")["data"])
    for kind in (
        "add",
        "confirm",
        "reject",
        "no_confirm",
        "onparking",
        "offparking",
        "pos_finished",
        "request",
        "limit",
    ):
        assert kinds[kind] >= 1, kind
    assert api(demo, "share_list")["data"] and api(demo, "events_subscribe_list")["data"]
    assert api(demo, "balance")["data"]["balance"] == "4765.50"


def test_demo_keeps_living(demo: World):
    w = build()
    anchor = w.now
    before = Counter(s.status for s in w.subs.values())
    w.clock.advance(3600)
    w.advance_to_now()
    after = Counter(s.status for s in w.subs.values())
    assert after["off_new"] == 0 and after["off"] == before["off"] + before["off_new"]
    assert after["ok"] > before["ok"]  # drivers confirm live
    live = Counter(e.type for e in w.events if e.ts > anchor)
    assert live["confirm"] >= 1 and live["off"] >= 1
    assert w.balance < Decimal("4765.50")  # confirmations are charged


def test_same_seed_same_world_and_another_seed_differs():
    a, b = build(seed=7), build(seed=7)
    for function in ("object_list", "pos_objects", "events", "share_list"):
        assert api(a, function) == api(b, function), function
    for phone in a.phones():
        assert api(a, "object_get", phone=phone) == api(b, "object_get", phone=phone)
        assert api(a, "pos_list", phone=phone) == api(b, "pos_list", phone=phone)
    c = build(seed=8)
    assert api(a, "object_list") != api(c, "object_list")


def test_advancing_in_steps_equals_advancing_at_once():
    a, b = build(seed=3, fleet=15), build(seed=3, fleet=15)
    for _ in range(6):
        a.clock.advance(1800)
        a.advance_to_now()
    b.clock.advance(6 * 1800)
    b.advance_to_now()
    assert api(a, "pos_objects") == api(b, "pos_objects")
    assert api(a, "events", limit="1000") == api(b, "events", limit="1000")


def test_small_fleets():
    for n in (1, 3, 11):
        w = build(fleet=n)
        assert len(w.phones()) == n
    assert build(fleet=1).subs[build(fleet=1).phones()[0]].status == "ok"


def test_about_70_percent_ok_from_12_on():
    for n in range(12, 80):
        counts = Counter(_status_plan(n, random.Random(n)))
        assert round(0.7 * n) <= counts["ok"] <= 0.85 * n, (n, counts)
        assert counts["wait"] >= 1 and counts["new"] >= 1
        if n >= 32:
            assert set(counts) == {s.value for s in codes.Status}, n


def test_a_fleet_of_12_can_share_a_link():
    w = build(fleet=12)
    ok = [p for p, sub in w.subs.items() if sub.status == "ok"]
    assert len(ok) >= 8
    answer = api(w, "share_add", phone=ok[:2])
    assert answer["result"] == "success" and answer["data"]["objects_count"] == 2


def test_large_fleet_composition():
    plan = _status_plan(2000, random.Random(1))
    counts = Counter(plan)
    assert len(plan) == 2000 and set(counts) == {s.value for s in codes.Status}
    assert counts["new"] + counts["wait"] < 30
    assert counts["ok"] >= 0.8 * 2000

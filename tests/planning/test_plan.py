"""Plans as data: JSON and templates, Movizor's destination[], and the difference from a
truck's current route."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from movizor_desktop.api.encoding import RoutePoint, encode_route
from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.planning import Plan, PlanFormatError, PlanPoint, Start, compute_plan
from movizor_desktop.planning.plan import (
    ChangeKind,
    plan_from_json,
    plan_to_json,
    route_change,
    route_points,
    template_from_json,
    template_to_json,
)
from tests.kits.planning import aetr, msk, north

T0 = msk(2026, 12, 7, 8, 0)


def sample() -> Plan:
    a, b = north(60), north(420)
    return Plan(
        "Казань — Самара",
        (
            PlanPoint(
                "Казань, склад",
                *a,
                earliest=msk(2026, 12, 7, 9, 0),
                latest=msk(2026, 12, 7, 10, 0),
                dwell_min=45,
            ),
            PlanPoint("", *b, latest=None, dwell_min=0),
        ),
        speed_kmh=55,
        circuity=1.3,
        rules_id="ru-424-no-tachograph",
    )


def test_a_plan_round_trips_through_json() -> None:
    plan = sample()
    document = json.loads(json.dumps(plan_to_json(plan)))
    assert document["points"][0]["earliest"] == "2026-12-07T09:00:00+03:00"
    assert plan_from_json(document) == plan


def test_a_template_is_retimed_from_its_first_time() -> None:
    plan = sample()
    document = json.loads(json.dumps(template_to_json(plan)))
    assert document["kind"] == "template"
    assert document["points"][0]["earliest_min"] == 0 and document["points"][0]["latest_min"] == 60
    again = template_from_json(document, msk(2026, 12, 20, 14, 30))
    assert again.points[0].earliest == msk(2026, 12, 20, 14, 30)
    assert again.points[0].latest == msk(2026, 12, 20, 15, 30)
    assert again.points[1].latest is None and again.points[0].dwell_min == 45
    assert (again.name, again.speed_kmh, again.circuity) == (plan.name, 55, 1.3)
    untimed = Plan("x", (PlanPoint("a", 55.0, 37.0),))
    assert template_from_json(template_to_json(untimed), T0) == untimed
    with pytest.raises(ValueError, match="aware"):
        template_from_json(document, T0.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(format="gpx"), "format"),
        (lambda d: d.update(version=9), "version"),
        (lambda d: d.update(kind="template"), "kind"),
        (lambda d: d.update(points="none"), "points"),
        (lambda d: d.update(points=[{"text": "a"}]), "points"),
        (lambda d: d["points"][0].update(lat="55"), "type"),
        (lambda d: d["points"][0].update(lat=95.0), "points"),
        (lambda d: d["points"][0].update(earliest="09:00"), "time"),
        (lambda d: d["points"][0].update(earliest="2026-12-07T09:00:00"), "time"),
        (lambda d: d["points"][0].update(dwell_min=-5), "points"),
        (lambda d: d.update(speed_kmh=500), "pace"),
        (lambda d: d.update(circuity=0.5), "pace"),
    ],
)
def test_bad_plan_documents_say_why(change, reason: str) -> None:
    document = plan_to_json(sample())
    change(document)
    with pytest.raises(PlanFormatError) as caught:
        plan_from_json(document)
    assert caught.value.reason == reason


def test_control_characters_and_long_texts_are_cleaned() -> None:
    document = plan_to_json(sample())
    document["name"] = "Рейс\x0b№1" + "x" * 300
    document["points"][0]["text"] = "Склад\x00 А"
    plan = plan_from_json(document)
    assert plan.name.startswith("Рейс №1") and len(plan.name) == 100
    assert plan.points[0].text == "Склад  А"


def test_route_points_carry_the_deadline_or_the_modelled_arrival() -> None:
    plan = sample()
    result = compute_plan(Start(*north(0), T0), plan.points, aetr(), plan.pace)
    points = route_points(plan, result)
    assert points[0] == RoutePoint("Казань, склад", *north(60), msk(2026, 12, 7, 10, 0))
    # no deadline: the modelled arrival rounded up to the minute, the text the coordinates
    arrival = result.legs[1].arrival
    assert points[1].time >= arrival and points[1].time - arrival < timedelta(minutes=1)
    assert points[1].time.second == 0 and points[1].text == "53.777146, 40.000000"
    params = dict(encode_route(points))
    assert params["destination[0][time]"] == "07.12.2026 10:00"
    with pytest.raises(ValueError, match="not of this plan"):
        route_points(Plan(points=plan.points[:1]), result)


def current_route() -> list:
    info = ObjectInfo.model_validate(
        {
            "phone": "79001234567",
            "destination": [
                {"text": "Москва", "lat": 55.7558, "lon": 37.6173, "time": "07.12.2026 09:00"},
                {"text": "Владимир", "lat": 56.1290, "lon": 40.4070, "time": "07.12.2026 13:00"},
                {
                    "text": "Нижний Новгород",
                    "lat": 56.3269,
                    "lon": 44.0059,
                    "time": "07.12.2026 18:00",
                },
                {"text": "без координат", "lat": 0, "lon": 0},
            ],
        }
    )
    return info.destination


def test_the_difference_from_the_current_route() -> None:
    new = [
        RoutePoint("Москва", 55.7560, 37.6170, msk(2026, 12, 7, 9, 0)),  # 30 m away
        RoutePoint("Владимир, склад 2", 56.1290, 40.4070, msk(2026, 12, 7, 14, 30)),
        RoutePoint("Казань", 55.7963, 49.1088, msk(2026, 12, 8, 9, 0)),
    ]
    change = route_change(current_route(), new)
    kinds = [(c.kind, c.old_index, c.new_index) for c in change.changes]
    assert kinds == [
        (ChangeKind.KEPT, 0, 0),
        (ChangeKind.CHANGED, 1, 1),
        (ChangeKind.REMOVED, 2, None),
        (ChangeKind.REMOVED, 3, None),
        (ChangeKind.ADDED, None, 2),
    ]
    moved = change.changes[1]
    assert moved.text_changed and moved.time_changed and moved.shift == timedelta(hours=1.5)
    assert change.count(ChangeKind.REMOVED) == 2 and not change.unchanged
    assert change.changes[4].shift is None


def test_same_route_is_unchanged_and_an_empty_route_is_all_added() -> None:
    same = [RoutePoint(d.text, d.lat, d.lon, d.time) for d in current_route()[:3]]
    assert route_change(current_route()[:3], same).unchanged
    fresh = route_change([], same)
    assert [c.kind for c in fresh.changes] == [ChangeKind.ADDED] * 3
    cleared = route_change(current_route()[:3], [])
    assert [c.kind for c in cleared.changes] == [ChangeKind.REMOVED] * 3


def test_a_reordered_route_keeps_the_longest_common_run() -> None:
    old = [RoutePoint(n, *north(k)) for n, k in (("A", 0), ("B", 100), ("C", 200))]
    new = [old[0], old[2], old[1]]
    kinds = [c.kind for c in route_change(old, new).changes]
    assert kinds.count(ChangeKind.KEPT) == 2
    assert kinds.count(ChangeKind.ADDED) == kinds.count(ChangeKind.REMOVED) == 1

"""Pure logic of the sync package: rows, change sets, the step collector, the budget
policy and pricing. No network, no Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.governor import Budget
from movizor_desktop.api.models import Balance, ObjectInfo, ObjectPosition, Position
from movizor_desktop.fleet import ChangeSet, Fleet, FleetRow
from movizor_desktop.sync import FleetActions, SyncEngine
from movizor_desktop.sync.step import Step

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PHONE = "79211234567"


def row(phone: str = PHONE, **kw) -> FleetRow:
    return FleetRow(phone=phone, **kw)


def test_same_content_ignores_details_at() -> None:
    a = row(status="ok", details_at=T0)
    b = row(status="ok", details_at=T0 + timedelta(minutes=5))
    assert a != b
    assert a.same_content(b)
    assert not a.same_content(row(status="off"))
    assert not a.same_content(None)


def test_with_position_takes_a_plain_position() -> None:
    pos = Position.model_validate(
        {"lat": "55.1", "lon": "37.2", "timestamp": 1764147600, "radius": "300", "place": "Москва"}
    )
    updated = row().with_position(pos)
    assert (updated.lat, updated.lon, updated.radius, updated.place) == (55.1, 37.2, 300, "Москва")
    assert updated.fix == (55.1, 37.2, pos.timestamp)


def test_step_tracks_added_changed_removed_and_moved() -> None:
    fleet = Fleet(
        [
            row("79210000001", status="ok"),
            row("79210000002", status="ok"),
            row("79210000003", status="wait"),
        ]
    )
    step = Step(fleet)
    pos = ObjectPosition.model_validate(
        {"phone": "79210000001", "lat": 55.0, "lon": 37.0, "timestamp": 1764147600}
    )
    assert step.put(fleet.get("79210000001").with_position(pos), pos)
    assert not step.put(fleet.get("79210000002"))  # identical: nothing
    step.put(row("79210000009", status="new"))
    step.put(row("79210000009", status="wait"))  # still "added", with the latest row
    step.remove("79210000003")
    # details_at alone: saved to the cache, not shown as a change
    info = ObjectInfo.model_validate({"phone": "79210000002", "status": "ok"})
    r2 = fleet.get("79210000002").with_details(info, T0)
    step.put(r2)
    step2 = Step(fleet)
    assert not step2.put(r2.with_details(info, T0 + timedelta(minutes=1)))
    assert "79210000002" in step2.to_save and not step2.changed

    changes = step.change_set()
    assert [r.phone for r in changes.added] == ["79210000009"]
    assert changes.added[0].status == "wait"
    assert {r.phone for r in changes.changed} == {"79210000001", "79210000002"}
    assert changes.removed == ["79210000003"]
    assert changes.moved == ["79210000001"]
    assert list(step.positions) == ["79210000001"]
    assert "79210000003" not in fleet


def test_step_remove_of_a_row_added_in_the_same_step_leaves_no_trace() -> None:
    fleet = Fleet()
    step = Step(fleet)
    step.put(row(status="new"))
    step.remove(PHONE)
    assert step.change_set().empty


def test_merge_combines_change_sets() -> None:
    a, b, c = row("79210000001"), row("79210000002"), row("79210000003")
    first = ChangeSet(added=[a], changed=[b], moved=["79210000002"])
    later = ChangeSet(
        changed=[a.__class__(phone=a.phone, status="ok")], removed=["79210000002"], added=[c]
    )
    merged = first.merge(later)
    assert [r.phone for r in merged.added] == ["79210000001", "79210000003"]
    assert merged.added[0].status == "ok"
    assert merged.changed == [] and merged.removed == ["79210000002"]
    assert merged.moved == []
    back = ChangeSet(removed=[PHONE]).merge(ChangeSet(added=[row()]))
    assert back.removed == [] and back.changed == [row()] and back.added == []


@pytest.mark.parametrize(
    ("used", "factor", "fill", "stale"),
    [(0, 1, 50, True), (600, 1, 25, True), (800, 2, 5, False), (950, 4, 0, False)],
)
def test_policy_stretches_with_the_budget(used, factor, fill, stale) -> None:
    client = MovizorClient(
        "http://127.0.0.1:9/api/",
        project="demo",
        key="k",
        governor=RequestGovernor(hourly_limit=1000),
    )
    engine = SyncEngine(client, interval=60.0)
    policy = engine.policy(Budget(used=used, limit=1000, in_flight=0))
    assert (policy.interval, policy.fill, policy.stale_refresh) == (60.0 * factor, fill, stale)


def test_request_cost_only_on_manual_tariff() -> None:
    balance = Balance.model_validate(
        {
            "balance": "476.50",
            "credit": "0.00",
            "type": "org",
            "tariff": {
                "mts": {
                    "0": {"abon": "4.00", "request": "3.00", "title": "Вручную"},
                    "15": {"abon": 280, "request": "0.00", "title": "15"},
                },
                "megafon": {"0": {"abon": "4.00", "request": "5.50", "title": "Вручную"}},
                "eventsms": [{"abon": "0.00", "request": "40.00", "title": "Вручную"}],
            },
        }
    )
    client = MovizorClient("http://127.0.0.1:9/api/", project="demo", key="k")
    actions = FleetActions(client, SyncEngine(client))
    manual = row(tariff="0")
    assert actions.request_cost(manual, balance, "mts") == Decimal("3.00")
    assert actions.request_cost(manual, balance) == Decimal("5.50")  # max over operators
    assert actions.request_cost(manual, balance, "tele2") == Decimal("5.50")  # not listed
    assert actions.request_cost(row(tariff="manual"), balance, "mts") == Decimal("3.00")
    assert actions.request_cost(row(tariff="15"), balance) is None
    assert actions.request_cost(manual, None) is None
    # whether a tariff is manual: from the table, never from the id alone
    assert actions.manual_tariff(manual, balance) is True
    assert actions.manual_tariff(row(tariff="15"), balance) is False
    assert actions.manual_tariff(manual, None) is None  # the table is not known yet
    assert actions.manual_tariff(row(tariff="manual"), None) is True
    v2 = Balance.model_validate(
        {
            "tariff": {
                "mts": {
                    "4": {"abon": "4.00", "request": "3.00", "title": "Вручную"},
                    "5": {"abon": "40.00", "request": "0.00", "title": "Онлайн"},
                }
            }
        }
    )
    assert actions.manual_tariff(row(tariff="0"), v2) is None  # not listed: not assumed
    assert actions.manual_tariff(row(tariff="4"), v2) is True
    assert actions.request_cost(row(tariff="manual"), v2) == Decimal("3.00")


def test_details_do_not_fight_pos_objects_over_the_fix() -> None:
    pos = ObjectPosition.model_validate(
        {
            "phone": PHONE,
            "lat": "55.100000",
            "lon": "37.200000",
            "timestamp": 1764147000,
            "distance": "120",
            "distance_forecast_status": "ok",
        }
    )
    base = row(status="ok").with_position(pos)
    # object_get: same place, last_timestamp = the last *attempt*, forecast blanked
    same = ObjectInfo.model_validate(
        {
            "phone": PHONE,
            "status": "ok",
            "title": "T",
            "current_lat": "55.100000",
            "current_lon": "37.200000",
            "last_timestamp": "1764147600",
            "distance": 0,
        }
    )
    detailed = base.with_details(same, T0)
    assert detailed.fix == base.fix and detailed.distance_km == 120.0
    assert detailed.title == "T" and detailed.with_position(pos) == detailed
    # object_get saw a newer fix than the last pos_objects: take it
    moved = ObjectInfo.model_validate(
        {
            "phone": PHONE,
            "status": "ok",
            "current_lat": "56.0",
            "current_lon": "38.0",
            "last_timestamp": "1764147600",
        }
    )
    assert base.with_details(moved, T0).fix[:2] == (56.0, 38.0)

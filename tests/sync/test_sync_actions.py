"""FleetActions against the simulator over loopback (no Qt)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.errors import (
    ApiError,
    InvalidPhoneError,
    NotFoundError,
    RequestFailedError,
    TransportError,
)
from movizor_desktop.api.models import Result
from movizor_desktop.fleet import ChangeSet
from movizor_desktop.sync import (
    ActionInProgress,
    FleetActions,
    PositionTimeoutError,
    SyncEngine,
)

SIM_KEY = "demo-key-123"
NEW_PHONE = "79161230077"  # mts, not in the seeded world


def counts(control: Any) -> dict[str, int]:
    return dict(control.requests()["by_function"])


def delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {
        k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)
    }


@pytest.fixture
def client(sim, run) -> Iterator[MovizorClient]:
    client = MovizorClient(
        sim.base_url,
        project="demo",
        key=SIM_KEY,
        backoff=0.01,
        governor=RequestGovernor(per_second=100_000),
    )
    yield client
    run(client.aclose())


@pytest.fixture
def engine(client, run) -> SyncEngine:
    engine = SyncEngine(client, balance_every=100, fill_batch=0)  # no details: faster
    run(engine.connect())
    return engine


@pytest.fixture
def actions(client, engine) -> FleetActions:
    return FleetActions(client, engine)


def first(engine: SyncEngine, *statuses: str) -> str:
    return next(
        r.phone for r in sorted(engine.fleet.rows(), key=lambda r: r.phone) if r.status in statuses
    )


def test_add_puts_the_row_in_the_fleet(sim_control, engine, actions, run) -> None:
    seen: list[ChangeSet] = []
    engine.on_change = seen.append
    before = counts(sim_control)
    row = run(actions.add("+7 (916) 123-00-77", title="Иванов", tags=["север"], tariff="15"))
    assert delta(before, counts(sim_control)) == {"object_add": 1, "object_get": 1}
    assert row.phone == NEW_PHONE and row.title == "Иванов"
    assert engine.fleet.get(NEW_PHONE) == row
    assert [r.phone for r in seen[-1].added] == [NEW_PHONE]


def test_add_refuses_an_invalid_phone_without_a_request(sim_control, actions, run) -> None:
    before = sim_control.requests()["total"]
    with pytest.raises(InvalidPhoneError):
        run(actions.add("12345"))
    assert sim_control.requests()["total"] == before


def test_add_of_a_phone_on_the_account(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")
    with pytest.raises(ApiError) as info:
        run(actions.add(phone))
    assert info.value.error_code == "7"
    assert "already" in info.value.message("en")


def test_concurrent_duplicate_add_is_refused(sim_control, actions, run) -> None:
    async def both() -> list[Any]:
        return await asyncio.gather(
            actions.add(NEW_PHONE), actions.add("89161230077"), return_exceptions=True
        )

    before = counts(sim_control)
    outcome = run(both())
    assert isinstance(outcome[1], ActionInProgress)
    assert delta(before, counts(sim_control)).get("object_add") == 1


def test_edit_round_trip(engine, actions, run) -> None:
    phone = first(engine, "ok")
    row = run(actions.edit(phone, tariff="30", title="Edited", activate=True))
    assert row.title == "Edited" and row.tariff == "30"
    assert engine.fleet.get(phone).title == "Edited"


def test_cancel_tariff_undoes_tomorrows_tariff(engine, actions, run) -> None:
    phone = first(engine, "ok")
    run(engine.refresh_row(phone))
    current = engine.fleet.get(phone).tariff
    new = "60" if current != "60" else "30"
    row = run(actions.edit(phone, tariff=new))
    assert row.tariff == current and row.tariff_new == new
    row = run(actions.cancel_tariff(phone))
    assert row.tariff == current and row.tariff_new is None


def test_delete_disables_then_deletes(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")
    result = run(actions.delete(phone))
    assert result.code == "DISABLED"
    assert engine.fleet.get(phone).status == "off_new"
    sim_control.advance(300)  # the operator switches it off: event "off"
    run(engine.cycle())
    assert engine.fleet.get(phone).status == "off"
    result = run(actions.delete(phone))
    assert result.code == "DELETED"
    assert phone not in engine.fleet


def test_delete_many_reports_each_phone(sim_control, engine, actions, run) -> None:
    ok = first(engine, "ok")
    spelled = "+7 " + ok[1:]
    before = counts(sim_control)
    outcome = run(actions.delete_many([ok, "79161239999", "12345", spelled]))
    assert isinstance(outcome[ok], Result) and outcome[ok].code == "DISABLED"
    assert outcome[spelled] is outcome[ok]  # the same number: deleted once, not erased
    assert delta(before, counts(sim_control))["object_delete"] == 2
    assert isinstance(outcome["79161239999"], NotFoundError)
    assert isinstance(outcome["12345"], InvalidPhoneError)


def test_reactivate_after_disable(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")
    run(actions.delete(phone))
    sim_control.advance(300)
    row = run(actions.reactivate(phone))
    assert row.status == "wait"
    assert engine.fleet.get(phone).status == "wait"


# --- request_position -------------------------------------------------------------------


def test_request_position_end_to_end(sim_control, engine, actions, client, run) -> None:
    phone = first(engine, "ok")
    stages: list[str] = []

    def progress(stage: str, info: dict[str, Any]) -> None:
        stages.append(stage)
        if stage == "polling":
            sim_control.advance(60)

    before = counts(sim_control)
    position = run(actions.request_position(phone, poll_interval=0.01, progress=progress))
    assert position.has_fix
    assert stages[0] == "requested" and stages[-1] == "done" and "polling" in stages
    used = delta(before, counts(sim_control))
    assert used["pos_request"] == 1 and used["pos_get"] >= 1
    row = engine.fleet.get(phone)
    assert (row.lat, row.lon) == (position.lat, position.lon)


def test_request_position_failed(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")
    sim_control.inject_error("pos_get", "4")
    stages: list[str] = []
    with pytest.raises(RequestFailedError):
        run(
            actions.request_position(
                phone, poll_interval=0.01, progress=lambda s, i: stages.append(s)
            )
        )
    assert stages[-1] == "failed"


def test_request_position_times_out(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")
    with pytest.raises(PositionTimeoutError) as info:
        run(actions.request_position(phone, poll_interval=0.01, timeout=0.1))
    assert info.value.message("ru")


def test_request_position_double_call(sim_control, engine, actions, run) -> None:
    phone = first(engine, "ok")

    async def scenario() -> None:
        task = asyncio.ensure_future(
            actions.request_position(
                phone,
                poll_interval=0.01,
                progress=lambda s, i: s == "polling" and sim_control.advance(60),
            )
        )
        await asyncio.sleep(0)  # the first call is in flight
        with pytest.raises(ActionInProgress):
            await actions.request_position(phone)
        await task

    before = counts(sim_control)
    run(scenario())
    assert delta(before, counts(sim_control))["pos_request"] == 1


@pytest.mark.parametrize("fault", ["drop", "timeout"])
def test_request_position_is_never_retried(fault, sim, sim_control, engine, run) -> None:
    phone = first(engine, "ok")
    client = MovizorClient(sim.base_url, project="demo", key=SIM_KEY, backoff=0.01, timeout=0.3)
    actions = FleetActions(client, engine)
    sim_control.add_fault(fault, "pos_request", 1, 1.0 if fault == "timeout" else None)
    before = counts(sim_control)
    try:
        with pytest.raises(TransportError) as info:
            run(actions.request_position(phone, poll_interval=0.01))
    finally:
        run(client.aclose())
    assert info.value.maybe_applied
    assert delta(before, counts(sim_control)) == {"pos_request": 1}

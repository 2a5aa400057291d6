"""Every documented error code of every function is reachable through state, and each
can also be injected. The list of scenarios is checked against codes.ERRORS, so a new
code without a scenario fails here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from movizor_desktop.api import codes
from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.msk import fmt_dateoff
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MTS, MEGAFON = "79161234567", "79261234567"


def make() -> World:
    return World(clock=SimClock(start=START, speed=0), auto_answer=False)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    return w.handle(function, params)


def added(*, confirm: bool = False, tariff: str = "15", phone: str = MTS) -> World:
    w = make()
    assert api(w, "object_add", phone=phone, tariff=tariff)["result"] == "success"
    if confirm:
        w.confirm(phone)
    return w


def in_hours(w: World, hours: float) -> str:
    return fmt_dateoff(w.now + int(hours * 3600))


def _too_many(w: World) -> dict[str, Any]:
    for i in range(30):
        assert api(w, "object_add", phone=f"7916000{1000 + i:04d}")["result"] == "success"
    return api(w, "object_add", phone=MEGAFON)


def _no_money(w: World) -> dict[str, Any]:
    w.set_balance(Decimal("10.00"))
    return api(w, "object_add", phone=MTS, tariff="15")


def _wait_status() -> World:
    w = added()
    w.clock.advance(180)  # the SMS went out
    w.advance_to_now()
    assert w.subs[MTS].status == "wait"
    return w


def _off_new() -> World:
    w = added(confirm=True)
    assert api(w, "object_delete", phone=MTS)["code"] == "DISABLED"
    return w


def _rejected_blocked() -> World:
    w = added()
    w.reject(MTS)
    w.block(MTS)
    return w


def _rejected() -> World:
    w = added()
    w.reject(MTS)
    return w


def _reactivate_poor(w: World) -> dict[str, Any]:
    w.set_balance(Decimal("0"))
    return api(w, "object_reactivate", phone=MTS)


def _package_fresh() -> World:
    return added(confirm=True, tariff="3")


def _manual_poor() -> World:
    w = added(confirm=True, tariff="0")
    w.set_balance(Decimal("2.00"))
    return w


def _requested(rate: float) -> tuple[World, str]:
    w = added(confirm=True)
    w.request_success_rate = rate
    rid = api(w, "pos_request", phone=MTS)["data"]["request_id"]
    return w, str(rid)


def _failed_request() -> dict[str, Any]:
    w, rid = _requested(0.0)
    w.clock.advance(181)
    return api(w, "pos_get", id=rid)


def _many_shares(w: World) -> dict[str, Any]:
    for _ in range(50):
        assert api(w, "share_add", phone=MTS)["result"] == "success"
    return api(w, "share_add", phone=MTS)


Scenario = Callable[[], dict[str, Any]]
SCENARIOS: dict[tuple[str, str], Scenario] = {
    ("object_add", "1"): lambda: api(make(), "object_add", phone="+7 (921) 001-02"),
    ("object_add", "2"): lambda: api(
        make(), "object_add", phone=MTS, dateoff="01.01.2020 00:00:00"
    ),
    ("object_add", "3"): lambda: (
        lambda w: api(w, "object_add", phone=MTS, dateoff=in_hours(w, 2))
    )(make()),
    ("object_add", "4"): lambda: api(make(), "object_add", phone=MTS, distance_text="Казань"),
    ("object_add", "5"): lambda: api(make(), "object_add", phone=MTS, sw1="1", st=["25:00"]),
    ("object_add", "6"): lambda: _too_many(make()),
    ("object_add", "7"): lambda: api(added(), "object_add", phone=MTS),
    ("object_add", "8"): lambda: api(make(), "object_add", phone="79160000008"),
    ("object_add", "9"): lambda: api(make(), "object_add", phone="79160000009"),
    ("object_add", "10"): lambda: api(make(), "object_add", phone="79971234567"),
    ("object_add", "11"): lambda: api(make(), "object_add", phone="79991234567"),
    ("object_add", "12"): lambda: api(make(), "object_add", phone=MTS, tariff="1"),
    ("object_add", "13"): lambda: _no_money(make()),
    ("object_get", "1"): lambda: api(make(), "object_get", phone=MTS),
    ("object_edit", "1"): lambda: api(make(), "object_edit", phone=MTS, title="x"),
    ("object_edit", "2"): lambda: api(
        added(phone=MEGAFON), "object_edit", phone=MEGAFON, tariff="180"
    ),
    ("object_edit", "3"): lambda: api(
        added(), "object_edit", phone=MTS, tariff="15", dateoff="25.11.2026 10:00:00"
    ),
    ("object_edit", "4"): lambda: (
        lambda w: api(w, "object_edit", phone=MTS, tariff="15", dateoff=in_hours(w, 23))
    )(added()),
    ("object_edit", "5"): lambda: api(
        added(), "object_edit", phone=MTS, tariff="15", destination={"0": {"text": "Казань"}}
    ),
    ("object_edit", "6"): lambda: api(added(), "object_edit", phone=MTS, tariff="15", st=["9-00"]),
    ("object_delete", "1"): lambda: api(make(), "object_delete", phone=MTS),
    ("object_delete", "2"): lambda: api(_wait_status(), "object_delete", phone=MTS),
    ("object_delete", "3"): lambda: api(added(), "object_delete", phone=MTS),
    ("object_delete", "4"): lambda: api(_off_new(), "object_delete", phone=MTS),
    ("object_reactivate", "1"): lambda: api(make(), "object_reactivate", phone=MTS),
    ("object_reactivate", "2"): lambda: api(_rejected_blocked(), "object_reactivate", phone=MTS),
    ("object_reactivate", "3"): lambda: api(
        _rejected(), "object_reactivate", phone=MTS, dateoff="01.11.2026 00:00:00"
    ),
    ("object_reactivate", "4"): lambda: (
        lambda w: api(w, "object_reactivate", phone=MTS, dateoff=in_hours(w, 5))
    )(_rejected()),
    ("object_reactivate", "5"): lambda: _reactivate_poor(_rejected()),
    ("object_reactivate", "6"): lambda: api(added(confirm=True), "object_reactivate", phone=MTS),
    ("object_reactivate", "7"): lambda: api(_off_new(), "object_reactivate", phone=MTS),
    ("object_cancel_tariff", "1"): lambda: api(make(), "object_cancel_tariff", phone=MTS),
    ("pos_last", "1"): lambda: api(make(), "pos_last", phone=MTS),
    ("pos_list", "1"): lambda: api(make(), "pos_list", phone=MTS),
    ("pos_request", "1"): lambda: api(make(), "pos_request", phone=MTS),
    ("pos_request", "2"): lambda: api(added(), "pos_request", phone=MTS),
    ("pos_request", "4"): lambda: (
        lambda w: (
            api(w, "pos_request", phone=MTS),
            w.clock.advance(200),
            api(w, "pos_request", phone=MTS),
        )[2]
    )(added(confirm=True)),
    ("pos_request", "5"): lambda: api(_package_fresh(), "pos_request", phone=MTS),
    ("pos_request", "6"): lambda: api(_manual_poor(), "pos_request", phone=MTS),
    ("pos_get", "1"): lambda: api(make(), "pos_get", id="12345"),
    ("pos_get", "2"): lambda: (lambda pair: api(pair[0], "pos_get", id=pair[1]))(_requested(1.0)),
    ("pos_get", "4"): _failed_request,
    ("distance_search", "1"): lambda: api(make(), "distance_search", query="XXXXX"),
    ("get_operator", "1"): lambda: api(make(), "get_operator", phone="89161234567"),
    ("get_operator", "2"): lambda: api(make(), "get_operator", phone="79971234567"),
    ("tariff_calculator", "1"): lambda: api(make(), "tariff_calculator", tariff="15"),
    ("tariff_calculator", "2"): lambda: api(make(), "tariff_calculator", operator="mts"),
    ("tariff_calculator", "3"): lambda: api(
        make(), "tariff_calculator", operator="mts", tariff="1"
    ),
    ("share_add", "1"): lambda: api(added(confirm=True), "share_add", phone=[MTS, MEGAFON]),
    ("share_add", "2"): lambda: api(added(), "share_add", phone=[MTS]),
    ("share_add", "3"): lambda: _many_shares(added(confirm=True)),
    ("share_delete", "1"): lambda: api(make(), "share_delete", share_key="111-221-955-532-1911"),
    ("events_subscribe_add", "1"): lambda: api(
        added(), "events_subscribe_add", phones_all="1", events="request", notify_type="telegram"
    ),
    ("events_subscribe_add", "2"): lambda: api(
        added(), "events_subscribe_add", phones_all="1", events="confirm", notify_type="pigeon"
    ),
    ("events_subscribe_add", "3"): lambda: api(
        added(),
        "events_subscribe_add",
        phones_all="1",
        events="confirm",
        notify_type="email",
        notify_value="nobody",
    ),
    ("events_subscribe_add", "4"): lambda: api(
        added(), "events_subscribe_add", phones=[MEGAFON], events="confirm", notify_type="telegram"
    ),
    ("events_subscribe_delete", "1"): lambda: api(make(), "events_subscribe_delete", id="1"),
}

ALL_CODES = [(f, c) for f, table in codes.ERRORS.items() for c in table]


def test_every_documented_code_has_a_scenario():
    assert sorted(SCENARIOS) == sorted(ALL_CODES)


@pytest.mark.parametrize(("function", "code"), ALL_CODES)
def test_reachable_through_state(function: str, code: str):
    answer = SCENARIOS[(function, code)]()
    assert answer == {
        "result": "error",
        "error_code": code,
        "error_text": codes.ERRORS[function][code].text,
        "error_text_ru": "",
    }


@pytest.mark.parametrize(("function", "code"), ALL_CODES)
def test_injectable(function: str, code: str):
    w = make()
    w.inject_error(function, code, count=2)
    for _ in range(2):
        answer = api(w, function, phone=MTS)
        assert (answer["error_code"], answer["error_text"]) == (
            code,
            codes.ERRORS[function][code].text,
        )
    assert w.snapshot()["injected_errors"] == {}
    assert w.subs == {}  # an injected error changes nothing


def test_object_add_other_tariff_refusals():
    assert api(make(), "object_add", phone=MEGAFON, tariff="180")["error_code"] == "12"
    assert api(make(), "object_add", phone=MTS, tariff="7")["error_code"] == "12"
    for phone in ("79160000", "791612345678", "69161234567", "abc", ""):
        assert api(make(), "object_add", phone=phone)["error_code"] == "1", phone


def test_inject_rejects_undocumented_codes_and_accepts_global_ones():
    w = make()
    with pytest.raises(ValueError):
        w.inject_error("balance", "1")
    with pytest.raises(ValueError):
        w.inject_error("fly", "1")
    w.inject_error("balance", codes.LIMIT_EXCEEDED)
    assert api(w, "balance")["error_text"] == codes.LIMIT_EXCEEDED_TEXT
    assert api(w, "balance")["result"] == "success"
    w.inject_error("events", codes.ACCESS_DENIED, count=3)
    w.inject_error("events", codes.ACCESS_DENIED, count=0)  # clears
    assert api(w, "events")["result"] == "success"


def test_control_methods_refuse_unknown_phones():
    w = make()
    for method in (w.confirm, w.reject, w.expire_confirmation):
        with pytest.raises(KeyError):
            method(MTS)
    with pytest.raises(KeyError):
        w.set_status(MTS, "limited")
    w = added()
    with pytest.raises(ValueError):
        w.set_status(MTS, "flying")

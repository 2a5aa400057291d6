"""pos_request queue and results, pos_list paging, events paging, shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.msk import fmt_dateoff, next_midnight
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MTS, MEGAFON = "79161234567", "79261234567"
H = 3600


def make(**kw: Any) -> World:
    kw.setdefault("auto_answer", False)
    return World(clock=SimClock(start=START, speed=0), **kw)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    return w.handle(function, params)


def go(w: World, seconds: float) -> None:
    w.clock.advance(seconds)
    w.advance_to_now()


def tracked(tariff: str = "15", phone: str = MTS) -> World:
    w = make()
    api(w, "object_add", phone=phone, tariff=tariff)
    w.confirm(phone)
    return w


def test_request_queue_wait_then_fix():
    w = tracked()
    w.request_success_rate = 1.0
    first = api(w, "pos_request", phone=MTS)
    rid = first["data"]["request_id"]
    assert api(w, "object_get", phone=MTS)["data"]["at_request"] is True
    assert api(w, "pos_get", id=str(rid))["error_code"] == "2"
    go(w, 20)
    assert api(w, "pos_request", phone=MTS) == {
        "code": "WAIT",
        "message": "Last request is processing",
        "result": "success",
        "data": {"request_id": rid},
    }
    go(w, 170)
    got = api(w, "pos_get", id=str(rid))["data"]
    assert api(w, "object_get", phone=MTS)["data"]["at_request"] is False
    assert got["timestamp_request"] - got["timestamp"] in range(0, 6)
    assert START.timestamp() + 30 <= got["timestamp_request"] <= START.timestamp() + 180
    assert [e.type for e in w.events][-1] == "request" or "request" in [e.type for e in w.events]
    assert api(w, "pos_request", phone=MTS)["error_code"] == "4"  # < 5 min since the request
    go(w, 5 * 60 - 190)
    second = api(w, "pos_request", phone=MTS)
    assert second["code"] == "OK" and second["data"]["request_id"] > rid


def test_failed_requests():
    w = tracked(tariff="0")  # no periodic fixes to clear pos_error
    w.request_success_rate = 0.0
    failures = set()
    for _ in range(12):
        rid = api(w, "pos_request", phone=MTS)["data"]["request_id"]
        go(w, 5 * 60)
        assert api(w, "pos_get", id=str(rid))["error_code"] == "4"
        data = api(w, "object_get", phone=MTS)["data"]
        assert data["pos_error"] is True and data["last_timestamp"] != 0
        failures.add(w.events[-1].type)
    assert failures <= {"request_offline", "request_error", "request_roaming"}
    assert "request_offline" in failures
    w.request_success_rate = 0.85
    outcomes = set()
    for _ in range(30):
        rid = api(w, "pos_request", phone=MTS)["data"]["request_id"]
        go(w, 5 * 60)
        outcomes.add(api(w, "pos_get", id=str(rid))["result"])
    assert outcomes == {"success", "error"}


def test_request_of_a_subscriber_leaving_ok_fails():
    w = tracked()
    w.request_success_rate = 1.0
    rid = api(w, "pos_request", phone=MTS)["data"]["request_id"]
    w.set_status(MTS, "limited")
    go(w, 200)
    assert api(w, "pos_get", id=str(rid))["error_code"] == "4"


def test_package_requests_after_ten_minutes_are_free():
    w = tracked(tariff="3", phone=MEGAFON)
    assert api(w, "pos_request", phone=MEGAFON)["error_code"] == "5"
    go(w, 10 * 60)
    before = w.balance
    assert api(w, "pos_request", phone=MEGAFON)["code"] == "OK"
    assert w.balance == before


def test_pos_list_filters_and_paging():
    w = tracked(tariff="15")
    go(w, 12 * H)
    fixes = w.subs[MTS].fixes
    assert 40 <= len(fixes) <= 50
    rows = api(w, "pos_list", phone=MTS)["data"]
    assert [r["timestamp"] for r in rows] == [f.ts for f in reversed(fixes)]
    page = api(w, "pos_list", phone=MTS, offset="5", limit="10")["data"]
    assert page == rows[5:15]
    lo, hi = fixes[10].ts, fixes[20].ts
    window = api(w, "pos_list", phone=MTS, date_start=str(lo), date_end=str(hi))["data"]
    assert [r["timestamp"] for r in window] == [f.ts for f in reversed(fixes[10:21])]
    assert len(api(w, "pos_list", phone=MTS, limit="0")["data"]) == len(fixes)
    assert len(api(w, "pos_list", phone=MTS, limit="5000")["data"]) == len(fixes)


def test_pos_list_caps_at_1000():
    w = tracked(tariff="1", phone=MEGAFON)  # a fix every 5 minutes
    go(w, 4 * 24 * H)
    assert len(w.subs[MEGAFON].fixes) > 1000
    assert len(api(w, "pos_list", phone=MEGAFON)["data"]) == 1000


def _busy_world() -> World:
    w = make(auto_answer=True)
    for i in range(25):
        api(
            w,
            "object_add",
            phone=f"7926{2000000 + i:07d}",
            tariff="15",
            destination={
                "0": {"text": "Казань", "coord": "55.79,49.10"},
                "1": {"text": "Уфа", "coord": "54.73,55.95"},
            },
        )
    go(w, 30 * H)
    return w


def test_events_paging_with_afterid_loses_nothing():
    w = _busy_world()
    total = len(w.events)
    assert total > 120
    newest = api(w, "events")["data"]
    assert len(newest) == 100
    assert [int(e["id"]) for e in newest] == [e.id for e in reversed(w.events[-100:])]
    seen: list[int] = []
    after = 0
    while True:
        page = api(w, "events", afterid=str(after), limit="10")["data"]
        if not page:
            break
        ids = [int(e["id"]) for e in page]
        assert ids == sorted(ids, reverse=True) and len(ids) <= 10
        assert min(ids) > after
        seen.extend(reversed(ids))
        after = ids[0]
    assert seen == [e.id for e in w.events]
    assert len(api(w, "events", limit="3")["data"]) == 10
    assert len(api(w, "events", limit="5000")["data"]) == min(total, 1000)
    last = w.events[-1].id
    assert api(w, "events", afterid=str(last))["data"] == []
    go(w, H)
    fresh = api(w, "events", afterid=str(last), limit="1000")["data"]
    assert [int(e["id"]) for e in fresh] == [e.id for e in reversed(w.events) if e.id > last]


def test_share_request_counter_limit_reset_and_dateoff():
    w = tracked()
    limited = api(w, "share_add", phone=MTS, req_limit="2", dateoff=fmt_dateoff(w.now + 40 * H))[
        "data"
    ]["key"]
    unlimited = api(w, "share_add", phone=[MTS])["data"]["key"]
    go(w, next_midnight(w.now) - w.now - 1)
    rows = {r["key"]: r for r in api(w, "share_list")["data"]}
    assert rows[limited]["req_cnt"] == 2  # capped at req_limit
    assert rows[unlimited]["req_cnt"] >= 2
    go(w, 1)
    assert all(r["req_cnt"] == 0 for r in api(w, "share_list")["data"])
    go(w, 40 * H)
    keys = [r["key"] for r in api(w, "share_list")["data"]]
    assert keys == [unlimited]


def test_share_count_follows_the_account():
    w = tracked()
    api(w, "object_add", phone=MEGAFON)
    w.confirm(MEGAFON)
    key = api(w, "share_add", phone=[MTS, MEGAFON])["data"]["key"]
    api(w, "object_delete", phone=MEGAFON)
    go(w, 10 * 60)
    api(w, "object_delete", phone=MEGAFON)
    assert api(w, "share_list")["data"][0]["cnt"] == 1
    assert api(w, "share_delete", share_key=key)["code"] == "DELETED"
    assert api(w, "share_delete", share_key=key)["error_code"] == "1"


def test_share_takes_only_active_subscribers():
    w = tracked()
    api(w, "object_add", phone=MEGAFON)  # new, not active
    assert api(w, "share_add", phone=[MTS, MEGAFON])["data"]["objects_count"] == 1

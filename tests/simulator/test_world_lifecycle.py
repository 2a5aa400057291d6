"""Subscriber lifecycle, deleting, reactivating, auto-off, tariffs and money."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.msk import fmt_dateoff, next_midnight
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday, 12:00 МСК
MTS, MEGAFON, TELE2 = "79161234567", "79261234567", "79521234567"
H = 3600


def make(**kw: Any) -> World:
    kw.setdefault("auto_answer", False)
    return World(clock=SimClock(start=START, speed=0), **kw)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    return w.handle(function, params)


def go(w: World, seconds: float) -> None:
    w.clock.advance(seconds)
    w.advance_to_now()


def get(w: World, phone: str = MTS) -> dict[str, Any]:
    return api(w, "object_get", phone=phone)["data"]


def kinds(w: World, phone: str = MTS) -> list[str]:
    return [e.type for e in w.events if e.phone == phone]


def test_new_then_wait_then_confirm_charges_the_tariff():
    w = make()
    assert api(w, "object_add", phone="89161234567", tariff="15")["result"] == "success"
    assert get(w)["status"] == "new"
    go(w, 59)
    assert get(w)["status"] == "new"
    go(w, 62)
    assert get(w)["status"] == "wait"
    w.confirm(MTS)
    data = get(w)
    assert (data["status"], data["confirmed"]) == ("ok", True)
    assert w.balance == Decimal("4765.50") - Decimal("280.00")
    assert kinds(w) == ["add", "confirm"]
    w.confirm(MTS)  # already ok: nothing happens
    assert kinds(w) == ["add", "confirm"] and w.balance == Decimal("4485.50")


def test_reject_and_no_confirm():
    w = make()
    api(w, "object_add", phone=MTS)
    api(w, "object_add", phone=MEGAFON)
    w.reject(MTS)
    w.expire_confirmation(MEGAFON)
    assert get(w)["status"] == "rejected" and kinds(w)[-1] == "reject"
    assert get(w, MEGAFON)["status"] == "no_confirmed" and kinds(w, MEGAFON)[-1] == "no_confirm"
    assert w.balance == Decimal("4765.50")


def test_silent_driver_becomes_no_confirmed_after_24_hours():
    w = make()
    api(w, "object_add", phone=MTS)
    go(w, 24 * H - 1)
    assert get(w)["status"] == "wait"
    go(w, 1)
    assert get(w)["status"] == "no_confirmed"
    assert kinds(w) == ["add", "no_confirm"]


def test_drivers_answer_on_their_own():
    w = make(auto_answer=True)
    phones = [f"7916{1000000 + i:07d}" for i in range(20)]
    for phone in phones:
        assert api(w, "object_add", phone=phone)["result"] == "success"
    go(w, 45 * 60)
    assert Counter(get(w, p)["status"] for p in phones)["ok"] >= 8
    go(w, 24 * H)
    final = Counter(get(w, p)["status"] for p in phones)
    assert set(final) <= {"ok", "rejected", "no_confirmed"}
    assert final["ok"] >= 12


def test_delete_rules():
    w = make()
    api(w, "object_add", phone=MTS)
    assert api(w, "object_delete", phone=MTS)["error_code"] == "3"  # new, < 1 h
    w.subs[MTS].wait_since -= H  # a "new" that stayed new for an hour may go
    assert api(w, "object_delete", phone=MTS)["code"] == "DELETED"
    api(w, "object_add", phone=MTS)
    go(w, 2 * H)
    assert get(w)["status"] == "wait"
    assert api(w, "object_delete", phone=MTS)["error_code"] == "2"  # wait, < 24 h
    go(w, 22 * H)
    assert get(w)["status"] == "no_confirmed"
    assert api(w, "object_delete", phone=MTS) == {
        "code": "DELETED",
        "message": "Phone deleted from system",
        "result": "success",
    }
    assert api(w, "object_get", phone=MTS)["error_code"] == "1"


def test_delete_ok_goes_off_new_then_off_then_deleted_with_history():
    w = make()
    api(w, "object_add", phone=MTS, tariff="15")
    w.confirm(MTS)
    w.request_success_rate = 1.0
    rid = api(w, "pos_request", phone=MTS)["data"]["request_id"]
    go(w, H)
    assert len(w.subs[MTS].fixes) >= 3
    assert api(w, "object_delete", phone=MTS) == {
        "code": "DISABLED",
        "message": "Phone set as disabled",
        "result": "success",
    }
    assert get(w)["status"] == "off_new"
    assert api(w, "object_delete", phone=MTS)["error_code"] == "4"
    fixes = len(w.subs[MTS].fixes)
    go(w, 5 * 60)
    assert get(w)["status"] == "off" and kinds(w)[-1] == "off"
    go(w, H)
    assert len(w.subs[MTS].fixes) == fixes  # no tracking once off
    assert api(w, "pos_list", phone=MTS)["data"]  # history kept while off
    assert api(w, "object_delete", phone=MTS)["code"] == "DELETED"
    assert api(w, "pos_get", id=str(rid))["error_code"] == "1"
    assert "off" in [e.type for e in w.events]  # the account's log keeps its events


def test_add_over_an_off_subscriber_starts_afresh():
    w = make()
    api(w, "object_add", phone=MTS, tariff="15", title="Старый")
    w.confirm(MTS)
    go(w, H)
    api(w, "object_delete", phone=MTS)
    go(w, 10 * 60)
    assert get(w)["status"] == "off"
    assert api(w, "object_add", phone=MTS, title="Новый")["result"] == "success"
    data = get(w)
    assert (data["status"], data["title"], data["tariff"]) == ("new", "Новый", "manual")
    assert api(w, "pos_list", phone=MTS)["data"] == []


def test_reactivate_off_and_rejected():
    w = make()
    api(w, "object_add", phone=MTS, tariff="30")
    api(w, "object_add", phone=MEGAFON)
    w.confirm(MTS)
    w.reject(MEGAFON)
    go(w, H)
    api(w, "object_delete", phone=MTS)
    go(w, 10 * 60)
    fixes = len(w.subs[MTS].fixes)
    for phone in (MTS, MEGAFON):
        assert api(w, "object_reactivate", phone=phone) == {
            "code": "OK",
            "message": "Phone reactivated, need confirm from abonent",
            "result": "success",
        }
        assert get(w, phone)["status"] == "wait" and kinds(w, phone)[-1] == "reactivate"
    assert api(w, "object_reactivate", phone=MTS)["error_code"] == "6"
    assert api(w, "object_delete", phone=MTS)["error_code"] == "2"  # a new 24 h round
    w.confirm(MTS)
    assert get(w)["tariff"] == "30" and len(w.subs[MTS].fixes) == fixes
    go(w, H)
    assert len(w.subs[MTS].fixes) > fixes


def test_reactivate_with_dateoff():
    w = make()
    api(w, "object_add", phone=MTS)
    w.reject(MTS)
    dateoff = fmt_dateoff(w.now + 30 * H)
    assert api(w, "object_reactivate", phone=MTS, dateoff=dateoff)["result"] == "success"
    assert get(w)["timestamp_off"] == str(w.now + 30 * H)


def test_dateoff_switches_off():
    w = make()
    api(w, "object_add", phone=MTS, tariff="60", dateoff=fmt_dateoff(w.now + 25 * H))
    assert get(w)["timestamp_off"] == str(w.now + 25 * H)
    w.confirm(MTS)
    go(w, 25 * H - 1)
    assert get(w)["status"] == "ok"
    go(w, 1)
    assert get(w)["status"] == "off" and kinds(w)[-1] == "auto_off"


def test_reactivate_after_auto_off_drops_the_spent_dateoff():
    w = make()
    api(w, "object_add", phone=MTS, tariff="60", dateoff=fmt_dateoff(w.now + 25 * H))
    w.confirm(MTS)
    go(w, 26 * H)
    assert get(w)["status"] == "off"
    assert api(w, "object_reactivate", phone=MTS)["result"] == "success"
    go(w, 60)
    data = get(w)
    assert (data["status"], data["timestamp_off"]) == ("wait", "0")


def test_dateoff_edit_and_clear():
    w = make()
    api(w, "object_add", phone=MTS, tariff="60")
    w.confirm(MTS)
    api(w, "object_edit", phone=MTS, tariff="60", dateoff=fmt_dateoff(w.now + 26 * H))
    api(w, "object_edit", phone=MTS, tariff="60", dateoff="")
    assert get(w)["timestamp_off"] == "0"
    go(w, 27 * H)
    assert get(w)["status"] == "ok"


def test_tariff_change_waits_for_midnight():
    w = make()
    api(w, "object_add", phone=MEGAFON, tariff="15")
    w.confirm(MEGAFON)
    after_confirm = w.balance
    assert api(w, "object_edit", phone=MEGAFON, tariff="30")["message"] == "Edited"
    data = get(w, MEGAFON)
    assert (data["tariff"], data["tariff_new"]) == ("15", "30")
    midnight = next_midnight(w.now)
    go(w, midnight - w.now - 1)
    assert get(w, MEGAFON)["tariff_new"] == "30" and w.balance == after_confirm
    go(w, 1)
    data = get(w, MEGAFON)
    assert (data["tariff"], data["tariff_new"]) == ("30", None)
    assert kinds(w, MEGAFON)[-1] == "tariff_auto"
    assert w.balance == after_confirm - Decimal("28.00")  # the new abon, once
    go(w, 24 * H)
    assert w.balance == after_confirm - Decimal("56.00")


def test_activate_switches_at_once_and_cancel_clears_the_pending_tariff():
    w = make()
    api(w, "object_add", phone=MEGAFON, tariff="15")
    w.confirm(MEGAFON)
    before = w.balance
    api(w, "object_edit", phone=MEGAFON, tariff="60", activate="1")
    data = get(w, MEGAFON)
    assert (data["tariff"], data["tariff_new"]) == ("60", None)
    assert w.balance == before - Decimal("25.00")
    assert "tariff_auto" not in kinds(w, MEGAFON)
    api(w, "object_edit", phone=MEGAFON, tariff="30")
    assert get(w, MEGAFON)["tariff_new"] == "30"
    assert api(w, "object_cancel_tariff", phone=MEGAFON)["message"] == "New tariff canceled"
    assert get(w, MEGAFON)["tariff_new"] is None
    go(w, next_midnight(w.now) - w.now)
    assert get(w, MEGAFON)["tariff"] == "60"
    assert w.balance == before - Decimal("50.00")  # activation + one midnight on "60"


def test_omitting_the_tariff_on_edit_means_manual():
    w = make()
    api(w, "object_add", phone=MEGAFON, tariff="15")
    w.confirm(MEGAFON)
    api(w, "object_edit", phone=MEGAFON, title="Переименован")
    data = get(w, MEGAFON)
    assert (data["title"], data["tariff"], data["tariff_new"]) == ("Переименован", "15", "0")
    api(w, "object_edit", phone=MEGAFON, tariff="15")  # the current one: nothing changes
    assert get(w, MEGAFON)["tariff_new"] == "0"
    api(w, "object_edit", phone=MEGAFON, tariff="0")  # the pending one: nothing changes
    assert get(w, MEGAFON)["tariff_new"] == "0"
    go(w, next_midnight(w.now) - w.now)
    data = get(w, MEGAFON)
    assert (data["tariff"], data["tariff_new"]) == ("manual", None)
    api(w, "object_edit", phone=MEGAFON, tariff="manual", title="x")
    assert get(w, MEGAFON)["tariff_new"] is None


def test_package_charges_once_a_month_and_prolongs_or_falls_back():
    w = make()
    api(w, "object_add", phone=MEGAFON, tariff="3", package_prolong="1")
    api(w, "object_add", phone=TELE2, tariff="3")
    w.confirm(MEGAFON)
    w.confirm(TELE2)
    assert w.balance == Decimal("4765.50") - 180
    go(w, 29 * 24 * H)
    assert w.balance == Decimal("4765.50") - 180
    go(w, 2 * 24 * H)
    assert get(w, MEGAFON)["tariff"] == "3" and get(w, MEGAFON)["package_prolong"] == 1
    assert get(w, TELE2)["tariff"] == "manual" and "tariff_auto" in kinds(w, TELE2)
    spent = Decimal("4765.50") - w.balance
    # megafon renewed once (90); tele2 fell back to manual: 0.50 per day from then on
    assert Decimal("270.00") <= spent <= Decimal("272.00")


def test_manual_tariff_charges_daily_and_per_request():
    w = make()
    api(w, "object_add", phone=MTS, tariff="0")
    w.confirm(MTS)
    assert w.balance == Decimal("4761.50")
    assert api(w, "pos_request", phone=MTS)["code"] == "OK"
    assert w.balance == Decimal("4758.50")
    go(w, next_midnight(w.now) - w.now)
    assert w.balance == Decimal("4754.50")
    w.set_balance(Decimal("2.99"))
    go(w, 10 * 60)
    assert api(w, "pos_request", phone=MTS)["error_code"] == "6"
    w.set_balance(Decimal("0"), Decimal("3.00"))
    assert api(w, "pos_request", phone=MTS)["code"] == "OK"
    assert w.balance == Decimal("-3.00")


def test_money_check_on_add_counts_credit():
    w = make()
    w.set_balance(Decimal("100"), Decimal("200"))
    assert api(w, "object_add", phone=MTS, tariff="15")["result"] == "success"  # 280
    w.set_balance(Decimal("100"), Decimal("0"))
    assert api(w, "object_add", phone=MEGAFON, tariff="15")["result"] == "success"  # 30
    assert api(w, "object_add", phone="79031234567", tariff="15")["result"] == "success"


def test_set_status_and_limit_event():
    w = make()
    api(w, "object_add", phone=MTS, tariff="15")
    w.confirm(MTS)
    w.set_status(MTS, "limited")
    assert get(w)["status"] == "limited" and kinds(w)[-1] == "limit"
    fixes = len(w.subs[MTS].fixes)
    go(w, 2 * H)
    assert len(w.subs[MTS].fixes) == fixes
    for status in ("error", "wrong", "error_exists"):
        w.set_status(MTS, status)
        assert get(w)["status"] == status
    w.set_status(MTS, "ok")
    go(w, H)
    assert len(w.subs[MTS].fixes) > fixes


def test_edit_changes_only_what_is_sent():
    w = make()
    api(
        w,
        "object_add",
        phone=MTS,
        tariff="15",
        title="Иванов",
        tags="тент,X5",
        metadata={"Водитель": "Иванов"},
        sw1="1",
        st=["09:00", "18:00"],
        destination={
            "1": {"text": "Б", "coord": "55.0,38.0", "time": "28.11.2026 10:00"},
            "0": {"text": "А", "coord": "56.0,37.0", "time": "27.11.2026 10:00"},
        },
    )
    assert [p["text"] for p in get(w)["destination"]] == ["А", "Б"]
    api(w, "object_edit", phone=MTS, tariff="15", title="Петров")
    data = get(w)
    assert (data["title"], data["tags"], data["metadata"]) == (
        "Петров",
        "тент,X5",
        {"Водитель": "Иванов"},
    )
    assert data["schedule"]["st"] == ["09:00", "18:00"] and len(data["destination"]) == 2
    api(
        w,
        "object_edit",
        phone=MTS,
        tariff="15",
        destination={"0": {"text": "Казань", "coord": "55.79,49.10"}},
    )
    assert [(p["text"], p["time"]) for p in get(w)["destination"]] == [("Казань", "")]
    api(w, "object_edit", phone=MTS, tariff="15", sw3="1", sw5="1", st=["7:05"])
    assert get(w)["schedule"] == {
        "sw1": 0,
        "sw2": 0,
        "sw3": 1,
        "sw4": 0,
        "sw5": 1,
        "sw6": 0,
        "sw7": 0,
        "st": ["07:05"],
    }
    api(w, "object_edit", phone=MTS, tariff="15", st="")
    assert get(w)["schedule"]["st"] == [] and get(w)["schedule"]["sw3"] == 0
    api(w, "object_edit", phone=MTS, tariff="15", destination="", metadata="", tags="")
    data = get(w)
    assert (data["destination"], data["metadata"], data["tags"]) == ([], [], "")
    long_name = "Н" * 40
    api(w, "object_edit", phone=MTS, tariff="15", metadata={long_name: "з" * 100})
    assert get(w)["metadata"] == {"Н" * 32: "з" * 64}


def test_legacy_distance_params_make_a_one_point_route():
    w = make()
    api(w, "object_add", phone=MTS, distance_text="Казань", distance_coord="55.79,49.10")
    assert [p["text"] for p in get(w)["destination"]] == ["Казань"]

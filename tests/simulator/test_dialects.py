"""The simulator's dialects: every disputed point is a named switch, each tested on its
own, and the two named dialects (``2017``, ``v2``) over HTTP and the control API."""

from __future__ import annotations

from typing import Any

import pytest

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.dialects import DIALECTS, Dialect, dialect, parse_switch
from movizor_desktop.simulator.msk import fmt_dateoff
from movizor_desktop.simulator.world import World
from tests.simulator.test_world_lifecycle import MEGAFON, MTS, START, api, get, go

H = 3600


def make(name: str = "2017", fleet: int = 0, **switches: Any) -> World:
    return World(
        clock=SimClock(start=START, speed=0),
        auto_answer=False,
        fleet=fleet,
        dialect=dialect(name, switches),
    )


# --- the dialect object ----------------------------------------------------------------


def test_named_dialects_and_switch_parsing() -> None:
    assert Dialect().name == "2017" and DIALECTS["v2"].name == "v2"
    assert dialect("v2", {"events_after": "oldest"}).name == "custom"
    assert parse_switch("escape_text=on") == ("escape_text", True)
    assert parse_switch("events_after=newest") == ("events_after", "newest")
    for bad in ("tariffs=v3", "what=1", "bare_clears", "manual_word=maybe"):
        with pytest.raises(ValueError):
            parse_switch(bad)
    with pytest.raises(ValueError):
        dialect("v3")
    with pytest.raises(ValueError):
        Dialect(tariffs="v3")


# --- tariffs and the manual word -------------------------------------------------------


def test_tariff_plans() -> None:
    old, new = make(), make("v2")
    assert set(api(old, "balance")["data"]["tariff"]["mts"]) == {"0", "3", "15", "30", "60", "180"}
    table = api(new, "balance")["data"]["tariff"]
    assert set(table["mts"]) == {"4", "5", "6", "7"} and set(table["megafon"]) == {"4", "5"}
    assert table["mts"]["4"]["title"] == "Вручную" and isinstance(table["mts"]["7"]["abon"], int)
    # the default is each plan's manual tariff
    api(old, "object_add", phone=MTS)
    api(new, "object_add", phone=MTS)
    assert get(old)["tariff"] == "manual" and get(new)["tariff"] == "4"
    assert new.subs[MTS].tariff == "4"
    # ids of the other plan are refused
    assert api(new, "object_add", phone=MEGAFON, tariff="15")["error_code"] == "12"
    assert api(new, "object_add", phone=MEGAFON, tariff="6")["error_code"] == "12"
    assert api(new, "tariff_calculator", operator="megafon", tariff="0")["error_code"] == "3"
    assert api(new, "tariff_calculator", operator="mts", tariff="manual")["data"]["type"] == "daily"
    # an edit without a tariff switches to manual: "4" here
    api(new, "object_add", phone="79161234500", tariff="7")
    api(new, "object_edit", phone="79161234500")
    assert get(new, "79161234500")["tariff_new"] == "4"


def test_manual_word_switch() -> None:
    w = make("v2", manual_word=True)
    api(w, "object_add", phone=MTS)
    assert get(w)["tariff"] == "manual"
    w = make(manual_word=False)
    api(w, "object_add", phone=MTS)
    assert get(w)["tariff"] == "0"


def test_v2_periodic_tracking_and_charges() -> None:
    w = make("v2")
    api(w, "object_add", phone=MTS, tariff="7")
    balance = w.balance
    w.confirm(MTS)
    assert balance - w.balance == 135  # the abon of "7" on MTS
    go(w, 2 * H)
    assert 3 <= len(w.subs[MTS].fixes) <= 5  # every 30 min


def test_seeded_v2_fleet_uses_v2_tariffs() -> None:
    w = make("v2", fleet=40)
    used = {s.tariff for s in w.subs.values()}
    assert used <= {"4", "5", "6", "7"} and {"4", "5"} <= used
    assert all(s.tariff in ("4", "5") for s in w.subs.values() if s.operator != "mts")


# --- events after an id ----------------------------------------------------------------


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_events_after_id(order: str) -> None:
    w = make(events_after=order)
    for i in range(30):
        w.emit(MTS, "request", ts=w.now + i)
    ids = [e.id for e in w.events]
    page = api(w, "events", afterid=str(ids[4]), limit="10")["data"]
    got = [int(e["id"]) for e in page]
    assert got == sorted(got, reverse=True)  # newest first in both readings
    expected = ids[5:15] if order == "oldest" else ids[-10:]
    assert sorted(got) == expected


# --- object_get's extras ---------------------------------------------------------------


def test_object_get_extras_switch() -> None:
    for extras in (True, False):
        w = make(object_get_extras=extras)
        api(w, "object_add", phone=MTS, tags="a,b", sw1="1", **{"st[]": "09:00"})
        data = get(w)
        assert (
            {"schedule", "tags", "package_prolong"} <= set(data)
            if extras
            else not {"schedule", "tags", "package_prolong"} & set(data)
        )


# --- clearing --------------------------------------------------------------------------


def _trip(w: World) -> None:
    api(
        w,
        "object_add",
        phone=MTS,
        tariff="15",
        destination={"0": {"text": "Казань", "coord": "55.79,49.12"}},
        metadata={"Водитель": "Иванов", "ТС": "А123ВС"},
        sw1="1",
        sw3="1",
        st=["09:00", "18:00"],
    )


def test_bare_values_clear_in_the_2017_reading() -> None:
    w = make()
    _trip(w)
    api(w, "object_edit", phone=MTS, tariff="15", destination="", metadata="", st="")
    data = get(w)
    assert data["destination"] == [] and data["metadata"] == []
    assert data["schedule"] == {**{f"sw{d}": 0 for d in range(1, 8)}, "st": []}


def test_omitted_weekday_is_off_in_the_2017_reading() -> None:
    w = make()
    _trip(w)
    api(w, "object_edit", phone=MTS, tariff="15", sw1="1", st=["09:00"])
    assert get(w)["schedule"]["sw3"] == 0


def test_only_explicit_values_clear_in_the_v2_reading() -> None:
    w = make(bare_clears=False)
    _trip(w)
    api(w, "object_edit", phone=MTS, tariff="15", destination="", metadata="", st="")
    data = get(w)
    assert len(data["destination"]) == 1 and set(data["metadata"]) == {"Водитель", "ТС"}
    assert data["schedule"]["st"] == ["09:00", "18:00"]
    api(w, "object_edit", phone=MTS, tariff="15", sw1="1")  # sw3 left out: stays on
    assert (get(w)["schedule"]["sw1"], get(w)["schedule"]["sw3"]) == (1, 1)
    api(w, "object_edit", phone=MTS, tariff="15", sw3="0", metadata={"ТС": "", "Водитель": "П"})
    data = get(w)
    assert (data["schedule"]["sw1"], data["schedule"]["sw3"]) == (1, 0)
    assert data["metadata"] == {"Водитель": "П"}
    api(w, "object_edit", phone=MTS, tariff="15", st=["12:00"])
    assert get(w)["schedule"]["st"] == ["12:00"]
    api(w, "object_edit", phone=MTS, tariff="15", **{f"sw{d}": "0" for d in range(1, 8)})
    assert w.subs[MTS].schedule is not None and not w.subs[MTS].schedule.active


# --- reactivation ----------------------------------------------------------------------


@pytest.mark.parametrize("allowed", [True, False])
def test_reactivation_after_a_manual_switch_off(allowed: bool) -> None:
    w = make(reactivate_manual_off=allowed)
    api(w, "object_add", phone=MTS, tariff="15")
    w.confirm(MTS)
    assert api(w, "object_delete", phone=MTS)["code"] == "DISABLED"
    go(w, 10 * 60)
    assert get(w)["status"] == "off"
    answer = api(w, "object_reactivate", phone=MTS)
    assert answer["result"] == ("success" if allowed else "error")
    if not allowed:
        assert answer["error_code"] == "7"


@pytest.mark.parametrize("name", ["2017", "v2"])
def test_reactivation_after_an_automatic_switch_off(name: str) -> None:
    w = make(name)
    api(w, "object_add", phone=MTS, dateoff=fmt_dateoff(w.now + 26 * H))
    w.confirm(MTS)
    go(w, 27 * H)
    assert get(w)["status"] == "off"
    assert api(w, "object_reactivate", phone=MTS)["result"] == "success"


# --- escaping of free texts ------------------------------------------------------------


def test_escape_text_switch() -> None:
    for escape in (False, True):
        w = make(escape_text=escape)
        api(
            w,
            "object_add",
            phone=MTS,
            title='ООО "Ромашка" & Ко',
            destination={"0": {"text": "Склад <Б>", "coord": "55.79,49.12"}},
        )
        data = get(w)
        if escape:
            assert data["title"] == "ООО &quot;Ромашка&quot; &amp; Ко"
            assert data["destination"][0]["text"] == "Склад &lt;Б&gt;"
        else:
            assert data["title"] == 'ООО "Ромашка" & Ко'
            assert data["destination"][0]["text"] == "Склад <Б>"


# --- over HTTP: the wrong key, and the control API -------------------------------------


def test_wrong_key_answer_before_the_lockout(make_server, client_factory, key) -> None:
    server = make_server(fleet=1)
    http = client_factory(base_url=server.base_url + "demo/")
    from movizor_desktop.simulator import SimControl

    with SimControl(server.control_url) as ctl:
        ctl.set_dialect(wrong_key="code0")
        answers = [http.get("balance/", params={"key": "wrong"}).json() for _ in range(6)]
        assert [a["error_code"] for a in answers] == ["0"] * 5 + ["ACCESS_DENIED"]
        assert answers[0]["error_text"] == "Incorrect key"
        assert answers[5]["error_text"] == "Auth rate limit exceeded"
        ctl.clear_auth()
        ctl.set_dialect("2017")
        answer = http.get("balance/", params={"key": "wrong"}).json()
        assert (answer["error_code"], answer["error_text"]) == (
            "ACCESS_DENIED",
            "Wrong project or key",
        )
        assert http.get("balance/", params={"key": key}).json()["result"] == "success"


def test_dialect_control(ctl, make_server) -> None:
    from movizor_desktop.simulator import SimControl, SimControlError

    assert ctl.dialect() == {"name": "2017", "switches": DIALECTS["2017"].to_dict()["switches"]}
    assert ctl.set_dialect(events_after="newest")["name"] == "custom"
    assert ctl.state()["dialect"]["switches"]["events_after"] == "newest"
    with pytest.raises(SimControlError) as refused:
        ctl.set_dialect("v2")  # the account has subscribers on 2017 tariffs
    assert refused.value.status == 400 and "tariff plan" in refused.value.message
    assert ctl.set_dialect("v2", tariffs="2017")["switches"]["tariffs"] == "2017"
    for bad in ({"name": "v3"}, {"switches": {"events_after": "up"}}, {"switches": []}):
        with pytest.raises(SimControlError) as exc:
            ctl._call("POST", "dialect", bad)
        assert exc.value.status == 400
    empty = make_server(fleet=0)
    with SimControl(empty.control_url) as control:
        assert control.set_dialect("v2")["name"] == "v2"

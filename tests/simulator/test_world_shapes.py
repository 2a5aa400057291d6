"""Every function's success envelope and the exact JSON types of the captured answers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday, 12:00 МСК
MTS, MEGAFON = "79161234567", "79261234567"
C6 = re.compile(r"^-?\d+\.\d{6}$")
C7 = re.compile(r"^-?\d+\.\d{7}$")
DIGITS = re.compile(r"^\d+$")


def make() -> World:
    return World(clock=SimClock(start=START, speed=0), auto_answer=False)


def api(w: World, function: str, **params: Any) -> dict[str, Any]:
    answer = w.handle(function, params)
    json.dumps(answer, ensure_ascii=True)  # the server can always serialize it
    return answer


def ok(answer: dict[str, Any], message: str, code: str = "OK") -> Any:
    assert answer["result"] == "success", answer
    keys = ["code", "message", "result"] + (["data"] if "data" in answer else [])
    assert list(answer) == keys
    assert answer["code"] == code and answer["message"] == message
    return answer.get("data")


@pytest.fixture
def tracked() -> World:
    """A manual subscriber and a tariff-15 subscriber with a route, confirmed, one fix."""
    w = make()
    ok(api(w, "object_add", phone="+7 (916) 123-45-67", tariff="0", title="Ручной"), "Added")
    ok(
        api(
            w,
            "object_add",
            phone="8-926-123-45-67",
            tariff="15",
            title="Рейс 1",
            destination={
                "0": {"text": "Казань", "coord": "55.796100,49.106400", "time": "28.11.2026 18:00"}
            },
            metadata={"Клиент": 'ООО "Ромашка & Ко"', "Груз": "<хрупкое> 'осторожно'"},
            tags="тент,X5",
            sw1="1",
            st=["09:00"],
        ),
        "Added",
    )
    w.confirm(MTS)
    w.confirm(MEGAFON)
    w.clock.advance(200)
    w.advance_to_now()
    return w


def test_balance_shape():
    data = ok(api(make(), "balance"), "Balance info")
    assert data["balance"] == "4765.50" and data["credit"] == "0.00" and data["type"] == "org"
    tariff = data["tariff"]
    assert set(tariff["mts"]) == {"0", "3", "15", "30", "60", "180"}
    for op in ("megafon", "beeline", "tele2"):
        assert set(tariff[op]) == {"0", "1", "3", "15", "30", "60"}
    assert tariff["mts"]["15"]["abon"] == 280  # the one bare number
    assert tariff["mts"]["0"] == {"abon": "4.00", "request": "3.00", "title": "Вручную"}
    bare = [
        (op, t)
        for op in ("mts", "megafon", "beeline", "tele2")
        for t, row in tariff[op].items()
        if not isinstance(row["abon"], str)
    ]
    assert bare == [("mts", "15")]
    assert isinstance(tariff["eventsms"], list) and isinstance(tariff["autoinform"], list)
    assert tariff["eventsms"][0]["request"] == "4.00"


def test_object_get_of_a_fresh_subscriber():
    w = make()
    ok(api(w, "object_add", phone="79161234567"), "Added")
    data = ok(api(w, "object_get", phone=MTS), "")
    assert data["status"] == "new" and data["confirmed"] is False
    assert data["title"] == "(916) 123-45-67"
    assert data["tariff"] == "manual" and data["tariff_new"] is None
    assert data["last_timestamp"] == 0 and data["at_request"] is False
    assert data["current_lat"] is None and data["current_lon"] is None
    assert data["place"] == "" and data["distance"] == 0
    assert data["distance_forecast_time"] is None and data["distance_forecast_status"] is None
    assert data["on_parking"] is None and data["destination"] == []
    assert data["offline_time"] == 0 and data["pos_error"] is False
    assert data["timestamp_off"] == "0" and data["timestamp_add"] == str(w.now)
    assert data["metadata"] == []  # PHP's empty array
    assert data["tags"] == "" and data["package_prolong"] == 0
    assert data["schedule"] == {**{f"sw{i}": 0 for i in range(1, 8)}, "st": []}
    assert list(data)[:21] == [
        "phone",
        "status",
        "confirmed",
        "title",
        "tariff",
        "tariff_new",
        "last_timestamp",
        "at_request",
        "current_lon",
        "current_lat",
        "place",
        "distance",
        "distance_forecast_time",
        "distance_forecast_status",
        "on_parking",
        "destination",
        "offline_time",
        "pos_error",
        "timestamp_off",
        "timestamp_add",
        "metadata",
    ]


def test_object_get_of_a_tracked_subscriber(tracked: World):
    data = ok(api(tracked, "object_get", phone=MEGAFON), "")
    assert data["status"] == "ok" and data["confirmed"] is True and data["tariff"] == "15"
    assert DIGITS.match(data["last_timestamp"])
    assert C6.match(data["current_lat"]) and C6.match(data["current_lon"])
    assert data["place"]
    assert DIGITS.match(data["distance"]) and DIGITS.match(data["distance_forecast_time"])
    assert data["distance_forecast_status"] in ("ok", "late")
    assert isinstance(data["on_parking"], bool)
    point = data["destination"][0]
    assert list(point) == ["text", "lat", "lon", "time", "timestamp_finished", "status"]
    assert point["text"] == "Казань" and point["lat"] == "55.796100"
    assert point["time"] == "28.11.2026 18:00" and point["timestamp_finished"] is None
    assert point["status"] in ("ok", "late")
    assert data["metadata"] == {
        "Клиент": "ООО &quot;Ромашка &amp; Ко&quot;",
        "Груз": "&lt;хрупкое&gt; &#039;осторожно&#039;",
    }
    assert data["tags"] == "тент,X5"
    assert data["schedule"] == {
        "sw1": 1,
        "sw2": 0,
        "sw3": 0,
        "sw4": 0,
        "sw5": 0,
        "sw6": 0,
        "sw7": 0,
        "st": ["09:00"],
    }


def test_object_list_shape(tracked: World):
    data = ok(api(tracked, "object_list"), "")
    assert data == [{"phone": MTS, "status": "ok"}, {"phone": MEGAFON, "status": "ok"}]


def test_pos_last_shapes(tracked: World):
    assert ok(api(tracked, "pos_last", phone=MTS), "") == []  # manual: no fix yet
    data = ok(api(tracked, "pos_last", phone=MEGAFON), "")
    assert list(data) == [
        "lon",
        "lat",
        "timestamp",
        "timestamp_request",
        "radius",
        "distance",
        "distance_forecast_time",
        "distance_forecast_status",
        "place",
    ]
    assert C6.match(data["lat"]) and C6.match(data["lon"])
    assert isinstance(data["timestamp"], int) and isinstance(data["timestamp_request"], int)
    assert data["timestamp"] <= data["timestamp_request"]
    assert isinstance(data["radius"], int) and 250 <= data["radius"] <= 5000
    assert isinstance(data["distance"], str) and isinstance(data["distance_forecast_time"], str)
    assert isinstance(data["place"], str) and data["place"]


def test_pos_list_and_pos_objects_shapes(tracked: World):
    tracked.clock.advance(3 * 3600)
    rows = ok(api(tracked, "pos_list", phone=MEGAFON), "")
    assert len(rows) >= 10
    assert [r["timestamp"] for r in rows] == sorted((r["timestamp"] for r in rows), reverse=True)
    for row in rows:
        assert isinstance(row["radius"], str) and DIGITS.match(row["radius"])
        assert isinstance(row["timestamp"], int)
    objects = ok(api(tracked, "pos_objects"), "Current positions")
    assert [o["phone"] for o in objects] == [MEGAFON]
    assert list(objects[0]) == [
        "phone",
        "lon",
        "lat",
        "timestamp",
        "radius",
        "place",
        "distance",
        "distance_forecast_time",
        "distance_forecast_status",
    ]
    assert isinstance(objects[0]["radius"], int) and isinstance(objects[0]["timestamp"], int)


def test_pos_request_and_pos_get_shapes(tracked: World):
    tracked.request_success_rate = 1.0
    data = ok(api(tracked, "pos_request", phone=MEGAFON), "Request is added to queue")
    assert isinstance(data["request_id"], int)
    tracked.clock.advance(181)
    got = ok(api(tracked, "pos_get", id=str(data["request_id"])), "")
    assert list(got) == [
        "lon",
        "lat",
        "timestamp",
        "timestamp_request",
        "radius",
        "distance",
        "distance_forecast_time",
        "distance_forecast_status",
        "place",
    ]
    assert isinstance(got["timestamp"], int) and isinstance(got["timestamp_request"], int)
    assert isinstance(got["radius"], str) and isinstance(got["distance"], str)
    assert isinstance(got["distance_forecast_time"], str)


def test_events_shape(tracked: World):
    rows = ok(api(tracked, "events"), "")
    assert rows and all(list(r) == ["id", "timestamp", "phone", "type"] for r in rows)
    assert all(isinstance(r["id"], str) and isinstance(r["timestamp"], str) for r in rows)
    ids = [int(r["id"]) for r in rows]
    assert ids == sorted(ids, reverse=True) and ids[-1] >= 35_000_000
    assert {"add", "confirm"} <= {r["type"] for r in rows}


def test_operator_calculator_and_geocoder_shapes():
    w = make()
    assert ok(api(w, "get_operator", phone="79110234567"), "Operator info") == {
        "operator": "mts",
        "title": "МТС",
        "region": "г. Санкт-Петербург и Ленинградская область",
    }
    calc = ok(api(w, "tariff_calculator", operator="megafon", tariff="0"), "Operator info")
    assert calc["type"] == "daily" and calc["price"] == 3 and calc["description"]
    assert (
        ok(api(w, "tariff_calculator", operator="tele2", tariff="0"), "Operator info")["price"]
        == 0.5
    )
    assert (
        ok(api(w, "tariff_calculator", operator="mts", tariff="3"), "Operator info")["type"]
        == "package"
    )
    found = ok(api(w, "distance_search", query="Вятская 27"), "Found")
    assert found == [
        {
            "lat": "55.8070325",
            "lon": "37.5795807",
            "title": "Вятская улица, 27, Москва, ЦФО, 127015, Россия",
        }
    ]
    assert all(
        C7.match(r["lat"]) and C7.match(r["lon"])
        for r in ok(api(w, "distance_search", query="Москва"), "Found")
    )


def test_shares_shapes(tracked: World):
    data = ok(
        api(
            tracked,
            "share_add",
            phone=[MTS, MEGAFON],
            comments="Для клиента",
            client="Магнит",
            email="a@b.ru",
            req_limit="10",
            dateoff="30.11.2026 18:00:00",
        ),
        "",
    )
    assert re.match(r"^\d{3}-\d{3}-\d{3}-\d{3}-\d{4}$", data["key"])
    assert data["objects_count"] == 2
    single = ok(api(tracked, "share_add", phone=MTS), "")
    assert single["objects_count"] == 1
    rows = ok(api(tracked, "share_list"), "")
    assert [r["key"] for r in rows] == [data["key"], single["key"]]
    row = rows[0]
    assert list(row) == [
        "id",
        "timestamp",
        "key",
        "link",
        "cnt",
        "req_limit",
        "req_cnt",
        "timestamp_off",
        "client",
        "comments",
        "email",
    ]
    assert isinstance(row["id"], str) and isinstance(row["timestamp"], str)
    assert row["link"] == f"https://movizor.ru/share/{data['key']}"
    assert (row["cnt"], row["req_limit"], row["req_cnt"]) == (2, 10, 0)
    assert row["timestamp_off"] == str(int(datetime(2026, 11, 30, 15, tzinfo=UTC).timestamp()))
    assert rows[1]["timestamp_off"] == "" and rows[1]["req_limit"] == 0
    assert (row["client"], row["comments"], row["email"]) == ("Магнит", "Для клиента", "a@b.ru")
    assert (
        ok(
            api(tracked, "share_delete", share_key=data["key"]),
            "Share_key deleted from system",
            code="DELETED",
        )
        is None
    )


def test_event_subscriptions_shapes(tracked: World):
    ok(
        api(
            tracked,
            "events_subscribe_add",
            phones_all="1",
            events="reject",
            notify_type="email",
            notify_value="d@example.ru",
        ),
        "Added",
    )
    ok(
        api(
            tracked,
            "events_subscribe_add",
            phones=[MTS, MEGAFON],
            events="onparking",
            notify_type="telegram",
        ),
        "Added",
    )
    ok(
        api(
            tracked,
            "events_subscribe_add",
            phones=[MTS],
            events="pos_late",
            notify_type="sms",
            notify_value="+7 916 000-11-22",
        ),
        "Added",
    )
    rows = ok(api(tracked, "events_subscribe_list"), "Subscribe list")
    assert [list(r) for r in rows] == [
        ["id", "phones_all", "phones", "timestamp", "type", "phone", "email", "telegram"]
    ] * 3
    first, second, third = rows
    assert isinstance(first["id"], str) and isinstance(first["timestamp"], str)
    assert (
        first["phones_all"],
        first["phones"],
        first["email"],
        first["phone"],
        first["telegram"],
    ) == (1, [], "d@example.ru", "", 0)
    assert (second["phones_all"], second["phones"], second["telegram"]) == (0, [MTS, MEGAFON], 1)
    assert third["phone"] == "79160001122" and third["type"] == "pos_late"
    ok(api(tracked, "events_subscribe_delete", id=first["id"]), "Deleted")
    assert len(ok(api(tracked, "events_subscribe_list"), "Subscribe list")) == 2


def test_write_functions_answer_without_data(tracked: World):
    assert ok(api(tracked, "object_edit", phone=MTS, tariff="0", title="x"), "Edited") is None
    assert ok(api(tracked, "object_cancel_tariff", phone=MTS), "New tariff canceled") is None
    assert (
        ok(api(tracked, "object_delete", phone=MTS), "Phone set as disabled", code="DISABLED")
        is None
    )


def test_unknown_function():
    assert api(make(), "object_fly") == {
        "result": "error",
        "error_code": "0",
        "error_text": "Unknown function",
        "error_text_ru": "",
    }


def test_balance_reflects_set_balance():
    w = make()
    w.set_balance(Decimal("12.3"), Decimal("100"))
    data = ok(api(w, "balance"), "Balance info")
    assert (data["balance"], data["credit"]) == ("12.30", "100.00")

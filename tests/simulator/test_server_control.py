"""The /_sim/ control API, through SimControl and raw HTTP."""

from __future__ import annotations

from decimal import Decimal

import pytest

from movizor_desktop.simulator.control import SimControlError


def test_state(server, ctl) -> None:
    state = ctl.state()
    assert state["base_url"] == server.base_url
    assert state["project"] == "demo"
    assert state["requests"] == 0
    assert state["quota_per_hour"] == 5000
    assert state["clock"]["timestamp"] == server.world.clock.timestamp()
    for name, value in server.world.snapshot().items():
        assert name in state, name
        assert value is None or state[name] is not None


def test_clock_advance_and_speed(server, ctl) -> None:
    before = server.world.clock.timestamp()
    answer = ctl.advance(90)
    assert answer["timestamp"] == before + 90 == server.world.clock.timestamp()
    assert ctl.set_speed(30) == {"speed": 30.0}
    assert server.world.clock.speed == 30.0
    assert ctl.set_speed(0)["speed"] == 0.0
    for bad in (-1, "fast", None, True):
        with pytest.raises(SimControlError) as err:
            ctl.set_speed(bad)  # type: ignore[arg-type]
        assert err.value.status == 400
    with pytest.raises(SimControlError):
        ctl.advance(-5)


@pytest.mark.parametrize("action", ["confirm", "reject", "no_confirm"])
def test_subscriber_actions_and_unknown_phone(server, ctl, action) -> None:
    phone = server.world.phones()[0]
    assert getattr(ctl, action)(phone)["ok"] is True
    with pytest.raises(SimControlError) as err:
        getattr(ctl, action)("79990000000")
    assert err.value.status == 404
    assert "79990000000" in err.value.message


def test_set_status(server, ctl) -> None:
    phone = server.world.phones()[1]
    ctl.set_status(phone, "limited")
    listed = {s["phone"]: s["status"] for s in server.world.handle("object_list", {})["data"]}
    assert listed[phone] == "limited"
    with pytest.raises(SimControlError) as err:
        ctl.set_status("79990000000", "limited")
    assert err.value.status == 404


def test_balance(server, ctl, call) -> None:
    ctl.set_balance(Decimal("100.00"), "0.00")
    assert call("balance")["data"]["balance"] == "100.00"
    ctl.set_balance("12.5")
    assert Decimal(call("balance")["data"]["balance"]) == Decimal("12.5")
    for bad in ("abc", "NaN", True):
        with pytest.raises(SimControlError) as err:
            ctl.set_balance(bad)  # type: ignore[arg-type]
        assert err.value.status == 400


def test_inject_error(ctl, call) -> None:
    assert ctl.inject_error("share_add", "3") == {
        "ok": True,
        "function": "share_add",
        "code": "3",
        "count": 1,
    }
    envelope = call("share_add", phone="79000000000")
    assert (envelope["result"], envelope["error_code"]) == ("error", "3")
    with pytest.raises(SimControlError) as err:
        ctl.inject_error("no_such_function", "1")
    assert err.value.status == 400
    with pytest.raises(SimControlError) as err:
        ctl.inject_error("share_add", "3", count=-1)
    assert err.value.status == 400
    ctl.inject_error("share_add", "3", count=2)
    ctl.inject_error("share_add", "3", count=0)  # clears
    assert call("share_add", phone="79000000000")["error_code"] != "3"


def test_faults_endpoints(ctl) -> None:
    rule = ctl.add_fault("http_502", function="pos_objects", count=2)
    assert rule == {
        "id": rule["id"],
        "kind": "http_502",
        "function": "pos_objects",
        "count": 2,
        "latency": None,
    }
    ctl.add_fault("latency", latency=0.5, count=None)
    assert [r["kind"] for r in ctl.faults()] == ["http_502", "latency"]
    assert ctl.clear_faults() == 2
    assert ctl.faults() == []
    for kwargs in (
        {"kind": "nope"},
        {"kind": "reset", "count": 0},
        {"kind": "latency", "latency": -1},
        {"kind": "drop", "function": ""},
    ):
        with pytest.raises(SimControlError) as err:
            ctl.add_fault(**kwargs)
        assert err.value.status == 400


def test_quota_and_auth_endpoints(ctl) -> None:
    assert ctl.quota() == {"per_hour": 5000, "used": 0}
    assert ctl.set_quota(10)["per_hour"] == 10
    with pytest.raises(SimControlError):
        ctl.set_quota(-1)
    ctl.clear_auth()


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("POST", "clock/advance", b"{not json", 400),
        ("POST", "clock/advance", b"[1, 2]", 400),
        ("POST", "clock/advance", b"{}", 400),
        ("POST", "balance", b"{}", 400),
        ("POST", "quota", b"{}", 400),
        ("POST", "subscribers/79000000000/status", b"{}", 400),
        ("GET", "nowhere", b"", 404),
        ("POST", "subscribers/79000000000/explode", b"{}", 404),
        ("DELETE", "state", b"", 405),
        ("GET", "balance", b"", 405),
    ],
)
def test_bad_control_requests(server, raw, method, path, body, status) -> None:
    response = raw.request(method, server.control_url + path, content=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert isinstance(response.json()["error"], str)


def test_control_requests_are_not_api_requests(server, ctl) -> None:
    ctl.state()
    ctl.requests()
    assert ctl.requests()["total"] == 0


@pytest.mark.logs_error(r"control request GET /_sim/state failed")
def test_a_failing_world_gives_a_json_500(server, ctl, monkeypatch) -> None:
    def broken() -> dict:
        raise RuntimeError("boom")

    monkeypatch.setattr(server.world, "snapshot", broken)
    with pytest.raises(SimControlError) as err:
        ctl.state()
    assert err.value.status == 500 and "boom" in err.value.message

"""Fault injection: the plan itself, and every kind's symptom as httpx sees it."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from movizor_desktop.simulator.faults import KINDS, FaultPlan

# -- the plan -----------------------------------------------------------------------------


def test_plan_order_counts_and_filters() -> None:
    plan = FaultPlan()
    a = plan.add("http_500", function="pos_objects", count=2)
    b = plan.add("drop", count=None)
    assert plan.take("pos_objects") == a
    assert plan.take("pos_objects").count == 1  # type: ignore[union-attr]
    assert plan.take("pos_objects") == b  # the first rule is used up
    assert plan.take("balance") == b and len(plan) == 1  # count None: until cleared
    assert plan.clear() == 1
    assert plan.take("balance") is None
    assert plan.fired == 4


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "explode"},
        {"kind": "drop", "count": 0},
        {"kind": "drop", "count": 1.5},
        {"kind": "drop", "count": True},
        {"kind": "latency", "latency": -0.1},
        {"kind": "latency", "latency": "1"},
        {"kind": "drop", "function": ""},
    ],
)
def test_plan_validation(kwargs) -> None:
    with pytest.raises(ValueError):
        FaultPlan().add(**kwargs)


def test_plan_defaults() -> None:
    plan = FaultPlan()
    assert plan.add("timeout").delay == 30.0
    assert plan.add("latency").delay == 1.0
    assert plan.add("latency", latency=2).delay == 2.0
    assert plan.add("reset").to_dict() == {
        "id": 4,
        "kind": "reset",
        "function": None,
        "count": 1,
        "latency": None,
    }


def test_plan_is_thread_safe() -> None:
    plan = FaultPlan()
    plan.add("drop", count=500)
    hits: list[int] = []

    def worker() -> None:
        n = sum(plan.take("balance") is not None for _ in range(200))
        hits.append(n)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(hits) == 500 and len(plan) == 0


# -- over HTTP ----------------------------------------------------------------------------


def _get(client: httpx.Client, key: str, function: str = "balance") -> httpx.Response:
    return client.get(f"{function}/", params={"key": key})


@pytest.mark.parametrize("kind", ["http_500", "http_502", "http_503"])
def test_http_errors(server, http, key, kind) -> None:
    server.faults.add(kind)
    response = _get(http, key)
    status = int(kind[5:])
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<title>{status} " in response.text and "nginx" in response.text
    assert _get(http, key).json()["result"] == "success"  # count=1: once only


def test_html_page_with_200(server, http, key) -> None:
    server.faults.add("html")
    response = _get(http, key)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text.startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        response.json()


def test_non_json_with_json_content_type(server, http, key) -> None:
    server.faults.add("non_json")
    response = _get(http, key)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.content == b"bad json"
    with pytest.raises(ValueError):
        response.json()


@pytest.mark.parametrize(
    ("kind", "errors"),
    [
        ("reset", (httpx.ReadError, httpx.RemoteProtocolError)),
        ("drop", httpx.RemoteProtocolError),
        ("truncated", httpx.RemoteProtocolError),
    ],
)
def test_broken_connections(server, http, key, ctl, kind, errors) -> None:
    server.faults.add(kind)
    with pytest.raises(errors):
        _get(http, key)
    assert _get(http, key).json()["result"] == "success"  # a new connection works
    first = ctl.requests()["last"][0]
    assert first["fault"] == kind
    assert first["status"] == (200 if kind == "truncated" else None)


def test_reset_is_a_tcp_rst(server) -> None:
    server.faults.add("reset")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /api/demo/balance/?key=x HTTP/1.1\r\nHost: x\r\n\r\n")
        with pytest.raises(ConnectionResetError):  # not b"" (FIN): a reset
            sock.recv(1024)


def test_truncated_sends_half_of_a_full_length_body(server) -> None:
    server.faults.add("truncated")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /api/demo/balance/?key=x HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line.split(b":")[1]
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
    )
    assert len(body) == length // 2 and body.startswith(b'{"result": "error"')


def test_timeout_hangs_until_the_client_gives_up(server, client_factory, key) -> None:
    server.faults.add("timeout", latency=60)
    client = client_factory(base_url=server.base_url + "demo/", timeout=0.3)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        _get(client, key)
    assert 0.25 < time.monotonic() - started < 30  # the client's timeout, not the fault's
    assert _get(client, key).json()["result"] == "success"


def test_latency_delays_a_normal_answer(server, http, key) -> None:
    server.faults.add("latency", latency=0.3)
    started = time.monotonic()
    assert _get(http, key).json()["result"] == "success"
    assert time.monotonic() - started >= 0.3
    assert server.faults.rules() == []  # spent on that one answer: the next is not delayed


def test_count_and_until_cleared(server, http, key, ctl) -> None:
    ctl.add_fault("http_503", count=2)
    assert [_get(http, key).status_code for _ in range(3)] == [503, 503, 200]
    ctl.add_fault("http_500", count=None)
    assert [_get(http, key).status_code for _ in range(4)] == [500] * 4
    assert ctl.clear_faults() == 1
    assert _get(http, key).status_code == 200


def test_function_filter(server, http, key, ctl) -> None:
    ctl.add_fault("http_502", function="object_list", count=None)
    assert _get(http, key, "balance").status_code == 200
    assert _get(http, key, "object_list").status_code == 502
    assert _get(http, key, "object_list").status_code == 502
    assert ctl.requests()["by_function"] == {"balance": 1, "object_list": 2}


def test_faults_never_touch_the_control_api(server, http, key, ctl) -> None:
    for kind in sorted(KINDS - {"latency", "timeout"}):
        ctl.add_fault(kind, count=None)
    assert ctl.state()["project"] == "demo"
    assert len(ctl.faults()) == len(KINDS) - 2
    assert ctl.requests()["total"] == 0


def test_faulted_requests_are_counted_even_without_an_answer(server, http, key, ctl) -> None:
    ctl.add_fault("drop", count=3)
    for _ in range(3):
        with pytest.raises(httpx.RemoteProtocolError):
            _get(http, key, "object_list")
    log = ctl.requests()
    assert log["total"] == 3 and log["by_function"] == {"object_list": 3}
    assert [e["fault"] for e in log["last"]] == ["drop"] * 3


@pytest.mark.parametrize(
    ("kind", "reaches_world"),
    [
        ("http_502", False),
        ("non_json", False),
        ("reset", True),
        ("truncated", True),
    ],
)
def test_which_faults_still_reach_the_world(server, http, key, ctl, kind, reaches_world) -> None:
    ctl.set_quota(1)  # the quota counts what passed the gate towards the world
    ctl.add_fault(kind)
    try:
        _get(http, key)
    except httpx.TransportError:
        pass
    assert ctl.quota()["used"] == (1 if reaches_world else 0)


@pytest.mark.parametrize(
    ("kind", "done"),
    [
        ("reset", True),
        ("drop", True),
        ("timeout", True),
        ("http_502", False),
        ("html", False),
    ],
)
def test_a_lost_answer_can_hide_a_write_that_happened(
    server, client_factory, call, ctl, key, kind, done
) -> None:
    ctl.add_fault(kind, function="object_add", latency=0.05)
    client = client_factory(base_url=server.base_url + "demo/", timeout=2)
    try:
        client.post("object_add/", data={"key": key, "phone": "79161234567"})
    except httpx.TransportError:
        pass
    listed = {s["phone"] for s in call("object_list")["data"]}
    assert ("79161234567" in listed) is done
    again = call("object_add", method="POST", phone="79161234567")
    assert again["result"] == ("error" if done else "success")
    assert ctl.requests()["by_function"]["object_add"] == 2

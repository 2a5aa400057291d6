"""The simulator's HTTP front over real loopback HTTP: transport, auth, quota, request log,
life cycle."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.client import HTTPConnection
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from movizor_desktop.api import codes
from movizor_desktop.simulator import SimulatorServer


def test_get_and_post_with_and_without_trailing_slash(server, http, key) -> None:
    answers = [
        http.get("balance/", params={"key": key}),
        http.get("balance", params={"key": key}),
        http.post("balance/", data={"key": key}),
        http.post("balance", data={"key": key}),
        http.post("balance/", params={"key": key}),  # key in the query string of a POST
    ]
    for response in answers:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        assert int(response.headers["content-length"]) == len(response.content)
        envelope = response.json()
        assert envelope["result"] == "success", envelope
        assert "balance" in envelope["data"]
    assert server.requests.total == 5


def test_body_is_json_with_non_ascii_escaped(http, key) -> None:
    response = http.get("balance/", params={"key": key})
    assert response.content.isascii()
    assert b"\\u04" in response.content  # Cyrillic tariff titles arrive as \uXXXX
    assert json.loads(response.content) == response.json()


def test_post_form_merges_with_query_and_php_arrays_reach_the_server(
    server, http, key, ctl
) -> None:
    http.post(
        "object_list/?a=query&st[]=1&only=q",
        data={
            "key": key,
            "a": "form",
            "st[]": ["12:00", "17:00"],
            "metadata[Исполнитель]": "Петров",
            "destination[0][text]": "Казань",
        },
    )
    params = ctl.requests()["last"][-1]["params"]
    assert params == {
        "a": "form",
        "only": "q",
        "st": ["12:00", "17:00"],
        "metadata": {"Исполнитель": "Петров"},
        "destination": {"0": {"text": "Казань"}},
        "key": "REDACTED",
    }


def test_keep_alive_serves_many_requests_on_one_connection(server, key) -> None:
    conn = HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.connect()
        local = conn.sock.getsockname()
        for path in (
            "/api/demo/balance/?" + urlencode({"key": key}),
            "/api/demo/balance/?key=wrong",
            "/api/demo/nope/",
        ):
            conn.request("GET", path)
            response = conn.getresponse()
            assert response.status == 200
            assert response.getheader("Connection") is None
            json.loads(response.read())
            assert conn.sock is not None and conn.sock.getsockname() == local
    finally:
        conn.close()


def test_unknown_function_is_answered_by_the_world(call) -> None:
    envelope = call("no_such_function")
    assert envelope["result"] == "error"
    assert envelope["error_code"] == "0"


@pytest.mark.parametrize("path", ["/api/", "/api/demo/", "/api/demo/balance/x/", "/", "/x"])
def test_non_api_paths_are_404_and_not_counted(server, raw, path) -> None:
    response = raw.get(f"http://127.0.0.1:{server.port}{path}")
    assert response.status_code == 404
    assert server.requests.total == 0


def test_wrong_key_locks_the_ip_until_the_hour_ends(server, http, call, key, ctl) -> None:
    wrong = codes.WRONG_KEY_TEXT
    assert call("balance", key="wrong")["error_text"] == wrong
    assert call("balance", key=None)["error_text"] == wrong
    assert call("balance", key=key.upper())["error_text"] == wrong
    other_project = http.get(server.base_url + "other/balance/", params={"key": key}).json()
    assert other_project == {
        "result": "error",
        "error_code": codes.ACCESS_DENIED,
        "error_text": wrong,
        "error_text_ru": "",
    }
    # four failures: the right key still works
    assert call("balance")["result"] == "success"
    assert call("balance", method="POST", key="wrong")["error_text"] == wrong  # fifth
    locked = {
        "result": "error",
        "error_code": codes.ACCESS_DENIED,
        "error_text": codes.AUTH_LOCKED_TEXT,
        "error_text_ru": "",
    }
    assert call("balance") == locked  # even with the right key
    assert call("balance", key="wrong") == locked
    assert codes.lookup("balance", locked["error_code"], locked["error_text"]) is codes.AUTH_LOCKED
    ctl.advance(59 * 60 + 59)  # 12:59:59 МСК: still locked
    assert call("balance") == locked
    ctl.advance(1)  # 13:00: a new hour
    assert call("balance")["result"] == "success"


def test_failures_of_a_past_hour_do_not_count(call, key, ctl) -> None:
    for _ in range(4):
        call("balance", key="wrong")
    ctl.advance(3600)
    for _ in range(4):
        call("balance", key="wrong")
    assert call("balance")["result"] == "success"
    call("balance", key="wrong")
    assert call("balance")["error_text"] == codes.AUTH_LOCKED_TEXT
    ctl.clear_auth()
    assert call("balance")["result"] == "success"


def test_hourly_quota(call, ctl) -> None:
    assert ctl.state()["quota_per_hour"] == 5000
    assert ctl.set_quota(3) == {"per_hour": 3, "used": 0}
    for _ in range(3):
        assert call("balance")["result"] == "success"
    exceeded = call("balance")
    assert exceeded == {
        "result": "error",
        "error_code": codes.LIMIT_EXCEEDED,
        "error_text": codes.LIMIT_EXCEEDED_TEXT,
        "error_text_ru": "",
    }
    spec = codes.lookup("balance", exceeded["error_code"], exceeded["error_text"])
    assert spec is not None and spec.kind is codes.ErrorKind.RATE_LIMIT
    assert call("object_list")["error_code"] == codes.LIMIT_EXCEEDED
    assert ctl.quota() == {"per_hour": 3, "used": 3}
    ctl.advance(3600)
    assert call("balance")["result"] == "success"
    assert ctl.quota()["used"] == 1


def test_request_log_counts_every_request_and_redacts_the_key(
    server, call, key, ctl, raw, capfd
) -> None:
    call("balance")
    call("balance", key="wrong")
    call("object_list", method="POST")
    log = ctl.requests()
    assert log["total"] == 3
    assert log["by_function"] == {"balance": 2, "object_list": 1}
    assert [(e["function"], e["method"], e["status"], e["result"]) for e in log["last"]] == [
        ("balance", "GET", 200, "success"),
        ("balance", "GET", 200, "error"),
        ("object_list", "POST", 200, "success"),
    ]
    assert log["last"][1]["error_code"] == codes.ACCESS_DENIED
    assert all(e["params"]["key"] == "REDACTED" for e in log["last"])
    texts = raw.get(server.control_url + "requests").text
    texts += raw.get(server.control_url + "state").text
    out, err = capfd.readouterr()
    for text in (texts, json.dumps(log, ensure_ascii=False), out, err):
        assert key not in text and json.dumps(key)[1:-1] not in text
    assert ctl.state()["requests"] == 3
    ctl.reset_requests()
    assert ctl.requests() == {"total": 0, "by_function": {}, "last": []}


def test_request_log_keeps_the_last_n(make_server, client_factory, key) -> None:
    server = make_server(log_size=5)
    client = client_factory(base_url=server.base_url + "demo/")
    for i in range(8):
        client.get("balance/", params={"key": key, "i": str(i)})
    snap = server.requests.snapshot()
    assert snap["total"] == 8
    assert [e["params"]["i"] for e in snap["last"]] == ["3", "4", "5", "6", "7"]


def _port_is_free(port: int) -> bool:
    """Can a new server listen there (as servers do, with SO_REUSEADDR)?"""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
        except OSError:
            return False
        return True


def test_start_stop_leaves_no_threads_and_frees_the_port(make_world, client_factory, key) -> None:
    baseline = threading.active_count()
    server = SimulatorServer(make_world(), key=key, tick_interval=0.05)
    with pytest.raises(AttributeError):
        _ = server.key  # the key is not exposed
    assert not server.running
    server.start()
    port = server.port
    assert port > 0 and server.base_url == f"http://127.0.0.1:{port}/api/"
    assert server.control_url == f"http://127.0.0.1:{port}/_sim/"
    with pytest.raises(RuntimeError):
        server.start()
    client = client_factory(base_url=server.base_url + "demo/")  # kept open
    assert client.get("balance/", params={"key": key}).json()["result"] == "success"
    server.faults.add("latency", latency=30)
    hanging = threading.Thread(target=lambda: _swallow(client.get, "balance/"))
    hanging.start()
    _wait_for(lambda: server.requests.total == 2)
    assert threading.active_count() > baseline + 2
    started = time.monotonic()
    server.stop()
    hanging.join(5)
    assert time.monotonic() - started < 20, "stop() must interrupt a 30 s fault's sleep"
    assert threading.active_count() == baseline
    assert _port_is_free(port)
    server.stop()  # idempotent


def test_context_manager_and_restart(make_world, raw, key) -> None:
    baseline = threading.active_count()
    with SimulatorServer(make_world(), key=key) as server:
        assert server.running
        assert raw.get(server.control_url + "state").status_code == 200
    assert not server.running and threading.active_count() == baseline
    with server:  # may be started again
        assert raw.get(server.control_url + "state").status_code == 200
    assert threading.active_count() == baseline


def test_ticker_advances_the_world_only_when_fast(make_server, ctl) -> None:
    slow = make_server(tick_interval=0.02)
    fast = make_server(speed=60.0, tick_interval=0.02)
    ticks = {id(slow): 0, id(fast): 0}
    for server in (slow, fast):
        original = server.world.advance_to_now

        def counting(server: Any = server, original: Any = original) -> None:
            ticks[id(server)] += 1
            original()

        server.world.advance_to_now = counting  # type: ignore[method-assign]
    _wait_for(lambda: ticks[id(fast)] >= 3)
    assert ticks[id(slow)] == 0


def test_demo_builds_a_seeded_world_without_starting(raw) -> None:
    server = SimulatorServer.demo(seed=3, fleet=2, speed=1.0, key="k", project="p")
    assert not server.running and server.project == "p"
    assert len(server.world.phones()) == 2
    with server:
        envelope = raw.get(server.base_url + "p/object_list/", params={"key": "k"}).json()
        assert envelope["result"] == "success" and len(envelope["data"]) == 2


def _swallow(fn: Any, *args: Any) -> None:
    try:
        fn(*args)
    except httpx.HTTPError:
        pass


def _wait_for(predicate: Any, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_chunked_post_body(server, key) -> None:
    conn = HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        body = urlencode({"key": key, "st[]": "12:00"}).encode()
        conn.request(
            "POST",
            "/api/demo/balance/",
            body=iter([body[:5], body[5:]]),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            encode_chunked=True,
        )
        assert json.loads(conn.getresponse().read())["result"] == "success"
    finally:
        conn.close()
    assert server.requests.snapshot()["last"][-1]["params"] == {"key": "REDACTED", "st": ["12:00"]}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Length": str(2 << 20)}, 413),
        ({"Transfer-Encoding": "chunked"}, 400),  # followed by a non-hex chunk size
    ],
)
def test_bad_bodies(server, headers, status) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sock.sendall(f"POST /api/demo/balance/ HTTP/1.1\r\nHost: x\r\n{head}\r\nzz\r\n".encode())
        assert sock.recv(1024).startswith(f"HTTP/1.1 {status} ".encode())
    assert server.requests.total == 0


@pytest.mark.logs_error(r"simulator world failed on balance")
def test_a_failing_world_gives_a_bare_500(server, http, key, monkeypatch) -> None:
    def broken(function: str, params: dict) -> dict:
        raise RuntimeError("boom")

    monkeypatch.setattr(server.world, "handle", broken)
    response = http.get("balance/", params={"key": key})
    assert response.status_code == 500 and "nginx" in response.text
    assert server.requests.snapshot()["last"][-1]["status"] == 500

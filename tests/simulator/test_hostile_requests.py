"""Requests made to burn the simulator's CPU or lock, each refused or bounded the way a
server would: PHP's input limits, a bounded chunked body, a bounded control API."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from movizor_desktop.simulator import SimControlError, params
from movizor_desktop.simulator.control import MAX_ADVANCE, MAX_SPEED
from movizor_desktop.simulator.params import (
    MAX_INPUT_VARS,
    MAX_NESTING,
    parse_php_params,
    query_pairs,
)
from tests.simulator.conftest import KEY, new_world


def parse(query: str) -> dict[str, Any]:
    return parse_php_params(query_pairs(query))


def post_raw(
    port: int,
    path: str,
    body: bytes,
    headers: dict[str, str] | None = None,
    *,
    chunks: list[bytes] | None = None,
) -> bytes:
    """Send one POST by hand (optionally chunked, one ``chunks`` item per chunk) and return
    the status line and headers of the answer."""
    head = {"Host": "x", "Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    if chunks is not None:
        head["Transfer-Encoding"] = "chunked"
        body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    else:
        head.setdefault("Content-Length", str(len(body)))
    lines = "".join(f"{k}: {v}\r\n" for k, v in head.items())
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\n{lines}\r\n".encode() + body)
        return sock.recv(4096)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


# --- PHP's input limits ------------------------------------------------------------------


def test_pairs_beyond_max_input_vars_are_dropped_as_php_does() -> None:
    result = parse("a[x]=1&" + "&".join(["a[]="] * (MAX_INPUT_VARS + 500)) + "&late=1")
    assert len(result["a"]) == MAX_INPUT_VARS  # a[x] and the first 999 appends
    assert result["a"]["x"] == "1" and result["a"]["998"] == ""
    assert "late" not in result


def test_appending_to_an_array_costs_the_same_however_big_it_is(monkeypatch) -> None:
    """A dict's next free index is remembered, not recomputed from every key (which made
    ``a[x]=1`` + 40,000 ``a[]=`` cost minutes): counted, not timed."""
    calls = 0
    real = params._is_php_int

    def counting(key: str) -> bool:
        nonlocal calls
        calls += 1
        return real(key)

    monkeypatch.setattr(params, "_is_php_int", counting)
    appends = MAX_INPUT_VARS - 1
    result = parse("a[x]=1&" + "&".join(["a[]=v"] * appends))
    assert len(result["a"]) == MAX_INPUT_VARS
    assert calls <= 3 * MAX_INPUT_VARS  # a constant per pair, not one per existing key


def test_a_name_nested_deeper_than_php_allows_is_dropped() -> None:
    ok = "a" + "[x]" * MAX_NESTING
    assert parse(f"{ok}=1&b=2")["b"] == "2"
    assert params.split_php_name(ok) is not None
    assert parse(f"a{'[x]' * (MAX_NESTING + 1)}=1&b=2") == {"b": "2"}
    assert parse(f"a{'[]' * 200_000}=1&b=2") == {"b": "2"}


# --- over HTTP: the hostile requests ------------------------------------------------


def test_forty_thousand_appends_are_cut_at_the_php_limit(server) -> None:
    body = ("key=" + KEY + "&a[x]=1&" + "&".join(["a[]="] * 40_000)).encode()
    answer = post_raw(server.port, "/api/demo/balance/", body)
    assert status_of(answer) == 200
    logged = server.requests.snapshot()["last"][-1]["params"]
    assert len(logged["a"]) == MAX_INPUT_VARS - 1  # the key is the first of the 1,000


def test_sixty_thousand_one_byte_chunks_are_refused(server) -> None:
    body = ("key=" + KEY + "&").encode() + b"x" * 59_990
    answer = post_raw(
        server.port, "/api/demo/balance/", b"", chunks=[body[i : i + 1] for i in range(len(body))]
    )
    assert status_of(answer) == 400
    assert server.requests.total == 0


def test_a_chunked_body_within_the_limits_is_read(server) -> None:
    body = f"key={KEY}&st[]=12:00".encode()
    answer = post_raw(
        server.port,
        "/api/demo/balance/",
        b"",
        chunks=[body[i : i + 3] for i in range(0, len(body), 3)],
    )
    assert status_of(answer) == 200
    assert server.requests.snapshot()["last"][-1]["params"]["st"] == ["12:00"]


def test_a_huge_chunk_is_refused_from_its_size_line_before_it_is_read(server) -> None:
    """The size line declares 2 MB and only a few bytes follow: the answer comes at once
    (before, the server waited to read all 2 MB and the client timed out)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/demo/balance/ HTTP/1.1\r\nHost: x\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n200000\r\nkey="
        )
        assert status_of(sock.recv(4096)) == 413
    assert server.requests.total == 0


@pytest.mark.parametrize("size_line", [b"-1", b"0x10", b"1_0", b"f" * 2000])
def test_malformed_chunk_size_lines_are_bad_requests(server, size_line) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/demo/balance/ HTTP/1.1\r\nHost: x\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + size_line + b"\r\nkey=\r\n0\r\n\r\n"
        )
        assert status_of(sock.recv(4096)) == 400
    assert server.requests.total == 0


def test_a_200000_deep_parameter_leaves_the_request_log_readable(server, ctl) -> None:
    body = f"key={KEY}&a{'[]' * 200_000}=1&b=2".encode()
    assert status_of(post_raw(server.port, "/api/demo/balance/", body)) == 200
    last = ctl.requests()["last"][-1]
    assert last["params"] == {"key": "REDACTED", "b": "2"}


# --- the control API ---------------------------------------------------------------------------


def test_a_clock_jump_of_five_years_is_refused_with_the_limit(server, ctl) -> None:
    before = server.world.clock.timestamp()
    with pytest.raises(SimControlError) as err:
        ctl.advance(5 * 365 * 86400)
    assert err.value.status == 400 and f"{MAX_ADVANCE:g}" in err.value.message
    assert server.world.clock.timestamp() == before


def test_the_longest_jump_is_processed_in_slices_with_the_same_result(
    server, ctl, monkeypatch
) -> None:
    """A month's jump takes the world lock once per simulated hour (API requests get in
    between) and ends in exactly the world one uninterrupted advance gives."""
    holds = 0
    lock = server.world.lock

    class CountingLock:
        def __enter__(self) -> None:
            nonlocal holds
            holds += 1
            lock.acquire()

        def __exit__(self, *exc: object) -> None:
            lock.release()

    monkeypatch.setattr(server.world, "lock", CountingLock())
    answer = ctl.advance(MAX_ADVANCE)
    monkeypatch.undo()
    assert holds >= MAX_ADVANCE // 3600
    reference = new_world()
    reference.clock.advance(MAX_ADVANCE)
    reference.advance_to_now()
    assert answer["timestamp"] == reference.clock.timestamp()
    assert server.world.snapshot() == reference.snapshot()
    assert server.world.events == reference.events


def test_clock_speed_is_bounded(server, ctl) -> None:
    assert ctl.set_speed(MAX_SPEED)["speed"] == MAX_SPEED
    with pytest.raises(SimControlError) as err:
        ctl.set_speed(1e12)
    assert err.value.status == 400
    assert server.world.clock.speed == MAX_SPEED
    ctl.set_speed(0)


def test_a_json_body_nested_too_deep_is_a_bad_request(server, raw) -> None:
    body = b"[" * 200_000 + b"]" * 200_000
    response = raw.post(server.control_url + "clock/advance", content=body)
    assert response.status_code == 400
    assert json.loads(response.text)["error"]

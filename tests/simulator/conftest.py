"""Fixtures for the simulator's HTTP front: a fresh server on loopback per test
(``server``, or ``make_server(**kw)``), a plain httpx client for its API (``http``), an
API-call helper (``call``), the key (``key``) and a :class:`SimControl` (``ctl``)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from movizor_desktop.simulator.clock import SimClock
from movizor_desktop.simulator.world import World

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 12:00 МСК, on an hour boundary
PROJECT = "demo"
KEY = "s3cr3t-Кey-42"  # non-ASCII on purpose: must survive and never leak


def new_world(*, fleet: int = 3, speed: float = 0.0) -> World:
    return World(clock=SimClock(start=START, speed=speed), seed=1, fleet=fleet)


@pytest.fixture
def make_world() -> Any:
    """Factory: ``make_world(fleet=3, speed=0.0)`` → a World on a clock frozen at START."""
    return new_world


@pytest.fixture
def make_server() -> Iterator[Any]:
    """Factory: ``make_server(**server_kwargs)`` → a started server, stopped at teardown."""
    from movizor_desktop.simulator import SimulatorServer

    servers: list[SimulatorServer] = []

    def make(*, fleet: int = 3, speed: float = 0.0, **kw: Any) -> SimulatorServer:
        kw.setdefault("project", PROJECT)
        kw.setdefault("key", KEY)
        server = SimulatorServer(new_world(fleet=fleet, speed=speed), **kw)
        servers.append(server)
        return server.start()

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def server(make_server) -> Any:
    return make_server()


def loopback_client(**kw: Any) -> httpx.Client:
    """An httpx client for plain-HTTP loopback: no proxies from the environment, and a
    CA-less verifying TLS context (skips loading the CA bundle, ~0.1 s per client)."""
    kw.setdefault("timeout", 5.0)
    return httpx.Client(trust_env=False, verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), **kw)


@pytest.fixture
def raw() -> Iterator[httpx.Client]:
    """httpx client without a base URL."""
    with loopback_client() as client:
        yield client


@pytest.fixture
def http(server) -> Iterator[httpx.Client]:
    """httpx client whose base URL is the project's API root (``.../api/demo/``)."""
    with loopback_client(base_url=server.base_url + PROJECT + "/") as client:
        yield client


@pytest.fixture
def client_factory() -> Iterator[Any]:
    """``client_factory(**httpx_kwargs)`` → a loopback httpx client, closed at teardown."""
    clients: list[httpx.Client] = []

    def make(**kw: Any) -> httpx.Client:
        clients.append(loopback_client(**kw))
        return clients[-1]

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def ctl(server) -> Iterator[Any]:
    from movizor_desktop.simulator import SimControl

    with SimControl(server.control_url) as control:
        yield control


@pytest.fixture
def key() -> str:
    return KEY


@pytest.fixture
def call(http) -> Any:
    """``call(function, key=KEY, method="GET", **params)`` → the envelope (asserts HTTP 200).

    GET puts the params in the query; POST sends them as a form body."""

    def call_(
        function: str, *, key: str | None = KEY, method: str = "GET", **params: Any
    ) -> dict[str, Any]:
        if key is not None:
            params["key"] = key
        if method == "GET":
            response = http.get(f"{function}/", params=params)
        else:
            response = http.post(f"{function}/", data=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        return response.json()

    return call_

"""Each network failure becomes a sentence naming what to check, in English and Russian."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from movizor_desktop.api import BadResponseError, ConnectionFailedError, MovizorClient
from movizor_desktop.api.net_errors import (
    CaptivePortalError,
    ConnectTimeoutError,
    NetTimeoutError,
    RefusedError,
    classify,
)
from movizor_desktop.api.net_transport import NetContext
from tests.conftest import SIM_KEY

from .netkit import free_port

LOGIN_PAGE = (
    "<!DOCTYPE html><html><head><title>Гостевой Wi-Fi</title></head><body>"
    "<form method=post action=/login><input name=user>"
    "<input type=password name=pw><button>Войти</button></form></body></html>"
)


class Portal(BaseHTTPRequestHandler):
    """A captive portal: a redirect to its sign-in page, or the page itself."""

    def log_message(self, *args) -> None:
        pass

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.server.redirect:  # type: ignore[attr-defined]
            self.send_response(302)
            self.send_header("Location", "http://login.portal.example/?next=movizor")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = LOGIN_PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer


@pytest.fixture(params=[True, False], ids=["redirect", "login-page"])
def portal(request) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    server.redirect = request.param  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/"
    finally:
        server.shutdown()
        server.server_close()


async def balance(url: str, **kw):
    async with MovizorClient(url, project="demo", key=SIM_KEY, retries=0, **kw) as client:
        return await client.balance()


def test_captive_portal(portal, run):
    with pytest.raises(CaptivePortalError) as info:
        run(balance(portal))
    assert isinstance(info.value, BadResponseError)
    assert "sign in" in info.value.message("en") and "браузере" in info.value.message("ru")


def test_maintenance_page_is_not_a_portal(sim, sim_control, run):
    sim_control.add_fault("html", count=1)
    with pytest.raises(BadResponseError) as info:
        run(balance(sim.base_url))
    assert not isinstance(info.value, CaptivePortalError)


def test_connection_refused_names_host_and_port(run):
    port = free_port()
    with pytest.raises(RefusedError) as info:
        run(balance(f"http://127.0.0.1:{port}/api/"))
    assert isinstance(info.value, ConnectionFailedError)
    assert f"127.0.0.1:{port}" in info.value.message("en")
    assert "порт" in info.value.message("ru")


def test_read_timeout_names_the_host(sim, sim_control, run):
    sim_control.add_fault("timeout", count=1, latency=5)
    with pytest.raises(NetTimeoutError) as info:
        run(balance(sim.base_url, timeout=0.3))
    assert "127.0.0.1" in info.value.message("en") and info.value.maybe_applied


def test_connect_timeout_says_firewall_or_proxy():
    exc = httpx.ConnectTimeout("timed out")
    exc.net_context = NetContext("https", "movizor.ru", 443, None)  # type: ignore[attr-defined]
    error = classify("balance", exc)
    assert isinstance(error, ConnectTimeoutError) and not error.maybe_applied
    assert "firewall" in error.message("en") and "прокси" in error.message("ru")

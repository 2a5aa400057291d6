"""Fixtures of the network tests: a test CA, the simulator over HTTPS, real proxies.

Which CAs the code under test trusts is decided by the environment, never by the
machine's trust store: our machines export ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` (pointing
at the system bundle), and truststore on Linux reads exactly OpenSSL's default paths,
which those variables override. ``os_store`` points both at a bundle of this test's own
(the system bundle plus the CAs a test adds) and an empty directory; OpenSSL reads the
variables afresh for every new TLS context, so nothing is installed in ``/etc/ssl`` and
nothing is left behind, also when a test fails (monkeypatch restores the variables).
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SIM_KEY, SIM_START

from .netkit import TEST_HOST, Mitmdump, ProxyPy

SYSTEM_BUNDLE = Path(ssl.get_default_verify_paths().openssl_cafile)


class OsStore:
    """The OS trust store as OpenSSL (hence truststore on Linux) sees it in this test."""

    def __init__(self, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bundle = tmp / "os-store.pem"
        empty_dir = tmp / "os-store.d"
        empty_dir.mkdir()
        base = SYSTEM_BUNDLE.read_bytes() if SYSTEM_BUNDLE.is_file() else b""
        self.bundle.write_bytes(base)
        for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("SSL_CERT_FILE", str(self.bundle))
        monkeypatch.setenv("SSL_CERT_DIR", str(empty_dir))

    def add(self, pem: bytes) -> None:
        with self.bundle.open("ab") as bundle:
            bundle.write(b"\n" + pem)


@pytest.fixture
def os_store(tmp_path, monkeypatch) -> OsStore:
    return OsStore(tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def test_ca():
    import trustme

    return trustme.CA(organization_name="Movizor Test CA")


def server_context(ca: Any, *names: str, **kw: Any) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*names, **kw).configure_cert(context)
    return context


def start_sim(tls: ssl.SSLContext | None = None):
    from movizor_desktop.simulator import SimClock, SimulatorServer, World

    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=5)
    return SimulatorServer(world, project="demo", key=SIM_KEY, tls=tls).start()


@contextmanager
def serving(tls: ssl.SSLContext) -> Iterator[Any]:
    server = start_sim(tls)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def https_sim(test_ca) -> Iterator[Any]:
    """The simulator over HTTPS, with a certificate for movizor.test, localhost, 127.0.0.1."""
    with serving(server_context(test_ca, TEST_HOST, "localhost", "127.0.0.1")) as server:
        yield server


@pytest.fixture
def expired_sim(test_ca) -> Iterator[Any]:
    with serving(
        server_context(
            test_ca,
            "127.0.0.1",
            not_before=datetime(2000, 1, 1, tzinfo=UTC),
            not_after=datetime(2001, 1, 1, tzinfo=UTC),
        )
    ) as server:
        yield server


@pytest.fixture
def other_host_sim(test_ca) -> Iterator[Any]:
    """HTTPS with a valid certificate for another site only."""
    with serving(server_context(test_ca, "other.example")) as server:
        yield server


def proxied_url(sim: Any) -> str:
    """The simulator's base URL under the name only the proxies resolve."""
    return sim.base_url.replace("127.0.0.1", TEST_HOST)


@pytest.fixture
def proxy_py(tmp_path) -> Iterator[ProxyPy]:
    proxy = ProxyPy(tmp_path)
    try:
        yield proxy
    finally:
        proxy.close()


@pytest.fixture
def proxy_py_auth(tmp_path) -> Iterator[ProxyPy]:
    proxy = ProxyPy(tmp_path, auth="dispatcher:S3cret-proxy-pw")
    try:
        yield proxy
    finally:
        proxy.close()


@pytest.fixture
def mitm_factory(tmp_path, test_ca) -> Iterator[Any]:
    ca_file = tmp_path / "upstream-ca.pem"
    test_ca.cert_pem.write_to_path(str(ca_file))
    started: list[Mitmdump] = []

    def start(**kw: Any) -> Mitmdump:
        proxy = Mitmdump(tmp_path, upstream_ca=ca_file, **kw)
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.close()

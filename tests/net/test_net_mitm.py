"""An intercepting proxy with its own CA (mitmproxy): what a dispatcher behind an antivirus
or a company gateway that inspects HTTPS sees, first without and then with its CA trusted.
Also SOCKS5 (mitmproxy's socks5 mode), with and without a password.
"""

from __future__ import annotations

import pytest

from movizor_desktop.api import MovizorClient
from movizor_desktop.api.net import NetConfig, ProxyConfig, ProxyKind, ProxyMode
from movizor_desktop.api.net_errors import CertificateError, CertProblem, ProxyFailedError
from tests.conftest import SIM_KEY

from .conftest import proxied_url
from .netkit import TEST_HOST


def via(
    port: int, kind: ProxyKind = ProxyKind.HTTP, user: str = "", password: str = ""
) -> NetConfig:
    return NetConfig().with_proxy(
        ProxyConfig(ProxyMode.MANUAL, kind, "127.0.0.1", port, user), password
    )


async def balance(url: str, net: NetConfig):
    async with MovizorClient(url, project="demo", key=SIM_KEY, retries=0, net=net) as client:
        return await client.balance()


def test_inspecting_proxy_untrusted_then_trusted(https_sim, os_store, test_ca, mitm_factory, run):
    os_store.add(test_ca.cert_pem.bytes())  # the real server's CA is trusted all along
    mitm = mitm_factory()
    url = proxied_url(https_sim)
    with pytest.raises(CertificateError) as info:
        run(balance(url, via(mitm.port)))
    assert info.value.problem == CertProblem.UNTRUSTED
    assert info.value.issuer.startswith("mitmproxy")
    assert "“mitmproxy" in info.value.message("en")
    assert "not trust" in info.value.message("en") and "ask IT" in info.value.message("en")
    # the API call never left the client; only the key-less "GET /" that read the
    # certificate's names went through the (untrusted) connection
    assert "/balance/" not in mitm.seen() and SIM_KEY not in mitm.seen()

    os_store.add(mitm.ca_file.read_bytes())  # IT installs the gateway's root certificate
    assert run(balance(url, via(mitm.port))).balance > 0
    seen = mitm.seen()
    assert f"POST https://{TEST_HOST}:{https_sim.port}/api/demo/balance/" in seen
    line = next(x for x in seen.splitlines() if "/balance/" in x)
    assert SIM_KEY not in line.split(" BODY ")[0]  # the key is in the body, not the URL


def test_socks5_proxy(https_sim, os_store, test_ca, mitm_factory, run):
    os_store.add(test_ca.cert_pem.bytes())
    mitm = mitm_factory(mode="socks5")
    os_store.add(mitm.ca_file.read_bytes())
    assert run(balance(proxied_url(https_sim), via(mitm.port, ProxyKind.SOCKS5))).balance > 0
    assert f"{TEST_HOST}:{https_sim.port}/api/demo/balance/" in mitm.seen()


def test_socks5_proxy_with_a_password(https_sim, os_store, test_ca, mitm_factory, run):
    os_store.add(test_ca.cert_pem.bytes())
    mitm = mitm_factory(mode="socks5", auth="dispatcher:S0cks-pw")
    os_store.add(mitm.ca_file.read_bytes())
    url = proxied_url(https_sim)
    net = via(mitm.port, ProxyKind.SOCKS5, "dispatcher", "S0cks-pw")
    assert run(balance(url, net)).balance > 0
    with pytest.raises(ProxyFailedError) as info:
        run(balance(url, via(mitm.port, ProxyKind.SOCKS5, "dispatcher", "wrong")))
    assert "wrong" not in info.value.message("en")

"""A real forward proxy (proxy.py) on 127.0.0.1, with and without basic authentication.

The simulator listens on loopback, which the client never sends through a proxy, so the
client asks for ``movizor.test`` and only the proxy resolves it (tests/net/proxy_plugins).
Every test checks what the proxy saw and that the key is nowhere in its log.
"""

from __future__ import annotations

import pytest

from movizor_desktop.api import MovizorClient
from movizor_desktop.api.client import PlainHttpRefused
from movizor_desktop.api.net import NetConfig, ProxyConfig, ProxyKind, ProxyMode
from movizor_desktop.api.net_errors import NameNotFoundError, ProxyFailedError, ProxyProblem
from tests.conftest import SIM_KEY

from .conftest import proxied_url, start_sim
from .netkit import TEST_HOST, ProxyPy, free_port

PASSWORD = "S3cret-proxy-pw"


def manual(
    proxy_port: int, *, user: str = "", password: str = "", kind: ProxyKind = ProxyKind.HTTP
) -> NetConfig:
    config = ProxyConfig(ProxyMode.MANUAL, kind, "127.0.0.1", proxy_port, user)
    return NetConfig().with_proxy(config, password)


async def balance(url: str, net: NetConfig | None, **kw):
    async with MovizorClient(url, project="demo", key=SIM_KEY, retries=0, net=net, **kw) as client:
        return await client.balance()


def test_https_through_connect(https_sim, os_store, test_ca, proxy_py, run):
    os_store.add(test_ca.cert_pem.bytes())
    assert run(balance(proxied_url(https_sim), manual(proxy_py.port))).balance > 0
    log = proxy_py.wait_for(f"CONNECT {TEST_HOST}:{https_sim.port}")
    assert SIM_KEY not in log


def test_https_through_connect_with_basic_auth(https_sim, os_store, test_ca, proxy_py_auth, run):
    os_store.add(test_ca.cert_pem.bytes())
    net = manual(proxy_py_auth.port, user="dispatcher", password=PASSWORD)
    assert run(balance(proxied_url(https_sim), net)).balance > 0
    log = proxy_py_auth.wait_for(f"CONNECT {TEST_HOST}:{https_sim.port}")
    assert SIM_KEY not in log and PASSWORD not in log


@pytest.mark.parametrize("password", [None, "wrong-password"])
def test_proxy_auth_required_is_explained(
    https_sim, os_store, test_ca, proxy_py_auth, run, password
):
    os_store.add(test_ca.cert_pem.bytes())
    net = manual(proxy_py_auth.port, user="dispatcher" if password else "", password=password or "")
    with pytest.raises(ProxyFailedError) as info:
        run(balance(proxied_url(https_sim), net))
    assert info.value.problem == ProxyProblem.AUTH
    assert f"127.0.0.1:{proxy_py_auth.port}" in info.value.message("en")
    assert "407" in info.value.message("ru")
    assert "wrong-password" not in str(info.value) + info.value.message("en")


def test_plain_http_goes_as_post_with_the_key_in_the_body(proxy_py, run):
    sim = start_sim()
    try:
        url = proxied_url(sim)
        with pytest.raises(PlainHttpRefused):
            MovizorClient(url, project="demo", key=SIM_KEY)
        result = run(balance(url, manual(proxy_py.port), method="GET", allow_plain_http=True))
        assert result.balance > 0
        log = proxy_py.wait_for(f"{TEST_HOST}:{sim.port}")
        assert "POST" in log and "GET" not in log
        assert SIM_KEY not in log
        assert sim.requests.snapshot()["last"][-1]["method"] == "POST"
    finally:
        sim.stop()


def test_plain_http_407_is_explained(proxy_py_auth, run):
    sim = start_sim()
    try:
        with pytest.raises(ProxyFailedError) as info:
            run(balance(proxied_url(sim), manual(proxy_py_auth.port), allow_plain_http=True))
        assert info.value.problem == ProxyProblem.AUTH
    finally:
        sim.stop()


def test_system_mode_follows_the_environment(
    https_sim, os_store, test_ca, proxy_py, run, monkeypatch
):
    os_store.add(test_ca.cert_pem.bytes())
    monkeypatch.setenv("HTTPS_PROXY", proxy_py.url)
    monkeypatch.setenv("https_proxy", proxy_py.url)
    assert run(balance(proxied_url(https_sim), NetConfig())).balance > 0
    proxy_py.wait_for(f"CONNECT {TEST_HOST}:{https_sim.port}")


def test_none_mode_ignores_the_environment(
    https_sim, os_store, test_ca, proxy_py, run, monkeypatch
):
    monkeypatch.setenv("HTTPS_PROXY", proxy_py.url)
    monkeypatch.setenv("https_proxy", proxy_py.url)
    net = NetConfig().with_proxy(ProxyConfig(ProxyMode.NONE))
    with pytest.raises(NameNotFoundError) as info:  # only the proxy knows movizor.test
        run(balance(proxied_url(https_sim), net))
    assert f"“{TEST_HOST}”" in info.value.message("en")
    assert f"«{TEST_HOST}»" in info.value.message("ru")
    assert TEST_HOST not in proxy_py.log_text()


def test_dead_proxy_is_named(https_sim, run):
    port = free_port()
    with pytest.raises(ProxyFailedError) as info:
        run(balance(proxied_url(https_sim), manual(port)))
    assert info.value.problem == ProxyProblem.UNREACHABLE
    assert f"127.0.0.1:{port}" in info.value.message("en")
    assert "connection refused" in info.value.message("en")


def test_loopback_never_goes_through_the_proxy(https_sim, os_store, test_ca, run, tmp_path):
    os_store.add(test_ca.cert_pem.bytes())
    proxy = ProxyPy(tmp_path)
    try:
        assert run(balance(https_sim.base_url, manual(proxy.port))).balance > 0
        assert str(https_sim.port) not in proxy.log_text()
    finally:
        proxy.close()


def test_an_open_client_follows_new_settings_without_a_restart(
    https_sim, os_store, test_ca, proxy_py, run
):
    from movizor_desktop.api.net import current_config, set_current_config

    os_store.add(test_ca.cert_pem.bytes())
    saved = current_config()

    async def scenario():
        async with MovizorClient(
            proxied_url(https_sim), project="demo", key=SIM_KEY, retries=0
        ) as client:  # no net=: the app's settings
            set_current_config(manual(proxy_py.port))
            assert (await client.balance()).balance > 0
            set_current_config(NetConfig().with_proxy(ProxyConfig(ProxyMode.NONE)))
            with pytest.raises(NameNotFoundError):
                await client.balance()

    try:
        run(scenario())
    finally:
        set_current_config(saved)
    assert proxy_py.wait_for(f"CONNECT {TEST_HOST}:{https_sim.port}").count("CONNECT") == 1

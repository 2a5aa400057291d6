"""The demo works with HTTP_PROXY / HTTPS_PROXY / ALL_PROXY pointing at a dead port.

Loopback never goes through a proxy: the real app (``--smoke-test`` runs the demo session
on the embedded simulator and loads its fleet) starts with every proxy variable pointing
at a port where nothing listens. Before, httpx sent the demo's requests to that proxy.
"""

from __future__ import annotations

import os
import subprocess
import sys

from movizor_desktop.api import MovizorClient
from movizor_desktop.api.net import NetConfig, ProxyConfig, ProxyKind, ProxyMode
from tests.conftest import SIM_KEY

from .netkit import free_port


def dead_proxy_env(port: int) -> dict[str, str]:
    url = f"http://127.0.0.1:{port}"
    names = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
    env = {k: v for k, v in os.environ.items() if k.upper() not in ("NO_PROXY",)}
    return {**env, **dict.fromkeys(names, url)}


def test_demo_app_ignores_dead_environment_proxies(tmp_path):
    env = {
        **dead_proxy_env(free_port()),
        "MOVIZOR_DESKTOP_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-m", "movizor_desktop", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smoke check subscribers: ok" in result.stderr


def test_client_to_loopback_ignores_every_proxy_mode(sim, run, monkeypatch):
    dead = free_port()
    for name, value in dead_proxy_env(dead).items():
        monkeypatch.setenv(name, value)
    configs = [
        ProxyConfig(ProxyMode.SYSTEM),
        ProxyConfig(ProxyMode.MANUAL, ProxyKind.HTTP, "127.0.0.1", dead),
        ProxyConfig(ProxyMode.MANUAL, ProxyKind.SOCKS5, "127.0.0.1", dead),
    ]

    async def balances():
        for proxy in configs:
            async with MovizorClient(
                sim.base_url,
                project="demo",
                key=SIM_KEY,
                retries=0,
                net=NetConfig().with_proxy(proxy),
            ) as client:
                assert (await client.balance()).balance > 0

    run(balances())

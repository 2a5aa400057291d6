"""Real network components on loopback for the network tests.

* :class:`ProxyPy` runs the ``proxy.py`` forward proxy (PyPI) as a subprocess on
  127.0.0.1, optionally with basic authentication, and reads its access log.
* :class:`Mitmdump` runs mitmproxy's ``mitmdump`` (an intercepting proxy with its own CA,
  in a virtualenv of its own because mitmproxy 11 pins an old ``h11``; ``.ci/run`` makes it)
  and records every request it saw.
* Both resolve names ending in ``.test`` to 127.0.0.1 (a proxy.py plugin / a mitmproxy
  addon), because the client never sends a *loopback* host to a proxy: the tests talk to
  ``movizor.test``, which only the proxy knows how to reach.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TEST_HOST = "movizor.test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port: int, process: subprocess.Popen, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start listening on {port}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class ProxyPy:
    """``proxy.py`` on 127.0.0.1:<free port>; ``log_text()`` is its access log."""

    def __init__(self, tmp: Path, *, auth: str | None = None) -> None:
        self.port = free_port()
        self.log_file = tmp / f"proxy-{self.port}.log"
        command = [
            sys.executable,
            "-m",
            "proxy",
            "--hostname",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--num-workers",
            "1",
            "--num-acceptors",
            "1",
            "--log-file",
            str(self.log_file),
            "--log-level",
            "INFO",
            "--plugins",
            "tests.net.proxy_plugins.ResolveTestHosts",
        ]
        if auth:
            command += ["--basic-auth", auth]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_listening(self.port, self.process, "proxy.py")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log_file.read_text("utf-8", "replace") if self.log_file.exists() else ""

    def wait_for(self, needle: str, timeout: float = 10.0) -> str:
        """The log once it contains ``needle`` (access lines are written after the fact)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log_text()
            if needle in text:
                return text
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared in the proxy log:\n{self.log_text()}")

    def close(self) -> None:
        stop(self.process)


def mitmdump_path() -> str | None:
    """mitmdump from $MOVIZOR_MITMDUMP, ./.venv-mitmproxy (made by .ci/run) or PATH."""
    candidates = [
        os.environ.get("MOVIZOR_MITMDUMP", ""),
        str(ROOT / ".venv-mitmproxy" / "bin" / "mitmdump"),
        str(ROOT / ".venv-mitmproxy" / "Scripts" / "mitmdump.exe"),
        shutil.which("mitmdump") or "",
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def require_mitmdump() -> str:
    path = mitmdump_path()
    if path is None:
        message = (
            "mitmdump not found: create it with `python3 -m venv .venv-mitmproxy && "
            ".venv-mitmproxy/bin/pip install 'mitmproxy>=11,<12'` (as .ci/run does)"
        )
        if os.environ.get("CI") or os.environ.get("MOVIZOR_REQUIRE_MITMPROXY"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class Mitmdump:
    """An intercepting proxy with its own CA (``ca_file``); ``seen()`` lists request lines."""

    def __init__(
        self, tmp: Path, *, upstream_ca: Path, mode: str = "regular", auth: str | None = None
    ) -> None:
        self.port = free_port()
        self.confdir = tmp / f"mitm-{self.port}"
        self.confdir.mkdir()
        self.flows = self.confdir / "seen.txt"
        command = [
            require_mitmdump(),
            "--listen-host",
            "127.0.0.1",
            "--listen-port",
            str(self.port),
            "--mode",
            mode,
            "-q",
            "--set",
            f"confdir={self.confdir}",
            "--set",
            f"ssl_verify_upstream_trusted_ca={upstream_ca}",
            "-s",
            str(HERE / "mitm_addon.py"),
        ]
        if auth:
            command += ["--proxyauth", auth]
        env = {**os.environ, "MOVIZOR_MITM_SEEN": str(self.flows)}
        for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_listening(self.port, self.process, "mitmdump")

    @property
    def ca_file(self) -> Path:
        return self.confdir / "mitmproxy-ca-cert.pem"

    @property
    def url(self) -> str:
        scheme = (
            "socks5"
            if self.process.args[self.process.args.index("--mode") + 1].startswith("socks5")
            else "http"
        )
        return f"{scheme}://127.0.0.1:{self.port}"

    def seen(self) -> str:
        return self.flows.read_text("utf-8") if self.flows.exists() else ""

    def close(self) -> None:
        stop(self.process)

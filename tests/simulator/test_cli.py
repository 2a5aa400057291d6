"""``movizor-sim`` / ``python -m movizor_desktop.simulator`` as a real process."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from movizor_desktop.simulator import cli

ROOT = Path(__file__).resolve().parents[2]
KEY = "cli-key-Ключ-7"
LINE = re.compile(
    r"^movizor-sim: serving (http://127\.0\.0\.1:(\d+)/api/) project=(\S+) "
    r"\((.+)\) dialect=(\S+) — control at (http://127\.0\.0\.1:\d+/_sim/)$"
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH")]))
    full_env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "movizor_desktop.simulator",
            "--port",
            "0",
            "--fleet",
            "3",
            "--speed",
            "0",
            "--start",
            "2026-11-26T12:00:00+03:00",
            *args,
        ],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _first_line(proc: subprocess.Popen[str], timeout: float = 10.0) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: lines.put(proc.stdout.readline()),  # type: ignore[union-attr]
        daemon=True,
    ).start()
    try:
        return lines.get(timeout=timeout).rstrip("\n")
    except queue.Empty:
        proc.kill()
        pytest.fail(f"no line from movizor-sim; stderr: {proc.communicate()[1]}")


@pytest.fixture
def spawn() -> Iterator[Any]:
    procs: list[subprocess.Popen[str]] = []

    def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        procs.append(_spawn(*args, env=env))
        return procs[-1]

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serves_until_signal(spawn, client_factory, signum) -> None:
    proc = spawn("--project", "acme", "--key", KEY, "--quota", "100")
    line = _first_line(proc)
    match = LINE.match(line)
    assert match, line
    base_url, port, project, source, spoken, control_url = match.groups()
    assert int(port) > 0 and project == "acme" and source == "key from --key"
    assert spoken == "2017"
    assert KEY not in line
    client = client_factory()
    ok = client.get(base_url + "acme/object_list/", params={"key": KEY}).json()
    assert ok["result"] == "success" and len(ok["data"]) == 3
    denied = client.get(base_url + "acme/object_list/", params={"key": "nope"}).json()
    assert denied["error_code"] == "ACCESS_DENIED"
    assert client.get(control_url + "quota").json()["per_hour"] == 100
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert KEY not in out + err and out == ""
    with socket.socket() as s:  # the port is free again
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", int(port)))


def test_key_from_environment(spawn, client_factory) -> None:
    proc = spawn(env={cli.KEY_ENV: KEY})
    line = _first_line(proc)
    match = LINE.match(line)
    assert match and match[4] == f"key from ${cli.KEY_ENV}", line
    envelope = client_factory().get(match[1] + "demo/balance/", params={"key": KEY}).json()
    assert envelope["result"] == "success"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(10) == 0


def test_dialect_and_switches(spawn, client_factory) -> None:
    proc = spawn(
        "--key",
        KEY,
        "--dialect",
        "v2",
        "--switch",
        "events_after=oldest",
        "--switch",
        "escape_text=off",
    )
    line = _first_line(proc)
    match = LINE.match(line)
    assert match and match[5] == "custom", line
    client = client_factory()
    balance = client.get(match[1] + "demo/balance/", params={"key": KEY}).json()["data"]
    assert set(balance["tariff"]["mts"]) == {"4", "5", "6", "7"}
    denied = client.get(match[1] + "demo/balance/", params={"key": "nope"}).json()
    assert (denied["error_code"], denied["error_text"]) == ("0", "Incorrect key")
    switches = client.get(match[6] + "dialect").json()["switches"]
    assert switches["events_after"] == "oldest" and switches["escape_text"] is False
    assert switches["bare_clears"] is False
    proc.send_signal(signal.SIGINT)
    assert proc.wait(10) == 0


@pytest.mark.parametrize(
    "bad",
    [
        ["--dialect", "v3"],
        ["--switch", "events_after=sideways"],
        ["--switch", "nonsense=1"],
        ["--switch", "escape_text"],
    ],
)
def test_bad_dialect_arguments(bad, capsys) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(bad)
    assert "--" in capsys.readouterr().err


def test_busy_port_exits_1(capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert cli.main(["--port", str(port), "--fleet", "1", "--key", KEY]) == 1
    out, err = capsys.readouterr()
    assert out == "" and f"cannot listen on 127.0.0.1:{port}" in err and KEY not in err


def test_arguments() -> None:
    parser = cli.build_parser()
    args = parser.parse_args([])
    assert (args.host, args.port, args.project, args.fleet, args.seed, args.speed, args.quota) == (
        "127.0.0.1",
        8765,
        "demo",
        40,
        1,
        1.0,
        5000,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["--speed", "-2"])
    with pytest.raises(SystemExit):
        parser.parse_args(["--start", "yesterday"])

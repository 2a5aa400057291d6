"""``movizor-sim``: serve a seeded simulated Movizor until SIGINT/SIGTERM.

    movizor-sim --host 127.0.0.1 --port 8765 --project demo --key demo --fleet 40 --seed 1

``--dialect v2`` answers in the other reading of every disputed point, and
``--switch NAME=VALUE`` (repeatable) changes single switches of the dialect (see
:mod:`.dialects`).

Once it accepts connections it prints one line to stdout with the API base URL and the
control URL (``--port 0`` picks a free port and the line shows it). The key is never
printed; it comes from ``--key``, else ``$MOVIZOR_SIM_KEY``, else ``demo``.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import signal
import sys
import threading
from datetime import datetime
from typing import Any

from .dialects import DIALECTS, SWITCHES, dialect, parse_switch

__all__ = ["build_parser", "main"]

KEY_ENV = "MOVIZOR_SIM_KEY"


def _non_negative(kind: type) -> Any:
    def parse(text: str) -> Any:
        value = kind(text)
        if value < 0:
            raise argparse.ArgumentTypeError(f"must be >= 0, not {text}")
        return value

    parse.__name__ = kind.__name__
    return parse


def _start(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="movizor-sim",
        description="Serve a simulated Movizor.ru API (and /_sim/ control API) on loopback.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback!)")
    p.add_argument("--port", type=_non_negative(int), default=8765, help="0 = any free port")
    p.add_argument("--project", default="demo")
    p.add_argument("--key", default=None, help=f"API key (default ${KEY_ENV}, else 'demo')")
    p.add_argument("--fleet", type=_non_negative(int), default=40, help="seeded subscribers")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--speed",
        type=_non_negative(float),
        default=1.0,
        help="sim seconds per real second (1 = real time)",
    )
    p.add_argument("--quota", type=_non_negative(int), default=5000, help="API requests per hour")
    p.add_argument(
        "--start", type=_start, default=None, help="sim clock start, ISO 8601 (default: now)"
    )
    p.add_argument(
        "--dialect",
        choices=sorted(DIALECTS),
        default="2017",
        help="how to answer where the sources disagree (default 2017)",
    )
    p.add_argument(
        "--switch",
        type=_switch,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change one switch of the dialect: "
        + ", ".join(
            f"{name} ({'/'.join(str(v).lower() for v in values)})"
            for name, values in SWITCHES.items()
        ),
    )
    return p


def _switch(text: str) -> tuple[str, Any]:
    try:
        return parse_switch(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="movizor-sim: %(levelname)s %(message)s")
    if args.key is not None:
        key, source = args.key, "key from --key"
    elif os.environ.get(KEY_ENV):
        key, source = os.environ[KEY_ENV], f"key from ${KEY_ENV}"
    else:
        key, source = "demo", "default key"
    if not _is_loopback(args.host):
        print(
            f"movizor-sim: warning: {args.host} is not loopback and /_sim/ has no auth",
            file=sys.stderr,
        )

    from .server import SimulatorServer

    stop = threading.Event()
    previous: dict[int, Any] = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, lambda *_: stop.set())
    server = None
    try:
        server = SimulatorServer.demo(
            seed=args.seed,
            fleet=args.fleet,
            speed=args.speed,
            start=args.start,
            project=args.project,
            key=key,
            host=args.host,
            port=args.port,
            quota_per_hour=args.quota,
            dialect=dialect(args.dialect, dict(args.switch)),
        )
        try:
            server.start()
        except OSError as exc:
            print(f"movizor-sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
            return 1
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")
        spoken = server.world.dialect.name
        print(
            f"movizor-sim: serving {server.base_url} project={args.project} ({source}) "
            f"dialect={spoken} — control at {server.control_url}",
            flush=True,
        )
        while not stop.wait(0.5):
            pass
        return 0
    finally:
        if server is not None:
            server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)

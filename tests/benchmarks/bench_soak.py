"""Soak: a fleet of 2,000 for a simulated 24 hours, the real app on an accelerated clock.

    python tests/benchmarks/bench_soak.py              # JSON lines on stdout (~3-4 min)
    python tests/benchmarks/bench_soak.py --hours 2    # a shorter run
    python tests/benchmarks/run_all.py soak

The simulator (``movizor-sim``, a process of its own so its growing history does not
count as ours) runs ``SPEED`` times faster than real time with the real 5,000 requests an
hour quota. The app side is what a dispatcher runs: a :class:`Session` (client, sync
engine at its default 60 s interval, SQLite cache on disk) shown in a headless
:class:`MainWindow`, on the qasync loop, with the heap settled as the app settles it once
started (:func:`movizor_desktop.heap.settle`). Everything that measures time is put on the
same accelerated clock: the engine's interval and retry delays are divided by ``SPEED``,
the request governor's rolling hour runs on ``time.monotonic() * SPEED`` and the engine's
"now" (stale details) is the simulator's clock.

Every simulated hour the run samples resident memory (RSS), asyncio tasks, QObjects and
QTimers in the process, and the requests the simulator saw that hour. Figures: memory
growth over the last 75 % of the run (the first quarter fills caches and the cache's
SQLite pages), growth of tasks, QObjects and QTimers over the same span, the largest and
mean requests of any one hour against the 5,000 budget, refusals by the server's quota,
sync cycles, and at the end the cache's ``PRAGMA integrity_check`` and whether its rows
match the account's fleet. A soak measures; it never asserts (the slow test does).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FLEET = 2000
HOURS = 24
SPEED = 480.0  # simulated seconds per real second: 24 h in 3 minutes
KEY = "soak-bench-key"
SIM_START = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 08:00 МСК
BUDGET = 5000


def rss_mb() -> float:
    """Current resident memory in MB (Linux /proc; elsewhere the peak)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def _figure(
    name: str, value: float, unit: str, goal: str | None = None, **extra: Any
) -> dict[str, Any]:
    figure: dict[str, Any] = {"name": name, "value": value, "unit": unit}
    if goal is not None:
        figure["goal"] = goal
    figure.update(extra)  # better=None: describes the scenario (see compare.py)
    return figure


def start_simulator(fleet: int, speed: float) -> tuple[subprocess.Popen[str], str, str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "movizor_desktop.simulator",
            "--port",
            "0",
            "--fleet",
            str(fleet),
            "--speed",
            str(speed),
            "--quota",
            str(BUDGET),
            "--key",
            KEY,
            "--start",
            SIM_START.isoformat(),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r"serving (\S+) .* control at (\S+)", line)
    if match is None:
        proc.kill()
        raise RuntimeError(f"the simulator did not start: {line!r}")
    return proc, match.group(1), match.group(2)


class Sample:
    __slots__ = ("cycles", "hour", "qobjects", "qtimers", "requests", "rss", "tasks")

    def __init__(self, **kw: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, kw[name])


async def soak(
    hours: float,
    speed: float,
    fleet: int,
    base_url: str,
    control_url: str,
    home: Path,
    *,
    window: bool = True,
) -> tuple[list[Sample], dict[str, Any]]:
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from movizor_desktop.api import RequestGovernor
    from movizor_desktop.api.errors import RateLimitError
    from movizor_desktop.simulator import SimControl
    from movizor_desktop.store import AppSettings, Cache, Profile
    from movizor_desktop.ui.session import Session

    control = SimControl(control_url)
    state = await asyncio.to_thread(control.state)
    sim_t0 = datetime.fromisoformat(state["now"]) if "now" in state else SIM_START
    real_t0 = time.monotonic()

    def sim_now() -> datetime:
        return datetime.fromtimestamp(
            sim_t0.timestamp() + (time.monotonic() - real_t0) * speed, UTC
        )

    cache = Cache(home / "cache.sqlite3")
    profile = Profile("soak", base_url=base_url, project="demo")
    session = Session(profile, KEY, cache=cache, interval=60.0 / speed)
    session.client.governor = RequestGovernor(clock=lambda: time.monotonic() * speed)
    engine = session.engine
    engine.retry_base = 5.0 / speed
    engine._now = sim_now  # the engine's "now" (stale details) on the simulated clock
    refusals = 0
    cycles = 0

    def on_status(status: Any) -> None:
        nonlocal refusals, cycles
        if isinstance(status.error, RateLimitError):
            refusals += 1
        if status.last_sync is not None:
            cycles += 1

    session.status_changed.connect(on_status)
    shown = None
    if window:
        from movizor_desktop.ui.main_window import MainWindow

        shown = MainWindow(AppSettings())
        shown.resize(1400, 900)
        shown.show()
        shown.set_session(session)
    from movizor_desktop import heap

    heap.settle()  # as the app does once started: the soak shows that it leaks nothing
    session.start()

    app = QApplication.instance()
    samples: list[Sample] = []
    last_total = 0
    hour_real = 3600.0 / speed
    for hour in range(1, int(hours) + 1):
        await asyncio.sleep(max(0.0, real_t0 + hour * hour_real - time.monotonic()))
        log = await asyncio.to_thread(control.requests)
        total = int(log["total"])
        objects = app.findChildren(QObject) if app is not None else []
        widgets = QApplication.allWidgets()
        qobjects = len(objects) + sum(
            len(w.findChildren(QObject)) for w in widgets if w.parent() is None
        )
        qtimers = sum(len(w.findChildren(QTimer)) for w in widgets if w.parent() is None)
        samples.append(
            Sample(
                hour=hour,
                rss=rss_mb(),
                tasks=len(asyncio.all_tasks()),
                qobjects=qobjects,
                qtimers=qtimers,
                requests=total - last_total,
                cycles=cycles,
            )
        )
        last_total = total
        print(
            f"# hour {hour:2d}: rss {samples[-1].rss:6.1f} MB, tasks {samples[-1].tasks}, "
            f"qobjects {qobjects}, qtimers {qtimers}, requests {samples[-1].requests}, "
            f"fleet {len(engine.fleet)}, state {engine.status.state}",
            file=sys.stderr,
            flush=True,
        )

    fleet_rows = len(engine.fleet)
    await session.aclose()
    if shown is not None:
        shown.close()
        shown.deleteLater()
    control.close()
    extra = {"refusals": refusals, "cycles": cycles, "fleet_rows": fleet_rows}
    return samples, extra


def check_cache(path: Path) -> tuple[bool, int]:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT COUNT(*) FROM fleet_rows").fetchone()[0]
    finally:
        conn.close()
    return ok, int(rows)


def _growth(values: list[float]) -> float:
    """Growth over the last 75 % of the samples: median of the last three minus the
    median of three around the quarter mark (single samples are noisy mid-cycle)."""
    if len(values) < 4:
        return values[-1] - values[0] if values else 0.0
    quarter = len(values) // 4
    start = median(values[max(0, quarter - 1) : quarter + 2])
    return median(values[-3:]) - start


def run(
    hours: float = HOURS, speed: float = SPEED, fleet: int = FLEET, window: bool = True
) -> list[dict[str, Any]]:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    proc, base_url, control_url = start_simulator(fleet, speed)
    began = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
                samples, extra = runner.run(
                    soak(hours, speed, fleet, base_url, control_url, home, window=window)
                )
            listed = len(_object_list(base_url))  # the account's fleet at the end
            ok, rows = check_cache(home / "cache.sqlite3")
    finally:
        proc.terminate()
        proc.wait(10)
    wall = time.perf_counter() - began
    per_hour = [s.requests for s in samples[1:]] or [0]  # hour 1 includes the first fill
    return [
        _figure("soak_simulated_hours", len(samples), "h"),
        _figure("soak_wall_clock", round(wall, 1), "s", better=None),
        _figure("soak_sync_cycles", extra["cycles"], "cycles", better=None),
        _figure("soak_rss_end", round(samples[-1].rss, 1), "MB"),
        _figure(
            "soak_rss_growth_last_75pct", round(_growth([s.rss for s in samples]), 1), "MB", "< 25"
        ),
        _figure("soak_asyncio_tasks_growth", _growth([s.tasks for s in samples]), "tasks", "<= 0"),
        _figure("soak_qobjects_growth", _growth([s.qobjects for s in samples]), "objects", "<= 0"),
        _figure("soak_qtimers_growth", _growth([s.qtimers for s in samples]), "timers", "<= 0"),
        _figure("soak_max_requests_per_hour", max(per_hour), "requests", f"<= {BUDGET}"),
        _figure("soak_mean_requests_per_hour", round(sum(per_hour) / len(per_hour)), "requests"),
        _figure("soak_first_hour_requests", samples[0].requests, "requests", f"<= {BUDGET}"),
        _figure("soak_quota_refusals", extra["refusals"], "errors", "== 0"),
        _figure("soak_cache_integrity_ok", int(ok), "bool", "== 1"),
        _figure(
            "soak_cache_rows_match_fleet",
            int(rows == listed == extra["fleet_rows"]),
            "bool",
            "== 1",
        ),
    ]


def _object_list(base_url: str) -> list[Any]:
    import httpx

    answer = httpx.post(f"{base_url}demo/object_list/", data={"key": KEY}).json()
    data = answer.get("data") or []
    return list(data.values()) if isinstance(data, dict) else list(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="soak the app for a simulated day")
    parser.add_argument("--hours", type=float, default=HOURS)
    parser.add_argument("--speed", type=float, default=SPEED)
    parser.add_argument("--fleet", type=int, default=FLEET)
    parser.add_argument("--no-window", action="store_true", help="engine and session only")
    args = parser.parse_args(argv)
    for figure in run(args.hours, args.speed, args.fleet, window=not args.no_window):
        print(json.dumps(figure, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

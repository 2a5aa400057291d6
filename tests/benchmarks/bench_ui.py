"""How the subscriber list keeps up: refresh, filter keystroke, event-loop stalls.

    python tests/benchmarks/bench_ui.py          # JSON lines on stdout
    python tests/benchmarks/run_all.py ui
    python tests/benchmarks/profile_stall.py     # what the worst stall was made of

* ``ui.apply_refresh_10k``: applying one refresh (a ChangeSet with 10 % of the rows
  changed: fix, place, km, forecast) to a 10,000-row model that is shown in the real list
  widget (proxy + table view), unsorted and sorted by last fix (then rows move), median
  of 15 refreshes. The next repaint is measured separately. The list is built, then the
  heap settled as in an app started with that fleet cached (so in the filter figure).
* ``ui.filter_keystroke_10k``: one character typed into the search box over 10,000 rows
  (filter, group counts and the proxy's new mapping; the repaint is reported apart). The
  figure is the *worst* of three rounds of 24 keystrokes; then the most CPU time one
  keystroke took (what the app did, whatever else the machine ran) and the median of
  those that change the rows shown.
* ``ui.max_stall_sync_1000``: the longest gap of a 5 ms QTimer while the main window
  syncs 1,000 subscribers from the simulator answering every request 300 ms late (the
  connect plus two cycles): how long the window could not react. The figure is the
  *worst* of 5 runs (the median of the runs' maxima comes second), with what that gap
  was made of (``why``: the Qt thread's CPU time in it, the garbage collector's passes and
  the long asyncio callbacks inside it, see :class:`StallTrace`), and the most CPU time
  the Qt thread spent in any gap. Each run starts as the app does once started: the
  window shown, one request made (httpx has imported its backend), the heap settled
  (:func:`movizor_desktop.heap.settle`). The simulator runs in a child process, like a
  remote server; a second, pessimistic figure runs it in this process, where its Python
  request handling (1,000 subscribers moving) competes with the window for the GIL.
* ``ui.full_gc_pass_after_sync_1000``: one full pass of the cyclic garbage collector,
  timed on the Qt thread right after each run's sync. A run starts from a collected heap,
  so the collector's full pass (which a long-running app meets every few thousand
  surviving objects) may not fall inside it; this figure is the stall it will cause.

Goals: < 50 ms (refresh), ≤ 16 ms (worst keystroke), ≤ 50 ms (worst stall, full
collector pass). A calibration
figure (a plain Python loop) is printed first and last: the figures scale with it, and
on a shared VM it moves by 2-3x.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
KEY = "bench-key"
STATUSES = ("ok", "ok", "ok", "ok", "wait", "new", "off", "rejected", "limited", "error")
WORDS = ("Рейс", "Иванов", "Петров", "Сидоров", "Wildberries", "Ozon", "Лента", "КАМАЗ")
PLACES = ("Москва", "Казань", "Тула", "Омск", "Пермь", "Самара", "Уфа", "Челябинск")


def _figure(
    name: str, value: float, unit: str, goal: str | None = None, **extra: Any
) -> dict[str, Any]:
    """One figure; ``extra`` keys go along (``better=None``: not compared with the
    baseline; ``why``: what the worst case was made of)."""
    figure: dict[str, Any] = {"name": name, "value": round(value, 2), "unit": unit}
    if goal is not None:
        figure["goal"] = goal
    figure.update(extra)
    return figure


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)  # closing a scenario's window must not stop us
    return app


_LOOP: Any = None


def _loop() -> Any:
    """One qasync loop for every scenario: a second QEventLoop after closing the first
    crashes Qt (seen: a segfault constructing the next QMainWindow)."""
    global _LOOP
    import qasync

    if _LOOP is None:
        _LOOP = qasync.QEventLoop(_app())
        # Plain threads for asyncio.to_thread (the cache): qasync's default executor is
        # made of QThreads, and one still alive when Python exits aborts the process
        # ("QThread: Destroyed while thread is still running", exit -6).
        _LOOP.set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="bench-ui"))
    asyncio.set_event_loop(_LOOP)
    return _LOOP


def _close_loop() -> None:
    """Let the worker threads finish before the interpreter exits."""
    global _LOOP
    if _LOOP is not None:
        _LOOP.run_until_complete(_LOOP.shutdown_default_executor())
        _LOOP.close()  # now, while Qt still exists (not in __del__ at exit)
        asyncio.set_event_loop(None)
        _LOOP = None


def _rows(n: int) -> list[Any]:
    from movizor_desktop.fleet import FleetRow

    return [
        FleetRow(
            phone=f"79{i:09d}",
            status=STATUSES[i % len(STATUSES)],
            title=f"{WORDS[i % 8]} {i} {WORDS[(i // 8) % 8]}",
            tariff="15",
            tags=(WORDS[i % 5],),
            fix_time=SIM_START - timedelta(minutes=i % 600),
            lat=55.0,
            lon=37.0,
            place=PLACES[i % 8],
            distance_km=float(i % 900),
            forecast=("ok", "late", "finished", None)[i % 4],
        )
        for i in range(n)
    ]


def _list_widget(n: int) -> tuple[Any, Any, Any]:
    from movizor_desktop.ui.subscribers.model import SubscriberModel
    from movizor_desktop.ui.subscribers.proxy import SubscriberProxy
    from movizor_desktop.ui.subscribers.view import SubscriberList

    app = _app()
    model = SubscriberModel(now=lambda: SIM_START)
    widget = SubscriberList(model, SubscriberProxy())
    widget.resize(1200, 800)
    widget.show()
    model.set_rows(_rows(n))
    app.processEvents()
    _settle()
    return app, model, widget


def _settle() -> None:
    """The heap as in the app once started with this fleet cached: settled
    (:func:`movizor_desktop.heap.settle`); the previous scenario's freeze undone first."""
    import gc

    from movizor_desktop import heap

    gc.unfreeze()
    heap.settle()


def bench_refresh(n: int = 10_000, share: float = 0.10, runs: int = 15) -> list[dict]:
    from movizor_desktop.fleet import ChangeSet
    from movizor_desktop.ui.subscribers.model import FIX

    app, model, widget = _list_widget(n)
    figures = []
    for label, sort in (("unsorted", None), ("sorted by last fix", FIX)):
        if sort is not None:
            widget.table.sortByColumn(sort, widget.table.horizontalHeader().sortIndicatorOrder())
            app.processEvents()
        times, paints = [], []
        step = int(1 / share)
        for run in range(runs):
            rows = model.rows()
            changed = [
                replace(
                    r,
                    fix_time=SIM_START + timedelta(minutes=run + 1, seconds=i),
                    place=PLACES[(i + run) % 8],
                    distance_km=float(run + i % 50),
                )
                for i, r in enumerate(rows[run % step :: step])
            ]
            changes = ChangeSet(changed=changed, moved=[r.phone for r in changed])
            started = time.perf_counter()
            model.apply(changes)
            times.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            widget.table.viewport().repaint()
            paints.append((time.perf_counter() - started) * 1000)
            app.processEvents()
        figures.append(
            _figure(
                f"ui.apply_refresh_10k ({label}, 1,000 rows changed)",
                statistics.median(times),
                "ms",
                "< 50",
            )
        )
        figures.append(_figure(f"ui.apply_refresh_10k max ({label})", max(times), "ms"))
        figures.append(
            _figure(f"ui.repaint_after_refresh ({label})", statistics.median(paints), "ms")
        )
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return figures


KEYSTROKES = (
    "и",
    "ив",
    "ива",
    "иван",
    "ива",
    "ив",
    "и",
    "",
    "7",
    "79",
    "790",
    "7900",
    "o",
    "oz",
    "ozo",
    "ozon",
    "",
    "р",
    "ре",
    "рей",
    "рейс",
    "рейс 1",
    "рейс 12",
    "",
)


def bench_filter(n: int = 10_000, rounds: int = 3) -> list[dict]:
    app, _model, widget = _list_widget(n)
    search, proxy = widget.search, widget.proxy
    remapped, unchanged, paints, cpu = [], [], [], []
    for text in KEYSTROKES * rounds:
        rows_before = proxy.rowCount()
        on_cpu = time.thread_time()
        started = time.perf_counter()
        search.setText(text)  # what a keystroke does: textChanged → proxy.set_search
        elapsed = (time.perf_counter() - started) * 1000
        cpu.append((time.thread_time() - on_cpu) * 1000)
        (remapped if proxy.rowCount() != rows_before else unchanged).append(elapsed)
        started = time.perf_counter()
        widget.table.viewport().repaint()
        paints.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return [
        _figure(
            f"ui.filter_keystroke_10k (worst of {len(remapped) + len(unchanged)})",
            max(remapped + unchanged),
            "ms",
            "<= 16",
        ),
        _figure("ui.filter_keystroke_10k (worst, CPU time of the Qt thread)", max(cpu), "ms"),
        _figure(
            "ui.filter_keystroke_10k (median, keystrokes that change the rows shown)",
            statistics.median(remapped),
            "ms",
        ),
        _figure(
            "ui.filter_keystroke_10k (median, same rows shown: no remap)",
            statistics.median(unchanged) if unchanged else 0.0,
            "ms",
        ),
        _figure("ui.repaint_after_keystroke", statistics.median(paints), "ms"),
    ]


async def _warm_up(base_url: str) -> None:
    """What any running app has done once already: the first request (httpx imports its
    anyio backend lazily), the first strptime, the phone metadata."""
    from movizor_desktop.api import MovizorClient, format_phone

    client = MovizorClient(base_url, project="demo", key=KEY)
    try:
        await client.balance()
    finally:
        await client.aclose()
    datetime.strptime("26.11.2026 12:00", "%d.%m.%Y %H:%M")
    format_phone("79210010203")


def _serve(conn: Any, fleet: int) -> None:
    """Child process: a seeded simulator until told to stop (the GIL stays ours)."""
    from movizor_desktop.simulator import SimClock, SimulatorServer, World

    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=fleet)
    server = SimulatorServer(world, project="demo", key=KEY, quota_per_hour=10**9).start()
    conn.send((server.base_url, server.control_url))
    conn.recv()
    server.stop()


class _Simulator:
    """A simulator in this process (thread) or in a child process."""

    def __init__(self, fleet: int, *, separate: bool) -> None:
        self.process = self.conn = self.server = None
        if separate:
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            self.conn, child = ctx.Pipe()
            self.process = ctx.Process(target=_serve, args=(child, fleet), daemon=True)
            self.process.start()
            self.base_url, self.control_url = self.conn.recv()
        else:
            from movizor_desktop.simulator import SimClock, SimulatorServer, World

            world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=fleet)
            self.server = SimulatorServer(
                world, project="demo", key=KEY, quota_per_hour=10**9
            ).start()
            self.base_url, self.control_url = self.server.base_url, self.server.control_url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
        if self.process is not None:
            self.conn.send("stop")
            self.process.join(10)


class StallTrace:
    """What happened in the event loop during one run: every beat of the 5 ms timer, the
    garbage collector's passes and the asyncio callbacks that ran long, all stamped with
    ``time.perf_counter()`` (CLOCK_MONOTONIC on Linux, so ``perf record -k
    CLOCK_MONOTONIC`` samples line up with them: see ``profile_stall.py``)."""

    LONG_CALLBACK = 0.004  # s: asyncio callbacks at least this long are kept

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.cpu: list[float] = []  # the Qt thread's CPU time at each beat
        self.collections: list[tuple[float, float, int]] = []  # start, end, generation
        self.callbacks: list[tuple[float, float, str]] = []
        self._gc_started = 0.0
        self._run = None

    def __enter__(self) -> StallTrace:
        import asyncio.events
        import gc

        gc.callbacks.append(self._gc)
        handle = asyncio.events.Handle
        self._run = handle._run
        original, keep = self._run, self.callbacks

        def timed(callback: Any) -> None:
            started = time.perf_counter()
            try:
                original(callback)
            finally:
                ended = time.perf_counter()
                if ended - started >= self.LONG_CALLBACK:
                    keep.append((started, ended, repr(callback)[:120]))

        handle._run = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        import asyncio.events
        import gc

        gc.callbacks.remove(self._gc)
        asyncio.events.Handle._run = self._run  # type: ignore[method-assign]

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.collections.append((self._gc_started, time.perf_counter(), info["generation"]))

    def beat(self) -> None:
        self.beats.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def gaps(self) -> list[tuple[float, float]]:
        """(start, end) of every interval between two beats."""
        return list(pairwise(self.beats))

    def worst(self) -> tuple[float, float]:
        return max(self.gaps(), key=lambda g: g[1] - g[0], default=(0.0, 0.0))

    def most_cpu_in_a_gap(self) -> float:
        """The most CPU time the Qt thread spent between two beats: the longest stall the
        app made itself, whatever else the machine ran."""
        return max((b - a for a, b in pairwise(self.cpu)), default=0.0)

    def longest_full_collection(self) -> float:
        """The longest generation-2 collection while the timer ran."""
        first, last = (self.beats[0], self.beats[-1]) if self.beats else (0.0, 0.0)
        return max(
            (e - s for s, e, g in self.collections if g == 2 and s >= first and e <= last),
            default=0.0,
        )

    def explain(self, start: float, end: float) -> list[str]:
        """The collections and long callbacks that overlap ``start``–``end``, and how
        much of it the Qt thread spent on a CPU (the rest it waited: for the GIL, or for
        a core the machine's other processes held)."""
        lines = []
        if start in self.beats:
            i = self.beats.index(start)
            if i + 1 < len(self.cpu):
                lines.append(
                    f"Qt thread on a CPU {(self.cpu[i + 1] - self.cpu[i]) * 1000:.1f}"
                    f" ms of {(end - start) * 1000:.1f} ms"
                )
        for s, e, generation in self.collections:
            if s < end and e > start and e - s >= 0.001:
                lines.append(
                    f"gc generation {generation}: {(e - s) * 1000:.1f} ms "
                    f"at +{(s - start) * 1000:.1f} ms"
                )
        for s, e, what in self.callbacks:
            if s < end and e > start:
                lines.append(
                    f"asyncio callback {(e - s) * 1000:.1f} ms at "
                    f"+{(s - start) * 1000:.1f} ms: {what}"
                )
        return lines


def stall_runs(
    fleet: int = 1000, latency: float = 0.3, *, separate: bool = True, runs: int = 5
) -> list[tuple[StallTrace, dict[str, float]]]:
    """``runs`` syncs of ``fleet`` subscribers at ``latency`` s a request, each in a fresh
    window, traced.

    Each run starts as the app does: the window is built and shown, one request has been
    made, and the heap is settled (:func:`movizor_desktop.heap.settle`, which the app calls
    once start-up is over); the previous run's window is unfrozen and collected there, so
    no run pays for the one before. Then the 5 ms timer starts and the session connects
    and syncs twice.
    """
    import gc

    from PySide6.QtCore import QTimer

    from movizor_desktop import heap
    from movizor_desktop.simulator import SimControl
    from movizor_desktop.store import AppSettings, Profile
    from movizor_desktop.ui.main_window import MainWindow
    from movizor_desktop.ui.session import Session

    sim = _Simulator(fleet, separate=separate)
    loop = _loop()
    with SimControl(sim.control_url) as control:
        control.add_fault("latency", count=None, latency=latency)

    async def scenario(trace: StallTrace) -> dict[str, float]:
        window = MainWindow(AppSettings(), lang="en")
        window.resize(1400, 900)
        window.show()
        session = Session(Profile(name="bench", base_url=sim.base_url, project="demo"), KEY)
        await _warm_up(sim.base_url)
        await asyncio.sleep(0.5)  # the window's first paint is start-up, not sync
        heap.settle()  # as the app, once started
        timer = QTimer(interval=5)
        timer.timeout.connect(trace.beat)
        trace.beat()
        timer.start()
        started = time.perf_counter()
        window.set_session(session)
        session.start()
        while window.model.rowCount() < fleet or str(session.engine.status.state) != "online":
            await asyncio.sleep(0.05)
        loaded = time.perf_counter() - started
        for _ in range(2):  # two cycles: events, positions, details
            seen = session.engine.status.syncs
            session.engine.refresh_now()
            while session.engine.status.syncs == seen:
                await asyncio.sleep(0.05)
        total = time.perf_counter() - started
        timer.stop()
        # what the collector's next full pass will cost the window: it comes every few
        # thousand surviving objects in a long-running app, not always within this run
        collecting = time.perf_counter()
        gc.collect()
        full_gc = time.perf_counter() - collecting
        details = sum(1 for r in window.model.rows() if r.details is not None)
        await session.aclose()
        window.set_session(None)
        window.close()
        window.deleteLater()  # deleted by Qt now, not by the garbage collector later
        await asyncio.sleep(0.1)
        return {"loaded": loaded, "total": total, "details": details, "full_gc": full_gc}

    results = []
    try:
        for _ in range(runs):
            gc.unfreeze()  # each run settles its own heap
            with StallTrace() as trace:
                results.append((trace, loop.run_until_complete(scenario(trace))))
    finally:
        sim.stop()
    return results


def bench_stall(
    fleet: int = 1000, latency: float = 0.3, *, separate: bool = True, runs: int = 5
) -> list[dict]:
    results = stall_runs(fleet, latency, separate=separate, runs=runs)
    maxima, p99s = [], []
    for trace, _result in results:
        gaps = sorted((e - s) * 1000 for s, e in trace.gaps())
        maxima.append(gaps[-1] if gaps else 0.0)
        p99s.append(gaps[int(len(gaps) * 0.99)] if gaps else 0.0)
    worst_trace = results[maxima.index(max(maxima))][0]
    where = "simulator in another process" if separate else "simulator in this process"
    figures = [
        _figure(
            f"ui.max_stall_sync_1000 (300 ms latency, {where}; worst of {runs} runs)",
            max(maxima),
            "ms",
            "<= 50" if separate else None,
            why=worst_trace.explain(*worst_trace.worst()),
        ),
        _figure(
            f"ui.max_stall_sync_1000 median of {runs} runs ({where})",
            statistics.median(maxima),
            "ms",
        ),
        _figure(
            f"ui.max_stall_sync_1000 CPU time of the Qt thread, worst gap of {runs} runs ({where})",
            max(t.most_cpu_in_a_gap() for t, _ in results) * 1000,
            "ms",
        ),
        _figure(f"ui.p99_loop_gap_sync_1000 worst run ({where})", max(p99s), "ms"),
        _figure(
            f"ui.longest_full_gc_sync_1000 ({where})",
            max(t.longest_full_collection() for t, _ in results) * 1000,
            "ms",
        ),
        _figure(
            f"ui.full_gc_pass_after_sync_1000 (worst of {runs} runs, {where})",
            max(r["full_gc"] for _, r in results) * 1000,
            "ms",
            "<= 50" if separate else None,
        ),
    ]
    if separate:
        result = results[-1][1]
        figures += [
            _figure("ui.sync_1000_list_shown_after", result["loaded"], "s", better=None),
            _figure("ui.sync_1000_connect_plus_2_cycles", result["total"], "s", better=None),
            _figure("ui.sync_1000_rows_with_details", result["details"], "rows", better=None),
        ]
    return figures


def calibration() -> list[dict]:
    """How fast this machine runs plain Python now (the figures above scale with it):
    see ``machine.calibrate``."""
    from tests.benchmarks.machine import calibrate

    return [_figure("ui.calibration_python_loop_5M", calibrate(), "ms", better=None)]


def run() -> list[dict]:
    try:
        return [
            *calibration(),
            *bench_refresh(),
            *bench_filter(),
            *bench_stall(),
            *bench_stall(separate=False, runs=3),
            *calibration(),
        ]
    finally:
        _close_loop()


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure, ensure_ascii=False), flush=True)

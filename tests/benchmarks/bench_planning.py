"""Trip planning and offline tiles: the ranking, a plan recomputed while a point is dragged,
and how fast an MBTiles file's tiles are served.

    python tests/benchmarks/bench_planning.py       # JSON lines on stdout
    python tests/benchmarks/run_all.py planning

* **ranking**: 5,000 active trucks spread over European Russia (one in five on a trip,
  starting from its route's end) ranked for a 5-point plan with the default rules and
  pace: :func:`rank_candidates` from the rows to the sorted list. Goal ≤ 100 ms.
* **recompute**: a 10-point plan of 150–450 km legs (breaks and daily rests on most),
  recomputed by :func:`compute_plan` after each of 200 small moves of its fourth point,
  as a drag does. Goal ≤ 16 ms a step (one frame at 60 Hz).
* **tiles**: an MBTiles file of 5,461 PNG tiles (zooms 0–6) made here;
  the reader alone (cold: no cache, one thread; then 2 threads), and end to end: a page of
  the map's web profile showing 300 distinct ``app://tiles/...`` images, timed from
  loading it until the last has loaded, through the scheme handler and the
  :class:`~movizor_desktop.ui.map.tiles.TileService` workers.

Each figure gives the median and the worst of its runs. Benchmarks report; they never
assert.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
if os.name == "posix" and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
TRUCKS = 5_000
RANK_RUNS = 30
DRAG_STEPS = 200
PAGE_TILES = 300


def _figure(
    name: str, values: list[float], unit: str, goal: str | None = None
) -> list[dict[str, Any]]:
    """The median (with the goal) and the worst of ``values``."""
    median = {"name": name, "value": round(statistics.median(values), 2), "unit": unit}
    if goal is not None:
        median["goal"] = goal
    return [
        median,
        {
            "name": f"{name} (worst of {len(values)})",
            "value": round(max(values), 2),
            "unit": unit,
            **({"goal": goal} if goal is not None else {}),
        },
    ]


# --- the planning core --------------------------------------------------------------------


def _fleet(n: int) -> list[Any]:
    from movizor_desktop.api.models import ObjectInfo
    from movizor_desktop.fleet import FleetRow

    rng = random.Random(19)
    rows = []
    for i in range(n):
        lat, lon = rng.uniform(45.0, 60.0), rng.uniform(30.0, 60.0)
        row = FleetRow(
            phone=f"79{i:09d}",
            status="ok",
            title=f"Truck {i}",
            lat=lat,
            lon=lon,
            radius=rng.choice([300, 800, 2500]),
            fix_time=NOW - timedelta(minutes=rng.uniform(1, 600)),
            tags=("тент",) if i % 2 else ("рефрижератор",),
        )
        if i % 5 == 0:  # on a trip: the route's end and its planned arrival
            end = (lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2))
            planned = (NOW + timedelta(hours=rng.uniform(1, 30))).timestamp()
            info = ObjectInfo.model_validate(
                {
                    "phone": row.phone,
                    "destination": [
                        {"text": "end", "lat": end[0], "lon": end[1], "time": int(planned)}
                    ],
                }
            )
            row = replace(row, details=info, forecast_hours=rng.uniform(0.5, 20), forecast="ok")
        rows.append(row)
    return rows


def _plan_points(n: int, seed: int) -> list[Any]:
    from movizor_desktop.planning import PlanPoint

    rng = random.Random(seed)
    lat, lon = 55.7558, 37.6173
    points = []
    for i in range(n):
        lat += rng.uniform(-1.5, 1.5)
        lon += rng.uniform(2.0, 5.0)
        latest = NOW + timedelta(hours=8 + 14 * i)
        points.append(
            PlanPoint(
                f"P{i + 1}",
                lat,
                lon,
                latest - timedelta(hours=4),
                latest,
                dwell_min=rng.choice([30, 45, 60, 90]),
            )
        )
    return points


def bench_ranking() -> list[dict[str, Any]]:
    from movizor_desktop.planning import default_rule_set, rank_candidates

    rules = default_rule_set()
    rows = _fleet(TRUCKS)
    plan = _plan_points(5, seed=5)
    timings = []
    for _ in range(RANK_RUNS):
        started = time.perf_counter()
        ranked = rank_candidates(rows, plan[0], rules, now=NOW)
        timings.append((time.perf_counter() - started) * 1000)
    assert len(ranked) == TRUCKS
    return _figure("planning: rank 5,000 trucks for a 5-point plan", timings, "ms", "<= 100")


def bench_recompute() -> list[dict[str, Any]]:
    from movizor_desktop.planning import PlanPoint, Start, compute_plan, default_rule_set

    rules = default_rule_set()
    points = _plan_points(10, seed=10)
    start = Start(55.7558, 37.6173, NOW)
    rng = random.Random(3)
    timings = []
    stops = 0
    for _ in range(DRAG_STEPS):
        dragged = points[3]
        points[3] = PlanPoint(
            dragged.text,
            dragged.lat + rng.uniform(-0.05, 0.05),
            dragged.lon + rng.uniform(-0.05, 0.05),
            dragged.earliest,
            dragged.latest,
            dragged.dwell_min,
        )
        started = time.perf_counter()
        result = compute_plan(start, points, rules)
        timings.append((time.perf_counter() - started) * 1000)
        stops = len(result.stops)
    figures = _figure(
        "planning: recompute a 10-point plan with rests, a drag step", timings, "ms", "<= 16"
    )
    figures.append({"name": "planning: breaks and rests in that plan", "value": stops, "unit": ""})
    return figures


# --- tiles --------------------------------------------------------------------------------


def _tile_file(folder: Path) -> Path:
    from movizor_desktop.store.mbtiles import solid_png
    from tests.mbtiles_kit import make_mbtiles

    tiles = {}
    for z in range(7):
        for x in range(1 << z):
            for y in range(1 << z):
                tiles[(z, x, y)] = solid_png(256, 256, (z * 30, x % 256, y % 256, 255))
    return make_mbtiles(folder / "bench.mbtiles", tiles, metadata={"maxzoom": "6"})


def bench_reader(path: Path) -> list[dict[str, Any]]:
    from movizor_desktop.store.mbtiles import MBTilesReader

    keys = [(6, x, y) for x in range(64) for y in range(64)]
    figures: list[dict[str, Any]] = []
    for threads in (1, 2):
        rates = []
        for _ in range(3):
            reader = MBTilesReader(path, cache_bytes=0)
            reader.open()
            chunks = [keys[i::threads] for i in range(threads)]
            started = time.perf_counter()
            workers = [
                threading.Thread(target=lambda c=c, r=reader: [r.tile(*k) for k in c])
                for c in chunks
            ]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            rates.append(len(keys) / (time.perf_counter() - started))
            reader.close()
        figures.append(
            {
                "name": f"tiles: MBTiles reader, {threads} thread(s), cold",
                "value": round(statistics.median(rates)),
                "unit": "tiles/s",
            }
        )
        figures.append(
            {
                "name": f"tiles: MBTiles reader, {threads} thread(s), cold (slowest of 3)",
                "value": round(min(rates)),
                "unit": "tiles/s",
            }
        )
    return figures


def bench_serving(path: Path) -> list[dict[str, Any]]:
    from movizor_desktop.ui.map.scheme import register_app_scheme
    from tests.benchmarks.bench_map import _wait

    register_app_scheme()
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWidgets import QApplication

    from movizor_desktop.ui.map.profile import acquire_profile, release_profile

    app = QApplication.instance() or QApplication([])
    shared = acquire_profile()
    service = shared.tiles
    token = service.use(str(path))
    _wait(lambda: service.info is not None)
    rates, pages = [], []
    try:
        for run in range(3):
            picks = [(6, (run * 7 + i) % 64, (i * 13 + run) % 64) for i in range(PAGE_TILES)]
            images = "".join(
                f'<img src="app://tiles/{token}/{z}/{x}/{y}.png">' for z, x, y in picks
            )
            html = (
                "<html><body>" + images + "<script>window.done = function () {"
                "return Array.from(document.images).every(function (i) {"
                " return i.complete && i.naturalWidth === 256; }); };</script>"
                "</body></html>"
            )
            page = QWebEnginePage(shared.profile)
            pages.append(page)
            answer: list[Any] = []
            served = service.served
            started = time.perf_counter()
            page.load(shared.handler.set_page(f"bench-{run}.html", html))

            def poll(page=page, answer=answer) -> bool:
                if answer and answer[-1]:
                    return True
                page.runJavaScript("window.done && window.done()", 0, answer.append)
                return False

            _wait(poll)
            elapsed = time.perf_counter() - started
            rates.append((service.served - served) / elapsed)
    finally:
        from PySide6.QtCore import QCoreApplication, QEvent

        for page in pages:
            page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # pages first
        release_profile(shared)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    return [
        {
            "name": f"tiles: {PAGE_TILES} app://tiles images in a page, end to end",
            "value": round(statistics.median(rates)),
            "unit": "tiles/s",
        },
        {
            "name": f"tiles: {PAGE_TILES} app://tiles images in a page (slowest of 3)",
            "value": round(min(rates)),
            "unit": "tiles/s",
        },
    ]


def run() -> list[dict[str, Any]]:
    figures = bench_ranking() + bench_recompute()
    with tempfile.TemporaryDirectory() as folder:
        path = _tile_file(Path(folder))
        figures += bench_reader(path)
        figures += bench_serving(path)
    return figures


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure, ensure_ascii=False))

"""Timings of the per-profile SQLite fleet cache.

Run: ``python tests/benchmarks/bench_store.py`` (JSON lines), or through ``run_all.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "store"))

from store_samples import event, position, rows  # noqa: E402

from movizor_desktop.store import Cache  # noqa: E402


def best_ms(action, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return round(min(timings) * 1000, 1)


def run() -> list[dict]:
    fleet = rows(1000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cache.sqlite3"
        figures: dict[str, float] = {}
        started = time.perf_counter()
        cache = Cache(path)
        figures["open_new_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["save_rows_1000_ms"] = best_ms(lambda: cache.save_rows(fleet))
        figures["load_rows_1000_ms"] = best_ms(cache.load_rows)
        figures["add_events_5000_ms"] = best_ms(
            lambda: cache.add_events([event(i) for i in range(1, 5001)]), repeat=1
        )
        figures["add_positions_10000_ms"] = best_ms(
            lambda: cache.add_positions("79210000001", [position(m) for m in range(10000)]),
            repeat=1,
        )
        figures["positions_query_10000_ms"] = best_ms(lambda: cache.positions("79210000001"))
        cache.close()
        started = time.perf_counter()
        Cache(path).close()
        figures["reopen_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["file_mb"] = round(path.stat().st_size / 1e6, 1)
    goals = {"save_rows_1000_ms": "< 100"}
    return [
        {
            "name": f"cache {name.removesuffix('_ms').removesuffix('_mb')}",
            "value": value,
            "unit": "MB" if name.endswith("_mb") else "ms",
            **({"goal": goals[name]} if name in goals else {}),
        }
        for name, value in figures.items()
    ]


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure))

"""Cold start of a window showing 1,000 cached subscribers, offline: to the list painted,
and to the window usable.

A temporary app home holds a profile whose server is unreachable and a cache of 1,000
subscribers with details. ``coldstart_child.py`` runs the real start-up path
(``movizor-desktop --profile bench``) and reports, timed here from process spawn:

* the **end** of the table's first paint showing the full list (goal: under 1.5 s);
* the workflow menus installed, and the map's page ready (loaded, its script answering);
* **usable**: both of those, i.e. every menu there and the map showing the fleet.

Best and median of 5 runs, after one run that warms the OS file cache.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "store"))

ROWS = 1000


def prepare(home: Path) -> None:
    from store_samples import rows

    from movizor_desktop.store import AppPaths, Cache, Profile, ProfileStore

    paths = AppPaths(home)
    store = ProfileStore(paths)
    store.save(Profile("bench", base_url="http://127.0.0.1:9/api/", project="bench"))
    store.active = "bench"
    with Cache.for_profile(paths, "bench") as cache:
        cache.save_rows(rows(ROWS))


MOMENTS = ("PAINTED", "MENUS", "MAP", "USABLE")


def one_run(home: Path, timeout: float = 60.0) -> dict[str, float]:
    """Seconds from spawn to each of the child's moments."""
    env = dict(
        os.environ,
        MOVIZOR_DESKTOP_HOME=str(home),
        MOVIZOR_BENCH_ROWS=str(ROWS),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.benchmarks.presetkeyring.PresetKeyring",
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    seen: dict[str, float] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("coldstart_child.py"))],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            word = line.split(" ", 1)[0].strip()
            if word in MOMENTS and word not in seen:
                seen[word] = time.perf_counter() - started
            if word == "USABLE":
                break
    finally:
        killer.cancel()
        proc.kill()
        proc.wait()
    missing = [m for m in MOMENTS if m not in seen]
    if missing:
        raise RuntimeError(f"the start-up never reached {', '.join(missing)}")
    return seen


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        prepare(home)
        one_run(home)  # warm the OS file cache once, as a second start would
        runs = [one_run(home) for _ in range(5)]

    def ms(moment: str, pick) -> int:
        return round(pick([r[moment] for r in runs]) * 1000)

    return [
        {
            "name": "cold start to the list painted (end of paint), 1,000 cached (best)",
            "value": ms("PAINTED", min),
            "unit": "ms",
            "goal": "< 1500",
        },
        {
            "name": "cold start to the list painted (end of paint), 1,000 cached (median)",
            "value": ms("PAINTED", statistics.median),
            "unit": "ms",
            "goal": "< 1500",
        },
        {
            "name": "cold start to the workflow menus (median)",
            "value": ms("MENUS", statistics.median),
            "unit": "ms",
        },
        {
            "name": "cold start to the map ready (median)",
            "value": ms("MAP", statistics.median),
            "unit": "ms",
        },
        {
            "name": "cold start to a usable window: menus and map (best)",
            "value": ms("USABLE", min),
            "unit": "ms",
        },
        {
            "name": "cold start to a usable window: menus and map (median)",
            "value": ms("USABLE", statistics.median),
            "unit": "ms",
        },
    ]


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure, ensure_ascii=False))

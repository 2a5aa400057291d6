"""Run every benchmark and print its figures as JSON lines, then a table against the goals.

    python tests/benchmarks/run_all.py            # everything
    python tests/benchmarks/run_all.py sync ui    # only bench_sync.py and bench_ui.py

Each ``bench_*.py`` module beside this file has ``run() -> list[dict]`` returning figures
``{"name", "value", "unit"}`` (and optionally ``"goal"``: ``"< 50"``). Each module runs in
a process of its own (a Qt or asyncio loop left by one must not skew the next); its
figures print as they come, one JSON object per line, and the final table compares each
with its goal. Benchmarks measure; they never assert: a figure off its goal is reported,
not failed.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def _meets(value: float, goal: str) -> bool | None:
    goal = goal.strip()
    try:
        if goal.startswith("<="):
            return value <= float(goal[2:])
        if goal.startswith("<"):
            return value < float(goal[1:])
        if goal.startswith(">="):
            return value >= float(goal[2:])
        if goal.startswith(">"):
            return value > float(goal[1:])
        if goal.startswith("=="):
            return value == float(goal[2:])
    except ValueError:
        return None
    return None


def main(argv: list[str]) -> int:
    wanted = set(argv)
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if wanted:
        modules = [m for m in modules if m.removeprefix("bench_") in wanted]
    figures: list[dict] = []
    failures = 0
    for name in modules:
        started = time.perf_counter()
        code = (f"import json, sys; sys.path.insert(0, {str(HERE.parent.parent)!r}); "
                f"from tests.benchmarks import {name} as m\n"
                "for f in m.run(): print('FIGURE ' + json.dumps(f, ensure_ascii=False), "
                "flush=True)")
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                text=True, cwd=HERE.parent.parent)
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith("FIGURE "):
                figure = json.loads(line[len("FIGURE "):])
                print(json.dumps(figure, ensure_ascii=False), flush=True)
                figures.append(figure)
        if proc.wait() != 0:
            failures += 1
            print(json.dumps({"name": f"{name}: error (exit {proc.returncode})",
                              "value": None, "unit": ""}), flush=True)
        print(f"# {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print()
    print(f"Machine: {platform.node()} · {platform.platform()} · Python "
          f"{platform.python_version()} · {os.cpu_count()} CPUs")
    width = max((len(f["name"]) for f in figures), default=10)
    print(f"{'figure':<{width}}  {'value':>12}  {'unit':<8}  {'goal':<10}  verdict")
    for figure in figures:
        goal = figure.get("goal", "")
        value = figure.get("value")
        verdict = ""
        if goal and isinstance(value, int | float):
            ok = _meets(float(value), goal)
            verdict = "" if ok is None else ("meets" if ok else "MISSES")
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        print(f"{figure['name']:<{width}}  {shown:>12}  {figure.get('unit', ''):<8}  "
              f"{goal:<10}  {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

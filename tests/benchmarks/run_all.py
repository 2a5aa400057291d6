"""Run every benchmark and print its figures as JSON lines, then a table against the goals.

    python tests/benchmarks/run_all.py               # everything
    python tests/benchmarks/run_all.py sync ui       # only bench_sync.py and bench_ui.py
    python tests/benchmarks/run_all.py --compare ui  # then compare with baseline.json
    python tests/benchmarks/run_all.py --out run.json
    python tests/benchmarks/run_all.py --save-baseline   # this run becomes baseline.json

Each ``bench_*.py`` module beside this file has ``run() -> list[dict]`` returning figures
``{"name", "value", "unit"}`` (optionally ``"goal"``: ``"< 50"``; ``"better"``:
``"lower"`` (the default), ``"higher"`` or ``null`` for figures that only describe the
scenario). Each module runs in a process of its own (a Qt or asyncio loop left by one
must not skew the next); its figures print as they come, one JSON object per line, and
the final table compares each with its goal. Benchmarks measure; they never assert: a
figure off its goal is reported, not failed.

The run is kept with the machine it ran on (``machine.py``: CPU, cores, Python, PySide6,
a calibration loop timed before and after, the load average before and after).
``--compare`` then reports every figure against ``baseline.json`` and flags those more
than 25 % worse (``compare.py``); ``--save-baseline`` replaces the baseline's figures of
the modules that ran. Compare before every commit that touches a hot path (the model,
proxy and view of the list, the sync engine, the client's parsing, the map's scripts).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
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


def run_module(name: str) -> tuple[list[dict], bool]:
    """Run one bench module in a child process: its figures, and whether it exited 0."""
    figures: list[dict] = []
    started = time.perf_counter()
    code = (
        f"import json, sys; sys.path.insert(0, {str(HERE.parent.parent)!r}); "
        f"from tests.benchmarks import {name} as m\n"
        "for f in m.run(): print('FIGURE ' + json.dumps(f, ensure_ascii=False), "
        "flush=True)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=HERE.parent.parent
    )
    for line in proc.stdout:  # type: ignore[union-attr]
        if line.startswith("FIGURE "):
            figure = json.loads(line[len("FIGURE ") :])
            figure["bench"] = name.removeprefix("bench_")
            print(json.dumps(figure, ensure_ascii=False), flush=True)
            figures.append(figure)
    ok = proc.wait() == 0
    if not ok:
        print(
            json.dumps(
                {"name": f"{name}: error (exit {proc.returncode})", "value": None, "unit": ""}
            ),
            flush=True,
        )
    print(f"# {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return figures, ok


def goal_table(figures: list[dict]) -> list[str]:
    width = max((len(f["name"]) for f in figures), default=10)
    lines = [f"{'figure':<{width}}  {'value':>12}  {'unit':<8}  {'goal':<10}  verdict"]
    for figure in figures:
        goal = figure.get("goal", "")
        value = figure.get("value")
        verdict = ""
        if goal and isinstance(value, int | float):
            ok = _meets(float(value), goal)
            verdict = "" if ok is None else ("meets" if ok else "MISSES")
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        lines.append(
            f"{figure['name']:<{width}}  {shown:>12}  {figure.get('unit', ''):<8}  "
            f"{goal:<10}  {verdict}"
        )
    return lines


def save_baseline(run: dict, ran: list[str]) -> None:
    """Replace the baseline's figures of the modules in ``ran`` with this run's."""
    from tests.benchmarks.compare import BASELINE

    kept: list[dict] = []
    modules: dict = {}
    if BASELINE.exists():
        old = json.loads(BASELINE.read_text(encoding="utf-8"))
        kept = [f for f in old.get("figures", []) if f.get("bench") not in ran]
        modules = old.get("modules", {})
    for name in ran:  # which run each module's figures come from
        modules[name] = {
            key: run.get(key) for key in ("when", "calibration_ms", "load", "load_after")
        }
    merged = dict(run, figures=kept + run["figures"], modules=modules)
    BASELINE.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"baseline saved: {BASELINE}")


def main(argv: list[str]) -> int:
    from tests.benchmarks import machine
    from tests.benchmarks.compare import BASELINE, compare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="bench modules to run (default: all)")
    parser.add_argument("--out", type=Path, help="write the run (JSON) to this file")
    parser.add_argument(
        "--compare",
        nargs="?",
        const=BASELINE,
        type=Path,
        metavar="FILE",
        help="compare the run with FILE (default: baseline.json)",
    )
    parser.add_argument(
        "--save-baseline", action="store_true", help="store this run's figures in baseline.json"
    )
    args = parser.parse_args(argv)
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.modules:
        modules = [m for m in modules if m.removeprefix("bench_") in set(args.modules)]
    run: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "load": machine.load(),
        "calibration_ms": [machine.calibrate()],
        "figures": [],
    }
    failures = 0
    for name in modules:
        figures, ok = run_module(name)
        run["figures"] += figures
        failures += not ok
    run["calibration_ms"].append(machine.calibrate())
    run["load_after"] = machine.load()
    print()
    m = run["machine"]
    print(
        f"Machine: {m['cpu']} · {m['cores']} cores · {m['platform']} · Python "
        f"{m['python']} · PySide6 {m['pyside6']} · calibration {run['calibration_ms']} ms"
        f" · load {run['load']} → {run['load_after']}"
    )
    print("\n".join(goal_table(run["figures"])))
    if args.out:
        args.out.write_text(json.dumps(run, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        print()
        if args.compare.exists():
            baseline = json.loads(args.compare.read_text(encoding="utf-8"))
            print("\n".join(compare(run, baseline)[0]))
        else:
            print(f"no baseline at {args.compare}: save one with --save-baseline")
    if args.save_baseline:
        save_baseline(run, [m.removeprefix("bench_") for m in modules])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

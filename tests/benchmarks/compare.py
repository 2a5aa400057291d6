"""Compare a benchmark run with the stored baseline; flag figures more than 25 % worse.

    python tests/benchmarks/compare.py RUN.json               # against baseline.json
    python tests/benchmarks/compare.py RUN.json OTHER.json    # against another run
    python tests/benchmarks/run_all.py --compare ui map        # run, then compare

A run file is what ``run_all.py --out`` writes (``baseline.json`` beside this file is
one): ``{"machine": {...}, "calibration_ms": [...], "load": [...], "figures": [...]}``.

Each figure is compared by name. Lower is better unless the figure says otherwise
(``"better": "higher"``; so are units ``x``, ``bool`` and rates ``…/s``); figures with
``"better": null`` (or unit ``h``, ``rows`` or none) describe the scenario and are not
compared. A figure is flagged
**WORSE** when it is more than 25 % worse than the baseline and the difference is above
the unit's noise floor (1 ms, 0.01 s, 2 MB...). The two runs' calibration (a fixed Python
loop, see ``machine.py``) is shown beside: a figure that is worse only in step with a
slower machine is marked ``worse (machine slower)``, and a reader should rerun before
believing it. This is a report: it always exits 0.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
THRESHOLD = 1.25
# differences at most this large are noise (growth counts of a soak wobble by a few)
NOISE = {"ms": 1.0, "s": 0.01, "MB": 2.0, "%": 1.0, "tasks": 10, "objects": 10, "timers": 2}


HIGHER = {"x", "bool"}  # ratios against a baseline; 1 = ok
DESCRIBE = {"", "h", "rows"}  # the scenario's size, not a result


def direction(figure: dict[str, Any]) -> str | None:
    """ "lower", "higher" or None (not compared)."""
    if "better" in figure:
        return figure["better"]
    unit = figure.get("unit", "")
    if unit in DESCRIBE:
        return None
    return "higher" if unit in HIGHER or unit.endswith("/s") else "lower"


def calibration(run: dict[str, Any]) -> float | None:
    values = [v for v in run.get("calibration_ms", []) if v]
    return statistics.median(values) if values else None


def verdict(new: float, old: float, better: str, unit: str, speed: float) -> str:
    """ "", "better", "WORSE" or "worse (machine slower)" for one figure.

    ``speed``: the new run's calibration over the old one's (2.0: the machine ran plain
    Python half as fast)."""
    if abs(new - old) <= NOISE.get(unit, 0.0):
        return ""
    worse = new > old * THRESHOLD if better == "lower" else new < old / THRESHOLD
    if not worse:
        improved = new < old / THRESHOLD if better == "lower" else new > old * THRESHOLD
        return "better" if improved else ""
    scaled = new / speed if better == "lower" else new * speed
    still = scaled > old * THRESHOLD if better == "lower" else scaled < old / THRESHOLD
    return "WORSE" if still else "worse (machine slower)"


def compare(run: dict[str, Any], baseline: dict[str, Any]) -> tuple[list[str], int]:
    """The report's lines and the number of figures flagged WORSE."""
    old_cal, new_cal = calibration(baseline), calibration(run)
    speed = new_cal / old_cal if old_cal and new_cal else 1.0
    lines = [
        f"baseline: {baseline.get('when', '?')} · {_machine(baseline)}",
        f"this run: {run.get('when', '?')} · {_machine(run)}",
        f"calibration: {old_cal} ms → {new_cal} ms (this run's machine "
        f"{'slower' if speed > 1 else 'faster'} by {abs(speed - 1) * 100:.0f} %)",
        "",
    ]
    old = {f["name"]: f for f in baseline.get("figures", [])}
    width = max((len(f["name"]) for f in run.get("figures", [])), default=10)
    lines.append(f"{'figure':<{width}}  {'baseline':>10}  {'now':>10}  {'unit':<8}  change")
    flagged = 0
    for figure in run.get("figures", []):
        name, value, unit = figure["name"], figure.get("value"), figure.get("unit", "")
        before = old.get(name)
        better = direction(figure)
        if before is None:
            lines.append(f"{name:<{width}}  {'—':>10}  {_num(value):>10}  {unit:<8}  new")
            continue
        was = before.get("value")
        if better is None or not _numeric(value) or not _numeric(was):
            lines.append(f"{name:<{width}}  {_num(was):>10}  {_num(value):>10}  {unit:<8}")
            continue
        change = "" if not was else f"{(value - was) / abs(was) * 100:+.0f} %"
        mark = verdict(float(value), float(was), better, unit, speed)
        flagged += mark == "WORSE"
        lines.append(
            f"{name:<{width}}  {_num(was):>10}  {_num(value):>10}  {unit:<8}  "
            f"{change:>6} {mark}".rstrip()
        )
    names = {f["name"] for f in run.get("figures", [])}
    benches = {f.get("bench") for f in run.get("figures", [])}
    gone = [n for n, f in old.items() if n not in names and f.get("bench") in benches]
    if gone:
        lines += ["", "not in this run: " + ", ".join(gone)]
    lines += [
        "",
        f"{flagged} figure(s) more than {round((THRESHOLD - 1) * 100)} % worse "
        "than the baseline" + (" — look before you commit" if flagged else ""),
    ]
    return lines, flagged


def _machine(run: dict[str, Any]) -> str:
    m = run.get("machine", {})
    load = run.get("load", [])
    return (
        f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores, Python {m.get('python', '?')}, "
        f"PySide6 {m.get('pyside6', '?')}, load {load}"
    )


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _num(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "—" if value is None else str(value)


def load_run(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    run = load_run(Path(argv[0]))
    baseline = load_run(Path(argv[1]) if len(argv) > 1 else BASELINE)
    lines, _flagged = compare(run, baseline)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

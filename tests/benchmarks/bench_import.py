"""The import against hostile files: time and peak memory of reading (or refusing) each.

Run: ``python tests/benchmarks/bench_import.py`` (JSON lines), or through ``run_all.py``.

Each file of ``tests/exchange/hostile_files.py`` (the issue's "claims columns to XFD",
"one row of 1,000,000 cells" and the 1.6 GB zip bomb among them, at full size) is made
once, then read by ``read_table`` in a fresh process of its own: the time is the read
alone, the memory is the process's peak resident size less what it held just before the
read (Python and the modules the read needs; Linux). Two figures come first — the worst
file's time and the worst file's memory, against the goal that any file of at most 20 MB
is read or refused within 5 s and 300 MB — then one line per file. A legitimate list of
10,000 rows × 12 columns is measured the same way, for scale.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "exchange"))

from hostile_files import HOSTILE, SHEET_HEAD, SHEET_TAIL, row, workbook  # noqa: E402

_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from movizor_desktop.exchange.table_read import TableError, read_table
import movizor_desktop.exchange.xlsx_read, charset_normalizer  # loaded before measuring

def status(field):  # VmRSS: resident now; VmHWM: this process's peak (ru_maxrss would
    with open("/proc/self/status") as lines:  # carry the parent's across fork and exec)
        return next(int(l.split()[1]) for l in lines if l.startswith(field + ":")) / 1024

before = status("VmRSS")
started = time.perf_counter()
try:
    table = read_table({path!r})
    outcome = f"read: {{len(table.rows)}} rows"
except TableError as exc:
    outcome = "refused: " + exc.message("en")
seconds = time.perf_counter() - started
peak = status("VmHWM")
print(json.dumps({{"seconds": seconds, "mb": max(0.0, peak - before), "total_mb": peak,
                  "outcome": outcome}}))
"""


def legitimate(path: Path, rows: int = 10_000, columns: int = 12) -> Path:
    header = ["Телефон", "Имя", "Тариф", *(f"Поле {i}" for i in range(columns - 3))]
    body = (
        row(
            [
                79210000000 + r,
                f"Иванов Иван {r}",
                "15",
                *(f"значение {r}-{c}" for c in range(columns - 3)),
            ],
            r + 2,
        )
        for r in range(rows)
    )
    return workbook(path, [SHEET_HEAD.format(dimension=""), row(header, 1), *body, SHEET_TAIL])


def measure(path: Path) -> dict:
    code = _CHILD.format(root=str(ROOT), path=str(path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run() -> list[dict]:
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, suffix, _) in HOSTILE.items():
            path = make(Path(folder) / f"hostile{suffix}")
            results[name] = measure(path)
            path.unlink()
        normal = measure(legitimate(Path(folder) / "list.xlsx"))
    slowest = max(results, key=lambda n: results[n]["seconds"])
    largest = max(results, key=lambda n: results[n]["mb"])
    figures = [
        {
            "name": f"import: worst hostile file, time ({slowest})",
            "value": round(results[slowest]["seconds"], 2),
            "unit": "s",
            "goal": "< 5",
        },
        {
            "name": f"import: worst hostile file, peak memory ({largest})",
            "value": round(results[largest]["mb"]),
            "unit": "MB",
            "goal": "< 300",
        },
    ]
    for name, result in results.items():
        figures.append(
            {
                "name": f"import hostile: {name} — {result['outcome'][:60]}",
                "value": round(result["seconds"], 2),
                "unit": "s",
            }
        )
        figures.append(
            {"name": f"import hostile: {name}, memory", "value": round(result["mb"]), "unit": "MB"}
        )
    figures.append(
        {
            "name": "import: largest process during a hostile read (all of it)",
            "value": round(max(r["total_mb"] for r in results.values())),
            "unit": "MB",
        }
    )
    figures.append(
        {
            "name": "import: 10,000 rows × 12 columns XLSX, time",
            "value": round(normal["seconds"], 2),
            "unit": "s",
        }
    )
    figures.append(
        {
            "name": "import: 10,000 rows × 12 columns XLSX, memory",
            "value": round(normal["mb"]),
            "unit": "MB",
        }
    )
    return figures


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure, ensure_ascii=False), flush=True)

"""The machine a benchmark run was made on, and how fast it ran plain Python then.

Figures from different runs compare only with the machine beside them: the project's
2-core VM is shared, and its speed moves by 2-3x with what else runs. :func:`calibrate`
times a fixed pure-Python loop (a current desktop CPU takes about 250-350 ms; the VM
150-350 ms); :func:`describe` adds the CPU, cores, versions and the load average.
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Any


def calibrate(rounds: int = 3) -> float:
    """Milliseconds for 5,000,000 additions in a Python loop, best of ``rounds``."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load() -> list[float]:
    """The 1, 5 and 15 minute load averages (empty where the OS has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return []


def describe() -> dict[str, Any]:
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside,
        "node": platform.node(),
    }

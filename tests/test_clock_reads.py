"""No stray wall-clock reads: "now" comes from ``movizor_desktop.clock``.

Everything compared with Movizor's timestamps must read Movizor's time (the app clock);
what concerns the person at the PC (quiet hours, file names, log lines) reads the PC's own
clock through ``clock.pc_now()``. This scan walks the package's syntax trees and fails on
any other call that reads the wall clock: ``datetime.now()``, ``date.today()``,
``time.time()``, ``time.localtime()`` without an argument, Qt's
``QDateTime.currentDateTime()`` and the like, however they were imported. Each exception
is listed below with the reason it is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "movizor_desktop"

# module -> functions that read the wall clock when called (with at most ``n`` arguments)
WALL_CLOCK: dict[str, dict[str, int]] = {
    "datetime.datetime": {"now": 1, "utcnow": 0, "today": 0},
    "datetime.date": {"today": 0},
    "time": {
        "time": 0,
        "time_ns": 0,
        "localtime": 0,
        "gmtime": 0,
        "ctime": 0,
        "asctime": 0,
        "strftime": 1,
    },
    "PySide6.QtCore.QDateTime": {
        "currentDateTime": 1,
        "currentDateTimeUtc": 0,
        "currentSecsSinceEpoch": 0,
        "currentMSecsSinceEpoch": 0,
    },
    "PySide6.QtCore.QDate": {"currentDate": 1},
    "PySide6.QtCore.QTime": {"currentTime": 0},
}

# path (relative to the package) -> why it may read the wall clock
ALLOWED: dict[str, str] = {
    "clock.py": "the one place that reads the PC's clock (pc_time, pc_now) for the app",
    "simulator/clock.py": "the simulator is the server: its own clock starts at the PC's "
    "time when no start is given",
}


def _qualified_names(tree: ast.AST) -> dict[str, str]:
    """Local name -> dotted origin for every import in ``tree`` (aliases included)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST, names: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, names)
        return f"{base}.{node.attr}" if base else None
    return None


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, call) for every wall-clock read in ``source``."""
    tree = ast.parse(source)
    names = _qualified_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        target = _dotted(node.func, names)
        if target is None:
            continue
        owner, _, function = target.rpartition(".")
        max_args = WALL_CLOCK.get(owner, {}).get(function)
        if max_args is not None and len(node.args) + len(node.keywords) <= max_args:
            found.append((node.lineno, target))
    return found


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_reads_the_wall_clock_outside_the_clock() -> None:
    offenders = []
    for path in package_files():
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        for line, call in wall_clock_reads(path.read_text(encoding="utf-8")):
            offenders.append(f"{relative}:{line}: {call}()")
    assert not offenders, (
        "read Movizor's time with clock.now() (or the PC's, for quiet "
        "hours, file names and logs, with clock.pc_now()):\n" + "\n".join(offenders)
    )


def test_every_allowed_file_exists_and_still_needs_its_exception() -> None:
    for relative, reason in ALLOWED.items():
        path = PACKAGE / relative
        assert path.is_file(), relative
        assert reason
        assert wall_clock_reads(path.read_text(encoding="utf-8")), (
            f"{relative} no longer reads the wall clock: drop it from ALLOWED"
        )


@pytest.mark.parametrize(
    "source",
    [
        "from datetime import datetime\nx = datetime.now()",
        "from datetime import datetime, UTC\nx = datetime.now(UTC)",
        "import datetime\nx = datetime.datetime.now()",
        "import datetime as dt\nx = dt.date.today()",
        "from datetime import date as d\nx = d.today()",
        "import time\nx = time.time()",
        "from time import time\nx = time()",
        "import time\nx = time.localtime()",
        "import time\nx = time.strftime('%H:%M')",
        "from PySide6.QtCore import QDateTime\nx = QDateTime.currentDateTime()",
        "from PySide6.QtCore import QDate\nx = QDate.currentDate()",
        "from PySide6 import QtCore\nx = QtCore.QDateTime.currentSecsSinceEpoch()",
    ],
)
def test_the_scan_finds_every_spelling(source: str) -> None:
    assert len(wall_clock_reads(source)) == 1


@pytest.mark.parametrize(
    "source",
    [
        "import time\nx = time.monotonic()",
        "import time\nx = time.perf_counter()",
        "import time\nx = time.localtime(0)",
        "from datetime import datetime\nx = datetime.fromtimestamp(0)",
        "from movizor_desktop import clock\nx = clock.now()",
        "def now():\n    return 1\nx = now()",
    ],
)
def test_the_scan_leaves_other_calls_alone(source: str) -> None:
    assert wall_clock_reads(source) == []

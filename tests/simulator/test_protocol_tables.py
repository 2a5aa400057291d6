"""The simulator keeps its own protocol tables and imports nothing of the client's API
package: a misreading on one side must show as a disagreement here, not be repeated."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

from movizor_desktop.api import codes
from movizor_desktop.simulator import protocol

ROOT = Path(__file__).resolve().parents[2]


def test_simulator_imports_nothing_of_the_client_api() -> None:
    folder = ROOT / "movizor_desktop" / "simulator"
    modules = ["movizor_desktop.simulator"] + [
        f"movizor_desktop.simulator.{m.name}"
        for m in pkgutil.iter_modules([str(folder)])
        if m.name != "__main__"
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(m for m in sys.modules\n"
        "                        if m.startswith('movizor_desktop.api'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the simulator imports {result.stdout}"


def test_functions_agree() -> None:
    assert protocol.FUNCTIONS == codes.FUNCTIONS


def test_error_tables_agree_function_by_function() -> None:
    client = {
        fn: {code: spec.text for code, spec in table.items()} for fn, table in codes.ERRORS.items()
    }
    assert client == protocol.ERRORS


def test_service_wide_answers_agree() -> None:
    assert {c: s.text for c, s in codes.GLOBAL_ERRORS.items()} == protocol.GLOBAL_ERRORS
    assert codes.AUTH_LOCKED.text == protocol.AUTH_LOCKED_TEXT
    assert (codes.ACCESS_DENIED, codes.LIMIT_EXCEEDED) == (
        protocol.ACCESS_DENIED,
        protocol.LIMIT_EXCEEDED,
    )


def test_vocabularies_agree() -> None:
    assert [s.value for s in protocol.Status] == [s.value for s in codes.Status]
    assert protocol.EVENT_TYPES == codes.EVENT_TYPES
    assert protocol.OPERATORS == codes.OPERATORS
    assert protocol.NOTIFY_TYPES == codes.NOTIFY_TYPES

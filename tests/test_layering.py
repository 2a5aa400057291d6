"""The layering rule: the API client, simulator, storage, sync, file exchange and planning
import no Qt and nothing of the UI. Every module of those packages is imported in a fresh
interpreter, which then must hold no ``PySide6`` and no ``movizor_desktop.ui`` module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ("api", "simulator", "store", "sync", "exchange", "planning")


def _modules(package: str) -> list[str]:
    folder = ROOT / "movizor_desktop" / package
    names = [f"movizor_desktop.{package}"]
    names += [f"movizor_desktop.{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])
              if m.name != "__main__"]  # __main__ would run the program
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_package_imports_no_qt_and_no_ui(package: str) -> None:
    modules = _modules(package)
    assert len(modules) > 1, f"no modules found in {package}"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] == 'PySide6' or m.startswith('movizor_desktop.ui'))\n"
        "print('\\n'.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{package} pulls in: {result.stdout}"

"""Fixtures of the packaging tests: the frozen bundle, built once per run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The output folder of ``build.py`` (bundle and tar.gz) and what build.py printed."""
    pytest.importorskip("PyInstaller", reason="needs the build extra: pip install -e '.[build]'")
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(
        "\n".join(
            line
            for line in result.stdout.splitlines()
            if line.startswith(("build.py: bundle", "build.py: package", "movizor spec:"))
        )
    )
    return out, result.stdout


@pytest.fixture(scope="session")
def bundle(built) -> Path:
    return built[0] / "dist" / "movizor-desktop"

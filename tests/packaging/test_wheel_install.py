"""A regular (non-editable) install of the wheel carries resources/ and the Russian catalogue.

Slow: builds the wheel with ``pip wheel . --no-deps`` (an isolated build that fetches
setuptools and PySide6-Essentials for lrelease), installs it into a folder and runs
``--smoke-test`` from there with this environment's dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    (wheel,) = wheels.glob("movizor_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {
        "movizor_desktop/resources/i18n/movizor_ru.qm",
        "movizor_desktop/resources/web/leaflet/leaflet.js",
    } <= names
    assert not [n for n in names if n.endswith((".ts", "update.py"))]
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-compile",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return site


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The installed copy first on sys.path (before the checkout's editable finder); run
    # from a folder that is not the checkout.
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "QT_QPA_PLATFORM": "offscreen",
        "MOVIZOR_DESKTOP_HOME": str(cwd),
    }
    env.pop("MOVIZOR_DESKTOP_RESOURCES", None)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )


@pytest.mark.timeout(1200)
def test_installed_wheel_uses_its_own_resources(installed, tmp_path):
    result = run(
        installed,
        tmp_path,
        "-c",
        "import movizor_desktop.resources as b; print(b.__file__); print(b.resources_dir())",
    )
    module_file, resources = result.stdout.split()
    assert Path(module_file).is_relative_to(installed), result.stderr
    assert Path(resources) == installed / "movizor_desktop" / "resources"


@pytest.mark.timeout(1200)
def test_installed_wheel_passes_the_smoke_test_in_russian(installed, tmp_path):
    result = run(installed, tmp_path, "-m", "movizor_desktop", "--smoke-test", "--lang", "ru")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("movizor-desktop smoke test OK: 40 subscribers")
    log = (tmp_path / "logs" / "movizor-desktop.log").read_text(encoding="utf-8")
    assert "language ru: movizor_ru" in log

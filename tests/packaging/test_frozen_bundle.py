"""The frozen Linux bundle, built by packaging/build.py as a release is, passes its smoke test,
stays within its size budget and keeps the desktop's native look.

Slow (PyInstaller takes minutes): run deliberately with ``pytest -m slow tests/packaging``
(``.ci/run`` does, after the default run) with the ``build`` extra installed. The native
look check needs Xvfb and GTK 3 on the machine (``.ci/run`` installs them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK_LINES = (
    "movizor-desktop smoke check keyring: ok",
    "movizor-desktop smoke check simulator: ok — embedded simulator at http://127.0.0.1:",
    "movizor-desktop smoke check subscribers: ok — 40 subscribers loaded",
    "movizor-desktop smoke check map: ok — map rendered offline in",
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


def smoke(bundle: Path, home: Path, *args: str, wrapper: tuple[str, ...] = (), **extra_env: str):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "MOVIZOR_DESKTOP_RESOURCES"))
    }
    env.update(MOVIZOR_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra_env)
    return subprocess.run(
        [*wrapper, str(bundle / "movizor-desktop-debug"), "--smoke-test", *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.timeout(1900)
def test_frozen_app_passes_every_smoke_check_offline_in_russian(bundle, tmp_path):
    result = smoke(bundle, tmp_path, "--lang", "ru")
    assert result.returncode == 0, result.stdout + result.stderr
    for line in CHECK_LINES:
        assert line in result.stderr, (line, result.stderr)
    summary = result.stdout.strip().splitlines()
    assert len(summary) == 1 and summary[0].startswith(
        "movizor-desktop smoke test OK: 40 subscribers loaded from the embedded simulator"
    )
    assert "frozen: yes" in summary[0]
    log = (tmp_path / "logs" / "movizor-desktop.log").read_text(encoding="utf-8")
    assert "language ru: movizor_ru, qtbase_ru, qtwebengine_ru" in log
    assert "Traceback" not in result.stderr


@pytest.mark.timeout(1900)
def test_frozen_app_names_the_failed_check(bundle, tmp_path):
    result = smoke(bundle, tmp_path, "--smoke-timeout", "0")
    assert result.returncode == 1
    assert "movizor-desktop smoke check simulator: ok" in result.stderr
    assert (
        "movizor-desktop smoke test FAILED: no subscriber list within 0 s" in result.stderr
    ) and "[check: subscribers]" in result.stderr
    assert result.stdout == ""


@pytest.mark.timeout(1900)
def test_bundle_is_lean_and_complete(bundle):
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    names = {name.rsplit("/", 1)[-1] for name in files}
    assert {
        "movizor-desktop",
        "movizor-desktop-debug",
        "QtWebEngineProcess",
        "libQt6WebEngineCore.so.6",
        "qtwebengine_resources.pak",
        "icudtl.dat",
        "leaflet.js",
        "movizor_ru.qm",
        "qtbase_ru.qm",
        "ru.pak",
        "en-US.pak",
    } <= names
    locales = {n for n in files if "qtwebengine_locales/" in n}
    assert {n.rsplit("/", 1)[-1] for n in locales} == {"ru.pak", "en-US.pak"}
    assert not [
        n
        for n in names
        if n.startswith(("libQt63D", "libQt6Quick3D", "libQt6Charts", "libQt6Multimedia"))
    ]
    assert not [n for n in files if "/qml/" in n]
    assert not [n for n in names if n.endswith(".ts")]
    size = sum((bundle / n).stat().st_size for n in files if not (bundle / n).is_symlink())
    assert size <= 475_000_000, f"the bundle grew to {size / 1e6:.0f} MB"


@pytest.mark.timeout(1900)
def test_build_reports_both_sizes_within_budget(built):
    out, printed = built
    bundle = re.search(r"build.py: bundle  \S+: (\d+) MB \(budget 475 MB: within\)", printed)
    package = re.search(
        r"build.py: package (\S+\.tar\.gz): (\d+) MB "
        r"\(budget 200 MB: within\)",
        printed,
    )
    assert bundle and package, printed[-2000:]
    assert int(bundle.group(1)) <= 475 and int(package.group(2)) <= 200
    archive = Path(package.group(1))
    assert archive.parent == out and archive.stat().st_size <= 200_000_000
    with tarfile.open(archive) as tar:
        twin = next(m for m in tar.getmembers() if m.name.endswith("/movizor-desktop-debug"))
    assert twin.issym() and twin.linkname == "movizor-desktop"  # stays a link when unpacked


@pytest.mark.timeout(1900)
def test_no_second_copy_of_the_code_and_no_numpy_or_developer_tools(bundle):
    twin = bundle / "movizor-desktop-debug"
    assert twin.is_symlink() and os.readlink(twin) == "movizor-desktop"
    top = {p.name for p in (bundle / "_internal").iterdir()}
    assert not top & {"numpy", "numpy.libs", "mypy", "yaml", "_yaml", "ast_serialize"}


HOST_DESKTOP = re.compile(
    r"^lib(gtk-3|gdk-3|gdk_pixbuf|pango|cairo|atk|glib-2\.0|gio-2\.0|"
    r"gobject|X11|xcb\.so|cups\.so|gnutls|asound|dbus-1|systemd|stdc\+\+|"
    r"fontconfig|freetype|harfbuzz|epoxy)"
)


@pytest.mark.timeout(1900)
def test_the_desktops_libraries_come_from_the_desktop(bundle):
    names = {p.name for p in bundle.rglob("*.so*")}
    assert not sorted(n for n in names if HOST_DESKTOP.match(n))
    # what Python itself needs, and what Qt needs but desktops often lack, stays
    assert {"libssl.so.3", "libcrypto.so.3", "libnss3.so", "libxcb-cursor.so.0"} <= names
    theme = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platformthemes" / "libqgtk3.so"
    assert theme.is_file()  # the native look: it loads the desktop's own GTK 3


def has_gtk3() -> bool:
    return bool(
        re.search(
            r"libgtk-3\.so\.0 ",
            subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout,
        )
    )


@pytest.mark.timeout(1900)
def test_native_look_gtk_theme_loads_the_desktops_gtk(bundle, tmp_path):
    """Under X (Xvfb) with GNOME's theme asked for, Qt loads the GTK 3 platform theme from
    the bundle, and the plugin finds GTK 3 in the system; the app passes its smoke test."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None or not has_gtk3():
        pytest.skip("needs xvfb-run and GTK 3 (apt-get install xvfb libgtk-3-0)")
    theme = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platformthemes" / "libqgtk3.so"
    ldd = subprocess.run(["ldd", str(theme)], capture_output=True, text=True).stdout
    assert "not found" not in ldd and "/libgtk-3.so.0" in ldd
    assert str(bundle) not in ldd.split("libgtk-3.so.0 => ")[1].split()[0]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "MOVIZOR_DESKTOP_RESOURCES", "QT_QPA_PLATFORM"))
    }
    env.update(
        MOVIZOR_DESKTOP_HOME=str(tmp_path),
        QT_QPA_PLATFORMTHEME="gtk3",
        QT_LOGGING_RULES="qt.qpa.theme=true",
    )
    result = subprocess.run(
        [xvfb, "-a", str(bundle / "movizor-desktop-debug"), "--smoke-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert 'Successfully created platform theme "gtk3"' in result.stderr
    assert result.stdout.startswith("movizor-desktop smoke test OK")

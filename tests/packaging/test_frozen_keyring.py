"""The frozen Linux bundle keeps API keys in a real Secret Service: its ``--smoke-test``,
run against gnome-keyring on a private D-Bus session, reports "keys: keyring" and stores,
reads and deletes a throw-away secret there; without a Secret Service it says "session
only" instead of writing anything to a file.

Slow (the bundle is built with packaging/build.py, as a release is): ``pytest -m slow
tests/packaging`` (``.ci/run`` does) with the ``build`` extra installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kits.secret_service import secret_service

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("secret-service")) as env:
        yield env


def smoke(
    bundle: Path, home: Path, env: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "MOVIZOR_DESKTOP_RESOURCES", "DBUS_"))
    }
    clean.update(MOVIZOR_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [str(bundle / "movizor-desktop-debug"), "--smoke-test", *args],
        env=clean,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.timeout(1900)
def test_the_frozen_app_keeps_keys_in_a_real_secret_service(bundle, service, tmp_path):
    result = smoke(bundle, tmp_path, service, "--smoke-require-keyring")
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(
        line
        for line in result.stderr.splitlines()
        if line.startswith("movizor-desktop smoke check keyring: ok")
    )
    assert "(keyring.backends.SecretService.Keyring)" in line
    assert "the linux backend, chosen explicitly; keys: keyring;" in line
    assert "store/read/delete round trip ok" in line
    assert "session only" not in result.stderr
    assert "keyring: SecretService Keyring" in result.stdout


@pytest.mark.timeout(1900)
def test_without_a_secret_service_the_frozen_app_says_session_only(bundle, tmp_path):
    result = smoke(bundle, tmp_path, {})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keys: session only (it keeps nothing)" in result.stderr

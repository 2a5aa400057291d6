"""docs/INSTALL.md stays true: the folders it names are the ones the app uses on each OS,
its install switches and uninstall key are the installer's, its targets and Python version
are the wheelhouse script's, its macOS minimum and keyring service are the code's."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import platformdirs.macos
import platformdirs.unix
import platformdirs.windows

from movizor_desktop.store import paths
from movizor_desktop.store.secrets import SecretStore
from tests.packaging.test_packaging_files import PACKAGING, ROOT, cfg, load
from tests.packaging.test_windows import ISS, WINDOWS_APP_ID, settings

DOC = (ROOT / "docs" / "INSTALL.md").read_text(encoding="utf-8")
wheelhouse = load("wheelhouse", "movizor_packaging_wheelhouse")


def dirs(kind: type) -> list[str]:
    found = kind(paths.APP_NAME, paths.APP_AUTHOR)
    return [found.user_config_dir, found.user_data_dir, found.user_log_dir, found.user_cache_dir]


def test_windows_folders():
    local = r"C:\Users\u\AppData\Local"
    with mock.patch.object(
        platformdirs.windows,
        "get_win_folder",
        lambda csidl: {"CSIDL_LOCAL_APPDATA": local}.get(csidl, "X:"),
    ):
        found = dirs(platformdirs.windows.Windows)
    for path in found:
        shown = path.replace(local, "%LOCALAPPDATA%").replace("/", "\\")
        assert f"`{shown}" in DOC, shown


def test_macos_and_linux_folders():
    home = str(Path.home())
    for kind in (platformdirs.macos.MacOS, platformdirs.unix.Unix):
        with mock.patch.dict("os.environ", {}, clear=False) as env:
            for variable in (
                "XDG_CONFIG_HOME",
                "XDG_DATA_HOME",
                "XDG_STATE_HOME",
                "XDG_CACHE_HOME",
            ):
                env.pop(variable, None)
            found = dirs(kind)
        for path in found:
            shown = "~" + path[len(home) :]
            assert f"`{shown}" in DOC, shown
    assert f"`{paths.HOME_ENV}`" in DOC


def test_windows_switches_and_uninstall_key_are_the_installers():
    found = settings()
    assert found["PrivilegesRequiredOverridesAllowed"] == "dialog"  # /ALLUSERS, /CURRENTUSER
    for switch in (
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/NORESTART",
        "/ALLUSERS",
        "/CURRENTUSER",
        "/DIR=",
        '/TASKS="desktopicon"',
        "/LOG=",
    ):
        assert switch in DOC, switch
    assert 'Name: "desktopicon"' in ISS.read_text(encoding="utf-8")
    app_id = WINDOWS_APP_ID.replace("{{", "{")
    assert f"{app_id}_is1" in DOC
    assert "MinVersion=10.0.17763" in ISS.read_text(encoding="utf-8") and "17763" in DOC


def test_wheelhouse_targets_and_python():
    for target in wheelhouse.TARGETS:
        assert f"`{target}" in DOC or f" {target}" in DOC, target
    assert wheelhouse.PYTHON == (3, 11)
    assert "CPython **3.11, 64-bit**" in DOC
    assert "python packaging/wheelhouse.py --check" in DOC


def test_macos_minimum_and_keyring_service():
    assert f"macOS {cfg.MACOS_MINIMUM.split('.')[0]} Ventura or later" in DOC
    assert f"service `{SecretStore.SERVICE}`" in DOC
    assert f"`service` = `{SecretStore.SERVICE}`" in DOC
    assert re.search(r"macos-arm64\.dmg.*Apple silicon", DOC)
    assert (PACKAGING / "macos" / "FIRST-START.txt").is_file() and "FIRST-START.txt" in DOC

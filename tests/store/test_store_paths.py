"""AppPaths: root selection, layout, lazily created directories, safe profile folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from movizor_desktop.store import AppPaths
from movizor_desktop.store.paths import safe_name


def test_env_home_layout(app_home: Path):
    paths = AppPaths()
    assert paths.root == app_home
    assert not (app_home / "config").exists()  # created on first access only
    assert paths.config_dir == app_home / "config" and paths.config_dir.is_dir()
    assert paths.data_dir == app_home / "data" and paths.data_dir.is_dir()
    assert paths.log_dir == app_home / "logs" and paths.log_dir.is_dir()
    assert paths.cache_dir == app_home / "cache" and paths.cache_dir.is_dir()


def test_explicit_root_wins_over_env(tmp_path: Path, app_home: Path):
    paths = AppPaths(tmp_path / "portable")
    assert paths.config_dir == tmp_path / "portable" / "config"
    assert not (app_home / "config").exists()


def test_platformdirs_without_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MOVIZOR_DESKTOP_HOME")
    seen: list[tuple[str, str]] = []

    def fake(kind: str):
        def where(appname: str, appauthor: str) -> str:
            seen.append((appname, appauthor))
            return str(tmp_path / kind)

        return where

    for kind in ("config", "data", "log", "cache"):
        monkeypatch.setattr(platformdirs, f"user_{kind}_dir", fake(kind))
    paths = AppPaths()
    assert paths.root is None
    assert paths.config_dir == tmp_path / "config"
    assert paths.data_dir == tmp_path / "data"
    assert paths.log_dir == tmp_path / "log"
    assert paths.cache_dir == tmp_path / "cache"
    assert set(seen) == {("MovizorDesktop", "Movizor")}


@pytest.mark.parametrize(
    "name",
    ["Мой договор", "../x", "..", "/etc/passwd", "a\\b:c*?", "CON", "", " ", "x" * 300, "emoji 🚚"],
)
def test_profile_dirs_are_safe(name: str, app_home: Path):
    paths = AppPaths()
    folder = paths.profile_dir(name)
    assert folder.is_dir()
    assert folder.parent == app_home / "data" / "profiles"
    assert folder.name.isascii() and len(folder.name) <= 60
    assert all(c.isalnum() or c == "-" for c in folder.name)


def test_profile_dirs_are_distinct_and_stable():
    names = ["Мой договор", "мой договор", "Мой  договор", "Мой-договор", "../x", "x", "X"]
    folders = {safe_name(n) for n in names}
    assert len(folders) == len(names)
    assert safe_name("Мой договор") == safe_name("Мой договор")
    assert safe_name("Мой договор").startswith("moi-dogovor-")


def test_store_does_not_import_qt():
    code = (
        "import sys, movizor_desktop.store; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""Secret hygiene: after a full save of everything, the key is in no file of the app home."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from movizor_desktop.store import (
    AppPaths,
    AppSettings,
    Cache,
    KeyStorage,
    Profile,
    ProfileStore,
    SecretStore,
    save_settings,
)
from movizor_desktop.store.secrets import forget_session_keys
from tests.kits.store_samples import SECRET, event, position, rows


@pytest.fixture
def file_log(app_home: Path) -> Iterator[Path]:
    """Every log record of the run, at DEBUG, into a file under the app home."""
    paths = AppPaths()
    log_file = paths.log_dir / "movizor.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield log_file
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()
    forget_session_keys()


def save_everything(expected: KeyStorage) -> None:
    paths = AppPaths()
    profiles = ProfileStore(paths)
    profiles.save(Profile("Основной договор", project="demo"))
    profiles.active = "Основной договор"
    assert SecretStore().set_key("Основной договор", SECRET) is expected
    assert SecretStore().get_key("Основной договор") == SECRET
    with Cache.for_profile(paths, "Основной договор") as cache:
        cache.save_rows(rows(25))
        cache.add_events([event(i) for i in range(1, 30)])
        cache.add_positions("79210000001", [position(m) for m in range(10)])
        cache.set_meta("last_sync", "2026-11-26T09:00:00+00:00")
    save_settings(paths, AppSettings(language="ru", low_balance=Decimal("500")))
    logging.getLogger("movizor_desktop.test").warning("saved everything")


def assert_key_nowhere(app_home: Path) -> None:
    files = [p for p in app_home.rglob("*") if p.is_file()]
    assert len(files) >= 4  # profiles, settings, cache, log
    needles = [
        SECRET.encode("utf-8"),
        SECRET.encode("utf-16-le"),
        SECRET.encode("utf-16-be"),
        SECRET.encode("unicode_escape"),
    ]
    leaks = [p for p in files if any(n in p.read_bytes() for n in needles)]
    assert leaks == []


def test_key_in_keyring_only(memory_keyring, app_home: Path, file_log: Path):
    save_everything(KeyStorage.KEYRING)
    assert memory_keyring.store[("movizor-desktop", "Основной договор")] == SECRET
    assert file_log.read_text(encoding="utf-8")
    assert_key_nowhere(app_home)


def test_key_in_memory_only_without_keyring(app_home: Path, file_log: Path):
    keyring.set_keyring(fail.Keyring())
    save_everything(KeyStorage.SESSION)
    assert "session" in file_log.read_text(encoding="utf-8")
    assert_key_nowhere(app_home)

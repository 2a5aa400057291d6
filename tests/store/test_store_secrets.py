"""SecretStore: keyring first, an honest in-memory fallback, no key in files or logs."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from movizor_desktop.api.redact import redact
from movizor_desktop.store import KeyStorage, SecretStore, configure_backend
from movizor_desktop.store.secrets import forget_session_keys

KEY = "sk-TEST-1b2c3d4e5f-ключ"


@pytest.fixture(autouse=True)
def _clean_session() -> Iterator[None]:
    forget_session_keys()
    yield
    forget_session_keys()


def files_containing(root: Path, needle: str) -> list[Path]:
    probes = [needle.encode("utf-8"), needle.encode("utf-16-le")]
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and any(probe in p.read_bytes() for probe in probes)
    ]


class LockedKeyring(keyring.backend.KeyringBackend):
    """A keyring whose every call says it is locked."""

    priority = -1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


class LeakyErrorKeyring(keyring.backend.KeyringBackend):
    """A backend whose error message quotes the password (as some native errors do)."""

    priority = -1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(f"(1783, 'CredWrite', 'The stub received bad data: {password}')")


class ForgetfulKeyring(keyring.backend.KeyringBackend):
    """Accepts a password and keeps nothing (like keyring's null backend, but unnamed)."""

    priority = -1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


class EmptyChainer(chainer.ChainerBackend):
    backends: ClassVar[list[object]] = []  # no viable backend to chain


def test_key_lands_in_the_keyring(memory_keyring, app_home: Path):
    store = SecretStore()
    assert store.persistent
    assert "MemoryKeyring" in store.backend_name
    assert store.last_storage("main") is None
    assert store.set_key("main", KEY) is KeyStorage.KEYRING
    assert memory_keyring.store[("movizor-desktop", "main")] == KEY
    assert store.last_storage("main") is KeyStorage.KEYRING
    forget_session_keys()  # "restart": only the keyring remains
    assert SecretStore().get_key("main") == KEY
    assert SecretStore().get_key("other") is None
    assert redact(f"key={KEY} and {KEY}") == "key=*** and ***"
    store.delete_key("main")
    assert ("movizor-desktop", "main") not in memory_keyring.store
    assert store.get_key("main") is None and store.last_storage("main") is None
    store.delete_key("main")  # absent: fine
    assert files_containing(app_home, KEY) == []


def test_custom_service_name(memory_keyring):
    SecretStore("movizor-desktop-test").set_key("p", KEY)
    assert ("movizor-desktop-test", "p") in memory_keyring.store
    assert SecretStore().get_key("p") is None


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), EmptyChainer()],
    ids=["fail", "null", "empty-chainer"],
)
def test_no_keyring_keeps_the_key_for_this_run_only(backend, app_home: Path, caplog):
    keyring.set_keyring(backend)
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    assert not store.persistent
    assert store.set_key("main", KEY) is KeyStorage.SESSION
    assert store.get_key("main") == KEY
    assert SecretStore().get_key("main") == KEY  # same run, another facade
    assert store.last_storage("main") is KeyStorage.SESSION
    assert files_containing(app_home, KEY) == []
    assert KEY not in caplog.text
    forget_session_keys()  # next run
    assert store.get_key("main") is None
    store.set_key("main", KEY)
    store.delete_key("main")
    assert store.get_key("main") is None


def test_fail_backend_name():
    keyring.set_keyring(fail.Keyring())
    assert SecretStore().backend_name == "fail Keyring"


def test_locked_keyring_falls_back_to_session(caplog):
    keyring.set_keyring(LockedKeyring())
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    assert store.persistent  # a real keyring, just locked right now
    assert store.set_key("main", KEY) is KeyStorage.SESSION
    assert store.get_key("main") == KEY
    store.delete_key("main")  # the locked keyring's error is swallowed
    assert store.get_key("main") is None  # and reading is too
    assert "locked" in caplog.text.lower() and KEY not in caplog.text


def test_backend_error_quoting_the_key_is_redacted(caplog):
    keyring.set_keyring(LeakyErrorKeyring())
    caplog.set_level(logging.DEBUG)
    assert SecretStore().set_key("main", KEY) is KeyStorage.SESSION
    assert "1783" in caplog.text and KEY not in caplog.text


def test_a_keyring_that_keeps_nothing_is_detected():
    keyring.set_keyring(ForgetfulKeyring())
    store = SecretStore()
    assert store.set_key("main", KEY) is KeyStorage.SESSION
    assert store.get_key("main") == KEY


def test_new_session_key_beats_a_stale_keyring_entry(memory_keyring, monkeypatch):
    store = SecretStore()
    store.set_key("main", "old-key-value")

    def locked(*args: object) -> None:
        raise keyring.errors.PasswordSetError("no")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    assert store.set_key("main", KEY) is KeyStorage.SESSION
    assert store.get_key("main") == KEY
    monkeypatch.undo()
    assert store.set_key("main", KEY) is KeyStorage.KEYRING  # keyring usable again
    forget_session_keys()
    assert store.get_key("main") == KEY


def test_key_validation(memory_keyring):
    store = SecretStore()
    too_long = "k" * (SecretStore.MAX_KEY_LENGTH + 1)
    with pytest.raises(ValueError) as info:
        store.set_key("main", too_long)
    assert too_long not in str(info.value) and "1001" in str(info.value)
    with pytest.raises(ValueError):
        store.set_key("main", "")
    with pytest.raises(ValueError):
        store.set_key("", KEY)
    assert memory_keyring.store == {}
    longest = "k" * SecretStore.MAX_KEY_LENGTH
    assert store.set_key("main", longest) is KeyStorage.KEYRING
    assert store.get_key("main") == longest


def test_thread_safe(memory_keyring):
    store = SecretStore()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                key = f"key-{n}-{i}-xyz"
                store.set_key(f"p{n}", key)
                assert store.get_key(f"p{n}") == key
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(memory_keyring.store) == 8


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_os_backend_is_chosen_or_fails_honestly(platform, frozen, monkeypatch, memory_keyring):
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    configure_backend()  # must never raise
    chosen = keyring.get_keyring()
    expected = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}[platform]
    assert chosen is not memory_keyring
    assert isinstance(chosen, fail.Keyring) or expected in type(chosen).__module__
    if isinstance(chosen, fail.Keyring):
        assert not SecretStore().persistent


def test_the_env_override_is_respected(monkeypatch, memory_keyring):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    configure_backend()
    assert keyring.get_keyring() is memory_keyring


def test_empty_profile_name_is_harmless(memory_keyring):
    store = SecretStore()
    assert store.get_key("") is None
    store.delete_key("")
    assert memory_keyring.store == {}

"""API keys in a real Secret Service (gnome-keyring on a private D-Bus session), through the
app's own secrets layer: the OS backend is chosen, and a key is stored, read back,
replaced and deleted — checked in the service itself, not only through keyring."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService

from movizor_desktop.store import KeyStorage, SecretStore, configure_backend
from movizor_desktop.store.secrets import forget_session_keys
from tests.kits.secret_service import secret_service, stored_items

PROFILE = "Основной договор"
FIRST, SECOND = "real-0xF1257-key/+=", "real-0x5EC0ND-key"


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("secret-service")) as env:
        yield env


@pytest.fixture
def real_keyring(service, monkeypatch) -> Iterator[str]:
    """The app's start-up choice of backend, on a machine that has a Secret Service."""
    for name, value in service.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    configure_backend()
    assert isinstance(keyring.get_keyring(), SecretService.Keyring)
    yield service["DBUS_SESSION_BUS_ADDRESS"]
    forget_session_keys()


def in_service(address: str) -> list[str]:
    return stored_items(address, {"service": SecretStore.SERVICE, "username": PROFILE})


def files_holding(root: Path, secret: str) -> list[Path]:
    needles = [secret.encode(), base64.b64encode(secret.encode()), secret.encode("utf-16-le")]
    return [p for p in root.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_store_read_replace_and_delete_a_key(real_keyring, app_home) -> None:
    store = SecretStore()
    assert store.persistent and store.refusal is None
    assert "SecretService" in store.backend_name
    assert store.set_key(PROFILE, FIRST) is KeyStorage.KEYRING
    assert in_service(real_keyring) == [FIRST]
    forget_session_keys()  # a restart: only the service remembers
    assert SecretStore().get_key(PROFILE) == FIRST
    assert SecretStore().last_storage(PROFILE) is KeyStorage.KEYRING

    assert store.set_key(PROFILE, SECOND) is KeyStorage.KEYRING  # replaced, not added
    assert in_service(real_keyring) == [SECOND]
    forget_session_keys()
    assert SecretStore().get_key(PROFILE) == SECOND

    store.delete_key(PROFILE)
    assert in_service(real_keyring) == []
    forget_session_keys()
    assert SecretStore().get_key(PROFILE) is None
    assert files_holding(app_home, FIRST) == [] and files_holding(app_home, SECOND) == []


def test_other_profiles_and_services_are_left_alone(real_keyring) -> None:
    store, other = SecretStore(), SecretStore("movizor-desktop-other")
    store.set_key("a", FIRST)
    store.set_key("b", SECOND)
    other.set_key("a", SECOND)
    store.delete_key("a")
    forget_session_keys()
    assert (store.get_key("a"), store.get_key("b"), other.get_key("a")) == (None, SECOND, SECOND)
    store.delete_key("b")
    other.delete_key("a")

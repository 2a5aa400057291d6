"""Which keyring backends may hold API keys: the OS stores yes; keyrings.alt's plaintext
file and the like no (the key would land base64-encoded on disk while the UI said
"keyring"); the OS backend is chosen explicitly, so installing keyrings.alt changes
nothing; without a usable one the key is kept for this session only."""

from __future__ import annotations

import base64
import contextlib
import sys
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from movizor_desktop.store import KeyStorage, SecretStore, configure_backend
from movizor_desktop.store.secrets import _FROZEN_BACKENDS, forget_session_keys, refusal
from tests.conftest import MemoryKeyring

KEY = "plain-0xBADC0DE-key"


@pytest.fixture(autouse=True)
def _clean_session():
    yield
    forget_session_keys()
    with contextlib.suppress(Exception):
        SecretStore().delete_key("main")  # forgets where the key was, for later tests


@pytest.fixture
def plaintext(tmp_path, monkeypatch) -> PlaintextKeyring:
    """keyrings.alt's plaintext file, in tmp_path, as keyring's discovery would pick it on a
    Linux pip install without a Secret Service."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    keyring.set_keyring(backend)
    return backend


class HomeMadeFileKeyring(keyring.backend.KeyringBackend):
    """A third-party backend keeping secrets in a file of its own, unencrypted."""

    priority = -1  # type: ignore[assignment]
    file_path = "/tmp/never-written.cfg"

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("never asked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("never given a key")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("never asked")


class EncryptedFileKeyring(HomeMadeFileKeyring):
    """Like keyrings.alt's EncryptedKeyring or keyrings.cryptfile: a file, encrypted."""


def files_holding_the_key(root: Path) -> list[Path]:
    needles = [KEY.encode(), base64.b64encode(KEY.encode())]
    return [p for p in root.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_a_plaintext_file_backend_never_gets_the_key(plaintext, tmp_path, app_home):
    store = SecretStore()
    assert not store.persistent
    assert store.refusal == "it stores secrets in a plain file"
    assert store.set_key("main", KEY) is KeyStorage.SESSION
    assert store.get_key("main") == KEY  # for this run
    assert not Path(plaintext.file_path).exists()
    assert files_holding_the_key(tmp_path) == [] and files_holding_the_key(app_home) == []


def test_a_key_already_in_a_plaintext_file_is_not_used(plaintext):
    plaintext.set_password(SecretStore.SERVICE, "main", KEY)  # what an older version did
    assert SecretStore().get_key("main") is None  # asked for again, kept properly


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (fail.Keyring(), "it keeps nothing"),
        (null.Keyring(), "it keeps nothing"),
        (PlaintextKeyring(), "it stores secrets in a plain file"),
        (HomeMadeFileKeyring(), "it stores secrets in a file without encrypting them"),
        (EncryptedFileKeyring(), None),  # a file, but encrypted with the user's password
        (MemoryKeyring(), None),
    ],
)
def test_refusal(backend, reason):
    assert refusal(backend) == reason


def test_a_chain_is_refused_when_a_member_would_store_in_plain_text():
    class Chain(chainer.ChainerBackend):
        def __init__(self, *members: keyring.backend.KeyringBackend) -> None:
            self.members = list(members)

        @property
        def backends(self):  # type: ignore[override]
            return self.members

    assert refusal(Chain(MemoryKeyring(), null.Keyring())) is None
    assert "PlaintextKeyring in the chain" in refusal(Chain(PlaintextKeyring(), MemoryKeyring()))
    assert (
        refusal(Chain(null.Keyring(), fail.Keyring())) == "no backend in the chain keeps anything"
    )


def test_the_os_backend_is_chosen_even_when_keyrings_alt_would_win(
    plaintext, monkeypatch, app_home
):
    """A pip install with keyrings.alt and no Secret Service: keyring's discovery gave
    the plaintext file; the app chooses the OS backend, finds it not viable here and keeps
    the key for this session only."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    configure_backend()
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert SecretStore().set_key("main", KEY) is KeyStorage.SESSION
    assert not Path(plaintext.file_path).exists()


def test_a_viable_os_backend_is_chosen_over_whatever_is_active(plaintext, monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    monkeypatch.setitem(_FROZEN_BACKENDS, platform, ("tests.conftest", "MemoryKeyring"))
    configure_backend()
    chosen = keyring.get_keyring()
    assert isinstance(chosen, MemoryKeyring)
    assert SecretStore().set_key("main", KEY) is KeyStorage.KEYRING
    assert chosen.store[(SecretStore.SERVICE, "main")] == KEY

"""The smoke test's keyring check: what it accepts, what it refuses, in frozen and source runs,
and where it says keys would go ("keys: keyring" or "keys: session only")."""

from __future__ import annotations

import sys

import keyring
import pytest
from keyring.backends import fail

from movizor_desktop import smoke
from movizor_desktop.store.secrets import _FROZEN_BACKENDS, forget_session_keys


@pytest.fixture(autouse=True)
def no_backend_override(monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    yield
    forget_session_keys()


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)


def test_a_backend_set_by_the_environment_is_reported_with_a_round_trip(
    memory_keyring, monkeypatch
):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.conftest.MemoryKeyring")
    detail = smoke.check_keyring(require=True)
    assert detail.startswith("conftest MemoryKeyring (tests.conftest.MemoryKeyring)")
    assert "set by PYTHON_KEYRING_BACKEND; keys: keyring" in detail
    assert "round trip ok" in detail
    assert memory_keyring.store == {}  # the test secret was deleted again


def test_no_keyring_is_accepted_but_said(memory_keyring):
    keyring.set_keyring(fail.Keyring())
    detail = smoke.check_keyring()
    assert "keys: session only (it keeps nothing)" in detail
    with pytest.raises(
        smoke.CheckFailed, match="a keyring that keeps API keys is required"
    ) as caught:
        smoke.check_keyring(require=True)
    assert caught.value.check == "keyring"


def test_a_plaintext_file_backend_is_reported_as_session_only(
    memory_keyring, monkeypatch, tmp_path
):
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    keyring.set_keyring(plain)
    detail = smoke.check_keyring()
    assert "keys: session only (it stores secrets in a plain file)" in detail
    with pytest.raises(smoke.CheckFailed, match="is refused: it stores secrets in a plain"):
        smoke.check_keyring(require=True)
    assert not (tmp_path / "keyring_pass.cfg").exists()


@pytest.mark.parametrize("frozen_run", [True, False])
def test_without_a_viable_os_backend_it_says_session_only(frozen_run, memory_keyring, monkeypatch):
    monkeypatch.setattr(sys, "frozen", frozen_run, raising=False)
    keyring.set_keyring(fail.Keyring())
    detail = smoke.check_keyring()
    assert "is not usable here; keys: session only (it keeps nothing)" in detail


def test_frozen_with_another_persistent_backend_fails(frozen, memory_keyring):
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    module, name = _FROZEN_BACKENDS[platform]
    with pytest.raises(smoke.CheckFailed, match=f"not the {platform} backend {module}.{name}"):
        smoke.check_keyring()


def test_frozen_with_the_os_backend_missing_from_the_bundle_fails(
    frozen, memory_keyring, monkeypatch
):
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    monkeypatch.setitem(_FROZEN_BACKENDS, platform, ("keyring.backends.NotBundled", "Keyring"))
    with pytest.raises(smoke.CheckFailed, match="is missing from the bundle"):
        smoke.check_keyring()


def test_a_keyring_that_loses_the_secret_fails_the_round_trip(memory_keyring, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.conftest.MemoryKeyring")
    monkeypatch.setattr(
        type(memory_keyring), "get_password", lambda self, service, user: "something else"
    )
    with pytest.raises(smoke.CheckFailed, match="refused a test secret"):
        smoke.check_keyring(require=True)

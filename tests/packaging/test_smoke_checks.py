"""The smoke test's keyring check: what it accepts, what it refuses, in frozen and source runs."""

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


def test_source_run_reports_the_backend_and_a_round_trip(memory_keyring):
    detail = smoke.check_keyring(require=True)
    assert detail.startswith("conftest MemoryKeyring (tests.conftest.MemoryKeyring)")
    assert "chosen by keyring" in detail and "round trip ok" in detail
    assert memory_keyring.store == {}  # the test secret was deleted again


def test_no_keyring_is_accepted_but_said(memory_keyring):
    keyring.set_keyring(fail.Keyring())
    detail = smoke.check_keyring()
    assert "no usable keyring: keys for the session only" in detail
    with pytest.raises(smoke.CheckFailed, match="a persistent keyring is required") as caught:
        smoke.check_keyring(require=True)
    assert caught.value.check == "keyring"


def test_frozen_without_a_viable_os_backend_says_session_only(frozen, memory_keyring):
    keyring.set_keyring(fail.Keyring())
    detail = smoke.check_keyring()
    assert "is not usable here, so API keys would be kept for the session only" in detail


def test_frozen_with_another_persistent_backend_fails(frozen, memory_keyring):
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    module, name = _FROZEN_BACKENDS[platform]
    with pytest.raises(smoke.CheckFailed, match=f"not the {platform} backend {module}.{name}"):
        smoke.check_keyring()


def test_frozen_with_the_os_backend_missing_from_the_bundle_fails(frozen, memory_keyring,
                                                                  monkeypatch):
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    monkeypatch.setitem(_FROZEN_BACKENDS, platform, ("keyring.backends.NotBundled", "Keyring"))
    with pytest.raises(smoke.CheckFailed, match="is missing from the bundle"):
        smoke.check_keyring()


def test_a_keyring_that_loses_the_secret_fails_the_round_trip(memory_keyring, monkeypatch):
    monkeypatch.setattr(type(memory_keyring), "get_password",
                        lambda self, service, user: "something else")
    with pytest.raises(smoke.CheckFailed, match="refused a test secret"):
        smoke.check_keyring(require=True)

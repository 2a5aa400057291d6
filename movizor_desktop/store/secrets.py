"""API keys in the OS keyring, with an in-memory fallback for this run only.

* Keys go to the system keyring (Windows Credential Manager, macOS Keychain, Secret
  Service) under the service ``movizor-desktop`` and the profile name as the user name.
  :func:`configure_backend` (at start-up) chooses that backend explicitly — keyring's own
  discovery would pick whatever is installed with the highest priority, and with
  ``keyrings.alt`` installed (common on Linux pip installs) that is a plaintext file.
  ``PYTHON_KEYRING_BACKEND`` still overrides the choice (administrators, tests).
* Whatever is chosen, a backend that keeps secrets in a file of its own without
  encrypting it (``keyrings.alt``'s ``PlaintextKeyring``: base64 on disk, and the like) is
  refused, as are ``fail``/``null`` (they keep nothing) and a chain containing a refused
  one: :func:`refusal` says why.
* When there is no usable keyring, or the keyring refuses (locked, set error, any backend
  exception), the key is kept in this process's memory and :meth:`SecretStore.set_key`
  returns :attr:`KeyStorage.SESSION` so the UI can say plainly that it must be entered
  again next time. Nothing is ever written to a file by this module.
* Every key learned is registered with :func:`movizor_desktop.api.redact.register_secret`;
  keys never appear in log records or exception messages.
* All keyring calls happen under one module lock: the facade may be called from worker
  threads (``asyncio.to_thread``).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import threading
from enum import StrEnum
from typing import TypeGuard

import keyring
import keyring.errors

from ..api.redact import redact, register_secret

log = logging.getLogger(__name__)


class KeyStorage(StrEnum):
    """Where a key ended up."""

    KEYRING = "keyring"  # the OS keyring: survives a restart
    SESSION = "session"  # this process's memory only


_lock = threading.RLock()
# Keys kept for this run only: (service, profile) -> key. Shared by all SecretStore objects.
_session: dict[tuple[str, str], str] = {}
_where: dict[tuple[str, str], KeyStorage] = {}


def _describe(exc: BaseException) -> str:
    """An exception as text safe for the log (type plus redacted message)."""
    return f"{type(exc).__name__}: {redact(str(exc))}"


def _classes(backend: object) -> list[str]:
    return [f"{c.__module__}.{c.__qualname__}" for c in type(backend).__mro__]


def refusal(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why the app will not keep API keys in ``backend``; None when it will.

    Refused: keyring's ``fail`` and ``null`` backends (they keep nothing), a backend that
    keeps secrets in a file of its own unless it encrypts them (``keyrings.alt``'s
    ``PlaintextKeyring`` stores them base64-encoded; any backend with a ``file_path`` and
    no encryption in its class hierarchy), and a chain holding a refused backend (a chain
    writes to the first member that accepts). The OS stores (WinVault, Keychain, Secret
    Service, KWallet) and other backends are accepted.
    """
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return "it keeps nothing"
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        reasons = [(b, refusal(b)) for b in members]
        stored = [b for b, why in reasons if why is None]
        bad = [
            (b, why)
            for b, why in reasons
            if why is not None and not isinstance(b, fail.Keyring | null.Keyring)
        ]
        if bad:
            return f"{type(bad[0][0]).__name__} in the chain: {bad[0][1]}"
        return None if stored else "no backend in the chain keeps anything"
    names = " ".join(_classes(backend)).lower()
    if "plaintext" in names:
        return "it stores secrets in a plain file"
    if hasattr(type(backend), "file_path") and "crypt" not in names:
        return "it stores secrets in a file without encrypting them"
    return None


def _usable(
    backend: keyring.backend.KeyringBackend | None,
) -> TypeGuard[keyring.backend.KeyringBackend]:
    return backend is not None and refusal(backend) is None


class SecretStore:
    """Get, set and delete the API key of a profile."""

    SERVICE = "movizor-desktop"
    MAX_KEY_LENGTH = 1000  # Windows Credential Manager rejects ~1280+ characters

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    # --- backend facts -----------------------------------------------------------------

    @staticmethod
    def _backend() -> keyring.backend.KeyringBackend | None:
        try:
            return keyring.get_keyring()
        except Exception as exc:  # a broken backend module or configuration
            log.warning("keyring backend unavailable: %s", _describe(exc))
            return None

    @property
    def backend_name(self) -> str:
        """The keyring backend's display name, e.g. ``SecretService Keyring``."""
        with _lock:
            backend = self._backend()
        if backend is None:
            return "none"
        try:
            return str(backend.name)
        except Exception:
            return type(backend).__name__

    @property
    def persistent(self) -> bool:
        """True when keys stored now survive a restart, in a keyring the app accepts."""
        return self.refusal is None

    @property
    def refusal(self) -> str | None:
        """Why keys are not kept in the keyring backend now active (None: they are)."""
        with _lock:
            backend = self._backend()
            if backend is None:
                return "no keyring backend could be loaded"
            try:
                return refusal(backend)
            except Exception as exc:
                return f"the backend could not be checked ({_describe(exc)})"

    def last_storage(self, profile: str) -> KeyStorage | None:
        """Where the key of ``profile`` was last put or found; None if unknown or deleted."""
        with _lock:
            return _where.get((self.service, profile))

    # --- keys --------------------------------------------------------------------------

    def get_key(self, profile: str) -> str | None:
        """The key of ``profile``: this run's session key if one was set, else the keyring's.

        A session key exists only when this run's ``set_key`` could not use the keyring,
        so it is the newest one. Backend problems are logged, never raised.
        """
        if not profile:
            return None
        slot = (self.service, profile)
        with _lock:
            key = _session.get(slot)
            if key is not None:
                _where[slot] = KeyStorage.SESSION
                return key
            backend = self._backend()
            if not _usable(backend):
                return None
            try:
                key = backend.get_password(self.service, profile)
            except Exception as exc:
                log.warning(
                    "could not read the key of a profile from %s: %s", backend.name, _describe(exc)
                )
                return None
            if key:
                register_secret(key)
                _where[slot] = KeyStorage.KEYRING
                return key
            return None

    def set_key(self, profile: str, key: str) -> KeyStorage:
        """Store ``key`` for ``profile``; returns where it went.

        Raises ValueError for an empty profile name, an empty key or a key longer than
        :attr:`MAX_KEY_LENGTH` (the message never contains the key).
        """
        if not profile:
            raise ValueError("the profile name is empty")
        if not isinstance(key, str) or not key:
            raise ValueError("the API key is empty")
        if len(key) > self.MAX_KEY_LENGTH:
            raise ValueError(
                f"the API key is too long ({len(key)} characters, at most {self.MAX_KEY_LENGTH})"
            )
        register_secret(key)
        slot = (self.service, profile)
        with _lock:
            backend = self._backend()
            if _usable(backend):
                try:
                    backend.set_password(self.service, profile, key)
                    stored = backend.get_password(self.service, profile)
                except Exception as exc:  # NoKeyringError, KeyringLocked, PasswordSetError…
                    log.warning(
                        "keyring %s refused the key (%s); keeping it for this session only",
                        backend.name,
                        _describe(exc),
                    )
                else:
                    if stored == key:
                        _session.pop(slot, None)
                        _where[slot] = KeyStorage.KEYRING
                        return KeyStorage.KEYRING
                    log.warning(
                        "keyring %s did not keep the key; keeping it for this session only",
                        backend.name,
                    )
            else:
                log.info(
                    "no acceptable keyring (%s); the key is kept for this session only",
                    self.refusal,
                )
            _session[slot] = key
            _where[slot] = KeyStorage.SESSION
            return KeyStorage.SESSION

    def delete_key(self, profile: str) -> None:
        """Forget the key of ``profile`` in memory and in the keyring (no error if absent)."""
        if not profile:
            return
        slot = (self.service, profile)
        with _lock:
            _session.pop(slot, None)
            _where.pop(slot, None)
            backend = self._backend()
            if not _usable(backend):
                return
            try:
                backend.delete_password(self.service, profile)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored
            except Exception as exc:
                log.warning(
                    "could not delete the key of a profile from %s: %s",
                    backend.name,
                    _describe(exc),
                )


def forget_session_keys() -> None:
    """Drop every key kept in memory for this run (tests; "sign out everywhere")."""
    with _lock:
        for slot, where in list(_where.items()):
            if where is KeyStorage.SESSION:
                del _where[slot]
        _session.clear()


# --- choosing the backend ---------------------------------------------------------------

# The OS store of each platform, chosen explicitly (module, class); PyInstaller bundles
# these modules (packaging/bundle_config.py) since entry points are not seen there.
_FROZEN_BACKENDS = {
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
    "linux": ("keyring.backends.SecretService", "Keyring"),
}


def configure_backend() -> None:
    """Pin the platform's own keyring backend: WinVault (Windows), Keychain (macOS) or
    Secret Service (Linux), in every run, frozen or not.

    keyring's discovery is unreliable in frozen apps and, in a pip install, picks any
    installed backend with a higher priority (``keyrings.alt``'s plaintext file among
    them). Where the OS backend is not viable (no D-Bus session, no Secret Service…)
    keyring's ``fail`` backend is selected, so the app keeps keys for the session only and
    says so. ``PYTHON_KEYRING_BACKEND`` is honoured (keyring applied it already);
    :func:`refusal` still judges what it names. Never raises.
    """
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    choice = _FROZEN_BACKENDS.get(platform)
    from keyring.backends import fail

    try:
        if choice is None:
            raise RuntimeError(f"no OS keyring is known for {platform}")
        module_name, class_name = choice
        if platform == "win32":
            # pywin32 needs it at run time and PyInstaller may not see the import
            with contextlib.suppress(ImportError):
                import win32timezone  # noqa: F401
        backend_class = getattr(importlib.import_module(module_name), class_name)
        if not backend_class.viable:
            raise RuntimeError(f"{class_name} is not viable here")
        with _lock:
            keyring.set_keyring(backend_class())
        log.info("keyring backend chosen: %s", backend_class.name)
    except Exception as exc:
        log.warning(
            "the OS keyring is not usable (%s); API keys are kept for the session only",
            _describe(exc),
        )
        try:
            with _lock:
                keyring.set_keyring(fail.Keyring())
        except Exception:
            log.exception("could not select keyring's fail backend")

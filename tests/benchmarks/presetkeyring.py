"""A keyring backend for the start-up benchmark's child: every key is the bench key."""

from __future__ import annotations

import keyring.backend


class PresetKeyring(keyring.backend.KeyringBackend):
    priority = -1  # type: ignore[assignment]  # never auto-selected

    def get_password(self, service: str, username: str) -> str | None:
        return "bench-key-000"

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        return None

"""Connection profiles (contracts): name, API address, project and HTTP method.

Profiles live in ``config_dir/profiles.json``::

    {"version": 1, "active": "Main", "profiles": [{"name": "Main", "base_url": "...",
     "project": "...", "method": "POST"}]}

The API key is **never** part of a profile or of this file: it belongs to
:class:`~movizor_desktop.store.secrets.SecretStore`. Entries are read field by field
(unknown fields, a ``key`` among them, are dropped and never written back).
A missing file means no profiles; an unreadable one is moved aside as
``profiles.json.corrupt-<timestamp>`` and the store starts empty with ``recovered`` set.

Renaming a profile does not move its API key or its cache: the caller moves the key
(``SecretStore``) and the cache is simply rebuilt under the new name.
"""

from __future__ import annotations

import builtins
import logging
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .files import atomic_write_json, move_aside, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "profiles.json"
FILE_VERSION = 1
DEFAULT_BASE_URL = "https://movizor.ru/api/"
METHODS = ("POST", "GET")


@dataclass(frozen=True)
class Profile:
    """One Movizor contract the dispatcher can connect to (no key here)."""

    name: str
    base_url: str = DEFAULT_BASE_URL
    project: str = ""
    method: str = "POST"  # POST | GET
    # the user confirmed that an http:// address of a remote host may be used although the
    # key then travels unencrypted (the client then sends it only in POST bodies)
    allow_plain_http: bool = False

    def validate(self) -> list[tuple[str, str]]:
        """Problems as ``(field, English message)`` pairs; ``[]`` when the profile is usable."""
        problems: list[tuple[str, str]] = []
        if not self.name.strip():
            problems.append(("name", "The profile name is empty."))
        if not self.project.strip():
            problems.append(("project", "The project (contract) name is empty."))
        elif "/" in self.project:
            problems.append(("project", "The project name must not contain '/'."))
        if not _is_http_url(self.base_url):
            problems.append(
                ("base_url", "The API address must start with http:// or https:// and name a host.")
            )
        if self.method not in METHODS:
            problems.append(("method", "The HTTP method must be POST or GET."))
        return problems


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _profile_from(entry: Any) -> Profile | None:
    """A profile from one file entry, or None when it has no usable name."""
    if not isinstance(entry, dict):
        return None
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return None

    def text(field: str, default: str) -> str:
        value = entry.get(field)
        return value if isinstance(value, str) else default

    return Profile(
        name=name,
        base_url=text("base_url", DEFAULT_BASE_URL),
        project=text("project", ""),
        method=text("method", "POST"),
        allow_plain_http=entry.get("allow_plain_http") is True,
    )


class ProfileStore:
    """The profiles of this installation, persisted on every change."""

    def __init__(self, paths: AppPaths) -> None:
        self.path: Path = paths.config_dir / FILE_NAME
        self.recovered: bool = False
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        self._profiles: dict[str, Profile] = {}
        self._active: str | None = None
        self._load()

    # --- persistence -------------------------------------------------------------------

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = read_json(self.path)
            if not isinstance(data, dict) or not isinstance(data.get("profiles", []), list):
                raise ValueError("not a profiles document")
        except (OSError, ValueError) as exc:
            log.warning("profiles file unreadable (%s); starting empty", type(exc).__name__)
            try:
                self.recovered_from = move_aside(self.path)
            except OSError:
                log.exception("could not move the broken profiles file aside")
            self.recovered = True
            return
        for entry in data.get("profiles", []):
            profile = _profile_from(entry)
            if profile is not None and profile.name not in self._profiles:
                self._profiles[profile.name] = profile
        active = data.get("active")
        self._active = active if isinstance(active, str) and active in self._profiles else None

    def _write(self) -> None:
        document = {
            "version": FILE_VERSION,
            "active": self._active,
            "profiles": [asdict(p) for p in self._profiles.values()],
        }
        atomic_write_json(self.path, document)

    # --- queries -----------------------------------------------------------------------

    def list(self) -> builtins.list[Profile]:
        """All profiles, in the order they were first added."""
        with self._lock:
            return builtins.list(self._profiles.values())

    def get(self, name: str) -> Profile | None:
        with self._lock:
            return self._profiles.get(name)

    # --- changes -----------------------------------------------------------------------

    def save(self, profile: Profile, *, old_name: str | None = None) -> None:
        """Insert or update ``profile``; with ``old_name``, rename that profile in place.

        Raises ValueError for an empty name or when the new name belongs to another
        profile. The active profile follows a rename.
        """
        if not profile.name.strip():
            raise ValueError("a profile needs a name")
        with self._lock:
            renaming = old_name is not None and old_name != profile.name
            if renaming and profile.name in self._profiles:
                raise ValueError(f"a profile named {profile.name!r} already exists")
            if renaming and old_name in self._profiles:
                # keep the position of the renamed entry
                self._profiles = {
                    (profile.name if n == old_name else n): (profile if n == old_name else p)
                    for n, p in self._profiles.items()
                }
                if self._active == old_name:
                    self._active = profile.name
            else:
                self._profiles[profile.name] = profile
            self._write()

    def delete(self, name: str) -> None:
        """Remove the profile ``name`` (no-op when absent); clears ``active`` if it was it."""
        with self._lock:
            if self._profiles.pop(name, None) is None:
                return
            if self._active == name:
                self._active = None
            self._write()

    @property
    def active(self) -> str | None:
        """The name of the profile to open at start-up, if any."""
        with self._lock:
            return self._active

    @active.setter
    def active(self, name: str | None) -> None:
        with self._lock:
            if name is not None and name not in self._profiles:
                raise ValueError(f"no profile named {name!r}")
            if name != self._active:
                self._active = name
                self._write()

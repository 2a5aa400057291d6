"""Desktop alert preferences (global) and the per-profile "last handled event" watermark.

Preferences live in ``config_dir/alerts.json`` and apply to every profile: which events
pop up, quiet hours and sound are about the dispatcher sitting at this computer (their
working hours, their ears), not about a contract; a dispatcher switching between two
contracts expects the same alerts and the same quiet night.

The watermark is per profile, in ``profile_dir(name)/alerts.json``: event ids are per
Movizor account, so one profile's newest id says nothing about another's.

Reading never fails: a missing file gives the defaults (or no watermark), an unreadable
one is moved aside and gives the same; each field is read on its own. Writes are atomic.
No Qt; the caller runs these off the UI thread.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..api.codes import EVENT_TYPES
from .files import atomic_write_json, move_aside, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "alerts.json"
FILE_VERSION = 1
DEFAULT_TYPES: tuple[str, ...] = (
    "pos_late",
    "leftroute",
    "reject",
    "no_confirm",
    "request_error",
    "request_offline",
    "auto_off",
)
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class DesktopAlertSettings:
    """Which events become desktop alerts, and when and how."""

    enabled: bool = True
    types: tuple[str, ...] = DEFAULT_TYPES  # Movizor event types, in EVENT_TYPES order
    sound: bool = True
    quiet: bool = False  # quiet hours on
    quiet_from: str = "22:00"  # HH:MM on this computer's clock
    quiet_to: str = "07:00"


_DEFAULTS = DesktopAlertSettings()


def _flag(value: Any, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _types(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        return _DEFAULTS.types
    chosen = {v for v in value if isinstance(v, str)}
    return tuple(t for t in EVENT_TYPES if t in chosen)


def _clock(value: Any, default: str) -> str:
    return value if isinstance(value, str) and _CLOCK.match(value) else default


def normalized(data: dict[str, Any]) -> DesktopAlertSettings:
    """Settings from a loose mapping: unknown keys and event types dropped, bad values fixed."""
    return DesktopAlertSettings(
        enabled=_flag(data.get("enabled"), _DEFAULTS.enabled),
        types=_types(data.get("types", _DEFAULTS.types)),
        sound=_flag(data.get("sound"), _DEFAULTS.sound),
        quiet=_flag(data.get("quiet"), _DEFAULTS.quiet),
        quiet_from=_clock(data.get("quiet_from"), _DEFAULTS.quiet_from),
        quiet_to=_clock(data.get("quiet_to"), _DEFAULTS.quiet_to),
    )


def _read(path: Path) -> dict[str, Any] | None:
    if not path.exists():
        return None
    try:
        data = read_json(path)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        log.warning("%s unreadable (%s); starting afresh", path.name, type(exc).__name__)
        try:
            move_aside(path)
        except OSError:
            log.exception("could not move the broken file %s aside", path.name)
        return None
    return data


def load_desktop_alert_settings(paths: AppPaths) -> DesktopAlertSettings:
    data = _read(paths.config_dir / FILE_NAME)
    return DesktopAlertSettings() if data is None else normalized(data)


def save_desktop_alert_settings(
    paths: AppPaths, settings: DesktopAlertSettings
) -> DesktopAlertSettings:
    """Write ``settings`` (normalized) atomically; returns what was written."""
    clean = normalized(dataclasses.asdict(settings))
    document = {"version": FILE_VERSION, **dataclasses.asdict(clean)}
    document["types"] = list(clean.types)
    atomic_write_json(paths.config_dir / FILE_NAME, document)
    return clean


# --- the per-profile watermark ---------------------------------------------------------------


@dataclass(frozen=True)
class StoredWatermark:
    last_id: int | None = None
    last_time: datetime | None = None


def load_watermark(paths: AppPaths, profile: str) -> StoredWatermark | None:
    """The watermark saved for ``profile``, or None when there is none (first run)."""
    data = _read(paths.profile_dir(profile) / FILE_NAME)
    if data is None:
        return None
    last_id = data.get("last_id")
    if isinstance(last_id, bool) or not isinstance(last_id, int) or last_id < 0:
        last_id = None
    last_time = None
    text = data.get("last_time")
    if isinstance(text, str) and text:
        try:
            last_time = datetime.fromisoformat(text)
        except ValueError:
            last_time = None
        if last_time is not None and last_time.tzinfo is None:
            last_time = last_time.replace(tzinfo=UTC)
    return StoredWatermark(last_id, last_time)


def save_watermark(paths: AppPaths, profile: str, mark: StoredWatermark) -> None:
    document = {
        "version": FILE_VERSION,
        "last_id": mark.last_id,
        "last_time": mark.last_time.isoformat() if mark.last_time is not None else None,
    }
    atomic_write_json(paths.profile_dir(profile) / FILE_NAME, document)


__all__ = [
    "DEFAULT_TYPES",
    "DesktopAlertSettings",
    "StoredWatermark",
    "load_desktop_alert_settings",
    "load_watermark",
    "save_desktop_alert_settings",
    "save_watermark",
]

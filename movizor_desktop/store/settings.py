"""Application settings (not per profile) in ``config_dir/settings.json``.

Loading never fails: a missing file gives the defaults; an unreadable one is moved aside
(``settings.json.corrupt-<timestamp>``) and gives the defaults; each field is read on its
own, so one bad value costs only that value. Unknown keys are ignored, numbers out of
range are clamped, values of the wrong type fall back to the default. Saving writes the
same normalized values atomically.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from ..api.net import ProxyConfig, ProxyKind, ProxyMode
from ..planning.arrival import DEFAULT_SPEED_KMH, SPEED_MAX_KMH, SPEED_MIN_KMH
from ..planning.geo import CIRCUITY_MAX, CIRCUITY_MIN, DEFAULT_CIRCUITY
from .files import atomic_write_json, move_aside, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
FILE_VERSION = 1
LANGUAGES = ("", "ru", "en")
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
PATH_MAX = 4096
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


@dataclass
class AppSettings:
    """User preferences that apply to every profile."""

    SYNC_MIN: ClassVar[int] = 15
    SYNC_MAX: ClassVar[int] = 3600
    LOW_BALANCE_MAX: ClassVar[Decimal] = Decimal("1000000")

    language: str = ""  # "" = follow the system locale; "ru" | "en"
    sync_interval: int = 60  # seconds, SYNC_MIN..SYNC_MAX
    low_balance: Decimal = Decimal("300")  # warn below this balance, roubles
    tile_url: str = OSM_TILE_URL
    tile_attribution: str = OSM_ATTRIBUTION
    # an MBTiles file to draw the maps from, with no network ("" = the tile server above);
    # whether it is usable is checked when it is applied (store.mbtiles.check_mbtiles)
    mbtiles_path: str = ""
    # the arrival model of the route editor and the planning workspace (docs/planning.md):
    # a truck's average speed, the road-to-great-circle factor, and the drivers' rest rules:
    # a shipped set by id ("" = the default) unless a file of the user's own is chosen
    planning_speed_kmh: float = DEFAULT_SPEED_KMH
    planning_circuity: float = DEFAULT_CIRCUITY
    rest_rules_id: str = ""
    rest_rules_path: str = ""
    # the proxy (File → Preferences → Network); its password is in the keyring only
    proxy_mode: str = ProxyMode.SYSTEM.value  # system | none | manual
    proxy_kind: str = ProxyKind.HTTP.value  # http | https | socks5
    proxy_host: str = ""
    proxy_port: int = 0
    proxy_user: str = ""

    @property
    def proxy(self) -> ProxyConfig:
        return ProxyConfig(
            ProxyMode(self.proxy_mode),
            ProxyKind(self.proxy_kind),
            self.proxy_host,
            self.proxy_port,
            self.proxy_user,
        )


_DEFAULTS = AppSettings()


def _language(value: Any) -> str:
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    return _DEFAULTS.language


def _interval(value: Any) -> int:
    number: float
    if isinstance(value, bool):
        return _DEFAULTS.sync_interval
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return _DEFAULTS.sync_interval
    else:
        return _DEFAULTS.sync_interval
    if not math.isfinite(number):
        return _DEFAULTS.sync_interval
    return int(min(max(round(number), AppSettings.SYNC_MIN), AppSettings.SYNC_MAX))


def _money(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return _DEFAULTS.low_balance
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return _DEFAULTS.low_balance
    if not amount.is_finite():
        return _DEFAULTS.low_balance
    return min(max(amount, Decimal(0)), AppSettings.LOW_BALANCE_MAX)


def _tile_url(value: Any) -> str:
    if (
        isinstance(value, str)
        and value.startswith(("http://", "https://"))
        and all(part in value for part in ("{z}", "{x}", "{y}"))
    ):
        return value
    return _DEFAULTS.tile_url


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _file_path(value: Any) -> str:
    """A file path as typed or chosen: one line, no control characters, not absurdly long
    (anything else is dropped: the maps then use the tile server)."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if len(text) > PATH_MAX or any(not c.isprintable() for c in text):
        return ""
    return text


def _bounded(value: Any, low: float, high: float, default: float) -> float:
    """A number within ``[low, high]`` (clamped); anything that is not one gives ``default``."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return default
    try:
        number = float(value.strip().replace(",", ".") if isinstance(value, str) else value)
    except ValueError:
        return default
    if not math.isfinite(number):
        return default
    return min(max(number, low), high)


def _rules_id(value: Any) -> str:
    """A shipped rule set's id: a short slug (whether it exists is checked when used)."""
    text = value.strip() if isinstance(value, str) else ""
    ok = len(text) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_.") for c in text)
    return text if ok else ""


def _choice(value: Any, allowed: type[ProxyMode] | type[ProxyKind], default: str) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    return text if text in {m.value for m in allowed} else default


def _port(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return 0
    try:
        port = int(value)
    except ValueError:
        return 0
    return port if 0 <= port <= 65535 else 0


def _plain(value: Any) -> str:
    """A one-line text field (host, user): no control characters survive."""
    text = value if isinstance(value, str) else ""
    return "".join(c for c in text.strip() if c.isprintable())[:253]


def normalized(data: dict[str, Any]) -> AppSettings:
    """Settings from a loose mapping: unknown keys ignored, bad values fixed."""
    return AppSettings(
        language=_language(data.get("language", _DEFAULTS.language)),
        sync_interval=_interval(data.get("sync_interval", _DEFAULTS.sync_interval)),
        low_balance=_money(data.get("low_balance", _DEFAULTS.low_balance)),
        tile_url=_tile_url(data.get("tile_url", _DEFAULTS.tile_url)),
        tile_attribution=_text(data.get("tile_attribution"), _DEFAULTS.tile_attribution),
        mbtiles_path=_file_path(data.get("mbtiles_path")),
        planning_speed_kmh=_bounded(
            data.get("planning_speed_kmh"), SPEED_MIN_KMH, SPEED_MAX_KMH, DEFAULT_SPEED_KMH
        ),
        planning_circuity=_bounded(
            data.get("planning_circuity"), CIRCUITY_MIN, CIRCUITY_MAX, DEFAULT_CIRCUITY
        ),
        rest_rules_id=_rules_id(data.get("rest_rules_id")),
        rest_rules_path=_file_path(data.get("rest_rules_path")),
        proxy_mode=_choice(data.get("proxy_mode"), ProxyMode, _DEFAULTS.proxy_mode),
        proxy_kind=_choice(data.get("proxy_kind"), ProxyKind, _DEFAULTS.proxy_kind),
        proxy_host=_plain(data.get("proxy_host")),
        proxy_port=_port(data.get("proxy_port")),
        proxy_user=_plain(data.get("proxy_user")),
    )


def load_settings(paths: AppPaths) -> AppSettings:
    """The saved settings, or the defaults (see the module docstring)."""
    path = paths.config_dir / FILE_NAME
    if not path.exists():
        return AppSettings()
    try:
        data = read_json(path)
        if not isinstance(data, dict):
            raise ValueError("not a settings object")
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        try:
            move_aside(path)
        except OSError:
            log.exception("could not move the broken settings file aside")
        return AppSettings()
    return normalized(data)


def save_settings(paths: AppPaths, settings: AppSettings) -> None:
    """Write ``settings`` (normalized) atomically to ``config_dir/settings.json``."""
    clean = normalized(dataclasses.asdict(settings))
    document: dict[str, Any] = {"version": FILE_VERSION, **dataclasses.asdict(clean)}
    document["low_balance"] = str(clean.low_balance)
    atomic_write_json(paths.config_dir / FILE_NAME, document)

"""Reading API parameters (already parsed PHP-style) the way the PHP server would.

* A scalar read of an array parameter gives "" (as PHP would see "Array": invalid).
  A list whose items are all strings gives its last item.
* Numbers use PHP ``intval``: leading digits, else 0.
* ``dateoff``: "" (or "0") means "no auto-off". An unparseable date is "in the past",
  as PHP's ``strtotime`` would give false, that is 0. A date more than 24 h ahead is
  required. A date up to now is "past" (object_add 2, object_edit and object_reactivate
  3); one within the next 24 h is "less than one day" (object_add 3, the others 4).
* ``destination`` items come in numeric key order. ``coord`` is "lat,lon" (separate
  ``lat``/``lon`` are accepted too). ``time`` may be missing: the point then has
  ``"time": ""`` and no ETA. A text without valid coordinates is the "DISTANCE_TEXT
  without DISTANCE_COORD" error, and an empty item is skipped. A bare ``destination=``
  (any string) clears the route. The legacy ``distance_text``/``distance_coord`` pair
  makes a one-point route, used only when no ``destination`` is sent.
* Schedule: sending any of ``sw1``…``sw7`` or ``st`` replaces the schedule. A ``swN``
  counts as on unless it is "", "0" or absent. Times are ``h:mm``/``hh:mm`` (00:00–23:59)
  and a bad one is the schedule error. Empty strings are ignored. No days and no times
  clear the schedule.
* ``metadata``: a bare string clears it. Names are cut to 32 characters and values to 64,
  silently (the document states the limits but no error code).
"""

from __future__ import annotations

import re
from typing import Any

from .model import RoutePoint, Schedule
from .msk import DAY, fmt_route_time, parse_hhmm, parse_msk

__all__ = [
    "ABSENT",
    "InputError",
    "dateoff",
    "flag",
    "intval",
    "metadata",
    "route",
    "scalar",
    "schedule",
    "tags",
]

ABSENT: Any = object()
META_NAME_MAX = 32
META_VALUE_MAX = 64


class InputError(Exception):
    """A parameter the server refuses; ``kind`` names which documented error it is."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # "dateoff_past" | "dateoff_day" | "distance_text" | "schedule"


def scalar(params: dict[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value[-1]
    return ""


_INT = re.compile(r"^\s*([+-]?\d+)")


def intval(value: str | None, default: int = 0) -> int:
    if value is None:
        return default
    m = _INT.match(value)
    return int(m[1]) if m else 0


def flag(params: dict[str, Any], key: str) -> bool:
    value = scalar(params, key)
    return value not in (None, "", "0")


def dateoff(value: str | None, now: int) -> int:
    """Validated auto-off time: 0 for none; raises InputError."""
    if value is None or value.strip() in ("", "0"):
        return 0
    ts = parse_msk(value)
    if ts is None or ts <= now:
        raise InputError("dateoff_past")
    if ts < now + DAY:
        raise InputError("dateoff_day")
    return ts


def _coord(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    parts = re.split(r"[,;\s]+", text.strip())
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat != lat or lon != lon:
        return None
    return lat, lon


def _ordered(items: dict[str, Any] | list[Any]) -> list[Any]:
    if isinstance(items, list):
        return items
    numeric = sorted((k for k in items if k.lstrip("-").isdigit()), key=int)
    other = [k for k in items if not k.lstrip("-").isdigit()]
    return [items[k] for k in numeric + other]


def _point(item: dict[str, Any]) -> RoutePoint | None:
    text = (scalar(item, "text") or "").strip()
    coord = _coord(scalar(item, "coord"))
    if coord is None and "lat" in item and "lon" in item:
        coord = _coord(f"{scalar(item, 'lat')},{scalar(item, 'lon')}")
    if coord is None:
        if text:
            raise InputError("distance_text")
        return None
    when = parse_msk(scalar(item, "time") or "")
    return RoutePoint(
        text, coord[0], coord[1], when, fmt_route_time(when) if when is not None else ""
    )


def route(params: dict[str, Any], *, bare_clears: bool = True) -> list[RoutePoint] | Any:
    """The new route, [] to clear it, or ABSENT; raises InputError("distance_text")."""
    value = params.get("destination", ABSENT)
    if isinstance(value, str) and not bare_clears:
        return ABSENT
    if value is ABSENT:
        text = (scalar(params, "distance_text") or "").strip()
        coord_text = scalar(params, "distance_coord")
        if not text and coord_text is None:
            return ABSENT
        coord = _coord(coord_text)
        if coord is None:
            if text:
                raise InputError("distance_text")
            return ABSENT
        return [RoutePoint(text, coord[0], coord[1], None, "")]
    if not isinstance(value, (dict, list)):
        return []
    points = []
    for item in _ordered(value):
        if isinstance(item, dict):
            point = _point(item)
            if point is not None:
                points.append(point)
    return points


def schedule(
    params: dict[str, Any], current: Schedule | None = None, *, bare_clears: bool = True
) -> Schedule | Any | None:
    """The new schedule, None to clear it, or ABSENT; raises InputError("schedule").

    ``current`` is what the subscriber has: without ``bare_clears`` the days and times
    not sent explicitly are kept from it."""
    keys = [f"sw{i}" for i in range(1, 8)]
    raw = params.get("st", ABSENT)
    if not bare_clears and isinstance(raw, str) and not raw.strip():
        raw = ABSENT
    sent = [k for k in keys if k in params]
    if not sent and raw is ABSENT:
        return ABSENT
    if bare_clears:
        days = tuple(flag(params, k) for k in keys)
    else:
        old = current.days if current is not None else (False,) * 7
        days = tuple(flag(params, k) if k in params else old[i] for i, k in enumerate(keys))
        if raw is ABSENT:
            raw = [f"{h}:{m:02d}" for h, m in current.times] if current is not None else []
    if raw is ABSENT:
        raw = []
    if isinstance(raw, str):
        raw = [raw]
    elif isinstance(raw, dict):
        raw = _ordered(raw)
    times = set()
    for item in raw:
        if not isinstance(item, str):
            raise InputError("schedule")
        if not item.strip():
            continue
        hm = parse_hhmm(item)
        if hm is None:
            raise InputError("schedule")
        times.add(hm)
    if not any(days) and not times:
        return None
    return Schedule(days, tuple(sorted(times)))


def metadata(params: dict[str, Any], *, bare_clears: bool = True) -> dict[str, str] | Any:
    value = params.get("metadata", ABSENT)
    if value is ABSENT or (isinstance(value, str) and not bare_clears):
        return ABSENT
    if isinstance(value, list):
        value = {str(i): v for i, v in enumerate(value)}
    if not isinstance(value, dict):
        return {}
    out: dict[str, str] = {}
    for name, item in value.items():
        if isinstance(item, list):
            item = ", ".join(v for v in item if isinstance(v, str))
        elif not isinstance(item, str):
            continue
        if not item and not bare_clears:
            continue
        out[str(name)[:META_NAME_MAX]] = item[:META_VALUE_MAX]
    return out


def tags(params: dict[str, Any]) -> str | Any:
    value = params.get("tags", ABSENT)
    if value is ABSENT:
        return ABSENT
    if isinstance(value, list):
        return ",".join(v.strip() for v in value if isinstance(v, str) and v.strip())
    if isinstance(value, dict):
        return ",".join(v.strip() for v in _ordered(value) if isinstance(v, str) and v.strip())
    return value.strip()

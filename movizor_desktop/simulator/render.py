"""JSON shapes, with the exact JSON types the real server uses for each endpoint.

The types follow the captured answers (``docs/protocol.md``). Coordinates are strings
with 6 decimals, or 7 in distance_search. Timestamps are strings in object_get, events
and share_list, and numbers in pos_*. ``radius`` is a number in pos_last and
pos_objects and a string in pos_list and pos_get. ``distance`` is a string when known,
``null`` in pos_* and the number 0 in object_get. Empty metadata is ``[]``. Metadata
values are escaped like PHP ``htmlspecialchars(ENT_QUOTES)``.

``pos_last`` for a subscriber that never had a fix answers ``data: []`` (PHP's empty
array). The 2017 document lists no error for that case.

The dialect (:mod:`.dialects`) decides three things here: whether object_get names the
manual tariff ``manual`` or by its id, whether it reports ``schedule``, ``tags`` and
``package_prolong``, and whether titles, places and route texts are HTML-escaped like
metadata values (``escape``).
"""

from __future__ import annotations

from typing import Any

from . import protocol
from .dialects import Dialect
from .model import Fix, RoutePoint, Subscriber
from .tariffs import TariffPlan

__all__ = [
    "error",
    "fix_get",
    "fix_last",
    "fix_list",
    "fix_objects",
    "html_escape",
    "object_get",
    "ok",
    "raw_error",
    "text",
]

_MISSING: Any = object()


def ok(message: str, data: Any = _MISSING, code: str = "OK") -> dict[str, Any]:
    envelope: dict[str, Any] = {"code": code, "message": message, "result": "success"}
    if data is not _MISSING:
        envelope["data"] = data
    return envelope


def raw_error(code: str, text: str) -> dict[str, Any]:
    return {"result": "error", "error_code": code, "error_text": text, "error_text_ru": ""}


def error(function: str, code: str) -> dict[str, Any]:
    return raw_error(code, protocol.error_text(function, code))


def html_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("'", "&#039;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def text(value: str, escape: bool) -> str:
    """A free text as the dialect sends it (escaped when ``escape``)."""
    return html_escape(value) if escape else value


def c6(x: float) -> str:
    return f"{x:.6f}"


def fix_last(f: Fix, escape: bool = False) -> dict[str, Any]:
    return {
        "lon": c6(f.lon),
        "lat": c6(f.lat),
        "timestamp": f.ts,
        "timestamp_request": f.ts_req,
        "radius": f.radius,
        "distance": f.distance,
        "distance_forecast_time": f.ftime,
        "distance_forecast_status": f.fstatus,
        "place": text(f.place, escape),
    }


def fix_list(f: Fix, escape: bool = False) -> dict[str, Any]:
    row = fix_last(f, escape)
    row["radius"] = str(f.radius)
    return row


fix_get = fix_list  # same types: numbers for timestamps, strings for radius/distance/ETA


def fix_objects(phone: str, f: Fix, escape: bool = False) -> dict[str, Any]:
    return {
        "phone": phone,
        "lon": c6(f.lon),
        "lat": c6(f.lat),
        "timestamp": f.ts,
        "radius": f.radius,
        "place": text(f.place, escape),
        "distance": f.distance,
        "distance_forecast_time": f.ftime,
        "distance_forecast_status": f.fstatus,
    }


def route_point(p: RoutePoint, escape: bool = False) -> dict[str, Any]:
    return {
        "text": text(p.text, escape),
        "lat": c6(p.lat),
        "lon": c6(p.lon),
        "time": p.time_text,
        "timestamp_finished": None if p.finished is None else str(p.finished),
        "status": p.status,
    }


def schedule(sub: Subscriber) -> dict[str, Any]:
    days = sub.schedule.days if sub.schedule else (False,) * 7
    out: dict[str, Any] = {f"sw{i + 1}": int(on) for i, on in enumerate(days)}
    out["st"] = [f"{h:02d}:{m:02d}" for h, m in sub.schedule.times] if sub.schedule else []
    return out


def object_get(sub: Subscriber, dialect: Dialect, tariffs: TariffPlan) -> dict[str, Any]:
    last = sub.last_fix
    info = sub.route_info
    active = info is not None and info[2] != "finished"
    escape = dialect.escape_text
    manual = dialect.manual_word and sub.tariff == tariffs.manual
    data = {
        "phone": sub.phone,
        "status": sub.status,
        "confirmed": sub.confirmed,
        "title": text(sub.title, escape),
        "tariff": "manual" if manual else sub.tariff,
        "tariff_new": sub.tariff_new,
        "last_timestamp": str(sub.last_attempt) if sub.last_attempt else 0,
        "at_request": sub.pending is not None,
        "current_lon": c6(last.lon) if last else None,
        "current_lat": c6(last.lat) if last else None,
        "place": text(last.place, escape) if last else "",
        "distance": info[0] if active and info and info[0] is not None else 0,
        "distance_forecast_time": info[1] if active and info else None,
        "distance_forecast_status": info[2] if active and info else None,
        "on_parking": sub.obs_parked,
        "destination": [route_point(p, escape) for p in sub.route],
        "offline_time": 0,
        "pos_error": sub.pos_error,
        "timestamp_off": str(sub.ts_off),
        "timestamp_add": str(sub.ts_add),
        "metadata": {k: html_escape(v) for k, v in sub.metadata.items()} if sub.metadata else [],
    }
    if dialect.object_get_extras:
        data.update(tags=sub.tags, package_prolong=sub.package_prolong, schedule=schedule(sub))
    return data

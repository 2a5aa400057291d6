"""Fleet rows and routes as compact JSON-ready data for the page. No Qt.

One marker row is a list (compact for thousands of markers; ``mz-fleet.js`` reads it by
position)::

    [phone, lat×1e6, lon×1e6, radius_m, look, title, when, place]

Coordinates are whole micro-degrees (0.1 m; an integer is written and read faster than a
float, and ``n / 1e6`` in JavaScript gives the same double as the 6-decimal literal).
``look`` indexes the payload's ``looks``, ``[fill, ring, dim]``: ``fill``/``ring``
(``#rrggbb``) and ``dim`` (1: not tracked now, drawn paler) are chosen by the caller (the Qt
side takes them from the status and forecast badges). ``when`` (the fix time, already
formatted in МСК and translated) and ``place`` repeat across a fleet, so each indexes the
payload's ``strings``. Rows without coordinates are left out: the page removes their
markers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import pydantic_core

from ...api.models import Destination
from ...fleet import FleetRow

Colours = Callable[[FleetRow], tuple[str, str, bool]]
When = Callable[[datetime | None], str]

FALLBACK_FILL = "#5b6472"
FALLBACK_RING = "#ffffff"


def _plain_colours(row: FleetRow) -> tuple[str, str, bool]:
    return FALLBACK_FILL, FALLBACK_RING, False


def _plain_when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="minutes") if moment is not None else ""


def has_fix(row: FleetRow) -> bool:
    return row.lat is not None and row.lon is not None


def marker_changed(old: FleetRow | None, row: FleetRow) -> bool:
    """Whether ``row``'s marker looks different from ``old``'s (position, accuracy, colours,
    tooltip); the cheap fields first, as most changes are a new fix."""
    return old is None or (
        old is not row
        and (
            old.lat != row.lat
            or old.lon != row.lon
            or old.fix_time != row.fix_time
            or old.radius != row.radius
            or old.status != row.status
            or old.forecast != row.forecast
            or old.title != row.title
            or old.place != row.place
        )
    )


def fleet_payload(
    rows: Iterable[FleetRow],
    *,
    full: bool = True,
    removed: Iterable[str] = (),
    colours: Colours = _plain_colours,
    when: When = _plain_when,
) -> dict[str, Any]:
    """``mz.setFleet``'s argument: ``{"rows", "looks", "strings", "full", "remove"}``.

    ``full``: ``rows`` is the whole fleet (markers of other phones are removed);
    otherwise only these rows change, plus the ``removed`` phones. A row without
    coordinates always removes its marker. (A hot path: 5,000 rows in a few ms.)
    """
    strings: dict[str, int] = {}
    looks: dict[tuple[str, str, bool], int] = {}
    out: list[list[Any]] = []
    append = out.append
    gone: list[str] = list(dict.fromkeys(removed))
    for row in rows:
        lat, lon = row.lat, row.lon
        if lat is None or lon is None:
            if not full:
                gone.append(row.phone)
            continue
        look = colours(row)
        n = looks.get(look)
        if n is None:
            n = looks[look] = len(looks)
        text = when(row.fix_time)
        w = strings.get(text)
        if w is None:
            w = strings[text] = len(strings)
        text = row.place or ""
        p = strings.get(text)
        if p is None:
            p = strings[text] = len(strings)
        append(
            [
                row.phone,
                round(lat * 1_000_000),
                round(lon * 1_000_000),
                row.radius or 0,
                n,
                row.title or "",
                w,
                p,
            ]
        )
    return {
        "rows": out,
        "looks": [[f, r, 1 if d else 0] for f, r, d in looks],
        "strings": list(strings),
        "full": full,
        "remove": gone,
    }


def to_json(value: Any) -> str:
    """Compact JSON text: pydantic-core's serializer (a dependency already; 4× faster than
    ``json.dumps`` on a 5,000-marker payload, same text), or ASCII-only ``json.dumps``
    for what it refuses (a lone surrogate in a string: escaped, valid for JS and Qt)."""
    try:
        return pydantic_core.to_json(value).decode()
    except (ValueError, UnicodeError):
        return json.dumps(value, separators=(",", ":"))


def js_call(function: str, payload: Any) -> str:
    """``mz.<function>(JSON.parse('<payload>'))``: JSON.parse keeps any key a plain
    property, and JSON text encoded again as JSON is a safe JS string literal."""
    return f"mz.{function}(JSON.parse({to_json(to_json(payload))}))"


def route_points(row: FleetRow) -> list[tuple[int, Destination]]:
    """The destination points that have coordinates, with their 1-based order."""
    if row.details is None:
        return []
    return [
        (i, d)
        for i, d in enumerate(row.details.destination, 1)
        if d.lat is not None and d.lon is not None
    ]


def route_payload(
    row: FleetRow | None,
    *,
    point_text: Callable[[int, Destination], str],
    colour_of: Callable[[str | None], str],
    label: str = "",
) -> dict[str, Any] | None:
    """``mz.setRoute``'s argument, or None when the row has no route with coordinates.

    ``points``: ``[lat, lon, colour, text, finished]`` in route order; ``line`` joins
    them; ``lead`` runs from the current fix to the first point not yet reached.
    """
    if row is None:
        return None
    points = route_points(row)
    if not points:
        return None
    data: list[list[Any]] = []
    for index, dest in points:
        finished = dest.timestamp_finished is not None or dest.status == "finished"
        data.append(
            [
                dest.lat,
                dest.lon,
                colour_of(dest.status),
                point_text(index, dest),
                1 if finished else 0,
            ]
        )
    lead: list[list[float]] = []
    pending = [p for p in data if not p[4]]
    if has_fix(row) and pending:
        lead = [[float(row.lat), float(row.lon)], [pending[0][0], pending[0][1]]]  # type: ignore[arg-type]
    return {
        "phone": row.phone,
        "points": data,
        "line": [[p[0], p[1]] for p in data],
        "lead": lead,
        "label": label,
    }

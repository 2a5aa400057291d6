"""Fleet rows and routes as compact JSON-ready data for the page. No Qt.

One marker row is a list (compact for thousands of markers; ``mz.js`` reads it by
position)::

    [phone, lat, lon, radius_m, fill, ring, title, when, place, dim]

``fill``/``ring`` (``#rrggbb``) and ``dim`` (1: not tracked now, drawn paler) are chosen by
the caller (the Qt side takes them from the status and forecast badges); ``when`` is the
fix time, already formatted (МСК) and translated. Rows without coordinates are left out:
the page removes their markers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from ...api.models import Destination
from ...sync.state import FleetRow

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


def marker_key(row: FleetRow) -> tuple[object, ...]:
    """What a fleet marker shows: rows equal in this need no update."""
    return (row.lat, row.lon, row.radius, row.status, row.forecast, row.title, row.fix_time,
            row.place)


def marker_row(row: FleetRow, colours: Colours = _plain_colours,
               when: When = _plain_when) -> list[Any]:
    fill, ring, dim = colours(row)
    return [row.phone, round(float(row.lat), 6), round(float(row.lon), 6),  # type: ignore[arg-type]
            int(row.radius or 0), fill, ring, row.title or "", when(row.fix_time),
            row.place or "", 1 if dim else 0]


def fleet_payload(rows: Iterable[FleetRow], *, full: bool = True,
                  removed: Iterable[str] = (), colours: Colours = _plain_colours,
                  when: When = _plain_when) -> dict[str, Any]:
    """``mz.setFleet``'s argument.

    ``full``: ``rows`` is the whole fleet (markers of other phones are removed);
    otherwise only these rows change, plus the ``removed`` phones. A row without
    coordinates always removes its marker.
    """
    out: list[list[Any]] = []
    gone: list[str] = list(dict.fromkeys(removed))
    for row in rows:
        if has_fix(row):
            out.append(marker_row(row, colours, when))
        elif not full:
            gone.append(row.phone)
    return {"rows": out, "full": full, "remove": gone}


def js_call(function: str, payload: Any) -> str:
    """``mz.<function>(JSON.parse('<payload>'))``: V8 parses a JSON string faster than an
    equivalent object literal, and ``json.dumps`` twice gives a safe JS string literal."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return f"mz.{function}(JSON.parse({json.dumps(text, ensure_ascii=False)}))"


def route_points(row: FleetRow) -> list[tuple[int, Destination]]:
    """The destination points that have coordinates, with their 1-based order."""
    if row.details is None:
        return []
    return [(i, d) for i, d in enumerate(row.details.destination, 1)
            if d.lat is not None and d.lon is not None]


def route_payload(row: FleetRow | None, *, point_text: Callable[[int, Destination], str],
                  colour_of: Callable[[str | None], str], label: str = ""
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
        data.append([dest.lat, dest.lon, colour_of(dest.status), point_text(index, dest),
                     1 if finished else 0])
    lead: list[list[float]] = []
    pending = [p for p in data if not p[4]]
    if has_fix(row) and pending:
        lead = [[float(row.lat), float(row.lon)], [pending[0][0], pending[0][1]]]  # type: ignore[arg-type]
    return {"phone": row.phone, "points": data, "line": [[p[0], p[1]] for p in data],
            "lead": lead, "label": label}

"""Reading one cell of an import file: dates, tariffs, tags and route points. No Qt.

Every reader returns the value for ``object_add`` or raises :class:`CellError` with a
reason key; :mod:`.import_rows` turns the key into a sentence (English or Russian).

* Dates (auto-off): ``31.12.2026``, ``31.12.26``, ``31.12.2026 18:00``, ``31.12.2026
  18:00:00``, ``31/12/2026``, ``31-12-2026``, ``2026-12-31``, ``2026-12-31T18:00``, with an
  optional ``г.`` or ``МСК``; Moscow time. A date without a time means the end of that day
  (23:59), so "switch off on the 31st" keeps the driver tracked through the 31st.
* Tariffs: the id (``15``), ``manual``/``вручную``, or a tariff's title from the price
  table (``Каждые 15 мин``, case and ``ё`` ignored).
* Route: points separated by new lines, ``|``, ``;`` or ``→``; each point is ``lat, lon``
  in any format the route editor reads (``planning.parse_coordinates``), ``Name (lat,
  lon)``, or an address that the geocoder (``distance_search``) resolves before the
  preview is shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta

from .. import clock
from ..api.encoding import MSK, RoutePoint, to_msk
from ..api.tariffs import MANUAL_WORD, manual_title
from ..planning import (
    CoordinateError,
    format_coordinates,
    looks_like_coordinates,
    parse_coordinates,
)

MIN_DATEOFF = timedelta(days=1, minutes=2)  # the server wants more than a day (+ slack)
KNOWN_TARIFFS = ("0", "1", "3", "15", "30", "60", "180", "4", "5", "6", "7")
MANUAL_WORDS = ("manual", "вручную", "ручной", "ручная")
_DMY = re.compile(
    r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})"
    r"(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_TAIL = re.compile(r"\s*(?:г\.?|года|мск|msk)\s*$", re.IGNORECASE)
_POINT_SPLIT = re.compile(r"\s*(?:\n|\||;|→|->)\s*")
_NAMED = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<coords>[^()\[\]]+)[)\]]\s*$")


class CellError(ValueError):
    """A cell that cannot be used; ``reason`` names the problem, ``detail`` the part."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def parse_date(text: str) -> datetime:
    """A date (and time) in a common Russian format, as an aware Moscow time."""
    raw = _TAIL.sub("", text.strip())
    match = _DMY.match(raw)
    if match:
        day, month, year, hour, minute, second = match.groups()
        year_n = int(year) + (2000 if len(year) == 2 else 0)
        parts = (year_n, int(month), int(day))
    elif (match := _YMD.match(raw)) is not None:
        year, month, day, hour, minute, second = match.groups()
        parts = (int(year), int(month), int(day))
    else:
        raise CellError("date_format", text)
    try:
        if hour is None:
            return datetime(*parts, 23, 59, tzinfo=MSK)
        return datetime(*parts, int(hour), int(minute), int(second or 0), tzinfo=MSK)
    except ValueError:
        raise CellError("date_format", text) from None


def check_dateoff(moment: datetime, now: datetime) -> None:
    """Refuse an auto-off the server would refuse: past, or less than a day ahead."""
    moment, now = to_msk(moment), to_msk(now)
    if moment <= now:
        raise CellError("date_past", moment.strftime("%d.%m.%Y %H:%M"))
    if moment - now < MIN_DATEOFF:
        raise CellError("date_day", moment.strftime("%d.%m.%Y %H:%M"))


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def parse_tariff(text: str, titles: Mapping[str, str]) -> str:
    """The tariff id for a cell. ``titles``: id → title of every tariff the account's
    price table lists (empty when the table is unknown: then the ids Movizor has). A word
    for "manual" is the table's manual id, or the word ``manual`` (the client resolves it)
    while the table does not tell."""
    folded = _fold(text)
    if folded in MANUAL_WORDS:
        manual = sorted({tid for tid, title in titles.items() if manual_title(title)})
        return manual[0] if len(manual) == 1 else MANUAL_WORD
    known = set(titles) or set(KNOWN_TARIFFS)
    if folded in known:
        return folded
    for tid, title in titles.items():
        if title and _fold(title) == folded:
            return tid
    raise CellError("tariff_unknown", text)


def split_tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in re.split(r"[,;]", text) if t.strip()))


def route_parts(text: str) -> list[str]:
    return [p for p in _POINT_SPLIT.split(text.strip()) if p]


def is_address(part: str) -> bool:
    """True when a route part needs the geocoder (neither coordinates nor a named pair)."""
    if looks_like_coordinates(part):
        return False
    named = _NAMED.match(part)
    return not (named and looks_like_coordinates(named.group("coords")))


def addresses(text: str) -> list[str]:
    """The parts of a route cell the geocoder must resolve."""
    return [p for p in route_parts(text) if is_address(p)]


def parse_route(text: str, places: Mapping[str, RoutePoint | None]) -> list[RoutePoint]:
    """The route points of a cell; ``places`` holds the geocoder's answer per address
    (None: nothing found)."""
    points: list[RoutePoint] = []
    for part in route_parts(text):
        try:
            if looks_like_coordinates(part):
                lat, lon = parse_coordinates(part)
                points.append(RoutePoint(format_coordinates(lat, lon), lat, lon))
                continue
            named = _NAMED.match(part)
            if named and looks_like_coordinates(named.group("coords")):
                lat, lon = parse_coordinates(named.group("coords"))
                name = named.group("name").strip() or format_coordinates(lat, lon)
                points.append(RoutePoint(name, lat, lon))
                continue
        except CoordinateError:
            raise CellError("coordinates", part) from None
        if part not in places:
            raise CellError("address_unchecked", part)
        found = places[part]
        if found is None:
            raise CellError("address_not_found", part)
        points.append(found)
    return points


def msk_now() -> datetime:
    return clock.now().astimezone(MSK)


__all__ = [
    "KNOWN_TARIFFS",
    "MIN_DATEOFF",
    "CellError",
    "addresses",
    "check_dateoff",
    "is_address",
    "msk_now",
    "parse_date",
    "parse_route",
    "parse_tariff",
    "route_parts",
    "split_tags",
]

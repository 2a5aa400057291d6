"""Ad-hoc route planning without Qt: great-circle legs, the speed a leg needs, and reading
coordinates however a dispatcher pastes them.

* :func:`haversine_km` — the great-circle distance on a sphere of the mean Earth radius.
  Roads are longer (typically 1.2–1.4×), so a leg flagged here is certainly impossible,
  one that passes is only *possibly* fine.
* :func:`plan_legs` — for each point, the leg that ends there: distance, the time the plan
  allows, the average speed it requires and whether that is above :data:`TRUCK_MAX_KMH`.
* :func:`parse_coordinates` — ``(lat, lon)`` from ``55.7558, 37.6173``, ``55,7558 37,6173``
  (comma decimals), ``55.7558;37.6173``, ``55°45'20.9"N 37°37'02.3"E``, ``N55.7558 E37.6173``,
  ``55.7558 с.ш. 37.6173 в.д.`` and Yandex / Google / OpenStreetMap / 2GIS map links. Bad
  text raises :class:`CoordinateError` (a ValueError) whose ``reason`` is a key the UI
  turns into a translated sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
TRUCK_MAX_KMH = 80.0  # above this average a loaded truck cannot keep the plan
SAME_PLACE_KM = 0.5  # legs shorter than this need no time at all


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Leg:
    """The way to one point from the one before it (or from the start fix)."""

    distance_km: float
    hours: float | None  # time the plan allows; None when a time is missing

    @property
    def speed_kmh(self) -> float | None:
        """The average speed the plan requires; ``inf`` when no time is left at all."""
        if self.hours is None:
            return None
        if self.hours <= 0:
            return math.inf if self.distance_km > SAME_PLACE_KM else None
        return self.distance_km / self.hours

    @property
    def too_fast(self) -> bool:
        """True when a truck cannot make it (average above :data:`TRUCK_MAX_KMH`)."""
        speed = self.speed_kmh
        return speed is not None and speed > TRUCK_MAX_KMH


Stop = tuple[float | None, float | None, datetime | None]  # lat, lon, planned time


def plan_legs(stops: Sequence[Stop], start: Stop | None = None) -> list[Leg | None]:
    """One entry per stop: the leg ending there, or None where there is none.

    The first stop has a leg only when ``start`` (the subscriber's current fix) is given.
    A stop without coordinates has no leg and breaks the chain for the next one.
    """
    legs: list[Leg | None] = []
    previous = start
    for stop in stops:
        lat, lon, when = stop
        leg = None
        if previous is not None and None not in (previous[0], previous[1], lat, lon):
            distance = haversine_km(previous[0], previous[1], lat, lon)  # type: ignore[arg-type]
            hours = None
            if previous[2] is not None and when is not None:
                hours = (when - previous[2]).total_seconds() / 3600
            leg = Leg(distance, hours)
        legs.append(leg)
        previous = stop
    return legs


PLANNING_KMH = 60.0  # the pace assumed when suggesting an arrival time


def suggest_arrival(previous: datetime | None, distance_km: float, now: datetime) -> datetime:
    """A default arrival for a new point: the previous planned time plus the leg at
    :data:`PLANNING_KMH` plus half an hour, rounded up to a half hour; never before the
    next full hour after ``now`` (which is also the answer when nothing came before)."""
    floor = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if previous is None:
        return floor
    moment = previous + timedelta(hours=distance_km / PLANNING_KMH + 0.5)
    rounded = moment.replace(minute=0, second=0, microsecond=0)
    while rounded < moment:
        rounded += timedelta(minutes=30)
    return max(rounded, floor)


# --- coordinates -------------------------------------------------------------------------


class CoordinateError(ValueError):
    """Text that is not a pair of coordinates; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


REASONS = ("empty", "count", "garbage", "minutes", "lat_range", "lon_range", "axes", "link")

_HEMI = "NSEWСЮВЗ"
_SOUTH_WEST = set("SWЮЗ")
_NUM = r"\d{1,3}(?:[.,]\d+)?"
_DMS = (rf"(?P<sign>[-+])?\s*(?P<deg>{_NUM})\s*"
        rf"(?:°\s*(?:(?P<min>\d{{1,2}}(?:[.,]\d+)?)\s*'\s*"
        rf"(?:(?P<sec>\d{{1,2}}(?:[.,]\d+)?)\s*\"\s*)?)?)?")
# Hemisphere letters go either all before the numbers (N55 E37) or all after (55N 37E).
_PREFIXED = re.compile(rf"(?P<pre>[{_HEMI}])\s*{_DMS}", re.IGNORECASE)
_SUFFIXED = re.compile(rf"{_DMS}(?P<post>[{_HEMI}](?![A-ZА-Я]))?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;/|()\[\]]*")
_RU_HEMI = ((re.compile(r"с\.?\s*ш\.?", re.I), "N"), (re.compile(r"ю\.?\s*ш\.?", re.I), "S"),
            (re.compile(r"в\.?\s*д\.?", re.I), "E"), (re.compile(r"з\.?\s*д\.?", re.I), "W"))
_LOOKS_LIKE = re.compile(rf"^[\d\s.,;°'\"+\-/|()\[\]{_HEMI}]+$", re.IGNORECASE)


def _normalize(text: str) -> str:
    text = text.strip()
    for old, new in (("′", "'"), ("’", "'"), ("‘", "'"), ("″", '"'), ("”", '"'), ("“", '"'),
                     ("''", '"'), ("º", "°"), ("˚", "°"), ("−", "-"), ("–", "-"), ("\u00a0", " ")):
        text = text.replace(old, new)
    for pattern, letter in _RU_HEMI:
        text = pattern.sub(letter, text)
    return text


def _number(text: str | None) -> float:
    return float(text.replace(",", ".")) if text else 0.0


def looks_like_coordinates(text: str) -> bool:
    """True for map links and for text made only of numbers, degree marks and N/S/E/W —
    what a dispatcher pastes meaning a position rather than an address."""
    text = _normalize(text)
    if _is_link(text):
        return True
    return bool(_LOOKS_LIKE.match(text)) and sum(c.isdigit() for c in text) >= 2


def _is_link(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith(("http://", "https://", "www.", "yandex.", "maps.", "google.",
                               "2gis.", "openstreetmap.")) and " " not in lowered


def _check_range(lat: float, lon: float) -> tuple[float, float]:
    if not -90 <= lat <= 90:
        raise CoordinateError("lat_range", f"latitude {lat} is not between -90 and 90")
    if not -180 <= lon <= 180:
        raise CoordinateError("lon_range", f"longitude {lon} is not between -180 and 180")
    return lat, lon


def parse_coordinates(text: str) -> tuple[float, float]:
    """``(lat, lon)`` from pasted text in any common format; raises CoordinateError."""
    text = _normalize(text)
    if not text:
        raise CoordinateError("empty", "no coordinates given")
    if _is_link(text):
        return _from_link(text)
    components = []
    position = 0
    prefixed = text[0].upper() in _HEMI
    for match in (_PREFIXED if prefixed else _SUFFIXED).finditer(text):
        if _SEPARATORS.fullmatch(text, position, match.start()) is None:
            raise CoordinateError("garbage", f"unexpected text: {text[position:match.start()]!r}")
        components.append(match)
        position = match.end()
    if _SEPARATORS.fullmatch(text, position) is None:
        raise CoordinateError("garbage", f"unexpected text: {text[position:]!r}")
    if len(components) != 2:
        raise CoordinateError("count", f"expected two numbers, found {len(components)}")
    values: list[tuple[float, str | None]] = []
    for match in components:
        degrees, minutes, seconds = (match.group(k) for k in ("deg", "min", "sec"))
        if minutes and ("." in degrees or "," in degrees):
            raise CoordinateError("minutes", "degrees with a fraction cannot have minutes")
        if _number(minutes) >= 60 or _number(seconds) >= 60:
            raise CoordinateError("minutes", "minutes and seconds must be below 60")
        value = _number(degrees) + _number(minutes) / 60 + _number(seconds) / 3600
        hemi = (match.group("pre" if prefixed else "post") or "").upper() or None
        if match.group("sign") == "-":
            if hemi:
                raise CoordinateError("garbage", "a minus sign together with a hemisphere")
            value = -value
        elif hemi in _SOUTH_WEST:
            value = -value
        values.append((value, hemi))
    (first, hemi1), (second, hemi2) = values
    axis1 = None if hemi1 is None else ("lat" if hemi1 in "NSСЮ" else "lon")
    axis2 = None if hemi2 is None else ("lat" if hemi2 in "NSСЮ" else "lon")
    if axis1 is not None and axis1 == axis2:
        raise CoordinateError("axes", "both numbers are latitudes or both longitudes")
    if axis1 == "lon" or axis2 == "lat":
        first, second = second, first
    return _check_range(first, second)


_DOT_PAIR = re.compile(r"([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)")


def _pair(value: str, *, lon_first: bool = False) -> tuple[float, float] | None:
    match = _DOT_PAIR.search(value)
    if match is None:
        return None
    a, b = float(match.group(1)), float(match.group(2))
    return _check_range(b, a) if lon_first else _check_range(a, b)


def _from_link(text: str) -> tuple[float, float]:
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower()
    query = {k.lower(): v[0] for k, v in parse_qs(parts.query).items() if v}
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    found: tuple[float, float] | None = None
    if "yandex" in host or "ya.ru" in host:  # ll, pt, whatshere[point] are lon,lat
        for key in ("whatshere[point]", "pt", "ll"):
            if key in query and (found := _pair(query[key], lon_first=True)):
                break
        if found is None and (match := re.search(r"/(-?\d+\.\d+),(-?\d+\.\d+)", path)):
            found = _check_range(float(match.group(2)), float(match.group(1)))
    elif "2gis" in host:  # m=lon,lat/zoom
        found = _pair(query.get("m", ""), lon_first=True)
    elif "openstreetmap" in host or "osm.org" in host:
        if "mlat" in query and "mlon" in query:
            found = _check_range(_number(query["mlat"]), _number(query["mlon"]))
        elif match := re.search(r"map=\d+/(-?\d+\.?\d*)/(-?\d+\.?\d*)", fragment):
            found = _check_range(float(match.group(1)), float(match.group(2)))
    else:  # Google and everyone else: lat,lon
        place = re.search(r"!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)", path)
        if place:
            found = _check_range(float(place.group(1)), float(place.group(2)))
        for key in ("q", "query", "destination", "ll", "center"):
            if found is None and key in query:
                found = _pair(query[key])
        if found is None and (match := re.search(r"@(-?\d+\.\d+),(-?\d+\.\d+)", path)):
            found = _check_range(float(match.group(1)), float(match.group(2)))
    if found is None:
        raise CoordinateError("link", "the link holds no coordinates")
    return found


def format_coordinates(lat: float, lon: float) -> str:
    """``55.755800, 37.617300`` — what the editor shows and parses back."""
    return f"{lat:.6f}, {lon:.6f}"


__all__ = ["EARTH_RADIUS_KM", "REASONS", "TRUCK_MAX_KMH", "CoordinateError", "Leg",
           "format_coordinates", "haversine_km", "looks_like_coordinates", "parse_coordinates",
           "plan_legs", "suggest_arrival"]

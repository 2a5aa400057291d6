"""Reading coordinates however a dispatcher pastes them. No Qt.

:func:`parse_coordinates` gives ``(lat, lon)`` from ``55.7558, 37.6173``, ``55,7558 37,6173``
(comma decimals), ``55.7558;37.6173``, ``55°45'20.9"N 37°37'02.3"E``, ``N55.7558 E37.6173``,
``55.7558 с.ш. 37.6173 в.д.`` and Yandex / Google / OpenStreetMap / 2GIS map links. Bad text
raises :class:`CoordinateError` (a ValueError) whose ``reason`` is a key the UI turns into a
translated sentence. :func:`looks_like_coordinates` tells a pasted position from an address.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit


class CoordinateError(ValueError):
    """Text that is not a pair of coordinates; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


REASONS = ("empty", "count", "garbage", "minutes", "lat_range", "lon_range", "axes", "link")

_HEMI = "NSEWСЮВЗ"
_SOUTH_WEST = set("SWЮЗ")
_NUM = r"\d{1,3}(?:[.,]\d+)?"
_DMS = (
    rf"(?P<sign>[-+])?\s*(?P<deg>{_NUM})\s*"
    rf"(?:°\s*(?:(?P<min>\d{{1,2}}(?:[.,]\d+)?)\s*'\s*"
    rf"(?:(?P<sec>\d{{1,2}}(?:[.,]\d+)?)\s*\"\s*)?)?)?"
)
# Hemisphere letters go either all before the numbers (N55 E37) or all after (55N 37E).
_PREFIXED = re.compile(rf"(?P<pre>[{_HEMI}])\s*{_DMS}", re.IGNORECASE)
_SUFFIXED = re.compile(rf"{_DMS}(?P<post>[{_HEMI}](?![A-ZА-Я]))?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;/|()\[\]]*")
_RU_HEMI = (
    (re.compile(r"с\.?\s*ш\.?", re.I), "N"),
    (re.compile(r"ю\.?\s*ш\.?", re.I), "S"),
    (re.compile(r"в\.?\s*д\.?", re.I), "E"),
    (re.compile(r"з\.?\s*д\.?", re.I), "W"),
)
_LOOKS_LIKE = re.compile(rf"^[\d\s.,;°'\"+\-/|()\[\]{_HEMI}]+$", re.IGNORECASE)


def _normalize(text: str) -> str:
    text = text.strip()
    for old, new in (
        ("′", "'"),
        ("’", "'"),
        ("‘", "'"),
        ("″", '"'),
        ("”", '"'),
        ("“", '"'),
        ("''", '"'),
        ("º", "°"),
        ("˚", "°"),
        ("−", "-"),
        ("–", "-"),
        ("\u00a0", " "),
    ):
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
    return (
        lowered.startswith(
            (
                "http://",
                "https://",
                "www.",
                "yandex.",
                "maps.",
                "google.",
                "2gis.",
                "openstreetmap.",
            )
        )
        and " " not in lowered
    )


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
            raise CoordinateError("garbage", f"unexpected text: {text[position : match.start()]!r}")
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


__all__ = [
    "REASONS",
    "CoordinateError",
    "format_coordinates",
    "looks_like_coordinates",
    "parse_coordinates",
]

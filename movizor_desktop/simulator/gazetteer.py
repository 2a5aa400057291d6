"""Gazetteer: geocoding for ``distance_search`` and ``place`` names for fixes.

``search(query)`` matches case-insensitively with ё≡е, token by token. Usual
abbreviations are expanded (ул → улица, пр-т → проспект, ш → шоссе, обл → область).
"г", "д", "дом" and "Россия" are ignored. A query token hits an entry's token exactly
(weight 1) or as a prefix of at least 3 letters (weight 0.8). An entry qualifies when
every significant word of the query hits it; house numbers and generic words (улица,
область, ЦФО …) only add to the score, and a query of nothing else matches nothing.
Results come best first: by score, then by how much of the entry's own name was hit
(the city "Москва" before an address in Moscow), then by population. At most 5 are
returned. Titles are full normalized addresses: "Вятская улица, 27, Москва, ЦФО, 127015,
Россия" or "Казань, Республика Татарстан, ПФО, 420000, Россия".

``nearest_place(lat, lon)`` names a fix: the nearest city within 15 km, else
"<city> (N км)" within 50 km, else the nearest city's region ("Тверская область").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .gazetteer_data import ADDRESSES, ALIASES, CITIES
from .geo import haversine_km

__all__ = [
    "City",
    "Entry",
    "by_name",
    "cities",
    "nearest_city",
    "nearest_place",
    "search",
    "tokenize",
    "urban_level",
]


@dataclass(frozen=True, slots=True)
class City:
    name: str
    region: str
    district: str
    lat: float
    lon: float
    postcode: str
    population: int  # thousands


@dataclass(frozen=True, slots=True)
class Entry:
    title: str
    lat: float
    lon: float
    population: int
    name_tokens: frozenset[str]
    tokens: frozenset[str] = field(repr=False)


_ABBREVIATIONS = {
    "ул": "улица",
    "пр": "проспект",
    "просп": "проспект",
    "ш": "шоссе",
    "наб": "набережная",
    "пл": "площадь",
    "пер": "переулок",
    "бул": "бульвар",
    "обл": "область",
    "респ": "республика",
    "р": "район",
    "мкр": "микрорайон",
}
_STOP = frozenset({"г", "д", "дом", "город", "россия", "рф", "российская", "федерация"})
_GENERIC = frozenset(
    {
        *_ABBREVIATIONS.values(),
        "край",
        "тракт",
        "округ",
        "ао",
        "цфо",
        "сзфо",
        "пфо",
        "уфо",
        "сфо",
        "дфо",
        "юфо",
        "скфо",
    }
)
_SPLIT = re.compile(r"[^0-9a-zа-я]+")


def tokenize(text: str) -> list[str]:
    text = text.lower().replace("ё", "е")
    text = re.sub(r"\bпр-т\b", "проспект", text)
    out = []
    for token in _SPLIT.split(text):
        if not token:
            continue
        token = _ABBREVIATIONS.get(token, token)
        if token not in _STOP:
            out.append(token)
    return out


def _city_title(c: City) -> str:
    parts = [c.name] if c.region == c.name else [c.name, c.region]
    return ", ".join([*parts, c.district, c.postcode, "Россия"])


def _build() -> tuple[list[City], list[Entry], dict[str, City]]:
    cities = [City(*row) for row in CITIES]
    named = {c.name: c for c in cities}
    entries = []
    for c in cities:
        name_tokens = tokenize(c.name) + list(ALIASES.get(c.name, ()))
        extra = tokenize(c.region) + tokenize(c.district) + [c.postcode]
        entries.append(
            Entry(
                _city_title(c),
                c.lat,
                c.lon,
                c.population,
                frozenset(name_tokens),
                frozenset(name_tokens + extra),
            )
        )
    for street, city_name, postcode, lat, lon in ADDRESSES:
        c = named[city_name]
        name_tokens = tokenize(street) + tokenize(c.name) + list(ALIASES.get(c.name, ()))
        extra = [*tokenize(c.district), postcode]
        title = ", ".join([street, c.name, c.district, postcode, "Россия"])
        entries.append(
            Entry(
                title,
                lat,
                lon,
                c.population,
                frozenset(name_tokens),
                frozenset(name_tokens + extra),
            )
        )
    return cities, entries, named


_CITIES, _ENTRIES, _BY_NAME = _build()


def cities() -> list[City]:
    return list(_CITIES)


def by_name(name: str) -> City:
    """A city by its exact name (KeyError when unknown)."""
    return _BY_NAME[name]


def _hit(q: str, tokens: frozenset[str]) -> float:
    if q in tokens:
        return 1.0
    if len(q) >= 3 and not q.isdigit() and any(t.startswith(q) for t in tokens):
        return 0.8
    return 0.0


def search(query: str, limit: int = 5) -> list[Entry]:
    """Best matches for a free-text address, best first (empty when nothing qualifies)."""
    q_tokens = list(dict.fromkeys(tokenize(query or "")))
    words = [q for q in q_tokens if not q.isdigit() and q not in _GENERIC]
    if not words:
        return []
    scored = []
    for entry in _ENTRIES:
        if not all(_hit(q, entry.tokens) for q in words):
            continue
        total = sum(_hit(q, entry.tokens) for q in q_tokens)
        covered = sum(
            1 for t in entry.name_tokens if any(_hit(q, frozenset((t,))) for q in q_tokens)
        )
        coverage = covered / max(1, len(entry.name_tokens))
        scored.append((-total / len(q_tokens), -coverage, -entry.population, entry.title, entry))
    scored.sort(key=lambda row: row[:4])
    return [row[4] for row in scored[:limit]]


# -- nearest city -------------------------------------------------------------------------
# Candidates per 0.5° cell: for any point p of a cell with centre m and half-diagonal h,
# the nearest city c* satisfies d(m, c*) <= d(m, c0) + 2h, c0 being the nearest to m.

_CELL = 0.5
_CANDIDATES: dict[tuple[int, int], tuple[City, ...]] = {}


def _candidates(i: int, j: int) -> tuple[City, ...]:
    found = _CANDIDATES.get((i, j))
    if found is None:
        m_lat, m_lon = (i + 0.5) * _CELL, (j + 0.5) * _CELL
        h = haversine_km(i * _CELL, j * _CELL, m_lat, m_lon) + 0.5
        dists = [(haversine_km(m_lat, m_lon, c.lat, c.lon), c) for c in _CITIES]
        d0 = min(d for d, _ in dists)
        found = tuple(c for d, c in dists if d <= d0 + 2 * h)
        _CANDIDATES[(i, j)] = found
    return found


def nearest_city(lat: float, lon: float) -> tuple[City, float]:
    """The nearest city and the distance to it in km."""
    best: City | None = None
    best_d = float("inf")
    for c in _candidates(math.floor(lat / _CELL), math.floor(lon / _CELL)):
        d = haversine_km(lat, lon, c.lat, c.lon)
        if d < best_d:
            best, best_d = c, d
    assert best is not None
    return best, best_d


_PLACE_CACHE: dict[tuple[float, float], str] = {}
_URBAN_CACHE: dict[tuple[int, int], int] = {}
_CACHE_MAX = 200_000


def nearest_place(lat: float, lon: float) -> str:
    key = (round(lat, 3), round(lon, 3))
    place = _PLACE_CACHE.get(key)
    if place is None:
        city, d = nearest_city(lat, lon)
        if d <= 15:
            place = city.name
        elif d <= 50:
            place = f"{city.name} ({round(d)} км)"
        else:
            place = city.region
        if len(_PLACE_CACHE) >= _CACHE_MAX:
            _PLACE_CACHE.clear()
        _PLACE_CACHE[key] = place
    return place


def urban_level(lat: float, lon: float) -> int:
    """2 inside a big city (≥ 300 thousand), 1 inside a town, 0 on the open road."""
    key = (math.floor(lat * 50), math.floor(lon * 50))  # 0.02° squares
    level = _URBAN_CACHE.get(key)
    if level is None:
        city, d = nearest_city((key[0] + 0.5) / 50, (key[1] + 0.5) / 50)
        radius = 6 + 4 * math.log10(max(10, city.population))  # 10 … 23 km
        level = 0 if d > radius else (2 if city.population >= 300 else 1)
        if len(_URBAN_CACHE) >= _CACHE_MAX:
            _URBAN_CACHE.clear()
        _URBAN_CACHE[key] = level
    return level

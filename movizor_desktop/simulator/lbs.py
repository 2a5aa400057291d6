"""What the operator reports for a phone: an LBS (cell-based) position and its radius.

The country is cut into cells: about 0.7 km inside big cities, 1.3 km in towns and 3.3 km
on the open road. Each cell is served by three "sectors". A sector reports the same
position and radius every time, derived from a hash of (cell, sector). So a phone that
stands still gets a few repeated coordinates, as the captured pos_list shows. The
reported point lies within half a cell of the cell centre. The radius is random per
sector (250–1200 m in big cities, 500–2500 m in towns, 1000–5000 m on the road), at least
1.15 × the real error, and always within 250–5000 m.
"""

from __future__ import annotations

import math
import random

from .gazetteer import nearest_place, urban_level
from .geo import mix64

__all__ = ["observe"]

_CELL_DEG = {2: 0.006, 1: 0.012, 0: 0.03}
_RADIUS = {2: (250, 1200), 1: (500, 2500), 0: (1000, 5000)}
_M_PER_DEG = 111_195.0
_BITS = 1 << 21
_CELLS: dict[tuple[int, int, int, int], tuple[float, float, float, int, str]] = {}
_CACHE_MAX = 500_000


def _cell(
    ci: int, cj: int, sector: int, level: int, size: float, size_lon: float
) -> tuple[float, float, float, int, str]:
    """(lat, lon, cos(lat), base radius, place) a sector of a cell reports."""
    h = mix64(ci, cj, sector, level)
    h1, h2, h3 = (h & 0x1FFFFF) / _BITS, ((h >> 21) & 0x1FFFFF) / _BITS, (h >> 43) / _BITS
    r_lat = (ci + h1) * size
    r_lon = (cj + h2) * size_lon
    low, high = _RADIUS[level]
    found = (
        r_lat,
        r_lon,
        math.cos(math.radians(r_lat)),
        int(low + (high - low) * h3),
        nearest_place(r_lat, r_lon),
    )
    if len(_CELLS) >= _CACHE_MAX:
        _CELLS.clear()
    _CELLS[(ci, cj, sector, level)] = found
    return found


def observe(lat: float, lon: float, rng: random.Random) -> tuple[float, float, int, str]:
    """(lat, lon, radius m, place) reported for a phone truly at (lat, lon)."""
    level = urban_level(lat, lon)
    size = _CELL_DEG[level]
    ci = math.floor(lat / size)
    size_lon = size / max(0.2, math.cos(math.radians((ci + 0.5) * size)))
    cj = math.floor(lon / size_lon)
    sector = int(rng.random() * 3)
    cell = _CELLS.get((ci, cj, sector, level))
    if cell is None:
        cell = _cell(ci, cj, sector, level, size, size_lon)
    r_lat, r_lon, cos_lat, base, place = cell
    dy = (lat - r_lat) * _M_PER_DEG
    dx = (lon - r_lon) * _M_PER_DEG * cos_lat
    radius = max(base, int(math.sqrt(dx * dx + dy * dy) * 1.15))
    return r_lat, r_lon, max(250, min(5000, radius)), place

"""Small spherical geometry on a 6371 km Earth, and a fast integer hash for noise."""

from __future__ import annotations

import math

__all__ = [
    "EARTH_KM",
    "bearing",
    "gc_interpolate",
    "hash_unit",
    "haversine_km",
    "mix64",
    "offset_km",
]

EARTH_KM = 6371.0
_RAD = math.pi / 180.0
_MASK = (1 << 64) - 1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = lat1 * _RAD, lat2 * _RAD
    dp, dl = p2 - p1, (lon2 - lon1) * _RAD
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing in radians (0 = north, clockwise)."""
    p1, p2 = lat1 * _RAD, lat2 * _RAD
    dl = (lon2 - lon1) * _RAD
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.atan2(y, x)


def gc_interpolate(
    lat1: float, lon1: float, lat2: float, lon2: float, f: float
) -> tuple[float, float]:
    """The point at fraction ``f`` of the great circle from point 1 to point 2."""
    p1, l1, p2, l2 = lat1 * _RAD, lon1 * _RAD, lat2 * _RAD, lon2 * _RAD
    x1, y1, z1 = math.cos(p1) * math.cos(l1), math.cos(p1) * math.sin(l1), math.sin(p1)
    x2, y2, z2 = math.cos(p2) * math.cos(l2), math.cos(p2) * math.sin(l2), math.sin(p2)
    dot = max(-1.0, min(1.0, x1 * x2 + y1 * y2 + z1 * z2))
    omega = math.acos(dot)
    if omega < 1e-12:
        return lat1, lon1
    s = math.sin(omega)
    a, b = math.sin((1 - f) * omega) / s, math.sin(f * omega) / s
    x, y, z = a * x1 + b * x2, a * y1 + b * y2, a * z1 + b * z2
    return math.atan2(z, math.hypot(x, y)) / _RAD, math.atan2(y, x) / _RAD


def offset_km(lat: float, lon: float, north_km: float, east_km: float) -> tuple[float, float]:
    """Move a point by small distances (flat-earth approximation, fine below ~100 km)."""
    dlat = north_km / 111.195
    dlon = east_km / (111.195 * max(0.05, math.cos(lat * _RAD)))
    return lat + dlat, lon + dlon


def mix64(*values: int) -> int:
    """A splitmix64-style hash of integers: deterministic across runs and platforms."""
    h = 0x9E3779B97F4A7C15
    for v in values:
        h = (h ^ (v & _MASK)) * 0xBF58476D1CE4E5B9 & _MASK
        h ^= h >> 31
        h = (h * 0x94D049BB133111EB) & _MASK
        h ^= h >> 29
    return h


def hash_unit(*values: int) -> float:
    """A uniform float in [0, 1) from a hash of integers."""
    return (mix64(*values) >> 11) / float(1 << 53)

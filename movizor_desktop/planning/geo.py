"""Distances on the globe and on the road. No Qt.

* :func:`haversine_km` — the great-circle distance on a sphere of the mean Earth radius
  (IUGG: 6,371.0088 km). Against an ellipsoid the error stays below 0.5 %, far below the
  uncertainty of a road estimate.
* :func:`road_km` — a road distance estimated as great-circle × a *circuity* (detour)
  factor. :data:`DEFAULT_CIRCUITY` and where it comes from: ``docs/planning.md``.
* :func:`along` — the point a fraction of the way along the great circle, where the map
  marks a break or rest taken on the road.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
# Road ÷ great-circle: the mean of the Russian city pairs in docs/planning.md (1.19) to the
# nearest 0.05, in line with the literature's 1.2 (tests/planning/test_circuity.py checks).
DEFAULT_CIRCUITY = 1.2
CIRCUITY_MIN = 1.0  # a road is never shorter than the great circle
CIRCUITY_MAX = 3.0  # beyond this the estimate means nothing: a ferry, a winter road
_RAD = math.pi / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in kilometres."""
    p1, p2 = lat1 * _RAD, lat2 * _RAD
    dp, dl = p2 - p1, (lon2 - lon1) * _RAD
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def road_km(
    lat1: float, lon1: float, lat2: float, lon2: float, circuity: float = DEFAULT_CIRCUITY
) -> float:
    """The estimated road distance: great-circle × ``circuity``."""
    return haversine_km(lat1, lon1, lat2, lon2) * circuity


def check_circuity(value: float) -> float:
    """``value`` if it is a usable circuity factor; raises ValueError otherwise."""
    if not (math.isfinite(value) and CIRCUITY_MIN <= value <= CIRCUITY_MAX):
        raise ValueError(f"circuity must be between {CIRCUITY_MIN} and {CIRCUITY_MAX}: {value}")
    return value


def along(
    lat1: float, lon1: float, lat2: float, lon2: float, fraction: float
) -> tuple[float, float]:
    """The point at ``fraction`` (0…1) of the great circle from point 1 to point 2."""
    if fraction <= 0:
        return lat1, lon1
    if fraction >= 1:
        return lat2, lon2
    p1, l1, p2, l2 = lat1 * _RAD, lon1 * _RAD, lat2 * _RAD, lon2 * _RAD
    x1, y1, z1 = math.cos(p1) * math.cos(l1), math.cos(p1) * math.sin(l1), math.sin(p1)
    x2, y2, z2 = math.cos(p2) * math.cos(l2), math.cos(p2) * math.sin(l2), math.sin(p2)
    omega = math.acos(max(-1.0, min(1.0, x1 * x2 + y1 * y2 + z1 * z2)))
    if omega < 1e-12:
        return lat1, lon1
    s = math.sin(omega)
    a, b = math.sin((1 - fraction) * omega) / s, math.sin(fraction * omega) / s
    x, y, z = a * x1 + b * x2, a * y1 + b * y2, a * z1 + b * z2
    return math.atan2(z, math.hypot(x, y)) / _RAD, math.atan2(y, x) / _RAD


__all__ = [
    "CIRCUITY_MAX",
    "CIRCUITY_MIN",
    "DEFAULT_CIRCUITY",
    "EARTH_RADIUS_KM",
    "along",
    "check_circuity",
    "haversine_km",
    "road_km",
]

"""Ad-hoc trip planning without Qt.

* :mod:`.geo` — great-circle and road distances (the circuity factor);
* :mod:`.coords` — coordinates however a dispatcher pastes them;
* :mod:`.legs` — the route editor's straight-line leg check.
"""

from __future__ import annotations

from .coords import (
    REASONS,
    CoordinateError,
    format_coordinates,
    looks_like_coordinates,
    parse_coordinates,
)
from .geo import DEFAULT_CIRCUITY, EARTH_RADIUS_KM, haversine_km, road_km
from .legs import TRUCK_MAX_KMH, Leg, plan_legs, suggest_arrival

__all__ = [
    "DEFAULT_CIRCUITY", "EARTH_RADIUS_KM", "REASONS", "TRUCK_MAX_KMH", "CoordinateError",
    "Leg", "format_coordinates", "haversine_km", "looks_like_coordinates",
    "parse_coordinates", "plan_legs", "road_km", "suggest_arrival",
]

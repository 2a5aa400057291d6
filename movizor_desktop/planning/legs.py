"""The route editor's leg check: the straight-line legs of a route whose points carry
planned times, and the average speed each needs. No Qt.

* :func:`plan_legs` — for each point, the leg that ends there: great-circle distance, the
  time the plan allows, the average speed it requires and whether that is above
  :data:`TRUCK_MAX_KMH`. Roads are longer than the great circle (see :mod:`.geo`), so a
  leg flagged here is certainly impossible, one that passes only *possibly* fine.
* :func:`suggest_arrival` — a default planned time for a newly added point.

The rest-aware arrival model (:mod:`.arrival`) is what the planning workspace uses; the
route editor's check moves to it with the workspace (issue 19, part 2).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .geo import haversine_km

TRUCK_MAX_KMH = 80.0  # above this average a loaded truck cannot keep the plan
SAME_PLACE_KM = 0.5  # legs shorter than this need no time at all
PLANNING_KMH = 60.0  # the pace assumed when suggesting an arrival time


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


__all__ = ["PLANNING_KMH", "SAME_PLACE_KM", "TRUCK_MAX_KMH", "Leg", "plan_legs",
           "suggest_arrival"]

"""The route editor's leg check: the straight-line legs of a route whose points carry
planned times, the average speed each needs, and whether a truck can keep it. No Qt.

* :func:`judge_legs` — **the one feasibility check** the route editor (its table, its
  summary and its map's leg colours) calls: for each point, the leg that ends there with
  its distance, the time the plan allows, the average speed it requires and a
  :class:`LegVerdict`. Today the verdict is a flat speed rule (:func:`speed_verdict`: up to
  :data:`PLANNING_KMH` fine, up to :data:`TRUCK_MAX_KMH` tight, above that impossible).
* :func:`plan_legs` — the geometry of those legs: great-circle distance and the time the
  plan allows. Roads are longer than the great circle (see :mod:`.geo`), so a leg flagged
  impossible here is certainly impossible, one that passes only *possibly* fine.
* :func:`suggest_arrival` — a default planned time for a newly added point.

The rest-aware arrival model (:mod:`.arrival`) is what the planning workspace uses; the
route editor's check moves to it with the workspace (issue 19, part 2) by replacing
:func:`judge_legs` alone: it returns one :class:`Leg` (or None) per point, and a leg's
``verdict`` is all the table and the map read.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from .geo import haversine_km

TRUCK_MAX_KMH = 80.0  # above this average a loaded truck cannot keep the plan
SAME_PLACE_KM = 0.5  # legs shorter than this need no time at all
PLANNING_KMH = 60.0  # the pace assumed when suggesting an arrival time; above it: tight


class LegVerdict(StrEnum):
    """Whether a truck can keep the plan on one leg (the map colours a leg by it)."""

    OK = "ok"  # comfortably
    TIGHT = "tight"  # only without stops: faster than the planning pace
    IMPOSSIBLE = "impossible"  # faster than a truck can go on average
    UNKNOWN = "unknown"  # a planned time is missing


def speed_verdict(distance_km: float, hours: float | None) -> LegVerdict:
    """The flat rule: the average speed the plan needs against the planning pace and a
    truck's limit (same place, same time is fine)."""
    if hours is None:
        return LegVerdict.UNKNOWN
    if hours <= 0:
        return LegVerdict.IMPOSSIBLE if distance_km > SAME_PLACE_KM else LegVerdict.OK
    speed = distance_km / hours
    if speed > TRUCK_MAX_KMH:
        return LegVerdict.IMPOSSIBLE
    return LegVerdict.TIGHT if speed > PLANNING_KMH else LegVerdict.OK


@dataclass(frozen=True, slots=True)
class Leg:
    """The way to one point from the one before it (or from the start fix)."""

    distance_km: float
    hours: float | None  # time the plan allows; None when a time is missing
    # the judgement; by default the flat speed rule (another check passes its own)
    verdict: LegVerdict = field(default=LegVerdict.UNKNOWN, compare=False)

    def __post_init__(self) -> None:
        if self.verdict is LegVerdict.UNKNOWN and self.hours is not None:
            object.__setattr__(self, "verdict", speed_verdict(self.distance_km, self.hours))

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
        """True when a truck cannot make it (the verdict is impossible)."""
        return self.verdict is LegVerdict.IMPOSSIBLE


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


def judge_legs(stops: Sequence[Stop], start: Stop | None = None) -> list[Leg | None]:
    """The legs of a planned route with their verdicts: what the route editor shows.

    One entry per stop (None where there is no leg, as :func:`plan_legs`). This is the
    single place where feasibility is decided; swap it to change the rule everywhere.
    """
    return plan_legs(stops, start)


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


__all__ = [
    "PLANNING_KMH",
    "SAME_PLACE_KM",
    "TRUCK_MAX_KMH",
    "Leg",
    "LegVerdict",
    "judge_legs",
    "plan_legs",
    "speed_verdict",
    "suggest_arrival",
]

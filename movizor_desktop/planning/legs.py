"""The route editor's leg check, on the rest-aware arrival model. No Qt.

* :func:`judge_legs` — **the one feasibility check** the route editor (its table, its
  summary and its map's leg colours) calls: for each point, the leg that ends there with
  its straight-line distance, the time the plan allows and a :class:`LegVerdict` from the
  arrival model (:func:`~.arrival.compute_plan`): a truck driving at the configured
  :class:`~.arrival.Pace`, with the breaks and rests of the configured
  :class:`~.rules.RuleSet`, arrives by the planned time (``ok``); only at a faster legal
  average (``tight``); or not at all (``impossible``: late by :attr:`Leg.late_min`). The
  model's whole leg (:class:`~.arrival.LegResult`: road distance, arrival, breaks and
  rests) is in :attr:`Leg.result`.
* :func:`plan_legs` — the geometry of those legs alone: great-circle distance and the time
  the plan allows.
* :func:`suggest_arrival` — a default planned time for a newly added point, by the same
  model.

How a route becomes a plan (``docs/planning.md``, "The route editor"): the points run in
order from the subscriber's fix (when given) or from the first point at its planned time;
each planned time is the point's deadline, and a truck early at a point waits there until
that time (the plan's schedule), so a late leg makes the next late only if the next has no
time to spare. A point without coordinates breaks the chain: the next point with
coordinates and a planned time begins a new one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from .arrival import LegResult, Pace, PlanPoint, Start, StartKind, Verdict, compute_plan
from .driving import DriverState, drive
from .geo import haversine_km
from .rules import RuleSet, default_rule_set

SAME_PLACE_KM = 0.5  # legs shorter than this need no time at all
SLACK_MIN = 30  # a suggested arrival leaves this much to spare


class LegVerdict(StrEnum):
    """Whether a truck can keep the plan on one leg (the map colours a leg by it)."""

    OK = "ok"  # on time at the configured pace, breaks and rests counted
    TIGHT = "tight"  # late at that pace, on time at a faster legal average
    IMPOSSIBLE = "impossible"  # late even at the fastest legal average
    UNKNOWN = "unknown"  # a planned time is missing


@dataclass(frozen=True, slots=True)
class LegCheck:
    """What the editor judges with: the rest rules and the pace (from the Preferences)."""

    rules: RuleSet
    pace: Pace = field(default_factory=Pace)
    # the rule file chosen that could not be used ("" when the chosen rules are these)
    unusable_file: str = ""

    @staticmethod
    def default() -> LegCheck:
        """The shipped default rules at the default pace (read once)."""
        return _default_check()


@cache
def _default_check() -> LegCheck:
    return LegCheck(default_rule_set())


@dataclass(frozen=True, slots=True)
class Leg:
    """The way to one point from the one before it (or from the start fix)."""

    distance_km: float  # great circle
    hours: float | None  # time the plan allows; None when a time is missing
    verdict: LegVerdict = field(default=LegVerdict.UNKNOWN, compare=False)
    # the arrival model's leg (None: no timed start to drive from)
    result: LegResult | None = field(default=None, compare=False)

    @property
    def speed_kmh(self) -> float | None:
        """The straight-line average the plan allows; ``inf`` when no time is left."""
        if self.hours is None:
            return None
        if self.hours <= 0:
            return math.inf if self.distance_km > SAME_PLACE_KM else None
        return self.distance_km / self.hours

    @property
    def late_min(self) -> float:
        """Minutes late at the configured pace (0 when on time or not judged)."""
        return self.result.late_min if self.result is not None else 0.0

    @property
    def too_fast(self) -> bool:
        """True when a truck cannot make it (the verdict is impossible)."""
        return self.verdict is LegVerdict.IMPOSSIBLE

    @property
    def late(self) -> bool:
        """Late at the configured pace (tight or impossible)."""
        return self.verdict in (LegVerdict.TIGHT, LegVerdict.IMPOSSIBLE)


Stop = tuple[float | None, float | None, datetime | None]  # lat, lon, planned time


def plan_legs(stops: Sequence[Stop], start: Stop | None = None) -> list[Leg | None]:
    """One entry per stop: the leg ending there (not judged), or None where there is none.

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


def leg_verdict(result: LegResult) -> LegVerdict:
    """The editor's verdict for one leg of the arrival model."""
    if result.verdict is Verdict.NO_DEADLINE:
        return LegVerdict.UNKNOWN
    if result.verdict is Verdict.ON_TIME:
        return LegVerdict.OK
    return LegVerdict.TIGHT if result.feasible else LegVerdict.IMPOSSIBLE


def _chains(stops: Sequence[Stop], start: Stop | None) -> list[tuple[Start, list[int]]]:
    """The timed runs of the route: where each begins, and the indexes of its points."""
    chains: list[tuple[Start, list[int]]] = []
    current: list[int] | None = None
    if start is not None and start[0] is not None and start[1] is not None and start[2]:
        current = []
        chains.append((Start(start[0], start[1], start[2], StartKind.FIX), current))
    for index, (lat, lon, when) in enumerate(stops):
        if lat is None or lon is None:
            current = None  # the chain breaks here
        elif current is not None:
            current.append(index)
        elif when is not None:  # a new chain begins at this point, at its planned time
            current = []
            chains.append((Start(lat, lon, when), current))
    return [chain for chain in chains if chain[1]]


def judge_legs(
    stops: Sequence[Stop], start: Stop | None = None, check: LegCheck | None = None
) -> list[Leg | None]:
    """The legs of a planned route with their verdicts: what the route editor shows.

    One entry per stop (None where there is no leg, as :func:`plan_legs`), judged by the
    arrival model with ``check`` (the shipped default rules at the default pace when
    None). This is the single place where feasibility is decided.
    """
    check = check if check is not None else LegCheck.default()
    legs = plan_legs(stops, start)
    for origin, indexes in _chains(stops, start):
        points = []
        for index in indexes:
            lat, lon, when = stops[index]
            assert lat is not None and lon is not None
            points.append(PlanPoint(str(index), lat, lon, earliest=when, latest=when))
        plan = compute_plan(origin, points, check.rules, check.pace)
        for index, result in zip(indexes, plan.legs, strict=True):
            leg = legs[index]
            if leg is not None:
                legs[index] = replace(leg, verdict=leg_verdict(result), result=result)
    return legs


def suggest_arrival(
    previous: datetime | None, distance_km: float, now: datetime, check: LegCheck | None = None
) -> datetime:
    """A default arrival for a new point: the previous planned time, plus the drive of a
    rested driver over the road (``distance_km`` is the straight line) with its breaks and
    rests, plus half an hour, rounded up to a half hour; never before the next full hour
    after ``now`` (which is also the answer when nothing came before)."""
    floor = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if previous is None:
        return floor
    check = check if check is not None else LegCheck.default()
    road = distance_km * check.pace.circuity
    driving = drive(DriverState(), check.rules, check.pace.driving_min(road))
    moment = previous + timedelta(minutes=driving + SLACK_MIN)
    rounded = moment.replace(minute=0, second=0, microsecond=0)
    while rounded < moment:
        rounded += timedelta(minutes=30)
    return max(rounded, floor)


__all__ = [
    "SAME_PLACE_KM",
    "Leg",
    "LegCheck",
    "LegVerdict",
    "judge_legs",
    "leg_verdict",
    "plan_legs",
    "suggest_arrival",
]

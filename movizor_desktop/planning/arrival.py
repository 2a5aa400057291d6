"""The arrival model: when a truck reaches each point of a plan, counting the driver's
mandatory breaks and rests, the time windows and the time spent at each point. No Qt.

:func:`compute_plan` takes a :class:`Start` (a place and a departure time, a truck's live
fix with its LBS accuracy, or the end of its current route with the planned arrival), the
:class:`PlanPoint` list (each with an optional window, earliest and latest arrival, and a
dwell time), a :class:`~.rules.RuleSet` and a :class:`Pace`, and gives one
:class:`LegResult` per point:

1. the road distance (great circle × circuity) and the driving time at the pace's speed;
2. the drive, with the breaks and rests the rules demand put in (:mod:`.driving`), each
   with its times and where on the way it falls, so a map can mark it;
3. the arrival; the verdict against the window (on time, or late by how much);
4. at the point: the stops owed on arrival (a leg that ended exactly at a limit), waiting
   for the window to open (which is rest), the dwell (which is work), and the departure.

At the last point the plan ends: nothing is owed there. ``docs/planning.md`` has a worked
example. Everything is pure computation on the values given: ``now`` is always passed in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from ..api.encoding import validate_coord
from .driving import DriverState, StopKind, drive, idle, settle, work
from .geo import DEFAULT_CIRCUITY, along, check_circuity, haversine_km
from .rules import RuleSet

DEFAULT_SPEED_KMH = 60.0  # a loaded truck's average on Russian intercity roads
FEASIBLE_KMH = 70.0  # traffic rules item 10.3: trucks over 3.5 t outside towns
SPEED_MIN_KMH = 5.0
SPEED_MAX_KMH = 130.0
SAME_PLACE_KM = 0.5  # a leg shorter than this needs no time to be feasible
REQUIRED_MAX_KMH = 1000.0  # beyond this a required speed is reported as infinite
DWELL_MAX_MIN = 7 * 24 * 60


@dataclass(frozen=True, slots=True)
class Pace:
    """How a truck moves: its average speed, the detour factor, the feasibility limit."""

    speed_kmh: float = DEFAULT_SPEED_KMH
    circuity: float = DEFAULT_CIRCUITY
    feasible_kmh: float = FEASIBLE_KMH

    def __post_init__(self) -> None:
        for name in ("speed_kmh", "feasible_kmh"):
            value = getattr(self, name)
            if not (math.isfinite(value) and SPEED_MIN_KMH <= value <= SPEED_MAX_KMH):
                raise ValueError(
                    f"{name} must be between {SPEED_MIN_KMH:g} and {SPEED_MAX_KMH:g} km/h: {value}"
                )
        check_circuity(self.circuity)

    def road_km(self, lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        return haversine_km(lat1, lon1, lat2, lon2) * self.circuity

    def driving_min(self, road_km: float) -> float:
        return road_km / self.speed_kmh * 60.0


class StartKind(StrEnum):
    PLACE = "place"  # an address or coordinates and a departure time
    FIX = "fix"  # a truck's live position, leaving now
    ROUTE_END = "route_end"  # the end of a truck's current route, at its planned arrival


def _aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime")
    return moment


@dataclass(frozen=True, slots=True)
class Start:
    """Where and when the trip begins."""

    lat: float
    lon: float
    time: datetime  # aware
    kind: StartKind = StartKind.PLACE
    text: str = ""
    accuracy_m: float | None = None  # LBS radius of a live fix
    driver: DriverState | None = None  # None: a rested driver

    def __post_init__(self) -> None:
        _aware(self.time, "the start time")

    @classmethod
    def from_fix(
        cls,
        lat: float,
        lon: float,
        now: datetime,
        *,
        accuracy_m: float | None = None,
        text: str = "",
    ) -> Start:
        """A truck at its live fix, setting off ``now``."""
        return cls(lat, lon, now, StartKind.FIX, text, accuracy_m)

    @classmethod
    def from_route_end(
        cls, lat: float, lon: float, planned: datetime, now: datetime, *, text: str = ""
    ) -> Start:
        """A truck finishing a route: free at its last point at the planned arrival (or
        ``now``, if that has passed)."""
        return cls(lat, lon, max(planned, now), StartKind.ROUTE_END, text)


@dataclass(frozen=True, slots=True)
class PlanPoint:
    """A point of the trip: where, its window (either end may be open) and the dwell."""

    text: str
    lat: float
    lon: float
    earliest: datetime | None = None
    latest: datetime | None = None
    dwell_min: float = 0.0

    def __post_init__(self) -> None:
        validate_coord(self.lat, self.lon)
        for name in ("earliest", "latest"):
            value = getattr(self, name)
            if value is not None:
                _aware(value, name)
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError("the window closes before it opens")
        if not (math.isfinite(self.dwell_min) and 0 <= self.dwell_min <= DWELL_MAX_MIN):
            raise ValueError(f"dwell must be 0..{DWELL_MAX_MIN} minutes: {self.dwell_min}")


class Verdict(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NO_DEADLINE = "no_deadline"  # the point has no latest arrival


@dataclass(frozen=True, slots=True)
class PlannedStop:
    """A break or rest, with its times and where it is taken."""

    kind: StopKind
    start: datetime
    end: datetime
    lat: float
    lon: float
    at_point: bool  # owed on arrival, taken at the point (else on the road)

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


@dataclass(frozen=True, slots=True)
class LegResult:
    """The way to one point and what happens there."""

    index: int  # the point this leg ends at
    great_circle_km: float
    distance_km: float  # road estimate
    driving_min: float
    departure: datetime  # from the previous point (or the start)
    arrival: datetime
    stops: tuple[PlannedStop, ...]  # on the road, then those taken at the point
    wait_min: float  # for the window to open
    service_start: datetime  # the dwell begins
    leave: datetime  # departure from this point after the dwell
    verdict: Verdict
    late_min: float  # > 0 only when late
    required_kmh: float | None  # the lowest average keeping the window, stops counted
    feasible: bool  # required_kmh within the pace's feasible limit (None: no deadline)
    uncertainty_km: float = 0.0  # the start fix's LBS radius, as road km (first leg)

    @property
    def breaks(self) -> list[PlannedStop]:
        return [s for s in self.stops if s.kind is StopKind.BREAK]

    @property
    def rests(self) -> list[PlannedStop]:
        return [s for s in self.stops if s.kind is StopKind.REST]

    @property
    def late(self) -> timedelta:
        return timedelta(minutes=self.late_min)


@dataclass(frozen=True, slots=True)
class PlanResult:
    start: Start
    legs: tuple[LegResult, ...]
    rules_id: str
    pace: Pace = field(default_factory=Pace)

    @property
    def distance_km(self) -> float:
        return sum(leg.distance_km for leg in self.legs)

    @property
    def driving_min(self) -> float:
        return sum(leg.driving_min for leg in self.legs)

    @property
    def finish(self) -> datetime:
        """When the truck leaves the last point (the start time for an empty plan)."""
        return self.legs[-1].leave if self.legs else self.start.time

    @property
    def on_time(self) -> bool:
        return all(leg.verdict is not Verdict.LATE for leg in self.legs)

    @property
    def feasible(self) -> bool:
        return all(leg.feasible for leg in self.legs)

    @property
    def stops(self) -> list[PlannedStop]:
        return [s for leg in self.legs for s in leg.stops]


def verdict(arrival: datetime, latest: datetime | None) -> tuple[Verdict, float]:
    """The verdict for an arrival against a deadline, and the minutes late."""
    if latest is None:
        return Verdict.NO_DEADLINE, 0.0
    late = (arrival - latest).total_seconds() / 60
    return (Verdict.LATE, late) if late > 0 else (Verdict.ON_TIME, 0.0)


def required_kmh(
    road_km: float, budget_min: float | None, state: DriverState, rules: RuleSet
) -> float | None:
    """The lowest average speed at which a driver in ``state`` covers ``road_km`` within
    ``budget_min`` minutes *with* the breaks and rests the rules demand at that speed (a
    faster drive may need fewer); ``inf`` when no speed will do; None without a deadline.
    Found by bisection: the time a drive takes never grows with the speed."""
    if budget_min is None:
        return None
    if road_km <= SAME_PLACE_KM:
        return 0.0

    def fits(speed: float) -> bool:
        return drive(state.copy(), rules, road_km / speed * 60.0) <= budget_min + 1e-9

    if budget_min <= 0 or not fits(REQUIRED_MAX_KMH):
        return math.inf
    low, high = 0.0, REQUIRED_MAX_KMH
    while high - low > 1e-3:
        middle = (low + high) / 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return high


def compute_plan(
    start: Start, points: Sequence[PlanPoint], rules: RuleSet, pace: Pace | None = None
) -> PlanResult:
    """The whole trip, leg by leg (see the module docstring)."""
    pace = pace if pace is not None else Pace()
    state = start.driver.copy() if start.driver is not None else DriverState()
    t0 = start.time
    now_min = 0.0  # minutes after t0
    prev_lat, prev_lon = start.lat, start.lon
    legs: list[LegResult] = []
    last = len(points) - 1
    for index, point in enumerate(points):
        gc_km = haversine_km(prev_lat, prev_lon, point.lat, point.lon)
        road = gc_km * pace.circuity
        minutes = pace.driving_min(road)
        stops: list[PlannedStop] = []
        departure_min = now_min
        a_lat, a_lon = prev_lat, prev_lon

        def on_road(
            kind: StopKind,
            at: float,
            duration: float,
            fraction: float,
            base: float = departure_min,
            a: tuple[float, float] = (a_lat, a_lon),
            b: tuple[float, float] = (point.lat, point.lon),
            sink: list[PlannedStop] = stops,
        ) -> None:
            lat, lon = along(a[0], a[1], b[0], b[1], fraction)
            sink.append(
                PlannedStop(
                    kind,
                    t0 + timedelta(minutes=base + at),
                    t0 + timedelta(minutes=base + at + duration),
                    lat,
                    lon,
                    False,
                )
            )

        before = state.copy()  # the driver as the leg begins (for the required speed)
        elapsed = drive(state, rules, minutes, on_road)
        arrival_min = departure_min + elapsed
        arrival = t0 + timedelta(minutes=arrival_min)
        cursor = arrival_min
        more = index < last  # at the last point the trip ends: nothing is owed there

        def at_point(
            base: float, p: PlanPoint = point, sink: list[PlannedStop] = stops
        ) -> Callable[[StopKind, float, float, float], None]:
            def record(kind: StopKind, at: float, duration: float, _fraction: float) -> None:
                sink.append(
                    PlannedStop(
                        kind,
                        t0 + timedelta(minutes=base + at),
                        t0 + timedelta(minutes=base + at + duration),
                        p.lat,
                        p.lon,
                        True,
                    )
                )

            return record

        if more:  # owed stops, taken on arrival (they overlap any wait)
            cursor += settle(state, rules, at_point(cursor))
        wait = 0.0
        if point.earliest is not None:
            opens = (point.earliest - t0).total_seconds() / 60
            wait = max(0.0, opens - cursor)
            idle(state, rules, wait)
            cursor += wait
        service_min = cursor
        work(state, point.dwell_min)
        cursor += point.dwell_min
        if more:  # a long dwell may end the working day: rest before leaving
            cursor += settle(state, rules, at_point(cursor))
        judged, late = verdict(arrival, point.latest)
        departure = t0 + timedelta(minutes=departure_min)
        budget = None if point.latest is None else (point.latest - departure).total_seconds() / 60
        needed = required_kmh(road, budget, before, rules)
        uncertainty = 0.0
        if index == 0 and start.accuracy_m:
            uncertainty = start.accuracy_m / 1000 * pace.circuity
        legs.append(
            LegResult(
                index=index,
                great_circle_km=gc_km,
                distance_km=road,
                driving_min=minutes,
                departure=departure,
                arrival=arrival,
                stops=tuple(stops),
                wait_min=wait,
                service_start=t0 + timedelta(minutes=service_min),
                leave=t0 + timedelta(minutes=cursor),
                verdict=judged,
                late_min=late,
                required_kmh=needed,
                feasible=needed is None or needed <= pace.feasible_kmh,
                uncertainty_km=uncertainty,
            )
        )
        now_min = cursor
        prev_lat, prev_lon = point.lat, point.lon
    return PlanResult(start, tuple(legs), rules.id, pace)


def first_arrival(
    start: Start, point: PlanPoint, rules: RuleSet, pace: Pace
) -> tuple[float, datetime]:
    """Road km and arrival at ``point`` from ``start`` — the fast path of the ranking (no
    stops recorded, nothing else computed)."""
    state = start.driver.copy() if start.driver is not None else DriverState()
    road = haversine_km(start.lat, start.lon, point.lat, point.lon) * pace.circuity
    elapsed = drive(state, rules, road / pace.speed_kmh * 60.0)
    return road, start.time + timedelta(minutes=elapsed)


__all__ = [
    "DEFAULT_SPEED_KMH",
    "FEASIBLE_KMH",
    "LegResult",
    "Pace",
    "PlanPoint",
    "PlanResult",
    "PlannedStop",
    "Start",
    "StartKind",
    "Verdict",
    "compute_plan",
    "first_arrival",
    "required_kmh",
    "verdict",
]

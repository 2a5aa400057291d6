"""Which truck can make it: every candidate ranked by its feasible arrival at the plan's
first point. No Qt.

A candidate is every *active* subscriber (status ``ok``: Movizor locates it) with a fix:

* a truck **on a trip** (its route has a point not yet reached) starts from its route's
  last point when it is free: at the planned time of that point, or later when Movizor's
  own forecast says so (now + the hours it forecasts to the end), or now if both passed;
* any other truck starts from its **live fix**, now, with the fix's LBS accuracy.

For each, the first leg is driven with the rules' breaks and rests (:func:`.arrival.
first_arrival`), and the candidates are sorted by arrival (then by distance). Each
:class:`Candidate` carries its distance, arrival, free-from time, verdict against the
first window, and how old its fix is. :class:`CandidateFilter` narrows by tag or by a
metadata value (truck type, carrier). Rows are read duck-typed (``FleetRow``'s fields), so
this module imports nothing of ``sync``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .arrival import Pace, PlanPoint, Start, Verdict, first_arrival, verdict
from .rules import RuleSet

if TYPE_CHECKING:
    from ..fleet import FleetRow

ACTIVE_STATUSES = frozenset({"ok"})


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    """Keep trucks with any of ``tags`` (none given: any) and every metadata ``name=value``
    (values compared without case and surrounding spaces)."""

    tags: frozenset[str] = frozenset()
    metadata: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.tags and not self.metadata

    def matches(self, row: FleetRow) -> bool:
        return self.compile()(row)

    def compile(self) -> Callable[[FleetRow], bool]:
        """The filter as a function, its words folded once (for thousands of rows)."""
        wanted = {t.strip().casefold() for t in self.tags}
        pairs = [(n.strip().casefold(), v.strip().casefold()) for n, v in self.metadata]

        def matches(row: FleetRow) -> bool:
            if wanted and not any(t.strip().casefold() in wanted for t in row.tags):
                return False
            if pairs:
                meta: Mapping[str, str] = row.details.metadata if row.details is not None else {}
                folded = {k.strip().casefold(): v.strip().casefold() for k, v in meta.items()}
                return all(folded.get(name) == value for name, value in pairs)
            return True

        return matches


@dataclass(frozen=True, slots=True)
class Candidate:
    phone: str
    title: str
    start: Start
    on_trip: bool  # starts from its route's end
    distance_km: float  # road estimate to the first point
    arrival: datetime
    free_from: datetime  # when it can set off (now, or its route's end)
    verdict: Verdict  # against the first point's window
    late_min: float
    fix_time: datetime | None
    fix_age: timedelta | None  # now − the fix (None: no time known)
    accuracy_m: float | None

    @property
    def on_time(self) -> bool:
        return self.verdict is not Verdict.LATE


def _route_end(row: FleetRow) -> tuple[float, float, datetime | None] | None:
    """The last point of an unfinished route, with its planned time."""
    details = row.details
    if details is None or not details.destination:
        return None
    points = details.destination
    if all(p.timestamp_finished is not None or p.status == "finished" for p in points):
        return None
    last = points[-1]
    if last.lat is None or last.lon is None:
        return None
    return last.lat, last.lon, last.time


def candidate_start(row: FleetRow, now: datetime) -> tuple[Start, bool] | None:
    """Where and when ``row``'s truck could set off, and whether it is on a trip; None
    when it cannot be placed (no fix)."""
    end = _route_end(row)
    if end is not None:
        lat, lon, planned = end
        free = planned if planned is not None else now
        if row.forecast_hours is not None and row.forecast != "finished":
            free = max(free, now + timedelta(hours=row.forecast_hours))
        return Start.from_route_end(lat, lon, free, now), True
    if row.lat is None or row.lon is None:
        return None
    return Start.from_fix(row.lat, row.lon, now, accuracy_m=row.radius), False


def rank_candidates(
    rows: Iterable[FleetRow],
    point: PlanPoint,
    rules: RuleSet,
    *,
    now: datetime,
    pace: Pace | None = None,
    only: CandidateFilter | None = None,
    statuses: frozenset[str] = ACTIVE_STATUSES,
    limit: int | None = None,
) -> list[Candidate]:
    """The candidates for a plan whose first point is ``point``, best first."""
    pace = pace if pace is not None else Pace()
    found: list[Candidate] = []
    matches = only.compile() if only is not None and not only.empty else None
    for row in rows:
        if row.status not in statuses or (matches is not None and not matches(row)):
            continue
        placed = candidate_start(row, now)
        if placed is None:
            continue
        start, on_trip = placed
        distance, arrival = first_arrival(start, point, rules, pace)
        judged, late = verdict(arrival, point.latest)
        fix = row.fix_time
        found.append(
            Candidate(
                phone=row.phone,
                title=row.title,
                start=start,
                on_trip=on_trip,
                distance_km=distance,
                arrival=arrival,
                free_from=start.time,
                verdict=judged,
                late_min=late,
                fix_time=fix,
                fix_age=(now - fix) if fix is not None else None,
                accuracy_m=row.radius,
            )
        )
    found.sort(key=_rank_key)
    return found[:limit] if limit is not None else found


def _rank_key(candidate: Candidate) -> tuple[Any, ...]:
    return (candidate.arrival, candidate.distance_km, candidate.phone)


def stale(
    candidates: Iterable[Candidate], max_age: timedelta, *, top: int | None = None
) -> list[Candidate]:
    """The candidates (of the first ``top``) whose live fix is older than ``max_age`` or
    of unknown age: those worth a fresh position before deciding."""
    chosen = list(candidates)[:top] if top is not None else list(candidates)
    return [c for c in chosen if not c.on_trip and (c.fix_age is None or c.fix_age > max_age)]


__all__ = [
    "ACTIVE_STATUSES",
    "Candidate",
    "CandidateFilter",
    "candidate_start",
    "rank_candidates",
    "stale",
]

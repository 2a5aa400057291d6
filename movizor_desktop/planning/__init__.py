"""Ad-hoc trip planning without Qt: distances, drivers' rest rules (data files), the arrival
model, which truck can make it, and plans as data.

* :mod:`.geo` — great-circle and road distances (the circuity factor);
* :mod:`.coords` — coordinates however a dispatcher pastes them;
* :mod:`.legs` — the route editor's leg check on the arrival model (:func:`~.legs.judge_legs`);
* :mod:`.rules` — rest rule sets read from JSON, with their validity period;
* :mod:`.driving` — the driver's clock: breaks and rests put into a drive;
* :mod:`.arrival` — the arrival model: legs, stops, windows, dwell, verdicts;
* :mod:`.ranking` — candidate trucks ranked by arrival at the first point;
* :mod:`.plan` — a plan as JSON, as Movizor's ``destination[]``, and its difference from a
  truck's current route.

The facts behind the numbers, with their sources: ``docs/planning.md``. Nothing here
reads the clock: every ``now`` is passed in.
"""

from __future__ import annotations

from .arrival import (
    DEFAULT_SPEED_KMH,
    FEASIBLE_KMH,
    LegResult,
    Pace,
    PlannedStop,
    PlanPoint,
    PlanResult,
    Start,
    StartKind,
    Verdict,
    compute_plan,
)
from .coords import (
    REASONS,
    CoordinateError,
    format_coordinates,
    looks_like_coordinates,
    parse_coordinates,
)
from .driving import DriverState, StopKind
from .geo import DEFAULT_CIRCUITY, EARTH_RADIUS_KM, haversine_km, road_km
from .legs import Leg, LegCheck, LegVerdict, judge_legs, plan_legs, suggest_arrival
from .plan import Plan, PlanFormatError, RouteChange, route_change, route_points
from .ranking import Candidate, CandidateFilter, rank_candidates
from .rules import (
    DEFAULT_RULES_ID,
    RuleSet,
    RuleSetError,
    builtin_rule_sets,
    default_rule_set,
    load_rule_set,
)

__all__ = [
    "DEFAULT_CIRCUITY",
    "DEFAULT_RULES_ID",
    "DEFAULT_SPEED_KMH",
    "EARTH_RADIUS_KM",
    "FEASIBLE_KMH",
    "REASONS",
    "Candidate",
    "CandidateFilter",
    "CoordinateError",
    "DriverState",
    "Leg",
    "LegCheck",
    "LegResult",
    "LegVerdict",
    "Pace",
    "Plan",
    "PlanFormatError",
    "PlanPoint",
    "PlanResult",
    "PlannedStop",
    "RouteChange",
    "RuleSet",
    "RuleSetError",
    "Start",
    "StartKind",
    "StopKind",
    "Verdict",
    "builtin_rule_sets",
    "compute_plan",
    "default_rule_set",
    "format_coordinates",
    "haversine_km",
    "judge_legs",
    "load_rule_set",
    "looks_like_coordinates",
    "parse_coordinates",
    "plan_legs",
    "rank_candidates",
    "road_km",
    "route_change",
    "route_points",
    "suggest_arrival",
]

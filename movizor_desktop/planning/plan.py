"""A trip plan as data: saved and loaded as JSON, turned into a Movizor route, compared with
a truck's current route. No Qt.

* :class:`Plan` — a name, the points (window and dwell each), the pace and the rule set's
  id. :func:`plan_to_json` / :func:`plan_from_json` write and read it with absolute times
  (ISO 8601 with the offset); :func:`template_to_json` / :func:`template_from_json` keep the
  times relative to the plan's first time, so a template is re-timed when it is used
  (``store.plan_templates`` keeps the templates).
* :func:`route_points` — the plan as ``destination[]`` for ``object_edit`` /
  ``object_add``: each point with its planned time, the window's latest arrival where the
  point has one (the deadline Movizor then judges "late" against), else the modelled
  arrival.
* :func:`route_change` — what applying the plan changes in a truck's current route: points
  kept, re-timed or renamed, added, removed (for the confirmation before ``object_edit``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from ..api.encoding import RoutePoint
from .arrival import DEFAULT_SPEED_KMH, Pace, PlanPoint, PlanResult
from .coords import format_coordinates
from .geo import DEFAULT_CIRCUITY, haversine_km
from .rules import DEFAULT_RULES_ID

PLAN_FORMAT = "movizor-plan"
PLAN_VERSION = 1
NAME_MAX = 100
TEXT_MAX = 255  # Movizor's destination text
POINTS_MAX = 100  # a plan longer than this is not a dispatcher's trip
SAME_PLACE_KM = 0.5  # points closer than this are the same place in a route comparison
_NO_TIMES = datetime(2000, 1, 1, tzinfo=UTC)  # the anchor of a plan without times (unused)


@dataclass(frozen=True, slots=True)
class Plan:
    name: str = ""
    points: tuple[PlanPoint, ...] = ()
    speed_kmh: float = DEFAULT_SPEED_KMH
    circuity: float = DEFAULT_CIRCUITY
    rules_id: str = DEFAULT_RULES_ID

    @property
    def pace(self) -> Pace:
        return Pace(self.speed_kmh, self.circuity)

    @property
    def anchor(self) -> datetime | None:
        """The plan's first time (the earliest window end of any point), or None."""
        times = [t for p in self.points for t in (p.earliest, p.latest) if t is not None]
        return min(times) if times else None


class PlanFormatError(ValueError):
    """A plan or template document that cannot be read; ``reason`` says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# --- JSON --------------------------------------------------------------------------------


def _point_json(point: PlanPoint, anchor: datetime | None) -> dict[str, Any]:
    def when(moment: datetime | None) -> Any:
        if moment is None:
            return None
        if anchor is None:
            return moment.isoformat()
        return round((moment - anchor).total_seconds() / 60, 3)

    key = "_min" if anchor is not None else ""
    return {
        "text": point.text,
        "lat": point.lat,
        "lon": point.lon,
        f"earliest{key}": when(point.earliest),
        f"latest{key}": when(point.latest),
        "dwell_min": point.dwell_min,
    }


def _document(plan: Plan, anchor: datetime | None, kind: str) -> dict[str, Any]:
    return {
        "format": PLAN_FORMAT,
        "version": PLAN_VERSION,
        "kind": kind,
        "name": plan.name,
        "speed_kmh": plan.speed_kmh,
        "circuity": plan.circuity,
        "rules_id": plan.rules_id,
        "points": [_point_json(p, anchor) for p in plan.points],
    }


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The plan with absolute times."""
    return _document(plan, None, "plan")


def template_to_json(plan: Plan) -> dict[str, Any]:
    """The plan with its times as minutes after :attr:`Plan.anchor`."""
    return _document(plan, plan.anchor or _NO_TIMES, "template")


def _number(raw: dict[str, Any], key: str, default: float | None = None) -> float | None:
    value = raw.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PlanFormatError("type", f"{key} is not a number")
    return float(value)


def _moment(raw: dict[str, Any], key: str, anchor: datetime | None) -> datetime | None:
    if anchor is not None:
        minutes = _number(raw, f"{key}_min")
        return None if minutes is None else anchor + timedelta(minutes=minutes)
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise PlanFormatError("type", f"{key} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise PlanFormatError("time", f"{key} is not an ISO 8601 time: {value!r}") from exc
    if moment.tzinfo is None:
        raise PlanFormatError("time", f"{key} has no UTC offset: {value!r}")
    return moment


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise PlanFormatError("type", "a text is expected")
    return "".join(c if c.isprintable() else " " for c in value).strip()[:limit]


def _read(data: Any, anchor: datetime | None, kind: str) -> Plan:
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise PlanFormatError("format", "not a plan")
    if data.get("version") != PLAN_VERSION:
        raise PlanFormatError("version", f"plan version {data.get('version')!r} is not supported")
    if data.get("kind", kind) != kind:
        raise PlanFormatError("kind", f"a {data.get('kind')!r} where a {kind} was expected")
    raw_points = data.get("points")
    if not isinstance(raw_points, list) or len(raw_points) > POINTS_MAX:
        raise PlanFormatError("points", "the points are missing or too many")
    points = []
    for raw in raw_points:
        if not isinstance(raw, dict):
            raise PlanFormatError("points", "a point is not an object")
        lat, lon = _number(raw, "lat"), _number(raw, "lon")
        if lat is None or lon is None:
            raise PlanFormatError("points", "a point has no coordinates")
        try:
            points.append(
                PlanPoint(
                    _text(raw.get("text", ""), TEXT_MAX),
                    lat,
                    lon,
                    _moment(raw, "earliest", anchor),
                    _moment(raw, "latest", anchor),
                    _number(raw, "dwell_min", 0.0) or 0.0,
                )
            )
        except ValueError as exc:
            if isinstance(exc, PlanFormatError):
                raise
            raise PlanFormatError("points", str(exc)) from exc
    rules_id = data.get("rules_id", DEFAULT_RULES_ID)
    plan = Plan(
        name=_text(data.get("name", ""), NAME_MAX),
        points=tuple(points),
        speed_kmh=_number(data, "speed_kmh", DEFAULT_SPEED_KMH) or DEFAULT_SPEED_KMH,
        circuity=_number(data, "circuity", DEFAULT_CIRCUITY) or DEFAULT_CIRCUITY,
        rules_id=rules_id if isinstance(rules_id, str) and rules_id else DEFAULT_RULES_ID,
    )
    try:
        plan.pace  # noqa: B018 - validates speed and circuity
    except ValueError as exc:
        raise PlanFormatError("pace", str(exc)) from exc
    return plan


def plan_from_json(data: Any) -> Plan:
    """A plan written by :func:`plan_to_json`; raises :class:`PlanFormatError`."""
    return _read(data, None, "plan")


def template_from_json(data: Any, anchor: datetime) -> Plan:
    """A template re-timed so its first time is ``anchor``; raises PlanFormatError."""
    if anchor.tzinfo is None:
        raise ValueError("the anchor must be an aware datetime")
    return _read(data, anchor, "template")


# --- the route Movizor keeps ---------------------------------------------------------------


def _minute_up(moment: datetime) -> datetime:
    rounded = moment.replace(second=0, microsecond=0)
    return rounded if rounded == moment else rounded + timedelta(minutes=1)


def route_points(plan: Plan, result: PlanResult) -> list[RoutePoint]:
    """``destination[]`` for the plan: text (the coordinates when a point has none), place,
    and the planned time — the window's latest arrival, else the modelled arrival rounded
    up to the minute (Movizor's route times have minutes)."""
    if len(result.legs) != len(plan.points):
        raise ValueError("the result is not of this plan")
    points = []
    for point, leg in zip(plan.points, result.legs, strict=True):
        when = point.latest if point.latest is not None else _minute_up(leg.arrival)
        text = point.text.strip() or format_coordinates(point.lat, point.lon)
        points.append(RoutePoint(text[:TEXT_MAX], point.lat, point.lon, when))
    return points


class RoutePointLike(Protocol):
    """A RoutePoint, or an ``object_get`` Destination (whose coordinates may be missing)."""

    @property
    def text(self) -> str: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...
    @property
    def time(self) -> datetime | None: ...


class ChangeKind(StrEnum):
    KEPT = "kept"  # same place, text and time
    CHANGED = "changed"  # same place; the text or the time differs
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class PointChange:
    kind: ChangeKind
    old: RoutePointLike | None
    new: RoutePointLike | None
    old_index: int | None
    new_index: int | None
    text_changed: bool = False
    time_changed: bool = False

    @property
    def shift(self) -> timedelta | None:
        """How much later (negative: earlier) the new time is, when both have one."""
        if self.old is None or self.new is None or self.old.time is None or self.new.time is None:
            return None
        return self.new.time - self.old.time


@dataclass(frozen=True, slots=True)
class RouteChange:
    changes: tuple[PointChange, ...]

    @property
    def unchanged(self) -> bool:
        return all(c.kind is ChangeKind.KEPT for c in self.changes)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)


def _same_place(a: RoutePointLike, b: RoutePointLike) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) < SAME_PLACE_KM


def route_change(
    current: Sequence[RoutePointLike], planned: Sequence[RoutePointLike]
) -> RouteChange:
    """The difference, in route order: the longest common run of same-place points is kept
    or changed, the rest of the current route removed and of the plan added."""
    n, m = len(current), len(planned)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            lcs[i][j] = (
                lcs[i + 1][j + 1] + 1
                if _same_place(current[i], planned[j])
                else max(lcs[i + 1][j], lcs[i][j + 1])
            )
    changes: list[PointChange] = []
    i = j = 0
    while i < n or j < m:
        if (
            i < n
            and j < m
            and _same_place(current[i], planned[j])
            and lcs[i][j] == lcs[i + 1][j + 1] + 1
        ):
            old, new = current[i], planned[j]
            text_changed = old.text.strip() != new.text.strip()
            time_changed = _minutes(old.time) != _minutes(new.time)
            kind = ChangeKind.CHANGED if text_changed or time_changed else ChangeKind.KEPT
            changes.append(PointChange(kind, old, new, i, j, text_changed, time_changed))
            i, j = i + 1, j + 1
        elif i < n and (j >= m or lcs[i + 1][j] >= lcs[i][j + 1]):
            changes.append(PointChange(ChangeKind.REMOVED, current[i], None, i, None))
            i += 1
        else:
            changes.append(PointChange(ChangeKind.ADDED, None, planned[j], None, j))
            j += 1
    return RouteChange(tuple(changes))


def _minutes(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(second=0, microsecond=0)


__all__ = [
    "PLAN_FORMAT",
    "PLAN_VERSION",
    "ChangeKind",
    "Plan",
    "PlanFormatError",
    "PointChange",
    "RouteChange",
    "plan_from_json",
    "plan_to_json",
    "route_change",
    "route_points",
    "template_from_json",
    "template_to_json",
]

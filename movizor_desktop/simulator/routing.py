"""Routes as the server sees them: remaining distance, ETA, point statuses, motion events.

These values are recomputed only at fixes, because the server knows a truck only through
its fixes.

* ``distance`` is the road km left to the last point, as a string of an integer.
  ``distance_forecast_time`` is that distance at an average 50 km/h, in whole hours (a
  string), close to the captures (470 km → "10", 1044 km → "21").
* A point is ``finished`` (with ``timestamp_finished``) at the first fix after the truck
  comes within 3 km of it, points being finished in order. Each finished point emits
  pos_finished. An unfinished point is ``ok`` or ``late`` depending on whether the ETA
  meets its planned time. A point without a planned time counts as ``ok``. Points stay
  ``new`` until the first fix after the route is set.
* ``distance_forecast_status`` is the status of the next unfinished point, or
  ``finished``. It emits pos_late when it becomes late, and pos_ok when it goes from late
  back to ok. When the whole route is finished, fixes carry "0" / "0" / "finished".
  object_get then shows ``distance`` 0 and null ETA fields, as in the capture.
* Motion events at fixes: onroute at the first fix after a route is set; onparking and
  offparking when the observed parked state changes; leftroute and returnroute when the
  truck is seen more than 2 km off the road or back on it.
* Setting a route rebuilds the plan from where the truck truly is. A parked truck
  leaves 5–40 min later, a moving one at once. Clearing the route leaves the truck where
  it stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import RoutePoint, Subscriber
from .motion import State, build_plan

if TYPE_CHECKING:
    from .world import World

__all__ = ["observe", "set_route", "true_state"]

AVG_KMH = 50.0
FINISH_KM = 3.0


def true_state(sub: Subscriber, t: int) -> State:
    if sub.plan is not None:
        return sub.plan.state(t)
    return State(sub.home[0], sub.home[1], 0.0, True, False)


def set_route(sub: Subscriber, points: list[RoutePoint], now: int) -> None:
    state = true_state(sub, now)
    sub.route = points
    sub.route_info = None
    sub.forecast = None
    sub.route_announced = False
    sub.obs_off_route = False
    if points:
        depart = now if not state.parked else now + sub.rng.randint(5 * 60, 40 * 60)
        sub.plan = build_plan(
            sub.rng, (state.lat, state.lon), [(p.lat, p.lon) for p in points], depart
        )
    else:
        sub.plan = None
        sub.home = (state.lat, state.lon)


def observe(
    w: World, sub: Subscriber, t: int, state: State
) -> tuple[str | None, str | None, str | None]:
    """Update what the server knows at a fix; return (distance, ETA hours, status)."""
    phone = sub.phone
    if sub.obs_parked is not None and state.parked != sub.obs_parked:
        w.emit(phone, "onparking" if state.parked else "offparking", t)
    sub.obs_parked = state.parked
    if not sub.route or sub.plan is None:
        return None, None, None
    if not sub.route_announced:
        sub.route_announced = True
        w.emit(phone, "onroute", t)
    if state.off_route != sub.obs_off_route:
        w.emit(phone, "leftroute" if state.off_route else "returnroute", t)
        sub.obs_off_route = state.off_route
    plan, s = sub.plan, state.s
    first_open = None
    for j, point in enumerate(sub.route):
        if point.status == "finished":
            continue
        if first_open is None and s >= plan.point_s[j] - FINISH_KM:
            point.status, point.finished = "finished", t
            w.emit(phone, "pos_finished", t)
            continue
        if first_open is None:
            first_open = j
        eta = t + max(0.0, plan.point_s[j] - s) / AVG_KMH * 3600
        point.status = "ok" if point.time is None or eta <= point.time else "late"
    if first_open is None:
        sub.forecast = "finished"
        return "0", "0", "finished"
    status = sub.route[first_open].status
    if status == "late" and sub.forecast != "late":
        w.emit(phone, "pos_late", t)
    elif status == "ok" and sub.forecast == "late":
        w.emit(phone, "pos_ok", t)
    sub.forecast = status
    remaining = max(0.0, plan.total_km - s)
    return str(round(remaining)), str(round(remaining / AVG_KMH)), status

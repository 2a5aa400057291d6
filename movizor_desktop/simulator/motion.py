"""How a truck moves: a precomputed, queryable plan along its route.

A :class:`Plan` is built once, when a route is set. It can then answer "where is the truck
at time t" in microseconds by bisecting its lists, without any stepping.

* Path. Each leg follows the great circle from the previous point to the next one. Its
  vertices are about every 20 km, shifted sideways by a smooth random curve (two or three
  sine modes) plus a little jitter, so the track looks like a road. The distance along
  the road is the polyline length scaled so that the leg is 1.2–1.3 times the
  great-circle distance.
* Timeline. The truck waits at its start until ``depart`` and drives at 55–80 km/h. After
  every 3–4.5 h of driving it parks for 20–90 min. At every intermediate route point it
  stays 40–150 min (unloading), and after the last one it stays parked for good. About one
  drive stint in eight contains a 25–50 min detour: the truck runs parallel to the road,
  up to 6–15 km off it, and is "off route" while more than 2 km away (events leftroute
  and returnroute).
* ``arrivals[i]`` is when the truck reaches route point ``i``. The seed uses it to make
  planned times that some trucks meet and some miss.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from typing import NamedTuple

from .geo import bearing, gc_interpolate, haversine_km, offset_km

__all__ = ["Plan", "State", "build_plan"]

_NEVER = float("inf")
_OFF_ROUTE_KM = 2.0


class State(NamedTuple):
    lat: float
    lon: float
    s: float  # road km from the start of the plan
    parked: bool
    off_route: bool


class _Leg:
    __slots__ = ("cum", "lats", "lons", "s0", "s1", "scale")

    def __init__(
        self, lats: list[float], lons: list[float], cum: list[float], scale: float, s0: float
    ) -> None:
        self.lats, self.lons, self.cum, self.scale = lats, lons, cum, scale
        self.s0 = s0
        self.s1 = s0 + cum[-1] * scale


def _make_leg(
    rng: random.Random, a: tuple[float, float], b: tuple[float, float], s0: float
) -> _Leg:
    d = haversine_km(a[0], a[1], b[0], b[1])
    n = max(1, min(60, int(d / 20)))
    modes = [
        (
            m,
            rng.uniform(-1, 1) * d * 0.05 / m,
        )
        for m in range(1, rng.randint(2, 3) + 1)
    ]
    cap = min(0.12 * d, 60.0)
    lats, lons = [a[0]], [a[1]]
    for k in range(1, n + 1):
        f = k / (n + 1)
        lat, lon = gc_interpolate(a[0], a[1], b[0], b[1], f)
        side = sum(amp * math.sin(m * math.pi * f) for m, amp in modes)
        side = max(-cap, min(cap, side + rng.gauss(0, min(1.5, d * 0.01))))
        brg = bearing(lat, lon, b[0], b[1]) + math.pi / 2
        lat, lon = offset_km(lat, lon, side * math.cos(brg), side * math.sin(brg))
        lats.append(lat)
        lons.append(lon)
    lats.append(b[0])
    lons.append(b[1])
    cum = [0.0]
    for i in range(1, len(lats)):
        cum.append(cum[-1] + haversine_km(lats[i - 1], lons[i - 1], lats[i], lons[i]))
    poly = cum[-1]
    scale = max(1.0, rng.uniform(1.2, 1.3) * d / poly) if poly > 0 else 1.0
    return _Leg(lats, lons, cum, scale, s0)


class Plan:
    """Where a truck is at any time: route geometry plus a timeline of segments."""

    __slots__ = (
        "_leg_s0",
        "_seg_t0",
        "arrivals",
        "legs",
        "point_s",
        "segs",
        "start",
        "total_km",
    )

    def __init__(
        self,
        start: tuple[float, float],
        legs: list[_Leg],
        segs: list[tuple[float, float, float, float, bool, float]],
        arrivals: list[int],
    ) -> None:
        self.start = start
        self.legs = legs
        self.segs = segs
        self.arrivals = arrivals
        self.point_s = [leg.s1 for leg in legs]
        self.total_km = legs[-1].s1 if legs else 0.0
        self._leg_s0 = [leg.s0 for leg in legs]
        self._seg_t0 = [seg[0] for seg in segs]

    def _at_s(self, s: float, with_heading: bool = False) -> tuple[float, float, float]:
        """(lat, lon, heading in radians or 0) at road km ``s``."""
        if not self.legs:
            return self.start[0], self.start[1], 0.0
        i = bisect_right(self._leg_s0, s) - 1
        leg = self.legs[i if i > 0 else 0]
        cum = leg.cum
        poly = (s - leg.s0) / leg.scale
        poly = 0.0 if poly < 0 else (cum[-1] if poly > cum[-1] else poly)
        k = bisect_right(cum, poly) - 1
        k = 0 if k < 0 else (len(cum) - 2 if k > len(cum) - 2 else k)
        span = cum[k + 1] - cum[k]
        f = (poly - cum[k]) / span if span > 0 else 0.0
        lat0, lon0, lat1, lon1 = leg.lats[k], leg.lons[k], leg.lats[k + 1], leg.lons[k + 1]
        heading = (
            math.atan2((lon1 - lon0) * math.cos(math.radians(lat0)), lat1 - lat0)
            if with_heading
            else 0.0
        )
        return lat0 + (lat1 - lat0) * f, lon0 + (lon1 - lon0) * f, heading

    def state(self, t: float) -> State:
        k = bisect_right(self._seg_t0, t) - 1
        t0, t1, s0, s1, parked, amp = self.segs[k if k > 0 else 0]
        if parked or t1 == _NEVER or t1 <= t0:
            f, s = 0.0, s0
        else:
            f = (t - t0) / (t1 - t0)
            f = 0.0 if f < 0 else (1.0 if f > 1 else f)
            s = s0 + (s1 - s0) * f
        if not amp or parked:
            lat, lon, _ = self._at_s(s)
            return State(lat, lon, s, parked, False)
        lat, lon, heading = self._at_s(s, True)
        side = amp * math.sin(math.pi * f)
        side_dir = heading + math.pi / 2
        lat, lon = offset_km(lat, lon, side * math.cos(side_dir), side * math.sin(side_dir))
        return State(lat, lon, s, parked, abs(side) > _OFF_ROUTE_KM)

    def shifted(self, dt: int) -> Plan:
        """The same trip starting ``dt`` seconds later."""
        segs = [
            (t0 + dt, t1 + dt, s0, s1, parked, amp) for t0, t1, s0, s1, parked, amp in self.segs
        ]
        return Plan(self.start, self.legs, segs, [a + dt for a in self.arrivals])


def build_plan(
    rng: random.Random, start: tuple[float, float], points: list[tuple[float, float]], depart: int
) -> Plan:
    """A plan from ``start`` through ``points`` (lat, lon), leaving at ``depart``."""
    legs: list[_Leg] = []
    s = 0.0
    prev = start
    for p in points:
        leg = _make_leg(rng, prev, p, s)
        legs.append(leg)
        s, prev = leg.s1, p
    segs: list[tuple[float, float, float, float, bool, float]] = [
        (-_NEVER, float(depart), 0.0, 0.0, True, 0.0)
    ]
    arrivals: list[int] = []
    t = float(depart)
    driven_since_rest = 0.0
    rest_after = rng.uniform(3.0, 4.5)
    for i, leg in enumerate(legs):
        pos = leg.s0
        while leg.s1 - pos > 1e-6:
            speed = rng.uniform(55.0, 80.0)
            hours = min((leg.s1 - pos) / speed, max(0.1, rest_after - driven_since_rest))
            km = speed * hours
            t, pos = _drive(rng, segs, t, pos, km, hours)
            driven_since_rest += hours
            if driven_since_rest >= rest_after - 1e-9 and leg.s1 - pos > 1.0:
                stop = rng.uniform(20, 90) * 60
                segs.append((t, t + stop, pos, pos, True, 0.0))
                t += stop
                driven_since_rest, rest_after = 0.0, rng.uniform(3.0, 4.5)
        arrivals.append(int(t))
        if i < len(legs) - 1:
            stop = rng.uniform(40, 150) * 60
            segs.append((t, t + stop, leg.s1, leg.s1, True, 0.0))
            t += stop
            driven_since_rest = 0.0
    end_s = legs[-1].s1 if legs else 0.0
    segs.append((t, _NEVER, end_s, end_s, True, 0.0))
    return Plan(start, legs, segs, arrivals)


def _drive(
    rng: random.Random,
    segs: list[tuple[float, float, float, float, bool, float]],
    t: float,
    pos: float,
    km: float,
    hours: float,
) -> tuple[float, float]:
    """Append the drive segments of one stint (maybe with a detour); return (t, pos)."""
    duration = hours * 3600
    if duration > 1.5 * 3600 and rng.random() < 0.125:
        detour = rng.uniform(25, 50) * 60
        before = rng.uniform(0.1, 0.8) * (duration - detour)
        amp = rng.uniform(6, 15) * rng.choice((-1, 1))
        for part, a in ((before, 0.0), (detour, amp), (duration - before - detour, 0.0)):
            part_km = km * part / duration
            segs.append((t, t + part, pos, pos + part_km, False, a))
            t, pos = t + part, pos + part_km
        return t, pos
    segs.append((t, t + duration, pos, pos + km, False, 0.0))
    return t + duration, pos + km

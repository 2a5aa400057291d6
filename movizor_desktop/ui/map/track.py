"""A subscriber's track: paging, cleaning, summary, gaps, colours and thinning. No Qt.

The flow is ``fetch_positions`` (every page of ``pos_list``, offset beyond 1,000) →
``build_track`` (sorted, de-duplicated, summarised) → ``track_payload`` (what the page
draws, as JSON-ready data; texts come translated from the caller).

LBS fixes repeat: a parked phone reports the same cell again and again. Consecutive
identical fixes become one :class:`TrackPoint` that keeps the first and the last time
(``t``, ``until``) and the number of fixes merged, so playback and gap detection still know
how long the phone stayed there.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ...api.models import Position
from .places import haversine_km

PAGE_SIZE = 1000  # pos_list's page
MAX_PAGES = 200  # 200,000 fixes: far beyond any real period; a guard against a looping server
GAP_HARD = timedelta(hours=3)
GAP_MIN = timedelta(minutes=20)  # "2x the median interval" never flags less than this
STOP_MIN_RADIUS_M = 200  # a fix with no (or a tiny) radius still has this much wobble
STOP_MIN = timedelta(minutes=15)  # a shorter halt is traffic, not a stop (playback skips)

Loader = Callable[..., Awaitable[list[Position]]]

# Time ramp: dark blue (oldest) → purple → pink → orange (newest); readable on OSM tiles.
RAMP: tuple[tuple[int, int, int], ...] = (
    (0x0D, 0x08, 0x87),
    (0x6A, 0x00, 0xA8),
    (0xB1, 0x2A, 0x90),
    (0xE1, 0x64, 0x62),
    (0xF2, 0x84, 0x1F),
)


@dataclass(frozen=True, slots=True)
class TrackPoint:
    lat: float
    lon: float
    t: datetime  # the first fix at this spot
    until: datetime  # the last consecutive identical fix (== t when just one)
    radius: int | None = None
    place: str = ""
    count: int = 1


@dataclass(frozen=True, slots=True)
class Stop:
    start: datetime
    end: datetime
    lat: float
    lon: float
    place: str = ""

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Gap:
    index: int  # between points[index] and points[index + 1]
    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class TrackSummary:
    phone: str
    start: datetime  # the period asked for
    end: datetime
    fixes: int = 0  # fixes with coordinates, duplicates from paging removed
    points: int = 0  # after merging consecutive identical fixes
    distance_km: float = 0.0
    first: datetime | None = None
    last: datetime | None = None
    longest_stop: Stop | None = None
    gaps: int = 0
    pages: int = 0

    @property
    def empty(self) -> bool:
        return self.points == 0


@dataclass(slots=True)
class Track:
    phone: str
    points: list[TrackPoint]
    gaps: list[Gap]
    summary: TrackSummary
    stops: list[Stop] = field(default_factory=list)  # of STOP_MIN or longer, oldest first

    def idle_spans(self) -> list[tuple[float, float]]:
        """Where playback may skip: the stops and the silences (gaps), as (from, to)
        seconds after the first fix, merged and in order."""
        if not self.points:
            return []
        t0 = self.points[0].t
        spans = sorted(
            [((s.start - t0).total_seconds(), (s.end - t0).total_seconds()) for s in self.stops]
            + [((g.start - t0).total_seconds(), (g.end - t0).total_seconds()) for g in self.gaps]
        )
        merged: list[tuple[float, float]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged


# --- loading ----------------------------------------------------------------------------


async def fetch_positions(
    loader: Loader,
    phone: str,
    start: datetime,
    end: datetime,
    *,
    page_size: int = PAGE_SIZE,
    max_pages: int = MAX_PAGES,
    on_page: Callable[[int, int], None] | None = None,
) -> tuple[list[Position], int]:
    """Every fix of the period: pages at offsets 0, 1000, 2000… until a short page.

    Returns (fixes, pages requested). ``on_page(page_number, fixes_so_far)`` reports
    progress. The loader is called as ``loader(phone, start=, end=, offset=, limit=)``.
    """
    fixes: list[Position] = []
    pages = 0
    offset = 0
    while pages < max_pages:
        page = await loader(phone, start=start, end=end, offset=offset, limit=page_size)
        pages += 1
        fixes.extend(page)
        if on_page is not None:
            on_page(pages, len(fixes))
        if len(page) < page_size:
            break
        offset += len(page)
    return fixes, pages


# --- cleaning ---------------------------------------------------------------------------


def clean(positions: Sequence[Position]) -> tuple[list[TrackPoint], list[datetime]]:
    """Fixes with coordinates and a time, oldest first, merged into track points.

    Returns (points, the distinct fix times). Exact repeats (the same time and place, as
    offset paging produces when new fixes arrive between pages) are dropped; consecutive
    fixes at the same spot are merged.
    """
    seen: set[tuple[datetime, float, float]] = set()
    fixes: list[Position] = []
    for pos in positions:
        if pos.lat is None or pos.lon is None or pos.timestamp is None:
            continue
        key = (pos.timestamp, pos.lat, pos.lon)
        if key in seen:
            continue
        seen.add(key)
        fixes.append(pos)
    fixes.sort(key=lambda p: p.timestamp)  # type: ignore[arg-type, return-value]
    points: list[TrackPoint] = []
    for pos in fixes:
        lat, lon, when = float(pos.lat), float(pos.lon), pos.timestamp  # type: ignore[arg-type]
        assert when is not None
        if points and (points[-1].lat, points[-1].lon) == (lat, lon):
            last = points[-1]
            points[-1] = TrackPoint(
                last.lat,
                last.lon,
                last.t,
                when,
                last.radius if last.radius is not None else pos.radius,
                last.place or pos.place,
                last.count + 1,
            )
        else:
            points.append(TrackPoint(lat, lon, when, when, pos.radius, pos.place))
    return points, [p.timestamp for p in fixes]  # type: ignore[misc]


# --- summary ----------------------------------------------------------------------------


def distance_km(points: Sequence[TrackPoint]) -> float:
    return sum(haversine_km(a.lat, a.lon, b.lat, b.lon) for a, b in itertools.pairwise(points))


def find_gaps(points: Sequence[TrackPoint], times: Sequence[datetime]) -> list[Gap]:
    """Silences: more than 3 h, or more than twice the median interval (and > 20 min)."""
    if len(points) < 2:
        return []
    intervals = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    median = statistics.median(intervals) if intervals else 0.0
    soft = max(timedelta(seconds=2 * median), GAP_MIN)
    gaps = []
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        silence = b.t - a.until
        if silence > GAP_HARD or silence > soft:
            gaps.append(Gap(i, a.until, b.t))
    return gaps


def find_stops(points: Sequence[TrackPoint], min_duration: timedelta = STOP_MIN) -> list[Stop]:
    """Every time the phone stayed within about its accuracy radius of one spot for at
    least ``min_duration``, oldest first.

    A stop starts at a point (the anchor) and runs while later points lie within the
    larger of the two radii (at least 200 m) of the anchor.
    """
    stops: list[Stop] = []
    n = len(points)
    i = 0
    while i < n:
        anchor = points[i]
        j = i
        while j + 1 < n:
            nxt = points[j + 1]
            reach_m = max(anchor.radius or 0, nxt.radius or 0, STOP_MIN_RADIUS_M)
            if haversine_km(anchor.lat, anchor.lon, nxt.lat, nxt.lon) * 1000 > reach_m:
                break
            j += 1
        end = points[j].until
        if end > anchor.t and end - anchor.t >= min_duration:
            stops.append(Stop(anchor.t, end, anchor.lat, anchor.lon, anchor.place))
        i = j + 1
    return stops


def longest_stop(points: Sequence[TrackPoint]) -> Stop | None:
    """The longest stop of the track (:func:`find_stops`, of any length)."""
    stops = find_stops(points, timedelta(0))
    return max(stops, key=lambda s: s.duration, default=None)


def build_track(
    phone: str, positions: Sequence[Position], start: datetime, end: datetime, *, pages: int = 0
) -> Track:
    points, times = clean(positions)
    gaps = find_gaps(points, times)
    every = find_stops(points, timedelta(0))
    summary = TrackSummary(
        phone=phone,
        start=start,
        end=end,
        fixes=len(times),
        points=len(points),
        distance_km=distance_km(points),
        first=points[0].t if points else None,
        last=points[-1].until if points else None,
        longest_stop=max(every, key=lambda s: s.duration, default=None),
        gaps=len(gaps),
        pages=pages,
    )
    return Track(phone, points, gaps, summary, [s for s in every if s.duration >= STOP_MIN])


# --- drawing helpers --------------------------------------------------------------------


def ramp_colour(fraction: float) -> str:
    """``#rrggbb`` on :data:`RAMP` for 0 (oldest) … 1 (newest)."""
    f = min(1.0, max(0.0, fraction)) * (len(RAMP) - 1)
    i = min(int(f), len(RAMP) - 2)
    local = f - i
    a, b = RAMP[i], RAMP[i + 1]
    return "#" + "".join(f"{round(x + (y - x) * local):02x}" for x, y in zip(a, b, strict=True))


def time_colours(points: Sequence[TrackPoint]) -> list[str]:
    """A colour per point by its time within the track."""
    if not points:
        return []
    t0 = points[0].t.timestamp()
    span = points[-1].t.timestamp() - t0
    if span <= 0:
        return [ramp_colour(1.0)] * len(points)
    return [ramp_colour((p.t.timestamp() - t0) / span) for p in points]


def downsample(count: int, limit: int, keep: Sequence[int] = ()) -> list[int]:
    """At most about ``limit`` indices of ``range(count)``, evenly spread, first and last
    (and every index in ``keep``) included, ascending."""
    if count <= 0:
        return []
    if count <= limit or limit < 2:
        return list(range(count)) if count <= limit else [0, count - 1]
    step = (count - 1) / (limit - 1)
    chosen = {round(k * step) for k in range(limit)}
    chosen.update(i for i in keep if 0 <= i < count)
    return sorted(chosen)


DOTS_MAX = 2000  # time-coloured points drawn (the line and playback keep every point)
CIRCLES_MAX = 400  # accuracy circles drawn


def track_payload(
    track: Track,
    *,
    point_text: Callable[[TrackPoint], str],
    start_text: str,
    end_text: str,
    stop_text: str = "",
    dots_max: int = DOTS_MAX,
    circles_max: int = CIRCLES_MAX,
) -> dict[str, Any]:
    """What ``mz.showTrack`` draws; every text already translated by the caller.

    ``segments``: the line, split at gaps; ``gaps``: dashed [from, to] pairs; ``dots``:
    ``[lat, lon, colour, text]`` (thinned); ``circles``: ``[lat, lon, radius]`` (thinned);
    ``play``: ``[lat, lon, t, until, gap_after]`` per point, seconds from the first fix.
    """
    pts = track.points
    if not pts:
        return {"empty": True}
    gap_after = {g.index for g in track.gaps}
    segments: list[list[list[float]]] = [[]]
    for i, p in enumerate(pts):
        segments[-1].append([p.lat, p.lon])
        if i in gap_after:
            segments.append([])
    segments = [s for s in segments if s]
    gaps = [
        [[pts[g.index].lat, pts[g.index].lon], [pts[g.index + 1].lat, pts[g.index + 1].lon]]
        for g in track.gaps
    ]
    colours = time_colours(pts)
    keep = [g.index for g in track.gaps] + [g.index + 1 for g in track.gaps]
    dots = [
        [pts[i].lat, pts[i].lon, colours[i], point_text(pts[i])]
        for i in downsample(len(pts), dots_max, keep)
    ]
    circles = [
        [pts[i].lat, pts[i].lon, pts[i].radius]
        for i in downsample(len(pts), circles_max)
        if pts[i].radius
    ]
    t0 = pts[0].t
    play = [
        [
            p.lat,
            p.lon,
            round((p.t - t0).total_seconds()),
            round((p.until - t0).total_seconds()),
            1 if i in gap_after else 0,
        ]
        for i, p in enumerate(pts)
    ]
    stop = track.summary.longest_stop
    return {
        "segments": segments,
        "gaps": gaps,
        "dots": dots,
        "circles": circles,
        "play": play,
        "start": [pts[0].lat, pts[0].lon, start_text],
        "end": [pts[-1].lat, pts[-1].lon, end_text],
        "stop": [stop.lat, stop.lon, stop_text] if stop is not None and stop_text else None,
    }

"""A trip plan written as GPX or KML, with the modelled arrivals, breaks and rests. No Qt.

* **GPX 1.1** (gpxpy): one ``<wpt>`` per plan point (``<time>`` = the modelled arrival in
  UTC, ``<type>point</type>``, the window, dwell and verdict in ``<desc>``), one ``<wpt>`` per
  break or rest (``<type>break</type>`` / ``<type>rest</type>``, ``<time>`` = its start),
  and a ``<rte>`` from the start through every point, which navigators and GPS software
  open as a route.
* **KML 2.2** (simplekml): a ``LineString`` from the start through the points, a folder of
  point placemarks (``<TimeStamp>`` = arrival) and a folder of stops (``<TimeSpan>`` of
  each), descriptions in the user's words with Moscow times.

Texts come translated from the UI (:class:`PlanTexts`, English defaults for tests and
scripts). As with every export (:mod:`.text_safety`), a name holding a control character
gets a space there, so the file is always well-formed XML; it is written atomically.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..api.encoding import to_msk
from ..planning.arrival import LegResult, PlannedStop, PlanPoint, PlanResult, Verdict
from ..planning.driving import StopKind
from ..planning.plan import Plan
from .export_files import write_atomic
from .export_track import CREATOR, msk_text, utc_text
from .text_safety import export_text


def _hm(minutes: float) -> str:
    total = round(minutes)
    return f"{total // 60} h {total % 60:02d} min" if total >= 60 else f"{total} min"


@dataclass(frozen=True, slots=True)
class PlanTexts:
    """Translated words for the files (English defaults)."""

    name: str = "Trip plan"
    start: str = "Start"
    points: str = "Points"
    stops: str = "Breaks and rests"
    arrival: str = "Arrival (MSK)"
    window: str = "Window (MSK)"
    dwell: str = "Dwell"
    departure: str = "Departure (MSK)"
    on_time: str = "On time"
    late: str = "Late by {late}"
    break_: str = "Break"
    rest: str = "Daily rest"
    distance: str = "Road distance, km"
    duration: Callable[[float], str] = _hm  # minutes → "1 h 05 min"


def _window(point: PlanPoint) -> str:
    def short(moment) -> str:
        return to_msk(moment).strftime("%d.%m.%Y %H:%M") if moment is not None else "…"

    if point.earliest is None and point.latest is None:
        return ""
    return f"{short(point.earliest)} – {short(point.latest)}"


def _point_lines(point: PlanPoint, leg: LegResult, texts: PlanTexts) -> list[str]:
    lines = [f"{texts.arrival}: {msk_text(leg.arrival)}"]
    if window := _window(point):
        lines.append(f"{texts.window}: {window}")
    if point.dwell_min:
        lines.append(f"{texts.dwell}: {texts.duration(point.dwell_min)}")
    lines.append(f"{texts.departure}: {msk_text(leg.leave)}")
    lines.append(f"{texts.distance}: {leg.distance_km:.0f}")
    if leg.verdict is Verdict.ON_TIME:
        lines.append(texts.on_time)
    elif leg.verdict is Verdict.LATE:
        lines.append(texts.late.format(late=texts.duration(leg.late_min)))
    return [export_text(line) for line in lines]


def _stop_name(stop: PlannedStop, texts: PlanTexts) -> str:
    return texts.break_ if stop.kind is StopKind.BREAK else texts.rest


def _stop_line(stop: PlannedStop, texts: PlanTexts) -> str:
    return export_text(
        f"{_stop_name(stop, texts)}: {texts.duration(stop.minutes)}, "
        f"{msk_text(stop.start)} – {msk_text(stop.end)}"
    )


def _point_name(index: int, point: PlanPoint) -> str:
    text = point.text.strip() or f"{point.lat:.5f}, {point.lon:.5f}"
    return export_text(f"{index + 1}. {text}")


def _check(plan: Plan, result: PlanResult) -> None:
    if len(plan.points) != len(result.legs):
        raise ValueError("the result is not of this plan")


# --- GPX --------------------------------------------------------------------------------


def plan_gpx_text(plan: Plan, result: PlanResult, texts: PlanTexts = PlanTexts()) -> str:
    import gpxpy.gpx

    _check(plan, result)
    name = export_text(plan.name or texts.name)
    gpx = gpxpy.gpx.GPX()
    gpx.creator = CREATOR
    gpx.name = name
    route = gpxpy.gpx.GPXRoute(name=name)
    begin = result.start
    route.points.append(
        gpxpy.gpx.GPXRoutePoint(
            begin.lat, begin.lon, time=begin.time, name=export_text(begin.text or texts.start)
        )
    )
    for index, (point, leg) in enumerate(zip(plan.points, result.legs, strict=True)):
        title = _point_name(index, point)
        waypoint = gpxpy.gpx.GPXWaypoint(
            point.lat,
            point.lon,
            time=leg.arrival,
            name=title,
            description="\n".join(_point_lines(point, leg, texts)),
            type="point",
        )
        gpx.waypoints.append(waypoint)
        route.points.append(
            gpxpy.gpx.GPXRoutePoint(point.lat, point.lon, time=leg.arrival, name=title)
        )
        for stop in leg.stops:
            gpx.waypoints.append(
                gpxpy.gpx.GPXWaypoint(
                    stop.lat,
                    stop.lon,
                    time=stop.start,
                    name=export_text(_stop_name(stop, texts)),
                    description=_stop_line(stop, texts),
                    type=stop.kind.value,
                )
            )
    gpx.routes.append(route)
    return gpx.to_xml(version="1.1")


# --- KML --------------------------------------------------------------------------------


def _html(lines: list[str]) -> str:
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def plan_kml_text(plan: Plan, result: PlanResult, texts: PlanTexts = PlanTexts()) -> str:
    import simplekml

    _check(plan, result)
    name = export_text(plan.name or texts.name)
    kml = simplekml.Kml(name=name)
    begin = result.start
    coords = [(begin.lon, begin.lat)] + [(p.lon, p.lat) for p in plan.points]
    if len(coords) > 1:
        line = kml.newlinestring(name=name, coords=coords)
        line.tessellate = 1
        line.style.linestyle.width = 3
        line.style.linestyle.color = "ffed3a7c"  # aabbggrr: the map's route violet
    folder = kml.newfolder(name=export_text(texts.points))
    start = folder.newpoint(
        name=export_text(begin.text or texts.start), coords=[(begin.lon, begin.lat)]
    )
    start.timestamp.when = utc_text(begin.time)
    for index, (point, leg) in enumerate(zip(plan.points, result.legs, strict=True)):
        placemark = folder.newpoint(name=_point_name(index, point), coords=[(point.lon, point.lat)])
        placemark.timestamp.when = utc_text(leg.arrival)
        placemark.description = _html(_point_lines(point, leg, texts))
    stops = kml.newfolder(name=export_text(texts.stops))
    for stop in result.stops:
        placemark = stops.newpoint(
            name=export_text(_stop_name(stop, texts)), coords=[(stop.lon, stop.lat)]
        )
        placemark.timespan.begin = utc_text(stop.start)
        placemark.timespan.end = utc_text(stop.end)
        placemark.description = _html([_stop_line(stop, texts)])
    return kml.kml()


# --- files ------------------------------------------------------------------------------


def write_plan(
    path: str | Path, plan: Plan, result: PlanResult, texts: PlanTexts = PlanTexts()
) -> Path:
    """KML when the file's extension says so, else GPX; written atomically."""
    if Path(path).suffix.lower() == ".kml":
        data = plan_kml_text(plan, result, texts).encode("utf-8")
    else:
        data = plan_gpx_text(plan, result, texts).encode("utf-8")
    return write_atomic(path, lambda handle: handle.write(data))


__all__ = ["PlanTexts", "plan_gpx_text", "plan_kml_text", "write_plan"]

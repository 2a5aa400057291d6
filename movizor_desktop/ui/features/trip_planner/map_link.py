"""The workspace's map: the route editor's map component, kept in step with the plan.

:class:`PlanMapLink` draws, from the window's plan and result:

* the numbered points (tooltips: the name and the window in Moscow time), each leg in the
  colour of its verdict (:func:`leg_colour`: on time green, late but possible amber, late
  at any legal speed red, no deadline grey), the start as the live position (with the LBS
  circle of a fix);
* the breaks and rests as markers (tooltips: what and when);
* while the ranking is shown, the candidate trucks with a line each to the first point.

A click on the map (in pick mode) adds a point; dragging a point moves it — the plan is
recomputed as it moves (``point_dragging``), and once more where it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ....planning import Candidate, LegResult, PlanPoint, PlanResult, Start, Verdict
from ....planning.driving import StopKind
from ...map.route_map import LivePosition, MapCandidate, MapPoint, MapStop, RouteMap
from .times import format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

RouteMapFactory = Callable[[], RouteMap]
CANDIDATES_SHOWN = 10  # the best ten: more lines hide the plan


def leg_colour(leg: LegResult) -> str:
    """The route map's verdict key for a leg."""
    if leg.verdict is Verdict.LATE:
        return "tight" if leg.feasible else "impossible"
    if leg.verdict is Verdict.ON_TIME:
        return "ok" if leg.feasible else "impossible"
    return "unknown"


def point_tooltip(index: int, point: PlanPoint) -> str:
    window = ""
    if point.earliest is not None or point.latest is not None:
        window = translate("TripPlanner", "window {earliest} – {latest} MSK").format(
            earliest=format_msk(point.earliest) or "…", latest=format_msk(point.latest) or "…"
        )
    return " · ".join(filter(None, (f"{index + 1}. {point.text}", window)))


def stop_markers(result: PlanResult) -> list[MapStop]:
    out = []
    for stop in result.stops:
        rest = stop.kind is StopKind.REST
        what = translate("TripPlanner", "Daily rest") if rest else translate("TripPlanner", "Break")
        text = f"{what} {format_msk(stop.start)} – {format_msk(stop.end)}"
        out.append(MapStop(stop.lat, stop.lon, "rest" if rest else "break", text))
    return out


class PlanMapLink(QObject):
    point_added = Signal(float, float)  # a click in pick mode
    point_dragging = Signal(int, float, float)
    point_moved = Signal(int, float, float)
    point_clicked = Signal(int)

    def __init__(self, route_map: RouteMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.map = route_map
        route_map.point_picked.connect(self.point_added)
        route_map.point_dragging.connect(self.point_dragging)
        route_map.point_moved.connect(self.point_moved)
        route_map.point_clicked.connect(self.point_clicked)
        route_map.point_inserted.connect(lambda _i, lat, lon: self.point_added.emit(lat, lon))

    def show(
        self,
        start: Start | None,
        points: Sequence[PlanPoint],
        result: PlanResult | None,
        candidates: Sequence[Candidate] = (),
        *,
        fit: bool = False,
        dragging: bool = False,
    ) -> None:
        """Everything; ``dragging``: the breaks, rests and candidates only (redrawing the
        points would drop the marker under the mouse)."""
        if not dragging:
            self._points(start, points, result, fit=fit)
        shown = [
            MapCandidate(
                c.start.lat,
                c.start.lon,
                f"{c.title or c.phone} · {format_msk(c.arrival)}",
                "#1b7a3a" if c.verdict is not Verdict.LATE else "#b42318",
            )
            for c in list(candidates)[:CANDIDATES_SHOWN]
        ]
        to = (points[0].lat, points[0].lon) if points else None
        self.map.set_extras(stop_markers(result) if result else [], shown, to)

    def _points(
        self,
        start: Start | None,
        points: Sequence[PlanPoint],
        result: PlanResult | None,
        *,
        fit: bool,
    ) -> None:
        marks = [MapPoint(p.lat, p.lon, point_tooltip(i, p)) for i, p in enumerate(points)]
        verdicts: list[str | None] = (
            [leg_colour(leg) for leg in result.legs] if result is not None else []
        )
        if start is not None:
            self.map.set_live(
                LivePosition(start.lat, start.lon, start.accuracy_m or 0.0, start.text)
            )
        else:
            self.map.set_live(None)
        self.map.set_plan(marks, verdicts, fit=fit)


__all__ = ["PlanMapLink", "leg_colour", "point_tooltip", "stop_markers"]

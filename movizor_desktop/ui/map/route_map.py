"""A map of one planned route that the dispatcher edits by hand: the route editor's map.

It is the window's map stack reused, not a copy: the same folium page
(:func:`~.page.build_page` with ``plan=True``), served by the same ``app:`` scheme from the
same shared web profile, in a second :class:`~.view.MapView` with a bridge of its own
(:class:`~.bridge.PlanBridge`). ``resources/web/mz/mz-plan.js`` draws the plan.

**Python API** (everything goes through these; the page is never scripted from outside):

* :meth:`RouteMap.set_points` — the numbered points (:class:`MapPoint`), in order;
* :meth:`RouteMap.set_verdicts` — one verdict per point for the leg ending there (a
  :class:`~movizor_desktop.planning.legs.LegVerdict` or its value: ``ok`` / ``tight`` /
  ``impossible`` / ``unknown``; None: no leg), drawn in :data:`VERDICT_COLOURS`;
  :meth:`RouteMap.set_plan` sets both in one call;
* :meth:`RouteMap.set_live` — the truck's position now with its accuracy
  (:class:`LivePosition`, or None); the first leg then starts there, dashed;
* :meth:`RouteMap.select_point` — highlight a point (and pan to it when it is off screen);
* :meth:`RouteMap.set_pick_mode` — while on, every click on the map is offered as a new
  point (``point_picked``); Esc or :meth:`set_pick_mode` (False) ends it
  (``pick_cancelled`` when Esc did);
* :meth:`RouteMap.set_extras` — the trip planner's additions: breaks and rests
  (:class:`MapStop`) and candidate trucks (:class:`MapCandidate`) with a line each to a
  point;
* :meth:`RouteMap.fit` — frame the points and the live position;
* :meth:`RouteMap.apply_settings` — new tile server or offline map file (as the window's
  map: :class:`~.tiles.MapTiles`; a file that cannot be used is named under the map);
* :meth:`RouteMap.shutdown` — delete the page before the shared profile (the dialog calls
  it when it closes; a RouteMap deleted without it still releases the profile).

**Signals**: ``point_picked(lat, lon)``, ``pick_cancelled()``, ``point_clicked(index)``,
``point_moved(index, lat, lon)`` (dragged), ``point_dragging(index, lat, lon)`` (while
dragged, at most every 50 ms), ``point_inserted(index, lat, lon)`` (a
right-click: a new point on the nearest leg, at that index), ``ready()``.

(:class:`MapPoint` is a point on the map; the trip planner's
:class:`~movizor_desktop.planning.arrival.PlanPoint` is the plan's own.)

The map never changes the plan itself: the owner applies what the signals report and sends
the new plan back (so a refused move puts the point back where it was).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...planning.legs import LegVerdict
from ...store.settings import AppSettings
from . import style
from .bridge import PlanBridge
from .fleet import js_call
from .page import build_page
from .tiles import MapTiles
from .view import MapView

VERDICT_COLOURS: dict[str, str] = {
    LegVerdict.OK: "#1b7a3a",
    LegVerdict.TIGHT: "#c26a00",
    LegVerdict.IMPOSSIBLE: "#c0262d",
    LegVerdict.UNKNOWN: "#7b8494",
}


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One point of the plan: where, its name (the tooltip), and whether it is reached."""

    lat: float
    lon: float
    text: str = ""
    done: bool = False


@dataclass(frozen=True, slots=True)
class MapStop:
    """A break or rest of a plan: where, ``break`` or ``rest``, and its tooltip."""

    lat: float
    lon: float
    kind: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class MapCandidate:
    """A candidate truck: where it starts, its tooltip and colour."""

    lat: float
    lon: float
    text: str = ""
    colour: str = "#1f5fbf"


@dataclass(frozen=True, slots=True)
class LivePosition:
    """Where the truck is now: its last fix with the LBS accuracy in metres."""

    lat: float
    lon: float
    radius_m: float = 0.0
    text: str = ""


class RouteMap(QWidget):
    point_picked = Signal(float, float)
    pick_cancelled = Signal()
    point_clicked = Signal(int)
    point_moved = Signal(int, float, float)
    point_inserted = Signal(int, float, float)
    point_dragging = Signal(int, float, float)
    ready = Signal()

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("route_map")
        settings = settings or AppSettings()
        self.bridge = PlanBridge(self)
        self.view = MapView(self.bridge, settings.tile_url, self)
        self.view.setMinimumSize(240, 200)
        self.legend = QLabel(self)
        self.legend.setObjectName("route_map_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("route_map_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        for label in (self.legend, self.hint):
            label.setContentsMargins(4, 0, 4, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.file_note = QLabel(self)  # the offline map file cannot be used: why
        self.file_note.setObjectName("route_map_file_note")
        self.file_note.setWordWrap(True)
        self.file_note.setStyleSheet("color: #7a1c1c;")
        self.file_note.hide()
        layout.addWidget(self.view, 1)
        layout.addWidget(self.file_note)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)
        self._points: list[MapPoint] = []
        self._verdicts: list[str | None] = []
        self._live: LivePosition | None = None
        self._selected: int | None = None
        self._picking = False
        self._fitted = False
        self._closed = False
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.setEnabled(False)  # only while picking: else Escape is the dialog's
        self._escape.activated.connect(self._escape_pressed)
        self.bridge.map_clicked.connect(self._clicked)
        self.bridge.pick_cancelled.connect(self._escape_pressed)
        self.bridge.point_clicked.connect(self.point_clicked)
        self.bridge.point_moved.connect(self.point_moved)
        self.bridge.point_inserted.connect(self.point_inserted)
        self.bridge.point_dragging.connect(self.point_dragging)
        self.view.ready.connect(self.ready)
        self.tiles = MapTiles(self.view, settings, self.view.shared, self)
        self.tiles.problem.connect(self._tile_problem)
        self.retranslate()
        self.view.show_page(
            build_page(settings, style.page_texts(), plan=True, tiles=self.tiles.page_tiles())
        )

    # --- the plan -----------------------------------------------------------------------

    def set_plan(
        self, points: Sequence[MapPoint], verdicts: Sequence[str | None] = (), *, fit: bool = False
    ) -> None:
        """The points in order and, per point, the verdict of the leg ending there.
        ``fit``: frame them (the first plan with points is framed anyway)."""
        self._points = list(points)
        self._verdicts = [str(v) if v is not None else None for v in verdicts]
        fit = fit or (not self._fitted and bool(self._points))
        self._fitted = self._fitted or bool(self._points)
        self._send(fit=fit)

    def set_points(self, points: Sequence[MapPoint]) -> None:
        self.set_plan(points, self._verdicts[: len(points)])

    def set_verdicts(self, verdicts: Sequence[str | None]) -> None:
        self.set_plan(self._points, verdicts)

    def points(self) -> list[MapPoint]:
        return list(self._points)

    def verdicts(self) -> list[str | None]:
        return list(self._verdicts)

    def set_live(self, position: LivePosition | None) -> None:
        self._live = position
        data = (
            None
            if position is None
            else {
                "lat": position.lat,
                "lon": position.lon,
                "radius": position.radius_m or 0,
                "text": position.text,
            }
        )
        self.view.call(js_call("setLive", data))

    @property
    def live(self) -> LivePosition | None:
        return self._live

    def select_point(self, index: int | None, *, pan: bool = True) -> None:
        if index == self._selected:
            return
        self._selected = index
        self.view.call(f"mz.selectPoint({json.dumps(index)}, {{pan: {json.dumps(pan)}}})")

    def set_extras(
        self,
        stops: Sequence[MapStop] = (),
        candidates: Sequence[MapCandidate] = (),
        to: tuple[float, float] | None = None,
    ) -> None:
        """Breaks and rests, and candidate trucks with a line each to ``to``."""
        payload = {
            "stops": [{"lat": s.lat, "lon": s.lon, "kind": s.kind, "text": s.text} for s in stops],
            "candidates": [
                {"lat": c.lat, "lon": c.lon, "text": c.text, "colour": c.colour} for c in candidates
            ],
            "to": None if to is None else {"lat": to[0], "lon": to[1]},
        }
        self.view.call(js_call("setExtras", payload))

    def fit(self) -> None:
        self.view.call("mz.fitPlan()")

    def apply_settings(self, settings: AppSettings) -> None:
        """New tile server, attribution or offline map file: switched in place."""
        self.tiles.apply(settings)

    def _tile_problem(self, text: str) -> None:
        self.file_note.setText(text)
        self.file_note.setVisible(bool(text))

    def _send(self, *, fit: bool) -> None:
        legs = [v or "" for v in self._verdicts]
        payload = {
            "points": [
                {"lat": p.lat, "lon": p.lon, "text": p.text, "done": p.done} for p in self._points
            ],
            "legs": legs,
            "colours": VERDICT_COLOURS,
            "fit": fit,
        }
        self.view.call(js_call("setPlan", payload))
        if self._selected is not None:
            self.view.call(f"mz.selectPoint({json.dumps(self._selected)}, {{pan: false}})")

    # --- picking --------------------------------------------------------------------------

    @property
    def picking(self) -> bool:
        return self._picking

    def set_pick_mode(self, on: bool) -> None:
        """While on, every click on the map is offered as a new point."""
        on = bool(on)
        if on == self._picking:
            return
        self._picking = on
        self._escape.setEnabled(on)
        self.view.call(f"mz.setPickMode({json.dumps(on)}, {{stay: true}})")
        if on:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self, lat: float, lon: float) -> None:
        if self._picking:
            self.point_picked.emit(round(lat, 6), round(lon, 6))  # ~0.1 m

    def _escape_pressed(self) -> None:
        if self._picking:
            self.set_pick_mode(False)
            self.pick_cancelled.emit()

    # --- texts and life -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Route map"))
        bullet = '<span style="color:{colour}">●</span>&nbsp;{text}'
        parts = [
            bullet.format(colour=VERDICT_COLOURS[key], text=text)
            for key, text in (
                ("ok", self.tr("on time")),
                ("tight", self.tr("tight")),
                ("impossible", self.tr("late")),
                ("unknown", self.tr("no time")),
            )
        ]
        self.legend.setText(self.tr("Legs:") + " " + " &nbsp; ".join(parts))
        self.hint.setText(
            self.tr("Drag a point to move it; right-click a leg to add a point there.")
        )
        if hasattr(self, "tiles"):
            self._tile_problem(self.tiles.problem_now())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.view.call(js_call("setTexts", style.page_texts()))
        super().changeEvent(event)

    def state(self, callback) -> None:
        """The page's ``mz.state()`` (tests, diagnostics)."""
        self.view.evaluate("mz.state()", callback)

    def shutdown(self) -> None:
        """Delete the page before the shared web profile; the map is unusable after."""
        if self._closed:
            return
        self._closed = True
        self.view.shutdown()


__all__ = ["VERDICT_COLOURS", "LivePosition", "MapCandidate", "MapPoint", "MapStop", "RouteMap"]

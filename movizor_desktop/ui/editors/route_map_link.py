"""The route editor's own map, beside its table: what one shows, the other shows.

:class:`RouteMapLink` keeps a :class:`~..map.route_map.RouteMap` in step with the
editor's :class:`~.route_table.RouteModel`:

* every change of the rows (typed, searched, reordered, a template) redraws the plan:
  the rows with coordinates as numbered points, each leg in the colour of its verdict
  (:func:`~...planning.legs.judge_legs`, through the model's ``legs``);
* the truck's last fix (editing) is the live position, with its accuracy circle;
* the current row is the highlighted point, and clicking a point selects its row;
* **Pick on map** (a toggle) adds a point at every click until Esc or a second press;
  dragging a point moves it; a right-click on the map inserts a point into the nearest
  leg. A point made on the map is named after the nearest city the app knows
  (``Тверь``, ``Тверь (12 km)``) or by its coordinates (``55.7512, 37.6184``).

The map is a web view, so it is built only when the route page is first shown (opening
the dialog stays fast) and only when a ``map_factory`` is given (widget tests run the
editor without a web engine).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...planning import format_coordinates
from ..formatting import km
from ..map.places import nearest

if TYPE_CHECKING:
    from ..map.route_map import LivePosition, RouteMap
    from .route import RouteEditor

MapFactory = Callable[[], "RouteMap"]
SAME_PLACE_KM = 3.0  # closer than this to a city: the point is that city
NAMED_WITHIN_KM = 75.0  # farther than this from every city: named by its coordinates


def point_name(lat: float, lon: float) -> str:
    """A name for a point made on the map: ``Тверь`` within 3 km of it, ``Тверь (12 km)``
    within 75 km, else the coordinates ``55.7512, 37.6184``."""
    place = nearest(lat, lon)
    if place.distance_km <= SAME_PLACE_KM:
        return place.name
    if place.distance_km <= NAMED_WITHIN_KM:
        return f"{place.name} ({km(place.distance_km)})"
    return f"{lat:.4f}, {lon:.4f}"


class RouteMapLink(QObject):
    def __init__(self, editor: RouteEditor, factory: MapFactory) -> None:
        super().__init__(editor)
        self.editor = editor
        self.factory = factory
        self.map: RouteMap | None = None
        self._live: LivePosition | None = None
        self._rows: list[int] = []  # the model row of each point on the map
        self.holder = QWidget()  # the map's place in the editor's splitter
        self.holder.setObjectName("route_map_holder")
        self.holder.setMinimumWidth(280)
        self.holder_box = QVBoxLayout(self.holder)
        self.holder_box.setContentsMargins(0, 0, 0, 0)
        self.holder.installEventFilter(self)
        self.pick_button = QPushButton()
        self.pick_button.setObjectName("pick_on_map")
        self.pick_button.setCheckable(True)
        self.pick_button.setAutoDefault(False)
        self.pick_button.toggled.connect(self._pick_toggled)
        self.retranslate()
        # every change of the rows redraws the plan once, after the change is complete
        self._redraw = QTimer(self, singleShot=True, interval=0)
        self._redraw.timeout.connect(self.refresh)
        model = editor.model
        for signal in (model.edited, model.modelReset, model.dataChanged, model.rowsMoved):
            signal.connect(lambda *_: self._redraw.start())
        editor.table.selectionModel().currentRowChanged.connect(lambda *_: self._select())

    def retranslate(self) -> None:
        self.pick_button.setText(QCoreApplication.translate("RouteEditor", "Pick on map"))
        self.pick_button.setAccessibleName(
            QCoreApplication.translate("RouteEditor", "Add points by clicking the map")
        )
        self.pick_button.setToolTip(
            QCoreApplication.translate(
                "RouteEditor", "Each click on the map adds a point; Esc or a second press stops."
            )
        )

    # --- building the map when first seen ---------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.holder and event.type() == QEvent.Type.Show and self.map is None:
            self.build()
        return False

    def build(self) -> RouteMap:
        """Make the map now (it is made when the route page is first shown)."""
        if self.map is not None:
            return self.map
        route_map = self.map = self.factory()
        self.holder_box.addWidget(route_map)
        route_map.point_picked.connect(self._picked)
        route_map.pick_cancelled.connect(lambda: self.pick_button.setChecked(False))
        route_map.point_clicked.connect(self._clicked)
        route_map.point_moved.connect(self._moved)
        route_map.point_inserted.connect(self._inserted)
        if self._live is not None:
            route_map.set_live(self._live)
        self.refresh()
        if self.pick_button.isChecked():
            route_map.set_pick_mode(True)
        return route_map

    def shutdown(self) -> None:
        if self.map is not None:
            self.map.shutdown()

    # --- editor → map -------------------------------------------------------------------

    def set_live(self, position: LivePosition | None) -> None:
        self._live = position
        if self.map is not None:
            self.map.set_live(position)

    def refresh(self) -> None:
        if self.map is None:
            return
        from ..map.route_map import MapPoint

        model = self.editor.model
        points, verdicts, self._rows = [], [], []
        for i, row in enumerate(model.rows):
            if row.lat is None or row.lon is None:
                continue
            leg = model.legs[i] if i < len(model.legs) else None
            points.append(
                MapPoint(
                    row.lat, row.lon, f"{i + 1}. {row.text}".strip(), done=row.status == "finished"
                )
            )
            verdicts.append(str(leg.verdict) if leg is not None else None)
            self._rows.append(i)
        self.map.set_plan(points, verdicts)
        self._select()

    def _select(self) -> None:
        if self.map is None:
            return
        row = self.editor.current_row()
        self.map.select_point(self._rows.index(row) if row in self._rows else None)

    # --- map → editor -------------------------------------------------------------------

    def _pick_toggled(self, on: bool) -> None:
        editor = self.editor
        editor.show_message(
            QCoreApplication.translate("RouteEditor", "Click the map to add a point; Esc stops.")
            if on
            else ""
        )
        if self.map is not None:
            self.map.set_pick_mode(on)

    def _picked(self, lat: float, lon: float) -> None:
        self.editor.add_point(lat, lon, point_name(lat, lon))

    def _row_of(self, index: int) -> int | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def _clicked(self, index: int) -> None:
        row = self._row_of(index)
        if row is not None:
            self.editor.select_row(row)

    def _moved(self, index: int, lat: float, lon: float) -> None:
        row = self._row_of(index)
        if row is None:
            self.refresh()  # a stale index: put the point back
            return
        model = self.editor.model
        model.update(row, replace(model.rows[row], lat=lat, lon=lon))
        self.editor.select_row(row)
        self.editor.show_message(
            QCoreApplication.translate("RouteEditor", "Point {number} moved to {coords}.").format(
                number=row + 1, coords=format_coordinates(lat, lon)
            ),
            ok=True,
        )

    def _inserted(self, index: int, lat: float, lon: float) -> None:
        row = self._row_of(index)
        position = row if row is not None else len(self.editor.model.rows)
        self.editor.insert_point(position, lat, lon, point_name(lat, lon))

    def state(self, callback: Callable[[Any], None]) -> None:
        if self.map is not None:
            self.map.state(callback)


__all__ = ["RouteMapLink", "point_name"]

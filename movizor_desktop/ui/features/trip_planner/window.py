"""The planning workspace: one non-modal window per main window.

Left, the trip: where it starts (:class:`~.start.StartPane`), the points (found by
address or pasted coordinates, or clicked on the map) in :class:`~.points.PointModel`'s
table with their windows and dwell, the per-leg figures, and what to do with the plan
(assign, add a subscriber, template, GPX/KML, plan sheet). Right, the map
(:class:`~.map_link.PlanMapLink`, built when the main window's map is loaded) over the
ranking (:class:`~.ranking.RankingPane`).

Every change replans at once (:meth:`PlanWindow.replan`: the arrival model and the ranking
for the first point). The window only reads the fleet the main window keeps up to date
(``rows``) and works through the session's client and actions; nothing here blocks the Qt
thread (files and the plan sheet are written in worker threads, requests are tasks).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....api.models import Place
from ....fleet import FleetRow
from ....planning import (
    Candidate,
    Pace,
    Plan,
    PlanPoint,
    PlanResult,
    RuleSet,
    compute_plan,
    default_rule_set,
    rank_candidates,
)
from ....planning.rules import Validity
from ....store import AppSettings
from ....store.plan_templates import PlanTemplates
from ... import formatting as fmt
from ...dialogs.widgets import Note, action_button
from ...editors.geocode import AddressSearch
from ...editors.leg_check import leg_check_for
from ...editors.route_map_link import point_name
from .map_link import PlanMapLink, RouteMapFactory
from .outputs import PlanOutputs
from .points import NAME, PointModel, minutes_text
from .ranking import RankingPane
from .start import FIX, ROUTE_END, StartPane
from .times import format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")
RULES_EXPIRY_NOTICE_DAYS = 30  # a rule set that ends sooner says so under the table


def _day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day is not None else "…"


if TYPE_CHECKING:
    from ...session import Session

log = logging.getLogger(__name__)


class PlanWindow(QWidget):
    def __init__(
        self,
        *,
        settings: AppSettings,
        session: Callable[[], Session | None],
        rows: Callable[[], Sequence[FleetRow]],
        now: Callable[[], datetime],
        lang: Callable[[], str],
        templates: PlanTemplates,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("trip_planner")
        self.settings = settings
        self.session = session
        self.rows = rows
        self.now = now
        self.lang = lang
        self.templates = templates
        self.rules: RuleSet = default_rule_set()
        self.rules_problem = ""
        self.pace = Pace()
        self.result: PlanResult | None = None
        self.candidates: list[Candidate] = []
        self.map_link: PlanMapLink | None = None
        self._dragging = False
        self._fitted = False
        self._ranked_for: PlanPoint | None = None
        self._tiles = (settings.tile_url, settings.tile_attribution, settings.mbtiles_path)
        self.model = PointModel(now, self)
        self.model.points_changed.connect(self.replan)
        self.model.input_error.connect(self._input_error)
        self._build()
        self.apply_settings(settings)
        self.retranslate()
        self.resize(1500, 900)

    # --- building -----------------------------------------------------------------------------

    def _geocode(self, query: str) -> Any:
        session = self.session()
        if session is None:
            raise RuntimeError(translate("TripPlanner", "Not connected."))
        return session.client.distance_search(query)

    def _build(self) -> None:
        self.name_label = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName("plan_name")
        self.name.setMaxLength(100)
        self.start_box = QGroupBox()
        self.start_pane = StartPane(self.rows, self._geocode, self.now)
        self.start_pane.changed.connect(self.replan)
        QVBoxLayout(self.start_box).addWidget(self.start_pane)
        self.points_box = QGroupBox()
        self.search = AddressSearch(self._geocode)
        self.search.setObjectName("point_search")
        self.search.place_chosen.connect(self._place_found)
        self.search.coordinates_entered.connect(self.add_point)
        self.pick = QPushButton()
        self.pick.setObjectName("plan_pick_on_map")
        self.pick.setCheckable(True)
        self.pick.setAutoDefault(False)
        self.pick.setEnabled(False)
        self.pick.toggled.connect(self._pick_toggled)
        self.table = QTableView()
        self.table.setObjectName("plan_points")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NAME, 200)
        header.setStretchLastSection(True)
        self.up = action_button("plan_up", "", lambda: self.move_current(-1))
        self.down = action_button("plan_down", "", lambda: self.move_current(1))
        self.remove = action_button("plan_remove", "", self.remove_current)
        for keys, slot in (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        self.input_note = Note()
        self.input_note.setObjectName("plan_input_error")
        self.summary = QLabel()
        self.summary.setObjectName("plan_summary")
        self.summary.setWordWrap(True)
        self.rules_note = Note()
        self.rules_note.setObjectName("plan_rules_note")
        search_line = QHBoxLayout()
        search_line.addWidget(self.search, 1)
        search_line.addWidget(self.pick, 0, Qt.AlignmentFlag.AlignTop)
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            moves.addWidget(button)
        moves.addStretch(1)
        points = QVBoxLayout(self.points_box)
        points.addLayout(search_line)
        points.addWidget(self.table, 1)
        points.addLayout(moves)
        points.addWidget(self.input_note)
        points.addWidget(self.summary)
        points.addWidget(self.rules_note)
        self.outputs = PlanOutputs(self)
        self.outputs.show_ranking.toggled.connect(self._ranking_toggled)
        left = QWidget()
        column = QVBoxLayout(left)
        name_line = QHBoxLayout()
        name_line.addWidget(self.name_label)
        name_line.addWidget(self.name, 1)
        column.addLayout(name_line)
        column.addWidget(self.start_box)
        column.addWidget(self.points_box, 1)
        column.addWidget(self.outputs)
        # the map over the ranking
        self.map_holder = QWidget()
        self.map_holder.setObjectName("plan_map_holder")
        self.map_box = QVBoxLayout(self.map_holder)
        self.map_box.setContentsMargins(0, 0, 0, 0)
        self.map_note = QLabel()
        self.map_note.setObjectName("plan_map_note")
        self.map_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_note.setWordWrap(True)
        self.map_box.addWidget(self.map_note)
        self.ranking = RankingPane(self.session, self.rows, self.now, self.lang)
        self.ranking.filter_changed.connect(self.rerank)
        self.ranking.chosen.connect(self.start_from)
        self.ranking.positions_arrived.connect(self.rerank)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.map_holder)
        self.right.addWidget(self.ranking)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.sized = False  # the splitter's first sizes set (or restored)
        QVBoxLayout(self).addWidget(self.splitter)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("TripPlanner", "Plan a trip"))
        self.name_label.setText(translate("TripPlanner", "Plan"))
        self.name.setPlaceholderText(translate("TripPlanner", "Name (for a template)"))
        self.name.setAccessibleName(translate("TripPlanner", "Plan name"))
        self.start_box.setTitle(translate("TripPlanner", "Start"))
        self.points_box.setTitle(translate("TripPlanner", "Points"))
        self.pick.setText(translate("TripPlanner", "Pick on map"))
        self.pick.setToolTip(
            translate(
                "TripPlanner", "Each click on the map adds a point; Esc or a second press stops."
            )
        )
        self.table.setAccessibleName(translate("TripPlanner", "Plan points"))
        self.up.setText(translate("TripPlanner", "Up"))
        self.up.setToolTip(translate("TripPlanner", "Move the point up (Alt+Up)"))
        self.down.setText(translate("TripPlanner", "Down"))
        self.down.setToolTip(translate("TripPlanner", "Move the point down (Alt+Down)"))
        self.remove.setText(translate("TripPlanner", "Remove"))
        self.map_note.setText(
            translate("TripPlanner", "The map appears once the main window's map has loaded.")
        )
        self.start_pane.retranslate()
        self.ranking.retranslate()
        self.outputs.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount())
        self._summarise()

    def apply_settings(self, settings: AppSettings) -> None:
        """The pace and the rest rules the Preferences chose — the route editor's
        (:func:`~...editors.leg_check.leg_check_for`: read once per choice); a rule file
        that cannot be used gives the default rules, and says so under the table."""
        self.settings = settings
        check = leg_check_for(settings)
        self.rules, self.pace = check.rules, check.pace
        self.rules_problem = (
            translate(
                "TripPlanner",
                "The rest rule file {name} cannot be used now: the plan follows the shipped "
                "default rules. Choose the rules again in Preferences → Planning.",
            ).format(name=Path(check.unusable_file).name)
            if check.unusable_file
            else ""
        )
        tiles = (settings.tile_url, settings.tile_attribution, settings.mbtiles_path)
        if self.map_link is not None and tiles != self._tiles:  # (the object is shared and
            self.map_link.map.apply_settings(settings)  # changed in place: compare values)
        self._tiles = tiles
        self.replan(rerank=True)

    # --- the map ------------------------------------------------------------------------------

    def attach_map(self, factory: RouteMapFactory) -> None:
        """Build the map (once): the main window's map stack is loaded."""
        if self.map_link is not None:
            return
        route_map = factory()
        self.map_note.hide()
        self.map_box.addWidget(route_map)
        link = self.map_link = PlanMapLink(route_map, self)
        link.point_added.connect(lambda lat, lon: self.add_point(lat, lon, point_name(lat, lon)))
        link.point_dragging.connect(self._dragged)
        link.point_moved.connect(self._dropped)
        link.point_clicked.connect(self.table.selectRow)
        route_map.pick_cancelled.connect(lambda: self.pick.setChecked(False))
        self.pick.setEnabled(True)
        self._draw(fit=True)

    def _ranking_toggled(self, on: bool) -> None:
        self.ranking.setVisible(on)
        self._draw()

    def _pick_toggled(self, on: bool) -> None:
        if self.map_link is not None:
            self.map_link.map.set_pick_mode(on)

    def _dragged(self, index: int, lat: float, lon: float) -> None:
        if 0 <= index < len(self.model.points):
            self._dragging = True
            try:
                self.model.relocate(index, lat, lon)
            finally:
                self._dragging = False

    def _dropped(self, index: int, lat: float, lon: float) -> None:
        if 0 <= index < len(self.model.points):
            self.model.relocate(index, lat, lon, point_name(lat, lon))

    def _draw(self, *, fit: bool = False) -> None:
        """The plan on the map (framed the first time it has points); mid-drag only what
        follows the point (its marker stays under the mouse)."""
        if self.map_link is None:
            return
        points = self.model.points
        fit = fit or (not self._fitted and bool(points))
        self._fitted = self._fitted or bool(points)
        shown = self.candidates if self.outputs.show_ranking.isChecked() else []
        start = self.result.start if self.result is not None else None
        self.map_link.show(
            start,
            points,
            self.result,
            shown,
            fit=fit and not self._dragging,
            dragging=self._dragging,
        )

    # --- points ---------------------------------------------------------------------------------

    def _place_found(self, place: Place) -> None:
        if place.lat is not None and place.lon is not None:
            self.add_point(place.lat, place.lon, place.title)

    def add_point(self, lat: float, lon: float, text: str = "") -> None:
        row = self.model.add(PlanPoint(text or fmt.coordinates(lat, lon), lat, lon))
        self.table.selectRow(row)

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row is not None and self.model.move(row, step):
            self.table.selectRow(row + step)

    def remove_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.model.removeRows(row, 1)

    def _input_error(self, row: int, column: int, text: str) -> None:
        if text:
            head = self.model.headerData(column, Qt.Orientation.Horizontal, 0)
            text = translate("TripPlanner", "Point {n}, {column}: {text}").format(
                n=row + 1, column=head, text=text
            )
        self.input_note.set_text(text, ok=False if text else None)

    # --- the plan -----------------------------------------------------------------------------

    def plan(self) -> Plan:
        return Plan(
            name=self.name.text().strip(),
            points=tuple(self.model.points),
            speed_kmh=self.pace.speed_kmh,
            circuity=self.pace.circuity,
            rules_id=self.rules.id,
        )

    def load_plan(self, plan: Plan) -> None:
        """A saved plan's name and points (a template), framed on the map anew."""
        self.name.setText(plan.name)
        self._fitted = False
        self.model.set_points(plan.points)  # replans

    def replan(self, *, rerank: bool = False) -> None:
        """The arrival model for the start and points now, then the ranking (when the first
        point changed, or ``rerank``)."""
        start = self.start_pane.start()
        points = self.model.points
        self.result = compute_plan(start, points, self.rules, self.pace) if start else None
        self.model.set_result(self.result)
        self._summarise()
        first = self.model.points[0] if self.model.points else None
        # the ranking depends on the first point alone; while it is dragged the ranking
        # waits for the drop (ranking thousands of trucks takes longer than a frame)
        if rerank or (first != self._ranked_for and not self._dragging):
            self.rerank()
        else:
            self._draw()

    def rerank(self) -> None:
        """The candidates for the first point now (the fleet, the filter or it changed)."""
        points = self.model.points
        self._ranked_for = points[0] if points else None
        if not points:
            self.candidates = []
        else:
            self.candidates = rank_candidates(
                self.rows(),
                points[0],
                self.rules,
                now=self.now(),
                pace=self.pace,
                only=self.ranking.candidate_filter(),
            )
        self.ranking.set_candidates(self.candidates)
        self._draw()

    def _rules_warning(self) -> str:
        """Why the rules may be the wrong ones: a file that cannot be used, or a set not
        (or no longer) in force on Movizor's date."""
        if self.rules_problem:
            return self.rules_problem
        status = self.rules.status(self.now())
        name = self.rules.name(self.lang())
        if status.validity is Validity.EXPIRED:
            return translate(
                "TripPlanner",
                "The rest rules “{rules}” are no longer in force (until {date}): choose "
                "current ones in the Preferences.",
            ).format(rules=name, date=_day(self.rules.valid_until))
        if status.validity is Validity.NOT_YET:
            return translate(
                "TripPlanner", "The rest rules “{rules}” are not in force yet (from {date})."
            ).format(rules=name, date=_day(self.rules.valid_from))
        if status.days_left is not None and status.days_left <= RULES_EXPIRY_NOTICE_DAYS:
            return translate(
                "TripPlanner", "The rest rules “{rules}” expire in {days} days ({date})."
            ).format(rules=name, days=status.days_left, date=_day(self.rules.valid_until))
        return ""

    def _summarise(self) -> None:
        result = self.result
        warning = self._rules_warning()
        self.rules_note.set_text(warning, ok=False if warning else None)
        name = self.rules.name(self.lang())
        pace = translate(
            "TripPlanner", "{speed} km/h, detour factor {circuity}, rules: {rules}"
        ).format(
            speed=fmt.number(self.pace.speed_kmh),
            circuity=fmt.number(self.pace.circuity, 2),
            rules=name,
        )
        if result is None or not result.legs:
            self.summary.setText(pace)
            return
        verdict = (
            translate("TripPlanner", "all on time")
            if result.on_time
            else translate("TripPlanner", "late at some points")
        )
        self.summary.setText(
            translate(
                "TripPlanner",
                "Total {distance}, driving {driving}, finished {finish} MSK; {verdict}.",
            ).format(
                distance=fmt.km(result.distance_km),
                driving=minutes_text(result.driving_min),
                finish=format_msk(result.finish),
                verdict=verdict,
            )
            + "\n"
            + pace
        )

    # --- the start from the ranking -------------------------------------------------------

    def start_from(self, phone: str) -> bool:
        """Plan from this truck: its route's end when it is on a trip, else its fix."""
        on_trip = any(c.phone == phone and c.on_trip for c in self.candidates)
        return self.start_pane.choose_truck(phone, ROUTE_END if on_trip else FIX)

    # --- life -----------------------------------------------------------------------------------

    def refresh_fleet(self) -> None:
        """The fleet changed: new fixes and routes for the start and the ranking."""
        self.start_pane.refresh_trucks()
        self.replan(rerank=True)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.sized:  # the first time: the trip a little wider than the map
            self.sized = True
            width = max(self.splitter.width(), self.width())
            self.splitter.setSizes([width * 11 // 20, width * 9 // 20])
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pick.isChecked():
            self.pick.setChecked(False)
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.outputs.shutdown()
        if self.map_link is not None:
            self.map_link.map.shutdown()


__all__ = ["PlanWindow"]

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

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
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
    RuleSetError,
    compute_plan,
    default_rule_set,
    rank_candidates,
)
from ....planning.rules import chosen_rule_set
from ....store import AppSettings
from ....store.plan_templates import PlanTemplates
from ... import formatting as fmt
from ...dialogs.widgets import Note
from ...editors.geocode import AddressSearch
from ...editors.route_map_link import point_name
from .assign import AssignFlow
from .files import export_plan, sheet_html, write_sheet
from .map_link import PlanMapLink, RouteMapFactory, stop_markers
from .points import NAME, PointModel, minutes_text
from .ranking import RankingPane
from .start import FIX, ROUTE_END, StartPane
from .times import format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

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
        self._tasks: set[asyncio.Future[Any]] = set()
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
        self.up = self._button("plan_up", lambda: self.move_current(-1))
        self.down = self._button("plan_down", lambda: self.move_current(1))
        self.remove = self._button("plan_remove", self.remove_current)
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
        # what to do with the plan
        self.assign = self._button("plan_assign", self.assign_plan)
        self.add_new = self._button("plan_add_subscriber", self.add_subscriber)
        self.save_template = self._button("plan_save_template", self.save_as_template)
        self.open_template = QToolButton()
        self.open_template.setObjectName("plan_open_template")
        self.open_template.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self.open_template)
        self.templates_menu.aboutToShow.connect(self._fill_templates)
        self.open_template.setMenu(self.templates_menu)
        self.export = self._button("plan_export", self.choose_export)
        self.sheet = self._button("plan_sheet", self.choose_sheet)
        self.assign_note = Note()
        self.assign_note.setObjectName("plan_assign_note")
        actions = QHBoxLayout()
        for widget in (
            self.assign,
            self.add_new,
            self.save_template,
            self.open_template,
            self.export,
            self.sheet,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.assign_flow = AssignFlow(self, self.session, self.rows, self.lang)
        self.assign_flow.done.connect(self._assigned)
        self.assign_flow.failed.connect(lambda text: self.assign_note.set_text(text, ok=False))
        left = QWidget()
        column = QVBoxLayout(left)
        name_line = QHBoxLayout()
        name_line.addWidget(self.name_label)
        name_line.addWidget(self.name, 1)
        column.addLayout(name_line)
        column.addWidget(self.start_box)
        column.addWidget(self.points_box, 1)
        column.addLayout(actions)
        column.addWidget(self.assign_note)
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
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(self.splitter)

    def _button(self, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

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
        self.assign.setText(translate("TripPlanner", "Assign to the truck…"))
        self.assign.setToolTip(
            translate(
                "TripPlanner",
                "Put the plan on the start's truck (or the one chosen in the ranking) as its route",
            )
        )
        self.add_new.setText(translate("TripPlanner", "New subscriber with this route…"))
        self.save_template.setText(translate("TripPlanner", "Save as template"))
        self.open_template.setText(translate("TripPlanner", "Open template"))
        self.export.setText(translate("TripPlanner", "Export GPX/KML…"))
        self.sheet.setText(translate("TripPlanner", "Plan sheet (PDF)…"))
        self.map_note.setText(
            translate("TripPlanner", "The map appears once the main window's map has loaded.")
        )
        self.start_pane.retranslate()
        self.ranking.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount())
        self._summarise()

    def apply_settings(self, settings: AppSettings) -> None:
        """The pace and the rest rules of the settings (a broken rules file: the default,
        and why, under the table)."""
        self.settings = settings
        self.pace = Pace(settings.planning_speed_kmh, settings.planning_circuity)
        try:
            self.rules = chosen_rule_set(settings.rest_rules_id, settings.rest_rules_path)
            self.rules_problem = ""
        except RuleSetError as exc:
            self.rules = default_rule_set()
            self.rules_problem = translate(
                "TripPlanner",
                "The rest rules file cannot be used ({reason}); planning with the default set.",
            ).format(reason=str(exc))
        if self.map_link is not None:
            self.map_link.map.apply_settings(settings)
        self.replan()

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
        if self.map_link is None:
            return
        shown = self.candidates if self.ranking.isVisible() else []
        start = self.start_pane.start() if self.result is None else self.result.start
        self.map_link.show(start, self.model.points, self.result, shown, fit=fit)

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

    def replan(self) -> None:
        """The arrival model for the start and points now, then the ranking."""
        start = self.start_pane.start()
        points = self.model.points
        self.result = compute_plan(start, points, self.rules, self.pace) if start else None
        self.model.set_result(self.result)
        self._summarise()
        self.rerank()

    def rerank(self) -> None:
        points = self.model.points
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
        if not self._dragging or self.map_link is None:
            fit = not self._fitted and bool(points)
            self._fitted = self._fitted or fit
            self._draw(fit=fit)
        else:  # mid-drag: the marker stays under the mouse; the stops follow it
            self.map_link.map.set_extras(stop_markers(self.result) if self.result else [])

    def _summarise(self) -> None:
        result = self.result
        self.rules_note.set_text(self.rules_problem, ok=False if self.rules_problem else None)
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

    # --- assign and the rest ----------------------------------------------------------------

    def _ready(self) -> bool:
        if not self.model.points:
            self.assign_note.set_text(translate("TripPlanner", "Add at least one point."), ok=False)
            return False
        if self.result is None:
            self.assign_note.set_text(
                translate("TripPlanner", "Choose where the trip starts."), ok=False
            )
            return False
        return True

    def assign_plan(self) -> None:
        chosen = self.ranking.current_phone()
        if chosen is not None and chosen != self.start_pane.truck.currentData():
            self.start_from(chosen)
        if not self._ready():
            return
        phone = self.start_pane.truck.currentData()
        if self.start_pane.kind.currentData() not in (FIX, ROUTE_END) or not phone:
            self.assign_note.set_text(
                translate(
                    "TripPlanner",
                    "Start from a truck (or choose one in the ranking) to assign the plan.",
                ),
                ok=False,
            )
            return
        assert self.result is not None
        self.assign_note.set_text("")
        self.assign_flow.apply(phone, self.plan(), self.result)

    def _assigned(self, phone: str) -> None:
        row = next((r for r in self.rows() if r.phone == phone), None)
        name = (row.title if row else "") or phone
        self.assign_note.set_text(
            translate("TripPlanner", "The route is saved on {truck}.").format(truck=name), ok=True
        )

    def add_subscriber(self) -> None:
        if self._ready():
            assert self.result is not None
            self.assign_flow.add_subscriber(self.plan(), self.result)

    def save_as_template(self) -> None:
        plan = self.plan()
        if not plan.name:
            self.assign_note.set_text(
                translate("TripPlanner", "Name the plan to save it as a template."), ok=False
            )
            self.name.setFocus()
            return
        if not plan.points:
            self.assign_note.set_text(translate("TripPlanner", "Add at least one point."), ok=False)
            return
        try:
            replaced = self.templates.save(plan)
        except (OSError, ValueError) as exc:
            self.assign_note.set_text(
                translate("TripPlanner", "The template was not saved: {reason}").format(
                    reason=str(exc)
                ),
                ok=False,
            )
            return
        text = (
            translate("TripPlanner", "Template “{name}” replaced.")
            if replaced
            else translate("TripPlanner", "Template “{name}” saved.")
        )
        self.assign_note.set_text(text.format(name=plan.name), ok=True)

    def _fill_templates(self) -> None:
        self.templates_menu.clear()
        names = self.templates.names()
        if not names:
            self.templates_menu.addAction(translate("TripPlanner", "No templates yet")).setEnabled(
                False
            )
        for name in names:
            action = self.templates_menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.open_template_named(n))

    def open_template_named(self, name: str) -> bool:
        """The template re-timed from the next full hour after now."""
        anchor = self.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        plan = self.templates.load(name, anchor)
        if plan is None:
            self.assign_note.set_text(
                translate("TripPlanner", "The template “{name}” cannot be read.").format(name=name),
                ok=False,
            )
            return False
        self.name.setText(plan.name)
        self.model.set_points(plan.points)
        self._fitted = False
        self.replan()
        self.assign_note.set_text(
            translate("TripPlanner", "Template “{name}” opened.").format(name=name), ok=True
        )
        return True

    def choose_export(self) -> None:
        if not self._ready():
            return
        dialog = QFileDialog(
            self,
            translate("TripPlanner", "Export the plan"),
            "",
            translate("TripPlanner", "GPX (*.gpx);;KML (*.kml)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("gpx")
        dialog.selectFile(
            (self.name.text().strip() or translate("TripPlanner", "trip-plan")) + ".gpx"
        )
        dialog.fileSelected.connect(self.export_to)
        dialog.open()

    def export_to(self, path: str) -> None:
        if not path or not self._ready():
            return
        assert self.result is not None
        self._spawn(self._write(export_plan(path, self.plan(), self.result)))

    def choose_sheet(self) -> None:
        if not self._ready():
            return
        dialog = QFileDialog(
            self,
            translate("TripPlanner", "Save the plan sheet"),
            "",
            translate("TripPlanner", "PDF (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(
            (self.name.text().strip() or translate("TripPlanner", "trip-plan")) + ".pdf"
        )
        dialog.fileSelected.connect(self.sheet_to)
        dialog.open()

    def sheet_to(self, path: str) -> None:
        if not path or not self._ready():
            return
        assert self.result is not None
        start = self.result.start
        subtitle = translate("TripPlanner", "From {start}, leaving {time} MSK; {summary}").format(
            start=start.text or fmt.coordinates(start.lat, start.lon),
            time=format_msk(start.time),
            summary=self.summary.text().replace("\n", "; "),
        )
        image = self.map_link.map.view.grab().toImage() if self.map_link is not None else None
        html = sheet_html(self.plan(), self.result, subtitle, image is not None)
        self._spawn(self._write(write_sheet(path, html, image)))

    async def _write(self, work: Any) -> None:
        try:
            path = await work
        except OSError as exc:
            self.assign_note.set_text(
                translate("TripPlanner", "The file was not written: {reason}").format(
                    reason=exc.strerror or exc
                ),
                ok=False,
            )
        else:
            self.assign_note.set_text(
                translate("TripPlanner", "Saved to {path}.").format(path=path), ok=True
            )

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- life -----------------------------------------------------------------------------------

    def refresh_fleet(self) -> None:
        """The fleet changed: new fixes and routes for the start and the ranking."""
        self.start_pane.refresh_trucks()
        self.replan()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pick.isChecked():
            self.pick.setChecked(False)
        super().closeEvent(event)

    def shutdown(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self.map_link is not None:
            self.map_link.map.shutdown()


__all__ = ["PlanWindow"]

"""The route page of the subscriber dialog (``destination[]``).

An ordered table of points — name, coordinates, planned arrival in MSK — edited in place,
reordered with buttons or by dragging, filled by address search, by pasted coordinates
or on the route's own map beside the table (:mod:`.route_map_link`: pick by click, drag
to move, right-click to insert). Each row shows the leg that ends there: great-circle
distance, the time the plan allows, the average speed that makes, and the forecast of the
arrival model — on time, tight or late by how much, breaks and rests counted — from
:func:`~...planning.legs.judge_legs` with the Preferences' speed, detour factor and rest
rules (:meth:`RouteEditor.set_check`; the map colours the legs by the same verdicts).
Routes can be saved as templates and loaded again re-timed from a new start
(:mod:`.route_templates`).

Validation (:meth:`RouteEditor.validate`) highlights the rows at fault and lists the
messages under the table; after the first call it runs again on every change.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...api.encoding import MSK, RoutePoint, validate_coord
from ...api.models import Place
from ...planning import LegCheck, LegVerdict, format_coordinates, suggest_arrival
from ...store.routes import RouteTemplates
from ..dialogs.widgets import Banner, FieldError, Note
from ..formatting import duration_hours, km
from ..i18n import current_language
from .arrival import ArrivalEdit, RouteDelegate, RouteTable
from .geocode import AddressSearch
from .route_map_link import MapFactory, RouteMapLink
from .route_table import (
    ARRIVAL,
    COORDS,
    DISTANCE,
    FORECAST,
    HOURS,
    LOCAL,
    NAME,
    SPEED,
    STATUS,
    RouteModel,
    RouteRow,
    speed_text,
)
from .route_templates import TemplatesButton


class RouteEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        *,
        geocoder: Callable[[str], Awaitable[list[Place]]] | None = None,
        templates: RouteTemplates | None = None,
        now: Callable[[], datetime] = clock.now,
        map_factory: MapFactory | None = None,
        check: LegCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self._baseline: list[tuple] = []
        self._loading = False
        self._live = False  # validate on every change once validate() was called
        self.setObjectName("route_editor")

        self.banner = Banner()
        self.search = AddressSearch(geocoder)
        self.search.place_chosen.connect(self._place_found)
        self.search.coordinates_entered.connect(lambda lat, lon: self._place(lat, lon, ""))
        self.start_note = Note()
        self.start_note.hide()

        self.model = RouteModel(self)
        self.model.check = check
        self.model.edited.connect(self._on_edited)
        self.model.input_error.connect(self._input_error)
        self.table = RouteTable()
        self.table.setObjectName("route_table")
        self.table.setAccessibleName(self.tr("Route points"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(
            RouteDelegate(self.suggest_time, lambda: self.model.local_zone, self.table)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.errors_label = FieldError()
        self.errors_label.setObjectName("route_errors")

        self.add_button = self._button(
            self.tr("Add point"), self.tr("Add an empty point"), self.add_empty
        )
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Remove the selected point"), self.remove_current
        )
        self.up_button = self._button(
            self.tr("Move up"), self.tr("Move the point up"), lambda: self.move_current(-1)
        )
        self.down_button = self._button(
            self.tr("Move down"), self.tr("Move the point down"), lambda: self.move_current(1)
        )
        self.templates_button = TemplatesButton(self, templates)
        self.summary = Note()
        self.summary.setObjectName("route_summary")
        self.rules_note = Note()  # the chosen rule file could not be used
        self.rules_note.setObjectName("route_rules_note")
        self.rules_note.hide()
        self.message = Note()
        self.message.setObjectName("route_message")
        self.message.hide()
        self.map_link = RouteMapLink(self, map_factory) if map_factory is not None else None
        self.pick_button = self.map_link.pick_button if self.map_link else None

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        if self.pick_button is not None:
            top.addWidget(self.pick_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.templates_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.message)
        column.addWidget(self.start_note)
        column.addWidget(self.table, 1)
        column.addWidget(self.errors_label)
        column.addLayout(buttons)
        column.addWidget(self.summary)
        column.addWidget(self.rules_note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("route_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self._split = False  # the table and the map get their shares when first shown
        if self.map_link is not None:
            self.splitter.addWidget(self.map_link.holder)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(self.splitter, 1)
        chain = [
            self.search.edit,
            self.search.button,
            self.pick_button,
            self.table,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.templates_button,
        ]
        for first, second in itertools.pairwise(w for w in chain if w is not None):
            QWidget.setTabOrder(first, second)
        self._refresh()

    def _size_columns(self) -> None:
        """Widths that fit a typical value and the whole header in this language and font
        (the arrival column: its editor, which never spills over the next cells)."""
        cells = QFontMetrics(self.table.font())
        heads = QFontMetrics(self.table.horizontalHeader().font())
        samples = {
            COORDS: "55.7558, 37.6173",
            LOCAL: "88.88 88:88",
            DISTANCE: km(1044.0),
            HOURS: duration_hours(12.5),
            SPEED: speed_text(120) + "WW",
            FORECAST: self.model.late_text(26.5 * 60) + "WW",
            STATUS: max(
                (self.model.status_text(s) for s in ("new", "ok", "late", "finished")),
                key=cells.horizontalAdvance,
            ),
        }
        widths = {column: cells.horizontalAdvance(text) + 16 for column, text in samples.items()}
        widths[ARRIVAL] = ArrivalEdit.cell_width(self.table)
        header = self.table.horizontalHeader()
        for column, width in widths.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(width, heads.horizontalAdvance(title) + 20))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._split and self.map_link is not None and self.splitter.width() > 0:
            self._split = True  # the table's wide size hint would leave the map a sliver
            width = self.splitter.width()
            table = width * (60 if width >= 1300 else 66) // 100  # a laptop: the table first
            self.splitter.setSizes([table, width - table])

    def _button(self, text: str, accessible: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # --- the interface ----------------------------------------------------------------------

    def set_points(self, points: Sequence[Any]) -> None:
        """Load a route: RoutePoints or object_get Destinations (their status is shown)."""
        rows = [
            RouteRow(p.text or "", p.lat, p.lon, p.time, getattr(p, "status", None)) for p in points
        ]
        self._loading = True
        try:
            self.model.set_rows(rows)
        finally:
            self._loading = False
        self._baseline = [r.key() for r in rows]
        self._live = False
        self.banner.set_message(None)
        self.errors_label.clear_message()
        self.message.set_text("")
        self._refresh()

    def points(self) -> list[RoutePoint]:
        """The points with coordinates, in order (names stripped)."""
        out = []
        for row in self.model.rows:
            if row.lat is None or row.lon is None:
                continue
            try:
                out.append(RoutePoint(row.text.strip(), row.lat, row.lon, row.time))
            except ValueError:
                continue
        return out

    def add_point(
        self, lat: float, lon: float, name: str = "", when: datetime | None = None
    ) -> None:
        """A point picked on the map (or given by other code): fills the selected row when it
        has no coordinates yet, otherwise becomes a new last row."""
        try:
            validate_coord(lat, lon)
        except ValueError:
            self.message.set_text(
                self.tr("The picked point is outside the map: {coords}.").format(
                    coords=f"{lat}, {lon}"
                ),
                ok=False,
            )
            return
        self._place(lat, lon, name, when)

    def insert_point(self, position: int, lat: float, lon: float, name: str) -> None:
        """A new point at ``position`` (a right-click on the map's leg before it)."""
        position = max(0, min(position, len(self.model.rows)))
        self.model.insert(position, RouteRow(name, lat, lon))
        self.select_row(position)
        self.message.set_text(
            self.tr("Point {number} added: {name}").format(number=position + 1, name=name), ok=True
        )

    def set_start(
        self,
        lat: float | None,
        lon: float | None,
        when: datetime | None = None,
        *,
        radius_m: float | None = None,
        title: str = "",
    ) -> None:
        """The subscriber's current fix: the first leg starts there, and the map shows it
        with its accuracy."""
        if self.map_link is not None:
            from ..map.route_map import LivePosition

            self.map_link.set_live(
                None
                if lat is None or lon is None
                else LivePosition(lat, lon, float(radius_m or 0), title)
            )
        if lat is None or lon is None:
            self.model.set_start(None)
            self.start_note.set_text("")
        else:
            self.model.set_start((lat, lon, when))
            where = f"{lat:.5f}, {lon:.5f}"
            self.start_note.set_text(
                self.tr(
                    "The first leg starts at the subscriber's last position ({where}, {time} MSK)."
                ).format(where=where, time=when.astimezone(MSK).strftime("%d.%m %H:%M"))
                if when
                else self.tr(
                    "The first leg starts at the subscriber's last position ({where})."
                ).format(where=where)
            )
        self._refresh()

    def validate(self) -> list[tuple[int | None, str]]:
        self._live = True
        return self._validate()

    def is_modified(self) -> bool:
        return [r.key() for r in self.model.rows] != self._baseline

    def set_error(self, message: str) -> None:
        self.banner.set_message(message or None)

    def shutdown(self) -> None:
        """The dialog closes: delete the map's page before the shared web profile."""
        if self.map_link is not None:
            self.map_link.shutdown()

    # --- rows -------------------------------------------------------------------------------

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int, column: int = NAME) -> None:
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._update_buttons()

    def add_empty(self) -> None:
        current = self.current_row()
        position = len(self.model.rows) if current is None else current + 1
        self.model.insert(position, RouteRow())
        self.select_row(position)
        self.table.setFocus()
        self.table.edit(self.model.index(position, NAME))

    def remove_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.model.removeRows(row, 1)
        if self.model.rows:
            self.select_row(min(row, len(self.model.rows) - 1))
        self._update_buttons()

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row + step < len(self.model.rows):
            return
        destination = row + 2 if step > 0 else row - 1
        if self.model.moveRows(self.table.rootIndex(), row, 1, self.table.rootIndex(), destination):
            self.select_row(row + step)

    def suggest_time(self, row: int) -> datetime:
        """A default arrival for ``row``: after the previous planned point, driven by the
        arrival model with its breaks and rests, never before the next full hour
        (:func:`.planning.suggest_arrival`)."""
        previous = self.model.start[2] if self.model.start else None
        for earlier in reversed(self.model.rows[:row]):
            if earlier.time is not None:
                previous = earlier.time
                break
        leg = self.model.legs[row] if row < len(self.model.legs) else None
        distance = leg.distance_km if leg else 0.0
        return suggest_arrival(previous, distance, self.now(), self.model.check)

    def set_check(self, check: LegCheck | None) -> None:
        """Judge the legs with these rules and this pace (the Preferences changed)."""
        self.model.set_check(check)
        self._refresh()

    def _show_rules_problem(self) -> None:
        unusable = self.model.check.unusable_file if self.model.check else ""
        self.rules_note.set_text(
            self.tr(
                "The rest rule file {name} cannot be used now: the forecasts follow the "
                "shipped default rules. Choose the rules again in Preferences → Planning."
            ).format(name=Path(unusable).name)
            if unusable
            else "",
            ok=False,
        )

    def apply_points(self, points: Sequence[RoutePoint]) -> None:
        """Replace the rows (a loaded template); new times count as set here."""
        self.model.set_rows(
            [RouteRow(p.text, p.lat, p.lon, p.time, time_edited=p.time is not None) for p in points]
        )
        self._on_edited()

    def show_message(self, text: str, ok: bool | None = None) -> None:
        self.message.set_text(text, ok=ok)

    # --- internals --------------------------------------------------------------------------

    def _place_found(self, place: Place) -> None:
        if place.lat is not None and place.lon is not None:
            self._place(place.lat, place.lon, place.title)

    def _place(self, lat: float, lon: float, name: str, when: datetime | None = None) -> None:
        current = self.current_row()
        if current is not None and self.model.rows[current].lat is None:
            old = self.model.rows[current]
            self.model.update(
                current,
                replace(
                    old,
                    lat=lat,
                    lon=lon,
                    text=old.text or name,
                    time=when or old.time,
                    time_edited=old.time_edited or when is not None,
                ),
            )
            target = current
        else:
            target = len(self.model.rows)
            self.model.insert(target, RouteRow(name, lat, lon, when, time_edited=when is not None))
        self.select_row(target)
        text = self.model.rows[target].text
        self.message.set_text(
            self.tr("Point {number} set: {name}").format(
                number=target + 1, name=text or format_coordinates(lat, lon)
            ),
            ok=True,
        )
        self.search.clear_status()
        if not text:
            self.table.setFocus()
            self.table.edit(self.model.index(target, NAME))

    def _input_error(self, row: int, message: str) -> None:
        self.errors_label.set_message(
            self.tr("Point {number}: {message}").format(number=row + 1, message=message)
        )

    def _on_edited(self) -> None:
        self.banner.set_message(None)
        if self._live:
            self._validate()
        else:
            self.errors_label.clear_message()
        self._refresh()
        if not self._loading:
            self.changed.emit()

    def _validate(self) -> list[tuple[int | None, str]]:
        problems: list[tuple[int | None, str]] = []
        now = self.now()
        last: tuple[int, datetime] | None = None
        for i, row in enumerate(self.model.rows):
            n = i + 1
            if not row.text.strip():
                problems.append((i, self.tr("Point {number}: enter a name.").format(number=n)))
            if row.lat is None or row.lon is None:
                problems.append(
                    (
                        i,
                        self.tr(
                            "Point {number}: set the coordinates — search the "
                            "address, paste them or pick on the map."
                        ).format(number=n),
                    )
                )
            if row.time is None:
                continue
            if row.time_edited and row.time <= now:
                problems.append(
                    (
                        i,
                        self.tr(
                            "Point {number}: the arrival time {time} MSK has already passed."
                        ).format(
                            number=n, time=row.time.astimezone(MSK).strftime("%d.%m.%Y %H:%M")
                        ),
                    )
                )
            if last is not None and row.time <= last[1]:
                problems.append(
                    (
                        i,
                        self.tr(
                            "Point {number}: the arrival must be later than at point {previous}."
                        ).format(number=n, previous=last[0] + 1),
                    )
                )
            last = (i, row.time)
        errors: dict[int, str] = {}
        for row_index, text in problems:
            if row_index is not None:
                errors[row_index] = "\n".join(filter(None, [errors.get(row_index), text]))
        self.model.set_errors(errors)
        self.errors_label.set_message("\n".join(text for _, text in problems) or None)
        return problems

    def _refresh(self) -> None:
        self._show_rules_problem()
        self.table.setColumnHidden(LOCAL, not self.model.any_local_difference())
        self.table.setColumnHidden(STATUS, not self.model.any_status())
        # "the first leg starts at the subscriber's position": only while it does
        self.start_note.setVisible(bool(self.start_note.text()) and self.model.starts_at_fix())
        self._update_buttons()
        legs = [leg for leg in self.model.legs if leg is not None]
        count = len(self.model.rows)
        if not count:
            self.summary.set_text(
                self.tr("No points yet: find an address, paste coordinates or pick on the map.")
            )
            return
        parts = [self.tr("%n point(s)", "", count)]
        if legs:
            parts.append(
                self.tr("{km} in a straight line").format(
                    km=km(sum(leg.distance_km for leg in legs))
                )
            )
        judged = [leg.result for leg in legs if leg.result is not None]
        if judged:
            breaks = sum(len(result.breaks) for result in judged)
            rests = sum(len(result.rests) for result in judged)
            parts.append(
                self.tr("breaks and rests counted: {breaks}, {rests}").format(
                    breaks=self.model.breaks_text(breaks),
                    rests=self.model.rests_text(rests),
                )
            )
        late = sum(1 for leg in legs if leg.verdict is LegVerdict.IMPOSSIBLE)
        tight = sum(1 for leg in legs if leg.verdict is LegVerdict.TIGHT)
        if late:
            parts.append(self.tr("%n leg(s) late", "", late))
        if tight:
            parts.append(self.tr("%n leg(s) tight", "", tight))
        self.summary.set_text(" · ".join(parts), ok=False if late or tight else None)
        check = self.model.check or LegCheck.default()
        self.summary.setToolTip(
            self.tr(
                "Forecast at {speed} km/h on average, roads {factor} × the straight line, "
                "with the breaks and rests of “{rules}” (Preferences → Planning)."
            ).format(
                speed=round(check.pace.speed_kmh),
                factor=QLocale().toString(check.pace.circuity, "f", 2),
                rules=check.rules.name(current_language()),
            )
        )

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < len(self.model.rows) - 1)

"""The route as a Qt table model, and the arrival-time editor used in its cells.

Columns: name, coordinates (``lat, lon``, any pasted format accepted), planned arrival in
MSK, the same moment in the computer's own zone (shown only when that differs), the leg
ending at the row (great-circle distance, the time the plan allows and the straight-line
average that makes), and the **forecast** of the arrival model
(:func:`~...planning.legs.judge_legs`): on time, tight (amber: only a faster legal average
keeps the plan) or late by how much (red, with a warning icon); its tooltip says when the
truck arrives and which breaks and rests were counted. Movizor's own status of a point
(its ``late`` / ``ok``) is a column of its own, as the server gives it.

Rows move by drag and drop (``InternalMove``): :meth:`RouteModel.dropMimeData` moves the
rows itself and answers False, so the view does not then remove the "source" rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from ... import clock
from ...api.encoding import MSK
from ...exchange.text_safety import clean_line
from ...planning import (
    CoordinateError,
    Leg,
    LegCheck,
    LegVerdict,
    format_coordinates,
    judge_legs,
    parse_coordinates,
)
from ..formatting import duration_hours, km
from ..i18n import current_language
from ..ordered_rows import OrderedRowsModel
from ..subscribers.badges import forecast_badge

Index = QModelIndex | QPersistentModelIndex
NAME, COORDS, ARRIVAL, LOCAL, DISTANCE, HOURS, SPEED, FORECAST, STATUS = range(9)
COLUMNS = 9
MIME = "application/x-movizor-route-rows"
ERROR_BACKGROUND = QColor("#fdecea")
ERROR_TEXT = QColor("#b3261e")
TIGHT_TEXT = QColor("#9a4f00")
MSK_OFFSET = 3 * 3600


def coordinate_error_text(error: CoordinateError) -> str:
    """A dispatcher's sentence for why pasted text is not a pair of coordinates."""
    translate = QCoreApplication.translate
    if error.reason == "empty":
        return translate("RouteEditor", "Enter the coordinates as “latitude, longitude”.")
    if error.reason == "count":
        return translate(
            "RouteEditor",
            "Two numbers are needed: latitude and longitude, e.g. “55.7558, 37.6173”.",
        )
    if error.reason == "minutes":
        return translate("RouteEditor", "Minutes and seconds must be below 60.")
    if error.reason == "lat_range":
        return translate("RouteEditor", "The latitude must be between −90 and 90.")
    if error.reason == "lon_range":
        return translate("RouteEditor", "The longitude must be between −180 and 180.")
    if error.reason == "axes":
        return translate("RouteEditor", "Give one latitude (N/S) and one longitude (E/W).")
    if error.reason == "link":
        return translate(
            "RouteEditor",
            "This map link holds no point. Open the point on the map and copy the link again.",
        )
    return translate(
        "RouteEditor",
        "These are not coordinates. Use “55.7558, 37.6173”, "
        "“55°45'20.9\"N 37°37'02.3\"E” or a map link.",
    )


def speed_text(speed: float) -> str:
    return QCoreApplication.translate("RouteEditor", "{speed} km/h").format(speed=round(speed))


@dataclass
class RouteRow:
    text: str = ""
    lat: float | None = None
    lon: float | None = None
    time: datetime | None = None
    status: str | None = None  # from object_get: new / ok / late / finished (read-only)
    time_edited: bool = False  # set here: must then be in the future

    def key(self) -> tuple:
        return (self.text.strip(), self.lat, self.lon, self.time)


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone(MSK_OFFSET))


def from_qdatetime(value: QDateTime) -> datetime:
    moment = datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, MSK)
    return moment.replace(second=0, microsecond=0)


def _msk(moment: datetime) -> str:
    return moment.astimezone(MSK).strftime("%d.%m %H:%M")


def local_differs(moment: datetime, zone: tzinfo | None) -> bool:
    return moment.astimezone(zone).utcoffset() != timedelta(seconds=MSK_OFFSET)


class RouteModel(OrderedRowsModel):
    """Rows of :class:`RouteRow`; the legs are recomputed after every change."""

    mime_type = MIME
    input_error = Signal(int, str)  # row, why the typed value was refused
    edited = Signal()  # any change made through the model

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[RouteRow] = []
        self.legs: list[Leg | None] = []
        self.start: tuple[float, float, datetime | None] | None = None
        self.errors: dict[int, str] = {}
        self.local_zone: tzinfo | None = None  # None: the computer's zone
        self.check: LegCheck | None = None  # the arrival model (None: the shipped default)

    # --- shape ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Name"),
                self.tr("Coordinates"),
                self.tr("Arrival, MSK"),
                self.tr("Local time"),
                self.tr("Distance"),
                self.tr("Time"),
                self.tr("Avg speed"),
                self.tr("Forecast"),
                self.tr("Status"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                COORDS: self.tr(
                    "Latitude, longitude. Paste them in any common format or a "
                    "Yandex / Google map link."
                ),
                ARRIVAL: self.tr("Planned arrival in Moscow time. Delete clears it."),
                LOCAL: self.tr("The same moment in this computer's time zone ({zone}).").format(
                    zone=clock.now()
                    .astimezone(self.local_zone or clock.local_zone())
                    .strftime("UTC%z")
                ),
                DISTANCE: self.tr(
                    "Great-circle distance from the previous point; by road it is longer."
                ),
                HOURS: self.tr("Time the plan allows for this leg."),
                SPEED: self.tr("Average speed in a straight line the plan requires."),
                FORECAST: self.tr(
                    "Whether a truck arrives by the planned time at the average speed of the "
                    "Preferences, with the drivers' breaks and rests of the chosen rules."
                ),
                STATUS: self.tr("The point's status as Movizor reports it."),
            }.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (NAME, COORDS, ARRIVAL):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # --- data -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        leg = self.legs[index.row()] if index.row() < len(self.legs) else None
        error = self.errors.get(index.row())
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and error and column in (NAME, COORDS, ARRIVAL):
            return error
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME and row.text:
            return row.text  # long addresses are elided in the cell
        if role == Qt.ItemDataRole.EditRole:
            if column == NAME:
                return row.text
            if column == COORDS:
                return (
                    ""
                    if row.lat is None or row.lon is None
                    else format_coordinates(row.lat, row.lon)
                )
            if column == ARRIVAL:
                return None if row.time is None else to_qdatetime(row.time)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, leg)
        if column == FORECAST and leg is not None and leg.result is not None:
            verdict = leg.verdict
            if role == Qt.ItemDataRole.ForegroundRole and leg.late:
                return QBrush(ERROR_TEXT if verdict is LegVerdict.IMPOSSIBLE else TIGHT_TEXT)
            if role == Qt.ItemDataRole.DecorationRole and verdict is LegVerdict.IMPOSSIBLE:
                style = QApplication.style()
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.forecast_tooltip(leg)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DISTANCE, HOURS, SPEED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: RouteRow, column: int, leg: Leg | None) -> str:
        if column == NAME:
            return row.text
        if column == COORDS:  # ~10 m shown (a narrow column); the editor keeps 6 decimals
            return "" if row.lat is None else f"{row.lat:.4f}, {row.lon:.4f}"
        if column == ARRIVAL:
            return "" if row.time is None else row.time.astimezone(MSK).strftime("%d.%m.%Y %H:%M")
        if column == LOCAL:
            if row.time is None or not local_differs(row.time, self.local_zone):
                return ""
            local = row.time.astimezone(self.local_zone)
            same_day = local.date() == row.time.astimezone(MSK).date()
            return local.strftime("%H:%M" if same_day else "%d.%m %H:%M")
        if column == STATUS:
            return self.status_text(row.status)
        if leg is None:
            return ""
        if column == FORECAST:
            return self.forecast_text(leg)
        if column == DISTANCE:
            return km(leg.distance_km)
        if column == HOURS:
            return (
                ""
                if leg.hours is None
                else (duration_hours(leg.hours) if leg.hours > 0 else self.tr("none"))
            )
        speed = leg.speed_kmh
        if speed is None:
            return ""
        return "∞" if math.isinf(speed) else speed_text(speed)

    def forecast_text(self, leg: Leg) -> str:
        """The cell: on time, tight, late by how much, or the arrival when no time is set."""
        result = leg.result
        if result is None:
            return ""
        if leg.verdict is LegVerdict.OK:
            return self.tr("on time")
        if leg.verdict is LegVerdict.TIGHT:
            return self.tr("tight")
        if leg.verdict is LegVerdict.IMPOSSIBLE:
            return self.late_text(leg.late_min)
        return self.tr("≈ {time}").format(time=_msk(result.arrival))

    def late_text(self, minutes: float) -> str:
        return self.tr("late by {time}").format(time=duration_hours(minutes / 60))

    def breaks_text(self, count: int) -> str:
        return self.tr("%n break(s)", "", count)

    def rests_text(self, count: int) -> str:
        return self.tr("%n daily rest(s)", "", count)

    def forecast_tooltip(self, leg: Leg) -> str:
        """What the model says about the leg, and what it counted."""
        result = leg.result
        assert result is not None
        check = self.check or LegCheck.default()
        pace = check.pace
        speed, arrival = round(pace.speed_kmh), _msk(result.arrival)
        late = duration_hours(leg.late_min / 60)
        needed = result.required_kmh
        if leg.verdict is LegVerdict.OK:
            verdict = self.tr(
                "On time: at {speed} km/h on average the truck arrives at {arrival} MSK."
            ).format(speed=speed, arrival=arrival)
        elif leg.verdict is LegVerdict.TIGHT:
            verdict = self.tr(
                "Tight: at {speed} km/h on average the truck arrives at {arrival} MSK, {late} "
                "late; only {needed} on average keeps the plan."
            ).format(speed=speed, arrival=arrival, late=late, needed=speed_text(needed or 0))
        elif leg.verdict is LegVerdict.IMPOSSIBLE:
            verdict = self.tr(
                "Late by {late}: at {speed} km/h on average the truck arrives at {arrival} "
                "MSK, and no legal speed keeps the plan (trucks: at most {limit} km/h outside "
                "towns)."
            ).format(late=late, speed=speed, arrival=arrival, limit=round(pace.feasible_kmh))
        else:
            verdict = self.tr(
                "No planned time: at {speed} km/h on average the truck arrives at about "
                "{arrival} MSK."
            ).format(speed=speed, arrival=arrival)
        counted = self.tr(
            "Counted: {road} by road (the straight line × {factor}), {driving} of driving, "
            "{breaks} and {rests} under “{rules}”."
        ).format(
            road=km(result.distance_km),
            factor=QLocale().toString(pace.circuity, "f", 2),
            driving=duration_hours(result.driving_min / 60),
            breaks=self.breaks_text(len(result.breaks)),
            rests=self.rests_text(len(result.rests)),
            rules=check.rules.name(current_language()),
        )
        return verdict + "\n" + counted

    def status_text(self, status: str | None) -> str:
        """The point's status in the words (and case) of the badges elsewhere."""
        badge = forecast_badge(status)
        return badge.text if badge is not None else (status or "")

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == NAME:  # typed or pasted (Ctrl+V): never with control characters
            new = replace(row, text=clean_line(str(value)))
        elif column == COORDS:
            try:
                lat, lon = parse_coordinates(str(value or ""))
            except CoordinateError as exc:
                self.input_error.emit(index.row(), coordinate_error_text(exc))
                return False
            new = replace(row, lat=lat, lon=lon)
        elif column == ARRIVAL:
            moment = from_qdatetime(value) if isinstance(value, QDateTime) else value
            new = replace(row, time=moment, time_edited=True)
        else:
            return False
        if new == row:
            return True
        self.rows[index.row()] = new
        self._changed()
        return True

    # --- whole-route operations -----------------------------------------------------------

    def set_rows(self, rows: list[RouteRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.errors = {}
        self.legs = self._plan()
        self.endResetModel()

    def set_start(self, start: tuple[float, float, datetime | None] | None) -> None:
        self.start = start
        self._refresh_legs()

    def set_errors(self, errors: dict[int, str]) -> None:
        if errors != self.errors:
            self.errors = errors
            self._all_changed()

    def insert(self, position: int, row: RouteRow) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()
        self._changed()

    def update(self, position: int, row: RouteRow) -> None:
        self.rows[position] = row
        self._changed()

    # --- the order (removing, moving and dragging rows: OrderedRowsModel) ---------------

    def ordered(self) -> list[RouteRow]:
        return self.rows

    def reordered(self) -> None:
        self._changed()

    # --- helpers --------------------------------------------------------------------------

    def starts_at_fix(self) -> bool:
        """The first leg starts at the truck's fix: there is one, and the first point is
        not reached already."""
        return self.start is not None and not (self.rows and self.rows[0].status == "finished")

    def _plan(self) -> list[Leg | None]:
        return judge_legs(
            [(r.lat, r.lon, r.time) for r in self.rows],
            self.start if self.starts_at_fix() else None,
            self.check,
        )

    def set_check(self, check: LegCheck | None) -> None:
        """Judge the legs with other rules or another pace (the Preferences changed)."""
        self.check = check
        self._refresh_legs()

    def _refresh_legs(self) -> None:
        self.legs = self._plan()
        if self.rows:
            self.dataChanged.emit(self.index(0, LOCAL), self.index(len(self.rows) - 1, FORECAST))

    def _all_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COLUMNS - 1))

    def _changed(self) -> None:
        self.legs = self._plan()
        self._all_changed()
        self.edited.emit()

    def any_local_difference(self) -> bool:
        return any(r.time is not None and local_differs(r.time, self.local_zone) for r in self.rows)

    def any_status(self) -> bool:
        return any(r.status for r in self.rows)

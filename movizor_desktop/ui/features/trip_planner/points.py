"""The plan's point table: what the dispatcher types, and what the model computed per leg.

:class:`PointModel` holds the plan's :class:`~movizor_desktop.planning.PlanPoint` list and
the last :class:`~movizor_desktop.planning.PlanResult`. The first five columns are typed
(name, earliest and latest arrival in Moscow time, dwell); the rest are the leg ending at
the point: road distance, driving time, breaks and rests put in, arrival, and the verdict
against the window. Rows move by drag and drop (one at a time) or :meth:`move`. Every
change of the points emits ``points_changed`` (the window replans at once); a value that
cannot be read emits ``input_error`` with the cell and a sentence, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ....planning import LegResult, PlanPoint, PlanResult, Verdict
from ... import formatting as fmt
from ...ordered_rows import OrderedRowsModel
from .times import format_dwell, format_msk, parse_dwell, parse_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-movizor-plan-point"
NUMBER, NAME, EARLIEST, LATEST, DWELL, DISTANCE, DRIVING, STOPS, ARRIVAL, VERDICT = range(10)
TYPED = (NAME, EARLIEST, LATEST, DWELL)
LATE_COLOUR = QColor("#b42318")
ON_TIME_COLOUR = QColor("#1b7a3a")


def minutes_text(minutes: float) -> str:
    return fmt.duration_hours(minutes / 60) or fmt.duration_hours(0.0)


def verdict_text(leg: LegResult) -> str:
    """``on time``, ``late by 1 h 10 min``, or "" without a deadline; a window no legal
    drive can keep says so."""
    if leg.verdict is Verdict.LATE:
        text = translate("TripPlanner", "late by {late}").format(late=minutes_text(leg.late_min))
    elif leg.verdict is Verdict.ON_TIME:
        text = translate("TripPlanner", "on time")
    else:
        text = ""
    if not leg.feasible:
        text += " · " + translate("TripPlanner", "impossible at a legal speed")
    return text


def stops_text(leg: LegResult) -> str:
    parts = []
    if leg.breaks:
        parts.append(translate("TripPlanner", "breaks: {n}").format(n=len(leg.breaks)))
    if leg.rests:
        parts.append(translate("TripPlanner", "daily rests: {n}").format(n=len(leg.rests)))
    if leg.wait_min >= 1:
        parts.append(
            translate("TripPlanner", "waits {time}").format(time=minutes_text(leg.wait_min))
        )
    return ", ".join(parts) or "—"


class PointModel(OrderedRowsModel):
    mime_type = MIME
    points_changed = Signal()
    input_error = Signal(int, int, str)  # row, column, what is wrong

    def __init__(self, now: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self.now = now
        self.points: list[PlanPoint] = []
        self.result: PlanResult | None = None

    # --- the plan ---------------------------------------------------------------------------

    def set_points(self, points: Sequence[PlanPoint]) -> None:
        self.beginResetModel()
        self.points = list(points)
        self.result = None
        self.endResetModel()
        self.points_changed.emit()

    def add(self, point: PlanPoint, at: int | None = None) -> int:
        at = len(self.points) if at is None else max(0, min(at, len(self.points)))
        self.beginInsertRows(QModelIndex(), at, at)
        self.points.insert(at, point)
        self.result = None
        self.endInsertRows()
        self.points_changed.emit()
        return at

    def replace_point(self, row: int, point: PlanPoint) -> None:
        self.points[row] = point
        self.dataChanged.emit(self.index(row, 0), self.index(row, VERDICT))
        self.points_changed.emit()

    def relocate(self, row: int, lat: float, lon: float, text: str | None = None) -> None:
        """A point dragged on the map: a new place (and name, when given)."""
        point = self.points[row]
        self.replace_point(row, replace(point, lat=lat, lon=lon, text=text or point.text))

    def move(self, row: int, step: int) -> bool:
        """Move a row one place up (-1) or down (+1)."""
        if not 0 <= row + step < len(self.points):
            return False
        destination = row + 2 if step > 0 else row - 1
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

    def set_result(self, result: PlanResult | None) -> None:
        self.result = result
        if self.points:
            self.dataChanged.emit(
                self.index(0, DISTANCE), self.index(len(self.points) - 1, VERDICT)
            )

    def leg(self, row: int) -> LegResult | None:
        result = self.result
        if result is None or row >= len(result.legs):
            return None
        return result.legs[row]

    # --- Qt's table ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.points)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else VERDICT + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            "#",
            translate("TripPlanner", "Point"),
            translate("TripPlanner", "Earliest (MSK)"),
            translate("TripPlanner", "Latest (MSK)"),
            translate("TripPlanner", "Dwell"),
            translate("TripPlanner", "Distance"),
            translate("TripPlanner", "Driving"),
            translate("TripPlanner", "Breaks and rests"),
            translate("TripPlanner", "Arrival (MSK)"),
            translate("TripPlanner", "Verdict"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in TYPED:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        point = self.points[row]
        leg = self.leg(row)
        if role == Qt.ItemDataRole.EditRole:
            return self._typed(point, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(row + 1)
            if column in TYPED:
                return self._typed(point, column)
            return self._computed(leg, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == VERDICT and leg is not None:
            if leg.verdict is Verdict.LATE or not leg.feasible:
                return LATE_COLOUR
            if leg.verdict is Verdict.ON_TIME:
                return ON_TIME_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(point, leg, column)
        return None

    @staticmethod
    def _typed(point: PlanPoint, column: int) -> str:
        if column == NAME:
            return point.text or fmt.coordinates(point.lat, point.lon)
        if column == EARLIEST:
            return format_msk(point.earliest)
        if column == LATEST:
            return format_msk(point.latest)
        if column == DWELL:
            return format_dwell(point.dwell_min)
        return ""

    @staticmethod
    def _computed(leg: LegResult | None, column: int) -> str:
        if leg is None:
            return ""
        if column == DISTANCE:
            return fmt.km(leg.distance_km)
        if column == DRIVING:
            return minutes_text(leg.driving_min)
        if column == STOPS:
            return stops_text(leg)
        if column == ARRIVAL:
            return format_msk(leg.arrival)
        if column == VERDICT:
            return verdict_text(leg)
        return ""

    def _tooltip(self, point: PlanPoint, leg: LegResult | None, column: int) -> str | None:
        if column in (EARLIEST, LATEST):
            return translate(
                "TripPlanner", "Moscow time: 26.11.2026 14:30, 26.11 14:30 or 14:30 (the next one)"
            )
        if column == DWELL:
            return translate(
                "TripPlanner", "Loading or unloading: minutes (45) or hours:minutes (1:30)"
            )
        if column == STOPS and leg is not None and leg.stops:
            lines = [
                translate("TripPlanner", "{kind} {start} – {end}").format(
                    kind=translate("TripPlanner", "Break")
                    if stop.kind.value == "break"
                    else translate("TripPlanner", "Daily rest"),
                    start=format_msk(stop.start),
                    end=format_msk(stop.end),
                )
                for stop in leg.stops
            ]
            return "\n".join(lines)
        if column == VERDICT and leg is not None and leg.required_kmh is not None:
            if leg.required_kmh == float("inf"):
                return translate("TripPlanner", "No speed keeps this window.")
            return translate(
                "TripPlanner", "Keeping the window needs an average of {speed} km/h."
            ).format(speed=fmt.number(leg.required_kmh))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        point = self.points[row]
        text = str(value or "")
        try:
            if column == NAME:
                changed = replace(point, text=text.strip()[:255])
            elif column in (EARLIEST, LATEST):
                moment = parse_msk(text, self.now())
                if column == EARLIEST:
                    changed = replace(point, earliest=moment)
                else:
                    changed = replace(point, latest=moment)
            elif column == DWELL:
                changed = replace(point, dwell_min=parse_dwell(text))
            else:
                return False
        except ValueError as exc:
            self.input_error.emit(row, column, self._error_text(column, text, exc))
            return False
        if changed != point:
            self.replace_point(row, changed)
        self.input_error.emit(row, column, "")
        return True

    @staticmethod
    def _error_text(column: int, text: str, exc: ValueError) -> str:
        if column == DWELL:
            return translate(
                "TripPlanner",
                "“{text}” is not a dwell time: type minutes (45) or hours:minutes (1:30).",
            ).format(text=text)
        if "closes before it opens" in str(exc):
            return translate("TripPlanner", "The latest arrival is before the earliest.")
        return translate(
            "TripPlanner",
            "“{text}” is not a time: type 26.11.2026 14:30, 26.11 14:30 or 14:30 (Moscow time).",
        ).format(text=text)

    # --- the order (removing, moving and dragging rows: OrderedRowsModel) -----------------

    def ordered(self) -> list[PlanPoint]:
        return self.points

    def forget(self) -> None:
        self.result = None  # legs of the old order

    def reordered(self) -> None:
        self.points_changed.emit()


__all__ = ["MIME", "PointModel", "stops_text", "verdict_text"]

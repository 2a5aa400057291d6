"""The details pane: everything object_get says about the selected subscriber.

Header (name, phone, status badge with its plain-words explanation), an error banner and a
progress line for actions on this subscriber, then: tracking (consent, tariff with a
pending change "from 00:00 MSK", auto-off, added, request state), position (last fix exact
and relative, place, coordinates ± radius, km left, forecast, parking), the route's
destinations, the request schedule, and the metadata table. Errors and progress are kept
per phone, so they come back when the dispatcher returns to that subscriber.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from ..api.encoding import to_msk
from ..api.models import Balance
from ..api.phones import format_phone
from ..fleet import FleetRow
from . import formatting as fmt
from .dialogs.widgets import WrappingLabel
from .subscribers.badges import Badge, forecast_badge, status_badge
from .subscribers.cells import tariff_name
from .subscribers.delegate import badge_width, paint_badge

if TYPE_CHECKING:
    from ..sync.local_schedules import LocalSchedule

_BANNER = (
    "QFrame#detailsBanner { background: #fdecea; border: 1px solid #f1b8b3;"
    " border-radius: 4px; } QLabel { color: #b3261e; }"
)
_PROGRESS = "QLabel { background: palette(alternate-base); border-radius: 4px; padding: 4px 8px; }"


class BadgeLabel(QWidget):
    """One badge, painted like the table's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge: Badge | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_badge(self, badge: Badge | None) -> None:
        self.badge = badge
        self.setToolTip(badge.tooltip if badge else "")
        self.setVisible(badge is not None)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        width = badge_width(self.badge, metrics) if self.badge else 0
        return QSize(int(width) + 2, int(metrics.height() + 8))

    def paintEvent(self, event: Any) -> None:
        if self.badge is None:
            return
        painter = QPainter(self)
        paint_badge(painter, QRectF(self.rect()), self.badge, QFontMetricsF(self.font()))
        painter.end()


def _value_label(parent: QWidget) -> QLabel:
    label = WrappingLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _small_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(
        len(headers) - 1 if len(headers) == 2 else 0, QHeaderView.ResizeMode.Stretch
    )
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


class RouteList(QWidget):
    """The route's points, one per line: status badge, place, planned/arrival time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.lines: list[tuple[str, str]] = []
        self._rows: list[tuple[BadgeLabel, QLabel]] = []

    def set_points(self, points: list[tuple[Badge | None, str, str]]) -> None:
        """Update the lines in place: a refresh (every minute) that made them anew left
        the pane without them for a moment, and the form above squeezed into that frame."""
        while len(self._rows) > len(points):
            for widget in self._rows.pop():
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        while len(self._rows) < len(points):
            i = len(self._rows)
            row = (BadgeLabel(self), _value_label(self))
            self.grid.addWidget(row[0], i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row[1], i, 1)
            row[1].show()  # now, not on the layout's next turn
            self._rows.append(row)
        self.lines = []
        pairs = zip(points, self._rows, strict=True)
        for i, ((badge, where, when), (label, text)) in enumerate(pairs):
            label.set_badge(badge)
            text.setText(f"{i + 1}. {where}" + (f"\n{when}" if when else ""))
            self.lines.append((where, when))

    def count(self) -> int:
        return len(self.lines)


class DetailsPane(QScrollArea):
    error_closed = Signal(str)  # phone

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.lang = lang
        self.number_locale = fmt.locale_for(lang)
        self.setWidgetResizable(True)
        # the labels wrap to the pane's width instead of running off to a scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._row: FleetRow | None = None
        self._balance: Balance | None = None
        # phone → the schedule saved from this computer (for servers that do not report it)
        self.local_schedule: Callable[[str], LocalSchedule | None] = lambda phone: None
        # when a subscriber last parked, from the events feed (the window wires it)
        self.parked_since: Callable[[str], datetime | None] = lambda _phone: None
        self._errors: dict[str, str] = {}
        self._details: dict[str, str] = {}
        self._progress: dict[str, str] = {}
        body = QWidget(self)
        self.setWidget(body)
        root = QVBoxLayout(body)
        root.setContentsMargins(10, 8, 10, 8)

        self.placeholder = QLabel(body)
        self.placeholder.setObjectName("detailsPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")
        root.addWidget(self.placeholder)

        self.content = QWidget(body)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = _value_label(self.content)
        self.title.setObjectName("detailsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.phone = _value_label(self.content)
        self.phone.setObjectName("detailsPhone")
        self.status_badge = BadgeLabel(self.content)
        self.status_text = _value_label(self.content)
        self.status_text.setObjectName("detailsStatusText")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_text, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.phone)
        layout.addLayout(status_row)

        self.banner = QFrame(self.content)
        self.banner.setObjectName("detailsBanner")
        self.banner.setStyleSheet(_BANNER)
        self.banner_text = _value_label(self.banner)
        self.banner_text.setObjectName("detailsError")
        close = QToolButton(self.banner)
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self._close_banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 4, 4)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.banner)
        self.progress = _value_label(self.content)
        self.progress.setObjectName("detailsProgress")
        self.progress.setStyleSheet(_PROGRESS)
        layout.addWidget(self.progress)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.fields: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._form_rows: dict[str, int] = {}
        self.forecast_badge = BadgeLabel(self.content)
        for name in (
            "consent",
            "tariff",
            "fix",
            "place",
            "coords",
            "km",
            "forecast",
            "parking",
            "request",
            "schedule",
            "dateoff",
            "added",
            "synced",
        ):
            value = _value_label(self.content)
            value.setObjectName(f"details_{name}")
            label = QLabel(self.content)
            self.fields[name] = value
            self._labels[name] = label
            self._form_rows[name] = self.form.rowCount()
            if name == "forecast":
                box = QHBoxLayout()
                box.addWidget(self.forecast_badge)
                box.addWidget(value, 1)
                self.form.addRow(label, box)
            else:
                self.form.addRow(label, value)
        layout.addLayout(self.form)
        self.route_caption = QLabel(self.content)
        self.route = RouteList(self.content)
        self.route.setObjectName("detailsRoute")
        self.meta_caption = QLabel(self.content)
        self.metadata = _small_table(self.content, ["", ""])
        self.metadata.setObjectName("detailsMetadata")
        for widget in (self.route_caption, self.route, self.meta_caption, self.metadata):
            layout.addWidget(widget)
        root.addWidget(self.content)
        root.addStretch(1)
        self.retranslate()
        self.set_row(None)

    def retranslate(self) -> None:
        labels = {
            "consent": self.tr("Consent:"),
            "tariff": self.tr("Tariff:"),
            "fix": self.tr("Last fix:"),
            "place": self.tr("Place:"),
            "coords": self.tr("Coordinates:"),
            "km": self.tr("Km left:"),
            "forecast": self.tr("Forecast:"),
            "parking": self.tr("Now:"),
            "request": self.tr("Requests:"),
            "schedule": self.tr("Schedule:"),
            "dateoff": self.tr("Auto-off:"),
            "added": self.tr("Added:"),
            "synced": self.tr("Details as of:"),
        }
        for name, text in labels.items():
            self._labels[name].setText(text)
        self.route_caption.setText(self.tr("Route"))
        self.meta_caption.setText(self.tr("Additional fields"))
        self.metadata.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.placeholder.setText(self.tr("Select a subscriber in the list to see the details."))

    # --- public -----------------------------------------------------------------------------

    @property
    def current_phone(self) -> str | None:
        return self._row.phone if self._row is not None else None

    def set_balance(self, balance: Balance | None) -> None:
        self._balance = balance
        if self._row is not None:
            self._render(self._row)

    def set_row(self, row: FleetRow | None, *, selected: int = 1) -> None:
        """Show ``row`` (None: nothing or several selected, ``selected`` says how many)."""
        self._row = row
        if row is None:
            self.content.hide()
            self.placeholder.setText(
                self.tr("{count} subscribers selected.").format(count=selected)
                if selected > 1
                else self.tr("Select a subscriber in the list to see the details.")
            )
            self.placeholder.show()
            return
        self.placeholder.hide()
        self.content.show()
        self._render(row)

    def update_row(self, row: FleetRow) -> None:
        if self._row is not None and row.phone == self._row.phone:
            self._row = row
            self._render(row)

    def show_error(self, phone: str, text: str, details: str = "") -> None:
        """An error for ``phone``; ``details`` (Movizor's own answer) as its tooltip."""
        self._errors[phone] = text
        self._details[phone] = details
        self._sync_messages()

    def clear_error(self, phone: str) -> None:
        self._errors.pop(phone, None)
        self._details.pop(phone, None)
        self._sync_messages()

    def error_text(self) -> str:
        return self.banner_text.text() if self.banner.isVisibleTo(self) else ""

    def set_progress(self, phone: str, text: str | None) -> None:
        if text:
            self._progress[phone] = text
        else:
            self._progress.pop(phone, None)
        self._sync_messages()

    def progress_text(self) -> str:
        return self.progress.text() if self.progress.isVisibleTo(self) else ""

    # --- rendering --------------------------------------------------------------------------

    def _close_banner(self) -> None:
        if self._row is not None:
            self._errors.pop(self._row.phone, None)
            self.error_closed.emit(self._row.phone)
        self._sync_messages()

    def _sync_messages(self) -> None:
        phone = self.current_phone
        error = self._errors.get(phone or "")
        self.banner_text.setText(error or "")
        self.banner_text.setToolTip(self._details.get(phone or "", "") if error else "")
        self.banner.setVisible(bool(error))
        progress = self._progress.get(phone or "")
        self.progress.setText(progress or "")
        self.progress.setVisible(bool(progress))

    def _set(self, name: str, text: str) -> None:
        self.fields[name].setText(text)
        self.form.setRowVisible(self._form_rows[name], bool(text))

    def _render(self, row: FleetRow) -> None:
        info = row.details
        badge = status_badge(row.status)
        self.title.setText(row.title or self.tr("(no name)"))
        self.phone.setText(format_phone(row.phone))
        self.status_badge.set_badge(badge)
        self.status_text.setText(badge.tooltip)
        self._set(
            "consent",
            ""
            if info is None
            else self.tr("Given")
            if info.confirmed
            else self.tr("Not given yet"),
        )
        tariff = tariff_name(row.tariff, self._balance)
        if row.tariff_new and row.tariff_new != row.tariff:
            midnight = _next_msk_midnight(clock.now())
            tariff += "\n" + self.tr(
                "Changes to “{new}” from {when}; cancel the change to keep the current tariff."
            ).format(
                new=tariff_name(row.tariff_new, self._balance), when=fmt.msk_with_local(midnight)
            )
        self._set("tariff", tariff)
        fix = ""
        if row.fix_time is not None:
            fix = (
                f"{fmt.msk_datetime(row.fix_time, seconds=True)} "
                f"({fmt.relative_time(row.fix_time)})"
            )
        self._set("fix", fix or self.tr("No position yet"))
        self._set("place", fmt.place_text(row.place))
        coords = fmt.coordinates(row.lat, row.lon)
        if coords and row.radius:
            coords += f"  {fmt.metres(row.radius, self.number_locale)}"
        self._set("coords", coords)
        self._set("km", fmt.km(row.distance_km, self.number_locale))
        fbadge = forecast_badge(row.forecast)
        self.forecast_badge.set_badge(fbadge)
        left = fmt.duration_hours(row.forecast_hours).replace(" ", "\u00a0")  # never "4 / h"
        self._set(
            "forecast",
            (self.tr("{time} left").format(time=left) if left else " ") if fbadge else "",
        )
        self._set("parking", self._motion_text(row))
        notes = []
        if info is not None and info.at_request:
            notes.append(self.tr("A position request is being processed."))
        if info is not None and info.pos_error:
            notes.append(self.tr("The last position request failed."))
        if info is not None and info.offline_time is not None:
            notes.append(
                self.tr("Phone unreachable since {time}.").format(
                    time=fmt.msk_datetime(info.offline_time)
                )
            )
        self._set("request", "\n".join(notes))
        self._set("schedule", self._schedule_text(info, row.phone))
        self._set("dateoff", fmt.msk_with_local(info.timestamp_off) if info else "")
        self._set("added", fmt.msk_datetime(info.timestamp_add) if info else "")
        self._set(
            "synced",
            fmt.msk_datetime(row.details_at, seconds=True)
            if row.details_at
            else self.tr("not loaded yet"),
        )
        self._fill_route(info)
        self._fill_metadata(info)
        self._sync_messages()

    def _motion_text(self, row: FleetRow) -> str:
        """``Moving``, ``Parked for 2 h 10 min`` (since the feed's parking event), or
        ``Parked`` when the feed does not say since when."""
        info = row.details
        if info is None or info.on_parking is None:
            return ""
        if not info.on_parking:
            return self.tr("Moving")
        since = self.parked_since(row.phone)
        if since is None:
            return self.tr("Parked")
        hours = (clock.now() - since).total_seconds() / 3600
        return self.tr("Parked for {time}").format(time=fmt.duration_hours(max(0.0, hours)))

    def _schedule_text(self, info: Any, phone: str) -> str:
        if info is None:
            return ""
        schedule = info.schedule
        if schedule is None:  # Movizor does not report it: what this computer saved
            local = self.local_schedule(phone)
            if local is None:
                return self.tr("not reported by Movizor")
            text = self._days_at_times(local) or self.tr("none")
            return self.tr(
                "{schedule} (as saved from this computer {when}; not reported by Movizor)"
            ).format(schedule=text, when=fmt.msk_datetime(local.saved_at))
        return self._days_at_times(schedule)

    def _days_at_times(self, schedule: Any) -> str:
        if not (schedule.days or schedule.times):
            return ""
        names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        days = ", ".join(names[d - 1] for d in sorted(schedule.days)) or self.tr("no days")
        times = ", ".join(schedule.times) or self.tr("no times")
        return self.tr("{days} at {times} MSK").format(days=days, times=times)

    def _fill_route(self, info: Any) -> None:
        points = list(info.destination) if info is not None else []
        lines = []
        for point in points:
            where = point.text or fmt.coordinates(point.lat, point.lon)
            when = []
            if point.time is not None:
                when.append(self.tr("planned {time}").format(time=fmt.msk_with_local(point.time)))
            if point.timestamp_finished is not None:
                when.append(
                    self.tr("arrived {time}").format(
                        time=fmt.msk_with_local(point.timestamp_finished)
                    )
                )
            lines.append((forecast_badge(point.status), where, " · ".join(when)))
        self.route.set_points(lines)
        self.route_caption.setVisible(bool(points))
        self.route.setVisible(bool(points))

    def _fill_metadata(self, info: Any) -> None:
        items = sorted(info.metadata.items()) if info is not None else []
        self.metadata.setRowCount(len(items))
        for i, (key, value) in enumerate(items):
            self.metadata.setItem(i, 0, QTableWidgetItem(key))
            self.metadata.setItem(i, 1, QTableWidgetItem(value))
        self.meta_caption.setVisible(bool(items))
        self.metadata.setVisible(bool(items))
        _fit_height(self.metadata)


def _fit_height(table: QTableWidget) -> None:
    """Tall enough for every row: the pane scrolls, not the small table."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(
        table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()
    )


def _next_msk_midnight(now: datetime) -> datetime:
    msk = to_msk(now)
    return (msk + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


__all__ = ["BadgeLabel", "DetailsPane"]

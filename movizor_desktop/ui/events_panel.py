"""The events feed: what happened to whom, newest first; a click selects the subscriber.

Events arrive in each :class:`ChangeSet` (newest first) and are inserted at the top with
one ``beginInsertRows``; duplicates (by id) are ignored, the feed keeps the latest
:data:`MAX_EVENTS`. Every one of Movizor's 25 event types has a readable, translated name
and an explanation; problems are marked so they stand out.

When the sync engine finds that events may be missing (``ChangeSet.gaps``: Movizor sent
only the newest page after a long absence), a warning strip above the feed names the two
times between which events may be missing, until the dispatcher dismisses it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from ..api.models import Event
from ..fleet import EventGap
from . import formatting as fmt

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

MAX_EVENTS = 1000
TIME, TYPE, WHO = range(3)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
PHONE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
EVENT_ROLE = int(Qt.ItemDataRole.UserRole) + 2

PROBLEM_EVENTS = frozenset(
    {
        "reject",
        "request_error",
        "request_offline",
        "request_roaming",
        "pos_late",
        "no_confirm",
        "limit",
        "leftroute",
        "notroute",
        "auto_off",
    }
)
_PROBLEM = QColor("#c0262d")


def event_texts() -> dict[str, tuple[str, str]]:
    """Event type → (short name, explanation), translated."""
    return {
        "add": (
            translate("Events", "Added"),
            translate("Events", "The number was added for tracking."),
        ),
        "auto_off": (
            translate("Events", "Switched off automatically"),
            translate("Events", "Tracking stopped at the auto-off time."),
        ),
        "off": (
            translate("Events", "Switched off"),
            translate("Events", "Tracking of the number was switched off."),
        ),
        "confirm": (
            translate("Events", "Consent given"),
            translate("Events", "The driver agreed to be located."),
        ),
        "reject": (
            translate("Events", "Consent refused"),
            translate("Events", "The driver refused to be located."),
        ),
        "request": (
            translate("Events", "Position received"),
            translate("Events", "A position request was answered."),
        ),
        "request_error": (
            translate("Events", "Position request failed"),
            translate("Events", "The operator could not determine the position."),
        ),
        "request_offline": (
            translate("Events", "Phone unreachable"),
            translate("Events", "The phone was switched off or out of coverage."),
        ),
        "request_roaming": (
            translate("Events", "Phone in roaming"),
            translate("Events", "The phone is in roaming, where it cannot be located."),
        ),
        "reactivate": (
            translate("Events", "Reconnected"),
            translate("Events", "Tracking was switched on again."),
        ),
        "tariff_auto": (
            translate("Events", "Tariff changed automatically"),
            translate("Events", "The tariff changed on schedule (e.g. a package ended)."),
        ),
        "pos_ok": (
            translate("Events", "On schedule"),
            translate("Events", "The forecast says the driver arrives on time."),
        ),
        "pos_late": (
            translate("Events", "Running late"),
            translate("Events", "The forecast says the driver will be late."),
        ),
        "pos_finished": (
            translate("Events", "Arrived"),
            translate("Events", "The driver reached the destination."),
        ),
        "autoinform": (
            translate("Events", "Driver called"),
            translate("Events", "An automatic call explained the tracking to the driver."),
        ),
        "no_confirm": (
            translate("Events", "No consent answer"),
            translate("Events", "The driver did not answer the consent SMS in time."),
        ),
        "limit": (
            translate("Events", "Line restricted"),
            translate("Events", "The driver's line has a restriction; it cannot be located."),
        ),
        "onroute": (
            translate("Events", "On route"),
            translate("Events", "The driver is on the planned route."),
        ),
        "returnroute": (
            translate("Events", "Back on route"),
            translate("Events", "The driver returned to the route."),
        ),
        "leftroute": (
            translate("Events", "Left the route"),
            translate("Events", "The driver left the planned route."),
        ),
        "notroute": (
            translate("Events", "Off route"),
            translate("Events", "The driver is not on the planned route."),
        ),
        "onparking": (translate("Events", "Parked"), translate("Events", "The driver stopped.")),
        "offparking": (
            translate("Events", "Moving again"),
            translate("Events", "The driver started moving after a stop."),
        ),
        "mstart": (
            translate("Events", "App started"),
            translate("Events", "The Movizor app on the phone was started."),
        ),
        "mstop": (
            translate("Events", "App stopped"),
            translate("Events", "The Movizor app on the phone was stopped."),
        ),
    }


class EventsModel(QAbstractTableModel):
    def __init__(
        self, parent: Any = None, *, title_of: Callable[[str], str] = lambda phone: phone
    ) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._ids: set[int] = set()
        self._texts = event_texts()
        self.title_of = title_of

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def event_at(self, row: int) -> Event:
        return self._events[row]

    def parked_since(self, phone: str) -> datetime | None:
        """When the subscriber last stopped, if the feed's latest parking event for it
        says it still stands (None when it moved since, or the feed does not know)."""
        for event in self._events:  # newest first
            if event.phone == phone and event.type in ("onparking", "offparking"):
                return event.timestamp if event.type == "onparking" else None
        return None

    def type_name(self, kind: str) -> str:
        return self._texts.get(kind, (kind, ""))[0]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        event = self._events[index.row()]
        c = index.column()
        if role == _DISPLAY:
            if c == TIME:
                return _when(event.timestamp)
            if c == TYPE:
                return self.type_name(event.type)
            return self.title_of(event.phone)
        if role == _TOOLTIP:
            if c == TIME:
                return fmt.msk_datetime(event.timestamp, seconds=True)
            if c == TYPE:
                return self._texts.get(event.type, ("", event.type))[1]
            return event.phone
        if role == _FOREGROUND and c == TYPE and event.type in PROBLEM_EVENTS:
            return _PROBLEM
        if role == PHONE_ROLE:
            return event.phone
        if role == EVENT_ROLE:
            return event
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return (
                translate("Events", "Time (MSK)"),
                translate("Events", "Event"),
                translate("Events", "Subscriber"),
            )[section]
        return None

    def set_events(self, events: Iterable[Event]) -> None:
        self.beginResetModel()
        self._events, self._ids = [], set()
        self._events = self._fresh(events)[:MAX_EVENTS]
        self._ids = {e.id for e in self._events if e.id is not None}
        self.endResetModel()

    def add_events(self, events: Iterable[Event]) -> None:
        """New events (any order); shown newest first at the top."""
        fresh = self._fresh(events)
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._events[:0] = fresh
        self._ids.update(e.id for e in fresh if e.id is not None)
        self.endInsertRows()
        extra = len(self._events) - MAX_EVENTS
        if extra > 0:
            first = MAX_EVENTS
            self.beginRemoveRows(QModelIndex(), first, len(self._events) - 1)
            for event in self._events[first:]:
                self._ids.discard(event.id)
            del self._events[first:]
            self.endRemoveRows()

    def _fresh(self, events: Iterable[Event]) -> list[Event]:
        seen = set(self._ids)
        fresh = []
        for event in events:
            if event.id is not None:
                if event.id in seen:
                    continue
                seen.add(event.id)
            fresh.append(event)
        fresh.sort(
            key=lambda e: (e.timestamp.timestamp() if e.timestamp else 0, e.id or 0), reverse=True
        )
        return fresh

    def refresh_titles(self) -> None:
        if self._events:
            self.dataChanged.emit(self.index(0, WHO), self.index(len(self._events) - 1, WHO))


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    today = fmt.msk_date(clock.now())
    date = fmt.msk_date(moment)
    time_text = fmt.msk_clock(moment).split(" ")[0]
    return time_text if date == today else f"{date[:5]} {time_text}"


class EventsPanel(QWidget):
    phone_activated = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, title_of: Callable[[str], str] = lambda phone: phone
    ) -> None:
        super().__init__(parent)
        self.model = EventsModel(self, title_of=title_of)
        self.caption = QLabel(self)
        self.caption.setObjectName("eventsCaption")
        self.table = QTableView(self)
        self.table.setObjectName("eventsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        em = self.fontMetrics().horizontalAdvance("M")
        hm = header.fontMetrics()
        for column, width in ((TIME, em * 8), (TYPE, em * 16)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(width, hm.horizontalAdvance(title) + 20))
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.gap_box = QWidget(self)
        self.gap_box.setObjectName("eventsGap")
        self.gap_box.setStyleSheet(
            "#eventsGap { background: #fff4ce; border: 1px solid #e0c060;"
            " border-radius: 4px; } QLabel { color: #5c4400; }"
        )
        self.gap_label = QLabel(self.gap_box)
        self.gap_label.setObjectName("eventsGapText")
        self.gap_label.setWordWrap(True)
        self.gap_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gap_close = QToolButton(self.gap_box)
        self.gap_close.setObjectName("eventsGapDismiss")
        self.gap_close.setText("×")
        self.gap_close.setAutoRaise(True)
        self.gap_close.clicked.connect(self.dismiss_gap)
        strip = QHBoxLayout(self.gap_box)
        strip.setContentsMargins(6, 4, 2, 4)
        strip.addWidget(self.gap_label, 1)
        strip.addWidget(self.gap_close, 0, Qt.AlignmentFlag.AlignTop)
        self.gap_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.gap_box)
        layout.addWidget(self.table, 1)
        self.caption.setText(self.tr("Events"))
        self.table.setAccessibleName(self.tr("Events"))
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.gap_close.setToolTip(self.tr("Dismiss"))
        self.gap_close.setAccessibleName(self.tr("Dismiss the warning"))

    def set_events(self, events: Iterable[Event]) -> None:
        self.model.set_events(events)

    def add_events(self, events: Iterable[Event]) -> None:
        self.model.add_events(events)

    def show_gap(self, gap: EventGap) -> str:
        """Warn that events between the gap's two times may be missing; the sentence."""
        text = gap_text(gap)
        self.gap_label.setText(text)
        self.gap_box.show()
        return text

    def dismiss_gap(self) -> None:
        self.gap_box.hide()
        self.gap_label.clear()

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.phone_activated.emit(index.data(PHONE_ROLE))


def gap_text(gap: EventGap) -> str:
    """The dispatcher's sentence for a possible gap in the event feed (the earlier time
    first, whatever order the server's timestamps came in)."""
    first, last = gap.since, gap.until
    if first is not None and last is not None and first > last:
        first, last = last, first
    since, until = fmt.msk_datetime(first), fmt.msk_datetime(last)
    if since and until:
        when = translate("Events", "Events between {since} and {until} may be missing.")
    elif until:
        when = translate("Events", "Events before {until} may be missing.")
    else:
        when = translate("Events", "Events after {since} may be missing.")
    return " ".join(
        (
            when.format(since=since, until=until),
            translate(
                "Events",
                "Movizor sent only the newest ones; every subscriber's status was checked again.",
            ),
        )
    )


__all__ = ["MAX_EVENTS", "PROBLEM_EVENTS", "EventsModel", "EventsPanel", "event_texts", "gap_text"]

"""The subscriber table view: rows, extended selection, keyboard first, badge columns,
column widths that fit the content in the current language and font."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .badges import STATUS_KEYS, forecast_badge, status_badge
from .delegate import BadgeDelegate, badge_width
from .model import FIX, FORECAST, KM, PHONE, PLACE, STATUS, TAGS, TARIFF, TITLE


class SubscriberTable(QTableView):
    """The table itself: rows, extended selection, keyboard first."""

    enter_pressed = Signal(QModelIndex)  # Enter/Return on the current row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscriberTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vh = self.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicatorClearable(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        delegate = BadgeDelegate(self)
        self.setItemDelegateForColumn(STATUS, delegate)
        self.setItemDelegateForColumn(FORECAST, delegate)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.enter_pressed.emit(current)
            event.accept()
            return
        super().keyPressEvent(event)

    def set_default_widths(self) -> None:
        """Widths that fit typical content in the current language and font."""
        fm = QFontMetrics(self.font())
        fmf = QFontMetricsF(self.font())
        em = fm.horizontalAdvance("M")

        def text(*samples: str) -> int:
            return max(fm.horizontalAdvance(t) for t in samples) + 18

        # the common badges whole; a rare long one ("tracked elsewhere") is elided, with
        # its tooltip, rather than widening the column for every row
        status = min(max(badge_width(status_badge(s), fmf) for s in STATUS_KEYS) + 12, em * 16)
        forecast = (
            max(
                badge_width(b, fmf)
                for b in (forecast_badge(f) for f in ("ok", "late", "finished", "new"))
                if b
            )
            + 12
        )
        widths = {
            PHONE: text("+7 921 001-02-03"),
            TITLE: em * 12,
            STATUS: int(status),
            TARIFF: text("Каждые 15 мин"),
            FIX: text(relative_time_sample()),
            PLACE: em * 10,
            KM: text("1 044 km"),
            FORECAST: int(forecast),
            TAGS: em * 6,
        }
        header = self.horizontalHeader()
        hm = QFontMetrics(header.font())
        model = self.model()
        for column, width in widths.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal)) if model else ""
            # never narrower than the header's own words (plus the sort arrow)
            self.setColumnWidth(column, max(width, hm.horizontalAdvance(title) + 28))


def relative_time_sample() -> str:
    from datetime import timedelta

    from ... import clock
    from ..formatting import relative_time

    now = clock.now()
    return max((relative_time(now - timedelta(minutes=m), now) for m in (59, 23 * 60 - 1)), key=len)


__all__ = ["SubscriberTable"]

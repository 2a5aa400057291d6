"""The period chooser of the exports and the trip report: presets or a range in МСК.

Presets are Moscow days as on the map (today from 00:00 МСК, yesterday, the last 7 days);
"Custom" keeps whatever the two fields say. The dialog opens with the map's track period
when the map shows one, so "export what I see" is one click. A start not before the end
is refused next to the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from ..api.encoding import to_msk

MSK_ZONE = QTimeZone(3 * 3600)
TODAY, YESTERDAY, WEEK, CUSTOM = range(4)


def preset_period(choice: int, now: datetime) -> tuple[datetime, datetime] | None:
    midnight = to_msk(now).replace(hour=0, minute=0, second=0, microsecond=0)
    if choice == TODAY:
        return midnight, now
    if choice == YESTERDAY:
        return midnight - timedelta(days=1), midnight
    if choice == WEEK:
        return now - timedelta(days=7), now
    return None


def to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), MSK_ZONE)


def from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class PeriodDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, *, intro: str = "",
                 period: tuple[datetime, datetime] | None = None, preset: int = TODAY,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPeriodDialog")
        self.setWindowTitle(title)
        self._now = now or clock.now()
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.preset = QComboBox(self)
        self.preset.setObjectName("periodPreset")
        self.preset.addItems([self.tr("Today"), self.tr("Yesterday"), self.tr("Last 7 days"),
                              self.tr("Custom range")])
        self.start_edit = QDateTimeEdit(self)
        self.start_edit.setObjectName("periodStart")
        self.end_edit = QDateTimeEdit(self)
        self.end_edit.setObjectName("periodEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.setTimeZone(MSK_ZONE)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.error = QLabel(self)
        self.error.setObjectName("periodError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.preset)
        form.addRow(self.tr("From (MSK):"), self.start_edit)
        form.addRow(self.tr("To (MSK):"), self.end_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if period is not None:
            self.set_period(*period)
        else:
            self.preset.setCurrentIndex(preset)
            self._preset_chosen(preset)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.start_edit, self.end_edit):
            edit.dateTimeChanged.connect(self._edited)

    def set_period(self, start: datetime, end: datetime) -> None:
        """Show a range as "Custom"."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(CUSTOM)
        self.preset.blockSignals(False)
        self._set_edits(start, end)

    def _set_edits(self, start: datetime, end: datetime) -> None:
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDateTime(to_qt(value))
            edit.blockSignals(False)
        self.error.hide()

    def _preset_chosen(self, index: int) -> None:
        period = preset_period(index, self._now)
        if period is not None:
            self._set_edits(*period)

    def _edited(self) -> None:
        self.error.hide()
        if self.preset.currentIndex() != CUSTOM:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(CUSTOM)
            self.preset.blockSignals(False)

    def period(self) -> tuple[datetime, datetime]:
        return from_qt(self.start_edit.dateTime()), from_qt(self.end_edit.dateTime())

    def accept(self) -> None:
        start, end = self.period()
        if start >= end:
            self.error.setText(self.tr("The start must be before the end."))
            self.error.show()
            self.start_edit.setFocus()
            return
        super().accept()


def ask_period(parent: QWidget, title: str, intro: str,
               then: Callable[[datetime, datetime], None], *,
               period: tuple[datetime, datetime] | None = None, preset: int = TODAY
               ) -> PeriodDialog:
    """Open the dialog window-modal without blocking the event loop; ``then(start, end)``
    runs after OK. A dialog still open from an earlier call is closed first."""
    for old in parent.findChildren(PeriodDialog):
        if old.isVisible():
            old.reject()
    dialog = PeriodDialog(parent, title, intro=intro, period=period, preset=preset)

    def finished(result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            then(*dialog.period())

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


__all__ = ["CUSTOM", "TODAY", "WEEK", "YESTERDAY", "PeriodDialog", "ask_period",
           "preset_period"]

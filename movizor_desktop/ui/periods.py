"""Periods of time in Moscow days: the one set of presets, and the period dialog.

The presets are the same wherever a period is chosen — the map's track bar
(:mod:`.map.controls`), the row menu's Track ▸, the exports and the trip report — and
:func:`period_for` is the one place that says what each means: the service's day starts
at 00:00 МСК, so "today" is from midnight МСК until now, "yesterday" the whole previous МСК
day, "the last 7 days" the last 168 hours; "custom" is a range typed in МСК.

:class:`PeriodDialog` is the chooser of the exports and the trip report. It opens with the
map's track period when the map shows one, so "export what I see" is one click. A start
not before the end is refused next to the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
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
OFF, TODAY, YESTERDAY, WEEK, CUSTOM = range(5)  # OFF: no period (the map's track off)
PRESETS = (TODAY, YESTERDAY, WEEK)
translate = QCoreApplication.translate  # lupdate reads translate("Periods", "text")


def period_for(
    choice: int, now: datetime, custom: tuple[datetime, datetime] | None = None
) -> tuple[datetime, datetime] | None:
    """(start, end) of a choice, aware datetimes; ``custom`` for CUSTOM (None when it is
    reversed); None for OFF."""
    midnight = to_msk(now).replace(hour=0, minute=0, second=0, microsecond=0)
    if choice == TODAY:
        return midnight, now
    if choice == YESTERDAY:
        return midnight - timedelta(days=1), midnight
    if choice == WEEK:
        return now - timedelta(days=7), now
    if choice == CUSTOM and custom is not None and custom[0] < custom[1]:
        return custom
    return None


def choice_names(*, popup: bool = False) -> dict[int, str]:
    """Each choice's name in the user's language; ``popup``: "Custom range…" (it opens
    the range's fields) rather than "Custom range"."""
    return {
        OFF: translate("Periods", "Off"),
        TODAY: translate("Periods", "Today"),
        YESTERDAY: translate("Periods", "Yesterday"),
        WEEK: translate("Periods", "Last 7 days"),
        CUSTOM: (
            translate("Periods", "Custom range…") if popup else translate("Periods", "Custom range")
        ),
    }


def to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), MSK_ZONE)


def from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def msk_edit(parent: QWidget, name: str = "") -> QDateTimeEdit:
    """A date and time field in МСК (dd.MM.yyyy HH:mm, with a calendar)."""
    edit = QDateTimeEdit(parent)
    if name:
        edit.setObjectName(name)
    edit.setTimeZone(MSK_ZONE)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    return edit


class PeriodDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        intro: str = "",
        period: tuple[datetime, datetime] | None = None,
        preset: int = TODAY,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportPeriodDialog")
        self.setWindowTitle(title)
        self._now = now or clock.now()
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.preset = QComboBox(self)
        self.preset.setObjectName("periodPreset")
        names = choice_names()
        for choice in (*PRESETS, CUSTOM):
            self.preset.addItem(names[choice], choice)
        self.start_edit = msk_edit(self, "periodStart")
        self.end_edit = msk_edit(self, "periodEnd")
        self.error = QLabel(self)
        self.error.setObjectName("periodError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
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
            self._choose(preset)
            self._preset_chosen()
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.start_edit, self.end_edit):
            edit.dateTimeChanged.connect(self._edited)

    @property
    def choice(self) -> int:
        return int(self.preset.currentData())

    def _choose(self, choice: int) -> None:
        self.preset.setCurrentIndex(self.preset.findData(choice))

    def set_period(self, start: datetime, end: datetime) -> None:
        """Show a range as "Custom"."""
        self.preset.blockSignals(True)
        self._choose(CUSTOM)
        self.preset.blockSignals(False)
        self._set_edits(start, end)

    def _set_edits(self, start: datetime, end: datetime) -> None:
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDateTime(to_qt(value))
            edit.blockSignals(False)
        self.error.hide()

    def _preset_chosen(self, *_: object) -> None:
        if self.choice != CUSTOM:
            period = period_for(self.choice, self._now)
            if period is not None:
                self._set_edits(*period)

    def _edited(self) -> None:
        self.error.hide()
        if self.choice != CUSTOM:
            self.preset.blockSignals(True)
            self._choose(CUSTOM)
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


def ask_period(
    parent: QWidget,
    title: str,
    intro: str,
    then: Callable[[datetime, datetime], None],
    *,
    period: tuple[datetime, datetime] | None = None,
    preset: int = TODAY,
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


__all__ = [
    "CUSTOM",
    "MSK_ZONE",
    "OFF",
    "PRESETS",
    "TODAY",
    "WEEK",
    "YESTERDAY",
    "PeriodDialog",
    "ask_period",
    "choice_names",
    "from_qt",
    "msk_edit",
    "period_for",
    "to_qt",
]

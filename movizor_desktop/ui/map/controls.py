"""The map panel's controls: the track period bar and the playback bar.

Periods are Moscow days (the service's day starts at 00:00 МСК): "today" is from midnight
МСК until now, "yesterday" the whole previous МСК day, "7 days" the last 168 hours, and a
custom range is typed in МСК. Playback runs on a 10 Hz timer and moves a point along the
track at ×1, ×10, ×60 or ×300 of real time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QElapsedTimer, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...api.encoding import MSK, to_msk
from .. import formatting

MSK_ZONE = QTimeZone(3 * 3600)
OFF, TODAY, YESTERDAY, WEEK, CUSTOM = range(5)
SPEEDS = (1, 10, 60, 300)
TICK_MS = 100


def period_for(choice: int, now: datetime, custom: tuple[datetime, datetime] | None = None
               ) -> tuple[datetime, datetime] | None:
    """(start, end) of a period choice, aware datetimes; None for "off"."""
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


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), MSK_ZONE)


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class PeriodBar(QWidget):
    period_changed = Signal()  # the chosen period changed, or "Show" was pressed
    accuracy_toggled = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.start_edit = QDateTimeEdit(self)
        self.end_edit = QDateTimeEdit(self)
        self.show_button = QPushButton(self)
        self.accuracy = QCheckBox(self)
        self.accuracy.setChecked(True)
        for edit in (self.start_edit, self.end_edit):
            edit.setTimeZone(MSK_ZONE)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self._custom_chosen = False  # the user (or show_custom) set the range
        self._default_custom_range()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addStretch(1)
        row.addWidget(self.accuracy)
        outer.addLayout(row)
        self.custom_row = QWidget(self)  # a line of its own: keeps the pane narrow
        custom = QHBoxLayout(self.custom_row)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(self.start_edit)
        custom.addWidget(QLabel("–", self.custom_row))
        custom.addWidget(self.end_edit)
        custom.addWidget(self.show_button)
        custom.addStretch(1)
        outer.addWidget(self.custom_row)
        self.retranslate()
        self._custom_visible(False)
        self.combo.currentIndexChanged.connect(self._on_choice)
        self.show_button.clicked.connect(self.period_changed)
        self.accuracy.toggled.connect(self.accuracy_toggled)
        for edit in (self.start_edit, self.end_edit):
            edit.dateTimeChanged.connect(self._custom_edited)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Track:"))
        items = [self.tr("Off"), self.tr("Today"), self.tr("Yesterday"), self.tr("Last 7 days"),
                 self.tr("Custom range…")]
        current = max(0, self.combo.currentIndex())
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(items)
        self.combo.setCurrentIndex(current)
        self.combo.blockSignals(False)
        self.start_edit.setToolTip(self.tr("From (Moscow time)"))
        self.end_edit.setToolTip(self.tr("To (Moscow time)"))
        self.show_button.setText(self.tr("Show"))
        self.accuracy.setText(self.tr("Accuracy circles"))
        self.accuracy.setToolTip(self.tr("Show how far each position may be off "
                                         "(mobile network positions are approximate)"))

    def _custom_visible(self, visible: bool) -> None:
        self.custom_row.setVisible(visible)

    def _default_custom_range(self) -> None:
        """The last 24 hours up to Movizor's now, until the user picks a range."""
        now = clock.now()
        for edit, value in ((self.start_edit, now - timedelta(days=1)), (self.end_edit, now)):
            edit.blockSignals(True)
            edit.setDateTime(_to_qt(value))
            edit.blockSignals(False)

    def _custom_edited(self) -> None:
        self._custom_chosen = True

    def _on_choice(self, index: int) -> None:
        if index == CUSTOM and not self._custom_chosen:
            self._default_custom_range()  # "now" has moved on since the bar was built
        self._custom_visible(index == CUSTOM)
        if index != CUSTOM:
            self.period_changed.emit()

    @property
    def choice(self) -> int:
        return self.combo.currentIndex()

    def show_custom(self, start: datetime, end: datetime) -> None:
        """Show a period chosen elsewhere as the custom range (no period_changed)."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(CUSTOM)
        self.combo.blockSignals(False)
        self.start_edit.setDateTime(_to_qt(start))
        self.end_edit.setDateTime(_to_qt(end))
        self._custom_chosen = True
        self._custom_visible(True)

    def custom_range(self) -> tuple[datetime, datetime]:
        return _from_qt(self.start_edit.dateTime()), _from_qt(self.end_edit.dateTime())

    def period(self, now: datetime | None = None) -> tuple[datetime, datetime] | None:
        return period_for(self.choice, now or clock.now(), self.custom_range())


class PlaybackBar(QWidget):
    position_changed = Signal(float)  # seconds from the first fix

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.play_button = QToolButton(self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.time_label = QLabel(self)
        self.speed = QComboBox(self)
        self.speed.addItems([f"×{s}" for s in SPEEDS])
        self.speed.setCurrentIndex(SPEEDS.index(60))
        self.follow = QCheckBox(self)
        self.follow.setChecked(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        row.addWidget(self.speed)
        row.addWidget(self.follow)
        self._t0: datetime | None = None
        self._position = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._clock = QElapsedTimer()
        self._timer.timeout.connect(self._tick)
        self.play_button.clicked.connect(self.toggle)
        self.slider.valueChanged.connect(self._on_slider)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self._update_button()
        self.speed.setToolTip(self.tr("Playback speed"))
        self.follow.setText(self.tr("Follow"))
        self.follow.setToolTip(self.tr("Keep the moving point in view"))
        self.slider.setToolTip(self.tr("Position in the track"))

    def _update_button(self) -> None:
        playing = self._timer.isActive()
        self.play_button.setText("❚❚" if playing else "▶")
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play the track"))

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def position(self) -> float:
        return self._position

    @property
    def speed_factor(self) -> int:
        return SPEEDS[max(0, self.speed.currentIndex())]

    def set_track(self, first: datetime, duration_s: float) -> None:
        self.pause()
        self._t0 = first
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, int(duration_s)))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._position = 0.0
        self.setEnabled(duration_s > 0)
        self._show_time()

    def clear(self) -> None:
        self.pause()
        self._t0 = None
        self.slider.setRange(0, 0)
        self._position = 0.0
        self.time_label.clear()
        self.setEnabled(False)

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self._t0 is None:
            return
        if self._position >= self.slider.maximum():
            self.seek(0)
        self._clock.start()
        self._timer.start()
        self._update_button()

    def pause(self) -> None:
        self._timer.stop()
        self._update_button()

    def seek(self, seconds: float) -> None:
        self._position = min(max(0.0, seconds), float(self.slider.maximum()))
        self.slider.blockSignals(True)
        self.slider.setValue(int(self._position))
        self.slider.blockSignals(False)
        self._show_time()
        self.position_changed.emit(self._position)

    def _on_slider(self, value: int) -> None:
        self.seek(float(value))

    def _tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        self.seek(self._position + elapsed * self.speed_factor)
        if self._position >= self.slider.maximum():
            self.pause()

    def _show_time(self) -> None:
        if self._t0 is None:
            self.time_label.clear()
            return
        moment = self._t0 + timedelta(seconds=self._position)
        self.time_label.setText(formatting.msk_datetime(moment.astimezone(MSK)))

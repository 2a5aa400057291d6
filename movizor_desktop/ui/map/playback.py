"""The track's playback bar: a slider across the map (the moment it points at beside it),
speeds up to an hour a second, stops skipped, and a jump to the previous or next stop.

Playback runs on a 10 Hz timer and moves the point along the track at ×1 … ×3600 of real
time. A new track starts at a speed that plays it in about a minute and a half (until the
dispatcher picks one). With **Skip stops** on (the default), time the truck stood still or
was silent — the track's idle spans: stops of 15 minutes or more and gaps — passes at
once, so a week that starts with a 37-hour stop plays from the first move. ⏮ / ⏭ jump to
the start of the previous / next stop.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...api.encoding import MSK
from .. import formatting

SPEEDS = (1, 10, 60, 300, 900, 3600)
TICK_MS = 100
PLAY_SECONDS = 90  # a new track's speed plays it in about this long


def speed_for(duration_s: float, spans: Sequence[tuple[float, float]] = ()) -> int:
    """The slowest speed that plays the moving part of the track within
    :data:`PLAY_SECONDS` (the fastest when none does)."""
    moving = max(0.0, duration_s - sum(end - start for start, end in spans))
    for speed in SPEEDS:
        if moving / speed <= PLAY_SECONDS:
            return speed
    return SPEEDS[-1]


class PlaybackBar(QWidget):
    position_changed = Signal(float)  # seconds from the first fix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("playback_slider")
        style = self.style()
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.play_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.time_label = QLabel(self)
        self.time_label.setObjectName("playback_time")
        self.speed = QComboBox(self)
        self.speed.addItems([f"×{s}" for s in SPEEDS])
        self.skip_stops = QCheckBox(self)
        self.skip_stops.setObjectName("skip_stops")
        self.skip_stops.setChecked(True)
        self.follow = QCheckBox(self)
        self.follow.setChecked(True)
        track = QHBoxLayout()  # the slider across the map, the moment it points at
        track.setContentsMargins(0, 0, 0, 0)
        track.addWidget(self.slider, 1)
        track.addWidget(self.time_label)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.previous_button,
            self.play_button,
            self.next_button,
            self.speed,
            self.skip_stops,
            self.follow,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 2, 6, 2)
        column.setSpacing(0)
        column.addLayout(track)
        column.addLayout(controls)
        self._t0: datetime | None = None
        self._position = 0.0
        self._spans: list[tuple[float, float]] = []
        self._stops: list[float] = []  # where each stop starts (seconds)
        self._speed_chosen = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._clock = QElapsedTimer()
        self._timer.timeout.connect(self._tick)
        self.play_button.clicked.connect(self.toggle)
        self.previous_button.clicked.connect(self.previous_stop)
        self.next_button.clicked.connect(self.next_stop)
        self.slider.valueChanged.connect(self._on_slider)
        self.speed.activated.connect(lambda _i: setattr(self, "_speed_chosen", True))
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self._update_button()
        self.speed.setToolTip(self.tr("Playback speed: seconds of the track per second"))
        self.skip_stops.setText(self.tr("Skip stops"))
        self.skip_stops.setToolTip(
            self.tr("Pass the time the truck stood still (15 min or more) or was silent at once")
        )
        self.previous_button.setToolTip(self.tr("Previous stop"))
        self.next_button.setToolTip(self.tr("Next stop"))
        self.previous_button.setAccessibleName(self.tr("Previous stop"))
        self.next_button.setAccessibleName(self.tr("Next stop"))
        self.follow.setText(self.tr("Follow"))
        self.follow.setToolTip(self.tr("Keep the moving point in view"))
        self.slider.setToolTip(self.tr("Position in the track"))

    def _update_button(self) -> None:
        playing = self._timer.isActive()
        self.play_button.setIcon(
            self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPause
                if playing
                else QStyle.StandardPixmap.SP_MediaPlay
            )
        )
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

    def set_speed(self, factor: int) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(factor))
        self._speed_chosen = True

    def set_track(
        self,
        first: datetime,
        duration_s: float,
        spans: Sequence[tuple[float, float]] = (),
        stops: Sequence[float] = (),
    ) -> None:
        """A new track: ``spans`` (from, to) seconds where playback may skip, ``stops``
        the seconds each stop starts at."""
        self.pause()
        self._t0 = first
        self._spans = [(a, b) for a, b in spans if b > a]
        self._stops = sorted(stops)
        if not self._speed_chosen:
            self.speed.setCurrentIndex(SPEEDS.index(speed_for(duration_s, self._spans)))
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, int(duration_s)))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._position = 0.0
        self.setEnabled(duration_s > 0)
        self._update_stop_buttons()
        self._show_time()

    def clear(self) -> None:
        self.pause()
        self._t0 = None
        self._spans, self._stops = [], []
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
        self._update_stop_buttons()
        self._show_time()
        self.position_changed.emit(self._position)

    # --- stops ------------------------------------------------------------------------------

    def previous_stop(self) -> None:
        """To the start of the stop before the current position (a second of slack, so
        a second press goes one stop further back)."""
        index = bisect.bisect_left(self._stops, self._position - 1.0)
        if index > 0:
            self.seek(self._stops[index - 1])

    def next_stop(self) -> None:
        index = bisect.bisect_right(self._stops, self._position + 1.0)
        if index < len(self._stops):
            self.seek(self._stops[index])

    def _update_stop_buttons(self) -> None:
        self.previous_button.setEnabled(bool(self._stops) and self._stops[0] < self._position - 1)
        self.next_button.setEnabled(bool(self._stops) and self._stops[-1] > self._position + 1)

    def _skip(self, seconds: float) -> float:
        """``seconds``, moved to the end of an idle span it falls in (Skip stops on)."""
        if not self.skip_stops.isChecked():
            return seconds
        for start, end in self._spans:
            if start <= seconds < end:
                return end
        return seconds

    # --- ticking ----------------------------------------------------------------------------

    def _on_slider(self, value: int) -> None:
        self.seek(float(value))

    def _tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        self.seek(self._skip(self._position + elapsed * self.speed_factor))
        if self._position >= self.slider.maximum():
            self.pause()

    def _show_time(self) -> None:
        if self._t0 is None:
            self.time_label.clear()
            return
        moment = (self._t0 + timedelta(seconds=self._position)).astimezone(MSK)
        self.time_label.setText(
            formatting.translate("Formatting", "{time} MSK").format(time=f"{moment:%d.%m %H:%M}")
        )  # the year is the track's (in the tooltip)
        self.time_label.setToolTip(formatting.msk_datetime(moment))


__all__ = ["PLAY_SECONDS", "SPEEDS", "PlaybackBar", "speed_for"]

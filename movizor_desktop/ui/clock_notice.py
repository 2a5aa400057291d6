"""The status bar's word on the PC's clock: how far it is from Movizor's, when that matters.

The app's times follow Movizor's clock (:mod:`movizor_desktop.clock`), so a wrong PC clock
no longer cuts tracks or misjudges arrivals; but the dispatcher compares the app with the
clock on the wall and on the taskbar, and should know why they disagree. When the PC is
more than :data:`~movizor_desktop.clock.SKEW_WARNING` off, a chip appears in the status bar
with the difference, and the message area says so once per session.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from ..clock import SKEW_WARNING, MovizorClock
from . import formatting as fmt
from .statusbar import WARNING, StatusBar

_CHIP_STYLE = (
    "QLabel { color: #7a4a00; background: #fff3cd; border: 1px solid #e0c060;"
    " border-radius: 3px; padding: 1px 6px; }"
)


def difference_text(seconds: float) -> str:
    """``10 min``, ``2 h 5 min``: the size of a clock difference."""
    minutes = max(1, round(abs(seconds) / 60))
    return fmt.duration_hours(minutes / 60)


class ClockNotice(QObject):
    """Shows the PC's clock error in ``statusbar`` for the clock it watches."""

    changed = Signal()  # the offset moved (from whichever thread observed: queued)

    def __init__(self, statusbar: StatusBar) -> None:
        super().__init__(statusbar)
        self.statusbar = statusbar
        self.chip = QLabel(statusbar)
        self.chip.setObjectName("clockNotice")
        self.chip.setStyleSheet(_CHIP_STYLE)
        self.chip.hide()
        statusbar.insertPermanentWidget(1, self.chip)  # index 0 is the message area
        self._clock: MovizorClock | None = None
        self._told = False
        self.changed.connect(self.refresh)

    def watch(self, clock: MovizorClock | None) -> None:
        """Follow ``clock`` (a session's) instead of the previous one; None: no session."""
        if self._clock is not None:
            self._clock.remove_listener(self._on_offset)
        self._clock = clock
        self._told = False
        if clock is not None:
            clock.add_listener(self._on_offset)
        self.refresh()

    def _on_offset(self, clock: MovizorClock) -> None:
        if not shiboken6.isValid(self):  # the window is gone; the session's clock is not
            clock.remove_listener(self._on_offset)
            return
        self.changed.emit()

    def skew(self) -> float | None:
        return self._clock.skew() if self._clock is not None else None

    def refresh(self) -> None:
        skew = self.skew()
        if skew is None or abs(skew) <= SKEW_WARNING:
            self.chip.hide()
            return
        size = difference_text(skew)
        if skew > 0:
            chip = self.tr("PC clock {difference} behind").format(difference=size)
            sentence = self.tr("This computer's clock is {difference} behind Movizor's.")
        else:
            chip = self.tr("PC clock {difference} ahead").format(difference=size)
            sentence = self.tr("This computer's clock is {difference} ahead of Movizor's.")
        sentence = sentence.format(difference=size)
        self.chip.setText(chip)
        self.chip.setToolTip(
            sentence
            + "\n"
            + self.tr(
                "The times in this app follow Movizor's clock, learned from its answers, so "
                'tracks, "N min ago" and late arrivals are judged right. To make the computer '
                "agree, correct its date and time settings (or ask IT to turn on time "
                "synchronisation)."
            )
        )
        self.chip.show()
        if not self._told:
            self._told = True
            self.statusbar.show_message(sentence, WARNING, timeout_ms=30000)


__all__ = ["ClockNotice", "difference_text"]

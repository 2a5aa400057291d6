"""Keeping a profile's Movizor clock: restored from the cache, fed by timestamps, saved.

The client's :class:`~movizor_desktop.clock.MovizorClock` learns the offset from every
answer's ``Date`` header. The sync engine adds what only it sees: the offset kept in the
profile's cache from the last run (so a PC that starts offline already knows how far off it
is), and the newest Movizor timestamps of a step (a lower bound of Movizor's time where no
answer carries a ``Date`` header). No Qt here.
"""

from __future__ import annotations

import logging

from ..clock import MovizorClock
from .step import Step

log = logging.getLogger(__name__)

META_CLOCK_OFFSET = "clock_offset"
SAVE_CHANGE = 1.0  # seconds the offset must move before it is written again


class ClockKeeper:
    def __init__(self, clock: MovizorClock) -> None:
        self.clock = clock
        self._saved: float | None = None

    def restore(self, text: str | None) -> None:
        """Take the offset kept by the last run (the cache's text), if any."""
        if not text:
            return
        try:
            offset = float(text)
        except ValueError:
            log.warning("ignoring a damaged kept clock offset")
            return
        if offset == offset and abs(offset) < 10 * 365 * 86400:  # not NaN, not absurd
            self._saved = offset
            self.clock.restore(offset)

    def observe(self, step: Step) -> None:
        """The newest timestamp a step brought tells Movizor's time is at least that."""
        stamps = [
            p.timestamp
            for fixes in step.positions.values()
            for p in fixes
            if p.timestamp is not None
        ]
        stamps += [e.timestamp for e in step.events if e.timestamp is not None]
        if stamps:
            self.clock.observe_timestamp(max(stamps))

    def meta(self) -> dict[str, str]:
        """The offset to save with the next cache write, when it moved noticeably."""
        offset = self.clock.skew()
        if offset is None or (self._saved is not None and abs(offset - self._saved) < SAVE_CHANGE):
            return {}
        self._saved = offset
        return {META_CLOCK_OFFSET: f"{offset:.1f}"}


__all__ = ["META_CLOCK_OFFSET", "ClockKeeper"]

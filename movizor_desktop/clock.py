"""Movizor's time: the one "now" for everything compared with Movizor's timestamps.

Movizor stamps positions, events, planned arrivals and tariff switches with its own clock.
A dispatcher PC's clock may be minutes off (no NTP in a locked-down office), and a demo's
simulator runs 30× faster than real time: comparing Movizor's stamps with the PC's clock
would cut tracks short, call a fresh fix "in the future" and judge arrivals wrongly.

:class:`MovizorClock` is the PC's clock plus an *offset* learned from the server's answers:

* every HTTP answer's ``Date`` header gives one sample, ``date + 0.5 s − midpoint of the
  request`` (the header has whole seconds, so it is on average half a second behind);
* the offset is the median of the last :data:`SAMPLES` samples, so one slow answer or a
  proxy's cached ``Date`` does not move it; the first sample is taken at once;
* where answers carry no ``Date`` header, the newest Movizor timestamp seen is a lower
  bound of Movizor's time, and the offset moves forward to honour it;
* a clock may be driven by a *source* instead (the demo's simulator clock): then it is
  exactly that clock, and samples are ignored.

The session of each profile owns a clock and keeps its offset in the profile's cache, so a
PC that starts offline already knows how far off it is. The window installs the shown
session's clock as the app clock (:func:`install`); :func:`now` reads it.

Only what concerns the person at the PC reads the PC's own clock, through :func:`pc_now`:
quiet hours, file names, log lines and local bookkeeping. Nothing else in the package reads
the wall clock (``tests/test_clock_reads.py`` scans for it). No Qt here.
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime

log = logging.getLogger(__name__)

SAMPLES = 7  # Date-header samples the median is taken over
SKEW_WARNING = 120.0  # seconds: a PC clock further off than this is worth a word
_RESOLUTION = 0.5  # a Date header truncates to whole seconds: half a second on average

Listener = Callable[["MovizorClock"], None]


def pc_time() -> float:
    """Seconds since the epoch on the PC's own clock (the only wall-clock read)."""
    return time.time()


def pc_now() -> datetime:
    """The PC's own clock, in its own zone: for quiet hours, file names and logs only."""
    return datetime.fromtimestamp(pc_time()).astimezone()


def local_zone() -> tzinfo:
    """The PC's time zone (follows ``TZ``); used to show local times beside МСК."""
    zone = pc_now().tzinfo
    return zone if zone is not None else UTC


class MovizorClock:
    """The PC's clock plus the learned offset to Movizor's (thread-safe).

    ``source``: a callable giving Movizor's time directly (the demo's simulator clock);
    ``wall``: the PC clock in epoch seconds (tests pass their own); ``offset``: a starting
    estimate in seconds (Movizor minus PC), e.g. the one kept from the last run.
    """

    def __init__(
        self,
        *,
        source: Callable[[], datetime] | None = None,
        wall: Callable[[], float] = pc_time,
        offset: float | None = None,
    ) -> None:
        self._source = source
        self._wall = wall
        self._lock = threading.Lock()
        self._samples: deque[float] = deque(maxlen=SAMPLES)
        self._offset = float(offset) if offset is not None else 0.0
        self._known = offset is not None  # an estimate exists (learned or restored)
        self._dated = False  # a Date header was seen: timestamps no longer adjust
        self._listeners: list[Listener] = []

    def __repr__(self) -> str:
        kind = "source" if self._source is not None else f"offset={self.offset:+.1f}s"
        return f"MovizorClock({kind}, now={self.now().isoformat(timespec='seconds')})"

    # --- reading ---------------------------------------------------------------------

    def now(self) -> datetime:
        """Movizor's current time (aware, UTC)."""
        if self._source is not None:
            return self._source().astimezone(UTC)
        return datetime.fromtimestamp(self._wall() + self._offset, UTC)

    @property
    def offset(self) -> float:
        """Movizor's time minus the PC's, in seconds (positive: the PC is behind)."""
        if self._source is not None:
            return self._source().timestamp() - self._wall()
        return self._offset

    @property
    def known(self) -> bool:
        """True once the offset was learned from an answer or restored from the cache."""
        return self._source is not None or self._known

    @property
    def driven(self) -> bool:
        """True for a clock that follows a source (the demo) rather than learning."""
        return self._source is not None

    def skew(self) -> float | None:
        """The PC's error against Movizor (seconds, positive: PC behind); None if unknown.

        A driven clock (the demo) has no meaningful PC error: None.
        """
        if self._source is not None or not self._known:
            return None
        return self._offset

    # --- learning --------------------------------------------------------------------

    def wall(self) -> float:
        """The PC clock this instance compares with (for timing a request)."""
        return self._wall()

    def observe_date(self, header: str | None, *, sent: float, received: float) -> None:
        """Learn from one answer's ``Date`` header; ``sent``/``received`` from :meth:`wall`."""
        if self._source is not None or not header:
            return
        try:
            stamp = parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError):
            return
        if stamp is None or stamp.tzinfo is None:
            return
        sample = stamp.timestamp() + _RESOLUTION - (sent + received) / 2.0
        with self._lock:
            self._dated = True
            self._samples.append(sample)
            changed = self._set_locked(statistics.median(self._samples))
        if changed:
            self._notify()

    def observe_timestamp(self, moment: datetime | None) -> None:
        """A Movizor timestamp just received: Movizor's time is at least that.

        Used only while no answer carried a ``Date`` header (a proxy may strip it).
        """
        if moment is None or self._source is not None:
            return
        bound = moment.timestamp() - self._wall()
        with self._lock:
            if self._dated or (self._known and bound <= self._offset):
                return
            changed = self._set_locked(bound)
        if changed:
            self._notify()

    def restore(self, offset: float) -> None:
        """Take a kept offset (from the last run) unless one was learned already."""
        if self._source is not None:
            return
        with self._lock:
            if self._known:
                return
            changed = self._set_locked(float(offset))
        if changed:
            self._notify()

    def _set_locked(self, value: float) -> bool:
        changed = not self._known or abs(value - self._offset) >= 0.001
        self._offset = value
        self._known = True
        return changed

    # --- listeners -------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """``listener(clock)`` after the offset changed (on the thread that observed)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener(self)
            except Exception:  # a listener must not break learning
                log.exception("clock listener failed")


_current = MovizorClock()


def install(clock: MovizorClock) -> None:
    """Make ``clock`` the app clock (the window does this for the session it shows)."""
    global _current
    _current = clock


def current() -> MovizorClock:
    """The app clock."""
    return _current


def now() -> datetime:
    """Movizor's current time on the app clock (aware, UTC)."""
    return _current.now()


__all__ = [
    "SAMPLES",
    "SKEW_WARNING",
    "MovizorClock",
    "current",
    "install",
    "local_zone",
    "now",
    "pc_now",
    "pc_time",
]

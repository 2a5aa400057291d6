"""The driver's clock: how long a stretch of driving really takes once the mandatory breaks
and daily rests of a :class:`~.rules.RuleSet` are put in. No Qt.

Time is in minutes (floats). :class:`DriverState` counts what the rules limit: driving
since the last break, driving and time on duty since the last daily rest, and the breaks
taken since (a rule set may time its first break differently from the later ones).

The rules, as :func:`drive` applies them (``docs/planning.md`` gives the reasons):

* The driver drives until a limit is reached, then stops: a **daily rest** when the day's
  driving or the working day's span is used up (a break that would carry the day past its
  span is a rest instead), otherwise a **break**. A rest also counts as the break.
* A stop is only taken when there is driving left to do. A stretch that ends exactly at a
  limit (4 h 30 min of driving ending at the point) arrives without the stop; the stop is
  then *owed* and :func:`settle` takes it before the driver sets off again.
* Waiting is rest (:func:`idle`): a wait as long as a break clears the break owed, one as
  long as a daily rest starts a new day. Loading and unloading are work (:func:`work`):
  they fill the working day but clear nothing.
* The extensions the law allows (10 h twice a week, a reduced 9 h rest, an extra hour to
  reach a parking place, a break split 15 + 30) are not planned on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .rules import RuleSet

EPS = 1e-6  # minutes: 4.5 h computed from a distance is 269.99999999 or 270.00000001


class StopKind(StrEnum):
    BREAK = "break"
    REST = "rest"


@dataclass(slots=True)
class DriverState:
    """What the rules count (minutes); a fresh driver is all zeros."""

    since_break: float = 0.0  # driving since the last break or rest
    today: float = 0.0  # driving since the last daily rest
    duty: float = 0.0  # time on duty since the last daily rest ended
    breaks: int = 0  # breaks since the last daily rest

    def copy(self) -> DriverState:
        return DriverState(self.since_break, self.today, self.duty, self.breaks)


# (kind, minutes after the stretch began, duration, fraction of the stretch driven before it)
StopSink = Callable[[StopKind, float, float, float], None]


def _break_after(state: DriverState, rules: RuleSet) -> float:
    return rules.break_after_min if state.breaks == 0 else rules.next_break_after_min


def _break_min(state: DriverState, rules: RuleSet) -> float:
    return rules.break_min if state.breaks == 0 else rules.next_break_min


def due(state: DriverState, rules: RuleSet) -> StopKind | None:
    """The stop the driver must take before driving on, or None."""
    duty_max = rules.day_duty_min
    if state.today >= rules.day_driving_min - EPS:
        return StopKind.REST
    if duty_max is not None and state.duty >= duty_max - EPS:
        return StopKind.REST
    if state.since_break >= _break_after(state, rules) - EPS:
        if duty_max is not None and state.duty + _break_min(state, rules) >= duty_max - EPS:
            return StopKind.REST  # after the break the day would be over anyway
        return StopKind.BREAK
    return None


def take(state: DriverState, kind: StopKind, rules: RuleSet) -> float:
    """Take a stop: update ``state`` and return its duration."""
    if kind is StopKind.REST:
        state.since_break = state.today = state.duty = 0.0
        state.breaks = 0
        return rules.daily_rest_min
    minutes = _break_min(state, rules)
    state.since_break = 0.0
    state.breaks += 1
    state.duty += minutes
    return minutes


@dataclass(frozen=True, slots=True)
class _Day:
    """A rested driver's whole day under some rules: its driving, its length with the
    daily rest, and its breaks as (driving done before it, its duration)."""

    driving: float
    elapsed: float
    breaks: tuple[tuple[float, float], ...]


def _full_day(rules: RuleSet) -> _Day:
    """The day every rested driver drives under ``rules`` (computed once per rule set):
    long drives skip whole days, and the last part of one is read off its breaks."""
    day: _Day | None = rules.derived.get("day")
    if day is None:
        stops: list[tuple[StopKind, float, float]] = []
        drive(
            DriverState(),
            rules,
            rules.day_driving_min + 1.0,
            lambda kind, at, duration, _f: stops.append((kind, at, duration)),
        )
        at, rest = next((a, d) for k, a, d in stops if k is StopKind.REST)
        breaks, stopped = [], 0.0
        for kind, when, duration in stops:
            if kind is StopKind.BREAK and when < at:
                breaks.append((when - stopped, duration))
                stopped += duration
        day = rules.derived["day"] = _Day(at - stopped, at + rest, tuple(breaks))
    return day


def _drive_rested(state: DriverState, rules: RuleSet, minutes: float) -> float:
    """:func:`drive` for a rested driver without recording stops, by arithmetic."""
    day = _full_day(rules)
    days = int((minutes - EPS) // day.driving) if minutes > EPS else 0
    rest = minutes - days * day.driving  # in (EPS, day.driving], or ~0
    since, stopped, taken = rest, 0.0, 0
    for position, duration in day.breaks:
        if position >= rest - EPS:
            break  # the drive ends before this break is needed
        stopped += duration
        taken += 1
        since = rest - position
    state.since_break, state.today, state.duty, state.breaks = since, rest, rest + stopped, taken
    return days * day.elapsed + rest + stopped


def drive(
    state: DriverState, rules: RuleSet, minutes: float, on_stop: StopSink | None = None
) -> float:
    """Drive ``minutes``; return the time it takes with the stops put in.

    ``on_stop(kind, at, duration, fraction)`` hears of each stop: ``at`` minutes after the
    stretch began, ``fraction`` of the stretch driven before it. Without it, a rested
    driver's drive is counted by arithmetic (the ranking drives thousands of trucks).
    """
    if on_stop is None and not (state.since_break or state.today or state.duty or state.breaks):
        return _drive_rested(state, rules, minutes)
    elapsed = driven = 0.0
    remaining = minutes
    duty_max = rules.day_duty_min
    while remaining > EPS:
        kind = due(state, rules)
        if kind is not None:
            duration = take(state, kind, rules)
            if on_stop is not None:
                on_stop(kind, elapsed, duration, driven / minutes)
            elapsed += duration
            continue
        chunk = min(
            remaining,
            _break_after(state, rules) - state.since_break,
            rules.day_driving_min - state.today,
        )
        if duty_max is not None:
            chunk = min(chunk, duty_max - state.duty)
        state.since_break += chunk
        state.today += chunk
        state.duty += chunk
        elapsed += chunk
        driven += chunk
        remaining -= chunk
    return elapsed


def settle(state: DriverState, rules: RuleSet, on_stop: StopSink | None = None) -> float:
    """Take the stops owed before driving again; return how long they last."""
    elapsed = 0.0
    while (kind := due(state, rules)) is not None:
        duration = take(state, kind, rules)
        if on_stop is not None:
            on_stop(kind, elapsed, duration, 0.0)
        elapsed += duration
    return elapsed


def idle(state: DriverState, rules: RuleSet, minutes: float) -> None:
    """The driver waits (free of work) for ``minutes``."""
    if minutes <= EPS:
        return
    if minutes >= rules.daily_rest_min - EPS:
        state.since_break = state.today = state.duty = 0.0
        state.breaks = 0
        return
    if minutes >= _break_min(state, rules) - EPS and state.since_break > EPS:
        state.since_break = 0.0
        state.breaks += 1
    state.duty += minutes


def work(state: DriverState, minutes: float) -> None:
    """The driver works without driving (loading, unloading) for ``minutes``."""
    if minutes > 0:
        state.duty += minutes


__all__ = ["EPS", "DriverState", "StopKind", "drive", "due", "idle", "settle", "take", "work"]

"""Encoding of request parameters exactly as the Movizor server expects them.

* Arrays and maps use PHP bracket syntax: ``st[]=12:00``, ``phone[]=…``,
  ``destination[0][text]=Казань``, ``metadata[Исполнитель]=Петров``.
* Tags are comma-joined, flags are sent as ``1``.
* Clearing is disputed (``docs/protocol.md``): the 2017 reading clears with a bare
  ``destination=``, ``st=`` or ``metadata=`` and takes an omitted ``swN`` for a day off;
  the other reading changes only what is given explicitly. A schedule is therefore sent
  with every weekday explicit (``sw1=1``, ``sw2=0``…), which both readings accept, so a
  day off and a cleared schedule work either way. An empty route or metadata can only
  be sent bare: the caller reads the subscriber back and says what Movizor kept
  (:func:`movizor_desktop.sync.clearing.kept_after_clear`).
* ``dateoff`` is ``dd.mm.yyyy hh:mm:ss`` and route times ``dd.mm.yyyy hh:mm``, both in
  Moscow time. Aware datetimes are converted; naive ones are taken as Moscow time.

Parameters are built as an ordered list of ``(name, value)`` string pairs, which httpx
sends form-encoded (POST) or as a query string (GET), always UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

# Moscow has been UTC+3 all year since 2014; a fixed offset needs no tz database.
MSK = timezone(timedelta(hours=3), "МСК")

DATEOFF_FORMAT = "%d.%m.%Y %H:%M:%S"
ROUTE_TIME_FORMAT = "%d.%m.%Y %H:%M"
METADATA_NAME_MAX = 32
METADATA_VALUE_MAX = 64

Params = list[tuple[str, str]]


def to_msk(moment: datetime) -> datetime:
    """``moment`` in Moscow time; a naive datetime is taken to be Moscow time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=MSK)
    return moment.astimezone(MSK)


def format_dateoff(moment: datetime) -> str:
    return to_msk(moment).strftime(DATEOFF_FORMAT)


def format_route_time(moment: datetime) -> str:
    return to_msk(moment).strftime(ROUTE_TIME_FORMAT)


def parse_route_time(text: str) -> datetime:
    """``dd.mm.yyyy hh:mm`` (Moscow) as an aware datetime; raises ValueError."""
    return datetime.strptime(text.strip(), ROUTE_TIME_FORMAT).replace(tzinfo=MSK)


def from_unix(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def to_unix(moment: datetime | date) -> int:
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(), tzinfo=MSK)
    return int(to_msk(moment).timestamp())


def format_coord(lat: float, lon: float) -> str:
    """``lat,lon`` with 8 decimals, latitude first, as the server expects."""
    return f"{lat:.8f},{lon:.8f}"


def validate_coord(lat: float, lon: float) -> None:
    if not (-90.0 <= lat <= 90.0) or not (-180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")


@dataclass(frozen=True, slots=True)
class RoutePoint:
    """One point of ``destination[]``: a name, coordinates and the planned arrival."""

    text: str
    lat: float
    lon: float
    time: datetime | None = None

    def __post_init__(self) -> None:
        validate_coord(self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Schedule:
    """Scheduled position requests: weekdays (1 = Monday … 7 = Sunday) and times of day.

    Times are Moscow wall-clock times, kept sorted without duplicates.
    """

    days: frozenset[int] = field(default_factory=frozenset)
    times: tuple[time, ...] = ()

    def __post_init__(self) -> None:
        days = frozenset(int(d) for d in self.days)
        if not days <= set(range(1, 8)):
            raise ValueError(f"weekdays must be 1..7, got {sorted(days)}")
        times = tuple(sorted({t.replace(second=0, microsecond=0, tzinfo=None) for t in self.times}))
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "times", times)

    @property
    def empty(self) -> bool:
        return not self.days and not self.times


def parse_hhmm(text: str) -> time:
    """``hh:mm`` (``9:00`` allowed) as a time; raises ValueError."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"not a time of day (hh:mm): {text!r}")
    return time(int(hours), int(minutes))


def encode_tags(tags: Iterable[str]) -> str:
    cleaned = [t.strip() for t in tags if t and t.strip()]
    return ",".join(dict.fromkeys(cleaned))


def encode_route(points: Iterable[RoutePoint]) -> Params:
    """``destination[i][text|coord|time]`` pairs; an empty route is ``destination=``."""
    out: Params = []
    for i, point in enumerate(points):
        out.append((f"destination[{i}][text]", point.text))
        out.append((f"destination[{i}][coord]", format_coord(point.lat, point.lon)))
        if point.time is not None:
            out.append((f"destination[{i}][time]", format_route_time(point.time)))
    return out or [("destination", "")]


def encode_schedule(schedule: Schedule) -> Params:
    """Every weekday explicit, ``sw1``..``sw7`` = ``1`` or ``0``, then ``st[]=hh:mm``
    (no times: a bare ``st=``, which clears the times where the server reads it so; with
    every day ``0`` the schedule requests nothing in either reading)."""
    out: Params = [(f"sw{d}", "1" if d in schedule.days else "0") for d in range(1, 8)]
    out += [("st[]", t.strftime("%H:%M")) for t in schedule.times]
    return out if schedule.times else [*out, ("st", "")]


def validate_metadata(metadata: Mapping[str, str]) -> None:
    """Raise ValueError naming the first entry the server would refuse or cut."""
    for name, value in metadata.items():
        if not name.strip():
            raise ValueError("metadata name is empty")
        if len(name) > METADATA_NAME_MAX:
            raise ValueError(f"metadata name longer than {METADATA_NAME_MAX}: {name!r}")
        if len(value) > METADATA_VALUE_MAX:
            raise ValueError(f"metadata value longer than {METADATA_VALUE_MAX}: {name!r}")
        if "[" in name or "]" in name:
            raise ValueError(f"metadata name cannot contain brackets: {name!r}")


def encode_metadata(metadata: Mapping[str, str]) -> Params:
    """``metadata[name]=value``; an empty mapping is ``metadata=``."""
    out: Params = [(f"metadata[{name}]", value) for name, value in metadata.items()]
    return out or [("metadata", "")]


def encode_list(name: str, values: Iterable[str]) -> Params:
    return [(f"{name}[]", v) for v in values]

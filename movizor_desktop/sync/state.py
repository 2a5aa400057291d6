"""The fleet as the app sees it: one merged row per subscriber, and change sets.

A :class:`FleetRow` merges what three API functions say about a subscriber: its status
(``object_list``), its current fix (``pos_objects``) and its details (``object_get``). The
sync engine keeps a :class:`Fleet` up to date and hands the UI one :class:`ChangeSet` per
cycle; the table model applies it as precise row signals, the map as one JS batch.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from ..api.models import Balance, Event, ObjectInfo, Position
from .event_gap import EventGap


@dataclass(frozen=True, slots=True)
class FleetRow:
    phone: str
    status: str = ""
    title: str = ""
    tariff: str | None = None
    tariff_new: str | None = None
    tags: tuple[str, ...] = ()
    fix_time: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    radius: int | None = None
    place: str = ""
    distance_km: float | None = None
    forecast_hours: float | None = None
    forecast: str | None = None  # ok / late / finished / new
    details: ObjectInfo | None = None
    details_at: datetime | None = None  # when details were fetched (UTC)

    def with_details(self, info: ObjectInfo, fetched_at: datetime) -> FleetRow:
        """This row updated from an object_get answer.

        object_get is the source for status, title, tariff and tags. For the fix it is
        not: its ``last_timestamp`` is the last location *attempt* (failed ones too), and
        it blanks distance/forecast once a route is finished, while ``pos_objects``, asked
        every cycle, reports the fix itself. Taking both would flip the row back and forth
        every cycle. So the fix fields come from object_get only when the row has no fix
        yet or object_get reports a different place (a fix newer than the last
        pos_objects).
        """
        has_fix = info.current_lat is not None and info.current_lon is not None
        newer_fix = has_fix and (self.lat is None or (info.current_lat, info.current_lon)
                                 != (self.lat, self.lon))
        row = replace(
            self,
            status=info.status or self.status,
            title=info.title,
            tariff=info.tariff,
            tariff_new=info.tariff_new,
            tags=tuple(info.tags) if info.tags is not None else self.tags,
            details=info,
            details_at=fetched_at,
        )
        if not newer_fix:
            return row
        return replace(
            row,
            fix_time=info.last_timestamp or self.fix_time,
            lat=info.current_lat,
            lon=info.current_lon,
            place=info.place or self.place,
            distance_km=info.distance,
            forecast_hours=info.distance_forecast_time,
            forecast=info.distance_forecast_status,
        )

    def with_position(self, pos: Position) -> FleetRow:
        """This row updated from a fix: a pos_objects item or a pos_get answer."""
        return replace(
            self,
            fix_time=pos.timestamp or self.fix_time,
            lat=pos.lat if pos.lat is not None else self.lat,
            lon=pos.lon if pos.lon is not None else self.lon,
            radius=pos.radius if pos.radius is not None else self.radius,
            place=pos.place or self.place,
            distance_km=pos.distance,
            forecast_hours=pos.distance_forecast_time,
            forecast=pos.distance_forecast_status,
        )

    @property
    def fix(self) -> tuple[float | None, float | None, datetime | None]:
        """Where and when the last fix was: what the map shows."""
        return (self.lat, self.lon, self.fix_time)

    def same_content(self, other: FleetRow | None) -> bool:
        """Equal apart from ``details_at`` (bookkeeping that the UI does not show)."""
        if other is None:
            return False
        if self is other:
            return True
        return all(getattr(self, name) == getattr(other, name) for name in _CONTENT_FIELDS)


_CONTENT_FIELDS = tuple(f.name for f in fields(FleetRow) if f.name != "details_at")


@dataclass(slots=True)
class ChangeSet:
    """What one sync step changed; empty lists mean nothing of that kind."""

    added: list[FleetRow] = field(default_factory=list)
    changed: list[FleetRow] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # phones
    # phones whose fix (lat, lon, fix_time) changed; each is also in ``added`` or ``changed``
    moved: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # new events, newest first
    balance: Balance | None = None
    gaps: list[EventGap] = field(default_factory=list)  # events that may be missing

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.events
                    or self.balance is not None or self.gaps)

    def merge(self, later: ChangeSet) -> ChangeSet:
        """One change set equivalent to applying ``self`` and then ``later``."""
        added = {r.phone: r for r in self.added}
        changed = {r.phone: r for r in self.changed}
        removed = list(self.removed)
        for phone in later.removed:
            if added.pop(phone, None) is None:
                changed.pop(phone, None)
                if phone not in removed:
                    removed.append(phone)
        for row in later.added:
            if row.phone in removed:  # removed, then back: net, the UI's row changed
                removed.remove(row.phone)
                changed[row.phone] = row
            else:
                added[row.phone] = row
        for row in later.changed:
            if row.phone in added:
                added[row.phone] = row
            else:
                changed[row.phone] = row
        alive = set(added) | set(changed)
        moved = [p for p in dict.fromkeys([*self.moved, *later.moved]) if p in alive]
        return ChangeSet(
            added=list(added.values()), changed=list(changed.values()), removed=removed,
            moved=moved, events=[*later.events, *self.events],
            balance=later.balance if later.balance is not None else self.balance,
            gaps=[*self.gaps, *later.gaps])


class Fleet:
    """Rows by phone, with diffing: ``put`` returns whether anything changed."""

    def __init__(self, rows: list[FleetRow] | None = None) -> None:
        self._rows: dict[str, FleetRow] = {r.phone: r for r in rows or []}

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, phone: object) -> bool:
        return phone in self._rows

    def get(self, phone: str) -> FleetRow | None:
        return self._rows.get(phone)

    def rows(self) -> list[FleetRow]:
        return list(self._rows.values())

    def phones(self) -> set[str]:
        return set(self._rows)

    def put(self, row: FleetRow) -> bool:
        old = self._rows.get(row.phone)
        self._rows[row.phone] = row
        return old != row

    def remove(self, phone: str) -> bool:
        return self._rows.pop(phone, None) is not None

"""One merged row per subscriber: what three API functions say about it. No Qt here.

A :class:`FleetRow` merges a subscriber's status (``object_list``), its current fix
(``pos_objects`` or ``pos_get``) and its details (``object_get``). Rows are immutable: the
sync engine makes a new one for every change, and the UI compares them by content.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime

from ..api.models import ObjectInfo, Position


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
        newer_fix = has_fix and (
            self.lat is None or (info.current_lat, info.current_lon) != (self.lat, self.lon)
        )
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


__all__ = ["FleetRow"]

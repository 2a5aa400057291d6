"""What the map shows in words and colours: translated here, then handed to the page as data.

Colours come from the status/forecast badges of the subscriber list (one palette for the
whole app); texts go through Qt's translator (context ``Map``) and the shared time and
distance formatting (Moscow time with an explicit mark).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject

from ...api.codes import Forecast, Status
from ...api.encoding import to_msk
from ...api.models import Destination
from ...fleet import FleetRow
from .. import formatting, i18n
from ..subscribers.badges import forecast_badge, status_badge
from .track import Stop, TrackPoint, TrackSummary

ROUTE_COLOUR = "#7c3aed"
WHITE = "#ffffff"
_FORECAST_FILL = (Forecast.OK, Forecast.LATE, Forecast.FINISHED)


translate = QCoreApplication.translate  # called with literals: lupdate sees the context


class MapCounts(QObject):
    """Texts with a number. Only ``self.tr(text, "", n)`` makes lupdate mark a message as
    plural ("numerus"), so these live in a QObject; English has no catalog, so its
    singular is chosen here."""

    def _n(self, translated: str, n: int, singular: str) -> str:
        if n == 1 and i18n.current_language() == "en":
            return singular.replace("%n", "1")
        return translated

    def fixes(self, n: int) -> str:
        return self._n(self.tr("%n positions", "", n), n, "%n position")

    def fixes_here(self, n: int) -> str:
        return self._n(self.tr("%n positions here", "", n), n, "%n position here")

    def gaps(self, n: int) -> str:
        return self._n(self.tr("%n gaps", "", n), n, "%n gap")


_counts: MapCounts | None = None


def counts() -> MapCounts:
    global _counts
    if _counts is None:
        _counts = MapCounts()
    return _counts


def page_texts() -> dict[str, str]:
    """Texts the page shows by itself (notices)."""
    return {
        "tilesOffline": translate("Map", "Map tiles are offline — showing data only"),
        "pickHint": translate("Map", "Click the map to pick a point · Esc cancels"),
        "planPickHint": translate("Map", "Click the map to add a point · Esc stops"),
        "metres": translate("Map", "{n} m"),
        "kilometres": translate("Map", "{n} km"),
    }


# --- fleet ----------------------------------------------------------------------------------


def row_colours(row: FleetRow) -> tuple[str, str, bool]:
    """(fill, ring, dim): an active subscriber takes its forecast's colour when it has an
    arrival forecast (on time / late / arrived), its status colour otherwise; any other
    status is drawn in its status colour, paler (not tracked now: the fix is old)."""
    if row.status == Status.OK:
        badge = forecast_badge(row.forecast) if row.forecast in _FORECAST_FILL else None
        return (badge or status_badge(row.status)).color.name(), WHITE, False
    return status_badge(row.status).color.name(), WHITE, True


def colours_for_batch() -> Callable[[FleetRow], tuple[str, str, bool]]:
    """:func:`row_colours`, remembered per (status, forecast) for one batch of rows."""
    memo: dict[tuple[str, str | None], tuple[str, str, bool]] = {}

    def colours(row: FleetRow) -> tuple[str, str, bool]:
        key = (row.status, row.forecast)
        found = memo.get(key)
        if found is None:
            found = memo[key] = row_colours(row)
        return found

    return colours


def when_text(moment: datetime | None) -> str:
    return formatting.msk_datetime(moment)


def when_for_batch() -> Callable[[datetime | None], str]:
    """:func:`when_text` for one batch: translated once, formatted without ``strftime``
    (which costs a Python import per call under PySide)."""
    template = translate("Formatting", "{time} MSK")  # the shared mark
    memo: dict[datetime, str] = {}

    def when(moment: datetime | None) -> str:
        if moment is None:
            return ""
        text = memo.get(moment)
        if text is None:
            d = to_msk(moment)
            text = memo[moment] = template.format(
                time=f"{d.day:02d}.{d.month:02d}.{d.year} {d.hour:02d}:{d.minute:02d}"
            )
        return text

    return when


def destination_colour(status: str | None) -> str:
    badge = forecast_badge(status)
    return badge.color.name() if badge is not None else ROUTE_COLOUR


def route_point_text(index: int, dest: Destination) -> str:
    parts = [f"{index}. {dest.text or formatting.coordinates(dest.lat, dest.lon)}"]
    if dest.time is not None:
        parts.append(
            translate("Map", "planned {time}").format(time=formatting.msk_datetime(dest.time))
        )
    if dest.timestamp_finished is not None:
        parts.append(
            translate("Map", "reached {time}").format(
                time=formatting.msk_datetime(dest.timestamp_finished)
            )
        )
    badge = forecast_badge(dest.status)
    if badge is not None and dest.timestamp_finished is None:
        parts.append(badge.text)
    return " · ".join(parts)


def route_label(row: FleetRow) -> str:
    """ "Route: 312 km left · On time · 3 h 20 min" (only the parts that are known)."""
    parts: list[str] = []
    if row.distance_km is not None:
        parts.append(translate("Map", "{km} left").format(km=formatting.km(row.distance_km)))
    badge = forecast_badge(row.forecast)
    if badge is not None:
        parts.append(badge.text)
    left = formatting.duration_hours(row.forecast_hours).replace(" ", "\u00a0")  # one piece
    if left and row.forecast != Forecast.FINISHED:
        parts.append(translate("Map", "{duration} to go").format(duration=left))
    if not parts:
        return translate("Map", "Route")
    return translate("Map", "Route: {details}").format(details=" · ".join(parts))


# --- track ----------------------------------------------------------------------------------


def duration_text(span: timedelta) -> str:
    return formatting.duration_hours(span.total_seconds() / 3600)


def track_point_text(point: TrackPoint) -> str:
    parts = [formatting.msk_datetime(point.t)]
    if point.count > 1:
        parts[0] = translate("Map", "{start} – {end}").format(
            start=parts[0], end=formatting.msk_clock(point.until)
        )
        parts.append(counts().fixes_here(point.count))
    if point.radius:
        parts.append(formatting.metres(point.radius))
    if point.place:
        parts.append(point.place)
    return " · ".join(parts)


def _moment(moment: datetime, same_day: bool) -> str:
    """``12:05 MSK``, or ``27.11 12:05 MSK`` when the track spans more than one МСК day."""
    if same_day:
        return formatting.msk_clock(moment)
    mark = translate("Formatting", "{time} MSK")  # the app's shared МСК mark
    return mark.format(time=to_msk(moment).strftime("%d.%m %H:%M"))


def _same_day(first: TrackPoint, last: TrackPoint) -> bool:
    return to_msk(first.t).date() == to_msk(last.until).date()


def start_text(first: TrackPoint, last: TrackPoint) -> str:
    when = _moment(first.t, _same_day(first, last))
    return translate("Map", "Start {time}").format(time=when)


def end_text(first: TrackPoint, last: TrackPoint) -> str:
    when = _moment(last.until, _same_day(first, last))
    return translate("Map", "End {time}").format(time=when)


def stop_text(stop: Stop | None) -> str:
    if stop is None or stop.duration < timedelta(minutes=10):
        return ""
    return translate("Map", "Stop {duration}").format(duration=duration_text(stop.duration))


def period_text(start: datetime | None, end: datetime | None) -> str:
    if start is None or end is None:
        return ""
    return translate("Map", "{start} – {end}").format(
        start=formatting.msk_datetime(start), end=formatting.msk_datetime(end)
    )


def summary_text(summary: TrackSummary) -> str:
    """One line under the map: points, distance, period, longest stop."""
    if summary.empty:
        return translate("Map", "No positions in {period}").format(
            period=period_text(summary.start, summary.end)
        )
    parts = [
        counts().fixes(summary.fixes),
        formatting.km(summary.distance_km),
        period_text(summary.first, summary.last),
    ]
    stop = summary.longest_stop
    if stop is not None and stop.duration >= timedelta(minutes=10):
        where = f" ({stop.place})" if stop.place else ""
        parts.append(
            translate("Map", "longest stop {duration}").format(
                duration=duration_text(stop.duration)
            )
            + where
        )
    if summary.gaps:
        parts.append(counts().gaps(summary.gaps))
    return " · ".join(parts)

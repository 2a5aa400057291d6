"""The trip report's content: data gathered for one subscriber, then HTML in the user's words.

:func:`gather_trip` fetches a fresh ``object_get`` (the route with its planned times,
arrivals and the forecast; the cached details stand in when it fails), every page of the
period's fixes (``pos_track``), summarises them with the map's own track code
(``ui/map/track.py``: fixes, distance, longest stop, gaps) and, when the window has a map,
asks it for a picture of that period's track (``Shell.map.snapshot_track``; tile images
may be missing offline, the track is drawn anyway). :func:`trip_html` turns it
into the report through :mod:`movizor_desktop.exchange.report_html`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from .... import clock
from ....api.errors import MovizorError
from ....api.models import ObjectInfo
from ....exchange import report_html as rh
from ....fleet import FleetRow
from ... import formatting as fmt
from ... import i18n
from ...map.track import Track, build_track
from ...subscribers.badges import forecast_badge, status_badge
from ...subscribers.cells import display_phone, tariff_name

if TYPE_CHECKING:
    from ...shell import Shell

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("TripReport", "text")
MAP_URL = "movizor://map.png"
MAP_WIDTH_PX = 640  # the snapshot's printed width (layout pixels)


@dataclass(slots=True)
class TripData:
    phone: str
    name: str
    start: datetime
    end: datetime
    row: FleetRow | None = None
    info: ObjectInfo | None = None
    info_error: str = ""
    track: Track | None = None
    track_error: str = ""
    images: dict[str, QImage] = field(default_factory=dict)
    map_note: str = ""
    tariff: str = ""


async def gather_trip(
    shell: Shell, client: Any, phone: str, start: datetime, end: datetime
) -> TripData:
    lang = i18n.current_language()
    model = shell.model
    row = model.get(phone)
    data = TripData(phone, model.title_of(phone), start, end, row=row)
    try:
        data.info = await client.object_get(phone)
    except MovizorError as exc:
        data.info = row.details if row is not None else None
        data.info_error = exc.message(lang)
    try:
        positions = []
        async for page in client.pos_track(phone, start=start, end=end):
            positions.extend(page)
        data.track = build_track(phone, positions, start, end)
    except MovizorError as exc:
        data.track_error = exc.message(lang)
    if data.info is not None:
        data.tariff = tariff_name(data.info.tariff, model.balance)
    image = None
    if shell.map is not None:
        image = await shell.map.snapshot_track(phone, start, end)
    if image is not None:
        data.images[MAP_URL] = image
    else:
        data.map_note = translate(
            "TripReport", "No map is shown in this window, so the report has no map picture."
        )
    return data


# --- words --------------------------------------------------------------------------------


def deviation_text(delta: timedelta | None) -> str:
    if delta is None:
        return ""
    minutes = round(delta.total_seconds() / 60)
    if abs(minutes) < 1:
        return translate("TripReport", "on time")
    span = fmt.duration_hours(abs(minutes) / 60)
    if minutes > 0:
        return translate("TripReport", "{time} late").format(time=span)
    return translate("TripReport", "{time} early").format(time=span)


def _subscriber(data: TripData) -> list[str]:
    row, info = data.row, data.info
    status = (info.status if info is not None else "") or (row.status if row else "")
    pairs = [
        (translate("TripReport", "Name"), data.name),
        (translate("TripReport", "Phone"), display_phone(data.phone)),
        (translate("TripReport", "Status"), status_badge(status).text if status else ""),
        (translate("TripReport", "Tariff"), data.tariff),
    ]
    if row is not None and row.fix_time is not None:
        where = f" · {row.place}" if row.place else ""
        pairs.append(
            (translate("TripReport", "Last position"), fmt.msk_datetime(row.fix_time) + where)
        )
    distance = info.distance if info is not None else (row.distance_km if row else None)
    pairs.append((translate("TripReport", "Km left"), fmt.km(distance)))
    if info is not None:
        pairs += sorted(info.metadata.items())
    blocks = [rh.heading(translate("TripReport", "Subscriber")), rh.pairs(pairs)]
    if data.info_error:
        blocks.append(
            rh.note(
                translate(
                    "TripReport",
                    "The current details could not be loaded ({reason}); the last "
                    "known ones are shown.",
                ).format(reason=data.info_error)
            )
        )
    return blocks


def _route(data: TripData) -> list[str]:
    blocks = [rh.heading(translate("TripReport", "Route: plan and fact"))]
    info = data.info
    if info is None or not info.destination:
        note = translate("TripReport", "No route is set for this subscriber.")
        return [*blocks, rh.paragraph(note)]
    forecast_from = data.row.fix_time if data.row is not None else None
    lines = rh.route_lines(
        info.destination,
        forecast_hours=info.distance_forecast_time,
        forecast_from=forecast_from or clock.now(),
    )
    rows = []
    for line in lines:
        if line.arrived is not None:
            fact = fmt.msk_datetime(line.arrived)
        elif line.forecast is not None:
            fact = translate("TripReport", "forecast {time}").format(
                time=fmt.msk_datetime(line.forecast)
            )
        else:
            fact = ""
        badge = forecast_badge(line.status)
        rows.append(
            [
                line.number,
                line.place or fmt.coordinates(line.lat, line.lon),
                fmt.msk_datetime(line.planned),
                fact,
                deviation_text(line.deviation),
                badge.text if badge else "",
            ]
        )
    headers = [
        "№",
        translate("TripReport", "Point"),
        translate("TripReport", "Planned"),
        translate("TripReport", "Arrival or forecast"),
        translate("TripReport", "Deviation"),
        translate("TripReport", "Status"),
    ]
    return [*blocks, rh.grid(headers, rows)]


def period_text(start: datetime | None, end: datetime | None) -> str:
    return translate("TripReport", "{start} – {end}").format(
        start=fmt.msk_datetime(start), end=fmt.msk_datetime(end)
    )


def _track(data: TripData) -> list[str]:
    period = period_text(data.start, data.end)
    blocks = [rh.heading(translate("TripReport", "Track"))]
    if data.track_error:
        return [
            *blocks,
            rh.note(
                translate("TripReport", "The track could not be loaded: {reason}").format(
                    reason=data.track_error
                )
            ),
        ]
    summary = data.track.summary if data.track is not None else None
    if summary is None or summary.empty:
        return [
            *blocks,
            rh.paragraph(
                translate("TripReport", "No positions in {period}.").format(period=period)
            ),
        ]
    pairs = [
        (translate("TripReport", "Period"), period),
        (translate("TripReport", "Positions"), str(summary.fixes)),
        (translate("TripReport", "Distance"), fmt.km(summary.distance_km)),
        (
            translate("TripReport", "First and last position"),
            period_text(summary.first, summary.last),
        ),
    ]
    stop = summary.longest_stop
    if stop is not None:
        where = f" · {stop.place}" if stop.place else ""
        text = translate("TripReport", "{duration} from {start} to {end}").format(
            duration=fmt.duration_hours(stop.duration.total_seconds() / 3600),
            start=fmt.msk_datetime(stop.start),
            end=fmt.msk_clock(stop.end),
        )
        pairs.append((translate("TripReport", "Longest stop"), text + where))
    if summary.gaps:
        pairs.append((translate("TripReport", "Gaps over 20 min"), str(summary.gaps)))
    return [*blocks, rh.pairs(pairs)]


def trip_html(data: TripData) -> str:
    body = [
        *_subscriber(data),
        *_route(data),
        *_track(data),
        rh.heading(translate("TripReport", "Map")),
    ]
    if MAP_URL in data.images:
        caption = translate("TripReport", "The map as shown for the report period.")
        body.append(rh.image(MAP_URL, MAP_WIDTH_PX, caption))
    else:
        body.append(rh.note(data.map_note))
    subtitle = f"{display_phone(data.phone)} · {period_text(data.start, data.end)}"
    title = translate("TripReport", "Trip report: {name}").format(name=data.name)
    return rh.document(title, subtitle, body)


__all__ = ["MAP_URL", "TripData", "deviation_text", "gather_trip", "trip_html"]

"""A subscriber's track written as GPX, KML or CSV. No Qt.

Input: the fixes ``pos_list`` returned for the period (every page), in any order. Fixes
without coordinates or time are skipped, exact repeats (the same time and place, which
offset paging yields when fixes arrive between pages) dropped, the rest sorted oldest
first. Every remaining fix is exported (the map merges a parked phone's repeated fixes;
an export keeps each one, as the service reported it).

* **GPX 1.1** (gpxpy): one ``<trk>`` with one ``<trkseg>``; each ``<trkpt>`` has ``<time>``
  in UTC (``2026-11-26T09:00:00Z``: GPX times are UTC by the standard), the LBS place in
  ``<desc>`` and the accuracy radius in metres as ``<movizor:accuracy>`` inside
  ``<extensions>`` (namespace :data:`GPX_NS`). GPX's own ``<hdop>`` is a dimensionless
  dilution of precision of a satellite fix and would be misread by GPS software, so the
  LBS radius is not put there.
* **KML 2.2** (simplekml): a ``LineString`` of the whole track (coordinates in KML's
  ``lon,lat`` order) and, in a folder, one placemark per fix with ``<TimeStamp><when>``
  in UTC (``…Z``: KML's ``dateTime`` is XML Schema time; Google Earth's time slider reads
  it) and a description giving the Moscow time, accuracy and place in the user's words.
* **CSV**: the table of :func:`track_table` via :mod:`.export_table` (МСК times, ``;``).

Texts (names, headers, labels) come already translated from the UI.

Whatever the server returned, the file is written and is well-formed XML: a place or a
name holding a control character (a vertical tab pasted into a title, a NUL) gets a space
there (:func:`.text_safety.export_text`), and a fix with a coordinate that is not a finite
number on the globe is skipped like one without coordinates.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

from ..api.encoding import to_msk
from ..api.models import Position
from .export_files import write_atomic
from .export_table import Table, write_csv
from .text_safety import export_text

GPX_NS = "https://movizor.ru/xmlns/gpx/1"
GPX_PREFIX = "movizor"
CREATOR = "Movizor Desktop"


@dataclass(frozen=True, slots=True)
class Fix:
    lat: float
    lon: float
    time: datetime  # aware
    radius: int | None = None
    place: str = ""


@dataclass(frozen=True, slots=True)
class TrackTexts:
    """Translated words for the files (English defaults for tests and scripts)."""

    name: str = "Track"
    time_msk: str = "Time (MSK)"
    latitude: str = "Latitude"
    longitude: str = "Longitude"
    accuracy: str = "Accuracy, m"
    place: str = "Place"
    fixes: str = "Fixes"
    msk: str = "MSK"


def fixes_of(positions: Iterable[Position]) -> list[Fix]:
    """Usable fixes, exact repeats dropped, oldest first."""
    seen: set[tuple[datetime, float, float]] = set()
    fixes: list[Fix] = []
    for pos in positions:
        if (
            pos.lat is None
            or pos.lon is None
            or pos.timestamp is None
            or not _on_the_globe(float(pos.lat), float(pos.lon))
        ):
            continue
        key = (pos.timestamp, float(pos.lat), float(pos.lon))
        if key in seen:
            continue
        seen.add(key)
        fixes.append(Fix(float(pos.lat), float(pos.lon), pos.timestamp, pos.radius, pos.place))
    fixes.sort(key=lambda f: f.time)
    return fixes


def _on_the_globe(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180


def utc_text(moment: datetime) -> str:
    """``2026-11-26T09:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def msk_text(moment: datetime) -> str:
    return to_msk(moment).strftime("%d.%m.%Y %H:%M:%S")


# --- GPX --------------------------------------------------------------------------------


def gpx_text(fixes: list[Fix], texts: TrackTexts = TrackTexts()) -> str:
    import gpxpy.gpx

    name = export_text(texts.name)
    gpx = gpxpy.gpx.GPX()
    gpx.creator = CREATOR
    gpx.name = name
    gpx.nsmap[GPX_PREFIX] = GPX_NS
    track = gpxpy.gpx.GPXTrack(name=name)
    segment = gpxpy.gpx.GPXTrackSegment()
    for fix in fixes:
        point = gpxpy.gpx.GPXTrackPoint(fix.lat, fix.lon, time=fix.time.astimezone(UTC))
        if fix.place:
            point.description = export_text(fix.place)
        if fix.radius is not None:
            accuracy = ElementTree.Element(f"{{{GPX_NS}}}accuracy")
            accuracy.text = str(int(fix.radius))
            point.extensions.append(accuracy)
        segment.points.append(point)
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml(version="1.1")


def write_gpx(path: str | Path, fixes: list[Fix], texts: TrackTexts = TrackTexts()) -> Path:
    data = gpx_text(fixes, texts).encode("utf-8")
    return write_atomic(path, lambda handle: handle.write(data))


# --- KML --------------------------------------------------------------------------------


def _description(fix: Fix, texts: TrackTexts) -> str:
    """Lines joined by ``<br>``: KML descriptions are HTML (the texts are escaped first)."""
    lines = [f"{texts.time_msk}: {msk_text(fix.time)}"]
    if fix.radius is not None:
        lines.append(f"{texts.accuracy}: {int(fix.radius)}")
    if fix.place:
        lines.append(f"{texts.place}: {fix.place}")
    return "<br>".join(html.escape(export_text(line), quote=False) for line in lines)


def kml_text(fixes: list[Fix], texts: TrackTexts = TrackTexts()) -> str:
    import simplekml

    name = export_text(texts.name)
    kml = simplekml.Kml(name=name)
    if fixes:
        line = kml.newlinestring(name=name, coords=[(f.lon, f.lat) for f in fixes])
        line.tessellate = 1
        line.style.linestyle.width = 3
        line.style.linestyle.color = "ff1f84f2"  # aabbggrr: the map's newest-fix orange
        line.timespan.begin = utc_text(fixes[0].time)
        line.timespan.end = utc_text(fixes[-1].time)
    folder = kml.newfolder(name=export_text(texts.fixes))
    for fix in fixes:
        point = folder.newpoint(
            name=to_msk(fix.time).strftime("%H:%M"), coords=[(fix.lon, fix.lat)]
        )
        point.timestamp.when = utc_text(fix.time)
        point.description = _description(fix, texts)
    return kml.kml()


def write_kml(path: str | Path, fixes: list[Fix], texts: TrackTexts = TrackTexts()) -> Path:
    data = kml_text(fixes, texts).encode("utf-8")
    return write_atomic(path, lambda handle: handle.write(data))


# --- CSV --------------------------------------------------------------------------------


def track_table(fixes: list[Fix], texts: TrackTexts = TrackTexts()) -> Table:
    headers = [texts.time_msk, texts.latitude, texts.longitude, texts.accuracy, texts.place]
    rows: list[list[object]] = [
        [f.time, round(f.lat, 6), round(f.lon, 6), f.radius, f.place] for f in fixes
    ]
    return Table(headers, rows, sheet=texts.name)  # type: ignore[arg-type]


def write_track_csv(
    path: str | Path, fixes: list[Fix], texts: TrackTexts = TrackTexts(), *, decimal: str = ","
) -> Path:
    return write_csv(path, track_table(fixes, texts), decimal=decimal)


def write_track(
    path: str | Path, fixes: list[Fix], texts: TrackTexts = TrackTexts(), *, decimal: str = ","
) -> Path:
    """GPX, KML or CSV by the file's extension (GPX when it is none of them)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".kml":
        return write_kml(path, fixes, texts)
    if suffix == ".csv":
        return write_track_csv(path, fixes, texts, decimal=decimal)
    return write_gpx(path, fixes, texts)


__all__ = [
    "GPX_NS",
    "Fix",
    "TrackTexts",
    "fixes_of",
    "gpx_text",
    "kml_text",
    "msk_text",
    "track_table",
    "utc_text",
    "write_gpx",
    "write_kml",
    "write_track",
    "write_track_csv",
]

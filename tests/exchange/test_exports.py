"""The Qt-free export writers: every file is written, opened again with its own reader
(openpyxl, csv, gpxpy, an XML parser) and checked; the events of a period are fetched
from the simulator page by page; the trip report's plan-against-fact arithmetic."""

from __future__ import annotations

import bisect
import csv
import errno
import io
import os
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest

from movizor_desktop.api.models import Destination, Event, Position
from movizor_desktop.exchange import report_html as rh
from movizor_desktop.exchange.export_events import events_table, fetch_period
from movizor_desktop.exchange.export_table import Table, write_csv, write_table, write_xlsx
from movizor_desktop.exchange.export_track import (
    GPX_NS,
    TrackTexts,
    fixes_of,
    write_gpx,
    write_kml,
    write_track,
)
from movizor_desktop.store import files

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 МСК
KML = "{http://www.opengis.net/kml/2.2}"


def sample_table() -> Table:
    return Table(
        ["Телефон", "Name", "Last fix (MSK)", "Km left"],
        [
            ["+7 921 001-02-03", "Иванов И.И.", T0, 312.5],
            ["+7 921 001-02-04", "=SUM(A1:A2)", None, None],
            ["+7 921 001-02-05", 'Петров; "МАН"', T0 + timedelta(hours=14), 8.0],
        ],
        sheet="Абоненты",
    )


def test_xlsx_has_bold_frozen_filtered_header_and_msk_dates(tmp_path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "list.xlsx", sample_table())
    ws = load_workbook(path).active
    assert ws.title == "Абоненты"
    assert [c.value for c in ws[1]] == ["Телефон", "Name", "Last fix (MSK)", "Km left"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D4"
    assert ws["B2"].value == "Иванов И.И."
    assert ws["C2"].value == datetime(2026, 11, 26, 9, 0)  # МСК wall time, as Excel shows it
    assert ws["C2"].number_format == "DD.MM.YYYY HH:MM:SS"
    assert ws["C4"].value == datetime(2026, 11, 26, 23, 0)
    assert ws["D2"].value == 312.5
    assert ws["B3"].value == "=SUM(A1:A2)" and ws["B3"].data_type == "s"  # text, no formula
    assert ws["C3"].value is None
    assert ws.column_dimensions["A"].width >= len("+7 921 001-02-03")
    assert ws.column_dimensions["B"].width >= len('Петров; "МАН"')


def test_csv_is_utf8_bom_semicolons_decimal_comma_and_no_formulas(tmp_path) -> None:
    path = write_csv(tmp_path / "list.csv", sample_table(), decimal=",")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Телефон", "Name", "Last fix (MSK)", "Km left"]
    assert rows[1] == ["'+7 921 001-02-03", "Иванов И.И.", "26.11.2026 09:00:00", "312,5"]
    assert rows[2] == ["'+7 921 001-02-04", "'=SUM(A1:A2)", "", ""]
    assert rows[3][1] == 'Петров; "МАН"'  # quoted: the delimiter survives
    assert rows[3][3] == "8"
    dotted = write_table(tmp_path / "dot.csv", sample_table(), decimal=".").read_bytes()
    assert b"312.5" in dotted


def test_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch) -> None:
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError) as err:
        write_table(target, sample_table())
    assert err.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xlsx"]  # no .part left


def test_written_file_has_ordinary_permissions(tmp_path) -> None:
    path = write_table(tmp_path / "list.csv", sample_table())
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def track_positions() -> list[Position]:
    fixes = [
        Position(
            lat=55.75 + i * 0.01,
            lon=37.61 + i * 0.02,
            radius=500 + i,
            timestamp=T0 + timedelta(minutes=10 * i),
            place=f"Точка {i}",
        )
        for i in range(5)
    ]
    # newest first as pos_list answers, one duplicate from paging, one fix without a place
    return [*reversed(fixes), fixes[2], Position(lat=None, lon=None, timestamp=T0)]


def test_gpx_reads_back_with_gpxpy(tmp_path) -> None:
    import gpxpy

    fixes = fixes_of(track_positions())
    assert len(fixes) == 5
    path = write_gpx(tmp_path / "t.gpx", fixes, TrackTexts(name="Иванов"))
    gpx = gpxpy.parse(path.read_text(encoding="utf-8"))
    points = gpx.tracks[0].segments[0].points
    assert gpx.tracks[0].name == "Иванов"
    assert [(p.latitude, p.longitude) for p in points] == [
        (round(55.75 + i * 0.01, 6), round(37.61 + i * 0.02, 6)) for i in range(5)
    ]
    assert points[0].time == T0 and points[4].time == T0 + timedelta(minutes=40)
    assert points[0].time.utcoffset() == timedelta(0)
    assert points[1].description == "Точка 1"
    accuracy = points[3].extensions[0]
    assert accuracy.tag == f"{{{GPX_NS}}}accuracy" and accuracy.text == "503"
    assert "<time>2026-11-26T06:00:00Z</time>" in path.read_text(encoding="utf-8")


def test_kml_reads_back_as_xml(tmp_path) -> None:
    fixes = fixes_of(track_positions())
    path = write_kml(tmp_path / "t.kml", fixes, TrackTexts(name="Трек <1>"))
    root = ElementTree.parse(path).getroot()
    line = root.find(f".//{KML}LineString/{KML}coordinates")
    assert line is not None
    coords = [tuple(map(float, c.split(",")[:2])) for c in line.text.split()]
    assert coords[0] == (37.61, 55.75)  # KML: lon,lat
    assert len(coords) == 5
    marks = [m for m in root.iter(f"{KML}Placemark") if m.find(f"{KML}Point") is not None]
    assert len(marks) == 5
    whens = [m.find(f"{KML}TimeStamp/{KML}when").text for m in marks]
    assert whens[0] == "2026-11-26T06:00:00Z" and whens[-1] == "2026-11-26T06:40:00Z"
    assert "26.11.2026 09:00:00" in marks[0].find(f"{KML}description").text
    assert root.find(f".//{KML}Document/{KML}name").text == "Трек <1>"


def test_track_csv_has_msk_times(tmp_path) -> None:
    path = write_track(tmp_path / "t.csv", fixes_of(track_positions()), decimal=",")
    rows = list(
        csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert rows[0] == ["Time (MSK)", "Latitude", "Longitude", "Accuracy, m", "Place"]
    assert rows[1] == ["26.11.2026 09:00:00", "55,75", "37,61", "500", "Точка 0"]
    assert len(rows) == 6


def test_events_of_a_period_page_by_page_from_the_simulator(sim, api, run) -> None:
    world = sorted(sim.world.events, key=lambda e: e.id)
    assert len(world) > 60
    # a period in the middle of the history, far older than the newest page of 10
    start = datetime.fromtimestamp(world[len(world) // 4].ts, UTC)
    end = datetime.fromtimestamp(world[len(world) // 2].ts, UTC)
    expected = [e.id for e in world if start <= datetime.fromtimestamp(e.ts, UTC) <= end]
    result = run(fetch_period(api.events, start, end, page=10))
    assert [e.id for e in result.events] == expected
    assert not result.truncated
    assert result.requests < len(world) // 10  # bisection, not a walk from the beginning
    recent = run(fetch_period(api.events, start, datetime.fromtimestamp(world[-1].ts, UTC)))
    assert recent.requests == 1  # the newest page of 1,000 holds it all


def test_events_bisection_finds_the_start_among_many(run) -> None:
    events = [
        Event(id=i * 7, timestamp=T0 + timedelta(minutes=i), phone="79210010203", type="request")
        for i in range(1, 20_001)
    ]
    ids = [e.id for e in events]
    calls: list[dict] = []

    async def call(*, afterid: int | None = None, limit: int = 100) -> list[Event]:
        calls.append({"afterid": afterid, "limit": limit})
        if afterid is None:
            return list(reversed(events[-limit:]))
        first = bisect.bisect_right(ids, afterid)
        chosen = events[first : first + limit]
        return list(reversed(chosen))

    start, end = T0 + timedelta(minutes=5000), T0 + timedelta(minutes=7500)
    result = run(fetch_period(call, start, end))
    assert result.events[0].timestamp == start
    assert len(result.events) == 2501
    assert len(calls) < 30  # 1 newest page, ~17 probes, 3 forward pages


def test_events_table_uses_given_words() -> None:
    events = [Event(id=1, timestamp=T0, phone="79210010203", type="confirm")]
    table = events_table(
        events,
        type_names={"confirm": "Согласие получено"},
        titles={"79210010203": "Иванов"},
        phone_text=lambda p: "+" + p,
    )
    assert table.rows == [[T0, "Согласие получено", "Иванов", "+79210010203", "confirm"]]


def test_route_lines_plan_against_fact() -> None:
    planned1, planned2 = T0 + timedelta(hours=2), T0 + timedelta(hours=8)
    points = [
        Destination(
            text="Тверь",
            time=planned1,
            status="finished",
            timestamp_finished=planned1 + timedelta(minutes=35),
        ),
        Destination(text="Новгород", time=planned2, status="late"),
    ]
    lines = rh.route_lines(points, forecast_hours=9.5, forecast_from=T0)
    assert lines[0].arrived is not None and lines[0].forecast is None
    assert lines[0].deviation == timedelta(minutes=35)
    assert lines[1].forecast == T0 + timedelta(hours=9.5)
    assert lines[1].deviation == timedelta(hours=1.5)
    html = rh.document("Отчёт <1>", "sub", [rh.grid(["A"], [["x & y"]])])
    assert "Отчёт &lt;1&gt;" in html and "x &amp; y" in html and "<thead>" in html

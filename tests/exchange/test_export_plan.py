"""A trip plan exported as GPX and KML: points with arrivals and windows, the breaks and
rests where the model puts them, a route; well-formed whatever the names hold."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from xml.etree import ElementTree

import gpxpy
import pytest

from movizor_desktop.api.encoding import MSK
from movizor_desktop.exchange.export_plan import (
    PlanTexts,
    plan_gpx_text,
    plan_kml_text,
    write_plan,
)
from movizor_desktop.planning import Plan, PlanPoint, Start, compute_plan, default_rule_set

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = "Склад\x0b№1\x00 \ufffe<b>&"


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def trip(name: str = "Москва — Казань") -> tuple[Plan, object]:
    plan = Plan(
        name,
        (
            PlanPoint(
                "Владимир",
                56.1290,
                40.4070,
                msk(2026, 12, 7, 9),
                msk(2026, 12, 7, 11),
                dwell_min=60,
            ),
            PlanPoint(HOSTILE, 55.7963, 49.1088, latest=msk(2026, 12, 7, 18)),
        ),
    )
    result = compute_plan(
        Start(55.7558, 37.6173, msk(2026, 12, 7, 7, 0), text="Москва"),
        plan.points,
        default_rule_set(),
        plan.pace,
    )
    return plan, result


def test_gpx_has_points_stops_and_a_route() -> None:
    plan, result = trip()
    gpx = gpxpy.parse(plan_gpx_text(plan, result))
    points = [w for w in gpx.waypoints if w.type == "point"]
    stops = [w for w in gpx.waypoints if w.type in ("break", "rest")]
    assert [w.name for w in points] == ["1. Владимир", "2. Склад №1   <b>&"]
    assert points[0].time == result.legs[0].arrival.astimezone(UTC)
    assert "Window (MSK): 07.12.2026 09:00 – 07.12.2026 11:00" in points[0].description
    assert "Dwell: 1 h 00 min" in points[0].description and "On time" in points[0].description
    assert "Late by" in points[1].description  # 650 km of road in 9 h with a rest
    assert [w.type for w in stops] == [s.kind.value for s in result.stops] and stops
    assert stops[0].time == result.stops[0].start.astimezone(UTC)
    (route,) = gpx.routes
    assert [p.name for p in route.points] == ["Москва", "1. Владимир", "2. Склад №1   <b>&"]
    assert gpx.name == "Москва — Казань"


def test_kml_has_a_line_points_and_timed_stops() -> None:
    plan, result = trip()
    root = ElementTree.fromstring(plan_kml_text(plan, result).encode())
    line = root.find(f".//{KML}LineString/{KML}coordinates")
    assert line is not None and len(line.text.split()) == 3
    assert line.text.split()[0].startswith("37.6173,55.7558")  # KML is lon,lat
    folders = root.findall(f".//{KML}Folder")
    assert [f.find(f"{KML}name").text for f in folders] == ["Points", "Breaks and rests"]
    names = [p.find(f"{KML}name").text for p in folders[0].findall(f"{KML}Placemark")]
    assert names == ["Москва", "1. Владимир", "2. Склад №1   <b>&"]
    stops = folders[1].findall(f"{KML}Placemark")
    assert len(stops) == len(result.stops)
    span = stops[0].find(f"{KML}TimeSpan")
    assert span.find(f"{KML}begin").text.endswith("Z")
    description = folders[0].findall(f"{KML}Placemark")[1].find(f"{KML}description").text
    assert "Arrival (MSK): 07.12.2026" in description


def test_translated_texts_are_used() -> None:
    plan, result = trip(name="")
    texts = PlanTexts(
        name="План рейса",
        points="Точки",
        stops="Перерывы и отдых",
        break_="Перерыв",
        rest="Ежедневный отдых",
        arrival="Прибытие (МСК)",
        late="Опоздание {late}",
        duration=lambda m: f"{round(m)} мин",
    )
    gpx = gpxpy.parse(plan_gpx_text(plan, result, texts))
    assert gpx.name == "План рейса"
    assert {w.name for w in gpx.waypoints if w.type != "point"} <= {"Перерыв", "Ежедневный отдых"}
    late = [w for w in gpx.waypoints if w.type == "point"][1].description
    assert "Прибытие (МСК)" in late and "Опоздание " in late and " мин" in late


@pytest.mark.parametrize("suffix", [".gpx", ".kml", ""])
def test_files_are_written_atomically_as_the_extension_says(tmp_path, suffix: str) -> None:
    plan, result = trip(name=HOSTILE)
    target = tmp_path / f"plan{suffix}"
    write_plan(target, plan, result)
    text = target.read_text("utf-8")
    ElementTree.fromstring(text.encode())  # well-formed
    assert ("<kml" in text) is (suffix == ".kml")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 != 0o600  # an export is meant to be shared


def test_a_result_of_another_plan_is_refused() -> None:
    plan, result = trip()
    with pytest.raises(ValueError, match="not of this plan"):
        plan_gpx_text(Plan(points=plan.points[:1]), result)

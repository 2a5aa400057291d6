"""Qt-free map logic: track paging/cleaning/summary, fleet payloads, nearest places."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movizor_desktop.api.models import Position
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui.map import fleet, places, track

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


def fix(
    minutes: float, lat: float, lon: float, radius: int | None = 500, place: str = ""
) -> Position:
    return Position(
        lat=lat, lon=lon, timestamp=T0 + timedelta(minutes=minutes), radius=radius, place=place
    )


def drive(coro):
    """Run a coroutine that never really suspends (the fake loader answers at once).

    No event loop: the GUI tests of the session keep a qasync loop "running", which a plain
    asyncio loop would refuse to run under.
    """
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise AssertionError("the coroutine suspended")


class Pages:
    def __init__(self, n: int) -> None:
        self.fixes = [fix(i, 55 + i * 1e-3, 37.0) for i in range(n)][::-1]  # newest first
        self.offsets: list[int] = []

    async def __call__(self, phone, *, start=None, end=None, offset=0, limit=None):
        self.offsets.append(offset)
        return self.fixes[offset : offset + (limit or 1000)]


def test_qt_free_modules_import_no_qt():
    import subprocess

    code = (
        "import sys; import movizor_desktop.ui.map.track, movizor_desktop.ui.map.fleet, "
        "movizor_desktop.ui.map.places; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("n", "offsets"), [(2500, [0, 1000, 2000]), (2000, [0, 1000, 2000]), (0, [0]), (999, [0])]
)
def test_fetch_pages_with_offset_beyond_1000(n, offsets):
    loader = Pages(n)
    seen = []
    fixes, pages = drive(
        track.fetch_positions(
            loader,
            "79001234567",
            T0,
            T0 + timedelta(days=1),
            on_page=lambda p, f: seen.append((p, f)),
        )
    )
    assert len(fixes) == n
    assert loader.offsets == offsets
    assert pages == len(offsets)
    assert seen[-1] == (len(offsets), n)


def test_clean_sorts_merges_repeats_and_drops_paging_duplicates():
    raw = [
        fix(30, 55.1, 37.1),
        fix(0, 55.0, 37.0),
        fix(10, 55.0, 37.0),
        fix(20, 55.0, 37.0),
        fix(10, 55.0, 37.0),  # exact repeat from a shifted page
        Position(lat=None, lon=None, timestamp=T0),
        fix(40, 55.2, 37.2),
    ]
    points, times = track.clean(raw)
    assert [(p.lat, p.count) for p in points] == [(55.0, 3), (55.1, 1), (55.2, 1)]
    assert points[0].t == T0 and points[0].until == T0 + timedelta(minutes=20)
    assert len(times) == 5


def test_summary_distance_stop_and_gaps():
    raw = [
        fix(0, 55.0, 37.0),
        fix(15, 55.0, 37.0),
        fix(30, 55.0, 37.001),  # ~64 m apart
        fix(150, 55.0, 37.0),
        fix(165, 55.1, 37.0),
        fix(180, 55.2, 37.0),
        fix(600, 55.3, 37.0),
    ]  # 7 h silence
    t = track.build_track("p", raw, T0, T0 + timedelta(days=1))
    s = t.summary
    assert s.fixes == 7 and s.points == 6
    assert s.distance_km == pytest.approx(0.064 + 0.064 + 3 * 11.12, rel=0.02)
    assert s.first == T0 and s.last == T0 + timedelta(minutes=600)
    assert s.longest_stop is not None
    assert s.longest_stop.duration == timedelta(minutes=150)
    # median interval 15 min → gaps are > 30 min (at least 20) or > 3 h
    assert [(g.start, g.end) for g in t.gaps] == [
        (T0 + timedelta(minutes=30), T0 + timedelta(minutes=150)),
        (T0 + timedelta(minutes=180), T0 + timedelta(minutes=600)),
    ]
    assert s.gaps == 2


def test_empty_track():
    t = track.build_track("p", [], T0, T0 + timedelta(hours=1))
    assert t.summary.empty and t.gaps == [] and t.summary.longest_stop is None
    assert track.track_payload(t, point_text=str, start_text="", end_text="") == {"empty": True}


def test_payload_splits_at_gaps_thins_dots_and_plays_in_seconds():
    raw = [fix(i, 55 + i * 1e-3, 37.0) for i in range(5000)] + [fix(6000, 56.0, 38.0)]
    t = track.build_track("p", raw, T0, T0 + timedelta(days=5))
    data = track.track_payload(
        t,
        point_text=lambda p: p.t.isoformat(),
        start_text="S",
        end_text="E",
        dots_max=500,
        circles_max=100,
    )
    assert len(data["segments"]) == 2 and len(data["gaps"]) == 1
    assert sum(len(s) for s in data["segments"]) == 5001
    assert 500 <= len(data["dots"]) <= 503 and len(data["circles"]) <= 100
    assert data["play"][0][:2] == [55.0, 37.0] and data["play"][-1][2] == 6000 * 60
    assert data["play"][4999][4] == 1  # gap after the last point before the silence
    assert data["start"][2] == "S" and data["end"][2] == "E"
    json.dumps(data)


def test_ramp_runs_from_blue_to_orange():
    assert track.ramp_colour(0) == "#0d0887"
    assert track.ramp_colour(1) == "#f2841f"
    assert track.ramp_colour(0.5) == "#b12a90"


@given(st.integers(0, 5000), st.integers(2, 300))
@settings(max_examples=200, deadline=None)
def test_downsample_keeps_ends_and_limit(count, limit):
    idx = track.downsample(count, limit)
    assert idx == sorted(set(idx))
    assert len(idx) <= max(limit, 2) or count <= limit
    if count:
        assert idx[0] == 0 and idx[-1] == count - 1
    if count <= limit:
        assert idx == list(range(count))


def test_fleet_payload_full_and_partial():
    rows = [
        FleetRow(
            phone="1",
            status="ok",
            title="A",
            lat=55.0,
            lon=37.0,
            radius=900,
            fix_time=T0,
            place="Тверь",
        ),
        FleetRow(phone="2", status="off"),
    ]  # no fix
    full = fleet.fleet_payload(
        rows, colours=lambda r: ("#111111", "#ffffff", False), when=lambda m: "12:00 MSK"
    )
    assert full == {
        "rows": [["1", 55_000_000, 37_000_000, 900, 0, "A", 0, 1]],
        "looks": [["#111111", "#ffffff", 0]],
        "strings": ["12:00 MSK", "Тверь"],
        "full": True,
        "remove": [],
    }
    part = fleet.fleet_payload(rows, full=False, removed=["3"])
    assert part["remove"] == ["3", "2"] and not part["full"]


def test_fleet_payload_shares_repeated_texts_and_keeps_6_decimals():
    rows = [
        FleetRow(
            phone=str(i),
            status="ok",
            title=f"T{i}",
            lat=55.123457 + i / 1e6,
            lon=-37.0000004,
            radius=None,
            fix_time=T0,
            place="Тверь",
        )
        for i in range(3)
    ]
    colours = iter(
        [("#111111", "#ffffff", False), ("#222222", "#ffffff", True), ("#111111", "#ffffff", False)]
    )
    payload = fleet.fleet_payload(rows, when=lambda m: "12:00 MSK", colours=lambda r: next(colours))
    assert payload["looks"] == [["#111111", "#ffffff", 0], ["#222222", "#ffffff", 1]]
    assert payload["strings"] == ["12:00 MSK", "Тверь"]
    assert [r[1] for r in payload["rows"]] == [55_123_457, 55_123_458, 55_123_459]
    assert {r[2] for r in payload["rows"]} == {-37_000_000}
    assert [r[3:5] + r[6:] for r in payload["rows"]] == [[0, 0, 0, 1], [0, 1, 0, 1], [0, 0, 0, 1]]


def test_js_call_is_safe_for_any_text():
    nasty = "</script><b>\"'\\\u2028 ✓"
    script = fleet.js_call("setFleet", {"rows": [[nasty]]})
    assert script.startswith("mz.setFleet(JSON.parse(") and script.endswith("))")
    inner = script[len("mz.setFleet(JSON.parse(") : -2]
    assert json.loads(json.loads(inner)) == {"rows": [[nasty]]}
    broken = "a\ud800b"  # a lone surrogate: pydantic-core refuses it, json.dumps escapes it
    script = fleet.js_call("setTexts", {"x": broken, "y": 55.0205})
    script.encode("utf-8")  # valid for QString
    inner = script[len("mz.setTexts(JSON.parse(") : -2]
    assert json.loads(json.loads(inner)) == {"x": broken, "y": 55.0205}


def test_nearest_place():
    assert places.nearest_place(55.7, 37.6) == "Москва"
    assert places.nearest_place(56.86, 35.9) == "Тверь"
    assert places.nearest_place(59.94, 30.31) == "Санкт-Петербург"
    assert places.nearest_place(0.0, 0.0) == ""  # the Gulf of Guinea
    assert places.nearest_place(float("nan"), 37.0) == ""
    assert len(places.CITIES) >= 100
    assert places.haversine_km(55.7558, 37.6173, 59.9386, 30.3141) == pytest.approx(634, abs=3)

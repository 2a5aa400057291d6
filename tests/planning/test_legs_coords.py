"""The straight-line leg check of the route editor, and reading pasted coordinates."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning import (
    TRUCK_MAX_KMH,
    CoordinateError,
    Leg,
    LegVerdict,
    format_coordinates,
    haversine_km,
    judge_legs,
    looks_like_coordinates,
    parse_coordinates,
    plan_legs,
    suggest_arrival,
)

MOSCOW = (55.7558, 37.6173)
KAZAN = (55.7963, 49.1088)
SPB = (59.9343, 30.3351)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


# --- distances and legs ----------------------------------------------------------------


def test_haversine_known_distances() -> None:
    assert haversine_km(*MOSCOW, *KAZAN) == pytest.approx(719, abs=3)
    assert haversine_km(*MOSCOW, *SPB) == pytest.approx(634, abs=3)
    assert haversine_km(*MOSCOW, *MOSCOW) == 0
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088, rel=1e-9)
    assert haversine_km(*MOSCOW, *KAZAN) == pytest.approx(haversine_km(*KAZAN, *MOSCOW))


def test_legs_from_the_first_point_or_from_the_start_fix() -> None:
    t0 = msk(2026, 11, 27, 8, 0)
    stops = [(*MOSCOW, t0), (*KAZAN, t0 + timedelta(hours=12)), (*SPB, None)]
    legs = plan_legs(stops)
    assert legs[0] is None
    assert legs[1] is not None and legs[1].distance_km == pytest.approx(718, abs=2)
    assert legs[1].hours == 12 and legs[1].speed_kmh == pytest.approx(59.9, abs=0.3)
    assert not legs[1].too_fast
    assert legs[2] is not None and legs[2].hours is None and legs[2].speed_kmh is None

    started = plan_legs(stops, start=(*SPB, t0 - timedelta(hours=5)))
    assert started[0] is not None and started[0].distance_km == pytest.approx(634, abs=3)
    assert started[0].speed_kmh == pytest.approx(634 / 5, abs=1) and started[0].too_fast


def test_too_fast_and_impossible_legs() -> None:
    assert Leg(719, 8).too_fast  # 90 km/h
    assert not Leg(719, 9).too_fast  # 79.9 km/h
    assert Leg(TRUCK_MAX_KMH, 1).too_fast is False  # exactly the limit passes
    assert math.isinf(Leg(100, 0).speed_kmh) and Leg(100, -1).too_fast
    assert Leg(0.1, 0).speed_kmh is None and not Leg(0.1, 0).too_fast  # same place, same time
    assert plan_legs([(None, None, None), (*MOSCOW, None)]) == [None, None]


def test_the_verdict_of_a_leg_is_the_one_check_the_editor_and_its_map_read() -> None:
    assert [Leg(100, h).verdict for h in (2, 1.5, 1, None)] == [
        LegVerdict.OK,
        LegVerdict.TIGHT,
        LegVerdict.IMPOSSIBLE,
        LegVerdict.UNKNOWN,
    ]
    assert Leg(0.1, 0).verdict is LegVerdict.OK  # same place, same time
    # another check (the arrival model, later) passes its own verdict: it stands
    judged = Leg(100, 2, verdict=LegVerdict.IMPOSSIBLE)
    assert judged.too_fast and judged == Leg(100, 2)  # the judgement is not the geometry
    t0 = msk(2026, 11, 26, 8, 0)
    legs = judge_legs(
        [
            (*MOSCOW, t0),
            (*KAZAN, t0 + timedelta(hours=8)),
            (*MOSCOW, t0 + timedelta(hours=19)),
            (*SPB, None),
        ]
    )
    assert legs[0] is None and [leg.verdict for leg in legs[1:] if leg] == [
        LegVerdict.IMPOSSIBLE,
        LegVerdict.TIGHT,
        LegVerdict.UNKNOWN,
    ]


def test_suggested_arrival() -> None:
    now = msk(2026, 11, 26, 12, 10)
    assert suggest_arrival(None, 0, now) == msk(2026, 11, 26, 13, 0)  # the next full hour
    # 718 km at 60 km/h = 11 h 58 min, + 30 min = 06:28, up to the half hour
    assert suggest_arrival(msk(2026, 11, 26, 18, 0), 718, now) == msk(2026, 11, 27, 6, 30)
    assert suggest_arrival(msk(2026, 11, 26, 18, 0), 0, now) == msk(2026, 11, 26, 18, 30)
    assert suggest_arrival(msk(2026, 11, 26, 18, 0), 31, now) == msk(2026, 11, 26, 19, 30)
    assert suggest_arrival(msk(2026, 11, 20, 8, 0), 10, now) == msk(2026, 11, 26, 13, 0)


# --- coordinates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "55.7558, 37.6173",
        "55,7558 37,6173",
        "55.7558;37.6173",
        "55.7558,37.6173",
        "55,7558, 37,6173",
        "  55.7558   37.6173 ",
        "N55.7558 E37.6173",
        "n55.7558, e37.6173",
        "E37.6173 N55.7558",
        "55.7558N 37.6173E",
        "55.7558 с.ш. 37.6173 в.д.",
        "https://yandex.ru/maps/?ll=37.617300%2C55.755800&z=10",
        "https://yandex.ru/maps/213/moscow/?ll=30.0%2C50.0&pt=37.6173,55.7558&z=12",
        "https://www.google.com/maps/@55.7558,37.6173,15z",
        "https://maps.google.com/?q=55.7558,37.6173",
        "https://www.google.com/maps/search/?api=1&query=55.7558%2C37.6173",
        "https://www.openstreetmap.org/#map=15/55.7558/37.6173",
        "https://2gis.ru/moscow?m=37.6173%2C55.7558%2F11",
    ],
)
def test_common_formats(text: str) -> None:
    assert parse_coordinates(text) == pytest.approx(MOSCOW)
    assert looks_like_coordinates(text)


def test_dms_and_signs() -> None:
    lat, lon = parse_coordinates("55°45'20.9\"N 37°37'02.3\"E")
    assert lat == pytest.approx(55 + 45 / 60 + 20.9 / 3600)
    assert lon == pytest.approx(37 + 37 / 60 + 2.3 / 3600)
    assert parse_coordinates("55°45′20.9″N 37°37′02.3″E") == pytest.approx((lat, lon))
    assert parse_coordinates("33°51'S 151°12'E") == pytest.approx((-33.85, 151.2))
    assert parse_coordinates("-33.86, 151.2") == (-33.86, 151.2)
    assert parse_coordinates("40.7 W 74.0 N") == (74.0, -40.7)  # hemispheres decide the axes
    assert parse_coordinates(
        "https://www.google.com/maps/place/X/@55.75,37.61,17z/data="
        "!3m1!4b1!8m2!3d55.7520233!4d37.6174994"
    ) == (55.7520233, 37.6174994)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("55.7558", "count"),
        ("55,37", "count"),  # one comma-decimal number, not two integers
        ("55.1 37.2 12", "count"),
        ("Москва 55 37", "garbage"),
        ("95, 37", "lat_range"),
        ("55, 190", "lon_range"),
        ("55°75'N 37°E", "minutes"),
        ("N55 N37", "axes"),
        ("https://yandex.ru/maps/", "link"),
    ],
)
def test_bad_text_says_why(text: str, reason: str) -> None:
    with pytest.raises(CoordinateError) as caught:
        parse_coordinates(text)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)


def test_addresses_do_not_look_like_coordinates() -> None:
    for text in ("Казань", "ул. 55 лет Октября, 37", "Вятская улица 27", ""):
        assert not looks_like_coordinates(text)


lats = st.floats(-90, 90, allow_nan=False).map(lambda v: round(v, 6))
lons = st.floats(-180, 180, allow_nan=False).map(lambda v: round(v, 6))


@settings(max_examples=150, deadline=None)
@given(
    lat=lats,
    lon=lons,
    style=st.sampled_from(["dot", "comma", "semicolon", "hemi", "suffix", "shown"]),
)
def test_decimal_formats_round_trip(lat: float, lon: float, style: str) -> None:
    def hemi(value: float, pos: str, neg: str) -> tuple[str, str]:
        return (pos if value >= 0 else neg), f"{abs(value):.6f}"

    if style == "dot":
        text = f"{lat:.6f}, {lon:.6f}"
    elif style == "comma":
        text = f"{lat:.6f} {lon:.6f}".replace(".", ",")
    elif style == "semicolon":
        text = f"{lat:.6f};{lon:.6f}"
    elif style == "hemi":
        (a, x), (b, y) = hemi(lat, "N", "S"), hemi(lon, "E", "W")
        text = f"{a}{x} {b}{y}"
    elif style == "suffix":
        (a, x), (b, y) = hemi(lat, "N", "S"), hemi(lon, "E", "W")
        text = f"{x}{a}, {y}{b}"
    else:
        text = format_coordinates(lat, lon)
    assert parse_coordinates(text) == pytest.approx((lat, lon), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(lat=lats, lon=lons)
def test_dms_round_trip(lat: float, lon: float) -> None:
    def dms(value: float, pos: str, neg: str) -> str:
        seconds = round(abs(value) * 3600, 1)
        d, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        return f"{int(d)}°{int(m):02d}'{s:04.1f}\"{pos if value >= 0 else neg}"

    parsed = parse_coordinates(f"{dms(lat, 'N', 'S')} {dms(lon, 'E', 'W')}")
    assert parsed == pytest.approx((lat, lon), abs=0.1 / 3600 + 1e-9)

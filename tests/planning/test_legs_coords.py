"""The geometry of the route editor's legs, and reading pasted coordinates."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning import (
    CoordinateError,
    Leg,
    LegVerdict,
    format_coordinates,
    haversine_km,
    looks_like_coordinates,
    parse_coordinates,
    plan_legs,
)

MOSCOW = (55.7558, 37.6173)
KAZAN = (55.7963, 49.1088)
SPB = (59.9343, 30.3351)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


# --- distances and the legs' geometry (their verdicts: test_legs.py) ----------------------


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
    assert legs[2] is not None and legs[2].hours is None and legs[2].speed_kmh is None
    assert all(leg is None or leg.verdict is LegVerdict.UNKNOWN for leg in legs)  # not judged

    started = plan_legs(stops, start=(*SPB, t0 - timedelta(hours=5)))
    assert started[0] is not None and started[0].distance_km == pytest.approx(634, abs=3)
    assert started[0].speed_kmh == pytest.approx(634 / 5, abs=1)
    assert math.isinf(Leg(100, 0).speed_kmh) and Leg(0.1, 0).speed_kmh is None
    assert plan_legs([(None, None, None), (*MOSCOW, None)]) == [None, None]


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

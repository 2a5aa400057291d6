"""PHP-style array encoding, МСК date formats and the exact parameters each call sends."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movizor_desktop.api.encoding import (
    MSK,
    RoutePoint,
    Schedule,
    encode_list,
    encode_metadata,
    encode_route,
    encode_schedule,
    encode_tags,
    format_dateoff,
    format_route_time,
    parse_hhmm,
    parse_route_time,
    to_unix,
    validate_metadata,
)


def test_route_points_are_php_arrays_with_msk_times():
    points = [
        RoutePoint("Казань", 55.760419, 49.190294, datetime(2016, 5, 10, 18, 0, tzinfo=MSK)),
        RoutePoint(
            "Москва", 55.7098009, 37.0536908, datetime(2016, 5, 12, 15, 0, tzinfo=UTC)
        ),  # 18:00 МСК
    ]
    assert encode_route(points) == [
        ("destination[0][text]", "Казань"),
        ("destination[0][coord]", "55.76041900,49.19029400"),
        ("destination[0][time]", "10.05.2016 18:00"),
        ("destination[1][text]", "Москва"),
        ("destination[1][coord]", "55.70980090,37.05369080"),
        ("destination[1][time]", "12.05.2016 18:00"),
    ]
    query = urlencode(encode_route(points[:1]))
    assert "destination%5B0%5D%5Btext%5D=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C" in query


def test_empty_collections_are_sent_as_bare_names_so_they_clear():
    assert encode_route([]) == [("destination", "")]
    assert encode_metadata({}) == [("metadata", "")]


def test_a_cleared_schedule_switches_every_day_off_explicitly():
    """Both readings accept ``swN=0``; the bare ``st=`` clears the times where bare
    values clear and changes nothing where they do not."""
    assert encode_schedule(Schedule()) == [*((f"sw{d}", "0") for d in range(1, 8)), ("st", "")]


def test_schedule_days_and_sorted_unique_times():
    schedule = Schedule(days=frozenset({5, 1, 3}), times=(time(17, 0), time(9, 0), time(9, 0)))
    assert encode_schedule(schedule) == [
        ("sw1", "1"),
        ("sw2", "0"),
        ("sw3", "1"),
        ("sw4", "0"),
        ("sw5", "1"),
        ("sw6", "0"),
        ("sw7", "0"),
        ("st[]", "09:00"),
        ("st[]", "17:00"),
    ]
    with pytest.raises(ValueError):
        Schedule(days=frozenset({0}))


def test_metadata_tags_and_lists():
    assert encode_metadata({"Исполнитель": "Петров", "Склад": 'ООО "Ромашка" & Ко'}) == [
        ("metadata[Исполнитель]", "Петров"),
        ("metadata[Склад]", 'ООО "Ромашка" & Ко'),
    ]
    assert encode_tags([" тент", "X5", "", "тент", "рефрижератор "]) == "тент,X5,рефрижератор"
    assert encode_list("phone", ["79210010203", "79110000000"]) == [
        ("phone[]", "79210010203"),
        ("phone[]", "79110000000"),
    ]


@pytest.mark.parametrize(
    ("metadata", "fragment"),
    [
        ({"x" * 33: "v"}, "name longer than 32"),
        ({"name": "v" * 65}, "value longer than 64"),
        ({"  ": "v"}, "empty"),
        ({"a[b]": "v"}, "brackets"),
    ],
)
def test_metadata_limits(metadata, fragment):
    with pytest.raises(ValueError, match=fragment):
        validate_metadata(metadata)
    validate_metadata({"x" * 32: "v" * 64})


def test_dates_are_moscow_time():
    moment = datetime(2026, 12, 31, 21, 30, 15, tzinfo=UTC)
    assert format_dateoff(moment) == "01.01.2027 00:30:15"
    assert format_route_time(moment) == "01.01.2027 00:30"
    naive = datetime(2026, 12, 1, 8, 0)
    assert format_dateoff(naive) == "01.12.2026 08:00:00"  # naive = already МСК
    vladivostok = timezone(timedelta(hours=10))
    assert format_route_time(datetime(2026, 12, 1, 15, 0, tzinfo=vladivostok)) == "01.12.2026 08:00"
    parsed = parse_route_time("10.05.2016 18:00")
    assert parsed == datetime(2016, 5, 10, 15, 0, tzinfo=UTC)
    assert to_unix(parsed) == 1462892400


def test_hhmm():
    assert parse_hhmm("9:05") == time(9, 5)
    for bad in ("25:00", "9", "09:5", "ab:cd", "12:60"):
        with pytest.raises(ValueError):
            parse_hhmm(bad)


def test_route_point_rejects_out_of_range_coordinates():
    with pytest.raises(ValueError):
        RoutePoint("x", 91, 0)
    with pytest.raises(ValueError):
        RoutePoint("x", 0, 181)


names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="[]\x00"),
    min_size=1,
    max_size=32,
).filter(lambda s: s.strip())
values = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=64
)


@given(st.dictionaries(names, values, min_size=1, max_size=8))
def test_metadata_encoding_survives_form_encoding(metadata):
    """What we send decodes back, PHP-style, to exactly the same mapping."""
    body = urlencode(encode_metadata(metadata))
    decoded = {}
    for name, value in parse_qsl(body, keep_blank_values=True):
        assert name.startswith("metadata[") and name.endswith("]")
        decoded[name[len("metadata[") : -1]] = value
    assert decoded == metadata


@given(
    st.lists(
        st.tuples(
            st.text(
                st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=40,
            ),
            st.floats(-90, 90, allow_nan=False),
            st.floats(-180, 180, allow_nan=False),
            st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_route_encoding_survives_form_encoding(raw):
    points = [RoutePoint(t, la, lo, d.replace(second=0, microsecond=0)) for t, la, lo, d in raw]
    pairs = parse_qsl(urlencode(encode_route(points)), keep_blank_values=True)
    assert len(pairs) == 3 * len(points)
    for i, point in enumerate(points):
        got = dict(pairs[3 * i : 3 * i + 3])
        assert got[f"destination[{i}][text]"] == point.text
        lat, lon = map(float, got[f"destination[{i}][coord]"].split(","))
        assert abs(lat - point.lat) < 1e-7 and abs(lon - point.lon) < 1e-7
        assert parse_route_time(got[f"destination[{i}][time]"]) == point.time.replace(tzinfo=MSK)

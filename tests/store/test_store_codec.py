"""The cache codec: FleetRow (with ObjectInfo details) → JSON → FleetRow is exact."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movizor_desktop.api.encoding import MSK
from movizor_desktop.api.models import Event, ObjectInfo, Position
from movizor_desktop.fleet import FleetRow
from movizor_desktop.store.codec import (
    details_from_dict,
    details_to_dict,
    event_from_json,
    event_to_json,
    position_from_json,
    position_to_json,
    row_from_json,
    row_to_dict,
    row_to_json,
)
from tests.kits.store_samples import T0, info, object_get, row


def offsets(value: Any) -> list[Any]:
    """Every datetime's UTC offset inside a model dump (equality ignores offsets)."""
    if isinstance(value, datetime):
        return [value.utcoffset()]
    if isinstance(value, dict):
        return [o for v in value.values() for o in offsets(v)]
    if isinstance(value, list | tuple):
        return [o for v in value for o in offsets(v)]
    return []


def assert_exact(a: ObjectInfo | None, b: ObjectInfo | None) -> None:
    assert a == b
    if a is not None and b is not None:
        assert a.model_dump(mode="json") == b.model_dump(mode="json")
        assert offsets(a.model_dump()) == offsets(b.model_dump())


def test_sample_row_round_trip():
    original = row()
    assert original.details is not None
    assert original.details.metadata["Заметка"] == "<b>срочно</b>"
    assert original.details.metadata["raw"] == "a &amp; b"  # unescaped once, not twice
    assert original.details.schedule is not None
    assert original.details.tariff == "manual"  # kept as sent: the price table tells the id
    text = row_to_json(original)
    assert "Казань" in text
    back = row_from_json(text)
    assert back == original
    assert_exact(back.details, original.details)
    assert back.details is not None and back.details.destination[0].time.utcoffset() == timedelta(
        hours=3
    )


def test_rows_without_details_and_naive_datetimes():
    plain = FleetRow(phone="79990000000", fix_time=datetime(2026, 1, 1, 12, 0))
    assert row_from_json(row_to_json(plain)) == plain
    assert row_from_json(row_to_json(FleetRow(phone="1"))) == FleetRow(phone="1")


def test_unknown_and_missing_keys():
    data = json.loads(row_to_json(row(details=False)))
    data["added_in_a_future_version"] = [1, 2]
    del data["place"]
    back = row_from_json(json.dumps(data))
    assert back.place == "" and back.title == row(details=False).title


def test_positions_and_events_round_trip():
    pos = Position.model_validate(
        {
            "lat": "55.7",
            "lon": 37.6,
            "timestamp": 1764147600.25,
            "timestamp_request": "1764147500",
            "radius": "300",
            "place": "Химки <МКАД>",
            "distance": "12.5",
            "distance_forecast_time": "1.5",
            "distance_forecast_status": "late",
        }
    )
    assert position_from_json(position_to_json(pos)) == pos
    event = Event.model_validate(
        {"id": "77", "timestamp": "1764147600", "phone": "7921", "type": "offline"}
    )
    assert event_from_json(event_to_json(event)) == event


# --- property-based: server-shaped answers ----------------------------------------------

unix = st.integers(min_value=1, max_value=32503680000)
stamps = st.one_of(
    st.none(),
    st.just(0),
    st.just("0"),
    unix,
    unix.map(str),
    st.floats(min_value=1, max_value=4e9, allow_nan=False),
)
texts = st.text(max_size=12) | st.sampled_from(["Казань", "<b>x</b>", "&amp;", "a & b", "&#39;"])
coords = st.one_of(
    st.none(),
    st.floats(-180, 180, allow_nan=False),
    st.floats(-180, 180, allow_nan=False).map(str),
    st.just("0"),
)
flags = st.one_of(st.none(), st.booleans(), st.sampled_from([0, 1, "0", "1", "yes"]))
route_times = st.one_of(
    st.none(),
    unix,
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2999, 1, 1)).map(
        lambda d: d.strftime("%d.%m.%Y %H:%M")
    ),
)
destinations = st.lists(
    st.fixed_dictionaries(
        {
            "text": texts,
            "lat": coords,
            "lon": coords,
            "time": route_times,
            "timestamp_finished": stamps,
            "status": st.none() | texts,
        }
    ),
    max_size=3,
)
hhmm = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
schedules = st.one_of(
    st.none(),
    st.just([]),
    st.fixed_dictionaries(
        {f"sw{d}": flags for d in range(1, 8)}
        | {"st": st.lists(hhmm | hhmm.map(" {}".format), max_size=4)}
    ),
)
object_gets = st.fixed_dictionaries(
    {
        "phone": st.from_regex(r"7\d{10}", fullmatch=True),
        "status": texts,
        "confirmed": flags,
        "title": texts,
        "tariff": st.none() | st.sampled_from(["manual", "MANUAL", "0", "1", "3", " 7 "]) | texts,
        "tariff_new": st.none() | texts,
        "last_timestamp": stamps,
        "at_request": flags,
        "current_lat": coords,
        "current_lon": coords,
        "place": texts,
        "on_parking": flags,
        "distance": coords,
        "distance_forecast_time": coords,
        "distance_forecast_status": st.none() | texts,
        "destination": destinations,
        "offline_time": stamps,
        "pos_error": flags,
        "timestamp_off": stamps,
        "timestamp_add": stamps,
        "metadata": st.one_of(
            st.just([]), st.dictionaries(texts, texts | st.integers(), max_size=4)
        ),
        "tags": st.one_of(st.none(), st.lists(texts, max_size=4), texts),
        "package_prolong": flags,
        "schedule": schedules,
    }
)
aware = st.datetimes(
    min_value=datetime(1971, 1, 1),
    max_value=datetime(2999, 1, 1),
    timezones=st.sampled_from([UTC, MSK, timezone(timedelta(hours=-5))]),
)
moments = st.none() | aware | st.datetimes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(object_gets, moments)
def test_details_round_trip_is_exact(answer: dict[str, Any], fetched: datetime | None):
    model = ObjectInfo.model_validate(answer)
    assert_exact(details_from_dict(json.loads(json.dumps(details_to_dict(model)))), model)
    original = FleetRow(phone=model.phone).with_details(model, fetched or T0)
    text = row_to_json(original)
    assert json.loads(text) == json.loads(json.dumps(row_to_dict(original)))
    back = row_from_json(text)
    assert back == original
    assert_exact(back.details, original.details)


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        FleetRow,
        phone=st.text(min_size=1, max_size=15),
        status=texts,
        title=texts,
        tariff=st.none() | texts,
        tariff_new=st.none() | texts,
        tags=st.lists(texts, max_size=3).map(tuple),
        fix_time=moments,
        lat=st.none() | st.floats(allow_nan=False),
        lon=st.none() | st.floats(allow_nan=False),
        radius=st.none() | st.integers(-(2**53), 2**53),
        place=texts,
        distance_km=st.none() | st.floats(allow_nan=False),
        forecast_hours=st.none() | st.floats(allow_nan=False),
        forecast=st.none() | texts,
        details=st.none() | st.just(info()),
        details_at=moments,
    )
)
def test_plain_rows_round_trip(original: FleetRow):
    back = row_from_json(row_to_json(original))
    assert back == original
    for name in ("fix_time", "details_at"):
        a, b = getattr(original, name), getattr(back, name)
        assert (a is None and b is None) or (a.utcoffset() == b.utcoffset())


def test_object_get_sample_is_server_shaped():
    # guard the sample itself: it must go through the real validators
    assert (
        ObjectInfo.model_validate(object_get("7900", 3)).metadata["Исполнитель"]
        == "Петров & сыновья"
    )


def test_lone_surrogates_survive():
    broken = FleetRow(phone="79990000000", title="bad \ud800 text")
    text = row_to_json(broken)
    assert text.isascii() and row_from_json(text) == broken

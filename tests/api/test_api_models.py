"""Models accept every real shape the server sends (the captured answers, docs/protocol.md)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movizor_desktop.api import MovizorClient, MovizorError
from movizor_desktop.api.models import (
    Balance,
    EventSubscription,
    ObjectInfo,
    Operator,
    Place,
    Position,
    Share,
)

# Our own fixtures, written in the shapes the captured bodies show.
NEVER_CONFIRMED = {
    "phone": "79150006777",
    "status": "no_confirmed",
    "confirmed": False,
    "title": "truck",
    "tariff": "15",
    "tariff_new": None,
    "last_timestamp": 0,
    "at_request": False,
    "current_lon": None,
    "current_lat": None,
    "place": "",
    "distance": 0,
    "distance_forecast_time": None,
    "distance_forecast_status": None,
    "on_parking": None,
    "destination": [
        {
            "text": "ХИМКИ (ОКТЯБРЬСКАЯ ЖД)",
            "lat": "55.894222",
            "lon": "37.452930",
            "time": "17.02.2019 19:00",
            "status": "new",
        }
    ],
    "offline_time": 0,
    "pos_error": False,
    "timestamp_off": "1550527200",
    "timestamp_add": "1550241751",
    "metadata": {"Клиент": "ООО &quot;КЛИЕНТ&quot;", "ТС": "X000XX000"},
}
MANUAL = {
    "phone": "79630005272",
    "status": "ok",
    "confirmed": True,
    "title": "Объект 4",
    "tariff": "manual",
    "tariff_new": "15",
    "last_timestamp": "1543525294",
    "current_lon": "36.426606",
    "current_lat": "56.876590",
    "place": "Москва",
    "distance": 0,
    "on_parking": False,
    "destination": [],
    "timestamp_off": "0",
    "metadata": [],
}


def test_never_confirmed_object():
    info = ObjectInfo.model_validate(NEVER_CONFIRMED)
    assert info.last_timestamp is None and info.distance is None
    assert info.current_lat is None and info.on_parking is None
    assert info.metadata["Клиент"] == 'ООО "КЛИЕНТ"'
    assert info.destination[0].time == datetime(2019, 2, 17, 16, 0, tzinfo=UTC)
    assert info.destination[0].lat == 55.894222
    assert info.timestamp_off == datetime.fromtimestamp(1550527200, UTC)
    assert info.tags is None and info.schedule is None


def test_manual_tariff_word_empty_metadata_array_and_string_zero():
    info = ObjectInfo.model_validate(MANUAL)
    assert info.tariff == "manual" and info.tariff_new == "15"  # the word, as sent
    assert info.metadata == {} and info.timestamp_off is None
    assert info.current_lat == 56.87659


def test_positions_in_both_radius_shapes():
    number = Position.model_validate(
        {"lon": "37.579491", "lat": "55.798355", "timestamp": 1548165275, "radius": 790}
    )
    string = Position.model_validate(
        {
            "lon": 30.16491,
            "lat": 59.29125,
            "timestamp": "1404452131",
            "radius": "790",
            "distance": "470",
            "distance_forecast_time": "10",
        }
    )
    assert number.radius == string.radius == 790
    assert string.distance == 470.0 and string.distance_forecast_time == 10.0
    assert number.timestamp == datetime.fromtimestamp(1548165275, UTC)


def test_balance_mixes_maps_and_arrays_strings_and_numbers():
    balance = Balance.model_validate(
        {
            "balance": "476.50",
            "credit": "0.00",
            "type": "org",
            "tariff": {
                "mts": {
                    "0": {"abon": "4.00", "request": "3.00", "title": "Вручную"},
                    "15": {"abon": 280, "request": "0.00", "title": "Каждые 15 мин"},
                },
                "eventsms": [{"abon": "0.00", "request": "4.00", "title": "Вручную"}],
            },
        }
    )
    assert balance.balance == Decimal("476.50")
    assert balance.tariff["mts"]["15"].abon == Decimal("280")
    assert balance.tariff["eventsms"]["0"].request == Decimal("4.00")
    assert balance.tariff_title("15") == "Каждые 15 мин"
    assert balance.tariff_title("999") == "999"


def test_subscriptions_and_shares():
    sub = EventSubscription.model_validate(
        {
            "id": "5027",
            "phones_all": 0,
            "phones": ["79001294567"],
            "timestamp": "1548084953",
            "type": "onparking",
            "phone": "",
            "email": "a@b.c",
            "telegram": 0,
        }
    )
    assert sub.notify_type == "email" and not sub.phones_all
    share = Share.model_validate(
        {
            "id": "2",
            "link": "https:\\\\movizor.ru\\share\\111-221",
            "cnt": 0,
            "req_limit": 10,
            "timestamp_off": "",
        }
    )
    assert share.url == "https://movizor.ru/share/111-221" and share.timestamp_off is None


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["0", "", "1e309", "NaN", "-1"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)

OBJECT_FIELDS = list(ObjectInfo.model_fields)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.dictionaries(st.sampled_from(OBJECT_FIELDS), json_values, max_size=len(OBJECT_FIELDS)),
    st.sampled_from(
        [
            "object_get",
            "pos_last",
            "pos_objects",
            "balance",
            "events",
            "share_list",
            "events_subscribe_list",
            "pos_request",
            "get_operator",
        ]
    ),
)
def test_arbitrary_json_in_every_field_raises_only_client_errors(data, function):
    body = json.dumps(
        {
            "code": "OK",
            "message": "",
            "result": "success",
            "data": data
            if function not in {"pos_objects", "events", "share_list", "events_subscribe_list"}
            else [data],
        },
        allow_nan=True,
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=body, headers={"content-type": "application/json"})

    import asyncio
    import concurrent.futures

    async def scenario():
        async with MovizorClient(
            "https://sim.invalid/api/",
            project="p",
            key="k",
            retries=0,
            transport=httpx.MockTransport(handler),
        ) as client:
            method = getattr(client, function)
            if function in {"object_get", "pos_last", "pos_request", "get_operator"}:
                return await method("79210010203")
            return await method()

    # a thread of its own: a Qt test earlier in the session may have a loop running here
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        outcome = pool.submit(asyncio.run, scenario())
    try:
        outcome.result()
    except MovizorError:
        pass


def test_every_free_text_is_unescaped_once():
    """Metadata values arrive HTML-escaped (captured); titles, places, route texts, tags
    and the other free texts are unescaped too, in case the server escapes them."""
    info = ObjectInfo.model_validate(
        {
            "phone": "79001294567",
            "title": "ООО &quot;Ромашка&quot; &amp; Ко",
            "place": "Склад &lt;Б&gt;",
            "tags": "тент,&quot;X5&quot;",
            "destination": [
                {"text": "ХИМКИ (&#039;ОКТЯБРЬСКАЯ ЖД&#039;)", "lat": "55.9", "lon": "37.4"}
            ],
            "metadata": {"Клиент": "ООО &amp;amp; Ко"},
        }
    )
    assert info.title == 'ООО "Ромашка" & Ко' and info.place == "Склад <Б>"
    assert info.tags == ["тент", '"X5"']
    assert info.destination[0].text == "ХИМКИ ('ОКТЯБРЬСКАЯ ЖД')"
    assert info.metadata == {"Клиент": "ООО &amp; Ко"}  # once, not twice
    assert Position.model_validate({"place": "Тула &amp; обл."}).place == "Тула & обл."
    assert Place.model_validate({"title": "ул. &laquo;Ленина&raquo;"}).title == "ул. «Ленина»"
    share = Share.model_validate({"client": "&quot;Ромашка&quot;", "comments": "a &lt; b"})
    assert (share.client, share.comments) == ('"Ромашка"', "a < b")
    assert Operator.model_validate({"title": "Tele2 &amp; Co"}).title == "Tele2 & Co"
    assert ObjectInfo.model_validate({"phone": "1", "title": "A &amp B"}).title == "A & B"

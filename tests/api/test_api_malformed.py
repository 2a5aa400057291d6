"""Every malformed body ends in the client's own error family.

Hypothesis starts from the shapes the real server's captured answers have (these are the
project's own samples, written after the 2018–19 captures of the public Go client) and
breaks them: values swapped for any other JSON, keys dropped or added, numbers longer than
Python reads, nesting deeper than the decoder allows, NaN and Infinity, bodies cut short
or not UTF-8. Each body is served over loopback HTTP to the real client. Whatever comes
back, a call either returns its typed result or raises a :class:`MovizorError`; a write
whose answer is unreadable says it may have been applied.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movizor_desktop.api import MovizorClient, MovizorError
from movizor_desktop.api.errors import BadResponseError

PHONE = "79001294567"

# --- the shapes (own samples after the captures) -----------------------------------------

_FIX = {
    "lon": "37.579491",
    "lat": "55.798355",
    "timestamp": 1548165275,
    "timestamp_request": 1548165275,
    "radius": 790,
    "distance": None,
    "distance_forecast_time": None,
    "distance_forecast_status": None,
    "place": "Москва",
}
DATA: dict[str, Any] = {
    "balance": {
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
    },
    "object_get": {
        "phone": PHONE,
        "status": "ok",
        "confirmed": True,
        "title": "truck: X000XX00",
        "tariff": "manual",
        "tariff_new": "15",
        "last_timestamp": "1555259545",
        "at_request": False,
        "current_lon": "37.672926",
        "current_lat": "54.206458",
        "place": "Тула",
        "distance": "1044",
        "distance_forecast_time": "21",
        "distance_forecast_status": "late",
        "on_parking": True,
        "destination": [
            {
                "text": "Казань",
                "lat": "46.299274",
                "lon": "35.861549",
                "time": "11.04.2019 08:00",
                "timestamp_finished": None,
                "status": "new",
            }
        ],
        "offline_time": 0,
        "pos_error": False,
        "timestamp_off": "0",
        "timestamp_add": "1554974892",
        "metadata": {"Клиент": "ООО &quot;Ромашка&quot;"},
    },
    "object_list": [{"phone": PHONE, "status": "off"}, {"phone": "79150003360", "status": "new"}],
    "pos_last": _FIX,
    "pos_list": [{**_FIX, "radius": "790"}, {**_FIX, "timestamp": 1548164275}],
    "pos_get": {**_FIX, "radius": "4300", "distance": "470"},
    "pos_objects": [{**_FIX, "phone": PHONE}],
    "pos_request": {"request_id": 22022757},
    "events": [{"id": "35425471", "timestamp": "1548076000", "phone": PHONE, "type": "reject"}],
    "share_list": [
        {
            "id": "2",
            "timestamp": "1409773876",
            "key": "111-221-955-532-1911",
            "link": "https:\\\\movizor.ru\\share\\111",
            "cnt": 0,
            "req_limit": 10,
            "req_cnt": 0,
            "timestamp_off": "",
            "client": "",
            "comments": "",
            "email": "info@movizor.ru",
        }
    ],
    "share_add": {"key": "106-651-740-217-2047", "objects_count": 1},
    "distance_search": [{"lat": "55.8070325", "lon": "37.5795807", "title": "Вятская ул."}],
    "get_operator": {"operator": "mts", "title": "МТС", "region": "Москва"},
    "tariff_calculator": {"type": "daily", "price": 0, "description": "Вручную"},
    "events_subscribe_list": [
        {
            "id": "5027",
            "phones_all": 0,
            "phones": [PHONE],
            "timestamp": "1548084953",
            "type": "onparking",
            "phone": "",
            "email": "a@b.ru",
            "telegram": 0,
        }
    ],
}
WRITES = {
    "object_add": None,
    "object_edit": None,
    "object_delete": None,
    "share_delete": None,
    "events_subscribe_add": None,
}
ERROR = {"result": "error", "error_code": "1", "error_text": "Phone not found", "error_text_ru": ""}


def call(client: MovizorClient, function: str) -> Any:
    phone_calls = {
        "object_get",
        "pos_last",
        "pos_list",
        "pos_request",
        "get_operator",
        "object_add",
        "object_delete",
    }
    if function in phone_calls:
        return getattr(client, function)(PHONE)
    args: dict[str, tuple[Any, ...]] = {
        "pos_get": (1,),
        "share_add": ([PHONE],),
        "distance_search": ("Казань",),
        "tariff_calculator": ("mts", "15"),
        "share_delete": ("k",),
    }
    if function == "object_edit":
        return client.object_edit(PHONE, tariff="15", title="x")
    if function == "events_subscribe_add":
        return client.events_subscribe_add("reject", notify_type="telegram")
    return getattr(client, function)(*args.get(function, ()))


# --- breaking them -------------------------------------------------------------------------


class Raw:
    """JSON text put into the body as it is (what json.dumps cannot produce)."""

    def __init__(self, text: str) -> None:
        self.text = text


def dumps(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


NASTY = st.sampled_from(
    [
        Raw("1" * 5000),  # longer than Python reads an int
        Raw("-" + "9" * 4400),
        Raw("[" * 100_000 + "]" * 100_000),  # deeper than the decoder allows
        Raw('{"a":' * 3000 + "1" + "}" * 3000),
        Raw("NaN"),
        Raw("Infinity"),
        Raw("-Infinity"),
        Raw("1e400"),
        Raw("1" * 400),
        "",
        " ",
        "0",
        "-1",
        "manual",
        "&amp;&lt;&quot;",
        "\u0000",
        "9" * 30,
        [],
        {},
        None,
        True,
        False,
        0,
        -1,
        2**63,
        1.5e308,
        "1e999",
        "nan",
    ]
)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


def mutate(draw: Any, value: Any, depth: int = 0) -> Any:
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(NASTY)
    if choice == 1:
        return draw(ANY_JSON)
    if isinstance(value, dict) and depth < 6:
        out = {}
        for key, item in value.items():
            if draw(st.integers(0, 7)) == 0:
                continue  # a missing field
            out[key] = mutate(draw, item, depth + 1)
        if draw(st.booleans()):
            out[draw(st.text(max_size=6))] = draw(ANY_JSON | NASTY)
        return out
    if isinstance(value, list) and depth < 6:
        items = [mutate(draw, item, depth + 1) for item in value]
        if value and draw(st.booleans()):
            items.append(mutate(draw, value[0], depth + 1))
        return items
    return value


@st.composite
def bodies(draw: Any) -> tuple[str, bytes]:
    function = draw(st.sampled_from(sorted([*DATA, *WRITES])))
    if draw(st.integers(0, 5)) == 0:
        envelope: Any = dict(ERROR)
    else:
        envelope = {"code": "OK", "message": "", "result": "success"}
        if function in DATA:
            envelope["data"] = DATA[function]
    body = dumps(mutate(draw, envelope)).encode("utf-8")
    cut = draw(st.integers(0, 7))
    if cut == 0 and body:
        body = body[: draw(st.integers(0, len(body) - 1))]
    elif cut == 1:
        body = body.replace(b"\xd0", b"\xff", 1) + b"\xc3"
    return function, body


# --- the loopback server -------------------------------------------------------------------


class _Canned(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = type(self).body
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def canned() -> Iterator[Any]:
    handler = type("Handler", (_Canned,), {"body": b""})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/api/"
    server.shutdown()
    server.server_close()


@settings(
    max_examples=300,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=bodies())
def test_every_malformed_body_ends_in_the_clients_error_family(canned, run, case):
    handler, base_url = canned
    function, body = case
    handler.body = body

    async def scenario() -> Any:
        async with MovizorClient(base_url, project="p", key="k", retries=0) as client:
            try:
                return await call(client, function)
            except MovizorError as exc:
                return exc

    outcome = run(scenario())
    if isinstance(outcome, BadResponseError) and function in WRITES:
        assert outcome.maybe_applied  # an unreadable answer to a write: may have happened
    assert not isinstance(outcome, BaseException) or isinstance(outcome, MovizorError)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"result":"success","data":' + b"1" * 5000 + b"}",
        b'{"result":"success","data":' + b"[" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"result":' + b'{"a":' * 3000 + b"1" + b"}" * 3001,
    ],
)
@pytest.mark.parametrize("function", ["balance", "object_add"])
def test_long_numbers_and_deep_nesting(canned, run, raw, function):
    handler, base_url = canned
    handler.body = raw

    async def scenario() -> Any:
        async with MovizorClient(base_url, project="p", key="k", retries=0) as client:
            return await call(client, function)

    with pytest.raises(BadResponseError) as info:
        run(scenario())
    assert info.value.maybe_applied

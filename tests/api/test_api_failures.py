"""Error answers, transport faults, retries, the bad-key guard and redaction, end to end."""

from __future__ import annotations

import logging

import httpx
import pytest

from movizor_desktop.api import (
    AuthError,
    BadResponseError,
    ConnectionFailedError,
    HttpStatusError,
    KeyRejectedError,
    MovizorClient,
    MovizorError,
    TimeoutError_,
)
from movizor_desktop.api.codes import ERRORS, READ_FUNCTIONS, WRITE_FUNCTIONS
from tests.conftest import SIM_KEY

OK_PHONE = "79210010203"  # any valid number: injected errors answer before state is looked at


async def call(client: MovizorClient, function: str):
    """Call ``function`` with plausible arguments."""
    phone_calls = {
        "object_get",
        "object_delete",
        "object_reactivate",
        "object_cancel_tariff",
        "pos_last",
        "pos_request",
        "pos_list",
        "get_operator",
        "object_add",
    }
    if function in phone_calls:
        return await getattr(client, function)(OK_PHONE)
    if function == "object_edit":
        return await client.object_edit(OK_PHONE, tariff="15", title="x")
    if function == "pos_get":
        return await client.pos_get(1)
    if function == "distance_search":
        return await client.distance_search("Казань")
    if function == "tariff_calculator":
        return await client.tariff_calculator("mts", "15")
    if function == "share_add":
        return await client.share_add([OK_PHONE])
    if function == "share_delete":
        return await client.share_delete("111-111")
    if function == "events_subscribe_add":
        return await client.events_subscribe_add("reject", notify_type="telegram")
    if function == "events_subscribe_delete":
        return await client.events_subscribe_delete(1)
    return await getattr(client, function)()


ALL_CODES = [(f, c) for f, table in ERRORS.items() for c in table]


@pytest.mark.parametrize(("function", "code"), ALL_CODES)
def test_every_documented_error_code_of_every_function(run, api, sim_control, function, code):
    spec = ERRORS[function][code]
    sim_control.inject_error(function, code, 1)
    with pytest.raises(MovizorError) as info:
        run(call(api, function))
    err = info.value
    assert err.function == function and err.error_code == code
    assert err.error_text == spec.text
    assert err.kind == spec.kind
    assert err.message("ru") == spec.message_ru and err.message("en") == spec.message_en


FAULTS = [
    ("http_500", HttpStatusError),
    ("http_502", HttpStatusError),
    ("http_503", HttpStatusError),
    ("reset", ConnectionFailedError),
    ("drop", ConnectionFailedError),
    ("html", BadResponseError),
    ("non_json", BadResponseError),
    ("truncated", (BadResponseError, ConnectionFailedError)),
]


@pytest.mark.parametrize(("kind", "expected"), FAULTS)
def test_each_fault_maps_to_its_error_and_reads_are_retried(run, api, sim_control, kind, expected):
    sim_control.reset_requests()
    sim_control.add_fault(kind, function="pos_objects", count=None)
    with pytest.raises(expected) as info:
        run(api.pos_objects())
    assert info.value.message("ru") and info.value.message("en")
    assert sim_control.requests()["by_function"]["pos_objects"] == 1 + api.retries
    sim_control.clear_faults()
    assert run(api.pos_objects())  # recovers once the fault clears


def test_a_passing_fault_is_absorbed_by_a_retry(run, api, sim_control):
    sim_control.reset_requests()
    sim_control.add_fault("http_502", function="object_list", count=1)
    assert len(run(api.object_list())) == 40
    assert sim_control.requests()["by_function"]["object_list"] == 2


@pytest.mark.parametrize("kind", ["http_500", "reset", "drop", "truncated", "html"])
def test_writes_are_never_retried(run, api, sim_control, kind):
    sim_control.reset_requests()
    sim_control.add_fault(kind, function="object_add", count=None)
    with pytest.raises(MovizorError) as info:
        run(api.object_add("9215550111", title="x"))
    assert sim_control.requests()["by_function"]["object_add"] == 1
    assert "may have been applied" in info.value.message("en")


def test_timeout(run, sim, sim_control):
    sim_control.add_fault("timeout", function="balance", count=None, latency=3)

    async def scenario():
        async with MovizorClient(
            sim.base_url, project="demo", key=SIM_KEY, timeout=0.3, retries=1, backoff=0.01
        ) as client:
            await client.balance()

    sim_control.reset_requests()
    with pytest.raises(TimeoutError_) as info:
        run(scenario())
    assert "не ответил вовремя" in info.value.message("ru")
    assert sim_control.requests()["by_function"]["balance"] == 2


def test_connection_refused(run):
    async def scenario():
        async with MovizorClient(
            "http://127.0.0.1:9/api/", project="p", key="k", retries=1, backoff=0.01
        ) as client:
            await client.balance()

    with pytest.raises(ConnectionFailedError) as info:
        run(scenario())
    assert info.value.maybe_applied is False


def test_bad_key_reaches_the_server_once(run, sim, sim_control):
    sim_control.reset_requests()

    async def scenario():
        async with MovizorClient(
            sim.base_url, project="demo", key="wrong-key-456", backoff=0.01
        ) as client:
            with pytest.raises(AuthError) as first:
                await client.balance()
            assert client.key_rejected and not first.value.locked
            for function in ("balance", "object_list", "events", "pos_objects"):
                with pytest.raises(KeyRejectedError) as again:
                    await getattr(client, function)()
                assert again.value.message("ru") == "Неверное имя проекта или ключ API."
            client.set_key(SIM_KEY)
            assert not client.key_rejected
            return await client.balance()

    assert run(scenario()).balance > 0
    assert sim_control.requests()["total"] == 2  # one refused, one after the key changed


def test_lockout_after_five_wrong_keys_is_reported_as_such(run, sim, sim_control):
    async def attempt(key):
        async with MovizorClient(sim.base_url, project="demo", key=key) as client:
            await client.balance()

    for _ in range(5):
        with pytest.raises(AuthError):
            run(attempt("wrong"))
    with pytest.raises(AuthError) as info:
        run(attempt(SIM_KEY))
    assert info.value.locked
    assert "до конца часа" in info.value.message("ru")


def test_key_never_appears_in_logs_errors_or_reprs(run, sim, sim_control, caplog):
    from movizor_desktop.api.redact import RedactingFilter

    secret = "super-secret-key-789"
    caplog.set_level(logging.DEBUG)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter())
    caplog.handler.addFilter(RedactingFilter())
    sim_control.add_fault("http_500", count=None)
    seen: list[str] = []

    async def scenario():
        for method in ("POST", "GET"):
            async with MovizorClient(
                sim.base_url, project="demo", key=secret, method=method, retries=1, backoff=0.01
            ) as client:
                seen.append(repr(client))
                try:
                    await client.balance()
                except MovizorError as err:
                    seen.extend([str(err), repr(err), err.message("en"), err.message("ru")])

    run(scenario())
    sim_control.clear_faults()
    text = "\n".join(seen) + caplog.text + str(sim_control.requests())
    assert secret not in text


def test_post_keeps_the_key_out_of_the_url(run):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, json={"code": "OK", "message": "", "result": "success", "data": []}
        )

    async def scenario():
        async with MovizorClient(
            "https://movizor.example/api/",
            project="acme",
            key="k3y-abc",
            transport=httpx.MockTransport(handler),
        ) as client:
            await client.object_list()
            await client.share_add(["+7 921 001-02-03", "89110000000"], client="Клиент")

    run(scenario())
    assert str(seen[0].url) == "https://movizor.example/api/acme/object_list/"
    assert seen[0].method == "POST" and "k3y-abc" not in str(seen[0].url)
    assert seen[0].content == b"key=k3y-abc"
    assert seen[1].content.decode() == (
        "key=k3y-abc&phone%5B%5D=79210010203&phone%5B%5D=79110000000"
        "&client=%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82"
    )
    assert "charset=utf-8" in seen[1].headers["content-type"]


def test_read_and_write_sets_cover_every_function():
    assert set(ERRORS) == READ_FUNCTIONS | WRITE_FUNCTIONS
    assert {"object_add", "pos_request", "object_edit", "share_add"} <= WRITE_FUNCTIONS

"""The main flows against every dialect of the simulator, over loopback: connect and sync
after a night away, add and edit on the manual and timed tariffs, edit and clear a
schedule, clear a route, a wrong key with 20 concurrent callers, a client link. Each test
runs once per dialect (``conftest.DIALECTS``); where the readings differ, the test says
what the app does in each."""

from __future__ import annotations

import asyncio
from datetime import time

import pytest

from movizor_desktop.api import AuthError, KeyRejectedError, MovizorClient, Schedule
from movizor_desktop.api.encoding import RoutePoint
from movizor_desktop.api.errors import KeyRefusedError, MovizorError
from movizor_desktop.api.models import Balance
from movizor_desktop.sync import ConnectionState, SyncEngine
from movizor_desktop.sync.clearing import kept_after_clear
from tests.dialects.conftest import Movizor

MTS_NEW, MTS_OTHER = "79161234567", "79161234568"


def _new_events(m: Movizor, after: int) -> list[int]:
    with m.world.lock:
        return [e.id for e in m.world.events if e.id > after]


# --- connect, then sync after a night away ----------------------------------------------------


def test_connect_then_sync_after_a_night_of_500_events(big_movizor: Movizor, run) -> None:
    m = big_movizor
    run(m.engine.connect())
    assert m.engine.status.state == ConnectionState.ONLINE and len(m.engine.fleet) == 200
    cursor = m.engine.last_event_id
    assert cursor is not None
    m.ctl.advance(10 * 3600)  # the night: the app is away; trucks arrive, park, start
    with m.world.lock:  # and position requests fill the night up to 500 events
        phones = m.world.phones()
        for i in range(max(0, 500 - len(_new_events(m, cursor)))):
            m.world.emit(phones[i % len(phones)], "request", ts=m.world.now - 600 + i)
    night = _new_events(m, cursor)
    assert len(night) >= 500
    changes = run(m.engine.cycle())
    assert sorted(e.id for e in changes.events) == night  # every event of the night
    assert changes.gaps == []
    # whoever confirmed, refused or was switched off overnight shows it now
    with m.world.lock:
        moved = {
            e.phone
            for e in m.world.events
            if e.id > cursor
            and e.type
            in ("confirm", "reject", "off", "auto_off", "no_confirm", "limit", "reactivate")
        }
    statuses = m.statuses()
    assert moved and all(
        m.engine.fleet.get(p).status == statuses[p] for p in moved if p in statuses
    )


def test_more_than_a_page_is_paged_or_told_as_a_gap(movizor: Movizor, run) -> None:
    """With a page of 100: where the server continues pages everything arrives; where it
    sends only the newest page, the gap is told and every status comes from object_list."""
    m = movizor
    engine = SyncEngine(m.client, events_limit=100, balance_every=100)
    run(engine.connect())
    cursor = engine.last_event_id
    with m.world.lock:
        phone = m.world.phones()[0]
        for i in range(250):
            m.world.emit(phone, "request", ts=m.world.now + i)
    m.ctl.set_status(m.world.phones()[1], "limited")  # a change with an event in the gap
    lists = m.ctl.requests()["by_function"].get("object_list", 0)
    changes = run(engine.cycle())
    got = sorted(e.id for e in changes.events)
    if m.dialect.events_after == "oldest":
        assert got == _new_events(m, cursor) and changes.gaps == []
    else:
        assert got == _new_events(m, cursor)[-100:] and len(changes.gaps) == 1
        assert m.ctl.requests()["by_function"]["object_list"] == lists + 1
    assert {r.phone: r.status for r in engine.fleet.rows()} == m.statuses()
    run(engine.aclose())


# --- add, and edit on the manual and the timed tariffs ----------------------------------------


def _tariffs(balance: Balance) -> tuple[str, str]:
    """(the manual id, a timed id) of MTS, as the account's price table tells them."""
    book = balance.book
    manual = book.manual_id("mts")
    timed = next(
        t
        for t, price in balance.tariff["mts"].items()
        if not book.is_manual(t, "mts") and not book.is_package(t, "mts") and "мин" in price.title
    )
    assert manual is not None
    return manual, timed


def test_add_and_edit_manual_and_timed_tariffs(movizor: Movizor, run) -> None:
    m = movizor
    run(m.engine.connect())
    balance = m.engine.status.balance
    assert balance is not None
    book = balance.book
    manual, timed = _tariffs(balance)
    table = set(balance.tariff["mts"])

    row = run(m.actions.add(MTS_NEW, tariff=manual, title='ООО "Ромашка" & Ко'))
    assert row.title == 'ООО "Ромашка" & Ко'  # unescaped, whatever the dialect escapes
    assert book.is_manual(row.tariff, "mts")
    assert row.tariff == ("manual" if m.dialect.manual_word else manual)
    m.ctl.confirm(MTS_NEW)
    price = balance.tariff["mts"][manual].request
    assert m.actions.request_cost(row, balance, "mts") == price

    # an edit of the title keeps the manual tariff: its id is sent, never a guessed one
    row = run(m.actions.edit(MTS_NEW, tariff=row.tariff, title="Иванов"))
    assert row.title == "Иванов" and row.tariff_new is None and book.is_manual(row.tariff)
    # manual → timed from the next 00:00 МСК, then cancelled
    row = run(m.actions.edit(MTS_NEW, tariff=timed))
    assert row.tariff_new == timed
    row = run(m.actions.cancel_tariff(MTS_NEW))
    assert row.tariff_new is None and book.is_manual(row.tariff)

    # a timed one, switched to manual at once
    row = run(m.actions.add(MTS_OTHER, tariff=timed))
    m.ctl.confirm(MTS_OTHER)
    assert row.tariff == timed and not book.is_manual(row.tariff)
    assert m.actions.request_cost(row, balance, "mts") is None
    row = run(m.actions.edit(MTS_OTHER, tariff=manual, activate=True))
    assert book.is_manual(row.tariff) and row.tariff_new is None

    sent = [p["tariff"] for f in ("object_add", "object_edit") for p in m.sent(f)]
    assert sent and set(sent) <= table  # only ids of this account's table went out


def test_a_manual_subscriber_seeded_by_the_account_keeps_its_tariff(movizor: Movizor, run) -> None:
    m = movizor
    run(m.engine.connect())
    balance = m.engine.status.balance
    assert balance is not None
    manual, _ = _tariffs(balance)
    with m.world.lock:
        phone = next(
            p
            for p, s in m.world.subs.items()
            if s.tariff == m.world.tariffs.manual and s.status == "ok"
        )
    info = run(m.client.object_get(phone))
    run(m.actions.edit(phone, tariff=info.tariff or "", title="x"))  # "manual" or the id
    assert m.sent("object_edit")[-1]["tariff"] == manual
    assert run(m.client.object_get(phone)).tariff_new is None  # no switch, no charge


# --- the schedule and the route ----------------------------------------------------------------


def _ok_with_route(m: Movizor) -> str:
    with m.world.lock:
        return next(p for p, s in m.world.subs.items() if s.status == "ok" and s.route)


def _days(m: Movizor, phone: str) -> tuple[bool, ...] | None:
    with m.world.lock:
        schedule = m.world.subs[phone].schedule
        return None if schedule is None else schedule.days


def test_edit_and_clear_a_schedule_and_clear_a_route(movizor: Movizor, run) -> None:
    m = movizor
    run(m.engine.connect())
    phone = _ok_with_route(m)
    tariff = run(m.client.object_get(phone)).tariff or ""

    week = Schedule(days=frozenset({1, 3}), times=(time(9), time(18)))
    row = run(m.actions.edit(phone, tariff=tariff, schedule=week))
    assert _days(m, phone) == (True, False, True, False, False, False, False)
    saved = m.engine.schedules.get(phone)
    assert saved is not None and saved.days == {1, 3} and saved.times == ("09:00", "18:00")
    reported = row.details.schedule if row.details is not None else None
    if m.dialect.object_get_extras:
        assert reported is not None and reported.days == {1, 3}
    else:  # Movizor does not say: the app shows what this computer saved
        assert reported is None

    # Wednesday off: every weekday is sent explicitly, so both readings switch it off
    run(
        m.actions.edit(
            phone, tariff=tariff, schedule=Schedule(days=frozenset({1}), times=(time(9),))
        )
    )
    assert _days(m, phone) == (True,) + (False,) * 6

    # clear the schedule: every day off, in every reading
    run(m.actions.edit(phone, tariff=tariff, schedule=Schedule()))
    assert _days(m, phone) in (None, (False,) * 7)
    assert m.engine.schedules.get(phone).empty

    # clear the route: where bare values do not clear, the app says Movizor kept it
    sent = {"route": []}
    row = run(m.actions.edit(phone, tariff=tariff, **sent))
    kept = kept_after_clear(sent, row.details)
    if m.dialect.bare_clears:
        assert kept == [] and row.details.destination == []
    else:
        assert kept == ["route"] and row.details.destination
    # replacing the route works in every reading
    point = RoutePoint("Казань", 55.790278, 49.134722)
    row = run(m.actions.edit(phone, tariff=tariff, route=[point]))
    assert [d.text for d in row.details.destination] == ["Казань"]


# --- a wrong key --------------------------------------------------------------------------------


def test_a_wrong_key_with_20_concurrent_callers(movizor: Movizor, run) -> None:
    m = movizor
    m.ctl.reset_requests()

    async def callers(client: MovizorClient) -> list[object]:
        calls = [client.balance(), client.object_list(), client.events(), client.pos_objects()]
        return await asyncio.gather(
            *(calls[i % 4] if i < 4 else client.object_list() for i in range(20)),
            return_exceptions=True,
        )

    async def scenario():
        async with MovizorClient(m.server.base_url, project="demo", key="wrong") as client:
            return await callers(client)

    outcome = run(scenario())
    assert all(isinstance(o, AuthError) for o in outcome)
    assert sum(isinstance(o, KeyRejectedError) for o in outcome) == 19
    assert m.ctl.requests()["total"] == 1  # one request for the key, not 20
    refused = next(o for o in outcome if not isinstance(o, KeyRejectedError))
    if m.dialect.wrong_key == "code0":  # not ACCESS_DENIED, still taken for a refused key
        assert isinstance(refused, KeyRefusedError) and refused.error_code == "0"

    # the sync engine stops on it, says so, and goes on once the key is right
    m.client.set_key("wrong")
    with pytest.raises(AuthError):
        run(m.engine.connect())
    assert m.engine.status.state == ConnectionState.AUTH_FAILED
    assert "key" in m.engine.status.error.message("en")
    m.client.set_key("dialect-key-7")
    m.engine.resume()
    run(m.engine.connect())
    assert m.engine.status.state == ConnectionState.ONLINE


# --- a client link ------------------------------------------------------------------------------


def test_a_client_link(movizor: Movizor, run) -> None:
    m = movizor
    with m.world.lock:
        ok = [p for p, s in m.world.subs.items() if s.status == "ok"][:2]
    created = run(
        m.client.share_add(
            ok,
            client='ООО "Ромашка" & Ко',
            comments="Рейс <12>",
            email="logist@romashka.example",
            req_limit=5,
        )
    )
    assert created.objects_count == 2 and created.key
    (link,) = [s for s in run(m.client.share_list()) if s.key == created.key]
    assert (link.client, link.comments) == ('ООО "Ромашка" & Ко', "Рейс <12>")
    assert link.url == f"https://movizor.ru/share/{created.key}" and link.req_limit == 5
    assert run(m.client.share_delete(created.key)).code == "DELETED"
    assert created.key not in {s.key for s in run(m.client.share_list())}


# --- disable, and reactivate ---------------------------------------------------------------------


def test_reactivation_after_a_manual_disable(movizor: Movizor, run) -> None:
    m = movizor
    run(m.engine.connect())
    with m.world.lock:
        phone = next(p for p, s in m.world.subs.items() if s.status == "ok")
    assert run(m.actions.delete(phone)).code == "DISABLED"
    m.ctl.advance(600)
    if m.dialect.reactivate_manual_off:
        assert run(m.actions.reactivate(phone)).status == "wait"
    else:
        with pytest.raises(MovizorError) as refused:
            run(m.actions.reactivate(phone))
        assert refused.value.error_code == "7"
        assert (
            refused.value.message("en")
            == "The subscriber's current status does not allow reconnecting."
        )

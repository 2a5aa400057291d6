"""Every client method against the simulator over loopback HTTP."""

from __future__ import annotations

import itertools
from datetime import time, timedelta
from decimal import Decimal

import pytest

from movizor_desktop.api import (
    MSK,
    InvalidInputError,
    InvalidPhoneError,
    NotFoundError,
    PendingError,
    RequestFailedError,
    RoutePoint,
    Schedule,
)
from movizor_desktop.api.codes import EVENT_TYPES, OPERATORS, Status
from tests.conftest import SIM_START


def by_status(run, api) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for item in run(api.object_list()):
        groups.setdefault(item.status, []).append(item.phone)
    return groups


def test_balance(run, api):
    balance = run(api.balance())
    assert balance.balance > 0 and isinstance(balance.credit, Decimal)
    assert set(OPERATORS) <= set(balance.tariff)
    assert balance.tariff_title("15") == "Каждые 15 мин"
    assert balance.tariff["mts"]["0"].request > 0


def test_object_list_has_every_status(run, api):
    groups = by_status(run, api)
    assert sum(map(len, groups.values())) == 40
    assert {s.value for s in Status} <= set(groups)


def test_object_get_for_every_status(run, api):
    for status, phones in by_status(run, api).items():
        info = run(api.object_get(phones[0]))
        assert info.phone == phones[0] and info.status == status
        if status == "ok":
            assert info.confirmed


def test_object_add_accepts_any_format_and_get_shows_it(run, api):
    result = run(
        api.object_add(
            "+7 (921) 555-01-02",
            title="Петров П.П. — МАН А123ВС777",
            tags=["тент", "X5"],
            tariff="30",
            metadata={"Водитель": "Петров", "Клиент": 'ООО "Ромашка" & Ко'},
        )
    )
    assert result.code == "OK"
    info = run(api.object_get("79215550102"))
    assert info.status == Status.NEW and info.title == "Петров П.П. — МАН А123ВС777"
    assert info.tariff == "30"
    assert info.metadata == {"Водитель": "Петров", "Клиент": 'ООО "Ромашка" & Ко'}
    assert info.tags == ["тент", "X5"]


def test_invalid_phone_is_refused_before_any_request(run, api, sim_control):
    sim_control.reset_requests()
    with pytest.raises(InvalidPhoneError):
        run(api.object_add("+7 495 123-45-67"))
    with pytest.raises(InvalidPhoneError):
        run(api.object_get("12345"))
    assert sim_control.requests()["total"] == 0


def test_edit_round_trips_route_schedule_and_metadata(run, api):
    phone = by_status(run, api)["ok"][0]
    info = run(api.object_get(phone))
    route = [
        RoutePoint(
            'Склад "Восток", Казань, ул. Техническая, 20 & Ко',
            55.760419,
            49.190294,
            (SIM_START + timedelta(days=1)).astimezone(MSK).replace(second=0),
        ),
        RoutePoint(
            "Москва, МКАД 47-й км, «Ашан»",
            55.7098009,
            37.0536908,
            (SIM_START + timedelta(days=2, hours=3)).astimezone(MSK).replace(second=0),
        ),
    ]
    schedule = Schedule(days=frozenset({1, 2, 3, 4, 5}), times=(time(18, 0), time(9, 0)))
    metadata = {
        "Водитель": "Иванов И.И.",
        "Перевозчик": 'ООО "Логистик, Групп" & Партнёры',
        "Рейс": "54198-1",
        "<b>": "'одинарные' кавычки",
    }
    run(
        api.object_edit(
            phone,
            tariff=info.tariff,
            title="Рейс 54198-1, Иванов",
            tags=["рефрижератор", "Магнит"],
            route=route,
            schedule=schedule,
            metadata=metadata,
        )
    )
    after = run(api.object_get(phone))
    assert after.title == "Рейс 54198-1, Иванов"
    assert after.tags == ["рефрижератор", "Магнит"]
    assert after.metadata == metadata
    assert [d.text for d in after.destination] == [p.text for p in route]
    for got, sent in zip(after.destination, route, strict=True):
        assert got.time == sent.time
        assert abs(got.lat - sent.lat) < 1e-6 and abs(got.lon - sent.lon) < 1e-6
    assert after.schedule is not None
    assert after.schedule.days == frozenset({1, 2, 3, 4, 5})
    assert after.schedule.times == ("09:00", "18:00")
    assert after.tariff == info.tariff and after.tariff_new == info.tariff_new


def test_edit_can_clear_route_schedule_and_metadata(run, api):
    phone = by_status(run, api)["ok"][1]
    info = run(api.object_get(phone))
    run(api.object_edit(phone, tariff=info.tariff, route=[], schedule=Schedule(), metadata={}))
    after = run(api.object_get(phone))
    assert after.destination == [] and after.metadata == {}
    assert after.schedule is None or after.schedule.days == frozenset()


def test_tariff_change_pending_then_cancelled(run, api):
    phone = by_status(run, api)["ok"][2]
    info = run(api.object_get(phone))
    new = "60" if info.tariff != "60" else "30"
    run(api.object_edit(phone, tariff=new))
    assert run(api.object_get(phone)).tariff_new == new
    run(api.object_cancel_tariff(phone))
    after = run(api.object_get(phone))
    assert after.tariff_new is None and after.tariff == info.tariff


def test_tariff_change_activate_now(run, api):
    phone = by_status(run, api)["ok"][3]
    info = run(api.object_get(phone))
    new = "60" if info.tariff != "60" else "30"
    run(api.object_edit(phone, tariff=new, activate=True))
    after = run(api.object_get(phone))
    assert after.tariff == new and after.tariff_new is None


def test_delete_disables_then_deletes_and_reactivate(run, api, sim_control):
    phone = by_status(run, api)["ok"][4]
    assert run(api.object_delete(phone)).code == "DISABLED"
    assert run(api.object_get(phone)).status == Status.OFF_NEW
    sim_control.advance(3600)
    assert run(api.object_get(phone)).status == Status.OFF
    assert run(api.object_reactivate(phone)).code == "OK"
    assert run(api.object_get(phone)).status in {Status.NEW, Status.WAIT}
    off_phone = by_status(run, api)["off"][0]
    assert run(api.object_delete(off_phone)).code == "DELETED"
    with pytest.raises(NotFoundError) as info:
        run(api.object_get(off_phone))
    assert info.value.field == "phone"


def test_positions(run, api):
    objects = run(api.pos_objects())
    assert objects and all(o.has_fix and o.phone for o in objects)
    assert all(250 <= o.radius <= 5000 for o in objects)
    phone = objects[0].phone
    last = run(api.pos_last(phone))
    assert last.has_fix and last.timestamp is not None
    track = run(api.pos_list(phone))
    assert track and all(a.timestamp >= b.timestamp for a, b in itertools.pairwise(track))
    assert track[0].timestamp == last.timestamp


def test_pos_list_pages_with_offset(run, api):
    phone = max(run(api.pos_objects()), key=lambda o: o.timestamp).phone
    full = run(api.pos_list(phone))
    assert len(full) > 10

    size = len(full) // 3 + 1

    async def collect():
        pages = []
        async for page in api.pos_track(phone, page_size=size):
            pages.append(page)
        return pages

    pages = run(collect())
    assert len(pages) == 3 and all(len(p) <= size for p in pages)
    assert [p.timestamp for page in pages for p in page] == [p.timestamp for p in full]
    window = run(api.pos_list(phone, start=full[5].timestamp, end=full[1].timestamp))
    assert [p.timestamp for p in window] == [p.timestamp for p in full[1:6]]


def test_request_position_resolves_through_pos_get(run, api, sim_control):
    phone = by_status(run, api)["ok"][5]
    ticket = run(api.pos_request(phone))
    assert ticket.request_id and not ticket.waiting
    with pytest.raises(PendingError):
        run(api.pos_get(ticket.request_id))
    again = run(api.pos_request(phone))
    assert again.waiting and again.request_id == ticket.request_id
    sim_control.advance(240)
    try:
        fix = run(api.pos_get(ticket.request_id))
    except RequestFailedError as err:
        assert err.message("ru") == "Определить местоположение не удалось."
    else:
        assert fix.has_fix and 250 <= fix.radius <= 5000


def test_geocoding_operator_and_calculator(run, api):
    places = run(api.distance_search("Казань"))
    assert places and "Казань" in places[0].title and places[0].lat
    with pytest.raises(InvalidInputError) as info:
        run(api.distance_search("XXXXX"))
    assert info.value.field == "query"
    operator = run(api.get_operator("+7 921 001-02-03"))
    assert operator.operator in OPERATORS and operator.title and operator.region
    cost = run(api.tariff_calculator("mts", "15"))
    assert cost.type in {"daily", "package", "month"} and cost.price >= 0


def test_events_newest_first_and_incremental(run, api, sim_control):
    events = run(api.events(limit=50))
    assert events and all(e.type in EVENT_TYPES for e in events)
    ids = [e.id for e in events]
    assert ids == sorted(ids, reverse=True)
    newest = ids[0]
    assert run(api.events(afterid=newest)) == []
    run(api.object_add("9215550199", title="Новый"))
    fresh = run(api.events(afterid=newest))
    assert [e.type for e in fresh] == ["add"] and fresh[0].phone == "79215550199"


def test_share_links_lifecycle(run, api):
    phones = by_status(run, api)["ok"][:2]
    created = run(
        api.share_add(
            phones,
            client="ООО «Клиент»",
            comments="рейс 12",
            email="client@example.org",
            dateoff=SIM_START + timedelta(days=3),
            req_limit=20,
        )
    )
    assert created.key and created.objects_count == 2
    share = next(s for s in run(api.share_list()) if s.key == created.key)
    assert share.client == "ООО «Клиент»" and share.req_limit == 20 and share.cnt == 2
    assert share.url.startswith("https://") and share.timestamp_off is not None
    assert run(api.share_delete(created.key)).code == "DELETED"
    assert all(s.key != created.key for s in run(api.share_list()))
    with pytest.raises(NotFoundError):
        run(api.share_delete(created.key))


def test_event_subscriptions_lifecycle(run, api):
    phones = by_status(run, api)["ok"][:2]
    run(
        api.events_subscribe_add(
            "pos_late", notify_type="email", notify_value="dispatch@example.org", phones=phones
        )
    )
    run(api.events_subscribe_add("reject", notify_type="telegram"))
    subs = run(api.events_subscribe_list())
    late = next(s for s in subs if s.type == "pos_late" and s.email == "dispatch@example.org")
    assert sorted(late.phones) == sorted(phones) and late.notify_type == "email"
    assert any(s.type == "reject" and s.phones_all and s.telegram for s in subs)
    run(api.events_subscribe_delete(late.id))
    assert all(s.id != late.id for s in run(api.events_subscribe_list()))


def test_get_method_works_too(run, sim):
    from movizor_desktop.api import MovizorClient
    from tests.conftest import SIM_KEY

    async def scenario():
        async with MovizorClient(sim.base_url, project="demo", key=SIM_KEY, method="GET") as client:
            await client.object_add("9215550177", title="GET-запрос & Ко")
            return await client.object_get("79215550177")

    assert run(scenario()).title == "GET-запрос & Ко"


def _sent(sim_control, function: str) -> list[dict]:
    return [e["params"] for e in sim_control.requests()["last"] if e["function"] == function]


@pytest.mark.parametrize(("plan", "manual"), [("2017", "0"), ("v2", "4")])
def test_the_word_manual_is_sent_as_the_price_tables_manual_id(run, sim, plan, manual):
    """object_get may say ``manual``; the client never assumes which id that is: it asks
    ``balance`` once (the price table) and sends that table's manual id."""
    from movizor_desktop.api import MovizorClient
    from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World
    from movizor_desktop.simulator.dialects import dialect

    world = World(
        clock=SimClock(start=SIM_START, speed=0),
        fleet=0,
        dialect=dialect("2017", {"tariffs": plan}),
    )
    with SimulatorServer(world, key="k") as server, SimControl(server.control_url) as ctl:

        async def scenario():
            async with MovizorClient(server.base_url, project="demo", key="k") as client:
                await client.object_add("+7 916 123-45-67", tariff="manual")
                await client.object_edit("79161234567", tariff="MANUAL", title="x")
                await client.tariff_calculator("mts", "manual")
                return client.tariffs

        book = run(scenario())
        assert book is not None and book.manual_id() == manual
        assert [p["tariff"] for p in _sent(ctl, "object_add")] == [manual]
        assert [p["tariff"] for p in _sent(ctl, "object_edit")] == [manual]
        assert [p["tariff"] for p in _sent(ctl, "tariff_calculator")] == [manual]
        assert len(_sent(ctl, "balance")) == 1  # learned once


def test_no_manual_id_in_the_table_is_said_and_nothing_is_sent(run, sim, sim_control):
    from movizor_desktop.api import MovizorClient
    from movizor_desktop.api.tariffs import TariffBook

    async def scenario():
        async with MovizorClient(sim.base_url, project="demo", key="demo-key-123") as client:
            client.tariffs = TariffBook({"mts": {}})  # a table that names no manual tariff
            await client.object_edit("79161234567", tariff="manual")

    sim_control.reset_requests()
    with pytest.raises(InvalidInputError) as info:
        run(scenario())
    assert info.value.field == "tariff" and "ручной" in info.value.message("ru")
    assert _sent(sim_control, "object_edit") == []


def test_object_add_into_a_sub_account(run, api, sim_control):
    sim_control.reset_requests()
    run(api.object_add("+7 916 765-43-21", tariff="15", account=" 10234 "))
    run(api.object_add("+7 916 765-43-22", tariff="15"))
    sent = _sent(sim_control, "object_add")
    assert sent[0]["account"] == "10234" and "account" not in sent[1]
    assert run(api.object_get("79167654321")).status == "new"

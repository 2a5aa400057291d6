"""The Qt-free rules of the subscriber dialog: which tariff an edit sends, the tariff list
of an operator with its prices, the auto-off limit, tags, bulk titles and number plans."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movizor_desktop.api.encoding import MSK
from movizor_desktop.api.models import Balance
from movizor_desktop.api.tariffs import TariffBook
from movizor_desktop.simulator.tariffs import PLAN_2017 as sim_tariffs
from movizor_desktop.simulator.tariffs import PLAN_V2
from movizor_desktop.ui.dialogs.subscriber_bulk import plan_numbers
from movizor_desktop.ui.dialogs.tariffs import (
    bulk_titles,
    dateoff_problem,
    default_dateoff,
    default_tariff,
    edit_tariff,
    next_msk_midnight,
    request_price,
    split_tags,
    supports_prolong,
    tariff_change,
    tariff_id,
    tariff_options,
)

BALANCE = Balance.model_validate(
    {"balance": "476.50", "credit": "0.00", "type": "org", "tariff": sim_tariffs.balance_table()}
)
BOOK = BALANCE.book
V2 = Balance.model_validate({"balance": "476.50", "tariff": PLAN_V2.balance_table()})
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=MSK)


# --- which tariff an edit sends ------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "current", "pending", "expected"),
    [
        ("60", "15", None, "60"),  # changed: the choice
        ("15", "15", None, "15"),  # untouched: the current one
        ("15", "15", "60", "60"),  # untouched with a pending switch: keep the switch
        ("30", "15", "60", "30"),  # changed while a switch is pending: the new choice
        ("60", "15", "60", "60"),  # chose the pending one: that one
        ("0", "manual", None, "0"),  # manual is 0
        ("0", "manual", "15", "15"),  # untouched manual with a pending switch
        ("manual", "0", None, "0"),
        ("15", "manual", None, "15"),  # from manual to 15
        (None, "15", None, "15"),  # nothing chosen (list not filled yet): current
        (None, "manual", "30", "30"),
        ("15", None, None, "15"),  # details unknown: the choice
        ("15", "15", "15", "15"),  # a "pending" equal to the current one is no switch
    ],
)
def test_edit_always_sends_a_tariff(chosen, current, pending, expected):
    assert edit_tariff(chosen, current, pending, BOOK) == expected


@pytest.mark.parametrize(
    ("chosen", "current", "pending", "expected"),
    [
        ("4", "manual", None, "4"),
        ("4", "manual", "7", "7"),
        ("manual", "4", None, "4"),
        ("7", "manual", None, "7"),
        (None, "manual", None, "4"),
    ],
)
def test_edit_sends_the_manual_id_of_the_v2_table(chosen, current, pending, expected):
    assert edit_tariff(chosen, current, pending, V2.book) == expected


def test_without_a_price_table_the_word_manual_is_left_for_the_client():
    assert edit_tariff(None, "manual", None) == "manual"
    assert not tariff_change("manual", "MANUAL")


def test_edit_tariff_needs_something_to_send():
    with pytest.raises(ValueError):
        edit_tariff(None, None, None)


@given(
    chosen=st.sampled_from([None, "0", "manual", "1", "3", "15", "60"]),
    current=st.sampled_from(["0", "manual", "1", "3", "15", "60"]),
    pending=st.sampled_from([None, "0", "manual", "15", "60"]),
)
def test_edit_tariff_properties(chosen, current, pending):
    sent = edit_tariff(chosen, current, pending, BOOK)
    assert sent != "manual"  # always the id
    if tariff_change(chosen, current, BOOK):
        assert sent == tariff_id(chosen, BOOK)
    elif tariff_id(pending, BOOK) not in (None, tariff_id(current, BOOK)):
        assert sent == tariff_id(pending, BOOK)  # the pending switch survives an edit
    else:
        assert sent == tariff_id(current, BOOK)  # nothing changes, nothing is charged


def test_tariff_id_and_change():
    assert tariff_id("manual", BOOK) == tariff_id("MANUAL ", BOOK) == "0"
    assert tariff_id("manual", V2.book) == "4"
    assert tariff_id("manual") == "manual"  # no table: nothing assumed
    assert tariff_id("") is None and tariff_id(None) is None and tariff_id(15) == "15"
    assert not tariff_change("0", "manual", BOOK) and tariff_change("15", "manual", BOOK)
    assert tariff_change("0", "manual", V2.book)  # "0" is not v2's manual tariff
    assert not tariff_change(None, "15")


# --- tariff list and prices -----------------------------------------------------------------


def test_options_of_an_operator_come_with_its_prices():
    mts = tariff_options(BALANCE, "mts")
    assert [o.id for o in mts] == ["0", "3", "15", "30", "60", "180"]  # no "1" at MTS
    by_id = {o.id: o for o in mts}
    assert by_id["15"].abon == Decimal("280") and by_id["15"].title == "Каждые 15 мин"
    assert by_id["0"].request == Decimal("3.00") and by_id["0"].is_manual
    assert by_id["3"].is_package and all(o.priced for o in mts)
    tele2 = [o.id for o in tariff_options(BALANCE, "tele2")]
    assert tele2 == ["0", "1", "3", "15", "30", "60"]  # no "180" outside MTS


def test_options_without_an_operator_are_every_id_unpriced():
    ids = [o.id for o in tariff_options(BALANCE, None)]
    assert ids == ["0", "1", "3", "15", "30", "60", "180"]
    assert not any(o.priced for o in tariff_options(BALANCE, None))
    assert tariff_options(BALANCE, "eventsms")[0].id == "0"  # a service is no operator
    assert tariff_options(None, "mts") == []


def test_current_and_pending_tariffs_are_always_offered():
    ids = [o.id for o in tariff_options(BALANCE, "megafon", keep=("180", "manual", None))]
    assert "180" in ids and ids.count("0") == 1


def test_default_tariff():
    mts = tariff_options(BALANCE, "mts")
    assert default_tariff(mts) == "15"
    assert default_tariff(mts, preferred="180") == "180"
    assert default_tariff(tariff_options(BALANCE, "tele2"), preferred="180") == "15"
    assert default_tariff([]) is None


def test_request_price_for_the_schedule():
    assert request_price(BALANCE, "mts") == Decimal("3.00")
    assert request_price(BALANCE, "tele2") == Decimal("1.50")
    assert request_price(BALANCE, None) == Decimal("3.50")  # unknown operator: the highest
    assert request_price(None, "mts") is None


def test_package_prolong_only_for_the_package():
    assert supports_prolong("3", BOOK) and not supports_prolong("15", BOOK)
    assert not supports_prolong(None, BOOK) and not supports_prolong("manual", BOOK)
    assert not any(supports_prolong(t, V2.book) for t in ("3", "4", "5", "6", "7"))
    assert not supports_prolong("3")  # no table: not assumed


def test_v2_options_know_their_manual_tariff():
    mts = {o.id: o for o in tariff_options(V2, "mts")}
    assert list(mts) == ["4", "5", "6", "7"]
    assert mts["4"].is_manual and not any(o.is_manual for t, o in mts.items() if t != "4")
    assert default_tariff(tariff_options(V2, "megafon")) == "5"  # no "15": not manual
    assert default_tariff(tariff_options(V2, "mts"), preferred="manual") == "4"
    assert request_price(V2, "mts") == Decimal("3.00")


def test_the_book_recognises_tariffs_from_the_table_never_from_an_id():
    assert BOOK.manual_ids() == {"0"} and V2.book.manual_ids() == {"4"}
    assert BOOK.package_ids() == {"3"} and V2.book.package_ids() == set()
    untitled = Balance.model_validate(
        {"tariff": {"mts": {"0": {"abon": "4"}, "15": {"abon": "9"}}}}
    ).book
    assert untitled.manual_id() == "0"  # no titles at all: the documents' id, if listed
    other = Balance.model_validate(
        {"tariff": {"mts": {"0": {"title": "Онлайн"}, "9": {"title": "По запросу"}}}}
    ).book
    assert other.manual_id() == "9"  # the title decides, not the id
    titled = Balance.model_validate({"tariff": {"mts": {"0": {"title": "Особый"}}}}).book
    assert titled.manual_id() is None  # titled, none manual: nothing assumed
    assert TariffBook().manual_id() is None and not TariffBook().is_manual("0")


# --- times --------------------------------------------------------------------------------


def test_next_msk_midnight():
    assert next_msk_midnight(NOW) == datetime(2026, 11, 27, 0, 0, tzinfo=MSK)
    late_utc = datetime(2026, 11, 26, 22, 30, tzinfo=MSK).astimezone(MSK)
    assert next_msk_midnight(late_utc) == datetime(2026, 11, 27, tzinfo=MSK)


def test_dateoff_must_be_more_than_a_day_ahead():
    assert dateoff_problem(None, NOW) is None
    assert dateoff_problem(NOW - timedelta(minutes=1), NOW) == "past"
    assert dateoff_problem(NOW, NOW) == "past"
    assert dateoff_problem(NOW + timedelta(hours=3), NOW) == "day"
    assert dateoff_problem(NOW + timedelta(days=1), NOW) == "day"  # exactly a day: too close
    assert dateoff_problem(NOW + timedelta(days=1, minutes=5), NOW) is None
    naive = datetime(2026, 11, 28, 12, 0)  # naive: MSK
    assert dateoff_problem(naive, NOW) is None
    default = default_dateoff(NOW)
    assert default == datetime(2026, 11, 28, 13, 0, tzinfo=MSK)
    assert dateoff_problem(default, NOW) is None


# --- tags, titles, numbers -------------------------------------------------------------------


def test_split_tags():
    assert split_tags(" a, b ,a,,  c ,") == ["a", "b", "c"]
    assert split_tags("") == []


def test_bulk_titles():
    assert bulk_titles("  Рейс 12 ", 3) == ["Рейс 12 1", "Рейс 12 2", "Рейс 12 3"]
    assert bulk_titles("", 2) == [None, None]
    assert bulk_titles("Иванов", 1) == ["Иванов"]


def test_plan_numbers_normalizes_refuses_and_never_repeats():
    plan = plan_numbers(
        ["+7 (921) 555-44-33", "8 921 555 44 33", "12345", "9215554434", "+7 495 123-45-67"], "en"
    )
    assert [(e.msisdn, e.kind) for e in plan] == [
        ("79215554433", "add"),
        ("79215554433", "duplicate"),
        (None, "invalid"),
        ("79215554434", "add"),
        (None, "invalid"),
    ]
    assert "not a Russian mobile number" in plan[2].reason
    ru = plan_numbers(["12345"], "ru")
    assert "не российский мобильный номер" in ru[0].reason

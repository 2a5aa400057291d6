"""The subscriber table model and filter proxy on synthetic rows: precise row signals,
sorting that keeps persistent indexes, search/group/tag filters and counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from movizor_desktop.api.models import Balance
from movizor_desktop.fleet import ChangeSet, FleetRow
from movizor_desktop.ui.subscribers.model import (
    BADGE_ROLE,
    BUSY_ROLE,
    COLUMN_COUNT,
    FIX,
    FORECAST,
    PHONE,
    PHONE_ROLE,
    STATUS,
    TARIFF,
    TITLE,
    SubscriberModel,
)
from movizor_desktop.ui.subscribers.proxy import STATUS_GROUPS, SubscriberProxy, parse_query

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
STATUSES = [
    "ok",
    "wait",
    "new",
    "off",
    "rejected",
    "limited",
    "no_confirmed",
    "error",
    "off_new",
    "wrong",
    "error_exists",
    "mystery",
]


def make_rows(n: int) -> list[FleetRow]:
    return [
        FleetRow(
            phone=f"7921{i:07d}",
            status=STATUSES[i % len(STATUSES)],
            title=f"Рейс {i:03d} Иванов" if i % 5 else "",
            tags=("тент",) if i % 2 else ("реф", "Магнит"),
            tariff="15" if i % 3 else "0",
            fix_time=NOW - timedelta(minutes=i),
            place="Казань" if i % 4 else "Тула",
        )
        for i in range(n)
    ]


@pytest.fixture
def model(qapp) -> SubscriberModel:
    m = SubscriberModel(now=lambda: NOW)
    m.set_rows(make_rows(30))
    return m


@pytest.fixture
def proxy(model: SubscriberModel) -> SubscriberProxy:
    p = SubscriberProxy()
    p.setSourceModel(model)
    return p


def phones_in(proxy: SubscriberProxy) -> list[str]:
    return [proxy.index(r, 0).data(PHONE_ROLE) for r in range(proxy.rowCount())]


def test_apply_uses_precise_row_signals(qtbot, model: SubscriberModel) -> None:
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = model.rows()
    inserted, removed, changed = [], [], []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.dataChanged.connect(
        lambda tl, br, *_: changed.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    changes = ChangeSet(
        added=[
            FleetRow(phone="79220000001", status="new"),
            FleetRow(phone="79220000002", status="wait"),
        ],
        changed=[
            replace(rows[3], status="ok"),
            replace(rows[4], title="Новое имя"),
            replace(rows[10], place="Омск"),
        ],
        removed=[rows[7].phone, rows[8].phone, rows[20].phone],
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.apply(changes)
    assert removed == [(20, 20), (7, 8)]  # bottom block first, contiguous rows together
    assert inserted == [(27, 28)]  # one insert at the end (30 - 3 removed = 27)
    assert (3, 4, 0, COLUMN_COUNT - 1) in changed  # rows 3 and 4 together
    assert (8, 8, 0, COLUMN_COUNT - 1) in changed  # row 10 moved up by two removals
    assert model.rowCount() == 29
    assert model.get(rows[3].phone).status == "ok"
    assert model.get(rows[7].phone) is None
    assert model.row_of("79220000002") == 28


def test_apply_is_a_no_op_for_an_empty_change(qtbot, model: SubscriberModel) -> None:
    with qtbot.assertNotEmitted(model.about_to_apply):
        model.apply(ChangeSet())


def test_sorting_keeps_persistent_indexes(
    qtbot, model: SubscriberModel, proxy: SubscriberProxy
) -> None:
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    target = model.rows()[5].phone
    keep = QPersistentModelIndex(proxy.index(5, TITLE))
    proxy.sort(TITLE, Qt.SortOrder.DescendingOrder)
    assert keep.data(PHONE_ROLE) == target
    titles = [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())]
    named = [t for t in titles if t]
    assert named == sorted(named, key=str.casefold, reverse=True)
    assert titles[-len(titles) + len(named) :] == [""] * (len(titles) - len(named))  # last
    # a refresh that changes the sort key re-sorts with one layout change, no reset
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.apply(ChangeSet(changed=[replace(model.get(target), title="яяя последний")]))
    assert proxy.index(0, TITLE).data() == "яяя последний"
    assert keep.data(PHONE_ROLE) == target and keep.row() == 0


def test_tick_refreshes_only_the_fix_column(qtbot, model: SubscriberModel) -> None:
    seen = []
    model.dataChanged.connect(
        lambda tl, br, roles: seen.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    before = model.index(2, FIX).data()
    model.tick(NOW + timedelta(hours=2))
    assert seen == [(0, 29, FIX, FIX)]
    assert before == "2 min ago" and model.index(2, FIX).data() == "2 h ago"
    assert "MSK" in model.index(2, FIX).data(Qt.ItemDataRole.ToolTipRole)


def test_cells_show_badges_tariff_and_phone(model: SubscriberModel) -> None:
    model.apply(
        ChangeSet(
            balance=Balance.model_validate(
                {
                    "balance": "10",
                    "tariff": {
                        "mts": {"0": {"title": "Вручную"}, "15": {"title": "Каждые 15 мин"}}
                    },
                }
            )
        )
    )
    assert model.index(0, PHONE).data() == "+7 921 000-00-00"
    # tariffs the app knows are named in the UI's language (English here)
    assert model.index(0, TARIFF).data() == "Manual requests"
    assert model.index(1, TARIFF).data() == "Every 15 min"
    assert model.index(0, STATUS).data(BADGE_ROLE).key == "ok"
    assert model.index(11, STATUS).data(BADGE_ROLE).key == "unknown"
    pending = replace(model.rows()[1], tariff_new="30")
    model.apply(ChangeSet(changed=[pending]))
    assert model.index(1, TARIFF).data() == "Every 15 min → Every 30 min"
    assert "00:00 MSK" in model.index(1, TARIFF).data(Qt.ItemDataRole.ToolTipRole)


def test_busy_text_reaches_the_status_cell(qtbot, model: SubscriberModel) -> None:
    phone = model.rows()[0].phone
    with qtbot.waitSignal(model.dataChanged):
        model.set_busy(phone, "Locating…")
    assert "Locating…" in model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, STATUS).data(BUSY_ROLE) == "Locating…"
    assert model.index(0, FORECAST).data(BUSY_ROLE) is None  # the spinner stays in its column
    model.set_busy(phone, None)
    assert model.busy_phones() == []


def test_parse_query_phone_like_input() -> None:
    assert parse_query("8 (921) 000-00") == (("8", "(921)", "000-00"), "792100000")
    assert parse_query("Иванов  рейс")[0] == ("иванов", "рейс")
    assert parse_query("рейс 12")[1] == ""


def test_search_group_and_tag_filters(
    qtbot, model: SubscriberModel, proxy: SubscriberProxy
) -> None:
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.set_search("ИВАНОВ рейс")  # every word, any case
    assert phones_in(proxy) == [r.phone for r in model.rows() if r.title]
    proxy.set_search("тула")  # place
    assert phones_in(proxy) == [r.phone for r in model.rows() if r.place == "Тула"]
    proxy.set_search("реф")  # tag
    assert proxy.rowCount() == 15
    proxy.set_search("8 921 000-00-2")  # a phone typed with 8
    assert phones_in(proxy) == [r.phone for r in model.rows() if "7921000002" in r.phone]
    proxy.set_search("")
    proxy.set_group("problems")
    assert {model.get(p).status for p in phones_in(proxy)} <= STATUS_GROUPS["problems"]
    assert proxy.rowCount() == sum(r.status in STATUS_GROUPS["problems"] for r in model.rows())
    proxy.set_group("all")
    proxy.set_tag("Магнит")
    assert all("Магнит" in model.get(p).tags for p in phones_in(proxy))
    assert proxy.rowCount() == 15
    proxy.clear_filters()
    assert proxy.rowCount() == 30 and not proxy.is_filtered()


def test_counts_follow_search_and_changes(
    qtbot, model: SubscriberModel, proxy: SubscriberProxy
) -> None:
    counts = proxy.group_counts()
    assert counts["all"] == 30
    assert counts["active"] == sum(r.status == "ok" for r in model.rows())
    assert counts["problems"] == sum(r.status in STATUS_GROUPS["problems"] for r in model.rows())
    proxy.set_tag("тент")
    assert proxy.group_counts()["all"] == 15
    proxy.set_tag(None)
    with qtbot.waitSignal(proxy.counts_changed):
        model.apply(ChangeSet(changed=[replace(model.rows()[1], status="ok")]))
    assert proxy.group_counts()["active"] == counts["active"] + 1


def test_rows_leave_and_join_a_group_when_their_status_changes(
    qtbot, model: SubscriberModel, proxy: SubscriberProxy
) -> None:
    proxy.set_group("active")
    before = proxy.rowCount()
    waiting = next(r for r in model.rows() if r.status == "wait")
    model.apply(ChangeSet(changed=[replace(waiting, status="ok")]))
    assert proxy.rowCount() == before + 1
    assert waiting.phone in phones_in(proxy)


def test_proxy_index_parent_is_invalid(proxy: SubscriberProxy) -> None:
    assert not proxy.index(0, 0).parent().isValid()
    assert proxy.rowCount(proxy.index(0, 0)) == 0
    assert proxy.columnCount(QModelIndex()) == COLUMN_COUNT


def test_a_keystroke_that_changes_nothing_costs_no_remap(qtbot, proxy: SubscriberProxy) -> None:
    proxy.set_search("рейс")
    shown = phones_in(proxy)
    with qtbot.assertNotEmitted(proxy.layoutChanged):
        proxy.set_search("рейс ")  # the same words
        proxy.set_search("рейс иванов")  # every titled row has both words
    assert phones_in(proxy) == shown
    with qtbot.waitSignal(proxy.layoutChanged):
        proxy.set_search("рейс 012")
    assert len(phones_in(proxy)) < len(shown)


def test_a_fresh_fix_reads_as_fresh_even_before_the_minute_tick(qapp) -> None:
    # The demo's clock runs 30x: between two ticks a fix may be minutes newer than the
    # model's last "now"; applying it must not show it as a time in the future.
    moments = [NOW]
    model = SubscriberModel(now=lambda: moments[-1])
    row = make_rows(1)[0]
    model.set_rows([row])
    moments.append(NOW + timedelta(minutes=20))
    model.apply(ChangeSet(changed=[replace(row, fix_time=NOW + timedelta(minutes=19))]))
    assert model.index(0, FIX).data() == "1 min ago"


def _expected(model: SubscriberModel, words: list[str], group: str, tag: str | None) -> set[str]:
    """The filter as the module's docstring states it, from scratch."""
    statuses = STATUS_GROUPS[group]
    found = set()
    for row in model.rows():
        text = " ".join(
            [row.phone, model.phone_text(row.phone), row.title, *row.tags, row.place or ""]
        ).casefold()
        if statuses is not None and row.status not in statuses:
            continue
        if tag is not None and tag not in row.tags:
            continue
        if all(w.casefold() in text for w in words):
            found.add(row.phone)
    return found


def test_filter_stays_right_through_resorts_and_change_sets(qtbot, qapp) -> None:
    """Typing, group and tag changes interleaved with re-sorts and change sets that change,
    add and remove rows: the rows shown are always the ones the filter names. (The proxy
    keeps its verdicts by row while the rows stay put and by phone once they move.)"""
    import random

    rng = random.Random(18)
    model = SubscriberModel(now=lambda: NOW)
    model.set_rows(make_rows(120))
    proxy = SubscriberProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    words: list[str] = []
    group, tag, serial = "all", None, 1000
    for step in range(150):
        action = rng.randrange(7)
        if action == 0:
            words = rng.choice(
                [
                    [],
                    ["рейс"],
                    ["иванов"],
                    ["рейс", "0"],
                    ["казань"],
                    ["тент"],
                    ["тула", "рейс"],
                    ["9"],
                ]
            )
            proxy.set_search(" ".join(words))
        elif action == 1:
            group = rng.choice(list(STATUS_GROUPS))
            proxy.set_group(group)
        elif action == 2:
            tag = rng.choice([None, "тент", "реф"])
            proxy.set_tag(tag)
        elif action == 3:
            proxy.sort(
                rng.choice([FIX, TITLE, STATUS, -1]),
                rng.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]),
            )
        else:
            rows = model.rows()
            changed = [
                replace(
                    r,
                    title=rng.choice(["", "Рейс 7 Иванов", "Петров"]),
                    status=rng.choice(STATUSES),
                    fix_time=r.fix_time + timedelta(minutes=rng.randrange(-90, 90)),
                )
                for r in rng.sample(rows, min(len(rows), rng.randrange(1, 15)))
            ]
            removed = [r.phone for r in rng.sample(rows, min(len(rows), 3))] if action == 4 else []
            changed = [r for r in changed if r.phone not in removed]
            added = []
            if action == 5:
                for _ in range(rng.randrange(1, 6)):
                    serial += 1
                    added.append(
                        FleetRow(
                            phone=f"7922{serial:07d}",
                            status=rng.choice(STATUSES),
                            title=f"Рейс {serial}",
                            tags=("тент",),
                            fix_time=NOW,
                            place="Тула",
                        )
                    )
            model.apply(ChangeSet(changed=changed, added=added, removed=removed))
        assert set(phones_in(proxy)) == _expected(model, words, group, tag), f"step {step}"

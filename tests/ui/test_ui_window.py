"""The main window against the simulator: the list, filters, refresh, events, details,
status bar and title, driven through the real widgets."""

from __future__ import annotations

from collections import Counter

import httpx
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from movizor_desktop.api.phones import format_phone
from movizor_desktop.store import AppSettings, KeyStorage, Profile
from movizor_desktop.ui import formatting as fmt
from movizor_desktop.ui.events_panel import PHONE_ROLE as EVENT_PHONE
from movizor_desktop.ui.features import FEATURES, WORKFLOWS
from movizor_desktop.ui.features.desktop_alerts.feature import DesktopAlerts
from movizor_desktop.ui.features.exports.feature import Exports
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from movizor_desktop.ui.subscribers.model import BADGE_ROLE, FIX, PHONE_ROLE, STATUS
from movizor_desktop.ui.subscribers.proxy import STATUS_GROUPS
from tests.conftest import SIM_KEY
from tests.kits.windows import open_window


def server_statuses(sim) -> dict[str, str]:
    answer = httpx.get(f"{sim.base_url}demo/object_list/", params={"key": SIM_KEY}).json()
    return {item["phone"]: item["status"] for item in answer["data"]}


def visible_phones(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, 0).data(PHONE_ROLE) for r in range(proxy.rowCount())]


def test_list_shows_the_fleet_with_badges_and_counts(window: MainWindow, sim) -> None:
    statuses = server_statuses(sim)
    model = window.model
    assert set(model.phones()) == set(statuses)
    for r in range(model.rowCount()):
        phone = model.index(r, 0).data(PHONE_ROLE)
        assert model.index(r, 0).data() == format_phone(phone)
        assert model.index(r, STATUS).data(BADGE_ROLE).key == statuses[phone]
    counts = Counter(statuses.values())
    buttons = window.subscribers.group_buttons
    assert buttons["all"].text() == "All 40"
    for group, members in STATUS_GROUPS.items():
        if members is not None:
            expected = sum(counts[s] for s in members)
            assert buttons[group].text().endswith(f" {expected}"), group
    assert window.windowTitle() == "Movizor Desktop — t"


def test_search_typing_filters(qtbot, window: MainWindow) -> None:
    # QTest types ASCII only: take a Latin word of some title (Ozon, Wildberries, truck...)
    row, word = next(
        (r, w)
        for r in window.model.rows()
        for w in r.title.split()
        if w.isascii() and w.isalpha() and len(w) > 3
    )
    qtbot.keyClicks(window.subscribers.search, word)
    shown = visible_phones(window)
    assert row.phone in shown
    assert all(word.casefold() in window.model.hay[window.model.row_of(p)] for p in shown)
    window.subscribers.search.clear()
    qtbot.keyClicks(window.subscribers.search, "8" + row.phone[1:7])  # typed with an 8
    assert row.phone in visible_phones(window)
    assert all(p.startswith(row.phone[:7]) or row.phone[:7] in p for p in visible_phones(window))
    qtbot.keyClick(window.subscribers.search, Qt.Key.Key_Escape)
    assert window.proxy.rowCount() == 40


def test_status_group_and_tag_filters(qtbot, window: MainWindow) -> None:
    buttons = window.subscribers.group_buttons
    qtbot.mouseClick(buttons["problems"], Qt.MouseButton.LeftButton)
    problems = visible_phones(window)
    assert problems and all(
        window.model.get(p).status in STATUS_GROUPS["problems"] for p in problems
    )
    qtbot.mouseClick(buttons["active"], Qt.MouseButton.LeftButton)
    assert all(window.model.get(p).status == "ok" for p in visible_phones(window))
    qtbot.mouseClick(buttons["all"], Qt.MouseButton.LeftButton)
    combo = window.subscribers.tags
    assert combo.count() > 1 and combo.itemText(0) == "All tags"
    tag = combo.itemText(1)
    combo.setCurrentIndex(1)
    tagged = visible_phones(window)
    assert tagged and all(tag in window.model.get(p).tags for p in tagged)
    assert len(tagged) == sum(tag in r.tags for r in window.model.rows())
    combo.setCurrentIndex(0)
    assert window.proxy.rowCount() == 40


def test_selection_and_scroll_survive_a_refresh(qtbot, window: MainWindow, sim_control) -> None:
    QAbstractItemModelTester(window.proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    table = window.subscribers.table
    window.resize(1400, 420)
    table.sortByColumn(FIX, Qt.SortOrder.AscendingOrder)  # a refresh re-sorts this column
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    sm = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sm.setCurrentIndex(
        window.proxy.index(14, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    sm.select(window.proxy.index(16, 0), flags)
    table.scrollTo(window.proxy.index(14, 0), table.ScrollHint.PositionAtCenter)
    selected = set(window.subscribers.selected_phones())
    current = window.subscribers.current_phone()
    y_before = table.visualRect(table.currentIndex()).top()
    fixes_before = {r.phone: r.fix_time for r in window.model.rows()}
    sim_control.advance(1800)
    with (
        qtbot.assertNotEmitted(window.model.modelReset),
        qtbot.waitSignal(window.model.applied, timeout=10000),
    ):
        window.session.engine.refresh_now()
    qtbot.waitUntil(
        lambda: any(r.fix_time != fixes_before[r.phone] for r in window.model.rows()), timeout=10000
    )
    assert set(window.subscribers.selected_phones()) == selected
    assert window.subscribers.current_phone() == current
    assert table.visualRect(table.currentIndex()).top() == y_before
    assert window.details.current_phone in selected or window.details.current_phone is None


def test_clicking_an_event_selects_its_subscriber(qtbot, window: MainWindow) -> None:
    events = window.events
    assert events.model.rowCount() > 0
    qtbot.mouseClick(window.subscribers.group_buttons["off"], Qt.MouseButton.LeftButton)
    row = next(
        r
        for r in range(events.model.rowCount())
        if window.model.get(events.model.index(r, 0).data(EVENT_PHONE)) is not None
        and window.model.get(events.model.index(r, 0).data(EVENT_PHONE)).status != "off"
    )
    index = events.model.index(row, 1)
    rect = events.table.visualRect(index)
    if not rect.isValid() or rect.isEmpty():
        events.table.scrollTo(index)
        rect = events.table.visualRect(index)
    qtbot.mouseClick(events.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    phone = index.data(EVENT_PHONE)
    assert window.subscribers.selected_phones() == [phone]  # the filter was lifted
    assert window.subscribers.current_phone() == phone
    assert window.details.current_phone == phone
    assert events.model.index(row, 2).data() == window.model.title_of(phone)


def test_details_pane_shows_the_selected_subscriber(qtbot, window: MainWindow) -> None:
    row = next(
        r
        for r in window.model.rows()
        if r.status == "ok" and r.details.metadata and r.details.destination and r.fix_time
    )
    window.subscribers.select_phone(row.phone)
    d = window.details
    assert d.title.text() == row.title
    assert d.phone.text() == format_phone(row.phone)
    assert d.status_badge.badge.key == "ok"
    assert d.status_text.text().startswith("The driver agreed")
    assert d.fields["consent"].text() == "Given"
    assert (
        d.fields["tariff"]
        .text()
        .startswith(window.model.index(window.model.row_of(row.phone), 3).data().split(" → ")[0])
    )
    fix = d.fields["fix"].text()
    assert "MSK" in fix and ("ago" in fix or "just now" in fix)
    assert d.fields["added"].text().endswith("MSK")
    assert d.metadata.rowCount() == len(row.details.metadata)
    assert d.route.count() == len(row.details.destination)
    first = row.details.destination[0]
    assert d.route.lines[0][0] == first.text or not first.text
    if first.time is not None:
        assert d.route.lines[0][1].startswith("planned ") and "MSK" in d.route.lines[0][1]
    window.subscribers.table.selectAll()
    assert "40 subscribers selected" in d.placeholder.text()


def test_status_bar_shows_balance_budget_and_connection(
    qtbot, window: MainWindow, sim_control
) -> None:
    bar = window.statusbar
    assert bar.connection_button.text() == "● Online"
    assert bar.balance_label.text() == "Balance: ₽4,765.50"
    assert bar.balance_label.property("low") is False
    budget = window.session.engine.status.budget
    assert bar.budget_label.text() == (
        f"Requests: {budget.used} used, {budget.remaining:,} left of 5,000/h"
    )
    assert not bar.demo_label.isVisible() and not bar.key_notice.isVisible()
    sim_control.set_balance("120.00")
    window.session.engine.note_write()
    window.session.engine.refresh_now()
    qtbot.waitUntil(lambda: bar.balance_label.property("low") is True, timeout=10000)
    assert "120.00" in bar.balance_label.text()


def test_demo_title_marker_and_session_only_key(qtbot, qloop, sim, run_async) -> None:
    window = open_window(qtbot, sim, demo=True, key_storage=KeyStorage.SESSION)
    try:
        # the demo is named once, in the UI's language (not "— Demo — ДЕМО")
        assert window.windowTitle() == "Movizor Desktop — DEMO"
        assert window.statusbar.demo_label.isVisible()
        assert window.statusbar.key_notice.isVisible()
        assert "session only" in window.statusbar.key_notice.text()
    finally:
        run_async(window.session.aclose())
    window.set_session(None)
    assert window.windowTitle() == "Movizor Desktop"
    assert window.model.rowCount() == 0


def test_refused_key_is_shown_and_actions_stop(qtbot, qloop, sim, run_async) -> None:
    session = Session(Profile(name="t", base_url=sim.base_url, project="demo"), "wrong-key")
    window = MainWindow(AppSettings(), lang="ru")
    qtbot.addWidget(window)
    window.set_session(session)
    session.start()
    try:
        bar = window.statusbar
        qtbot.waitUntil(
            lambda: bar.connection_button.property("state") == "auth_failed", timeout=10000
        )
        assert "Неверное имя проекта или ключ API." in bar.connection_button.toolTip()
        assert not window.window_actions.add.isEnabled()  # writes wait for a working key
        assert window.window_actions.refresh.isEnabled()  # F5 explains what to do
        with qtbot.waitSignal(window.connection_settings_requested):
            qtbot.mouseClick(bar.connection_button, Qt.MouseButton.LeftButton)
    finally:
        run_async(session.aclose())


def test_keyboard_find_and_into_the_list(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.subscribers.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.subscribers.search.hasFocus()
    qtbot.keyClick(window.subscribers.search, Qt.Key.Key_Down)
    assert window.subscribers.table.hasFocus()
    assert window.subscribers.current_phone() is not None
    qtbot.keyClick(window.subscribers.table, Qt.Key.Key_Down)
    second = window.proxy.index(1, 0).data(PHONE_ROLE)
    assert window.subscribers.current_phone() == second
    assert window.details.current_phone == second


def test_workflow_menus_can_come_after_the_first_paint(qtbot, app_home) -> None:
    """The app builds its window without the workflow menus (cold start) and adds them
    once the list has painted: the same menus, in the same order, installed once."""

    def menus(window: MainWindow) -> list[str]:
        texts: list[str] = []

        def walk(menu, indent: str = "") -> None:
            for action in menu.actions():
                texts.append(indent + ("---" if action.isSeparator() else action.text()))
                if action.menu() is not None:
                    walk(action.menu(), indent + "  ")

        for top in window.menuBar().actions():
            texts.append("== " + top.text())
            walk(top.menu())
        return texts

    eager = MainWindow(AppSettings(), lang="en")
    late = MainWindow(AppSettings(), lang="en", workflows=False)
    qtbot.addWidget(eager)
    qtbot.addWidget(late)
    assert "exports" not in late.features and len(late.tools_menu.actions()) == 0
    workflows = [line for line in FEATURES if line.stage == WORKFLOWS]
    assert len(late.features.start(WORKFLOWS)) == len(workflows) >= 7
    assert late.features.start(WORKFLOWS) == []  # idempotent
    assert menus(late) == menus(eager)
    assert len(late.tools_menu.actions()) == 5  # …, bulk import, Plan a trip
    assert late.features.get(Exports) is late.features["exports"]
    assert isinstance(late.features["desktop_alerts"], DesktopAlerts)


def test_window_event_filters_survive_a_window_being_torn_down(qtbot, app_home) -> None:
    """When the garbage collector breaks a window's reference cycle it clears the helper
    objects' attributes first, and Qt then still sends the dying window events that go
    through their event filters: the filters must shrug, not raise. (Features no longer
    filter the window's events: they follow its language_changed signal.)"""
    from PySide6.QtCore import QCoreApplication, QEvent

    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    del window.layout_memory.window  # what tp_clear does to the cycle
    with qtbot.captureExceptions() as exceptions:
        for kind in (QEvent.Type.LanguageChange, QEvent.Type.Close):
            QCoreApplication.sendEvent(window, QEvent(kind))
    assert exceptions == []


def test_missing_events_are_told_with_their_two_times(
    qtbot, window: MainWindow, sim, sim_control
) -> None:
    """A server that answers ``afterid`` with only the newest page (the v2 reading): after
    more than a page of events the feed says between which two times events may be
    missing, and the status bar says it too; the dispatcher can dismiss it."""
    sim_control.set_dialect(events_after="newest")
    engine = window.session.engine
    known = engine.events[0]
    world = sim.world
    with world.lock:
        phone = world.phones()[0]
        for i in range(1200):  # more than the 1,000 a page may hold
            world.emit(phone, "request", ts=world.now + i)
    engine.refresh_now()
    panel = window.events
    qtbot.waitUntil(panel.gap_box.isVisible, timeout=15000)
    text = panel.gap_label.text()
    assert fmt.msk_datetime(known.timestamp) in text and "may be missing" in text
    assert window.statusbar.message() == text
    qtbot.mouseClick(panel.gap_close, Qt.MouseButton.LeftButton)
    assert not panel.gap_box.isVisible()


def test_the_gap_sentence_names_the_earlier_time_first(qapp) -> None:
    from datetime import UTC, datetime

    from movizor_desktop.fleet import EventGap
    from movizor_desktop.ui.events_panel import gap_text

    early, late = (
        datetime(2026, 11, 26, 19, 0, tzinfo=UTC),
        datetime(2026, 11, 27, 4, 30, tzinfo=UTC),
    )
    text = "Events between 26.11.2026 22:00 MSK and 27.11.2026 07:30 MSK may be missing."
    assert gap_text(EventGap(early, late)).startswith(text)
    assert gap_text(EventGap(late, early)).startswith(text)
    assert gap_text(EventGap(None, late)).startswith("Events before 27.11.2026 07:30 MSK")
    assert gap_text(EventGap(early, None)).startswith("Events after 26.11.2026 22:00 MSK")

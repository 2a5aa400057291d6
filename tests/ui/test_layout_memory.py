"""The window layout is remembered per profile: sizes, columns, sort and filters survive a
close and reopen; another profile keeps its own; changes are saved after a short delay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from movizor_desktop.store import AppPaths, AppSettings, Profile
from movizor_desktop.store.layout import layout_path, load_layout
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from movizor_desktop.ui.subscribers.model import PLACE, TITLE
from tests.conftest import SIM_KEY


@pytest.fixture
def sessions(qloop, sim, run_async):
    made: dict[str, Session] = {}

    def get(name: str) -> Session:
        if name not in made:
            made[name] = Session(Profile(name, base_url=sim.base_url, project="demo"), SIM_KEY)
        return made[name]

    yield get
    for session in made.values():
        run_async(session.aclose())


def open_window(qtbot) -> MainWindow:
    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def state(window: MainWindow) -> dict:
    header = window.subscribers.table.horizontalHeader()
    return {
        "size": (window.width(), window.height()),
        "top": window.top_splitter.sizes(),
        "title_width": header.sectionSize(TITLE),
        "place_visual": header.visualIndex(PLACE),
        "sort": (header.sortIndicatorSection(), header.sortIndicatorOrder()),
        "search": window.subscribers.search.text(),
        "group": window.proxy.group,
        "group_button": window.subscribers.group_buttons["problems"].isChecked(),
        "tag": window.proxy.tag,
    }


def customise(qtbot, window: MainWindow, search: str) -> None:
    window.resize(760, 640)  # the offscreen screen is 800×800
    qtbot.waitUntil(lambda: window.width() == 760)
    total = sum(window.top_splitter.sizes())
    window.top_splitter.setSizes([total - 300, 300])
    header = window.subscribers.table.horizontalHeader()
    header.resizeSection(TITLE, 333)
    header.moveSection(header.visualIndex(PLACE), 1)
    window.subscribers.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(window.subscribers.search, search)
    qtbot.mouseClick(window.subscribers.group_buttons["problems"], Qt.MouseButton.LeftButton)
    window.subscribers.set_tag("тент")


def test_layout_survives_close_and_reopen_per_profile(qtbot, sessions):
    first = open_window(qtbot)
    first.set_session(sessions("Alpha"))
    customise(qtbot, first, "ivanov")
    wanted = state(first)
    assert wanted["title_width"] == 333 and wanted["place_visual"] == 1
    assert wanted["sort"] == (TITLE, Qt.SortOrder.DescendingOrder)
    first.close()
    assert layout_path(AppPaths(), "Alpha").is_file()

    second = open_window(qtbot)
    before = state(second)
    assert before["search"] == "" and before["title_width"] != 333
    second.set_session(sessions("Alpha"))
    restored = state(second)
    assert restored == wanted

    # another profile has its own layout: a new one starts unfiltered, Alpha's is saved
    second.set_session(sessions("Beta"))
    beta = state(second)
    assert (beta["search"], beta["group"], beta["tag"]) == ("", "all", None)
    assert beta["title_width"] == 333  # sizes: the window's, until Beta has its own
    second.subscribers.table.horizontalHeader().resizeSection(TITLE, 222)
    qtbot.keyClicks(second.subscribers.search, "beta")
    second.set_session(sessions("Alpha"))
    assert state(second) == wanted
    assert load_layout(AppPaths(), "Beta").search == "beta"
    second.set_session(sessions("Beta"))
    assert state(second)["search"] == "beta" and state(second)["title_width"] == 222


def test_changes_are_saved_after_a_short_delay(qtbot, sessions):
    window = open_window(qtbot)
    window.layout_memory._timer.setInterval(50)
    window.set_session(sessions("Gamma"))
    path = layout_path(AppPaths(), "Gamma")
    assert not path.exists()
    window.subscribers.table.horizontalHeader().resizeSection(TITLE, 271)
    qtbot.waitUntil(path.is_file, timeout=3000)
    header = window.subscribers.table.horizontalHeader()
    assert load_layout(AppPaths(), "Gamma").header is not None
    saves = window.layout_memory.saves
    qtbot.keyClicks(window.subscribers.search, "abc")  # three keys: one save
    qtbot.waitUntil(lambda: load_layout(AppPaths(), "Gamma").search == "abc", timeout=3000)
    assert not window.layout_memory._timer.isActive()  # no save is pending: only that one
    assert window.layout_memory.saves == saves + 1
    assert header.sectionSize(TITLE) == 271


def test_demo_sessions_save_nothing(qtbot, qloop, sim, run_async):
    window = open_window(qtbot)
    demo = Session(Profile("Demo", base_url=sim.base_url, project="demo"), SIM_KEY, demo=True)
    try:
        window.set_session(demo)
        window.subscribers.search.setText("x")
        window.close()
        assert not layout_path(AppPaths(), "Demo").exists()
    finally:
        run_async(demo.aclose())


def test_the_map_pane_arriving_late_gets_its_saved_size(qtbot, sessions):
    """The map is built after the list paints, so after the layout was applied: the
    splitter sizes saved with the map come back once the pane is added."""
    from PySide6.QtWidgets import QWidget

    first = open_window(qtbot)
    first.resize(760, 640)  # the offscreen screen is 800×800
    qtbot.waitUntil(lambda: first.width() == 760)
    first.set_session(sessions("Delta"))
    first.add_map_pane(QWidget())
    total = sum(first.top_splitter.sizes())
    first.top_splitter.setSizes([200, total - 420, 220])
    wanted = first.top_splitter.sizes()
    first.close()

    second = open_window(qtbot)
    second.set_session(sessions("Delta"))
    assert second.top_splitter.count() == 2
    assert second.width() == 760
    second.add_map_pane(QWidget())
    assert second.top_splitter.sizes() == wanted


def test_the_delayed_save_writes_off_the_qt_thread(qtbot, sessions, monkeypatch):
    """The write is fsync-ed: a column resize or a search must not stall the window."""
    import threading

    from movizor_desktop.ui import layout_memory

    threads: list[threading.Thread] = []
    real = layout_memory.save_layout

    def spying(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(layout_memory, "save_layout", spying)
    window = open_window(qtbot)
    window.layout_memory._timer.setInterval(50)
    window.set_session(sessions("Epsilon"))
    window.subscribers.table.horizontalHeader().resizeSection(TITLE, 281)
    qtbot.waitUntil(lambda: bool(threads), timeout=3000)
    assert threading.main_thread() not in threads
    qtbot.waitUntil(lambda: layout_path(AppPaths(), "Epsilon").is_file(), timeout=3000)
    window.close()  # the closing save is the last word, written at once
    assert threads[-1] is threading.main_thread()
    assert load_layout(AppPaths(), "Epsilon").header is not None

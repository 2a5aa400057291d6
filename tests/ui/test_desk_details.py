"""What got in the way at the dispatcher's desk, one check each: two-line values in the
details pane, the Preferences' language note, an empty search under a status filter, a
late position, the shortcuts list's exports, the delete question's width."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from movizor_desktop import clock
from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.fleet import ChangeSet, FleetRow
from movizor_desktop.store import AppPaths, AppSettings
from movizor_desktop.ui.dialogs.confirm import build_delete_box
from movizor_desktop.ui.features.preferences.dialog import PreferencesDialog
from movizor_desktop.ui.position_watch import PositionWatch
from movizor_desktop.ui.statusbar import StatusBar
from movizor_desktop.ui.subscribers.model import SubscriberModel
from movizor_desktop.ui.subscribers.proxy import SubscriberProxy
from movizor_desktop.ui.subscribers.view import SubscriberList

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Movizor's time in these tests: fixed


@pytest.fixture(autouse=True)
def movizor_now() -> None:
    """The app's one clock stands at NOW: "46 min ago" never depends on today's date."""
    clock.install(clock.MovizorClock(source=lambda: NOW))


def test_two_line_values_in_the_details_are_never_cut(
    qtbot, qloop, sim, run_async, russian
) -> None:
    """The window's details at their laptop width, a subscriber with a route, parking and
    metadata selected after the splitter settled: every wrapped value is as tall as its
    lines (the second line of "Last fix" was cut)."""
    from movizor_desktop.ui.main_window import MainWindow

    window = MainWindow(AppSettings(), lang="ru", workflows=False)
    qtbot.addWidget(window)
    window.resize(1342, 700)
    window.show()
    sizes = window.top_splitter.sizes()
    window.top_splitter.setSizes([sum(sizes) - 380, 380])
    info = ObjectInfo.model_validate(
        {
            "phone": "79001112233",
            "status": "ok",
            "on_parking": False,
            "metadata": {"Водитель": "Алексеев Олег", "Клиент": "ООО «Лента»"},
            "destination": [
                {"text": "ЯРОСЛАВЛЬ (СКЛАД)", "lat": 57.6, "lon": 39.9, "status": "finished"},
                {"text": "ВОЛОГДА (СКЛАД)", "lat": 59.2, "lon": 39.8, "status": "ok"},
            ],
        }
    )
    row = FleetRow(
        phone="79001112233",
        status="ok",
        tariff="60",
        title="truck: K938PC116 trip:99459-3, order:R960887793",
        fix_time=NOW - timedelta(minutes=46),
        lat=57.659279,
        lon=39.927827,
        radius=720,
        place="Ярославль",
        distance_km=211.0,
        forecast="ok",
        forecast_hours=4.0,
        details=info,
    )
    window.model.set_rows([row])
    window.select_subscriber(row.phone)
    pane = window.details
    qtbot.waitUntil(lambda: pane.current_phone == row.phone)
    qtbot.wait(50)  # the layout settles
    shown = [label for label in pane.fields.values() if label.isVisible()]
    assert any(
        label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing() * 1.5
        for label in shown
    )  # something does wrap
    for label in shown:
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        # how: each label asks for its lines' height at the width it got (the cut showed
        # under X11 only — the offscreen platform lays the form out right either way)
        assert label.minimumHeight() == label.heightForWidth(label.width())
    assert pane.fields["forecast"].text() == "осталось 4\u00a0ч"  # the unit never wraps alone


def test_a_refresh_never_leaves_the_details_without_their_route_for_a_frame(qtbot) -> None:
    """Every minute the details are drawn again: the route's lines are updated in place.
    Made anew, they were missing for one turn of the loop, the pane shrank to fit and the
    form above squeezed its rows over each other in that frame (seen in a screenshot)."""
    from PySide6.QtCore import QEvent, QObject

    from movizor_desktop.ui.details import DetailsPane

    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    info = ObjectInfo.model_validate(
        {
            "phone": "79001112233",
            "status": "ok",
            "destination": [
                {"text": "ЯРОСЛАВЛЬ (СКЛАД)", "lat": 57.6, "lon": 39.9, "status": "finished"},
                {"text": "ВОЛОГДА (СКЛАД)", "lat": 59.2, "lon": 39.8, "status": "ok"},
            ],
        }
    )
    row = FleetRow(
        phone="79001112233",
        status="ok",
        tariff="60",
        title="Truck 7",
        fix_time=NOW - timedelta(minutes=46),
        lat=57.6,
        lon=39.9,
        details=info,
    )
    pane.set_row(row)
    qtbot.wait(50)
    lines = pane.route.findChildren(QLabel)
    heights: list[int] = []

    class Sizes(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Resize:
                heights.append(event.size().height())
            return False

    sizes = Sizes(pane)
    pane.widget().installEventFilter(sizes)
    tall = pane.widget().height()
    for minutes in (47, 48):  # the minute ticks
        pane.update_row(replace(row, fix_time=NOW - timedelta(minutes=minutes)))
        qtbot.wait(30)
    assert pane.route.findChildren(QLabel) == lines  # the same lines, updated
    assert all(h >= tall for h in heights), heights
    assert pane.route.count() == 2
    # one point fewer, then one more: lines go and come as needed
    two = info.model_copy(update={"destination": info.destination[:1]})
    pane.update_row(replace(row, details=two))
    qtbot.waitUntil(lambda: len([w for w in pane.route.findChildren(QLabel) if w.isVisible()]) == 1)
    pane.update_row(row)
    assert pane.route.lines[1][0] == "ВОЛОГДА (СКЛАД)"
    qtbot.waitUntil(lambda: all(w.isVisible() for w in pane.route.findChildren(QLabel)))


def test_the_language_note_sits_under_its_box_in_one_line(qtbot, qloop) -> None:
    dialog = PreferencesDialog(AppSettings(), paths=AppPaths())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    note, combo = dialog.language_note, dialog.language_combo
    top_left = note.mapTo(dialog, note.rect().topLeft())
    combo_bottom = combo.mapTo(dialog, combo.rect().bottomLeft()).y()
    assert top_left.y() > combo_bottom  # under the box, not over it
    assert note.height() >= note.heightForWidth(note.width())  # not clipped
    assert (
        note.width() > combo.width() // 2
        and note.heightForWidth(note.width()) < 2 * note.fontMetrics().lineSpacing()
    )  # the row's width: one line


def test_an_empty_search_under_a_filter_says_so_and_offers_all(qtbot) -> None:
    model = SubscriberModel()
    model.set_rows(
        [
            FleetRow(phone="79001112233", status="ok", title="Ivanov"),
            FleetRow(phone="79001112244", status="off", title="Petrov"),
        ]
    )
    view = SubscriberList(model, SubscriberProxy())
    qtbot.addWidget(view)
    view.show()
    view.set_group("active")
    qtbot.keyClicks(view.search, "Petrov")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    qtbot.waitUntil(view.empty_hint.isVisible)
    assert "Nothing found in" in view.empty_hint.text() and "Active" in view.empty_hint.text()
    view.empty_hint.linkActivated.emit("all")  # the link: show all
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert view.proxy.group == "all" and view.search.text() == "Petrov"
    assert not view.empty_hint.isVisible()
    # an empty result of the search alone is not hinted at: nothing filters it
    view.search.setText("Nobody")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    assert not view.empty_hint.isVisible()


def test_a_late_requested_position_is_announced(qtbot) -> None:
    bar = StatusBar(lang="en")
    qtbot.addWidget(bar)
    watch = PositionWatch(bar, lambda phone: "Truck 7")
    asked = NOW - timedelta(minutes=6)
    watch.expect("79001112233", asked)
    old = FleetRow(
        phone="79001112233",
        status="ok",
        fix_time=asked - timedelta(hours=1),
        lat=55.0,
        lon=37.0,
        place="Тверь (12 км)",
    )
    with qtbot.assertNotEmitted(watch.arrived):
        watch.changes_applied(ChangeSet(changed=[old]))  # an older fix: not the answer
    new = FleetRow(
        phone="79001112233",
        status="ok",
        fix_time=NOW,
        lat=56.0,
        lon=36.0,
        place="Тверь (12 км)",
    )
    with qtbot.waitSignal(watch.arrived) as blocker:
        watch.changes_applied(ChangeSet(changed=[new]))
    assert blocker.args == ["79001112233"]
    assert "Truck 7: the requested position arrived — Тверь (12 km)" in bar.message()
    assert not watch.expecting("79001112233")  # announced once


def test_the_shortcuts_list_says_the_exports_are_exports(qtbot) -> None:
    from movizor_desktop.ui.features.help import window_shortcuts
    from movizor_desktop.ui.main_window import MainWindow

    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    rows = {(group, text) for group, text, _keys in window_shortcuts(window)}
    assert ("File", "Export › Subscriber list") in rows
    assert ("File", "Export › Track of the selected subscriber") in rows
    assert ("File", "Export › Events of a period") in rows
    assert ("File", "Quit") in rows  # a top-level entry has no path


def test_the_delete_question_keeps_a_phone_number_on_one_line(qtbot) -> None:
    rows = [FleetRow(phone="79211234567", status="ok", title="Петров Пётр — КАМАЗ А123ВС77")]
    box = build_delete_box(None, rows)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(box.isVisible)
    assert box.width() >= 480
    info = next(label for label in box.findChildren(QLabel) if "+7 921 123-45-67" in label.text())
    line = info.fontMetrics().horizontalAdvance("+7 921 123-45-67")
    assert info.width() > 2 * line
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.close()


def test_the_copy_action_needs_a_selection(qtbot) -> None:
    from movizor_desktop.ui.actions import WindowActions

    actions = WindowActions()
    assert not actions.copy_phone.isEnabled()
    actions.update_state([FleetRow(phone="79001112233", status="ok")], connected=False)
    assert actions.copy_phone.isEnabled()
    assert actions.copy_phone.shortcut().toString() == "Ctrl+Shift+C"
    assert Qt.Key.Key_C  # the key the shortcut names

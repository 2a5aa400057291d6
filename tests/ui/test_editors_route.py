"""RouteEditor driven like a dispatcher: address search against the simulator, pasted
coordinates, map pick, buttons and drag reorder, arrival editing, validation, planning
flags and templates."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from movizor_desktop.api import MovizorClient
from movizor_desktop.api.encoding import MSK, RoutePoint
from movizor_desktop.api.errors import RateLimitError
from movizor_desktop.api.models import Destination, Place
from movizor_desktop.planning import LegCheck, LegVerdict, Pace, default_rule_set
from movizor_desktop.store import AppPaths
from movizor_desktop.store.routes import RouteTemplates, TemplatePoint
from movizor_desktop.ui.editors import RouteEditor
from movizor_desktop.ui.editors.arrival import ArrivalEdit
from movizor_desktop.ui.editors.route_table import (
    ARRIVAL,
    COORDS,
    DISTANCE,
    ERROR_TEXT,
    FORECAST,
    HOURS,
    LOCAL,
    NAME,
    SPEED,
    STATUS,
    TIGHT_TEXT,
)
from movizor_desktop.ui.map.route_map import RouteMap
from movizor_desktop.ui.subscribers.badges import forecast_badge
from tests.conftest import SIM_KEY
from tests.kits.planning import north

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday 12:00 MSK
LEFT = Qt.MouseButton.LeftButton


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def make(qtbot, **kw) -> RouteEditor:
    editor = RouteEditor(now=lambda: NOW, **kw)
    qtbot.addWidget(editor)
    editor.resize(900, 520)
    editor.show()
    editor.activateWindow()
    return editor


def names(editor: RouteEditor) -> list[str]:
    return [row.text for row in editor.model.rows]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, LEFT)


def type_text(widget, text: str) -> None:
    """Type like a keyboard would, Cyrillic included (QTest.keyClicks is ASCII-only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


# --- finding points ----------------------------------------------------------------------


def test_address_search_against_the_simulator(qtbot, qloop, sim, run_async) -> None:
    client = MovizorClient(sim.base_url, project="demo", key=SIM_KEY, backoff=0.01)
    try:
        editor = make(qtbot, geocoder=client.distance_search)
        changes = []
        editor.changed.connect(lambda: changes.append(1))

        # one result: taken at once
        type_text(editor.search.edit, "Вятская")
        qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
        assert editor.search.busy and "Вятская" in editor.search.status_text()
        qtbot.waitUntil(lambda: len(editor.model.rows) == 1, timeout=10000)
        row = editor.model.rows[0]
        assert row.text.startswith("Вятская улица, 27, Москва")
        assert (row.lat, row.lon) == pytest.approx((55.807, 37.58), abs=0.01)
        assert editor.search.edit.text() == "" and changes

        # several results: a popup to choose from, by keyboard
        type_text(editor.search.edit, "Новгород")
        click(qtbot, editor.search.button)
        popup = editor.search.popup
        qtbot.waitUntil(popup.isVisible, timeout=10000)
        assert popup.list.count() >= 2
        assert popup.list.item(0).text().startswith("Великий Новгород")
        assert popup.list.item(1).text().startswith("Нижний Новгород")
        qtbot.keyClick(popup.list, Qt.Key.Key_Down)
        qtbot.keyClick(popup.list, Qt.Key.Key_Return)
        assert not popup.isVisible()
        assert names(editor)[1].startswith("Нижний Новгород")
        assert editor.current_row() == 1

        # ...and by mouse
        type_text(editor.search.edit, "Казань")
        qtbot.keyClick(editor.search.edit, Qt.Key.Key_Enter)
        qtbot.waitUntil(popup.isVisible, timeout=10000)
        item = popup.list.item(0)
        qtbot.mouseClick(popup.list.viewport(), LEFT, pos=popup.list.visualItemRect(item).center())
        assert names(editor)[2].startswith("Казань, Республика Татарстан")

        # nothing found: the server's error 1 becomes an inline note, no row
        type_text(editor.search.edit, "Зеленоград")
        qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not editor.search.busy, timeout=10000)
        assert "Nothing found for “Зеленоград”" in editor.search.status_text()
        assert editor.search.status.isVisible() and len(editor.model.rows) == 3
        assert editor.points()[2].text.startswith("Казань")
    finally:
        run_async(client.aclose())


def test_search_never_blocks_and_reports_errors(qtbot, qloop) -> None:
    gate = asyncio.Event()
    calls: list[str] = []

    async def slow(query: str) -> list[Place]:
        calls.append(query)
        if query == "fail":
            raise RateLimitError("distance_search", "LIMIT", "Too many requests")
        if query == "boom":
            raise OSError("socket closed")
        await gate.wait()
        return [Place(lat="55.79", lon="49.12", title="Казань")]

    editor = make(qtbot, geocoder=slow)
    type_text(editor.search.edit, "Казань")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calls == ["Казань"])
    assert editor.search.busy
    # the UI stays live: typing elsewhere works while the search waits
    editor.add_empty()
    type_text(editor.table.focusWidget(), "Склад")
    qtbot.keyClick(editor.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(editor) == ["Склад"])
    gate.set()
    qtbot.waitUntil(lambda: not editor.search.busy)
    # the found place fills the selected row that had no coordinates (its name is kept)
    assert names(editor) == ["Склад"] and editor.model.rows[0].lat == 55.79

    for query, expected in (
        ("fail", "Address search failed: Too many requests"),
        ("boom", "Address search failed: socket closed"),
    ):
        editor.search.edit.clear()
        qtbot.keyClicks(editor.search.edit, query)
        qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not editor.search.busy)
        assert expected in editor.search.status_text()
        assert editor.search.edit.text() == query  # kept for another try
    assert len(editor.model.rows) == 1


def test_search_without_geocoder_and_empty_query(qtbot) -> None:
    editor = make(qtbot)
    click(qtbot, editor.search.button)
    assert "Type an address" in editor.search.status_text()
    type_text(editor.search.edit, "Казань")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    assert "paste the coordinates instead" in editor.search.status_text()
    assert editor.model.rows == []


def test_pasted_coordinates_add_a_point(qtbot) -> None:
    editor = make(qtbot)
    qtbot.keyClicks(editor.search.edit, "55,7558 37,6173")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    assert [(r.lat, r.lon) for r in editor.model.rows] == [(55.7558, 37.6173)]
    # no name yet: the name cell is opened for typing
    name_edit = editor.table.focusWidget()
    assert name_edit.objectName() == "name_edit"
    type_text(name_edit, "Красная площадь")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(editor) == ["Красная площадь"])

    qtbot.keyClicks(editor.search.edit, "https://yandex.ru/maps/?ll=49.1088%2C55.7963&z=12")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    assert (editor.model.rows[1].lat, editor.model.rows[1].lon) == (55.7963, 49.1088)

    editor.search.edit.clear()
    qtbot.keyClicks(editor.search.edit, "95, 37")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    assert "latitude must be between −90 and 90" in editor.search.status_text()
    assert len(editor.model.rows) == 2 and editor.search.edit.text() == "95, 37"


def test_paste_and_type_into_the_coordinates_cell(qtbot) -> None:
    editor = make(qtbot)
    editor.set_points([RoutePoint("A", 55, 37), RoutePoint("B", 56, 38)])
    editor.select_row(0, COORDS)
    editor.table.setFocus()
    QApplication.clipboard().setText("55°45'20.9\"N 37°37'02.3\"E")
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rows[0].lat == pytest.approx(55.755806, abs=1e-6)
    assert editor.model.index(0, COORDS).data() == "55.7558, 37.6173"  # ~10 m shown
    assert editor.model.index(0, COORDS).data(Qt.ItemDataRole.EditRole) == "55.755806, 37.617306"

    QApplication.clipboard().setText("hello 1 2")
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.errors_label.isVisible()
    assert editor.errors_label.text().startswith("Point 1: These are not coordinates.")
    assert editor.model.rows[0].lat == pytest.approx(55.755806, abs=1e-6)  # kept

    # typing into the cell's editor
    editor.select_row(1, COORDS)
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    cell = editor.table.focusWidget()
    assert cell.objectName() == "coords_edit" and cell.text() == "56.000000, 38.000000"
    cell.selectAll()
    qtbot.keyClicks(cell, "N59.9343 E30.3351")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.model.rows[1].lat == 59.9343)
    assert editor.is_modified()


def test_add_point_fills_the_selected_empty_row_or_appends(qtbot) -> None:
    editor = make(qtbot)
    assert editor.pick_button is None and editor.map_link is None  # no map without a factory
    editor.add_point(55.79, 49.12, "Казань", msk(2026, 11, 27, 8, 0))
    assert editor.points() == [RoutePoint("Казань", 55.79, 49.12, msk(2026, 11, 27, 8, 0))]
    # a selected row without coordinates is filled instead of adding one
    click(qtbot, editor.add_button)
    type_text(editor.table.focusWidget(), "Склад")
    qtbot.keyClick(editor.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(editor) == ["Казань", "Склад"])
    editor.add_point(55.64, 37.61)
    assert [(r.text, r.lat) for r in editor.model.rows] == [("Казань", 55.79), ("Склад", 55.64)]
    editor.add_point(95, 37)
    assert len(editor.model.rows) == 2 and "outside the map" in editor.message.text()


# --- ordering ----------------------------------------------------------------------------


def test_buttons_add_remove_and_move(qtbot) -> None:
    editor = make(qtbot)
    changes = []
    editor.changed.connect(lambda: changes.append(1))
    editor.set_points([RoutePoint("A", 55, 37), RoutePoint("B", 56, 38), RoutePoint("C", 57, 39)])
    assert changes == [] and not editor.is_modified()
    assert not editor.remove_button.isEnabled()

    qtbot.mouseClick(
        editor.table.viewport(),
        LEFT,
        pos=editor.table.visualRect(editor.model.index(0, NAME)).center(),
    )
    assert editor.current_row() == 0 and not editor.up_button.isEnabled()
    click(qtbot, editor.down_button)
    assert names(editor) == ["B", "A", "C"] and editor.current_row() == 1
    click(qtbot, editor.down_button)
    assert names(editor) == ["B", "C", "A"] and not editor.down_button.isEnabled()
    click(qtbot, editor.up_button)
    assert names(editor) == ["B", "A", "C"]
    assert changes and editor.is_modified()

    click(qtbot, editor.add_button)  # after the selected row, name cell open
    qtbot.keyClicks(editor.table.focusWidget(), "D")
    qtbot.keyClick(editor.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(editor) == ["B", "A", "D", "C"])
    editor.select_row(0)
    click(qtbot, editor.remove_button)
    assert names(editor) == ["A", "D", "C"] and editor.current_row() == 0
    assert [p.text for p in editor.points()] == ["A", "C"]  # D has no coordinates yet


def test_drag_reorders_rows(qtbot) -> None:
    editor = make(qtbot)
    editor.set_points([RoutePoint(n, 50 + i, 30 + i) for i, n in enumerate("ABCD")])
    model = editor.model
    assert editor.table.dragDropMode() == editor.table.DragDropMode.InternalMove
    flags = model.flags(model.index(0, NAME))
    assert flags & Qt.ItemFlag.ItemIsDragEnabled and flags & Qt.ItemFlag.ItemIsDropEnabled

    def drop(source: int, row: int, parent: QModelIndex | None = None) -> bool:
        data = model.mimeData([model.index(source, c) for c in range(3)])
        return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent or QModelIndex())

    # the view must not remove "source" rows after a drop we handled ourselves
    assert drop(3, 0) is False
    assert names(editor) == ["D", "A", "B", "C"]
    drop(0, -1, QModelIndex())  # on empty space below the rows: to the end
    assert names(editor) == ["A", "B", "C", "D"]
    drop(0, -1, model.index(2, NAME))  # onto row C: before it
    assert names(editor) == ["B", "A", "C", "D"]
    drop(1, 2)  # between A's own edges: nothing moves
    assert names(editor) == ["B", "A", "C", "D"]
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 4)
    assert names(editor) == ["A", "C", "D", "B"] and editor.is_modified()


# --- times, validation, planning ---------------------------------------------------------


def test_arrival_editing_in_msk_with_local_time(qtbot) -> None:
    editor = make(qtbot)
    editor.model.local_zone = timezone(timedelta(hours=5))  # a dispatcher in Yekaterinburg
    editor.set_points(
        [
            RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 26, 18, 0)),
            RoutePoint("Казань", 55.79, 49.12),
        ]
    )
    assert not editor.table.isColumnHidden(LOCAL)
    assert editor.model.index(0, LOCAL).data() == "20:00"  # same day: the time only
    assert "UTC+0500" in editor.model.headerData(
        LOCAL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )

    editor.select_row(1, ARRIVAL)
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    arrival = editor.table.findChild(ArrivalEdit)
    # suggested: after Moscow by the arrival model (718 km × 1.2 at 60 km/h: 14 h 22 min of
    # driving, two breaks and a daily rest: 20:52 next day), + 30 min, up to the half hour
    assert arrival.moment() == msk(2026, 11, 27, 21, 30)
    assert arrival.local_label.isVisible() and arrival.local_label.text() == "local 23:30"
    arrival.edit.setSelectedSection(arrival.edit.Section.DaySection)
    qtbot.keyClicks(arrival.edit, "27112026")
    qtbot.keyClicks(arrival.edit, "0415")
    assert arrival.local_label.text() == "local 06:15"
    qtbot.keyClick(arrival.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.model.rows[1].time == msk(2026, 11, 27, 4, 15))
    assert editor.model.index(1, ARRIVAL).data() == "27.11.2026 04:15"
    assert editor.model.index(1, LOCAL).data() == "06:15"

    # 718 km in 10 h 15 min: 70 km/h in a straight line, but 862 km by road take more than
    # a day's 9 h of driving even at 70 km/h: the daily rest makes it late
    assert editor.model.legs[1].too_fast
    assert editor.model.index(1, FORECAST).data().startswith("late by ")

    # Delete clears a time; the ✕ in the editor too
    editor.select_row(1, ARRIVAL)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.model.rows[1].time is None
    editor.select_row(0, ARRIVAL)
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    arrival = editor.table.findChild(ArrivalEdit)
    click(qtbot, arrival.clear_button)
    qtbot.waitUntil(lambda: editor.model.rows[0].time is None)
    assert editor.table.isColumnHidden(LOCAL)  # no times left to convert

    editor.model.setData(editor.model.index(1, ARRIVAL), msk(2026, 11, 26, 23, 0))
    assert editor.model.index(1, LOCAL).data() == "27.11 01:00"  # another day: with the date

    editor.model.local_zone = MSK  # a dispatcher in Moscow sees no local column
    editor.set_points([RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 26, 18, 0))])
    assert editor.table.isColumnHidden(LOCAL)


def test_validation_inline_and_live(qtbot) -> None:
    editor = make(qtbot)
    editor.set_points(
        [
            RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 26, 18, 0)),
            RoutePoint("Казань", 55.79, 49.12, msk(2026, 11, 26, 17, 0)),
        ]
    )
    editor.model.insert(2, editor.model.rows[0].__class__())  # an empty row
    problems = editor.validate()
    assert problems == [
        (1, "Point 2: the arrival must be later than at point 1."),
        (2, "Point 3: enter a name."),
        (2, "Point 3: set the coordinates — search the address, paste them or pick on the map."),
    ]
    assert editor.errors_label.isVisible()
    assert editor.errors_label.text().splitlines()[0] == problems[0][1]
    background = editor.model.index(1, NAME).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert editor.model.index(0, NAME).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "later than at point 1" in editor.model.index(1, ARRIVAL).data(
        Qt.ItemDataRole.ToolTipRole
    )

    # fixing is seen at once
    editor.select_row(2)
    click(qtbot, editor.remove_button)
    editor.model.setData(editor.model.index(1, ARRIVAL), msk(2026, 11, 27, 8, 0))
    assert editor.validate() == [] and not editor.errors_label.isVisible()
    assert editor.model.index(1, NAME).data(Qt.ItemDataRole.BackgroundRole) is None

    # a time set here must be in the future (12:00 MSK now)
    editor.model.setData(editor.model.index(0, ARRIVAL), msk(2026, 11, 26, 11, 0))
    assert editor.errors_label.text() == (
        "Point 1: the arrival time 26.11.2026 11:00 MSK has already passed."
    )
    assert editor.validate() == [(0, editor.errors_label.text())]


def test_loaded_points_keep_their_past_times(qtbot) -> None:
    editor = make(qtbot)
    destinations = [
        Destination(
            text="Склад", lat="55.64", lon="37.61", time="26.11.2026 06:00", status="finished"
        ),
        Destination(
            text="Казань", lat="55.79", lon="49.12", time="27.11.2026 09:00", status="late"
        ),
    ]
    editor.set_points(destinations)
    assert editor.validate() == []  # the server's own past point is not the user's mistake
    assert not editor.table.isColumnHidden(STATUS)
    # the status says what the badges elsewhere say, in the same words and case
    assert editor.model.index(0, STATUS).data() == forecast_badge("finished").text == "Arrived"
    assert editor.model.index(1, STATUS).data() == "Late"
    assert editor.points()[0] == RoutePoint("Склад", 55.64, 37.61, msk(2026, 11, 26, 6, 0))
    assert not editor.is_modified()


FLAT = LegCheck(default_rule_set(), Pace(60.0, 1.0))  # a kilometre is a minute of driving


def test_the_forecast_counts_breaks_and_rests_by_hand(qtbot) -> None:
    editor = make(qtbot, check=FLAT)
    t0 = msk(2026, 11, 26, 8, 0)
    # 270 km (4 h 30 min) to B, due 12:30: the 45-minute break owed is taken at B; 270 km
    # on to C, due 18:00: 17:45, the day's 9 h of driving done, the daily rest owed at C
    # (to 04:45). 600 km on to D, due 02:00 on the 28th: 4:30, a break, 4:30 (14:30), a
    # rest (to 01:30), 1 h: 02:30, 30 min late; at 66.7 km/h 9 h of driving and the break
    # end at 14:30: tight. 600 km on to E, due 22:00: 3:30 (06:00), a break, 4:30 (11:15,
    # 9 h today), a rest (to 22:15), 2 h: 00:15 on the 29th, late by 2 h 15 min; within
    # one day's driving left (8 h) only 75 km/h would do, above 70: late
    editor.set_points(
        [
            RoutePoint("A", *north(0), t0),
            RoutePoint("B", *north(270), t0 + timedelta(hours=4, minutes=30)),
            RoutePoint("C", *north(540), t0 + timedelta(hours=10)),
            RoutePoint("D", *north(1140), t0 + timedelta(hours=42)),
            RoutePoint("E", *north(1740), t0 + timedelta(hours=62)),
        ]
    )
    model = editor.model
    forecast = [model.index(row, FORECAST).data() for row in range(5)]
    assert forecast == ["", "on time", "on time", "tight", "late by 2 h 15 min"]
    assert model.legs[3].late_min == pytest.approx(30)
    assert model.legs[4].result.arrival == msk(2026, 11, 29, 0, 15)
    assert [len(model.legs[i].result.breaks) for i in range(1, 5)] == [1, 0, 1, 1]
    assert [len(model.legs[i].result.rests) for i in range(1, 5)] == [0, 1, 1, 1]
    tip_b = model.index(1, FORECAST).data(Qt.ItemDataRole.ToolTipRole)
    assert "On time: at 60 km/h" in tip_b and "26.11 12:30 MSK" in tip_b
    assert "1 break(s) and 0 daily rest(s)" in tip_b and "270 km by road" in tip_b
    tip_d = model.index(3, FORECAST).data(Qt.ItemDataRole.ToolTipRole)
    assert "Tight:" in tip_d and "30 min late" in tip_d and "1 daily rest(s)" in tip_d
    red = model.index(4, FORECAST)
    assert red.data(Qt.ItemDataRole.ForegroundRole).color() == ERROR_TEXT
    assert not red.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(3, FORECAST).data(Qt.ItemDataRole.ForegroundRole).color() == TIGHT_TEXT
    assert "breaks and rests counted:" in editor.summary.text()
    assert "1 leg(s) late" in editor.summary.text()
    assert "1 leg(s) tight" in editor.summary.text()
    assert "60 km/h" in editor.summary.toolTip() and "tachograph" in editor.summary.toolTip()


def test_a_1200_km_leg_gets_a_daily_rest_in_the_editor(qtbot) -> None:
    editor = make(qtbot, check=LegCheck(default_rule_set(), Pace(60.0, 1.2)))
    t0 = msk(2026, 11, 26, 8, 0)
    # 1 000 km × 1.2 = 1 200 km: 20 h of driving, two breaks and two daily rests: 43 h 30 min
    editor.set_points(
        [RoutePoint("A", *north(0), t0), RoutePoint("B", *north(1000), t0 + timedelta(hours=43))]
    )
    leg = editor.model.legs[1]
    assert leg.result.arrival == t0 + timedelta(hours=43, minutes=30)
    assert len(leg.result.rests) == 2 and len(leg.result.breaks) == 2
    assert leg.verdict is LegVerdict.TIGHT  # 30 min late at 60 km/h; faster is legal
    assert editor.model.index(1, FORECAST).data() == "tight"


def test_planning_flags_a_truck_that_cannot_make_it(qtbot) -> None:
    editor = make(qtbot, check=FLAT)
    t0 = msk(2026, 11, 26, 8, 0)
    editor.set_points(
        [RoutePoint("A", *north(0), t0), RoutePoint("B", *north(600), t0 + timedelta(hours=8))]
    )
    # 600 km: 4:30, break, 4:30, 11 h rest, 1 h: 05:45 next day, due 16:00: 13 h 45 min late;
    # even at 70 km/h the break leaves 7 h 15 min: 82.8 km/h needed
    leg = editor.model.legs[1]
    assert leg is not None and leg.too_fast and leg.late_min == pytest.approx(825)
    assert editor.model.index(1, FORECAST).data() == "late by 13 h 45 min"
    tip = editor.model.index(1, FORECAST).data(Qt.ItemDataRole.ToolTipRole)
    assert "Late by 13 h 45 min" in tip and "at most 70 km/h" in tip
    assert editor.model.index(1, SPEED).data() == "75 km/h"  # the straight line in 8 h
    assert editor.model.index(1, DISTANCE).data() == "600 km"
    assert editor.model.index(1, HOURS).data() == "8 h"
    assert editor.model.index(0, FORECAST).data() == ""  # no start fix: no first leg
    assert "1 leg(s) late" in editor.summary.text()

    # a day more: on time
    editor.model.setData(editor.model.index(1, ARRIVAL), t0 + timedelta(hours=22))
    assert not editor.model.legs[1].too_fast and editor.model.index(1, FORECAST).data() == "on time"
    assert "late" not in editor.summary.text()

    # the Preferences' speed changes the verdict: at 30 km/h it is late again
    editor.set_check(LegCheck(FLAT.rules, Pace(30.0, 1.0)))
    assert editor.model.legs[1].verdict is LegVerdict.TIGHT
    assert "1 leg(s) tight" in editor.summary.text()
    editor.set_check(FLAT)

    # the first leg starts at the subscriber's last fix
    editor.set_start(*north(-120), t0 - timedelta(hours=1))
    assert "last position" in editor.start_note.text()
    first = editor.model.legs[0]
    assert first is not None and first.distance_km == pytest.approx(120)
    assert first.result is not None and first.result.arrival == t0 + timedelta(hours=1)
    # 120 km from 07:00, due 08:00: 120 km/h needed
    assert editor.model.index(0, FORECAST).data() == "late by 1 h"
    editor.set_start(None, None)
    assert editor.model.legs[0] is None and not editor.start_note.isVisible()


def test_set_error_and_modified(qtbot) -> None:
    editor = make(qtbot)
    editor.set_points([RoutePoint("A", 55, 37)])
    editor.set_error("Incorrect destination")
    assert editor.banner.isVisible() and editor.banner.text() == "Incorrect destination"
    editor.model.setData(editor.model.index(0, NAME), "A2")
    assert not editor.banner.isVisible() and editor.is_modified()
    editor.model.setData(editor.model.index(0, NAME), "A")
    assert not editor.is_modified()


# --- templates ---------------------------------------------------------------------------


def test_save_load_and_delete_templates(qtbot, app_home) -> None:
    store = RouteTemplates(AppPaths())
    store.save("Old", [TemplatePoint("X", 1, 1)])
    editor = make(qtbot, templates=store)
    assert editor.templates_button.isVisible()
    button = editor.templates_button
    assert [a.text() for a in button.load_menu.actions()] == [
        "Old (%n point(s))".replace("%n", "1")
    ]

    store.save("Other window", [TemplatePoint("Y", 2, 2)])  # saved elsewhere meanwhile
    button.menu_.aboutToShow.emit()  # the menu re-reads the store when it opens
    assert len(button.load_menu.actions()) == 2
    assert button.popupMode() == button.ToolButtonPopupMode.InstantPopup
    button.save_action.trigger()
    assert "Add points" in editor.message.text()  # nothing to save yet

    editor.set_points(
        [
            RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 27, 8, 0)),
            RoutePoint("Казань", 55.79, 49.12, msk(2026, 11, 27, 20, 30)),
            RoutePoint("Ночлег", 55.8, 49.2),
        ]
    )
    button.save_action.trigger()
    dialog = button.name_dialog
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    assert dialog.textValue() == "Москва — Ночлег"
    dialog.setTextValue("Москва — Казань")
    dialog.accept()
    assert editor.message.text() == "Saved the template “Москва — Казань”."
    saved = store.get("Москва — Казань")
    assert [p.hours_after_start for p in saved.points] == [0, 12.5, None]

    editor.set_points([])
    load = next(a for a in button.load_menu.actions() if a.text().startswith("Москва"))
    load.trigger()
    start = button.start_dialog
    assert start is not None and start.isVisible()
    assert start.moment() == msk(2026, 11, 26, 13, 0)  # the next full hour
    start.edit.setDateTime(start.edit.dateTime().addDays(1))
    start.accept()
    assert editor.points() == [
        RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 27, 13, 0)),
        RoutePoint("Казань", 55.79, 49.12, msk(2026, 11, 28, 1, 30)),
        RoutePoint("Ночлег", 55.8, 49.2, None),
    ]
    assert editor.is_modified() and editor.validate() == []

    for name in ("Old", "Other window"):
        next(a for a in button.delete_menu.actions() if a.text() == name).trigger()
    assert [t.name for t in store.list()] == ["Москва — Казань"]
    assert "Deleted" in editor.message.text()


def test_templates_hidden_without_a_store(qtbot) -> None:
    editor = make(qtbot)
    assert not editor.templates_button.isVisible()


def test_accessible_names_and_tab_order(qtbot) -> None:
    editor = make(qtbot, templates=RouteTemplates(AppPaths()), map_factory=RouteMap)
    editor.set_points([RoutePoint("A", 55, 37), RoutePoint("B", 56, 38)])
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    for widget in (
        editor.search.edit,
        editor.search.button,
        editor.pick_button,
        editor.table,
        editor.add_button,
        editor.remove_button,
        editor.up_button,
        editor.down_button,
        editor.templates_button,
    ):
        assert widget.accessibleName(), widget
    editor.search.edit.setFocus()
    order = []
    for _ in range(9):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    # Tab leaves the table (arrows move inside); Up is disabled on the first row
    assert order[:8] == [
        editor.search.edit,
        editor.search.button,
        editor.pick_button,
        editor.table,
        editor.add_button,
        editor.remove_button,
        editor.down_button,
        editor.templates_button,
    ]
    editor.shutdown()


# --- what got in the way -------------------------------------------------------------------


def test_a_second_enter_after_a_found_address_is_no_mistake(qtbot, qloop) -> None:
    async def found(query: str) -> list[Place]:
        return [Place(lat="53.19", lon="50.10", title="Самара")]

    editor = make(qtbot, geocoder=found)
    type_text(editor.search.edit, "Самара")
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(editor) == ["Самара"])
    qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)  # the field is empty now
    assert editor.search.status_text() == ""  # no red "Type an address…"
    # a complaint left from before goes once a point is set another way
    click(qtbot, editor.search.button)
    assert "Type an address" in editor.search.status_text()
    editor.add_point(55.0, 37.0, "Склад")
    assert editor.search.status_text() == ""


def test_a_latin_city_name_is_explained(qtbot, qloop, sim, run_async) -> None:
    client = MovizorClient(sim.base_url, project="demo", key=SIM_KEY, backoff=0.01)
    try:
        editor = make(qtbot, geocoder=client.distance_search)
        type_text(editor.search.edit, "Kazan")
        qtbot.keyClick(editor.search.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: not editor.search.busy and bool(editor.search.status_text()), timeout=5000
        )
        assert "knows Russian names" in editor.search.status_text()
        assert "Казань" in editor.search.status_text()
        assert "Russian names" in editor.search.edit.toolTip()
    finally:
        run_async(client.aclose())


def test_the_arrival_editor_stays_in_its_cell_and_headers_fit(qtbot) -> None:
    editor = make(qtbot)
    editor.resize(1100, 520)
    header = editor.table.horizontalHeader()

    def headers_fit() -> None:  # "Avg speed" was cut
        for column in (COORDS, ARRIVAL, LOCAL, DISTANCE, HOURS, SPEED, STATUS):
            if editor.table.isColumnHidden(column):
                continue
            title = editor.model.headerData(column, Qt.Orientation.Horizontal)
            assert (
                header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 12
            ), title

    headers_fit()
    editor.set_points(
        [
            RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 26, 18, 0)),
            RoutePoint("Казань", 55.79, 49.12),
        ]
    )
    for zone, last in (
        (timezone(timedelta(hours=3)), ARRIVAL),  # Moscow: no local time
        (timezone(timedelta(hours=5)), LOCAL),
    ):  # beside it: its own cell
        editor.model.local_zone = zone
        editor.set_points(
            [
                RoutePoint("Москва", 55.75, 37.61, msk(2026, 11, 26, 18, 0)),
                RoutePoint("Казань", 55.79, 49.12),
            ]
        )
        headers_fit()
        editor.select_row(1, ARRIVAL)
        editor.table.edit(editor.model.index(1, ARRIVAL))

        def open_editor() -> ArrivalEdit | None:
            return next(
                (
                    a
                    for a in editor.table.findChildren(ArrivalEdit)
                    if shiboken6.isValid(a) and a.isVisible()
                ),
                None,
            )

        qtbot.waitUntil(lambda: open_editor() is not None)
        arrival = open_editor()
        cell = editor.table.visualRect(editor.model.index(1, ARRIVAL))
        end = editor.table.visualRect(editor.model.index(1, last))
        geometry = arrival.geometry()
        assert geometry.left() >= cell.left() and geometry.right() <= end.right(), zone
        assert arrival.edit.width() >= arrival.edit.minimumSizeHint().width()
        qtbot.keyClick(arrival.edit, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda a=arrival: not shiboken6.isValid(a) or not a.isVisible())

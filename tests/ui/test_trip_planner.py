"""The planning workspace (Tools → Plan a trip) on the simulator, without a web engine.

The Done-when test plans a two-point trip, ranks the demo fleet, assigns the plan to the
best truck through the confirmation, and reads the route back with a second client.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning import PlanPoint, Verdict
from movizor_desktop.ui.features.trip_planner.feature import TripPlanner
from movizor_desktop.ui.features.trip_planner.points import DWELL, EARLIEST, LATEST
from movizor_desktop.ui.features.trip_planner.ranking import parse_filter
from movizor_desktop.ui.features.trip_planner.start import PLACE
from movizor_desktop.ui.features.trip_planner.times import format_msk

KAZAN = (55.7963, 49.1088)
SAMARA = (53.1959, 50.1002)


def planner(window: Any) -> TripPlanner:
    feature = window.features.get(TripPlanner)
    assert feature is not None
    return feature


def open_planner(qtbot: Any, window: Any) -> Any:
    feature = planner(window)
    assert feature.action.shortcut().toString() == "Ctrl+Shift+P"
    feature.action.trigger()
    ws = feature.window
    assert ws is not None
    qtbot.waitUntil(ws.isVisible)
    return ws


def paste(qtbot: Any, ws: Any, lat: float, lon: float) -> None:
    """A point by pasted coordinates, as the dispatcher types it."""
    ws.search.edit.setText(f"{lat}, {lon}")
    qtbot.keyClick(ws.search.edit, Qt.Key.Key_Return)


def two_point_trip(qtbot: Any, ws: Any) -> None:
    paste(qtbot, ws, *KAZAN)
    paste(qtbot, ws, *SAMARA)
    assert len(ws.model.points) == 2
    now = ws.now()  # Movizor's time as the workspace reads it: the simulator's
    first = (now + timedelta(days=1)).astimezone(MSK).replace(hour=10, minute=0)
    model = ws.model
    assert model.setData(model.index(0, LATEST), format_msk(first))
    assert model.setData(model.index(0, DWELL), "1:00")
    assert model.setData(model.index(1, LATEST), format_msk(first + timedelta(hours=8)))


def answer(qtbot: Any, holder: Any, attr: str, button: str) -> QMessageBox:
    """Wait for the question ``holder.<attr>`` and click ``button`` (its object name)."""
    qtbot.waitUntil(lambda: getattr(holder, attr) is not None, timeout=5000)
    box: QMessageBox = getattr(holder, attr)
    qtbot.waitUntil(box.isVisible)
    if button:
        target = box.findChild(type(box.buttons()[0]), button)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    return box


def test_plan_rank_and_assign_a_two_point_trip(qtbot, window, run_async, api, run) -> None:
    ws = open_planner(qtbot, window)
    two_point_trip(qtbot, ws)
    ranked = ws.ranking.model.candidates
    active = [r for r in window.model.rows() if r.status == "ok" and r.lat is not None]
    assert ranked and len(ranked) >= len([r for r in active if r.details is not None]) - 5
    arrivals = [c.arrival for c in ranked]
    assert arrivals == sorted(arrivals)
    best = ranked[0]
    ws.ranking.table.selectRow(0)
    ws.outputs.assign.click()
    box = answer(qtbot, ws.outputs.assign_flow, "last_question", "confirm_assign_yes")
    assert "+" in box.informativeText()  # the difference lists the new points
    qtbot.waitUntil(lambda: "saved" in ws.outputs.assign_note.text(), timeout=15000)
    # the plan was computed from the chosen truck, and the route is what was sent
    assert ws.start_pane.truck.currentData() == best.phone
    info = run(api.object_get(best.phone))
    points = [(round(d.lat, 3), round(d.lon, 3)) for d in info.destination]
    assert points == [(round(KAZAN[0], 3), round(KAZAN[1], 3)), (round(SAMARA[0], 3), 50.1)]
    latest = [p.latest for p in ws.model.points]
    assert [d.time for d in info.destination] == latest


def test_escape_on_the_assign_question_sends_nothing(qtbot, window, api, run) -> None:
    ws = open_planner(qtbot, window)
    two_point_trip(qtbot, ws)
    phone = ws.ranking.model.candidates[0].phone
    before = run(api.object_get(phone)).destination
    ws.ranking.table.selectRow(0)
    ws.outputs.assign.click()
    box = answer(qtbot, ws.outputs.assign_flow, "last_question", "")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # no default button: Enter does nothing
    assert box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ws.outputs.assign_flow.last_question is None)
    assert not ws.outputs.assign_flow.busy
    assert run(api.object_get(phone)).destination == before
    assert len(ws.model.points) == 2  # the plan is kept


def test_a_failed_assign_keeps_the_plan_and_says_why(qtbot, window, sim_control) -> None:
    ws = open_planner(qtbot, window)
    two_point_trip(qtbot, ws)
    ws.ranking.table.selectRow(0)
    sim_control.inject_error("object_edit", "1")
    ws.outputs.assign.click()
    answer(qtbot, ws.outputs.assign_flow, "last_question", "confirm_assign_yes")
    qtbot.waitUntil(lambda: "not saved" in ws.outputs.assign_note.text(), timeout=20000)
    assert len(ws.model.points) == 2 and not ws.outputs.assign_flow.busy


def test_ctrl_enter_assigns_and_a_second_click_opens_nothing(qtbot, window, sim) -> None:
    ws = open_planner(qtbot, window)
    two_point_trip(qtbot, ws)
    ws.ranking.table.selectRow(0)
    ws.outputs.assign.click()
    box = answer(qtbot, ws.outputs.assign_flow, "last_question", "")
    ws.outputs.assign.click()  # the question is open: nothing more
    assert ws.outputs.assign_flow.last_question is box
    edits = sim.requests.snapshot()["by_function"].get("object_edit", 0)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "saved" in ws.outputs.assign_note.text(), timeout=15000)
    assert sim.requests.snapshot()["by_function"].get("object_edit", 0) == edits + 1


def test_the_shortcut_raises_the_one_window(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.hide()
    planner(window).action.trigger()
    assert planner(window).window is ws and ws.isVisible()


def test_legs_show_breaks_rests_and_verdicts(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    ws.start_pane.departure.setText("26.11.2026 14:00")
    ws.start_pane.departure.editingFinished.emit()
    paste(qtbot, ws, *KAZAN)  # ~860 km of road: breaks and a daily rest
    model = ws.model
    assert model.setData(model.index(0, LATEST), "27.11.2026 00:00")
    leg = ws.result.legs[0]
    assert leg.breaks and leg.rests
    assert leg.verdict is Verdict.LATE
    assert "late by" in model.index(0, 9).data()
    assert "daily rests: 1" in model.index(0, 7).data()


def test_bad_input_is_named_next_to_the_table(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    model = ws.model
    assert not model.setData(model.index(0, EARLIEST), "tomorrow")
    assert "Point 1" in ws.input_note.text() and "not a time" in ws.input_note.text()
    assert not model.setData(model.index(0, DWELL), "a while")
    assert "dwell" in ws.input_note.text()
    assert model.setData(model.index(0, DWELL), "45")
    assert ws.input_note.isHidden()
    ws.search.edit.setText("95.1, 37.2")
    qtbot.keyClick(ws.search.edit, Qt.Key.Key_Return)
    assert ws.search.status_text() and len(model.points) == 1


def test_reorder_by_buttons_and_shortcuts_replans(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *SAMARA)
    paste(qtbot, ws, *KAZAN)
    far_first = ws.result.distance_km
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.table.setFocus()
    ws.table.selectRow(1)
    qtbot.keyClick(ws.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [round(p.lat, 2) for p in ws.model.points] == [round(KAZAN[0], 2), round(SAMARA[0], 2)]
    assert ws.result.distance_km < far_first
    ws.down.click()
    assert round(ws.model.points[1].lat, 2) == round(KAZAN[0], 2)


def test_a_dragged_point_replans_while_it_moves(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    before = ws.result.legs[0].arrival
    ranked = ws.ranking.model.candidates
    ws._dragged(0, 56.3, 44.0)  # what the map reports mid-drag (Nizhny Novgorod)
    assert ws.result.legs[0].arrival < before
    assert ws.ranking.model.candidates == ranked  # the ranking waits for the drop
    ws._dropped(0, 56.3, 44.0)
    assert ws.ranking.model.candidates != ranked
    assert "Нижний" in ws.model.points[0].text or "56.3" in ws.model.points[0].text


def test_filter_by_tag_and_metadata(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    everyone = len(ws.ranking.model.candidates)
    tagged = next(r for r in window.model.rows() if r.tags and r.status == "ok")
    tag = tagged.tags[0]
    ws.ranking.filter.setText(tag)
    kept = ws.ranking.model.candidates
    assert 0 < len(kept) < everyone
    rows = {r.phone: r for r in window.model.rows()}
    assert all(tag in rows[c.phone].tags for c in kept)
    ws.ranking.filter.setText("nosuchkey=nothing")
    assert ws.ranking.model.candidates == []
    assert parse_filter("a, type = рефрижератор; b").metadata == (("type", "рефрижератор"),)


def fresh_round(qtbot: Any, ws: Any, sim: Any, sim_control: Any) -> QMessageBox:
    sim.world.request_success_rate = 1.0
    sim_control.advance(600)  # past the 5-minute gap since the last request
    ws.ranking.poll_interval = 0.05
    paste(qtbot, ws, *KAZAN)
    ws.ranking.top.setValue(3)
    later = ws.now() + timedelta(hours=1)  # every fix an hour old
    ws.now = ws.ranking.now = lambda: later
    ws.rerank()
    assert ws.ranking.to_refresh()
    ws.ranking.fresh.click()
    ws.ranking.fresh.click()  # a second click while the question is open does nothing
    qtbot.waitUntil(lambda: ws.ranking.question is not None, timeout=5000)
    box = ws.ranking.question
    qtbot.waitUntil(box.isVisible)
    return box


def pos_requests(sim: Any) -> int:
    return sim.requests.snapshot()["by_function"].get("pos_request", 0)


def test_fresh_positions_ask_once_with_the_price(qtbot, window, sim, sim_control) -> None:
    ws = open_planner(qtbot, window)
    before = pos_requests(sim)
    box = fresh_round(qtbot, ws, sim, sim_control)
    chosen = len(ws.ranking.requesting)
    assert "charge" in box.informativeText()
    yes = box.findChild(type(box.buttons()[0]), "confirm_fresh_yes")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pos_requests(sim) == before + chosen, timeout=10000)
    sim_control.advance(200)  # the operator answers
    qtbot.waitUntil(lambda: "positions received" in ws.ranking.note.text(), timeout=20000)
    assert f"{chosen} of {chosen}" in ws.ranking.note.text()
    assert pos_requests(sim) == before + chosen


def test_fresh_positions_escape_sends_nothing(qtbot, window, sim, sim_control) -> None:
    ws = open_planner(qtbot, window)
    before = pos_requests(sim)
    box = fresh_round(qtbot, ws, sim, sim_control)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # no default button
    assert box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not ws.ranking.requesting)
    assert pos_requests(sim) == before


@pytest.mark.parametrize("suffix", [".gpx", ".kml"])
def test_exports(qtbot, window, tmp_path, suffix) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    path = tmp_path / f"plan{suffix}"
    ws.outputs.export_to(str(path))
    qtbot.waitUntil(path.exists, timeout=10000)
    assert "Казань" in path.read_text(encoding="utf-8") or "55.79" in path.read_text("utf-8")


def test_plan_sheet_pdf(qtbot, window, tmp_path) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    path = tmp_path / "sheet.pdf"
    ws.outputs.sheet_to(str(path))
    qtbot.waitUntil(path.exists, timeout=15000)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1  # one page


def test_template_round_trip(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    paste(qtbot, ws, *SAMARA)
    ws.model.setData(ws.model.index(1, DWELL), "2:00")
    ws.outputs.save_template.click()
    assert "Name the plan" in ws.outputs.assign_note.text()
    ws.name.setText("Казань — Самара")
    ws.outputs.save_template.click()
    qtbot.waitUntil(lambda: "saved" in ws.outputs.assign_note.text())
    ws.model.set_points([PlanPoint("x", 50.0, 40.0)])
    assert ws.outputs.open_template_named("казань — самара")
    assert [p.dwell_min for p in ws.model.points] == [0.0, 120.0]


def test_start_kinds(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    pane = ws.start_pane
    row = next(r for r in window.model.rows() if r.status == "ok" and r.lat is not None)
    assert pane.choose_truck(row.phone)
    start = pane.start()
    assert start is not None and start.lat == row.lat and "LBS" in pane.info.text()
    pane.kind.setCurrentIndex(pane.kind.findData(PLACE))
    assert pane.start() is None and pane.info.text()
    pane.departure.setText("soon")
    pane.set_place(55.0, 37.0, "x")
    assert pane.start() is None and "not a time" in pane.info.text()


def test_the_workspace_speaks_russian(qtbot, russian, window) -> None:
    ws = open_planner(qtbot, window)
    assert ws.windowTitle() == "Планирование рейса"
    assert ws.model.headerData(8, Qt.Orientation.Horizontal, 0) == "Прибытие (МСК)"
    paste(qtbot, ws, *KAZAN)
    assert not ws.model.setData(ws.model.index(0, EARLIEST), "завтра")
    assert "не время" in ws.input_note.text()
    assert ws.ranking.model.headerData(0, Qt.Orientation.Horizontal, 0) == "Машина"


def on_a_trip(ws: Any, window: Any) -> Any:
    from movizor_desktop.planning.ranking import candidate_start

    now = ws.now()
    for row in window.model.rows():
        placed = candidate_start(row, now) if row.status == "ok" else None
        if placed is not None and placed[1]:
            return row
    pytest.skip("the demo fleet has no truck on a trip")


def test_a_plan_from_a_routes_end_follows_that_route(qtbot, window, api, run) -> None:
    ws = open_planner(qtbot, window)
    row = on_a_trip(ws, window)
    before = [(d.text, d.time) for d in row.details.destination if d.lat is not None]
    assert ws.start_pane.choose_truck(row.phone, "route_end")
    assert "Free at its route's end" in ws.start_pane.info.text()
    paste(qtbot, ws, *SAMARA)
    ws.ranking.table.clearSelection()
    ws.ranking.table.setCurrentIndex(ws.ranking.model.index(-1, -1))
    ws.outputs.assign.click()
    box = answer(qtbot, ws.outputs.assign_flow, "last_question", "confirm_assign_yes")
    assert "= " in box.informativeText()  # its points are kept
    qtbot.waitUntil(lambda: "saved" in ws.outputs.assign_note.text(), timeout=15000)
    info = run(api.object_get(row.phone))
    assert [(d.text, d.time) for d in info.destination][: len(before)] == before
    assert len(info.destination) == len(before) + 1


def test_a_new_subscriber_gets_the_plan_as_its_route(qtbot, window) -> None:
    from movizor_desktop.ui.dialogs.subscriber import SubscriberDialog

    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    paste(qtbot, ws, *SAMARA)
    dialog = ws.outputs.assign_flow.add_subscriber(ws.plan(), ws.result)
    assert isinstance(dialog, SubscriberDialog)
    qtbot.waitUntil(dialog.isVisible)
    points = dialog.route_editor.points()
    assert [round(p.lat, 3) for p in points] == [round(KAZAN[0], 3), round(SAMARA[0], 3)]
    assert all(p.time is not None for p in points)
    dialog.reject()


def test_print_preview_paints_the_sheet(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    preview = ws.outputs.preview_sheet()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    preview.reject()


def test_without_the_ranking_the_map_shows_no_candidates(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    assert ws.ranking.isVisible()
    ws.outputs.show_ranking.click()
    assert ws.ranking.isHidden()
    ws.outputs.show_ranking.click()
    assert ws.ranking.isVisible()


def test_the_rules_in_use_are_named_with_their_problems(qtbot, window, tmp_path) -> None:
    import json

    from movizor_desktop.store import AppSettings
    from tests.kits.planning import rules_document

    ws = open_planner(qtbot, window)
    assert "order No. 424" in ws.summary.text()
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    ws.apply_settings(AppSettings(rest_rules_path=str(broken)))
    assert "broken.json cannot be used now" in ws.rules_note.text()
    assert ws.rules.id == "ru-424-tachograph"  # the default meanwhile
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(rules_document(valid_from="2019-01-01", valid_until="2021-01-01")), "utf-8"
    )
    ws.apply_settings(AppSettings(rest_rules_path=str(old)))
    assert ws.rules.id == "test-aetr"
    assert "no longer in force" in ws.rules_note.text()
    soon = tmp_path / "soon.json"
    ends = (ws.now() + timedelta(days=10)).astimezone(MSK).date().isoformat()
    soon.write_text(json.dumps(rules_document(valid_until=ends)), "utf-8")
    ws.apply_settings(AppSettings(rest_rules_path=str(soon)))
    assert "expire in" in ws.rules_note.text()
    ws.apply_settings(AppSettings(planning_speed_kmh=70.0))
    assert "70 km/h" in ws.summary.text()


def test_its_size_and_splitters_are_remembered_with_the_layout(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    feature = planner(window)
    ws.resize(1111, 666)
    ws.splitter.setSizes([700, 400])
    size = (ws.width(), ws.height())
    part = feature.capture()
    assert set(part) == {"geometry", "splitter", "right"}
    ws.resize(1500, 900)
    ws.splitter.setSizes([500, 900])
    feature.restore(part)
    # (the offscreen screen is 800 px wide: Qt fits the width to it, not below the minimum)
    assert ws.height() == size[1] and ws.width() < 1500
    assert ws.splitter.sizes()[0] > ws.splitter.sizes()[1]
    feature.restore({"geometry": "not base64!", "splitter": 7})  # a bad part is ignored
    assert ws.isVisible()


def test_points_and_the_start_found_by_address(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.search.edit.setText("Казань")
    ws.search.button.click()
    qtbot.waitUntil(lambda: len(ws.model.points) == 1 or ws.search.popup.isVisible(), timeout=10000)
    if ws.search.popup.isVisible():  # several places: the first one
        qtbot.keyClick(ws.search.popup.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(ws.model.points) == 1, timeout=5000)
    assert "Казань" in ws.model.points[0].text
    pane = ws.start_pane
    pane.kind.setCurrentIndex(pane.kind.findData(PLACE))
    pane.search.edit.setText("Самара")
    pane.search.button.click()
    qtbot.waitUntil(lambda: pane.place is not None or pane.search.popup.isVisible(), timeout=10000)
    if pane.search.popup.isVisible():
        qtbot.keyClick(pane.search.popup.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.place is not None, timeout=5000)
    assert "Самара" in pane.place_label.text()
    assert ws.result is not None and ws.result.legs[0].distance_km > 250


def test_rows_dropped_on_the_table_move(qtbot, window) -> None:
    ws = open_planner(qtbot, window)
    ws.start_pane.set_place(55.0, 37.0, "start")
    paste(qtbot, ws, *KAZAN)
    paste(qtbot, ws, *SAMARA)
    paste(qtbot, ws, 55.7558, 37.6173)
    model = ws.model
    data = model.mimeData([model.index(2, 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert [round(p.lat, 2) for p in model.points] == [55.76, 55.8, 53.2]
    assert ws.result.legs[0].distance_km < ws.result.legs[1].distance_km  # replanned
    assert model.index(0, 0).data() == "1" and "55.75" in model.index(0, 1).data()


def test_a_template_that_cannot_be_written_says_so(qtbot, window, tmp_path) -> None:
    from movizor_desktop.store import AppPaths
    from movizor_desktop.store.plan_templates import PlanTemplates

    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    ws.name.setText("Казань")
    blocker = tmp_path / "home"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    ws.templates = PlanTemplates(AppPaths(blocker))
    ws.outputs.save_template.click()
    qtbot.waitUntil(lambda: "not saved" in ws.outputs.assign_note.text())
    assert len(ws.model.points) == 1


def test_delete_in_the_workspace_removes_a_point_not_a_subscriber(qtbot, window) -> None:
    asked: list[bool] = []
    window.window_actions.delete.triggered.connect(asked.append)  # the subscriber's Delete
    window.select_subscriber(window.model.rows()[0].phone)
    assert window.window_actions.delete.isEnabled()
    ws = open_planner(qtbot, window)
    paste(qtbot, ws, *KAZAN)
    paste(qtbot, ws, *SAMARA)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.table.setFocus()
    ws.table.selectRow(0)
    qtbot.keyClick(ws.table, Qt.Key.Key_Delete)
    assert [round(p.lat, 2) for p in ws.model.points] == [round(SAMARA[0], 2)]
    assert asked == []


def test_without_a_connection_it_plans_and_says_what_it_cannot_do(qtbot, qloop, app_home) -> None:
    from movizor_desktop.store import AppSettings
    from movizor_desktop.ui.main_window import MainWindow

    bare = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(bare)
    ws = open_planner(qtbot, bare)
    ws.start_pane.set_place(55.7558, 37.6173, "Москва")
    paste(qtbot, ws, *KAZAN)
    assert ws.result is not None and ws.result.legs[0].distance_km > 800
    assert ws.ranking.model.candidates == []
    ws.outputs.assign.click()
    assert "Start from a truck" in ws.outputs.assign_note.text()
    ws.search.edit.setText("Казань")
    ws.search.button.click()
    qtbot.waitUntil(lambda: "failed" in ws.search.status_text(), timeout=5000)

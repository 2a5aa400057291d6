"""The route editor's own map in a real QtWebEngine page (offscreen): the plan drawn with
numbered points and legs coloured by their verdict, the truck's live position, picking by
click until Esc, dragging a point, a right-click inserting into the nearest leg, and the
subscriber dialog whose Enter after a pick adds nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.api.encoding import MSK, RoutePoint
from movizor_desktop.planning import LegVerdict
from movizor_desktop.store.settings import AppSettings
from movizor_desktop.ui.editors import RouteEditor
from movizor_desktop.ui.editors.route_map_link import point_name
from movizor_desktop.ui.map import profile
from movizor_desktop.ui.map.fleet import js_call
from movizor_desktop.ui.map.route_map import VERDICT_COLOURS, LivePosition, MapPoint, RouteMap
from tests.kits.map import evaluate, offline_tiles, wait_ready

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 12:00 МСК
TVER, NOVGOROD, MOSCOW = (56.8596, 35.9119), (58.5213, 31.2755), (55.7558, 37.6173)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def plan_state(qtbot, route_map: RouteMap) -> dict:
    return evaluate(qtbot, route_map.view, "mz.state()")


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def settings() -> AppSettings:
    return AppSettings(tile_url=offline_tiles())


@pytest.fixture
def route_map(qtbot, qloop, settings):
    route_map = RouteMap(settings)
    route_map.resize(700, 500)
    route_map.show()
    wait_ready(qtbot, route_map)
    yield route_map
    route_map.shutdown()
    route_map.deleteLater()
    flush_deletes()
    assert profile.current_profile() is None


@pytest.fixture
def editor(qtbot, qloop, settings):
    editor = RouteEditor(now=lambda: NOW, map_factory=lambda: RouteMap(settings))
    qtbot.addWidget(editor)
    editor.resize(1200, 600)
    editor.show()
    qtbot.waitUntil(lambda: editor.map_link.map is not None, timeout=3000)
    wait_ready(qtbot, editor.map_link.map)
    yield editor
    editor.shutdown()
    flush_deletes()


def test_the_plan_has_numbered_points_legs_in_their_verdicts_colours_and_the_truck(
    route_map, qtbot
):
    assert evaluate(qtbot, route_map.view, "typeof mz.setPlan") == "function"
    route_map.set_plan(
        [
            MapPoint(*MOSCOW, "1. Москва"),
            MapPoint(*TVER, "2. Тверь"),
            MapPoint(*NOVGOROD, "3. Великий Новгород"),
        ],
        [None, "ok", "impossible"],
    )
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planPoints"] == 3, timeout=3000)
    s = plan_state(qtbot, route_map)
    assert s["planLegColours"] == [VERDICT_COLOURS["ok"], VERDICT_COLOURS["impossible"]]
    numbers = evaluate(
        qtbot,
        route_map.view,
        "Array.from(document.querySelectorAll('.mz-plan-pt span')).map(e => e.textContent)",
    )
    assert numbers == ["1", "2", "3"]
    assert not s["planLive"]
    # the truck with its accuracy; with a verdict for the first leg it starts there, dashed
    route_map.set_live(LivePosition(55.0, 37.0, 900, "Truck"))
    route_map.set_verdicts(["tight", "ok", "impossible"])
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planLive"], timeout=3000)
    s = plan_state(qtbot, route_map)
    assert s["planLegColours"][0] == VERDICT_COLOURS["tight"] and len(s["planLegColours"]) == 3
    circles = evaluate(
        qtbot,
        route_map.view,
        "mz.map.hasLayer ? Object.values("
        "mz.map._layers).filter(l => l instanceof L.Circle && "
        "l.getRadius() === 900).length : 0",
    )
    assert circles == 1
    # the plan is framed: every point on screen
    bounds = evaluate(
        qtbot,
        route_map.view,
        "(function () { var b = mz.map.getBounds(); "
        "return [[55.7558, 37.6173], [56.8596, 35.9119], [58.5213, 31.2755]]"
        ".every(function (p) { return b.contains(p); }); })()",
    )
    assert bounds is True


def test_escape_in_the_page_ends_picking(route_map, qtbot):
    route_map.set_pick_mode(True)
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["picking"], timeout=3000)
    with qtbot.waitSignal(route_map.point_picked, timeout=3000) as blocker:
        route_map.view.call("mz.map.fire('click', {latlng: L.latLng(55.7, 37.6)})")
    assert blocker.args == [55.7, 37.6]
    assert route_map.picking  # every click picks, until Esc
    with qtbot.waitSignal(route_map.pick_cancelled, timeout=3000):
        route_map.view.call("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert not route_map.picking


def test_pick_on_map_adds_named_points_until_escape(editor, qtbot):
    route_map = editor.map_link.map
    qtbot.mouseClick(editor.pick_button, Qt.MouseButton.LeftButton)
    assert editor.pick_button.isChecked() and route_map.picking
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["picking"], timeout=3000)
    route_map.view.call(f"mz.map.fire('click', {{latlng: L.latLng({TVER[0]}, {TVER[1]})}})")
    qtbot.waitUntil(lambda: len(editor.model.rows) == 1, timeout=3000)
    route_map.view.call("mz.map.fire('click', {latlng: L.latLng(57.3, 34.1)})")
    qtbot.waitUntil(lambda: len(editor.model.rows) == 2, timeout=3000)
    # named after the nearest known city, or by its coordinates
    assert editor.model.rows[0].text == "Тверь"
    assert editor.model.rows[1].text == point_name(57.3, 34.1) == "Вышний Волочёк (42 km)"
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planPoints"] == 2, timeout=3000)
    # Esc (a key press on the map) ends picking; the button pops up
    route_map.view.setFocus()
    qtbot.keyClick(route_map.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.pick_button.isChecked(), timeout=3000)
    assert not route_map.picking
    route_map.view.call("mz.map.fire('click', {latlng: L.latLng(50, 40)})")
    evaluate(qtbot, route_map.view, "1")
    assert len(editor.model.rows) == 2


def test_point_names_for_picked_places() -> None:
    assert point_name(*TVER) == "Тверь"
    assert point_name(56.70, 36.30) == "Тверь (30 km)"  # the UI's unit, Movizor's name
    assert point_name(62.0, 60.0) == "62.0000, 60.0000"  # nowhere near a known city


def test_dragging_a_point_moves_its_row_and_clicking_selects_it(editor, qtbot):
    editor.set_points(
        [
            RoutePoint("Москва", *MOSCOW, msk(2026, 11, 26, 14, 0)),
            RoutePoint("Тверь", *TVER, msk(2026, 11, 26, 18, 0)),
        ]
    )
    route_map = editor.map_link.map
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planPoints"] == 2, timeout=3000)
    route_map.view.call("var m = mz.planMarker(1); m.setLatLng([57.0, 35.5]); m.fire('dragend')")
    qtbot.waitUntil(lambda: editor.model.rows[1].lat == 57.0, timeout=3000)
    assert (editor.model.rows[1].text, editor.model.rows[1].lon) == ("Тверь", 35.5)
    assert editor.is_modified() and "moved" in editor.message.text()
    assert editor.model.legs[1].distance_km > 150  # the leg follows the point
    qtbot.waitUntil(
        lambda: plan_state(qtbot, route_map)["planMarkers"][1] == [57.0, 35.5], timeout=3000
    )
    # clicking a point on the map selects its row, and the row's point is highlighted
    editor.select_row(1)
    route_map.view.call("mz.planMarker(0).fire('click')")
    qtbot.waitUntil(lambda: editor.current_row() == 0, timeout=3000)
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planSelected"] == 0, timeout=3000)


def test_right_click_inserts_a_point_into_the_nearest_leg(editor, qtbot):
    editor.set_points(
        [
            RoutePoint("Москва", *MOSCOW),
            RoutePoint("Тверь", *TVER),
            RoutePoint("Великий Новгород", *NOVGOROD),
        ]
    )
    route_map = editor.map_link.map
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planPoints"] == 3, timeout=3000)
    # near the middle of Тверь → Великий Новгород: the new point goes between them
    route_map.view.call("mz.map.fire('contextmenu', {latlng: L.latLng(57.75, 33.6)})")
    qtbot.waitUntil(lambda: len(editor.model.rows) == 4, timeout=3000)
    assert [r.text for r in editor.model.rows][::3] == ["Москва", "Великий Новгород"]
    assert editor.model.rows[1].text == "Тверь" and editor.model.rows[2].lat == 57.75
    assert editor.current_row() == 2 and "added" in editor.message.text()
    # near Москва → Тверь: between the first two
    route_map.view.call("mz.map.fire('contextmenu', {latlng: L.latLng(56.3, 36.8)})")
    qtbot.waitUntil(lambda: len(editor.model.rows) == 5, timeout=3000)
    assert editor.model.rows[1].lat == 56.3


def test_leg_colours_follow_the_route_tables_verdicts(editor, qtbot):
    # Москва → Тверь (≈160 km) in 1 h: late; → Великий Новгород (≈330 km) by 12:00 the
    # next day (a daily rest on the way): ok
    editor.set_points(
        [
            RoutePoint("Москва", *MOSCOW, msk(2026, 11, 26, 14, 0)),
            RoutePoint("Тверь", *TVER, msk(2026, 11, 26, 15, 0)),
            RoutePoint("Великий Новгород", *NOVGOROD, msk(2026, 11, 27, 12, 0)),
        ]
    )
    route_map = editor.map_link.map
    qtbot.waitUntil(lambda: plan_state(qtbot, route_map)["planLegs"] == 2, timeout=3000)
    assert plan_state(qtbot, route_map)["planLegColours"] == [
        VERDICT_COLOURS["impossible"],
        VERDICT_COLOURS["ok"],
    ]
    assert editor.model.legs[1].too_fast and not editor.model.legs[2].too_fast


def test_enter_after_a_map_pick_adds_nothing(qtbot, qloop, sim, sim_control, run_async, settings):
    """The issue's repro: Ctrl+N → phone → Route → pick on the map → click → Enter."""
    from movizor_desktop.ui.dialogs import SubscriberDialog
    from tests.kits.subscribers import NEW_PHONE, count, open_session, ready, type_phone

    sessions = open_session(sim, run_async)
    session = next(sessions)
    try:
        dialog = SubscriberDialog(session, route_map=lambda: RouteMap(settings), debounce_ms=50)
        qtbot.addWidget(dialog)
        dialog.show()
        ready(qtbot, dialog)
        type_phone(qtbot, dialog, NEW_PHONE)
        dialog.show_page("route")
        editor = dialog.route_editor
        qtbot.waitUntil(lambda: editor.map_link.map is not None, timeout=3000)
        wait_ready(qtbot, editor.map_link.map)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.mouseClick(editor.pick_button, Qt.MouseButton.LeftButton)
        editor.map_link.map.view.call("mz.map.fire('click', {latlng: L.latLng(55.79, 49.12)})")
        qtbot.waitUntil(lambda: len(editor.model.rows) == 1, timeout=3000)
        for widget in (QApplication.focusWidget() or dialog, editor.table, dialog):
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClick(editor.table, Qt.Key.Key_Enter)
        assert dialog.isVisible() and dialog.confirmation.box is None and not dialog.busy
        assert count(sim_control, "object_add") == 0
        # Escape ends picking first; the next asks before the typed work is thrown away
        editor.map_link.map.view.setFocus()
        qtbot.keyClick(editor.map_link.map.view, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not editor.pick_button.isChecked(), timeout=3000)
        assert dialog.isVisible() and dialog.guard.question is None
        qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: dialog.guard.question is not None, timeout=3000)
        assert dialog.isVisible()
        dialog.guard.question.reject()  # Keep editing
        qtbot.waitUntil(lambda: dialog.guard.question is None)
        assert dialog.isVisible() and len(editor.model.rows) == 1
        dialog.reject()  # on purpose (a session switch): no question, the map shuts down
        assert not dialog.isVisible() and editor.map_link.map.view._shared is None
    finally:
        for _ in sessions:
            pass


def test_edit_shows_the_trucks_fix_and_its_accuracy(qtbot, qloop, sim, run_async, settings):
    from movizor_desktop.ui.dialogs import SubscriberDialog
    from tests.kits.subscribers import open_session, pick_phone, row_for

    sessions = open_session(sim, run_async)
    session = next(sessions)
    try:
        row = row_for(session, run_async, pick_phone(sim))
        assert row.lat is not None
        dialog = SubscriberDialog(session, row=row, route_map=lambda: RouteMap(settings))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.show_page("route")
        link = dialog.route_editor.map_link
        qtbot.waitUntil(lambda: link.map is not None, timeout=3000)
        wait_ready(qtbot, link.map)
        qtbot.waitUntil(lambda: plan_state(qtbot, link.map)["planLive"], timeout=5000)
        assert link.map.live.lat == row.lat and link.map.live.radius_m == float(row.radius or 0)
        dialog.reject()
    finally:
        for _ in sessions:
            pass


def test_a_route_map_deleted_without_shutdown_still_lets_the_profile_go(qtbot, qloop, settings):
    route_map = RouteMap(settings)
    route_map.show()
    wait_ready(qtbot, route_map)
    assert profile.current_profile() is not None
    route_map.deleteLater()
    flush_deletes()
    flush_deletes()
    assert profile.current_profile() is None


def test_the_scale_speaks_the_uis_language(route_map, qtbot):
    route_map.view.call(js_call("setTexts", {"metres": "{n} м", "kilometres": "{n} км"}))
    route_map.set_plan([MapPoint(*MOSCOW), MapPoint(*NOVGOROD)], [None, "ok"], fit=True)

    def scale() -> str:
        return evaluate(
            qtbot,
            route_map.view,
            "document.querySelector('.leaflet-control-scale-line').textContent",
        )

    qtbot.waitUntil(lambda: "км" in scale() or " м" in scale(), timeout=3000)
    assert "km" not in scale()


def test_the_route_map_draws_from_the_offline_map_file_too(qtbot, qloop, tmp_path):
    """The window's offline map file serves the route editor's map as well (one
    TileService in the shared profile); a file that cannot be used is named under it."""
    from tests.kits.mbtiles import make_mbtiles

    loaded = (
        "Array.from(document.querySelectorAll('img.leaflet-tile-loaded'))"
        ".filter(function (i) { return i.src.indexOf('app://tiles/') === 0; }).length"
    )
    path = make_mbtiles(tmp_path / "world.mbtiles")
    dead = offline_tiles()
    route_map = RouteMap(AppSettings(tile_url=dead, mbtiles_path=str(path)))
    route_map.resize(600, 400)
    route_map.show()
    try:
        wait_ready(qtbot, route_map)
        route_map.set_plan([MapPoint(*MOSCOW), MapPoint(*TVER)], [None, LegVerdict.OK], fit=True)
        qtbot.waitUntil(lambda: evaluate(qtbot, route_map.view, loaded) > 0, timeout=15000)
        assert route_map.view.shared.interceptor.offline
        assert not route_map.file_note.isVisibleTo(route_map)
        assert plan_state(qtbot, route_map)["planLegColours"] == [VERDICT_COLOURS["ok"]]
        bad = tmp_path / "not-a-map.mbtiles"
        bad.write_bytes(b"definitely not sqlite" * 50)
        route_map.apply_settings(AppSettings(tile_url=dead, mbtiles_path=str(bad)))
        qtbot.waitUntil(lambda: route_map.file_note.isVisibleTo(route_map), timeout=10000)
        assert "not an MBTiles file" in route_map.file_note.text()
        assert not route_map.view.shared.interceptor.offline
    finally:
        route_map.shutdown()
        route_map.deleteLater()
        flush_deletes()


def test_a_file_that_fails_at_once_is_still_named(qtbot, qloop, tmp_path):
    """A file that cannot be opened fails before the worker's callback is attached (the
    callback then runs at once, on this thread): the failure is still reported after the
    switch, not inside it and then cleared by it (seen in CI under load)."""
    from concurrent.futures import Future

    class AtOnce:
        """An executor whose work is done before submit returns, as a fast worker's is."""

        def submit(self, fn, *args):
            future: Future = Future()
            try:
                future.set_result(fn(*args))
            except Exception as exc:
                future.set_exception(exc)
            return future

        def shutdown(self, **_kwargs):
            pass

    dead = offline_tiles()
    route_map = RouteMap(AppSettings(tile_url=dead))
    route_map.show()
    try:
        wait_ready(qtbot, route_map)
        service = route_map.tiles.service
        real, service._executor = service._executor, AtOnce()
        try:
            route_map.apply_settings(
                AppSettings(tile_url=dead, mbtiles_path=str(tmp_path / "gone.mbtiles"))
            )
            qtbot.waitUntil(lambda: route_map.file_note.isVisibleTo(route_map), timeout=3000)
        finally:
            service._executor = real
        assert "does not exist" in route_map.file_note.text()
        assert not route_map.view.shared.interceptor.offline
    finally:
        route_map.shutdown()
        route_map.deleteLater()
        flush_deletes()

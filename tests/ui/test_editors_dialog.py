"""The route, schedule and metadata pages inside the subscriber dialog: every page is
validated before anything is sent, API errors land on the page they concern, a failed save
keeps every page as typed, and Save sends one request however often it is clicked."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from movizor_desktop.api.encoding import RoutePoint, Schedule
from movizor_desktop.ui.editors.route_table import ARRIVAL, NAME
from tests.kits.subscribers import (
    NEW_PHONE,
    calls,
    click,
    count,
    make,
    msk_now,
    pick_phone,
    ready,
    row_for,
    save,
    type_phone,
    type_text,
    wait_idle,
)


def soon(hours: int) -> datetime:
    return (msk_now() + timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0)


def add_point_by_coordinates(qtbot, dialog, coords: str, name: str, when: datetime | None) -> None:
    """Type coordinates into the route page's search, then name and time the new row."""
    editor = dialog.route_editor
    dialog.show_page("route")
    before = len(editor.model.rows)
    qtbot.keyClicks(editor.search.edit, coords)
    click(qtbot, editor.search.button)
    assert len(editor.model.rows) == before + 1
    editor.table.closePersistentEditor(editor.model.index(before, NAME))
    editor.model.setData(editor.model.index(before, NAME), name)
    if when is not None:
        editor.model.setData(editor.model.index(before, ARRIVAL), when)


def fill_schedule(qtbot, dialog, days: list[int], times: list[str]) -> None:
    editor = dialog.schedule_editor
    dialog.show_page("schedule")
    for day in days:
        click(qtbot, editor.day_buttons[day - 1])
    for text in times:
        qtbot.keyClicks(editor.time_input, text)
        click(qtbot, editor.add_button)


def fill_metadata(qtbot, dialog, entries: dict[str, str]) -> None:
    editor = dialog.metadata_editor
    dialog.show_page("metadata")
    for name, value in entries.items():
        click(qtbot, editor.add_button)
        row = editor.rows[-1]
        type_text(row.name, name)
        type_text(row.value, value)


@pytest.fixture
def adding(qtbot, session):
    dialog = ready(qtbot, make(qtbot, session))
    type_phone(qtbot, dialog, NEW_PHONE)
    return dialog


def test_invalid_route_times_show_the_route_page_and_send_nothing(qtbot, adding, sim_control):
    dialog = adding
    add_point_by_coordinates(qtbot, dialog, "55.796127, 49.106414", "Казань", soon(30))
    add_point_by_coordinates(qtbot, dialog, "56.838, 60.5973", "Екатеринбург", soon(20))
    dialog.show_page("main")
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert dialog.current_page() == "route"
    assert "must be later than at point 1" in dialog.field_error("route")
    assert "must be later than at point 1" in dialog.route_editor.errors_label.text()
    assert not dialog.tabs.tabIcon(1).isNull() and dialog.tabs.tabIcon(0).isNull()
    assert sim_control.requests()["total"] == 0 and not dialog.busy
    dialog.route_editor.model.setData(dialog.route_editor.model.index(1, ARRIVAL), soon(50))
    assert dialog.field_error("route") == ""  # an edit of the page clears its flag
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (add,) = calls(sim_control, "object_add")
    assert add["params"]["destination"]["1"]["text"] == "Екатеринбург"


def test_a_point_without_coordinates_or_name_is_refused(qtbot, adding, sim_control):
    dialog = adding
    dialog.show_page("route")
    click(qtbot, dialog.route_editor.add_button)  # an empty row
    dialog.show_page("main")
    sim_control.reset_requests()
    save(qtbot, dialog)
    assert dialog.current_page() == "route"
    assert "enter a name" in dialog.field_error("route")
    assert "set the coordinates" in dialog.field_error("route")
    assert count(sim_control, "object_add") == 0


def test_a_schedule_without_times_shows_the_schedule_page(qtbot, adding, sim_control):
    dialog = adding
    fill_schedule(qtbot, dialog, [1, 3], [])
    dialog.show_page("main")
    save(qtbot, dialog)
    assert dialog.current_page() == "schedule"
    assert "at least one request time" in dialog.field_error("schedule")
    assert count(sim_control, "object_add") == 0


def test_duplicate_metadata_names_show_the_metadata_page(qtbot, adding, sim_control):
    dialog = adding
    fill_metadata(qtbot, dialog, {"Рейс": "1", "рейс": "2"})
    dialog.show_page("main")
    save(qtbot, dialog)
    assert dialog.current_page() == "metadata"
    assert "is used twice" in dialog.field_error("metadata")
    assert count(sim_control, "object_add") == 0


def test_the_first_page_with_a_problem_comes_first_and_all_are_flagged(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session))  # no phone
    fill_schedule(qtbot, dialog, [2], [])
    fill_metadata(qtbot, dialog, {"A": "1", "a": "2"})
    save(qtbot, dialog)
    assert dialog.current_page() == "main"
    assert dialog.field_error("phone") == "Enter the driver's mobile number."
    assert dialog.field_error("schedule") and dialog.field_error("metadata")
    assert [not dialog.tabs.tabIcon(i).isNull() for i in range(4)] == [True, False, True, True]
    assert count(sim_control, "object_add") == 0


def test_edit_validates_only_the_pages_it_sends(qtbot, sim, session, sim_control, run_async):
    phone = pick_phone(sim)
    tariff = sim.world.subs[phone].tariff
    past = soon(-5)  # a route whose time has passed is fine while it is not touched
    run_async(
        session.client.object_edit(
            phone, tariff=tariff, route=[RoutePoint("Тверь", 56.8587, 35.9176, past)]
        )
    )
    dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, phone)))
    qtbot.keyClicks(dialog.title_edit, "!")
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (edit,) = calls(sim_control, "object_edit")
    assert "destination" not in edit["params"] and edit["params"]["title"].endswith("!")


@pytest.mark.parametrize(
    ("function", "code", "page", "text"),
    [
        ("object_edit", "6", "schedule", "A time in the schedule is not valid"),
        ("object_edit", "5", "route", "destination name was sent without its coordinates"),
        ("object_add", "5", "schedule", "A time in the schedule is not valid"),
        ("object_add", "4", "route", "destination name was sent without its coordinates"),
    ],
)
def test_api_errors_land_on_their_page(
    qtbot, sim, session, sim_control, run_async, function, code, page, text
):
    if function == "object_add":
        dialog = ready(qtbot, make(qtbot, session))
        type_phone(qtbot, dialog, NEW_PHONE)
    else:
        phone = pick_phone(sim)
        dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, phone)))
    add_point_by_coordinates(qtbot, dialog, "55.796127, 49.106414", "Казань", soon(30))
    fill_schedule(qtbot, dialog, [1, 2], ["8:30"])
    dialog.show_page("main")
    sim_control.inject_error(function, code)
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert dialog.current_page() == page
    assert text in dialog.field_error(page)
    editor = dialog.editors[page]
    assert text in editor.banner.text() and not editor.banner.isHidden()
    assert dialog.banner.isHidden()
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_a_failed_save_keeps_every_page_as_typed(qtbot, adding, sim_control):
    dialog = adding
    qtbot.keyClicks(dialog.title_edit, "Ivanov")
    qtbot.keyClicks(dialog.tags_edit, "north, night")
    click(qtbot, dialog.dateoff_check)
    dateoff = dialog.dateoff()
    add_point_by_coordinates(qtbot, dialog, "55.796127, 49.106414", "Казань", soon(30))
    add_point_by_coordinates(qtbot, dialog, "56.838, 60.5973", "Екатеринбург", soon(60))
    fill_schedule(qtbot, dialog, [1, 5], ["8:30", "17:00"])
    fill_metadata(qtbot, dialog, {"Водитель": "Петров П.", "Заказ": 'R-1, "срочно" & co'})
    route, schedule = dialog.route_editor.points(), dialog.schedule_editor.schedule()
    metadata = dialog.metadata_editor.metadata()
    assert schedule == Schedule(frozenset({1, 5}), (time(8, 30), time(17, 0)))
    dialog.show_page("main")
    sim_control.inject_error("object_add", "13")  # not enough money
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert "Not enough money" in dialog.field_error("tariff")
    assert dialog.phone_edit.text() == NEW_PHONE and dialog.title_edit.text() == "Ivanov"
    assert dialog.tags_edit.text() == "north, night" and dialog.dateoff() == dateoff
    assert dialog.chosen_tariff() == "15"
    assert dialog.route_editor.points() == route
    assert dialog.schedule_editor.schedule() == schedule
    assert dialog.metadata_editor.metadata() == metadata
    with qtbot.waitSignal(dialog.saved, timeout=15000):  # and it can be sent again
        save(qtbot, dialog)
    assert count(sim_control, "object_add") == 2


def test_a_double_click_sends_one_edit(qtbot, sim, session, sim_control, run_async):
    row = row_for(session, run_async, pick_phone(sim))
    dialog = ready(qtbot, make(qtbot, session, row=row))
    fill_metadata(qtbot, dialog, {"Рейс": "5"})
    sim_control.reset_requests()
    sim_control.add_fault("latency", "object_edit", latency=0.8)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        from PySide6.QtCore import Qt

        qtbot.mouseDClick(dialog.save_button, Qt.MouseButton.LeftButton)
        save(qtbot, dialog)
        assert dialog.busy and not dialog.save_button.isEnabled()
    assert sim_control.requests()["by_function"]["object_edit"] == 1

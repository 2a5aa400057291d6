"""What the editors produce comes back unchanged: drive the subscriber dialog, save, then
read the subscriber with ``object_get`` through the client and compare — routes, schedules
and metadata with Cyrillic text, commas, quotes and ampersands; then edit every page,
then clear every page, and an untouched edit changes nothing."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_editors_dialog import add_point_by_coordinates, fill_metadata, fill_schedule

from movizor_desktop.api.encoding import RoutePoint, Schedule
from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.ui.editors.route_table import ARRIVAL
from tests.kits.subscribers import (
    NEW_MSISDN,
    NEW_PHONE,
    calls,
    click,
    make,
    msk_now,
    pick_phone,
    ready,
    row_for,
    save,
    type_phone,
    type_text,
)

TRICKY_TITLE = 'Рейс «Север» & "Юг", 12'
TRICKY_POINT = 'Склад "Восток", ворота 3 & 4'
TRICKY_META = {
    "Клиент": 'ООО "Ромашка & Ко", склад №2',
    "Заказ": "R-100,200 'срочно' <до 18:00>",
    "Водитель": "Петров П. П.",
    "Note & co": "a=b&c=d; 50% + 1",
}


def at(days: int, hour: int, minute: int = 0) -> datetime:
    base = msk_now() + timedelta(days=days)
    return base.replace(hour=hour, minute=minute, second=0, microsecond=0)


def server_route(info: ObjectInfo) -> list[tuple[str, float | None, float | None, datetime | None]]:
    return [(d.text, d.lat, d.lon, d.time) for d in info.destination]


def editor_route(points: list[RoutePoint]) -> list[tuple[str, float, float, datetime | None]]:
    return [(p.text, round(p.lat, 6), round(p.lon, 6), p.time) for p in points]


def server_schedule(info: ObjectInfo) -> Schedule:
    assert info.schedule is not None
    return Schedule(info.schedule.days, tuple(time.fromisoformat(t) for t in info.schedule.times))


def compare(dialog, info: ObjectInfo) -> None:
    """The server's subscriber equals what the dialog's pages hold."""
    assert server_route(info) == editor_route(dialog.route_editor.points())
    assert server_schedule(info) == dialog.schedule_editor.schedule()
    assert info.metadata == dialog.metadata_editor.metadata()


def test_add_with_every_page_then_edit_then_clear_round_trips(
    qtbot, session, sim_control, run_async
):
    dialog = ready(qtbot, make(qtbot, session, tags=["север"]))
    type_phone(qtbot, dialog, NEW_PHONE)
    type_text(dialog.title_edit, TRICKY_TITLE)
    type_text(dialog.tags_edit, "север, ночь")
    # route: an address found by the geocoder, then two pasted coordinates
    dialog.show_page("route")
    search = dialog.route_editor.search
    type_text(search.edit, "Москва, Тверская")
    click(qtbot, search.button)
    qtbot.waitUntil(lambda: len(dialog.route_editor.model.rows) == 1, timeout=5000)
    model = dialog.route_editor.model
    model.setData(model.index(0, ARRIVAL), at(1, 9))
    add_point_by_coordinates(qtbot, dialog, "55.796127, 49.106414", TRICKY_POINT, at(2, 18, 30))
    add_point_by_coordinates(qtbot, dialog, "56.838, 60.5973", "Екатеринбург, ул. Ленина, 1", None)
    fill_schedule(qtbot, dialog, [1, 3, 5], ["8:30", "17:00", "12:15"])
    fill_metadata(qtbot, dialog, TRICKY_META)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    sent = dialog  # the closed dialog still holds what it sent
    info = run_async(session.client.object_get(NEW_MSISDN))
    assert info.title == TRICKY_TITLE and info.tags == ["север", "ночь"]
    assert [d.text for d in info.destination] == [
        "Тверская улица, 7, Москва, ЦФО, 125009, Россия",
        TRICKY_POINT,
        "Екатеринбург, ул. Ленина, 1",
    ]
    assert info.destination[2].time is None
    assert info.metadata == TRICKY_META
    assert server_schedule(info) == Schedule(
        frozenset({1, 3, 5}), (time(8, 30), time(12, 15), time(17, 0))
    )
    compare(sent, info)

    # --- edit every page of what was just added
    row = row_for(session, run_async, NEW_MSISDN)
    dialog = ready(qtbot, make(qtbot, session, row=row))
    compare(dialog, info)  # the pages show exactly what the server has
    assert not any(e.is_modified() for e in dialog.editors.values())
    editor = dialog.route_editor
    dialog.show_page("route")
    editor.select_row(0)
    click(qtbot, editor.down_button)  # Тверская now second
    editor.model.setData(editor.model.index(0, ARRIVAL), at(1, 7))
    editor.model.setData(editor.model.index(1, ARRIVAL), at(1, 20, 45))
    dialog.show_page("schedule")
    click(qtbot, dialog.schedule_editor.preset_buttons["twice_daily"])
    dialog.show_page("metadata")
    meta = dialog.metadata_editor
    first = meta.rows[0]
    first.value.clear()
    type_text(first.value, 'ООО «Лютик» & сыновья, "склад" 3')
    click(qtbot, meta.rows[1].remove)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    (edit,) = calls(sim_control, "object_edit")
    assert {"destination", "st", "sw1", "metadata"} <= set(edit["params"])
    assert "title" not in edit["params"] and "tags" not in edit["params"]
    info = run_async(session.client.object_get(NEW_MSISDN))
    compare(dialog, info)
    assert info.metadata["Клиент"] == 'ООО «Лютик» & сыновья, "склад" 3'
    assert "Заказ" not in info.metadata
    assert [d.text for d in info.destination][:2] == [
        TRICKY_POINT,
        "Тверская улица, 7, Москва, ЦФО, 125009, Россия",
    ]
    assert info.title == TRICKY_TITLE  # untouched, unchanged

    # --- an edit that touches nothing changes nothing
    dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, NEW_MSISDN)))
    sim_control.reset_requests()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    assert set(calls(sim_control, "object_edit")[0]["params"]) == {"key", "phone", "tariff"}
    assert run_async(session.client.object_get(NEW_MSISDN)).model_dump(
        exclude={
            "last_timestamp",
            "current_lat",
            "current_lon",
            "place",
            "distance",
            "distance_forecast_time",
            "distance_forecast_status",
            "on_parking",
            "pos_error",
            "at_request",
            "status",
            "confirmed",
        }
    ) == info.model_dump(
        exclude={
            "last_timestamp",
            "current_lat",
            "current_lon",
            "place",
            "distance",
            "distance_forecast_time",
            "distance_forecast_status",
            "on_parking",
            "pos_error",
            "at_request",
            "status",
            "confirmed",
        }
    )

    # --- clear every page
    dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, NEW_MSISDN)))
    editor = dialog.route_editor
    dialog.show_page("route")
    while editor.model.rows:
        editor.select_row(0)
        click(qtbot, editor.remove_button)
    dialog.show_page("schedule")
    click(qtbot, dialog.schedule_editor.preset_buttons["clear"])
    dialog.show_page("metadata")
    while dialog.metadata_editor.rows:
        click(qtbot, dialog.metadata_editor.rows[0].remove)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    info = run_async(session.client.object_get(NEW_MSISDN))
    assert info.destination == [] and info.metadata == {}
    assert server_schedule(info).empty


# --- any text the editors accept --------------------------------------------------------

ALPHABET = st.sampled_from(
    list(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙЯ"
        "abcXYZ0123456789 ,.;:!?\"'&<>()-+%#/№«»=@*_~$^`|{}\\"
    )
)
NAMES = st.text(ALPHABET, min_size=1, max_size=32).map(str.strip).filter(bool)
VALUES = st.text(ALPHABET, min_size=0, max_size=64)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    metadata=st.dictionaries(NAMES, VALUES, min_size=1, max_size=5).filter(
        lambda m: len({k.casefold() for k in m}) == len(m)
    ),
    names=st.lists(NAMES, min_size=1, max_size=3),
)
def test_any_text_round_trips_through_the_dialog(qtbot, sim, session, run_async, metadata, names):
    phone = pick_phone(sim)
    dialog = ready(qtbot, make(qtbot, session, row=row_for(session, run_async, phone)))
    dialog.route_editor.apply_points(
        [
            RoutePoint(name, 55.0 + i / 10, 37.5 + i / 10, at(1 + i, 12))
            for i, name in enumerate(names)
        ]
    )
    meta = dialog.metadata_editor
    meta.set_metadata({})
    for name, value in metadata.items():
        row = meta.add_field(name)
        row.value.setText(value)
    assert meta.metadata() == metadata and meta.is_modified()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        save(qtbot, dialog)
    info = run_async(session.client.object_get(phone))
    assert info.metadata == metadata
    assert [d.text for d in info.destination] == names
    compare(dialog, info)
    dialog.close()

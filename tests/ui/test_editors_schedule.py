"""ScheduleEditor driven by clicks and typing: weekday toggles, times kept sorted without
duplicates, presets, the preview of the next requests in MSK and the manual-tariff cost."""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from movizor_desktop.api.encoding import Schedule
from movizor_desktop.api.models import ScheduleInfo
from movizor_desktop.ui.editors import ScheduleEditor
from movizor_desktop.ui.editors.schedule_logic import preset

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday 12:00 MSK
LEFT = Qt.MouseButton.LeftButton


def make(qtbot, now: datetime = NOW) -> ScheduleEditor:
    editor = ScheduleEditor(now=lambda: now)
    qtbot.addWidget(editor)
    editor.resize(800, 500)
    editor.show()
    return editor


def times(editor: ScheduleEditor) -> list[str]:
    return [editor.times_list.item(i).text() for i in range(editor.times_list.count())]


def preview(editor: ScheduleEditor) -> list[str]:
    return [editor.preview.item(i).text() for i in range(editor.preview.count())]


def add(qtbot, editor: ScheduleEditor, text: str, *, enter: bool = True) -> None:
    editor.time_input.clear()
    qtbot.keyClicks(editor.time_input, text)
    if enter:
        qtbot.keyClick(editor.time_input, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(editor.add_button, LEFT)


def test_weekday_toggles_are_sw1_to_sw7(qtbot) -> None:
    editor = make(qtbot)
    labels = [b.text() for b in editor.day_buttons]
    assert labels == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert editor.day_buttons[0].accessibleName() == "Monday"
    changes = []
    editor.changed.connect(lambda: changes.append(1))
    qtbot.mouseClick(editor.day_buttons[0], LEFT)
    qtbot.mouseClick(editor.day_buttons[6], LEFT)
    assert editor.schedule().days == {1, 7} and len(changes) == 2
    qtbot.mouseClick(editor.day_buttons[0], LEFT)
    assert editor.schedule().days == {7}
    editor.day_buttons[2].setFocus()
    qtbot.keyClick(editor.day_buttons[2], Qt.Key.Key_Space)
    assert editor.schedule().days == {3, 7}


def test_times_typed_sorted_and_without_duplicates(qtbot) -> None:
    editor = make(qtbot)
    add(qtbot, editor, "18:00")
    add(qtbot, editor, "9:00")
    add(qtbot, editor, "13:30", enter=False)
    assert times(editor) == ["09:00", "13:30", "18:00"]
    assert editor.time_input.text() == "" and not editor.input_error.isVisible()

    add(qtbot, editor, "09:00")
    assert editor.input_error.isVisible()
    assert editor.input_error.text() == "Already in the list: 09:00."
    assert times(editor) == ["09:00", "13:30", "18:00"]

    add(qtbot, editor, "25:00")
    assert "“25:00” is not a time of day" in editor.input_error.text()
    qtbot.keyClick(editor.time_input, Qt.Key.Key_Backspace)  # typing clears the message
    assert not editor.input_error.isVisible()

    add(qtbot, editor, "7, 12.00 18:00")  # several at once; the new ones are kept
    assert times(editor) == ["07:00", "09:00", "12:00", "13:30", "18:00"]
    assert editor.input_error.text() == "Already in the list: 18:00."
    assert editor.schedule().times == (time(7), time(9), time(12), time(13, 30), time(18))

    add(qtbot, editor, "")
    assert editor.input_error.text() == "Type a time as hh:mm, e.g. 9:00."


def test_remove_times_by_button_and_delete_key(qtbot) -> None:
    editor = make(qtbot)
    add(qtbot, editor, "8:00, 12:00, 16:00, 20:00")
    item = editor.times_list.item(1)
    qtbot.mouseClick(
        editor.times_list.viewport(), LEFT, pos=editor.times_list.visualItemRect(item).center()
    )
    qtbot.mouseClick(editor.remove_button, LEFT)
    assert times(editor) == ["08:00", "16:00", "20:00"]
    editor.times_list.setFocus()
    editor.times_list.setCurrentRow(2)
    qtbot.keyClick(editor.times_list, Qt.Key.Key_Delete)
    assert times(editor) == ["08:00", "16:00"]


def test_presets(qtbot) -> None:
    editor = make(qtbot)
    for key in ("workdays", "twice_daily", "weekdays_hourly"):
        qtbot.mouseClick(editor.preset_buttons[key], LEFT)
        assert editor.schedule() == preset(key)
    assert [b.isChecked() for b in editor.day_buttons] == [True] * 5 + [False] * 2
    assert times(editor)[0] == "08:00" and times(editor)[-1] == "20:00"
    qtbot.mouseClick(editor.preset_buttons["clear"], LEFT)
    assert editor.schedule() == Schedule() and times(editor) == []
    assert not any(b.isChecked() for b in editor.day_buttons)


def test_preview_of_the_next_ten_requests_in_msk(qtbot) -> None:
    editor = make(qtbot)
    assert preview(editor) == ["No requests: choose weekdays and times."]
    qtbot.mouseClick(editor.preset_buttons["workdays"], LEFT)
    shown = preview(editor)
    assert len(shown) == 10
    assert shown[:4] == [
        "Thu 26.11.2026 13:00 (today)",
        "Thu 26.11.2026 15:00 (today)",
        "Thu 26.11.2026 17:00 (today)",
        "Fri 27.11.2026 09:00",
    ]
    assert shown[8] == "Mon 30.11.2026 09:00"  # across the weekend


def test_preview_crosses_the_week_at_msk_midnight(qtbot) -> None:
    # Sunday 21:30 UTC is already Monday 00:30 in Moscow
    editor = make(qtbot, now=datetime(2026, 11, 29, 21, 30, tzinfo=UTC))
    editor.set_schedule(Schedule(frozenset({1, 7}), (time(0, 15), time(23, 0))))
    assert preview(editor)[:3] == [
        "Mon 30.11.2026 23:00 (today)",
        "Sun 06.12.2026 00:15",
        "Sun 06.12.2026 23:00",
    ]


def test_cost_note_on_the_manual_tariff(qtbot) -> None:
    editor = make(qtbot)
    assert not editor.cost_note.isVisible()
    editor.set_request_price(Decimal("3.00"))
    qtbot.mouseClick(editor.preset_buttons["twice_daily"], LEFT)
    assert editor.cost_note.isVisible()
    text = editor.cost_note.text()
    assert "each scheduled request costs" in text and "3.00" in text and "42.00" in text
    qtbot.mouseClick(editor.day_buttons[0], LEFT)  # 6 days × 2 = 12 requests → 36 ₽
    assert "36.00" in editor.cost_note.text()
    editor.set_request_price(None)
    assert not editor.cost_note.isVisible()


def test_set_schedule_validate_modified_and_errors(qtbot) -> None:
    editor = make(qtbot)
    changes = []
    editor.changed.connect(lambda: changes.append(1))
    editor.set_schedule(ScheduleInfo(days=frozenset({1, 2}), times=("18:00", "9:00")))
    assert changes == [] and not editor.is_modified()
    assert times(editor) == ["09:00", "18:00"]
    assert [b.isChecked() for b in editor.day_buttons][:3] == [True, True, False]
    assert editor.validate() == []

    for button in editor.day_buttons[:2]:
        qtbot.mouseClick(button, LEFT)
    assert editor.is_modified()
    assert editor.validate() == ["Choose the weekdays for the request times."]
    assert editor.errors_label.isVisible()
    qtbot.mouseClick(editor.day_buttons[4], LEFT)  # fixed: the message goes at once
    assert not editor.errors_label.isVisible()

    qtbot.keyClicks(editor.time_input, "20:00")  # typed, not added
    assert editor.validate() == ["“20:00” was typed but not added: press Add or clear the field."]
    qtbot.keyClick(editor.time_input, Qt.Key.Key_Return)
    assert editor.validate() == []

    editor.set_error("Incorrect time value in schedule")
    assert editor.banner.isVisible() and editor.banner.text() == "Incorrect time value in schedule"
    qtbot.mouseClick(editor.day_buttons[5], LEFT)
    assert not editor.banner.isVisible()

    editor.set_schedule(None)
    assert editor.schedule() == Schedule() and not editor.is_modified()
    qtbot.mouseClick(editor.day_buttons[0], LEFT)
    assert editor.validate() == ["Add at least one request time for the chosen weekdays."]


def test_enter_in_the_time_field_does_not_reach_the_dialog(qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    editor = ScheduleEditor(now=lambda: NOW)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    column = QVBoxLayout(dialog)
    column.addWidget(editor)
    column.addWidget(buttons)
    dialog.show()
    qtbot.keyClicks(editor.time_input, "9:00")
    qtbot.keyClick(editor.time_input, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert times(editor) == ["09:00"]


def test_accessible_names_and_tab_order(qtbot) -> None:
    editor = make(qtbot)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    for widget in (
        *editor.day_buttons,
        editor.times_list,
        editor.time_input,
        editor.add_button,
        editor.remove_button,
        editor.preview,
    ):
        assert widget.accessibleName(), widget
    editor.day_buttons[6].setFocus()
    qtbot.keyClick(editor.day_buttons[6], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.preset_buttons["workdays"]
    editor.times_list.setFocus()
    qtbot.keyClick(editor.times_list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.time_input

"""The add/edit dialog driven from the keyboard, against the simulator: Enter only finishes
an edit, Ctrl+Enter adds (after a question that names the price and the SMS) or saves,
and Escape asks before typed work is thrown away — a popup taking its Escape first."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from movizor_desktop.ui.editors.route_table import ARRIVAL, COORDS, NAME
from tests.kits.subscribers import (
    NEW_MSISDN,
    NEW_PHONE,
    calls,
    count,
    make,
    msk_now,
    pick_phone,
    ready,
    row_for,
    type_phone,
    type_text,
    wait_idle,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def active(qtbot, dialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def enter_everywhere(qtbot, widgets) -> None:
    for widget in widgets:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClick(widget, Qt.Key.Key_Enter)


def test_no_button_is_a_default_button(qtbot, session):
    dialog = ready(qtbot, make(qtbot, session))
    buttons = dialog.findChildren(QPushButton)
    assert buttons and not [
        b.objectName() or b.text() for b in buttons if b.isDefault() or b.autoDefault()
    ]
    assert "Ctrl+Enter" not in dialog.save_button.text()  # the shortcut is a tooltip's job


def test_enter_in_any_field_or_cell_adds_nothing(qtbot, session, sim_control):
    dialog = ready(qtbot, make(qtbot, session))
    active(qtbot, dialog)
    type_phone(qtbot, dialog, NEW_PHONE)
    qtbot.keyClicks(dialog.title_edit, "Petrov")
    sim_control.reset_requests()
    enter_everywhere(
        qtbot,
        [
            dialog.phone_edit,
            dialog.title_edit,
            dialog.tags_edit,
            dialog.tariff_combo,
            dialog.dateoff_check,
        ],
    )
    # the route: a point by pasted coordinates, its name typed in the cell, then Enter
    dialog.show_page("route")
    route = dialog.route_editor
    type_text(route.search.edit, "55.7558, 37.6173")
    qtbot.keyClick(route.search.edit, Qt.Key.Key_Return)  # Enter in search: finds
    qtbot.waitUntil(lambda: len(route.model.rows) == 1)
    cell = QApplication.focusWidget()  # the name cell opened for typing
    type_text(cell, "Склад")
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # finishes the cell
    qtbot.waitUntil(lambda: route.model.rows[0].text == "Склад")
    enter_everywhere(qtbot, [route.table, route.search.edit])
    QApplication.processEvents()  # the queued cell commits run (no waiting on a clock)
    assert dialog.isVisible() and dialog.confirmation.box is None and not dialog.busy
    assert count(sim_control, "object_add") == 0


def test_ctrl_enter_in_a_route_cell_commits_it_then_asks_with_price_and_sms(
    qtbot, session, sim_control
):
    dialog = ready(qtbot, make(qtbot, session))
    active(qtbot, dialog)
    type_phone(qtbot, dialog, NEW_PHONE)
    qtbot.waitUntil(lambda: dialog.main.tariff.charge_text() != "", timeout=10000)
    dialog.show_page("route")
    route = dialog.route_editor
    route.add_point(55.7558, 37.6173, "Москва")
    route.table.setFocus()
    route.table.edit(route.model.index(0, ARRIVAL))
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().objectName() == "arrival_edit"
        )
    )
    editor = QApplication.focusWidget()
    wanted = (msk_now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    from movizor_desktop.ui.editors.route_table import to_qdatetime

    editor.setDateTime(to_qdatetime(wanted))
    sim_control.reset_requests()
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.confirmation.box is not None, timeout=3000)
    assert route.model.rows[0].time == wanted  # the cell's value was taken first
    box = dialog.confirmation.box
    assert box.objectName() == "confirm_add"
    assert "+7 921 555-44-33" in box.text() and "Every 15 min" in box.text()
    assert box.informativeText().startswith("Movizor charges ₽30.00 a day.")  # MegaFon, 15
    assert "SMS" in box.informativeText()
    assert box.defaultButton().objectName() == "confirm_add_yes"
    assert count(sim_control, "object_add") == 0  # nothing before the answer
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # the question's Escape: cancel
    qtbot.waitUntil(lambda: dialog.confirmation.box is None)
    assert dialog.isVisible() and count(sim_control, "object_add") == 0
    # Ctrl+Enter again, then Add: one add, with the route as typed
    active(qtbot, dialog)
    qtbot.keyClick(route.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.confirmation.box is not None, timeout=3000)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.keyClick(dialog.confirmation.box, Qt.Key.Key_Return)
    (sent,) = calls(sim_control, "object_add")
    assert sent["params"]["phone"] == NEW_MSISDN and count(sim_control, "object_add") == 1


def test_escape_asks_before_typed_work_is_lost(qtbot, session, sim_control):
    dialog = make(qtbot, session)
    active(qtbot, dialog)
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Escape)  # nothing typed: closes
    assert not dialog.isVisible() and dialog.guard.asked == 0

    dialog = ready(qtbot, make(qtbot, session))
    active(qtbot, dialog)
    qtbot.keyClicks(dialog.title_edit, "Petrov")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.guard.question is not None)
    question = dialog.guard.question
    assert question.defaultButton().objectName() == "keep_editing"
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # the question's Escape: keep editing
    qtbot.waitUntil(lambda: dialog.guard.question is None)
    assert dialog.isVisible() and dialog.title_edit.text() == "Petrov"
    # Cancel asks too; Discard closes
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.guard.question is not None)
    qtbot.mouseClick(
        dialog.guard.question.findChild(QPushButton, "discard"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == 0 and count(sim_control, "object_add") == 0


def test_escape_first_closes_the_tags_completer(qtbot, session):
    dialog = make(qtbot, session, tags=["Moscow", "Route 12", "urgent"])
    active(qtbot, dialog)
    qtbot.keyClicks(dialog.tags_edit, "Rou")
    popup = dialog.tags_edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert dialog.isVisible() and dialog.guard.asked == 0


def test_the_window_close_button_asks_too(qtbot, session):
    dialog = make(qtbot, session)
    qtbot.keyClicks(dialog.title_edit, "Petrov")
    dialog.close()  # as the title bar's ✕ does
    qtbot.waitUntil(lambda: dialog.guard.question is not None)
    assert dialog.isVisible()
    qtbot.mouseClick(
        dialog.guard.question.findChild(QPushButton, "keep_editing"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.guard.question is None)
    assert dialog.isVisible() and dialog.title_edit.text() == "Petrov"


def test_edit_enter_saves_nothing_ctrl_enter_saves_without_a_question(
    qtbot, sim, session, sim_control, run_async
):
    row = row_for(session, run_async, pick_phone(sim))
    dialog = ready(qtbot, make(qtbot, session, row=row))
    active(qtbot, dialog)
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Renamed by keyboard")
    sim_control.reset_requests()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and count(sim_control, "object_edit") == 0
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.confirmation.box is None  # an edit charges nothing new: no question
    wait_idle(qtbot, dialog)
    assert count(sim_control, "object_edit") == 1
    assert session.engine.fleet.get(row.phone).title == "Renamed by keyboard"


def test_pasted_coordinates_put_the_point_in_the_table(qtbot, session):
    """(the route's own cells keep their Enter: it finishes the coordinates cell)"""
    dialog = make(qtbot, session)
    active(qtbot, dialog)
    dialog.show_page("route")
    route = dialog.route_editor
    route.add_point(55.0, 37.0, "A")
    route.table.setFocus()
    route.table.edit(route.model.index(0, COORDS))
    cell = QApplication.focusWidget()
    cell.selectAll()
    type_text(cell, "56.5, 38.5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: route.model.rows[0].lat == 56.5)
    assert route.model.index(0, NAME).data() == "A" and dialog.isVisible()

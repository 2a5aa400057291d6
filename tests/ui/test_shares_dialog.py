"""Client links against the simulator, driven through the dialogs with qtbot: the whole
life of a link from the main window (create for two selected subscribers, copy, open,
delete after a confirmation), loading and empty states, expired links, input checks,
API refusals next to their field, one share_add per double click, failures in the dialog.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QMessageBox, QPushButton

from movizor_desktop.api.encoding import MSK
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui.features.client_links.dialog import SharesDialog
from movizor_desktop.ui.features.client_links.table import (
    CLIENT,
    EXPIRES,
    OBJECTS,
    REQUESTS,
    STATE,
)
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_START
from tests.kits.subscribers import calls, count, type_text


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices.openUrl would give the browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture(autouse=True)
def no_seeded_links(request, sim) -> None:
    """The seeded world has two links; most tests start without any."""
    if "seeded" not in request.node.name:
        sim.world.shares.clear()


def phones_with(sim, status: str, n: int) -> list[str]:
    phones = [s.phone for s in sim.world.subs.values() if s.status == status]
    assert len(phones) >= n
    return phones[:n]


def rows_for(sim, phones: list[str]) -> list[FleetRow]:
    subs = sim.world.subs
    return [FleetRow(p, status=subs[p].status, title=subs[p].title) for p in phones]


def open_dialog(qtbot, session: Session, rows=(), **kw) -> SharesDialog:
    dialog = SharesDialog(session, rows, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loaded or dialog._failed, timeout=10000)
    return dialog


def cell(dialog: SharesDialog, row: int, column: int) -> str:
    return dialog.proxy.index(row, column).data() or ""


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def double_click(qtbot, widget) -> None:
    """What a real double click delivers: press, release, double-click press, release
    (QTest.mouseDClick alone sends only the two presses)."""
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(widget, left)
    qtbot.mouseRelease(widget, left)
    qtbot.mouseDClick(widget, left)
    qtbot.mouseRelease(widget, left)


def answer_box(qtbot, dialog: SharesDialog, *, confirm: bool) -> None:
    qtbot.waitUntil(
        lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible(), timeout=5000
    )
    box = dialog.confirm_box
    assert box is not None
    if confirm:
        button = box.findChild(QPushButton, "confirm")
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- the whole life of a link, from the main window ------------------------------------------


def test_share_link_lifecycle_from_the_window(qtbot, window: MainWindow, sim, sim_control) -> None:
    access = window.features["client_links"]
    assert not access.share_action.isEnabled()  # nothing selected yet
    assert access.links_action in window.tools_menu.actions()
    assert access.share_action in window.subscriber_menu.actions()
    chosen = phones_with(sim, "ok", 2)
    assert window.subscribers.select_phones(chosen)
    assert access.share_action.isEnabled()
    access.share_action.trigger()
    dialog = access.dialog
    assert dialog is not None and dialog.form is not None
    form = dialog.form
    qtbot.waitUntil(form.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: dialog._loaded, timeout=10000)
    assert "There are no client links yet" in dialog.placeholder.text()
    type_text(form.client_edit, "ООО «Ромашка»")
    qtbot.keyClicks(form.email_edit, "cargo@romashka.ru")
    qtbot.keyClicks(form.comments_edit, "trip 12345")
    qtbot.keyClicks(form.limit_edit, "5")
    form.dateoff_check.setChecked(True)  # default: a week from now
    until = form.dateoff()
    assert until is not None
    sim_control.reset_requests()
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1 and not dialog.loading, timeout=10000)
    assert not shiboken6.isValid(form)  # closed and deleted
    (sent,) = calls(sim_control, "share_add")
    assert "5" in str(sent)
    assert cell(dialog, 0, CLIENT) == "ООО «Ромашка»"
    assert cell(dialog, 0, OBJECTS) == "2"
    assert cell(dialog, 0, REQUESTS) == "0 of 5"
    assert cell(dialog, 0, EXPIRES) == until.strftime("%d.%m.%Y %H:%M") + " MSK"
    assert cell(dialog, 0, STATE) == "Active"
    (share,) = sim.world.shares.values()
    assert sorted(share.phones) == sorted(chosen) and share.email == "cargo@romashka.ru"
    assert dialog.current_key() == share.key  # the new link is selected
    assert "Link created; subscribers shown: 2." in dialog.info.text()

    click(qtbot, dialog.copy_button)
    url = f"https://movizor.ru/share/{share.key}"
    assert QGuiApplication.clipboard().text() == url
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "handle")
    try:
        click(qtbot, dialog.open_button)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [url]

    click(qtbot, dialog.delete_button)
    assert not dialog.delete_button.isEnabled()  # no second delete while asking
    answer_box(qtbot, dialog, confirm=False)
    qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=5000)
    assert count(sim_control, "share_delete") == 0 and len(sim.world.shares) == 1
    click(qtbot, dialog.delete_button)
    answer_box(qtbot, dialog, confirm=True)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 0 and not dialog.busy, timeout=10000)
    assert count(sim_control, "share_delete") == 1
    assert sim.world.shares == {}
    assert dialog.stack.currentWidget() is dialog.placeholder
    assert "was deleted" in dialog.info.text()

    # A profile switch closes the dialogs of the old session.
    session = window.session
    window.set_session(None)
    qtbot.waitUntil(lambda: access.dialog is None, timeout=5000)
    assert not access.links_action.isEnabled() and not access.share_action.isEnabled()
    window.set_session(session)
    assert access.links_action.isEnabled()


# --- states -------------------------------------------------------------------------------------


def test_loading_then_empty_state(qtbot, session: Session, sim_control) -> None:
    sim_control.add_fault("latency", "share_list", latency=0.6)
    dialog = SharesDialog(session, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.loading
    assert dialog.placeholder.text() == "Loading client links…"
    assert dialog.stack.currentWidget() is dialog.placeholder
    assert not dialog.refresh_button.isEnabled()
    assert not dialog.new_button.isEnabled()  # nothing selected in the window
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert "There are no client links yet" in dialog.placeholder.text()
    assert dialog.refresh_button.isEnabled()


def test_seeded_links_are_listed_with_their_figures(qtbot, session: Session) -> None:
    dialog = open_dialog(qtbot, session, now=lambda: SIM_START)
    assert dialog.proxy.rowCount() == 2
    assert dialog.stack.currentWidget() is dialog.table
    dialog.table.sortByColumn(CLIENT, Qt.SortOrder.DescendingOrder)
    assert cell(dialog, 0, CLIENT) == 'ООО "Ромашка & Ко"'
    assert cell(dialog, 0, OBJECTS) == "3"
    assert cell(dialog, 0, REQUESTS) == "2 of 10"
    assert cell(dialog, 0, EXPIRES) == "27.11.2026 18:00 MSK"
    assert cell(dialog, 1, CLIENT) == "(no name)"
    assert cell(dialog, 1, REQUESTS) == "0 (no limit)"
    assert {cell(dialog, r, STATE) for r in range(2)} == {"Active"}
    assert not dialog.copy_button.isEnabled()  # nothing selected yet
    dialog.table.selectRow(1)
    assert dialog.copy_button.isEnabled() and dialog.delete_button.isEnabled()


def test_load_failure_is_shown_in_the_dialog(qtbot, session: Session, sim_control) -> None:
    sim_control.add_fault("http_503", "share_list", count=None)
    dialog = open_dialog(qtbot, session)
    assert dialog.banner.isVisible()
    assert "could not be loaded" in dialog.banner.text()
    assert dialog.placeholder.text() == "The links could not be loaded."
    sim_control.clear_faults()
    click(qtbot, dialog.refresh_button)
    qtbot.waitUntil(lambda: dialog._loaded, timeout=10000)
    assert not dialog.banner.isVisible()


def test_expired_links_are_marked_and_sort_together(
    qtbot, session: Session, sim, run_async
) -> None:
    phones = phones_with(sim, "ok", 3)
    start = SIM_START.astimezone(MSK)
    client = session.client
    soon = run_async(
        client.share_add(phones[:1], client="Soon", dateoff=start + timedelta(hours=1))
    )
    never = run_async(client.share_add(phones[1:2], client="Never"))
    later = run_async(
        client.share_add(phones[2:], client="Later", dateoff=start + timedelta(days=3))
    )
    dialog = open_dialog(qtbot, session, now=lambda: SIM_START + timedelta(hours=2))
    assert dialog.expired_keys() == [soon.key]
    dialog.table.sortByColumn(STATE, Qt.SortOrder.AscendingOrder)
    keys = [dialog.key_at(r) for r in range(3)]
    assert keys[0] == soon.key and set(keys[1:]) == {never.key, later.key}
    assert cell(dialog, 0, STATE) == "Expired"
    tip = dialog.proxy.index(0, STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Access through this link ended at 26.11.2026 13:00 MSK."
    assert (
        dialog.proxy.index(0, STATE).data(Qt.ItemDataRole.ForegroundRole).color().name()
        == "#b3261e"
    )
    dialog.table.sortByColumn(STATE, Qt.SortOrder.DescendingOrder)
    assert dialog.key_at(2) == soon.key
    dialog.table.sortByColumn(EXPIRES, Qt.SortOrder.AscendingOrder)
    assert [dialog.key_at(r) for r in range(3)] == [soon.key, later.key, never.key]
    texts = {cell(dialog, r, CLIENT): cell(dialog, r, EXPIRES) for r in range(3)}
    assert texts["Never"] == "until deleted"
    assert texts["Later"] == "29.11.2026 12:00 MSK"


# --- the form --------------------------------------------------------------------------------


def new_form(qtbot, session: Session, sim, phones: list[str]):
    dialog = open_dialog(qtbot, session, rows_for(sim, phones))
    assert dialog.new_button.text() == f"&New link for the selected ({len(phones)})…"
    click(qtbot, dialog.new_button)
    form = dialog.form
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=5000)
    return dialog, form


def test_bad_input_is_refused_next_to_its_field(qtbot, session: Session, sim, sim_control) -> None:
    dialog, form = new_form(qtbot, session, sim, phones_with(sim, "ok", 1))
    qtbot.keyClicks(form.email_edit, "cargo@romashka.ru manager@")
    qtbot.keyClicks(form.limit_edit, "-3")
    form.dateoff_check.setChecked(True)
    form.set_dateoff(SIM_START - timedelta(days=1))  # in the past
    sim_control.reset_requests()
    click(qtbot, form.create_button)
    assert form.errors["email"].isVisible()
    assert form.errors["email"].text() == "“manager@” is not an e-mail address."
    assert form.errors["req_limit"].isVisible()
    assert form.errors["dateoff"].text() == "The end of access must be in the future."
    assert not form.errors["phones"].isVisible()
    assert count(sim_control, "share_add") == 0
    assert form.isVisible() and form.email_edit.text() == "cargo@romashka.ru manager@"
    # Fixed input goes through; "0" means no limit and is not sent.
    form.email_edit.setText("cargo@romashka.ru manager@romashka.ru")
    form.limit_edit.setText("0")
    form.dateoff_check.setChecked(False)
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1, timeout=10000)
    (sent,) = calls(sim_control, "share_add")
    assert "req_limit" not in str(sent)
    assert cell(dialog, 0, REQUESTS) == "0 (no limit)"
    (share,) = sim.world.shares.values()
    assert share.email == "cargo@romashka.ru manager@romashka.ru"


def test_the_access_end_check_box_is_the_label_of_its_row(qtbot, session: Session, sim) -> None:
    _dialog, form = new_form(qtbot, session, sim, phones_with(sim, "ok", 1))
    field = form.dateoff_edit.parentWidget().parentWidget()  # the date row in its column
    layout = form.findChild(QFormLayout)
    assert layout.labelForField(field) is form.dateoff_check
    assert form.dateoff_check.text() == "&Access until"
    assert not form.dateoff_check.isChecked() and not form.dateoff_edit.isEnabled()
    click(qtbot, form.dateoff_check)
    assert form.dateoff_check.isChecked() and form.dateoff_edit.isEnabled()
    assert form.dateoff() is not None


def test_api_refusal_lands_under_the_subscribers_and_keeps_the_input(
    qtbot, session: Session, sim, sim_control
) -> None:
    idle = phones_with(sim, "off", 1) + phones_with(sim, "rejected", 1)
    _dialog, form = new_form(qtbot, session, sim, idle)
    assert "tracked now: 0 of 2 chosen." in form.phones_note.text()
    qtbot.keyClicks(form.client_edit, "Romashka")
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)
    assert form.isVisible()
    assert form.errors["phones"].isVisible()
    assert form.errors["phones"].text() == (
        "None of the chosen subscribers is active, so there is nothing to share."
    )
    assert form.client_edit.text() == "Romashka"
    assert form.create_button.isEnabled()
    assert sim.world.shares == {}


def test_temporary_refusal_goes_to_the_banner_and_a_retry_works(
    qtbot, session: Session, sim, sim_control
) -> None:
    dialog, form = new_form(qtbot, session, sim, phones_with(sim, "ok", 2))
    sim_control.inject_error("share_add", "3")
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: form.banner.isVisible(), timeout=10000)
    assert form.banner.text() == "The link could not be created this time; please try again."
    assert form.isVisible()
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1, timeout=10000)
    assert cell(dialog, 0, OBJECTS) == "2"


def test_double_click_on_create_sends_one_share_add(
    qtbot, session: Session, sim, sim_control
) -> None:
    dialog, form = new_form(qtbot, session, sim, phones_with(sim, "ok", 2))
    sim_control.add_fault("latency", "share_add", latency=0.4)
    sim_control.reset_requests()
    double_click(qtbot, form.create_button)
    assert form.busy and not form.create_button.isEnabled()
    assert not form.cancel_button.isEnabled()
    form.submit()  # Enter pressed meanwhile
    form.reject()  # Escape meanwhile: the form stays until the answer is in
    assert form.isVisible()
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1, timeout=10000)
    assert count(sim_control, "share_add") == 1
    assert len(sim.world.shares) == 1


def test_a_closing_session_leaves_the_form_closable(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    _dialog, form = new_form(qtbot, session, sim, phones_with(sim, "ok", 1))
    sim_control.add_fault("latency", "share_add", latency=2.0)
    click(qtbot, form.create_button)
    assert form.busy
    run_async(session.tasks.aclose())  # what a profile switch does
    assert not form.busy and form.cancel_button.isEnabled()
    form.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(form), timeout=5000)


def test_failed_delete_is_reported_in_the_dialog(
    qtbot, session: Session, sim, sim_control, run_async
) -> None:
    created = run_async(session.client.share_add(phones_with(sim, "ok", 1), client="X"))
    dialog = open_dialog(qtbot, session)
    assert dialog.select_key(created.key)
    sim_control.inject_error("share_delete", "1")
    click(qtbot, dialog.delete_button)
    answer_box(qtbot, dialog, confirm=True)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10000)
    assert dialog.banner.text() == (
        "The link could not be deleted: This link was not found or is already deleted."
    )
    assert dialog.delete_button.isEnabled()
    assert dialog.proxy.rowCount() == 1

"""The same safe keys in every other dialog that changes Movizor or holds typed work (the
add/edit dialog's own are in test_dialog_keys.py): a client link, an alert subscription
and a bulk add have no default button, so Enter in a field sends nothing, and Ctrl+Enter
does what the button does; in those and in Preferences and the connection settings an
Escape with something typed asks first, and an untouched dialog closes at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from movizor_desktop.fleet import FleetRow
from movizor_desktop.store import AppPaths, AppSettings, ProfileStore, SecretStore
from movizor_desktop.ui.dialogs import ConnectionDialog
from movizor_desktop.ui.features.alert_subscriptions.dialog import AlertSubscriptionsDialog
from movizor_desktop.ui.features.client_links.dialog import SharesDialog
from movizor_desktop.ui.features.preferences.dialog import PreferencesDialog
from tests.kits.subscribers import click, count, make, pick_phone, ready


def defaults(dialog) -> list[str]:
    return [
        b.objectName() or b.text()
        for b in dialog.findChildren(QPushButton)
        if b.isDefault() or b.autoDefault()
    ]


def enter(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def ctrl_enter(qtbot, widget) -> None:
    """Ctrl+Enter is a shortcut of the dialog: its window must be the active one."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=3000)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def escape_asks(qtbot, dialog, field, text: str) -> None:
    """Escape in a clean ``dialog`` would close it; with ``text`` typed into ``field`` it
    asks, and "Keep editing" (the question's own Escape) keeps all of it."""
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.guard.question is not None)
    question = dialog.guard.question
    assert question.defaultButton().objectName() == "keep_editing"
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.guard.question is None)
    assert dialog.isVisible() and text in field.text()


def fleet(sim, status: str = "ok", n: int = 1) -> list[FleetRow]:
    subs = [s for s in sim.world.subs.values() if s.status == status][:n]
    return [FleetRow(s.phone, status=s.status, title=s.title) for s in subs]


def test_a_client_link_is_created_by_a_click_or_ctrl_enter_never_by_enter(
    qtbot, session, sim, sim_control
):
    shares = SharesDialog(session, fleet(sim))
    qtbot.addWidget(shares)
    shares.show()
    qtbot.waitUntil(lambda: shares._loaded, timeout=10000)
    click(qtbot, shares.new_button)
    form = shares.form
    qtbot.waitUntil(form.isVisible, timeout=5000)
    assert defaults(form) == []
    sim_control.reset_requests()
    qtbot.keyClicks(form.client_edit, "Romashka LLC")
    for field in (form.client_edit, form.email_edit, form.limit_edit):
        enter(qtbot, field)
        assert not form.busy  # a send starts (busy) in the key's own handler: none did
    assert form.isVisible() and count(sim_control, "share_add") == 0
    escape_asks(qtbot, form, form.email_edit, "cargo@romashka.ru")
    ctrl_enter(qtbot, form.limit_edit)
    qtbot.waitUntil(lambda: count(sim_control, "share_add") == 1, timeout=10000)


def test_an_alert_subscription_is_added_by_ctrl_enter_and_escape_asks(
    qtbot, session, sim, sim_control
):
    sim.world.subscriptions.clear()
    alerts = AlertSubscriptionsDialog(session, fleet(sim))
    qtbot.addWidget(alerts)
    alerts.show()
    qtbot.waitUntil(lambda: alerts._loaded, timeout=10000)
    click(qtbot, alerts.add_button)
    form = alerts.form
    qtbot.waitUntil(form.isVisible, timeout=5000)
    assert defaults(form) == []
    sim_control.reset_requests()
    escape_asks(qtbot, form, form.recipient_edit, "cargo@romashka.ru")
    enter(qtbot, form.recipient_edit)
    assert not form.busy  # a send starts (busy) in the key's own handler: none did
    assert form.isVisible() and count(sim_control, "events_subscribe_add") == 0
    ctrl_enter(qtbot, form.recipient_edit)
    qtbot.waitUntil(lambda: count(sim_control, "events_subscribe_add") == 1, timeout=10000)


def test_a_bulk_add_starts_by_a_click_or_ctrl_enter_only(qtbot, session, sim, sim_control):
    dialog = ready(qtbot, make(qtbot, session))
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(f"+7 921 555-44-33\n8 916 555 44 34\n{pick_phone(sim)}")
    dialog.phone_edit.setFocus()
    dialog.phone_edit.paste()
    qtbot.waitUntil(dialog.main.bulk_button.isVisible)
    click(qtbot, dialog.main.bulk_button)
    bulk = dialog.bulk_dialog
    qtbot.waitUntil(bulk.isVisible)
    assert defaults(bulk) == []
    sim_control.reset_requests()
    enter(qtbot, bulk.tree)
    assert not bulk.running  # the adds start (running) in the key's own handler: none did
    assert bulk.isVisible() and count(sim_control, "object_add") == 0
    qtbot.keyClick(bulk.tree, Qt.Key.Key_Escape)  # nothing typed in it: closes at once
    qtbot.waitUntil(lambda: not bulk.isVisible())
    assert bulk.guard.asked == 0 and dialog.isVisible()
    click(qtbot, dialog.main.bulk_button)
    bulk = dialog.bulk_dialog
    qtbot.waitUntil(bulk.isVisible)
    ctrl_enter(qtbot, bulk.tree)
    qtbot.waitUntil(lambda: count(sim_control, "object_add") >= 1, timeout=10000)


def test_preferences_ask_before_an_edit_is_lost_and_close_untouched(qtbot):
    dialog = PreferencesDialog(AppSettings(), paths=AppPaths())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    escape_asks(qtbot, dialog, dialog.tile_edit, "https://tiles.example/{z}/{x}/{y}.png")
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # Cancel asks too
    qtbot.waitUntil(lambda: dialog.guard.question is not None)
    qtbot.mouseClick(
        dialog.guard.question.findChild(QPushButton, "discard"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
    untouched = PreferencesDialog(AppSettings(), paths=AppPaths())
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.waitUntil(untouched.isVisible)
    qtbot.keyClick(untouched.tile_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not untouched.isVisible())
    assert untouched.guard.asked == 0


def test_the_connection_settings_ask_before_a_typed_address_is_lost(qtbot):
    dialog = ConnectionDialog(ProfileStore(AppPaths()), SecretStore())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    escape_asks(qtbot, dialog, dialog.project_edit, "fleet-2")
    assert dialog.guard.asked == 1

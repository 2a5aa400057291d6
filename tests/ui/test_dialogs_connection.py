"""ConnectionDialog against the simulator: check, errors next to fields, keyring, profiles."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from movizor_desktop.store import (
    AppPaths,
    KeyStorage,
    Profile,
    ProfileStore,
    SecretStore,
    forget_session_keys,
)
from movizor_desktop.ui.dialogs import ConnectionDialog
from tests.conftest import SIM_KEY


@pytest.fixture(autouse=True)
def _no_session_keys():
    forget_session_keys()
    yield
    forget_session_keys()


@pytest.fixture
def store(app_home) -> ProfileStore:
    return ProfileStore(AppPaths())


def make_dialog(qtbot, store: ProfileStore, **kw) -> ConnectionDialog:
    dialog = ConnectionDialog(store, SecretStore(), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(
    qtbot,
    dialog: ConnectionDialog,
    *,
    url: str,
    project: str = "demo",
    key: str = SIM_KEY,
    name: str = "",
) -> None:
    for edit, text in (
        (dialog.url_edit, url),
        (dialog.project_edit, project),
        (dialog.key_edit.edit, key),
        (dialog.name_edit, name),
    ):
        edit.clear()
        if text:
            qtbot.keyClicks(edit, text)


def check(qtbot, dialog: ConnectionDialog) -> None:
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert not dialog.check_button.isEnabled() or not dialog.checking
    qtbot.waitUntil(lambda: not dialog.checking, timeout=15000)


def test_first_start_check_shows_the_balance(qtbot, qloop, store, sim, sim_control):
    dialog = make_dialog(qtbot, store)
    assert dialog.intro.isVisible() and not dialog.profiles_pane.isVisible()
    assert dialog.url_edit.text() == "https://movizor.ru/api/"
    assert dialog.key_edit.edit.echoMode() == dialog.key_edit.edit.EchoMode.Password
    fill(qtbot, dialog, url=sim.base_url)
    sim_control.reset_requests()
    check(qtbot, dialog)
    assert dialog.check_button.isEnabled()
    assert "Balance" in dialog.check_result.text()
    assert "₽" in dialog.check_result.text()
    assert dialog.field_error("key") == "" and dialog.field_error("base_url") == ""
    assert sim_control.requests()["by_function"] == {"balance": 1}


def test_bad_key_is_reported_next_to_the_key_after_one_request(
    qtbot, qloop, store, sim, sim_control
):
    dialog = make_dialog(qtbot, store)
    fill(qtbot, dialog, url=sim.base_url, key="wrong-key")
    sim_control.reset_requests()
    check(qtbot, dialog)
    assert "API key" in dialog.field_error("key")
    assert dialog.field_error("base_url") == ""
    assert sim_control.requests()["total"] == 1
    # everything typed is still there
    assert dialog.key_edit.text() == "wrong-key"
    assert dialog.project_edit.text() == "demo"
    assert dialog.url_edit.text() == sim.base_url
    # checking the same refused key again sends nothing (Movizor locks after five)
    check(qtbot, dialog)
    assert dialog.field_error("key")
    assert sim_control.requests()["total"] == 1
    # editing the key clears the message
    qtbot.keyClicks(dialog.key_edit.edit, "x")
    assert dialog.field_error("key") == ""


def test_unreachable_server_is_reported_next_to_the_address(qtbot, qloop, store):
    dialog = make_dialog(qtbot, store)
    fill(qtbot, dialog, url="http://127.0.0.1:9/api/")
    check(qtbot, dialog)
    assert dialog.field_error("base_url")
    assert dialog.field_error("key") == ""


def test_inline_validation(qtbot, qloop, store):
    store.save(Profile("Main", project="acme"))
    dialog = make_dialog(qtbot, store)
    dialog.add_profile()
    fill(qtbot, dialog, url="movizor.ru/api", project="a/b", key="", name="Main")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "http://" in dialog.field_error("base_url")
    assert "/" in dialog.field_error("project")
    assert "already exists" in dialog.field_error("name")
    assert dialog.field_error("key") == "Enter the API key."
    assert [p.name for p in store.list()] == ["Main"]


def test_save_puts_the_key_in_the_keyring_only(
    qtbot, qloop, store, sim, memory_keyring, app_home: Path
):
    dialog = make_dialog(qtbot, store)
    secret = "s3cret-key-7f1c9"
    fill(qtbot, dialog, url=sim.base_url, project="demo", key=secret, name="Main")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ProfileStore(AppPaths()).get("Main") == Profile("Main", sim.base_url, "demo", "POST")
    assert memory_keyring.store == {(SecretStore.SERVICE, "Main"): secret}
    assert dialog.chosen_storage == KeyStorage.KEYRING
    assert "system password storage" in dialog.storage_note.text()
    assert dialog.profiles_pane.isVisible()
    for path in app_home.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    # the key is never shown back: the field is empty and says it is saved
    assert dialog.key_edit.text() == ""
    assert "leave empty" in dialog.key_edit.edit.placeholderText()


def test_without_a_keyring_the_key_is_kept_for_this_session_only(
    qtbot, qloop, store, sim, app_home: Path
):
    keyring.set_keyring(fail.Keyring())  # memory_keyring restores the previous one
    dialog = make_dialog(qtbot, store)
    assert "session only" in dialog.storage_note.text()
    secret = "session-only-key-42"
    fill(qtbot, dialog, url=sim.base_url, key=secret, name="Main")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted
    assert dialog.chosen_storage == KeyStorage.SESSION
    assert dialog.chosen_key == secret
    assert "session only" in dialog.storage_note.text()
    assert SecretStore().get_key("Main") == secret
    for path in app_home.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_connect_chooses_the_selected_profile_and_remembers_it(qtbot, qloop, store, sim):
    secrets = SecretStore()
    for name in ("A", "B"):
        store.save(Profile(name, base_url=sim.base_url, project="demo"))
        secrets.set_key(name, SIM_KEY)
    dialog = make_dialog(qtbot, store, current="A")
    assert dialog.profile_list.count() == 2
    assert "(in use)" in dialog.profile_list.item(0).text()
    dialog.profile_list.setCurrentRow(1)
    assert dialog.name_edit.text() == "B"
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen is not None and dialog.chosen.name == "B"
    assert dialog.chosen_key == SIM_KEY
    assert store.active == "B"
    assert dialog.key_changed == set()


def test_rename_moves_the_key_and_delete_asks_first(qtbot, qloop, store, sim, memory_keyring):
    secrets = SecretStore()
    for name in ("A", "B"):
        store.save(Profile(name, base_url=sim.base_url, project="demo"))
        secrets.set_key(name, f"key-{name}")
    dialog = make_dialog(qtbot, store, current="A", select="B")
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "C")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in store.list()] == ["A", "C"]
    assert dialog.renamed == {"B": "C"}
    assert secrets.get_key("C") == "key-B" and secrets.get_key("B") is None
    # the profile in use cannot be deleted
    dialog.profile_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "in use" in dialog.banner.text()
    assert dialog._delete_box is None
    # another one can, after a question
    dialog.profile_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = dialog._delete_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [p.name for p in store.list()] == ["A"]
    assert secrets.get_key("C") is None
    assert dialog.deleted == {"C"}


def test_a_new_key_is_reported_as_changed(qtbot, qloop, store, sim):
    SecretStore().set_key("A", "old-key")
    store.save(Profile("A", base_url=sim.base_url, project="demo"))
    dialog = make_dialog(qtbot, store, current="A", key_error="The key was refused.")
    assert dialog.field_error("key") == "The key was refused."
    qtbot.keyClicks(dialog.key_edit.edit, SIM_KEY)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.key_changed == {"A"}
    assert dialog.chosen_key == SIM_KEY


def test_show_toggle_reveals_the_key(qtbot, qloop, store):
    dialog = make_dialog(qtbot, store)
    qtbot.keyClicks(dialog.key_edit.edit, "abc")
    qtbot.mouseClick(dialog.key_edit.toggle, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.edit.echoMode() == dialog.key_edit.edit.EchoMode.Normal
    qtbot.mouseClick(dialog.key_edit.toggle, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.edit.echoMode() == dialog.key_edit.edit.EchoMode.Password

"""File → Preferences… in a real main window against the simulator: validation next to the
field, saving to settings.json, live application (status bar, sync engine, map, the app
controller's shared settings), a failed save, Restore defaults and the language."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.app import AppController
from movizor_desktop.store import AppPaths, AppSettings, Profile, load_settings
from movizor_desktop.store.settings import FILE_NAME, OSM_ATTRIBUTION, OSM_TILE_URL
from movizor_desktop.ui.features.preferences.dialog import MINUTES, SECONDS, PreferencesDialog
from movizor_desktop.ui.i18n import pick_language
from movizor_desktop.ui.main_window import MainWindow
from tests.conftest import SIM_KEY
from tests.kits.map import offline_tiles, state, wait_ready
from tests.kits.windows import attach_map, new_session

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


@pytest.fixture
def window(qtbot, qloop, sim, run_async):
    """A window showing a session that is not started (the dialogs need no rows)."""
    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.show()
    session = new_session(sim)
    window.set_session(session)
    yield window
    run_async(session.aclose())


def open_prefs(qtbot, window: MainWindow) -> PreferencesDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)  # Ctrl+,
    dialog = window.features["preferences"].dialog
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def click_save(qtbot, dialog: PreferencesDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def settings_file() -> Path:
    return AppPaths().config_dir / FILE_NAME


def test_menu_entry_and_roles(window):
    action = window.features["preferences"].action
    assert action in window.file_menu.actions()
    file_actions = window.file_menu.actions()
    assert (
        file_actions.index(action)
        == file_actions.index(window.window_actions.connection_settings) + 1
    )
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    assert window.window_actions.connection_settings.menuRole() != QAction.MenuRole.PreferencesRole
    assert "Ctrl+," in [s.toString() for s in action.shortcuts()]
    assert action.text() == "&Preferences…"


def test_bad_tile_url_shows_the_error_and_saves_nothing(qtbot, window):
    dialog = open_prefs(qtbot, window)
    error = dialog.errors["tile_url"]
    retype(qtbot, dialog.tile_edit, "ftp://tiles.example.org/{z}/{x}/{y}.png")
    click_save(qtbot, dialog)
    assert error.isVisible() and "http://" in error.text()
    assert dialog.isVisible() and not settings_file().exists()

    retype(qtbot, dialog.tile_edit, "https://tiles.example.org/{z}/{x}.png")
    assert not error.isVisible()  # typing clears the old message
    qtbot.keyClick(dialog.tile_edit, Qt.Key.Key_Tab)  # leaving the field checks it
    assert error.isVisible() and "{y}" in error.text()

    retype(qtbot, dialog.tile_edit, TILES)
    dialog.attribution_edit.clear()
    click_save(qtbot, dialog)
    assert not error.isVisible()
    assert dialog.errors["tile_attribution"].isVisible()  # another server needs its credit
    assert dialog.isVisible() and not settings_file().exists()
    assert window.settings.tile_url == OSM_TILE_URL


def test_valid_values_are_saved_and_applied(qtbot, window):
    session = window.session
    session.start()
    qtbot.waitUntil(lambda: window.statusbar._balance is not None, timeout=15000)
    balance = window.statusbar._balance.balance
    assert not window.statusbar.balance_label.property("low")
    shared = window.settings
    dialog = open_prefs(qtbot, window)
    dialog.interval_unit.setCurrentIndex(dialog.interval_unit.findData(MINUTES))
    retype(qtbot, dialog.interval_spin.lineEdit(), "5")
    threshold = int(balance) + 1000
    retype(qtbot, dialog.balance_spin.lineEdit(), str(threshold))
    retype(qtbot, dialog.tile_edit, TILES)
    retype(qtbot, dialog.attribution_edit, "© Example tiles")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)

    saved = load_settings(AppPaths())
    assert saved == AppSettings(
        language="",
        sync_interval=300,
        low_balance=Decimal(threshold),
        tile_url=TILES,
        tile_attribution="© Example tiles",
    )
    assert window.settings is shared and shared == saved  # updated in place
    assert window.statusbar.low_balance == threshold
    assert window.statusbar.balance_label.property("low")
    assert session.engine.interval == 300.0
    assert session.engine.policy().interval >= 300.0  # the next cycle's wait
    assert window.features["preferences"].dialog is None
    assert window.statusbar.message() == "Preferences saved."


def test_a_shorter_interval_wakes_the_engine(qtbot, window):
    engine = window.session.engine
    assert engine.interval == 60.0
    dialog = open_prefs(qtbot, window)
    assert dialog.interval_unit.currentData() == MINUTES and dialog.interval_spin.value() == 1
    dialog.interval_unit.setCurrentIndex(dialog.interval_unit.findData(SECONDS))
    assert dialog.interval_spin.value() == 60  # the unit converts the value
    retype(qtbot, dialog.interval_spin.lineEdit(), "20")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert engine.interval == 20.0 and engine._wake.is_set()
    assert load_settings(AppPaths()).sync_interval == 20


def test_failed_save_keeps_the_dialog_and_the_input(qtbot, window):
    blocker = settings_file()  # a directory where the file goes: even root cannot write
    blocker.mkdir(parents=True)
    (blocker / "keep").write_text("x")
    dialog = open_prefs(qtbot, window)
    retype(qtbot, dialog.tile_edit, TILES)
    retype(qtbot, dialog.attribution_edit, "© Example")
    dialog.balance_spin.setValue(1234.5)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=5000)
    assert dialog.isVisible() and not dialog.busy and dialog.save_button.isEnabled()
    assert "could not be saved" in dialog.banner.text()
    assert dialog.tile_edit.text() == TILES
    assert dialog.attribution_edit.text() == "© Example"
    assert dialog.balance_spin.value() == 1234.5
    assert window.settings == AppSettings()  # nothing applied
    assert window.statusbar.low_balance == Decimal(300)

    shutil.rmtree(blocker)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert load_settings(AppPaths()).low_balance == Decimal("1234.50")
    assert window.statusbar.low_balance == Decimal("1234.50")


def test_restore_defaults(qtbot, qloop, run_async, sim):
    custom = AppSettings(
        language="en",
        sync_interval=45,
        low_balance=Decimal(50),
        tile_url=TILES,
        tile_attribution="© Example",
    )
    window = MainWindow(custom, lang="en")
    qtbot.addWidget(window)
    window.show()
    dialog = open_prefs(qtbot, window)
    assert dialog.interval_unit.currentData() == SECONDS and dialog.interval_spin.value() == 45
    assert dialog.tile_edit.text() == TILES
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.language_combo.currentData() == ""
    assert (dialog.interval_unit.currentData(), dialog.interval_spin.value()) == (MINUTES, 1)
    assert dialog.balance_spin.value() == 300.0
    assert dialog.tile_edit.text() == OSM_TILE_URL
    assert dialog.attribution_edit.text() == OSM_ATTRIBUTION
    assert not settings_file().exists()  # only Save writes
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert load_settings(AppPaths()) == AppSettings()
    assert window.settings is custom and custom == AppSettings()


def test_language_is_persisted_for_the_next_start(qtbot, window):
    dialog = open_prefs(qtbot, window)
    assert dialog.language_combo.currentData() == ""
    assert "restart" in dialog.language_note.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    stored = load_settings(AppPaths()).language
    assert stored == "ru"
    assert pick_language(None, stored) == "ru"  # what bootstrap does at the next start
    assert pick_language("en", stored) == "en"  # --lang still wins
    assert "next start" in window.statusbar.message()


def test_errors_and_money_in_russian(qtbot, qloop, russian):
    window = MainWindow(AppSettings(), lang="ru")
    qtbot.addWidget(window)
    window.show()
    dialog = open_prefs(qtbot, window)
    assert "300,00" in dialog.balance_spin.text()
    dialog.balance_spin.setValue(12345.5)
    assert "12\u00a0345,50" in dialog.balance_spin.text()
    retype(qtbot, dialog.tile_edit, "tiles.example.org/{z}/{x}/{y}.png")
    click_save(qtbot, dialog)
    error = dialog.errors["tile_url"]
    assert error.isVisible() and "http://" in error.text()
    assert any("а" <= ch <= "я" for ch in error.text().lower()), error.text()
    assert dialog.windowTitle() != "Preferences"


def test_profile_switch_keeps_the_new_values(qtbot, qloop, run_async, sim):
    settings = AppSettings()
    controller = AppController(
        AppPaths(), settings, "en", window_factory=lambda s, lang: MainWindow(s, lang=lang)
    )
    window = controller.make_window()
    qtbot.addWidget(window)
    window.show()
    dialog = open_prefs(qtbot, window)
    retype(qtbot, dialog.interval_spin.lineEdit(), "3")  # minutes
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert controller.settings.sync_interval == 180
    session = controller.new_session(
        Profile("other", base_url=sim.base_url, project="demo"), SIM_KEY, None
    )
    try:
        assert session.engine.interval == 180.0
    finally:
        run_async(session.aclose())


@pytest.fixture
def mapped(qtbot, qloop):
    """A window with its map (on a dead-end loopback tile server), ready."""
    window = MainWindow(AppSettings(tile_url=offline_tiles(), tile_attribution="x"), lang="en")
    qtbot.addWidget(window)
    link = attach_map(window)
    assert link is not None
    window.show()
    wait_ready(qtbot, link.panel)
    yield window, link
    link.shutdown()  # as the app does: the page goes before the shared web profile
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_map_switches_tiles(qtbot, mapped):
    window, link = mapped
    dialog = open_prefs(qtbot, window)
    url = offline_tiles().replace("127.0.0.1", "localhost")  # hermetic: loopback only
    retype(qtbot, dialog.tile_edit, url)
    retype(qtbot, dialog.attribution_edit, "© Local tiles")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: state(qtbot, link.panel)["tiles"] == url, timeout=5000)


def test_the_main_map_switches_to_the_offline_map_file(qtbot, mapped, tmp_path):
    from tests.kits.mbtiles import make_mbtiles

    window, link = mapped
    dialog = open_prefs(qtbot, window)
    dialog.offline_map.set_path(str(make_mbtiles(tmp_path / "region.mbtiles")))
    qtbot.waitUntil(lambda: not dialog.offline_map.checking, timeout=5000)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    qtbot.waitUntil(
        lambda: state(qtbot, link.panel)["tiles"].startswith("app://tiles/"), timeout=5000
    )
    assert link.panel.view.shared.interceptor.offline  # nothing goes to the network


def test_the_offline_map_file_is_checked_when_chosen(qtbot, window, tmp_path):
    from tests.kits.mbtiles import make_mbtiles

    window.settings.mbtiles_path = str(tmp_path / "gone.mbtiles")  # deleted since it was chosen
    dialog = open_prefs(qtbot, window)
    assert dialog.offline_map.edit.text() == str(tmp_path / "gone.mbtiles")
    error = dialog.errors["mbtiles_path"]
    qtbot.waitUntil(lambda: error.isVisibleTo(dialog), timeout=5000)
    assert "does not exist" in error.text()
    click_save(qtbot, dialog)
    assert dialog.isVisible() and not settings_file().exists()  # refused
    dialog.offline_map.set_path(str(make_mbtiles(tmp_path / "region.mbtiles")))
    qtbot.waitUntil(lambda: not dialog.offline_map.checking, timeout=5000)
    assert not error.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert load_settings(AppPaths()).mbtiles_path == str(tmp_path / "region.mbtiles")
    assert window.settings.mbtiles_path == str(tmp_path / "region.mbtiles")

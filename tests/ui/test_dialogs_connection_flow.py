"""Connection flows through AppController (app.py): first start, switching profiles
without a restart, a changed key, an unknown profile, the demo session, and shutdown
closing every client — with a stand-in main window."""

from __future__ import annotations

import asyncio

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from movizor_desktop.app import AppController
from movizor_desktop.store import (
    AppPaths,
    AppSettings,
    KeyStorage,
    Profile,
    ProfileStore,
    SecretStore,
    forget_session_keys,
)
from movizor_desktop.sync import ConnectionState
from tests.conftest import SIM_KEY


class StubWindow(QWidget):
    connection_settings_requested = Signal()

    def __init__(self, settings: AppSettings, lang: str) -> None:
        super().__init__()
        self.sessions: list = []

    def set_session(self, session) -> None:
        self.sessions.append(session)


@pytest.fixture(autouse=True)
def _no_session_keys():
    forget_session_keys()
    yield
    forget_session_keys()


@pytest.fixture
def controller(qtbot, qloop, app_home, run_async):
    # the session loop's default executor is plain threads (tests/conftest.py: qloop)
    ctl = AppController(AppPaths(), AppSettings(), "en", window_factory=StubWindow)
    yield ctl
    run_async(ctl.aclose())
    if ctl.window is not None:
        ctl.window.deleteLater()


def save_profile(controller: AppController, name: str, sim, key: str = SIM_KEY) -> Profile:
    profile = Profile(name, base_url=sim.base_url, project="demo")
    controller.store.save(profile)
    SecretStore().set_key(name, key)
    return profile


def wait_online(qtbot, session) -> None:
    qtbot.waitUntil(
        lambda: (
            session.engine.status.state == ConnectionState.ONLINE and len(session.engine.fleet) > 0
        ),
        timeout=20000,
    )


def test_first_start_asks_and_connects(qtbot, controller, sim):
    task = asyncio.ensure_future(controller.start())
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    dialog = controller.dialog
    dialog.url_edit.setText(sim.base_url)
    qtbot.keyClicks(dialog.project_edit, "demo")
    qtbot.keyClicks(dialog.key_edit.edit, SIM_KEY)
    qtbot.keyClicks(dialog.name_edit, "Main")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=10000)
    session = controller.session
    assert session is not None and session.profile.name == "Main"
    assert controller.window.sessions == [session]
    assert ProfileStore(AppPaths()).active == "Main"
    wait_online(qtbot, session)


def test_saved_profile_opens_without_asking(qtbot, controller, sim, run_async):
    save_profile(controller, "Main", sim)
    controller.store.active = "Main"
    run_async(controller.start())
    assert controller.dialog is None
    assert controller.session.profile.name == "Main"
    assert controller.session.key_storage == KeyStorage.KEYRING
    assert not controller.session.key_is_session_only
    wait_online(qtbot, controller.session)


def test_without_keyring_the_session_says_session_only(qtbot, controller, sim):
    keyring.set_keyring(fail.Keyring())
    task = asyncio.ensure_future(controller.start())
    qtbot.waitUntil(lambda: controller.dialog is not None)
    dialog = controller.dialog
    assert "session only" in dialog.storage_note.text()
    dialog.url_edit.setText(sim.base_url)
    qtbot.keyClicks(dialog.project_edit, "demo")
    qtbot.keyClicks(dialog.key_edit.edit, SIM_KEY)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=10000)
    assert controller.session.key_is_session_only


def test_switching_profiles_closes_the_old_session(qtbot, controller, sim, run_async):
    save_profile(controller, "A", sim)
    save_profile(controller, "B", sim)
    run_async(controller.start(profile="A"))
    old = controller.session
    wait_online(qtbot, old)
    task = asyncio.ensure_future(controller.edit_connections())
    qtbot.waitUntil(lambda: controller.dialog is not None)
    controller.dialog.profile_list.setCurrentRow(1)
    qtbot.mouseClick(controller.dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=10000)
    new = controller.session
    assert new is not old and new.profile.name == "B"
    assert old.closed and old.client.closed and not old.tasks
    assert controller.window.sessions == [old, new]
    wait_online(qtbot, new)


def test_a_refused_key_prompts_and_the_new_key_resumes_the_same_session(
    qtbot, controller, sim, run_async
):
    save_profile(controller, "A", sim, key="wrong-key-1")
    run_async(controller.start(profile="A"))
    session = controller.session
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=10000)
    assert session.engine.status.state == ConnectionState.AUTH_FAILED
    dialog = controller.dialog
    assert dialog.field_error("key")  # says why it opened
    qtbot.keyClicks(dialog.key_edit.edit, SIM_KEY)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert controller.session is session  # set_key, no reconnect
    assert not session.client.key_rejected
    wait_online(qtbot, session)
    assert controller.window.sessions == [session]


def test_demo_runs_on_the_embedded_simulator_and_shutdown_closes_everything(
    qtbot, controller, run_async
):
    run_async(controller.start(demo=True))
    session, simulator = controller.session, controller.simulator
    assert session.demo and session.profile.name == "Demo"
    assert simulator is not None and simulator.running
    assert ProfileStore(AppPaths()).list() == []  # nothing saved
    wait_online(qtbot, session)
    assert session.engine.interval == 15.0
    run_async(controller.aclose())
    assert session.closed and session.client.closed
    assert controller.simulator is None and not simulator.running


def test_demo_in_the_v2_dialect(qtbot, controller, run_async):
    """``movizor-desktop --demo --dialect v2``: the embedded simulator answers in the
    other reading of every disputed point, and the app copes."""
    run_async(controller.start(demo=True, dialect="v2"))
    session, simulator = controller.session, controller.simulator
    assert simulator.world.dialect.name == "v2" and session.profile.name == "Demo (v2)"
    wait_online(qtbot, session)
    balance = session.engine.status.balance
    assert balance is not None and balance.book.manual_id() == "4"
    tariffs = {row.tariff for row in session.engine.fleet.rows() if row.tariff}
    assert tariffs and tariffs <= {"4", "5", "6", "7"}
    run_async(controller.aclose())
    assert not simulator.running


def test_unknown_profile_opens_the_settings_and_says_why(qtbot, controller, sim):
    task = asyncio.ensure_future(controller.start(profile="Nope"))
    qtbot.waitUntil(lambda: controller.dialog is not None)
    assert "Nope" in controller.dialog.banner.text()
    controller.dialog.reject()
    qtbot.waitUntil(task.done)
    assert controller.session is None and controller.window.sessions == []


def test_closing_the_last_window_shuts_everything_down_before_the_loop_stops(
    qtbot, qapp, qloop, app_home, monkeypatch
):
    main_window = pytest.importorskip("movizor_desktop.ui.main_window")
    from movizor_desktop.app import amain, build_parser

    seen: dict = {}
    original = AppController.aclose

    async def spy(self) -> None:
        seen.update(session=self.session, simulator=self.simulator)
        await original(self)

    monkeypatch.setattr(AppController, "aclose", spy)
    quit_setting = qapp.quitOnLastWindowClosed()
    args = build_parser().parse_args(["--demo"])
    task = asyncio.ensure_future(amain(qapp, args, AppPaths(), AppSettings(), "en"))
    try:

        def window():
            return next(
                (
                    w
                    for w in qapp.topLevelWidgets()
                    if isinstance(w, main_window.MainWindow) and w.isVisible()
                ),
                None,
            )

        qtbot.waitUntil(lambda: window() is not None and window().session is not None)
        win = window()
        wait_online(qtbot, win.session)
        assert win.session.demo
        win.close()
        # Qt emits lastWindowClosed only inside QApplication.exec() (which qasync runs in
        # the app); pytest-qt spins nested loops, so emit it as exec() would.
        qapp.lastWindowClosed.emit()
        qtbot.waitUntil(task.done, timeout=10000)
        assert task.result() == 0
        assert seen["session"].closed and seen["session"].client.closed
        assert not seen["simulator"].running
    finally:
        if not task.done():
            task.cancel()
        qapp.setQuitOnLastWindowClosed(quit_setting)

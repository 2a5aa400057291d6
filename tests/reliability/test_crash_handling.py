"""Unhandled errors: a slot, a worker thread, an asyncio callback and a background task all
end in one report — in the log and in one non-modal dialog, secrets masked — and the app
keeps running. Help → Copy diagnostics puts versions, budget, profile and the recent log
on the clipboard, without the key."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from movizor_desktop.api.redact import register_secret
from movizor_desktop.ui.crash import install_crash_handling, uninstall_crash_handling
from movizor_desktop.ui.tasks import TaskGroup
from tests.conftest import SIM_KEY
from tests.kits.windows import open_window

# pytest-qt would take sys.excepthook for itself during each test: here the app's must.
pytestmark = pytest.mark.qt_no_exception_capture
SECRET = "SECRET-KEY-0xDEADBEEF-crash"


@pytest.fixture
def crash(qapp, qloop):
    register_secret(SECRET)
    handler = install_crash_handling(loop=qloop)
    yield handler
    uninstall_crash_handling()


def boom(text: str = "boom") -> None:
    raise ValueError(f"{text} with key={SECRET} and {SECRET}")


def visible_dialog(crash) -> bool:
    return crash.dialog is not None and crash.dialog.isVisible()


@pytest.mark.logs_error(r"unexpected error in the main thread")
def test_an_exception_in_a_slot_shows_one_redacted_report_and_the_app_goes_on(qtbot, crash, caplog):
    caplog.set_level(logging.ERROR, logger="movizor_desktop.crash")
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: visible_dialog(crash), timeout=5000)
    dialog = crash.dialog
    assert not dialog.isModal()
    report = dialog.report()
    assert "ValueError: boom with key=*** and ***" in report
    assert "Movizor Desktop error report" in report and "Where: the main thread" in report
    assert "PySide6" in report and "Traceback" in report
    assert SECRET not in report
    assert "ValueError: boom" in caplog.text and SECRET not in caplog.text  # in the log too

    ticks = []
    QTimer.singleShot(0, lambda: ticks.append(1))  # the loop still runs
    QTimer.singleShot(0, boom)  # the same error again: counted, not a second dialog
    qtbot.waitUntil(lambda: crash.count == 2 and bool(ticks), timeout=5000)
    qtbot.waitUntil(lambda: "Times this happened: 2." in dialog.count_label.text(), timeout=5000)
    assert crash.dialog is dialog and dialog.report() == report
    assert len(QGuiApplication.topLevelWindows()) >= 1

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report
    assert dialog.text.isReadOnly()

    dialog.close()
    qtbot.waitUntil(lambda: crash.dialog is None, timeout=3000)
    QTimer.singleShot(0, lambda: boom("later"))  # after closing: a fresh dialog
    qtbot.waitUntil(lambda: visible_dialog(crash), timeout=5000)
    assert "later with" in crash.dialog.report()


@pytest.mark.logs_error(r"unhandled error in background task", r"unexpected error in asyncio")
def test_a_failing_background_task_and_asyncio_callback_are_reported(qtbot, crash, qloop):
    async def failing() -> None:
        await asyncio.sleep(0)
        boom("task")

    group = TaskGroup("test")
    group.spawn(failing())  # nobody handles its error
    qtbot.waitUntil(lambda: visible_dialog(crash), timeout=5000)
    assert "Where: a background task" in crash.dialog.report()
    assert "ValueError: task with" in crash.dialog.report()

    qloop.call_soon(boom, "callback")  # an asyncio callback raising
    qtbot.waitUntil(lambda: "callback with" in crash.dialog.report(), timeout=5000)
    assert "asyncio" in crash.dialog.report()
    assert SECRET not in crash.dialog.report()
    # still the event loop of the app: a coroutine runs to the end
    done = asyncio.ensure_future(asyncio.sleep(0.01, result="fine"), loop=qloop)
    qtbot.waitUntil(done.done, timeout=3000)
    assert done.result() == "fine"


@pytest.mark.logs_error(r"unexpected error in thread worker")
def test_a_worker_thread_error_reaches_the_dialog_on_the_qt_thread(qtbot, crash):
    thread = threading.Thread(target=boom, args=("thread",), name="worker-7")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: visible_dialog(crash), timeout=5000)
    report = crash.dialog.report()
    assert "Where: thread worker-7" in report and "thread with" in report
    assert crash.dialog.thread() is QGuiApplication.instance().thread()


def test_uninstall_gives_the_hooks_back(qapp, qloop):
    import sys

    before = (sys.excepthook, threading.excepthook, qloop.get_exception_handler())
    install_crash_handling(loop=qloop)
    assert sys.excepthook is not before[0]
    uninstall_crash_handling()
    assert (sys.excepthook, threading.excepthook, qloop.get_exception_handler()) == before


def test_copy_diagnostics_has_what_support_needs_and_no_key(qtbot, qloop, sim, run_async, crash):
    window = open_window(qtbot, sim)
    try:
        assert crash.window is window  # the error dialog's parent
        logging.getLogger("movizor_desktop.test").warning(
            "sending key=%s to %s", SIM_KEY, sim.base_url
        )
        action = window.features["diagnostics"].action
        assert action in window.help_menu.actions() and action.shortcut().toString()
        action.trigger()
        text = QGuiApplication.clipboard().text()
        budget = window.session.client.budget
        assert "Movizor Desktop diagnostics" in text
        assert "Python" in text and "Qt" in text and "PySide6" in text
        assert "Keyring backend: " in text
        assert "Profile: t" in text and "Connection: online" in text
        assert f"of {budget.limit}" in text and "Request budget this hour:" in text
        assert "sending key=*** to" in text  # the recent log, masked
        assert "Last " in text and " log lines:" in text
        assert SIM_KEY not in text
        assert "Diagnostics copied" in window.statusbar.message()
    finally:
        run_async(window.session.aclose())

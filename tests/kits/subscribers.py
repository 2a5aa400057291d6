"""Shared helpers of the subscriber-dialog tests (imported by them as ``subscriber_kit``).

The ``session`` fixture of each module (:func:`open_session`) does not run
``engine.connect()`` (that reads 40 subscribers' details under the 15-requests-a-second
budget: two seconds a test); the dialog fetches the balance itself when the engine has
none, and edit tests read their row with one ``object_get`` (:func:`row_for`).

The simulator runs in the test's own process, so the session's Movizor clock is the
simulator's (as in the demo) and is installed as the app clock (as the window does):
times a test computes with :func:`msk_now` agree with the dialog's. Learning the clock
from answers is tested in ``tests/test_clock.py`` and ``test_movizor_clock_ui.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from movizor_desktop import clock
from movizor_desktop.api.encoding import MSK
from movizor_desktop.fleet import FleetRow
from movizor_desktop.store import Profile
from movizor_desktop.ui.dialogs import SubscriberDialog
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY

NEW_PHONE = "+7 (921) 555-44-33"  # MegaFon, not on the seeded account
NEW_MSISDN = "79215554433"
MTS_PHONE = "+7 916 555-44-33"  # MTS (offers 180, not 1)
MTS_MSISDN = "79165554433"


def open_session(sim, run_async) -> Iterator[Session]:
    """The body of each test module's ``session`` fixture (``yield from`` it)."""
    session = Session(
        Profile("Test", base_url=sim.base_url, project="demo"),
        SIM_KEY,
        clock=clock.MovizorClock(source=sim.world.clock.now),
    )
    clock.install(session.clock)
    yield session
    run_async(session.aclose())


def msk_now() -> datetime:
    """Movizor's time on the app clock, in МСК."""
    return clock.now().astimezone(MSK)


def make(qtbot, session: Session, **kw: Any) -> SubscriberDialog:
    kw.setdefault("debounce_ms", 50)
    dialog = SubscriberDialog(session, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def ready(qtbot, dialog: SubscriberDialog) -> SubscriberDialog:
    """Wait for the tariff list (balance) and, when editing, the details and operator."""
    qtbot.waitUntil(lambda: dialog.tariff_combo.count() > 0, timeout=10000)
    if dialog.row is not None:
        qtbot.waitUntil(
            lambda: (
                not dialog.loading
                and dialog.operator is not None
                and "·" in dialog.tariff_combo.currentText()
            ),
            timeout=10000,
        )
    return dialog


def save(qtbot, dialog: SubscriberDialog, *, confirm: bool = True) -> None:
    """Click Add/Save; an add then asks about the price and the SMS: answer Add (or, with
    ``confirm=False``, leave the question open)."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    if dialog.row is None and confirm and not dialog.main.candidates():
        answer_add(qtbot, dialog)


def confirmation(qtbot, dialog: SubscriberDialog):
    """The open price-and-SMS question of an add (waits for it); None when validation
    stopped the add, or a save is in flight already (a second click does nothing)."""
    qtbot.waitUntil(
        lambda: (
            dialog.confirmation.box is not None
            or dialog.busy
            or bool(dialog.pages.errors)
            or dialog.main.has_errors()
        ),
        timeout=5000,
    )
    return dialog.confirmation.box


def answer_add(qtbot, dialog: SubscriberDialog, *, yes: bool = True) -> None:
    """Answer the add's question with a click (when validation let it open)."""
    box = confirmation(qtbot, dialog)
    if box is None:
        return
    from PySide6.QtWidgets import QMessageBox

    button = (
        box.findChild(QWidget, "confirm_add_yes")
        if yes
        else box.button(QMessageBox.StandardButton.Cancel)
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, dialog: SubscriberDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)


def click(qtbot, widget: QWidget) -> None:
    """Click a button, or a radio/check box on its indicator (rows are wider than text)."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton

    assert isinstance(widget, QAbstractButton)
    pos = (
        QPoint(6, widget.height() // 2)
        if isinstance(widget, QCheckBox | QRadioButton)
        else widget.rect().center()
    )
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Cyrillic too (QTest.keyClicks is ASCII only), as key events."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def choose_tariff(dialog: SubscriberDialog, tariff: str) -> None:
    index = dialog.tariff_combo.findData(tariff)
    assert index >= 0, f"tariff {tariff} not offered"
    dialog.tariff_combo.setCurrentIndex(index)


def type_phone(qtbot, dialog: SubscriberDialog, text: str, *, operator: bool = True) -> None:
    qtbot.keyClicks(dialog.phone_edit, text)
    if operator:
        qtbot.waitUntil(lambda: dialog.operator is not None, timeout=10000)


def calls(sim_control, function: str) -> list[dict]:
    return [r for r in sim_control.requests()["last"] if r.get("function") == function]


def count(sim_control, function: str) -> int:
    return sim_control.requests()["by_function"].get(function, 0)


def pick_phone(
    sim,
    *,
    status: str = "ok",
    tariff: str | None = None,
    exclude_tariffs: tuple[str, ...] = ("60",),
    operator: str | None = None,
) -> str:
    """A seeded subscriber matching the conditions, without a pending switch."""
    for sub in sim.world.subs.values():
        if sub.status != status or sub.tariff_new is not None:
            continue
        if tariff is not None and sub.tariff != tariff:
            continue
        if tariff is None and sub.tariff in exclude_tariffs:
            continue
        if operator is not None and sub.operator != operator:
            continue
        return sub.phone
    raise LookupError("no such subscriber in the seeded world")


def row_for(session: Session, run_async, phone: str) -> FleetRow:
    run_async(session.engine.refresh_row(phone))
    row = session.engine.fleet.get(phone)
    assert row is not None and row.details is not None
    return row


__all__ = [
    "MTS_MSISDN",
    "MTS_PHONE",
    "NEW_MSISDN",
    "NEW_PHONE",
    "answer_add",
    "calls",
    "choose_tariff",
    "click",
    "confirmation",
    "count",
    "make",
    "open_session",
    "pick_phone",
    "ready",
    "row_for",
    "save",
    "type_phone",
    "type_text",
    "wait_idle",
]

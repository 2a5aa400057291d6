"""Desktop alerts in the main window, fed by real simulator events through the session.

A real system tray cannot run offscreen, so the tray is a stand-in object with the same
API (``showMessage``, ``messageClicked``), given to the installed notifier; everything else
is the real path: simulator → HTTP → sync engine → session → window.features["desktop_alerts"].
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from movizor_desktop.api.phones import format_phone
from movizor_desktop.store import AppPaths, AppSettings, Profile
from movizor_desktop.store.desktop_alerts import (
    DesktopAlertSettings,
    load_desktop_alert_settings,
    load_watermark,
    save_desktop_alert_settings,
)
from movizor_desktop.sync.desktop_alerts import DEFAULT_TYPES, Notice
from movizor_desktop.ui import formatting as fmt
from movizor_desktop.ui.features.desktop_alerts.dialog import TYPE_ROLE, AlertsDialog
from movizor_desktop.ui.features.desktop_alerts.feature import DesktopAlerts
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from movizor_desktop.ui.statusbar import WARNING
from tests.conftest import SIM_KEY

DAYTIME = datetime(2026, 11, 26, 12, 0).astimezone()
NIGHT = datetime(2026, 11, 26, 23, 30).astimezone()


class FakeTray(QObject):
    """What DesktopAlerts uses of QSystemTrayIcon."""

    messageClicked = Signal()
    activated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def supportsMessages(self) -> bool:
        return True

    def showMessage(self, title: str, body: str, icon, msecs: int) -> None:
        assert not icon.isNull()
        self.messages.append((title, body))


class Rig:
    """A window on a session of ``profile`` with a fake tray, counted beeps, a fixed clock."""

    def __init__(
        self, qtbot, sim, profile: str = "t", *, tray: bool = True, clock: datetime = DAYTIME
    ) -> None:
        self.window = MainWindow(AppSettings(), lang="en")
        qtbot.addWidget(self.window)
        self.window.show()
        self.alerts: DesktopAlerts = self.window.features["desktop_alerts"]
        self.tray = FakeTray() if tray else None
        if tray:
            self.alerts.set_tray(self.tray)
        self.beeps: list[int] = []
        self.alerts.beep = lambda: self.beeps.append(1)
        self.now = clock
        self.alerts.clock = lambda: self.now
        self.session = Session(Profile(profile, base_url=sim.base_url, project="demo"), SIM_KEY)
        self.session.client.governor.per_second = 1000  # loopback: no 15/s pacing
        self.window.set_session(self.session)
        self.session.start()
        qtbot.waitUntil(
            lambda: (
                self.alerts.gate is not None
                and self.alerts.gate.primed
                and self.session.engine.status.state == "online"
            ),
            timeout=15000,
        )

    def feed_types(self) -> list[str]:
        model = self.window.events.model
        return [model.event_at(r).type for r in range(model.rowCount())]

    def cycle(self, qtbot, until) -> None:
        """One sync cycle now; wait until ``until()`` holds."""
        self.session.engine.refresh_now()
        qtbot.waitUntil(until, timeout=10000)


def phones(sim, status: str, count: int = 1) -> list[str]:
    found = [s.phone for s in sim.world.subs.values() if s.status == status][:count]
    assert len(found) == count
    return found


def in_feed(rig: Rig, kind: str, phone: str):
    model = rig.window.events.model
    return lambda: any(
        model.event_at(r).type == kind and model.event_at(r).phone == phone
        for r in range(model.rowCount())
    )


@pytest.fixture
def close_sessions(run_async):
    rigs: list[Rig] = []
    yield rigs
    for rig in rigs:
        run_async(rig.session.aclose())


def test_a_new_reject_pops_up_once_history_and_unchosen_types_do_not(
    qtbot, qloop, sim, sim_control, close_sessions
) -> None:
    rig = Rig(qtbot, sim)
    close_sessions.append(rig)
    assert set(rig.feed_types()) & DEFAULT_TYPES  # the history held alert-worthy events...
    assert rig.tray.messages == [] and rig.beeps == []  # ...and none was announced

    (phone,) = phones(sim, "ok")
    (waiting,) = phones(sim, "wait")
    sim_control.reject(phone)
    sim_control.confirm(waiting)  # "confirm" is not one of the chosen types
    rig.cycle(qtbot, lambda: in_feed(rig, "reject", phone)() and in_feed(rig, "confirm", waiting)())

    event = next(e for e in rig.session.engine.events if e.type == "reject" and e.phone == phone)
    title = rig.session.engine.fleet.get(phone).title
    assert title
    assert rig.tray.messages == [
        ("Consent refused", f"{title}\n{format_phone(phone)} · {fmt.msk_clock(event.timestamp)}")
    ]
    assert rig.beeps == [1]

    rig.cycle(qtbot, lambda: rig.session.engine.status.cycle_requests > 0)  # nothing new
    assert len(rig.tray.messages) == 1


def test_clicking_the_notification_brings_the_window_up_with_the_subscriber(
    qtbot, qloop, sim, sim_control, close_sessions
) -> None:
    rig = Rig(qtbot, sim)
    close_sessions.append(rig)
    (phone,) = phones(sim, "ok")
    sim_control.reject(phone)
    rig.cycle(qtbot, lambda: len(rig.tray.messages) == 1)
    assert rig.window.subscribers.current_phone() != phone
    rig.window.showMinimized()
    qtbot.waitUntil(rig.window.isMinimized)
    rig.tray.messageClicked.emit()
    assert not rig.window.isMinimized()
    assert rig.window.subscribers.current_phone() == phone
    assert rig.window.details.current_phone == phone


def test_a_burst_becomes_one_summary_that_selects_the_newest(
    qtbot, qloop, sim, sim_control, close_sessions
) -> None:
    rig = Rig(qtbot, sim)
    close_sessions.append(rig)
    rejected = phones(sim, "ok", 5)
    for phone in rejected:
        sim_control.reject(phone)
    rig.cycle(qtbot, lambda: len(rig.tray.messages) >= 1)
    ((title, body),) = rig.tray.messages
    assert title == "5 new alerts"
    lines = body.splitlines()
    assert len(lines) == 5 and lines[-1] == "…and 1 more"
    assert all(line.startswith("Consent refused — ") for line in lines[:4])
    assert rig.beeps == [1]  # one sound for the burst
    rig.tray.messageClicked.emit()
    assert rig.window.subscribers.current_phone() == rejected[-1]


def test_a_restart_does_not_announce_again_but_news_from_while_closed_does(
    qtbot, qloop, sim, sim_control, run_async, close_sessions
) -> None:
    # No cache: the second run re-fetches the newest events page, the worst case.
    first = Rig(qtbot, sim, "contract")
    (phone,) = phones(sim, "ok")
    sim_control.reject(phone)
    first.cycle(qtbot, lambda: len(first.tray.messages) == 1)
    run_async(first.session.aclose())
    run_async(first.alerts.saved())
    stored = load_watermark(AppPaths(), "contract")
    assert stored is not None and stored.last_id == first.session.engine.last_event_id

    (waiting,) = phones(sim, "wait")
    sim_control.no_confirm(waiting)  # happens while the app is closed
    second = Rig(qtbot, sim, "contract")
    close_sessions.append(second)
    assert "reject" in second.feed_types()  # the old reject came back as history...
    news = next(
        e for e in second.session.engine.events if e.type == "no_confirm" and e.phone == waiting
    )
    assert second.tray.messages == [  # ...only the news is announced
        second.alerts.notice_texts(Notice((news,)))
    ]
    assert second.tray.messages[0][0] == "No consent answer"

    other = Rig(qtbot, sim, "another contract")  # its own watermark: a first run
    close_sessions.append(other)
    assert other.tray.messages == []


def test_quiet_hours_across_midnight_keep_popups_and_sound_off(
    qtbot, qloop, sim, sim_control, close_sessions
) -> None:
    save_desktop_alert_settings(
        AppPaths(), DesktopAlertSettings(quiet=True, quiet_from="22:00", quiet_to="07:00")
    )
    rig = Rig(qtbot, sim, clock=NIGHT)
    close_sessions.append(rig)
    first, second = phones(sim, "ok", 2)
    sim_control.reject(first)
    rig.cycle(qtbot, in_feed(rig, "reject", first))  # in the feed...
    assert rig.tray.messages == [] and rig.beeps == []  # ...but silent at 23:30
    rig.now = datetime(2026, 11, 27, 6, 59).astimezone()
    rig.cycle(qtbot, lambda: rig.session.engine.status.cycle_requests > 0)
    assert rig.tray.messages == []  # not announced late either
    rig.now = datetime(2026, 11, 27, 7, 0).astimezone()
    sim_control.reject(second)
    rig.cycle(qtbot, lambda: len(rig.tray.messages) == 1)
    assert rig.tray.messages[0][0] == "Consent refused" and rig.beeps == [1]


def test_without_a_tray_the_alert_shows_in_the_window(
    qtbot, qloop, sim, sim_control, close_sessions
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: the real fallback case
    rig = Rig(qtbot, sim, tray=False)
    close_sessions.append(rig)
    assert rig.alerts.tray is None
    (phone,) = phones(sim, "ok")
    sim_control.reject(phone)
    bar = rig.window.statusbar
    rig.cycle(qtbot, lambda: bar.message().startswith("Consent refused"))
    assert format_phone(phone) in bar.message()
    assert bar.message_label.property("level") == WARNING
    assert rig.beeps == [1]


# --- the dialog --------------------------------------------------------------------------------


def open_dialog(qtbot, window: MainWindow) -> AlertsDialog:
    assert window.features["desktop_alerts"].action in window.tools_menu.actions()
    window.features["desktop_alerts"].action.trigger()
    qtbot.waitUntil(
        lambda: (
            window.features["desktop_alerts"].dialog is not None
            and window.features["desktop_alerts"].dialog.isVisible()
        )
    )
    return window.features["desktop_alerts"].dialog


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_the_dialog_validates_quiet_hours_next_to_the_field_then_saves(qtbot, qloop) -> None:
    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.show()
    dialog = open_dialog(qtbot, window)
    paths = AppPaths()
    names = {
        dialog.types_list.item(i).data(TYPE_ROLE): dialog.types_list.item(i)
        for i in range(dialog.types_list.count())
    }
    assert names["reject"].text() == "Consent refused"  # the feed's translated names
    assert names["reject"].checkState() == Qt.CheckState.Checked
    assert names["confirm"].checkState() == Qt.CheckState.Unchecked

    qtbot.mouseClick(
        dialog.quiet_check,
        Qt.MouseButton.LeftButton,
        pos=QPoint(6, dialog.quiet_check.height() // 2),
    )
    assert dialog.quiet_check.isChecked() and dialog.from_edit.isEnabled()
    type_into(qtbot, dialog.from_edit, "25:61")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors["quiet_from"]
    assert error.isVisible() and error.text() == "Enter a time as HH:MM, for example 22:00."
    assert dialog.isVisible() and not (paths.config_dir / "alerts.json").exists()

    type_into(qtbot, dialog.from_edit, "07:00")  # the same as "until"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert dialog.errors["quiet_to"].text() == "The end must differ from the start."
    assert dialog.isVisible()

    type_into(qtbot, dialog.from_edit, "23:15")
    assert "from 23:15 to 07:00" in dialog.quiet_note.text()
    names["reject"].setCheckState(Qt.CheckState.Unchecked)
    names["confirm"].setCheckState(Qt.CheckState.Checked)
    dialog.sound_check.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    alerts = window.features["desktop_alerts"]
    qtbot.waitUntil(lambda: alerts.dialog is None)  # closed (and deleted)
    saved = load_desktop_alert_settings(paths)
    assert (saved.quiet, saved.quiet_from, saved.quiet_to, saved.sound) == (
        True,
        "23:15",
        "07:00",
        False,
    )
    assert "confirm" in saved.types and "reject" not in saved.types
    assert window.features["desktop_alerts"].settings == saved  # applies at once

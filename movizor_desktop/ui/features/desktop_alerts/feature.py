"""Desktop alerts: a tray notification (and a beep) for the Movizor events the dispatcher
chose, with an in-window fallback where there is no system tray.

Desktop alerts are pop-ups on this computer (not Movizor's own SMS and e-mail alerts: those
are the alert subscriptions). :class:`DesktopAlerts` (a feature) adds "Desktop alerts…" to
the Tools menu and follows the window's session. Each session gets an
:class:`~movizor_desktop.sync.desktop_alerts.AlertGate` built from the saved preferences and
the profile's stored watermark (both read off the UI thread; change sets arriving meanwhile
wait in a queue). The gate decides; this module only presents:

* a tray balloon per alert (title: the event's name; body: the subscriber's title, phone
  and time МСК), or one summary when more than :data:`~movizor_desktop.sync.desktop_alerts.BURST`
  arrive together; clicking it brings the window up with the newest alert's subscriber
  selected;
* without a usable tray (``QSystemTrayIcon.isSystemTrayAvailable()`` false: offscreen,
  locked-down desktops) the same text as a warning in the status bar and a taskbar flash;
* ``QApplication.beep()`` once per change set when sound is on: no audio files or
  multimedia back end needed, so it works in a frozen build and offline;
* nothing but the events feed during quiet hours.

The watermark is saved after every change (demo sessions keep it in memory: the embedded
simulator starts its event ids afresh every run).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from .... import clock
from ....api.models import Event
from ....api.phones import format_phone
from ....store.desktop_alerts import (
    DesktopAlertSettings,
    StoredWatermark,
    load_desktop_alert_settings,
    load_watermark,
    save_watermark,
)
from ....store.paths import AppPaths
from ....sync.desktop_alerts import (
    BURST,
    AlertGate,
    AlertRules,
    Notice,
    QuietHours,
    Watermark,
    plan,
)
from ....sync.status import ConnectionState
from ... import formatting as fmt
from ...events_panel import event_texts
from ...shell import Feature, Shell
from ...statusbar import WARNING
from ...tasks import TaskGroup

if TYPE_CHECKING:
    from ...session import Session

log = logging.getLogger(__name__)

AUTO: Any = object()  # DesktopAlerts(tray=AUTO): a real tray icon when the desktop has one
MESSAGE_MS = 10_000
SUMMARY_LINES = 4
FALLBACK_MS = 60_000


def rules_from(settings: DesktopAlertSettings) -> AlertRules:
    quiet = None
    if settings.quiet:
        try:
            quiet = QuietHours.parse(settings.quiet_from, settings.quiet_to)
        except ValueError:
            log.warning(
                "quiet hours %r–%r unusable; ignored", settings.quiet_from, settings.quiet_to
            )
    return AlertRules(
        types=frozenset(settings.types),
        quiet_hours=quiet,
        sound=settings.sound,
        enabled=settings.enabled,
    )


def local_now() -> datetime:
    """The dispatcher's wall clock (quiet hours are read on it)."""
    return clock.pc_now()


class DesktopAlerts(Feature):
    """Presents the alerts of the window's current session (see the module docstring)."""

    presented = Signal(object)  # Notice, after it was shown (tray or status bar)

    def __init__(
        self,
        shell: Shell,
        *,
        tray: Any = AUTO,
        paths: AppPaths | None = None,
        beep: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = local_now,
        burst: int = BURST,
    ) -> None:
        super().__init__(shell)
        self.window = shell.widget
        self.paths = paths or AppPaths()
        self.beep = beep or QApplication.beep
        self.clock = clock
        self.burst = burst
        self.settings: DesktopAlertSettings | None = None
        self.gate: AlertGate | None = None
        self.tasks = TaskGroup("alerts")
        self.tray: Any = None
        self.click_phone: str | None = None  # the subscriber a click on the balloon selects
        self.dialog: Any = None
        self._session: Session | None = None
        self._queue: list[tuple[str, Any]] = []
        self._unsaved: dict[str, Watermark] = {}
        self._saver: asyncio.Task[None] | None = None
        self._texts = event_texts()

        # N: notifications
        self.action = self.new_action(
            "action_alerts", "Ctrl+Shift+N", self.open_dialog, menu=shell.tools_menu
        )
        if tray is AUTO:
            tray = self._make_tray() if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.set_tray(tray)
        shell.session_changed.connect(self._session_changed)
        if shell.session is not None:
            self._session_changed(shell.session)

    # --- wiring -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Desktop alerts…"))
        tip = self.tr("Which events pop up on this computer's desktop, quiet hours, sound")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self._texts = event_texts()

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(self.icon(), self.window)
        tray.setObjectName("alertsTray")
        tray.setToolTip(QApplication.applicationName() or "Movizor Desktop")
        tray.show()
        return tray

    def set_tray(self, tray: Any) -> None:
        """Use ``tray`` (a QSystemTrayIcon or an object with the same API), or None for the
        in-window fallback."""
        old, self.tray = self.tray, tray
        if old is not None:
            for signal, slot in (
                (old.messageClicked, self.message_clicked),
                (getattr(old, "activated", None), self._tray_activated),
            ):
                if signal is not None:
                    try:
                        signal.disconnect(slot)
                    except (RuntimeError, TypeError):
                        pass
        if tray is not None:
            tray.messageClicked.connect(self.message_clicked)
            activated = getattr(tray, "activated", None)
            if activated is not None:
                activated.connect(self._tray_activated)

    def icon(self) -> QIcon:
        for icon in (self.window.windowIcon(), QApplication.windowIcon()):
            if not icon.isNull():
                return icon
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def _session_changed(self, session: Session | None) -> None:
        old, self._session = self._session, session
        if old is not None:
            old.unfollow(self._on_changes, self._on_status)
        self.gate = None
        self._queue = []
        if session is None:
            return
        session.follow(self._on_changes, self._on_status)
        self.tasks.spawn(self._prepare(session), slot="prepare")

    async def _prepare(self, session: Session) -> None:
        stored = None
        try:
            if self.settings is None:
                self.settings = await asyncio.to_thread(load_desktop_alert_settings, self.paths)
            if not session.demo:
                stored = await asyncio.to_thread(load_watermark, self.paths, session.profile.name)
        except OSError:  # an unusable app folder: alert anyway, from this run's history on
            log.exception("alert preferences unreadable; using the defaults")
            self.settings = self.settings or DesktopAlertSettings()
        if session is not self._session:
            return
        mark = None if stored is None else Watermark(stored.last_id, stored.last_time)
        self.gate = AlertGate(rules_from(self.settings), mark)
        queue, self._queue = self._queue, []
        for kind, item in queue:
            if kind == "changes":
                self._on_changes(item)
            else:
                self._on_status(item)

    # --- events -----------------------------------------------------------------------------

    def _on_changes(self, changes: Any) -> None:
        events: list[Event] = list(getattr(changes, "events", None) or [])
        if not events:
            return
        gate = self.gate
        if gate is None:
            self._queue.append(("changes", changes))
            return
        before = gate.mark
        alerts = gate.feed(events, self.clock())
        if gate.mark != before:
            self._save_later()
        notices = plan(alerts, self.burst)
        for notice in notices:
            self.present(notice)
        if notices and gate.rules.sound:
            try:
                self.beep()
            except Exception:
                log.exception("alert sound failed")

    def _on_status(self, status: Any) -> None:
        gate = self.gate
        if gate is None:
            self._queue.append(("status", status))
            return
        if getattr(status, "state", None) == ConnectionState.ONLINE and gate.prime():
            self._save_later()

    def apply_settings(self, settings: DesktopAlertSettings) -> None:
        """New preferences (saved by the dialog) apply at once."""
        self.settings = settings
        if self.gate is not None:
            self.gate.rules = rules_from(settings)

    # --- presenting -------------------------------------------------------------------------

    def present(self, notice: Notice) -> None:
        title, body = self.notice_texts(notice)
        self.click_phone = notice.phone
        tray = self.tray
        if tray is not None and tray.supportsMessages():
            tray.showMessage(title, body, self.icon(), MESSAGE_MS)
        else:
            line = f"{title}: {' · '.join(body.splitlines())}"
            self.shell.statusbar.show_message(line, WARNING, FALLBACK_MS)
            QApplication.alert(self.window)
        self.presented.emit(notice)

    def notice_texts(self, notice: Notice) -> tuple[str, str]:
        if not notice.summary:
            event = notice.events[0]
            who = self._who(event.phone)
            where = f"{format_phone(event.phone)} · {self._when(event)}".strip(" ·")
            return self._name(event.type), "\n".join(p for p in (who, where) if p)
        count = len(notice.events)
        lines = [
            f"{self._name(e.type)} — {self._who(e.phone) or format_phone(e.phone)}"
            for e in notice.events[:SUMMARY_LINES]
        ]
        if count > SUMMARY_LINES:
            lines.append(self.tr("…and %n more", "", count - SUMMARY_LINES))
        return self.tr("%n new alerts", "", count), "\n".join(lines)

    def _name(self, kind: str) -> str:
        return self._texts.get(kind, (kind, ""))[0]

    def _who(self, phone: str) -> str:
        session = self._session
        row = session.engine.fleet.get(phone) if session is not None else None
        return row.title if row is not None else ""

    def _when(self, event: Event) -> str:
        if event.timestamp is None:
            return ""
        if fmt.msk_date(event.timestamp) == fmt.msk_date(clock.now()):
            return fmt.msk_clock(event.timestamp)
        return fmt.msk_datetime(event.timestamp)

    def message_clicked(self) -> None:
        """The dispatcher clicked the notification: the window, with that subscriber."""
        self.bring_up()
        if self.click_phone:
            self.shell.select_subscriber(self.click_phone)

    def _tray_activated(self, reason: Any) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.bring_up()

    def bring_up(self) -> None:
        window = self.window
        state = window.windowState() & ~Qt.WindowState.WindowMinimized
        window.setWindowState(state | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()

    # --- persistence ------------------------------------------------------------------------

    def _save_later(self) -> None:
        session, gate = self._session, self.gate
        if session is None or gate is None or session.demo:
            return
        self._unsaved[session.profile.name] = gate.mark
        if self._saver is None or self._saver.done():
            self._saver = self.tasks.spawn(self._save_all())

    async def _save_all(self) -> None:
        while self._unsaved:
            profile = next(iter(self._unsaved))
            mark = self._unsaved.pop(profile)
            try:
                await asyncio.to_thread(
                    save_watermark,
                    self.paths,
                    profile,
                    StoredWatermark(mark.last_id, mark.last_time),
                )
            except OSError:
                log.exception("could not save the alert watermark of %s", profile)

    async def saved(self) -> None:
        """Wait until every watermark change is on disk (tests, shutdown)."""
        while self._saver is not None and not self._saver.done():
            await asyncio.shield(self._saver)

    # --- the dialog -------------------------------------------------------------------------

    def open_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.tasks.spawn(self._open_dialog(), slot="dialog")

    async def _open_dialog(self) -> None:
        from .dialog import AlertsDialog

        if self.settings is None:
            self.settings = await asyncio.to_thread(load_desktop_alert_settings, self.paths)
        dialog = AlertsDialog(
            self.settings,
            paths=self.paths,
            tray_available=self.tray is not None,
            parent=self.window,
        )
        dialog.saved.connect(self.apply_settings)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()


__all__ = ["AUTO", "DesktopAlerts", "local_now", "rules_from"]

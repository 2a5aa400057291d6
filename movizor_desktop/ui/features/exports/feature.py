"""File ▸ Export: the subscriber list (XLSX, CSV), a track (GPX, KML, CSV) and the events
of a period (XLSX, CSV).

What is exported is what the dispatcher sees: the list with its current filter, its
visible columns in their on-screen order; the last fix as an exact Moscow time (the table
shows "12 min ago") and the km left as a number. Headers are the table's own, translated.
The track and the events are fetched for a chosen period (the map's track period is
offered first) through the client's paging, then written by the Qt-free writers of
:mod:`movizor_desktop.exchange` in a worker thread. The status bar says where the file
went, or why it was not written (permission denied, disk full…); nothing is left half
written (see ``exchange/export_files.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ....api.encoding import to_msk
from ....exchange.export_events import EventTexts, events_table, fetch_period
from ....exchange.export_table import write_table
from ....exchange.export_track import TrackTexts, fixes_of, write_track
from ... import formatting as fmt
from ...events_panel import event_texts
from ...periods import TODAY, WEEK, PeriodDialog, ask_period
from ...saving import ask_save_path, failure_text, today_stamp
from ...shell import Feature, Shell
from ...statusbar import ERROR, INFO, WARNING
from ...subscribers.cells import display_phone
from ...subscribers.shown import subscriber_table
from ...tasks import TaskGroup

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Exports", "text")


class Job:
    """One background job bound to an action: disabled while running, messages after."""

    def __init__(self, owner: Exports, action: QAction) -> None:
        self.owner, self.action = owner, action

    def start(self, work: Callable[[], Awaitable[Path | None]], done: str, path: Path) -> None:
        owner = self.owner
        self.action.setEnabled(False)
        owner.busy.add(self.action)

        async def run() -> None:
            try:
                written = await work()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # reported in words, never a crash
                log.warning("export to %s failed: %s", path, exc)
                owner.status(failure_text(exc, path), ERROR)
            else:
                if written is not None:
                    owner.status(done.format(path=str(written)), INFO)
                    owner.written.append(written)
            finally:
                owner.busy.discard(self.action)
                owner.update_actions()

        owner.tasks_for().spawn(run())


class Exports(Feature):
    """File ▸ Export and its three exports; the track export in the Subscriber menu too."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        window = shell
        self.own_tasks = TaskGroup("exports")
        self.busy: set[QAction] = set()
        self.written: list[Path] = []  # files written this run (tests, "open folder")
        self.period_dialog: PeriodDialog | None = None
        # E: export; G: GPS track; J: the events journal ("журнал событий")
        self.list_action = self.new_action("exportList", "Ctrl+Shift+E", self.export_list)
        self.track_action = self.new_action("exportTrack", "Ctrl+Shift+G", self.export_track)
        self.events_action = self.new_action("exportEvents", "Ctrl+Shift+J", self.export_events)
        self.menu = QMenu(shell.widget)
        self.menu.setObjectName("exportMenu")
        for action in (self.list_action, self.track_action, self.events_action):
            self.menu.addAction(action)
        file_menu = window.file_menu
        quit_action = window.window_actions.quit
        file_menu.insertMenu(quit_action, self.menu)
        file_menu.insertSeparator(quit_action)
        window.subscriber_menu.addSeparator()
        window.subscriber_menu.addAction(self.track_action)
        window.subscribers.selection_changed.connect(self.update_actions)
        for signal in (
            window.model.modelReset,
            window.model.rowsInserted,
            window.model.rowsRemoved,
        ):
            signal.connect(self.update_actions)
        window.session_changed.connect(self._session_changed)
        self.update_actions()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        self.list_action.setText(self.tr("Subscriber &list…"))
        self.list_action.setToolTip(
            self.tr("Save the list as shown (filter, columns, order) as an Excel workbook or CSV")
        )
        self.track_action.setText(self.tr("&Track of the selected subscriber…"))
        self.track_action.setToolTip(self.tr("Save the positions of a period as GPX, KML or CSV"))
        self.events_action.setText(self.tr("&Events of a period…"))
        self.events_action.setToolTip(
            self.tr("Save the account's events of a period as an Excel workbook or CSV")
        )

    # --- plumbing ---------------------------------------------------------------------------

    def status(self, text: str, level: int = INFO) -> None:
        self.shell.statusbar.show_message(text, level)

    def tasks_for(self) -> TaskGroup:
        session = self.shell.session
        return session.tasks if session is not None and not session.closed else self.own_tasks

    def decimal(self) -> str:
        return "," if self.shell.lang.startswith("ru") else "."

    def _session_changed(self, session: Any) -> None:
        self.update_actions()

    def update_actions(self, *args: object) -> None:
        window = self.shell
        connected = window.session is not None and not window.session.closed
        one = len(window.subscribers.selected_phones()) == 1
        self.list_action.setEnabled(
            self.list_action not in self.busy and window.model.rowCount() > 0
        )
        self.track_action.setEnabled(self.track_action not in self.busy and connected and one)
        self.events_action.setEnabled(self.events_action not in self.busy and connected)

    def ask_period(
        self,
        title: str,
        intro: str,
        then: Callable[[datetime, datetime], None],
        *,
        preset: int = TODAY,
    ) -> None:
        """The period dialog, opened on the map's track period when there is one."""
        period = self.shell.map.track_period() if self.shell.map is not None else None
        self.period_dialog = ask_period(
            self.shell.widget, title, intro, then, period=period, preset=preset
        )

    # --- the subscriber list ----------------------------------------------------------------

    def export_list(self) -> None:
        window = self.shell
        table, _right = subscriber_table(window.subscribers, window.proxy, window.model)
        if not table.rows:
            self.status(self.tr("Nothing to export: no subscriber is shown in the list."), WARNING)
            return
        path = ask_save_path(
            self.shell.widget,
            self.tr("Export the subscriber list"),
            f"subscribers-{today_stamp()}.xlsx",
            self._table_filters(),
        )
        if path is None:
            return
        decimal = self.decimal()
        Job(self, self.list_action).start(
            lambda: asyncio.to_thread(write_table, path, table, decimal=decimal),
            self.tr("The subscriber list was saved to {path}"),
            path,
        )

    def _table_filters(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Excel workbook"), "xlsx"),
            (self.tr("CSV for Excel, semicolon-separated"), "csv"),
        ]

    # --- a track ----------------------------------------------------------------------------

    def export_track(self) -> None:
        phones = self.shell.subscribers.selected_phones()
        session = self.shell.session
        if len(phones) != 1 or session is None:
            return
        phone = phones[0]
        name = self.shell.model.title_of(phone)
        self.ask_period(
            self.tr("Export a track"),
            self.tr("Positions of {name} to save:").format(name=name),
            lambda start, end: self._track_period(phone, start, end),
        )

    def _track_period(self, phone: str, start: datetime, end: datetime) -> None:
        session = self.shell.session
        if session is None:
            return
        path = ask_save_path(
            self.shell.widget,
            self.tr("Export the track"),
            f"track-{phone}-{to_msk(start).strftime('%Y-%m-%d')}.gpx",
            [
                (self.tr("GPX track"), "gpx"),
                (self.tr("KML for Google Earth"), "kml"),
                (self.tr("CSV for Excel, semicolon-separated"), "csv"),
            ],
        )
        if path is None:
            return
        title = self.shell.model.title_of(phone)
        texts = TrackTexts(
            name=self.tr("{name}: track {period}").format(
                name=title, period=f"{fmt.msk_datetime(start)} – {fmt.msk_datetime(end)}"
            ),
            time_msk=translate("Events", "Time (MSK)"),
            latitude=self.tr("Latitude"),
            longitude=self.tr("Longitude"),
            accuracy=self.tr("Accuracy, m"),
            place=self.tr("Place"),
            fixes=self.tr("Positions"),
        )
        client, decimal = session.client, self.decimal()

        async def work() -> Path | None:
            positions = []
            async for page in client.pos_track(phone, start=start, end=end):
                positions.extend(page)
            fixes = fixes_of(positions)
            if not fixes:
                self.status(
                    self.tr("No positions of {name} in that period: nothing was saved.").format(
                        name=title
                    ),
                    WARNING,
                )
                return None
            return await asyncio.to_thread(write_track, path, fixes, texts, decimal=decimal)

        Job(self, self.track_action).start(work, self.tr("The track was saved to {path}"), path)

    # --- events -----------------------------------------------------------------------------

    def export_events(self) -> None:
        if self.shell.session is None:
            return
        self.ask_period(
            self.tr("Export events"),
            self.tr("Events of the account to save:"),
            self._events_period,
            preset=WEEK,
        )

    def _events_period(self, start: datetime, end: datetime) -> None:
        session = self.shell.session
        if session is None:
            return
        stamp = f"{to_msk(start):%Y-%m-%d}_{to_msk(end):%Y-%m-%d}"
        path = ask_save_path(
            self.shell.widget,
            self.tr("Export events"),
            f"events-{stamp}.xlsx",
            self._table_filters(),
        )
        if path is None:
            return
        texts = EventTexts(
            time_msk=translate("Events", "Time (MSK)"),
            event=translate("Events", "Event"),
            subscriber=translate("Events", "Subscriber"),
            phone=translate("SubscriberModel", "Phone"),
            code=self.tr("Code"),
            sheet=self.tr("Events"),
        )
        names = {kind: name for kind, (name, _tip) in event_texts().items()}
        model = self.shell.model
        titles = {r.phone: r.title for r in model.rows() if r.title}
        client, decimal = session.client, self.decimal()

        async def work() -> Path | None:
            found = await fetch_period(client.events, start, end)
            table = events_table(
                found.events, texts, type_names=names, titles=titles, phone_text=display_phone
            )
            written = await asyncio.to_thread(write_table, path, table, decimal=decimal)
            if found.truncated:
                log.warning("events export stopped at the page limit")
            return written

        Job(self, self.events_action).start(work, self.tr("The events were saved to {path}"), path)


__all__ = ["Exports"]

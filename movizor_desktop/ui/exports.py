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
import errno
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from .. import clock
from ..api.encoding import to_msk
from ..api.errors import MovizorError
from ..exchange.export_events import EventTexts, events_table, fetch_period
from ..exchange.export_table import Table, write_table
from ..exchange.export_track import TrackTexts, fixes_of, write_track
from ..store.folders import load_export_folder, save_export_folder
from . import formatting as fmt
from .events_panel import event_texts
from .exports_period import TODAY, WEEK, PeriodDialog, ask_period
from .statusbar import ERROR, INFO, WARNING
from .subscribers.cells import cell_text, column_titles, display_phone
from .subscribers.model import FIX, KM, PHONE, ROW_ROLE
from .tasks import TaskGroup

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Exports", "text")
_DIR_PROPERTY = "movizorExportDir"


# --- shared with printing ---------------------------------------------------------------


def today_stamp() -> str:
    """The date in a file name: the dispatcher's own calendar day."""
    return clock.pc_now().strftime("%Y-%m-%d")


def start_folder(window: Any) -> Path:
    """Where a save dialog opens: the folder used last (this run, then the remembered
    one), else the user's Documents, else the home folder — never the working directory."""
    for candidate in (window.property(_DIR_PROPERTY), load_export_folder()):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(window: Any, folder: Path) -> None:
    """The folder of a file just chosen: first next time, in this run and the next ones
    (written in a worker thread when an event loop runs)."""
    window.setProperty(_DIR_PROPERTY, str(folder))
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        save_export_folder(folder)
        return
    future = asyncio.ensure_future(asyncio.to_thread(save_export_folder, folder))
    _writes.add(future)
    future.add_done_callback(_writes.discard)


_writes: set[asyncio.Future[None]] = set()  # strong references until each write is done


def ask_save_path(window: Any, caption: str, name: str,
                  filters: Sequence[tuple[str, str]]) -> Path | None:
    """The file dialog, with ``name`` in the last folder used (Documents at first).

    ``filters``: (label, extension) pairs, the first the default. The extension of the
    chosen filter is added when the typed name has none of the offered ones.
    """
    folder = start_folder(window)
    patterns = [f"{label} (*.{ext})" for label, ext in filters]
    path, chosen = QFileDialog.getSaveFileName(window, caption, str(folder / name),
                                               ";;".join(patterns), patterns[0])
    if not path:
        return None
    result = Path(path)
    extensions = [f".{ext}" for _, ext in filters]
    if result.suffix.lower() not in extensions:
        ext = extensions[patterns.index(chosen)] if chosen in patterns else extensions[0]
        result = result.with_name(result.name + ext)
    remember_folder(window, result.parent)
    return result


def failure_text(exc: BaseException, path: Path | None = None) -> str:
    """Why a file was not written (or its data not fetched), in a sentence."""
    where = str(path) if path is not None else ""
    if isinstance(exc, MovizorError):
        from . import i18n

        return translate("Exports", "Could not fetch the data: {reason}").format(
            reason=exc.message(i18n.current_language()))
    if isinstance(exc, PermissionError):
        return translate("Exports", "No permission to write {path}. Choose another folder."
                         ).format(path=where)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate("Exports", "The disk is full: {path} was not saved.").format(
            path=where)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return translate("Exports", "The folder of {path} does not exist.").format(path=where)
    if isinstance(exc, OSError):
        return translate("Exports", "Could not save {path}: {reason}").format(
            path=where, reason=exc.strerror or str(exc))
    reason = str(exc) or type(exc).__name__
    if path is None:
        return translate("Exports", "Could not export: {reason}").format(reason=reason)
    return translate("Exports", "Could not save {path}: {reason}").format(
        path=where, reason=reason)


def map_period(window: Any) -> tuple[datetime, datetime] | None:
    """The period of the map's track layer, when a map is attached and shows one."""
    link = getattr(window, "map_link", None)
    bar = getattr(getattr(link, "panel", None), "period_bar", None)
    return bar.period() if bar is not None else None


def visible_columns(window: MainWindow) -> list[int]:
    """The list's columns as on screen: visual order, hidden ones left out."""
    header = window.subscribers.table.horizontalHeader()
    logical = (header.logicalIndex(v) for v in range(header.count()))
    return [c for c in logical if c >= 0 and not header.isSectionHidden(c)]


def subscriber_table(window: MainWindow, *, for_print: bool = False) -> tuple[Table, list[int]]:
    """The filtered list as shown. Returns (table, positions of right-aligned columns).

    For files the last fix is a datetime and the km a number; for print both are text.
    """
    columns = visible_columns(window)
    titles = column_titles()
    headers = []
    for c in columns:
        title = titles[c]
        if c == FIX:
            title = translate("Exports", "{column} (MSK)").format(column=title)
        headers.append(title)
    proxy, model = window.proxy, window.model
    balance, now = model.balance, clock.now()
    rows: list[list[Any]] = []
    for r in range(proxy.rowCount()):
        row = proxy.index(r, 0).data(ROW_ROLE)
        values: list[Any] = []
        for c in columns:
            if c == PHONE:
                values.append(display_phone(row.phone))
            elif c == FIX:
                if for_print:
                    values.append(to_msk(row.fix_time).strftime("%d.%m.%Y %H:%M")
                                  if row.fix_time else "")
                else:
                    values.append(row.fix_time)
            elif c == KM and not for_print:
                values.append(round(row.distance_km, 1) if row.distance_km is not None
                              else None)
            else:
                values.append(cell_text(row, c, balance, now))
        rows.append(values)
    sheet = translate("Exports", "Subscribers")
    return Table(headers, rows, sheet=sheet), [i for i, c in enumerate(columns) if c == KM]


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


class Exports(QObject):
    """The Export submenu and its three exports (kept as ``window.exports``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.own_tasks = TaskGroup("exports")
        self.busy: set[QAction] = set()
        self.written: list[Path] = []  # files written this run (tests, "open folder")
        self.period_dialog: PeriodDialog | None = None
        # E: export; G: GPS track; J: the events journal ("журнал событий")
        self.list_action = self._action("exportList", "Ctrl+Shift+E")
        self.track_action = self._action("exportTrack", "Ctrl+Shift+G")
        self.events_action = self._action("exportEvents", "Ctrl+Shift+J")
        self.menu = QMenu(window)
        self.menu.setObjectName("exportMenu")
        for action in (self.list_action, self.track_action, self.events_action):
            self.menu.addAction(action)
        file_menu = window.file_menu
        quit_action = window.actions.quit
        file_menu.insertMenu(quit_action, self.menu)
        file_menu.insertSeparator(quit_action)
        window.subscriber_menu.addSeparator()
        window.subscriber_menu.addAction(self.track_action)
        self.list_action.triggered.connect(self.export_list)
        self.track_action.triggered.connect(self.export_track)
        self.events_action.triggered.connect(self.export_events)
        window.subscribers.selection_changed.connect(self.update_actions)
        for signal in (window.model.modelReset, window.model.rowsInserted,
                       window.model.rowsRemoved):
            signal.connect(self.update_actions)
        window.session_changed.connect(self._session_changed)
        self.retranslate()
        self.update_actions()

    def _action(self, name: str, shortcut: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        self.list_action.setText(self.tr("Subscriber &list…"))
        self.list_action.setToolTip(self.tr("Save the list as shown (filter, columns, order) "
                                            "as an Excel workbook or CSV"))
        self.track_action.setText(self.tr("&Track of the selected subscriber…"))
        self.track_action.setToolTip(self.tr("Save the positions of a period as GPX, KML "
                                             "or CSV"))
        self.events_action.setText(self.tr("&Events of a period…"))
        self.events_action.setToolTip(self.tr("Save the account's events of a period as an "
                                              "Excel workbook or CSV"))

    # --- plumbing ---------------------------------------------------------------------------

    def status(self, text: str, level: int = INFO) -> None:
        self.window.statusbar.show_message(text, level)

    def tasks_for(self) -> TaskGroup:
        session = self.window.session
        return session.tasks if session is not None and not session.closed else self.own_tasks

    def decimal(self) -> str:
        return "," if str(getattr(self.window, "lang", "en")).startswith("ru") else "."

    def _session_changed(self, session: Any) -> None:
        self.update_actions()

    def update_actions(self, *args: object) -> None:
        window = self.window
        connected = window.session is not None and not window.session.closed
        one = len(window.subscribers.selected_phones()) == 1
        self.list_action.setEnabled(self.list_action not in self.busy
                                    and window.model.rowCount() > 0)
        self.track_action.setEnabled(self.track_action not in self.busy and connected and one)
        self.events_action.setEnabled(self.events_action not in self.busy and connected)

    def ask_period(self, title: str, intro: str, then: Callable[[datetime, datetime], None],
                   *, preset: int = TODAY) -> None:
        """The period dialog, opened on the map's track period when there is one."""
        self.period_dialog = ask_period(self.window, title, intro, then,
                                        period=map_period(self.window), preset=preset)

    # --- the subscriber list ----------------------------------------------------------------

    def export_list(self) -> None:
        table, _right = subscriber_table(self.window)
        if not table.rows:
            self.status(self.tr("Nothing to export: no subscriber is shown in the list."),
                        WARNING)
            return
        path = ask_save_path(self.window, self.tr("Export the subscriber list"),
                             f"subscribers-{today_stamp()}.xlsx", self._table_filters())
        if path is None:
            return
        decimal = self.decimal()
        Job(self, self.list_action).start(
            lambda: asyncio.to_thread(write_table, path, table, decimal=decimal),
            self.tr("The subscriber list was saved to {path}"), path)

    def _table_filters(self) -> list[tuple[str, str]]:
        return [(self.tr("Excel workbook"), "xlsx"),
                (self.tr("CSV for Excel, semicolon-separated"), "csv")]

    # --- a track ----------------------------------------------------------------------------

    def export_track(self) -> None:
        phones = self.window.subscribers.selected_phones()
        session = self.window.session
        if len(phones) != 1 or session is None:
            return
        phone = phones[0]
        name = self.window.model.title_of(phone)
        self.ask_period(self.tr("Export a track"),
                        self.tr("Positions of {name} to save:").format(name=name),
                        lambda start, end: self._track_period(phone, start, end))

    def _track_period(self, phone: str, start: datetime, end: datetime) -> None:
        session = self.window.session
        if session is None:
            return
        path = ask_save_path(self.window, self.tr("Export the track"),
                             f"track-{phone}-{to_msk(start).strftime('%Y-%m-%d')}.gpx",
                             [(self.tr("GPX track"), "gpx"), (self.tr("KML for Google Earth"),
                                                              "kml"),
                              (self.tr("CSV for Excel, semicolon-separated"), "csv")])
        if path is None:
            return
        title = self.window.model.title_of(phone)
        texts = TrackTexts(
            name=self.tr("{name}: track {period}").format(
                name=title, period=f"{fmt.msk_datetime(start)} – {fmt.msk_datetime(end)}"),
            time_msk=translate("Events", "Time (MSK)"), latitude=self.tr("Latitude"),
            longitude=self.tr("Longitude"), accuracy=self.tr("Accuracy, m"),
            place=self.tr("Place"), fixes=self.tr("Positions"))
        client, decimal = session.client, self.decimal()

        async def work() -> Path | None:
            positions = []
            async for page in client.pos_track(phone, start=start, end=end):
                positions.extend(page)
            fixes = fixes_of(positions)
            if not fixes:
                self.status(self.tr("No positions of {name} in that period: nothing was "
                                    "saved.").format(name=title), WARNING)
                return None
            return await asyncio.to_thread(write_track, path, fixes, texts, decimal=decimal)

        Job(self, self.track_action).start(work, self.tr("The track was saved to {path}"), path)

    # --- events -----------------------------------------------------------------------------

    def export_events(self) -> None:
        if self.window.session is None:
            return
        self.ask_period(self.tr("Export events"), self.tr("Events of the account to save:"),
                        self._events_period, preset=WEEK)

    def _events_period(self, start: datetime, end: datetime) -> None:
        session = self.window.session
        if session is None:
            return
        stamp = f"{to_msk(start):%Y-%m-%d}_{to_msk(end):%Y-%m-%d}"
        path = ask_save_path(self.window, self.tr("Export events"), f"events-{stamp}.xlsx",
                             self._table_filters())
        if path is None:
            return
        texts = EventTexts(time_msk=translate("Events", "Time (MSK)"),
                           event=translate("Events", "Event"),
                           subscriber=translate("Events", "Subscriber"),
                           phone=translate("SubscriberModel", "Phone"),
                           code=self.tr("Code"), sheet=self.tr("Events"))
        names = {kind: name for kind, (name, _tip) in event_texts().items()}
        model = self.window.model
        titles = {r.phone: r.title for r in model.rows() if r.title}
        client, decimal = session.client, self.decimal()

        async def work() -> Path | None:
            found = await fetch_period(client.events, start, end)
            table = events_table(found.events, texts, type_names=names, titles=titles,
                                 phone_text=display_phone)
            written = await asyncio.to_thread(write_table, path, table, decimal=decimal)
            if found.truncated:
                log.warning("events export stopped at the page limit")
            return written

        Job(self, self.events_action).start(
            work, self.tr("The events were saved to {path}"), path)


def install_exports(window: MainWindow) -> Exports:
    exports = Exports(window)
    window.exports = exports  # type: ignore[attr-defined]
    return exports


__all__ = ["Exports", "ask_save_path", "failure_text", "install_exports", "map_period",
           "subscriber_table", "today_stamp", "visible_columns"]

"""Printing and PDF: the subscriber list and a trip report.

* **The subscriber list** (current filter, visible columns in their order) on landscape A4.
* **A trip report** of the selected subscriber on portrait A4: the subscriber, the route
  plan against the fact (planned times, arrivals, the forecast arrival and the deviation,
  from a fresh ``object_get``), the track summary of a chosen period (fixes, distance,
  period, longest stop, gaps: the map's own track code) and a snapshot of the map, which
  is first asked to show that period's track. Without a map the report says so.

The HTML comes from :mod:`movizor_desktop.exchange.report_html` (the trip's content from
:mod:`.trip_report`) and is laid out and painted by :mod:`.render`. "Print…" opens
``QPrintPreviewDialog``; "…as PDF" renders in a thread of its own and writes the file
atomically.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from .... import clock
from ....exchange import report_html as rh
from ... import formatting as fmt
from ...periods import TODAY, ask_period
from ...saving import ask_save_path, failure_text, today_stamp
from ...shell import Feature, Shell
from ...statusbar import ERROR, INFO, WARNING
from ...subscribers.shown import subscriber_table
from ...tasks import TaskGroup
from .render import PrintJob, in_own_thread, page_layout, render, write_pdf
from .trip_report import TripData, gather_trip, trip_html

log = logging.getLogger(__name__)


class Printing(Feature):
    """Print / PDF actions in the File menu; the trip report in the Subscriber menu too."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        window = shell
        self.own_tasks = TaskGroup("printing")
        self.busy: set[QAction] = set()
        self.preview: QPrintPreviewDialog | None = None
        self.last_job: PrintJob | None = None
        self.written: list[tuple[Path, int]] = []  # (file, pages) written this run
        # D: document; O: отчёт (the report); Y: the report as PDF
        self.print_list = self.new_action(
            "printList", QKeySequence.StandardKey.Print, lambda: self.list_job(pdf=False)
        )
        self.pdf_list = self.new_action("pdfList", "Ctrl+Shift+D", lambda: self.list_job(pdf=True))
        self.print_trip = self.new_action("printTrip", "Ctrl+Shift+O", lambda: self.trip(pdf=False))
        self.pdf_trip = self.new_action("pdfTrip", "Ctrl+Shift+Y", lambda: self.trip(pdf=True))
        quit_action = window.window_actions.quit
        for action in (self.print_list, self.pdf_list, self.print_trip, self.pdf_trip):
            window.file_menu.insertAction(quit_action, action)
        window.file_menu.insertSeparator(quit_action)
        window.subscriber_menu.addAction(self.print_trip)
        window.subscriber_menu.addAction(self.pdf_trip)
        window.subscribers.selection_changed.connect(self.update_actions)
        window.session_changed.connect(self.update_actions)
        for signal in (
            window.model.modelReset,
            window.model.rowsInserted,
            window.model.rowsRemoved,
        ):
            signal.connect(self.update_actions)
        self.update_actions()

    def retranslate(self) -> None:
        self.print_list.setText(self.tr("&Print the subscriber list…"))
        self.pdf_list.setText(self.tr("Subscriber &list as PDF…"))
        self.print_trip.setText(self.tr("Print a tr&ip report…"))
        self.pdf_trip.setText(self.tr("Trip rep&ort as PDF…"))
        self.print_trip.setToolTip(
            self.tr("Route plan against the fact, track summary and map of the selected subscriber")
        )

    def update_actions(self, *args: object) -> None:
        window = self.shell
        rows = window.model.rowCount() > 0
        one = len(window.subscribers.selected_phones()) == 1
        connected = window.session is not None and not window.session.closed
        for action, ok in (
            (self.print_list, rows),
            (self.pdf_list, rows),
            (self.print_trip, one and connected),
            (self.pdf_trip, one and connected),
        ):
            action.setEnabled(ok and action not in self.busy)

    def status(self, text: str, level: int = INFO) -> None:
        self.shell.statusbar.show_message(text, level)

    def tasks_for(self) -> TaskGroup:
        session = self.shell.session
        return session.tasks if session is not None and not session.closed else self.own_tasks

    def header(self, what: str) -> str:
        session = self.shell.session
        parts = ["Movizor Desktop"]
        if session is not None:
            profile = session.profile
            account = (
                profile.name
                if profile.name == profile.project
                else f"{profile.name} ({profile.project})"
            )
            parts.append(account)
        parts += [what, fmt.msk_datetime(clock.now())]
        return " · ".join(p for p in parts if p)

    def page_text(self) -> str:
        return self.tr("Page {page} of {pages}")

    # --- output -----------------------------------------------------------------------------

    def output(self, job: PrintJob, *, pdf: bool, name: str, action: QAction) -> None:
        """Preview for printing, or ask for a file and write the PDF off the Qt thread."""
        self.last_job = job
        if not pdf:
            self.open_preview(job)
            return
        path = ask_save_path(
            self.shell.widget, self.tr("Save as PDF"), name, [(self.tr("PDF document"), "pdf")]
        )
        if path is None:
            return
        self.run(action, lambda: in_own_thread(write_pdf, job, path), path)

    def open_preview(self, job: PrintJob) -> QPrintPreviewDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(job.landscape))
        printer.setDocName(job.title)
        preview = QPrintPreviewDialog(printer, self.shell.widget)
        preview.setObjectName("printPreview")
        preview.setWindowTitle(job.title)
        preview.paintRequested.connect(lambda device: render(job, device))
        preview._printer = printer  # type: ignore[attr-defined]  # outlives the dialog
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(lambda _r: setattr(self, "preview", None))
        self.preview = preview
        preview.open()
        return preview

    def saved(self, path: Path, pages: int) -> None:
        self.written.append((path, pages))
        self.status(self.tr("Saved {path} (%n page(s))", "", pages).format(path=str(path)), INFO)

    def run(self, action: QAction, make: Callable[[], Any], path: Path | None) -> None:
        self.busy.add(action)
        self.update_actions()

        async def go() -> None:
            try:
                result = await make()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("printing to %s failed: %s", path, exc)
                self.status(failure_text(exc, path), ERROR)
            else:
                if result is not None:
                    self.saved(*result)
            finally:
                self.busy.discard(action)
                self.update_actions()

        self.tasks_for().spawn(go())

    # --- the subscriber list ----------------------------------------------------------------

    def list_job(self, *, pdf: bool) -> None:
        shell = self.shell
        table, right = subscriber_table(shell.subscribers, shell.proxy, shell.model, for_print=True)
        if not table.rows:
            self.status(self.tr("Nothing to print: no subscriber is shown in the list."), WARNING)
            return
        proxy = self.shell.proxy
        title = self.tr("Subscribers")
        subtitle = self.tr("%n subscriber(s)", "", len(table.rows))
        if proxy.is_filtered():
            subtitle += " · " + self.tr("filtered: {filter}").format(filter=self._filter_text())
        job = PrintJob(
            rh.list_report(title, subtitle, table.headers, table.rows, right=right),
            title=title,
            header=self.header(title),
            page_text=self.page_text(),
            landscape=True,
        )
        self.output(
            job,
            pdf=pdf,
            name=f"subscribers-{today_stamp()}.pdf",
            action=self.pdf_list if pdf else self.print_list,
        )

    def _filter_text(self) -> str:
        proxy, parts = self.shell.proxy, []
        if proxy.search:
            parts.append(f"“{proxy.search}”")
        if proxy.group != "all":
            button = self.shell.subscribers.group_buttons.get(proxy.group)
            parts.append(button.text() if button is not None else proxy.group)
        if proxy.tag:
            parts.append(self.tr("tag {tag}").format(tag=proxy.tag))
        return ", ".join(parts)

    # --- a trip report ----------------------------------------------------------------------

    def trip(self, *, pdf: bool) -> None:
        phones = self.shell.subscribers.selected_phones()
        if len(phones) != 1 or self.shell.session is None:
            return
        phone = phones[0]
        ask_period(
            self.shell.widget,
            self.tr("Trip report"),
            self.tr("Track period for the report of {name}:").format(
                name=self.shell.model.title_of(phone)
            ),
            lambda start, end: self._trip_period(phone, start, end, pdf),
            period=self.shell.map.track_period() if self.shell.map else None,
            preset=TODAY,
        )

    def _trip_period(self, phone: str, start: datetime, end: datetime, pdf: bool) -> None:
        session = self.shell.session
        if session is None:
            return
        action = self.pdf_trip if pdf else self.print_trip
        path = None
        if pdf:
            path = ask_save_path(
                self.shell.widget,
                self.tr("Save as PDF"),
                f"trip-{phone}-{today_stamp()}.pdf",
                [(self.tr("PDF document"), "pdf")],
            )
            if path is None:
                return
        self.busy.add(action)
        self.update_actions()
        self.status(self.tr("Preparing the trip report…"), INFO)

        async def go() -> None:
            try:
                data: TripData = await gather_trip(self.shell, session.client, phone, start, end)
                title = self.tr("Trip report")
                job = PrintJob(
                    trip_html(data),
                    title=f"{title}: {data.name}",
                    header=self.header(f"{title}: {data.name}"),
                    page_text=self.page_text(),
                    landscape=False,
                    images=data.images,
                )
                self.last_job = job
                if path is None:
                    self.status(self.tr("Trip report ready for printing."), INFO)
                    self.open_preview(job)
                    return
                self.saved(*await in_own_thread(write_pdf, job, path))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("trip report failed: %s", exc)
                self.status(failure_text(exc, path), ERROR)
            finally:
                self.busy.discard(action)
                self.update_actions()

        self.tasks_for().spawn(go())


__all__ = ["Printing"]

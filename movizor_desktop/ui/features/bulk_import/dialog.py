"""Import subscribers from a CSV or XLSX file: Tools → "Import subscribers…".

Three pages: **File** (a path typed, pasted or chosen; the sheet of a workbook or the
encoding of a CSV file, detected and shown, with a way to choose another; read off the Qt
thread, bounded so that any file is read or refused within seconds), **Columns**
(:mod:`.import_map_page`: what each column holds, guessed and remembered), **Check and
add** (:mod:`.import_preview`: every row with what is wrong in
it; bad rows are never sent). "Add N" sends the ready rows one by one through
``session.actions.add`` — the add dialog's path, so each new subscriber shows in the list
through the sync engine — under :class:`~movizor_desktop.exchange.import_run.ImportRunner`
(journalled, never twice, never retried). "Stop" stops before the next row; the one in
flight finishes. At the end the rows not added, and why, can be saved as CSV.

The Qt-free work lives in ``movizor_desktop.exchange``; this module only wires it. The
dialog is shown with ``open()`` (qasync: never a nested ``exec()``).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....api.errors import MovizorError
from ....exchange.import_columns import guess_mapping, remembered_columns
from ....exchange.import_journal import ImportJournal
from ....exchange.import_report import failures, write_report
from ....exchange.import_rows import ImportRow, Lookups, build_rows, gather_lookups
from ....exchange.import_run import ADDED_OK, ImportRunner, RowResult, summary
from ....exchange.import_values import KNOWN_TARIFFS, msk_now
from ....exchange.table_read import Table, TableError, read_table
from ....store.import_mapping import ImportMappingStore, ImportMemory
from ...dialogs.widgets import Banner
from .file_page import FilePage
from .map_page import MappingPage
from .preview import PreviewPane

if TYPE_CHECKING:
    from ...session import Session

log = logging.getLogger(__name__)

FILE_PAGE, MAP_PAGE, PREVIEW_PAGE = range(3)
FILE_FILTER = "*.csv *.xlsx *.xlsm *.txt"


class ImportDialog(QDialog):
    imported = Signal(list)  # the RowResults, once a run is over

    def __init__(
        self,
        session: Session,
        *,
        lang: str = "en",
        parent: QWidget | None = None,
        store: ImportMappingStore | None = None,
        now: Any = msk_now,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.store = store or ImportMappingStore()
        self.memory = ImportMemory()
        self._now = now
        self.table: Table | None = None
        self.rows: list[ImportRow] = []
        self.lookups: Lookups | None = None
        self.results: list[RowResult] = []
        self.runner: ImportRunner | None = None
        self._reads = 0  # the newest file read; older answers are dropped
        self._busy = False  # reading, checking or saving
        self._running = False
        self._done = False
        self._stop_requested = False
        self._check_task: asyncio.Task[None] | None = None
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import subscribers"))
        self.setMinimumSize(760, 520)

        self.banner = Banner()
        self.stack = QStackedWidget()
        self.file_page = FilePage()
        self.path_edit, self.sheet_combo = self.file_page.path_edit, self.file_page.sheet_combo
        self.file_page.path_entered.connect(self.set_path)
        self.file_page.browse_button.clicked.connect(self.choose_file)
        self.file_page.sheet_combo.activated.connect(lambda _i: self._read(self.path_edit.text()))
        self.file_page.encoding_combo.activated.connect(
            lambda _i: self._read(self.path_edit.text())
        )
        self.stack.addWidget(self.file_page)
        self.mapping_page = MappingPage()
        self.stack.addWidget(self.mapping_page)
        self.preview = PreviewPane(lang)
        self.stack.addWidget(self.preview)

        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.start_button = QPushButton()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.report_button = QPushButton(self.tr("Save report…"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for name, button in (
            ("import_back", self.back_button),
            ("import_next", self.next_button),
            ("import_start", self.start_button),
            ("import_stop", self.stop_button),
            ("import_report", self.report_button),
            ("import_close", self.close_button),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            buttons.addWidget(button)
            if name == "import_back":
                buttons.addStretch(1)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.report_button.clicked.connect(self.choose_report)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self._cancel_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.session.tasks.spawn(self._load_memory())
        self._update()

    # --- state ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def busy(self) -> bool:
        return self._busy

    def page(self) -> int:
        return self.stack.currentIndex()

    def ready_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ready]

    def _update(self) -> None:
        page, busy, running = self.page(), self._busy, self._running
        self.back_button.setVisible(page != FILE_PAGE)
        self.back_button.setEnabled(not busy and not running and not self._done)
        self.next_button.setVisible(page != PREVIEW_PAGE)
        self.next_button.setText(self.tr("Check rows") if page == MAP_PAGE else self.tr("Next"))
        self.next_button.setEnabled(not busy and self.table is not None)
        count = len(self.ready_rows())
        self.start_button.setText(self.tr("Add {count}").format(count=count))
        self.start_button.setVisible(page == PREVIEW_PAGE and not self._done)
        self.start_button.setEnabled(count > 0 and not busy and not running)
        self.stop_button.setVisible(running)
        self.report_button.setVisible(self._done and bool(failures(self.results)))
        self.report_button.setEnabled(not busy)
        self.close_button.setVisible(not running)
        self.file_page.setEnabled(not busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    async def _load_memory(self) -> None:
        memory = await asyncio.to_thread(self.store.load)
        if shiboken6.isValid(self):
            self.memory = memory

    # --- page 1: the file ------------------------------------------------------------------

    def choose_file(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Import subscribers"),
            self.memory.folder,
            self.tr("Tables ({patterns})").format(patterns=FILE_FILTER),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.set_path)
        dialog.open()

    def set_path(self, path: str) -> None:
        """Read ``path`` (off the Qt thread) and show what it holds."""
        path = path.strip().strip('"')
        self.file_page.set_path(path)
        self._read(path)

    def _read(self, path: str) -> None:
        self.table = None
        self.file_page.show_message("")
        if not path:
            self._update()
            return
        self._reads += 1
        sheet = self.sheet_combo.currentText() or None
        encoding = self.file_page.encoding()
        self._set_busy(True)
        self.file_page.show_message(self.tr("Reading the file…"))
        self.session.tasks.spawn(self._read_file(path, sheet, encoding, self._reads))

    async def _read_file(
        self, path: str, sheet: str | None, encoding: str | None, generation: int
    ) -> None:
        try:
            table = await asyncio.to_thread(read_table, path, sheet=sheet, encoding=encoding)
        except TableError as exc:
            table, error = None, exc.message(self.lang)
        except Exception:
            log.exception("import: reading %s failed", path)
            table, error = None, self.tr("The file could not be read.")
        if not shiboken6.isValid(self) or generation != self._reads:
            return
        self._set_busy(False)
        self.table = table
        if table is None:
            self.file_page.show_message(error, error=True)
        elif not self.file_page.show_table(table):
            self.table = None
        self._update()

    # --- navigation -------------------------------------------------------------------------

    def next(self) -> None:
        if self._busy or self.table is None:
            return
        if self.page() == FILE_PAGE:
            self.mapping_page.load(
                self.table, guess_mapping(self.table.headers, self.memory.columns)
            )
            self._fill_tariffs()
            self.stack.setCurrentIndex(MAP_PAGE)
        elif self.page() == MAP_PAGE and self.mapping_page.validate():
            self._set_busy(True)
            self.banner.set_message(None)
            self._check_task = self.session.tasks.spawn(self._check())
        self._update()

    def back(self) -> None:
        if self._busy or self._running or self._done or self.page() == FILE_PAGE:
            return
        self.stack.setCurrentIndex(self.page() - 1)
        self._update()

    def _fill_tariffs(self, balance: Any = None) -> None:
        balance = balance or self.session.engine.status.balance
        titles: dict[str, str] = {}
        if balance is not None:
            titles = Lookups(balance=balance).tariff_titles()
        options = sorted(
            titles.items() if titles else ((t, "") for t in KNOWN_TARIFFS),
            key=lambda item: int(item[0]) if item[0].isdigit() else 0,
        )
        current = (
            self.mapping_page.default_tariff()
            if self.mapping_page.tariff_combo.count()
            else (self.memory.default_tariff or "15")
        )
        self.mapping_page.set_tariffs(options, current)

    # --- page 3: the check ------------------------------------------------------------------

    async def _check(self) -> None:
        assert self.table is not None
        table, mapping = self.table, self.mapping_page.mapping()
        default = self.mapping_page.default_tariff()
        self.preview.summary.setText(self.tr("Checking the rows with Movizor…"))
        self.preview.model.set_rows([])
        self.stack.setCurrentIndex(PREVIEW_PAGE)
        self._update()
        try:
            await asyncio.to_thread(
                self.store.remember,
                remembered_columns(table.headers, mapping),
                default_tariff=default or "",
                folder=str(Path(self.path_edit.text()).parent),
            )
        except OSError as exc:
            log.warning("import: the column choices could not be saved: %s", exc)
        known = self.session.engine.fleet.phones()
        try:
            lookups = await gather_lookups(self.session.client, table, mapping, known=known)
            rows = await asyncio.to_thread(
                build_rows, table, mapping, lookups, default_tariff=default, now=self._now
            )
        except Exception:
            log.exception("import: checking the rows failed")
            if shiboken6.isValid(self):
                self.banner.set_message(
                    self.tr("The rows could not be checked; the details are in the log.")
                )
                self.preview.summary.setText("")
                self._set_busy(False)
            return
        if not shiboken6.isValid(self):
            return
        self.lookups, self.rows = lookups, rows
        if lookups.balance is not None:
            self._fill_tariffs(lookups.balance)
        if lookups.errors:
            self.banner.set_message(
                self.tr(
                    "Some checks could not be made ({error}); such rows are checked by Movizor "
                    "when they are sent."
                ).format(error=lookups.errors[0].message(self.lang))
            )
        self.preview.show_rows(rows, unchecked=lookups.unchecked_operators)
        self._set_busy(False)

    def _cancel_check(self, *_: object) -> None:
        """Closed while checking: the operator and address look-ups (hundreds of requests
        for a big file, all counted against the hour's quota) stop with the dialog."""
        if self._check_task is not None and not self._check_task.done():
            self._check_task.cancel()

    # --- the run ------------------------------------------------------------------------

    def start(self) -> None:
        """Add the ready rows (once: a second click, or one after the run, does nothing)."""
        if self._running or self._done or self._busy or not self.ready_rows():
            return
        self._running = True
        self.banner.set_message(None)
        self.preview.start(len(self.ready_rows()))
        self._update()
        self.session.tasks.spawn(self._run())

    async def _run(self) -> None:
        try:
            journal = await asyncio.to_thread(ImportJournal.for_profile, self.session.profile.name)
            self.runner = ImportRunner(
                self.session.client,
                self.session.actions.add,
                journal,
                lang=self.lang,
                known=self.session.engine.fleet.phones(),
                source=Path(self.path_edit.text()).name,
            )
            if self._stop_requested:
                self.runner.cancel()
            self.results = await self.runner.run(
                self.rows, on_result=self._on_result, on_sending=self.preview.sending
            )
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self.banner.set_message(
                    self.tr(
                        "The subscribers on the account could not be read, so nothing was sent: "
                        "{error}"
                    ).format(error=exc.message(self.lang))
                )
        except OSError as exc:
            log.exception("import: the journal could not be written")
            if shiboken6.isValid(self):
                self.banner.set_message(
                    self.tr(
                        "The import journal could not be written ({error}); nothing more was sent."
                    ).format(error=exc.strerror or exc)
                )
        finally:
            if self.runner is not None:  # also the rows done before a failure
                self.results = list(self.runner.results)
            if shiboken6.isValid(self):
                self._finish()

    def _on_result(self, index: int, result: RowResult) -> None:
        if shiboken6.isValid(self):
            self.preview.result(index, result, counted=self.rows[index].ready)

    def _finish(self) -> None:
        self._running = False
        ran = self.runner is not None and bool(self.results)
        self._done = ran
        if ran:
            counts = summary(self.results)
            added = counts.get(ADDED_OK, 0)
            self.preview.summary.setText(
                self.tr("{added} added, {other} not added.").format(
                    added=added, other=len(self.results) - added
                )
                + (" " + self.tr("Save the report to see why.") if failures(self.results) else "")
            )
            self.session.engine.refresh_now()
            self.imported.emit(list(self.results))
        self._update()

    def stop(self) -> None:
        """Stop before the next row; the one in flight finishes and its result counts."""
        if not self._running:
            return
        self._stop_requested = True
        if self.runner is not None:
            self.runner.cancel()
        self.stop_button.setEnabled(False)
        self.stop_button.setText(self.tr("Stopping…"))

    # --- the report -----------------------------------------------------------------------

    def choose_report(self) -> None:
        dialog = QFileDialog(
            self, self.tr("Save the import report"), self.memory.folder, self.tr("CSV (*.csv)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(self.tr("import-report.csv"))
        dialog.fileSelected.connect(self.save_report)
        dialog.open()

    def save_report(self, path: str) -> None:
        if not path or self._busy:
            return
        self._set_busy(True)
        self.session.tasks.spawn(self._save_report(path))

    async def _save_report(self, path: str) -> None:
        try:
            count = await asyncio.to_thread(write_report, path, self.results, self.lang)
        except OSError as exc:
            message, ok = (
                self.tr("The report could not be saved: {error}").format(error=exc.strerror or exc),
                False,
            )
        else:
            message, ok = (
                self.tr("Report saved to {path}; rows: %n.", "", count).format(path=path),
                True,
            )
        if shiboken6.isValid(self):
            self._set_busy(False)
            if ok:
                self.banner.set_message(None)
                self.preview.summary.setText(message)
            else:
                self.banner.set_message(message)

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self._running:  # Escape while adding: stop after the row in flight
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._running:
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["ImportDialog"]

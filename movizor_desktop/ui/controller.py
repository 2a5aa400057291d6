"""The glue between the window's actions and the session: every action runs as a task.

* Work goes through ``session.actions`` / ``session.engine`` as tasks of the session's
  TaskGroup (cancelled when the session closes); nothing blocks the Qt thread.
* Confirmations are awaited with ``open()`` (never ``exec()`` inside a task, qasync #59).
* Results and errors land next to what failed: the details pane's banner for the
  subscriber concerned, plus one sentence in the status bar; a multi-delete ends with a
  per-subscriber summary. Any unexpected exception of a task is logged and reported in the
  status bar: the window keeps working.
* A position request marks the row busy at once (spinner in the status column, progress
  in the details pane, the action disabled): a double click sends one pos_request.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import clock
from ..api.errors import MovizorError
from ..api.phones import format_phone
from ..fleet import ChangeSet, FleetRow
from ..sync.actions import ActionInProgress, PositionTimeoutError
from . import formatting as fmt
from .position_watch import PositionWatch
from .statusbar import ERROR, INFO, WARNING

if TYPE_CHECKING:
    from ..planning.legs import LegCheck
    from .actions import WindowActions
    from .details import DetailsPane
    from .session import Session
    from .shell import MapAccess
    from .statusbar import StatusBar
    from .subscribers.model import SubscriberModel
    from .subscribers.view import SubscriberList

log = logging.getLogger(__name__)
MAX_ROW_REFRESH = 20  # F5 re-reads at most this many selected rows
DETAILS_STALE = 300.0  # seconds: selecting a row older than this re-reads it


async def _ask_delete(parent: QWidget, rows: Sequence[FleetRow]) -> bool:
    from .dialogs.confirm import ask_delete

    return await ask_delete(parent, rows)


async def _ask_box(box: QMessageBox) -> bool:
    from .dialogs.widgets import run_dialog

    try:
        await run_dialog(box)
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
    finally:
        box.deleteLater()


class Controller(QObject):
    position_arrived = Signal(str)  # a requested position came (now or later): the map rings it

    def __init__(
        self,
        window: QWidget,
        *,
        subscribers: SubscriberList,
        model: SubscriberModel,
        details: DetailsPane,
        statusbar: StatusBar,
        actions: WindowActions,
        lang: str = "en",
        map_access: Callable[[], MapAccess | None] = lambda: None,
        leg_check: Callable[[], LegCheck | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.map_access = map_access  # the window's map, once attached (route-editor maps)
        self.leg_check = leg_check  # the route editor's arrival model, as the Preferences say
        self.list = subscribers
        self.model = model
        self.details = details
        self.statusbar = statusbar
        self.actions = actions
        self.lang = lang
        self.session: Session | None = None
        self.poll_interval = 10.0  # pos_get polling (tests shorten it)
        self.position_timeout = 330.0
        # Hooks (tests replace them): awaited confirmations.
        self.ask_delete: Callable[[QWidget, Sequence[FleetRow]], Awaitable[bool]] = _ask_delete
        self.ask_box: Callable[[QMessageBox], Awaitable[bool]] = _ask_box
        self._busy: dict[str, str] = {}  # phone -> action running for it
        self.last_summary: QMessageBox | None = None  # the last multi-delete summary
        self.watch = PositionWatch(statusbar, self._name, self)
        self.watch.arrived.connect(self.position_arrived)
        self._details_timer = QTimer(self, singleShot=True, interval=400)
        self._details_timer.timeout.connect(self._load_details)
        a = actions
        a.add.triggered.connect(self.add)
        a.edit.triggered.connect(self.edit)
        a.request_position.triggered.connect(self.request_position)
        a.delete.triggered.connect(self.delete)
        a.reactivate.triggered.connect(self.reactivate)
        a.cancel_tariff.triggered.connect(self.cancel_tariff)
        a.refresh.triggered.connect(self.refresh)
        a.copy_phone.triggered.connect(self.copy_phones)

    # --- state ------------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        for phone in list(self._busy):
            self._release(phone)
        self.update_actions()

    @property
    def connected(self) -> bool:
        if self.session is None or self.session.closed:
            return False
        return str(self.session.engine.status.state) != "auth_failed"

    def busy_phones(self) -> set[str]:
        return set(self._busy)

    def update_actions(self) -> None:
        self.actions.update_state(
            self.list.selected_rows(),
            connected=self.connected,
            busy=self._position_busy(),
            has_session=self.session is not None,
        )

    def changes_applied(self, changes: ChangeSet) -> None:
        """The window applied a sync step: a late requested position is announced."""
        self.watch.changes_applied(changes)

    def _position_busy(self) -> set[str]:
        return {p for p, action in self._busy.items() if action == "request_position"}

    def current_changed(self, phone: str | None) -> None:
        """The current row changed: re-read stale details after a short pause."""
        self._details_timer.start()

    def _load_details(self) -> None:
        session, phone = self.session, self.list.current_phone()
        row = self.model.get(phone) if phone else None
        if session is None or row is None or not self.connected:
            return
        if (
            row.details_at is not None
            and (clock.now() - row.details_at).total_seconds() < DETAILS_STALE
        ):
            return
        session.tasks.spawn(
            self._quiet(session.engine.refresh_row(row.phone)),
            slot="details",
            on_error=self._unexpected,
        )

    async def _quiet(self, work: Awaitable[Any]) -> None:
        try:
            await work
        except MovizorError as exc:  # the status bar shows connection trouble already
            log.info("details refresh failed: %s", exc)

    def _spawn(self, coro: Awaitable[Any], slot: str | None = None) -> None:
        assert self.session is not None
        self.session.tasks.spawn(coro, slot=slot, on_error=self._unexpected)  # type: ignore[arg-type]

    def _unexpected(self, exc: BaseException) -> None:
        log.error(
            "unexpected error in a window action", exc_info=(type(exc), exc, exc.__traceback__)
        )
        self.statusbar.show_message(
            self.tr("Something went wrong; the details are in the log."), ERROR
        )

    def _name(self, phone: str) -> str:
        return self.model.title_of(phone)

    def _fail(self, phone: str | None, exc: MovizorError | ActionInProgress) -> None:
        text = exc.message(self.lang)
        details = exc.details(self.lang) if isinstance(exc, MovizorError) else ""
        if phone is not None:
            self.details.show_error(phone, text, details)
            text = self.tr("{name}: {error}").format(name=self._name(phone), error=text)
        self.statusbar.show_message(text, ERROR, details=details)

    def _mark(self, phone: str, action: str, text: str) -> None:
        self._busy[phone] = action
        self.model.set_busy(phone, text)
        self.details.clear_error(phone)
        self.update_actions()

    def _release(self, phone: str) -> None:
        self._busy.pop(phone, None)
        self.model.set_busy(phone, None)
        self.details.set_progress(phone, None)
        self.update_actions()

    def _one(self) -> FleetRow | None:
        rows = self.list.selected_rows()
        return rows[0] if len(rows) == 1 else None

    # --- add / edit -------------------------------------------------------------------------

    def add(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        row = self._one()
        if row is not None:
            self._open_dialog(row)

    def _open_dialog(self, row: FleetRow | None) -> None:
        if self.session is None:
            return
        from .dialogs.subscriber import SubscriberDialog

        link = self.map_access()
        dialog = SubscriberDialog(
            self.session,
            row=row,
            tags=self.model.all_tags(),
            lang=self.lang,
            parent=self.window,
            route_map=link.route_map_factory() if link else None,
            leg_check=self.leg_check(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved, new=row is None: self._saved(saved, new))
        dialog.open()

    def _saved(self, row: FleetRow, new: bool) -> None:
        name = self._name(row.phone)
        self.statusbar.show_message(
            self.tr("{name} added; the driver gets an SMS asking for consent.").format(name=name)
            if new
            else self.tr("{name} saved.").format(name=name),
            INFO,
        )
        self.list.select_phone(row.phone)

    # --- request position -------------------------------------------------------------------

    def request_position(self) -> None:
        row = self._one()
        if row is None or self.session is None or row.phone in self._busy:
            return
        self._mark(row.phone, "request_position", self.tr("Locating…"))
        self.watch.forget(row.phone)
        self._spawn(self._request_position(row))

    async def _request_position(self, row: FleetRow) -> None:
        phone, session = row.phone, self.session
        assert session is not None
        requested = clock.now()
        try:
            if not await self._confirm_cost(row):
                return
            self.details.set_progress(phone, self.tr("Position requested…"))

            def progress(stage: str, info: dict[str, Any]) -> None:
                self._progress(phone, stage, info)

            position = await session.actions.request_position(
                phone,
                poll_interval=self.poll_interval,
                timeout=self.position_timeout,
                progress=progress,
            )
        except (MovizorError, ActionInProgress) as exc:
            if isinstance(exc, PositionTimeoutError):  # it may still come: say so when it does
                self.watch.expect(phone, requested)
            self._fail(phone, exc)
        else:
            where = fmt.place_text(position.place) or fmt.coordinates(position.lat, position.lon)
            if position.radius:
                where += f" ({fmt.metres(position.radius)})"
            self.statusbar.show_message(
                self.tr("{name}: position received — {where}, {time}.").format(
                    name=self._name(phone), where=where, time=fmt.msk_clock(position.timestamp)
                ),
                INFO,
            )
            self.position_arrived.emit(phone)
        finally:
            self._release(phone)

    def _progress(self, phone: str, stage: str, info: dict[str, Any]) -> None:
        if stage == "requested":
            text = self.tr("Position requested; waiting for the operator…")
            short = self.tr("Requested…")
        elif stage == "polling":
            elapsed = fmt.duration_seconds(float(info.get("elapsed", 0.0)))
            text = self.tr("Waiting for the operator… {elapsed}").format(elapsed=elapsed)
            short = self.tr("Locating… {elapsed}").format(elapsed=elapsed)
        elif stage == "done":
            text = short = self.tr("Position received.")
        else:
            return
        self.details.set_progress(phone, text)
        if phone in self._busy:
            self.model.set_busy(phone, short)

    async def _confirm_cost(self, row: FleetRow) -> bool:
        """Ask before a request that may cost money: on the manual tariff (the price from
        the balance table), or while the table that tells the tariffs apart is unknown.
        True at once for a tariff the table shows not to be manual."""
        session = self.session
        assert session is not None
        balance = session.engine.status.balance or self.model.balance
        manual = session.actions.manual_tariff(row, balance)
        if manual is False:
            return True
        cost = session.actions.request_cost(row, balance)
        name = self._name(row.phone)
        if manual is None:
            text = self.tr(
                "{name}'s tariff is not in the price table yet, so this request may be charged."
            ).format(name=name)
        elif cost is not None:
            text = self.tr("{name} is on the manual tariff: this request costs {cost}.").format(
                name=name, cost=fmt.money(cost, fmt.locale_for(self.lang))
            )
        else:
            text = self.tr(
                "{name} is on the manual tariff: each request is charged by the tariff."
            ).format(name=name)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Request position?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("confirm_request_cost")
        box.setInformativeText(self.tr("The operator answers within a few minutes."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Request"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return await self.ask_box(box)

    # --- delete -----------------------------------------------------------------------------

    def delete(self) -> None:
        rows = [r for r in self.list.selected_rows() if r.phone not in self._busy]
        if not rows or self.session is None:
            return
        for row in rows:
            self._busy[row.phone] = "delete"
        self.update_actions()
        self._spawn(self._delete(rows))

    async def _delete(self, rows: list[FleetRow]) -> None:
        session = self.session
        assert session is not None
        phones = [r.phone for r in rows]
        try:
            if not await self.ask_delete(self.window, rows):
                return
            for phone in phones:
                self._mark(phone, "delete", self.tr("Deleting…"))
            if len(phones) == 1:
                try:
                    result = await session.actions.delete(phones[0])
                except (MovizorError, ActionInProgress) as exc:
                    self._fail(phones[0], exc)
                else:
                    self.statusbar.show_message(self._delete_text(phones[0], result), INFO)
                return
            outcome = await session.actions.delete_many(phones)
            self._delete_summary(outcome)
        finally:
            for phone in phones:
                self._release(phone)

    def _delete_text(self, phone: str, result: Any) -> str:
        name = self._name(phone)
        if str(getattr(result, "code", "")).upper() == "DELETED":
            return self.tr("{name} deleted.").format(name=name)
        return self.tr("{name} disabled; delete it again to remove it for good.").format(name=name)

    def _delete_summary(self, outcome: dict[str, Any]) -> None:
        lines, failed = [], 0
        for phone, result in outcome.items():
            if isinstance(result, (MovizorError, ActionInProgress)):
                failed += 1
                message = result.message(self.lang)
                self.details.show_error(phone, message)
                lines.append(f"✕ {self._name(phone)}: {message}")
            else:
                lines.append(f"✓ {self._delete_text(phone, result)}")
        done = len(outcome) - failed
        summary = self.tr("Done: {done} of {total}; refused: {failed}.").format(
            done=done, total=len(outcome), failed=failed
        )
        self.statusbar.show_message(summary, WARNING if failed else INFO)
        box = QMessageBox(
            QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information,
            self.tr("Disable / delete"),
            summary,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("delete_summary")
        box.setInformativeText("\n".join(lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_summary = box

    # --- reactivate / cancel tariff ---------------------------------------------------------

    def reactivate(self) -> None:
        rows = [r for r in self.list.selected_rows() if r.phone not in self._busy]
        if rows and self.session is not None:
            for row in rows:
                self._mark(row.phone, "reactivate", self.tr("Reactivating…"))
            self._spawn(
                self._each(
                    rows,
                    "reactivate",
                    self.tr("{name}: reactivated; the driver gets the consent SMS again."),
                )
            )

    def cancel_tariff(self) -> None:
        row = self._one()
        if row is not None and self.session is not None and row.phone not in self._busy:
            self._mark(row.phone, "cancel_tariff", self.tr("Cancelling…"))
            self._spawn(
                self._each(
                    [row],
                    "cancel_tariff",
                    self.tr("{name}: the tariff change is cancelled; the current tariff stays."),
                )
            )

    async def _each(self, rows: list[FleetRow], action: str, done_text: str) -> None:
        session = self.session
        assert session is not None
        call = getattr(session.actions, action)
        try:
            for row in rows:
                try:
                    await call(row.phone)
                except (MovizorError, ActionInProgress) as exc:
                    self._fail(row.phone, exc)
                else:
                    self.statusbar.show_message(done_text.format(name=self._name(row.phone)), INFO)
                finally:
                    self._release(row.phone)
        finally:
            for row in rows:
                if self._busy.get(row.phone) == action:
                    self._release(row.phone)

    # --- copy -------------------------------------------------------------------------------

    def copy_phones(self) -> None:
        """The selected numbers to the clipboard, one a line, as the list shows them."""
        phones = [format_phone(r.phone) for r in self.list.selected_rows()]
        if not phones:
            return
        QGuiApplication.clipboard().setText("\n".join(phones))
        self.statusbar.show_message(
            self.tr("Copied: {phones}").format(phones=", ".join(phones)), INFO, 4000
        )

    # --- refresh ----------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        if not self.connected:
            self.statusbar.show_message(
                self.tr("The key was refused: change it in the connection settings first."), WARNING
            )
            return
        session.engine.refresh_now()
        phones = self.list.selected_phones()[:MAX_ROW_REFRESH]
        if phones:
            self._spawn(self._refresh_rows(phones), slot="refresh_rows")
        self.statusbar.show_message(self.tr("Refreshing…"), INFO, 3000)

    async def _refresh_rows(self, phones: list[str]) -> None:
        session = self.session
        assert session is not None
        for phone in phones:
            try:
                await session.engine.refresh_row(phone)
            except MovizorError as exc:
                self._fail(phone, exc)
                return


__all__ = ["Controller"]

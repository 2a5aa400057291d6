"""Every user action of the main window, as one async call each. No Qt here.

Widgets never build requests: they call :class:`FleetActions`, which sends the write
through the client (writes are sent exactly once — the client never retries them), then
reads the subscriber back with ``object_get`` so the row shows what the server now says,
and hands the change to the engine's ``on_change`` listener and cache.

A schedule saved here is also remembered in the local cache
(:mod:`.local_schedules`), for servers whose ``object_get`` does not report it.

Errors are the client's :class:`~movizor_desktop.api.errors.MovizorError` family, raised
unchanged: the UI shows ``err.message(lang)`` next to what failed. A
:class:`~movizor_desktop.api.errors.TransportError` with ``maybe_applied`` on a write means
the change may have happened: the engine is told to look (object_list + object_get next
cycle), and nothing is repeated automatically.

A second click on an action that is still running for the same phone raises
:class:`ActionInProgress` at once, without a request: a double click never adds, charges
or deletes twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Unpack

from ..api.codes import ErrorKind, ErrorSpec
from ..api.errors import (
    MovizorError,
    PendingError,
    RequestFailedError,
    TransportError,
    from_answer,
)
from ..api.models import Balance, Position, Result
from ..api.phones import normalize_phone
from ..api.subscriber_fields import SubscriberFields
from ..api.tariffs import TariffBook
from ..fleet import FleetRow

if TYPE_CHECKING:
    from ..api.client import MovizorClient
    from .engine import SyncEngine

log = logging.getLogger(__name__)

Progress = Callable[[str, dict[str, Any]], None]


class ActionInProgress(Exception):
    """The same action for the same phone is already running (a double click)."""

    def __init__(self, action: str, phone: str) -> None:
        self.action = action
        self.phone = phone
        super().__init__(f"{action} for {phone} is already running")

    def message(self, lang: str = "en") -> str:
        if lang.lower().startswith("ru"):
            return "Это действие для этого номера уже выполняется."
        return "This action is already running for this number."


class PositionTimeoutError(RequestFailedError):
    """No fix arrived within the time the dispatcher was willing to wait."""

    def __init__(self, request_id: str, waited: float) -> None:
        self.request_id = request_id
        self.waited = waited
        minutes = max(1, round(waited / 60))
        super().__init__(
            "pos_get",
            "TIMEOUT",
            f"No position within {waited:.0f} s",
            spec=ErrorSpec(
                "TIMEOUT",
                f"No position within {waited:.0f} s",
                ErrorKind.FAILED,
                f"No position came within {minutes} min. The request may still complete; "
                "the row updates when it does.",
                f"Местоположение не получено за {minutes} мин. Запрос ещё может выполниться; "
                "строка обновится, когда это произойдёт.",
            ),
            detail=f"request {request_id}",
        )


class FleetActions:
    """The writes a dispatcher can make, each followed by a read-back of the row."""

    def __init__(self, client: MovizorClient, engine: SyncEngine) -> None:
        self.client = client
        self.engine = engine
        self._running: set[tuple[str, str]] = set()

    # --- guard ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, action: str, phone: str) -> Iterator[None]:
        key = (action, phone)
        if key in self._running:
            raise ActionInProgress(action, phone)
        self._running.add(key)
        try:
            yield
        finally:
            self._running.discard(key)

    def running(self, action: str, phone: str) -> bool:
        """Whether ``action`` (add, edit, delete, ...) runs for ``phone`` now."""
        with contextlib.suppress(MovizorError):
            phone = normalize_phone(phone)
        return (action, phone) in self._running

    # --- writes -----------------------------------------------------------------------------

    async def add(
        self,
        phone: str,
        *,
        tariff: str | int | None = None,
        account: str | None = None,
        **fields: Unpack[SubscriberFields],
    ) -> FleetRow:
        """object_add, then object_get: the new row (added to the fleet); ``account``: a
        subordinate cabinet's client number to add it there."""
        msisdn = normalize_phone(phone, function="object_add")
        with self._guard("add", msisdn):
            await self._write(
                msisdn,
                self.client.object_add(msisdn, tariff=tariff, account=account, **fields),
                unknown_row=True,
            )
            placeholder = FleetRow(
                phone=msisdn,
                status="new",
                title=fields.get("title") or "",
                tags=tuple(fields.get("tags") or ()),
            )
            schedule = fields.get("schedule")
            if schedule is not None:
                await self.engine.remember_schedule(msisdn, schedule)
            return await self._read_back(msisdn, placeholder)

    async def edit(
        self,
        phone: str,
        *,
        tariff: str | int,
        activate: bool = False,
        **fields: Unpack[SubscriberFields],
    ) -> FleetRow:
        """object_edit (``tariff`` is required: the server resets an omitted one to
        manual), then object_get."""
        msisdn = normalize_phone(phone, function="object_edit")
        with self._guard("edit", msisdn):
            await self._write(
                msisdn, self.client.object_edit(msisdn, tariff=tariff, activate=activate, **fields)
            )
            schedule = fields.get("schedule")
            if schedule is not None:
                await self.engine.remember_schedule(msisdn, schedule)
            return await self._read_back(msisdn)

    async def delete(self, phone: str) -> Result:
        """object_delete: ``DISABLED`` (row refreshed: off) or ``DELETED`` (row removed)."""
        msisdn = normalize_phone(phone, function="object_delete")
        with self._guard("delete", msisdn):
            result = await self._write(msisdn, self.client.object_delete(msisdn))
            if result.code.upper() == "DELETED":
                await self.engine.drop_row(msisdn)
            else:
                await self._refresh(msisdn)
            return result

    async def delete_many(
        self,
        phones: Iterable[str],
    ) -> dict[str, Result | MovizorError | ActionInProgress]:
        """One delete after another; each phone's outcome, keyed as given. A number given
        twice (in any spelling) is deleted once: a second object_delete would erase a
        subscriber the first only disabled."""
        outcome: dict[str, Result | MovizorError | ActionInProgress] = {}
        done: dict[str, Result | MovizorError | ActionInProgress] = {}
        for phone in phones:
            try:
                key = normalize_phone(phone)
            except MovizorError:
                key = phone
            if key in done:
                outcome[phone] = done[key]
                continue
            try:
                done[key] = await self.delete(phone)
            except (MovizorError, ActionInProgress) as exc:
                done[key] = exc
            outcome[phone] = done[key]
        return outcome

    async def reactivate(self, phone: str, *, dateoff: datetime | None = None) -> FleetRow:
        """object_reactivate (after an automatic or manual switch-off, or a refusal)."""
        msisdn = normalize_phone(phone, function="object_reactivate")
        with self._guard("reactivate", msisdn):
            await self._write(msisdn, self.client.object_reactivate(msisdn, dateoff=dateoff))
            return await self._read_back(msisdn)

    async def cancel_tariff(self, phone: str) -> FleetRow:
        """object_cancel_tariff: keep the current tariff instead of tomorrow's."""
        msisdn = normalize_phone(phone, function="object_cancel_tariff")
        with self._guard("cancel_tariff", msisdn):
            await self._write(msisdn, self.client.object_cancel_tariff(msisdn))
            return await self._read_back(msisdn)

    async def request_position(
        self,
        phone: str,
        *,
        poll_interval: float = 10.0,
        timeout: float = 330.0,
        progress: Progress | None = None,
    ) -> Position:
        """pos_request once, then pos_get every ``poll_interval`` s until a fix.

        Raises RequestFailedError (the operator could not locate the phone),
        :class:`PositionTimeoutError` after ``timeout`` s, or the request's own error.
        The request itself is never repeated: on a transport failure of pos_request the
        error surfaces (``maybe_applied`` tells whether money may have been spent).
        """
        msisdn = normalize_phone(phone, function="pos_request")
        with self._guard("request_position", msisdn):

            def report(stage: str, **info: Any) -> None:
                if progress is None:
                    return
                try:
                    progress(stage, info)
                except Exception:
                    log.exception("progress callback failed")

            try:
                ticket = await self._write(msisdn, self.client.pos_request(msisdn))
            except MovizorError as exc:
                report("failed", error=exc)
                raise
            request_id = ticket.request_id
            report("requested", request_id=request_id, waiting=ticket.waiting)
            loop = asyncio.get_running_loop()
            started = loop.time()
            attempt = 0
            last_error: MovizorError | None = None
            while True:
                elapsed = loop.time() - started
                if elapsed >= timeout:
                    error = (
                        last_error
                        if isinstance(last_error, TransportError)
                        else PositionTimeoutError(request_id, elapsed)
                    )
                    report("failed", error=error, request_id=request_id)
                    raise error
                await asyncio.sleep(min(poll_interval, max(0.0, timeout - elapsed)))
                attempt += 1
                report(
                    "polling", attempt=attempt, elapsed=loop.time() - started, request_id=request_id
                )
                try:
                    position = await self.client.pos_get(request_id)
                except PendingError as exc:
                    last_error = exc
                    continue
                except TransportError as exc:  # a read: the client retried already
                    log.info("pos_get %s: %s; still polling", request_id, exc)
                    last_error = exc
                    continue
                except MovizorError as exc:  # RequestFailedError, NotFoundError, ...
                    report("failed", error=exc, request_id=request_id)
                    raise
                if not position.has_fix:
                    last_error = None
                    continue
                await self.engine.apply_position(msisdn, position)
                self.engine.mark_dirty(msisdn)  # last request time, pos_error: next cycle
                report(
                    "done", position=position, request_id=request_id, elapsed=loop.time() - started
                )
                return position

    # --- pricing ----------------------------------------------------------------------------

    @staticmethod
    def manual_tariff(
        row: FleetRow, balance: Balance | None, operator: str | None = None
    ) -> bool | None:
        """Whether ``row`` is on the manual tariff (each request paid): the word ``manual``
        or an id the balance's price table shows to be manual; None when the table is not
        known yet or does not list the tariff (never assumed)."""
        book = TariffBook.from_balance(balance)
        if book.is_manual(row.tariff, operator):
            return True
        return False if book.knows(row.tariff, operator) else None

    def request_cost(
        self, row: FleetRow, balance: Balance | None, operator: str | None = None
    ) -> Decimal | None:
        """The price of one pos_request for ``row``: on a manual tariff, from the balance's
        price table (for an unknown operator, the highest); otherwise None."""
        if not self.manual_tariff(row, balance, operator):
            return None
        return TariffBook.from_balance(balance).request_price(operator)

    # --- helpers ----------------------------------------------------------------------------

    async def _write(self, phone: str, call: Any, *, unknown_row: bool = False) -> Any:
        """Send one write; afterwards the engine checks balance and the row."""
        try:
            result = await call
        except TransportError as exc:
            if exc.maybe_applied:  # may have happened: let the next cycle look
                self.engine.note_write(phone)
                if unknown_row:
                    self.engine.request_list()
            raise
        self.engine.note_write()
        return result

    async def _refresh(self, phone: str) -> bool:
        """object_get after a write (a vanished phone is removed from the fleet). If that
        read fails the write still stands: the next cycle fetches the details."""
        try:
            await self.engine.refresh_row(phone)
        except MovizorError as exc:
            log.warning("reading %s back failed (%s); the next cycle will", phone, exc)
            self.engine.mark_dirty(phone)
            return False
        return True

    async def _read_back(self, phone: str, placeholder: FleetRow | None = None) -> FleetRow:
        """The row after a write, read back from the server."""
        fetched = await self._refresh(phone)
        row = self.engine.fleet.get(phone)
        if row is not None:
            return row
        if fetched or placeholder is None:  # the server does not know the phone (any more)
            raise from_answer("object_get", "1", "Phone not found")
        await self.engine.apply_row(placeholder)
        return placeholder


__all__ = ["ActionInProgress", "FleetActions", "PositionTimeoutError"]

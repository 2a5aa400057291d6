"""Adding the rows of an import one by one, safely. No Qt.

:class:`ImportRunner` sends the ``ready`` rows of :func:`~.import_rows.build_rows` in file
order through the same call as the add dialog (``FleetActions.add``: ``object_add``, then
``object_get`` so the new row shows in the list through the sync engine):

* At the start it reads ``object_list`` (and takes the fleet the app already knows): a
  number on the account is never sent, it is reported as "already on the account". If the
  list cannot be read, nothing is sent at all.
* Each ``object_add`` is journalled before and after (:mod:`.import_journal`). A number the
  journal says was sent (``sending``/``unknown``: a crash or a lost answer; or ``added``)
  and that the list does not show is checked with ``object_get`` first: found means it
  was added (not sent again); only "not found" lets it be sent; a failed check sends
  nothing.
* ``object_add`` is never retried. A transport failure that may have reached the server
  (``TransportError.maybe_applied``) is checked at once with ``object_get``; if the check
  fails too, the row is reported "outcome unknown" and the next run checks it again.
* :meth:`ImportRunner.cancel` stops before the next row; the row in flight finishes and
  its result is recorded. Rows not reached are reported "not sent". The run also stops
  by itself when the hour's request quota is used up or the key is refused (every
  further row would fail the same way).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..api.errors import AuthError, MovizorError, NotFoundError, RateLimitError, TransportError
from .import_journal import ADDED, FAILED, SENDING, UNKNOWN, ImportJournal
from .import_rows import ImportRow

log = logging.getLogger(__name__)

ADDED_OK, FAILED_OUT, UNKNOWN_OUT, SKIPPED, NOT_SENT, BAD, DUPLICATE = (
    "added",
    "failed",
    "unknown",
    "skipped",
    "not_sent",
    "bad",
    "duplicate",
)

_TEXTS: dict[str, tuple[str, str]] = {
    "added": ("Added.", "Добавлен."),
    "on_account": ("Already on the account; not sent.", "Уже есть на договоре; не отправлялся."),
    "found": (
        "Was added by an earlier import (checked); not sent again.",
        "Был добавлен прошлым импортом (проверено); повторно не отправлялся.",
    ),
    "found_now": (
        "The answer was lost, but the check shows the number was added.",
        "Ответ потерян, но проверка показала, что номер добавлен.",
    ),
    "lost": (
        "{error} The check shows it was not added; it was not sent again.",
        "{error} Проверка показала, что номер не добавлен; повторно не отправлялся.",
    ),
    "unknown": (
        "{error} Whether it was added is unknown; the next import checks it before sending.",
        "{error} Неизвестно, добавлен ли номер; следующий импорт проверит это перед отправкой.",
    ),
    "unchecked": (
        "An earlier import may have added it and the check failed ({error}); not sent.",
        "Прошлый импорт мог его добавить, а проверка не удалась ({error}); не отправлялся.",
    ),
    "not_sent": ("Not sent: the import was cancelled.", "Не отправлялся: импорт отменён."),
    "halted": (
        "Not sent: the import stopped because {error}",
        "Не отправлялся: импорт остановлен, потому что {error}",
    ),
    "error": (
        "Something went wrong; the details are in the log.",
        "Что-то пошло не так; подробности в журнале.",
    ),
}


def text(key: str, lang: str, **params: str) -> str:
    en, ru = _TEXTS[key]
    return (ru if lang.lower().startswith("ru") else en).format(**params)


@dataclass(frozen=True, slots=True)
class RowResult:
    line: int
    raw_phone: str
    phone: str | None
    title: str
    outcome: str  # added / failed / unknown / skipped / not_sent / bad / duplicate
    reason: str  # a sentence in the dispatcher's language

    @property
    def ok(self) -> bool:
        return self.outcome == ADDED_OK


def preview_result(row: ImportRow, lang: str) -> RowResult:
    """The result of a row that is not sent because of what the preview found."""
    outcome = {"bad": BAD, "duplicate": DUPLICATE, "on_account": SKIPPED}.get(row.state, BAD)
    return RowResult(row.line, row.raw_phone, row.phone, row.title, outcome, row.message(lang))


Adder = Callable[..., Awaitable[Any]]


class ImportRunner:
    """Runs one import; ``add(phone, **fields)`` is ``FleetActions.add``."""

    def __init__(
        self,
        client: Any,
        add: Adder,
        journal: ImportJournal,
        *,
        lang: str = "en",
        known: Iterable[str] = (),
        source: str = "",
    ) -> None:
        self.client = client
        self.add = add
        self.journal = journal
        self.lang = lang
        self.known = set(known)
        self.source = source
        self._cancelled = False
        self._halt: str | None = None  # why the run stopped by itself (quota, key)
        self.results: list[RowResult] = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Stop before the next row (the one in flight finishes)."""
        self._cancelled = True

    async def run(
        self,
        rows: Sequence[ImportRow],
        on_result: Callable[[int, RowResult], None] | None = None,
        on_sending: Callable[[int], None] | None = None,
    ) -> list[RowResult]:
        """Send the ready rows; one result per row, in order. Raises MovizorError only when
        the account's list cannot be read at the start (then nothing is sent)."""
        account = self.known | {s.phone for s in await self.client.object_list()}
        for index, row in enumerate(rows):
            if not row.ready:
                result = preview_result(row, self.lang)
            elif self._halt is not None:
                result = self._result(row, NOT_SENT, text("halted", self.lang, error=self._halt))
            elif self._cancelled:
                result = self._result(row, NOT_SENT, text("not_sent", self.lang))
            else:
                if on_sending is not None:
                    on_sending(index)
                result = await self._one(row, account)
                if row.phone is not None and result.outcome in (ADDED_OK, SKIPPED):
                    account.add(row.phone)
            self.results.append(result)
            if on_result is not None:
                on_result(index, result)
        return self.results

    def _result(self, row: ImportRow, outcome: str, reason: str) -> RowResult:
        return RowResult(row.line, row.raw_phone, row.phone, row.title, outcome, reason)

    async def _one(self, row: ImportRow, account: set[str]) -> RowResult:
        phone = row.phone
        assert phone is not None
        lang = self.lang
        if phone in account:
            return self._result(row, SKIPPED, text("on_account", lang))
        if self.journal.state(phone) in (SENDING, UNKNOWN, ADDED):
            try:
                present = await self._present(phone)
            except MovizorError as exc:
                return self._result(
                    row, UNKNOWN_OUT, text("unchecked", lang, error=exc.message(lang))
                )
            if present:
                await self._record(phone, ADDED, row)
                return self._result(row, SKIPPED, text("found", lang))
        await self._record(phone, SENDING, row)
        try:
            await self.add(phone, **row.fields)
        except TransportError as exc:
            if not exc.maybe_applied:
                await self._record(phone, FAILED, row, exc.error_code)
                return self._result(row, FAILED_OUT, exc.message(lang))
            return await self._after_lost_answer(row, exc)
        except MovizorError as exc:
            await self._record(phone, FAILED, row, exc.error_code)
            if isinstance(exc, RateLimitError | AuthError):  # every next row would fail too
                message = exc.message(lang)
                self._halt = message[:1].lower() + message[1:]
            return self._result(row, FAILED_OUT, exc.message(lang))
        except Exception as exc:  # ActionInProgress (sent nothing) or a bug
            if hasattr(exc, "message"):
                await self._record(phone, FAILED, row, "LOCAL")
                return self._result(row, FAILED_OUT, exc.message(lang))
            log.exception("import: adding %s failed unexpectedly", phone)
            await self._record(phone, UNKNOWN, row, "UNEXPECTED")
            return self._result(row, UNKNOWN_OUT, text("error", lang))
        await self._record(phone, ADDED, row)
        return self._result(row, ADDED_OK, text("added", lang))

    async def _after_lost_answer(self, row: ImportRow, exc: TransportError) -> RowResult:
        phone, lang = row.phone, self.lang
        assert phone is not None
        try:
            present = await self._present(phone)
        except MovizorError as check:
            log.warning("import: %s may have been added; the check failed: %s", phone, check)
            await self._record(phone, UNKNOWN, row, exc.error_code)
            return self._result(row, UNKNOWN_OUT, text("unknown", lang, error=exc.message(lang)))
        if present:
            await self._record(phone, ADDED, row)
            return self._result(row, ADDED_OK, text("found_now", lang))
        await self._record(phone, FAILED, row, exc.error_code)
        return self._result(row, FAILED_OUT, text("lost", lang, error=_first(exc, lang)))

    async def _present(self, phone: str) -> bool:
        """object_get: True when the account has ``phone``; raises on other failures."""
        try:
            await self.client.object_get(phone)
        except NotFoundError:
            return False
        return True

    async def _record(self, phone: str, state: str, row: ImportRow, error: str = "") -> None:
        # appended and fsync-ed: off the event loop's (Qt's) thread
        await asyncio.to_thread(
            self.journal.record, phone, state, source=self.source, line=row.line, error=error
        )


def _first(exc: TransportError, lang: str) -> str:
    """The transport error's first sentence (without "check before repeating": checked)."""
    return type(exc)(exc.function, exc.detail, maybe_applied=False).message(lang)


def summary(results: Iterable[RowResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts


__all__ = [
    "ADDED_OK",
    "BAD",
    "DUPLICATE",
    "FAILED_OUT",
    "NOT_SENT",
    "SKIPPED",
    "UNKNOWN_OUT",
    "ImportRunner",
    "RowResult",
    "preview_result",
    "summary",
    "text",
]

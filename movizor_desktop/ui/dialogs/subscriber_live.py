"""The subscriber dialog's background lookups: operator, tariff prices and tariff cost.

* :class:`DialogTasks` — the dialog's tasks by name (run in the session's task group, so a
  closing session cancels them too); a new task under a name cancels the old one.
* :class:`TariffAdvisor` — keeps the main page's tariff list right for the number typed:
  the balance's price table (the engine's, or fetched once), ``get_operator`` once the
  phone holds one valid number (debounced; an answer for a number no longer typed is
  dropped), that operator's tariffs with prices, ``tariff_calculator`` for the chosen one
  (remembered per operator and tariff), and the price of a manual request for the
  schedule page. Nothing here blocks: every request is a task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from ...api.errors import MovizorError
from ...api.models import Balance, Operator, TariffCost
from ...api.tariffs import TariffBook
from .tariffs import DEFAULT_TARIFF, request_price, tariff_options

if TYPE_CHECKING:
    from ..editors.schedule import ScheduleEditor
    from ..session import Session
    from .subscriber_main import MainPage

log = logging.getLogger(__name__)


class DialogTasks:
    """Named background tasks of one dialog; ``spawn`` under a name replaces the old one."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def spawn(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        self.cancel(name)
        task = self._tasks[name] = self.session.tasks.spawn(coro)
        return task

    def cancel(self, name: str) -> None:
        task = self._tasks.get(name)
        if task is not None and not task.done():
            task.cancel()

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def cancel_all(self) -> None:
        """Cancel every task but the one running this call (a task may close its dialog)."""
        try:
            current = asyncio.current_task()
        except RuntimeError:  # no running loop: plain Qt code
            current = None
        for task in self._tasks.values():
            if not task.done() and task is not current:
                task.cancel()


class TariffAdvisor(QObject):
    """Operator, prices and cost of the tariff for the main page, in the background."""

    def __init__(
        self,
        session: Session,
        page: MainPage,
        schedule: ScheduleEditor,
        tasks: DialogTasks,
        *,
        lang: str,
        debounce_ms: int,
        keep: Callable[[], tuple[str | None, str | None]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.page = page
        self.schedule = schedule
        self.tasks = tasks
        self.lang = lang
        self._keep = keep  # (current, pending) tariff of an edited subscriber
        self.balance: Balance | None = session.engine.status.balance
        self.operator: Operator | None = None
        self._phone: str | None = None
        self._costs: dict[tuple[str, str], TariffCost] = {}
        self._operator_timer = QTimer(self)
        self._operator_timer.setSingleShot(True)
        self._operator_timer.setInterval(debounce_ms)
        self._operator_timer.timeout.connect(self._lookup)
        self._cost_timer = QTimer(self)
        self._cost_timer.setSingleShot(True)
        self._cost_timer.setInterval(min(debounce_ms, 150))
        self._cost_timer.timeout.connect(self._price)
        page.tariff_changed.connect(self.tariff_changed)

    def start(self, phone: str | None = None) -> None:
        """Fetch the price table if the engine has none; look ``phone`` up at once."""
        if self.balance is None:
            self.tasks.spawn("balance", self._fetch_balance())
        if phone is not None:
            self._phone = phone
            self.page.set_operator(None, looking=True)
            self._lookup()

    def stop(self) -> None:
        self._operator_timer.stop()
        self._cost_timer.stop()

    @property
    def operator_id(self) -> str | None:
        return self.operator.operator if self.operator else None

    # --- operator ---------------------------------------------------------------------------

    def phone_changed(self, msisdn: str | None) -> None:
        """The number typed changed (None: not one valid number): look it up shortly."""
        if msisdn == self._phone:
            return
        self._operator_timer.stop()
        self.tasks.cancel("operator")
        self._phone = msisdn
        if self.operator is not None:
            self.operator = None
            self.refill()
        self.page.set_operator(None, looking=msisdn is not None)
        if msisdn is not None:
            self._operator_timer.start()

    def _lookup(self) -> None:
        if self._phone is not None:
            self.tasks.spawn("operator", self._fetch_operator(self._phone))

    async def _fetch_operator(self, msisdn: str) -> None:
        try:
            operator = await self.session.client.get_operator(msisdn)
        except MovizorError as exc:
            if msisdn == self._phone:
                self.page.set_operator(None, error=exc.message(self.lang))
            return
        if msisdn != self._phone:  # the number changed meanwhile: a stale answer
            return
        self.operator = operator
        self.page.set_operator(operator)
        self.refill()

    async def _fetch_balance(self) -> None:
        try:
            balance = await self.session.client.balance()
        except MovizorError as exc:
            log.info("subscriber dialog: balance failed: %r", exc)
            return
        self.balance = balance
        self.refill()

    # --- tariffs and cost -------------------------------------------------------------------

    def refill(self, preferred: str | None = None) -> None:
        """The tariff list for the operator known now (all ids while unknown)."""
        current, pending = self._keep()
        options = tariff_options(self.balance, self.operator_id, keep=(current, pending))
        self.page.set_tariff_options(options, preferred or current or DEFAULT_TARIFF, self.book)
        self.update_request_price()

    @property
    def book(self) -> TariffBook:
        """What the account's price table says about the tariffs (empty while unknown)."""
        return TariffBook.from_balance(self.balance)

    def tariff_changed(self, _tariff: str | None = None) -> None:
        self.update_request_price()
        cached = self._costs.get(self._key())  # type: ignore[arg-type]
        if cached is not None:
            self.page.set_cost(cached)
        else:  # a wheel over the combo is many changes: price the one it stops at
            self._cost_timer.start()

    def update_request_price(self) -> None:
        manual = self.book.is_manual(self.page.chosen_tariff(), self.operator_id)
        self.schedule.set_request_price(
            request_price(self.balance, self.operator_id) if manual else None
        )

    def _key(self) -> tuple[str | None, str | None]:
        return (self.operator_id, self.page.chosen_tariff())

    def _price(self) -> None:
        operator, tariff = self._key()
        if operator is None or tariff is None:
            self.page.set_cost(None)
            return
        cached = self._costs.get((operator, tariff))
        if cached is not None:
            self.page.set_cost(cached)
        else:
            self.tasks.spawn("cost", self._fetch_cost(operator, tariff))

    async def _fetch_cost(self, operator: str, tariff: str) -> None:
        try:
            cost = await self.session.client.tariff_calculator(operator, tariff)
        except MovizorError as exc:
            if self._key() == (operator, tariff):
                self.page.set_cost(None, error=exc.message(self.lang))
            return
        self._costs[(operator, tariff)] = cost
        if self._key() == (operator, tariff):
            self.page.set_cost(cost)


__all__ = ["DialogTasks", "TariffAdvisor"]

"""The rules of the subscriber dialog that need no Qt: tariffs, auto-off, tags, bulk titles.

* Tariff choices come from the balance's price table (``Balance.tariff``): operators map
  tariff ids to prices, the service groups (``eventsms``, ``autoinform``) are not tariffs.
  For a known operator the dialog offers exactly that operator's ids with its prices;
  before the operator is known, every id any operator offers, without a price. Which
  option is the manual tariff and which the package is read from that table
  (:class:`~movizor_desktop.api.tariffs.TariffBook`), never assumed from an id.
* :func:`edit_tariff` is the one rule for which tariff an edit sends. The newer documents
  say an ``object_edit`` without ``tariff`` switches to manual, so an edit always sends
  one: the tariff the dispatcher chose if it differs from the current one; else the
  pending ``tariff_new`` (re-sending it keeps the scheduled switch); else the current one
  (re-sending it changes and charges nothing). ``object_get`` may say ``manual`` where the
  other functions give the id: :func:`tariff_id` folds the two together with the book.
* An auto-off (``dateoff``) must be more than a day ahead (object_add 2/3, object_edit 3/4);
  :func:`dateoff_problem` refuses it before anything is sent, with two minutes of slack
  for the time the request takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal

from ... import clock
from ...api.encoding import MSK, to_msk
from ...api.models import Balance
from ...api.tariffs import SERVICE_GROUPS, TariffBook

DEFAULT_TARIFF = "15"
MIN_DATEOFF = timedelta(days=1, minutes=2)  # "more than a day", with time to send it

__all__ = [
    "DEFAULT_TARIFF",
    "MIN_DATEOFF",
    "SERVICE_GROUPS",
    "TariffOption",
    "bulk_titles",
    "dateoff_problem",
    "default_dateoff",
    "default_tariff",
    "edit_tariff",
    "msk_now",
    "next_msk_midnight",
    "operator_groups",
    "request_price",
    "split_tags",
    "supports_prolong",
    "tariff_change",
    "tariff_id",
    "tariff_options",
]


def tariff_id(value: str | int | None, book: TariffBook | None = None) -> str | None:
    """The id of a tariff (``object_get`` may say ``manual``: the book's manual id, or the
    word itself while the price table is unknown); None if unset."""
    return (book or TariffBook()).canonical(value)


def _sort_key(tid: str) -> tuple[bool, int, str]:
    return (not tid.isdigit(), int(tid) if tid.isdigit() else 0, tid)


@dataclass(frozen=True, slots=True)
class TariffOption:
    """One tariff the dialog offers: id, the server's title and, when the operator is
    known, its daily (or package) fee and the price of one manual request."""

    id: str
    title: str = ""
    abon: Decimal | None = None
    request: Decimal | None = None
    is_manual: bool = False  # as the price table shows it
    is_package: bool = False

    @property
    def priced(self) -> bool:
        return self.abon is not None


def operator_groups(balance: Balance | None) -> list[str]:
    """The operators in the price table (service groups left out)."""
    if balance is None:
        return []
    return [g for g in balance.tariff if g not in SERVICE_GROUPS]


def tariff_options(
    balance: Balance | None, operator: str | None = None, *, keep: Iterable[str | None] = ()
) -> list[TariffOption]:
    """The tariffs to offer, sorted by id.

    With ``operator`` in the table: that operator's tariffs with their prices. Otherwise
    every id any operator offers, unpriced (prices differ per operator). Ids in ``keep``
    (the subscriber's current or pending tariff) are always included, unpriced when the
    table does not list them.
    """
    table = balance.tariff if balance is not None else {}
    book = TariffBook.from_balance(balance)
    options: dict[str, TariffOption] = {}
    if operator and operator in table and operator not in SERVICE_GROUPS:
        for tid, price in table[operator].items():
            options[tid] = TariffOption(
                tid,
                price.title,
                price.abon,
                price.request,
                book.is_manual(tid, operator),
                book.is_package(tid, operator),
            )
    else:
        for group in operator_groups(balance):
            for tid, price in table[group].items():
                if tid not in options or (not options[tid].title and price.title):
                    options[tid] = TariffOption(
                        tid,
                        price.title,
                        is_manual=book.is_manual(tid),
                        is_package=book.is_package(tid),
                    )
    for kept in keep:
        known = tariff_id(kept, book)
        if known is not None and known not in options:
            options[known] = TariffOption(
                known, is_manual=book.is_manual(known), is_package=book.is_package(known)
            )
    return [options[t] for t in sorted(options, key=_sort_key)]


def default_tariff(options: Iterable[TariffOption], preferred: str | None = None) -> str | None:
    """``preferred`` when offered (``manual``: the manual option), else ``15`` when
    offered, else the first tariff that is not manual."""
    options = list(options)
    ids = [o.id for o in options]
    manual = [o.id for o in options if o.is_manual]
    if preferred is not None and str(preferred).strip().lower() == "manual" and manual:
        return manual[0]
    for candidate in (tariff_id(preferred), DEFAULT_TARIFF):
        if candidate in ids:
            return candidate
    paid = [t for t in ids if t not in manual]
    return next(iter(paid or ids), None)


def supports_prolong(tariff: str | None, book: TariffBook | None = None) -> bool:
    """``package_prolong`` means something only for the 1-month package."""
    return (book or TariffBook()).is_package(tariff)


def edit_tariff(
    chosen: str | None, current: str | None, pending: str | None, book: TariffBook | None = None
) -> str:
    """The tariff an ``object_edit`` must send (it always sends one).

    * ``chosen`` differs from ``current``: the dispatcher's choice;
    * otherwise a pending switch (``tariff_new``): re-sending it keeps that switch;
    * otherwise the current tariff: nothing changes and nothing is charged.

    ``manual`` and the book's manual id are the same tariff (while the price table is
    unknown the word is sent and the client resolves it). Raises ValueError when nothing
    is known.
    """
    chosen, current, pending = (
        tariff_id(chosen, book),
        tariff_id(current, book),
        tariff_id(pending, book),
    )
    if chosen is not None and chosen != current:
        return chosen
    if pending is not None and pending != current:
        return pending
    if current is not None:
        return current
    if chosen is not None:
        return chosen
    raise ValueError("no tariff known for the edit")


def tariff_change(chosen: str | None, current: str | None, book: TariffBook | None = None) -> bool:
    """True when the dispatcher picked a tariff other than the current one."""
    chosen, current = tariff_id(chosen, book), tariff_id(current, book)
    return chosen is not None and chosen != current


def request_price(balance: Balance | None, operator: str | None) -> Decimal | None:
    """The price of one manual request: the operator's, or for an unknown operator the
    highest in the table (what a dispatcher should expect at most)."""
    return TariffBook.from_balance(balance).request_price(operator)


def next_msk_midnight(now: datetime) -> datetime:
    """The next 00:00 МСК after ``now``: when a tariff switch without ``activate`` happens."""
    msk = to_msk(now)
    return (msk + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def dateoff_problem(moment: datetime | None, now: datetime) -> Literal["past", "day"] | None:
    """Why the server would refuse this auto-off: ``past``, ``day`` (less than a day
    ahead), or None when it is fine (or there is none)."""
    if moment is None:
        return None
    moment, now = to_msk(moment), to_msk(now)
    if moment <= now:
        return "past"
    if moment - now < MIN_DATEOFF:
        return "day"
    return None


def default_dateoff(now: datetime) -> datetime:
    """A suggestion for the auto-off: two days ahead, on the next full hour (МСК)."""
    moment = to_msk(now) + timedelta(days=2)
    return moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def split_tags(text: str) -> list[str]:
    """Tags from ``a, b ,a,,c``: trimmed, no empties, first occurrence kept."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def bulk_titles(prefix: str, count: int) -> list[str | None]:
    """Titles for ``count`` subscribers added together: ``prefix 1``, ``prefix 2``… —
    or None each (the server then names them after the number) when there is no prefix.
    A single subscriber gets the prefix unchanged."""
    prefix = prefix.strip()
    if not prefix:
        return [None] * count
    if count == 1:
        return [prefix]
    return [f"{prefix} {i}" for i in range(1, count + 1)]


def msk_now() -> datetime:
    """Movizor's time, in МСК (tariff switches happen at 00:00 МСК)."""
    return clock.now().astimezone(MSK)

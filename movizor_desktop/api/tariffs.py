"""Which tariff is which, learned from the account's own price table. No Qt here.

The tariff ids are disputed (``docs/protocol.md``): the ``/api/`` era numbers them "0"
manual, "1" online, "3" the 1-month package, "15"/"30"/"60"/"180" every N minutes; the newer
documents number them "4" manual (the default), "5" online, "6"/"7" MTS only. ``object_get``
may name the manual tariff with the word ``manual`` instead of its id. So the client never
assumes an id: it reads the ``balance`` answer's price table (operator → tariff id → price
and title) and recognises

* the **manual** tariff by its title ("Вручную", "Manual", "По запросу"), or a table keyed
  by the word ``manual``; only when an operator's entries carry no titles at all, by the
  ids the documents give it ("0" or "4"), and only if exactly one of them is listed;
* the **package** by its title ("Пакет…", "Package…"), the same way ("3" without titles).

:class:`TariffBook` answers those questions for one price table; the client keeps the book
of the last ``balance`` answer (:attr:`MovizorClient.tariffs`) and turns the word
``manual`` into the operator's manual id before sending it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Balance, TariffPrice

__all__ = ["MANUAL_WORD", "SERVICE_GROUPS", "TariffBook", "manual_title"]

MANUAL_WORD = "manual"
SERVICE_GROUPS = frozenset({"eventsms", "autoinform"})  # price groups that are not operators
_MANUAL_TITLES = ("вручную", "manual", "по запросу", "ручной")
_PACKAGE_TITLES = ("пакет", "package")
_MANUAL_IDS = ("0", "4")  # the /api/ era's and the newer documents' (titles first, always)
_PACKAGE_IDS = ("3",)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def manual_title(title: str) -> bool:
    """Whether a price table title names the manual tariff ("Вручную", "Manual"...)."""
    return any(word in _fold(title) for word in _MANUAL_TITLES)


def _recognise(
    prices: Mapping[str, TariffPrice],
    words: tuple[str, ...],
    ids: tuple[str, ...],
    key_word: str | None = None,
) -> frozenset[str]:
    by_title = {
        tid for tid, price in prices.items() if any(word in _fold(price.title) for word in words)
    }
    if key_word is not None and key_word in prices:
        by_title.add(key_word)
    if by_title or any(price.title.strip() for price in prices.values()):
        return frozenset(by_title)
    listed = [tid for tid in ids if tid in prices]
    return frozenset(listed) if len(listed) == 1 else frozenset()


@dataclass(frozen=True)
class TariffBook:
    """The operators' tariffs of one ``balance`` answer (service groups left out)."""

    table: Mapping[str, Mapping[str, TariffPrice]] = field(default_factory=dict)

    @classmethod
    def from_balance(cls, balance: Balance | None) -> TariffBook:
        if balance is None:
            return cls()
        return cls(
            {
                group: prices
                for group, prices in balance.tariff.items()
                if group not in SERVICE_GROUPS
            }
        )

    @property
    def known(self) -> bool:
        """Whether a price table was read at all."""
        return bool(self.table)

    def operators(self) -> list[str]:
        return list(self.table)

    def _groups(self, operator: str | None) -> list[str]:
        if operator and operator in self.table:
            return [operator]
        return list(self.table)

    def manual_ids(self, operator: str | None = None) -> frozenset[str]:
        """The manual tariff's ids of ``operator`` (of every operator when unknown)."""
        found: set[str] = set()
        for group in self._groups(operator):
            found |= _recognise(self.table[group], _MANUAL_TITLES, _MANUAL_IDS, MANUAL_WORD)
        return frozenset(found)

    def manual_id(self, operator: str | None = None) -> str | None:
        """The one id to send for "manual", or None when the table does not say (or the
        operators disagree and ``operator`` is not known)."""
        ids = self.manual_ids(operator) - {MANUAL_WORD}
        return next(iter(ids)) if len(ids) == 1 else None

    def package_ids(self, operator: str | None = None) -> frozenset[str]:
        found: set[str] = set()
        for group in self._groups(operator):
            found |= _recognise(self.table[group], _PACKAGE_TITLES, _PACKAGE_IDS)
        return frozenset(found)

    def is_manual(self, tariff: str | None, operator: str | None = None) -> bool:
        """The word ``manual``, or an id the table shows to be manual."""
        if tariff is None:
            return False
        text = str(tariff).strip()
        return text.lower() == MANUAL_WORD or text in self.manual_ids(operator)

    def is_package(self, tariff: str | None, operator: str | None = None) -> bool:
        return tariff is not None and str(tariff).strip() in self.package_ids(operator)

    def knows(self, tariff: str | None, operator: str | None = None) -> bool:
        """Whether the table lists ``tariff`` (so whether it is manual is known)."""
        if tariff is None:
            return False
        text = str(tariff).strip()
        if text.lower() == MANUAL_WORD:
            return True
        return any(text in self.table[group] for group in self._groups(operator))

    def canonical(self, tariff: str | int | None, operator: str | None = None) -> str | None:
        """The id for ``tariff`` (the word ``manual`` becomes the manual id where the
        table tells it); None for an empty value."""
        if tariff is None:
            return None
        text = str(tariff).strip()
        if not text:
            return None
        if text.lower() == MANUAL_WORD:
            return self.manual_id(operator) or MANUAL_WORD
        return text

    def same(self, a: str | None, b: str | None, operator: str | None = None) -> bool:
        """Whether two spellings name the same tariff (``manual`` and its id do)."""
        return self.canonical(a, operator) == self.canonical(b, operator)

    def price(self, tariff: str | None, operator: str | None) -> TariffPrice | None:
        tid = self.canonical(tariff, operator)
        if tid is None or not operator or operator not in self.table:
            return None
        return self.table[operator].get(tid)

    def title(self, tariff: str | None, operator: str | None = None) -> str:
        """The table's title for ``tariff`` ('' when it lists none)."""
        tid = self.canonical(tariff, operator)
        for group in self._groups(operator):
            price = self.table[group].get(tid or "")
            if price is not None and price.title:
                return price.title
        return ""

    def request_price(self, operator: str | None = None) -> Decimal | None:
        """The price of one manual request: the operator's, or for an unknown operator the
        highest in the table (what a dispatcher should expect at most)."""
        prices = [
            self.table[group][tid].request
            for group in self._groups(operator)
            for tid in self.manual_ids(group)
            if tid in self.table[group]
        ]
        return max(prices) if prices else None

    def ids(self, operators: Iterable[str] | None = None) -> list[str]:
        groups = list(operators) if operators is not None else list(self.table)
        seen: dict[str, None] = {}
        for group in groups:
            for tid in self.table.get(group, {}):
                seen.setdefault(tid, None)
        return list(seen)

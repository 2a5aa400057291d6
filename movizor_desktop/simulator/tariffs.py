"""The tariff plans the simulator can speak, with their prices, and how money is charged.

Two numberings of the tariffs exist in the record (``docs/protocol.md``):

* **2017** (the ``/api/`` era; the captured ``balance`` answer of 2018–19): "0" manual,
  "1" online (a fix every 5 min), "3" the 1-month package (a fix every 60 min, requests
  included), "15"/"30"/"60"/"180" a fix every N minutes. MTS offers 0, 3, 15, 30, 60, 180
  (no "1"); MegaFon, Beeline and Tele2 offer 0, 1, 3, 15, 30, 60 (no "180"). Prices are
  the captured ones.
* **v2** (the newer documents' abonement billing): "4" manual (the default), "5" online,
  "6" every 60 min and "7" every 30 min, both MTS only. No package. The documents give
  no prices; the simulator's are in the range of the 2017 ones.

How money is charged (both plans):

* Daily tariffs charge ``abon`` when the subscriber confirms, again at every 00:00 МСК
  while the subscriber is ``ok``, and on every tariff switch.
* Manual also charges ``request`` for every pos_request and for every scheduled fix.
* The package charges its price when it starts and then every 30 days if
  ``package_prolong=1``. Without prolongation the subscriber falls back to manual at
  the first midnight after the 30 days (event tariff_auto).
* ``tariff_calculator`` answers type "daily" or "package". Neither plan has a tariff of
  the documented third type "month", so the simulator never answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["PACKAGE_DAYS", "PLANS", "TariffPlan", "plan"]

PACKAGE_DAYS = 30
_D = Decimal
_SERVICES = {"eventsms": (_D("0.00"), _D("4.00")), "autoinform": (_D("0.00"), _D("2.00"))}


@dataclass(frozen=True)
class TariffPlan:
    name: str
    manual: str
    online: str
    package: str | None
    titles: dict[str, str]
    intervals: dict[str, int]  # tariff id -> minutes between periodic fixes
    prices: dict[str, dict[str, tuple[Decimal, Decimal]]]  # operator -> id -> (abon, request)
    seed_weights: tuple[tuple[str, int], ...]  # what a seeded fleet uses, and how often
    bare_number: tuple[str, str] | None = None  # (operator, id) whose abon is a JSON number

    def normalize(self, value: object) -> str | None:
        """A tariff parameter → the id ("manual" → the manual id); None if not a string."""
        if not isinstance(value, str):
            return None
        value = value.strip()
        return self.manual if value.lower() == "manual" else value

    def offered(self, operator: str, tariff: str) -> bool:
        return tariff in self.prices.get(operator, {})

    def abon(self, operator: str, tariff: str) -> Decimal:
        return self.prices[operator][tariff][0]

    def request_price(self, operator: str, tariff: str) -> Decimal:
        return self.prices[operator][tariff][1]

    def interval(self, tariff: str) -> int | None:
        return self.intervals.get(tariff)

    def balance_table(self) -> dict[str, Any]:
        """The ``tariff`` member of the balance answer: operators as maps keyed by tariff
        id, services as arrays; money as strings except one bare number (as captured)."""
        table: dict[str, Any] = {}
        for operator, plans in self.prices.items():
            table[operator] = {
                tid: {
                    "abon": _number(a) if (operator, tid) == self.bare_number else f"{a:.2f}",
                    "request": f"{r:.2f}",
                    "title": self.titles[tid],
                }
                for tid, (a, r) in plans.items()
            }
        for service, (a, r) in _SERVICES.items():
            table[service] = [{"abon": f"{a:.2f}", "request": f"{r:.2f}", "title": "Вручную"}]
        return table

    def calculator(self, operator: str, tariff: str) -> dict[str, Any]:
        """The tariff_calculator answer for an offered (operator, tariff)."""
        a, r = self.prices[operator][tariff]
        if tariff == self.package:
            kind = "package"
            text = (
                f"Пакет на {PACKAGE_DAYS} дней: определение местоположения каждые 60 "
                f"минут и запросы без доплаты, {a:.2f} руб. за пакет"
            )
        elif tariff == self.manual:
            kind = "daily"
            text = (
                f"Определение местоположения по запросу: абонентская плата {a:.2f} руб. "
                f"в сутки, каждый запрос {r:.2f} руб."
            )
        elif tariff == self.online:
            kind = "daily"
            text = f"Онлайн: определение местоположения каждые 5 минут, {a:.2f} руб. в сутки"
        else:
            kind = "daily"
            text = (
                f"Определение местоположения каждые {self.intervals[tariff]} минут, "
                f"{a:.2f} руб. в сутки"
            )
        return {"type": kind, "price": _number(a), "description": text}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


PLAN_2017 = TariffPlan(
    name="2017",
    manual="0",
    online="1",
    package="3",
    titles={
        "0": "Вручную",
        "1": "Онлайн",
        "3": "Пакет на 1 месяц",
        "15": "Каждые 15 мин",
        "30": "Каждые 30 мин",
        "60": "Каждые 60 мин",
        "180": "Каждые 3 часа",
    },
    intervals={"1": 5, "3": 60, "15": 15, "30": 30, "60": 60, "180": 180},
    prices={
        "mts": {
            "0": (_D("4.00"), _D("3.00")),
            "3": (_D("90.00"), _D("0.00")),
            "15": (_D("280.00"), _D("0.00")),
            "30": (_D("135.00"), _D("0.00")),
            "60": (_D("75.00"), _D("0.00")),
            "180": (_D("36.00"), _D("0.00")),
        },
        "megafon": {
            "0": (_D("3.00"), _D("3.50")),
            "1": (_D("35.00"), _D("0.00")),
            "3": (_D("90.00"), _D("0.00")),
            "15": (_D("30.00"), _D("0.00")),
            "30": (_D("28.00"), _D("0.00")),
            "60": (_D("25.00"), _D("0.00")),
        },
        "beeline": {
            "0": (_D("0.00"), _D("3.50")),
            "1": (_D("35.00"), _D("0.00")),
            "3": (_D("90.00"), _D("0.00")),
            "15": (_D("30.00"), _D("0.00")),
            "30": (_D("28.00"), _D("0.00")),
            "60": (_D("20.00"), _D("0.00")),
        },
        "tele2": {
            "0": (_D("0.50"), _D("1.50")),
            "1": (_D("22.00"), _D("0.00")),
            "3": (_D("90.00"), _D("0.00")),
            "15": (_D("19.00"), _D("0.00")),
            "30": (_D("16.00"), _D("0.00")),
            "60": (_D("13.00"), _D("0.00")),
        },
    },
    seed_weights=(("15", 35), ("30", 25), ("60", 20), ("0", 10), ("1", 3), ("3", 3), ("180", 4)),
    bare_number=("mts", "15"),
)

PLAN_V2 = TariffPlan(
    name="v2",
    manual="4",
    online="5",
    package=None,
    titles={
        "4": "Вручную",
        "5": "Онлайн",
        "6": "Каждые 60 мин (только МТС)",
        "7": "Каждые 30 мин (только МТС)",
    },
    intervals={"5": 5, "6": 60, "7": 30},
    prices={
        "mts": {
            "4": (_D("4.00"), _D("3.00")),
            "5": (_D("40.00"), _D("0.00")),
            "6": (_D("75.00"), _D("0.00")),
            "7": (_D("135.00"), _D("0.00")),
        },
        "megafon": {"4": (_D("3.00"), _D("3.50")), "5": (_D("35.00"), _D("0.00"))},
        "beeline": {"4": (_D("0.00"), _D("3.50")), "5": (_D("35.00"), _D("0.00"))},
        "tele2": {"4": (_D("0.50"), _D("1.50")), "5": (_D("22.00"), _D("0.00"))},
    },
    seed_weights=(("7", 30), ("6", 30), ("5", 25), ("4", 15)),
    bare_number=("mts", "7"),
)

PLANS: dict[str, TariffPlan] = {p.name: p for p in (PLAN_2017, PLAN_V2)}


def plan(name: str) -> TariffPlan:
    try:
        return PLANS[name]
    except KeyError:
        raise ValueError(f"unknown tariff plan {name!r}; one of {sorted(PLANS)}") from None

"""The tariff plans of the /api/ era, with the prices from the captured ``balance`` answer.

Tariff ids: "0" manual, "1" online (a fix every 5 min), "3" the 1-month package (a fix
every 60 min, requests included), "15"/"30"/"60"/"180" a fix every N minutes. MTS offers
0, 3, 15, 30, 60, 180 (no "1"). MegaFon, Beeline and Tele2 offer 0, 1, 3, 15, 30, 60 (no "180").

How money is charged:

* Daily tariffs (0, 1, 15, 30, 60, 180) charge ``abon`` when the subscriber confirms,
  again at every 00:00 МСК while the subscriber is ``ok``, and on every tariff switch.
* Manual ("0") also charges ``request`` for every pos_request and for every scheduled fix.
* The package ("3") charges its price when it starts and then every 30 days if
  ``package_prolong=1``. Without prolongation the subscriber falls back to manual at
  the first midnight after the 30 days (event tariff_auto).
* ``tariff_calculator`` answers type "daily" or "package". The /api/ price list has no
  tariff of the documented third type "month", so the simulator never answers it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = [
    "INTERVAL_MIN", "PACKAGE", "PACKAGE_DAYS", "TITLES", "abon", "balance_table",
    "calculator", "normalize", "offered", "request_price",
]

MANUAL = "0"
ONLINE = "1"
PACKAGE = "3"
PACKAGE_DAYS = 30

TITLES = {"0": "Вручную", "1": "Онлайн", "3": "Пакет на 1 месяц", "15": "Каждые 15 мин",
          "30": "Каждые 30 мин", "60": "Каждые 60 мин", "180": "Каждые 3 часа"}
INTERVAL_MIN: dict[str, int] = {"1": 5, "3": 60, "15": 15, "30": 30, "60": 60, "180": 180}

_D = Decimal
# operator -> tariff id -> (abon, request)
_PRICES: dict[str, dict[str, tuple[Decimal, Decimal]]] = {
    "mts": {"0": (_D("4.00"), _D("3.00")), "3": (_D("90.00"), _D("0.00")),
            "15": (_D("280.00"), _D("0.00")), "30": (_D("135.00"), _D("0.00")),
            "60": (_D("75.00"), _D("0.00")), "180": (_D("36.00"), _D("0.00"))},
    "megafon": {"0": (_D("3.00"), _D("3.50")), "1": (_D("35.00"), _D("0.00")),
                "3": (_D("90.00"), _D("0.00")), "15": (_D("30.00"), _D("0.00")),
                "30": (_D("28.00"), _D("0.00")), "60": (_D("25.00"), _D("0.00"))},
    "beeline": {"0": (_D("0.00"), _D("3.50")), "1": (_D("35.00"), _D("0.00")),
                "3": (_D("90.00"), _D("0.00")), "15": (_D("30.00"), _D("0.00")),
                "30": (_D("28.00"), _D("0.00")), "60": (_D("20.00"), _D("0.00"))},
    "tele2": {"0": (_D("0.50"), _D("1.50")), "1": (_D("22.00"), _D("0.00")),
              "3": (_D("90.00"), _D("0.00")), "15": (_D("19.00"), _D("0.00")),
              "30": (_D("16.00"), _D("0.00")), "60": (_D("13.00"), _D("0.00"))},
}
_SERVICES = {"eventsms": (_D("0.00"), _D("4.00")), "autoinform": (_D("0.00"), _D("2.00"))}


def normalize(value: object) -> str | None:
    """A tariff parameter → the id string ("manual" → "0"); ``None`` when not a string."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return "0" if value.lower() == "manual" else value


def offered(operator: str, tariff: str) -> bool:
    return tariff in _PRICES.get(operator, {})


def abon(operator: str, tariff: str) -> Decimal:
    return _PRICES[operator][tariff][0]


def request_price(operator: str, tariff: str) -> Decimal:
    return _PRICES[operator][tariff][1]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def balance_table() -> dict[str, Any]:
    """The ``tariff`` member of the balance answer: operators as maps keyed by tariff id,
    services as arrays; money as strings except MTS "15" ``abon`` (a bare number, as
    captured)."""
    table: dict[str, Any] = {}
    for operator, plans in _PRICES.items():
        table[operator] = {
            tid: {"abon": _number(a) if (operator, tid) == ("mts", "15") else f"{a:.2f}",
                  "request": f"{r:.2f}", "title": TITLES[tid]}
            for tid, (a, r) in plans.items()}
    for service, (a, r) in _SERVICES.items():
        table[service] = [{"abon": f"{a:.2f}", "request": f"{r:.2f}", "title": "Вручную"}]
    return table


def calculator(operator: str, tariff: str) -> dict[str, Any]:
    """The tariff_calculator answer for an offered (operator, tariff)."""
    a, r = _PRICES[operator][tariff]
    if tariff == PACKAGE:
        kind = "package"
        text = (f"Пакет на {PACKAGE_DAYS} дней: определение местоположения каждые 60 минут и "
                f"запросы без доплаты, {a:.2f} руб. за пакет")
    elif tariff == MANUAL:
        kind = "daily"
        text = (f"Определение местоположения по запросу: абонентская плата {a:.2f} руб. "
                f"в сутки, каждый запрос {r:.2f} руб.")
    elif tariff == ONLINE:
        kind = "daily"
        text = f"Онлайн: определение местоположения каждые 5 минут, {a:.2f} руб. в сутки"
    else:
        kind = "daily"
        text = (f"Определение местоположения каждые {INTERVAL_MIN[tariff]} минут, "
                f"{a:.2f} руб. в сутки")
    return {"type": kind, "price": _number(a), "description": text}

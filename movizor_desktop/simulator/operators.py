"""Mobile operators by DEF code, phone normalization and the simulator's special numbers.

DEF code (the three digits after the leading 7) → operator:

* mts: 910–919, 980–989
* megafon: 920–929, 930–938
* beeline: 903, 905, 906, 909, 960–969
* tele2: 900–902, 904, 908, 950–953, 958, 977, 991–996
* yota: 999. It is known to ``get_operator``, but Movizor does not serve it, so
  ``object_add`` answers 11 "Operator does not supported".
* Anything else (for example 997, 939, 907, 970) cannot be determined. ``object_add``
  answers 10 and ``get_operator`` answers 2.

The region depends on the DEF code and the number's fourth digit. Some numbers are special:
a number ending ``0000008`` is already on another contract (``object_add`` 8), and one
ending ``0000009`` is on the block list (``object_add`` 9, ``object_reactivate`` 2).
"""

from __future__ import annotations

import re

from . import protocol

__all__ = [
    "BLOCKED_SUFFIX",
    "FOREIGN_SUFFIX",
    "OPERATOR_TITLES",
    "def_codes",
    "format_title",
    "is_msisdn",
    "lookup",
    "normalize_phone",
]

FOREIGN_SUFFIX = "0000008"
BLOCKED_SUFFIX = "0000009"

OPERATOR_TITLES = {
    "mts": "МТС",
    "megafon": "МегаФон",
    "beeline": "Билайн",
    "tele2": "Tele2",
    "yota": "Yota",
}

_RANGES: tuple[tuple[int, int, str], ...] = (
    (910, 919, "mts"),
    (980, 989, "mts"),
    (920, 929, "megafon"),
    (930, 938, "megafon"),
    (903, 903, "beeline"),
    (905, 906, "beeline"),
    (909, 909, "beeline"),
    (960, 969, "beeline"),
    (900, 902, "tele2"),
    (904, 904, "tele2"),
    (908, 908, "tele2"),
    (950, 953, "tele2"),
    (958, 958, "tele2"),
    (977, 977, "tele2"),
    (991, 996, "tele2"),
    (999, 999, "yota"),
)

_MSK = "г. Москва и Московская область"
_SPB = "г. Санкт-Петербург и Ленинградская область"
_REGIONS: dict[int, tuple[str, ...]] = {
    910: ("Тверская область", "Воронежская область", "Белгородская область"),
    911: (_SPB, "Новгородская область", "Псковская область"),
    912: ("Свердловская область", "Пермский край", "Ханты-Мансийский АО — Югра"),
    913: ("Новосибирская область", "Омская область", "Красноярский край"),
    914: ("Приморский край", "Хабаровский край", "Иркутская область"),
    915: (_MSK, "Тульская область", "Ярославская область"),
    916: (_MSK,),
    917: ("Республика Татарстан", "Республика Башкортостан", "Самарская область"),
    918: ("Краснодарский край", "Ростовская область", "Ставропольский край"),
    919: ("Челябинская область", "Нижегородская область", "Липецкая область"),
    920: ("Воронежская область", "Нижегородская область", "Тульская область"),
    921: (_SPB, "Республика Карелия", "Вологодская область"),
    922: ("Свердловская область", "Челябинская область", "Тюменская область"),
    923: ("Новосибирская область", "Кемеровская область — Кузбасс", "Красноярский край"),
    924: ("Хабаровский край", "Приморский край", "Забайкальский край"),
    925: (_MSK,),
    926: (_MSK,),
    927: ("Самарская область", "Саратовская область", "Республика Башкортостан"),
    928: ("Ростовская область", "Краснодарский край", "Республика Дагестан"),
    929: (_MSK, "Республика Татарстан"),
    930: ("Нижегородская область", "Ярославская область", "Рязанская область"),
    931: (_SPB,),
    932: ("Челябинская область", "Оренбургская область"),
    933: ("Новосибирская область", "Красноярский край"),
    934: ("Ростовская область", "Краснодарский край"),
    936: (_MSK,),
    937: ("Республика Татарстан", "Самарская область", "Ульяновская область"),
    938: ("Краснодарский край", "Ставропольский край"),
    903: (_MSK, "Новосибирская область", "Ростовская область"),
    905: (_MSK, "Воронежская область"),
    906: ("Нижегородская область", "Республика Татарстан", "Ростовская область"),
    909: (_MSK, "Краснодарский край", "Свердловская область"),
    961: ("Республика Татарстан", "Самарская область", "Краснодарский край"),
    965: (_MSK,),
    960: ("Нижегородская область", "Ростовская область"),
    900: ("Краснодарский край", "Ростовская область", "Курская область"),
    904: ("Свердловская область", "Нижегородская область"),
    908: ("Ростовская область", "Челябинская область", "Свердловская область"),
    950: (_SPB, "Тюменская область", "Омская область"),
    951: ("Воронежская область", "Челябинская область", "Омская область"),
    952: (_SPB, "Кемеровская область — Кузбасс"),
    953: ("Новосибирская область", "Нижегородская область", "Свердловская область"),
    977: (_MSK,),
    991: (_MSK,),
    999: ("Российская Федерация",),
}
_OPERATOR_REGION = {
    "mts": _MSK,
    "megafon": _MSK,
    "beeline": _MSK,
    "tele2": _MSK,
    "yota": "Российская Федерация",
}

_MSISDN_RE = re.compile(r"^79\d{9}$")
_NON_DIGITS = re.compile(r"\D+")


def is_msisdn(phone: object) -> bool:
    return isinstance(phone, str) and _MSISDN_RE.match(phone) is not None


def normalize_phone(raw: object) -> str | None:
    """What object_add accepts: ``+7 (921) 001-02-03``, ``8-921-001-02-03``, ``89210010203``,
    ``9210010203``, ``79210010203`` → ``79210010203``; anything else → ``None``."""
    if not isinstance(raw, str):
        return None
    digits = _NON_DIGITS.sub("", raw)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    elif len(digits) == 10 and digits[0] == "9":
        digits = "7" + digits
    return digits if _MSISDN_RE.match(digits) else None


def lookup(phone: str) -> tuple[str, str, str] | None:
    """(operator id, title, region) for an MSISDN, or ``None`` when it cannot be determined."""
    code = int(phone[1:4])
    for low, high, operator in _RANGES:
        if low <= code <= high:
            regions = _REGIONS.get(code, (_OPERATOR_REGION[operator],))
            region = regions[int(phone[4]) % len(regions)]
            return operator, OPERATOR_TITLES[operator], region
    return None


def is_supported(operator: str) -> bool:
    return operator in protocol.OPERATORS


def def_codes(operator: str) -> list[int]:
    """Every DEF code of ``operator`` (for generating numbers)."""
    return [c for low, high, op in _RANGES if op == operator for c in range(low, high + 1)]


def format_title(phone: str) -> str:
    """The default object title: ``79111111115`` → ``(911) 111-11-15`` (as the doc shows)."""
    d = phone[1:]
    return f"({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}"

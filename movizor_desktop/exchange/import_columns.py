"""Which column of an import file holds what: the fields and the guess from the headers.

A mapping is a list with one entry per column of the file: a field key of
:data:`FIELDS`, :data:`METADATA` (a metadata field named after the column's header) or
:data:`IGNORE`. :func:`guess_mapping` reads Russian and English headers ("Телефон",
"phone", "Имя", "Тариф", "Автоотключение", "Маршрут"...) and prefers what the dispatcher
chose for the same header last time (``remembered``: normalized header → key, kept by
:mod:`movizor_desktop.store.import_mapping`). A field is given to one column only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

PHONE, TITLE, TARIFF, DATEOFF, TAGS, ROUTE = "phone", "title", "tariff", "dateoff", "tags", "route"
FIELDS = (PHONE, TITLE, TARIFF, DATEOFF, TAGS, ROUTE)
METADATA = "metadata"
IGNORE = ""
KEYS = (*FIELDS, METADATA, IGNORE)

# Metadata fields dispatchers use most (as the metadata editor's quick buttons).
METADATA_HEADERS = (
    "водитель",
    "тс",
    "перевозчик",
    "инн перевозчика",
    "клиент",
    "заказ",
    "рейс",
    "номер заказа",
    "номер рейса",
    "госномер",
    "гос номер",
    "автомобиль",
    "машина",
    "driver",
    "vehicle",
    "carrier",
    "client",
    "customer",
    "order",
    "trip",
)

ALIASES: dict[str, tuple[str, ...]] = {
    PHONE: (
        "телефон",
        "номер телефона",
        "номер",
        "тел",
        "моб",
        "мобильный",
        "мобильный телефон",
        "сотовый",
        "phone",
        "phone number",
        "number",
        "msisdn",
        "mobile",
        "tel",
    ),
    TITLE: (
        "имя",
        "название",
        "наименование",
        "фио",
        "абонент",
        "подпись",
        "name",
        "title",
        "subscriber",
    ),
    TARIFF: ("тариф", "тарифный план", "tariff", "plan", "tariff plan"),
    DATEOFF: (
        "автоотключение",
        "отключение",
        "дата отключения",
        "отключить",
        "время отключения",
        "отключить в",
        "dateoff",
        "auto-off",
        "auto off",
        "switch off",
        "off",
    ),
    TAGS: ("теги", "тэги", "метки", "ярлыки", "tags", "labels"),
    ROUTE: (
        "маршрут",
        "точки",
        "точки маршрута",
        "пункты",
        "пункт назначения",
        "куда",
        "назначение",
        "route",
        "destination",
        "destinations",
        "points",
        "waypoints",
    ),
}
_PHONE_HINTS = ("телефон", "phone", "мобил", "msisdn")


def normalize_header(text: str) -> str:
    """Lower case, ``ё`` as ``е``, punctuation as spaces, spaces collapsed."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[^\w]+", " ", text, flags=re.UNICODE)
    return " ".join(text.split())


_BY_ALIAS = {normalize_header(a): key for key, aliases in ALIASES.items() for a in aliases}
_METADATA = {normalize_header(h) for h in METADATA_HEADERS}


def guess_key(header: str) -> str:
    """The field a header most likely names (:data:`IGNORE` when none)."""
    norm = normalize_header(header)
    if not norm:
        return IGNORE
    if norm in _BY_ALIAS:
        return _BY_ALIAS[norm]
    if norm in _METADATA:
        return METADATA
    if any(hint in norm for hint in _PHONE_HINTS):
        return PHONE
    return IGNORE


def guess_mapping(headers: Sequence[str], remembered: Mapping[str, str] | None = None) -> list[str]:
    """One key per column: the remembered choice for that header, else the guess. A field
    already taken by an earlier column is not given again (metadata may repeat)."""
    remembered = remembered or {}
    mapping: list[str] = []
    taken: set[str] = set()
    for header in headers:
        key = remembered.get(normalize_header(header))
        if key not in KEYS:
            key = guess_key(header)
        if key in FIELDS and key in taken:
            key = IGNORE
        if key == METADATA and not header.strip():
            key = IGNORE
        taken.add(key)
        mapping.append(key)
    return mapping


def mapping_problem(headers: Sequence[str], mapping: Sequence[str]) -> str | None:
    """Why the mapping cannot be used (``no_phone``, ``twice``), or None."""
    chosen = [k for k in mapping if k in FIELDS]
    if PHONE not in chosen:
        return "no_phone"
    if len(chosen) != len(set(chosen)):
        return "twice"
    return None


__all__ = [
    "ALIASES",
    "DATEOFF",
    "FIELDS",
    "IGNORE",
    "KEYS",
    "METADATA",
    "PHONE",
    "ROUTE",
    "TAGS",
    "TARIFF",
    "TITLE",
    "guess_key",
    "guess_mapping",
    "mapping_problem",
    "normalize_header",
    "remembered_columns",
]


def remembered_columns(headers: Sequence[str], mapping: Sequence[str]) -> dict[str, str]:
    """What to remember of a mapping: normalized header → key, for named columns."""
    return {
        normalize_header(h): k
        for h, k in zip(headers, mapping, strict=False)
        if normalize_header(h)
    }

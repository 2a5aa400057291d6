"""From a table and a column mapping to validated rows, before anything is sent. No Qt.

:func:`gather_lookups` asks the server what validation needs (reads only): the price
table (``balance``), the numbers already on the account (``object_list``), each new
number's operator (``get_operator``: a number of an operator Movizor does not serve — a
Yota / DEF 999 MVNO — is refused before anything is sent, and a tariff is checked against
what the operator offers; as many numbers as the hour's request budget allows after the
adds themselves and :data:`OPERATOR_RESERVE` requests for the rest of the app, see
:func:`operator_checks`: beyond that ``object_add`` itself refuses) and the addresses of
route points (``distance_search``). :func:`build_rows` then turns every table row
into an :class:`ImportRow`: ``ready`` with the keyword arguments for
``FleetActions.add``, ``bad`` with every problem found (each one a sentence in the
dispatcher's language), ``duplicate`` (the number appears earlier in the file) or
``on_account`` (already there). Only ``ready`` rows are ever sent; a row holding text
that did not decode in the file's encoding is ``bad``. A row whose text held
control characters (cleaned by :mod:`.table_read`) or a line break in a one-line field
(name, tags, metadata…: joined with a space; a route cell keeps one point per line) is
marked ``cleaned``, and :meth:`ImportRow.note` says so in the dispatcher's language.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..api.codes import OPERATORS
from ..api.encoding import METADATA_NAME_MAX, METADATA_VALUE_MAX, RoutePoint
from ..api.errors import InvalidInputError, InvalidPhoneError, MovizorError, NotFoundError
from ..api.models import Balance
from ..api.phones import normalize_phone
from .csv_decode import label
from .import_columns import DATEOFF, IGNORE, METADATA, PHONE, ROUTE, TAGS, TARIFF, TITLE
from .import_values import (
    CellError,
    addresses,
    check_dateoff,
    msk_now,
    parse_date,
    parse_route,
    parse_tariff,
    split_tags,
)
from .table_read import Table
from .text_safety import clean_line

SERVICE_GROUPS = frozenset({"eventsms", "autoinform"})
LOOKUP_CONCURRENCY = 4
OPERATOR_RESERVE = 200  # requests of the hour kept for syncing while an import runs
ADDRESS_LIMIT = 300  # distinct addresses geocoded for one file

_TEXTS: dict[str, tuple[str, str]] = {
    "phone_missing": ("No phone number.", "Нет номера телефона."),
    "phone": (
        "“{detail}” is not a Russian mobile number.",
        "«{detail}» — не российский мобильный номер.",
    ),
    "operator": (
        "The operator of this number could not be determined.",
        "Не удалось определить оператора этого номера.",
    ),
    "operator_unsupported": (
        "Movizor does not serve numbers of {detail}.",
        "Movizor не обслуживает номера оператора {detail}.",
    ),
    "date_format": (
        "“{detail}” is not a date (e.g. 31.12.2026 18:00).",
        "«{detail}» — не дата (пример: 31.12.2026 18:00).",
    ),
    "date_past": (
        "The auto-off time {detail} has already passed.",
        "Время автоотключения {detail} уже прошло.",
    ),
    "date_day": (
        "The auto-off time {detail} must be more than a day from now.",
        "Время автоотключения {detail} должно быть больше чем через сутки.",
    ),
    "tariff_unknown": ("Unknown tariff “{detail}”.", "Неизвестный тариф «{detail}»."),
    "tariff_operator": (
        "The operator {detail} does not offer this tariff.",
        "Оператор {detail} не предлагает этот тариф.",
    ),
    "tariff_missing": (
        "No tariff given and no default chosen.",
        "Тариф не указан и не выбран тариф по умолчанию.",
    ),
    "coordinates": ("“{detail}” are not valid coordinates.", "«{detail}» — неверные координаты."),
    "address_not_found": ("The address “{detail}” was not found.", "Адрес «{detail}» не найден."),
    "address_unchecked": (
        "The address “{detail}” could not be checked.",
        "Адрес «{detail}» не удалось проверить.",
    ),
    "meta_name": (
        "The column name “{detail}” is longer than {limit} characters (metadata field name).",
        "Название столбца «{detail}» длиннее {limit} символов (имя поля метаданных).",
    ),
    "meta_bracket": (
        "The metadata field name “{detail}” cannot contain brackets.",
        "Имя поля метаданных «{detail}» не может содержать скобки.",
    ),
    "meta_value": (
        "The value of “{detail}” is longer than {limit} characters.",
        "Значение «{detail}» длиннее {limit} символов.",
    ),
    "duplicate": (
        "The number is already listed on line {detail}; this row is not sent.",
        "Номер уже есть в строке {detail}; эта строка не отправляется.",
    ),
    "on_account": ("Already on the account; not sent.", "Уже есть на договоре; не отправлялся."),
    "undecodable": (
        "The row holds text that could not be read in the encoding {detail}; "
        "choose another encoding on the first page, or fix the file.",
        "В строке есть текст, который не читается в кодировке {detail}; выберите "
        "другую кодировку на первой странице или исправьте файл.",
    ),
    "cleaned": (
        "Control characters (line breaks, tabs pasted from Word) were replaced with spaces.",
        "Управляющие символы (переносы строк, табуляции из Word) заменены пробелами.",
    ),
}


@dataclass(frozen=True, slots=True)
class Problem:
    reason: str
    field: str = ""
    detail: str = ""
    limit: int = 0

    def message(self, lang: str = "en") -> str:
        en, ru = _TEXTS[self.reason]
        text = ru if lang.lower().startswith("ru") else en
        return text.format(detail=self.detail, limit=self.limit)


@dataclass(slots=True)
class ImportRow:
    line: int
    raw_phone: str
    phone: str | None  # MSISDN when valid
    title: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # FleetActions.add keywords
    problems: list[Problem] = field(default_factory=list)
    state: str = "ready"  # ready / bad / duplicate / on_account
    cleaned: bool = False  # control characters (or line breaks) became spaces
    operator: str = ""  # the operator's name when the check asked Movizor

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def message(self, lang: str = "en") -> str:
        return " ".join(p.message(lang) for p in self.problems)

    def note(self, lang: str = "en") -> str:
        """What the check changed without refusing the row (empty when nothing)."""
        if not self.cleaned:
            return ""
        en, ru = _TEXTS["cleaned"]
        return ru if lang.lower().startswith("ru") else en


@dataclass(slots=True)
class Lookups:
    """What the server said before the preview; everything may be empty (offline)."""

    balance: Balance | None = None
    on_account: set[str] = field(default_factory=set)
    operators: dict[str, str | None] = field(default_factory=dict)  # None: unknown operator
    operator_titles: dict[str, str] = field(default_factory=dict)  # mts → МТС
    places: dict[str, RoutePoint | None] = field(default_factory=dict)
    errors: list[MovizorError] = field(default_factory=list)
    unchecked_operators: int = 0  # new numbers left to object_add (the hour's budget)

    def tariff_titles(self) -> dict[str, str]:
        titles: dict[str, str] = {}
        if self.balance is not None:
            for group, prices in self.balance.tariff.items():
                if group in SERVICE_GROUPS:
                    continue
                for tid, price in prices.items():
                    if not titles.get(tid):
                        titles[tid] = price.title
        return titles

    def serves(self, operator: str) -> bool:
        """Whether Movizor serves this operator: its price table lists it (the API's
        four operators when the table is not known)."""
        if self.balance is not None and self.balance.tariff:
            return operator in self.balance.tariff and operator not in SERVICE_GROUPS
        return operator in OPERATORS

    def operator_tariffs(self, operator: str | None) -> set[str] | None:
        if operator is None or self.balance is None or operator not in self.balance.tariff:
            return None
        return set(self.balance.tariff[operator])


def column(mapping: Sequence[str], key: str) -> int:
    return mapping.index(key) if key in mapping else -1


def phones_of(table: Table, mapping: Sequence[str]) -> list[str]:
    """The valid numbers of the file, first occurrence kept, as MSISDNs."""
    col = column(mapping, PHONE)
    seen: dict[str, None] = {}
    for row in table.rows:
        try:
            seen.setdefault(normalize_phone(clean_line(row.cell(col))), None)
        except InvalidPhoneError:
            continue
    return list(seen)


def addresses_of(table: Table, mapping: Sequence[str]) -> list[str]:
    col = column(mapping, ROUTE)
    if col < 0:
        return []
    found: dict[str, None] = {}
    for row in table.rows:
        for part in addresses(row.cell(col)):
            found.setdefault(part, None)
    return list(found)


async def gather_lookups(
    client: Any,
    table: Table,
    mapping: Sequence[str],
    *,
    known: set[str] | None = None,
    check_operators: bool = True,
) -> Lookups:
    """Ask the server what validation needs; failures are kept in ``errors`` and leave the
    part concerned empty (the rows are then checked as far as possible)."""
    found = Lookups(on_account=set(known or ()))
    try:
        found.balance = await client.balance()
    except MovizorError as exc:
        found.errors.append(exc)
    try:
        found.on_account |= {s.phone for s in await client.object_list()}
    except MovizorError as exc:
        found.errors.append(exc)
    gate = asyncio.Semaphore(LOOKUP_CONCURRENCY)

    async def operator(phone: str) -> None:
        async with gate:
            try:
                info = await client.get_operator(phone)
                found.operators[phone] = info.operator or None
                if info.operator and info.title:
                    found.operator_titles[info.operator] = info.title
            except NotFoundError:
                found.operators[phone] = None
            except MovizorError as exc:
                found.errors.append(exc)

    async def place(address: str) -> None:
        async with gate:
            try:
                hits = [
                    p
                    for p in await client.distance_search(address)
                    if p.lat is not None and p.lon is not None
                ]
            except InvalidInputError:  # code 1: "nothing was found for this address"
                hits = []
            except MovizorError as exc:
                found.errors.append(exc)
                return
            found.places[address] = (
                RoutePoint(hits[0].title or address, hits[0].lat, hits[0].lon) if hits else None
            )

    addresses_ = addresses_of(table, mapping)[:ADDRESS_LIMIT]
    jobs = [place(a) for a in addresses_]
    new = [p for p in phones_of(table, mapping) if p not in found.on_account]
    if check_operators:
        allowed = operator_checks(client, len(new), spent=len(addresses_))
        jobs += [operator(p) for p in new[:allowed]]
        found.unchecked_operators = len(new) - allowed
    await asyncio.gather(*jobs)
    return found


def operator_checks(client: Any, new: int, *, spent: int = 0) -> int:
    """How many of ``new`` numbers' operators the check may ask for: what the hour's
    budget has left after ``spent`` other lookups, the ``new`` adds themselves and
    :data:`OPERATOR_RESERVE` (a client without a budget: all of them)."""
    budget = getattr(client, "budget", None)
    if not callable(budget):
        return new
    free = budget().remaining - spent - new - OPERATOR_RESERVE
    return max(0, min(new, free))


def build_rows(
    table: Table,
    mapping: Sequence[str],
    lookups: Lookups | None = None,
    *,
    default_tariff: str | None = None,
    now: Callable[[], datetime] = msk_now,
) -> list[ImportRow]:
    """Every row of ``table``, validated; see the module docstring."""
    lookups = lookups or Lookups()
    titles = lookups.tariff_titles()
    moment = now()
    meta_cols = [(i, table.headers[i].strip()) for i, key in enumerate(mapping) if key == METADATA]
    header_problems: list[Problem] = []
    for _, name in meta_cols:
        if len(name) > METADATA_NAME_MAX:
            header_problems.append(Problem("meta_name", METADATA, name, METADATA_NAME_MAX))
        elif "[" in name or "]" in name:
            header_problems.append(Problem("meta_bracket", METADATA, name))
    cols = {key: column(mapping, key) for key in (PHONE, TITLE, TARIFF, DATEOFF, TAGS, ROUTE)}
    first_line: dict[str, int] = {}
    routes: dict[str, list[RoutePoint] | CellError] = {}
    rows: list[ImportRow] = []
    for source in table.rows:
        joined: list[bool] = []  # a line break inside a one-line field was replaced

        def one_line(text: str, joined: list[bool] = joined) -> str:
            if "\n" in text:
                joined.append(True)
                return clean_line(text)
            return text

        def cell(key: str, source: Any = source) -> str:
            text = source.cell(cols[key]) if cols[key] >= 0 else ""
            return text if key == ROUTE else one_line(text)  # a route: one point a line

        raw_phone = cell(PHONE)
        row = ImportRow(line=source.line, raw_phone=raw_phone, phone=None, title=cell(TITLE))
        problems = row.problems
        problems.extend(header_problems)
        if source.undecodable:  # its names would be sent as nonsense
            problems.append(Problem("undecodable", "", label(table.encoding or "")))
        if not raw_phone:
            problems.append(Problem("phone_missing", PHONE))
        else:
            try:
                row.phone = normalize_phone(raw_phone, function="object_add")
            except InvalidPhoneError:
                problems.append(Problem("phone", PHONE, raw_phone))
        if row.title:
            row.fields["title"] = row.title
        if tags := split_tags(cell(TAGS)):
            row.fields["tags"] = tags
        _operator(row, lookups)
        _tariff(row, cell(TARIFF), default_tariff, titles, lookups)
        if text := cell(DATEOFF):
            try:
                dateoff = parse_date(text)
                check_dateoff(dateoff, moment)
            except CellError as exc:
                problems.append(Problem(exc.reason, DATEOFF, exc.detail))
            else:
                row.fields["dateoff"] = dateoff
        if text := cell(ROUTE):
            if text not in routes:  # files repeat the same route on many rows
                try:
                    routes[text] = parse_route(text, lookups.places)
                except CellError as exc:
                    routes[text] = exc
            parsed = routes[text]
            if isinstance(parsed, CellError):
                problems.append(Problem(parsed.reason, ROUTE, parsed.detail))
            else:
                row.fields["route"] = list(parsed)
        metadata = {}
        for index, name in meta_cols:
            value = one_line(source.cell(index))
            if not value:
                continue
            if len(value) > METADATA_VALUE_MAX:
                problems.append(Problem("meta_value", METADATA, name, METADATA_VALUE_MAX))
            metadata[name] = value
        if metadata:
            row.fields["metadata"] = metadata
        row.cleaned = source.cleaned or bool(joined)
        _classify(row, first_line, lookups)
        rows.append(row)
    return rows


def _tariff(
    row: ImportRow, text: str, default: str | None, titles: Mapping[str, str], lookups: Lookups
) -> None:
    if not text and default is None:
        row.problems.append(Problem("tariff_missing", TARIFF))
        return
    try:
        tariff = parse_tariff(text, titles) if text else default
    except CellError as exc:
        row.problems.append(Problem(exc.reason, TARIFF, exc.detail))
        return
    row.fields["tariff"] = tariff
    operator = lookups.operators.get(row.phone) if row.phone is not None else None
    if operator is None:
        return
    offered = lookups.operator_tariffs(operator)
    if offered is not None and tariff not in offered:
        title = lookups.operator_titles.get(operator, operator)
        row.problems.append(Problem("tariff_operator", TARIFF, title))


def _operator(row: ImportRow, lookups: Lookups) -> None:
    """The number's operator as Movizor said it, and whether Movizor serves it."""
    if row.phone is None or row.phone not in lookups.operators:
        return
    operator = lookups.operators[row.phone]
    if operator is None:
        row.problems.append(Problem("operator", PHONE))
        return
    row.operator = lookups.operator_titles.get(operator, operator)
    if not lookups.serves(operator):
        row.problems.append(Problem("operator_unsupported", PHONE, row.operator))


def _classify(row: ImportRow, first_line: dict[str, int], lookups: Lookups) -> None:
    if row.phone is not None and row.phone in first_line:
        row.problems.insert(0, Problem("duplicate", PHONE, str(first_line[row.phone])))
        row.state = "duplicate"
        return
    if row.phone is not None:
        first_line[row.phone] = row.line
    if row.problems:
        row.state = "bad"
    elif row.phone in lookups.on_account:
        row.problems.append(Problem("on_account", PHONE))
        row.state = "on_account"


__all__ = [
    "IGNORE",
    "OPERATOR_RESERVE",
    "ImportRow",
    "Lookups",
    "Problem",
    "addresses_of",
    "build_rows",
    "gather_lookups",
    "operator_checks",
    "phones_of",
]

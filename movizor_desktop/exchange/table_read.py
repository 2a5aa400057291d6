"""Reading a table of subscribers from a CSV or XLSX file, without Qt.

* CSV: the encoding is detected (:mod:`.csv_decode`: a byte-order mark, UTF-8 even with a
  few broken bytes, else ``charset-normalizer`` among the Cyrillic encodings) or chosen
  by the dispatcher; the delimiter is sniffed among ``;`` ``,`` tab and ``|`` (Russian
  Excel writes ``;``). Both can be forced. A row holding text that did not decode
  (U+FFFD) is marked ``undecodable``, and the import refuses it.
* XLSX: the first sheet, or the one named, read by the bounded reader of
  :mod:`.xlsx_read` (values only: formulas give their cached results). Numbers that are
  whole (a phone typed as a number) come out without ``.0``; dates and times as
  ``dd.mm.yyyy hh:mm`` (Moscow wall-clock time, as typed). A file that starts with
  ``PK`` is a workbook whatever its name says (a ``.csv`` saved by Excel as a workbook).

The first non-empty row is the header; the table's columns are those up to the last
header that has text (at most :data:`MAX_COLUMNS`; a cell to the right of them is not
read). Empty rows are skipped; every row keeps its line number in the file so a report
can point the dispatcher to it. Every cell is cleaned of control characters
(:func:`.text_safety.clean_cell`: line breaks of any kind become ``\\n``, other runs one
space); a row where more than line ends changed is marked ``cleaned`` so the preview can
say so.

**Bounded.** A file of at most :data:`MAX_FILE_BYTES` is read or refused within seconds
and a few hundred MB, whatever it holds; a larger one is refused unread. Besides the
workbook limits of :mod:`.xlsx_read`: at most :data:`MAX_ROWS` rows with data,
:data:`MAX_LINES` lines and :data:`MAX_FIELDS` cells in a CSV, :data:`MAX_CELL_CHARS`
characters in a cell and :data:`MAX_TEXT_CHARS` in all. Each refusal is a
:class:`TableError` whose message names the limit. Blocking I/O: the UI runs
:func:`read_table` through ``asyncio.to_thread``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .csv_decode import REPLACEMENT, decode
from .text_safety import clean_cell, clean_line

MAX_ROWS = 10_000  # more subscribers than any contract has; the rest is refused
MAX_COLUMNS = 100  # named columns; a subscriber has a dozen fields and a few metadata
MAX_CELL_CHARS = 10_000  # no field of a subscriber needs a tenth of it
MAX_TEXT_CHARS = 20_000_000  # characters kept from one file
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_LINES = 200_000  # physical lines of a CSV (quoted cells may span several)
MAX_FIELDS = (MAX_ROWS + 1) * MAX_COLUMNS  # delimiters in a CSV
DELIMITERS = ";,\t|"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SNIFF_CHARS = 64 * 1024

_TEXTS = {
    "empty": ("The file holds no table.", "В файле нет таблицы."),
    "unreadable": ("The file could not be read: {detail}", "Файл не удалось прочитать: {detail}"),
    "sheet": ("The workbook has no sheet “{detail}”.", "В книге нет листа «{detail}»."),
    "too_many": (
        "The file has more than {detail} rows; split it into smaller files.",
        "В файле больше {detail} строк; разделите его на несколько файлов.",
    ),
    "format": (
        "Only CSV and XLSX files can be imported (an old .xls must be saved as .xlsx).",
        "Импортировать можно только файлы CSV и XLSX (старый .xls сохраните как .xlsx).",
    ),
    "file_size": (
        "The file is larger than {limit} MB; a list of subscribers is far smaller.",
        "Файл больше {limit} МБ; список абонентов намного меньше.",
    ),
    "lines": (
        "The file has more than {limit} lines; split it into smaller files.",
        "В файле больше {limit} строк текста; разделите его на несколько файлов.",
    ),
    "fields": (
        "The file has more than {limit} cells; split it into smaller files.",
        "В файле больше {limit} ячеек; разделите его на несколько файлов.",
    ),
    "columns": (
        "The table has more than {limit} named columns; keep the columns to import "
        "among the first {limit}.",
        "В таблице больше {limit} столбцов с названиями; оставьте нужные для импорта "
        "среди первых {limit}.",
    ),
    "cell": (
        "A cell on line {detail} holds more than {limit} characters.",
        "Ячейка в строке {detail} длиннее {limit} символов.",
    ),
    "text": (
        "The table holds more than {limit} characters of text.",
        "В таблице больше {limit} символов текста.",
    ),
    "parts": (
        "The workbook has more than {limit} parts: it is not an ordinary table "
        "(damaged, or made to overload the program).",
        "В книге больше {limit} частей: это не обычная таблица (она повреждена или "
        "сделана, чтобы перегрузить программу).",
    ),
    "unpacked": (
        "A part of the workbook unpacks to more than {limit} MB: it is not an "
        "ordinary table (damaged, or a “zip bomb”).",
        "Часть книги распаковывается больше чем в {limit} МБ: это не обычная "
        "таблица (она повреждена или это «зип-бомба»).",
    ),
    "elements": (
        "The sheet holds more than {limit} cells and other items; keep the table "
        "alone on a sheet of its own.",
        "На листе больше {limit} ячеек и других элементов; оставьте на листе только таблицу.",
    ),
    "row": (
        "Line {detail} of the sheet holds more than {limit} cells and other items.",
        "Строка {detail} листа содержит больше {limit} ячеек и других элементов.",
    ),
    "strings": (
        "The workbook holds more than {limit} different texts.",
        "В книге больше {limit} разных текстов.",
    ),
}


def _number(value: int, ru: bool) -> str:
    """``10,000`` / ``10 000`` (a no-break space in Russian)."""
    text = f"{value:,}"
    return text.replace(",", "\u00a0") if ru else text


class TableError(ValueError):
    """A file that gives no table; ``reason`` is a key of the messages above, ``detail``
    the file's own words (a sheet, a line), ``limit`` the limit that refused it."""

    def __init__(self, reason: str, detail: str = "", *, limit: int = 0) -> None:
        super().__init__(f"{reason}: {detail or limit}" if detail or limit else reason)
        self.reason = reason
        self.detail = detail
        self.limit = limit

    def message(self, lang: str = "en") -> str:
        ru = lang.lower().startswith("ru")
        en, russian = _TEXTS[self.reason]
        detail = self.detail
        if self.reason == "too_many" and detail.isdigit():
            detail = _number(int(detail), ru)
        return (russian if ru else en).format(detail=detail, limit=_number(self.limit, ru))


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int  # 1-based row number in the file (CSV: the record's first line)
    cells: tuple[str, ...]
    cleaned: bool = False  # control characters were replaced in a cell
    undecodable: bool = False  # a cell holds text that did not decode (U+FFFD)

    def cell(self, column: int) -> str:
        return self.cells[column] if 0 <= column < len(self.cells) else ""


@dataclass(slots=True)
class Table:
    headers: list[str]
    rows: list[TableRow]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    def samples(self, column: int, count: int = 3) -> list[str]:
        """The first ``count`` non-empty values of ``column`` (for the mapping page)."""
        values = [r.cell(column) for r in self.rows if r.cell(column)]
        return values[:count]

    @property
    def undecodable(self) -> int:
        """How many rows hold text that did not decode."""
        return sum(1 for r in self.rows if r.undecodable)


class RowCollector:
    """Keeps the rows of a file within the limits: the header decides the width, cells to
    its right are dropped, and rows, cell length and text are counted as they come."""

    def __init__(self, max_rows: int = MAX_ROWS) -> None:
        self.max_rows = max_rows
        self.records: list[tuple[int, list[str]]] = []
        self.width: int | None = None  # known once the header row is in
        self.chars = 0

    def add(self, line: int, values: Sequence[Any]) -> None:
        """One row of the file: ``values`` from the first column on (text or, from a
        workbook, numbers and dates)."""
        texts = [cell_text(v) for v in values[: MAX_COLUMNS if self.width is None else self.width]]
        if self.width is None:  # the header: the width is up to its last named column
            if any(cell_text(v) for v in values[MAX_COLUMNS:]):
                raise TableError("columns", limit=MAX_COLUMNS)
            named = [i for i, text in enumerate(texts) if text]
            if not named:
                return  # the rows above the header
            self.width = named[-1] + 1
            texts = texts[: self.width]
        if not any(texts):
            return
        for text in texts:
            if len(text) > MAX_CELL_CHARS:
                raise TableError("cell", str(line), limit=MAX_CELL_CHARS)
        self.chars += sum(map(len, texts))
        if self.chars > MAX_TEXT_CHARS:
            raise TableError("text", limit=MAX_TEXT_CHARS)
        self.records.append((line, texts))
        if len(self.records) > self.max_rows + 1:
            raise TableError("too_many", str(self.max_rows))


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    """The table in ``path`` (CSV or XLSX: by its first bytes, else by its suffix); raises
    :class:`TableError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise TableError("format")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TableError("file_size", limit=MAX_FILE_BYTES // (1024 * 1024))
        with open(path, "rb") as handle:
            start = handle.read(2)
            if start == b"PK" or suffix in XLSX_SUFFIXES:
                return read_xlsx(path, sheet=sheet)
            data = start + handle.read()
    except OSError as exc:
        raise TableError("unreadable", exc.strerror or str(exc)) from None
    return read_csv_bytes(data, encoding=encoding, delimiter=delimiter)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer on the first lines, else the most frequent
    candidate in the header line (``;`` when none occurs: a one-column file)."""
    lines = text[:SNIFF_CHARS].splitlines()
    sample = "\n".join(lines[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = next((line for line in lines if line.strip()), "")
        counts = {d: header.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ";"


def read_csv_bytes(
    data: bytes, *, encoding: str | None = None, delimiter: str | None = None
) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise TableError("file_size", limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        text, used = decode(data, encoding)
    except ValueError as exc:
        raise TableError("unreadable", str(exc)) from None
    if not text.strip():
        raise TableError("empty")
    if text.count("\n") > MAX_LINES:  # csv would build a record for every empty line
        raise TableError("lines", limit=MAX_LINES)
    delim = delimiter or sniff_delimiter(text)
    if text.count(delim) > MAX_FIELDS:  # csv would build a string for every field
        raise TableError("fields", limit=MAX_FIELDS)
    reader = csv.reader(_lines(text), delimiter=delim)
    collector = RowCollector()
    line = 1
    try:
        for record in reader:
            collector.add(line, record)
            line = reader.line_num + 1
    except csv.Error as exc:  # e.g. a field over csv's own limit of 131,072 characters
        raise TableError("unreadable", str(exc)) from None
    table = _table(collector.records, "csv")
    table.encoding, table.delimiter = used, delim
    return table


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time, split at ``\\n`` only (``str.splitlines``
    would also split at a vertical tab inside a cell; ``io.StringIO`` would copy the whole
    text once more)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def list_sheets(path: Path | str) -> list[str]:
    from .xlsx_read import sheet_names

    return sheet_names(Path(path))


def read_xlsx(path: Path, *, sheet: str | None = None) -> Table:
    from .xlsx_read import read_workbook

    collector = RowCollector()
    chosen, names = read_workbook(path, sheet, collector)
    table = _table(collector.records, "xlsx")
    table.sheet, table.sheets = chosen, names
    return table


def cell_text(value: Any) -> str:
    """A workbook cell as the text a dispatcher sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _table(records: list[tuple[int, list[str]]], kind: str) -> Table:
    """The header and the rows, cleaned of control characters and padded to the width."""
    if not records:
        raise TableError("empty")
    (_, header), body = records[0], records[1:]
    width = len(header)
    headers = [clean_line(text) for text in header]
    rows = []
    for line, texts in body:
        cells, flags = zip(*(clean_cell(t) for t in texts), strict=True)
        if any(cells):
            padded = (*cells, *([""] * (width - len(cells))))
            rows.append(TableRow(line, padded, any(flags), any(REPLACEMENT in t for t in texts)))
    return Table(headers=headers, rows=rows, kind=kind)


__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_FIELDS",
    "MAX_FILE_BYTES",
    "MAX_LINES",
    "MAX_ROWS",
    "MAX_TEXT_CHARS",
    "RowCollector",
    "Table",
    "TableError",
    "TableRow",
    "cell_text",
    "decode",
    "list_sheets",
    "read_csv_bytes",
    "read_table",
    "read_xlsx",
    "sniff_delimiter",
]

"""Reading a table of subscribers from a CSV or XLSX file, without Qt.

* CSV: the encoding is UTF-8 (with or without a BOM) when the bytes decode as UTF-8,
  else Windows-1251 (what Russian Excel saves); the delimiter is sniffed among
  ``;`` ``,`` tab and ``|`` (Russian Excel writes ``;``). Both can be forced.
* XLSX: the first sheet, or the one named; opened read-only (``openpyxl`` streams rows,
  so a big file does not load whole), values only (formulas give their cached results).
  Numbers that are whole (a phone typed as a number) come out without ``.0``; dates and
  times as ``dd.mm.yyyy hh:mm`` (Moscow wall-clock time, as typed).

The first non-empty row is the header. Empty rows are skipped; every row keeps its line
number in the file so a report can point the dispatcher to it. Every cell is cleaned of
control characters (:func:`.text_safety.clean_cell`: line breaks of any kind become
``\\n``, other runs one space); a row where more than line ends changed is marked
``cleaned`` so the preview can say so. Blocking I/O: the UI runs
:func:`read_table` through ``asyncio.to_thread``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .text_safety import clean_cell, clean_line

MAX_ROWS = 10_000  # more subscribers than any contract has; the rest is refused
DELIMITERS = ";,\t|"
XLSX_SUFFIXES = (".xlsx", ".xlsm")

_TEXTS = {
    "empty": ("The file holds no table.", "В файле нет таблицы."),
    "unreadable": ("The file could not be read: {detail}", "Файл не удалось прочитать: {detail}"),
    "sheet": ("The workbook has no sheet “{detail}”.", "В книге нет листа «{detail}»."),
    "too_many": ("The file has more than {detail} rows; split it into smaller files.",
                 "В файле больше {detail} строк; разделите его на несколько файлов."),
    "format": ("Only CSV and XLSX files can be imported (an old .xls must be saved as .xlsx).",
               "Импортировать можно только файлы CSV и XLSX (старый .xls сохраните как "
               ".xlsx)."),
}


class TableError(ValueError):
    """A file that gives no table; ``reason`` is a key of the messages above."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def message(self, lang: str = "en") -> str:
        en, ru = _TEXTS[self.reason]
        return (ru if lang.lower().startswith("ru") else en).format(detail=self.detail)


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int  # 1-based row number in the file (CSV: the record's first line)
    cells: tuple[str, ...]
    cleaned: bool = False  # control characters were replaced in a cell

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


def read_table(path: Path | str, *, sheet: str | None = None, encoding: str | None = None,
               delimiter: str | None = None) -> Table:
    """The table in ``path`` (CSV or XLSX, by suffix); raises :class:`TableError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, sheet=sheet)
    if suffix == ".xls":
        raise TableError("format")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableError("unreadable", exc.strerror or str(exc)) from None
    if data[:2] == b"PK":  # a workbook with another suffix
        return read_xlsx(path, sheet=sheet)
    return read_csv_bytes(data, encoding=encoding, delimiter=delimiter)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (BOM removed) when valid, else Windows-1251."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise TableError("unreadable", str(exc)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer on the first lines, else the most frequent
    candidate in the header line (``;`` when none occurs: a one-column file)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = next((line for line in text.splitlines() if line.strip()), "")
        counts = {d: header.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ";"


def read_csv_bytes(data: bytes, *, encoding: str | None = None,
                   delimiter: str | None = None) -> Table:
    text, used = decode(data, encoding)
    if not text.strip():
        raise TableError("empty")
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
            if len(records) > MAX_ROWS + 1:
                raise TableError("too_many", str(MAX_ROWS))
    except csv.Error as exc:
        raise TableError("unreadable", str(exc)) from None
    table = _table(records, "csv")
    table.encoding, table.delimiter = used, delim
    return table


def list_sheets(path: Path | str) -> list[str]:
    workbook = _open_workbook(Path(path))
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_xlsx(path: Path, *, sheet: str | None = None) -> Table:
    workbook = _open_workbook(path)
    try:
        names = list(workbook.sheetnames)
        if not names:
            raise TableError("empty")
        if sheet is not None and sheet not in names:
            raise TableError("sheet", sheet)
        chosen = sheet or names[0]
        records: list[tuple[int, list[str]]] = []
        for number, values in enumerate(workbook[chosen].iter_rows(values_only=True), 1):
            records.append((number, [cell_text(v) for v in values]))
            if len(records) > MAX_ROWS + 1:
                raise TableError("too_many", str(MAX_ROWS))
    finally:
        workbook.close()
    table = _table(records, "xlsx")
    table.sheet, table.sheets = chosen, names
    return table


def _open_workbook(path: Path) -> Any:
    import openpyxl  # loaded only for workbooks

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise TableError("unreadable", exc.strerror or str(exc)) from None
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
        raise TableError("unreadable", type(exc).__name__) from None


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


def _clean(cells: list[str]) -> tuple[list[str], bool]:
    texts, flags = zip(*map(clean_cell, cells), strict=True) if cells else ((), ())
    return list(texts), any(flags)


def _table(records: list[tuple[int, list[str]]], kind: str) -> Table:
    cleaned = [(line, *_clean(cells)) for line, cells in records]
    cleaned = [(line, cells, dirty) for line, cells, dirty in cleaned if any(cells)]
    if not cleaned:
        raise TableError("empty")
    (_, header, _), body = cleaned[0], cleaned[1:]
    width = max(len(cells) for _, cells, _ in cleaned)
    while width > 0 and not any(
            len(cells) >= width and cells[width - 1] for _, cells, _ in cleaned):
        width -= 1  # trailing empty columns (Excel exports a few)
    headers = [clean_line(header[i]) if i < len(header) else "" for i in range(width)]
    rows = [TableRow(line, tuple((cells + [""] * width)[:width]), dirty)
            for line, cells, dirty in body]
    return Table(headers=headers, rows=rows, kind=kind)


__all__ = ["MAX_ROWS", "Table", "TableError", "TableRow", "cell_text", "decode",
           "list_sheets", "read_csv_bytes", "read_table", "read_xlsx", "sniff_delimiter"]

"""A table written as an Excel workbook (XLSX) or a CSV file. No Qt.

The UI builds a :class:`Table` with headers already translated and cells as plain values
(text, numbers, aware datetimes); this module only writes it.

XLSX (openpyxl): bold header row, frozen under the header, an autofilter over the whole
range, column widths from the content (capped). Datetimes are written as real Excel
dates in Moscow time (Excel has no time zones; the header says "(MSK)") with the format
``DD.MM.YYYY HH:MM:SS``, so they sort and filter as dates. A text that looks like a
formula is a string cell with Excel's quote prefix, never a formula
(:mod:`.text_safety`, the one guard for every file the app writes).

CSV: UTF-8 with a byte-order mark, ``;`` between fields, CRLF line ends, times as
``26.11.2026 12:05:00`` (МСК). Why: Excel with Russian regional settings opens a ``.csv``
by double click using the system list separator, which is ``;`` there (``,`` is the
decimal separator), and it reads the file as UTF-8 only when the BOM is present; without
it Cyrillic comes out as mojibake in the ANSI code page. A ``sep=;`` first line would
also pick the delimiter, but Excel then ignores the BOM, so it is not used. Numbers use
the decimal separator the caller passes (``,`` for Russian, ``.`` otherwise). Text cells
starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break get a leading apostrophe:
Excel would otherwise evaluate them as formulas (CSV injection; a phone such as
``+7 921 …`` would even show as an error).

Whatever the server returned, the file is written: characters no format can hold (a
vertical tab pasted into a title, a stray NUL) become spaces in every text, header and
sheet name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..api.encoding import to_msk
from .export_files import write_atomic
from .text_safety import clean_line, csv_text, xlsx_text

Cell = str | int | float | datetime | None

CSV_DELIMITER = ";"
DATETIME_XLSX = "DD.MM.YYYY HH:MM:SS"
DATETIME_TEXT = "%d.%m.%Y %H:%M:%S"
WIDTH_MIN, WIDTH_MAX = 6, 60


@dataclass(slots=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    sheet: str = "Sheet1"  # the worksheet's name (XLSX)
    number_formats: dict[int, str] = field(default_factory=dict)  # column → Excel format


def msk_naive(moment: datetime) -> datetime:
    """Moscow wall time without a zone: what an Excel cell can hold."""
    return to_msk(moment).replace(tzinfo=None)


def text_of(value: Cell, decimal: str = ",") -> str:
    """A cell as CSV text: МСК times, the decimal separator, "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return to_msk(value).strftime(DATETIME_TEXT)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return ("0" if text in ("", "-0") else text).replace(".", decimal)
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


# --- CSV --------------------------------------------------------------------------------


def csv_bytes(table: Table, *, decimal: str = ",", delimiter: str = CSV_DELIMITER) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([text_of(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([text_of(v, decimal) for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_csv(
    path: str | Path, table: Table, *, decimal: str = ",", delimiter: str = CSV_DELIMITER
) -> Path:
    data = csv_bytes(table, decimal=decimal, delimiter=delimiter)
    return write_atomic(path, lambda handle: handle.write(data))


# --- XLSX -------------------------------------------------------------------------------


def _width(values: Sequence[Any]) -> int:
    longest = 0
    for value in values:
        if value is None:
            continue
        if isinstance(value, datetime):
            size = 19
        else:
            size = max((len(line) for line in str(value).splitlines()), default=0)
        longest = max(longest, size)
    return max(WIDTH_MIN, min(WIDTH_MAX, longest + 2))


def write_xlsx(path: str | Path, table: Table) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = _sheet_name(table.sheet)
    bold = Font(bold=True)
    columns = len(table.headers)
    for c, title in enumerate(table.headers, start=1):
        cell = ws.cell(row=1, column=c)
        _set_text(cell, str(title))
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=False)
    for r, values in enumerate(table.rows, start=2):
        for c, value in enumerate(values[:columns], start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(value, datetime):
                cell.value = msk_naive(value)
                cell.number_format = DATETIME_XLSX
            elif isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value
            fmt = table.number_formats.get(c - 1)
            if fmt is not None:
                cell.number_format = fmt
    for c in range(columns):
        sample = [
            table.headers[c],
            *(row[c] if c < len(row) else None for row in table.rows[:2000]),
        ]
        ws.column_dimensions[get_column_letter(c + 1)].width = _width(sample)
    ws.freeze_panes = "A2"
    if columns:
        last = get_column_letter(columns)
        ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"

    def save(handle: BinaryIO) -> None:
        wb.save(handle)

    return write_atomic(path, save)


def _set_text(cell: Any, value: str) -> None:
    """A string cell (never a formula: "=SUM(…)" in a name stays text, shown as typed)."""
    text, quote_prefix = xlsx_text(value)
    cell.value = text
    cell.data_type = "s"
    if quote_prefix:
        cell.quotePrefix = True


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``, no control characters."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in clean_line(name))
    return cleaned.strip("'")[:31].strip("'") or "Sheet1"


def write_table(path: str | Path, table: Table, *, decimal: str = ",") -> Path:
    """XLSX or CSV by the file's extension (``.csv``; anything else is a workbook)."""
    if Path(path).suffix.lower() == ".csv":
        return write_csv(path, table, decimal=decimal)
    return write_xlsx(path, table)


__all__ = [
    "CSV_DELIMITER",
    "Cell",
    "Table",
    "csv_bytes",
    "msk_naive",
    "text_of",
    "write_csv",
    "write_table",
    "write_xlsx",
]

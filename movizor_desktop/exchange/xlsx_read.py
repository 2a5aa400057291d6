"""A bounded reader of Excel workbooks (XLSX/XLSM) for the import. Stdlib only, no Qt.

A workbook is a zip of XML parts, and a hostile one is cheap to make: a few kilobytes
that claim 16,384 columns, one row of a million cells, or a "zip bomb" that unpacks to
gigabytes. openpyxl's read-only reader pads every row to the width the sheet's size
header claims and builds each row whole, so such files took 16-47 s and up to 3.3 GB.
This reader bounds everything *before* it reads, and then as it reads:

1. **the file and its parts** (:mod:`.xlsx_parts`): the size on disk, the number of parts,
   each part's declared unpacked size, no DTD, and an element budget over every part
   read (the time bound);
2. **the sheet and its strings**: at most :data:`MAX_ROW_ELEMENTS` elements in one row
   (a row of a million cells stops after the first few thousand) and at most
   :data:`MAX_SHARED_STRINGS` shared strings;
3. **the table** (:class:`~.table_read.RowCollector`): the columns are those up to the
   last header that has text, at most ``MAX_COLUMNS`` (cells to their right are skipped
   unread, and a cell's text is not gathered past ``MAX_CELL_CHARS``); the rows, the
   cell length and the text kept are bounded as for a CSV file.

Every refusal is a :class:`~.table_read.TableError` whose message names the limit. The
values come out as openpyxl gave them (``values_only``): text, int/float, bool, and
``datetime``/``date``/``time`` for numbers with a date format (1900 and 1904 date
systems; Excel's phantom 29.02.1900 respected), so :func:`.table_read.cell_text` shows
them as before.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from .table_read import MAX_CELL_CHARS, MAX_COLUMNS, RowCollector, TableError
from .xlsx_parts import Stop, Workbook, local_name, relationships

MAX_ROW_ELEMENTS = 4096
MAX_SHARED_STRINGS = 500_000

_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")
# Built-in number formats that show dates or times (ECMA-376 §18.8.30).
_BUILT_IN_FORMATS = {
    14: "date",
    15: "date",
    16: "date",
    17: "date",
    18: "time",
    19: "time",
    20: "time",
    21: "time",
    22: "datetime",
    45: "time",
    46: "time",
    47: "time",
    **dict.fromkeys((*range(27, 37), *range(50, 59)), "date"),
}
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[(?!h+\]|m+\]|s+\])[^\]]*\]', re.I)


# --- workbook, styles, shared strings --------------------------------------------------------


def _workbook_part(book: Workbook) -> str:
    for target in relationships(book, "").values():
        if target.endswith(".xml") and "workbook" in posixpath.basename(target).lower():
            return target
    return "xl/workbook.xml"


def _sheets(
    book: Workbook, workbook: str, targets: dict[str, str]
) -> tuple[list[tuple[str, str]], bool]:
    """[(sheet name, part)], and whether the workbook uses the 1904 date system."""
    sheets: list[tuple[str, str]] = []
    date1904 = [False]

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = local_name(tag)
        if name == "sheet":
            rel_id = next((v for k, v in attrs.items() if local_name(k) == "id"), None)
            if rel_id in targets and "name" in attrs:
                sheets.append((attrs["name"], targets[rel_id]))
        elif name == "workbookPr":
            date1904[0] = attrs.get("date1904", "").lower() in ("1", "true")

    book.parse(workbook, "workbook", start)
    return sheets, date1904[0]


def format_kind(code: str) -> str | None:
    """What an Excel number format shows: ``"date"``, ``"time"``, ``"datetime"`` or None
    (a number). Quoted text, escapes and ``[Red]``-style sections do not count."""
    if code.lower() in ("general", "@", ""):
        return None
    bare = _FORMAT_NOISE.sub("", code.split(";")[0]).lower()
    has_date = any(ch in bare for ch in "dy") or (
        "m" in bare and not any(ch in bare for ch in "hs")
    )
    has_time = any(ch in bare for ch in "hs")
    if has_date and has_time:
        return "datetime"
    return "date" if has_date else "time" if has_time else None


def _date_styles(book: Workbook, part: str | None) -> list[str | None]:
    """For each cell style (``s`` attribute) what its number format shows."""
    if part is None:
        return []
    custom: dict[int, str] = {}
    formats: list[int] = []
    where: list[str] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = local_name(tag)
        where.append(name)
        if name == "numFmt" and attrs.get("numFmtId", "").isdigit():
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif name == "xf" and len(where) >= 2 and where[-2] == "cellXfs":
            number = attrs.get("numFmtId", "0")
            formats.append(int(number) if number.isdigit() else 0)

    book.parse(part, "styles", start, lambda tag: where.pop())
    return [format_kind(custom[f]) if f in custom else _BUILT_IN_FORMATS.get(f) for f in formats]


class _StringsReader:
    """``<sst>``: each ``<si>``'s text (plain ``<t>`` or rich-text runs; phonetic runs
    left out), cut at :data:`MAX_CELL_CHARS` + 1 characters (a longer one is refused
    when a cell uses it)."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._parts: list[str] = []
        self._length = 0
        self._in_t = False
        self._skip = 0  # inside <rPh> (phonetic) runs

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = local_name(tag)
        if name == "si":
            if len(self.strings) >= MAX_SHARED_STRINGS:
                raise Stop(TableError("strings", limit=MAX_SHARED_STRINGS))
            self._parts, self._length = [], 0
        elif name == "rPh":
            self._skip += 1
        elif name == "t" and not self._skip:
            self._in_t = True

    def end(self, tag: str) -> None:
        name = local_name(tag)
        if name == "si":
            self.strings.append("".join(self._parts))
        elif name == "rPh":
            self._skip -= 1
        elif name == "t":
            self._in_t = False

    def text(self, data: str) -> None:
        if self._in_t and self._length <= MAX_CELL_CHARS:
            self._parts.append(data)
            self._length += len(data)


# --- the sheet -------------------------------------------------------------------------------


def column_index(letters: str) -> int:
    """``"A"`` → 0, ``"XFD"`` → 16383."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


class _SheetReader:
    """Feeds the rows of the sheet to a :class:`RowCollector`, skipping every cell to the
    right of the table without gathering its text."""

    def __init__(
        self,
        strings: list[str],
        date_styles: list[str | None],
        date1904: bool,
        collector: RowCollector,
    ) -> None:
        self.strings, self.date_styles, self.date1904 = strings, date_styles, date1904
        self.collector = collector
        self._row_number = 0
        self._row: dict[int, Any] = {}
        self._named_beyond = False  # the header row has text past MAX_COLUMNS
        self._row_elements = 0  # elements since the row began
        self._column = -1
        self._cell: tuple[int, str, int] | None = None  # column, type, style
        self._value: list[str] = []
        self._length = 0
        self._collect = False
        self._inline = False

    # expat callbacks ------------------------------------------------------------------

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = local_name(tag)
        self._row_elements += 1
        if self._row_elements > MAX_ROW_ELEMENTS:
            raise Stop(TableError("row", str(self._row_number), limit=MAX_ROW_ELEMENTS))
        if name == "c":
            self._start_cell(attrs)
        elif self._cell is not None:
            if name == "v" or (name == "t" and self._inline):
                self._collect = True
            elif name == "is":
                self._inline = True
        elif name == "row":
            number = attrs.get("r", "")
            self._row_number = int(number) if number.isdigit() else self._row_number + 1
            self._row, self._column, self._named_beyond = {}, -1, False
            self._row_elements = 0

    def end(self, tag: str) -> None:
        name = local_name(tag)
        if name in ("v", "t"):
            self._collect = False
        elif name == "is":
            self._inline = False
        elif name == "c" and self._cell is not None:
            self._end_cell()
        elif name == "row":
            self._end_row()

    def text(self, data: str) -> None:
        if self._collect and self._length <= MAX_CELL_CHARS:
            self._value.append(data)
            self._length += len(data)

    # cells and rows ---------------------------------------------------------------------

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = _CELL_REF.match(attrs.get("r", ""))
        self._column = column_index(ref[1]) if ref else self._column + 1
        width = self.collector.width
        if width is not None and self._column >= width:
            self._cell = None  # right of the table: skipped unread
            return
        # in the header row (no width yet) a cell past the cap is still read: a table
        # with more named columns than the cap is refused, not cut
        style = attrs.get("s", "0")
        self._cell = (self._column, attrs.get("t", "n"), int(style) if style.isdigit() else 0)
        self._value, self._length = [], 0

    def _end_cell(self) -> None:
        assert self._cell is not None
        column, kind, style = self._cell
        self._cell = None
        value = self._value_of(kind, "".join(self._value), style)
        if column < MAX_COLUMNS:
            self._row[column] = value
        elif _filled(value):
            self._named_beyond = True

    def _end_row(self) -> None:
        row, self._row = self._row, {}
        if self.collector.width is None and self._named_beyond:
            raise Stop(TableError("columns", limit=MAX_COLUMNS))
        if row:
            values = [row.get(c) for c in range(max(row) + 1)]
            try:
                self.collector.add(self._row_number, values)
            except TableError as exc:
                raise Stop(exc) from None

    def _value_of(self, kind: str, text: str, style: int) -> Any:
        if kind == "s":
            index = int(text) if text.strip().isdigit() else -1
            return self.strings[index] if 0 <= index < len(self.strings) else ""
        if kind in ("str", "inlineStr", "e"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            try:
                return datetime.fromisoformat(text.strip())
            except ValueError:
                return text
        try:
            number = float(text)
        except ValueError:
            return text
        shows = self.date_styles[style] if 0 <= style < len(self.date_styles) else None
        if shows is not None:
            return excel_date(number, shows, self.date1904)
        return int(number) if number.is_integer() and abs(number) < 1e16 else number


def _filled(value: Any) -> bool:
    return value is not None and value != ""


def excel_date(
    serial: float, shows: str = "datetime", date1904: bool = False
) -> datetime | date | time | float:
    """An Excel date serial as what its format ``shows``: a ``date`` (the time, hidden by
    the format, dropped), a ``time`` (below one day) or a ``datetime``, to the second."""
    if not 0 <= serial < 2_958_466:  # up to 31.12.9999
        return serial
    if date1904:
        epoch = datetime(1904, 1, 1)
    else:  # Excel counts a 29.02.1900 that never was: serials from 61 are a day ahead
        epoch = datetime(1899, 12, 30) if serial >= 61 else datetime(1899, 12, 31)
    moment = epoch + timedelta(seconds=round(serial * 86400))
    if shows == "date":
        return moment.date()
    if shows == "time" and serial < 1:
        return moment.time()
    return moment


# --- the public functions --------------------------------------------------------------------


class _Book:
    """A workbook opened for reading: its parts, its workbook part's relationships, its
    sheets and date system."""

    def __init__(self, path: Path) -> None:
        self.file = Workbook(path)
        try:
            workbook = _workbook_part(self.file)
            self.targets = relationships(self.file, workbook)
            self.sheets, self.date1904 = _sheets(self.file, workbook, self.targets)
        except BaseException:
            self.file.close()
            raise

    def part(self, file_name: str) -> str | None:
        part = next((t for t in self.targets.values() if posixpath.basename(t) == file_name), None)
        return part if part is not None and self.file.has(part) else None


def sheet_names(path: Path) -> list[str]:
    book = _Book(path)
    book.file.close()
    return [name for name, _ in book.sheets]


def read_workbook(path: Path, sheet: str | None, collector: RowCollector) -> tuple[str, list[str]]:
    """Feed the rows of ``sheet`` (default: the first) to ``collector``; return ``(the sheet
    read, every sheet's name)``."""
    book = _Book(path)
    try:
        names = [name for name, _ in book.sheets]
        if not names:
            raise TableError("empty")
        if sheet is not None and sheet not in names:
            raise TableError("sheet", sheet)
        chosen = sheet or names[0]
        strings = _StringsReader()
        if (part := book.part("sharedStrings.xml")) is not None:
            book.file.parse(part, "strings", strings.start, strings.end, strings.text)
        reader = _SheetReader(
            strings.strings,
            _date_styles(book.file, book.part("styles.xml")),
            book.date1904,
            collector,
        )
        book.file.parse(dict(book.sheets)[chosen], "sheet", reader.start, reader.end, reader.text)
    finally:
        book.file.close()
    return chosen, names


__all__ = [
    "MAX_ROW_ELEMENTS",
    "MAX_SHARED_STRINGS",
    "column_index",
    "excel_date",
    "format_kind",
    "read_workbook",
    "sheet_names",
]

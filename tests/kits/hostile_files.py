"""Hostile import files, made on the fly (no binary blobs in the repository).

Workbooks are written part by part with :mod:`zipfile`, so a file can claim what it
likes (a size header of 16,384 columns, a directory that lies about sizes) and be as
small as the attack it stands for. Used by ``test_hostile_imports.py`` and by the
benchmark ``tests/benchmarks/bench_import.py`` (which measures time and memory for each).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="Водители" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>{strings}</Relationships>'
)
_STRINGS_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
)
SHEET_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{{dimension}}<sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
HEADER = ("Телефон", "Имя", "Тариф")


def cell(value: str | int) -> str:
    """A cell without a reference (columns follow each other): a number or inline text."""
    if isinstance(value, int):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def row(values: Iterable[str | int], number: int | None = None) -> str:
    attr = f' r="{number}"' if number is not None else ""
    return f"<row{attr}>" + "".join(cell(v) for v in values) + "</row>"


def workbook(
    path: Path, sheet: Iterable[str | bytes], *, strings: Iterable[str] = (), level: int = 6
) -> Path:
    """A workbook whose only sheet's XML is the concatenation of ``sheet`` (streamed, so
    it may be gigabytes) and with ``strings`` as its shared strings part."""
    strings = list(strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(strings=_STRINGS_REL if strings else ""),
        )
        if strings:
            book.writestr(
                "xl/sharedStrings.xml",
                f'<sst xmlns="{MAIN}">'
                + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
                + "</sst>",
            )
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for chunk in sheet:
                part.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    return path


def _sheet(rows: Iterable[str], dimension: str = "") -> Iterator[str]:
    yield SHEET_HEAD.format(dimension=dimension)
    yield from rows
    yield SHEET_TAIL


# --- the files of issue 17, point 1, and their relatives ------------------------------------


def claims_xfd(path: Path, rows: int = 10_000) -> Path:
    """A 10,000-row list whose size header claims columns up to XFD (16,384)."""
    body = (row([79210000000 + i, f"Иванов {i}", "15"], i + 2) for i in range(rows - 1))
    return workbook(path, _sheet([row(HEADER, 1), *body], f'<dimension ref="A1:XFD{rows}"/>'))


def _repeated(piece: str, count: int) -> Iterator[str]:
    """``piece`` ``count`` times, in chunks (a sheet of millions of items, streamed)."""
    for start in range(0, count, 10_000):
        yield piece * min(10_000, count - start)


def wide_row(path: Path, cells: int = 1_000_000) -> Path:
    """One row of a million cells (the header row)."""
    return workbook(
        path, _sheet(['<row r="1">', *_repeated("<c><v>1</v></c>", cells), "</row>"]), level=9
    )


def wide_data_row(path: Path, cells: int = 1_000_000) -> Path:
    """A normal header, then a data row of a million cells."""
    return workbook(
        path,
        _sheet([row(HEADER, 1), '<row r="2">', *_repeated("<c><v>1</v></c>", cells), "</row>"]),
        level=9,
    )


def rows_of_wide_cells(path: Path, rows: int = 1_200, cells: int = 1_000) -> Path:
    """Rows just under the per-row limit, until the sheet's element budget is spent."""
    wide = "<c><v>1</v></c>" * cells
    return workbook(
        path,
        _sheet([row(HEADER, 1), *(f'<row r="{i}">{wide}</row>' for i in range(2, rows + 2))]),
        level=9,
    )


def full_table(path: Path, rows: int = 10_000, columns: int = 100) -> Path:
    """The largest table the limits name: 10,000 rows × 100 named columns of text."""
    header = row([f"Поле {c}" for c in range(columns)], 1)
    body = (row([f"{r}-{c}" for c in range(columns)], r + 2) for r in range(rows))
    return workbook(path, _sheet([header, *body]), level=9)


def zip_bomb(path: Path, unpacked: int = 1_600_000_000) -> Path:
    """A valid sheet padded with ``unpacked`` bytes of empty rows: a few MB on disk."""
    empty = b"<row/>" * (1 << 17)  # 768 KB

    def rows() -> Iterator[bytes | str]:
        yield row(HEADER, 1)
        for _ in range(unpacked // len(empty)):
            yield empty

    return workbook(path, _sheet(rows()), level=9)


def lying_bomb(path: Path, unpacked: int = 200_000_000, claimed: int = 1_000_000) -> Path:
    """A zip bomb whose directory claims the sheet unpacks to ``claimed`` bytes."""
    zip_bomb(path, unpacked)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_len = struct.unpack_from("<H", data, at + (26 if size_at == 22 else 28))[0]
            start = at + (30 if size_at == 22 else 46)
            if bytes(data[start : start + name_len]) == name:
                extra_at = start + name_len
                extra_len = struct.unpack_from("<H", data, at + (28 if size_at == 22 else 30))[0]
                _patch_size(data, at + size_at, extra_at, extra_len, claimed)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def _patch_size(data: bytearray, size_at: int, extra_at: int, extra_len: int, claimed: int) -> None:
    """Write ``claimed`` as the uncompressed size (also in a ZIP64 extra field)."""
    if struct.unpack_from("<L", data, size_at)[0] != 0xFFFFFFFF:
        struct.pack_into("<L", data, size_at, claimed)
        return
    at = extra_at
    while at < extra_at + extra_len:
        kind, length = struct.unpack_from("<HH", data, at)
        if kind == 1:  # ZIP64: the uncompressed size comes first
            struct.pack_into("<Q", data, at + 4, claimed)
            return
        at += 4 + length


def many_parts(path: Path, parts: int = 2_000) -> Path:
    """A workbook with thousands of tiny parts (its directory alone is the attack)."""
    workbook(path, _sheet([row(HEADER, 1), row([79210000001, "Иванов", "15"], 2)]))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as book:
        for i in range(parts):
            book.writestr(f"xl/media/p{i}.bin", b"")
    return path


def many_strings(path: Path, count: int = 700_000) -> Path:
    """A shared-strings part of ``count`` short strings."""
    strings = [f"s{i}" for i in range(count)]
    return workbook(path, _sheet([row(HEADER, 1)]), strings=strings)


def long_cell(path: Path, length: int = 1_000_000) -> Path:
    """A name of a million characters."""
    return workbook(path, _sheet([row(HEADER, 1), row([79210000001, "Ж" * length, "15"], 2)]))


def many_elements(path: Path, count: int = 3_000_000) -> Path:
    """A sheet of millions of tiny elements that are not cells (``<x/>`` in a row)."""
    return workbook(
        path, _sheet([row(HEADER, 1), '<row r="2">', *_repeated("<x/>", count), "</row>"]), level=9
    )


def entity_expansion(path: Path) -> Path:
    """ "Billion laughs": nested entities in a DTD."""
    dtd = (
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]>"
    )
    return workbook(
        path,
        [
            dtd,
            f'<worksheet xmlns="{MAIN}"><sheetData>',
            row(HEADER, 1),
            '<row r="2"><c t="inlineStr"><is><t>&i;</t></is></c></row>',
            SHEET_TAIL,
        ],
    )


def many_named_columns(path: Path, columns: int = 1_000) -> Path:
    return workbook(path, _sheet([row([f"Поле {i}" for i in range(columns)], 1)]))


def workbook_named_csv(path: Path) -> Path:
    """A real workbook saved under a ``.csv`` name."""
    return workbook(path, _sheet([row(HEADER, 1), row([79210000001, "Иванов", "15"], 2)]))


# --- CSV --------------------------------------------------------------------------------------


def csv_one_line_of_delimiters(path: Path, size: int = 20 * 1024 * 1024 - 64) -> Path:
    path.write_bytes(b"\xd0\xa2\xd0\xb5\xd0\xbb;" + b"ab;" * (size // 3))
    return path


def csv_empty_lines(path: Path, size: int = 20 * 1024 * 1024 - 64) -> Path:
    path.write_bytes("Телефон;Имя\n".encode() + b"\n" * size)
    return path


def csv_unclosed_quote(path: Path, size: int = 20 * 1024 * 1024 - 64) -> Path:
    path.write_bytes('Телефон;Имя\n79210000001;"'.encode() + b"x" * size)
    return path


def csv_too_big(path: Path) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    return path


# Every hostile file with what the reader must say about it: the TableError reason, or
# None when the file is read (bounded) rather than refused.
HOSTILE: dict[str, tuple[Callable[[Path], Path], str, str | None]] = {
    "claims columns to XFD, 10,000 rows": (claims_xfd, ".xlsx", None),
    "one row of 1,000,000 cells": (wide_row, ".xlsx", "row"),
    "a data row of 1,000,000 cells": (wide_data_row, ".xlsx", "row"),
    "1,200 rows of 1,000 cells": (rows_of_wide_cells, ".xlsx", "elements"),
    "10,000 rows × 100 named columns": (full_table, ".xlsx", "elements"),
    "zip bomb (1.6 GB unpacked)": (zip_bomb, ".xlsx", "unpacked"),
    "zip bomb lying about its size": (lying_bomb, ".xlsx", "unreadable"),
    "2,000 parts": (many_parts, ".xlsx", "parts"),
    "700,000 shared strings": (many_strings, ".xlsx", "strings"),
    "a cell of 1,000,000 characters": (long_cell, ".xlsx", "cell"),
    "3,000,000 elements that are not cells": (many_elements, ".xlsx", "row"),
    "entity expansion (billion laughs)": (entity_expansion, ".xlsx", "unreadable"),
    "1,000 named columns": (many_named_columns, ".xlsx", "columns"),
    "a workbook named .csv": (workbook_named_csv, ".csv", None),
    "CSV: one line of 7,000,000 cells": (csv_one_line_of_delimiters, ".csv", "fields"),
    "CSV: 20 MB of empty lines": (csv_empty_lines, ".csv", "lines"),
    "CSV: a quote never closed": (csv_unclosed_quote, ".csv", "unreadable"),
    "CSV: over 20 MB": (csv_too_big, ".csv", "file_size"),
}

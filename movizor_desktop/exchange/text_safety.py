"""Free text made safe where it comes in (typed, pasted, imported) and where it goes out
(every CSV, XLSX, GPX and KML the app writes). No Qt.

**Coming in.** Text pasted from Word or a web page carries control characters: Word's
manual line break is a vertical tab (``Иванов\\x0bМАН``), cells copied from a table end in
tabs and line breaks, a UTF-8 file may start with a byte-order mark. Movizor stores such
a title as it is, and the exports of the whole list then break (openpyxl refuses it, the
KML and GPX are not valid XML). :func:`clean_line` turns every run of them (and the
spaces around it) into one space, so ``Иванов\\x0bМАН`` becomes ``Иванов МАН``; the
dialogs clean what is typed or pasted as it arrives, the import cleans every cell and the
preview says which rows were cleaned.

**Going out.** Whatever the server returns, an export never breaks: :func:`export_text`
replaces what no file format can hold (the C0 controls other than tab and line breaks,
the C1 controls, U+FFFE/U+FFFF, unpaired surrogates) with a space. And one guard keeps a
spreadsheet from running a cell as a formula (CSV injection, OWASP): a text starting with
``=``, ``+``, ``-``, ``@`` (or their full-width forms, which some Excel versions accept),
a tab or a line break is written to CSV with a leading apostrophe (:func:`csv_text`), and
to XLSX as a string cell with Excel's "quote prefix" style (what Excel itself sets when
``'=...`` is typed: the text shows without the apostrophe and stays text when edited).
``=cmd|' /C calc'!A0`` and ``=HYPERLINK(…)`` stay text, and a phone such as
``+7 921 …`` no longer shows as ``#NAME?``.
"""

from __future__ import annotations

import re

# Controls (C0, DEL, C1), line/paragraph separators, the byte-order mark / zero-width
# no-break space, noncharacters and unpaired surrogates: never wanted in a one-line text.
_INPUT_JUNK = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff"
_INPUT_RUN = re.compile(f"[ ]*[{_INPUT_JUNK}][{_INPUT_JUNK} ]*")
_HAS_INPUT_JUNK = re.compile(f"[{_INPUT_JUNK}]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CR_LF = re.compile("[\r\n]")
# What a file may not (or should not) hold; tab and line breaks are fine in CSV and XML.
_OUTPUT_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
XLSX_CELL_MAX = 32767  # Excel's limit for the text of one cell


def has_control_characters(text: str) -> bool:
    """True when :func:`clean_line` would change more than the ends of ``text``."""
    return bool(_HAS_INPUT_JUNK.search(text))


def replace_controls(text: str) -> str:
    """``text`` with each run of control characters (and the spaces around it) replaced by
    one space; nothing else changes (a field being typed in keeps its trailing space)."""
    if not _HAS_INPUT_JUNK.search(text):
        return text
    return _INPUT_RUN.sub(" ", text)


def clean_line(text: str) -> str:
    """One line of free text: :func:`replace_controls`, and the ends stripped."""
    return replace_controls(text).strip()


def clean_cell(text: str) -> tuple[str, bool]:
    """A cell of an imported table: ``(text, cleaned)``. Line breaks of any kind (CR LF,
    Word's vertical tab, U+2028…) become ``\\n`` (a route cell lists its points on
    separate lines), every other run of control characters one space; each line is
    stripped and empty lines dropped. ``cleaned`` says that something other than line
    ends and surrounding spaces was replaced."""
    if not _HAS_INPUT_JUNK.search(text):
        return text.strip(), False
    cleaned = _HAS_INPUT_JUNK.search(_CR_LF.sub("", text)) is not None
    lines = (replace_controls(line).strip() for line in _LINE_BREAK.split(text))
    return "\n".join(line for line in lines if line), cleaned


def export_text(text: str) -> str:
    """``text`` with every character a file format cannot hold replaced by a space."""
    return _OUTPUT_JUNK.sub(" ", text)


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet take this text for a formula?"""
    return bool(text) and text[0] in FORMULA_START


def csv_text(text: str) -> str:
    """A text cell for a CSV file: safe characters, and an apostrophe before anything a
    spreadsheet would run as a formula."""
    text = export_text(text)
    return "'" + text if is_formula_like(text) else text


def xlsx_text(text: str) -> tuple[str, bool]:
    """A text cell for a workbook: ``(text, quote_prefix)``; the text is cut to Excel's
    32,767 characters, and ``quote_prefix`` says to mark the cell as text-not-formula."""
    text = export_text(text)[:XLSX_CELL_MAX]
    return text, is_formula_like(text)


__all__ = [
    "FORMULA_START",
    "XLSX_CELL_MAX",
    "clean_cell",
    "clean_line",
    "csv_text",
    "export_text",
    "has_control_characters",
    "is_formula_like",
    "replace_controls",
    "xlsx_text",
]

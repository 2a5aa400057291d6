"""Hostile import files (made by :mod:`hostile_files`) are read or refused within bounds,
each refusal naming its limit; CSV encodings are detected per file and undecodable rows
are refused, never sent as mojibake.

The bounds are checked by counting work and memory, not by timing: the reader may look
at a few cells per column and row, and allocate a few hundred MB at most
(``tests/benchmarks/bench_import.py`` measures the time).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from movizor_desktop.exchange import table_read
from movizor_desktop.exchange.import_columns import guess_mapping
from movizor_desktop.exchange.import_rows import build_rows
from movizor_desktop.exchange.table_read import TableError, read_table
from tests.conftest import SIM_START
from tests.kits.hostile_files import (
    HOSTILE,
    claims_xfd,
    wide_data_row,
    wide_row,
    workbook_named_csv,
    zip_bomb,
)
from tests.kits.imports import HEADERS, write_csv

MEMORY_GOAL = 300 * 1024 * 1024
SMALLER = {"zip bomb (1.6 GB unpacked)": lambda path: zip_bomb(path, 100_000_000)}


def make(name: str, tmp_path: Path) -> Path:
    factory, suffix, _ = HOSTILE[name]
    return SMALLER.get(name, factory)(tmp_path / f"hostile{suffix}")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_file_is_read_or_refused_naming_the_limit(name, tmp_path) -> None:
    expected = HOSTILE[name][2]
    path = make(name, tmp_path)
    if expected is None:
        table = read_table(path)
        assert table.headers[:3] == ["Телефон", "Имя", "Тариф"] and table.rows
        return
    with pytest.raises(TableError) as err:
        read_table(path)
    assert err.value.reason == expected
    english, russian = err.value.message("en"), err.value.message("ru")
    assert english != russian
    if err.value.limit:  # the sentence names the limit, in each language's digits
        assert f"{err.value.limit:,}" in english
        assert f"{err.value.limit:,}".replace(",", "\u00a0") in russian


class WorkCounter:
    """Counts the cells the reader turns into text; stops it once over ``bound``."""

    def __init__(self, monkeypatch, bound: int) -> None:
        self.count, self.bound = 0, bound
        real = table_read.cell_text

        def counting(value: object) -> str:
            self.count += 1
            if self.count > self.bound:
                raise AssertionError(f"more than {self.bound} cells looked at")
            return real(value)

        monkeypatch.setattr(table_read, "cell_text", counting)


def test_a_size_header_claiming_16384_columns_is_not_believed(tmp_path, monkeypatch) -> None:
    path = claims_xfd(tmp_path / "xfd.xlsx", rows=2_000)
    counter = WorkCounter(monkeypatch, bound=2_000 * 3 * 2)  # before: 2,000 × 16,384
    table = read_table(path)
    assert table.headers == ["Телефон", "Имя", "Тариф"] and len(table.rows) == 1_999
    assert table.rows[0].cells == ("79210000000", "Иванов 0", "15")
    assert counter.count <= 2_000 * 3 * 2


@pytest.mark.parametrize("factory", [wide_row, wide_data_row])
def test_a_row_of_a_million_cells_stops_early(
    factory: Callable[..., Path], tmp_path, monkeypatch
) -> None:
    counter = WorkCounter(monkeypatch, bound=10_000)
    with pytest.raises(TableError) as err:
        read_table(factory(tmp_path / "wide.xlsx"))
    assert err.value.reason == "row"
    assert counter.count < 10_000


def test_cells_right_of_the_last_named_column_are_not_read(tmp_path) -> None:
    path = write_csv(
        tmp_path / "f.csv",
        ["Телефон", "Имя", ""],
        [["79210000001", "Иванов", "", "лишнее", "x" * 50_000]],
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Телефон", "Имя"]
    assert table.rows[0].cells == ("79210000001", "Иванов")


@pytest.mark.parametrize(
    "name",
    [
        "claims columns to XFD, 10,000 rows",
        "zip bomb (1.6 GB unpacked)",
        "zip bomb lying about its size",
        "a cell of 1,000,000 characters",
        "CSV: one line of 7,000,000 cells",
        "CSV: a quote never closed",
    ],
)
def test_memory_stays_within_the_goal(name, tmp_path) -> None:
    path = make(name, tmp_path)
    tracemalloc.start()
    try:
        read_table(path)
    except TableError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MEMORY_GOAL, f"{peak / 2**20:.0f} MB"


def test_a_csv_that_is_really_a_workbook_is_read_as_one(tmp_path) -> None:
    table = read_table(workbook_named_csv(tmp_path / "drivers.csv"))
    assert table.kind == "xlsx" and table.rows[0].cells == ("79210000001", "Иванов", "15")


# --- CSV encodings -------------------------------------------------------------------------

NAMES = ["Петров Пётр", "Иванов Иван", "Сидорова Анна", "Кузнецов Олег"]


def rows_text(names: list[str]) -> list[list[str]]:
    return [[f"7921555440{i}", name, "15", "", "", ""] for i, name in enumerate(names)]


def test_one_foreign_byte_does_not_turn_a_utf8_file_into_mojibake(tmp_path) -> None:
    """A row pasted from a Windows-1251 file into a UTF-8 one: the file stays UTF-8, the
    other names are right, and the broken row is refused, never sent."""
    path = write_csv(tmp_path / "f.csv", HEADERS, rows_text(NAMES), encoding="utf-8")
    path.write_bytes(path.read_bytes() + "79215554409;Ёлкин;15;;;\r\n".encode("cp1251"))
    table = read_table(path)
    assert table.encoding == "utf-8"
    assert [r.cells[1] for r in table.rows[:4]] == NAMES
    assert [r.undecodable for r in table.rows] == [False] * 4 + [True]
    rows = build_rows(
        table, guess_mapping(table.headers), default_tariff="15", now=lambda: SIM_START
    )
    assert [r.ready for r in rows] == [True] * 4 + [False]
    assert "UTF-8" in rows[4].message("en") and "кодировке UTF-8" in rows[4].message("ru")


@pytest.mark.parametrize(
    ("encoding", "delimiter", "shown"),
    [
        ("utf-16", "\t", "utf-16"),  # Excel's "Unicode text": UTF-16 LE with a mark, tabs
        ("utf-16-le", ";", "utf-16-le"),
        ("utf-16-be", ";", "utf-16-be"),
        ("koi8-r", ";", "koi8-r"),
        ("cp866", ";", "cp866"),
        ("cp1251", ";", "cp1251"),
        ("utf-8-sig", ";", "utf-8-sig"),
    ],
)
def test_csv_encodings_are_detected(tmp_path, encoding, delimiter, shown) -> None:
    path = write_csv(
        tmp_path / "f.csv", HEADERS, rows_text(NAMES), encoding=encoding, delimiter=delimiter
    )
    table = read_table(path)
    assert (table.encoding, table.delimiter) == (shown, delimiter)
    assert table.headers == HEADERS
    assert [r.cells[1] for r in table.rows] == NAMES
    assert not table.undecodable


def test_the_encoding_can_be_chosen_by_hand(tmp_path) -> None:
    path = write_csv(tmp_path / "f.csv", HEADERS, rows_text(NAMES), encoding="koi8-r")
    assert [r.cells[1] for r in read_table(path, encoding="koi8-r").rows] == NAMES
    wrong = read_table(path, encoding="cp1251")
    assert wrong.encoding == "cp1251" and wrong.rows[0].cells[1] != NAMES[0]
    broken = read_table(path, encoding="utf-8")  # KOI8-R bytes are not UTF-8
    assert broken.undecodable == len(NAMES)
    with pytest.raises(TableError) as err:
        read_table(path, encoding="no-such-encoding")
    assert err.value.reason == "unreadable"

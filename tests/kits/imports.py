"""Helpers of the import tests: files written into tmp_path, and the simulator's log."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADERS = ["Телефон", "Имя", "Тариф", "Автоотключение", "Маршрут", "Водитель"]
GOOD = [  # (phone as written, msisdn)
    ("+7 921 555-44-01", "79215554401"),
    ("8 (921) 555-44-02", "79215554402"),
    ("9215554403", "79215554403"),
]


def good_and_bad_rows() -> list[list[Any]]:
    """Three good rows, then one of each kind of problem (and a repeat)."""
    return [
        ["+7 921 555-44-01", "Иванов", "15", "31.12.2026", "55.7558, 37.6173", "Иванов И.И."],
        ["8 (921) 555-44-02", "Петров", "Каждые 30 мин", "", "Казань", ""],
        ["9215554403", "Сидоров", "", "", "", "Сидоров"],
        ["12345", "Плохой номер", "15", "", "", ""],
        ["79165554404", "МТС онлайн", "1", "", "", ""],  # MTS does not offer "1"
        ["79215554405", "Нет даты", "15", "31.02.2026", "", ""],
        ["79215554406", "Прошлое", "15", "01.01.2020", "", ""],
        ["79215554407", "Длинный", "15", "", "", "Ж" * 70],
        ["89215554401", "Повтор", "15", "", "", ""],
        ["79215554408", "Координаты", "15", "", "95.0, 37.0", ""],
        ["79215554409", "Нигде", "15", "", "Москва (55.75, 37.62) | Нигдеград", ""],
    ]


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    encoding: str = "cp1251",
    delimiter: str = ";",
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    sheet: str = "Водители",
    first_sheet: str | None = None,
) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    if first_sheet is not None:
        book.active.title = first_sheet
        book.active.append(["nothing", "here"])
        ws = book.create_sheet(sheet)
    else:
        ws = book.active
        ws.title = sheet
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def add_calls(sim_control: Any) -> list[str]:
    """The phones of every object_add the simulator received, in order."""
    return [
        r["params"].get("phone")
        for r in sim_control.requests()["last"]
        if r.get("function") == "object_add"
    ]


def count(sim_control: Any, function: str) -> int:
    return sim_control.requests()["by_function"].get(function, 0)


__all__ = ["GOOD", "HEADERS", "add_calls", "count", "good_and_bad_rows", "write_csv", "write_xlsx"]

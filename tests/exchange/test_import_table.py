"""Reading import files (CSV encodings and delimiters, XLSX sheets), guessing the column
mapping and remembering it, and reading cell values — no network, no Qt."""

from __future__ import annotations

from datetime import datetime

import pytest

from movizor_desktop.api.encoding import MSK
from movizor_desktop.exchange.import_columns import (
    guess_mapping,
    mapping_problem,
    remembered_columns,
)
from movizor_desktop.exchange.import_journal import ImportJournal
from movizor_desktop.exchange.import_rows import build_rows, gather_lookups
from movizor_desktop.exchange.import_run import ImportRunner
from movizor_desktop.exchange.import_values import CellError, parse_date, parse_tariff
from movizor_desktop.exchange.table_read import TableError, list_sheets, read_table
from movizor_desktop.store.import_mapping import ImportMappingStore
from movizor_desktop.sync import FleetActions, SyncEngine
from tests.conftest import SIM_START
from tests.kits.imports import GOOD, HEADERS, add_calls, good_and_bad_rows, write_csv, write_xlsx

NOW = SIM_START.astimezone(MSK)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1251", ";"), ("utf-8-sig", ";"), ("utf-8", ","), ("utf-8", "\t")],
)
def test_csv_encodings_and_delimiters_are_sniffed(tmp_path, encoding, delimiter) -> None:
    path = write_csv(
        tmp_path / "f.csv", HEADERS, good_and_bad_rows(), encoding=encoding, delimiter=delimiter
    )
    table = read_table(path)
    assert table.headers == HEADERS
    assert table.delimiter == delimiter
    assert table.encoding == encoding
    assert len(table.rows) == 11 and table.rows[0].line == 2
    assert table.rows[0].cells[1] == "Иванов"
    assert table.rows[1].cells[2] == "Каждые 30 мин"


def test_xlsx_first_or_chosen_sheet_with_numbers_and_dates(tmp_path) -> None:
    rows = [
        [79215554401, "Иванов", 15, datetime(2026, 12, 31, 18, 0), "", "Иванов И."],
        [None, None, None, None, None, None],
        ["8 921 555-44-02", "Петров", "30", "", "Казань", ""],
    ]
    path = write_xlsx(tmp_path / "f.xlsx", HEADERS, rows, first_sheet="Обложка")
    assert list_sheets(path) == ["Обложка", "Водители"]
    first = read_table(path)
    assert first.sheet == "Обложка" and first.headers == ["nothing", "here"]
    table = read_table(path, sheet="Водители")
    assert table.kind == "xlsx" and table.headers == HEADERS
    assert [r.line for r in table.rows] == [2, 4]  # the empty row is skipped, lines kept
    assert table.rows[0].cells[:4] == ("79215554401", "Иванов", "15", "31.12.2026 18:00")
    with pytest.raises(TableError) as err:
        read_table(path, sheet="Нет такого")
    assert "нет листа" in err.value.message("ru")


def test_an_xlsx_import_adds_its_good_rows(tmp_path, run, api, sim_control) -> None:
    path = write_xlsx(tmp_path / "drivers.xlsx", HEADERS, good_and_bad_rows())
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    rows = build_rows(
        table,
        mapping,
        run(gather_lookups(api, table, mapping)),
        default_tariff="15",
        now=lambda: NOW,
    )
    sim_control.reset_requests()
    actions = FleetActions(api, SyncEngine(api, fill_batch=0))
    results = run(ImportRunner(api, actions.add, ImportJournal(tmp_path / "j")).run(rows))
    assert add_calls(sim_control) == [m for _, m in GOOD]
    assert sum(r.ok for r in results) == 3


def test_broken_files_say_why(tmp_path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"\n\n")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    for name, reason in (
        ("empty.csv", "empty"),
        ("old.xls", "format"),
        ("bad.xlsx", "unreadable"),
        ("missing.csv", "unreadable"),
    ):
        with pytest.raises(TableError) as err:
            read_table(tmp_path / name)
        assert err.value.reason == reason, name
        assert err.value.message("ru")


def test_mapping_is_guessed_and_remembered(tmp_path) -> None:
    headers = [
        "№",
        "Номер телефона",
        "ФИО водителя",
        "Тариф",
        "Дата отключения",
        "Госномер",
        "Примечание",
    ]
    guessed = guess_mapping(headers)
    assert guessed == ["", "phone", "", "tariff", "dateoff", "metadata", ""]
    assert guess_mapping(["phone", "Name", "Tariff", "Tags", "Route"]) == [
        "phone",
        "title",
        "tariff",
        "tags",
        "route",
    ]
    assert guess_mapping(["Телефон", "Телефон"]) == ["phone", ""]
    assert mapping_problem(headers, ["", "", "title"]) == "no_phone"
    chosen = ["", "phone", "title", "tariff", "dateoff", "metadata", "metadata"]
    store = ImportMappingStore()
    store.remember(remembered_columns(headers, chosen), default_tariff="30", folder=str(tmp_path))
    memory = ImportMappingStore().load()  # a new import, a new store object
    assert memory.default_tariff == "30" and memory.folder == str(tmp_path)
    assert guess_mapping(headers, memory.columns) == chosen
    assert guess_mapping(["ФИО  ВОДИТЕЛЯ", "тел"], memory.columns) == ["title", "phone"]
    store.path.write_text("{broken", encoding="utf-8")
    assert ImportMappingStore().load().columns == {}


def test_dates_and_tariffs_in_common_formats() -> None:
    for text, expected in (
        ("31.12.2026", (2026, 12, 31, 23, 59)),
        ("31.12.26 18:30", (2026, 12, 31, 18, 30)),
        ("1.2.2027 9:05:00", (2027, 2, 1, 9, 5)),
        ("31/12/2026", (2026, 12, 31, 23, 59)),
        ("2026-12-31T08:00", (2026, 12, 31, 8, 0)),
        ("31.12.2026 г.", (2026, 12, 31, 23, 59)),
        ("31.12.2026 18:00 МСК", (2026, 12, 31, 18, 0)),
    ):
        assert parse_date(text) == datetime(*expected, tzinfo=MSK), text
    for bad in ("31.02.2026", "завтра", "12/31/2026"):
        with pytest.raises(CellError):
            parse_date(bad)
    titles = {"0": "Вручную", "15": "Каждые 15 мин", "3": "Пакет на 1 месяц"}
    assert parse_tariff("каждые 15 МИН", titles) == "15"
    assert parse_tariff("manual", titles) == "0"
    assert parse_tariff("3", titles) == "3"
    assert parse_tariff("180", {}) == "180"  # no price table: Movizor's known ids
    with pytest.raises(CellError):
        parse_tariff("180", titles)


def test_the_check_refuses_an_operator_movizor_does_not_serve(tmp_path, run, api) -> None:
    """A Yota (DEF 999) number passes get_operator but not object_add: the preview says
    so, names the operator, and the number is never sent."""
    rows_in = [["+7 999 555-44-01", "Yota", "15"], ["+7 921 555-44-02", "MegaFon", "15"]]
    path = write_csv(tmp_path / "yota.csv", ["Телефон", "Имя", "Тариф"], rows_in)
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    lookups = run(gather_lookups(api, table, mapping))
    assert lookups.operators["79995554401"] == "yota" and lookups.unchecked_operators == 0
    yota, megafon = build_rows(table, mapping, lookups, now=lambda: NOW)
    assert yota.state == "bad" and yota.operator
    assert "does not serve numbers of" in yota.message("en")
    assert "не обслуживает номера оператора" in yota.message("ru")
    assert megafon.ready and megafon.operator == "МегаФон"


def test_operators_are_checked_within_the_hours_request_budget() -> None:
    from movizor_desktop.api.governor import Budget
    from movizor_desktop.exchange.import_rows import OPERATOR_RESERVE, operator_checks

    class Client:
        def __init__(self, used: int) -> None:
            self.used = used

        def budget(self) -> Budget:
            return Budget(used=self.used, limit=5000, in_flight=0)

    assert operator_checks(Client(0), 300) == 300  # plenty: every new number
    # 5,000 − 4,400 used − 10 other lookups − 300 adds − the reserve: 90 checks
    assert (
        operator_checks(Client(4400), 300, spent=10)
        == 5000 - 4400 - 10 - 300 - OPERATOR_RESERVE
        == 90
    )
    assert operator_checks(Client(4900), 300) == 0  # nothing to spare: object_add checks
    assert operator_checks(object(), 7) == 7  # a client without a budget

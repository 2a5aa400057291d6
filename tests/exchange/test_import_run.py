"""The subscriber import without Qt, against the simulator over loopback: validation,
adding row by row, cancel and re-run, a crash mid-request, the journal and the report."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from movizor_desktop import clock
from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.encoding import MSK
from movizor_desktop.exchange.import_columns import guess_mapping
from movizor_desktop.exchange.import_journal import ADDED, SENDING, ImportJournal
from movizor_desktop.exchange.import_report import write_report
from movizor_desktop.exchange.import_rows import build_rows, gather_lookups
from movizor_desktop.exchange.import_run import ImportRunner
from movizor_desktop.exchange.table_read import read_table
from movizor_desktop.sync import FleetActions, SyncEngine
from tests.conftest import SIM_KEY, SIM_START
from tests.kits.imports import GOOD, HEADERS, add_calls, count, good_and_bad_rows, write_csv

NOW = SIM_START.astimezone(MSK)


@pytest.fixture
def client(sim, run) -> Iterator[MovizorClient]:
    client = MovizorClient(
        sim.base_url,
        project="demo",
        key=SIM_KEY,
        backoff=0.01,
        governor=RequestGovernor(per_second=100_000),
    )
    yield client
    run(client.aclose())


@pytest.fixture
def actions(client) -> FleetActions:
    return FleetActions(client, SyncEngine(client, balance_every=100, fill_batch=0))


@pytest.fixture
def journal(tmp_path) -> ImportJournal:
    return ImportJournal(tmp_path / "journal.jsonl")


def prepare(run, client, path: Path, *, lang: str = "en"):
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    lookups = run(gather_lookups(client, table, mapping))
    return table, mapping, build_rows(table, mapping, lookups, default_tariff="15", now=lambda: NOW)


def test_good_rows_are_added_once_each_and_bad_rows_are_reported(
    tmp_path, run, client, actions, journal, sim, sim_control
) -> None:
    for _, msisdn in GOOD:
        assert msisdn not in sim.world.subs
    path = write_csv(tmp_path / "drivers.csv", HEADERS, good_and_bad_rows())
    table, mapping, rows = prepare(run, client, path, lang="ru")
    assert (table.encoding, table.delimiter) == ("cp1251", ";")
    assert mapping == ["phone", "title", "tariff", "dateoff", "route", "metadata"]
    states = {r.line: r.state for r in rows}
    assert [r.phone for r in rows if r.ready] == [m for _, m in GOOD]
    assert states[10] == "duplicate"
    reasons = {r.line: r.message("ru") for r in rows if not r.ready}
    assert "не российский мобильный номер" in reasons[5]
    assert "МТС не предлагает этот тариф" in reasons[6]
    assert "не дата" in reasons[7]
    assert "уже прошло" in reasons[8]
    assert "длиннее 64" in reasons[9]
    assert "строке 2" in reasons[10]
    assert "неверные координаты" in reasons[11]
    assert reasons[12] == "Адрес «Нигдеград» не найден."
    first = rows[0]
    assert first.fields["dateoff"] == datetime(2026, 12, 31, 23, 59, tzinfo=MSK)
    assert first.fields["metadata"] == {"Водитель": "Иванов И.И."}
    assert rows[1].fields["tariff"] == "30"
    assert rows[1].fields["route"][0].text.startswith("Казань")
    assert rows[2].fields["tariff"] == "15"  # the default for an empty cell

    sim_control.reset_requests()
    runner = ImportRunner(client, actions.add, journal, lang="ru", source=path.name)
    results = run(runner.run(rows))
    assert add_calls(sim_control) == [m for _, m in GOOD]
    assert [r.outcome for r in results] == ["added"] * 3 + ["bad"] * 5 + ["duplicate", "bad", "bad"]
    assert results[0].reason == "Добавлен."
    for _, msisdn in GOOD:
        assert sim.world.subs[msisdn].status == "new"
        assert journal.state(msisdn) == ADDED
        assert actions.engine.fleet.get(msisdn) is not None  # the list shows it (read back)
    info = sim.world.subs["79215554401"]
    assert info.title == "Иванов" and info.tariff == "15"
    assert info.metadata == {"Водитель": "Иванов И.И."}

    report = tmp_path / "report.csv"
    assert write_report(report, results, "ru") == 8
    with open(report, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0] == ["Строка", "Телефон", "Имя", "Результат", "Причина"]
    by_line = {int(r[0]): r for r in lines[1:]}
    assert set(by_line) == {5, 6, 7, 8, 9, 10, 11, 12}
    assert by_line[5][1:4] == ["12345", "Плохой номер", "ошибка в строке"]
    assert "МТС" in by_line[6][4]
    assert by_line[10][3] == "повтор номера"


def test_cancel_mid_way_then_a_rerun_adds_only_the_rest(
    tmp_path, run, client, actions, journal, sim_control
) -> None:
    phones = [f"7921555450{i}" for i in range(5)]
    path = write_csv(
        tmp_path / "five.csv",
        ["phone", "name"],
        [[p, f"Truck {i}"] for i, p in enumerate(phones)],
        encoding="utf-8",
    )
    _, _, rows = prepare(run, client, path)
    sim_control.reset_requests()
    runner = ImportRunner(client, actions.add, journal)

    def stop_after_second(index: int, result) -> None:
        if index == 1:
            runner.cancel()

    results = run(runner.run(rows, on_result=stop_after_second))
    assert [r.outcome for r in results] == ["added", "added", "not_sent", "not_sent", "not_sent"]
    assert "cancelled" in results[2].reason
    assert add_calls(sim_control) == phones[:2]

    _, _, rows = prepare(run, client, path)  # the preview of the re-run: 2 on the account
    assert [r.state for r in rows] == ["on_account"] * 2 + ["ready"] * 3
    sim_control.reset_requests()
    again = run(ImportRunner(client, actions.add, journal).run(rows))
    assert add_calls(sim_control) == phones[2:]
    assert [r.outcome for r in again] == ["skipped", "skipped", "added", "added", "added"]
    assert again[0].reason == "Already on the account; not sent."


def test_the_journal_is_written_off_the_event_loop_thread(
    tmp_path, run, client, actions, journal
) -> None:
    """Each record is fsync-ed; on the loop's thread (Qt's, under qasync) it would freeze
    the window twice per row."""
    import threading

    threads: list[threading.Thread] = []
    record = journal.record

    def spying(*args, **kwargs):
        threads.append(threading.current_thread())
        return record(*args, **kwargs)

    journal.record = spying
    path = write_csv(
        tmp_path / "one.csv", ["phone", "name"], [["79215554599", "Truck"]], encoding="utf-8"
    )
    _, _, rows = prepare(run, client, path)
    loop_thread: list[threading.Thread] = []

    async def go():
        loop_thread.append(threading.current_thread())
        return await ImportRunner(client, actions.add, journal).run(rows)

    assert [r.outcome for r in run(go())] == ["added"]
    assert len(threads) == 2 and loop_thread[0] not in threads
    assert journal.state("79215554599") == ADDED


def test_a_crash_mid_request_does_not_add_twice(
    tmp_path, run, client, actions, journal, sim, sim_control
) -> None:
    """The journal says 'sending' (the app died waiting for the answer) and the number
    was in fact added. Even when the account's list misses it (it was read before), the
    re-run checks with object_get and sends nothing."""
    phones = ["79215554601", "79215554602"]
    path = write_csv(tmp_path / "crash.csv", ["Телефон"], [[p] for p in phones])
    _, _, rows = prepare(run, client, path)
    journal.record(phones[0], SENDING, source="crash.csv", line=2)
    run(client.object_add(phones[0], tariff="15"))  # the request that did get through
    reopened = ImportJournal(journal.path)
    assert reopened.unresolved() == [phones[0]]
    sim_control.reset_requests()
    runner = ImportRunner(client, actions.add, reopened)
    runner.known = set()

    async def list_without_it():  # the list as read just before the crash
        return [s for s in await client.object_list() if s.phone != phones[0]]

    class Stale:
        object_list = staticmethod(list_without_it)
        object_get = staticmethod(client.object_get)

    runner.client = Stale()
    results = run(runner.run(rows))
    assert add_calls(sim_control) == [phones[1]]
    assert count(sim_control, "object_get") >= 1
    assert [r.outcome for r in results] == ["skipped", "added"]
    assert "checked" in results[0].reason
    assert reopened.state(phones[0]) == ADDED
    assert sum(1 for p in sim.world.subs if p == phones[0]) == 1


def test_a_lost_answer_is_checked_not_resent(
    tmp_path, run, client, actions, journal, sim, sim_control
) -> None:
    """The connection drops after the server added the number: the runner checks with
    object_get, reports it added, and a re-run sends nothing."""
    phones = ["79215554701", "79215554702"]
    path = write_csv(tmp_path / "lost.csv", ["Телефон"], [[p] for p in phones])
    _, _, rows = prepare(run, client, path)
    sim_control.reset_requests()
    sim_control.add_fault("drop", function="object_add", count=1)
    results = run(ImportRunner(client, actions.add, journal).run(rows))
    assert add_calls(sim_control) == phones
    assert [r.outcome for r in results] == ["added", "added"]
    assert "answer was lost" in results[0].reason
    assert journal.state(phones[0]) == ADDED
    sim_control.reset_requests()
    again = run(ImportRunner(client, actions.add, journal).run(rows))
    assert add_calls(sim_control) == []
    assert [r.outcome for r in again] == ["skipped", "skipped"]


def test_a_number_already_on_the_account_is_skipped(
    tmp_path, run, client, actions, journal, sim, sim_control
) -> None:
    seeded = next(iter(sim.world.subs))
    path = write_csv(tmp_path / "known.csv", ["phone"], [[seeded], ["79215554801"]])
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    rows = build_rows(table, mapping, None, default_tariff="15", now=lambda: NOW)
    assert [r.state for r in rows] == ["ready", "ready"]  # no lookups: not known yet
    sim_control.reset_requests()
    results = run(ImportRunner(client, actions.add, journal).run(rows))
    assert add_calls(sim_control) == ["79215554801"]
    assert results[0].outcome == "skipped" and "Already on the account" in results[0].reason
    # the fleet the app knows counts too, even before object_list says so
    rows = build_rows(table, mapping, None, default_tariff="15", now=lambda: NOW)
    sim_control.reset_requests()
    fresh = ImportJournal(tmp_path / "other.jsonl")
    results = run(ImportRunner(client, actions.add, fresh, known={"79215554801"}).run(rows))
    assert add_calls(sim_control) == []


def test_nothing_is_sent_when_the_account_cannot_be_read(
    tmp_path, run, client, actions, journal, sim_control
) -> None:
    from movizor_desktop.api.errors import MovizorError

    path = write_csv(tmp_path / "one.csv", ["phone"], [["79215554901"]])
    _, _, rows = prepare(run, client, path)
    sim_control.reset_requests()
    sim_control.add_fault("http_500", function="object_list", count=None)
    with pytest.raises(MovizorError):
        run(ImportRunner(client, actions.add, journal).run(rows))
    sim_control.clear_faults()
    assert add_calls(sim_control) == []


def test_the_journal_survives_a_torn_line_and_drops_old_records(tmp_path) -> None:
    path = tmp_path / "j.jsonl"
    journal = ImportJournal(path)
    journal.record("79215550001", SENDING)
    journal.record("79215550001", ADDED)
    old = '{"phone": "79215550002", "state": "added", "at": "2020-01-01T00:00:00+00:00"}\n'
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(old + '{"phone": "7921')
    reopened = ImportJournal(path)
    assert reopened.state("79215550001") == ADDED
    assert reopened.state("79215550002") is None
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    assert reopened.last("79215550001").at <= clock.pc_now()


def test_the_importer_core_loads_no_qt() -> None:
    code = (
        "import sys, movizor_desktop.exchange.import_run, "
        "movizor_desktop.exchange.import_report, movizor_desktop.exchange.table_read, "
        "movizor_desktop.store.import_mapping; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_run_stops_by_itself_when_the_hourly_quota_is_used_up(
    tmp_path, run, client, actions, journal, sim_control
) -> None:
    phones = [f"7921555480{i}" for i in range(2, 6)]
    path = write_csv(tmp_path / "quota.csv", ["phone"], [[p] for p in phones])
    _, _, rows = prepare(run, client, path)
    sim_control.reset_requests()
    sim_control.inject_error("object_add", "LIMIT_EXCEEDED", count=1)
    results = run(ImportRunner(client, actions.add, journal).run(rows))
    assert add_calls(sim_control) == phones[:1]  # the rest would only fail the same way
    assert [r.outcome for r in results] == ["failed"] + ["not_sent"] * 3
    assert "hourly limit" in results[0].reason
    assert results[1].reason.startswith("Not sent: the import stopped because the hourly")

"""The per-profile SQLite fleet cache."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from movizor_desktop.api.models import ObjectPosition, Position
from movizor_desktop.store import AppPaths, Cache
from movizor_desktop.store.paths import safe_name
from tests.kits.store_samples import T0, event, position, row, rows


@pytest.fixture
def cache(tmp_path: Path):
    with Cache(tmp_path / "c" / "cache.sqlite3") as c:
        yield c


def test_for_profile_location(app_home: Path):
    with Cache.for_profile(AppPaths(), "Мой договор") as c:
        assert c.path == (
            app_home / "data" / "profiles" / safe_name("Мой договор") / "cache.sqlite3"
        )
        assert c.path.exists() and not c.recovered and c.recovered_from is None


def test_rows_round_trip_with_details(cache: Cache):
    saved = [row("79210000001", 1), row("79210000002", 2, details=False), row("79210000003", 3)]
    cache.save_rows(saved)
    assert cache.load_rows() == saved
    first = saved[0]
    assert first.details is not None and first.details.destination[1].text == "Екатеринбург"
    # upsert keeps the first-saved order and replaces the data
    changed = replace(saved[0], title="Новое <имя>", lat=56.0)
    cache.save_rows([changed, row("79210000004", 4)])
    assert cache.load_rows() == [changed, saved[1], saved[2], row("79210000004", 4)]
    cache.delete_rows(["79210000002", "79210000999"])
    assert [r.phone for r in cache.load_rows()] == ["79210000001", "79210000003", "79210000004"]
    cache.save_rows([])
    cache.delete_rows([])


def test_an_undecodable_row_is_skipped(cache: Cache):
    cache.save_rows([row("1", 1)])
    with cache._lock:
        cache._conn.execute("INSERT INTO fleet_rows VALUES ('2', '{\"phone\": 5, \"x\": ')")
    assert [r.phone for r in cache.load_rows()] == ["1"]


def test_events_dedupe_order_and_cursor(cache: Cache):
    assert cache.last_event_id() is None and cache.recent_events() == []
    cache.add_events([event(5), event(3), event(9, kind="offline")])
    cache.add_events([event(9, kind="CHANGED"), event(4), event(5)])  # 9 and 5 again
    cache.add_events([event(1).model_copy(update={"id": None})])  # no id: ignored
    assert [e.id for e in cache.recent_events()] == [9, 5, 4, 3]
    assert cache.recent_events()[0] == event(9, kind="offline")  # first stored wins
    assert [e.id for e in cache.recent_events(limit=2)] == [9, 5]
    assert cache.last_event_id() == 9


def test_positions_range_and_dedupe(cache: Cache):
    phone = "79210010203"
    cache.add_positions(phone, [position(m) for m in (0, 10, 20, 30)])
    cache.add_positions(phone, [position(10, lat=99.0), position(40)])  # 10 again: ignored
    cache.add_positions(phone, [Position(lat=1.0, lon=2.0)])  # no timestamp: ignored
    cache.add_positions("other", [position(15)])
    assert [p.timestamp for p in cache.positions(phone)] == [
        T0 + timedelta(minutes=m) for m in (40, 30, 20, 10, 0)
    ]
    assert cache.positions(phone)[3] == position(10)
    window = cache.positions(phone, T0 + timedelta(minutes=10), T0 + timedelta(minutes=30))
    assert [p.timestamp for p in window] == [T0 + timedelta(minutes=m) for m in (30, 20, 10)]
    naive = (T0 + timedelta(minutes=35)).replace(tzinfo=None)  # naive = UTC
    assert len(cache.positions(phone, start=naive)) == 1
    assert len(cache.positions(phone, end=T0)) == 1
    assert cache.positions("nobody") == []
    obj = ObjectPosition.model_validate({"phone": "7", "lat": 1, "lon": 2, "timestamp": 100})
    cache.add_positions("7", [obj])
    assert cache.positions("7")[0].lat == 1.0
    cache.save_rows([row(phone)])
    cache.delete_rows([phone])
    assert cache.positions(phone) == [] and len(cache.positions("other")) == 1


def test_meta(cache: Cache):
    assert cache.get_meta("balance") is None
    cache.set_meta("balance", "1500.00")
    cache.set_meta("balance", "1400.00")
    cache.set_meta("Ключ", "значение")
    assert cache.get_meta("balance") == "1400.00" and cache.get_meta("Ключ") == "значение"
    cache.set_meta("balance", None)
    assert cache.get_meta("balance") is None


def test_wal_and_pragmas(cache: Cache):
    with cache._lock:
        conn = cache._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == Cache.SCHEMA_VERSION
    other = sqlite3.connect(cache.path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # stored in the file
    other.close()


def test_sequential_and_parallel_opening(tmp_path: Path):
    path = tmp_path / "cache.sqlite3"
    with Cache(path) as first:
        first.save_rows(rows(3))
        first.add_events([event(1)])
        first.set_meta("k", "v")
    with Cache(path) as second:
        assert not second.recovered
        assert second.load_rows() == rows(3) and second.last_event_id() == 1
        assert second.get_meta("k") == "v"
        with Cache(path) as third:  # two at once (WAL): the second sees the third's writes
            third.add_events([event(2)])
            assert second.last_event_id() == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite3"]


@pytest.mark.parametrize(
    "garbage", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path, garbage: bytes):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(garbage)
    with Cache(path) as cache:
        assert cache.recovered and cache.recovered_from is not None
        assert cache.recovered_from.read_bytes() == garbage
        assert cache.recovered_from.name.startswith("cache.sqlite3.corrupt-")
        cache.save_rows(rows(2))
        assert cache.load_rows() == rows(2)
    with Cache(path) as again:
        assert not again.recovered and len(again.load_rows()) == 2


def test_damaged_pages_are_detected(tmp_path: Path):
    path = tmp_path / "cache.sqlite3"
    with Cache(path) as cache:
        cache.save_rows(rows(200))
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:8192] = b"\xa5" * 4096  # smash the second page, keep the header
    path.write_bytes(bytes(data))
    with Cache(path) as cache:
        assert cache.recovered and cache.load_rows() == []


def test_newer_schema_is_moved_aside(tmp_path: Path):
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    with Cache(path) as cache:
        assert cache.recovered and cache.load_rows() == []


def test_foreign_database_is_moved_aside(tmp_path: Path):
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE fleet_rows (something_else INTEGER)")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with Cache(path) as cache:
        assert cache.recovered
        cache.save_rows(rows(1))


def test_close_is_idempotent(tmp_path: Path):
    cache = Cache(tmp_path / "cache.sqlite3")
    cache.close()
    cache.close()
    with pytest.raises(sqlite3.ProgrammingError):
        cache.load_rows()


def test_worker_threads(cache: Cache, run):
    async def scenario() -> None:
        batches = [rows(20)[i::4] for i in range(4)]
        await asyncio.gather(
            *(asyncio.to_thread(cache.save_rows, b) for b in batches),
            *(asyncio.to_thread(cache.load_rows) for _ in range(4)),
            *(asyncio.to_thread(cache.add_events, [event(i)]) for i in range(1, 21)),
        )

    run(scenario())
    assert len(cache.load_rows()) == 20 and cache.last_event_id() == 20


def test_a_thousand_rows_round_trip_and_resave_in_place(cache: Cache):
    # Timings live in tests/benchmarks/bench_store.py; here only correctness at size.
    fleet = rows(1000)
    cache.save_rows(fleet)
    cache.save_rows(fleet)
    assert cache.load_rows() == fleet


def test_lone_surrogate_from_a_broken_answer_is_storable(cache: Cache):
    broken = replace(row("79210000001", 1), title="\udcff broken", place="\ud83d")
    cache.save_rows([broken])
    assert cache.load_rows() == [broken]

"""Data safety of the SQLite cache: WAL mode survives the app being killed in the middle
of a big write, and a damaged cache (garbage, a truncated file) is moved aside, rebuilt
and reported to the dispatcher in the status bar."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from movizor_desktop.fleet import FleetRow
from movizor_desktop.store import AppPaths, AppSettings, Cache, Profile, ProfileStore

ROOT = Path(__file__).resolve().parents[2]
ROWS = 3000  # per transaction: a few MB, so the kill lands inside a write

WRITER = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(ROOT)!r})
    from movizor_desktop.store import Cache
    from movizor_desktop.fleet import FleetRow

    cache = Cache(sys.argv[1])
    pad = "ш" * 300
    generation = 0
    while True:
        generation += 1
        cache.save_rows([FleetRow(phone=f"79{{i:09d}}", status="ok",
                                  title=f"gen {{generation}} {{pad}}") for i in range({ROWS})])
        cache.set_meta("generation", str(generation))
        print(generation, flush=True)
""")


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("after", [2, 3])
def test_a_kill_in_the_middle_of_a_big_write_loses_nothing_committed(tmp_path: Path, after):
    path = tmp_path / "cache.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    committed = 0
    try:
        assert child.stdout is not None
        while committed < after:
            line = child.stdout.readline()
            assert line, "the writer died on its own"
            committed = int(line)
        time.sleep(0.05)  # well inside the next transaction (each takes longer)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").exists()  # killed with its write-ahead log in place

    with Cache(path) as cache:
        assert not cache.recovered  # intact: nothing moved aside
        assert integrity(path) == "ok"
        generation = int(cache.get_meta("generation") or 0)
        rows = cache.load_rows()
    assert generation >= committed  # every commit the writer reported is there
    assert len(rows) == ROWS
    generations = {r.title.split()[1] for r in rows}
    assert len(generations) == 1  # one whole transaction, never half of one
    assert int(generations.pop()) in (generation, generation + 1)
    assert [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name] == []


def test_a_truncated_cache_is_moved_aside_and_rebuilt(tmp_path: Path):
    path = tmp_path / "cache.sqlite3"
    with Cache(path) as cache:
        cache.save_rows([FleetRow(phone=f"7921{i:07d}", title="x" * 500) for i in range(500)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with Cache(path) as cache:
        assert cache.recovered and cache.recovered_from is not None
        assert cache.recovered_from.read_bytes() == data[: len(data) // 3]
        assert cache.load_rows() == []
        cache.save_rows([FleetRow(phone="79210000001")])
    assert integrity(path) == "ok"
    with Cache(path) as again:
        assert not again.recovered and len(again.load_rows()) == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_the_dispatcher_is_told_when_the_cache_was_rebuilt(qtbot, qloop, run_async, sim, damage):
    from movizor_desktop.app import AppController
    from movizor_desktop.store import SecretStore
    from movizor_desktop.ui.main_window import MainWindow
    from tests.conftest import SIM_KEY

    paths = AppPaths()
    ProfileStore(paths).save(Profile("Основной", base_url=sim.base_url, project="demo"))
    SecretStore().set_key("Основной", SIM_KEY)
    with Cache.for_profile(paths, "Основной") as cache:  # a previous run's cache ...
        cache.save_rows([FleetRow(phone=f"7921{i:07d}", title="y" * 300) for i in range(300)])
    path = paths.profile_dir("Основной") / "cache.sqlite3"
    data = path.read_bytes()  # ... then damaged
    path.write_bytes(b"\x00garbage\xff" * 2000 if damage == "garbage" else data[:5000])

    controller = AppController(
        paths, AppSettings(), "en", window_factory=lambda s, lang: MainWindow(s, lang=lang)
    )
    try:
        run_async(controller.start(profile="Основной"))
        window = controller.window
        qtbot.addWidget(window)
        text = window.statusbar.message()
        assert "local cache was damaged and has been rebuilt" in text
        assert ".corrupt-" in text
        assert window.statusbar.message_label.property("level") == 1  # a warning
        qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=15000)  # refilled
        assert "rebuilt at start-up" in window.features["diagnostics"].copy()
    finally:
        run_async(controller.aclose())
    kept = [p.name for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert kept and integrity(path) == "ok"

"""Secret hygiene after a full run of the app: the API key is in no file it wrote.

The run: a profile with a recognisable key (sent as GET, so it even travels in URLs),
the app's own start-up path (AppController → Session → MainWindow) against the simulator,
logging to the real log file at DEBUG, a sync, HTTP 500s (offline and back), a wrong-key
lockout (the connection dialog opens; the key is entered again), an uncaught exception
(the crash report), exports of events and a track when the export modules exist, saved
settings, Copy diagnostics, and the close. Every file under the app home is then
searched byte by byte for the key: raw UTF-8, UTF-16, escaped, URL-encoded (both
flavours) and base64 — while the cache's WAL is still there, and again after closing.
"""

from __future__ import annotations

import base64
import importlib.util
import logging
import sys
import threading
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from movizor_desktop.app import AppController
from movizor_desktop.logs import setup_logging
from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World
from movizor_desktop.store import AppPaths, AppSettings, Profile, ProfileStore, SecretStore
from movizor_desktop.store.settings import save_settings
from movizor_desktop.sync import ConnectionState
from movizor_desktop.ui.crash import install_crash_handling, uninstall_crash_handling
from movizor_desktop.ui.main_window import MainWindow
from tests.conftest import SIM_START

pytestmark = pytest.mark.qt_no_exception_capture
SECRET = "SECRET-KEY-0xDEADBEEF-hygiene+/="  # + / = change under URL encoding
PROFILE = "Основной договор"


def needles(secret: str = SECRET) -> dict[str, bytes]:
    return {
        "utf-8": secret.encode("utf-8"),
        "utf-16-le": secret.encode("utf-16-le"),
        "utf-16-be": secret.encode("utf-16-be"),
        "escaped": secret.encode("unicode_escape"),
        "url": quote(secret, safe="").encode(),
        "url-plus": quote_plus(secret).encode(),
        "url-lower": quote(secret, safe="").lower().encode(),
        "base64": base64.b64encode(secret.encode()).rstrip(b"="),
        "core": b"0xDEADBEEF-hygiene",  # the part no encoding changes
    }


def leaks(home: Path) -> list[str]:
    found = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [
            f"{path.relative_to(home)} ({name})"
            for name, needle in needles().items()
            if needle in data
        ]
    return found


@pytest.fixture
def file_logging(app_home: Path):
    """The app's own log set-up (file at DEBUG), undone afterwards."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), sys.excepthook, threading.excepthook)
    log_file = setup_logging(AppPaths().log_dir, debug=True, console=False)
    yield log_file
    for handler in [h for h in root.handlers if h not in saved[1]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[0])
    sys.excepthook, threading.excepthook = saved[2], saved[3]
    logging.captureWarnings(False)


@pytest.fixture
def secret_sim():
    world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=20)
    server = SimulatorServer(world, project="demo", key=SECRET).start()
    with SimControl(server.control_url) as control:
        yield server, control
    server.stop()


def export_everything(session, folder: Path, run_async) -> list[Path]:
    """Events and a track through the export modules, when they exist yet."""
    if importlib.util.find_spec("movizor_desktop.exchange.export_table") is None:
        return []
    from movizor_desktop.exchange.export_events import events_table, fetch_period
    from movizor_desktop.exchange.export_table import write_table
    from movizor_desktop.exchange.export_track import (
        fixes_of,
        write_gpx,
        write_kml,
        write_track_csv,
    )

    folder.mkdir(parents=True, exist_ok=True)
    end = session.clock.now() + timedelta(days=1)
    events = run_async(fetch_period(session.client.events, end - timedelta(days=30), end))
    table = events_table(events.events)
    phone = next(iter(session.engine.fleet.phones()))
    fixes = fixes_of(run_async(session.client.pos_list(phone)))
    return [
        write_table(folder / "events.xlsx", table),
        write_table(folder / "events.csv", table),
        write_gpx(folder / "track.gpx", fixes),
        write_kml(folder / "track.kml", fixes),
        write_track_csv(folder / "track.csv", fixes),
    ]


@pytest.mark.logs_error(r"unexpected error in the main thread")
def test_the_key_is_in_no_file_after_a_full_run(
    qtbot, qloop, run_async, app_home, memory_keyring, file_logging, secret_sim
):
    server, control = secret_sim
    paths = AppPaths()
    ProfileStore(paths).save(
        Profile(PROFILE, base_url=server.base_url, project="demo", method="GET")
    )
    SecretStore().set_key(PROFILE, SECRET)
    crash = install_crash_handling(loop=qloop)
    controller = AppController(
        paths, AppSettings(), "en", window_factory=lambda s, lang: MainWindow(s, lang=lang)
    )
    try:
        run_async(controller.start(profile=PROFILE))
        session = controller.session
        assert session is not None and session.client.method == "GET"
        qtbot.addWidget(controller.window)
        session.client.governor.per_second = 1000
        session.engine.retry_base = 0.1
        engine = session.engine
        qtbot.waitUntil(
            lambda: engine.status.state == ConnectionState.ONLINE and len(engine.fleet) == 20,
            timeout=15000,
        )

        # HTTP 500s: offline, then back by itself
        control.add_fault("http_500", count=None)
        engine.refresh_now()
        qtbot.waitUntil(lambda: engine.status.state == ConnectionState.OFFLINE, timeout=10000)
        control.clear_faults()
        qtbot.waitUntil(lambda: engine.status.state == ConnectionState.ONLINE, timeout=15000)

        # a wrong-key lockout: the connection dialog asks; the key is entered again
        with httpx.Client() as raw:
            for _ in range(5):
                raw.get(f"{server.base_url}demo/balance/", params={"key": "wrong-key"})
        engine.refresh_now()
        qtbot.waitUntil(lambda: engine.status.state == ConnectionState.AUTH_FAILED, timeout=10000)
        qtbot.waitUntil(lambda: controller.dialog is not None, timeout=5000)
        controller.dialog.reject()
        qtbot.waitUntil(lambda: controller.dialog is None, timeout=5000)
        control.clear_auth()
        session.set_key(SECRET)
        qtbot.waitUntil(lambda: engine.status.state == ConnectionState.ONLINE, timeout=15000)

        # an uncaught exception carrying the key: the crash report
        def crash_with_key() -> None:
            raise RuntimeError(f"request with key={SECRET} failed ({SECRET})")

        QTimer.singleShot(0, crash_with_key)
        qtbot.waitUntil(lambda: crash.dialog is not None and crash.dialog.isVisible(), timeout=5000)
        assert "RuntimeError" in crash.dialog.report() and SECRET not in crash.dialog.report()

        exported = export_everything(session, app_home / "exports", run_async)
        save_settings(paths, AppSettings(language="ru"))
        controller.window.features["diagnostics"].copy()
        assert SECRET not in QGuiApplication.clipboard().text()

        wal = list(app_home.rglob("*.sqlite3-wal"))
        assert wal and wal[0].stat().st_size > 0  # the cache's WAL, with data in it
        assert leaks(app_home) == []
    finally:
        run_async(controller.aclose())
        uninstall_crash_handling()
    for handler in logging.getLogger().handlers:
        handler.flush()

    files = [p.relative_to(app_home).as_posix() for p in app_home.rglob("*") if p.is_file()]
    log_text = file_logging.read_text(encoding="utf-8")
    assert "RuntimeError: request with key=*** failed (***)" in log_text  # the report
    assert "ACCESS_DENIED" in log_text or "refused" in log_text
    assert any(f.endswith("cache.sqlite3") for f in files)
    assert any(f.startswith("config/") for f in files)
    if exported:
        assert all(p.is_file() and p.stat().st_size > 0 for p in exported)
    assert leaks(app_home) == []


def test_the_scan_finds_every_spelling_of_the_key(tmp_path: Path):
    for name, needle in needles().items():
        (tmp_path / f"{name}.bin").write_bytes(b"prefix " + needle + b" suffix")
    (tmp_path / "clean.txt").write_text("key=*** nothing here")
    found = leaks(tmp_path)
    assert all(any(f.startswith(f"{name}.bin") for f in found) for name in needles())
    assert not any(f.startswith("clean.txt") for f in found)

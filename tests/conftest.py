"""Test harness shared by the whole suite.

* Qt runs offscreen; QtWebEngine gets ``--no-sandbox`` only because tests run as root in CI.
* Every test gets its own app home (``MOVIZOR_DESKTOP_HOME``) so no real settings, cache or
  log is read or written, and keyring is pinned to an in-memory test backend.
* ``qloop`` is the one qasync event loop of the session (``already_running=True``, as
  pytest-qt's ``waitUntil``/``waitSignal`` spin nested Qt loops); ``run_async`` drives a
  coroutine to completion on it and returns its result or raises its exception.
* Qt-free code (api, simulator, store, sync) is tested without a GUI: ``run`` drives a
  coroutine on a plain asyncio loop of the test's own.
* ``sim`` starts a fresh seeded simulator on loopback for a test (its clock frozen at
  ``SIM_START`` until advanced); ``api`` is a :class:`MovizorClient` connected to it.
* ``session`` is a session on that simulator (not started; its Movizor clock is the
  simulator's and is the app clock), ``window`` a main window showing a started one with
  its 40 subscribers listed (:mod:`tests.kits.windows`); a module that needs a variant
  overrides the fixture by the same name. Helpers live in :mod:`tests.kits`.
* A test fails on any ERROR log record (the app's never-die paths log what they swallow:
  "… failed", unexpected errors) and on any Qt warning not listed as harmless in
  ``pyproject.toml`` (``qt_log_level_fail``). A test that provokes an error on purpose
  says so with ``@pytest.mark.logs_error(r"pattern", …)``: only records matching one of
  its patterns are allowed, and at least one must come (qutebrowser's ``logfail``).
* The suite never depends on today's date or the machine's zone. ``--time-travel=DAYS``
  (or ``MOVIZOR_TIME_TRAVEL_DAYS``) moves the PC's clock that many days for the whole
  session with ``time-machine`` (Python-level: ``datetime.now()``, ``time.time()``;
  monotonic clocks, sleeps and Qt are left alone). ``.ci/run`` runs the suite a second time
  a year ahead with ``TZ=America/New_York``. Each test starts on a fresh app clock.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import keyring
import keyring.backend
import pytest
from hypothesis import HealthCheck, settings

# CI has 2 cores and other suites may share the machine: property tests check properties,
# not speed (benchmarks measure speed), so no deadline and no "too slow" health check.
settings.register_profile("movizor", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("movizor")

T = TypeVar("T")
_travel: Any = None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--time-travel",
        type=int,
        metavar="DAYS",
        default=int(os.environ.get("MOVIZOR_TIME_TRAVEL_DAYS") or 0),
        help="move the PC's clock DAYS days for the whole run (time-machine): the app must "
        "follow Movizor's clock, not the PC's (env MOVIZOR_TIME_TRAVEL_DAYS)",
    )


# A test that asks for any of these needs a QApplication: it is marked ``gui`` (``-m "not
# gui"`` runs the Qt-free core alone).
QT_FIXTURES = frozenset(
    {
        "qtbot",
        "qapp",
        "qloop",
        "run_async",
        "session",
        "window",
        "russian",
        "english_plurals",
        "catalogue",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def pytest_configure(config: pytest.Config) -> None:
    global _travel
    # As the app's bootstrap does (step 3): the app: scheme is registered before any
    # QApplication exists; Qt ignores a scheme registered later, and warns.
    from movizor_desktop.ui.map.scheme import register_app_scheme

    register_app_scheme()
    days = config.getoption("--time-travel")
    if days:
        import time_machine

        _travel = time_machine.travel(datetime.now(UTC) + timedelta(days=days), tick=True)
        _travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _travel
    if _travel is not None:
        _travel.stop()
        _travel = None


def pytest_report_header(config: pytest.Config) -> str | None:
    days = config.getoption("--time-travel")
    if not days:
        return None
    return (
        f"time travel: the PC's clock is {days} days ahead "
        f"({datetime.now(UTC).isoformat(timespec='seconds')}), TZ={os.environ.get('TZ', '')}"
    )


SIM_START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # a Thursday, 12:00 МСК
SIM_KEY = "demo-key-123"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring selected explicitly by tests (never auto-detected)."""

    priority = -1  # type: ignore[assignment]  # never chosen by keyring's own discovery

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class ErrorRecords(logging.Handler):
    """ERROR and worse records logged anywhere while a test runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _describe(record: logging.LogRecord) -> str:
    text = f"{record.levelname} {record.name}: {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        exc = record.exc_info[1]
        text += f" [{type(exc).__name__}: {exc}]"
    return text


@pytest.fixture(autouse=True)
def fail_on_logged_errors(request: pytest.FixtureRequest) -> Iterator[ErrorRecords]:
    """Fail the test on an ERROR record it did not declare (see the module docstring)."""
    handler = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    patterns = [
        re.compile(p) for marker in request.node.iter_markers("logs_error") for p in marker.args
    ]
    unexpected = [r for r in handler.records if not any(p.search(r.getMessage()) for p in patterns)]
    if unexpected:
        pytest.fail("errors were logged:\n" + "\n".join(map(_describe, unexpected)), pytrace=False)
    if patterns and not handler.records:
        pytest.fail(
            f"the expected error ({', '.join(p.pattern for p in patterns)}) was not logged",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOVIZOR_DESKTOP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def fresh_app_clock() -> Iterator[None]:
    """Each test starts on a fresh app clock (a window installs its session's)."""
    from movizor_desktop import clock

    clock.install(clock.MovizorClock())
    yield
    clock.install(clock.MovizorClock())


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    # qasync's default executor is made of QThreads, which abort the process at exit if
    # one is still alive; asyncio.to_thread (the cache) gets plain threads in tests.
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="qloop")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    asyncio.events._set_running_loop(None)
    executor.shutdown(wait=True)


@pytest.fixture
def run_async(qloop, qtbot) -> Iterator[Callable[..., Any]]:
    """Run a coroutine on the qasync loop until done; return its result."""

    def run(coro: Awaitable[T], timeout: float = 20.0) -> T:
        task = asyncio.ensure_future(coro, loop=qloop)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    yield run
    pending = [t for t in asyncio.all_tasks(qloop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)


@pytest.fixture
def sim() -> Iterator[Any]:
    """A fresh seeded simulator (40 subscribers, clock frozen unless advanced)."""
    from movizor_desktop.simulator import SimClock, SimulatorServer, World

    clock = SimClock(start=SIM_START, speed=0.0)
    world = World(clock=clock, seed=1, fleet=40)
    server = SimulatorServer(world, project="demo", key=SIM_KEY)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sim_control(sim):
    from movizor_desktop.simulator import SimControl

    with SimControl(sim.control_url) as control:
        yield control


@pytest.fixture
def aloop() -> Iterator[asyncio.AbstractEventLoop]:
    """A plain asyncio loop for Qt-free tests."""
    loop = asyncio.new_event_loop()
    yield loop
    outer = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        asyncio.events._set_running_loop(outer)
        loop.close()


@pytest.fixture
def run(aloop) -> Callable[..., Any]:
    """Run a coroutine to completion on ``aloop`` (no Qt involved)."""

    def run_(coro: Awaitable[T], timeout: float = 30.0) -> T:
        # The session's qasync loop stays registered as "running" (already_running=True);
        # step it aside while this plain loop runs.
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        try:
            return aloop.run_until_complete(asyncio.wait_for(coro, timeout))
        finally:
            asyncio.events._set_running_loop(outer)

    return run_


@pytest.fixture
def session(qloop, sim, run_async) -> Iterator[Any]:
    """A session on ``sim`` (not started), the simulator's clock installed as the app's."""
    from movizor_desktop import clock
    from tests.kits.windows import new_session

    session = new_session(sim, "Test", clock=clock.MovizorClock(source=sim.world.clock.now))
    clock.install(session.clock)
    yield session
    run_async(session.aclose())


@pytest.fixture
def window(qtbot, qloop, sim, run_async) -> Iterator[Any]:
    """A shown main window with a started session on ``sim``, its 40 rows listed."""
    from tests.kits.windows import open_window

    window = open_window(qtbot, sim)
    yield window
    run_async(window.session.aclose())


@pytest.fixture
def api(sim, run):
    from movizor_desktop.api import MovizorClient

    client = MovizorClient(sim.base_url, project="demo", key=SIM_KEY, backoff=0.01)
    yield client
    run(client.aclose())


def _compiled_catalogue(tmp_path, lang: str):
    """The app's catalogue for ``lang``, compiled from the committed .ts (a QTranslator,
    not installed)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = Path(__file__).resolve().parents[1] / "resources" / "i18n" / f"movizor_{lang}.ts"
    qm = tmp_path / f"movizor_{lang}.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def _catalogue(tmp_path, lang: str):
    """The app's catalogue for ``lang``, installed for the test."""
    from PySide6.QtCore import QCoreApplication

    translator = _compiled_catalogue(tmp_path, lang)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def russian(tmp_path, qapp):
    """The app's Russian catalogue, compiled from the committed .ts and installed."""
    yield from _catalogue(tmp_path, "ru")


@pytest.fixture
def english_plurals(tmp_path, qapp):
    """The app's English catalogue (its plural forms: "1 point" / "3 points")."""
    yield from _catalogue(tmp_path, "en")


@pytest.fixture
def catalogue(tmp_path, qapp):
    """``catalogue(lang)``: the app's compiled catalogue for ``lang`` (a QTranslator), for a
    test that installs and removes it itself (a switch of language within the test)."""
    return lambda lang: _compiled_catalogue(tmp_path, lang)

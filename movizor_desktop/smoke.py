"""``movizor-desktop --smoke-test``: start the real app, check its parts, report, exit.

Made for installers and CI: it runs the very code paths a user's start runs, in the same
process layout (a frozen bundle included), and needs no network and no account.

The checks, in order; each one that passes writes one line to **stderr**::

    movizor-desktop smoke check keyring: ok — SecretService Keyring (the linux backend …)
    movizor-desktop smoke check simulator: ok — embedded simulator at http://127.0.0.1:…
    movizor-desktop smoke check subscribers: ok — 40 subscribers loaded in 1.2 s
    movizor-desktop smoke check map: ok — map rendered offline in 0.9 s

1. **keyring** — the backend's name and class, and where API keys would go: ``keys:
   keyring`` or ``keys: session only`` (with the reason). The backend must be the one
   chosen for the OS (:func:`movizor_desktop.store.configure_backend`: WinVault, macOS
   Keychain, Secret Service), whose module must be in a frozen bundle; where that backend
   is not viable (a Linux box without a Secret Service) keyring's ``fail`` backend is
   accepted and reported: keys are then kept for the session only, as the app says.
   ``--smoke-require-keyring`` demands a keyring that keeps keys and a store/read/delete
   round trip of a throw-away secret (for CI runners that have one).
2. **simulator** — the embedded simulator starts and answers its control API over HTTP.
3. **subscribers** — the demo session goes online and loads the fleet.
4. **map** — the Leaflet page loads from the app's own ``app:`` scheme (no network).

On success one summary line goes to **stdout** and the exit status is 0. The first check
that fails writes ``movizor-desktop smoke test FAILED: <reason> [check: <name>]`` to
stderr and the exit status is 1; later checks do not run.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .app import AppController

log = logging.getLogger(__name__)

PREFIX = "movizor-desktop smoke"
ROUND_TRIP_SERVICE = "movizor-desktop-smoke-test"
CHECKS = ("keyring", "simulator", "subscribers", "map")


class CheckFailed(RuntimeError):
    """A check did not pass; ``str()`` is the reason for the report."""

    def __init__(self, check: str, reason: str) -> None:
        super().__init__(reason)
        self.check = check


@dataclass
class Report:
    began: float = field(default_factory=time.monotonic)
    passed: dict[str, str] = field(default_factory=dict)

    def ok(self, check: str, detail: str) -> None:
        self.passed[check] = detail
        log.info("smoke check %s: ok — %s", check, detail)
        _say(f"{PREFIX} check {check}: ok — {detail}", sys.stderr)

    def elapsed(self) -> float:
        return time.monotonic() - self.began


def _say(line: str, stream: Any) -> None:
    if stream is not None:  # a windowed Windows build has neither stdout nor stderr
        print(line, file=stream, flush=True)


# --- 1. keyring -------------------------------------------------------------------------------


def check_keyring(require: bool = False) -> str:
    """Describe the keyring backend; raise CheckFailed when it is not the expected one."""
    import importlib
    import os

    import keyring

    from .store import KeyStorage, SecretStore
    from .store.secrets import _FROZEN_BACKENDS

    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise CheckFailed("keyring", f"keyring cannot choose a backend: {exc}") from exc
    kind = f"{type(backend).__module__}.{type(backend).__name__}"
    store = SecretStore()
    name = store.backend_name
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    expected = _FROZEN_BACKENDS.get(platform)
    refused = store.refusal
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        how = "set by PYTHON_KEYRING_BACKEND"
    elif expected is not None:
        module_name, class_name = expected
        try:
            expected_class = getattr(importlib.import_module(module_name), class_name)
        except Exception as exc:
            raise CheckFailed(
                "keyring",
                f"the {platform} backend {module_name}.{class_name} "
                f"is missing from the bundle: {exc}",
            ) from exc
        if isinstance(backend, expected_class):
            how = f"the {platform} backend, chosen explicitly"
        elif refused is not None:
            how = f"{expected_class.name} is not usable here"
        else:
            raise CheckFailed(
                "keyring",
                f"{name} ({kind}) is active, not the {platform} backend {module_name}.{class_name}",
            )
    else:
        how = "chosen by keyring"
    keys = "keyring" if refused is None else f"session only ({refused})"
    detail = f"{name} ({kind}), {how}; keys: {keys}"
    if require:
        detail += "; " + _round_trip(store, refused, KeyStorage)
    return detail


def _round_trip(store: Any, refused: str | None, storage: Any) -> str:
    if refused is not None:
        raise CheckFailed(
            "keyring",
            f"a keyring that keeps API keys is required, but "
            f"{store.backend_name} is refused: {refused}",
        )
    from .store import SecretStore

    probe = SecretStore(ROUND_TRIP_SERVICE)
    secret = secrets.token_urlsafe(24)
    try:
        where = probe.set_key("smoke", secret)
        if where is not storage.KEYRING:
            raise CheckFailed("keyring", "the keyring refused a test secret (see the log)")
        if probe.get_key("smoke") != secret:
            raise CheckFailed("keyring", "the keyring returned a different test secret")
    finally:
        probe.delete_key("smoke")
    return "store/read/delete round trip ok"


# --- 2.-4. the running app ----------------------------------------------------------------


async def check_simulator(controller: AppController) -> tuple[Any, str]:
    """Start the embedded simulator (and the demo session on it); ask its control API."""
    from .simulator import SimControl

    try:
        session = controller.start_demo()
    except Exception as exc:
        raise CheckFailed(
            "simulator", f"the embedded simulator did not start: {type(exc).__name__}: {exc}"
        ) from exc
    simulator = controller.simulator
    assert simulator is not None  # start_demo started it

    def ask_state() -> dict[str, Any]:
        with SimControl(simulator.control_url) as control:
            return control.state()

    try:
        state = await asyncio.to_thread(ask_state)
    except Exception as exc:
        raise CheckFailed(
            "simulator", f"the embedded simulator does not answer: {type(exc).__name__}: {exc}"
        ) from exc
    return session, f"embedded simulator at {simulator.base_url} answers ({_count(state)})"


def _count(state: dict[str, Any]) -> str:
    subscribers = state.get("subscribers")
    if isinstance(subscribers, dict):
        total = subscribers.get("total")
        if total is None:
            total = sum(v for v in subscribers.values() if isinstance(v, int))
        return f"{total} subscribers in its world"
    return "state read"


async def check_subscribers(
    controller: AppController, session: Any, report: Report, timeout: float
) -> int:
    from .sync import ConnectionState

    try:
        controller.install(session)
    except ImportError as exc:
        raise CheckFailed("subscribers", f"the main window cannot be built: {exc}") from exc
    controller.window.show()
    while True:
        status = session.engine.status
        if status.state == ConnectionState.ONLINE and len(session.engine.fleet):
            return len(session.engine.fleet)
        if status.state == ConnectionState.AUTH_FAILED:
            raise CheckFailed("subscribers", f"the simulator refused the key: {status.error}")
        if report.elapsed() > timeout:
            raise CheckFailed(
                "subscribers",
                f"no subscriber list within {timeout:.0f} s "
                f"(state {status.state}, last error: {status.error or 'none'})",
            )
        await asyncio.sleep(0.05)


async def check_map(controller: AppController, report: Report, timeout: float) -> float:
    """Seconds from the start until the offline map page is ready."""
    task = controller.map_task
    if task is None:
        raise CheckFailed("map", "the window has no map pane")
    try:
        await asyncio.wait_for(asyncio.shield(task), max(1.0, timeout - report.elapsed()))
    except TimeoutError as exc:
        raise CheckFailed("map", f"the map pane was not built within {timeout:.0f} s") from exc
    from .ui.features.map.feature import MapLink

    link = controller.window.features.get(MapLink)
    if link is None:
        raise CheckFailed("map", "the map pane could not be built (see the log)")
    while not link.panel.view.is_ready:
        if report.elapsed() > timeout:
            raise CheckFailed("map", f"the map page was not ready within {timeout:.0f} s")
        await asyncio.sleep(0.05)
    return report.elapsed()


async def run(controller: AppController, *, timeout: float, require_keyring: bool = False) -> int:
    """All checks in order; the exit status (0 or 1)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    report = Report()
    try:
        report.ok("keyring", check_keyring(require_keyring))
        session, detail = await check_simulator(controller)
        report.ok("simulator", detail)
        fleet = await check_subscribers(controller, session, report, timeout)
        report.ok("subscribers", f"{fleet} subscribers loaded in {report.elapsed():.1f} s")
        seconds = await check_map(controller, report, timeout)
        report.ok("map", f"map rendered offline in {seconds:.1f} s")
    except CheckFailed as exc:
        log.error("smoke test failed [check: %s]: %s", exc.check, exc)
        _say(f"movizor-desktop smoke test FAILED: {exc} [check: {exc.check}]", sys.stderr)
        return 1
    except Exception as exc:
        log.exception("smoke test failed")
        _say(
            f"movizor-desktop smoke test FAILED: {type(exc).__name__}: {exc} "
            f"[check: {_running(report)}]",
            sys.stderr,
        )
        return 1
    _say(
        f"movizor-desktop smoke test OK: {fleet} subscribers loaded from the embedded "
        f"simulator, map rendered offline in {report.elapsed():.1f} s "
        f"(movizor-desktop {__version__}, Qt {qVersion()}, PySide6 {pyside_version}, "
        f"keyring: {_backend_name()}, frozen: {'yes' if _frozen() else 'no'})",
        sys.stdout,
    )
    return 0


def _running(report: Report) -> str:
    return next((c for c in CHECKS if c not in report.passed), CHECKS[-1])


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _backend_name() -> str:
    from .store import SecretStore

    return SecretStore().backend_name

"""Movizor Desktop: the command line, the event loop, and the session it shows.

Start-up runs in a fixed order; steps 1-4 are :func:`movizor_desktop.bootstrap.start`:

1. faulthandler (stderr, then ``<log_dir>/crash.log``), then the rotating log file;
2. environment: Qt/Chromium variables, HiDPI rounding policy;
3. QtWebEngine import and the ``app:`` URL scheme, before the QApplication;
4. the QApplication, keyring backend, settings and translators;
5. the qasync loop: ``asyncio.Runner(loop_factory=QEventLoop)`` runs :func:`amain`.

Shutdown: :func:`amain` turns quit-on-last-window-closed off and awaits an
``asyncio.Event`` set by ``lastWindowClosed``; then, *while the loop still runs*,
:meth:`AppController.aclose` closes the session (every task cancelled, every HTTP client
closed) and stops the embedded simulator. Only then does the loop stop and the Runner
close it. (``app.quit()`` first would leave httpx no loop to close its connections on.)

``--version`` prints and exits before anything else is imported (no Qt).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .simulator import SimulatorServer
    from .store import AppPaths, AppSettings, KeyStorage, Profile
    from .ui.dialogs import ConnectionDialog
    from .ui.main_window import MainWindow
    from .ui.session import Session

log = logging.getLogger("movizor_desktop.app")

SMOKE_TIMEOUT = 45.0
DEMO_PROFILE = "Demo"
# The simulator takes any key. Keys are masked in logs; a plain "demo" would mask the word.
DEMO_KEY = "demo-key-not-a-secret"
DEMO_SPEED = 30.0
DEMO_INTERVAL = 15.0
DEMO_DIALECTS = ("2017", "v2")  # movizor_desktop.simulator.dialects.DIALECTS
SETTLE_AFTER = 10.0  # s: the longest start-up waits for the map before settling the heap


# --- command line ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="movizor-desktop",
        allow_abbrev=False,
        description="Dispatcher workstation for Movizor.ru phone-based fleet tracking.",
        epilog="Options Qt understands (e.g. -platform offscreen) are passed on to Qt.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--demo", action="store_true", help="run against the built-in simulator; nothing is saved"
    )
    parser.add_argument(
        "--dialect",
        choices=DEMO_DIALECTS,
        default="2017",
        help="with --demo: how the simulator answers where Movizor's "
        "documents disagree (2017, the default, or v2)",
    )
    parser.add_argument("--profile", metavar="NAME", help="open this connection profile")
    parser.add_argument("--lang", choices=("ru", "en"), help="interface language")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check the keyring, the built-in simulator, the demo fleet and "
        "the offline map; report each on stderr, one summary line on "
        "stdout; exit 0 on success, 1 naming the failed check",
    )
    parser.add_argument(
        "--smoke-timeout", type=float, default=SMOKE_TIMEOUT, help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--smoke-require-keyring", action="store_true", help=argparse.SUPPRESS
    )  # CI runners with a keyring: see smoke.py
    parser.add_argument(
        "--debug", action="store_true", help="debug output on the console and in the log"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point (``movizor-desktop``); returns the exit status."""
    parser = build_parser()
    args, qt_args = parser.parse_known_args(argv)
    if args.dialect != "2017" and not args.demo:
        parser.error("--dialect chooses how the demo's simulator answers: use it with --demo")
    if args.version:
        print(f"movizor-desktop {__version__}")
        return 0
    try:
        return run(args, qt_args)
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace, qt_args: list[str]) -> int:
    """Steps 1-5; returns the exit status."""
    from . import bootstrap

    try:
        started = bootstrap.start(debug=args.debug, lang=args.lang, qt_args=qt_args)
    except bootstrap.StartupError as exc:
        log.critical("%s", exc)
        if sys.stderr is not None:
            print(f"movizor-desktop: {exc}", file=sys.stderr)
        return 1
    import qasync

    from .logs import asyncio_exception_handler

    app = started.app
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:  # 5
        loop = runner.get_loop()
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(asyncio_exception_handler)
        from .ui.crash import install_crash_handling

        install_crash_handling(loop=loop)  # every unhandled error: log + report dialog
        try:
            code = runner.run(amain(app, args, started.paths, started.settings, started.lang))
        except KeyboardInterrupt:  # Ctrl+C: amain's finally has closed everything
            log.info("interrupted")
            code = 130
        except Exception as exc:  # already cleaned up by amain's finally
            log.critical("the app failed", exc_info=exc)
            if sys.stderr is not None:
                print(
                    f"movizor-desktop: {type(exc).__name__}: {exc} (details in {started.log_file})",
                    file=sys.stderr,
                )
            code = 1
    bootstrap.dispose(app)
    log.info("exit status %d", code)
    logging.shutdown()
    return code


async def amain(
    app: QApplication, args: argparse.Namespace, paths: AppPaths, settings: AppSettings, lang: str
) -> int:
    """The app's life on the running loop; all async clean-up happens before it returns."""
    from PySide6.QtCore import QTimer

    quit_requested = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(quit_requested.set)
    wake = QTimer()  # Python runs signal handlers (Ctrl+C) only between bytecodes
    wake.timeout.connect(lambda: None)
    wake.start(250)
    controller = AppController(paths, settings, lang)
    controller.apply_network()
    try:
        if args.smoke_test:
            return await controller.smoke_test(
                timeout=args.smoke_timeout, require_keyring=args.smoke_require_keyring
            )
        await controller.start(demo=args.demo, profile=args.profile, dialect=args.dialect)
        await quit_requested.wait()
        log.info("last window closed; shutting down")
        return 0
    finally:
        wake.stop()
        await controller.aclose()


# --- the session shown in the window --------------------------------------------------------


def _main_window_factory(settings: AppSettings, lang: str) -> Any:
    from .ui.main_window import MainWindow

    # the workflow menus and the map come once the list is on screen (attach_map_later)
    return MainWindow(settings, lang=lang, workflows=False)


async def attach_map_later(window: MainWindow) -> None:
    """Build the workflow features and the map without holding up the first paint of the list.

    Importing folium compiles about 90 Jinja templates (≈1 s): that happens in a worker
    thread, once the list shows its first rows (or after 3 s without any), so the two do
    not compete for the interpreter; only the panel itself is built on the Qt thread.

    Start-up ends here, once the map shows (or :data:`SETTLE_AFTER` s without it): the heap
    is settled (:func:`movizor_desktop.heap.settle`), so the garbage collector's full
    collections no longer walk what start-up built. Its one collection holds the Qt
    thread for about 50 ms: after the map's page answers, not while it loads.
    """
    from . import heap
    from .ui.editors.leg_check import leg_check_for
    from .ui.features import MAP, WORKFLOWS
    from .ui.features.map.feature import MapLink, preload

    model = window.model
    last = -1
    for _ in range(30):  # until the list has rows and stopped growing (3 s at most)
        count = model.rowCount()
        if count == last > 0:
            break
        last = count
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)  # let those rows paint
    window.features.start(WORKFLOWS)  # menus first: they are quick, the map takes a second
    try:
        # a rest rules file of the user's own may sit on a slow share: it is read here, in
        # a worker, so the first route editor or trip plan finds it read (leg_check keeps it)
        await asyncio.to_thread(leg_check_for, window.settings)
    except Exception:
        log.exception("the rest rules could not be read ahead; they are read when needed")
    try:
        await asyncio.to_thread(preload)
    except Exception:
        log.exception("the map cannot be loaded; the window runs without it")
    else:
        window.features.start(MAP)
        link = window.features.get(MapLink)
        if link is not None:
            await _until_ready(link.panel.view, SETTLE_AFTER)
    heap.settle()


async def _until_ready(view: Any, timeout: float) -> None:
    """Until the map view says ``ready`` (or ``timeout`` seconds)."""
    if view.is_ready:
        return
    ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done() -> None:
        if not ready.done():
            ready.set_result(None)

    view.ready.connect(done)
    try:
        await asyncio.wait_for(ready, timeout)
    except TimeoutError:
        log.info("the map was not ready after %.0f s; settling the heap anyway", timeout)
    finally:
        try:
            view.ready.disconnect(done)
        except (RuntimeError, TypeError):
            pass  # the view is gone already


def demo_session(simulator: Any) -> Any:
    """A demo session on the embedded ``simulator`` (a SimulatorServer; nothing saved).

    The demo's Movizor is the simulator, so its clock (30× real time) is the app's "now".
    """
    from .clock import MovizorClock
    from .store import Profile
    from .ui.session import Session

    spoken = simulator.world.dialect.name  # how it answers where the documents disagree
    name = DEMO_PROFILE if spoken == "2017" else f"{DEMO_PROFILE} ({spoken})"
    profile = Profile(name, base_url=simulator.base_url, project=simulator.project)
    clock = MovizorClock(source=simulator.world.clock.now)
    return Session(profile, DEMO_KEY, demo=True, interval=DEMO_INTERVAL, clock=clock)


class AppController:
    """Owns the window, the session shown in it and, in demo mode, the simulator."""

    def __init__(
        self,
        paths: AppPaths,
        settings: AppSettings,
        lang: str,
        *,
        window_factory: Callable[[AppSettings, str], Any] | None = None,
    ) -> None:
        from .store import ProfileStore, SecretStore

        self.paths = paths
        self.settings = settings
        self.lang = lang
        self.store = ProfileStore(paths)
        self.secrets = SecretStore()
        self.window: Any = None
        self.session: Session | None = None
        self.simulator: SimulatorServer | None = None
        self.dialog: ConnectionDialog | None = None
        self._window_factory = window_factory or _main_window_factory
        self._attach_later = window_factory is None  # the app's own window: menus, then map
        self._map_task: asyncio.Task[Any] | None = None
        self._auth_prompted = False
        self._closing = False

    # -- start --------------------------------------------------------------------

    def apply_network(self) -> None:
        """The saved proxy choice (password from the keyring) for the API and the map."""
        from .ui.network import apply_saved_network

        try:
            apply_saved_network(self.settings)
        except Exception:  # a broken keyring or setting must not stop the start
            log.exception("the network settings could not be applied; using the system's")

    def make_window(self) -> Any:
        if self.window is None:
            self.window = self._window_factory(self.settings, self.lang)
            if self._attach_later:
                self._map_task = asyncio.ensure_future(attach_map_later(self.window))
            self.window.connection_settings_requested.connect(self.open_connection_settings)
        return self.window

    async def start(
        self, *, demo: bool = False, profile: str | None = None, dialect: str = "2017"
    ) -> None:
        self.make_window().show()
        if demo:
            self.install(self.start_demo(dialect=dialect))
            return
        session = await self.open_profile(profile)
        if session is not None:
            self.install(session)

    def start_demo(self, *, speed: float = DEMO_SPEED, dialect: str = "2017") -> Session:
        """Start the embedded simulator and a demo session on it (nothing saved).
        ``dialect``: how the simulator answers where the documents disagree."""
        from .simulator import SimulatorServer
        from .simulator.dialects import dialect as named_dialect

        if self.simulator is None:
            self.simulator = SimulatorServer.demo(
                seed=1, fleet=40, speed=speed, key=DEMO_KEY, dialect=named_dialect(dialect)
            ).start()
            log.info(
                "embedded simulator (dialect %s) listening at %s", dialect, self.simulator.base_url
            )
        return demo_session(self.simulator)

    async def open_profile(self, name: str | None = None) -> Session | None:
        """The session of ``name`` (or the last used profile); asks what is missing."""
        name = name or self.store.active or next((p.name for p in self.store.list()), None)
        profile = self.store.get(name) if name else None
        from PySide6.QtCore import QCoreApplication

        translate = QCoreApplication.translate
        if profile is None:
            notice = ""
            if name:
                log.warning("no profile named %r", name)
                notice = translate("AppController", "There is no profile named “{name}”.")
                notice = notice.format(name=name)
            await self.edit_connections(notice=notice)
            return None
        from .api.net import is_remote_plain_http

        if is_remote_plain_http(profile.base_url) and not profile.allow_plain_http:
            # saved before plain http:// needed a confirmation: ask now, send nothing yet
            await self.edit_connections(
                select=profile.name,
                notice=translate(
                    "AppController",
                    "The profile “{name}” uses an unencrypted http:// address: "
                    "the key would travel readable on the network. Switch it to https://, or "
                    "confirm the warning with Check connection or Save.",
                ).format(name=profile.name),
            )
            return None
        key = self.secrets.get_key(profile.name)
        if not key:
            await self.edit_connections(
                select=profile.name,
                key_error=translate(
                    "AppController", "Enter the API key: it is not saved on this computer."
                ),
            )
            return None
        return self.new_session(profile, key, self.secrets.last_storage(profile.name))

    def new_session(self, profile: Profile, key: str, storage: KeyStorage | None) -> Session:
        from .store import Cache
        from .ui.session import Session

        cache = None
        try:
            cache = Cache.for_profile(self.paths, profile.name)
        except Exception:
            log.exception("the cache of %s cannot be opened; running without", profile.name)
        return Session(
            profile,
            key,
            cache=cache,
            key_storage=storage,
            interval=float(self.settings.sync_interval),
        )

    def install(self, session: Session) -> None:
        """Show ``session`` in the window and start it."""
        self.session = session
        self._auth_prompted = False
        session.status_changed.connect(self._on_status)
        self.make_window().set_session(session)
        session.start()
        log.info(
            "session %s started (simulated: %s, key storage: %s)",
            session.profile.name,
            "yes" if session.demo else "no",
            session.key_storage or "not applicable",
        )

    async def switch(self, session: Session) -> None:
        """Close the current session (and a demo's simulator), then show ``session``."""
        old, self.session = self.session, None
        if old is not None:
            old.status_changed.disconnect(self._on_status)
            await old.aclose()
            if old.demo:
                self._stop_simulator()
        self.install(session)

    # -- connection settings ------------------------------------------------------

    def open_connection_settings(self) -> None:
        """Slot for the window's "Connection settings…" action."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        task = asyncio.ensure_future(self.edit_connections())
        task.add_done_callback(_log_task_error)

    async def edit_connections(
        self, *, select: str | None = None, key_error: str = "", notice: str = ""
    ) -> bool:
        """Show the connection dialog; apply what was chosen. True if it was accepted."""
        from .ui.dialogs import ConnectionDialog, run_dialog

        current = self.session.profile.name if self.session and not self.session.demo else None
        dialog = ConnectionDialog(
            self.store,
            self.secrets,
            current=current,
            select=select or current,
            lang=self.lang,
            key_error=key_error,
            notice=notice,
            parent=self.make_window(),
        )
        self.dialog = dialog
        try:
            accepted = await run_dialog(dialog) == ConnectionDialog.DialogCode.Accepted.value
            await self.apply_dialog(dialog, accepted)
            return accepted
        finally:
            self.dialog = None
            dialog.deleteLater()

    async def apply_dialog(self, dialog: ConnectionDialog, accepted: bool) -> None:
        """Switch, reconnect or just take the new key, per what the dialog changed."""
        if self._closing:
            return
        current = self.session if self.session and not self.session.demo else None
        name = current.profile.name if current else None
        while name in dialog.renamed:
            name = dialog.renamed[name]
        target = dialog.chosen if accepted else (self.store.get(name) if name else None)
        if target is None:
            return
        key = self.secrets.get_key(target.name)
        storage = self.secrets.last_storage(target.name)
        if current is not None and target.name == name and _same_server(target, current.profile):
            current.profile = target  # at most renamed
            if target.name in dialog.key_changed and key:
                current.set_key(key, storage=storage)
                self._auth_prompted = False
            return
        if not accepted and current is None:
            return
        if not key:
            log.warning("profile %s has no key; not connecting", target.name)
            return
        await self.switch(self.new_session(target, key, storage))

    def _on_status(self, status: Any) -> None:
        from .sync import ConnectionState

        session = self.session
        if (
            status.state != ConnectionState.AUTH_FAILED
            or session is None
            or session.demo
            or self._auth_prompted
            or self.dialog is not None
            or self._closing
        ):
            return
        self._auth_prompted = True
        message = status.error.message(self.lang) if status.error is not None else ""
        task = asyncio.ensure_future(
            self.edit_connections(select=session.profile.name, key_error=message)
        )
        task.add_done_callback(_log_task_error)

    # -- smoke test ---------------------------------------------------------------

    @property
    def map_task(self) -> asyncio.Task[Any] | None:
        """The task adding the map pane to the window (None before the window exists)."""
        return self._map_task

    async def smoke_test(
        self, *, timeout: float = SMOKE_TIMEOUT, require_keyring: bool = False
    ) -> int:
        """``--smoke-test``: each check of :mod:`movizor_desktop.smoke`; 0 or 1."""
        from . import smoke

        return await smoke.run(self, timeout=timeout, require_keyring=require_keyring)

    # -- shutdown -----------------------------------------------------------------

    def _stop_simulator(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None
            log.info("embedded simulator stopped")

    async def aclose(self) -> None:
        """Close the dialog, the session (tasks, HTTP client, cache), the simulator."""
        self._closing = True
        if self.dialog is not None:
            self.dialog.reject()
        session, self.session = self.session, None
        try:
            if session is not None:
                await session.aclose()
        finally:
            self._stop_simulator()
            if self._map_task is not None and not self._map_task.done():
                self._map_task.cancel()
                await asyncio.gather(self._map_task, return_exceptions=True)
            if self.window is not None:
                from .ui.main_window import MainWindow

                if isinstance(self.window, MainWindow):  # not a test's stand-in
                    self.window.features.shutdown()  # the map's page before its profile
                self.window.close()


def _same_server(a: Profile, b: Profile) -> bool:
    return (a.base_url, a.project, a.method, a.allow_plain_http) == (
        b.base_url,
        b.project,
        b.method,
        b.allow_plain_http,
    )


def _log_task_error(task: asyncio.Task[Any]) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.error("connection settings failed", exc_info=exc)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

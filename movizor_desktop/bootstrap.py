"""Early initialisation: everything that must happen before, or while, Qt starts.

:func:`movizor_desktop.app.run` calls these steps in this order, and the order matters:

1. **faulthandler** (:func:`enable_faulthandler`, :func:`move_faulthandler`) — first
   thing, before any extension module is imported, so a crash anywhere (Qt plugin
   loading, Chromium start-up, a PySide6 bug) leaves a Python traceback of every thread.
   faulthandler holds one file at a time: it starts on stderr (when there is one) and,
   as soon as the log folder is known (still before Qt is imported), moves to
   ``<log_dir>/crash.log``. A non-empty ``crash.log`` found at the next start is echoed
   to stderr and to the log and kept as ``crash-previous.log``
   (:func:`take_previous_crash`). Windowed builds have no stderr; the file always works.
2. **environment** (:func:`prepare_environment`, :func:`locale_for_qt`,
   :func:`set_hidpi_policy`) — Qt reads its environment variables (the locale too) when
   the application object is built, and the HiDPI rounding policy can only be set before
   it exists. Chromium's sandbox is turned off only when
   running as root on POSIX (it refuses to start otherwise); never for normal users.
3. **URL scheme** (:func:`register_url_schemes`) — QtWebEngine is imported and the
   ``app:`` scheme (served by the map's scheme handler) registered *before* the
   ``QApplication`` exists; Qt ignores schemes registered later.
4. **QApplication** (:func:`create_application`) — name, organisation, version, icon;
   then the input cleaner (:mod:`movizor_desktop.ui.text_input`) on it.
5. **the qasync loop** — in :mod:`movizor_desktop.app`.

No step here touches the network, the keyring or the user's profiles.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_NAME, __version__
from .resources import APP_SCHEME, app_icon_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .store import AppPaths, AppSettings

log = logging.getLogger(__name__)

CRASH_FILE = "crash.log"
PREVIOUS_CRASH_FILE = "crash-previous.log"
ORGANIZATION = "Movizor"
ORGANIZATION_DOMAIN = "movizor.ru"

_crash_fd: int | None = None  # open for the whole run: faulthandler writes to it


# --- 1. faulthandler ------------------------------------------------------------------------


def enable_faulthandler() -> None:
    """Dump tracebacks of all threads to stderr on a fatal signal (until moved to a file)."""
    if sys.stderr is not None and not faulthandler.is_enabled():
        # stderr without a file descriptor (pythonw, some IDEs): wait for the crash file
        with contextlib.suppress(RuntimeError, ValueError, OSError):
            faulthandler.enable(file=sys.stderr, all_threads=True)


def take_previous_crash(log_dir: Path) -> str:
    """The text of a crash dump left by the previous run ('' if none); keeps a copy."""
    path = log_dir / CRASH_FILE
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    if text:
        with contextlib.suppress(OSError):
            path.replace(log_dir / PREVIOUS_CRASH_FILE)
    return text[-20_000:]


def move_faulthandler(log_dir: Path) -> Path | None:
    """Point faulthandler at ``<log_dir>/crash.log`` (an empty file after a clean run).

    A raw descriptor, deliberately never closed: faulthandler must be able to write until
    the very end of interpreter shutdown (where PySide bugs like to crash).
    """
    global _crash_fd
    from .store.files import private_dir, private_file

    path = log_dir / CRASH_FILE
    try:
        private_dir(log_dir)
        fd = os.open(private_file(path), os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    faulthandler.enable(file=fd, all_threads=True)
    if _crash_fd is not None:
        with contextlib.suppress(OSError):
            os.close(_crash_fd)
    _crash_fd = fd
    return path


# --- 2. environment -------------------------------------------------------------------------


def prepare_environment(environ: dict[str, str] | None = None) -> list[str]:
    """Set the Qt/Chromium environment variables; return a note per change for the log."""
    env = os.environ if environ is None else environ
    notes: list[str] = []
    if os.name == "posix" and os.geteuid() == 0 and "QTWEBENGINE_DISABLE_SANDBOX" not in env:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        notes.append("running as root: Chromium sandbox disabled (QTWEBENGINE_DISABLE_SANDBOX=1)")
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):
        flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--disable-gpu" not in flags.split():
            env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --disable-gpu").strip()
            notes.append(f"{platform} platform: Chromium GPU disabled")
    return notes


LANGUAGE_LOCALES = {"ru": "ru_RU.UTF-8", "en": "en_GB.UTF-8"}
_NO_LOCALE = ("", "C", "POSIX")
_LOCALE_VARS = ("LANG", "LC_ALL", "LC_TIME", "LC_NUMERIC", "LC_CTYPE")


@contextlib.contextmanager
def locale_for_qt(lang: str | None, environ: dict[str, str] | None = None) -> Iterator[str | None]:
    """Around the QApplication's creation, on a machine with no locale at all (unset,
    ``C`` or ``POSIX``: minimal Linux installs, containers, Xvfb): Qt's system locale is
    the chosen language's. Qt's own dialogs format dates and sizes by it — the file
    dialog said "7 12 2026" and "0 bytes" in a Russian window. The caller makes Qt read
    it (``QLocale.system()``) inside the block; the environment is put back afterwards,
    so child processes (QtWebEngine's) see the machine's own. A real system locale is
    never touched. Yields a note for the log, or None."""
    env = os.environ if environ is None else environ
    wanted = LANGUAGE_LOCALES.get(lang or "")
    current = env.get("LC_ALL") or env.get("LC_TIME") or env.get("LANG") or ""
    if wanted is None or current.split(".")[0] not in _NO_LOCALE:
        yield None
        return
    saved = {name: env.get(name) for name in _LOCALE_VARS}
    for name in ("LC_ALL", "LC_TIME", "LC_NUMERIC"):  # C or unset: they would hide LANG
        env.pop(name, None)
    env["LANG"] = wanted
    # the encoding stays a UTF-8 one the machine has: the language's locale need not be
    # installed (Qt reads its name), and Qt warns about a non-UTF-8 C
    env.setdefault("LC_CTYPE", "C.UTF-8")
    try:
        yield f"no system locale ({current or 'unset'}): {wanted} for Qt's dialogs"
    finally:
        for name, value in saved.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value


def set_hidpi_policy() -> str:
    """Choose the HiDPI scale-factor rounding policy; must run before the QApplication.

    Fractional scaling (PassThrough, Qt 6's default) everywhere, except GNOME/Wayland
    sessions where it blurs and misplaces widgets (QTBUG-113574): there round down.
    ``QT_SCALE_FACTOR_ROUNDING_POLICY`` set by the user always wins.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if os.environ.get("QT_SCALE_FACTOR_ROUNDING_POLICY"):
        return "from environment"
    policy = Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    wayland = os.environ.get("XDG_SESSION_TYPE") == "wayland" or "WAYLAND_DISPLAY" in os.environ
    if sys.platform.startswith("linux") and wayland:
        policy = Qt.HighDpiScaleFactorRoundingPolicy.RoundPreferFloor
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(policy)
    return policy.name


# --- 3. URL scheme --------------------------------------------------------------------------


def register_url_schemes() -> None:
    """Import QtWebEngine and register the ``app:`` scheme; before the QApplication.

    Raises ImportError with the loader's message when QtWebEngine cannot be loaded.
    """
    from PySide6.QtCore import QCoreApplication, Qt

    if QCoreApplication.instance() is not None:
        raise RuntimeError("URL schemes must be registered before the QApplication exists")
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must be loaded before QApplication
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    if QWebEngineUrlScheme.schemeByName(APP_SCHEME).name() == APP_SCHEME:
        return
    scheme = QWebEngineUrlScheme(APP_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)


# --- 4. QApplication ------------------------------------------------------------------------


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, named and versioned (steps 2 and 3 must have run)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QApplication.setApplicationVersion(__version__)
    app = QApplication(argv)
    # the name of resources/linux/movizor-desktop.desktop: Wayland matches windows to it
    QApplication.setDesktopFileName("movizor-desktop")
    icon = app_icon_path()
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    return app


# --- steps 1-4 in order ---------------------------------------------------------------------


class StartupError(RuntimeError):
    """Start-up cannot go on; the message is for the user (and the log)."""


@dataclass
class Started:
    app: QApplication
    paths: AppPaths
    settings: AppSettings
    lang: str
    log_file: Path


def start(
    *, debug: bool = False, lang: str | None = None, qt_args: list[str] | None = None
) -> Started:
    """Run steps 1-4 of the module docstring, in order; raise StartupError on failure."""
    enable_faulthandler()  # 1: as early as possible
    from .logs import install_qt_message_handler, setup_logging
    from .store import AppPaths

    paths = AppPaths()
    previous_crash = take_previous_crash(paths.log_dir)
    crash_file = move_faulthandler(paths.log_dir)
    log_file = setup_logging(paths.log_dir, debug=debug)
    log.info(
        "Movizor Desktop %s starting (Python %s, %s); log %s, crash dumps %s",
        __version__,
        sys.version.split()[0],
        sys.platform,
        log_file,
        crash_file,
    )
    if previous_crash:
        log.error(
            "the previous run crashed; its dump (kept as %s):\n%s",
            PREVIOUS_CRASH_FILE,
            previous_crash,
        )
        if sys.stderr is not None:
            print(
                f"movizor-desktop: the previous run crashed; see "
                f"{paths.log_dir / PREVIOUS_CRASH_FILE}",
                file=sys.stderr,
            )

    for note in prepare_environment():  # 2
        log.info("%s", note)
    from .store import load_settings
    from .ui.i18n import normalize

    settings = load_settings(paths)  # the chosen language: Qt's locale where none is set
    log.info("HiDPI rounding policy: %s", set_hidpi_policy())
    try:
        register_url_schemes()  # 3
    except ImportError as exc:
        raise StartupError(f"QtWebEngine could not be loaded ({exc}); the map needs it") from exc

    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "movizor-desktop"
    with locale_for_qt(normalize(lang) or normalize(settings.language)) as locale_note:
        app = create_application([argv0, *(qt_args or [])])  # 4
        from PySide6.QtCore import QLocale

        QLocale.system()  # read now, while the environment says it
    if locale_note:
        log.info("%s", locale_note)
    install_qt_message_handler()
    from .store import configure_backend
    from .ui import i18n
    from .ui.text_input import install_input_cleaning

    install_input_cleaning(app)  # no control characters in any one-line field

    configure_backend()  # the OS keyring, chosen explicitly
    chosen = i18n.pick_language(lang, settings.language)
    i18n.install_translators(chosen, app)
    return Started(app, paths, settings, chosen, log_file)


def dispose(app: QApplication) -> None:
    """Delete what is left of Qt's windows before the interpreter tears down."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()

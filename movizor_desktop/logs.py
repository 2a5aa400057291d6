"""Logging set-up: a rotating file in the log folder, secrets masked on every handler.

:func:`setup_logging` is called once at start-up (step 1 of :mod:`movizor_desktop.app`):

* ``<log_dir>/movizor-desktop.log``, rotated at 1 MB, five old files kept (``.1`` … ``.5``);
  INFO and up, DEBUG with ``--debug``; each file ``0600`` in a ``0700`` folder on POSIX
  (logs name drivers and places);
* the console (stderr, when there is one) gets warnings and errors, everything with
  ``--debug``;
* every handler carries :class:`~movizor_desktop.api.redact.RedactingFilter`, so an API key
  registered with :func:`~movizor_desktop.api.redact.register_secret` (the client does that
  for every key it is given) never reaches the file or the console, whoever logs it;
* uncaught exceptions (main thread, other threads, Qt slots via ``sys.excepthook``) and
  Python warnings go to the log as well;
* :func:`install_recent_log` keeps the last lines, formatted and masked the same way, in
  memory (:class:`RecentLog`): Help → Copy diagnostics and the crash report read them
  without touching the disk on the Qt thread.

No Qt here; :func:`install_qt_message_handler` routes Qt's own messages once Qt is loaded.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import cast

from .api.redact import RedactingFilter
from .store.files import open_private, private_dir

LOG_FILE = "movizor-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
RING_SIZE = 200  # lines kept in memory for Help → Copy diagnostics
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

log = logging.getLogger("movizor_desktop")

_OURS = "_movizor_handler"  # marks handlers installed here, so set-up is idempotent


def _mark(handler: logging.Handler) -> logging.Handler:
    setattr(handler, _OURS, True)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created ``0600`` (and tightened if older ones are not),
    whatever the umask."""

    def _open(self) -> io.TextIOWrapper:  # logging's own hook: the current file's stream
        stream = open_private(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors
        )
        return cast(io.TextIOWrapper, stream)  # a text mode: open() made a TextIOWrapper


def setup_logging(log_dir: Path, *, debug: bool = False, console: bool = True) -> Path:
    """Install the file (and console) handlers on the root logger; return the file's path."""
    private_dir(log_dir)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()

    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(_mark(file_handler))
    if console and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG if debug else logging.WARNING)
        root.addHandler(_mark(stream))
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # httpcore's DEBUG is a line per socket operation: never useful to a dispatcher's log.
    logging.getLogger("httpcore").setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.INFO if debug else logging.WARNING)
    logging.captureWarnings(True)
    _install_excepthooks()
    return path


def _log_uncaught(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        return
    log.critical("uncaught exception in %s", where, exc_info=(exc_type, exc, tb))


def _install_excepthooks() -> None:
    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        _log_uncaught(exc_type, exc, tb, "the main thread")
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            name = args.thread.name if args.thread else "?"
            _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook


# --- the recent lines, in memory ------------------------------------------------------


class RecentLog(logging.Handler):
    """The last ``capacity`` log lines, formatted and masked, in memory."""

    def __init__(self, capacity: int = RING_SIZE) -> None:
        super().__init__(logging.INFO)
        self.addFilter(RedactingFilter())
        self.setFormatter(logging.Formatter(FORMAT))
        self._lines: deque[str] = deque(maxlen=capacity)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:
            return
        with self._guard:
            self._lines.extend(text.splitlines()[:40])  # a long traceback: its head

    def lines(self, count: int = RING_SIZE) -> list[str]:
        with self._guard:
            return list(self._lines)[-count:]


_recent: RecentLog | None = None


def install_recent_log() -> RecentLog:
    """Keep the recent log lines in memory (idempotent)."""
    global _recent
    if _recent is None:
        _recent = RecentLog()
        logging.getLogger().addHandler(_recent)
    return _recent


def recent_log() -> RecentLog | None:
    return _recent


def asyncio_exception_handler(loop: object, context: dict[str, object]) -> None:
    """For ``loop.set_exception_handler``: errors nobody awaited go to the log."""
    exc = context.get("exception")
    message = str(context.get("message") or "asyncio error")
    if isinstance(exc, BaseException):
        log.error("%s", message, exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.error("%s: %s", message, {k: v for k, v in context.items() if k != "message"})


def install_qt_message_handler() -> None:
    """Route qDebug/qWarning/... into the ``qt`` logger (imports Qt: call after step 3)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        category = getattr(context, "category", None) or "default"
        level = levels.get(mode, logging.WARNING)
        if level == logging.WARNING and _harmless(message):
            level = logging.DEBUG
        qt_log.log(level, "[%s] %s", category, message)

    qInstallMessageHandler(handler)


# Noise that offscreen/headless Qt and Chromium print on every start
# (docs/stack-pitfalls.md, "QtWebEngine without a display").
_HARMLESS = (
    "QRhiGles2",
    "Vulkan",
    "D-Bus",
    "dbus",
    "propagateSizeHints",
    "This plugin does not support",
)


def _harmless(message: str) -> bool:
    return any(part in message for part in _HARMLESS)

"""Unexpected errors: one handler for all of them, a report in the log and a dialog.

:func:`install_crash_handling` (called once at start-up by :mod:`movizor_desktop.app`)
routes every error nobody handled to one :class:`CrashHandler`:

* ``sys.excepthook`` — the main thread, including exceptions raised in Qt slots and
  ``QTimer`` callbacks (PySide prints them through the hook);
* ``threading.excepthook`` — worker threads;
* the asyncio loop's exception handler — futures and callbacks nobody awaited;
* background tasks of :class:`~movizor_desktop.ui.tasks.TaskGroup` and window actions
  that failed unexpectedly (their ``unhandled error`` / ``unexpected error`` log records).

The handler writes a report (version, platform, where, the traceback) to the log, with
every secret masked (:func:`movizor_desktop.api.redact.redact`; the log handlers mask
again), and shows it in a :class:`CrashDialog`: not modal, one at a time, the same error
again only counts up ("happened 3 times"), a different one is appended. A read-only text
box and **Copy report** let the dispatcher send it to support. The app keeps running.

Reports from other threads reach the dialog through a queued signal, on the Qt thread.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, clock
from ..api.redact import redact
from ..logs import install_recent_log

log = logging.getLogger("movizor_desktop.crash")

# Log records of handled-by-logging errors that are really crashes (see the docstring).
ROUTED_LOGGERS = ("movizor_desktop.ui.tasks", "movizor_desktop.ui.controller")
MAX_REPORTS = 10  # distinct reports kept in one dialog; later ones only count


def versions() -> str:
    """One line: the app, Python, Qt and PySide versions and the platform."""
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return (
        f"Movizor Desktop {__version__} · Python {platform.python_version()} · "
        f"Qt {qVersion()} · PySide6 {pyside} · {platform.platform()}"
    )


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str
) -> str:
    """The report of one error, secrets masked."""
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    text = (
        f"Movizor Desktop error report\n"
        f"Time: {clock.pc_now().isoformat(timespec='seconds')}\n"
        f"Where: {where}\n"
        f"Versions: {versions()}\n\n{trace}"
    )
    return redact(text)


def _signature(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """What makes two errors "the same": type, message and the place raised."""
    frames = traceback.extract_tb(tb)[-1:] if tb is not None else []
    last = f"{frames[0].filename}:{frames[0].lineno}" if frames else ""
    return f"{exc_type.__module__}.{exc_type.__qualname__}@{last}: {redact(str(exc))[:200]}"


class CrashDialog(QDialog):
    """The report(s) in a read-only box, with Copy report and Close. Not modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(720, 480)
        self.intro = QLabel(
            self.tr(
                "Something went wrong inside Movizor Desktop. The app keeps running; your data "
                "on Movizor is not affected. Please send this report to support: it contains "
                "no API key."
            )
        )
        self.intro.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("crash_count")
        self.count_label.hide()
        self.text = QPlainTextEdit()
        self.text.setObjectName("crash_report")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copy_report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.count_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._signatures: dict[str, int] = {}
        self._reports: list[str] = []

    @property
    def occurrences(self) -> int:
        return sum(self._signatures.values())

    def add(self, signature: str, report: str) -> None:
        """A report; the same error again only counts."""
        if signature in self._signatures:
            self._signatures[signature] += 1
        else:
            self._signatures[signature] = 1
            if len(self._reports) < MAX_REPORTS:
                self._reports.append(report)
                self.text.setPlainText("\n\n".join(self._reports))
        total = self.occurrences
        self.count_label.setVisible(total > 1)
        self.count_label.setText(self.tr("Times this happened: %n.", "", total))

    def report(self) -> str:
        return self.text.toPlainText()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Copied"))


class CrashHandler(QObject):
    """Where every unhandled error goes (see the module docstring)."""

    reported = Signal(str, str)  # signature, report — queued onto the Qt thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self.dialog: CrashDialog | None = None
        self.count = 0
        self._previous: dict[str, Any] = {}
        self._routes: list[tuple[logging.Logger, logging.Handler]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # --- the one entry point -----------------------------------------------------------------

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> str:
        """Log the report (masked) and show it; safe to call from any thread."""
        try:
            text = format_report(exc_type, exc, tb, where)
        except Exception:  # never fail while reporting a failure
            text = redact(f"{exc_type.__name__} in {where} (the report could not be built)")
        self.count += 1
        log.error("unexpected error in %s; report follows\n%s", where, text)
        self.reported.emit(_signature(exc_type, exc, tb), text)
        return text

    def _show(self, signature: str, report: str) -> None:
        try:
            dialog = self.dialog
            if dialog is None:
                dialog = CrashDialog(self.window)
                dialog.finished.connect(self._closed)
                self.dialog = dialog
            dialog.add(signature, report)
            if not dialog.isVisible():
                dialog.show()
            dialog.raise_()
        except Exception:  # a broken dialog must not loop back into the hook
            log.exception("the error dialog could not be shown")

    def _closed(self, _code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # --- hooks ---------------------------------------------------------------------------------

    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            previous = self._previous.get("excepthook") or sys.__excepthook__
            previous(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, "the main thread")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """For ``loop.set_exception_handler``: errors nobody awaited."""
        exc = context.get("exception")
        if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError):
            where = str(context.get("message") or "an asyncio callback")
            self.report(type(exc), exc, exc.__traceback__, f"asyncio: {where}")
            return
        previous = self._previous.get("loop_handler")
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> CrashHandler:
        """Take over the hooks (remembering the previous ones for :meth:`uninstall`)."""
        self._previous["excepthook"] = sys.excepthook
        self._previous["thread_hook"] = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        if loop is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
        if loop is not None:
            self._loop = loop
            self._previous["loop_handler"] = loop.get_exception_handler()
            loop.set_exception_handler(self.loop_handler)
        for name in ROUTED_LOGGERS:
            logger = logging.getLogger(name)
            handler = _RouteHandler(self)
            logger.addHandler(handler)
            self._routes.append((logger, handler))
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous.get("excepthook") or sys.__excepthook__
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous.get("thread_hook") or threading.__excepthook__
        if self._loop is not None and self._loop.get_exception_handler() == self.loop_handler:
            self._loop.set_exception_handler(self._previous.get("loop_handler"))
        for logger, handler in self._routes:
            logger.removeHandler(handler)
        self._routes.clear()
        if self.dialog is not None:
            self.dialog.close()


class _RouteHandler(logging.Handler):
    """Turns an ERROR record carrying an exception into a crash report."""

    def __init__(self, crash: CrashHandler) -> None:
        super().__init__(logging.ERROR)
        self.crash = crash

    def emit(self, record: logging.LogRecord) -> None:
        info = record.exc_info
        if not info or info[1] is None:
            return
        exc_type, exc, tb = info
        if exc_type is None:
            return
        where = "a background task" if "tasks" in record.name else "a window action"
        try:  # the record itself is in the log already, masked by the log's filters
            report = format_report(exc_type, exc, tb, where)
        except Exception:
            report = redact(f"{exc_type.__name__} in {where}")
        self.crash.count += 1
        self.crash.reported.emit(_signature(exc_type, exc, tb), report)


_handler: CrashHandler | None = None


def crash_handler() -> CrashHandler | None:
    """The handler installed by :func:`install_crash_handling`, if any."""
    return _handler


def install_crash_handling(
    window: QWidget | None = None, *, loop: asyncio.AbstractEventLoop | None = None
) -> CrashHandler:
    """Route every unhandled error to one :class:`CrashHandler` (idempotent).

    ``window`` becomes the dialog's parent (the window's diagnostics feature gives it
    later: :class:`~movizor_desktop.ui.features.diagnostics.Diagnostics`).
    """
    global _handler
    if _handler is None:
        install_recent_log()
        _handler = CrashHandler(QGuiApplication.instance())
        _handler.install(loop)
    if window is not None:
        _handler.window = window
    return _handler


def uninstall_crash_handling() -> None:
    """Give the hooks back (tests)."""
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None


__all__ = [
    "CrashDialog",
    "CrashHandler",
    "crash_handler",
    "format_report",
    "install_crash_handling",
    "uninstall_crash_handling",
    "versions",
]

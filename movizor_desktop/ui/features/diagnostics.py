"""Help → Copy diagnostics: what support needs to know, on the clipboard, without the key.

:class:`Diagnostics` (a feature) adds the action to the
Help menu, makes the window the parent of the error dialog (:mod:`..crash`) and tells the
dispatcher in the status bar when the session's local cache was found damaged and rebuilt
(``Cache.recovered``: the old file is kept beside it for support). The text
holds the app, platform, Python, Qt and PySide versions, the keyring backend, the
connection state, the request budget of the hour (used / limit, from the request
governor), the proxy mode, where certificates are checked and the last network error
(:func:`movizor_desktop.api.net.diagnostics_lines`: never a password), the profile's name
(never its key) and the last 50 log lines.

The log lines come from :class:`~movizor_desktop.logs.RecentLog`, a small in-memory ring
of the formatted records installed on the root logger at start-up
(:func:`~movizor_desktop.logs.install_recent_log`), so copying
needs no disk I/O on the Qt thread. Every line is masked like the log file itself, and
the whole text goes through :func:`~movizor_desktop.api.redact.redact` once more.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from ...api.redact import redact
from ...logs import recent_log
from ..crash import crash_handler
from ..shell import Feature, Shell
from ..statusbar import WARNING

if TYPE_CHECKING:
    from ..session import Session

log = logging.getLogger(__name__)

LOG_LINES = 50  # of the recent log, in the copied text


def _keyring_backend() -> str:
    try:
        from ...store import SecretStore

        return SecretStore().backend_name
    except Exception as exc:  # diagnostics must never fail
        return f"unknown ({type(exc).__name__})"


def _network_lines() -> list[str]:
    try:
        from ...api.net import diagnostics_lines

        return diagnostics_lines()
    except Exception as exc:  # diagnostics must never fail
        return [f"Network: unknown ({type(exc).__name__})"]


def diagnostics_text(session: Session | None) -> str:
    """The diagnostics of the app showing ``session`` as plain text, secrets masked."""
    from ..crash import versions

    lines = [
        "Movizor Desktop diagnostics",
        versions(),
        f"Keyring backend: {_keyring_backend()}",
        *_network_lines(),
    ]
    if session is None:
        lines.append("Profile: none (not connected)")
    else:
        budget = session.client.budget
        status = session.engine.status
        cache = session.cache
        lines += [
            f"Profile: {session.profile.name}{' (demo)' if session.demo else ''}",
            "Cache: "
            + (
                "none"
                if cache is None
                else "rebuilt at start-up (damaged file "
                f"kept as {cache.recovered_from.name if cache.recovered_from else '?'})"
                if cache.recovered
                else "ok"
            ),
            f"Server: {session.profile.base_url} project {session.profile.project}",
            f"Connection: {status.state}"
            + (
                f", offline since {status.offline_since.isoformat()}"
                if status.offline_since
                else ""
            )
            + (f", last error: {status.error}" if status.error else ""),
            f"Request budget this hour: {budget.used} used of {budget.limit} "
            f"({budget.in_flight} in flight)",
            f"Subscribers: {len(session.engine.fleet)}; sync every {status.interval:.0f} s",
        ]
    recent = recent_log()
    log_lines = recent.lines(LOG_LINES) if recent is not None else []
    lines += ["", f"Last {len(log_lines)} log lines:", *log_lines]
    return redact("\n".join(lines))


class Diagnostics(Feature):
    """The Help → Copy diagnostics action of one window; the crash dialog's parent becomes
    the window."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        shell.help_menu.addSeparator()
        self.action = self.new_action(
            "copy_diagnostics", "Ctrl+Shift+F12", self.copy, menu=shell.help_menu
        )
        shell.session_changed.connect(self._session_changed)
        handler = crash_handler()
        if handler is not None:
            handler.window = shell.widget

    def retranslate(self) -> None:
        self.action.setText(self.tr("Copy &diagnostics"))
        self.action.setStatusTip(
            self.tr(
                "Copy the app's versions, connection state and recent log (no API key) for support."
            )
        )

    def _session_changed(self, session: Session | None) -> None:
        cache = session.cache if session is not None else None
        if session is None or cache is None or not cache.recovered:
            return
        kept = cache.recovered_from.name if cache.recovered_from is not None else ""
        log.warning(
            "the cache of %s was damaged and has been rebuilt (old file: %s)",
            session.profile.name,
            kept,
        )
        self.shell.statusbar.show_message(
            self.tr(
                "The local cache was damaged and has been rebuilt; the list fills again from "
                "Movizor. The damaged file was kept as {name}."
            ).format(name=kept),
            WARNING,
            0,
        )

    def copy(self) -> str:
        text = diagnostics_text(self.shell.session)
        QGuiApplication.clipboard().setText(text)
        self.shell.statusbar.show_message(self.tr("Diagnostics copied to the clipboard."))
        return text


__all__ = ["Diagnostics", "diagnostics_text"]

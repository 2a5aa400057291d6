"""The base of the dialogs that save settings on this computer: Preferences, desktop alerts.

Saving is one flow for all of them: the form is read (:meth:`SettingsDialog.form_settings`
shows what is wrong next to its field and returns None), the writing runs in a worker
thread (the disk never blocks the window), the dialog is busy meanwhile (its buttons
disabled, Escape waits: a save takes milliseconds), and then either ``saved`` is emitted
with what was written and the dialog closes, or the banner says why nothing was written
and the dialog stays open with everything as typed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from ..tasks import TaskGroup
from .widgets import Banner

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    saved = Signal(object)  # what was written

    def __init__(self, parent: QWidget | None, *, tasks: str) -> None:
        super().__init__(parent)
        self.busy = False
        self.tasks = TaskGroup(tasks)
        self.banner = Banner(self)

    # --- what a subclass says and does ----------------------------------------------------

    def form_settings(self) -> Any | None:
        """What the form says, or None after showing why it cannot be saved."""
        raise NotImplementedError

    def writer(self, settings: Any) -> Callable[[], Any]:
        """A blocking function (run in a worker thread) that writes ``settings`` and returns
        what was written. Read every widget here, on the Qt thread, not in it."""
        raise NotImplementedError

    def failure_text(self, error: str) -> str:
        """The banner when nothing could be written ("… {error}" filled in)."""
        raise NotImplementedError

    def busy_widgets(self) -> list[QWidget]:
        """What is disabled while a save runs."""
        return []

    # --- the flow -------------------------------------------------------------------------

    def save(self) -> None:
        if self.busy:
            return
        settings = self.form_settings()
        if settings is None:
            return
        self.banner.set_message(None)
        self._set_busy(True)
        self.tasks.spawn(self._save(self.writer(settings)), slot="save")

    async def _save(self, write: Callable[[], Any]) -> None:
        try:
            written = await asyncio.to_thread(write)
        except OSError as exc:
            log.warning(
                "%s: the settings could not be saved: %s", self.objectName(), type(exc).__name__
            )
            self._set_busy(False)
            self.banner.set_message(self.failure_text(exc.strerror or type(exc).__name__))
            return
        self._set_busy(False)
        self.settings = written
        self.saved.emit(written)
        self.accept()

    def reject(self) -> None:
        if not self.busy:  # a save in flight finishes first (it takes milliseconds)
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in self.busy_widgets():
            widget.setEnabled(not busy)


__all__ = ["SettingsDialog"]

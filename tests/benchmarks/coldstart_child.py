"""Child process of bench_startup: the real ``movizor-desktop --profile bench`` start-up.

It runs :func:`movizor_desktop.app.main` unchanged, with one addition: the main window
factory is wrapped so that the first paint of the subscriber table showing every cached
row prints ``PAINTED <rows>`` and ends the process. The parent measures the time from
spawning this process to that line: interpreter start, imports, QApplication, window,
cache load and first paint, all included.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject

from movizor_desktop import app

EXPECTED = int(os.environ["MOVIZOR_BENCH_ROWS"])


class FirstPaint(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.window.model.rowCount() >= EXPECTED:
            print(f"PAINTED {self.window.model.rowCount()}", flush=True)
            os._exit(0)
        return False


original = app._main_window_factory


def factory(settings, lang):
    window = original(settings, lang)
    window.subscribers.table.viewport().installEventFilter(FirstPaint(window))
    return window


app._main_window_factory = factory
sys.exit(app.main(["--profile", "bench", "-platform", "offscreen"]))

"""Child process of bench_startup: the real ``movizor-desktop --profile bench`` start-up.

It runs :func:`movizor_desktop.app.main` unchanged, with one addition: the main window
factory is wrapped so that the child reports, on stdout, as each moment comes:

* ``PAINTED <rows>`` when the subscriber table has *finished* its first paint showing
  every cached row: the paint event is handed to the table here, inside the event
  filter, and the line is printed once it returns (not when the event is delivered);
* ``MENUS`` when the workflow features (alerts, exports, printing, import, client links)
  are built with their menus, which the app does once the list is on screen;
* ``MAP`` when the map pane's page is loaded and its script answers (``MapView.ready``);
* ``USABLE`` once both are there; then the process ends.

The parent measures the time from spawning this process to each line: interpreter start,
imports, QApplication, window, cache load, paint, and then the lazily built parts.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject

from movizor_desktop import app
from movizor_desktop.ui.features import WORKFLOWS

EXPECTED = int(os.environ["MOVIZOR_BENCH_ROWS"])


def say(line: str) -> None:
    print(line, flush=True)


class Moments(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.table = window.subscribers.table
        self.menus = self.map = False
        self.table.viewport().installEventFilter(self)
        start = window.features.start

        def start_stage(stage: str) -> list:
            built = start(stage)
            if stage == WORKFLOWS and not self.menus:
                self.menus = True
                say("MENUS")
                self.check()
            return built

        window.features.start = start_stage
        window.pane_added.connect(self.pane_added)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.window.model.rowCount() >= EXPECTED:
            watched.removeEventFilter(self)
            self.table.viewportEvent(event)  # the paint itself, as the scroll area would
            say(f"PAINTED {self.window.model.rowCount()}")
            return True  # painted: the scroll area's own filter must not paint again
        return False

    def pane_added(self, widget) -> None:
        view = getattr(widget, "view", None)
        if view is None:
            return
        if view.is_ready:
            self.map_ready()
        else:
            view.ready.connect(self.map_ready)

    def map_ready(self) -> None:
        if not self.map:
            self.map = True
            say("MAP")
            self.check()

    def check(self) -> None:
        if self.menus and self.map:
            say("USABLE")
            os._exit(0)


original = app._main_window_factory


def factory(settings, lang):
    window = original(settings, lang)
    window._bench_moments = Moments(window)
    return window


app._main_window_factory = factory
sys.exit(app.main(["--profile", "bench", "-platform", "offscreen"]))

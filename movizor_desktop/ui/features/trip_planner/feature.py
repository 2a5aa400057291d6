"""Tools → *Plan a trip…* (Ctrl+Shift+P): opens the planning workspace, or raises it.

One :class:`~.window.PlanWindow` per main window, built on first use and kept (closing
it hides it with the plan as it was). It follows the window: the fleet's changes replan
and re-rank (at most every 300 ms), a new session refreshes the trucks, the language
retranslates it, and the map is added once the main window's map stack is loaded
(:attr:`~movizor_desktop.ui.shell.Shell.map_attached`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from .... import clock
from ....store import AppPaths
from ....store.plan_templates import PlanTemplates
from ...shell import Feature, MapAccess, Shell

if TYPE_CHECKING:
    from .window import PlanWindow

FLEET_DEBOUNCE_MS = 300


class TripPlanner(Feature):
    def __init__(self, shell: Shell, paths: AppPaths | None = None) -> None:
        super().__init__(shell)
        self.paths = paths or AppPaths()
        self.window: PlanWindow | None = None
        self.action = self.new_action(
            "plan_trip", "Ctrl+Shift+P", self.open_window, menu=shell.tools_menu
        )
        self._fleet = QTimer(self, singleShot=True, interval=FLEET_DEBOUNCE_MS)
        self._fleet.timeout.connect(self._fleet_changed)
        shell.changes_applied.connect(lambda *_: self._fleet.start())
        shell.session_changed.connect(lambda *_: self._fleet.start())
        shell.map_attached.connect(self._map_attached)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Plan a trip…"))
        self.action.setStatusTip(
            self.tr("Plan a trip: arrivals with the drivers' rests, and which truck can make it")
        )
        if self.window is not None:
            self.window.retranslate()

    def _rows(self) -> list:
        return self.shell.model.rows()

    def open_window(self) -> PlanWindow:
        """Show the workspace (built on first use), raised and active."""
        if self.window is None:
            from .window import PlanWindow

            shell = self.shell
            window = PlanWindow(
                settings=shell.settings,
                session=lambda: shell.session,
                rows=self._rows,
                now=clock.now,
                lang=lambda: shell.lang,
                templates=PlanTemplates(self.paths),
                parent=shell.widget,
            )
            if shell.controller is not None:
                window.ranking.poll_interval = shell.controller.poll_interval
                window.ranking.position_timeout = shell.controller.position_timeout
            self.window = window
            if shell.map is not None:
                window.attach_map(shell.map.route_map_factory())
        else:
            self.window.apply_settings(self.shell.settings)
            self.window.refresh_fleet()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def _map_attached(self, access: MapAccess) -> None:
        if self.window is not None:
            self.window.attach_map(access.route_map_factory())

    def _fleet_changed(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.refresh_fleet()

    def shutdown(self) -> None:
        self._fleet.stop()
        if self.window is not None:
            self.window.shutdown()
            self.window.close()

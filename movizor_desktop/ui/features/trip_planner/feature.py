"""Tools → *Plan a trip…* (Ctrl+Shift+P): opens the planning workspace, or raises it.

One :class:`~.window.PlanWindow` per main window, built on first use and kept (closing
it hides it with the plan as it was). It follows the window: the fleet's changes replan
and re-rank (at most every 300 ms), a new session refreshes the trucks, the language
retranslates it, and the map is added once the main window's map stack is loaded
(:attr:`~movizor_desktop.ui.shell.Shell.map_attached`). Its size, place and splitters are
remembered with the window's layout, per profile (a part of the layout memory).
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer

from .... import clock
from ....store import AppPaths
from ....store.plan_templates import PlanTemplates
from ...shell import Feature, MapAccess, Shell

if TYPE_CHECKING:
    from ....fleet import FleetRow
    from .window import PlanWindow

FLEET_DEBOUNCE_MS = 300
PART = "trip_planner"  # its part of the window's layout memory


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: Any) -> QByteArray | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None


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

    def _rows(self) -> list[FleetRow]:
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
            # the layout memory gives the profile's part now (and on a profile switch)
            shell.layout_memory.register_part(PART, self.capture, self.restore)
            window.installEventFilter(self)
            window.splitter.splitterMoved.connect(lambda *_: shell.layout_memory.note_change())
            window.right.splitterMoved.connect(lambda *_: shell.layout_memory.note_change())
            if shell.map is not None:
                window.attach_map(shell.map.route_map_factory())
        else:
            self.window.apply_settings(self.shell.settings)
            self.window.refresh_fleet()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    # --- its layout -------------------------------------------------------------------------

    def capture(self) -> dict[str, Any]:
        window = self.window
        if window is None:
            return {}
        return {
            "geometry": _encode(window.saveGeometry()),
            "splitter": _encode(window.splitter.saveState()),
            "right": _encode(window.right.saveState()),
        }

    def restore(self, part: dict[str, Any]) -> None:
        """The profile's size, place and splitters of the window."""
        window = self.window
        if window is None:
            return
        geometry = _decode(part.get("geometry"))
        if geometry is not None:
            window.restoreGeometry(geometry)
        splitter, right = _decode(part.get("splitter")), _decode(part.get("right"))
        if splitter is not None and window.splitter.restoreState(splitter):
            window.sized = True
        if right is not None:
            window.right.restoreState(right)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Hide, QEvent.Type.Resize):
            self.shell.layout_memory.note_change()
        return False

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

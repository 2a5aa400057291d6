"""The map pane in the main window, wired both ways; the window's :class:`~..shell.MapAccess`.

* Fleet changes the window applied go to the map as one batch (``MapPanel.apply_changes``).
* Selecting one row pans the map to it and shows its route; clicking a marker selects the
  row.
* A session gives the map its track loader (``client.pos_list``, paged by the panel).
* The list's context menu gets **Show on map** (Ctrl+M, also a double click on a row) and
  **Track** with its presets (:mod:`.actions`); the map can live in a window of its own on
  a second screen (:mod:`.detached`).
* A requested position that arrives rings its marker (``flash``).
* What other features may ask of the map (:class:`~..shell.MapAccess`): centre on a
  subscriber, the track period shown, a picture of a period's track (the trip report),
  new tile settings, route-editor maps of their own (the same page and profile, a second
  view).

The window itself knows nothing of maps (its tests need no web engine): this is the
``MAP`` stage of the features (:mod:`movizor_desktop.ui.features`), built once the app
has imported the map's modules in a worker thread (:func:`preload`). Without QtWebEngine
the feature is not built and the window works without a map.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from ....fleet import ChangeSet
from ...shell import Feature, Shell
from .actions import MapActions
from .detached import MapWindow

if TYPE_CHECKING:
    from ....store import AppSettings
    from ...map.panel import MapPanel

log = logging.getLogger(__name__)
SNAPSHOT_WAIT_S = 8.0  # for the track of a trip report to be drawn


class MapLink(Feature):
    def __init__(self, shell: Shell, panel: MapPanel | None = None) -> None:
        super().__init__(shell)
        if panel is None:
            from ...map.panel import MapPanel

            panel = MapPanel(shell.settings, parent=shell.widget)
        self.panel = panel
        self._fitted = False  # the first fleet of a session frames the map
        shell.add_map_pane(panel)
        panel.marker_clicked.connect(shell.select_subscriber)
        shell.changes_applied.connect(self._applied)
        shell.subscribers.selection_changed.connect(self._selected)
        shell.session_changed.connect(self._session_changed)
        self.detach = MapWindow(shell, panel)
        self.actions = MapActions(
            shell, panel, show_on_map=self.show_phone, raise_map=self.detach.raise_map
        )
        shell.controller.position_arrived.connect(self.flash)
        self._session_changed(shell.session)
        shell.attach_map(self)

    def retranslate(self) -> None:
        self.detach.retranslate()
        self.actions.retranslate()

    def _session_changed(self, session: Any) -> None:
        loader = None
        if session is not None:
            loader = session.client.pos_list
        self.panel.set_loader(loader)
        rows = self.shell.model.rows()
        self.panel.apply_changes(rows, full=True)
        self.panel.select(None)
        self._fitted = False
        self._fit_once(bool(rows))

    def _applied(self, changes: ChangeSet) -> None:
        if changes.added or changes.changed or changes.removed:
            self.panel.apply_changes(changes)
            self._fit_once(bool(changes.added))
        current = self.shell.details.current_phone
        if current is not None and any(r.phone == current for r in changes.changed):
            self.panel.select(current)  # its route or forecast may have changed

    def _fit_once(self, have_rows: bool) -> None:
        if have_rows and not self._fitted:
            self._fitted = True
            self.panel.fit()

    def _selected(self, phones: list[str]) -> None:
        self.panel.select(phones[0] if len(phones) == 1 else None)

    def flash(self, phone: str) -> None:
        self.panel.flash(phone)

    # --- MapAccess ---------------------------------------------------------------------------

    def show_phone(self, phone: str) -> None:
        """Centre the map on a subscriber (the map's window comes up when detached)."""
        self.detach.raise_map()
        self.panel.show_phone(phone)

    def track_period(self) -> tuple[datetime, datetime] | None:
        return self.panel.period_bar.period()

    def route_map_factory(self) -> Callable[[], Any]:
        """A factory of route-editor maps with the window's tile settings (as they are
        when the map is made)."""
        settings = self.shell.settings

        def make() -> Any:
            from ...map.route_map import RouteMap

            return RouteMap(settings)

        return make

    def apply_settings(self, settings: AppSettings) -> None:
        self.panel.apply_settings(settings)

    async def snapshot_track(
        self, phone: str, start: datetime, end: datetime, timeout: float = SNAPSHOT_WAIT_S
    ) -> QImage | None:
        """Show the period's track on the map and grab it; None when the map is not on screen."""
        panel = self.panel
        if not panel.isVisible() or panel.view.width() < 50:
            return None
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def loaded(summary: Any) -> None:
            if getattr(summary, "phone", None) == phone and not done.done():
                done.set_result(True)

        panel.track_loaded.connect(loaded)
        try:
            panel.load_track(phone, start, end)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):  # not wait_for: see SyncEngine._sleep
                    await done
            await asyncio.sleep(0.3)  # the fitted view paints its tiles and lines
        finally:
            with contextlib.suppress(RuntimeError, TypeError):
                panel.track_loaded.disconnect(loaded)
        pixmap = panel.view.grab()
        return None if pixmap.isNull() else pixmap.toImage()

    def shutdown(self) -> None:
        """Delete the web page before its profile (before the QApplication goes)."""
        self.detach.close_window()
        self.panel.shutdown()


def preload() -> None:
    """Import the map's modules (folium, QtWebEngine glue); safe in a worker thread."""
    import importlib

    importlib.import_module("movizor_desktop.ui.map.panel")


__all__ = ["MapLink", "preload"]

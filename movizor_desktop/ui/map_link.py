"""Wires the map pane into the main window, both ways.

* Fleet changes the window applied go to the map as one batch (``MapPanel.apply_changes``).
* Selecting one row pans the map to it and shows its route; clicking a marker selects the
  row.
* A session gives the map its track loader (``client.pos_list``, paged by the panel).
* The list's context menu gets **Show on map** (Ctrl+M, also a double click on a row) and
  **Track** with its presets (:mod:`.map_actions`); the map can live in a window of its
  own on a second screen (:mod:`.map_window`).
* A requested position that arrives rings its marker (``flash``).
* ``route_map_factory()`` gives the subscriber dialog's route page a map of its own (the
  same page and profile, a second view).

The window itself knows nothing of maps (its tests need no web engine); the app attaches
the map with :func:`attach_map`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ..fleet import ChangeSet
from .map_actions import MapActions
from .map_window import MapWindow

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .map.panel import MapPanel

log = logging.getLogger(__name__)


class MapLink(QObject):
    def __init__(self, window: MainWindow, panel: MapPanel) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self._fitted = False  # the first fleet of a session frames the map
        window.add_map_pane(panel)
        panel.marker_clicked.connect(window.select_subscriber)
        window.feed.done.connect(self._applied)
        window.subscribers.selection_changed.connect(self._selected)
        window.session_changed.connect(self._session_changed)
        self.detach = MapWindow(window, panel)
        self.actions = MapActions(window, panel, show_on_map=self.show_phone,
                                  raise_map=self.detach.raise_map)
        window.controller.position_arrived.connect(self.flash)
        self._session_changed(window.session)

    def _session_changed(self, session: Any) -> None:
        loader = None
        if session is not None:
            loader = session.client.pos_list
        self.panel.set_loader(loader)
        rows = self.window.model.rows()
        self.panel.apply_changes(rows, full=True)
        self.panel.select(None)
        self._fitted = False
        self._fit_once(bool(rows))

    def _applied(self, changes: ChangeSet) -> None:
        if changes.added or changes.changed or changes.removed:
            self.panel.apply_changes(changes)
            self._fit_once(bool(changes.added))
        current = self.window.details.current_phone
        if current is not None and any(r.phone == current for r in changes.changed):
            self.panel.select(current)  # its route or forecast may have changed

    def _fit_once(self, have_rows: bool) -> None:
        if have_rows and not self._fitted:
            self._fitted = True
            self.panel.fit()

    def _selected(self, phones: list[str]) -> None:
        self.panel.select(phones[0] if len(phones) == 1 else None)

    def show_phone(self, phone: str) -> None:
        """Centre the map on a subscriber (the map's window comes up when detached)."""
        self.detach.raise_map()
        self.panel.show_phone(phone)

    def flash(self, phone: str) -> None:
        self.panel.flash(phone)

    def route_map_factory(self) -> Callable[[], Any]:
        """A factory of route-editor maps with the window's tile settings (as they are
        when the map is made)."""

        def make() -> Any:
            from .map.route_map import RouteMap

            return RouteMap(self.window.settings)

        return make

    def shutdown(self) -> None:
        """Delete the web page before its profile (before the QApplication goes)."""
        self.detach.close_window()
        self.panel.shutdown()


def preload() -> None:
    """Import the map's modules (folium, QtWebEngine glue); safe in a worker thread."""
    import importlib

    importlib.import_module("movizor_desktop.ui.map.panel")


def attach_map(window: MainWindow) -> MapLink | None:
    """Add the map pane to ``window``; without QtWebEngine the window works without it."""
    try:
        from .map.panel import MapPanel
    except ImportError:
        log.exception("QtWebEngine is not available; the window runs without the map")
        return None
    link = MapLink(window, MapPanel(window.settings, parent=window))
    window.map_link = link
    return link

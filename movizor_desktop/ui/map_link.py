"""Wires the map pane into the main window, both ways.

* Fleet changes the window applied go to the map as one batch (``MapPanel.apply_changes``).
* Selecting one row pans the map to it and shows its route; clicking a marker selects the
  row.
* A session gives the map its track loader (``client.pos_list``, paged by the panel).
* ``pick_point(callback)`` is the hook the route editor uses: it puts the map in pick
  mode and hands the next clicked point (lat, lon, place name) to ``callback``.

The window itself knows nothing of maps (its tests need no web engine); the app attaches
the map with :func:`attach_map`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ..sync.state import ChangeSet

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .map.panel import MapPanel

log = logging.getLogger(__name__)
PickCallback = Callable[[float, float, str], None]


class MapLink(QObject):
    def __init__(self, window: MainWindow, panel: MapPanel) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self._pick_callback: PickCallback | None = None
        self._pick_cancel: Callable[[], None] | None = None
        self._fitted = False  # the first fleet of a session frames the map
        window.add_map_pane(panel)
        panel.marker_clicked.connect(window.select_subscriber)
        panel.point_picked.connect(self._picked)
        panel.pick_cancelled.connect(self._pick_cancelled)
        window.feed.done.connect(self._applied)
        window.subscribers.selection_changed.connect(self._selected)
        window.session_changed.connect(self._session_changed)
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

    def pick_point(self, callback: PickCallback,
                   on_cancel: Callable[[], None] | None = None) -> None:
        """Pick mode on the map; the next click goes to ``callback`` (Esc: ``on_cancel``)."""
        self._pick_callback, self._pick_cancel = callback, on_cancel
        self.panel.start_pick()

    def picker(self, callback: Any) -> Callable[[], None]:
        """The route editor's ``map_picker``: pick one point for ``callback``.

        ``callback(lat, lon, place)`` gets the click; ``callback.cancel()`` (when it has
        one) is told about Esc. Returns the function that stops picking.
        """
        self.pick_point(callback, on_cancel=getattr(callback, "cancel", None))
        return self.panel.cancel_pick

    def _picked(self, lat: float, lon: float, place: str) -> None:
        callback, self._pick_callback, self._pick_cancel = self._pick_callback, None, None
        if callback is not None:
            callback(lat, lon, place)

    def _pick_cancelled(self) -> None:
        cancel, self._pick_callback, self._pick_cancel = self._pick_cancel, None, None
        if cancel is not None:
            cancel()

    def shutdown(self) -> None:
        """Delete the web page before its profile (before the QApplication goes)."""
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

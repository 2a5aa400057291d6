"""The one object the page talks to through QWebChannel (registered as ``bridge``).

It must be registered on the page's channel *before* the page loads (clients that connect
later are not told about it). The page calls the typed slots; Python listens to the
signals. Values arriving from the page are checked: the page is ours, but a slot must not
raise on a malformed call.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class MapBridge(QObject):
    marker_clicked = Signal(str)  # phone
    map_clicked = Signal(float, float)  # lat, lon (sent only in pick mode)
    pick_cancelled = Signal()  # Esc pressed in the page during pick mode
    tiles_failed = Signal()
    tiles_restored = Signal()
    js_ready = Signal()

    @Slot(str)
    def markerClicked(self, phone: str) -> None:
        if phone:
            self.marker_clicked.emit(str(phone))

    @Slot(float, float)
    def mapClicked(self, lat: float, lon: float) -> None:
        if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90:
            self.map_clicked.emit(float(lat), float(lon))
        else:
            log.warning("map click with bad coordinates ignored: %r, %r", lat, lon)

    @Slot()
    def pickCancelled(self) -> None:
        self.pick_cancelled.emit()

    @Slot()
    def tilesFailed(self) -> None:
        log.info("map tiles cannot be loaded; showing data only")
        self.tiles_failed.emit()

    @Slot()
    def tilesRestored(self) -> None:
        log.info("map tiles load again")
        self.tiles_restored.emit()

    @Slot()
    def jsReady(self) -> None:
        self.js_ready.emit()


class PlanBridge(MapBridge):
    """The route editor's map: also reports what is done to the plan's points."""

    point_clicked = Signal(int)  # index
    point_moved = Signal(int, float, float)  # index, lat, lon
    point_inserted = Signal(int, float, float)  # index the new point takes, lat, lon
    point_dragging = Signal(int, float, float)  # index, lat, lon (while dragged)

    @staticmethod
    def _index(index: float) -> int | None:
        if not math.isfinite(index) or index < 0 or index != int(index):
            log.warning("plan call with a bad point index ignored: %r", index)
            return None
        return int(index)

    @staticmethod
    def _where(lat: float, lon: float) -> bool:
        if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180:
            return True
        log.warning("plan call with bad coordinates ignored: %r, %r", lat, lon)
        return False

    @Slot(float)
    def planPointClicked(self, index: float) -> None:
        i = self._index(index)
        if i is not None:
            self.point_clicked.emit(i)

    @Slot(float, float, float)
    def planPointMoved(self, index: float, lat: float, lon: float) -> None:
        i = self._index(index)
        if i is not None and self._where(lat, lon):
            self.point_moved.emit(i, float(lat), float(lon))

    @Slot(float, float, float)
    def planPointInserted(self, index: float, lat: float, lon: float) -> None:
        i = self._index(index)
        if i is not None and self._where(lat, lon):
            self.point_inserted.emit(i, float(lat), float(lon))

    @Slot(float, float, float)
    def planPointDragging(self, index: float, lat: float, lon: float) -> None:
        i = self._index(index)
        if i is not None and self._where(lat, lon):
            self.point_dragging.emit(i, float(lat), float(lon))

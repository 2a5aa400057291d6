"""Remember the main window's layout per profile (geometry, splitters, columns, sort, filters).

The main window owns a :class:`LayoutMemory` (``window.layout_memory``). When the
window shows a session of a profile (``window.session_changed``) the layout saved for that
profile is restored (a profile seen for the first time keeps the window's sizes but starts
unfiltered); the layout of the profile shown before is saved first. Changes
(a splitter dragged, a column resized or moved, the sort, the search text, the status
group or tag filter) are saved 1.5 s after the last one, and once more when the window
closes. The file is tiny (a few kB) and written atomically (store.layout); the delayed
saves write it off the Qt thread (the write is fsync-ed); demo sessions save nothing, like
the rest of demo mode.

Parts of the window that keep a state of their own (the detached map's window) register a
capture and an apply function (:meth:`LayoutMemory.register_part`); their state is saved
and restored with the rest, and a profile without one gets ``apply({})`` (the default).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter

from ..store import AppPaths
from ..store.layout import Layout, load_layout, save_layout

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 1500


class LayoutMemory(QObject):
    def __init__(
        self, window: Any, paths: AppPaths | None = None, delay_ms: int = SAVE_DELAY_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths or AppPaths()
        self.profile: str | None = None
        self._restoring = False
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._save_soon)
        self.saves = 0
        self._generation = 0  # every capture's number: an older one never overwrites a newer
        self._written = 0
        self._write_lock = threading.Lock()
        self._pending: set[asyncio.Future[bool]] = set()
        self._parts: dict[
            str, tuple[Callable[[], dict[str, Any]], Callable[[dict[str, Any]], None]]
        ] = {}
        window.session_changed.connect(self._session_changed)
        window.installEventFilter(self)
        table = window.subscribers.table
        header = table.horizontalHeader()
        for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
            signal.connect(self._changed)
        window.proxy.filter_changed.connect(self._changed)
        for splitter in self.splitters():
            splitter.splitterMoved.connect(self._changed)
        self._layout: Layout | None = None  # the profile's layout, as last loaded
        window.pane_added.connect(self._pane_added)
        if window.session is not None:
            self._session_changed(window.session)

    def register_part(
        self,
        name: str,
        capture: Callable[[], dict[str, Any]],
        apply: Callable[[dict[str, Any]], None],
    ) -> None:
        """A part of the window with a state of its own; given the profile's state now
        when the profile's layout is loaded already."""
        self._parts[name] = (capture, apply)
        if self.profile is not None:
            layout = self._layout
            self._apply_part(name, layout.parts.get(name, {}) if layout else {})

    def note_change(self) -> None:
        """A registered part changed: save soon."""
        self._changed()

    def _apply_part(self, name: str, part: dict[str, Any]) -> None:
        self._restoring = True
        try:
            self._parts[name][1](part)
        except Exception:  # a part's state must never stop the window from showing
            log.exception("restoring the window part %s failed", name)
        finally:
            self._restoring = False

    def splitters(self) -> list[QSplitter]:
        """The window's named splitters (the map pane's too, when it has one)."""
        return [s for s in self.window.findChildren(QSplitter) if s.objectName()]

    # --- capture and apply ------------------------------------------------------------------

    def capture(self) -> Layout:
        window = self.window
        header = window.subscribers.table.horizontalHeader()
        proxy = window.proxy
        return Layout(
            window_geometry=bytes(window.saveGeometry().data()),
            window_state=bytes(window.saveState().data()),
            splitters={s.objectName(): bytes(s.saveState().data()) for s in self.splitters()},
            header=bytes(header.saveState().data()),
            sort_column=header.sortIndicatorSection() if header.isSortIndicatorShown() else -1,
            sort_descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            search=proxy.search,
            group=proxy.group,
            tag=proxy.tag,
            parts={name: capture() for name, (capture, _apply) in self._parts.items()},
        )

    def apply(self, layout: Layout) -> None:
        window = self.window
        self._restoring = True
        try:
            if layout.window_geometry:
                window.restoreGeometry(QByteArray(layout.window_geometry))
            if layout.window_state:
                window.restoreState(QByteArray(layout.window_state))
            for splitter in self.splitters():
                blob = layout.splitters.get(splitter.objectName())
                if blob:
                    splitter.restoreState(QByteArray(blob))
            table = window.subscribers.table
            header = table.horizontalHeader()
            if layout.header:
                header.restoreState(QByteArray(layout.header))
            column = layout.sort_column if layout.sort_column < header.count() else -1
            order = (
                Qt.SortOrder.DescendingOrder
                if layout.sort_descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(column, order)
            if column >= 0:
                table.sortByColumn(column, order)
            subscribers = window.subscribers
            if subscribers.search.text() != layout.search:
                subscribers.search.setText(layout.search)
            try:
                subscribers.set_group(layout.group)
            except ValueError:
                subscribers.set_group("all")
            subscribers.set_tag(layout.tag)
        finally:
            self._restoring = False
        for name in self._parts:
            self._apply_part(name, layout.parts.get(name, {}))
        self._timer.stop()

    # --- when -------------------------------------------------------------------------------

    def _changed(self, *args: object) -> None:
        if not self._restoring and self.profile is not None:
            self._timer.start()

    def _session_changed(self, session: Any) -> None:
        if self.profile is not None:
            self.save()
        self._layout = None
        if session is None or getattr(session, "demo", False):
            self.profile = None
            return
        self.profile = session.profile.name
        try:
            layout = load_layout(self.paths, self.profile)
        except OSError as exc:
            log.warning("cannot read the window layout: %s", exc)
            return
        if layout.is_empty():  # first time: this window's sizes, but no filter carried over
            self._restoring = True
            try:
                self.window.subscribers.search.clear()
                self.window.subscribers.set_group("all")
                self.window.subscribers.set_tag(None)
            finally:
                self._restoring = False
            for name in self._parts:
                self._apply_part(name, {})
        else:
            self._layout = layout
            self.apply(layout)

    def _pane_added(self, _widget: object) -> None:
        """The map came after the layout was applied: give the splitters their saved sizes."""
        layout = self._layout
        if layout is None or self.profile is None:
            return
        self._restoring = True
        try:
            for splitter in self.splitters():
                blob = layout.splitters.get(splitter.objectName())
                if blob:
                    splitter.restoreState(QByteArray(blob))
        finally:
            self._restoring = False

    def save(self) -> bool:
        """Write the current layout for the profile shown now (False when none or failed):
        the window closes or shows another profile."""
        self._timer.stop()
        if self.profile is None:
            return False
        self._generation += 1
        return self._write(self.profile, self.capture(), self._generation)

    def _save_soon(self) -> None:
        """The delayed save: captured here, written in a worker thread."""
        if self.profile is None:
            return
        self._generation += 1
        job = (self.profile, self.capture(), self._generation)
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a bare Qt loop): write here
            self._write(*job)
            return
        future = asyncio.ensure_future(asyncio.to_thread(self._write, *job))
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    def _write(self, profile: str, layout: Layout, generation: int) -> bool:
        with self._write_lock:
            if generation < self._written:  # a newer layout is on disk already
                return True
            try:
                save_layout(self.paths, profile, layout)
            except OSError as exc:
                log.warning("cannot save the window layout: %s", exc)
                return False
            self._written = generation
            self.saves += 1
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while a collected window is torn down, Qt still sends it events and
        # this object's attributes may already be cleared
        if watched is getattr(self, "window", None) and event.type() == QEvent.Type.Close:
            self.save()
        return False


__all__ = ["SAVE_DELAY_MS", "LayoutMemory"]

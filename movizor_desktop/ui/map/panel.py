"""The map pane: fleet markers, the selected subscriber's route and track, and playback.

The map feature (:mod:`movizor_desktop.ui.features.map`) wires it into the main window:

* ``apply_changes(rows)`` after every sync step — the whole fleet (a list of rows: markers
  of other phones go away), some rows (``full=False``) or a
  :class:`~movizor_desktop.fleet.ChangeSet`; each call is one ``runJavaScript`` batch
  of the markers that look different, updated in place, the viewport kept;
* ``select(phone)`` when the list's selection changes; ``marker_clicked(phone)`` when the
  dispatcher clicks a marker;
* ``set_loader(session.client.pos_list)`` once connected; tracks are paged with ``offset``
  (1,000 a page) in a background task, never blocking the window; switching the track off
  brings the selected truck back into view;
* ``show_phone(phone)`` centres the map on a subscriber (Show on map, a double click);
  ``flash(phone)`` rings its marker for a moment (a requested position arrived);
* ``shutdown()`` before the window goes (the page is deleted before the web profile).

Tiles that cannot load are said once, inside the map (a small note at its foot); nothing
here changes the pane's width, so the window never jumps.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...api.errors import MovizorError
from ...api.models import Position
from ...fleet import ChangeSet, FleetRow
from ...store.settings import AppSettings
from .. import i18n
from . import style
from .bridge import MapBridge
from .controls import PeriodBar
from .fleet import fleet_payload, js_call, marker_changed, route_payload
from .page import build_page
from .playback import PlaybackBar
from .tiles import MapTiles
from .track import Track, build_track, fetch_positions, track_payload
from .view import MapView

log = logging.getLogger(__name__)

Loader = Callable[..., Awaitable[list[Position]]]
CRASHES_MAX = 3  # renderer deaths within CRASH_WINDOW_S before the map gives up
CRASH_WINDOW_S = 600.0
_NOTICE = (
    "QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; "
    "border-radius: 3px; padding: 1px 6px; }}"
)


class MapPanel(QWidget):
    marker_clicked = Signal(str)  # phone: the window selects that row
    track_loaded = Signal(object)  # TrackSummary

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.bridge = MapBridge(self)
        self.view = MapView(self.bridge, settings.tile_url, self)
        self.period_bar = PeriodBar(self)
        self.playback = PlaybackBar(self)
        self.file_label = QLabel(self)  # the offline map file cannot be used
        self.file_label.setStyleSheet(_NOTICE.format(bg="#fde8e8", fg="#7a1c1c"))
        self.file_label.hide()
        self.summary_label = QLabel(self)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setContentsMargins(6, 0, 6, 2)
        self.summary_label.setWordWrap(True)  # never widens the pane
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.period_bar)
        layout.addWidget(self.file_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.playback)
        layout.addWidget(self.summary_label)
        self.playback.hide()
        self.summary_label.hide()
        # What the bars show never widens the pane (so the window never jumps): they
        # take the width the pane has.
        for bar in (self.period_bar, self.file_label, self.playback, self.summary_label):
            bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._rows: dict[str, FleetRow] = {}
        self._selected: str | None = None
        self._loader: Loader | None = None
        self._track: Track | None = None
        self._track_phone: str | None = None
        self._track_task: asyncio.Future[Any] | None = None
        self._track_token = 0
        self._closed = False
        self._crashes: list[float] = []
        self._tiles_offline = False

        self.bridge.marker_clicked.connect(self._on_marker_clicked)
        self.bridge.tiles_failed.connect(lambda: setattr(self, "_tiles_offline", True))
        self.bridge.tiles_restored.connect(lambda: setattr(self, "_tiles_offline", False))
        self.period_bar.period_changed.connect(self._on_period)
        self.period_bar.accuracy_toggled.connect(
            lambda on: self.view.call(f"mz.setTrackAccuracy({json.dumps(bool(on))})")
        )
        self.playback.position_changed.connect(self._on_playback)
        self.view.page().renderProcessTerminated.connect(self._on_renderer_gone)
        self.tiles = MapTiles(self.view, settings, self.view.shared, self)
        self.tiles.problem.connect(self._on_tile_problem)
        self.retranslate()
        self.view.show_page(build_page(settings, style.page_texts(), tiles=self.tiles.page_tiles()))

    def _on_renderer_gone(self, status, code: int) -> None:
        """The page's renderer died (crash, out of memory): reload and send it all again,
        unless it keeps dying (three times in ten minutes)."""
        if self._closed:
            return
        now = time.monotonic()
        self._crashes = [t for t in self._crashes if now - t < CRASH_WINDOW_S] + [now]
        log.warning(
            "the map's web renderer ended (%s, exit code %s)", getattr(status, "name", status), code
        )
        if len(self._crashes) >= CRASHES_MAX:
            log.error("the map's renderer keeps failing; not reloading it again")
            self._show_summary(
                self.tr("The map stopped working. Restart the application to see it again.")
            )
            return
        self.view.show_page(
            build_page(self.settings, style.page_texts(), tiles=self.tiles.page_tiles())
        )
        self._send(list(self._rows.values()), [], route=True)
        self.view.call(
            f"mz.selectPhone({json.dumps(self._selected)}, {{pan: false}});\n"
            f"mz.setTrackAccuracy({json.dumps(self.period_bar.accuracy.isChecked())})"
        )
        if self._track is not None:
            self.show_track(self._track)

    @property
    def tiles_offline(self) -> bool:
        """The page says map tiles cannot be loaded (it shows a note; data still shows)."""
        return self._tiles_offline

    def retranslate(self) -> None:
        self._on_tile_problem(self.tiles.problem_now())
        self.view.setAccessibleName(self.tr("Map"))
        self.period_bar.retranslate()
        self.playback.retranslate()
        if self._track is not None:
            self.summary_label.setText(style.summary_text(self._track.summary))

    def changeEvent(self, event: QEvent) -> None:
        # a panel whose window closed may outlive its web view (deleted with the page)
        if event.type() == QEvent.Type.LanguageChange and shiboken6.isValid(self.view):
            self.retranslate()
            self.view.call(js_call("setTexts", style.page_texts()))
        super().changeEvent(event)

    # -- fleet ---------------------------------------------------------------------------

    def apply_changes(self, rows: Iterable[FleetRow] | ChangeSet, *, full: bool = True) -> None:
        """Update the markers in one batch, sending only rows whose marker looks different.

        ``rows`` is the whole current fleet (markers of phones not in it are removed), or
        with ``full=False`` just some changed rows, or a :class:`ChangeSet` (added, changed,
        removed).
        """
        previous = self._rows
        if isinstance(rows, ChangeSet):
            incoming = [*rows.added, *rows.changed]
            removed = [p for p in rows.removed if previous.pop(p, None) is not None]
        elif not full:
            incoming = list(rows)
            removed = []
        else:
            incoming = list(rows)
            phones = {r.phone for r in incoming}
            removed = [p for p in previous if p not in phones]
            self._rows = {}
        changed = []
        current, before = self._rows, previous.get
        for row in incoming:
            phone = row.phone
            if marker_changed(before(phone), row):  # before the (maybe same) dict is set
                changed.append(row)
            current[phone] = row
        self._send(
            changed,
            removed,
            route=self._selected in removed or any(r.phone == self._selected for r in incoming),
        )

    def _send(self, rows: list[FleetRow], removed: list[str], *, route: bool) -> None:
        if not rows and not removed and not route:
            return  # nothing the map shows has changed
        payload = fleet_payload(
            rows,
            full=False,
            removed=removed,
            colours=style.colours_for_batch(),
            when=style.when_for_batch(),
        )
        script = js_call("setFleet", payload)
        if route and self._selected is not None:
            script += ";\n" + self._route_script()
        self.view.call(script)

    def _route_script(self) -> str:
        row = self._rows.get(self._selected) if self._selected else None
        route = None
        if row is not None:
            route = route_payload(
                row,
                point_text=style.route_point_text,
                colour_of=style.destination_colour,
                label=style.route_label(row),
            )
        return js_call("setRoute", route)

    def select(self, phone: str | None) -> None:
        """Highlight the subscriber, pan to it, show its route (and its track if a period
        is chosen)."""
        self._selected = phone or None
        self.view.call(f"mz.selectPhone({json.dumps(self._selected)});\n" + self._route_script())
        if phone and phone != self._track_phone:
            period = self.period_bar.period()
            if period is not None:
                self._load_track(phone, *period)
            else:
                self.clear_track()

    def _on_marker_clicked(self, phone: str) -> None:
        self._selected = phone
        self.view.call(self._route_script())
        self.marker_clicked.emit(phone)

    def fit(self) -> None:
        self.view.call("mz.fit()")

    def show_phone(self, phone: str) -> None:
        """Select the subscriber and centre the map on it, close enough to see the
        streets around (its route and track follow the selection)."""
        if self._selected != phone:
            self.select(phone)
        self.view.call(f"mz.centrePhone({json.dumps(phone)})")

    def flash(self, phone: str) -> None:
        """Ring the subscriber's marker for a moment (and bring it into view)."""
        self.view.call(f"mz.flash({json.dumps(phone)})")

    def apply_settings(self, settings: AppSettings) -> None:
        """New tile server, attribution or offline map file: switch tiles in place (no
        reload; an offline file is opened in the background, then shown)."""
        self.settings = settings
        self.tiles.apply(settings)

    def _on_tile_problem(self, text: str) -> None:
        self.file_label.setText(self.tr("Offline map unavailable") if text else "")
        self.file_label.setToolTip(text)
        self.file_label.setVisible(bool(text))

    # -- track ---------------------------------------------------------------------------

    def set_loader(self, loader: Loader | None) -> None:
        """``loader(phone, start=, end=, offset=, limit=)`` → one page of fixes."""
        self._loader = loader

    def _on_period(self) -> None:
        phone = self._selected or self._track_phone
        period = self.period_bar.period()
        if period is None:
            self.clear_track()
            if self._selected is not None:  # the track's zoom may have left it off screen
                self.view.call(f"mz.selectPhone({json.dumps(self._selected)})")
        elif phone:
            self._load_track(phone, *period)
        else:
            self._show_summary(self.tr("Select a subscriber to see its track."))

    def load_track(self, phone: str, start: datetime, end: datetime) -> None:
        """Fetch the fixes of the period (every page) in the background, then draw them."""
        self.period_bar.show_custom(start, end)
        self._load_track(phone, start, end)

    def _load_track(self, phone: str, start: datetime, end: datetime) -> None:
        self._cancel_track_task()
        self._track_phone = phone
        self._track_token += 1
        if self._loader is None:
            self._show_summary(self.tr("Not connected: the track cannot be loaded."))
            return
        self._show_summary(self.tr("Loading the track…"))
        token = self._track_token
        self._track_task = asyncio.ensure_future(self._fetch_track(token, phone, start, end))
        self._track_task.add_done_callback(lambda t: self._track_done(token, t))

    async def _fetch_track(self, token: int, phone: str, start: datetime, end: datetime) -> Track:
        def progress(pages: int, fixes: int) -> None:
            if token == self._track_token and pages > 1:
                self._show_summary(self.tr("Loading the track… positions: %n", "", fixes))

        assert self._loader is not None
        positions, pages = await fetch_positions(self._loader, phone, start, end, on_page=progress)
        return build_track(phone, positions, start, end, pages=pages)

    def _track_done(self, token: int, task: asyncio.Future[Any]) -> None:
        if task.cancelled() or token != self._track_token or self._closed:
            return
        exc = task.exception()
        if exc is not None:
            log.warning("track of %s failed: %s", self._track_phone, exc)
            reason = (
                exc.message(i18n.current_language()) if isinstance(exc, MovizorError) else str(exc)
            )
            self._show_summary(self.tr("Could not load the track: {reason}").format(reason=reason))
            return
        self.show_track(task.result())

    @property
    def track(self) -> Track | None:
        """The track on the map (None when none is shown or it is still loading)."""
        return self._track

    def show_track(self, track: Track) -> None:
        """Draw a built track (load_track does this; public for tests and benchmarks)."""
        self._track = track
        self._track_phone = track.phone
        pts = track.points
        payload = track_payload(
            track,
            point_text=style.track_point_text,
            start_text=style.start_text(pts[0], pts[-1]) if pts else "",
            end_text=style.end_text(pts[0], pts[-1]) if pts else "",
            stop_text=style.stop_text(track.summary.longest_stop),
        )
        token = self._track_token
        self.view.evaluate(
            js_call("showTrack", payload), lambda _n: self._track_drawn(token, track)
        )

    def _track_drawn(self, token: int, track: Track) -> None:
        if token != self._track_token or self._closed:
            return
        self._show_summary(style.summary_text(track.summary))
        if track.points:
            first, last = track.points[0].t, track.points[-1].until
            self.playback.set_track(
                first,
                (last - first).total_seconds(),
                spans=track.idle_spans(),
                stops=[(s.start - first).total_seconds() for s in track.stops],
            )
            self.playback.show()
        else:
            self.playback.clear()
            self.playback.hide()
        self.track_loaded.emit(track.summary)

    def clear_track(self) -> None:
        self._cancel_track_task()
        self._track_token += 1
        self._track = None
        self._track_phone = None
        self.playback.clear()
        self.playback.hide()
        self.summary_label.hide()
        # What the bars show never widens the pane (so the window never jumps): they
        # take the width the pane has.
        for bar in (self.period_bar, self.playback, self.summary_label):
            bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view.call("mz.clearTrack()")

    def seek(self, seconds: float) -> None:
        """Move the playback point to ``seconds`` after the track's first fix."""
        self.playback.seek(seconds)

    def _on_playback(self, seconds: float) -> None:
        follow = json.dumps(self.playback.follow.isChecked())
        self.view.call(f"mz.playbackTo({seconds:.1f}, {follow})")

    def _show_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.show()

    def _cancel_track_task(self) -> None:
        if self._track_task is not None and not self._track_task.done():
            self._track_task.cancel()
        self._track_task = None

    # -- shutdown ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop everything and delete the page before the shared web profile."""
        if self._closed:
            return
        self._closed = True
        self._cancel_track_task()
        self.playback.pause()
        self.view.shutdown()

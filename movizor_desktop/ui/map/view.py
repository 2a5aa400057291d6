"""The web view that shows the map page.

* The page comes from the ``app:`` scheme handler (never ``setHtml``: 2 MB limit).
* The bridge is registered on the page's QWebChannel before anything loads.
* JavaScript calls wait in a queue until the page has loaded (``loadFinished(True)``)
  *and* its script said so through the bridge (``jsReady``); then they run as one batch.
* Console messages go to the Python log (``movizor_desktop.ui.map.js``), errors at WARNING.
* :meth:`MapView.shutdown` deletes the view and its page, then releases the shared profile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView

from .bridge import MapBridge
from .profile import MapProfile, acquire_profile, release_profile

log = logging.getLogger(__name__)
js_log = logging.getLogger("movizor_desktop.ui.map.js")

_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.DEBUG,
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.INFO,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.WARNING,
}
WORLD = QWebEngineScript.ScriptWorldId.MainWorld


class MapPage(QWebEnginePage):
    """A page of the map profile whose console goes to the log."""

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        js_log.log(_LEVELS.get(level, logging.INFO), "%s (%s:%d)", message, source, line)


class MapView(QWebEngineView):
    ready = Signal()  # the page is loaded and window.mz answers
    load_failed = Signal()

    def __init__(self, bridge: MapBridge, tile_url: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._shared: MapProfile | None = acquire_profile(tile_url)
        self._page_name = self._shared.next_page_name()
        page = MapPage(self._shared.profile, self)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", bridge)  # before the page loads
        page.setWebChannel(self._channel, WORLD)
        self.setPage(page)
        self._loaded = False
        self._js_ready = False
        self._queue: list[str] = []
        self.batches = 0  # runJavaScript batches sent (tests, benchmarks)
        page.loadFinished.connect(self._on_load_finished)
        page.loadStarted.connect(self._on_load_started)
        bridge.js_ready.connect(self._on_js_ready)
        # A view deleted with its parent, without shutdown(), still lets go of the profile
        # (its page, a child, is deleted first). The holder keeps self out of the closure.
        self._holder: list[MapProfile | None] = [self._shared]
        holder, name = self._holder, self._page_name
        self.destroyed.connect(lambda *_: _release_held(holder, name))

    # -- loading -------------------------------------------------------------------------

    @property
    def shared(self) -> MapProfile:
        """The shared web profile this view uses (until :meth:`shutdown`)."""
        assert self._shared is not None, "the view was shut down"
        return self._shared

    @property
    def is_ready(self) -> bool:
        return self._loaded and self._js_ready

    def show_page(self, html: str) -> QUrl:
        """Serve ``html`` through the scheme handler and load it."""
        assert self._shared is not None, "the view was shut down"
        url = self._shared.handler.set_page(self._page_name, html)
        self._loaded = self._js_ready = False
        self.load(url)
        return url

    def _on_load_started(self) -> None:
        self._loaded = self._js_ready = False

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            log.warning("the map page did not load (%s)", self.url().toString())
            self.load_failed.emit()
            return
        self._loaded = True
        self._flush()

    def _on_js_ready(self) -> None:
        self._js_ready = True
        self._flush()

    def _flush(self) -> None:
        if not self.is_ready:
            return
        if self._queue:
            script = ";\n".join(self._queue)
            self._queue.clear()
            self._run(script)
        self.ready.emit()

    # -- JavaScript ----------------------------------------------------------------------

    def _run(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        self.batches += 1
        if callback is None:
            self.page().runJavaScript(script, WORLD)
        else:
            self.page().runJavaScript(script, WORLD, callback)

    def call(self, script: str) -> None:
        """Run ``script`` now if the page is ready, else with the next batch."""
        if self._shared is None:
            return
        if self.is_ready:
            self._run(script)
        else:
            self._queue.append(script)

    def evaluate(self, script: str, callback: Callable[[Any], None]) -> None:
        """Run ``script`` (after any queued calls) and pass its JSON-able result."""
        if self._shared is None:
            return
        if self.is_ready:
            self._run(script, callback)
            return

        def later() -> None:
            self.ready.disconnect(later)
            self.evaluate(script, callback)

        self.ready.connect(later)

    # -- shutdown ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Delete this view with its page, then release the shared profile.

        The page is a child of the view, so both go in one deferred deletion, posted
        before the profile's (if this was its last user): pages before the profile. The
        view is not usable afterwards.
        """
        shared, self._shared = self._shared, None
        if shared is None:
            return
        self._holder[0] = None
        self._queue.clear()
        try:
            self.bridge.js_ready.disconnect(self._on_js_ready)
        except (RuntimeError, TypeError):
            pass
        shared.handler.remove_page(self._page_name)
        self.page().triggerAction(QWebEnginePage.WebAction.Stop)
        self.hide()
        self.deleteLater()
        release_profile(shared)


def _release_held(holder: list[MapProfile | None], page_name: str) -> None:
    shared, holder[0] = holder[0], None
    if shared is not None:
        shared.handler.remove_page(page_name)
        release_profile(shared)

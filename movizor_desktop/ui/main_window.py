"""The main window: composition of the panes; the logic lives in the parts.

Layout: a vertical splitter with, on top, a horizontal splitter (subscriber list | details)
and the events feed at the bottom. :meth:`MainWindow.add_map_pane` puts a map between the
list and the details once the map view exists (it is built after the first paint).

``set_session(session)`` shows a session (or None): its Movizor clock becomes the app clock,
the window reads the engine's current fleet, events and status, then follows
``session.changed`` / ``session.status_changed``.

The workflows (help, preferences, desktop alerts, client links, exports, printing, the
import, the map…) are features (:mod:`.features`): each is built from its line in
``FEATURES`` and uses the window only through :class:`~.shell.Shell`, which this class
implements. The window knows none of them by name.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter, QToolBar, QWidget

from .. import clock
from ..fleet import ChangeSet
from .actions import WindowActions
from .clock_notice import ClockNotice
from .controller import Controller
from .details import DetailsPane
from .events_panel import EventsPanel
from .features import WINDOW, WORKFLOWS, Features
from .layout_memory import LayoutMemory
from .statusbar import WARNING, StatusBar
from .subscribers.feed import ChangeFeed
from .subscribers.model import SubscriberModel
from .subscribers.proxy import SubscriberProxy
from .subscribers.view import SubscriberList

if TYPE_CHECKING:
    from ..planning.legs import LegCheck
    from ..store import AppSettings
    from .session import Session
    from .shell import MapAccess, Shell

log = logging.getLogger(__name__)
APP_NAME = "Movizor Desktop"
TICK_MS = 60_000  # relative times ("12 min ago") move on once a minute
DEMO_TICK_MS = 2_000  # a minute of the demo's 30x clock
DETAILS_WIDTH = 380  # px, on a wide screen: the details' Russian labels fit on one line
DETAILS_NARROW = 300  # px, on a laptop (1366 px): the list keeps five columns in view
WIDE = 1600  # px of window width from which the wider details pane is used


def pane_widths(total: int, *, with_map: bool) -> list[int]:
    """The first start's widths of the list, the map (``with_map``) and the details in a
    window ``total`` px wide: the details narrower on a laptop; the list 63 % of the rest
    there (its first five columns whole at 1366 px), 55 % on a wide screen."""
    details = DETAILS_WIDTH if total >= WIDE else DETAILS_NARROW
    rest = max(0, total - details)
    if not with_map:
        return [rest, details]
    share = 55 if total >= WIDE else 63
    return [rest * share // 100, rest - rest * share // 100, details]


class MainWindow(QMainWindow):
    connection_settings_requested = Signal()
    session_changed = Signal(object)  # Session or None
    changes_applied = Signal(object)  # ChangeSet, once the list, details and events have it
    language_changed = Signal()  # after the window retranslated itself
    pane_added = Signal(object)  # the widget (the map, once it is built)
    map_attached = Signal(object)  # MapAccess

    def __init__(
        self,
        settings: AppSettings,
        *,
        lang: str = "en",
        workflows: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.lang = lang
        self._session: Session | None = None
        self._map: MapAccess | None = None  # the map feature, once attached

        self.model = SubscriberModel(self)
        self.feed = ChangeFeed(self.model, self)
        self.proxy = SubscriberProxy(self)
        self.subscribers = SubscriberList(self.model, self.proxy, self)
        self.details = DetailsPane(self, lang=lang)
        self.events = EventsPanel(self, title_of=self.model.title_of)
        self.details.parked_since = self.events.model.parked_since
        self.statusbar = StatusBar(self, lang=lang, low_balance=settings.low_balance)
        self.setStatusBar(self.statusbar)
        self.clock_notice = ClockNotice(self.statusbar)
        self.window_actions = WindowActions(self)
        self.controller = Controller(
            self,
            subscribers=self.subscribers,
            model=self.model,
            details=self.details,
            statusbar=self.statusbar,
            actions=self.window_actions,
            lang=lang,
            map_access=lambda: self._map,
            leg_check=self._leg_check,
        )

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.addWidget(self.subscribers)
        self.top_splitter.addWidget(self.details)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.events)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self._build_menus()
        self.subscriber_menu.addAction(self.window_actions.copy_phone)
        self.subscribers.set_context_actions(
            [*self.window_actions.row_actions(), None, self.window_actions.copy_phone]
        )

        self.feed.done.connect(self._changes_applied)
        self.subscribers.selection_changed.connect(self._selection_changed)
        self.subscribers.current_changed.connect(self.controller.current_changed)
        self.subscribers.row_activated.connect(self._row_activated)
        self.subscribers.row_double_clicked.connect(self._row_double_clicked)
        self.subscribers.visible_changed.connect(self._visible_changed)
        self.events.phone_activated.connect(self.select_subscriber)
        self.statusbar.connection_clicked.connect(self.connection_settings_requested)
        self.window_actions.connection_settings.triggered.connect(
            self.connection_settings_requested
        )
        self.window_actions.quit.triggered.connect(self.close)
        self._minute = QTimer(self, interval=TICK_MS)
        self._minute.timeout.connect(self.tick)
        self.clock_notice.changed.connect(self.tick)  # Movizor's "now" was (re)learned
        self._minute.start()

        self._initial_geometry()
        shell: Shell = self  # mypy checks here that the window is what features are promised
        self._features = Features(shell)
        self._features.start(WINDOW)
        if workflows:  # the app builds them after the first paint (see .features)
            self._features.start(WORKFLOWS)
        # last: restores what the features built (splitters, columns, the map's window)
        self.layout_memory = LayoutMemory(self)
        self._update_title()
        self.controller.update_actions()

    # --- what features may use (ui.shell.Shell) ---------------------------------------------

    @property
    def widget(self) -> QMainWindow:
        return self

    @property
    def features(self) -> Features:
        return self._features

    @property
    def map(self) -> MapAccess | None:
        return self._map

    def attach_map(self, access: MapAccess) -> None:
        self._map = access
        self.map_attached.emit(access)

    def _leg_check(self) -> LegCheck:
        """The route editor's arrival model, as the Preferences choose it (loaded with the
        first subscriber dialog, like the editors)."""
        from .editors.leg_check import leg_check_for

        return leg_check_for(self.settings)

    def add_shortcut(self, *actions: QAction) -> None:
        self.addActions(list(actions))

    def _initial_geometry(self, avail: QRect | None = None) -> None:
        """The first start's layout on the screen's ``avail`` area: nearly the whole
        screen (a 1366×768 laptop or a 1920×1080 monitor alike); the details narrower on
        a laptop so the list keeps its first five columns in view; the events a quarter
        of the height."""
        if avail is None:
            screen = self.screen()
            avail = screen.availableGeometry() if screen is not None else None
        width = 1480 if avail is None else max(1024, min(1880, avail.width() - 24))
        height = 900 if avail is None else max(680, min(1040, avail.height() - 40))
        self.resize(width, height)
        self.top_splitter.setSizes(pane_widths(width, with_map=False))
        self.main_splitter.setSizes([height * 3 // 4, height // 4])

    def _build_menus(self) -> None:
        a = self.window_actions
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a.connection_settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.subscriber_menu = bar.addMenu("")
        for action in a.row_actions():
            if action is None:
                self.subscriber_menu.addSeparator()
            else:
                self.subscriber_menu.addAction(action)
        # Filled by the features (exports, client links, desktop alerts, help…): .features
        self.tools_menu = bar.addMenu("")
        self.tools_menu.setObjectName("toolsMenu")
        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in a.row_actions():
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)
        self.addActions(a.all())  # shortcuts work even with the menu bar hidden
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.subscriber_menu.setTitle(self.tr("&Subscriber"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Actions"))

    # --- session ----------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    def set_session(self, session: Session | None) -> None:
        old, self._session = self._session, session
        if old is not None:
            old.unfollow(self._on_changes, self._on_status)
        self.feed.clear()
        clock.install(session.clock if session is not None else clock.MovizorClock())
        self.clock_notice.watch(session.clock if session is not None else None)
        # a driven clock (the demo's simulator) runs 30x faster: its minutes pass sooner
        driven = session is not None and session.clock.driven
        self._minute.setInterval(DEMO_TICK_MS if driven else TICK_MS)
        self.controller.set_session(session)
        if session is None:
            self.details.local_schedule = lambda phone: None
            self.model.set_rows([])
            self.events.set_events([])
            self.statusbar.set_status(None)
            self.statusbar.set_balance(None)
            self.statusbar.set_session_flags(demo=False, key_session_only=False)
        else:
            engine = session.engine
            status = engine.status
            self.details.local_schedule = engine.schedules.get
            self.model.set_rows(engine.fleet.rows(), status.balance)
            self.events.set_events(list(engine.events))
            self.statusbar.set_status(status)
            self.statusbar.set_balance(status.balance)
            self.details.set_balance(status.balance)
            self.statusbar.set_session_flags(
                demo=session.demo, key_session_only=session.key_is_session_only
            )
            session.follow(self._on_changes, self._on_status)
        self.details.set_row(None, selected=0)
        self._update_title()
        self.controller.update_actions()
        self.session_changed.emit(session)

    def _on_changes(self, changes: ChangeSet) -> None:
        self.feed.push(changes)  # big change sets go in slices, without freezing

    def _changes_applied(self, changes: ChangeSet) -> None:
        self.controller.changes_applied(changes)
        if changes.events:
            self.events.add_events(changes.events)
        for gap in changes.gaps:
            self.statusbar.show_message(self.events.show_gap(gap), WARNING, timeout_ms=0)
        if changes.added or changes.changed:
            self.events.model.refresh_titles()
        if changes.balance is not None:
            self.statusbar.set_balance(changes.balance)
            self.details.set_balance(changes.balance)
        current = self.details.current_phone
        if current is not None:
            row = self.model.get(current)
            if row is None:
                self.details.set_row(None, selected=0)
            else:
                self.details.update_row(row)
        self.controller.update_actions()
        self.changes_applied.emit(changes)

    def _on_status(self, status: Any) -> None:
        self.statusbar.set_status(status)
        if status.balance is not None:
            self.statusbar.set_balance(status.balance)
        session = self._session
        if session is not None:
            self.statusbar.set_session_flags(
                demo=session.demo, key_session_only=session.key_is_session_only
            )
        self.controller.update_actions()

    # --- panes ------------------------------------------------------------------------------

    def add_map_pane(self, widget: QWidget) -> None:
        """Put the map between the list and the details.

        The details keep their width; the list gets 60 % of the rest on a laptop (55 %
        on a wide screen), the map the remainder. ``pane_added`` then lets the layout
        memory put back the profile's own sizes, saved when the map was there.
        """
        sizes = self.top_splitter.sizes()
        widths = pane_widths(sum(sizes) or self.width(), with_map=True)
        if sizes and sizes[-1] > 0:  # the details keep the width they have
            widths[1] += widths[2] - sizes[-1]
            widths[2] = sizes[-1]
        self.top_splitter.insertWidget(1, widget)
        self.top_splitter.setStretchFactor(1, 3)
        self.top_splitter.setSizes(widths)
        self.pane_added.emit(widget)

    def select_subscriber(self, phone: str) -> bool:
        if self.subscribers.select_phone(phone):
            self.subscribers.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        self.statusbar.show_message(
            self.tr("This subscriber is no longer on the account."), WARNING
        )
        return False

    def _selection_changed(self, phones: list[str]) -> None:
        row = self.model.get(phones[0]) if len(phones) == 1 else None
        self.details.set_row(row, selected=len(phones))
        self.controller.update_actions()

    def _row_activated(self, phone: str) -> None:
        if self.window_actions.edit.isEnabled():
            self.window_actions.edit.trigger()

    def _row_double_clicked(self, phone: str) -> None:
        """A double click centres the map on the row; without a map it edits."""
        if self._map is not None:
            self._map.show_phone(phone)
        else:
            self._row_activated(phone)

    def _visible_changed(self, phones: list[str]) -> None:
        if self._session is not None and not self._session.closed:
            self._session.engine.set_visible(phones)

    def tick(self) -> None:
        """Once a minute: relative times ("12 min ago") move on."""
        self.model.tick()
        current = self.details.current_phone
        row = self.model.get(current) if current else None
        if row is not None:
            self.details.update_row(row)

    def _update_title(self) -> None:
        session = self._session
        if session is None:
            self.setWindowTitle(APP_NAME)
            return
        # the demo's profile is the demo: its (English) name would say it twice
        where = self.tr("DEMO") if session.demo else session.profile.name
        self.setWindowTitle(f"{APP_NAME} — {where}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.window_actions.retranslate()
            self._retranslate_menus()
            self.subscribers.retranslate()
            self.details.retranslate()
            self._update_title()
            self.language_changed.emit()
        super().changeEvent(event)


__all__ = ["APP_NAME", "MainWindow", "pane_widths"]

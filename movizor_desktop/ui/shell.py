"""The window as a feature sees it: the declared interface, and the base of a feature.

A *feature* is a workflow that plugs into the main window (desktop alerts, client links,
exports, printing, the map…). It is one module or package under ``ui/features/`` and one
line in :data:`movizor_desktop.ui.features.FEATURES`; it never imports the main window. What
it may use of the window is declared here, in :class:`Shell`, and nothing else:

* the window as a Qt widget (:attr:`Shell.widget`: the parent of its dialogs and actions);
* the app's settings and language, and a signal when the language changes;
* the session shown (:attr:`Shell.session`) and a signal when it is replaced, and the fleet
  changes once the list has applied them;
* the menus, the toolbar's actions, the subscriber list (selection, context menu), the model
  and its filter, the details pane, the status bar, the layout memory;
* :meth:`Shell.select_subscriber`;
* the optional features, declared: :attr:`Shell.map` (the map pane and what others may ask
  of it, :class:`MapAccess`; None until the map is attached, and in windows without one)
  and :attr:`Shell.features` (every other feature, by type).

:class:`~movizor_desktop.ui.main_window.MainWindow` implements :class:`Shell`; mypy checks it
where the window hands itself to the features (``Features(self)``). Tests may pass any
object with the same attributes.

The pattern follows qutebrowser's ``api`` package (components use only the declared API)
and Spyder's plugin registration (a plugin waits for another through a declared hook rather
than looking it up): :attr:`Shell.map_attached` is that hook for the map.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter

if TYPE_CHECKING:
    from ..store import AppSettings
    from .actions import WindowActions
    from .controller import Controller
    from .details import DetailsPane
    from .layout_memory import LayoutMemory
    from .session import Session
    from .statusbar import StatusBar
    from .subscribers.model import SubscriberModel
    from .subscribers.proxy import SubscriberProxy
    from .subscribers.view import SubscriberList

F = TypeVar("F", bound="Feature")


class MapAccess(Protocol):
    """What the rest of the window may ask of the map (the map feature implements it)."""

    def show_phone(self, phone: str) -> None:
        """Centre the map on a subscriber (its window comes up when detached)."""

    def track_period(self) -> tuple[datetime, datetime] | None:
        """The period of the track the map shows, if any ("export what I see")."""

    def route_map_factory(self) -> Callable[[], Any]:
        """A factory of route-editor maps with the window's tile settings."""

    def apply_settings(self, settings: AppSettings) -> None:
        """The tile server or the offline map file changed: use the new ones."""

    async def snapshot_track(self, phone: str, start: datetime, end: datetime) -> QImage | None:
        """Show that period's track and grab the map; None when the map is not on screen."""

    def shutdown(self) -> None:
        """Delete the web page before its profile (before the QApplication goes)."""


class FeatureSet(Protocol):
    """The features a window has built, by type (:class:`~.features.Features`)."""

    def get(self, kind: type[F]) -> F | None: ...


class Shell(Protocol):
    """What a feature may use of the main window (see the module docstring)."""

    # --- the window as Qt sees it, and what it shows ------------------------------------
    @property
    def widget(self) -> QMainWindow:
        """The window itself: the parent of a feature's dialogs, menus and actions."""

    settings: AppSettings
    lang: str
    language_changed: SignalInstance  # after the window retranslated itself

    # --- the session --------------------------------------------------------------------
    @property
    def session(self) -> Session | None: ...

    session_changed: SignalInstance  # Session | None, after the window shows it
    changes_applied: SignalInstance  # ChangeSet, once the list has applied it

    # --- menus, list, panes -------------------------------------------------------------
    file_menu: QMenu
    subscriber_menu: QMenu
    tools_menu: QMenu
    help_menu: QMenu
    window_actions: WindowActions  # the list's actions (Edit, Delete, Quit…)
    subscribers: SubscriberList
    model: SubscriberModel
    proxy: SubscriberProxy
    details: DetailsPane
    statusbar: StatusBar
    controller: Controller
    layout_memory: LayoutMemory
    top_splitter: QSplitter  # list | (map) | details

    def add_shortcut(self, *actions: QAction) -> None:
        """Make the actions' shortcuts work with the menu bar hidden."""

    def select_subscriber(self, phone: str) -> bool: ...

    def add_map_pane(self, widget: Any) -> None: ...

    # --- the optional features ----------------------------------------------------------
    @property
    def map(self) -> MapAccess | None: ...

    map_attached: SignalInstance  # MapAccess, once the map feature is built

    def attach_map(self, access: MapAccess) -> None:
        """The map feature announces itself (:attr:`map`, then ``map_attached``)."""

    @property
    def features(self) -> FeatureSet: ...


class Feature(QObject):
    """The base of a feature: owned by the window, retranslated when the language changes.

    A subclass builds its actions in ``__init__`` (calling this one first), sets their texts
    in :meth:`retranslate` (called by the registry once the feature is built, and on every
    language change) and may release what it holds in :meth:`shutdown` (the window is
    closing).
    """

    name: ClassVar[str] = ""  # set by the registry: the feature's line in FEATURES

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        shell.language_changed.connect(self.retranslate)

    def new_action(
        self,
        name: str,
        shortcut: str | QKeySequence.StandardKey | None,
        triggered: Callable[[], object],
        *,
        menu: QMenu | None = None,
    ) -> QAction:
        """An action of this feature: its object name and shortcut (working with the menu
        bar hidden), ``triggered()`` on use, added to ``menu`` when one is given. Its texts
        are set in :meth:`retranslate`."""
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: triggered())
        if menu is not None:
            menu.addAction(action)
        self.shell.add_shortcut(action)
        return action

    def retranslate(self) -> None:
        """Set every user-visible text in the current language."""

    def shutdown(self) -> None:
        """The window is closing."""


__all__ = ["Feature", "FeatureSet", "MapAccess", "Shell"]

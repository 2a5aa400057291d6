"""The map's entries in the subscriber list's context menu and the Subscriber menu.

* **Show on map** (Ctrl+M; a double click on a row does the same): the map centres on the
  subscriber, close enough to see the streets.
* **Track ▸** Off / Today / Yesterday / Last 7 days / Custom range…: the map's track
  period for the selected subscriber, the same choice as the map's own period bar (the
  two always agree).

:class:`MapActions` adds them at the top of the row context menu (the row right-clicked
is selected first, so they act on it) and to the Subscriber menu; the map feature
retranslates them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ...icons import icon
from ...periods import CUSTOM, OFF, TODAY, WEEK, YESTERDAY, choice_names

if TYPE_CHECKING:
    from ...map.panel import MapPanel
    from ...shell import Shell

CHOICES = (OFF, TODAY, YESTERDAY, WEEK, CUSTOM)


class MapActions(QObject):
    def __init__(
        self,
        shell: Shell,
        panel: MapPanel,
        *,
        show_on_map: Callable[[str], None],
        raise_map: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(shell.widget)
        self.shell = window = shell
        self.panel = panel
        self._show_on_map = show_on_map
        self._raise_map = raise_map
        self.show_action = QAction(icon("map"), "", self)
        self.show_action.setObjectName("action_show_on_map")
        self.show_action.setShortcut(QKeySequence("Ctrl+M"))
        self.show_action.triggered.connect(self.show_selected)
        self.track_menu = QMenu(shell.widget)
        self.track_menu.setObjectName("trackMenu")
        self.track_menu.setIcon(icon("track"))
        self.track_group = QActionGroup(self)
        self.track_actions: dict[int, QAction] = {}
        for choice in CHOICES:
            action = QAction(self)
            action.setObjectName(f"action_track_{choice}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
            self.track_group.addAction(action)
            self.track_menu.addAction(action)
            self.track_actions[choice] = action
        window.subscribers.add_context_actions([self.show_action, self.track_menu], first=True)
        window.subscriber_menu.addSeparator()
        window.subscriber_menu.addAction(self.show_action)
        window.subscriber_menu.addMenu(self.track_menu)
        shell.add_shortcut(self.show_action)
        panel.period_bar.combo.currentIndexChanged.connect(self._sync_choice)
        window.subscribers.selection_changed.connect(self.update_state)
        self._sync_choice()
        self.update_state()

    def retranslate(self) -> None:
        self.show_action.setText(self.tr("Show on &map"))
        self.show_action.setStatusTip(
            self.tr("Centre the map on the selected subscriber (or double-click the row)")
        )
        self.track_menu.setTitle(self.tr("T&rack"))
        texts = choice_names(popup=True)
        for choice, action in self.track_actions.items():
            action.setText(texts[choice])

    def _one_phone(self) -> str | None:
        phones = self.shell.subscribers.selected_phones()
        return phones[0] if len(phones) == 1 else None

    def update_state(self, *_: object) -> None:
        phone = self._one_phone()
        row = self.shell.model.get(phone) if phone else None
        self.show_action.setEnabled(row is not None and row.lat is not None)
        self.track_menu.setEnabled(phone is not None)

    def show_selected(self) -> None:
        phone = self._one_phone()
        if phone is not None:
            self._show_on_map(phone)

    def choose(self, choice: int) -> None:
        """The track period for the selected subscriber, as on the map's bar."""
        self._raise_map()
        self.panel.period_bar.choose(choice)
        if choice == CUSTOM:
            self.panel.period_bar.edit_range()

    def _sync_choice(self, *_: object) -> None:
        action = self.track_actions.get(self.panel.period_bar.choice)
        if action is not None:
            action.setChecked(True)


__all__ = ["MapActions"]

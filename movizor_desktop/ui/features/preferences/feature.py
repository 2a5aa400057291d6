"""File → Preferences… (Ctrl+,): the dialog of :mod:`.dialog`, applied live on saving.

Saved settings are applied at once where they can be: the low-balance colour of the status
bar, the session's sync interval (a shorter one wakes the engine), the map's tiles and
offline map file, the network route of the next request; the route editors opened after
use the new speed, detour factor and rest rules. The language takes effect at the next start.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAction, QKeySequence

from ....store.paths import AppPaths
from ....store.settings import AppSettings
from ...editors.leg_check import remember
from ...network import apply_saved_network
from ...shell import Feature, Shell
from ...statusbar import INFO
from .dialog import PreferencesDialog


class Preferences(Feature):
    """File → Preferences…, right after Connection settings."""

    def __init__(self, shell: Shell, paths: AppPaths | None = None) -> None:
        super().__init__(shell)
        self.paths = paths or AppPaths()
        self.dialog: PreferencesDialog | None = None
        self.action = QAction("", shell.widget)
        self.action.setObjectName("action_preferences")
        shortcuts: list[QKeySequence] = []
        for seq in (QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")):
            if not seq.isEmpty() and seq not in shortcuts:
                shortcuts.append(seq)
        self.action.setShortcuts(shortcuts)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.open_dialog)
        menu = shell.file_menu
        actions = menu.actions()
        anchor = shell.window_actions.connection_settings
        after = actions.index(anchor) + 1 if anchor in actions else len(actions)
        if after < len(actions):
            menu.insertAction(actions[after], self.action)
        else:
            menu.addAction(self.action)
        shell.add_shortcut(self.action)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Preferences…"))
        tip = self.tr(
            "Language, refresh interval, low-balance warning, map tiles, offline map, "
            "trip planning, proxy"
        )
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.action.shortcuts()
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({keys})")

    def open_dialog(self) -> PreferencesDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        shell = self.shell
        dialog = PreferencesDialog(
            dataclasses.replace(shell.settings),
            paths=self.paths,
            lang=shell.lang,
            parent=shell.widget,
        )
        dialog.saved.connect(self.apply)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: PreferencesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def apply(self, new: AppSettings) -> None:
        """Apply saved settings live; the window's settings object is updated in place
        (the app controller holds the same object: new sessions get the new interval)."""
        window = self.shell
        current: AppSettings = window.settings
        old = dataclasses.replace(current)
        for field in dataclasses.fields(AppSettings):
            setattr(current, field.name, getattr(new, field.name))
        window.statusbar.set_low_balance(current.low_balance)
        session = window.session
        if session is not None and not session.closed:
            engine = session.engine
            previous = engine.interval
            engine.interval = float(current.sync_interval)
            if engine.interval < previous:
                engine.refresh_now()  # do not sit out the rest of the old, longer wait
        tiles = ("tile_url", "tile_attribution", "mbtiles_path")
        if window.map is not None and any(
            getattr(old, name) != getattr(current, name) for name in tiles
        ):
            window.map.apply_settings(current)  # route editors' maps take them when made
        if self.dialog is not None and self.dialog.planning.rules is not None:
            # the rules the dialog read and checked: route editors opened later use them
            remember(current, self.dialog.planning.rules)
        apply_saved_network(current)  # the next API request and map tile take the new route
        if old.language != current.language:
            window.statusbar.show_message(
                self.tr("The new interface language is used from the next start of the app."), INFO
            )
        else:
            window.statusbar.show_message(self.tr("Preferences saved."), INFO)


__all__ = ["Preferences", "PreferencesDialog"]

"""The map in a window of its own, for a second monitor, and back into the main window.

*View → Map in a separate window* (Ctrl+Shift+W, or the button at the right of the map's bar) moves
the map pane — the same widget, its page and track untouched — into a window of its own;
closing that window, or the same command again, docks it back between the list and the
details. A detached map opens on the second screen when there is one.

Whether the map is detached, and where its window was, are remembered per profile with
the rest of the window's layout (:meth:`LayoutMemory.register_part`); a profile seen for
the first time starts docked. The map's window belongs to the main window (it closes and
minimises with it, and never keeps the app running by itself).
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QVBoxLayout, QWidget

from ...icons import icon

if TYPE_CHECKING:
    from ...map.panel import MapPanel
    from ...shell import Shell

PART = "map_window"


class MapFrame(QWidget):
    """The detached map's window: closing it docks the map back."""

    def __init__(self, owner: MapWindow, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.owner = owner
        self.setObjectName("mapWindow")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event: Any) -> None:
        if self.owner.detached:
            self.owner.dock()
        super().closeEvent(event)


class MapWindow(QObject):
    def __init__(self, shell: Shell, panel: MapPanel) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        window = shell.widget
        self.panel = panel
        self.detached = False
        self._geometry: bytes | None = None  # the map window's, once it was shown
        self._sizes: list[int] | None = None  # the splitter's, before the map left it
        self.frame = MapFrame(self, window)
        self.action = QAction(icon("map_window"), "", self)
        self.action.setObjectName("action_map_window")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.action.toggled.connect(self._toggled)
        self.view_menu = QMenu(window)
        self.view_menu.setObjectName("viewMenu")
        self.view_menu.addAction(self.action)
        window.menuBar().insertMenu(shell.tools_menu.menuAction(), self.view_menu)
        shell.add_shortcut(self.action)
        self.button = QToolButton(panel.period_bar)
        self.button.setObjectName("map_window_button")
        self.button.setAutoRaise(True)
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        panel.period_bar.row.addWidget(self.button)
        shell.layout_memory.register_part(PART, self.capture, self.restore)

    def retranslate(self) -> None:
        self.view_menu.setTitle(self.tr("&View"))
        self.action.setText(self.tr("Map in a separate &window"))
        self.action.setStatusTip(
            self.tr(
                "Move the map to a window of its own (a second "
                "monitor); again, or closing it, docks it back"
            )
        )
        self.button.setToolTip(
            self.tr("Dock the map back")
            if self.detached
            else self.tr("Map in a separate window (Ctrl+Shift+W)")
        )
        self.frame.setWindowTitle(self.tr("Map — Movizor Desktop"))

    # --- moving the map -----------------------------------------------------------------

    def _toggled(self, on: bool) -> None:
        if on and not self.detached:
            self.detach()
        elif not on and self.detached:
            self.dock()

    def detach(self) -> None:
        """Move the map into its own window (on the second screen when there is one)."""
        if self.detached:
            return
        splitter = self.shell.top_splitter
        self._sizes = splitter.sizes()
        self.detached = True
        self.frame.box.addWidget(self.panel)  # takes it out of the splitter
        self.panel.show()
        if not (self._geometry and self.frame.restoreGeometry(QByteArray(self._geometry))):
            self._place_on_second_screen()
        self.frame.show()
        self.frame.raise_()
        self._sync()

    def dock(self) -> None:
        """Put the map back between the list and the details."""
        if not self.detached:
            return
        self._geometry = bytes(self.frame.saveGeometry().data())
        self.detached = False
        splitter = self.shell.top_splitter
        splitter.insertWidget(1, self.panel)
        splitter.setStretchFactor(1, 3)
        self.panel.show()
        if self._sizes and len(self._sizes) == splitter.count():
            splitter.setSizes(self._sizes)
        self.frame.hide()
        self._sync()

    def raise_map(self) -> None:
        """Bring the map's window up (when detached) before acting on the map."""
        if self.detached:
            self.frame.show()
            self.frame.raise_()

    def close_window(self) -> None:
        """The app is closing: hide the window, remembering that the map was out."""
        self.frame.hide()

    def _place_on_second_screen(self) -> None:
        here = self.shell.widget.screen()
        others = [s for s in QGuiApplication.screens() if s is not here]
        screen = others[0] if others else here
        if screen is None:
            self.frame.resize(1000, 700)
            return
        area = screen.availableGeometry()
        self.frame.setGeometry(area.adjusted(40, 40, -40, -40))

    def _sync(self) -> None:
        self.action.blockSignals(True)
        self.action.setChecked(self.detached)
        self.action.blockSignals(False)
        self.retranslate()
        self.shell.layout_memory.note_change()

    # --- remembered per profile -------------------------------------------------------

    def capture(self) -> dict[str, Any]:
        geometry = bytes(self.frame.saveGeometry().data()) if self.detached else self._geometry
        return {
            "detached": self.detached,
            "geometry": base64.b64encode(geometry).decode("ascii") if geometry else "",
        }

    def restore(self, part: dict[str, Any]) -> None:
        """The profile's state: detached (in its window) or docked (the default)."""
        text = part.get("geometry")
        geometry = None
        if isinstance(text, str) and text:
            try:
                geometry = base64.b64decode(text.encode("ascii"), validate=True)
            except (binascii.Error, ValueError, UnicodeEncodeError):
                geometry = None
        self._geometry = geometry
        if part.get("detached") is True:
            if self.detached:
                if geometry:
                    self.frame.restoreGeometry(QByteArray(geometry))
            else:
                self.detach()
        else:
            self.dock()


__all__ = ["MapWindow"]

"""Tools → "Import subscribers…": the menu entry of the subscriber import.

:func:`install_import` is the main window's one hook line: it adds the action to the
Tools menu (enabled while a session is open) and keeps the tool as ``window.importer``.
The action opens one :class:`~.import_dialog.ImportDialog` at a time; when a run ends,
the status bar says how many subscribers were added.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from ...exchange.import_run import RowResult
from .import_dialog import ImportDialog


class ImportTool(QObject):
    """Tools → "Import subscribers…": opens one import dialog for the current session."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None
        self.action = QAction(self.tr("&Import subscribers…"), window)
        self.action.setObjectName("import_subscribers")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip(self.tr("Add many subscribers from a CSV or Excel file"))
        self.action.triggered.connect(self.open)
        window.tools_menu.addAction(self.action)
        window.session_changed.connect(self._session_changed)
        self._session_changed(window.session)

    def _session_changed(self, session: Any) -> None:
        self.action.setEnabled(session is not None)
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.session is not session \
                and not dialog.running:
            dialog.close()

    def open(self) -> ImportDialog | None:
        session = self.window.session
        if session is None:
            return None
        if self.dialog is not None and shiboken6.isValid(self.dialog) \
                and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ImportDialog(session, lang=self.window.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, results: list[RowResult]) -> None:
        added = sum(1 for r in results if r.ok)
        self.window.statusbar.show_message(self.tr(
            "Import: subscribers added: %n; the drivers get an SMS asking for consent.", "",
            added))


def install_import(window: Any) -> ImportTool:
    """Add Tools → "Import subscribers…" to ``window`` (kept as ``window.importer``)."""
    tool = ImportTool(window)
    window.importer = tool
    return tool


__all__ = ["ImportTool", "install_import"]

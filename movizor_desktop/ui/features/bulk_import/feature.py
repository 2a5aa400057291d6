"""Tools → "Import subscribers…": the menu entry of the subscriber import.

:class:`ImportTool` (a feature) adds the action to the Tools menu, enabled while a session
is open. The action opens one :class:`~.dialog.ImportDialog` at a time; when a run ends,
the status bar says how many subscribers were added.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt

from ....exchange.import_run import RowResult
from ...shell import Feature, Shell
from .dialog import ImportDialog


class ImportTool(Feature):
    """Tools → "Import subscribers…": opens one import dialog for the current session."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.dialog: ImportDialog | None = None
        self.action = self.new_action(
            "import_subscribers", "Ctrl+Shift+I", self.open, menu=shell.tools_menu
        )
        shell.session_changed.connect(self._session_changed)
        self._session_changed(shell.session)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Import subscribers…"))
        self.action.setStatusTip(self.tr("Add many subscribers from a CSV or Excel file"))

    def _session_changed(self, session: Any) -> None:
        self.action.setEnabled(session is not None)
        dialog = self.dialog
        if (
            dialog is not None
            and shiboken6.isValid(dialog)
            and dialog.session is not session
            and not dialog.running
        ):
            dialog.close()

    def open(self) -> ImportDialog | None:
        shell = self.shell
        session = shell.session
        if session is None:
            return None
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ImportDialog(session, lang=shell.lang, parent=shell.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, results: list[RowResult]) -> None:
        added = sum(1 for r in results if r.ok)
        self.shell.statusbar.show_message(
            self.tr(
                "Import: subscribers added: %n; the drivers get an SMS asking for consent.",
                "",
                added,
            )
        )


__all__ = ["ImportTool"]

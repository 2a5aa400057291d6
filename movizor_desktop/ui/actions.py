"""The main window's actions: text, icon, shortcut, and when each is enabled.

Icons come from :mod:`.icons` (the app's own SVGs, tinted by the palette, so they follow
a dark theme); every action has at least one shortcut.

The same QAction objects sit in the menu, the toolbar and the list's context menu, so a
shortcut, a click or a menu choice all do the same thing and are enabled together.
:meth:`WindowActions.update_state` applies the rules from the current selection and the
connection (for example: Reactivate only for off/refused subscribers, Cancel tariff only
while a change is pending, Request position only for active ones and not while a request
for the same subscriber runs).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..api.codes import Status
from ..fleet import FleetRow
from .icons import icon

REACTIVATABLE = frozenset({Status.OFF, Status.REJECTED})


class WindowActions(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.add = self._make("add", "add", [QKeySequence("Ctrl+N"), QKeySequence("Insert")])
        self.edit = self._make("edit", "edit", [QKeySequence("F2"), QKeySequence("Ctrl+E")])
        self.request_position = self._make(
            "request_position", "request_position", [QKeySequence("Ctrl+L")]
        )
        self.delete = self._make(
            "delete", "delete", [QKeySequence(QKeySequence.StandardKey.Delete)]
        )
        self.reactivate = self._make("reactivate", "reactivate", [QKeySequence("Ctrl+Shift+R")])
        self.cancel_tariff = self._make(
            "cancel_tariff", "cancel_tariff", [QKeySequence("Ctrl+Shift+T")]
        )
        self.refresh = self._make(
            "refresh",
            "refresh",
            [QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("F5")],
        )
        self.copy_phone = self._make("copy_phone", "copy", [QKeySequence("Ctrl+Shift+C")])
        self.connection_settings = self._make(
            "connection_settings", "connection", [QKeySequence("Ctrl+Shift+L")]
        )
        self.quit = self._make(
            "quit", "quit", [QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.connection_settings.setMenuRole(QAction.MenuRole.ApplicationSpecificRole)
        self.retranslate()
        self.update_state([], connected=False)

    def _make(self, name: str, icon_name: str, shortcuts: list[QKeySequence]) -> QAction:
        action = QAction(icon(icon_name), name, self)
        action.setObjectName(f"action_{name}")
        unique: list[QKeySequence] = []
        for seq in shortcuts:
            if not seq.isEmpty() and seq not in unique:
                unique.append(seq)
        action.setShortcuts(unique)
        return action

    def all(self) -> list[QAction]:
        return [
            self.add,
            self.edit,
            self.request_position,
            self.delete,
            self.reactivate,
            self.cancel_tariff,
            self.refresh,
            self.copy_phone,
            self.connection_settings,
            self.quit,
        ]

    def row_actions(self) -> list[QAction | None]:
        """For the context menu and the toolbar (None: separator)."""
        return [
            self.add,
            self.edit,
            self.request_position,
            None,
            self.reactivate,
            self.cancel_tariff,
            self.delete,
            None,
            self.refresh,
        ]

    def retranslate(self) -> None:
        texts = {
            self.add: (
                self.tr("&Add subscriber…"),
                self.tr("Add a driver's phone number for tracking"),
            ),
            self.edit: (self.tr("&Edit…"), self.tr("Change the name, tags or tariff")),
            self.request_position: (
                self.tr("Request &position now"),
                self.tr("Ask the operator where the phone is now"),
            ),
            self.delete: (
                self.tr("&Disable / delete…"),
                self.tr("Disable tracking; delete a disabled subscriber for good"),
            ),
            self.reactivate: (
                self.tr("&Reactivate"),
                self.tr("Switch tracking on again (off or refused subscribers)"),
            ),
            self.cancel_tariff: (
                self.tr("&Cancel tariff change"),
                self.tr("Keep the current tariff instead of the one planned for 00:00 MSK"),
            ),
            self.refresh: (
                self.tr("Re&fresh"),
                self.tr("Sync with Movizor now and reload the selected rows"),
            ),
            self.copy_phone: (
                self.tr("Copy p&hone number"),
                self.tr("Copy the selected subscribers' numbers"),
            ),
            self.connection_settings: (
                self.tr("Co&nnection settings…"),
                self.tr("Accounts, API address and key"),
            ),
            self.quit: (self.tr("&Quit"), self.tr("Close Movizor Desktop")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        self._delete_text = self.delete.text()

    def update_state(
        self,
        rows: Sequence[FleetRow],
        *,
        connected: bool,
        busy: Collection[str] = (),
        has_session: bool | None = None,
    ) -> None:
        """Enable actions for the selected ``rows``.

        ``connected``: a session exists and its key was not refused; ``busy``: phones whose
        position request runs now.
        """
        session = connected if has_session is None else has_session
        one = rows[0] if len(rows) == 1 else None
        self.add.setEnabled(connected)
        self.edit.setEnabled(connected and one is not None)
        self.request_position.setEnabled(
            connected and one is not None and one.status == Status.OK and one.phone not in busy
        )
        self.delete.setEnabled(connected and bool(rows))
        self.reactivate.setEnabled(
            connected and bool(rows) and all(r.status in REACTIVATABLE for r in rows)
        )
        self.cancel_tariff.setEnabled(
            connected and one is not None and bool(one.tariff_new) and one.tariff_new != one.tariff
        )
        self.refresh.setEnabled(session)
        self.copy_phone.setEnabled(bool(rows))
        statuses = {r.status for r in rows}
        if rows and statuses <= {Status.OK}:
            self.delete.setText(self.tr("&Disable…"))
        elif rows and Status.OK not in statuses:
            self.delete.setText(self.tr("&Delete…"))
        else:
            self.delete.setText(self._delete_text)


__all__ = ["REACTIVATABLE", "WindowActions"]

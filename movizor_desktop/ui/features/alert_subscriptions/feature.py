"""Alert subscriptions: the SMS, e-mail and Telegram messages Movizor itself sends on events.

Not to be confused with desktop alerts (:mod:`..desktop_alerts`: pop-ups on this computer).
Tools → *Alert subscriptions…* (Ctrl+Shift+M) opens the account's subscriptions
(:mod:`.dialog`); the dialog belongs to the session it was opened for (closed on a switch)
and is deleted when closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from ...shell import Feature, Shell

if TYPE_CHECKING:
    from .dialog import AlertSubscriptionsDialog


class AlertSubscriptions(Feature):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.dialog: AlertSubscriptionsDialog | None = None
        self.action = self.new_action(
            "alert_subscriptions", "Ctrl+Shift+M", self.open_dialog, menu=shell.tools_menu
        )
        shell.session_changed.connect(self._session_changed)
        self._session_changed(shell.session)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Alert subscriptions…"))
        self.action.setStatusTip(self.tr("SMS, e-mail and Telegram alerts on events"))

    def _session_changed(self, session: object) -> None:
        """The dialog belongs to the session it was opened for: closed on a switch."""
        current = self.shell.session
        self.action.setEnabled(current is not None and not current.closed)
        if self.dialog is not None and self.dialog.session is not session:
            self.dialog.reject()

    def open_dialog(self) -> AlertSubscriptionsDialog | None:
        shell = self.shell
        session = shell.session
        if session is None or session.closed:
            return None
        from .dialog import AlertSubscriptionsDialog

        dialog = AlertSubscriptionsDialog(
            session, shell.model.rows(), lang=shell.lang, parent=shell.widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog


__all__ = ["AlertSubscriptions"]

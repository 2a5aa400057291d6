"""Menu wiring for client links and alert subscriptions.

* Subscriber → *Share with a client…* (Ctrl+Shift+S): the client links dialog with the
  new-link form already open for the selected subscribers;
* Tools → *Client links…* (Ctrl+Shift+K): the account's links (a new one for the current
  selection);
* Tools → *Alert subscriptions…* (Ctrl+Shift+M): SMS / e-mail / Telegram alerts per event
  type.

:func:`install_client_access` adds all three and keeps them on ``window.client_access``;
the dialogs are window-modal and deleted when closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .dialogs.alert_subscriptions import AlertSubscriptionsDialog
    from .dialogs.shares import SharesDialog
    from .main_window import MainWindow


class ClientAccess(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shares_dialog: SharesDialog | None = None
        self.alerts_dialog: AlertSubscriptionsDialog | None = None
        self.share_action = QAction(self)
        self.share_action.setObjectName("share_with_client")
        self.share_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.share_action.triggered.connect(lambda: self.open_shares(new=True))
        self.links_action = QAction(self)
        self.links_action.setObjectName("client_links")
        self.links_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.links_action.triggered.connect(lambda: self.open_shares(new=False))
        self.alerts_action = QAction(self)
        self.alerts_action.setObjectName("alert_subscriptions")
        self.alerts_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.alerts_action.triggered.connect(self.open_alerts)
        window.subscriber_menu.addSeparator()
        window.subscriber_menu.addAction(self.share_action)
        window.subscribers.add_context_actions([self.share_action])
        window.tools_menu.addAction(self.links_action)
        window.tools_menu.addAction(self.alerts_action)
        for action in (self.share_action, self.links_action, self.alerts_action):
            window.addAction(action)  # the shortcuts work with the menu bar hidden
        window.subscribers.selection_changed.connect(self.update_state)
        window.session_changed.connect(self.update_state)
        window.session_changed.connect(self._session_changed)
        window.installEventFilter(self)
        self.retranslate()
        self.update_state()

    def retranslate(self) -> None:
        self.share_action.setText(self.tr("S&hare with a client…"))
        self.share_action.setStatusTip(self.tr(
            "Create a link to Movizor's map of the selected subscribers for a client"))
        self.links_action.setText(self.tr("&Client links…"))
        self.links_action.setStatusTip(self.tr("The links that give clients a map of "
                                               "their subscribers"))
        self.alerts_action.setText(self.tr("&Alert subscriptions…"))
        self.alerts_action.setStatusTip(self.tr("SMS, e-mail and Telegram alerts on events"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while a collected window is torn down, Qt still sends it events and
        # this object's attributes may already be cleared
        if watched is getattr(self, "window", None) and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _connected(self) -> bool:
        session = self.window.session
        return session is not None and not session.closed

    def update_state(self, *_: object) -> None:
        connected = self._connected()
        self.share_action.setEnabled(connected and bool(self.window.subscribers.selected_phones()))
        self.links_action.setEnabled(connected)
        self.alerts_action.setEnabled(connected)

    def _session_changed(self, session: object) -> None:
        """Dialogs belong to the session they were opened for: close them on a switch."""
        for dialog in (self.shares_dialog, self.alerts_dialog):
            if dialog is not None and dialog.session is not session:
                dialog.reject()

    def open_shares(self, *, new: bool = False) -> SharesDialog | None:
        session = self.window.session
        if session is None or session.closed:
            return None
        from .dialogs.shares import SharesDialog

        rows = self.window.subscribers.selected_rows()
        dialog = SharesDialog(session, rows, lang=self.window.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shares_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "shares_dialog", None))
        dialog.open()
        if new and rows:
            dialog.new_link()
        return dialog

    def open_alerts(self) -> AlertSubscriptionsDialog | None:
        session = self.window.session
        if session is None or session.closed:
            return None
        from .dialogs.alert_subscriptions import AlertSubscriptionsDialog

        dialog = AlertSubscriptionsDialog(session, self.window.model.rows(),
                                          lang=self.window.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.alerts_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "alerts_dialog", None))
        dialog.open()
        return dialog


def install_client_access(window: MainWindow) -> ClientAccess:
    """Add the share and alert actions to ``window``'s menus; kept on ``client_access``."""
    access = ClientAccess(window)
    window.client_access = access  # type: ignore[attr-defined]
    return access

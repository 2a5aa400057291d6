"""Client links: Movizor's map of chosen subscribers, shared with a client by a link.

* Subscriber → *Share with a client…* (Ctrl+Shift+S, also in the row menu): the client
  links dialog with the new-link form already open for the selected subscribers;
* Tools → *Client links…* (Ctrl+Shift+K): the account's links (a new one for the current
  selection).

The dialog (:mod:`.dialog`) is window-modal, belongs to the session it was opened for
(closed on a switch) and is deleted when closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from ...shell import Feature, Shell

if TYPE_CHECKING:
    from .dialog import SharesDialog


class ClientLinks(Feature):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.dialog: SharesDialog | None = None
        shell.subscriber_menu.addSeparator()
        self.share_action = self.new_action(
            "share_with_client",
            "Ctrl+Shift+S",
            lambda: self.open_dialog(new=True),
            menu=shell.subscriber_menu,
        )
        shell.subscribers.add_context_actions([self.share_action])
        self.links_action = self.new_action(
            "client_links",
            "Ctrl+Shift+K",
            lambda: self.open_dialog(new=False),
            menu=shell.tools_menu,
        )
        shell.subscribers.selection_changed.connect(self.update_state)
        shell.session_changed.connect(self._session_changed)
        self.update_state()

    def retranslate(self) -> None:
        self.share_action.setText(self.tr("S&hare with a client…"))
        self.share_action.setStatusTip(
            self.tr("Create a link to Movizor's map of the selected subscribers for a client")
        )
        self.links_action.setText(self.tr("&Client links…"))
        self.links_action.setStatusTip(
            self.tr("The links that give clients a map of their subscribers")
        )

    def update_state(self, *_: object) -> None:
        session = self.shell.session
        connected = session is not None and not session.closed
        self.share_action.setEnabled(connected and bool(self.shell.subscribers.selected_phones()))
        self.links_action.setEnabled(connected)

    def _session_changed(self, session: object) -> None:
        """The dialog belongs to the session it was opened for: closed on a switch."""
        self.update_state()
        if self.dialog is not None and self.dialog.session is not session:
            self.dialog.reject()

    def open_dialog(self, *, new: bool = False) -> SharesDialog | None:
        shell = self.shell
        session = shell.session
        if session is None or session.closed:
            return None
        from .dialog import SharesDialog

        rows = shell.subscribers.selected_rows()
        dialog = SharesDialog(session, rows, lang=shell.lang, parent=shell.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        if new and rows:
            dialog.new_link()
        return dialog


__all__ = ["ClientLinks"]

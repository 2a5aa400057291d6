"""Client links (``share_list`` / ``share_add`` / ``share_delete``): the account's links to
Movizor's map for clients outside the company, like "Доступ клиентам" in the web cabinet.

The table shows each link's client, e-mail, comments, the number of subscribers it
shows, the requests the client made today against the daily limit, when it was created
and when access ends (Moscow time, marked "MSK"). A link whose end of access has passed is
marked *Expired* (red, with a tooltip saying since when) and the status column sorts
expired links together. Per link: copy the address, open it in the browser, delete it
(after a confirmation). Every request runs as a task; while one runs the buttons it
concerns are disabled, a failure shows in the dialog's banner and nothing crashes.

The list loads when the dialog opens ("Loading…" until then; a sentence when the account
has no links). New links are made by :class:`~.form.ShareFormDialog` for the
subscribers selected in the main window. The loading, the placeholder, the delete's
question and the errors are :class:`~movizor_desktop.ui.dialogs.list_dialog.ListDialog`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMenu, QMessageBox, QWidget

from .... import clock
from ...dialogs.list_dialog import ListDialog, ListTexts
from ...dialogs.widgets import action_button
from .form import ShareFormDialog
from .table import CLIENT, COMMENTS, CREATED, KEY_ROLE, SORT_ROLE, ShareTableModel

if TYPE_CHECKING:
    from ....api.models import Share, ShareCreated
    from ....fleet import FleetRow
    from ...session import Session


class SharesDialog(ListDialog["Share"]):
    """The account's client links; ``rows`` are the subscribers a new link would show."""

    changed = Signal()  # a link was created or deleted

    def __init__(
        self,
        session: Session,
        rows: Sequence[FleetRow] = (),
        *,
        lang: str = "en",
        now: Callable[[], datetime] = clock.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, name="shares", lang=lang, parent=parent)
        self.rows = list(rows)
        self._now = now
        self.shares: dict[str, Share] = {}
        self.form: ShareFormDialog | None = None
        self._select_after_load: str | None = None
        self.setObjectName("shares_dialog")
        self.setWindowTitle(self.tr("Client links"))
        self.resize(1100, 460)

        self.model = ShareTableModel(self)
        self.set_model(self.model, SORT_ROLE)
        self.table.sortByColumn(CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.copy_link())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMMENTS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)

        self.new_button = action_button("shares_new", self.tr("&New link…"), self.new_link)
        self.copy_button = action_button("shares_copy", self.tr("&Copy link"), self.copy_link)
        self.open_button = action_button("shares_open", self.tr("&Open in browser"), self.open_link)
        self.delete_button = action_button("shares_delete", self.tr("&Delete…"), self.delete_link)
        self.refresh_button = action_button("shares_refresh", self.tr("&Refresh"), self.load)
        self.lay_out(
            [self.new_button, self.copy_button, self.open_button, self.delete_button],
            self.refresh_button,
        )
        self._minute = QTimer(self, interval=60_000)
        self._minute.timeout.connect(lambda: self.model.refresh_states(self._now()))
        self._minute.start()

    # --- ListDialog ---------------------------------------------------------------------------

    def texts(self) -> ListTexts:
        return ListTexts(
            loading=self.tr("Loading client links…"),
            failed=self.tr("The links could not be loaded."),
            empty=self.tr(
                "There are no client links yet. Select subscribers in the list and choose "
                "Subscriber → Share with a client… to give a client a map of them."
            ),
            load_error=self.tr("The client links could not be loaded: {error}"),
            delete_error=self.tr("The link could not be deleted: {error}"),
            unexpected=self.tr("Something went wrong; the details are in the log."),
        )

    async def fetch(self) -> Sequence[Share]:
        return await self.session.client.share_list()

    def show_items(self, items: Sequence[Share]) -> None:
        self.set_shares(items)

    def current(self) -> Share | None:
        return self.current_share()

    def item_id(self, item: Share) -> str:
        return item.key

    def update_buttons(self, *_: object) -> None:
        has = self.current_share() is not None
        self.new_button.setEnabled(bool(self.rows) and self._deleting is None)
        self.new_button.setText(
            self.tr("&New link for the selected (%n)…", "", len(self.rows))
            if self.rows
            else self.tr("&New link…")
        )
        self.new_button.setToolTip(
            "" if self.rows else self.tr("Select the subscribers to share in the list first.")
        )
        self.copy_button.setEnabled(has)
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has and not self.busy)
        self.refresh_button.setEnabled(not self.busy)

    def delete_box(self, item: Share) -> QMessageBox:
        box = self.new_message_box(
            "confirm_share_delete",
            self.tr("Delete client link?"),
            self.tr("Delete the link for {client}?").format(client=item.client or item.url),
            self.tr("Delete link"),
        )
        box.setInformativeText(
            self.tr(
                "The client will no longer see the map of its subscribers (%n). This cannot "
                "be undone; a new link would have a different address.",
                "",
                item.cnt or 0,
            )
        )
        return box

    async def remove(self, item: Share) -> None:
        self.info.set_text(self.tr("Deleting the link…"))
        await self.session.client.share_delete(item.key)

    def removed(self, item: Share) -> None:
        self._say(
            self.tr("The link for {client} was deleted.").format(client=item.client or item.url)
        )
        self.changed.emit()

    # --- the links ----------------------------------------------------------------------------

    def current_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.index(rows[0].row(), CLIENT).data(KEY_ROLE)

    def current_share(self) -> Share | None:
        key = self.current_key()
        return self.shares.get(key) if key else None

    def _say(self, text: str) -> None:
        self.info.set_text(text)

    def set_shares(self, shares: Sequence[Share]) -> None:
        keep = self._select_after_load or self.current_key()
        self._select_after_load = None
        self.shares = {s.key: s for s in shares}
        self.model.set_shares(shares, self._now())
        self.table.sortByColumn(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.show_placeholder()
        if keep is not None:
            self.select_key(keep)
        self.update_buttons()

    def select_key(self, key: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, CLIENT).data(KEY_ROLE) == key:
                self.table.selectRow(r)
                return True
        return False

    def key_at(self, row: int) -> str:
        return self.proxy.index(row, CLIENT).data(KEY_ROLE)

    def expired_keys(self) -> list[str]:
        return self.model.expired_keys()

    # --- actions ----------------------------------------------------------------------------

    def new_link(self) -> ShareFormDialog | None:
        if not self.rows:
            return None
        form = ShareFormDialog(self.session, self.rows, lang=self.lang, now=self._now, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.created.connect(self._created)
        self.form = form
        form.destroyed.connect(self._form_gone)
        form.open()
        return form

    def _created(self, created: ShareCreated) -> None:
        self.banner.set_message(None)
        self._say(
            self.tr(
                "Link created; subscribers shown: %n. Copy it or open it below.",
                "",
                created.objects_count or 0,
            )
        )
        self._select_after_load = created.key
        self.changed.emit()
        self.load()

    def copy_link(self) -> None:
        share = self.current_share()
        if share is None:
            return
        QGuiApplication.clipboard().setText(share.url)
        self._say(self.tr("Link copied: {url}").format(url=share.url))

    def open_link(self) -> None:
        share = self.current_share()
        if share is None:
            return
        if QDesktopServices.openUrl(QUrl(share.url)):
            self.banner.set_message(None)
        else:
            self.banner.set_message(
                self.tr("The link could not be opened in a browser; copy it instead.")
            )

    def delete_link(self) -> None:
        self.delete()

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        for button in (self.copy_button, self.open_button, self.delete_button):
            action = menu.addAction(button.text().replace("&", ""), button.click)
            action.setEnabled(button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _form_gone(self, *_: object) -> None:
        self.form = None


__all__ = ["SharesDialog"]

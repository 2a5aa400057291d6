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
has no links). New links are made by :class:`~.shares_form.ShareFormDialog` for the
subscribers selected in the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...api.errors import MovizorError
from .shares_form import ShareFormDialog
from .shares_table import CLIENT, COMMENTS, CREATED, KEY_ROLE, SORT_ROLE, ShareTableModel
from .widgets import Banner, Note, action_button, run_dialog

if TYPE_CHECKING:
    from ...api.models import Share, ShareCreated
    from ...fleet import FleetRow
    from ..session import Session

log = logging.getLogger(__name__)


class SharesDialog(QDialog):
    """The account's client links; ``rows`` are the subscribers a new link would show."""

    changed = Signal()  # a link was created or deleted

    def __init__(self, session: Session, rows: Sequence[FleetRow] = (), *, lang: str = "en",
                 now: Callable[[], datetime] = clock.now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows = list(rows)
        self.lang = lang
        self._now = now
        self.shares: dict[str, Share] = {}
        self._loaded = False
        self._loading = False
        self._failed = False
        self._deleting: str | None = None
        self.form: ShareFormDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._select_after_load: str | None = None
        self.setObjectName("shares_dialog")
        self.setWindowTitle(self.tr("Client links"))
        self.resize(1100, 460)

        self.banner = Banner()
        self.banner.setObjectName("shares_banner")
        self.info = Note()
        self.info.setObjectName("shares_info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.hide()

        self.model = ShareTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("shares_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.copy_link())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMMENTS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("shares_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)

        self.new_button = action_button("shares_new", self.tr("&New link…"), self.new_link)
        self.copy_button = action_button("shares_copy", self.tr("&Copy link"), self.copy_link)
        self.open_button = action_button("shares_open", self.tr("&Open in browser"),
                                        self.open_link)
        self.delete_button = action_button("shares_delete", self.tr("&Delete…"),
                                          self.delete_link)
        self.refresh_button = action_button("shares_refresh", self.tr("&Refresh"), self.load)
        row = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.open_button,
                       self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self._minute = QTimer(self, interval=60_000)
        self._minute.timeout.connect(lambda: self.model.refresh_states(self._now()))
        self._minute.start()
        self._update_buttons()

    # --- state ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._loading or self._deleting is not None

    @property
    def loading(self) -> bool:
        return self._loading

    def current_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.index(rows[0].row(), CLIENT).data(KEY_ROLE)

    def current_share(self) -> Share | None:
        key = self.current_key()
        return self.shares.get(key) if key else None

    def _update_buttons(self, *_: object) -> None:
        has = self.current_share() is not None
        self.new_button.setEnabled(bool(self.rows) and self._deleting is None)
        self.new_button.setText(
            self.tr("&New link for the selected (%n)…", "", len(self.rows))
            if self.rows else self.tr("&New link…"))
        self.new_button.setToolTip(
            "" if self.rows else
            self.tr("Select the subscribers to share in the list first."))
        self.copy_button.setEnabled(has)
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has and not self.busy)
        self.refresh_button.setEnabled(not self.busy)

    def _show_placeholder(self) -> None:
        if self._loading and not self.shares:
            self.placeholder.setText(self.tr("Loading client links…"))
            self.stack.setCurrentWidget(self.placeholder)
        elif self._loaded and not self.shares:
            self.placeholder.setText(self.tr(
                "There are no client links yet. Select subscribers in the list and choose "
                "Subscriber → Share with a client… to give a client a map of them."))
            self.stack.setCurrentWidget(self.placeholder)
        elif self._failed and not self.shares:
            self.placeholder.setText(self.tr("The links could not be loaded."))
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.stack.setCurrentWidget(self.table)

    def _say(self, text: str) -> None:
        self.info.set_text(text)

    # --- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.banner.set_message(None)
        self._show_placeholder()
        self._update_buttons()
        self.session.tasks.spawn(self._load(), on_error=self._unexpected)

    async def _load(self) -> None:
        try:
            shares = await self.session.client.share_list()
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._loading = False
                self._failed = True
                self.banner.set_message(
                    self.tr("The client links could not be loaded: {error}").format(
                        error=exc.message(self.lang)))
                self._show_placeholder()
                self._update_buttons()
            return
        if not shiboken6.isValid(self):
            return
        self._loading = False
        self._loaded = True
        self._failed = False
        self.set_shares(shares)

    def set_shares(self, shares: Sequence[Share]) -> None:
        keep = self._select_after_load or self.current_key()
        self._select_after_load = None
        self.shares = {s.key: s for s in shares}
        self.model.set_shares(shares, self._now())
        self.table.sortByColumn(self.proxy.sortColumn(), self.proxy.sortOrder())
        self._show_placeholder()
        if keep is not None:
            self.select_key(keep)
        self._update_buttons()

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
        form = ShareFormDialog(self.session, self.rows, lang=self.lang, now=self._now,
                               parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.created.connect(self._created)
        self.form = form
        form.destroyed.connect(self._form_gone)
        form.open()
        return form

    def _created(self, created: ShareCreated) -> None:
        self.banner.set_message(None)
        self._say(self.tr("Link created; subscribers shown: %n. Copy it or open it below.", "",
                          created.objects_count or 0))
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
            self.banner.set_message(self.tr(
                "The link could not be opened in a browser; copy it instead."))

    def delete_link(self) -> None:
        share = self.current_share()
        if share is None or self.busy:
            return
        self._deleting = share.key  # no second delete while this one is being asked
        self._update_buttons()
        self.session.tasks.spawn(self._delete(share), on_error=self._unexpected)

    def _confirm_box(self, share: Share) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("confirm_share_delete")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete client link?"))
        name = share.client or share.url
        box.setText(self.tr("Delete the link for {client}?").format(client=name))
        box.setInformativeText(self.tr(
            "The client will no longer see the map of its subscribers (%n). This cannot "
            "be undone; a new link would have a different address.", "", share.cnt or 0))
        delete = box.addButton(self.tr("Delete link"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    async def _delete(self, share: Share) -> None:
        box = self.confirm_box = self._confirm_box(share)
        try:
            await run_dialog(box)
            clicked = box.clickedButton()
            confirmed = clicked is not None and clicked.objectName() == "confirm"
        finally:
            self.confirm_box = None
            box.deleteLater()
        if not confirmed:
            self._deleting = None
            self._update_buttons()
            return
        self.info.set_text(self.tr("Deleting the link…"))
        try:
            await self.session.client.share_delete(share.key)
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._deleting = None
                self.info.set_text("")
                self.banner.set_message(self.tr("The link could not be deleted: {error}")
                                        .format(error=exc.message(self.lang)))
                self._update_buttons()
            return
        if not shiboken6.isValid(self):
            return
        self._deleting = None
        self.banner.set_message(None)
        self._say(self.tr("The link for {client} was deleted.").format(
            client=share.client or share.url))
        self.changed.emit()
        self.load()

    def _context_menu(self, pos: Any) -> None:
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

    def _unexpected(self, exc: BaseException) -> None:
        log.error("client links: unexpected error", exc_info=(type(exc), exc,
                                                              exc.__traceback__))
        if shiboken6.isValid(self):
            self._failed = self._failed or self._loading
            self._loading = False
            self._deleting = None
            self.banner.set_message(self.tr("Something went wrong; the details are in the log."))
            self._show_placeholder()
            self._update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded and not self._loading:
            self.load()

"""The base of the dialogs that list things of the account: client links, alert subscriptions.

A :class:`ListDialog` shows a table of items Movizor keeps (loaded when the dialog opens,
again with *Refresh* and after every change), a banner for what went wrong, a line for
what went right, a placeholder while there is nothing to show (loading, failed, none yet),
a row of buttons and *Close*. Deleting an item asks first (a window-modal box whose
*Cancel* is the default), then sends one request; nothing is sent twice, and no second
delete starts while one is being asked or sent. A request that fails says why in the
banner and leaves the dialog as it was; an unexpected error is logged and said in a
sentence, never a crash.

A subclass fills the table (:meth:`fetch`, :meth:`show_items`, :meth:`current`), says its
words (:meth:`texts`, :meth:`delete_box`) and removes an item (:meth:`remove`). Every
request belongs to the session the dialog was opened for (its tasks are the session's).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import MovizorError
from .widgets import Banner, Note, run_dialog

if TYPE_CHECKING:
    from ..session import Session

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ListTexts:
    """A list dialog's sentences, in the user's language."""

    loading: str  # the placeholder while the first load runs
    failed: str  # the placeholder when it failed
    empty: str  # the placeholder when the account has none
    load_error: str  # the banner when a load failed: "… {error}"
    delete_error: str  # the banner when a delete failed: "… {error}"
    unexpected: str  # the banner after an unexpected error


class ListDialog(QDialog, Generic[T]):
    """See the module docstring. ``name`` prefixes the widgets' object names."""

    def __init__(
        self, session: Session, *, name: str, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self._loaded = self._loading = self._failed = False
        self._deleting: str | None = None  # the id of the item being asked about or deleted
        self.confirm_box: QMessageBox | None = None
        self.banner = Banner()
        self.banner.setObjectName(f"{name}_banner")
        self.info = Note()
        self.info.setObjectName(f"{name}_info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.hide()
        self.proxy = QSortFilterProxyModel(self)
        self.table = QTableView()
        self.table.setObjectName(f"{name}_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.placeholder = QLabel()
        self.placeholder.setObjectName(f"{name}_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)

    def set_model(self, model: QAbstractItemModel, sort_role: int) -> None:
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(sort_role)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)

    def lay_out(
        self, buttons: Sequence[QPushButton], refresh: QPushButton, above: Sequence[QWidget] = ()
    ) -> None:
        """Banner, info line, ``above``, the table (or its placeholder), the buttons (then
        Refresh at the right), Close."""
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(refresh)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.info, *above):
            layout.addWidget(widget)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        layout.addWidget(self.close_box)
        self.update_buttons()

    # --- what a subclass says and does ----------------------------------------------------

    def texts(self) -> ListTexts:
        raise NotImplementedError

    async def fetch(self) -> Sequence[T]:
        """The account's items (one request)."""
        raise NotImplementedError

    def show_items(self, items: Sequence[T]) -> None:
        """Put ``items`` in the table, keeping the selection where it can."""
        raise NotImplementedError

    def has_items(self) -> bool:
        return self.proxy.rowCount() > 0

    def current(self) -> T | None:
        """The selected item."""
        raise NotImplementedError

    def update_buttons(self, *_: object) -> None:
        """Enable what can be done now (:attr:`busy`, :meth:`current`)."""

    def delete_box(self, item: T) -> QMessageBox:
        """The question before ``item`` is deleted (:meth:`new_message_box`)."""
        raise NotImplementedError

    async def remove(self, item: T) -> None:
        """Delete ``item`` at Movizor (one request)."""
        raise NotImplementedError

    def removed(self, item: T) -> None:
        """``item`` was deleted: say so (the list reloads after)."""

    def item_id(self, item: T) -> str:
        raise NotImplementedError

    # --- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._loading or self._deleting is not None

    @property
    def loading(self) -> bool:
        return self._loading

    def show_placeholder(self) -> None:
        if self.has_items():
            self.stack.setCurrentWidget(self.table)
            return
        texts = self.texts()
        text = texts.loading if self._loading else texts.failed if self._failed else texts.empty
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def new_message_box(self, name: str, title: str, text: str, confirm: str) -> QMessageBox:
        """A warning box asking to delete: ``confirm`` is the deleting button, Cancel the
        default (Enter and Escape keep the item)."""
        box = QMessageBox(self)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        delete = box.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    # --- loading --------------------------------------------------------------------------

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.banner.set_message(None)
        self.show_placeholder()
        self.update_buttons()
        self.session.tasks.spawn(self._load(), on_error=self._unexpected)

    async def _load(self) -> None:
        try:
            items = await self.fetch()
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._loading, self._failed = False, True
                self.banner.set_message(
                    self.texts().load_error.format(error=exc.message(self.lang))
                )
                self.show_placeholder()
                self.update_buttons()
            return
        if shiboken6.isValid(self):
            self._loading, self._loaded, self._failed = False, True, False
            self.show_items(items)
            self.show_placeholder()
            self.update_buttons()

    # --- deleting -------------------------------------------------------------------------

    def delete(self) -> None:
        item = self.current()
        if item is None or self.busy:
            return
        self._deleting = self.item_id(item)  # no second delete while this one is asked
        self.update_buttons()
        self.session.tasks.spawn(self._delete(item), on_error=self._unexpected)

    async def _delete(self, item: T) -> None:
        box = self.confirm_box = self.delete_box(item)  # tests answer it
        try:
            await run_dialog(box)
            clicked = box.clickedButton()
            confirmed = clicked is not None and clicked.objectName() == "confirm"
        finally:
            self.confirm_box = None
            box.deleteLater()
        if not confirmed:
            self._deleting = None
            self.update_buttons()
            return
        try:
            await self.remove(item)
        except MovizorError as exc:
            if shiboken6.isValid(self):
                self._deleting = None
                self.info.set_text("")
                self.banner.set_message(
                    self.texts().delete_error.format(error=exc.message(self.lang))
                )
                self.update_buttons()
            return
        if shiboken6.isValid(self):
            self._deleting = None
            self.banner.set_message(None)
            self.removed(item)
            self.load()

    # --- never a crash --------------------------------------------------------------------

    def _unexpected(self, exc: BaseException) -> None:
        log.error("%s: unexpected error", self.objectName(), exc_info=exc)
        if shiboken6.isValid(self):
            self._failed = self._failed or self._loading
            self._loading = False
            self._deleting = None
            self.banner.set_message(self.texts().unexpected)
            self.show_placeholder()
            self.update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded and not self._loading:
            self.load()


__all__ = ["ListDialog", "ListTexts"]

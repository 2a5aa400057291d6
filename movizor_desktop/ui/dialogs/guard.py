"""Safe keys for the dialogs that change Movizor or hold typed work.

:class:`DialogGuard` makes a dialog behave the same way for every key a dispatcher
presses without looking:

* **Enter finishes an edit, never a dialog.** No push button of the dialog is a default
  or auto-default button (so Enter in a field, a table cell or a spin box presses
  nothing), and an Enter that reaches the dialog itself is swallowed.
* **Ctrl+Enter commits** (Add, Save, Create…): the ``commit`` callable, run after any
  cell editor still open has handed its value to the model.
* **Escape asks first.** A completer or popup that is open gets the Escape itself and
  closes; an Escape that reaches the dialog, its Cancel button and the title bar's close
  ask "Discard the changes?" while ``is_dirty()`` says there is unsaved input
  (Keep editing is the default answer). A clean dialog closes at once. The question is
  shown with ``open()``, never ``exec()`` (qasync).

Code that closes the dialog on purpose (a session switch, a successful save) calls
``reject()``/``accept()`` and is never asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
)

log = logging.getLogger(__name__)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
COMMIT_KEYS = (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
               QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter))


class DialogGuard(QObject):
    """Installs the rules above on ``dialog`` (kept as its child)."""

    def __init__(self, dialog: QDialog, *, commit: Callable[[], Any] | None = None,
                 is_dirty: Callable[[], bool] = lambda: False,
                 cancel_button: QAbstractButton | None = None) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.commit = commit
        self.is_dirty = is_dirty
        self.question: QMessageBox | None = None  # the open "discard?" question
        self.asked = 0  # how many times the question was shown (tests)
        self.shortcuts: list[QShortcut] = []
        if commit is not None:
            for keys in COMMIT_KEYS:
                shortcut = QShortcut(keys, dialog)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(self._commit_soon)
                self.shortcuts.append(shortcut)
        if cancel_button is not None:
            try:  # the button's own reject() connection: replaced by the question
                cancel_button.clicked.disconnect()
            except (RuntimeError, TypeError):
                pass
            cancel_button.clicked.connect(lambda _checked=False: self.request_close())
        dialog.installEventFilter(self)
        self.disarm_buttons()

    # --- Enter --------------------------------------------------------------------------

    def disarm_buttons(self) -> None:
        """No button of the dialog is (auto-)default: Enter presses nothing.

        Runs now and again when the dialog is shown (QDialogButtonBox makes its first
        accept button the default when it is shown)."""
        for button in self.dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _commit_soon(self) -> None:
        # A table cell editor commits its value through a queued call on Enter; a commit
        # queued after it sees that value.
        if self.commit is not None and self.question is None:
            QTimer.singleShot(0, self._commit)

    def _commit(self) -> None:
        if self.commit is not None and self.dialog.isVisible():
            self.commit()

    # --- Escape and closing -------------------------------------------------------------

    def request_close(self) -> None:
        """Close the dialog, after asking when it holds unsaved input."""
        if self.question is not None:
            return
        if not self._dirty():
            self.dialog.reject()
            return
        self._ask()

    def _dirty(self) -> bool:
        try:
            return bool(self.is_dirty())
        except Exception:  # a check that fails must not lose the dispatcher's work
            log.exception("the unsaved-input check failed; asking before closing")
            return True

    def _ask(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the changes?"),
                          self.tr("What you typed in this window has not been saved."),
                          QMessageBox.StandardButton.NoButton, self.dialog)
        box.setObjectName("discard_question")
        box.setInformativeText(self.tr("Close the window and lose it, or keep editing?"))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep_editing")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.question = box
        self.asked += 1

        def answered(_code: int) -> None:
            self.question = None
            chosen = box.clickedButton()
            box.deleteLater()
            if chosen is discard:
                self.dialog.reject()

        box.finished.connect(answered)
        box.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.dialog:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in ENTER_KEYS:
                return True  # an edit is finished: nothing else happens
            if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if QApplication.activePopupWidget() is None:
                    self.request_close()
                return True
        elif kind == QEvent.Type.Show:
            self.disarm_buttons()
        elif kind == QEvent.Type.Close and event.spontaneous() and self._dirty():
            event.ignore()  # the title bar's close: ask, and keep the window meanwhile
            self.request_close()
            return True
        return False


__all__ = ["DialogGuard"]

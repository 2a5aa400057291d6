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
``reject()``/``accept()`` and is never asked (``close()`` counts as the title bar's ✕).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
COMMIT_KEYS = (
    QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
    QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
)


def input_state(root: QWidget) -> tuple[Any, ...]:
    """What the dispatcher can have typed or chosen in ``root``: every line edit, text
    box, combo box, check or radio button, spin box, date editor and list selection."""
    values: list[Any] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractItemView) and widget.selectionModel() is not None:
            values.append(
                tuple(
                    sorted((i.row(), i.column()) for i in widget.selectionModel().selectedIndexes())
                )
            )
    return tuple(values)


class DialogGuard(QObject):
    """Installs the rules above on ``dialog`` (kept as its child).

    Unsaved input is what ``is_dirty()`` says; without it, any change of
    :func:`input_state` since the dialog was first shown (or :meth:`mark_clean`).
    ``disarm=False`` keeps the dialog's default button (a dialog whose Enter costs
    nothing and changes nothing on Movizor, like the connection settings).
    """

    def __init__(
        self,
        dialog: QDialog,
        *,
        commit: Callable[[], Any] | None = None,
        is_dirty: Callable[[], bool] | None = None,
        cancel_button: QAbstractButton | None = None,
        disarm: bool = True,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.commit = commit
        self.disarm = disarm
        self._baseline: tuple[Any, ...] | None = None
        self.is_dirty = is_dirty if is_dirty is not None else self._changed_since_shown
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

    def mark_clean(self) -> None:
        """What the dialog shows now is what is saved."""
        self._baseline = input_state(self.dialog)

    def _changed_since_shown(self) -> bool:
        return self._baseline is not None and input_state(self.dialog) != self._baseline

    # --- Enter --------------------------------------------------------------------------

    def disarm_buttons(self) -> None:
        """No button of the dialog is (auto-)default: Enter presses nothing.

        Runs now and again when the dialog is shown (QDialogButtonBox makes its first
        accept button the default when it is shown)."""
        if not self.disarm:
            return
        for button in self.dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _commit_soon(self) -> None:
        # Ctrl+Enter is a shortcut: an open cell editor never saw it. Its value goes to
        # the model first (queued, like the view's own commit on Enter), then the commit.
        if self.commit is not None and self.question is None:
            self.finish_edits()
            QTimer.singleShot(0, self._commit)

    def _commit(self) -> None:
        if self.commit is not None and self.dialog.isVisible():
            self.commit()

    def finish_edits(self) -> None:
        """Hand every open table-cell editor's value to its model and close it."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for view in self.dialog.findChildren(QAbstractItemView):
            for editor in view.viewport().findChildren(QWidget, options=direct):
                if not editor.isVisible():
                    continue
                index = view.indexAt(editor.geometry().topLeft() + QPoint(2, 2))
                if not index.isValid() or view.indexWidget(index) is not editor:
                    continue
                delegate = view.itemDelegateForIndex(index)
                delegate.commitData.emit(editor)
                delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard the changes?"),
            self.tr("What you typed in this window has not been saved."),
            QMessageBox.StandardButton.NoButton,
            self.dialog,
        )
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
            if key in ENTER_KEYS and self.disarm:
                return True  # an edit is finished: nothing else happens
            if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if QApplication.activePopupWidget() is None:
                    self.request_close()
                return True
        elif kind == QEvent.Type.Show:
            self.disarm_buttons()
            if self._baseline is None:  # the dialog has filled its fields by now
                self.mark_clean()
        elif kind == QEvent.Type.Close and self._dirty():
            event.ignore()  # the title bar's close (or close()): ask, keep the window
            self.request_close()
            return True
        return False


__all__ = ["DialogGuard", "input_state"]

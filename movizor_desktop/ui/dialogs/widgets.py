"""Small building blocks shared by the dialogs: a field with its own error line, a banner,
a key entry with a show toggle, a tags completer, and awaiting a dialog without a nested
event loop.

Errors are shown *next to the field they concern*: every field of a form is added with
:func:`add_field`, which puts a hidden :class:`FieldError` label under the widget; a
dialog keeps them in a ``{field name: FieldError}`` dict and fills the one an error names
(``MovizorError.field``), or the :class:`Banner` at the top when no field is named.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOR = "#b3261e"
OK_COLOR = "#1e7b34"
D = TypeVar("D", bound=QDialog)


class WrappingLabel(QLabel):
    """A word-wrapped label that is always as tall as its lines at its real width.

    A form layout sizes a wrapped label's row for the width it guessed, not the one the
    label gets: second lines were cut off (the details pane's "Last fix") or ran over the
    next row (the Preferences' language note). Once the width is known, the label asks
    for the height its text needs there — just after the layout pass that gave it that
    width (a size changed during the pass itself would be lost).
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._fit = QTimer(self, singleShot=True, interval=0)
        self._fit.timeout.connect(self.fit_height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit.start()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit.start()

    def fit_height(self) -> None:
        """Ask for the height the text needs at the label's width now."""
        width = self.width()
        if width <= 0 or not self.isVisible():  # not laid out yet: its resize will tell
            return
        needed = self.heightForWidth(width)
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class FieldError(WrappingLabel):
    """A red, word-wrapped line under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def set_message(self, text: str | None, details: str = "") -> None:
        """``details``: e.g. Movizor's own answer behind the sentence (as a tooltip)."""
        self.setText(text or "")
        self.setToolTip(details if text else "")
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.set_message(None)


class Banner(WrappingLabel):
    """An error strip at the top of a dialog, for errors that concern no single field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            f"QLabel {{ color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f1b8b3;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.setAccessibleName(self.tr("Error message"))
        self.hide()

    def set_message(self, text: str | None, details: str = "") -> None:
        """``details``: e.g. Movizor's own answer behind the sentence (as a tooltip)."""
        self.setText(text or "")
        self.setToolTip(details if text else "")
        self.setVisible(bool(text))


class Note(WrappingLabel):
    """A grey explanatory line under a field (help, previews)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: palette(placeholder-text);")

    def set_text(self, text: str, *, ok: bool | None = None) -> None:
        color = {True: OK_COLOR, False: ERROR_COLOR}.get(ok, "palette(placeholder-text)")  # type: ignore[arg-type]
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.setVisible(bool(text))


def action_button(name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
    """A dialog's action button that never becomes the default (Enter stays with the
    dialog's own button); ``slot`` is called without the ``checked`` argument."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def widen_message_box(box: QMessageBox, width: int = 480) -> None:
    """Make a message box at least ``width`` px wide (Qt sizes it to its first line, so
    a longer sentence wraps early and breaks a phone number across lines)."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        layout.addItem(
            QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
            layout.rowCount(),
            0,
            1,
            layout.columnCount(),
        )


def add_field(form: QFormLayout, label: str, widget: QWidget, *extra: QWidget) -> FieldError:
    """Add ``label: widget`` to ``form``: the error line right under it, then ``extra``."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = FieldError()
    column.addWidget(error)  # right under the field, before any notes
    for item in extra:
        column.addWidget(item)
    title = QLabel(label)
    title.setBuddy(widget.focusProxy() or widget)
    form.addRow(title, box)
    return error


class SubmitEdit(QLineEdit):
    """A line edit whose Enter emits ``submitted`` instead of pressing the dialog's
    default button (a search field, a "type a time and add it" field)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class TagsCompleter(QCompleter):
    """Completes the tag after the last comma of a ``a, b, c`` line, keeping the others."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [t.strip() for t in text.split(",")[:-1] if t.strip()]
        return ", ".join([*head, completion])


class SecretEdit(QWidget):
    """A password-echo line edit with a "Show" toggle (the key is never shown by default)."""

    def __init__(self, show_text: str, hide_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = (show_text, hide_text)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setText(show_text)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle.toggled.connect(self._on_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _on_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(self._texts[1] if shown else self._texts[0])

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)


async def run_dialog(dialog: D) -> int:
    """Show ``dialog`` window-modally with ``open()`` and await its result code.

    Never calls ``exec()``: a nested event loop inside a coroutine breaks qasync
    ("Cannot enter into task … while another task is being executed", qasync #59).
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    except asyncio.CancelledError:  # shutdown or profile switch: do not leave it open
        if dialog.isVisible():
            dialog.reject()
        raise
    finally:
        dialog.finished.disconnect(finished)

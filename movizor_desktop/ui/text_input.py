"""Control characters never get into a one-line text field, whoever made the field.

Text pasted from Word or a web page carries control characters that Qt's line edits keep
as they are: Word's manual line break (a vertical tab), tabs and line breaks of a copied
table cell, a byte-order mark. Movizor stores them, and then the exports of the whole list
used to break. :class:`InputCleaner` is installed once on the application
(:func:`install_input_cleaning`, called at start-up) and watches every ``QLineEdit`` the
first time it gets the keyboard focus (typing, Ctrl+V, the context menu's Paste and a
middle click all focus the field first), so every dialog, every editor of a table cell
and every ``QInputDialog`` is covered, including those written later. An edit that brings
control characters in gets each run of them replaced with one space as it happens
(``Иванов\\x0bМАН`` → ``Иванов МАН``), the cursor staying where it was. Text the program
put in a field (a title as the server stores it) is cleaned when the field first gets the
focus, so what is saved after an edit is clean. The rule itself is
:func:`movizor_desktop.exchange.text_safety.replace_controls`; dialogs strip the ends when
they read a field.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ..exchange.text_safety import has_control_characters, replace_controls

_WATCHED = "movizorCleansInput"


def clean_edit(edit: QLineEdit, text: str | None = None) -> bool:
    """Replace the control characters of ``edit``'s text (each run by one space), keeping
    the cursor in place; True when something was replaced."""
    text = edit.text() if text is None else text
    if not has_control_characters(text):
        return False
    cursor = edit.cursorPosition()
    cleaned = replace_controls(text)
    edit.setText(cleaned)
    edit.setCursorPosition(min(len(replace_controls(text[:cursor])), len(cleaned)))
    return True


def _edited(edit: QLineEdit, text: str) -> None:
    if has_control_characters(text):
        # after the edit's own signals: listeners (a QInputDialog's value…) see the
        # cleaned text last
        QTimer.singleShot(0, edit, lambda: clean_edit(edit))


def watch(edit: QLineEdit) -> None:
    """Clean what the user types or pastes into ``edit`` from now on (once per field)."""
    if edit.property(_WATCHED):
        return
    edit.setProperty(_WATCHED, True)
    edit.textEdited.connect(lambda text, edit=edit: _edited(edit, text))
    clean_edit(edit)


class InputCleaner(QObject):
    """Watches every line edit that gets the focus (see the module docstring)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and not new.isReadOnly():
            watch(new)


def install_input_cleaning(app: QApplication) -> InputCleaner:
    """Install the cleaner on ``app`` (once; later calls return the same one)."""
    existing = app.findChild(InputCleaner)
    return existing if existing is not None else InputCleaner(app)


__all__ = ["InputCleaner", "clean_edit", "install_input_cleaning", "watch"]

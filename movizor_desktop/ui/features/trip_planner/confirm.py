"""The rules of the workspace's questions before a change on Movizor or a charge.

:func:`guard_question` puts :class:`~...dialogs.guard.DialogGuard` on a question box:
Enter presses nothing (no default button), Ctrl+Enter is the ``yes`` button, Escape
cancels. A second click on the workspace's button while the question is open opens no
second one (the callers keep a busy flag).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from ...dialogs.guard import DialogGuard


def guard_question(box: QMessageBox, yes: QPushButton) -> DialogGuard:
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
    return DialogGuard(box, commit=yes.click, is_dirty=lambda: False)


__all__ = ["guard_question"]

"""Dialogs: connection settings (profiles and keys), add/edit subscriber, delete confirmation.

Every dialog here is shown with ``open()`` (or awaited through
:func:`~movizor_desktop.ui.dialogs.widgets.run_dialog`) when async code is involved, never
with a nested ``exec()`` inside a coroutine (qasync #59).
"""

from .confirm import ask_delete, confirm_delete
from .connection import ConnectionDialog
from .subscriber import SubscriberDialog
from .widgets import run_dialog

__all__ = ["ConnectionDialog", "SubscriberDialog", "ask_delete", "confirm_delete", "run_dialog"]

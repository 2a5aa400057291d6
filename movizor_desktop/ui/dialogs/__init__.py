"""Dialogs: connection settings (profiles and keys), add/edit subscriber, delete confirmation,
and the workflow dialogs (shares, alerts, import, help, preferences) in modules of their own.

Every dialog here is shown with ``open()`` (or awaited through
:func:`~movizor_desktop.ui.dialogs.widgets.run_dialog`) when async code is involved, never
with a nested ``exec()`` inside a coroutine (qasync #59).

The names below are loaded on first use (PEP 562): importing one small module of this
package (the Help menu, say) must not pull in the big editors, which cold start pays for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .confirm import ask_delete, confirm_delete
    from .connection import ConnectionDialog
    from .subscriber import SubscriberDialog
    from .widgets import run_dialog

_WHERE = {
    "ask_delete": ".confirm",
    "confirm_delete": ".confirm",
    "ConnectionDialog": ".connection",
    "SubscriberDialog": ".subscriber",
    "run_dialog": ".widgets",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = ["ConnectionDialog", "SubscriberDialog", "ask_delete", "confirm_delete", "run_dialog"]

"""Editors embedded as pages of the subscriber dialog: the route (``destination[]``), the
request schedule (``sw1..sw7`` + ``st[]``) and the metadata (``metadata[]``).

Each is a plain QWidget with ``changed``, ``validate()``, ``is_modified()`` and
``set_error()``; the Qt-free logic lives in :mod:`.planning` and :mod:`.schedule_logic`
(the widgets are imported lazily, so those two load without touching Qt widgets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .metadata import MetadataEditor
    from .route import RouteEditor
    from .schedule import ScheduleEditor

_LAZY = {"MetadataEditor": ".metadata", "RouteEditor": ".route", "ScheduleEditor": ".schedule"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(name)


__all__ = ["MetadataEditor", "RouteEditor", "ScheduleEditor"]

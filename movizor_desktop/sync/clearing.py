"""What an edit asked to clear and Movizor kept. No Qt here.

How Movizor clears a route, the metadata or the schedule is disputed (``docs/protocol.md``):
the 2017 reading clears with a bare ``destination=`` / ``metadata=`` / ``st=``; the other
reading changes only what is sent explicitly. The client sends a schedule with every
weekday explicit (``swN=0``), which both readings accept; an empty route or metadata can
only be sent bare. After the edit the subscriber is read back, and
:func:`kept_after_clear` names what the dispatcher emptied but Movizor still has, so the
dialog can say so instead of pretending it is gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..api.encoding import Schedule
from ..api.models import ObjectInfo


def kept_after_clear(sent: Mapping[str, Any], info: ObjectInfo | None) -> list[str]:
    """Of ``route``, ``schedule`` and ``metadata`` (the object_edit keyword arguments
    sent), those sent empty that ``info`` (object_get after the edit) still shows. A
    schedule Movizor does not report cannot be checked and is not listed."""
    if info is None:
        return []
    kept = []
    route = sent.get("route")
    if route is not None and not list(route) and info.destination:
        kept.append("route")
    schedule = sent.get("schedule")
    if (
        isinstance(schedule, Schedule)
        and schedule.empty
        and info.schedule is not None
        and info.schedule.days
    ):
        kept.append("schedule")
    metadata = sent.get("metadata")
    if metadata is not None and not metadata and info.metadata:
        kept.append("metadata")
    return kept


__all__ = ["kept_after_clear"]

"""What one sync step changed, as one object the UI applies at once. No Qt here.

The sync engine hands the UI one :class:`ChangeSet` per cycle; the table model applies it
as precise row signals, the map as one JavaScript batch, the events pane as new lines.
:class:`EventGap` is part of it: a stretch of the event feed that may be missing
(:mod:`movizor_desktop.sync.event_gap` explains when).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..api.models import Balance, Event
from .row import FleetRow


@dataclass(frozen=True, slots=True)
class EventGap:
    """Events between ``since`` (the last one known) and ``until`` (the oldest one
    received after it) may be missing; either may be unknown (None)."""

    since: datetime | None
    until: datetime | None
    after_id: int | None = None  # the last id known before the gap


@dataclass(slots=True)
class ChangeSet:
    """What one sync step changed; empty lists mean nothing of that kind."""

    added: list[FleetRow] = field(default_factory=list)
    changed: list[FleetRow] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # phones
    # phones whose fix (lat, lon, fix_time) changed; each is also in ``added`` or ``changed``
    moved: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # new events, newest first
    balance: Balance | None = None
    gaps: list[EventGap] = field(default_factory=list)  # events that may be missing

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.changed
            or self.removed
            or self.events
            or self.balance is not None
            or self.gaps
        )

    def merge(self, later: ChangeSet) -> ChangeSet:
        """One change set equivalent to applying ``self`` and then ``later``."""
        added = {r.phone: r for r in self.added}
        changed = {r.phone: r for r in self.changed}
        removed = list(self.removed)
        for phone in later.removed:
            if added.pop(phone, None) is None:
                changed.pop(phone, None)
                if phone not in removed:
                    removed.append(phone)
        for row in later.added:
            if row.phone in removed:  # removed, then back: net, the UI's row changed
                removed.remove(row.phone)
                changed[row.phone] = row
            else:
                added[row.phone] = row
        for row in later.changed:
            if row.phone in added:
                added[row.phone] = row
            else:
                changed[row.phone] = row
        alive = set(added) | set(changed)
        moved = [p for p in dict.fromkeys([*self.moved, *later.moved]) if p in alive]
        return ChangeSet(
            added=list(added.values()),
            changed=list(changed.values()),
            removed=removed,
            moved=moved,
            events=[*later.events, *self.events],
            balance=later.balance if later.balance is not None else self.balance,
            gaps=[*self.gaps, *later.gaps],
        )


__all__ = ["ChangeSet", "EventGap"]

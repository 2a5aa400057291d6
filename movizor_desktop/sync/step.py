"""One sync step's changes, applied to the fleet as they arrive and handed over as one
:class:`~movizor_desktop.fleet.ChangeSet`. No Qt here."""

from __future__ import annotations

from ..api.models import Balance, Event, Position
from ..fleet import ChangeSet, EventGap, Fleet, FleetRow


class Step:
    """The changes of one step, applied to the fleet as they come."""

    def __init__(self, fleet: Fleet) -> None:
        self.fleet = fleet
        self.added: dict[str, FleetRow] = {}
        self.changed: dict[str, FleetRow] = {}
        self.removed: list[str] = []
        self.moved: dict[str, None] = {}
        self.to_save: dict[str, FleetRow] = {}
        self.positions: dict[str, list[Position]] = {}
        self.events: list[Event] = []
        self.balance: Balance | None = None
        self.gaps: list[EventGap] = []

    def put(self, row: FleetRow, position: Position | None = None) -> bool:
        """Store ``row``; True when the UI sees a difference."""
        phone = row.phone
        old = self.fleet.get(phone)
        if old == row:
            return False
        self.fleet.put(row)
        self.to_save[phone] = row
        if old is None:
            if phone in self.removed:  # removed and back in the same step
                self.removed.remove(phone)
                self.changed[phone] = row
            else:
                self.added[phone] = row
            if row.lat is not None:
                self.moved[phone] = None
                if position is not None and position.has_fix:
                    self.positions.setdefault(phone, []).append(position)
            return True
        visible = not row.same_content(old)
        if phone in self.added:
            self.added[phone] = row
        elif visible or phone in self.changed:
            self.changed[phone] = row
        if old.fix != row.fix:
            self.moved[phone] = None
            if position is not None and position.has_fix:
                self.positions.setdefault(phone, []).append(position)
        return visible

    def remove(self, phone: str) -> bool:
        if not self.fleet.remove(phone):
            return False
        if self.added.pop(phone, None) is None:
            self.changed.pop(phone, None)
            self.removed.append(phone)
        self.moved.pop(phone, None)
        self.to_save.pop(phone, None)
        self.positions.pop(phone, None)
        return True

    def change_set(self) -> ChangeSet:
        alive = self.added.keys() | self.changed.keys()
        return ChangeSet(
            added=list(self.added.values()),
            changed=list(self.changed.values()),
            removed=list(self.removed),
            moved=[p for p in self.moved if p in alive],
            events=sorted(self.events, key=lambda e: e.id or 0, reverse=True),
            balance=self.balance,
            gaps=list(self.gaps),
        )

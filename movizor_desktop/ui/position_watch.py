"""A requested position that comes after the window stopped waiting for it is announced.

A position request waits about five minutes for the operator; when no fix came by then the
dispatcher is told the request may still complete. If it does, the fix arrives with an
ordinary sync: :class:`PositionWatch` recognises it (a newer fix of a phone it expects)
and says so in the status bar, and ``arrived`` lets the map ring the marker. An
expectation lapses after :data:`EXPECT_FOR` (Movizor's time).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from .. import clock
from ..fleet import ChangeSet, FleetRow
from . import formatting as fmt
from .statusbar import INFO, StatusBar

EXPECT_FOR = timedelta(hours=1)


class PositionWatch(QObject):
    arrived = Signal(str)  # phone

    def __init__(
        self, statusbar: StatusBar, name_of: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.statusbar = statusbar
        self.name_of = name_of
        self._expected: dict[str, datetime] = {}  # phone → when it was requested

    def expect(self, phone: str, since: datetime) -> None:
        """A request for ``phone`` made at ``since`` ran out of time: watch for its fix."""
        self._expected[phone] = since

    def forget(self, phone: str) -> None:
        self._expected.pop(phone, None)

    def expecting(self, phone: str) -> bool:
        return phone in self._expected

    def changes_applied(self, changes: ChangeSet) -> None:
        if not self._expected:
            return
        now = clock.now()
        for phone, since in list(self._expected.items()):
            if now - since > EXPECT_FOR:
                del self._expected[phone]
        for row in (*changes.added, *changes.changed):
            asked = self._expected.get(row.phone)
            if asked is not None and row.fix_time is not None and row.fix_time > asked:
                del self._expected[row.phone]
                self._announce(row)

    def _announce(self, row: FleetRow) -> None:
        where = row.place or fmt.coordinates(row.lat, row.lon)
        self.statusbar.show_message(
            self.tr("{name}: the requested position arrived — {where}, {time}.").format(
                name=self.name_of(row.phone),
                where=fmt.place_text(where),
                time=fmt.msk_clock(row.fix_time),
            ),
            INFO,
        )
        self.arrived.emit(row.phone)


__all__ = ["EXPECT_FOR", "PositionWatch"]

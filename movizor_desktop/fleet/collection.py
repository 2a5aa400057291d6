"""The fleet the sync engine keeps: rows by phone, with diffing. No Qt here."""

from __future__ import annotations

from .row import FleetRow


class Fleet:
    """Rows by phone, with diffing: ``put`` returns whether anything changed."""

    def __init__(self, rows: list[FleetRow] | None = None) -> None:
        self._rows: dict[str, FleetRow] = {r.phone: r for r in rows or []}

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, phone: object) -> bool:
        return phone in self._rows

    def get(self, phone: str) -> FleetRow | None:
        return self._rows.get(phone)

    def rows(self) -> list[FleetRow]:
        return list(self._rows.values())

    def phones(self) -> set[str]:
        return set(self._rows)

    def put(self, row: FleetRow) -> bool:
        old = self._rows.get(row.phone)
        self._rows[row.phone] = row
        return old != row

    def remove(self, phone: str) -> bool:
        return self._rows.pop(phone, None) is not None


__all__ = ["Fleet"]

"""The sync engine's vocabulary: connection states, status, budget policy, the cache it
writes to. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from ..api.errors import MovizorError
from ..api.governor import Budget
from ..api.models import Balance, Event, Position
from ..fleet import FleetRow


class FleetCache(Protocol):
    """What the engine needs of ``movizor_desktop.store.cache.Cache`` (blocking calls)."""

    def load_rows(self) -> list[FleetRow]: ...
    def save_rows(self, rows: list[FleetRow]) -> None: ...
    def delete_rows(self, phones: list[str]) -> None: ...
    def add_positions(self, phone: str, positions: list[Position]) -> None: ...
    def add_events(self, events: list[Event]) -> None: ...
    def recent_events(self, limit: int = 500) -> list[Event]: ...
    def last_event_id(self) -> int | None: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...


class ConnectionState(StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    AUTH_FAILED = "auth_failed"


@dataclass(frozen=True)
class EngineStatus:
    state: ConnectionState
    offline_since: datetime | None
    last_sync: datetime | None
    error: MovizorError | None
    budget: Budget
    balance: Balance | None
    cycle_requests: int  # requests the last connect/cycle made
    interval: float  # seconds to the next cycle (stretched when the budget runs low)
    syncs: int = 0  # successful connects and cycles so far (last_sync is Movizor's time,
    #                which may stand still: a test's frozen simulator, a stopped clock)


@dataclass(frozen=True, slots=True)
class Policy:
    """How much a cycle may spend, from the hour's budget."""

    interval: float
    fill: int  # rows without details to fetch this cycle
    stale_refresh: bool  # refresh visible rows whose details are old

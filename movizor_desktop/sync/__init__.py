"""What to fetch when: the sync engine, the fleet state and the user's actions. No Qt here."""

from .actions import ActionInProgress, FleetActions, PositionTimeoutError
from .engine import (
    DETAIL_EVENTS,
    ConnectionState,
    EngineStatus,
    FleetCache,
    Policy,
    SyncEngine,
)
from .state import ChangeSet, Fleet, FleetRow

__all__ = [
    "DETAIL_EVENTS", "ActionInProgress", "ChangeSet", "ConnectionState", "EngineStatus",
    "Fleet", "FleetActions", "FleetCache", "FleetRow", "Policy", "PositionTimeoutError",
    "SyncEngine",
]

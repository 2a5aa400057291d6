"""What to fetch when: the sync engine and the user's actions. No Qt here.

The fleet it keeps and the change sets it hands the UI are the domain's
(:mod:`movizor_desktop.fleet`)."""

from .actions import ActionInProgress, FleetActions, PositionTimeoutError
from .engine import (
    DETAIL_EVENTS,
    ConnectionState,
    EngineStatus,
    FleetCache,
    Policy,
    SyncEngine,
)

__all__ = [
    "DETAIL_EVENTS",
    "ActionInProgress",
    "ConnectionState",
    "EngineStatus",
    "FleetActions",
    "FleetCache",
    "Policy",
    "PositionTimeoutError",
    "SyncEngine",
]

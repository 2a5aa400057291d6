"""A faithful Movizor.ru API simulator: world, clock, HTTP front and control API. No Qt.

Public names are imported lazily, so ``import movizor_desktop.simulator`` is cheap and the
server never pulls in ``httpx`` (only :class:`SimControl` needs it)::

    from movizor_desktop.simulator import SimControl, SimulatorServer

    with SimulatorServer.demo(fleet=10) as sim, SimControl(sim.control_url) as ctl:
        ...  # API at sim.base_url + "demo/<function>/?key=demo"
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clock import SimClock
    from .control import SimControl, SimControlError
    from .faults import FaultPlan
    from .server import SimulatorServer
    from .world import World

__all__ = ["FaultPlan", "SimClock", "SimControl", "SimControlError", "SimulatorServer", "World"]

_WHERE = {
    "FaultPlan": ".faults",
    "SimClock": ".clock",
    "SimControl": ".control",
    "SimControlError": ".control",
    "SimulatorServer": ".server",
    "World": ".world",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

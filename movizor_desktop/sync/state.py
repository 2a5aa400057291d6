"""Moved to :mod:`movizor_desktop.fleet` (issue 18): the domain types are not sync's.

Only ``tests/benchmarks`` still import them from here, until they are rebased onto the
new layout; nothing in the app does (an import-linter contract keeps it so).
"""

from ..fleet import ChangeSet, Fleet, FleetRow

__all__ = ["ChangeSet", "Fleet", "FleetRow"]

"""The domain: the fleet as the app sees it. No Qt, no I/O.

* :class:`FleetRow` — one merged row per subscriber (status, fix, details);
* :class:`Fleet` — the rows by phone, with diffing (what the sync engine keeps);
* :class:`ChangeSet` — what one sync step changed, handed to the UI at once, with the
  :class:`EventGap` s of the event feed.

``sync`` builds them, ``store`` saves and reads them, ``ui`` and ``planning`` read them;
this package imports none of those (only the API's answer types).
"""

from .changes import ChangeSet, EventGap
from .collection import Fleet
from .row import FleetRow

__all__ = ["ChangeSet", "EventGap", "Fleet", "FleetRow"]

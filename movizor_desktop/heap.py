"""The cyclic garbage collector and the window's pauses.

CPython frees most objects by reference counting; its *cyclic* collector finds the rest.
A collection of the oldest generation (a "full" collection) walks every object the
collector tracks, on whatever thread happens to allocate when it triggers — in this app,
the Qt thread — and nothing else runs meanwhile. A started window tracks about 65,000
containers (Qt wrappers, modules, the translation catalogues), about 93,000 once the map's
modules (folium, branca, Jinja templates) are imported; one full collection of that heap
took 40-46 ms on the project's 2-core VM when it was quiet, 70 ms and more while other
suites ran. The sync of a large fleet allocates enough to trigger one every few
seconds, and that walk was the longest pause of the window during a 1,000-subscriber
sync (``tests/benchmarks/bench_ui.py``, profiled with ``perf`` and ``gc.callbacks``:
the worst gap of the event loop was one generation-2 collection, inside a sync step).

Nearly all of that heap lives as long as the process: it is never garbage, yet every
full collection walks it again. :func:`settle` is called once the window is up and the
map's modules are imported: one collection drops what start-up left over, then
``gc.freeze()`` moves every survivor to the collector's permanent generation, which later
collections skip. Later full collections walk only what was made after start-up: a few
milliseconds. Frozen objects are still freed by reference counting as usual; only a
reference cycle made entirely of start-up objects would no longer be collected, which
start-up objects (living as long as the app) do not form in numbers.

``gc.freeze()`` exists for this (CPython 3.7, bpo-31558, from Instagram's work on
collector pauses; see the ``gc`` module's documentation). No Qt here.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)


def settle() -> int:
    """Collect once, then freeze every object alive now; returns how many are frozen.

    Call it when start-up is over (window built, lazy imports done). Calling it again
    freezes what was made since, which is right only for long-lived objects: the app
    calls it once.
    """
    started = time.perf_counter()
    collected = gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.info(
        "heap settled: %d objects frozen, %d collected, in %.0f ms",
        frozen,
        collected,
        (time.perf_counter() - started) * 1000,
    )
    return frozen


__all__ = ["settle"]

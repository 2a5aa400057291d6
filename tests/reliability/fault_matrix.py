"""The fault matrix: every API function the app calls × every fault the network and the
server can throw at it, driven through the app's own Qt-free paths against the simulator.

    python tests/reliability/fault_matrix.py           # real timings (5 s latency): minutes
    python tests/reliability/fault_matrix.py --fast    # the test suite's scaled timings

Rows are the functions (grouped by who calls them: the sync engine, the user's actions,
the dialogs); columns are the faults. Each case runs on a fresh seeded simulator on
loopback, through the real :class:`SyncEngine` / :class:`FleetActions` /
:class:`MovizorClient`, and records:

* the longest event-loop stall while the fault is active (a 10 ms ticker);
* the error the app got and its message in English and Russian;
* how many requests of the function reached the server (a write is never repeated; a
  read is retried ``client.retries`` times);
* whether the app recovers once the fault clears by itself: the engine's run loop
  reconnects and its next cycle succeeds (after a refused key: once the key is entered
  again, as a dispatcher would);
* for writes whose answer was lost after the server applied them: whether the engine's
  next cycles show the server's state (nothing is lost, nothing is sent twice).

:func:`problems` turns an :class:`Outcome` into the list of broken promises (empty when
all is well); ``tests/reliability/test_fault_matrix.py`` asserts it for every cell.
No Qt here.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.reliability.fault_cases import Case
from tests.reliability.fault_outcomes import (
    ACTIONS,
    FAST,
    FAULTS,
    FUNCTIONS,
    JOBS,
    LABELS,
    PAID,
    REAL,
    SYNC,
    TRANSPORT,
    WRITES,
    Outcome,
    Scale,
    StallMeter,
    problems,
)


async def run_case(function: str, fault: str, scale: Scale = FAST) -> Outcome:
    return await Case(function, fault, scale).run()


async def run_matrix(
    functions: tuple[str, ...] | list[str] = FUNCTIONS,
    faults: tuple[str, ...] | list[str] = FAULTS,
    scale: Scale = FAST,
    *,
    jobs: int = JOBS,
    report: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Every (function, fault) case, ``jobs`` at a time; outcomes in matrix order."""
    gate = asyncio.Semaphore(max(1, jobs))

    async def one(fn: str, fault: str) -> Outcome:
        async with gate:
            outcome = await run_case(fn, fault, scale)
        if report is not None:
            report(outcome)
        return outcome

    return list(await asyncio.gather(*(one(fn, fault) for fn in functions for fault in faults)))


def table(outcomes: list[Outcome]) -> str:
    """Rows: functions; columns: faults; one outcome per cell."""
    by = {(o.function, o.fault): o for o in outcomes}
    functions = [f for f in FUNCTIONS if any(k[0] == f for k in by)]
    faults = [f for f in FAULTS if any(k[1] == f for k in by)]
    lines = []
    for fn in functions:
        group = "sync" if fn in SYNC else "action" if fn in ACTIONS else "dialog"
        lines.append(f"## {fn} ({group}{', costs money' if fn in PAID else ''})")
        for fault in faults:
            o = by.get((fn, fault))
            if o is None:
                continue
            lines.append(
                f"  {LABELS[fault]:<12} {o.cell():<70} "
                f"stall {o.max_stall * 1000:4.0f} ms  {o.seconds:5.1f} s"
            )
    grid = ["", "function".ljust(22) + " ".join(f"{LABELS[f][:10]:>10}" for f in faults)]
    for fn in functions:
        marks = []
        for fault in faults:
            o = by.get((fn, fault))
            marks.append("" if o is None else ("ok" if not problems(o) else "FAIL"))
        grid.append(fn.ljust(22) + " ".join(f"{m:>10}" for m in marks))
    return "\n".join(lines + grid)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fast", action="store_true", help="the test suite's scaled timings")
    parser.add_argument("--function", action="append", choices=FUNCTIONS)
    parser.add_argument("--fault", action="append", choices=FAULTS)
    parser.add_argument("--jobs", type=int, default=JOBS, help="cases at once (default 4)")
    args = parser.parse_args(argv)
    scale = FAST if args.fast else REAL

    def report(o: Outcome) -> None:
        print(f"{o.function:<22} {LABELS[o.fault]:<12} {o.cell()}", file=sys.stderr, flush=True)

    began = time.perf_counter()
    outcomes = asyncio.run(
        run_matrix(
            args.function or FUNCTIONS, args.fault or FAULTS, scale, jobs=args.jobs, report=report
        )
    )
    print(table(outcomes))
    print(
        f"\n{len(outcomes)} cases in {time.perf_counter() - began:.0f} s; latency "
        f"{scale.latency:g} s (client timeout {scale.client_timeout:g} s), timeout case: "
        f"server silent {scale.hang:g} s, client timeout {scale.timeout_client:g} s"
    )
    return 1 if any(problems(o, scale) for o in outcomes) else 0


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.CRITICAL)
    raise SystemExit(main())


__all__ = [
    "FAST",
    "FAULTS",
    "FUNCTIONS",
    "PAID",
    "REAL",
    "TRANSPORT",
    "WRITES",
    "Outcome",
    "Scale",
    "StallMeter",
    "problems",
    "run_case",
    "run_matrix",
    "table",
]

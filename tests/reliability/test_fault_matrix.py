"""The fault matrix (tests/reliability/fault_matrix.py) as one test per cell: every API
function the app calls under every fault, through the app's Qt-free paths against the
simulator. The whole matrix runs once per module, four cases at a time, each on its own
simulator; each test then checks its cell.

Nothing here depends on how fast the machine is: the cells wait (bounded) for what they
expect, and the event loop's longest stall is a figure the script prints
(``python tests/reliability/fault_matrix.py``), not a test's verdict."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.fault_matrix import (
    FAST,
    FAULTS,
    FUNCTIONS,
    PAID,
    TRANSPORT,
    WRITES,
    Outcome,
    StallMeter,
    problems,
    run_matrix,
)


@pytest.fixture(scope="module")
def matrix(request: pytest.FixtureRequest) -> dict[tuple[str, str], Outcome]:
    """The outcomes of the cells this run selected (``-k`` runs fewer)."""
    wanted = {
        (item.callspec.params["function"], item.callspec.params["fault"])
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec")
    }
    functions = [f for f in FUNCTIONS if any(w[0] == f for w in wanted)]
    faults = [f for f in FAULTS if any(w[1] == f for w in wanted)]
    # A thread of its own: the session's qasync loop may be registered as running here.
    with ThreadPoolExecutor(1) as pool:
        outcomes = pool.submit(asyncio.run, run_matrix(functions, faults, FAST)).result()
    return {(o.function, o.fault): o for o in outcomes}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("function", FUNCTIONS)
def test_cell(matrix, function: str, fault: str) -> None:
    outcome = matrix[(function, fault)]
    assert problems(outcome, FAST, stalls=False) == [], outcome.cell()
    assert outcome.recovered
    if fault != "latency":
        en, ru = outcome.messages
        assert en and ru and en != ru
    if function in WRITES:  # a write goes out once, whatever happens to its answer
        assert outcome.attempts == 1 and outcome.sent_after_recovery == 0
    if function in PAID and fault in TRANSPORT:
        assert outcome.error is not None and "check" in outcome.error.message("en")
    if fault == "lockout":
        assert outcome.total_after_refusal == 0


def test_the_stall_meter_sees_a_blocked_loop() -> None:
    async def blocked() -> float:
        meter = StallMeter()
        meter.start()
        await asyncio.sleep(0.03)
        time.sleep(FAST.stall_limit + 0.1)  # what a blocking network call would do
        await asyncio.sleep(0.03)
        await meter.stop()
        return meter.max

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, blocked()).result() > FAST.stall_limit


def test_problems_catches_a_repeated_paid_write_and_no_recovery() -> None:
    outcome = Outcome("pos_request", "reset", attempts=2, recovered=False)
    found = problems(outcome)
    assert "write sent 2 times" in found and "no recovery" in found
    assert "no error reported" in found

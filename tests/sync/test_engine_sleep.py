"""The engine's sleep between cycles wakes on refresh_now() and always honours a cancel.

Python 3.11's ``asyncio.wait_for`` swallows a cancellation that arrives while the awaited
future has just completed (CPython gh-86296): an engine woken by refresh_now() at the moment
its session closes would sleep on for a whole interval, and the closing window would hang.
"""

from __future__ import annotations

import asyncio

import pytest

from movizor_desktop.api import MovizorClient
from movizor_desktop.sync import SyncEngine


@pytest.mark.parametrize("steps", range(6))
def test_a_cancel_is_never_lost_when_the_wake_comes_at_the_same_moment(run, steps) -> None:
    async def scenario() -> bool:
        async with MovizorClient("http://127.0.0.1:9/api/", project="p", key="k") as client:
            engine = SyncEngine(client)

            async def between_cycles() -> None:  # as run() does: sleep, cycle, sleep…
                while True:
                    await engine._sleep(60)

            engine.refresh_now()  # the wake is already set when the sleep begins
            task = asyncio.ensure_future(between_cycles())
            for _ in range(steps):  # cancel at each of the sleep's await points in turn
                await asyncio.sleep(0)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await asyncio.wait_for(task, 5)  # not a whole interval later
            return task.cancelled()

    assert run(scenario())


def test_refresh_now_wakes_the_sleep_at_once(run) -> None:
    async def scenario() -> None:
        async with MovizorClient("http://127.0.0.1:9/api/", project="p", key="k") as client:
            engine = SyncEngine(client)
            task = asyncio.ensure_future(engine._sleep(60))
            await asyncio.sleep(0)
            assert not task.done()
            engine.refresh_now()
            await asyncio.wait_for(task, 5)

    run(scenario())

"""One cell of the fault matrix: a function under a fault, on its own simulator, driven
through the app's Qt-free paths (:class:`SyncEngine`, :class:`FleetActions`,
:class:`MovizorClient`). See tests/reliability/fault_matrix.py. No Qt here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from movizor_desktop.api import MovizorClient, RequestGovernor
from movizor_desktop.api.errors import MovizorError
from movizor_desktop.simulator import SimClock, SimControl, SimulatorServer, World
from movizor_desktop.sync import ConnectionState, FleetActions, SyncEngine
from tests.reliability.fault_outcomes import (
    DIALOG,
    FLEET,
    KEY,
    NEW_MSISDN,
    NEW_PHONE,
    SIM_START,
    SYNC,
    TRANSPORT,
    WRITES,
    Outcome,
    Scale,
    StallMeter,
)


class Case:
    """One function under one fault, on its own simulator."""

    def __init__(self, function: str, fault: str, scale: Scale) -> None:
        self.function = function
        self.fault = fault
        self.scale = scale
        self.outcome = Outcome(function, fault)
        self.sim: SimulatorServer = None  # type: ignore[assignment]  # made in run()
        self.control: SimControl | None = None
        self.client: MovizorClient | None = None
        self.engine: SyncEngine | None = None

    # --- plumbing -------------------------------------------------------------------------

    async def ctl(self, method: str, *args: Any, **kw: Any) -> Any:
        """A control-API call, off the loop (its HTTP round trip must not count as a stall)."""
        assert self.control is not None
        return await asyncio.to_thread(getattr(self.control, method), *args, **kw)

    async def count(self, function: str | None = None) -> int:
        log = await self.ctl("requests")
        if function is None:
            return int(log["total"])
        return int(log["by_function"].get(function, 0))

    async def until(self, condition: Callable[[], Awaitable[bool] | bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if isinstance(value, Awaitable):
                value = await value
            if value:
                return True
            await asyncio.sleep(0.01)
        return False

    async def attempts(self, function: str, before: int) -> int:
        """How many ``function`` requests reached the simulator since ``before``.

        The server records a request when its thread has read it; on a loaded machine that
        can come after the client gave up on it (the timeout case's 0.3 s). So first wait
        (bounded) for the number the app should have sent: one for a write or a clean
        call, one and two retries for a read under a transport fault; fewer, or more,
        then shows as the cell's problem.
        """
        expected = 1
        if self.function not in WRITES and self.fault in TRANSPORT and self.function != "pos_get":
            expected = 3
        await self.until(
            lambda: self._more(function, before + expected - 1), self.scale.recovery_wait
        )
        return await self.count(function) - before

    def phone(self, *, status: str = "ok", tariffs: tuple[str, ...] = ("15", "30", "60")) -> str:
        for sub in self.sim.world.subs.values():
            if sub.status == status and sub.tariff in tariffs and sub.tariff_new is None:
                return sub.phone
        raise LookupError(f"no {status} subscriber on {tariffs} in the seeded world")

    # --- faults ---------------------------------------------------------------------------

    async def apply(self) -> None:
        fault, fn, scale = self.fault, self.function, self.scale
        if fault == "latency":
            await self.ctl("add_fault", "latency", function=fn, count=None, latency=scale.latency)
        elif fault == "timeout":
            await self.ctl("add_fault", "timeout", function=fn, count=None, latency=scale.hang)
        elif fault == "lockout":  # five wrong keys from this address: locked for the hour
            await asyncio.to_thread(self._wrong_keys, 5)
        elif fault == "quota":
            used = (await self.ctl("quota"))["used"]
            await self.ctl("set_quota", used)
        else:
            await self.ctl("add_fault", fault, function=fn, count=None)

    def _wrong_keys(self, n: int) -> None:
        with httpx.Client() as raw:
            for _ in range(n):
                raw.post(f"{self.sim.base_url}demo/balance/", data={"key": "wrong"})

    async def clear(self) -> None:
        await self.ctl("clear_faults")
        if self.fault == "lockout":
            await self.ctl("clear_auth")  # the hour is over ...
            assert self.client is not None and self.engine is not None
            self.client.set_key(KEY)  # ... and the dispatcher enters the key again
            self.engine.resume()
        if self.fault == "quota":
            await self.ctl("set_quota", 10**6)

    # --- running ----------------------------------------------------------------------------

    async def run(self) -> Outcome:
        began = time.perf_counter()
        # The harness's own blocking set-up (seeding a world, TLS contexts of new HTTP
        # clients) runs in a thread: other cases' stall meters must not count it.
        await asyncio.to_thread(self._setup)
        assert self.client is not None and self.control is not None
        self.engine = SyncEngine(
            self.client,
            interval=self.scale.interval,
            retry_base=self.scale.interval,
            fill_batch=0,
            balance_every=10**6,
        )
        meter = StallMeter()
        try:
            await self.ctl("advance", 600)  # past every seeded 5-minute request gap
            await self.engine.connect()
            meter.start()
            if self.function in SYNC:
                await self._sync_case()
            elif self.function in DIALOG:
                await self._dialog_case()
            elif self.function == "pos_get":
                await self._pos_get_case()
            else:
                await self._write_case()
        finally:
            await meter.stop()
            self.outcome.max_stall = meter.max
            await self.engine.aclose()
            await self.client.aclose()
            await asyncio.to_thread(self.control.close)
            await asyncio.to_thread(self.sim.stop)
        self.outcome.seconds = time.perf_counter() - began
        return self.outcome

    def _setup(self) -> None:
        world = World(clock=SimClock(start=SIM_START, speed=0.0), seed=1, fleet=FLEET)
        world.request_success_rate = 1.0
        self.sim = SimulatorServer(world, project="demo", key=KEY, quota_per_hour=10**6)
        self.sim.start()
        self.control = SimControl(self.sim.control_url)
        timeout = (
            self.scale.timeout_client if self.fault == "timeout" else self.scale.client_timeout
        )
        self.client = MovizorClient(
            self.sim.base_url,
            project="demo",
            key=KEY,
            timeout=timeout,
            backoff=0.01,
            governor=RequestGovernor(per_second=1000),
        )

    async def _recover(self, *, check: Callable[[], bool] | None = None) -> None:
        """Clear the fault; the engine's own loop must come back and sync again."""
        engine = self.engine
        assert engine is not None
        engine.start()
        await self.clear()
        before = engine.status.syncs

        def back() -> bool:
            status = engine.status
            return (
                status.state == ConnectionState.ONLINE
                and status.error is None
                and status.last_sync is not None
                and status.syncs > before
                and (check is None or check())
            )

        self.outcome.recovered = await self.until(back, self.scale.recovery_wait)

    async def _refusal_silence(self) -> None:
        """After a refused key nothing more may be sent until the key changes."""
        assert self.engine is not None
        self.engine.start()
        before = await self.count()
        await asyncio.sleep(max(0.2, self.scale.interval * 5))
        self.outcome.total_after_refusal = await self.count() - before

    async def _sync_case(self) -> None:
        engine, fn = self.engine, self.function
        assert engine is not None
        phone = self.phone()
        primers = {
            "object_list": engine.request_list,
            "balance": engine.note_write,
            "object_get": lambda: engine.mark_dirty(phone),
        }
        if fn in primers:
            primers[fn]()
        before = await self.count(fn)
        await self.apply()
        try:
            await engine.cycle()
        except MovizorError as exc:
            self.outcome.error = exc
        self.outcome.attempts = await self.attempts(fn, before)
        if self.fault == "lockout":
            await self._refusal_silence()
        elif self.fault in TRANSPORT:  # the run loop keeps trying while the fault lasts
            engine.start()
            seen = before + self.outcome.attempts
            await self.until(lambda: self._more(fn, seen), self.scale.recovery_wait)
        check = None
        if fn == "object_get":
            check = lambda: (row := engine.fleet.get(phone)) is not None and row.details is not None  # noqa: E731
        await self._recover(check=check)

    async def _more(self, function: str, than: int) -> bool:
        return await self.count(function) > than

    async def _dialog_case(self) -> None:
        client, fn = self.client, self.function
        assert client is not None
        phone = self.phone()
        calls: dict[str, Callable[[], Awaitable[Any]]] = {
            "get_operator": lambda: client.get_operator(NEW_PHONE),
            "tariff_calculator": lambda: client.tariff_calculator("megafon", "15"),
            "distance_search": lambda: client.distance_search("Казань"),
            "pos_list": lambda: client.pos_list(phone, limit=50),
        }
        before = await self.count(fn)
        await self.apply()
        try:
            await calls[fn]()
        except MovizorError as exc:
            self.outcome.error = exc
        self.outcome.attempts = await self.attempts(fn, before)
        if self.fault == "lockout":
            await self._refusal_silence()
        await self._recover()
        if self.outcome.recovered:  # and the dialog's own call works again
            try:
                await calls[fn]()
            except MovizorError as exc:
                self.outcome.recovered = False
                self.outcome.note = f"after recovery: {exc}"

    async def _write_case(self) -> None:
        engine, client, fn = self.engine, self.client, self.function
        assert engine is not None and client is not None
        actions = FleetActions(client, engine)
        world = self.sim.world
        if fn == "object_add":
            phone = NEW_MSISDN

            def act() -> Awaitable[Any]:
                return actions.add(NEW_PHONE, title="Иванов", tariff="15")
        elif fn == "object_edit":
            phone = self.phone(tariffs=("15",))

            def act() -> Awaitable[Any]:
                return actions.edit(phone, tariff="30", title="Петров")
        elif fn == "object_delete":
            phone = self.phone()

            def act() -> Awaitable[Any]:
                return actions.delete(phone)
        elif fn == "object_reactivate":
            phone = self.phone()
            world.set_status(phone, "off")
            await engine.refresh_row(phone)

            def act() -> Awaitable[Any]:
                return actions.reactivate(phone)
        elif fn == "object_cancel_tariff":
            phone = self.phone()
            with world.lock:
                world.subs[phone].tariff_new = "60"
            await engine.refresh_row(phone)

            def act() -> Awaitable[Any]:
                return actions.cancel_tariff(phone)
        else:  # pos_request
            phone = self.phone(tariffs=("15", "30", "60", "0"))

            def act() -> Awaitable[Any]:
                return self._request_position(actions, phone)

        await engine.refresh_row(phone) if fn != "object_add" else None
        before = await self.count(fn)
        await self.apply()
        try:
            await act()
        except MovizorError as exc:
            self.outcome.error = exc
        self.outcome.attempts = await self.attempts(fn, before)
        if self.fault == "lockout":
            await self._refusal_silence()

        def reconciled() -> bool:
            sub = world.subs.get(phone)
            row = engine.fleet.get(phone)
            if sub is None or row is None:
                return (sub is None) == (row is None)
            if row.status != str(sub.status):
                return False
            if fn in ("object_edit", "object_cancel_tariff"):
                return row.details is not None and row.details.tariff_new == sub.tariff_new
            return True

        await self._recover(check=reconciled if fn != "pos_request" else None)
        if fn != "pos_request":
            self.outcome.reconciled = reconciled()
        # Let the engine run a few more cycles: nothing may send the write again.
        await asyncio.sleep(self.scale.interval * 5)
        self.outcome.sent_after_recovery = await self.count(fn) - before - self.outcome.attempts

    async def _request_position(self, actions: FleetActions, phone: str) -> Any:
        requested = asyncio.Event()

        def progress(stage: str, info: dict[str, Any]) -> None:
            if stage == "requested":
                requested.set()

        task = asyncio.ensure_future(
            actions.request_position(
                phone,
                poll_interval=self.scale.interval,
                timeout=self.scale.position_wait,
                progress=progress,
            )
        )
        waiter = asyncio.ensure_future(requested.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
        if requested.is_set():
            await self.ctl("advance", 200)  # the operator answers within 30-180 s
        return await task

    async def _pos_get_case(self) -> None:
        engine, client = self.engine, self.client
        assert engine is not None and client is not None
        actions = FleetActions(client, engine)
        phone = self.phone(tariffs=("15", "30", "60", "0"))
        before_request = await self.count("pos_request")
        before = await self.count("pos_get")
        await self.apply()
        try:
            await self._request_position(actions, phone)
        except MovizorError as exc:
            self.outcome.error = exc
        gets = await self.count("pos_get") - before
        self.outcome.extra["retries"] = client.retries
        self.outcome.extra["pos_get_requests"] = gets
        if self.fault == "lockout":
            await self._refusal_silence()
        await self._recover()
        # The position request itself (the paid part) went out exactly once.
        sent = await self.count("pos_request") - before_request
        if self.fault != "lockout" and sent != 1:
            self.outcome.note = f"pos_request sent {sent} times"
            self.outcome.recovered = False
        self.outcome.attempts = 0

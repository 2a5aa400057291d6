"""The sync engine: what to fetch from Movizor, and when. No Qt here.

One idle cycle costs exactly two requests, whatever the size of the fleet:

* ``events(afterid=<last id>)`` says *which* subscribers changed since the last cycle
  (confirmed, rejected, switched off, tariff switched, late/on time, request failed...);
  :mod:`.event_gap` reads it so that no reading of ``afterid`` loses events unnoticed: a
  possible gap refreshes every status with ``object_list`` and is handed to the UI;
* ``pos_objects`` gives every subscriber's current fix in one answer.

Only the subscribers the events name are then fetched with ``object_get`` (bounded
concurrency), plus the visible rows whose details are older than ``stale_after``, plus a
bounded batch of rows that have no details at all yet (the *fill*: a first run on an
empty cache fills a 1,000 fleet over a few cycles instead of spending 1,000 requests at
once). ``object_list`` is asked only when a subscriber appeared that the fleet does not
know (an ``add`` event, an unknown phone in ``pos_objects``) or the event feed overflowed;
``balance`` every ``balance_every`` cycles and after writes.

:meth:`SyncEngine.run` loads the cache (the window shows the last known fleet before any
network), connects, then cycles every ``interval`` seconds. The interval stretches when
the hour's request budget runs low; on a transport failure the engine goes OFFLINE and
retries with backoff until the server answers again; on a refused key it goes AUTH_FAILED
and stays silent until :meth:`SyncEngine.resume` (a user can never walk into Movizor's
five-wrong-keys lockout). It never dies on an exception.

Every change is handed over as one :class:`~movizor_desktop.fleet.ChangeSet` per step
through ``on_change`` (called on the event loop's thread), and written to the cache off the
loop thread (``asyncio.to_thread``): the cache is blocking disk I/O. Large answers are
applied :data:`APPLY_SLICE` rows at a time, yielding to the loop between slices, so a
window sharing the thread keeps reacting while a big fleet syncs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..api.encoding import Schedule
from ..api.errors import (
    AuthError,
    BudgetExceededError,
    InvalidInputError,
    MovizorError,
    NotFoundError,
    RateLimitError,
    TransportError,
)
from ..api.governor import Budget
from ..api.models import Balance, Event, ObjectInfo, ObjectPosition, ObjectSummary, Position
from ..api.phones import normalize_phone
from ..fleet import ChangeSet, Fleet, FleetRow
from .clock_keeper import META_CLOCK_OFFSET, ClockKeeper
from .event_gap import EventPoller, event_time
from .local_schedules import META_KEY as META_LOCAL_SCHEDULES
from .local_schedules import LocalSchedules
from .persist import CacheWriter
from .status import ConnectionState, EngineStatus, FleetCache, Policy
from .step import Step

if TYPE_CHECKING:
    from ..api.client import MovizorClient

log = logging.getLogger(__name__)
T = TypeVar("T")

# Events after which a subscriber's details (object_get) are out of date. Route and app
# events (onroute, leftroute, mstart...) and autoinform change nothing object_get shows;
# a successful ``request`` only moves the fix, which pos_objects already brings — unless
# the row shows a failed request (``pos_error``), which the success clears.
DETAIL_EVENTS: frozenset[str] = frozenset(
    {
        "add",
        "off",
        "auto_off",
        "confirm",
        "reject",
        "reactivate",
        "tariff_auto",
        "no_confirm",
        "limit",
        "pos_ok",
        "pos_late",
        "pos_finished",
        "request_error",
        "request_offline",
        "request_roaming",
        "onparking",
        "offparking",
    }
)
# Rows applied between two yields to the event loop: applying a 1,000-subscriber answer
# at once took 5-12 ms, on top of validating it (see api.client_core.PARSE_SLICE).
APPLY_SLICE = 250
EVENTS_KEPT = 500  # recent events the engine keeps in memory for late listeners
HISTORY_EVENTS = 100  # events asked on a first connect (no last id yet)
MAX_EVENT_PAGES = 10  # event pages per step; the rest is fetched next cycle
META_LAST_EVENT_ID = "last_event_id"
META_LAST_SYNC = "last_sync"
META_OFFLINE_SINCE = "offline_since"


class SyncEngine:
    """Keeps :attr:`fleet` in step with the Movizor account at a bounded request cost."""

    def __init__(
        self,
        client: MovizorClient,
        cache: FleetCache | None = None,
        *,
        interval: float = 60.0,
        stale_after: float = 300.0,
        concurrency: int = 4,
        events_limit: int = 1000,
        balance_every: int = 10,
        fill_batch: int = 50,
        max_details: int = 200,
        retry_base: float = 5.0,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        if interval <= 0 or stale_after < 0 or concurrency < 1:
            raise ValueError("interval and concurrency must be positive")
        self.client = client
        self.cache = cache
        self.interval = float(interval)
        self.stale_after = float(stale_after)
        self.concurrency = concurrency
        self.events_limit = max(10, min(1000, int(events_limit)))
        self.balance_every = max(1, int(balance_every))
        self.fill_batch = max(0, int(fill_batch))
        self.max_details = max(1, int(max_details))
        self.retry_base = float(retry_base)
        # Movizor's time (the client's clock learns it from every answer), never the PC's
        self._now = now or client.clock.now
        self._clock = ClockKeeper(client.clock)
        self._poller = EventPoller(client, limit=self.events_limit, max_pages=MAX_EVENT_PAGES)

        self.fleet = Fleet()
        self.schedules = LocalSchedules()  # saved from this computer (object_get may not say)
        self.events: deque[Event] = deque(maxlen=EVENTS_KEPT)  # newest first
        self.on_change: Callable[[ChangeSet], None] | None = None
        self.on_status: Callable[[EngineStatus], None] | None = None
        self.status = EngineStatus(
            state=ConnectionState.IDLE,
            offline_since=None,
            last_sync=None,
            error=None,
            budget=client.budget,
            balance=None,
            cycle_requests=0,
            interval=self.interval,
        )

        self._last_event_id: int | None = None
        self._visible: set[str] = set()
        self._dirty: set[str] = set()  # details out of date: fetch next cycle
        self._unfetchable: set[str] = set()  # the client refuses the phone: never retry
        self._gone: set[str] = set()  # object_get said "not found"
        self._touched: dict[str, int] = {}  # phone → reads started outside the cycle
        self._need_list = False
        self._balance_due = True
        self._connected = False
        self._cycles = 0
        self._requests = 0  # requests of the running step
        self._step_lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._resumed = asyncio.Event()
        self._run_task: asyncio.Task[None] | None = None
        self._writer = CacheWriter(cache) if cache is not None else None

    # --- public controls ----------------------------------------------------------------

    @property
    def last_event_id(self) -> int | None:
        return self._last_event_id

    @property
    def connected(self) -> bool:
        return self._connected

    def refresh_now(self) -> None:
        """Wake the run loop for a cycle at once (no effect while AUTH_FAILED)."""
        self._wake.set()

    def resume(self) -> None:
        """After the key changed (``client.set_key``): connect again."""
        self._connected = False
        if self.status.state == ConnectionState.AUTH_FAILED:
            self._set_status(state=ConnectionState.IDLE, error=None)
        self._resumed.set()
        self._wake.set()

    def set_visible(self, phones: Iterable[str]) -> None:
        """The rows on screen: their details are kept fresher than ``stale_after``."""
        self._visible = set(phones)

    def mark_dirty(self, phone: str) -> None:
        """Fetch this subscriber's details in the next cycle."""
        self._dirty.add(_msisdn(phone))

    def request_list(self) -> None:
        """Ask ``object_list`` in the next cycle (e.g. after a write of unknown outcome)."""
        self._need_list = True

    def note_write(self, phone: str | None = None) -> None:
        """A write happened (money may have moved): balance next cycle, row details too."""
        self._balance_due = True
        if phone is not None:
            self.mark_dirty(phone)

    def policy(self, budget: Budget | None = None) -> Policy:
        """The interval, fill size and stale refresh the hour's budget allows."""
        budget = budget or self.client.budget
        left = budget.fraction_left
        if left < 0.10:
            return Policy(self.interval * 4, 0, False)
        if left < 0.25:
            return Policy(self.interval * 2, min(self.fill_batch, 5), False)
        if left < 0.50:
            return Policy(self.interval, self.fill_batch // 2, True)
        return Policy(self.interval, self.fill_batch, True)

    def start(self) -> asyncio.Task[None]:
        """:meth:`run` as a task owned by the engine (cancelled by :meth:`aclose`)."""
        if self._run_task is None or self._run_task.done():
            self._run_task = asyncio.ensure_future(self.run())
        return self._run_task

    async def aclose(self) -> None:
        """Stop the run loop (the task running :meth:`run`, whether made by :meth:`start`
        or by the caller) and wait for it; the caller owns (and closes) the client."""
        task, self._run_task = self._run_task, None
        if task is not None and not task.done() and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._writer is not None:  # writes already handed to a thread: let them land
            await self._writer.drain()

    # --- the loop -----------------------------------------------------------------------

    async def run(self) -> None:
        """load_cache → connect → cycle every interval, until cancelled."""
        self._run_task = asyncio.current_task()
        try:
            await self.load_cache()
        except Exception:
            log.exception("loading the cache failed; starting with an empty fleet")
        failures = 0
        while True:
            if self.status.state == ConnectionState.AUTH_FAILED:
                self._resumed.clear()
                await self._resumed.wait()
                self._resumed.clear()
                failures = 0
            self._wake.clear()
            try:
                if self._connected:
                    await self.cycle()
                else:
                    await self.connect()
            except asyncio.CancelledError:
                raise
            except AuthError:
                continue  # AUTH_FAILED: wait for resume()
            except TransportError:
                failures += 1
                delay = min(self.retry_base * 2 ** min(failures - 1, 16), self.interval)
            except BudgetExceededError as exc:
                failures = 0
                delay = min(max(self.policy().interval, exc.retry_after), 3600.0)
            except RateLimitError:  # the server's hourly quota
                failures = 0
                delay = self.interval * 4
            except Exception:
                log.exception("sync step failed")
                delay = self.policy().interval
            else:
                failures = 0
                delay = self.policy().interval
            self._set_status(interval=delay)
            await self._sleep(delay)

    async def _sleep(self, seconds: float) -> None:
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation
        # that arrives just as the wake event is set (CPython gh-86296), and the engine
        # then sleeps on while its owner waits for it to stop.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(0.0, seconds)):
                await self._wake.wait()
        self._wake.clear()

    # --- steps --------------------------------------------------------------------------

    async def load_cache(self) -> ChangeSet:
        """The last known fleet and events from the cache; no network."""
        if self.cache is None:
            return ChangeSet()
        cache = self.cache
        assert self._writer is not None
        rows: list[FleetRow]
        events: list[Event]
        last_id: int | None
        last_sync_text: str | None
        offline_text: str | None
        offset: str | None
        schedules: str | None
        (
            rows,
            events,
            last_id,
            last_sync_text,
            offline_text,
            offset,
            schedules,
        ) = await self._writer.read(
            (cache.load_rows, ()),
            (cache.recent_events, (EVENTS_KEPT,)),
            (cache.last_event_id, ()),
            (cache.get_meta, (META_LAST_SYNC,)),
            (cache.get_meta, (META_OFFLINE_SINCE,)),
            (cache.get_meta, (META_CLOCK_OFFSET,)),
            (cache.get_meta, (META_LOCAL_SCHEDULES,)),
        )
        self._clock.restore(offset)
        self.schedules.load(schedules)
        last_sync, offline = _parse_time(last_sync_text), _parse_time(offline_text)
        step = Step(self.fleet)
        for row in rows:
            step.put(row)
        events = sorted(events, key=lambda e: e.id or 0, reverse=True)
        known = {e.id for e in self.events}
        step.events = [e for e in events if e.id not in known]
        self._remember_events(step.events)
        if last_id is not None and (self._last_event_id is None or last_id > self._last_event_id):
            self._last_event_id = last_id
        updates: dict[str, Any] = {}
        if last_sync is not None and self.status.last_sync is None:
            updates["last_sync"] = last_sync
        if (
            offline is not None
            and self.status.offline_since is None
            and (last_sync is None or offline > last_sync)
        ):
            updates["offline_since"] = offline
        if updates:
            self._set_status(**updates)
        changes = step.change_set()
        self._emit(changes)
        return changes

    async def connect(self) -> ChangeSet:
        """Full picture: object_list, pos_objects, events (+ balance), then details."""
        async with self._step_lock:
            return await self._guarded(self._connect, connecting=True)

    async def cycle(self) -> ChangeSet:
        """Incremental: events after the last id + pos_objects, then only what changed."""
        async with self._step_lock:
            if not self._connected:
                return await self._guarded(self._connect, connecting=True)
            return await self._guarded(self._cycle)

    async def refresh_row(self, phone: str) -> ChangeSet:
        """object_get now; a subscriber the server no longer knows is removed."""
        phone = _msisdn(phone)
        # A cycle's object_get of this phone still in flight was sent before this one
        # (maybe before a write): its answer must not overwrite ours.
        self._touched[phone] = self._touched.get(phone, 0) + 1
        step = Step(self.fleet)
        try:
            info = await self.client.object_get(phone)
        except NotFoundError:
            self._dirty.discard(phone)
            self._gone.add(phone)
            step.remove(phone)
            return await self._commit(step)
        self._apply_details(step, phone, info)
        return await self._commit(step)

    # --- internals used by FleetActions ---------------------------------------------------

    async def apply_position(self, phone: str, position: Position) -> ChangeSet:
        """A fix obtained outside the cycle (pos_request → pos_get)."""
        step = Step(self.fleet)
        row = self.fleet.get(phone) or FleetRow(phone=phone)
        step.put(row.with_position(position), position)
        return await self._commit(step)

    async def apply_row(self, row: FleetRow) -> ChangeSet:
        step = Step(self.fleet)
        step.put(row)
        return await self._commit(step)

    async def remember_schedule(self, phone: str, schedule: Schedule) -> None:
        """``schedule`` was saved for ``phone`` from here: keep it (and in the cache)."""
        self.schedules.put(_msisdn(phone), schedule, self._now())
        await self._persist_meta({META_LOCAL_SCHEDULES: self.schedules.dumps()})

    async def drop_row(self, phone: str) -> ChangeSet:
        step = Step(self.fleet)
        step.remove(phone)
        self._dirty.discard(phone)
        return await self._commit(step)

    # --- the step bodies --------------------------------------------------------------------

    async def _guarded(
        self, body: Callable[[Step], Awaitable[None]], *, connecting: bool = False
    ) -> ChangeSet:
        """Run a step, keep the connection state, commit what it changed."""
        self._requests = 0
        if connecting and self.status.state in (ConnectionState.IDLE, ConnectionState.AUTH_FAILED):
            self._set_status(state=ConnectionState.CONNECTING)
        step = Step(self.fleet)
        try:
            await body(step)
        except AuthError as exc:
            self._connected = False
            await self._commit(step)
            self._set_status(
                state=ConnectionState.AUTH_FAILED, error=exc, cycle_requests=self._requests
            )
            log.warning("sync stopped: %s", exc)
            raise
        except TransportError as exc:
            self._connected = False  # reconnect with a full picture once back
            await self._commit(step)
            since = self.status.offline_since or self._now()
            self._set_status(
                state=ConnectionState.OFFLINE,
                offline_since=since,
                error=exc,
                cycle_requests=self._requests,
            )
            await self._persist_meta({META_OFFLINE_SINCE: since.isoformat()})
            log.warning("offline since %s: %s", since.isoformat(), exc)
            raise
        except MovizorError as exc:
            await self._commit(step)
            self._set_status(error=exc, cycle_requests=self._requests)
            log.warning("sync step refused: %s", exc)
            raise
        now = self._now()
        was_offline = self.status.offline_since is not None
        changes = await self._commit(
            step,
            meta={
                META_LAST_SYNC: now.isoformat(),
                **({META_OFFLINE_SINCE: ""} if was_offline else {}),
                **self._clock.meta(),
            },
        )
        self._set_status(
            state=ConnectionState.ONLINE,
            offline_since=None,
            last_sync=now,
            error=None,
            cycle_requests=self._requests,
            syncs=self.status.syncs + 1,
        )
        return changes

    async def _connect(self, step: Step) -> None:
        # The first request alone: a refused key must cost exactly one request.
        summaries = await self._call(self.client.object_list())
        calls: list[Awaitable[Any]] = [
            self._call(self.client.pos_objects()),
            self._fetch_events(step),
        ]
        if self._balance_due:
            calls.append(self._call(self.client.balance()))
        history = self._last_event_id is None  # no cursor: these events are history
        positions, events, *balance = await _all(calls)
        self._need_list = False
        await self._apply_list(step, summaries)
        self._apply_events(step, events, history=history)
        await self._apply_positions(step, positions)
        if balance:
            self._apply_balance(step, balance[0])
        self._connected = True
        self._cycles = 0
        await self._fetch_details(step, self._pick_details())

    async def _cycle(self, step: Step) -> None:
        self._cycles += 1
        events = await self._fetch_events(step)
        self._apply_events(step, events)
        positions = await self._call(self.client.pos_objects())
        await self._apply_positions(step, positions)
        if self._need_list:
            summaries = await self._call(self.client.object_list())
            self._need_list = False
            await self._apply_list(step, summaries)
        await self._fetch_details(step, self._pick_details())
        if self._balance_due or self._cycles % self.balance_every == 0:
            self._apply_balance(step, await self._call(self.client.balance()))

    # --- fetching -----------------------------------------------------------------------

    async def _call(self, awaitable: Awaitable[T]) -> T:
        self._requests += 1
        return await awaitable

    async def _fetch_events(self, step: Step) -> list[Event]:
        """New events, oldest page first; without a known last id, the newest page. A
        possible gap goes into ``step`` and asks for ``object_list``, as does an overflow
        (statuses may have changed that we have not seen events for yet)."""
        after = self._last_event_id
        if after is None:
            limit = min(self.events_limit, HISTORY_EVENTS)
            return await self._call(self.client.events(limit=limit))
        since = event_time(self.events, after) or self.status.last_sync
        poll = await self._poller.poll(after, since=since, call=self._call)
        if poll.gap is not None:
            step.gaps.append(poll.gap)
        if poll.gap is not None or poll.overflow:
            self._need_list = True
        return poll.events

    def _pick_details(self) -> list[str]:
        """Phones to object_get this step, most urgent first, bounded by the budget."""
        budget = self.client.budget
        policy = self.policy(budget)
        # Keep a reserve for the next cycles and the user's own actions.
        room = budget.remaining - max(4, math.ceil(budget.limit * 0.05))
        room = min(room, self.max_details)
        if room <= 0:
            return []
        rows = self.fleet
        self._dirty &= rows.phones()
        skip = self._unfetchable
        picked: dict[str, None] = {}

        def take(phones: Iterable[str]) -> None:
            for phone in phones:
                if len(picked) >= room:
                    return
                if phone in rows and phone not in skip:
                    picked.setdefault(phone, None)

        take(sorted(self._dirty))
        if policy.stale_refresh and self._visible:
            now = self._now()
            take(
                sorted(
                    p
                    for p in self._visible
                    if (row := rows.get(p)) is not None
                    and row.details_at is not None
                    and (now - row.details_at).total_seconds() > self.stale_after
                )
            )
        if policy.fill:
            limit = min(room, len(picked) + policy.fill)
            missing = [r.phone for r in rows.rows() if r.details is None]
            if missing:
                visible = self._visible
                missing.sort(key=lambda p: (p not in visible, p))
                for phone in missing:
                    if len(picked) >= limit:
                        break
                    if phone not in skip:
                        picked.setdefault(phone, None)
        return list(picked)

    async def _fetch_details(self, step: Step, phones: list[str]) -> None:
        if not phones:
            return
        semaphore = asyncio.Semaphore(self.concurrency)
        failure: MovizorError | None = None
        stop = False

        async def one(phone: str) -> None:
            nonlocal failure, stop
            async with semaphore:
                if stop:
                    return
                mark = self._touched.get(phone, 0)
                try:
                    info = await self._call(self.client.object_get(phone))
                except NotFoundError:
                    self._dirty.discard(phone)
                    self._gone.add(phone)
                    step.remove(phone)
                except InvalidInputError as exc:  # refused before sending: never ask again
                    log.warning("cannot fetch details of %r: %s", phone, exc)
                    self._unfetchable.add(phone)
                    self._dirty.discard(phone)
                except (AuthError, TransportError, RateLimitError) as exc:
                    stop = True
                    if failure is None or isinstance(exc, AuthError):
                        failure = exc
                except MovizorError as exc:
                    log.warning("object_get %s failed: %s", phone, exc)
                else:
                    if self._touched.get(phone, 0) == mark:  # else refresh_row was newer
                        self._apply_details(step, phone, info)

        await asyncio.gather(*(one(p) for p in phones))
        if failure is not None and not isinstance(failure, RateLimitError):
            raise failure
        if failure is not None:  # budget spent: the rest waits for the next cycles
            log.info("details postponed: %s", failure)
            self._set_status(error=failure)

    # --- applying answers -----------------------------------------------------------------

    async def _apply_list(self, step: Step, summaries: list[ObjectSummary]) -> None:
        listed: dict[str, str] = {s.phone: s.status for s in summaries if s.phone}
        for phone in self.fleet.phones() - listed.keys():
            step.remove(phone)
            self._dirty.discard(phone)
        for i, (phone, status) in enumerate(listed.items()):
            if i and i % APPLY_SLICE == 0:
                await asyncio.sleep(0)  # the loop's other work (a window) goes on
            self._gone.discard(phone)
            row = self.fleet.get(phone)
            if row is None:
                step.put(FleetRow(phone=phone, status=status))
            elif row.status != status:
                step.put(replace(row, status=status))
                if row.details is not None:
                    self._dirty.add(phone)

    async def _apply_positions(self, step: Step, positions: list[ObjectPosition]) -> None:
        for i, pos in enumerate(positions):
            if i and i % APPLY_SLICE == 0:
                await asyncio.sleep(0)
            row = self.fleet.get(pos.phone)
            if row is None:
                if pos.phone and pos.phone not in self._gone:
                    self._need_list = True
                continue
            step.put(row.with_position(pos), pos)

    def _apply_events(self, step: Step, events: list[Event], *, history: bool = False) -> None:
        """New events; the rows they name are refreshed (not for ``history``: the newest
        page of a first connect says nothing about what changed since object_list)."""
        last = self._last_event_id
        fresh = [e for e in events if e.id is None or last is None or e.id > last]
        ids = [e.id for e in fresh if e.id is not None]
        if ids:
            self._last_event_id = max(ids) if last is None else max(last, *ids)
        known = self.fleet
        for event in [] if history else fresh:
            row = known.get(event.phone)
            if row is None:
                if event.type == "add" and event.phone:
                    self._need_list = True
                continue
            if event.type in DETAIL_EVENTS or (
                event.type == "request" and row.details is not None and row.details.pos_error
            ):
                self._dirty.add(event.phone)
        step.events += fresh
        self._remember_events(fresh)

    def _apply_details(self, step: Step, phone: str, info: ObjectInfo) -> None:
        self._dirty.discard(phone)
        self._gone.discard(phone)
        row = self.fleet.get(phone) or FleetRow(phone=phone)
        step.put(row.with_details(info, self._now()))

    def _apply_balance(self, step: Step, balance: Balance) -> None:
        self._balance_due = False
        if balance != self.status.balance:
            step.balance = balance
            self._set_status(balance=balance)

    def _remember_events(self, events: list[Event]) -> None:
        for event in sorted(events, key=lambda e: e.id or 0):
            self.events.appendleft(event)

    # --- output: listeners and cache ---------------------------------------------------------

    async def _commit(self, step: Step, meta: dict[str, str] | None = None) -> ChangeSet:
        self._clock.observe(step)
        changes = step.change_set()
        if not changes.empty:
            self._emit(changes)
        await self._persist(step, meta or {})
        return changes

    def _emit(self, changes: ChangeSet) -> None:
        if self.on_change is None or changes.empty:
            return
        try:
            self.on_change(changes)
        except Exception:
            log.exception("on_change listener failed")

    def _set_status(self, **updates: Any) -> None:
        updates.setdefault("budget", self.client.budget)
        status = replace(self.status, **updates)
        if status == self.status:
            return
        self.status = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("on_status listener failed")

    async def _persist(self, step: Step, meta: dict[str, str]) -> None:
        if self._writer is None:
            return
        rows = list(step.to_save.values())
        removed = list(step.removed)
        positions = dict(step.positions)
        events = sorted(step.events, key=lambda e: e.id or 0)
        if self._last_event_id is not None and events:
            meta = {META_LAST_EVENT_ID: str(self._last_event_id), **meta}
        if rows or removed or positions or events or meta:
            await self._writer.write(
                rows=rows, removed=removed, positions=positions, events=events, meta=meta
            )

    async def _persist_meta(self, meta: dict[str, str]) -> None:
        await self._persist(Step(self.fleet), meta)


async def _all(calls: list[Awaitable[Any]]) -> list[Any]:
    """Run ``calls`` concurrently; on the first failure cancel the rest and raise it
    (an AuthError first, as it decides the state)."""
    tasks = [asyncio.ensure_future(c) for c in calls]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        pending = [t for t in tasks if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
    errors = [t.exception() for t in tasks if not t.cancelled() and t.exception() is not None]
    if errors:
        auth = [e for e in errors if isinstance(e, AuthError)]
        raise (auth or errors)[0]  # type: ignore[misc]
    return [t.result() for t in tasks]


def _msisdn(phone: str) -> str:
    try:
        return normalize_phone(phone)
    except MovizorError:
        return phone.strip()


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


__all__ = [
    "DETAIL_EVENTS",
    "ConnectionState",
    "EngineStatus",
    "FleetCache",
    "Policy",
    "SyncEngine",
]

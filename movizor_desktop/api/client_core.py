"""The one path every Movizor call takes: lifecycle, key, guard, governor, retries, parsing.

:class:`ClientCore` is the base of :class:`~movizor_desktop.api.client.MovizorClient`,
which adds one method per API function. Requests go to ``{base_url}{project}/{function}/``
as UTF-8 form posts (the key stays out of URLs and proxy logs) or, on request, as GETs.
Every call passes the bad-key guard (:mod:`~movizor_desktop.api.keyguard`: at most one
request per key change until the key is known to work, and after a refused key none at all
until :meth:`ClientCore.set_key`), then the
:class:`~movizor_desktop.api.governor.RequestGovernor`. Reads are retried with backoff and
jitter on transport failures only; writes (anything that changes state or costs money) are
sent exactly once.

A refused key is ``ACCESS_DENIED``, or any error that is not a code the function
documents when it comes from ``balance`` (which documents none) or from the first call
after a key change: what a wrong key gets before the lockout is not documented.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from ..clock import MovizorClock
from .codes import READ_FUNCTIONS, ErrorKind
from .encoding import Params
from .errors import ApiError, AuthError, BadResponseError, KeyRefusedError, TransportError
from .governor import Budget, RequestGovernor
from .keyguard import KeyGuard, Outcome, Ticket, refuses_key
from .models import Result
from .net import NetConfig, build_async_client, is_remote_plain_http
from .phones import normalize_phone
from .redact import redact, register_secret
from .tariffs import TariffBook
from .transport import Envelope, send

log = logging.getLogger(__name__)


class PlainHttpRefused(ValueError):
    """An ``http://`` address of a remote host, not confirmed: the key would travel in clear."""

    def __init__(self, base_url: str) -> None:
        super().__init__(
            "plain http:// to a remote host sends the key unencrypted; "
            "confirm it first (allow_plain_http=True)"
        )
        self.base_url = base_url


DEFAULT_BASE_URL = "https://movizor.ru/api/"
POS_LIST_PAGE = 1000
PARSE_SLICE = 200  # list items validated between two yields to the event loop
M = TypeVar("M", bound=BaseModel)
C = TypeVar("C", bound="ClientCore")


class ClientCore:
    """Connection, key and the call path of a Movizor client (an async context manager)."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        project: str = "",
        key: str = "",
        *,
        method: Literal["POST", "GET"] = "POST",
        timeout: float = 20.0,
        governor: RequestGovernor | None = None,
        retries: int = 2,
        backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: MovizorClock | None = None,
        net: NetConfig | None = None,
        allow_plain_http: bool = False,
    ) -> None:
        if method not in ("POST", "GET"):
            raise ValueError("method must be POST or GET")
        if not project or "/" in project:
            raise ValueError("project must be a non-empty name without '/'")
        if is_remote_plain_http(base_url):
            if not allow_plain_http:
                raise PlainHttpRefused(base_url)
            if method == "GET":  # a GET would put the key in the URL, readable on the way
                log.warning(
                    "plain http:// to a remote host: POST is used, whatever the "
                    "profile says, so the key stays out of URLs"
                )
                method = "POST"
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.project = project
        self.method = method
        self.retries = max(0, retries)
        self.backoff = backoff
        self.governor = governor or RequestGovernor()
        self.clock = clock if clock is not None else MovizorClock()  # learns from answers
        self._key = ""
        self._guard = KeyGuard()
        self.tariffs: TariffBook | None = None  # the price table of the last balance answer
        self.set_key(key)
        self._http = build_async_client(net, timeout=timeout, transport=transport)

    # --- lifecycle ----------------------------------------------------------------------

    async def __aenter__(self: C) -> C:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    def __repr__(self) -> str:
        return (
            f"MovizorClient(base_url={self.base_url!r}, project={self.project!r}, "
            f"key='***', method={self.method!r})"
        )

    # --- key and budget -----------------------------------------------------------------

    def set_key(self, key: str) -> None:
        """Use ``key`` from now on; this also lifts the bad-key guard (the next call is
        the new key's probe)."""
        self._key = key.strip()
        register_secret(self._key)
        self._guard.set_key()

    @property
    def key_rejected(self) -> bool:
        """True once the server refused the key; calls then fail locally."""
        return self._guard.rejected

    @property
    def budget(self) -> Budget:
        return self.governor.snapshot()

    def url_for(self, function: str) -> str:
        return f"{self.base_url}{self.project}/{function}/"

    # --- the one path every call takes -----------------------------------------------------

    async def _call(self, function: str, params: Params | None = None) -> Envelope:
        retryable = function in READ_FUNCTIONS
        attempts = 1 + (self.retries if retryable else 0)
        for attempt in range(1, attempts + 1):
            try:
                return await self._send_once(function, params or [])
            except TransportError as exc:
                log.warning("%s: %s (attempt %d/%d)", function, exc.detail, attempt, attempts)
                if attempt >= attempts:
                    raise
                delay = self.backoff * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _admit(self, function: str) -> Ticket:
        """Leave from the bad-key guard and a slot from the governor, for the key in use
        (a key change while waiting for the slot means asking the guard again)."""
        while True:
            ticket = await self._guard.admit(function)
            try:
                await self.governor.acquire(function)
            except BaseException:
                self._guard.done(ticket, Outcome.UNKNOWN)
                raise
            if self._guard.current(ticket):
                return ticket
            self.governor.release()
            self._guard.done(ticket, Outcome.UNKNOWN)

    async def _send_once(self, function: str, params: Params) -> Envelope:
        ticket = await self._admit(function)
        outcome = Outcome.UNKNOWN
        started = time.perf_counter()
        try:
            body: Params = [("key", self._key), *params]
            envelope = await send(
                self._http,
                url=self.url_for(function),
                method=self.method,
                function=function,
                params=body,
                clock=self.clock,
            )
            outcome = Outcome.ACCEPTED
        except AuthError:
            outcome = Outcome.REFUSED
            log.warning("%s: key refused; further calls blocked until the key changes", function)
            raise
        except ApiError as exc:
            if refuses_key(function, exc, ticket):
                outcome = Outcome.REFUSED
                log.warning(
                    "%s: error %r from %s taken as a refused key; further calls "
                    "blocked until the key changes",
                    function,
                    exc.error_code,
                    "the key's first call" if ticket.probe else function,
                )
                raise KeyRefusedError(exc) from None
            if exc.kind is not ErrorKind.RATE_LIMIT:
                outcome = Outcome.ACCEPTED
            raise
        finally:
            self.governor.release()
            self._guard.done(ticket, outcome)
        log.debug("%s: ok in %.0f ms", function, (time.perf_counter() - started) * 1000)
        return envelope

    @staticmethod
    def _parse(function: str, model: type[M], data: Any) -> M:
        try:
            return model.model_validate(data if isinstance(data, dict) else {})
        except ValidationError as exc:
            raise BadResponseError(
                function, redact(f"unexpected data: {exc.errors()[:1]}"), maybe_applied=True
            ) from None
        except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
            raise BadResponseError(
                function, f"unreadable data ({type(exc).__name__})", maybe_applied=True
            ) from None

    async def _parse_list(self, function: str, model: type[M], data: Any) -> list[M]:
        """The items of a list answer, validated :data:`PARSE_SLICE` at a time with a
        yield to the event loop between slices: validating a 1,000-item ``pos_objects``
        takes 7-11 ms, which a window sharing the loop's thread would feel as one stall."""
        if isinstance(data, dict):  # PHP arrays with gaps arrive as objects
            data = list(data.values())
        if not isinstance(data, list):
            return []
        items = [item for item in data if isinstance(item, dict)]
        parsed: list[M] = []
        for first in range(0, len(items), PARSE_SLICE):
            if first:
                await asyncio.sleep(0)
            parsed += [
                self._parse(function, model, item) for item in items[first : first + PARSE_SLICE]
            ]
        return parsed

    async def _write(self, function: str, params: Params) -> Result:
        envelope = await self._call(function, params)
        return self._parse(function, Result, envelope)

    @staticmethod
    def _phone(phone: str, function: str) -> Params:
        return [("phone", normalize_phone(phone, function=function))]


__all__ = ["DEFAULT_BASE_URL", "POS_LIST_PAGE", "ClientCore", "PlainHttpRefused"]

"""MovizorClient: one async method per Movizor API function.

Usage::

    async with MovizorClient(project="demo", key="…") as api:
        balance = await api.balance()
        await api.object_add("+7 (921) 001-02-03", title="Иванов", tariff="15")

Requests go to ``{base_url}{project}/{function}/`` as UTF-8 form posts (the key stays out
of URLs and proxy logs) or, on request, as GETs. Every call passes the bad-key guard
(:mod:`~movizor_desktop.api.keyguard`: at most one request per key change until the key is
known to work, and after a refused key none at all until :meth:`MovizorClient.set_key`),
then the :class:`~movizor_desktop.api.governor.RequestGovernor`. Reads are retried with
backoff and jitter on transport failures only; writes (anything that changes state or
costs money) are sent exactly once.

A refused key is ``ACCESS_DENIED``, or any error that is not a code the function
documents when it comes from ``balance`` (which documents none) or from the first call
after a key change: what a wrong key gets before the lockout is not documented.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import datetime
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from ..clock import MovizorClock
from .codes import READ_FUNCTIONS, ErrorKind, ErrorSpec
from .encoding import (
    Params,
    RoutePoint,
    Schedule,
    encode_list,
    encode_metadata,
    encode_route,
    encode_schedule,
    encode_tags,
    format_dateoff,
    to_unix,
    validate_metadata,
)
from .errors import (
    ApiError,
    AuthError,
    BadResponseError,
    InvalidInputError,
    KeyRefusedError,
    TransportError,
)
from .governor import Budget, RequestGovernor
from .keyguard import KeyGuard, Outcome, Ticket, refuses_key
from .models import (
    Balance,
    Event,
    EventSubscription,
    ObjectInfo,
    ObjectPosition,
    ObjectSummary,
    Operator,
    Place,
    Position,
    RequestTicket,
    Result,
    Share,
    ShareCreated,
    TariffCost,
)
from .net import NetConfig, build_async_client, is_remote_plain_http
from .phones import normalize_phone
from .redact import redact, register_secret
from .tariffs import MANUAL_WORD, TariffBook
from .transport import Envelope, send

log = logging.getLogger(__name__)


class PlainHttpRefused(ValueError):
    """An ``http://`` address of a remote host, not confirmed: the key would travel in clear."""

    def __init__(self, base_url: str) -> None:
        super().__init__("plain http:// to a remote host sends the key unencrypted; "
                         "confirm it first (allow_plain_http=True)")
        self.base_url = base_url


DEFAULT_BASE_URL = "https://movizor.ru/api/"
POS_LIST_PAGE = 1000
M = TypeVar("M", bound=BaseModel)


_NO_MANUAL_ID = ErrorSpec(
    "TARIFF", "The manual tariff's id is not in the price table", ErrorKind.INVALID,
    "Movizor's price table does not show which tariff is the manual one; choose the tariff "
    "from the list.",
    "В таблице цен Movizor не видно, какой тариф ручной; выберите тариф из списка.",
    "tariff")


class MovizorClient:
    """Async client for the Movizor.ru HTTP API (an async context manager)."""

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
                log.warning("plain http:// to a remote host: POST is used, whatever the "
                            "profile says, so the key stays out of URLs")
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

    async def __aenter__(self) -> MovizorClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    def __repr__(self) -> str:
        return (f"MovizorClient(base_url={self.base_url!r}, project={self.project!r}, "
                f"key='***', method={self.method!r})")

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
            envelope = await send(self._http, url=self.url_for(function),
                                  method=self.method, function=function, params=body,
                                  clock=self.clock)
            outcome = Outcome.ACCEPTED
        except AuthError:
            outcome = Outcome.REFUSED
            log.warning("%s: key refused; further calls blocked until the key changes",
                        function)
            raise
        except ApiError as exc:
            if refuses_key(function, exc, ticket):
                outcome = Outcome.REFUSED
                log.warning("%s: error %r from %s taken as a refused key; further calls "
                            "blocked until the key changes", function, exc.error_code,
                            "the key's first call" if ticket.probe else function)
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
            raise BadResponseError(function, redact(f"unexpected data: {exc.errors()[:1]}"),
                                   maybe_applied=True) from None
        except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
            raise BadResponseError(function, f"unreadable data ({type(exc).__name__})",
                                   maybe_applied=True) from None

    def _parse_list(self, function: str, model: type[M], data: Any) -> list[M]:
        if isinstance(data, dict):  # PHP arrays with gaps arrive as objects
            data = list(data.values())
        if not isinstance(data, list):
            return []
        return [self._parse(function, model, item) for item in data if isinstance(item, dict)]

    async def _write(self, function: str, params: Params) -> Result:
        envelope = await self._call(function, params)
        return self._parse(function, Result, envelope)

    @staticmethod
    def _phone(phone: str, function: str) -> Params:
        return [("phone", normalize_phone(phone, function=function))]

    @staticmethod
    def _object_fields(
        function: str,
        *,
        title: str | None,
        tags: Iterable[str] | None,
        dateoff: datetime | None,
        package_prolong: bool | None,
        route: Iterable[RoutePoint] | None,
        schedule: Schedule | None,
        metadata: Mapping[str, str] | None,
    ) -> Params:
        params: Params = []
        if title is not None:
            params.append(("title", title))
        if tags is not None:
            params.append(("tags", encode_tags(tags)))
        if dateoff is not None:
            params.append(("dateoff", format_dateoff(dateoff)))
        if package_prolong is not None:
            params.append(("package_prolong", "1" if package_prolong else "0"))
        if route is not None:
            params += encode_route(route)
        if schedule is not None:
            params += encode_schedule(schedule)
        if metadata is not None:
            try:
                validate_metadata(metadata)
            except ValueError as exc:
                raise InvalidInputError(function, "METADATA", str(exc)) from None
            params += encode_metadata(metadata)
        return params

    # --- account ------------------------------------------------------------------------

    async def balance(self) -> Balance:
        envelope = await self._call("balance")
        balance = self._parse("balance", Balance, envelope.get("data"))
        if balance.tariff:
            self.tariffs = balance.book
        return balance

    async def _tariff(self, tariff: str | int, function: str, phone: str | None = None) -> str:
        """The id to send for ``tariff``: as given, except the word ``manual`` (what
        object_get may report), which becomes the manual id of the account's price table
        (``balance`` is asked once if the table is not known yet; the number's operator
        when the operators' manual ids differ)."""
        text = str(tariff).strip()
        if text.lower() != MANUAL_WORD:
            return text
        book = self.tariffs
        if book is None or not book.known:
            await self.balance()
            book = self.tariffs or TariffBook()
        manual = book.manual_id()
        if manual is None and phone is not None and book.manual_ids():
            manual = book.manual_id((await self.get_operator(phone)).operator)
        if manual is None:
            raise InvalidInputError(function, "TARIFF", _NO_MANUAL_ID.text, spec=_NO_MANUAL_ID)
        return manual

    async def get_operator(self, phone: str) -> Operator:
        envelope = await self._call("get_operator", self._phone(phone, "get_operator"))
        return self._parse("get_operator", Operator, envelope.get("data"))

    async def tariff_calculator(self, operator: str, tariff: str | int) -> TariffCost:
        params = [("operator", operator),
                  ("tariff", await self._tariff(tariff, "tariff_calculator"))]
        envelope = await self._call("tariff_calculator", params)
        return self._parse("tariff_calculator", TariffCost, envelope.get("data"))

    async def distance_search(self, query: str) -> list[Place]:
        envelope = await self._call("distance_search", [("query", query)])
        return self._parse_list("distance_search", Place, envelope.get("data"))

    # --- subscribers ----------------------------------------------------------------------

    async def object_add(
        self,
        phone: str,
        *,
        title: str | None = None,
        tags: Iterable[str] | None = None,
        dateoff: datetime | None = None,
        tariff: str | int | None = None,
        package_prolong: bool | None = None,
        route: Iterable[RoutePoint] | None = None,
        schedule: Schedule | None = None,
        metadata: Mapping[str, str] | None = None,
        autoinform: bool = False,
        account: str | None = None,
    ) -> Result:
        """Connect a subscriber. Costs money once the driver confirms; never retried.

        ``account`` adds the subscriber into a subordinate cabinet (its "client number",
        shown top right in Movizor's web cabinet) instead of this project's own account.
        """
        params = self._phone(phone, "object_add")
        if tariff is not None:
            params.append(("tariff", await self._tariff(tariff, "object_add", params[0][1])))
        params += self._object_fields(
            "object_add", title=title, tags=tags, dateoff=dateoff,
            package_prolong=package_prolong, route=route, schedule=schedule, metadata=metadata)
        if autoinform:
            params.append(("autoinform", "1"))
        if account is not None and account.strip():
            params.append(("account", account.strip()))
        return await self._write("object_add", params)

    async def object_get(self, phone: str) -> ObjectInfo:
        envelope = await self._call("object_get", self._phone(phone, "object_get"))
        return self._parse("object_get", ObjectInfo, envelope.get("data"))

    async def object_edit(
        self,
        phone: str,
        *,
        tariff: str | int,
        activate: bool = False,
        title: str | None = None,
        tags: Iterable[str] | None = None,
        dateoff: datetime | None = None,
        package_prolong: bool | None = None,
        route: Iterable[RoutePoint] | None = None,
        schedule: Schedule | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> Result:
        """Edit a subscriber; only the fields given are sent.

        ``tariff`` is required on purpose: the server treats an edit *without* a tariff as
        a switch to the manual tariff (the newer documents, ``docs/protocol.md``). Pass
        the current tariff to keep it (the word ``manual`` is sent as the price table's
        manual id), or the pending ``tariff_new`` to keep a scheduled change. A different
        tariff switches at the next 00:00 МСК, or at once with ``activate=True``.
        """
        params = self._phone(phone, "object_edit")
        params.append(("tariff", await self._tariff(tariff, "object_edit", params[0][1])))
        if activate:
            params.append(("activate", "1"))
        params += self._object_fields(
            "object_edit", title=title, tags=tags, dateoff=dateoff,
            package_prolong=package_prolong, route=route, schedule=schedule, metadata=metadata)
        return await self._write("object_edit", params)

    async def object_list(self) -> list[ObjectSummary]:
        envelope = await self._call("object_list")
        return self._parse_list("object_list", ObjectSummary, envelope.get("data"))

    async def object_delete(self, phone: str) -> Result:
        """First call disables (code DISABLED); a call on a disabled one deletes (DELETED)."""
        return await self._write("object_delete", self._phone(phone, "object_delete"))

    async def object_reactivate(self, phone: str, *, dateoff: datetime | None = None) -> Result:
        params = self._phone(phone, "object_reactivate")
        if dateoff is not None:
            params.append(("dateoff", format_dateoff(dateoff)))
        return await self._write("object_reactivate", params)

    async def object_cancel_tariff(self, phone: str) -> Result:
        return await self._write("object_cancel_tariff",
                                 self._phone(phone, "object_cancel_tariff"))

    # --- positions ------------------------------------------------------------------------

    async def pos_last(self, phone: str) -> Position:
        envelope = await self._call("pos_last", self._phone(phone, "pos_last"))
        return self._parse("pos_last", Position, envelope.get("data"))

    async def pos_request(self, phone: str) -> RequestTicket:
        """Ask for a new fix now. On a manual tariff this costs money; never retried."""
        envelope = await self._call("pos_request", self._phone(phone, "pos_request"))
        ticket = self._parse("pos_request", RequestTicket, envelope.get("data"))
        code = self._parse("pos_request", Result, envelope).code
        return ticket.model_copy(update={"waiting": code.upper() == "WAIT"})

    async def pos_get(self, request_id: str | int) -> Position:
        """The fix of a request; raises PendingError while queued, RequestFailedError."""
        envelope = await self._call("pos_get", [("id", str(request_id))])
        return self._parse("pos_get", Position, envelope.get("data"))

    async def pos_objects(self) -> list[ObjectPosition]:
        envelope = await self._call("pos_objects")
        return self._parse_list("pos_objects", ObjectPosition, envelope.get("data"))

    async def pos_list(
        self,
        phone: str,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[Position]:
        """One page of fixes, newest first (the server's default page is 1,000)."""
        params = self._phone(phone, "pos_list")
        if offset:
            params.append(("offset", str(int(offset))))
        if start is not None:
            params.append(("date_start", str(to_unix(start))))
        if end is not None:
            params.append(("date_end", str(to_unix(end))))
        if limit is not None:
            params.append(("limit", str(int(limit))))
        envelope = await self._call("pos_list", params)
        return self._parse_list("pos_list", Position, envelope.get("data"))

    async def pos_track(
        self,
        phone: str,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        page_size: int = POS_LIST_PAGE,
        max_pages: int = 100,
    ) -> AsyncIterator[list[Position]]:
        """All fixes of a period, page by page (newest first), paged with ``offset``."""
        offset = 0
        for _ in range(max_pages):
            page = await self.pos_list(phone, start=start, end=end, offset=offset,
                                       limit=page_size)
            if page:
                yield page
            if len(page) < page_size:
                return
            offset += len(page)

    # --- events ---------------------------------------------------------------------------

    async def events(self, *, afterid: int | None = None, limit: int | None = None) -> list[Event]:
        """Events newest first; with ``afterid`` only those after that id."""
        params: Params = []
        if afterid is not None:
            params.append(("afterid", str(int(afterid))))
        if limit is not None:
            params.append(("limit", str(max(10, min(1000, int(limit))))))
        envelope = await self._call("events", params)
        return self._parse_list("events", Event, envelope.get("data"))

    async def events_subscribe_list(self) -> list[EventSubscription]:
        envelope = await self._call("events_subscribe_list")
        return self._parse_list("events_subscribe_list", EventSubscription,
                                envelope.get("data"))

    async def events_subscribe_add(
        self,
        event: str,
        *,
        notify_type: Literal["sms", "email", "telegram"],
        notify_value: str | None = None,
        phones: Iterable[str] | None = None,
    ) -> Result:
        """Subscribe to ``event`` for all subscribers (``phones=None``) or the given ones."""
        params: Params = [("events", event), ("notify_type", notify_type)]
        if notify_value is not None:
            value = (normalize_phone(notify_value, function="events_subscribe_add")
                     if notify_type == "sms" else notify_value.strip())
            params.append(("notify_value", value))
        if phones is None:
            params.append(("phones_all", "1"))
        else:
            normalized = [normalize_phone(p, function="events_subscribe_add") for p in phones]
            params += encode_list("phones", normalized)
        return await self._write("events_subscribe_add", params)

    async def events_subscribe_delete(self, subscription_id: str | int) -> Result:
        return await self._write("events_subscribe_delete", [("id", str(subscription_id))])

    # --- client share links -------------------------------------------------------------

    async def share_list(self) -> list[Share]:
        envelope = await self._call("share_list")
        return self._parse_list("share_list", Share, envelope.get("data"))

    async def share_add(
        self,
        phones: Iterable[str],
        *,
        client: str | None = None,
        comments: str | None = None,
        email: str | None = None,
        dateoff: datetime | None = None,
        req_limit: int | None = None,
    ) -> ShareCreated:
        normalized = [normalize_phone(p, function="share_add") for p in phones]
        if not normalized:
            raise InvalidInputError("share_add", "PHONES", "No subscribers chosen")
        params = encode_list("phone", normalized)
        for name, value in (("client", client), ("comments", comments), ("email", email)):
            if value is not None:
                params.append((name, value))
        if dateoff is not None:
            params.append(("dateoff", format_dateoff(dateoff)))
        if req_limit is not None:
            params.append(("req_limit", str(int(req_limit))))
        envelope = await self._call("share_add", params)
        return self._parse("share_add", ShareCreated, envelope.get("data"))

    async def share_delete(self, share_key: str) -> Result:
        return await self._write("share_delete", [("share_key", share_key)])

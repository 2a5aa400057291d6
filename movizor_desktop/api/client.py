"""MovizorClient: one async method per Movizor API function.

Usage::

    async with MovizorClient(project="demo", key="…") as api:
        balance = await api.balance()
        await api.object_add("+7 (921) 001-02-03", title="Иванов", tariff="15")

Every call takes one path (:mod:`.client_core`: the bad-key guard, the request governor,
retries for reads only, parsing into the models of :mod:`.models`); this module builds each
function's parameters. The fields a subscriber is added or edited with are one typed list,
:class:`~.subscriber_fields.SubscriberFields`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Literal, Unpack

from .client_core import DEFAULT_BASE_URL, POS_LIST_PAGE, ClientCore, PlainHttpRefused
from .codes import ErrorKind, ErrorSpec
from .encoding import Params, encode_list, format_dateoff, to_unix
from .errors import InvalidInputError
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
from .phones import normalize_phone
from .subscriber_fields import SubscriberFields, encode_fields
from .tariffs import MANUAL_WORD, TariffBook

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_BASE_URL", "POS_LIST_PAGE", "MovizorClient", "PlainHttpRefused"]

_NO_MANUAL_ID = ErrorSpec(
    "TARIFF",
    "The manual tariff's id is not in the price table",
    ErrorKind.INVALID,
    "Movizor's price table does not show which tariff is the manual one; choose the tariff "
    "from the list.",
    "В таблице цен Movizor не видно, какой тариф ручной; выберите тариф из списка.",
    "tariff",
)


class MovizorClient(ClientCore):
    """Async client for the Movizor.ru HTTP API (an async context manager): one method per
    API function."""

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
        params = [
            ("operator", operator),
            ("tariff", await self._tariff(tariff, "tariff_calculator")),
        ]
        envelope = await self._call("tariff_calculator", params)
        return self._parse("tariff_calculator", TariffCost, envelope.get("data"))

    async def distance_search(self, query: str) -> list[Place]:
        envelope = await self._call("distance_search", [("query", query)])
        return await self._parse_list("distance_search", Place, envelope.get("data"))

    # --- subscribers ----------------------------------------------------------------------

    async def object_add(
        self,
        phone: str,
        *,
        tariff: str | int | None = None,
        autoinform: bool = False,
        account: str | None = None,
        **fields: Unpack[SubscriberFields],
    ) -> Result:
        """Connect a subscriber. Costs money once the driver confirms; never retried.

        ``account`` adds the subscriber into a subordinate cabinet (its "client number",
        shown top right in Movizor's web cabinet) instead of this project's own account.
        """
        params = self._phone(phone, "object_add")
        if tariff is not None:
            params.append(("tariff", await self._tariff(tariff, "object_add", params[0][1])))
        params += encode_fields("object_add", fields)
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
        **fields: Unpack[SubscriberFields],
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
        params += encode_fields("object_edit", fields)
        return await self._write("object_edit", params)

    async def object_list(self) -> list[ObjectSummary]:
        envelope = await self._call("object_list")
        return await self._parse_list("object_list", ObjectSummary, envelope.get("data"))

    async def object_delete(self, phone: str) -> Result:
        """First call disables (code DISABLED); a call on a disabled one deletes (DELETED)."""
        return await self._write("object_delete", self._phone(phone, "object_delete"))

    async def object_reactivate(self, phone: str, *, dateoff: datetime | None = None) -> Result:
        params = self._phone(phone, "object_reactivate")
        if dateoff is not None:
            params.append(("dateoff", format_dateoff(dateoff)))
        return await self._write("object_reactivate", params)

    async def object_cancel_tariff(self, phone: str) -> Result:
        return await self._write("object_cancel_tariff", self._phone(phone, "object_cancel_tariff"))

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
        return await self._parse_list("pos_objects", ObjectPosition, envelope.get("data"))

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
        return await self._parse_list("pos_list", Position, envelope.get("data"))

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
            page = await self.pos_list(phone, start=start, end=end, offset=offset, limit=page_size)
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
        return await self._parse_list("events", Event, envelope.get("data"))

    async def events_subscribe_list(self) -> list[EventSubscription]:
        envelope = await self._call("events_subscribe_list")
        return await self._parse_list(
            "events_subscribe_list", EventSubscription, envelope.get("data")
        )

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
            value = (
                normalize_phone(notify_value, function="events_subscribe_add")
                if notify_type == "sms"
                else notify_value.strip()
            )
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
        return await self._parse_list("share_list", Share, envelope.get("data"))

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

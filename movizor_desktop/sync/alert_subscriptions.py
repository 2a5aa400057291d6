"""Alert subscriptions (``events_subscribe_*``): what one is, and how to change one safely.

Movizor sends an SMS, an e-mail or a Telegram message when an event of a chosen type
happens to all subscribers of the account or to chosen ones. A subscription has one event
type and one channel ("only the last set notification works", as the captures' client
notes). The API has no edit: a subscription is changed by deleting it and adding the new
one.

:func:`replace_subscription` does that in the safe order: **add the new subscription first, then
delete the old one.** The dispatcher never ends up with no alert at all:

* the add fails → nothing is deleted, the old subscription stays (``ADD_FAILED``). When the
  add failed on the network after the request may have reached the server
  (``TransportError.maybe_applied``), the new one may exist too: re-read the list;
* the add succeeds but the delete fails → both subscriptions exist now
  (``DELETE_FAILED``); the caller tells the dispatcher and re-reads the list;
* the delete answers "not found" → the old one is already gone: the goal is reached.

Nothing here is retried: both calls are writes (the client sends writes exactly once).
No Qt: the dialogs (``ui/features/alert_subscriptions/``) call these functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from ..api.errors import InvalidPhoneError, MovizorError, NotFoundError, TransportError
from ..api.phones import normalize_phone

if TYPE_CHECKING:
    from ..api.client import MovizorClient
    from ..api.models import EventSubscription, Result

__all__ = [
    "NotifyType",
    "ReplaceOutcome",
    "ReplaceResult",
    "SubscriptionSpec",
    "add_subscription",
    "delete_subscription",
    "find_duplicate",
    "is_email",
    "list_subscriptions",
    "recipient_problem",
    "replace_subscription",
    "split_emails",
]

NotifyType = Literal["sms", "email", "telegram"]
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;.]{2,}$")


def is_email(text: str) -> bool:
    """A plausible single e-mail address (``name@host.tld``)."""
    return bool(_EMAIL.match(text.strip()))


def split_emails(text: str) -> list[str]:
    """Addresses typed one after another, separated by spaces, commas or semicolons."""
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def recipient_problem(notify_type: str, value: str) -> Literal["missing", "invalid"] | None:
    """Why ``value`` cannot receive alerts of ``notify_type``, or None when it can."""
    value = value.strip()
    if notify_type == "telegram":
        return None  # the account's own Telegram; the API takes no value
    if not value:
        return "missing"
    if notify_type == "email":
        return None if is_email(value) else "invalid"
    try:
        normalize_phone(value, function="events_subscribe_add")
    except InvalidPhoneError:
        return "invalid"
    return None


def _msisdn(text: str) -> str:
    try:
        return normalize_phone(text, function="events_subscribe_add")
    except InvalidPhoneError:
        return text.strip()


@dataclass(frozen=True, slots=True)
class SubscriptionSpec:
    """What a subscription should be: event, channel, recipient and whose events.

    ``phones`` None means all subscribers of the account (``phones_all=1``);
    ``notify_value`` is the MSISDN for SMS, the address for e-mail and "" for Telegram.
    """

    event: str
    notify_type: NotifyType
    notify_value: str = ""
    phones: tuple[str, ...] | None = None

    @classmethod
    def of(cls, sub: EventSubscription) -> SubscriptionSpec:
        kind = sub.notify_type or "sms"
        value = {"sms": sub.phone, "email": sub.email}.get(kind, "")
        phones = None if sub.phones_all else tuple(sub.phones)
        return cls(sub.type, kind, value, phones)  # type: ignore[arg-type]

    def normalized(self) -> SubscriptionSpec:
        """The same spec with the recipient and phones in the API's form, phones sorted."""
        value = self.notify_value.strip()
        if self.notify_type == "sms" and value:
            value = _msisdn(value)
        elif self.notify_type == "email":
            value = value.lower()
        else:
            value = "" if self.notify_type == "telegram" else value
        phones = None
        if self.phones is not None:
            phones = tuple(sorted({_msisdn(p) for p in self.phones}))
        return SubscriptionSpec(self.event, self.notify_type, value, phones)


def find_duplicate(
    spec: SubscriptionSpec, subs: Iterable[EventSubscription], *, ignore_id: str | None = None
) -> EventSubscription | None:
    """An existing subscription that already does exactly what ``spec`` asks."""
    wanted = spec.normalized()
    for sub in subs:
        if ignore_id is not None and sub.id == ignore_id:
            continue
        if SubscriptionSpec.of(sub).normalized() == wanted:
            return sub
    return None


async def list_subscriptions(client: MovizorClient) -> list[EventSubscription]:
    """The account's subscriptions, oldest first (by id, numerically when it is a number)."""
    subs = await client.events_subscribe_list()

    def order(sub: EventSubscription) -> tuple[int, str]:
        return (int(sub.id), "") if sub.id.isdigit() else (1 << 62, sub.id)

    return sorted(subs, key=order)


async def add_subscription(client: MovizorClient, spec: SubscriptionSpec) -> Result:
    """Add one subscription (a write: sent once, never retried)."""
    return await client.events_subscribe_add(
        spec.event,
        notify_type=spec.notify_type,
        notify_value=None if spec.notify_type == "telegram" else spec.notify_value,
        phones=None if spec.phones is None else list(spec.phones),
    )


async def delete_subscription(client: MovizorClient, subscription_id: str) -> Result:
    return await client.events_subscribe_delete(subscription_id)


class ReplaceResult(StrEnum):
    REPLACED = "replaced"  # the new one was added and the old one is gone
    UNCHANGED = "unchanged"  # the new spec is the old one: nothing was sent
    ADD_FAILED = "add_failed"  # nothing was deleted: the old subscription is in place
    DELETE_FAILED = "delete_failed"  # the new one was added, the old one is still there


@dataclass(frozen=True, slots=True)
class ReplaceOutcome:
    result: ReplaceResult
    error: MovizorError | None = None

    @property
    def ok(self) -> bool:
        return self.result in (ReplaceResult.REPLACED, ReplaceResult.UNCHANGED)

    @property
    def both_exist(self) -> bool:
        """The old and the new subscription both exist (or may, after a lost answer)."""
        return self.result == ReplaceResult.DELETE_FAILED or self.maybe_added

    @property
    def maybe_added(self) -> bool:
        """The add failed on the network after it may have reached the server."""
        return (
            self.result == ReplaceResult.ADD_FAILED
            and isinstance(self.error, TransportError)
            and self.error.maybe_applied
        )


async def replace_subscription(
    client: MovizorClient, old: EventSubscription, new: SubscriptionSpec
) -> ReplaceOutcome:
    """Change ``old`` into ``new``: add ``new`` first, delete ``old`` only once it exists."""
    if SubscriptionSpec.of(old).normalized() == new.normalized():
        return ReplaceOutcome(ReplaceResult.UNCHANGED)
    try:
        await add_subscription(client, new)
    except MovizorError as exc:
        return ReplaceOutcome(ReplaceResult.ADD_FAILED, exc)
    try:
        await delete_subscription(client, old.id)
    except NotFoundError:
        return ReplaceOutcome(ReplaceResult.REPLACED)  # already gone: nothing doubled
    except MovizorError as exc:
        return ReplaceOutcome(ReplaceResult.DELETE_FAILED, exc)
    return ReplaceOutcome(ReplaceResult.REPLACED)

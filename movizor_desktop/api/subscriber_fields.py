"""The fields a subscriber is added or edited with, in one typed place. No Qt here.

``object_add`` and ``object_edit`` take the same fields besides the phone and the tariff
(and ``object_add``'s ``autoinform`` and ``account``, ``object_edit``'s ``activate``).
:class:`SubscriberFields` names them once: the client's two functions, the user's actions
(:mod:`movizor_desktop.sync.actions`) and the subscriber dialog all take or build it, so a
new field is added here and nowhere else is a list of names to keep in step. A field that
is missing (or None) is not sent: an edit changes only what it names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TypedDict

from .encoding import (
    Params,
    RoutePoint,
    Schedule,
    encode_metadata,
    encode_route,
    encode_schedule,
    encode_tags,
    format_dateoff,
    validate_metadata,
)
from .errors import InvalidInputError


class SubscriberFields(TypedDict, total=False):
    title: str | None
    tags: Iterable[str] | None
    dateoff: datetime | None  # the date the tracking ends
    package_prolong: bool | None  # a package tariff renews itself
    route: Iterable[RoutePoint] | None
    schedule: Schedule | None
    metadata: Mapping[str, str] | None


FIELD_NAMES: frozenset[str] = frozenset(SubscriberFields.__annotations__)


def encode_fields(function: str, fields: SubscriberFields) -> Params:
    """The request parameters of the fields given (``function`` names the call in the
    :class:`~.errors.InvalidInputError` a bad metadata raises)."""
    params: Params = []
    title = fields.get("title")
    if title is not None:
        params.append(("title", title))
    tags = fields.get("tags")
    if tags is not None:
        params.append(("tags", encode_tags(tags)))
    dateoff = fields.get("dateoff")
    if dateoff is not None:
        params.append(("dateoff", format_dateoff(dateoff)))
    prolong = fields.get("package_prolong")
    if prolong is not None:
        params.append(("package_prolong", "1" if prolong else "0"))
    route = fields.get("route")
    if route is not None:
        params += encode_route(route)
    schedule = fields.get("schedule")
    if schedule is not None:
        params += encode_schedule(schedule)
    metadata = fields.get("metadata")
    if metadata is not None:
        try:
            validate_metadata(metadata)
        except ValueError as exc:
            raise InvalidInputError(function, "METADATA", str(exc)) from None
        params += encode_metadata(metadata)
    return params


__all__ = ["FIELD_NAMES", "SubscriberFields", "encode_fields"]

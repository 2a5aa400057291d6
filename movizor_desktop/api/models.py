"""Typed results of the Movizor API, tolerant of every shape the real server sends.

The server is dynamically typed (``docs/protocol.md``): a number arrives as a string, a
number or null; ``0`` and ``"0"`` mean "unset" for timestamps and distances; ``metadata``
is ``{}`` when filled and ``[]`` when empty, with HTML-escaped values (captured); every
other free text (titles, places, route texts, tags, link comments) is unescaped too, in
case the server escapes it as well; ``tariff`` is an id or the word
``manual`` (kept as it is: :mod:`.tariffs` tells which id that is); ``radius`` is a number
in one endpoint and a string in another. The annotated
types below absorb all of that: timestamps become aware UTC datetimes, coordinates floats,
money :class:`~decimal.Decimal`. Unknown fields are ignored, missing optional ones default.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .encoding import from_unix, parse_route_time
from .tariffs import TariffBook

# --- tolerant scalars -------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """A finite float from a number or numeric string; None for null/empty/garbage."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            result = float(value)
        elif isinstance(value, str):
            text = value.strip().replace(",", ".")
            if not text:
                return None
            result = float(text)
        else:
            return None
    except (ValueError, OverflowError):  # garbage, or an integer beyond a float
        return None
    return result if math.isfinite(result) else None


def _opt_float(value: Any) -> float | None:
    return _number(value)


def _opt_float_unset0(value: Any) -> float | None:
    number = _number(value)
    return None if number is None or number == 0 else number


def _opt_int(value: Any) -> int | None:
    number = _number(value)
    if number is None or abs(number) > 2**53:
        return None
    return int(number)


def _timestamp(value: Any) -> datetime | None:
    if isinstance(value, datetime):  # already parsed: our own models, the local cache
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    number = _number(value)
    if number is None and isinstance(value, str):  # ISO 8601, as model_dump(mode="json") writes
        try:
            moment = datetime.fromisoformat(value.strip())
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            number = moment.timestamp()
        except (ValueError, OverflowError):
            return None
        return moment if 0 < number <= 32503680000 else None
    if number is None or number <= 0 or number > 32503680000:  # after year 3000: garbage
        return None
    return from_unix(number)


def _coordinate(value: Any) -> float | None:
    number = _number(value)
    if number is None or number == 0 or abs(number) > 180:
        return None
    return number


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value)


def _free_text(value: Any) -> str:
    """A text a person wrote, HTML entities undone once (``&quot;`` → ``"``)."""
    return html.unescape(_text(value))


def _opt_text(value: Any) -> str | None:
    text = _text(value).strip()
    return text or None


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "y", "on"}
    return False


def _opt_flag(value: Any) -> bool | None:
    return None if value is None else _flag(value)


def _money(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return Decimal("0")
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return Decimal("0")
    return amount if amount.is_finite() else Decimal("0")


def _metadata(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}  # [] (PHP's empty array), null, or anything else
    return {html.unescape(_text(k)): html.unescape(_text(v)) for k, v in value.items()}


def _str_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if v is not None]
    if isinstance(value, str) and value:
        return [v for v in value.split(",") if v]
    return []


def _tags(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        items = [_free_text(v).strip() for v in value]
    else:
        items = _free_text(value).split(",")
    return [t.strip() for t in items if t.strip()]


def _route_time(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _timestamp(value)
    text = _opt_text(value)
    if text is None:
        return None
    try:
        return parse_route_time(text)
    except ValueError:
        return _timestamp(text)


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    if isinstance(value, dict):  # PHP arrays with non-sequential keys arrive as objects
        return [v for v in value.values() if isinstance(v, dict)]
    return []


OptFloat = Annotated[float | None, BeforeValidator(_opt_float)]
OptDistance = Annotated[float | None, BeforeValidator(_opt_float_unset0)]
OptInt = Annotated[int | None, BeforeValidator(_opt_int)]
Timestamp = Annotated[datetime | None, BeforeValidator(_timestamp)]
Coordinate = Annotated[float | None, BeforeValidator(_coordinate)]
Text = Annotated[str, BeforeValidator(_text)]
FreeText = Annotated[str, BeforeValidator(_free_text)]
OptText = Annotated[str | None, BeforeValidator(_opt_text)]
Flag = Annotated[bool, BeforeValidator(_flag)]
OptFlag = Annotated[bool | None, BeforeValidator(_opt_flag)]
Money = Annotated[Decimal, BeforeValidator(_money)]
TariffId = Annotated[str | None, BeforeValidator(_opt_text)]
Metadata = Annotated[dict[str, str], BeforeValidator(_metadata)]
StrList = Annotated[list[str], BeforeValidator(_str_list)]
Tags = Annotated[list[str] | None, BeforeValidator(_tags)]
RouteTime = Annotated[datetime | None, BeforeValidator(_route_time)]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


# --- positions ------------------------------------------------------------------------


class Forecast(Model):
    """Remaining distance and arrival forecast, shared by objects and fixes."""

    distance: OptDistance = None  # km left to the final point
    distance_forecast_time: OptFloat = None  # hours left
    distance_forecast_status: OptText = None  # new / ok / late / finished


class Position(Forecast):
    """A fix: pos_last, pos_get, pos_list items and pos_objects items."""

    lat: Coordinate = None
    lon: Coordinate = None
    timestamp: Timestamp = None
    timestamp_request: Timestamp = None
    radius: OptInt = None  # metres of LBS uncertainty
    place: FreeText = ""

    @property
    def has_fix(self) -> bool:
        return self.lat is not None and self.lon is not None


class ObjectPosition(Position):
    """pos_objects item: a fix with the subscriber's phone."""

    phone: Text = ""


# --- subscribers ----------------------------------------------------------------------


class Destination(Model):
    """A point of the subscriber's route as object_get reports it."""

    text: FreeText = ""
    lat: Coordinate = None
    lon: Coordinate = None
    time: RouteTime = None
    timestamp_finished: Timestamp = None
    status: OptText = None


class ScheduleInfo(Model):
    """The request schedule, where the server reports it (not in the 2017 document)."""

    days: frozenset[int] = frozenset()
    times: tuple[str, ...] = ()


def _schedule(value: Any) -> ScheduleInfo | None:
    if isinstance(value, ScheduleInfo):
        return value
    if not isinstance(value, dict):
        return None
    days = frozenset(d for d in range(1, 8) if _flag(value.get(f"sw{d}")))
    times = tuple(sorted({t.strip() for t in _str_list(value.get("st")) if t.strip()}))
    return ScheduleInfo(days=days, times=times)


class ObjectSummary(Model):
    """object_list item."""

    phone: Text
    status: Text = ""


class ObjectInfo(Forecast):
    """object_get: everything the service knows about one subscriber."""

    phone: Text
    status: Text = ""
    confirmed: Flag = False
    title: FreeText = ""
    tariff: TariffId = None
    tariff_new: TariffId = None
    last_timestamp: Timestamp = None
    at_request: Flag = False
    current_lat: Coordinate = None
    current_lon: Coordinate = None
    place: FreeText = ""
    on_parking: OptFlag = None
    destination: Annotated[list[Destination], BeforeValidator(_list)] = Field(default_factory=list)
    offline_time: Timestamp = None
    pos_error: Flag = False
    timestamp_off: Timestamp = None
    timestamp_add: Timestamp = None
    metadata: Metadata = Field(default_factory=dict)
    tags: Tags = None  # None: the server did not say
    package_prolong: OptFlag = None
    schedule: Annotated[ScheduleInfo | None, BeforeValidator(_schedule)] = None


# --- account --------------------------------------------------------------------------


class TariffPrice(Model):
    abon: Money = Decimal("0")
    request: Money = Decimal("0")
    title: FreeText = ""


def _tariff_table(value: Any) -> dict[str, dict[str, TariffPrice]]:
    """Operators map tariff ids to prices; services (eventsms, autoinform) are arrays."""
    if not isinstance(value, dict):
        return {}
    table: dict[str, dict[str, TariffPrice]] = {}
    for group, entries in value.items():
        items: Iterable[tuple[Any, Any]]
        if isinstance(entries, dict):
            items = entries.items()
        elif isinstance(entries, list):
            items = ((str(i), e) for i, e in enumerate(entries))
        else:
            continue
        table[str(group)] = {
            str(tid): TariffPrice.model_validate(e) for tid, e in items if isinstance(e, dict)
        }
    return table


class Balance(Model):
    balance: Money = Decimal("0")
    credit: Money = Decimal("0")
    type: Text = ""
    tariff: Annotated[dict[str, dict[str, TariffPrice]], BeforeValidator(_tariff_table)] = Field(
        default_factory=dict
    )

    @property
    def book(self) -> TariffBook:
        """What the price table says about the tariffs (which one is manual, ...)."""
        return TariffBook.from_balance(self)

    def tariff_title(self, tariff_id: str | None, operator: str | None = None) -> str:
        """The tariff's title from the price table, searching all operators if needed."""
        if tariff_id is None:
            return ""
        return self.book.title(tariff_id, operator) or tariff_id


class Operator(Model):
    operator: Text = ""
    title: FreeText = ""
    region: FreeText = ""


class Place(Model):
    """distance_search result."""

    lat: Coordinate = None
    lon: Coordinate = None
    title: FreeText = ""


class TariffCost(Model):
    type: Text = ""  # daily / package / month
    price: Money = Decimal("0")
    description: FreeText = ""


class RequestTicket(Model):
    """pos_request: the id to poll with pos_get; ``waiting`` when one was already running."""

    request_id: Text
    waiting: bool = False


# --- events and shares ----------------------------------------------------------------


class Event(Model):
    id: OptInt = None
    timestamp: Timestamp = None
    phone: Text = ""
    type: Text = ""


class Share(Model):
    id: Text = ""
    timestamp: Timestamp = None
    key: Text = ""
    link: Text = ""
    cnt: OptInt = None
    req_limit: OptInt = None
    req_cnt: OptInt = None
    timestamp_off: Timestamp = None
    client: FreeText = ""
    comments: FreeText = ""
    email: Text = ""

    @property
    def url(self) -> str:
        """The link as a usable URL (the 2017 document shows escaped backslashes)."""
        link = self.link.replace("\\\\", "/").replace("\\", "/")
        if link.startswith("https:/") and not link.startswith("https://"):
            link = "https://" + link[len("https:/") :]
        return link


class ShareCreated(Model):
    key: Text = ""
    objects_count: OptInt = None


class EventSubscription(Model):
    id: Text = ""
    phones_all: Flag = False
    phones: StrList = Field(default_factory=list)
    timestamp: Timestamp = None
    type: Text = ""
    phone: Text = ""
    email: Text = ""
    telegram: Flag = False

    @property
    def notify_type(self) -> str:
        if self.telegram:
            return "telegram"
        if self.email:
            return "email"
        return "sms" if self.phone else ""


class Result(Model):
    """A write's answer: ``code`` (OK, DISABLED, DELETED, WAIT) and ``message``."""

    code: Text = ""
    message: Text = ""

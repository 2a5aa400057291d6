"""The simulator's own copy of the Movizor protocol vocabulary. Stdlib only.

The simulator answers from these tables and imports nothing from
``movizor_desktop.api``: if the client misread the protocol, the simulator would otherwise
repeat the misreading and no test could catch it. ``tests/simulator/test_protocol_tables.py``
compares these tables with the client's (``movizor_desktop.api.codes``), so any
disagreement between the two sides shows as a failing test.

Sources: the Movizor API document of 07.12.2017 (function by function error tables,
statuses, event types); the responses the public Go client captured in 2018–19
(``ACCESS_DENIED`` / "Auth rate limit exceeded", ``distance_search`` "1" "Failed to
process query", the ``events_subscribe_*`` functions). Codes no source shows
(``get_operator``, ``events_subscribe_*``, the hourly quota, "Wrong project or key") are
this simulator's choices; ``docs/protocol.md`` lists them.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ACCESS_DENIED",
    "AUTH_LOCKED_TEXT",
    "ERRORS",
    "EVENT_TYPES",
    "FUNCTIONS",
    "GLOBAL_ERRORS",
    "LIMIT_EXCEEDED",
    "LIMIT_EXCEEDED_TEXT",
    "NOTIFY_TYPES",
    "OPERATORS",
    "WRONG_KEY_TEXT",
    "Status",
    "error_text",
]

FUNCTIONS: tuple[str, ...] = (
    "balance",
    "object_add",
    "object_get",
    "object_edit",
    "object_list",
    "object_delete",
    "object_reactivate",
    "object_cancel_tariff",
    "pos_last",
    "pos_request",
    "pos_get",
    "pos_objects",
    "pos_list",
    "distance_search",
    "get_operator",
    "tariff_calculator",
    "events",
    "share_list",
    "share_add",
    "share_delete",
    "events_subscribe_list",
    "events_subscribe_add",
    "events_subscribe_delete",
)

_PHONE_NOT_FOUND = {"1": "Phone not found"}
_DATEOFF_PAST = "Argument DATEOFF in past not allowed"
_DATEOFF_DAY = "Argument DATEOFF not allowed to be less, that one day"
_DISTANCE_TEXT = "Argument DISTANCE_TEXT without DISTANCE_COORD"
_SCHEDULE = "Incorrect time value in schedule"
_TARIFF = "Operator does not support this tariff"
_BLOCK_LIST = "Phone in a block-list"

# function -> error_code -> error_text, exactly as the server sends them.
ERRORS: dict[str, dict[str, str]] = {
    "balance": {},
    "object_add": {
        "1": "Incorrect phone format (79XXXXXXXXXX)",
        "2": _DATEOFF_PAST,
        "3": _DATEOFF_DAY,
        "4": _DISTANCE_TEXT,
        "5": _SCHEDULE,
        "6": "Too many not active objects",
        "7": "Phone already in your account",
        "8": "Phone is already in another account",
        "9": _BLOCK_LIST,
        "10": "Cannot determine information about the operator",
        "11": "Operator does not supported",
        "12": _TARIFF,
        "13": "Not enough money for this tariff",
    },
    "object_get": dict(_PHONE_NOT_FOUND),
    "object_edit": {
        **_PHONE_NOT_FOUND,
        "2": _TARIFF,
        "3": _DATEOFF_PAST,
        "4": _DATEOFF_DAY,
        "5": _DISTANCE_TEXT,
        "6": _SCHEDULE,
    },
    "object_list": {},
    "object_delete": {
        **_PHONE_NOT_FOUND,
        "2": "You can delete only after 24 hours timeout, or wait accept or decline "
        "from the abonent",
        "3": "You can delete only after 1 hur timeout, or wait accept or decline from the abonent",
        "4": "Current status does not allow to delete",
    },
    "object_reactivate": {
        **_PHONE_NOT_FOUND,
        "2": _BLOCK_LIST,
        "3": "DATEOFF value in past not allowed",
        "4": "DATEOFF value not allowed to be less, that one day",
        "5": "Not enough money for this tariff",
        "6": "You need disable phone or take reject status",
        "7": "Current status does not allow do that",
    },
    "object_cancel_tariff": dict(_PHONE_NOT_FOUND),
    "pos_last": dict(_PHONE_NOT_FOUND),
    "pos_list": dict(_PHONE_NOT_FOUND),
    "pos_request": {
        **_PHONE_NOT_FOUND,
        "2": "Phone is not confirmed",
        "4": "Not passed 5 min timeout",
        "5": "Please, wait while package will activated",
        "6": "Not enough money for manual request",
    },
    "pos_get": {
        "1": "Request or Phone not found",
        "2": "Request in queue",
        "4": "Request failed",
    },
    "pos_objects": {},
    "distance_search": {"1": "Failed to process query"},
    "get_operator": {
        "1": "Incorrect phone format (79XXXXXXXXXX)",
        "2": "Cannot determine information about the operator",
    },
    "tariff_calculator": {
        "1": "Required argument OPERATOR",
        "2": "Required argument TARIFF",
        "3": _TARIFF,
    },
    "events": {},
    "share_list": {},
    "share_add": {
        "1": "Phone not found",
        "2": "No objects found to add",
        "3": "Unable to create share key",
    },
    "share_delete": {"1": "Share_key not found"},
    "events_subscribe_list": {},
    "events_subscribe_add": {
        "1": "Incorrect event type",
        "2": "Incorrect notify type",
        "3": "Incorrect notify value",
        "4": "Phone not found",
    },
    "events_subscribe_delete": {"1": "Subscribe not found"},
}

# Answers any function can give.
ACCESS_DENIED = "ACCESS_DENIED"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
WRONG_KEY_TEXT = "Wrong project or key"
AUTH_LOCKED_TEXT = "Auth rate limit exceeded"
LIMIT_EXCEEDED_TEXT = "Requests limit exceeded"
GLOBAL_ERRORS: dict[str, str] = {ACCESS_DENIED: WRONG_KEY_TEXT, LIMIT_EXCEEDED: LIMIT_EXCEEDED_TEXT}


def error_text(function: str, code: str) -> str:
    """The server's ``error_text`` for ``code`` of ``function``; KeyError if none."""
    table = ERRORS.get(function, {})
    return table[code] if code in table else GLOBAL_ERRORS[code]


class Status(StrEnum):
    """Subscriber statuses (object_get / object_list)."""

    NEW = "new"
    WAIT = "wait"
    OK = "ok"
    OFF_NEW = "off_new"
    OFF = "off"
    REJECTED = "rejected"
    NO_CONFIRMED = "no_confirmed"
    ERROR = "error"
    WRONG = "wrong"
    ERROR_EXISTS = "error_exists"
    LIMITED = "limited"


EVENT_TYPES: tuple[str, ...] = (
    "add",
    "auto_off",
    "off",
    "confirm",
    "reject",
    "request",
    "request_error",
    "request_offline",
    "request_roaming",
    "reactivate",
    "tariff_auto",
    "pos_ok",
    "pos_late",
    "pos_finished",
    "autoinform",
    "no_confirm",
    "limit",
    "onroute",
    "returnroute",
    "leftroute",
    "notroute",
    "onparking",
    "offparking",
    "mstart",
    "mstop",
)

OPERATORS: tuple[str, ...] = ("mts", "megafon", "beeline", "tele2")
NOTIFY_TYPES: tuple[str, ...] = ("sms", "email", "telegram")

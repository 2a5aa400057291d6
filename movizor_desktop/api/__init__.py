"""The Movizor protocol: async client, typed models, errors, encoding. No Qt here.

Names are imported lazily, so ``movizor_desktop.api.codes`` (pure data, used by the
simulator) does not pull in httpx, pydantic and phonenumbers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "DEFAULT_BASE_URL": "client",
    "MovizorClient": "client",
    "ErrorKind": "codes",
    "Forecast": "codes",
    "Status": "codes",
    "MSK": "encoding",
    "RoutePoint": "encoding",
    "Schedule": "encoding",
    "Budget": "governor",
    "RequestGovernor": "governor",
    "format_phone": "phones",
    "is_valid_phone": "phones",
    "normalize_phone": "phones",
    **{
        name: "errors"
        for name in (
            "ApiError",
            "AuthError",
            "BadResponseError",
            "BudgetExceededError",
            "ConnectionFailedError",
            "HttpStatusError",
            "InvalidInputError",
            "InvalidPhoneError",
            "KeyRejectedError",
            "MovizorError",
            "NotEnoughMoneyError",
            "NotFoundError",
            "PendingError",
            "RateLimitError",
            "RequestFailedError",
            "TemporaryError",
            "TimeoutError_",
            "TransportError",
        )
    },
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .client import DEFAULT_BASE_URL, MovizorClient
    from .codes import ErrorKind, Forecast, Status
    from .encoding import MSK, RoutePoint, Schedule
    from .errors import (
        ApiError,
        AuthError,
        BadResponseError,
        BudgetExceededError,
        ConnectionFailedError,
        HttpStatusError,
        InvalidInputError,
        InvalidPhoneError,
        KeyRejectedError,
        MovizorError,
        NotEnoughMoneyError,
        NotFoundError,
        PendingError,
        RateLimitError,
        RequestFailedError,
        TemporaryError,
        TimeoutError_,
        TransportError,
    )
    from .governor import Budget, RequestGovernor
    from .phones import format_phone, is_valid_phone, normalize_phone

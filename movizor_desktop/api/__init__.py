"""The Movizor protocol: async client, typed models, errors, encoding. No Qt here."""

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

__all__ = [
    "DEFAULT_BASE_URL", "MSK", "ApiError", "AuthError", "BadResponseError", "Budget",
    "BudgetExceededError", "ConnectionFailedError", "ErrorKind", "Forecast", "HttpStatusError",
    "InvalidInputError", "InvalidPhoneError", "KeyRejectedError", "MovizorClient",
    "MovizorError", "NotEnoughMoneyError", "NotFoundError", "PendingError", "RateLimitError",
    "RequestFailedError", "RequestGovernor", "RoutePoint", "Schedule", "Status",
    "TemporaryError", "TimeoutError_", "TransportError", "format_phone", "is_valid_phone",
    "normalize_phone",
]

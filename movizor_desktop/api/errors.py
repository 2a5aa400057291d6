"""The client's exception family.

Everything the client raises is a :class:`MovizorError`. Answers of the service with
``result: error`` become an :class:`ApiError` subclass chosen by the error's kind (see
:mod:`movizor_desktop.api.codes`); failures to get any valid answer become a
:class:`TransportError`. Each error carries the API function, the server's ``error_code``
(always a string, possibly symbolic such as ``ACCESS_DENIED``) and ``error_text``, and can
explain itself in English or Russian. No error text ever contains the API key.

:meth:`MovizorError.message` is what the dispatcher reads. For a code a source documents
for that function it is the table's sentence in the user's language, and
:meth:`MovizorError.details` carries the server's own text. For any other code of the
server it is the server's own text (``error_text_ru`` in Russian when the server filled it
in): the client never guesses what an unknown code means.
"""

from __future__ import annotations

from .codes import AUTH_LOCKED, GLOBAL_ERRORS, WRITE_FUNCTIONS, ErrorKind, ErrorSpec, lookup
from .redact import redact

_GENERIC: dict[ErrorKind, tuple[str, str]] = {
    ErrorKind.AUTH: (
        "The project name or API key was refused.",
        "Имя проекта или ключ API не приняты.",
    ),
    ErrorKind.RATE_LIMIT: ("Too many requests; please wait.", "Слишком много запросов, подождите."),
    ErrorKind.NOT_FOUND: ("Not found.", "Не найдено."),
    ErrorKind.INVALID: ("The input was refused.", "Введённые данные не приняты."),
    ErrorKind.MONEY: ("Not enough money on the balance.", "На балансе недостаточно средств."),
    ErrorKind.REFUSED: ("The service refused the request.", "Сервис отклонил запрос."),
    ErrorKind.PENDING: ("Not ready yet.", "Ещё не готово."),
    ErrorKind.FAILED: ("The operation failed.", "Операция не удалась."),
    ErrorKind.TEMPORARY: (
        "A temporary failure; please try again.",
        "Временный сбой, попробуйте ещё раз.",
    ),
    ErrorKind.TRANSPORT: (
        "The Movizor server could not be reached.",
        "Не удалось связаться с сервером Movizor.",
    ),
}


_UNEXPLAINED = (
    "Movizor refused the request (error {code}).",
    "Movizor отклонил запрос (ошибка {code}).",
)
_SERVER_SAID = (
    "Movizor's answer: “{text}” (code {code}).",
    "Ответ Movizor: «{text}» (код {code}).",
)


class MovizorError(Exception):
    """Base of every error the client raises."""

    kind: ErrorKind = ErrorKind.TRANSPORT

    def __init__(
        self,
        function: str | None,
        error_code: str = "",
        error_text: str = "",
        *,
        error_text_ru: str = "",
        spec: ErrorSpec | None = None,
        detail: str = "",
        from_server: bool = False,
    ) -> None:
        self.function = function
        self.error_code = str(error_code)
        self.error_text = redact(error_text)
        self.error_text_ru = redact(error_text_ru)
        self.spec = spec
        self.detail = redact(detail)
        self.from_server = from_server  # an answer of the service, not raised locally
        super().__init__(self._summary())

    @property
    def field(self) -> str | None:
        """The input the error concerns (``phone``, ``dateoff``, ``schedule``...), if known."""
        return self.spec.field if self.spec else None

    def message(self, lang: str = "en") -> str:
        """A sentence for the dispatcher, in ``lang`` (``en`` or ``ru``)."""
        ru = lang.lower().startswith("ru")
        if self.spec is not None:
            return self.spec.message_ru if ru else self.spec.message_en
        if ru and self.error_text_ru:
            return self.error_text_ru
        if self.from_server:  # a code no table explains: the server's words, no guess
            if self.error_text:
                return self.error_text
            template = _UNEXPLAINED[1 if ru else 0]
            return template.format(code=self.error_code or "?")
        generic_en, generic_ru = _GENERIC[self.kind]
        if ru:
            return generic_ru
        return self.error_text or generic_en

    def details(self, lang: str = "en") -> str:
        """What the server itself said (its code and text), for a details line or a
        tooltip; '' for an error raised locally."""
        if not self.from_server:
            return ""
        ru = lang.lower().startswith("ru")
        text = (self.error_text_ru if ru and self.error_text_ru else self.error_text) or "—"
        template = _SERVER_SAID[1 if ru else 0]
        return template.format(text=text, code=self.error_code or "?")

    def _summary(self) -> str:
        where = self.function or "client"
        code = f" [{self.error_code}]" if self.error_code else ""
        text = self.error_text or self.message("en")
        extra = f" ({self.detail})" if self.detail else ""
        return f"{where}{code}: {text}{extra}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(function={self.function!r}, "
            f"error_code={self.error_code!r}, error_text={self.error_text!r})"
        )


class ApiError(MovizorError):
    """The service answered ``result: error``."""

    kind = ErrorKind.REFUSED


class AuthError(ApiError):
    """Wrong project or key, or the caller is locked out for the rest of the hour."""

    kind = ErrorKind.AUTH

    @property
    def locked(self) -> bool:
        return "rate limit" in self.error_text.lower()


class KeyRejectedError(AuthError):
    """Raised locally, with no network traffic, after the key was refused once."""

    def __init__(self, function: str | None) -> None:
        super().__init__(
            function,
            "KEY_REJECTED",
            "The key was refused earlier; change the key to retry",
            spec=GLOBAL_ERRORS["ACCESS_DENIED"],
        )


class KeyRefusedError(AuthError):
    """An answer that means the key was refused although it is not ``ACCESS_DENIED``: an
    error ``balance`` cannot give (it documents none), or an error code the function does
    not document on the first call after a key change. The server's words are kept."""

    def __init__(self, cause: ApiError) -> None:
        super().__init__(
            cause.function,
            cause.error_code,
            cause.error_text,
            error_text_ru=cause.error_text_ru,
            from_server=True,
            spec=ErrorSpec(
                cause.error_code,
                cause.error_text,
                ErrorKind.AUTH,
                "Movizor refused the request in a way that means the project name or API "
                "key is not accepted. Nothing more is sent until the key is changed.",
                "Movizor отклонил запрос так, что имя проекта или ключ API, по-видимому, "
                "не приняты. Больше запросов не будет, пока ключ не изменён.",
                "key",
            ),
        )

    @property
    def locked(self) -> bool:
        return False


class RateLimitError(ApiError):
    """The hourly request quota is used up (server side or the local governor)."""

    kind = ErrorKind.RATE_LIMIT


class BudgetExceededError(RateLimitError):
    """The local request governor refused the call: the hour's budget is spent."""

    def __init__(self, function: str | None, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(
            function,
            "BUDGET",
            "Local hourly request budget is used up",
            spec=GLOBAL_ERRORS["LIMIT_EXCEEDED"],
            detail=f"next slot in {retry_after:.0f} s",
        )


class NotFoundError(ApiError):
    kind = ErrorKind.NOT_FOUND


class InvalidInputError(ApiError):
    """The input was refused, by the service or by the client before sending."""

    kind = ErrorKind.INVALID


class InvalidPhoneError(InvalidInputError):
    """A phone number that cannot be a Russian mobile MSISDN; refused before sending."""

    def __init__(self, value: str, function: str | None = None) -> None:
        self.value = value
        super().__init__(
            function,
            "PHONE",
            f"Not a Russian mobile number: {value!r}",
            spec=ErrorSpec(
                "PHONE",
                "Incorrect phone format",
                ErrorKind.INVALID,
                f"“{value}” is not a Russian mobile number (e.g. +7 921 001-02-03).",
                f"«{value}» — не российский мобильный номер (пример: +7 921 001-02-03).",
                "phone",
            ),
        )


class NotEnoughMoneyError(ApiError):
    kind = ErrorKind.MONEY


class PendingError(ApiError):
    """pos_get: the request is still in the queue."""

    kind = ErrorKind.PENDING


class RequestFailedError(ApiError):
    """pos_get: the position could not be determined."""

    kind = ErrorKind.FAILED


class TemporaryError(ApiError):
    kind = ErrorKind.TEMPORARY


class TransportError(MovizorError):
    """No valid answer: timeout, refused or reset connection, HTTP 5xx, HTML or bad body.

    ``maybe_applied`` is true when the request may have reached the server before the
    failure: for a write this means the change may have happened and must be checked,
    never blindly repeated.
    """

    kind = ErrorKind.TRANSPORT

    def __init__(
        self, function: str | None, detail: str, *, maybe_applied: bool, status: int | None = None
    ) -> None:
        self.maybe_applied = maybe_applied
        self.status = status
        super().__init__(function, "TRANSPORT", "", detail=detail)

    def message(self, lang: str = "en") -> str:
        ru = lang.lower().startswith("ru")
        base = self.explain(ru)
        if self.maybe_applied and self.function in WRITE_FUNCTIONS:
            base += (
                " Изменение могло быть выполнено — проверьте, прежде чем повторять."
                if ru
                else " The change may have been applied: check before repeating."
            )
        return base

    def explain(self, ru: bool) -> str:
        """The sentence without the "may have been applied" note (subclasses refine it)."""
        texts = next(_TRANSPORT_TEXT[c] for c in type(self).__mro__ if c in _TRANSPORT_TEXT)
        return texts[1 if ru else 0]


class TimeoutError_(TransportError):
    """The server did not answer in time."""


class ConnectionFailedError(TransportError):
    """The connection was refused, reset or dropped."""


class HttpStatusError(TransportError):
    """The server answered with an HTTP error status (5xx, 4xx)."""


class BadResponseError(TransportError):
    """The body was not a Movizor answer: HTML page, non-JSON, truncated or malformed."""


_TRANSPORT_TEXT: dict[type[TransportError], tuple[str, str]] = {
    TransportError: _GENERIC[ErrorKind.TRANSPORT],
    TimeoutError_: (
        "The Movizor server did not answer in time.",
        "Сервер Movizor не ответил вовремя.",
    ),
    ConnectionFailedError: (
        "The connection to the Movizor server failed.",
        "Не удалось соединиться с сервером Movizor.",
    ),
    HttpStatusError: (
        "The Movizor server reported an internal error.",
        "Сервер Movizor сообщил о внутренней ошибке.",
    ),
    BadResponseError: (
        "The Movizor server sent an unreadable answer.",
        "Сервер Movizor прислал непонятный ответ.",
    ),
}

_BY_KIND: dict[ErrorKind, type[ApiError]] = {
    ErrorKind.AUTH: AuthError,
    ErrorKind.RATE_LIMIT: RateLimitError,
    ErrorKind.NOT_FOUND: NotFoundError,
    ErrorKind.INVALID: InvalidInputError,
    ErrorKind.MONEY: NotEnoughMoneyError,
    ErrorKind.REFUSED: ApiError,
    ErrorKind.PENDING: PendingError,
    ErrorKind.FAILED: RequestFailedError,
    ErrorKind.TEMPORARY: TemporaryError,
}


def _guess_kind(code: str, text: str) -> ErrorKind:
    """Kind of an answer the tables do not know, from its code and text."""
    low = text.lower()
    if code.upper() in {"ACCESS_DENIED", "AUTH_FAILED", "WRONG_KEY"} or "access denied" in low:
        return ErrorKind.AUTH
    if "limit exceeded" in low or code.upper() in {"LIMIT_EXCEEDED", "RATE_LIMIT"}:
        return ErrorKind.RATE_LIMIT
    if "not found" in low:
        return ErrorKind.NOT_FOUND
    if "money" in low:
        return ErrorKind.MONEY
    if "incorrect" in low or "required" in low or "format" in low:
        return ErrorKind.INVALID
    return ErrorKind.REFUSED


def from_answer(function: str, code: object, text: object, text_ru: object = "") -> ApiError:
    """The exception for a ``result: error`` answer of ``function``."""
    code_s = "" if code is None else str(code)
    text_s = "" if text is None else str(text)
    spec = lookup(function, code_s, text_s)
    if spec is None and code_s.upper() == "ACCESS_DENIED":
        spec = AUTH_LOCKED if "rate limit" in text_s.lower() else GLOBAL_ERRORS["ACCESS_DENIED"]
    kind = spec.kind if spec is not None else _guess_kind(code_s, text_s)
    cls = _BY_KIND[kind]
    return cls(
        function,
        code_s,
        text_s,
        error_text_ru="" if text_ru is None else str(text_ru),
        spec=spec,
        from_server=True,
    )

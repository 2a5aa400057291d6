"""Protocol vocabulary of the Movizor API: functions, error codes, statuses, event types.

This module is data. The error tables follow the 07.12.2017 document function by function
(the same number means different things in different functions); the English ``text`` is
what the server sends verbatim as ``error_text``. ``message_en`` / ``message_ru`` are what a
dispatcher reads. ``kind`` sorts every code into the client's exception family and ``field``
names the input it concerns, so an editor can put the message next to that field.

Each spec names its ``source``: ``doc`` (the 07.12.2017 document's table for that
function), ``capture`` (an answer the public Go client captured in 2018–19) or ``assumed``
(no source shows it: the codes of ``get_operator`` and ``events_subscribe_*``, the hourly
quota, the text "Wrong project or key"). A documented code is explained by its sentence
(the server's own text goes in the details); an assumed one only when the server's text
is the one assumed, otherwise the server's text is shown as it is, never a guess.

The simulator keeps its own copy of these tables (``movizor_desktop.simulator.protocol``);
a test compares the two.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class ErrorKind(StrEnum):
    AUTH = "auth"  # wrong project/key, or locked out for the rest of the hour
    RATE_LIMIT = "rate_limit"  # hourly request quota, or the local governor's budget
    NOT_FOUND = "not_found"
    INVALID = "invalid"  # the input was refused: fix it and try again
    MONEY = "money"  # not enough money on the contract
    REFUSED = "refused"  # the request was valid but the service will not do it now
    PENDING = "pending"  # not ready yet (pos_get: request in queue)
    FAILED = "failed"  # the operation ran and failed (pos_get: request failed)
    TEMPORARY = "temporary"  # a passing failure on the service's side: try again later
    TRANSPORT = "transport"  # network, HTTP or body failure: no valid API answer at all


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    code: str
    text: str  # error_text exactly as the server sends it
    kind: ErrorKind
    message_en: str
    message_ru: str
    field: str | None = None  # phone, dateoff, schedule, tariff, destination, operator, ...
    source: str = "doc"  # doc | capture | assumed (see the module's docstring)

    @property
    def documented(self) -> bool:
        return self.source != "assumed"

    def matches(self, text: str) -> bool:
        """Whether ``text`` is this spec's ``error_text`` (case and spacing aside)."""
        return _norm(text) == _norm(self.text)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _e(
    code: str, text: str, kind: ErrorKind, en: str, ru: str, field: str | None = None
) -> ErrorSpec:
    return ErrorSpec(code, text, kind, en, ru, field)


def _assumed(spec: ErrorSpec) -> ErrorSpec:
    return replace(spec, source="assumed")


def _captured(spec: ErrorSpec) -> ErrorSpec:
    return replace(spec, source="capture")


K = ErrorKind

_PHONE_NOT_FOUND = _e(
    "1",
    "Phone not found",
    K.NOT_FOUND,
    "This phone number is not on the account.",
    "Этого номера нет на договоре.",
    "phone",
)
_DATEOFF_PAST = (
    "Argument DATEOFF in past not allowed",
    K.INVALID,
    "The auto-off time is in the past.",
    "Время автоотключения уже прошло.",
    "dateoff",
)
_DATEOFF_DAY = (
    "Argument DATEOFF not allowed to be less, that one day",
    K.INVALID,
    "The auto-off time must be more than a day from now.",
    "Время автоотключения должно быть больше чем через сутки.",
    "dateoff",
)
_DISTANCE_TEXT = (
    "Argument DISTANCE_TEXT without DISTANCE_COORD",
    K.INVALID,
    "A destination name was sent without its coordinates.",
    "Название конечной точки передано без её координат.",
    "destination",
)
_SCHEDULE = (
    "Incorrect time value in schedule",
    K.INVALID,
    "A time in the schedule is not valid (hh:mm expected).",
    "Неверное время в расписании (нужно чч:мм).",
    "schedule",
)
_TARIFF_UNSUPPORTED = (
    "Operator does not support this tariff",
    K.INVALID,
    "The subscriber's operator does not support this tariff.",
    "Оператор абонента не поддерживает этот тариф.",
    "tariff",
)
_BLOCK_LIST = (
    "Phone in a block-list",
    K.REFUSED,
    "This number is on the block list and cannot be tracked.",
    "Номер находится в чёрном списке, отслеживание невозможно.",
    "phone",
)

ERRORS: dict[str, dict[str, ErrorSpec]] = {
    "balance": {},
    "object_add": {
        "1": _e(
            "1",
            "Incorrect phone format (79XXXXXXXXXX)",
            K.INVALID,
            "The phone number format is wrong (79XXXXXXXXX expected).",
            "Неверный формат номера (нужно 79XXXXXXXXX).",
            "phone",
        ),
        "2": _e("2", *_DATEOFF_PAST),
        "3": _e("3", *_DATEOFF_DAY),
        "4": _e("4", *_DISTANCE_TEXT),
        "5": _e("5", *_SCHEDULE),
        "6": _e(
            "6",
            "Too many not active objects",
            K.REFUSED,
            "Too many subscribers on the contract have not confirmed yet.",
            "Слишком много неподтверждённых абонентов на договоре.",
        ),
        "7": _e(
            "7",
            "Phone already in your account",
            K.REFUSED,
            "This number is already on your account.",
            "Этот номер уже есть на вашем договоре.",
            "phone",
        ),
        "8": _e(
            "8",
            "Phone is already in another account",
            K.REFUSED,
            "This number is already tracked on another account.",
            "Этот номер уже отслеживается на чужом договоре.",
            "phone",
        ),
        "9": _e("9", *_BLOCK_LIST),
        "10": _e(
            "10",
            "Cannot determine information about the operator",
            K.INVALID,
            "The mobile operator of this number could not be determined.",
            "Не удалось определить оператора этого номера.",
            "phone",
        ),
        "11": _e(
            "11",
            "Operator does not supported",
            K.REFUSED,
            "The operator of this number is not supported.",
            "Оператор этого номера не поддерживается.",
            "phone",
        ),
        "12": _e("12", *_TARIFF_UNSUPPORTED),
        "13": _e(
            "13",
            "Not enough money for this tariff",
            K.MONEY,
            "Not enough money on the balance for this tariff.",
            "На балансе недостаточно средств для этого тарифа.",
            "tariff",
        ),
    },
    "object_get": {"1": _PHONE_NOT_FOUND},
    "object_edit": {
        "1": _PHONE_NOT_FOUND,
        "2": _e("2", *_TARIFF_UNSUPPORTED),
        "3": _e("3", *_DATEOFF_PAST),
        "4": _e("4", *_DATEOFF_DAY),
        "5": _e("5", *_DISTANCE_TEXT),
        "6": _e("6", *_SCHEDULE),
    },
    "object_list": {},
    "object_delete": {
        "1": _PHONE_NOT_FOUND,
        "2": _e(
            "2",
            "You can delete only after 24 hours timeout, or wait accept or decline "
            "from the abonent",
            K.REFUSED,
            "The subscriber can be deleted only 24 hours after being added, or once they "
            "accept or decline.",
            "Абонента можно удалить только через 24 часа после добавления или после его "
            "согласия либо отказа.",
        ),
        "3": _e(
            "3",
            "You can delete only after 1 hur timeout, or wait accept or decline from the abonent",
            K.REFUSED,
            "The subscriber can be deleted only 1 hour after being added, or once they "
            "accept or decline.",
            "Абонента можно удалить только через 1 час после добавления или после его "
            "согласия либо отказа.",
        ),
        "4": _e(
            "4",
            "Current status does not allow to delete",
            K.REFUSED,
            "The subscriber's current status does not allow deleting.",
            "Текущий статус абонента не позволяет его удалить.",
        ),
    },
    "object_reactivate": {
        "1": _PHONE_NOT_FOUND,
        "2": _e("2", *_BLOCK_LIST),
        "3": _e("3", "DATEOFF value in past not allowed", *_DATEOFF_PAST[1:]),
        "4": _e("4", "DATEOFF value not allowed to be less, that one day", *_DATEOFF_DAY[1:]),
        "5": _e(
            "5",
            "Not enough money for this tariff",
            K.MONEY,
            "Not enough money on the balance to reconnect the subscriber.",
            "На балансе недостаточно средств для повторного подключения.",
        ),
        "6": _e(
            "6",
            "You need disable phone or take reject status",
            K.REFUSED,
            "Only a disabled subscriber or one who refused can be reconnected.",
            "Повторно подключить можно только отключённого абонента или абонента, "
            "который отказался.",
        ),
        "7": _e(
            "7",
            "Current status does not allow do that",
            K.REFUSED,
            "The subscriber's current status does not allow reconnecting.",
            "Текущий статус абонента не позволяет повторное подключение.",
        ),
    },
    "object_cancel_tariff": {"1": _PHONE_NOT_FOUND},
    "pos_last": {"1": _PHONE_NOT_FOUND},
    "pos_list": {"1": _PHONE_NOT_FOUND},
    "pos_request": {
        "1": _PHONE_NOT_FOUND,
        "2": _e(
            "2",
            "Phone is not confirmed",
            K.REFUSED,
            "The subscriber has not confirmed tracking yet.",
            "Абонент ещё не подтвердил подключение к мониторингу.",
        ),
        "4": _e(
            "4",
            "Not passed 5 min timeout",
            K.REFUSED,
            "Less than 5 minutes have passed since the last request.",
            "С последнего запроса прошло меньше 5 минут.",
        ),
        "5": _e(
            "5",
            "Please, wait while package will activated",
            K.REFUSED,
            "The request package is still being activated; please wait.",
            "Пакет запросов ещё активируется, подождите.",
        ),
        "6": _e(
            "6",
            "Not enough money for manual request",
            K.MONEY,
            "Not enough money on the balance for a manual request.",
            "На балансе недостаточно средств для запроса.",
        ),
    },
    "pos_get": {
        "1": _e(
            "1",
            "Request or Phone not found",
            K.NOT_FOUND,
            "The request or its phone number was not found.",
            "Запрос или связанный с ним номер не найден.",
        ),
        "2": _e(
            "2",
            "Request in queue",
            K.PENDING,
            "The request is still in the queue.",
            "Запрос ещё в очереди на обработку.",
        ),
        "4": _e(
            "4",
            "Request failed",
            K.FAILED,
            "The position could not be determined.",
            "Определить местоположение не удалось.",
        ),
    },
    "pos_objects": {},
    "distance_search": {
        "1": _captured(
            _e(
                "1",
                "Failed to process query",
                K.INVALID,
                "Nothing was found for this address.",
                "По этому адресу ничего не найдено.",
                "query",
            )
        ),
    },
    "get_operator": {
        "1": _assumed(
            _e(
                "1",
                "Incorrect phone format (79XXXXXXXXXX)",
                K.INVALID,
                "The phone number format is wrong (79XXXXXXXXX expected).",
                "Неверный формат номера (нужно 79XXXXXXXXX).",
                "phone",
            )
        ),
        "2": _assumed(
            _e(
                "2",
                "Cannot determine information about the operator",
                K.NOT_FOUND,
                "The mobile operator of this number could not be determined.",
                "Не удалось определить оператора этого номера.",
                "phone",
            )
        ),
    },
    "tariff_calculator": {
        "1": _e(
            "1",
            "Required argument OPERATOR",
            K.INVALID,
            "No operator was given.",
            "Не указан оператор.",
            "operator",
        ),
        "2": _e(
            "2",
            "Required argument TARIFF",
            K.INVALID,
            "No tariff was given.",
            "Не указан тариф.",
            "tariff",
        ),
        "3": _e("3", *_TARIFF_UNSUPPORTED),
    },
    "events": {},
    "share_list": {},
    "share_add": {
        "1": _e(
            "1",
            "Phone not found",
            K.NOT_FOUND,
            "No active subscriber was found to share.",
            "Не найден активный абонент для предоставления доступа.",
            "phone",
        ),
        "2": _e(
            "2",
            "No objects found to add",
            K.INVALID,
            "None of the chosen subscribers is active, so there is nothing to share.",
            "Среди выбранных нет ни одного активного абонента для доступа.",
            "phone",
        ),
        "3": _e(
            "3",
            "Unable to create share key",
            K.TEMPORARY,
            "The link could not be created this time; please try again.",
            "Не удалось создать ссылку, попробуйте ещё раз.",
        ),
    },
    "share_delete": {
        "1": _e(
            "1",
            "Share_key not found",
            K.NOT_FOUND,
            "This link was not found or is already deleted.",
            "Ссылка не найдена или уже удалена.",
        ),
    },
    "events_subscribe_list": {},
    "events_subscribe_add": {
        "1": _assumed(
            _e(
                "1",
                "Incorrect event type",
                K.INVALID,
                "This event type cannot be subscribed to.",
                "На этот тип события нельзя подписаться.",
                "events",
            )
        ),
        "2": _assumed(
            _e(
                "2",
                "Incorrect notify type",
                K.INVALID,
                "The delivery channel must be SMS, e-mail or Telegram.",
                "Канал доставки должен быть SMS, e-mail или Telegram.",
                "notify_type",
            )
        ),
        "3": _assumed(
            _e(
                "3",
                "Incorrect notify value",
                K.INVALID,
                "The phone number or e-mail for delivery is not valid.",
                "Неверный номер телефона или e-mail для доставки.",
                "notify_value",
            )
        ),
        "4": _assumed(
            _e(
                "4",
                "Phone not found",
                K.NOT_FOUND,
                "One of the chosen subscribers is not on the account.",
                "Одного из выбранных абонентов нет на договоре.",
                "phones",
            )
        ),
    },
    "events_subscribe_delete": {
        "1": _assumed(
            _e(
                "1",
                "Subscribe not found",
                K.NOT_FOUND,
                "This subscription was not found or is already deleted.",
                "Подписка не найдена или уже удалена.",
            )
        ),
    },
}

# Service-wide answers that any function can give.
ACCESS_DENIED = "ACCESS_DENIED"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
WRONG_KEY_TEXT = "Wrong project or key"
AUTH_LOCKED_TEXT = "Auth rate limit exceeded"
LIMIT_EXCEEDED_TEXT = "Requests limit exceeded"

# The code ACCESS_DENIED is captured; its text for a plain wrong key is not.
GLOBAL_ERRORS: dict[str, ErrorSpec] = {
    ACCESS_DENIED: _captured(
        _e(
            ACCESS_DENIED,
            WRONG_KEY_TEXT,
            K.AUTH,
            "The project name or API key is wrong.",
            "Неверное имя проекта или ключ API.",
            "key",
        )
    ),
    LIMIT_EXCEEDED: _assumed(
        _e(
            LIMIT_EXCEEDED,
            LIMIT_EXCEEDED_TEXT,
            K.RATE_LIMIT,
            "The hourly limit of API requests is used up; wait for the next hour.",
            "Исчерпан часовой лимит запросов к API; дождитесь следующего часа.",
        )
    ),
}
AUTH_LOCKED = _captured(
    _e(
        ACCESS_DENIED,
        AUTH_LOCKED_TEXT,
        K.AUTH,
        "Too many attempts with a wrong key: access is blocked until the end of the hour.",
        "Слишком много попыток с неверным ключом: доступ заблокирован до конца часа.",
        "key",
    )
)

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

# Functions that change state or cost money: never retried, never repeated automatically.
WRITE_FUNCTIONS: frozenset[str] = frozenset(
    {
        "object_add",
        "object_edit",
        "object_delete",
        "object_reactivate",
        "object_cancel_tariff",
        "pos_request",
        "share_add",
        "share_delete",
        "events_subscribe_add",
        "events_subscribe_delete",
    }
)
READ_FUNCTIONS: frozenset[str] = frozenset(FUNCTIONS) - WRITE_FUNCTIONS


def lookup(function: str, code: str, text: str = "") -> ErrorSpec | None:
    """The spec that explains an error answer, or None when none may: the code is not
    known for ``function``, or only assumed and the server's text is another one."""
    if code == ACCESS_DENIED and "rate limit" in text.lower():
        return AUTH_LOCKED
    spec = ERRORS.get(function, {}).get(code)
    if spec is None:
        spec = GLOBAL_ERRORS.get(code)
    if spec is None or spec.documented or spec.matches(text):
        return spec
    return None


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


class Forecast(StrEnum):
    """ETA forecast and destination statuses."""

    NEW = "new"
    OK = "ok"
    LATE = "late"
    FINISHED = "finished"


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

"""Every documented error code has a readable message in English and Russian, and a kind."""

from __future__ import annotations

import pytest

from movizor_desktop.api import (
    ApiError,
    AuthError,
    BadResponseError,
    InvalidInputError,
    NotEnoughMoneyError,
    NotFoundError,
    PendingError,
    RateLimitError,
    RequestFailedError,
)
from movizor_desktop.api.codes import ERRORS, FUNCTIONS, ErrorKind
from movizor_desktop.api.errors import from_answer

ALL_CODES = [(f, c) for f, table in ERRORS.items() for c in table]


def test_every_function_has_a_table():
    assert set(ERRORS) == set(FUNCTIONS)
    assert len(FUNCTIONS) == 23


@pytest.mark.parametrize(("function", "code"), ALL_CODES)
def test_every_code_reads_well_in_both_languages(function, code):
    spec = ERRORS[function][code]
    err = from_answer(function, code, spec.text, "")
    assert err.error_code == code and err.function == function
    en, ru = err.message("en"), err.message("ru")
    assert en and ru and en != ru
    assert en.endswith(".") and ru.endswith(".")
    assert any("а" <= ch <= "я" for ch in ru.lower())
    assert err.kind == spec.kind


def test_same_number_means_different_things_in_different_functions():
    add = from_answer("object_add", "2", "Argument DATEOFF in past not allowed")
    edit = from_answer("object_edit", "2", "Operator does not support this tariff")
    assert add.field == "dateoff" and edit.field == "tariff"
    assert add.message("en") != edit.message("en")


@pytest.mark.parametrize(
    ("function", "code", "text", "cls"),
    [
        ("object_add", "13", "Not enough money for this tariff", NotEnoughMoneyError),
        ("object_get", "1", "Phone not found", NotFoundError),
        ("object_add", "1", "Incorrect phone format (79XXXXXXXXXX)", InvalidInputError),
        ("pos_get", "2", "Request in queue", PendingError),
        ("pos_get", "4", "Request failed", RequestFailedError),
        ("balance", "ACCESS_DENIED", "Auth rate limit exceeded", AuthError),
        ("events", "ACCESS_DENIED", "Wrong project or key", AuthError),
        ("events", "LIMIT_EXCEEDED", "Requests limit exceeded", RateLimitError),
        ("object_list", "99", "Something new", ApiError),
    ],
)
def test_kinds_map_to_exception_classes(function, code, text, cls):
    err = from_answer(function, code, text)
    assert type(err) is cls


def test_lockout_is_told_apart_from_a_wrong_key():
    locked = from_answer("balance", "ACCESS_DENIED", "Auth rate limit exceeded")
    wrong = from_answer("balance", "ACCESS_DENIED", "Wrong project or key")
    assert locked.locked and not wrong.locked
    assert "до конца часа" in locked.message("ru")


def test_unknown_codes_show_the_servers_own_words():
    err = from_answer("object_add", "77", "Brand new failure")
    assert err.message("en") == err.message("ru") == "Brand new failure"  # never a guess
    assert err.spec is None and err.field is None
    err = from_answer("events", "X", "", "Русский текст ошибки")
    assert err.message("ru") == "Русский текст ошибки"
    err = from_answer("events", "X", "")
    assert err.message("en") == "Movizor refused the request (error X)."
    assert err.message("ru") == "Movizor отклонил запрос (ошибка X)."


def test_documented_codes_give_the_sentence_and_the_servers_text_in_the_details():
    err = from_answer("object_get", "1", "Phone not found")
    assert err.message("ru") == "Этого номера нет на договоре."
    assert err.details("ru") == "Ответ Movizor: «Phone not found» (код 1)."
    assert err.details("en") == "Movizor's answer: “Phone not found” (code 1)."
    # the document's table is trusted for its code whatever the text says
    odd = from_answer("object_get", "1", "Incorrect key")
    assert odd.message("en") == "This phone number is not on the account."
    assert "Incorrect key" in odd.details("en")


def test_assumed_codes_explain_only_the_text_assumed():
    """events_subscribe_* has no documented table: "1" "Phone not found" is not the
    assumed "Incorrect event type", so the server's text is shown, not a guess."""
    assumed = from_answer("events_subscribe_add", "1", "Incorrect event type")
    assert assumed.message("en") == "This event type cannot be subscribed to."
    other = from_answer("events_subscribe_add", "1", "Phone not found")
    assert other.message("en") == other.message("ru") == "Phone not found"
    assert other.field is None and other.kind is ErrorKind.NOT_FOUND
    assert ERRORS["events_subscribe_add"]["1"].source == "assumed"
    assert ERRORS["object_add"]["1"].source == "doc"
    assert ERRORS["distance_search"]["1"].source == "capture"


def test_local_errors_have_no_server_details():
    err = InvalidInputError("object_add", "METADATA", "metadata name is empty")
    assert err.details("en") == "" and err.message("ru") == "Введённые данные не приняты."


def test_transport_errors_warn_that_a_write_may_have_happened():
    err = BadResponseError("object_add", "the server sent a truncated body", maybe_applied=True)
    assert err.kind == ErrorKind.TRANSPORT
    assert "may have been applied" in err.message("en")
    assert "могло быть выполнено" in err.message("ru")
    read = BadResponseError("events", "x", maybe_applied=True)
    assert "may have been applied" not in read.message("en")

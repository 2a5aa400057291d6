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


@pytest.mark.parametrize(("function", "code", "text", "cls"), [
    ("object_add", "13", "Not enough money for this tariff", NotEnoughMoneyError),
    ("object_get", "1", "Phone not found", NotFoundError),
    ("object_add", "1", "Incorrect phone format (79XXXXXXXXXX)", InvalidInputError),
    ("pos_get", "2", "Request in queue", PendingError),
    ("pos_get", "4", "Request failed", RequestFailedError),
    ("balance", "ACCESS_DENIED", "Auth rate limit exceeded", AuthError),
    ("events", "ACCESS_DENIED", "Wrong project or key", AuthError),
    ("events", "LIMIT_EXCEEDED", "Requests limit exceeded", RateLimitError),
    ("object_list", "99", "Something new", ApiError),
])
def test_kinds_map_to_exception_classes(function, code, text, cls):
    err = from_answer(function, code, text)
    assert type(err) is cls


def test_lockout_is_told_apart_from_a_wrong_key():
    locked = from_answer("balance", "ACCESS_DENIED", "Auth rate limit exceeded")
    wrong = from_answer("balance", "ACCESS_DENIED", "Wrong project or key")
    assert locked.locked and not wrong.locked
    assert "до конца часа" in locked.message("ru")


def test_unknown_codes_still_explain_themselves():
    err = from_answer("object_add", "77", "Brand new failure")
    assert err.message("en") == "Brand new failure"
    assert err.message("ru") == "Сервис отклонил запрос."
    err = from_answer("events", "X", "", "Русский текст ошибки")
    assert err.message("ru") == "Русский текст ошибки"


def test_transport_errors_warn_that_a_write_may_have_happened():
    err = BadResponseError("object_add", "the server sent a truncated body", maybe_applied=True)
    assert err.kind == ErrorKind.TRANSPORT
    assert "may have been applied" in err.message("en")
    assert "могло быть выполнено" in err.message("ru")
    read = BadResponseError("events", "x", maybe_applied=True)
    assert "may have been applied" not in read.message("en")

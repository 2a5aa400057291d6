"""Redaction masks a registered key in every encoding it can travel in, with or without a
``key=`` before it (the encodings the secret-hygiene tests search the app's files for)."""

from __future__ import annotations

import base64
import json
import logging
from urllib.parse import quote, quote_plus

import pytest

from movizor_desktop.api.redact import MASK, RedactingFilter, redact, register_secret

SECRET = "K3y-0xC0FFEE+/=sécret Ключ"  # + / = and a space change under URL encoding
CORE = "0xC0FFEE"  # in the raw form; every test also checks its encoded form is gone
register_secret(SECRET)


def encodings(secret: str = SECRET) -> dict[str, str]:
    raw = secret.encode("utf-8")
    return {
        "raw": secret,
        "url": quote(secret, safe=""),
        "url-lower": quote(secret, safe="").lower(),
        "url-plus": quote_plus(secret),
        "url-slash-kept": quote(secret),  # quote()'s default leaves "/" as it is
        "json": json.dumps(secret)[1:-1],
        "json-php": json.dumps(secret).replace("/", "\\/")[1:-1],
        "unicode-escape": secret.encode("unicode_escape").decode("ascii"),
        "base64": base64.b64encode(raw).decode(),
        "base64-unpadded": base64.b64encode(raw).decode().rstrip("="),
        "base64-urlsafe": base64.urlsafe_b64encode(raw).decode(),
        "basic-auth": base64.b64encode(b"demo:" + raw).decode(),  # secret at offset 5
        "basic-auth-2": base64.b64encode(b"me:" + raw).decode(),  # offset 3 → aligned
        "basic-auth-3": base64.b64encode(b"user:" + raw).decode(),  # offset 5 % 3 = 2
        "utf-16-le": secret.encode("utf-16-le").decode("latin-1"),
        "utf-16-be": secret.encode("utf-16-be").decode("latin-1"),
        "utf-16-repr": repr(secret.encode("utf-16-le")),
    }


def visible_parts(form: str) -> list[str]:
    """Pieces that would betray the key if any of them survived redaction."""
    name_free = form.replace("\x00", "")
    return [
        piece
        for piece in (CORE, quote(CORE), "C0FFEE", "c0ffee", name_free[4:14])
        if len(piece) >= 6
    ]


@pytest.mark.parametrize("name", list(encodings()))
def test_every_encoding_is_masked_without_key_equals(name: str) -> None:
    form = encodings()[name]
    for text in (f"GET /api/demo/balance/?token={form}&x=1", f"proxy said: {form}", f"{form}"):
        cleaned = redact(text)
        assert MASK in cleaned, (name, cleaned)
        for piece in visible_parts(form):
            assert piece not in cleaned, (name, piece, cleaned)


def test_the_key_parameter_is_still_masked_whatever_it_holds() -> None:
    assert redact("url?key=anything-else&b=2") == f"url?key={MASK}&b=2"


def test_text_without_the_key_is_left_alone() -> None:
    text = "Баланс 4 765,50 ₽; K3y and 0xC0FF and c2VjcmV0 are not the key"
    assert redact(text) == text


def test_short_keys_are_masked_raw_and_url_encoded_but_not_guessed_in_base64() -> None:
    register_secret("a+b")
    assert redact("x a%2Bb y") == f"x {MASK} y"
    assert redact("YSti") == "YSti"  # base64 of a 3-byte key: too short to tell apart


def test_the_log_filter_masks_a_url_encoded_key_in_a_path() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        'HTTP Request: GET %s "HTTP/1.1 200 OK"',
        (f"http://h/api/demo/x/?k={quote(SECRET, safe='')}",),
        None,
    )
    RedactingFilter().filter(record)
    assert CORE not in record.getMessage() and MASK in record.getMessage()

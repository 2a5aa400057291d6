"""Russian mobile numbers: normalization to MSISDN and display formatting.

The Movizor server wants ``79XXXXXXXXX``. Dispatchers type numbers every way there is:
``+7 (921) 001-02-03``, ``8-921-001-02-03``, ``89210010203``, ``9210010203``. The
``phonenumbers`` library parses them; only Russian *mobile* numbers pass, anything else is
refused with :class:`InvalidPhoneError` before a request is sent.

A Russian mobile number is +7 9XX XXX-XX-XX: the whole 9XX block is mobile in the
numbering plan. We test that shape rather than ``phonenumbers``' list of allocated ranges:
operators keep opening new ranges (7930065…, for one) before the library's metadata
lists them, and the app must not refuse a number the account itself returned.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException

from .errors import InvalidPhoneError

_ALLOWED = re.compile(r"^[\d\s()+\-.]+$")


def _parse(raw: str) -> phonenumbers.PhoneNumber | None:
    text = raw.strip()
    if not text or not _ALLOWED.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        candidate = "+" + digits
    elif len(digits) == 11 and digits[0] in "78":
        candidate = "+7" + digits[1:]
    elif len(digits) == 10 and digits[0] == "9":
        candidate = "+7" + digits
    else:
        return None
    try:
        number = phonenumbers.parse(candidate, "RU")
    except NumberParseException:
        return None
    national = str(number.national_number)
    if number.country_code != 7 or len(national) != 10 or not national.startswith("9"):
        return None
    return number


def normalize_phone(raw: str, *, function: str | None = None) -> str:
    """``raw`` as an MSISDN (``79210010203``); raises :class:`InvalidPhoneError`."""
    number = _parse(str(raw))
    if number is None:
        raise InvalidPhoneError(str(raw), function)
    return f"7{number.national_number}"


def is_valid_phone(raw: str) -> bool:
    return _parse(str(raw)) is not None


def format_phone(msisdn: str) -> str:
    """``+7 921 001-02-03`` for display; unparseable input is returned unchanged."""
    number = _parse(str(msisdn))
    if number is None:
        return str(msisdn)
    n = str(number.national_number)
    return f"+7 {n[:3]} {n[3:6]}-{n[6:8]}-{n[8:]}"


def split_phones(text: str) -> list[str]:
    """Candidate numbers from pasted text: one per line, or separated by ``,`` or ``;``."""
    parts = re.split(r"[,;\n\t]+", text)
    return [p.strip() for p in parts if p.strip()]

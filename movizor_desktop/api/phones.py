"""Russian mobile numbers: normalization to MSISDN and display formatting.

The Movizor server wants ``79XXXXXXXXX``. Dispatchers type numbers every way there is:
``+7 (921) 001-02-03``, ``8-921-001-02-03``, ``89210010203``, ``9210010203``. The
``phonenumbers`` library parses them; only valid Russian *mobile* numbers pass, anything
else is refused with :class:`InvalidPhoneError` before a request is sent.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from .errors import InvalidPhoneError

_ALLOWED = re.compile(r"^[\d\s()+\-.]+$")
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


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
    if number.country_code != 7 or not phonenumbers.is_valid_number_for_region(number, "RU"):
        return None
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
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
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def split_phones(text: str) -> list[str]:
    """Candidate numbers from pasted text: one per line, or separated by ``,`` or ``;``."""
    parts = re.split(r"[,;\n\t]+", text)
    return [p.strip() for p in parts if p.strip()]

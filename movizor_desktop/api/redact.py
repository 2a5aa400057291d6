"""Keep secrets out of text: logs, exception messages, reprs.

Every API key (and proxy password) the process learns is registered here; :func:`redact`
replaces each registered secret with ``***`` in every encoding it can travel in, whether
or not a ``key=`` precedes it:

* as typed, or URL-encoded in any flavour (``%2B`` or ``%2b``, ``+`` or ``%20`` for a
  space, partly encoded as ``quote(safe="/")`` leaves it), or escaped as JSON / Python
  ``unicode_escape`` does (``\\u043a``, PHP's ``\\/``) — one pattern per secret allows each
  of these per character, in either letter case;
* base64 (standard and URL-safe, padded or not), also inside a longer blob such as an
  HTTP ``Basic`` credential: the characters that depend on the secret alone are masked
  for each of the three byte alignments (secrets of at least 6 bytes);
* UTF-16 (LE and BE), as bytes decoded as Latin-1 and as their ``repr`` escapes.

Any ``key=...`` query/form parameter is masked too. The logging filter applies the same
rule to every record, so a key can never reach a log file even through a third-party
library's message.
"""

from __future__ import annotations

import base64
import logging
import re
import threading

MASK = "***"
_lock = threading.Lock()
_KEY_PARAM = re.compile(r"(?i)(\bkey=)[^&\s\"']+")
_BASE64_MIN_BYTES = 6  # shorter secrets leave too few secret-only base64 characters
_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]{4,}")  # what URL and JSON encodings leave as is


def _hex(byte: int) -> str:
    return f"%{byte:02X}"  # the pattern ignores case: %2b matches too


def _char_pattern(ch: str) -> str:
    """Every way one character of a secret may be written in text."""
    options = [re.escape(ch), "".join(_hex(b) for b in ch.encode("utf-8", "surrogatepass"))]
    if ch == " ":
        options.append(r"\+")
    if ch == "/":
        options.append(r"\\/")
    code = ord(ch)
    if code > 0x7E or code < 0x20:
        if code > 0xFFFF:
            high, low = divmod(code - 0x10000, 0x400)
            options.append(rf"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
            options.append(rf"\\U{code:08x}")
        else:
            options.append(rf"\\u{code:04x}")
        if code <= 0xFF:
            options.append(rf"\\x{code:02x}")
    return "(?:" + "|".join(dict.fromkeys(options)) + ")"


def _base64_cores(data: bytes) -> list[str]:
    """The base64 characters that depend on ``data`` alone, for each byte alignment."""
    cores: list[str] = []
    if len(data) < _BASE64_MIN_BYTES:
        return cores
    for offset in range(3):
        text = base64.b64encode(b"\0" * offset + data).decode("ascii")
        first = -(-8 * offset // 6)  # the first character made of secret bits only
        last = 8 * (offset + len(data)) // 6  # one past the last such character
        core = text[first:last]
        cores += [core, core.replace("+", "-").replace("/", "_")]
    return cores


class _Secret:
    """How to find one secret: a pattern for the per-character encodings (run only when
    its longest run of URL-safe characters, which those encodings keep, is in the text)
    and the literal forms (base64, UTF-16)."""

    def __init__(self, secret: str) -> None:
        # letter case is ignored: ``quote(key).lower()`` is seen in the wild, and a key
        # differing from a real one only in case is not worth showing either
        self.pattern = re.compile("(?i:" + "".join(_char_pattern(c) for c in secret) + ")")
        runs = _UNRESERVED.findall(secret)
        self.anchor = max(runs, key=len).lower() if runs else None
        raw = secret.encode("utf-8", "surrogatepass")
        literals = _base64_cores(raw)
        for codec in ("utf-16-le", "utf-16-be"):
            data = secret.encode(codec, "surrogatepass")
            literals += [data.decode("latin-1"), repr(data)[2:-1]]
        self.literals = sorted(set(literals), key=len, reverse=True)

    def mask(self, text: str, lowered: str) -> str:
        if self.anchor is None or self.anchor in lowered:
            text = self.pattern.sub(MASK, text)
        for literal in self.literals:
            if literal in text:
                text = text.replace(literal, MASK)
        return text


_secrets: dict[str, _Secret] = {}


def register_secret(secret: str | None) -> None:
    """Remember ``secret`` so that it is masked wherever it appears from now on."""
    if not secret or len(secret) < 3:
        return
    with _lock:
        if secret in _secrets:
            return
    matcher = _Secret(secret)
    with _lock:
        _secrets.setdefault(secret, matcher)


def redact(text: str) -> str:
    """``text`` with every registered secret (in every encoding above) and every ``key=``
    parameter masked."""
    if not text:
        return text
    with _lock:
        matchers = sorted(_secrets.items(), key=lambda item: len(item[0]), reverse=True)
    lowered = text.lower()
    for _, matcher in matchers:
        masked = matcher.mask(text, lowered)
        if masked is not text:
            text, lowered = masked, masked.lower()
    return _KEY_PARAM.sub(lambda m: m.group(1) + MASK, text)


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in the fully formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw template
            message = str(record.msg)
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(exc_text)
            record.exc_info = None
        return True

"""Keep secrets out of text: logs, exception messages, reprs.

Every API key the process learns is registered here; :func:`redact` replaces each
registered secret (and any ``key=...`` query/form parameter) with ``***``. The logging
filter applies the same rule to every record, so a key can never reach a log file even
through a third-party library's message.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
_lock = threading.Lock()
_secrets: set[str] = set()
_KEY_PARAM = re.compile(r"(?i)(\bkey=)[^&\s\"']+")


def register_secret(secret: str | None) -> None:
    """Remember ``secret`` so that it is masked wherever it appears from now on."""
    if secret and len(secret) >= 3:
        with _lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    """``text`` with every registered secret and every ``key=`` parameter masked."""
    if not text:
        return text
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
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

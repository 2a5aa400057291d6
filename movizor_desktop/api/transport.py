"""One HTTP exchange with the Movizor server, and its failures as client errors.

:func:`send` posts (or gets) one call and returns the decoded JSON envelope of a
``result: success`` answer. Everything else becomes an exception of the client's family:
an API error for ``result: error``, a :class:`TransportError` subclass for a timeout, a
refused/reset/dropped connection, an HTTP error status, an HTML page, a non-JSON or a
truncated body. Retrying is the caller's decision; this module never repeats a request.

When given a :class:`~movizor_desktop.clock.MovizorClock`, every answer that decodes as a
Movizor envelope teaches it the server's time from the ``Date`` header.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import httpx

from ..clock import MovizorClock
from . import net_errors
from .errors import (
    BadResponseError,
    ConnectionFailedError,
    HttpStatusError,
    TimeoutError_,
    TransportError,
    from_answer,
)

Envelope = dict[str, Any]
_FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


def _transport_error(function: str, exc: httpx.HTTPError) -> TransportError:
    explained = net_errors.classify(function, exc)
    if explained is not None:
        return explained
    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return TimeoutError_(function, "connect timeout", maybe_applied=False)
    if isinstance(exc, httpx.PoolTimeout):
        return TimeoutError_(function, "no free connection", maybe_applied=False)
    if isinstance(exc, httpx.TimeoutException):
        return TimeoutError_(function, name, maybe_applied=True)
    if isinstance(exc, httpx.ConnectError):
        return ConnectionFailedError(
            function, "connection refused or unreachable", maybe_applied=False
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return ConnectionFailedError(function, f"connection dropped ({name})", maybe_applied=True)
    return ConnectionFailedError(function, name, maybe_applied=True)


def _decode(function: str, response: httpx.Response) -> Envelope:
    """The JSON envelope of ``response``; any body that is not one (HTML, not UTF-8, not
    JSON, truncated, a number too long to read, nesting too deep) is a BadResponseError."""
    body = response.content
    ctype = response.headers.get("content-type", "").lower()
    stripped = body.lstrip()
    if "html" in ctype or stripped[:1] == b"<":
        return _bad(function, "an HTML page instead of JSON")
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return _bad(function, "a body that is not UTF-8")
    except json.JSONDecodeError as exc:
        looks_truncated = stripped[:1] in (b"{", b"[") and exc.pos >= len(body.rstrip()) - 1
        return _bad(function, "a truncated body" if looks_truncated else "a body that is not JSON")
    except ValueError:  # an integer longer than Python reads (sys.int_info digits limit)
        return _bad(function, "a number too long to read")
    except RecursionError:
        return _bad(function, "JSON nested too deeply")
    if not isinstance(payload, dict) or "result" not in payload:
        return _bad(function, "JSON that is not a Movizor answer")
    return payload


def _scalar(value: object) -> str:
    """A JSON scalar as text; '' for null, lists and objects (never their repr)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return ""


def _bad(function: str, what: str) -> Envelope:
    raise BadResponseError(function, f"the server sent {what}", maybe_applied=True)


async def send(
    http: httpx.AsyncClient,
    *,
    url: str,
    method: str,
    function: str,
    params: list[tuple[str, str]],
    clock: MovizorClock | None = None,
) -> Envelope:
    """Send one call and return the success envelope, or raise a client error."""
    sent = clock.wall() if clock is not None else 0.0
    try:
        if method == "GET":
            response = await http.get(url, params=tuple(params))
        else:
            response = await http.post(
                url, content=urlencode(params).encode("ascii"), headers=_FORM_HEADERS
            )
    except httpx.HTTPError as exc:
        raise _transport_error(function, exc) from None
    not_movizor = net_errors.from_response(function, response)
    if not_movizor is not None:
        raise not_movizor
    if response.status_code >= 400:
        if response.status_code == 429:
            raise from_answer(function, "LIMIT_EXCEEDED", "Requests limit exceeded")
        raise HttpStatusError(
            function,
            f"HTTP {response.status_code}",
            maybe_applied=response.status_code >= 500,
            status=response.status_code,
        )
    envelope = _decode(function, response)
    if clock is not None:
        clock.observe_date(response.headers.get("date"), sent=sent, received=clock.wall())
    result = _scalar(envelope.get("result")).lower()
    if result == "success":
        return envelope
    if result == "error":
        raise from_answer(
            function,
            _scalar(envelope.get("error_code")),
            _scalar(envelope.get("error_text")),
            _scalar(envelope.get("error_text_ru")),
        )
    return _bad(function, f"an unknown result {result[:20]!r}")


__all__ = ["Envelope", "send"]

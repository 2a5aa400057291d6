"""Transport faults for the simulator's ``/api/`` front: what a flaky network, a proxy in
trouble or a dying PHP backend look like to a client.

A :class:`FaultPlan` holds rules ``{function, kind, count, latency}``; the HTTP front asks
:meth:`FaultPlan.take` once per API request and the first matching rule fires (its
``count`` goes down by one; the rule goes away at zero; ``count=None`` fires until
:meth:`FaultPlan.clear`). ``function=None`` matches every API function. Control paths
(``/_sim/``) are never faulted.

Kinds and what the client sees (``world`` column: whether the request still reaches the
world, i.e. whether a write *did* happen although the client got no good answer):

=============  ================================================================  =====
kind           symptom                                                           world
=============  ================================================================  =====
``latency``    sleeps ``latency`` s (default 1) then answers normally            yes
``http_500``   HTTP 500, nginx-style HTML page                                   no
``http_502``   HTTP 502, nginx-style HTML page                                   no
``http_503``   HTTP 503, nginx-style HTML page                                   no
``html``       HTTP 200, ``text/html`` maintenance page                          no
``non_json``   HTTP 200, ``application/json``, body ``bad json``                 no
``reset``      TCP RST (SO_LINGER 0), no response                                yes
``drop``       connection closed (FIN) without a byte of response                yes
``truncated``  headers with the full Content-Length, half the body, then close   yes
``timeout``    no answer for ``latency`` s (default 30), then the connection      yes
               is closed
=============  ================================================================  =====

Sleeps wait on the server's stop event, so stopping the server ends them at once.
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "CLOSE_KINDS",
    "FRONT_KINDS",
    "KINDS",
    "FaultPlan",
    "FaultRule",
    "error_page",
    "maintenance_page",
    "reset_connection",
]

FRONT_KINDS = frozenset({"http_500", "http_502", "http_503", "html", "non_json"})
CLOSE_KINDS = frozenset({"reset", "drop", "truncated", "timeout"})
KINDS = frozenset({"latency"}) | FRONT_KINDS | CLOSE_KINDS
DEFAULT_LATENCY = {"latency": 1.0, "timeout": 30.0}

_REASONS = {
    400: "Bad Request",
    404: "Not Found",
    413: "Request Entity Too Large",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
}


@dataclass(frozen=True, slots=True)
class FaultRule:
    id: int
    kind: str
    function: str | None = None
    count: int | None = 1  # None: until cleared
    latency: float | None = None

    @property
    def delay(self) -> float:
        """Seconds to sleep for ``latency``/``timeout`` (the rule's or the kind's default)."""
        if self.latency is not None:
            return self.latency
        return DEFAULT_LATENCY.get(self.kind, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultPlan:
    """Thread-safe, ordered list of fault rules."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._next_id = 1
        self.fired = 0  # how many faults fired since creation

    def add(
        self,
        kind: str,
        function: str | None = None,
        count: int | None = 1,
        latency: float | None = None,
    ) -> FaultRule:
        """Append a rule; ``ValueError`` on an unknown kind or a bad count/latency."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        if function is not None and (not isinstance(function, str) or not function):
            raise ValueError("function must be a non-empty string or null")
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count < 1
        ):
            raise ValueError("count must be a positive integer or null")
        if latency is not None:
            if (
                isinstance(latency, bool)
                or not isinstance(latency, (int, float))
                or not 0 <= latency <= 3600
            ):
                raise ValueError("latency must be a number of seconds in 0..3600")
            latency = float(latency)
        with self._lock:
            rule = FaultRule(self._next_id, kind, function, count, latency)
            self._next_id += 1
            self._rules.append(rule)
        return rule

    def clear(self) -> int:
        """Remove every rule; return how many there were."""
        with self._lock:
            n = len(self._rules)
            self._rules.clear()
        return n

    def rules(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_dict() for r in self._rules]

    def take(self, function: str) -> FaultRule | None:
        """The first rule matching ``function`` (consumed once), or ``None``."""
        with self._lock:
            for i, rule in enumerate(self._rules):
                if rule.function is not None and rule.function != function:
                    continue
                if rule.count is None:
                    pass
                elif rule.count <= 1:
                    del self._rules[i]
                else:
                    self._rules[i] = FaultRule(
                        rule.id, rule.kind, rule.function, rule.count - 1, rule.latency
                    )
                self.fired += 1
                return rule
        return None

    def __len__(self) -> int:
        with self._lock:
            return len(self._rules)


def error_page(status: int) -> bytes:
    """The body nginx sends with a 5xx."""
    title = f"{status} {_REASONS.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode("ascii")


def maintenance_page() -> bytes:
    """An HTTP-200 HTML page where JSON was expected (captive portal, maintenance)."""
    return (
        '<!DOCTYPE html>\r\n<html lang="ru">\r\n<head><meta charset="utf-8">'
        "<title>Movizor — технические работы</title></head>\r\n<body>\r\n"
        "<center><h1>Ведутся технические работы</h1>"
        "<p>Сервис будет доступен в ближайшее время.</p></center>\r\n"
        "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    ).encode()


def reset_connection(sock: socket.socket, *files: Any) -> None:
    """Close ``sock`` so that the peer gets a TCP RST: SO_LINGER on with a zero timeout.

    ``files`` are ``makefile`` objects over the socket; they hold references that would
    otherwise keep the descriptor open past ``sock.close()``.
    """
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    for f in files:
        try:
            f.close()
        except OSError:
            pass
    sock.close()

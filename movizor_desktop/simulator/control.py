"""The simulator's control API (``/_sim/``): the server-side routes (and the request log
they expose) and :class:`SimControl`, a small synchronous client for tests and users. Both
ends live here so they stay in step.

The control API has no authentication: the simulator listens on loopback only.
Bodies are JSON objects; answers are JSON; errors are ``{"error": "..."}`` with HTTP 400
(bad body or value), 404 (unknown phone or endpoint), 405 (wrong method) or 500 (the
world raised; logged).

=======  ====================================  ================================================
method   path                                  body → answer
=======  ====================================  ================================================
GET      /_sim/state                           world.snapshot() + base_url, project, requests,
                                               quota_per_hour (+ quota_used, clock, faults)
POST     /_sim/clock/advance                   {"seconds": N} → {"now", "timestamp"}; N is at
                                               most 31 days (call again to go further)
POST     /_sim/clock/speed                     {"speed": X} → {"speed"}; X at most 86,400
POST     /_sim/subscribers/{phone}/confirm     → {"ok": true}; also /reject and /no_confirm
POST     /_sim/subscribers/{phone}/status      {"status": "limited"} → {"ok": true}
POST     /_sim/balance                         {"balance": "100.00", "credit": "0.00"}
POST     /_sim/errors                          {"function": "share_add", "code": "3",
                                               "count": 1}: the next call(s) answer that
                                               documented error; count 0 clears
GET      /_sim/faults                          → {"faults": [rule, ...]}
POST     /_sim/faults                          {"kind": "reset", "function": null, "count": 1,
                                               "latency": null} → the rule (with its id)
DELETE   /_sim/faults                          → {"cleared": n}
GET      /_sim/requests                        → {"total", "by_function", "last": [...]}
DELETE   /_sim/requests                        resets the log → {"ok": true}
GET      /_sim/quota                           → {"per_hour", "used"}
POST     /_sim/quota                           {"per_hour": 5000} → {"per_hour", "used"}
DELETE   /_sim/auth                            forget auth failures and lockouts
GET      /_sim/dialect                         → {"name", "switches": {...}}
POST     /_sim/dialect                         {"name": "v2", "switches": {"events_after":
                                               "oldest"}} (both optional; without a name
                                               the switches change the current dialect)
=======  ====================================  ================================================

Each request log entry also has ``received``: when the request arrived, in seconds of a
monotonic clock (meaningful only as differences between entries).

Like any server, the control API bounds the work one request can cause: a clock jump is
at most :data:`MAX_ADVANCE` (a month: about 0.4 s of world processing for 40 trucks) and is
processed in one-hour slices, each under the world lock, so API requests are answered
between them; the clock's speed is at most :data:`MAX_SPEED` (a day per second), so the
ticker never has more than a day to catch up. Bodies are at most 1 MB (the HTTP front) and a
JSON body nested too deep is a 400 like any other bad body.

``httpx`` is imported only when a :class:`SimControl` is made: the server stays stdlib-only.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from . import protocol
from .dialects import DIALECTS

if TYPE_CHECKING:
    from .server import SimulatorServer

__all__ = ["RequestLog", "SimControl", "SimControlError", "handle_control", "json_default"]

log = logging.getLogger(__name__)
Answer = tuple[int, Any]
OK = {"ok": True}
REDACTED = "REDACTED"
MAX_ADVANCE = 31 * 86400  # seconds per /_sim/clock/advance call
ADVANCE_SLICE = 3600  # seconds of world time processed per hold of the world lock
MAX_SPEED = 86400.0  # simulated seconds per real second


class BadRequest(ValueError):
    pass


class NotFound(LookupError):
    pass


# -- server side ------------------------------------------------------------------------


def json_default(value: Any) -> Any:
    """``json.dumps`` fallback for what a world snapshot may hold."""
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)  # Decimal and friends


class RequestLog:
    """Counts API requests per function and keeps the last ``maxlen`` (key redacted)."""

    def __init__(self, maxlen: int = 500) -> None:
        self._lock = threading.Lock()
        self._last: deque[dict[str, Any]] = deque(maxlen=maxlen)
        self._by_function: Counter[str] = Counter()
        self._total = 0

    def record(
        self, function: str, method: str, params: dict[str, Any], timestamp: int
    ) -> dict[str, Any]:
        safe = dict(params)
        if "key" in safe:
            safe["key"] = REDACTED
        with self._lock:
            self._total += 1
            self._by_function[function] += 1
            entry = {
                "seq": self._total,
                "time": timestamp,
                "function": function,
                "method": method,
                "params": safe,
                "status": None,
                "result": None,
                "error_code": None,
                "fault": None,
                "received": round(time.monotonic(), 6),
            }
            self._last.append(entry)
        return entry

    def update(self, entry: dict[str, Any], **fields: Any) -> None:
        with self._lock:
            entry.update(fields)

    @property
    def total(self) -> int:
        with self._lock:
            return self._total

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            last = json.loads(json.dumps(list(self._last), default=json_default))
            return {"total": self._total, "by_function": dict(self._by_function), "last": last}

    def reset(self) -> None:
        with self._lock:
            self._last.clear()
            self._by_function.clear()
            self._total = 0


def _number(
    data: dict[str, Any], name: str, *, minimum: float = 0.0, maximum: float = math.inf
) -> float:
    value = data.get(name)
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < minimum
    ):
        raise BadRequest(f"{name!r} must be a finite number >= {minimum:g}")
    if value > maximum:
        raise BadRequest(f"{name!r} must be at most {maximum:g}")
    return float(value)


def _int(data: dict[str, Any], name: str, default: int | None, *, minimum: int = 1) -> int:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BadRequest(f"{name!r} must be an integer >= {minimum}")
    return value


def _money(value: Any, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadRequest(f'{name!r} must be a decimal string like "100.00"')
    try:
        money = Decimal(str(value))
    except InvalidOperation:
        raise BadRequest(f"{name!r} is not a number: {value!r}") from None
    if not money.is_finite():
        raise BadRequest(f"{name!r} must be finite")
    return money


def _state(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    world = sim.world
    with world.lock:
        state = dict(world.snapshot())
    clock = world.clock
    state.update(
        base_url=sim.base_url,
        project=sim.project,
        requests=sim.requests.total,
        quota_per_hour=sim.gate.quota_per_hour,
    )
    state.setdefault("quota_used", sim.gate.quota_used(sim.hour()))
    state.setdefault(
        "clock",
        {"now": clock.now().isoformat(), "timestamp": clock.timestamp(), "speed": clock.speed},
    )
    state.setdefault("faults", sim.faults.rules())
    return 200, state


def _advance(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    seconds = _number(data, "seconds", maximum=MAX_ADVANCE)
    world = sim.world
    while True:  # slice by slice, letting API requests in between
        step = min(seconds, ADVANCE_SLICE)
        seconds -= step
        with world.lock:
            world.clock.advance(step)
            world.advance_to_now()
            if seconds <= 0:
                return 200, {
                    "now": world.clock.now().isoformat(),
                    "timestamp": world.clock.timestamp(),
                }


def _speed(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    speed = _number(data, "speed", maximum=MAX_SPEED)
    with sim.world.lock:
        sim.world.advance_to_now()
        sim.world.clock.speed = speed
    return 200, {"speed": speed}


def _subscriber(sim: SimulatorServer, data: dict[str, Any], phone: str, action: str) -> Answer:
    world, phone = sim.world, unquote(phone)
    try:
        with world.lock:
            if action == "confirm":
                world.confirm(phone)
            elif action == "reject":
                world.reject(phone)
            elif action == "no_confirm":
                world.expire_confirmation(phone)
            else:
                status = data.get("status")
                if not isinstance(status, str) or not status:
                    raise BadRequest("'status' must be a non-empty string")
                world.set_status(phone, status)
    except KeyError:
        raise NotFound(f"unknown phone {phone!r}") from None
    return 200, {"ok": True, "phone": phone}


def _balance(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    if "balance" not in data:
        raise BadRequest("'balance' is required")
    balance = _money(data["balance"], "balance")
    credit = None if data.get("credit") is None else _money(data["credit"], "credit")
    with sim.world.lock:
        sim.world.set_balance(balance, credit)
    return 200, {
        "ok": True,
        "balance": str(balance),
        "credit": None if credit is None else str(credit),
    }


def _errors(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    function, code = data.get("function"), data.get("code")
    if function not in protocol.FUNCTIONS:
        raise BadRequest(f"'function' must be one of the API functions, not {function!r}")
    if isinstance(code, int) and not isinstance(code, bool):
        code = str(code)
    if not isinstance(code, str) or not code:
        raise BadRequest("'code' must be a non-empty string")
    count = _int(data, "count", 1, minimum=0)  # 0 clears what is queued for function
    with sim.world.lock:
        sim.world.inject_error(function, code, count)
    return 200, {"ok": True, "function": function, "code": code, "count": count}


def _add_fault(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    # the kind, function, count and latency are validated by FaultPlan.add
    rule = sim.faults.add(
        data.get("kind"),  # type: ignore[arg-type]
        function=data.get("function"),
        count=data.get("count", 1),
        latency=data.get("latency"),
    )
    return 200, rule.to_dict()


def _quota(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    return 200, {"per_hour": sim.gate.quota_per_hour, "used": sim.gate.quota_used(sim.hour())}


def _set_quota(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    sim.gate.quota_per_hour = _int(data, "per_hour", None, minimum=0)
    return _quota(sim, data)


def _reset_requests(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    sim.requests.reset()
    return 200, OK


def _clear_auth(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    sim.gate.clear_auth()
    return 200, OK


def _dialect(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    return 200, sim.world.dialect.to_dict()


def _set_dialect(sim: SimulatorServer, data: dict[str, Any]) -> Answer:
    name, switches = data.get("name"), data.get("switches", {})
    if name is not None and name not in DIALECTS:
        raise BadRequest(f"'name' must be one of {', '.join(DIALECTS)}, not {name!r}")
    if not isinstance(switches, dict):
        raise BadRequest("'switches' must be an object of switch names and values")
    world = sim.world
    with world.lock:
        base = DIALECTS[name] if name is not None else world.dialect
        world.set_dialect(base.with_switches(switches))
    return _dialect(sim, data)


_ROUTE_TABLE: list[tuple[str, str, Callable[..., Answer]]] = [
    ("GET", r"state", _state),
    ("POST", r"clock/advance", _advance),
    ("POST", r"clock/speed", _speed),
    ("POST", r"subscribers/([^/]+)/(confirm|reject|no_confirm|status)", _subscriber),
    ("POST", r"balance", _balance),
    ("POST", r"errors", _errors),
    ("GET", r"faults", lambda sim, data: (200, {"faults": sim.faults.rules()})),
    ("POST", r"faults", _add_fault),
    ("DELETE", r"faults", lambda sim, data: (200, {"cleared": sim.faults.clear()})),
    ("GET", r"requests", lambda sim, data: (200, sim.requests.snapshot())),
    ("DELETE", r"requests", _reset_requests),
    ("GET", r"quota", _quota),
    ("POST", r"quota", _set_quota),
    ("DELETE", r"auth", _clear_auth),
    ("GET", r"dialect", _dialect),
    ("POST", r"dialect", _set_dialect),
]
_ROUTES = [(method, re.compile(pattern), fn) for method, pattern, fn in _ROUTE_TABLE]


def handle_control(sim: SimulatorServer, method: str, path: str, body: bytes) -> Answer:
    """Route one control request: ``path`` is what follows ``/_sim`` (e.g. ``/state``)."""
    path = path.strip("/")
    allowed: list[str] = []
    for route_method, pattern, fn in _ROUTES:
        match = pattern.fullmatch(path)
        if match is None:
            continue
        if route_method != method:
            allowed.append(route_method)
            continue
        data: Any = {}
        if method == "POST" and body.strip():
            try:
                data = json.loads(body)
            except (ValueError, RecursionError):  # RecursionError: nested too deep
                return 400, {"error": "the body is not valid JSON"}
        if not isinstance(data, dict):
            return 400, {"error": "the body must be a JSON object"}
        try:
            return fn(sim, data, *match.groups())
        except NotFound as exc:
            return 404, {"error": str(exc)}
        except (ValueError, TypeError) as exc:  # BadRequest, or the world refusing a value
            log.debug("control request refused", exc_info=True)
            return 400, {"error": str(exc) or type(exc).__name__}
        except Exception as exc:
            log.exception("control request %s /_sim/%s failed", method, path)
            return 500, {"error": f"{type(exc).__name__}: {exc}"}
    if allowed:
        return 405, {"error": f"{method} not allowed here; use {', '.join(allowed)}"}
    return 404, {"error": f"no control endpoint /_sim/{path}"}


# -- client side ------------------------------------------------------------------------


class SimControlError(RuntimeError):
    """The control API refused a call (``status`` 400/404/405) or answered garbage."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class SimControl:
    """Synchronous client of ``/_sim/``: ``SimControl(server.control_url)``."""

    def __init__(self, control_url: str, *, timeout: float = 10.0) -> None:
        import ssl

        import httpx

        self.control_url = control_url if control_url.endswith("/") else control_url + "/"
        # Plain HTTP on loopback: a verifying TLS context without CAs (would refuse any
        # https) spares loading the CA bundle on every client, ~0.1 s.
        self._client = httpx.Client(
            base_url=self.control_url,
            timeout=timeout,
            trust_env=False,
            verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
        )

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self._client.request(method, path, json=body)
        try:
            data = response.json()
        except ValueError:
            raise SimControlError(response.status_code, response.text[:200]) from None
        if response.status_code != 200:
            message = data.get("error", "") if isinstance(data, dict) else str(data)
            raise SimControlError(response.status_code, message)
        return data

    def _subscriber(self, phone: str, action: str, body: dict[str, Any] | None = None) -> Any:
        return self._call("POST", f"subscribers/{quote(phone, safe='')}/{action}", body)

    def state(self) -> dict[str, Any]:
        return self._call("GET", "state")

    def advance(self, seconds: float) -> dict[str, Any]:
        return self._call("POST", "clock/advance", {"seconds": seconds})

    def set_speed(self, speed: float) -> dict[str, Any]:
        return self._call("POST", "clock/speed", {"speed": speed})

    def confirm(self, phone: str) -> dict[str, Any]:
        return self._subscriber(phone, "confirm")

    def reject(self, phone: str) -> dict[str, Any]:
        return self._subscriber(phone, "reject")

    def no_confirm(self, phone: str) -> dict[str, Any]:
        return self._subscriber(phone, "no_confirm")

    def set_status(self, phone: str, status: str) -> dict[str, Any]:
        return self._subscriber(phone, "status", {"status": status})

    def set_balance(
        self, balance: Decimal | str | float, credit: Decimal | str | float | None = None
    ) -> dict[str, Any]:
        return self._call(
            "POST",
            "balance",
            {"balance": str(balance), "credit": None if credit is None else str(credit)},
        )

    def inject_error(self, function: str, code: str, count: int = 1) -> dict[str, Any]:
        return self._call(
            "POST", "errors", {"function": function, "code": str(code), "count": count}
        )

    def add_fault(
        self,
        kind: str,
        function: str | None = None,
        count: int | None = 1,
        latency: float | None = None,
    ) -> dict[str, Any]:
        return self._call(
            "POST",
            "faults",
            {"kind": kind, "function": function, "count": count, "latency": latency},
        )

    def faults(self) -> list[dict[str, Any]]:
        return self._call("GET", "faults")["faults"]

    def clear_faults(self) -> int:
        return self._call("DELETE", "faults")["cleared"]

    def requests(self) -> dict[str, Any]:
        return self._call("GET", "requests")

    def reset_requests(self) -> None:
        self._call("DELETE", "requests")

    def quota(self) -> dict[str, Any]:
        return self._call("GET", "quota")

    def set_quota(self, per_hour: int) -> dict[str, Any]:
        return self._call("POST", "quota", {"per_hour": per_hour})

    def clear_auth(self) -> None:
        self._call("DELETE", "auth")

    def dialect(self) -> dict[str, Any]:
        return self._call("GET", "dialect")

    def set_dialect(self, name: str | None = None, **switches: Any) -> dict[str, Any]:
        """Answer in dialect ``name`` (``2017``/``v2``) with ``switches`` changed."""
        body: dict[str, Any] = {"switches": switches}
        if name is not None:
            body["name"] = name
        return self._call("POST", "dialect", body)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SimControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""HTTP front of the Movizor simulator: ``/api/{project}/{function}/`` like movizor.ru, plus
an unauthenticated control API under ``/_sim/`` for tests and demos.

API answers are always HTTP 200 with ``application/json; charset=utf-8`` and a body made
by ``json.dumps(envelope, ensure_ascii=True)`` (as PHP's json_encode escapes non-ASCII).
Before the world sees a request the front checks, in this order:

1. the client IP is not locked out (5 failed auths in the current clock hour →
   ``ACCESS_DENIED`` / "Auth rate limit exceeded" until the hour ends, even with the
   right key);
2. project and key are right (else the dialect's wrong-key answer, ``ACCESS_DENIED`` /
   "Wrong project or key" or ``"0"`` / "Incorrect key", and one more failure for that IP);
3. the project's hourly quota is not used up (else ``LIMIT_EXCEEDED``).

Hours are the sim clock's (``timestamp // 3600``; МСК is a whole-hour offset from UTC),
and so is every answer's ``Date`` header, as a real server's follows its own clock.
Every well-formed API request is counted in the request log (key redacted), including
those that then hit an injected fault. Stdlib only; no Qt.

The control API (``/_sim/``) is routed by :func:`.control.handle_control`; see there.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import socket
import socketserver
import ssl
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from . import faults as _faults
from . import protocol
from .control import RequestLog, handle_control, json_default
from .faults import FaultPlan
from .params import parse_php_params, php_merge, query_pairs

if TYPE_CHECKING:
    from .world import World

__all__ = ["Gate", "SimulatorServer"]

log = logging.getLogger(__name__)

MAX_AUTH_FAILURES = 5
MAX_BODY = 1 << 20
MAX_CHUNKS = 4096  # a form of at most 1 MB needs no more; 60,000 one-byte chunks do not pass
MAX_LINE = 1024  # a chunk-size line (with extensions) or a trailer
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,8}")
_API_PATH = re.compile(r"^/api/([^/]+)/([^/]+)/?$")


def _error(code: str, text: str) -> dict[str, str]:
    return {"result": "error", "error_code": code, "error_text": text, "error_text_ru": ""}


class Gate:
    """Project/key check, per-IP lockout after bad keys, and the hourly quota."""

    def __init__(self, project: str, key: str, quota_per_hour: int) -> None:
        self.project = project
        self._key = key.encode("utf-8")
        self.quota_per_hour = quota_per_hour
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, int]] = {}  # ip -> (hour, failures)
        self._used: tuple[int, int] = (0, 0)  # (hour, requests)

    def check(
        self,
        ip: str,
        project: str,
        key: Any,
        hour: int,
        wrong_key: tuple[str, str] = (protocol.ACCESS_DENIED, protocol.WRONG_KEY_TEXT),
    ) -> dict[str, str] | None:
        """``None`` when the request may go on (and count against the quota);
        ``wrong_key`` is the (code, text) a wrong key gets before the lockout."""
        with self._lock:
            f_hour, failures = self._failures.get(ip, (hour, 0))
            if f_hour != hour:
                failures = 0
            if failures >= MAX_AUTH_FAILURES:
                return _error(protocol.ACCESS_DENIED, protocol.AUTH_LOCKED_TEXT)
            key_ok = isinstance(key, str) and hmac.compare_digest(key.encode("utf-8"), self._key)
            if project != self.project or not key_ok:
                self._failures[ip] = (hour, failures + 1)
                return _error(*wrong_key)
            used = self._used[1] if self._used[0] == hour else 0
            if used >= self.quota_per_hour:
                return _error(protocol.LIMIT_EXCEEDED, protocol.LIMIT_EXCEEDED_TEXT)
            self._used = (hour, used + 1)
            return None

    def quota_used(self, hour: int) -> int:
        with self._lock:
            return self._used[1] if self._used[0] == hour else 0

    def clear_auth(self) -> None:
        with self._lock:
            self._failures.clear()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are closed after this
    disable_nagle_algorithm = True  # headers and body go in two writes
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request line carries the key: never log it

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header, on the simulated clock (whole seconds, as HTTP has it)."""
        if timestamp is None:
            timestamp = self.server.sim.world.clock.timestamp()
        return formatdate(timestamp, usegmt=True)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # -- plumbing ---------------------------------------------------------------------

    def _read_body(self) -> bytes:
        """The request body; ``ValueError`` when malformed, ``OverflowError`` when huge.

        Bounded before anything is read: a body over :data:`MAX_BODY` is refused from its
        declared length (``Content-Length`` or a chunk's size line), never read in full;
        a chunked body may have at most :data:`MAX_CHUNKS` chunks and short size lines."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise ValueError(length)
        if length > MAX_BODY:
            raise OverflowError
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(MAX_LINE + 1)
            size_text = line.split(b";")[0].strip()
            if len(line) > MAX_LINE or not _CHUNK_SIZE.fullmatch(size_text):
                raise ValueError(line[:20])
            size = int(size_text, 16)
            if size == 0:
                break
            total += size
            if total > MAX_BODY:
                raise OverflowError
            if len(chunks) == MAX_CHUNKS:
                raise ValueError("too many chunks")
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise ValueError("the body ended inside a chunk")
            chunks.append(chunk)
            self.rfile.readline(MAX_LINE)
        for _ in range(MAX_CHUNKS):  # trailers, up to the blank line
            if self.rfile.readline(MAX_LINE) in (b"\r\n", b"\n", b""):
                break
        else:
            raise ValueError("too many trailers")
        return b"".join(chunks)

    def send(
        self, status: int, body: bytes, content_type: str, *, cut_at: int | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body if cut_at is None else body[:cut_at])

    def send_json(self, status: int, obj: Any) -> None:
        body = json.dumps(obj, ensure_ascii=True, default=json_default).encode("ascii")
        self.send(status, body, "application/json; charset=utf-8")

    def _dispatch(self, method: str) -> None:
        path, _, query = self.path.partition("?")
        try:
            body = self._read_body()
        except (ValueError, OverflowError) as exc:
            self.close_connection = True
            status = 413 if isinstance(exc, OverflowError) else 400
            self.send(status, _faults.error_page(status), "text/html")
            return
        if path == "/_sim" or path.startswith("/_sim/"):
            status, answer = handle_control(self.server.sim, method, path[len("/_sim") :], body)
            self.send_json(status, answer)
            return
        match = _API_PATH.match(path)
        if match is None or method == "DELETE":
            self.send(404, _faults.error_page(404), "text/html")
            return
        try:
            self._api(method, unquote(match[1]), unquote(match[2]), query, body)
        except OSError:
            self.close_connection = True

    # -- the API --------------------------------------------------------------------------

    def _api(self, method: str, project: str, function: str, query: str, body: bytes) -> None:
        sim = self.server.sim
        params = parse_php_params(query_pairs(query))
        ctype = self.headers.get("Content-Type", "application/x-www-form-urlencoded")
        if method == "POST" and ctype.split(";")[0].strip().lower() in (
            "application/x-www-form-urlencoded",
            "",
        ):
            params = php_merge(params, parse_php_params(query_pairs(body)))
        entry = sim.requests.record(function, method, params, sim.world.clock.timestamp())
        rule = sim.faults.take(function)
        kind, delay = (rule.kind, rule.delay) if rule else (None, 0.0)
        if kind is not None:
            sim.requests.update(entry, fault=kind)
        if kind == "latency" and sim.sleep(delay):
            kind = "drop"  # the server is stopping
        if kind in _faults.FRONT_KINDS:
            self._front_fault(kind, entry)
            return
        status, envelope = sim.answer(self.client_address[0], project, function, params)
        body_out = json.dumps(envelope, ensure_ascii=True).encode("ascii")
        sim.requests.update(
            entry,
            status=status if kind in (None, "latency", "truncated") else None,
            result=envelope.get("result"),
            error_code=envelope.get("error_code"),
        )
        if status != 200:  # the world broke: PHP would answer a bare 500
            self.send(status, _faults.error_page(status), "text/html")
        elif kind == "truncated":
            self.close_connection = True
            self.send(200, body_out, "application/json; charset=utf-8", cut_at=len(body_out) // 2)
        elif kind == "reset":
            self.close_connection = True
            _faults.reset_connection(self.connection, self.rfile)
        elif kind in ("drop", "timeout"):
            if kind == "timeout":
                sim.sleep(delay)
            self.close_connection = True
        else:
            self.send(200, body_out, "application/json; charset=utf-8")

    def _front_fault(self, kind: str, entry: dict[str, Any]) -> None:
        sim = self.server.sim
        if kind.startswith("http_"):
            status = int(kind[5:])
            sim.requests.update(entry, status=status)
            self.send(status, _faults.error_page(status), "text/html")
        elif kind == "html":
            sim.requests.update(entry, status=200)
            self.send(200, _faults.maintenance_page(), "text/html; charset=utf-8")
        else:  # non_json
            sim.requests.update(entry, status=200)
            self.send(200, b"bad json", "application/json; charset=utf-8")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], sim: SimulatorServer) -> None:
        self.sim = sim
        self._live: dict[threading.Thread, socket.socket] = {}
        self._live_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would call getfqdn(): slow
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve_connection,
            name="movizor-sim-conn",
            args=(request, client_address),
            daemon=True,
        )
        with self._live_lock:
            self._live[thread] = request
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            tls = self.sim.tls
            if tls is not None:  # the handshake runs here, not in the accepting thread
                try:
                    request = tls.wrap_socket(request, server_side=True)
                except (OSError, ValueError):  # the client refused our certificate, ...
                    request.close()
                    return
                with self._live_lock:
                    self._live[threading.current_thread()] = request
            self.process_request_thread(request, client_address)
        finally:
            with self._live_lock:
                self._live.pop(threading.current_thread(), None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("simulator connection error", exc_info=True)

    def close_connections(self, timeout: float) -> None:
        """Wake every connection thread (shut its socket down) and join it."""
        with self._live_lock:
            live = list(self._live.items())
        for _, sock in live:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread, _ in live:
            thread.join(timeout)


class SimulatorServer:
    """The simulator behind a loopback HTTP server running in daemon threads.

    >>> with SimulatorServer.demo(fleet=5) as sim:    # doctest: +SKIP
    ...     httpx.get(sim.base_url + "demo/balance/", params={"key": "demo"})
    """

    def __init__(
        self,
        world: World,
        *,
        project: str = "demo",
        key: str = "demo",
        host: str = "127.0.0.1",
        port: int = 0,
        quota_per_hour: int = 5000,
        tick_interval: float = 1.0,
        log_size: int = 500,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self._world = world
        self.tls = tls  # a server-side context: serve https:// (tests of certificates)
        self.project = project
        self.host = host
        self._port = port
        self.tick_interval = tick_interval
        self.gate = Gate(project, key, quota_per_hour)
        self.requests = RequestLog(log_size)
        self._faults = FaultPlan()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._state_lock = threading.Lock()

    @classmethod
    def demo(
        cls,
        *,
        seed: int = 1,
        fleet: int = 40,
        speed: float = 1.0,
        start: Any = None,
        dialect: Any = None,
        **kw: Any,
    ) -> SimulatorServer:
        """A seeded world on a fresh clock (``start``: a datetime, default now), answering
        in ``dialect`` (a :class:`.dialects.Dialect`, default 2017); not started."""
        from .clock import SimClock
        from .world import World

        clock = SimClock(start=start, speed=speed)
        return cls(World(clock=clock, seed=seed, fleet=fleet, dialect=dialect), **kw)

    # -- properties -------------------------------------------------------------------

    @property
    def world(self) -> World:
        return self._world

    @property
    def faults(self) -> FaultPlan:
        return self._faults

    @property
    def port(self) -> int:
        return self._httpd.server_address[1] if self._httpd else self._port

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def _client_host(self) -> str:
        """Where a local client connects (a wildcard bind is reached via loopback)."""
        return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)

    def _origin(self) -> str:
        host = self._client_host
        scheme = "https" if self.tls is not None else "http"
        return (
            f"{scheme}://[{host}]:{self.port}" if ":" in host else f"{scheme}://{host}:{self.port}"
        )

    @property
    def base_url(self) -> str:
        """The API base without the project, e.g. ``http://127.0.0.1:43211/api/``."""
        return self._origin() + "/api/"

    @property
    def control_url(self) -> str:
        return self._origin() + "/_sim/"

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> SimulatorServer:
        """Bind, listen and serve in background daemon threads; return once listening."""
        with self._state_lock:
            if self._httpd is not None:
                raise RuntimeError("simulator server already running")
            self._stopping.clear()
            httpd = _HTTPServer((self.host, self._port), self)
            self._httpd = httpd
            serving = threading.Event()

            def serve() -> None:
                serving.set()
                httpd.serve_forever(poll_interval=0.5)

            self._threads = [
                threading.Thread(target=serve, name="movizor-sim-http", daemon=True),
                threading.Thread(target=self._tick, name="movizor-sim-ticker", daemon=True),
            ]
            for thread in self._threads:
                thread.start()
            serving.wait(5)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving: wake sleeping faults, close every connection, join the threads."""
        with self._state_lock:
            httpd, self._httpd = self._httpd, None
            if httpd is None:
                return
            self._stopping.set()
            closer = threading.Thread(target=httpd.shutdown, daemon=True)
            closer.start()
            deadline = time.monotonic() + timeout
            while closer.is_alive() and time.monotonic() < deadline:
                self._poke(httpd.server_address[1])  # wake serve_forever's select() now
                closer.join(0.01)
            httpd.server_close()
            httpd.close_connections(timeout)
            for thread in self._threads:
                thread.join(timeout)
            self._threads = []

    def _poke(self, port: int) -> None:
        try:
            socket.create_connection((self._client_host, port), timeout=0.1).close()
        except OSError:
            pass

    def __enter__(self) -> SimulatorServer:
        return self if self.running else self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _tick(self) -> None:
        while not self._stopping.wait(self.tick_interval):
            if self._world.clock.speed > 1:
                try:
                    self._world.advance_to_now()
                except Exception:  # a broken rule must not kill the ticker
                    log.exception("simulator world tick failed")

    # -- used by the handler ----------------------------------------------------------

    def sleep(self, seconds: float) -> bool:
        """Sleep, unless the server stops first; True when it is stopping."""
        return self._stopping.wait(seconds)

    def hour(self) -> int:
        return int(self._world.clock.timestamp()) // 3600

    def answer(
        self, ip: str, project: str, function: str, params: dict[str, Any]
    ) -> tuple[int, dict[str, Any]]:
        """(HTTP status, envelope) for one API call after auth and quota."""
        denied = self.gate.check(
            ip, project, params.get("key"), self.hour(), self._world.dialect.wrong_key_answer
        )
        if denied is not None:
            return 200, denied
        world_params = {k: v for k, v in params.items() if k not in ("key", "project")}
        try:
            return 200, self._world.handle(function, world_params)
        except Exception:
            log.exception("simulator world failed on %s", function)
            return 500, {}

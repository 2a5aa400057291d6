"""The one place that builds HTTP clients: trust store, proxy choice, timeouts. No Qt here.

Every HTTP client of the app comes from :func:`build_async_client` (the API client, the
connection check) and so behaves the same way in an office network:

* **Certificates** are checked against the operating system's trust store through
  ``truststore`` (Windows CryptoAPI, macOS Security framework, OpenSSL's default paths on
  Linux, which honour ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``). A CA that IT installed, or the
  root of an antivirus that inspects HTTPS, is trusted exactly as the browser trusts it.
  Should ``truststore`` be unusable, certifi's list is used and :func:`trust_source` says so.
* **Proxy**: :class:`ProxyConfig` chooses *system* (what the OS says, resolved per host by
  a :data:`SystemResolver`; the default reads the environment, the Windows registry or
  macOS's settings through :mod:`urllib.request`, the app injects Qt's resolver, which also
  runs PAC scripts on Windows and macOS), *none*, or *manual* (HTTP, HTTPS or SOCKS5,
  optional user and password). httpx's own environment handling (``trust_env``) is off:
  the choice made here is the only one.
* **Loopback never goes through a proxy** (``localhost``, ``127.0.0.0/8``, ``::1``): the
  demo's simulator and a local test server are always reached directly.

The routing itself (per-request choice of proxy, certificate details on failure) lives in
:mod:`.net_transport`; classification of failures into messages in :mod:`.net_errors`.
"""

from __future__ import annotations

import ipaddress
import logging
import ssl
import threading
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..clock import pc_now

log = logging.getLogger(__name__)

USER_AGENT = f"MovizorDesktop/{__version__}"
CONNECT_TIMEOUT = 10.0


class ProxyMode(StrEnum):
    SYSTEM = "system"
    NONE = "none"
    MANUAL = "manual"


class ProxyKind(StrEnum):
    HTTP = "http"  # plain HTTP to the proxy; https:// sites through CONNECT
    HTTPS = "https"  # TLS to the proxy itself (its certificate checked like any other)
    SOCKS5 = "socks5"  # host names resolved by the proxy


@dataclass(frozen=True)
class ProxyConfig:
    """The proxy choice of the Preferences (the password lives in the keyring, not here)."""

    mode: ProxyMode = ProxyMode.SYSTEM
    kind: ProxyKind = ProxyKind.HTTP
    host: str = ""
    port: int = 0
    user: str = ""

    def validate(self) -> list[tuple[str, str]]:
        """Problems as ``(field, English message)``; only a manual proxy has fields."""
        if self.mode != ProxyMode.MANUAL:
            return []
        problems: list[tuple[str, str]] = []
        host_problem = host_error(self.host)
        if host_problem:
            problems.append(("proxy_host", host_problem))
        if not 1 <= self.port <= 65535:
            problems.append(("proxy_port", "The port must be a number from 1 to 65535."))
        if any(c in self.user for c in ":@/\r\n"):
            problems.append(("proxy_user", "The user name must not contain “:”, “@” or “/”."))
        return problems

    def describe(self) -> str:
        """The choice as text for logs and diagnostics (no password, ever)."""
        if self.mode != ProxyMode.MANUAL:
            return self.mode.value
        who = f"{self.user}@" if self.user else ""
        return f"manual {self.kind.value}://{who}{format_host(self.host)}:{self.port}"


def host_error(host: str) -> str:
    """'' when ``host`` can be a proxy's host name or IP address, else why not."""
    text = host.strip()
    if not text:
        return "Enter the proxy's host name or IP address."
    if "://" in text or "/" in text or " " in text:
        return "Enter only the host name, without http:// or a path."
    try:
        ipaddress.ip_address(text.strip("[]"))
        return ""
    except ValueError:
        pass
    labels = text.rstrip(".").split(".")
    if all(
        label
        and len(label) <= 63
        and label[0] != "-"
        and label[-1] != "-"
        and all(c.isalnum() or c == "-" for c in label)
        for label in labels
    ):
        return ""
    return "This is not a valid host name."


def format_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


# --- loopback --------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """True for ``localhost``, ``*.localhost``, ``127.0.0.0/8`` and ``::1``."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_remote_plain_http(url: str) -> bool:
    """True when ``url`` is ``http://`` to a host that is not this computer."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme == "http" and bool(parts.hostname) and not is_loopback(parts.hostname or "")


# --- the system's proxy ------------------------------------------------------------------------

SystemResolver = Callable[[str], "str | None"]
"""``url -> proxy URL`` (``http://host:port``, ``socks5://…``) or None for a direct connection.

May block (PAC scripts, WPAD): the transport calls it in a worker thread."""


def environment_resolver(url: str) -> str | None:
    """The OS's proxy for ``url`` as :mod:`urllib.request` reads it: environment variables
    (``https_proxy``, ``http_proxy``, ``all_proxy``, ``no_proxy``) everywhere, plus the
    registry on Windows and SystemConfiguration on macOS (static proxies, no PAC)."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies()
    chosen = proxies.get(parts.scheme) or proxies.get("all")
    if not chosen:
        return None
    try:
        if urllib.request.proxy_bypass(parts.hostname or ""):
            return None
    except Exception:  # a malformed no_proxy or registry value: keep the proxy
        log.debug("proxy bypass check failed", exc_info=True)
    if "://" not in chosen:
        chosen = "http://" + chosen
    return chosen


# --- trust -----------------------------------------------------------------------------------

_trust_lock = threading.Lock()
_trust_note = ""


def ssl_context() -> ssl.SSLContext:
    """A client TLS context that checks certificates against the OS trust store."""
    global _trust_note
    try:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        note = "system trust store (truststore)"
    except Exception as exc:  # an OS truststore does not support: certifi, said plainly
        import certifi

        context = ssl.create_default_context(cafile=certifi.where())
        note = f"certifi bundle (truststore unavailable: {type(exc).__name__})"
    with _trust_lock:
        if note != _trust_note:
            log.info("certificates are checked against the %s", note)
            _trust_note = note
    return context


def trust_source() -> str:
    """Where certificates are checked, for diagnostics (builds a context if none yet)."""
    if not _trust_note:
        ssl_context()
    import sys

    detail = ""
    if sys.platform.startswith("linux") or sys.platform.startswith("freebsd"):
        paths = ssl.get_default_verify_paths()
        detail = f"; OpenSSL reads {paths.cafile or '-'} and {paths.capath or '-'}"
    return _trust_note + detail


# --- the network settings a client is built with ---------------------------------------------


@dataclass(frozen=True)
class NetConfig:
    """Everything a client needs to reach the network the way the user chose."""

    proxy: ProxyConfig = field(default_factory=ProxyConfig)
    proxy_password: str = field(default="", repr=False)
    resolver: SystemResolver = environment_resolver
    timeout: float = 20.0

    def with_proxy(self, proxy: ProxyConfig, password: str = "") -> NetConfig:
        return replace(self, proxy=proxy, proxy_password=password)

    def manual_proxy_url(self) -> str | None:
        """``kind://host:port`` of a usable manual proxy, else None (no credentials)."""
        p = self.proxy
        if p.mode != ProxyMode.MANUAL or not p.host or not p.port:
            return None
        return f"{p.kind.value}://{format_host(p.host)}:{p.port}"

    @property
    def proxy_auth(self) -> tuple[str, str] | None:
        return (self.proxy.user, self.proxy_password) if self.proxy.user else None


_config_lock = threading.Lock()
_current = NetConfig()


def current_config() -> NetConfig:
    """The network settings new clients get (set by the app from the Preferences)."""
    with _config_lock:
        return _current


def set_current_config(config: NetConfig) -> None:
    global _current
    from .redact import register_secret

    register_secret(config.proxy_password)
    with _config_lock:
        _current = config
    log.info("network: proxy %s", config.proxy.describe())


# --- the last failure, for diagnostics ---------------------------------------------------------


@dataclass(frozen=True)
class NetFailure:
    when: datetime  # the PC's clock: a log and diagnostics time, not a Movizor time
    summary: str  # English, secrets masked


_failure_lock = threading.Lock()
_last_failure: NetFailure | None = None


def record_failure(summary: str) -> None:
    global _last_failure
    from .redact import redact

    with _failure_lock:
        _last_failure = NetFailure(pc_now(), redact(summary))


def last_failure() -> NetFailure | None:
    with _failure_lock:
        return _last_failure


def diagnostics_lines() -> list[str]:
    """Proxy mode, trust source and the last network error (no secrets) for support."""
    config = current_config()
    failure = last_failure()
    return [
        f"Proxy: {config.proxy.describe()}"
        + (" (password in the keyring)" if config.proxy_password else ""),
        f"Certificates: {trust_source()}",
        "Last network error: "
        + (
            f"{failure.when.isoformat(timespec='seconds')} {failure.summary}" if failure else "none"
        ),
    ]


# --- building a client ----------------------------------------------------------------------


def build_async_client(
    config: NetConfig | None = None,
    *,
    timeout: float | None = None,
    headers: dict[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` that follows ``config``, or, by default, the app's current
    settings (:func:`current_config`) live, request by request.

    ``transport`` replaces the routing transport (tests with ``httpx.MockTransport``).
    """
    from .net_transport import RoutingTransport

    seconds = (config or current_config()).timeout if timeout is None else timeout
    return httpx.AsyncClient(
        timeout=httpx.Timeout(seconds, connect=min(seconds, CONNECT_TIMEOUT)),
        headers={"User-Agent": USER_AGENT, **(headers or {})},
        transport=transport or RoutingTransport(config),
        follow_redirects=False,
        trust_env=False,
    )


__all__ = [
    "NetConfig",
    "NetFailure",
    "ProxyConfig",
    "ProxyKind",
    "ProxyMode",
    "SystemResolver",
    "build_async_client",
    "current_config",
    "diagnostics_lines",
    "environment_resolver",
    "host_error",
    "is_loopback",
    "is_remote_plain_http",
    "last_failure",
    "record_failure",
    "set_current_config",
    "ssl_context",
    "trust_source",
]

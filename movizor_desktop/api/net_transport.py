"""The transport under every client: picks the route of each request, says what failed.

:class:`RoutingTransport` decides per request, from :class:`~.net.NetConfig`:

1. a loopback host → direct, whatever the settings;
2. *none* → direct; *manual* → the configured proxy;
3. *system* → the resolver's answer for that URL (cached for a few minutes per host, so a
   PAC script runs once per host, not once per request; a laptop that leaves the office
   gets the new answer soon after).

Requests go through one pooled ``httpx.AsyncHTTPTransport`` per route, all sharing one
OS-trust TLS context. When a request fails, the exception gets a :class:`NetContext`
(``exc.net_context``: host, port, the proxy it went through) and, for a certificate that
did not verify, the names on the certificate actually presented (read with a second,
unverified handshake over the same route, sending nothing but ``GET /``), so the message
can name the issuer the dispatcher's IT must recognise.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .certinfo import CertNames, cert_names
from .net import NetConfig, ProxyMode, current_config, format_host, is_loopback, ssl_context
from .redact import register_secret

log = logging.getLogger(__name__)

RESOLVE_TTL = 300.0
PROBE_TIMEOUT = 10.0


@dataclass(frozen=True)
class Route:
    proxy: httpx.Proxy | None
    label: str  # the proxy as scheme://host:port (never credentials), or "direct"

    @property
    def key(self) -> str:
        if self.proxy is None:
            return "direct"
        auth = self.proxy.raw_auth
        return f"{self.label}|{auth!r}"


DIRECT = Route(None, "direct")


@dataclass
class NetContext:
    """What a failed request was doing; attached to the exception as ``net_context``."""

    scheme: str
    host: str
    port: int
    proxy: str | None  # label of the proxy it went through, None when direct
    cert: CertNames | None = None


def proxy_route(
    url: str, auth: tuple[str, str] | None = None, context: ssl.SSLContext | None = None
) -> Route:
    """A route through the proxy at ``url`` (credentials in the URL are honoured)."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    scheme = {"socks": "socks5", "socks5h": "socks5"}.get(parts.scheme, parts.scheme)
    if scheme not in ("http", "https", "socks5"):
        raise ValueError(f"unsupported proxy scheme {parts.scheme!r}")
    if parts.username and auth is None:
        from urllib.parse import unquote

        auth = (unquote(parts.username), unquote(parts.password or ""))
    if auth and auth[1]:
        register_secret(auth[1])
    default_port = {"http": 80, "https": 443, "socks5": 1080}[scheme]
    host = format_host(parts.hostname or "")
    label = f"{scheme}://{host}:{parts.port or default_port}"
    proxy = httpx.Proxy(
        label, auth=auth or None, ssl_context=context if scheme == "https" else None
    )
    return Route(proxy, label)


def is_certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification error behind ``exc``, if that is what it is."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        for arg in getattr(current, "args", ()):
            if isinstance(arg, ssl.SSLCertVerificationError):
                return arg
        current = current.__cause__ or current.__context__
    return None


class RoutingTransport(httpx.AsyncBaseTransport):
    """Routes each request directly or through the chosen proxy (see the module docstring)."""

    def __init__(
        self, config: NetConfig | None = None, *, context: ssl.SSLContext | None = None
    ) -> None:
        """``config=None`` follows :func:`~.net.current_config` from request to request, so
        a change in the Preferences reaches every client without rebuilding it."""
        self._fixed = config
        self.context = context or ssl_context()
        self._transports: dict[str, httpx.AsyncHTTPTransport] = {}
        self._resolved: dict[tuple[str, str, int], tuple[Route, float]] = {}
        self._seen: NetConfig | None = None
        self._manual: Route | None = None

    @property
    def config(self) -> NetConfig:
        config = self._fixed or current_config()
        if config is not self._seen:  # new settings: new manual route, fresh system answers
            manual = config.manual_proxy_url()
            self._manual = (
                None if manual is None else proxy_route(manual, config.proxy_auth, self.context)
            )
            self._resolved.clear()
            self._seen = config
        return config

    # --- choosing a route ------------------------------------------------------------

    async def route_for(self, url: httpx.URL) -> Route:
        if is_loopback(url.host):
            return DIRECT
        config = self.config
        mode = config.proxy.mode
        if mode == ProxyMode.NONE:
            return DIRECT
        if mode == ProxyMode.MANUAL:
            return self._manual or DIRECT
        key = (url.scheme, url.host, url.port or 0)
        cached = self._resolved.get(key)
        now = time.monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]
        target = (
            f"{url.scheme}://{format_host(url.host)}" + (f":{url.port}" if url.port else "") + "/"
        )
        try:
            answer = await asyncio.to_thread(config.resolver, target)
            route = (
                DIRECT
                if not answer or answer.upper() == "DIRECT"
                else proxy_route(answer, context=self.context)
            )
        except Exception as exc:
            log.warning(
                "the system proxy for %s could not be determined (%s); connecting directly",
                url.host,
                type(exc).__name__,
            )
            route = DIRECT
        if self._seen is config:
            self._resolved[key] = (route, now + RESOLVE_TTL)
        log.info("system proxy for %s: %s", url.host, route.label)
        return route

    def _transport(self, route: Route, *, verify: bool = True) -> httpx.AsyncHTTPTransport:
        key = route.key + ("" if verify else "|unverified")
        transport = self._transports.get(key)
        if transport is None:
            context = self.context if verify else _unverified_context()
            transport = httpx.AsyncHTTPTransport(verify=context, proxy=route.proxy, trust_env=False)
            self._transports[key] = transport
        return transport

    # --- sending -----------------------------------------------------------------------

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        route = await self.route_for(request.url)
        try:
            response = await self._transport(route).handle_async_request(request)
        except httpx.TransportError as exc:
            url = request.url
            context = NetContext(
                url.scheme,
                url.host,
                url.port or (443 if url.scheme == "https" else 80),
                None if route.proxy is None else route.label,
            )
            if url.scheme == "https" and is_certificate_failure(exc) is not None:
                context.cert = await self._presented_names(url, route)
            exc.net_context = context  # type: ignore[attr-defined]
            raise
        response.extensions["movizor_route"] = route.label
        return response

    async def _presented_names(self, url: httpx.URL, route: Route) -> CertNames | None:
        """The names on the certificate the server (or whoever answers) presents."""
        probe = httpx.Request(
            "GET",
            url.copy_with(path="/", query=None, fragment=None),
            headers={"User-Agent": "MovizorDesktop certificate check"},
            extensions={
                "timeout": {
                    "connect": PROBE_TIMEOUT,
                    "read": PROBE_TIMEOUT,
                    "write": PROBE_TIMEOUT,
                    "pool": PROBE_TIMEOUT,
                }
            },
        )
        try:
            response = await self._transport(route, verify=False).handle_async_request(probe)
            try:
                stream = response.extensions.get("network_stream")
                ssl_object = stream.get_extra_info("ssl_object") if stream else None
                der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
            finally:
                await response.aclose()
        except Exception as exc:
            log.info("could not read the certificate of %s: %s", url.host, type(exc).__name__)
            return None
        return cert_names(der)

    async def aclose(self) -> None:
        transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            await transport.aclose()


def _unverified_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context

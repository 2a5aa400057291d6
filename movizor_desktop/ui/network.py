"""The proxy choice applied to the whole app: the API's clients and QtWebEngine's tiles.

:func:`apply_network` is called at start-up and whenever the Preferences are saved:

* the API side: :func:`movizor_desktop.api.net.set_current_config`; every client's routing
  transport reads it for its next request, so nothing is rebuilt or restarted;
* QtWebEngine (the map's tiles): Qt WebEngine takes its proxy from Qt Network. *System*
  is ``QNetworkProxyFactory.setUseSystemConfiguration(True)`` (Chromium then reads the
  OS's settings itself, PAC included on Windows and macOS); *none* and *manual* set
  ``QNetworkProxy.setApplicationProxy`` (HTTP or SOCKS5, with the user and password).
  Two things verified on PySide6 6.11 (tests/net/test_net_webengine.py):

  - Chromium reads a changed application proxy lazily: the first request after a change
    still takes the old route. :func:`prime_web_proxy` therefore loads one throw-away
    page (``http://proxy-check.invalid/``) in the map's profile after every change;
  - the proxy's user and password are used only for a *page* load; tiles (sub-resources)
    arriving first get a bare 407. The same throw-away page load authenticates, and the
    credentials are then reused for the tiles.

  Qt Network has no "HTTPS proxy" (TLS to the proxy) type, so with such a proxy the map
  follows the system's settings and the Preferences say so.

On Windows and macOS the *system* choice of the API side asks Qt
(``QNetworkProxyFactory.systemProxyForQuery``: WinHTTP with WPAD and PAC on Windows,
CFNetwork with PAC on macOS) in a worker thread; on Linux and elsewhere it reads the
environment (``https_proxy``, ``no_proxy``…), as Chromium does there.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery

from ..api.net import (
    NetConfig,
    ProxyConfig,
    ProxyKind,
    ProxyMode,
    current_config,
    environment_resolver,
    set_current_config,
)

if TYPE_CHECKING:
    from ..store import AppSettings, SecretStore

log = logging.getLogger(__name__)

PROBE_URL = "http://proxy-check.invalid/"
PROXY_PASSWORD_SERVICE = "movizor-desktop-proxy"
PROXY_PASSWORD_SLOT = "proxy"


def qt_system_resolver(url: str) -> str | None:
    """The OS's proxy for ``url`` as Qt sees it (PAC and WPAD on Windows and macOS)."""
    for proxy in QNetworkProxyFactory.systemProxyForQuery(QNetworkProxyQuery(QUrl(url))):
        kind = proxy.type()
        if kind == QNetworkProxy.ProxyType.NoProxy:
            return None
        scheme = {
            QNetworkProxy.ProxyType.HttpProxy: "http",
            QNetworkProxy.ProxyType.HttpCachingProxy: "http",
            QNetworkProxy.ProxyType.Socks5Proxy: "socks5",
        }.get(kind)
        if scheme and proxy.hostName():
            host = proxy.hostName()
            host = f"[{host}]" if ":" in host else host
            return f"{scheme}://{host}:{proxy.port()}"
    return None


def system_resolver():  # -> SystemResolver
    """Qt's resolver where it knows PAC (Windows, macOS); the environment elsewhere."""
    if sys.platform in ("win32", "darwin"):
        return qt_system_resolver
    return environment_resolver


def qt_proxy(config: ProxyConfig, password: str) -> QNetworkProxy | None:
    """The application proxy for ``config``; None means "use the system's"."""
    if config.mode == ProxyMode.SYSTEM or (
        config.mode == ProxyMode.MANUAL and config.kind == ProxyKind.HTTPS
    ):
        return None
    if config.mode == ProxyMode.NONE or not config.host or not config.port:
        return QNetworkProxy(QNetworkProxy.ProxyType.NoProxy)
    kind = (
        QNetworkProxy.ProxyType.Socks5Proxy
        if config.kind == ProxyKind.SOCKS5
        else QNetworkProxy.ProxyType.HttpProxy
    )
    proxy = QNetworkProxy(kind, config.host, config.port)
    if config.user:
        proxy.setUser(config.user)
        proxy.setPassword(password)
    return proxy


def apply_network(config: ProxyConfig, password: str = "") -> NetConfig:
    """Make ``config`` the proxy of every API client and of the map, from now on."""
    net = NetConfig(
        proxy=config,
        proxy_password=password,
        resolver=system_resolver(),
        timeout=current_config().timeout,
    )
    set_current_config(net)
    proxy = qt_proxy(config, password)
    if proxy is None:
        QNetworkProxyFactory.setUseSystemConfiguration(True)
        QNetworkProxy.setApplicationProxy(QNetworkProxy(QNetworkProxy.ProxyType.NoProxy))
        if config.mode == ProxyMode.MANUAL:
            log.warning(
                "the map cannot use an HTTPS proxy (Qt WebEngine takes HTTP and "
                "SOCKS5 only); its tiles follow the system's proxy settings"
            )
    else:
        QNetworkProxyFactory.setUseSystemConfiguration(False)
        QNetworkProxy.setApplicationProxy(proxy)
    from .map.profile import current_profile

    shared = current_profile()
    if shared is not None:
        prime_web_proxy(shared.profile)
    return net


_probes: set[Any] = set()  # QWebEnginePage (QtWebEngine is imported on use)


def prime_web_proxy(profile: object) -> None:
    """Load one throw-away page in ``profile``: Chromium takes the new proxy (and logs in
    to it) now rather than on the next tile. Nothing is sent but ``GET /`` to a name
    that cannot exist (``.invalid``, RFC 2606)."""
    from PySide6.QtWebEngineCore import QWebEnginePage

    page = QWebEnginePage(profile)  # type: ignore[call-overload]
    _probes.add(page)

    def finished(_ok: bool) -> None:
        _probes.discard(page)
        page.deleteLater()

    page.loadFinished.connect(finished)
    page.load(QUrl(PROBE_URL))


def pending_probes() -> int:
    """Throw-away pages still loading."""
    return len(_probes)


def drop_probes() -> None:
    """Delete the throw-away pages still loading: the map profile does this before it goes
    (a page must be deleted before its profile: Qt warns "Expect troubles")."""
    for page in list(_probes):
        _probes.discard(page)
        page.deleteLater()


def proxy_secrets() -> SecretStore:
    """Where the proxy password lives: the OS keyring, as the API keys (its own service)."""
    from ..store import SecretStore

    return SecretStore(PROXY_PASSWORD_SERVICE)


def load_proxy_password() -> str:
    """The saved proxy password ('' if none, or no keyring and none typed this run)."""
    return proxy_secrets().get_key(PROXY_PASSWORD_SLOT) or ""


def apply_saved_network(settings: AppSettings) -> NetConfig:
    """:func:`apply_network` with the settings' proxy and the keyring's password."""
    proxy = settings.proxy
    return apply_network(proxy, load_proxy_password() if proxy.user else "")


__all__ = [
    "PROBE_URL",
    "PROXY_PASSWORD_SERVICE",
    "PROXY_PASSWORD_SLOT",
    "apply_network",
    "apply_saved_network",
    "drop_probes",
    "load_proxy_password",
    "pending_probes",
    "prime_web_proxy",
    "proxy_secrets",
    "qt_proxy",
    "qt_system_resolver",
    "system_resolver",
]

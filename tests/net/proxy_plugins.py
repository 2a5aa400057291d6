"""A proxy.py plugin for the network tests: ``*.test`` host names resolve to 127.0.0.1.

The client never hands a loopback address to a proxy, so the tests ask for
``movizor.test``; only the proxy knows where that is (like a corporate proxy that resolves
names the desktop cannot).
"""

from __future__ import annotations

from proxy.http.proxy import HttpProxyBasePlugin


class ResolveTestHosts(HttpProxyBasePlugin):
    def resolve_dns(self, host: str, port: int):  # type: ignore[override]
        if host.endswith(".test"):
            return "127.0.0.1", None
        return None, None

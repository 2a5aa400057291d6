"""A mitmproxy addon for the network tests (loaded with ``mitmdump -s``).

* ``*.test`` servers are reached on 127.0.0.1 (the port stays the one asked for);
* every request line mitmproxy decrypted is appended to ``$MOVIZOR_MITM_SEEN``, with its
  body, so a test can prove what the proxy saw (and that the URL held no key).
"""

from __future__ import annotations

import os

from mitmproxy import http
from mitmproxy.proxy import server_hooks


def server_connect(data: server_hooks.ServerConnectionHookData) -> None:
    host, port = data.server.address
    if str(host).endswith(".test"):
        data.server.address = ("127.0.0.1", port)


def request(flow: http.HTTPFlow) -> None:
    with open(os.environ["MOVIZOR_MITM_SEEN"], "a", encoding="utf-8") as seen:
        body = flow.request.get_text(strict=False) or ""
        seen.write(f"{flow.request.method} {flow.request.pretty_url} BODY {body}\n")

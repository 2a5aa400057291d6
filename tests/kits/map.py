"""Shared helpers of the map tests (imported by the test modules, not a conftest).

Importing this module registers the ``app:`` URL scheme: pytest imports test modules before
the ``qapp`` fixture creates the QApplication, and Qt ignores schemes registered later.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from movizor_desktop.ui.map.scheme import register_app_scheme

register_app_scheme()

from movizor_desktop.api.models import ObjectInfo, Position  # noqa: E402
from movizor_desktop.fleet import FleetRow  # noqa: E402

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 МСК


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def offline_tiles() -> str:
    return f"http://127.0.0.1:{closed_port()}/{{z}}/{{x}}/{{y}}.png"


def fleet(
    n: int, *, lat0: float = 55.0, lon0: float = 37.0, step: float = 0.01, status: str = "ok"
) -> list[FleetRow]:
    rows = []
    for i in range(n):
        rows.append(
            FleetRow(
                phone=f"7900{i:07d}",
                status=status,
                title=f"Truck {i}",
                lat=lat0 + (i % 100) * step,
                lon=lon0 + (i // 100) * step,
                radius=800,
                fix_time=T0,
                place="Московская обл.",
                forecast="late" if i % 3 == 0 else "ok",
            )
        )
    return rows


def with_route(row: FleetRow) -> FleetRow:
    """``row`` with two route points (reached Тверь, then Великий Новгород, late)."""
    from dataclasses import replace

    info = ObjectInfo.model_validate(
        {
            "phone": row.phone,
            "status": row.status,
            "title": row.title,
            "destination": [
                {
                    "text": "Тверь",
                    "lat": 56.86,
                    "lon": 35.91,
                    "time": "26.11.2026 12:00",
                    "status": "finished",
                    "timestamp_finished": int(T0.timestamp()) + 7200,
                },
                {
                    "text": "Великий Новгород",
                    "lat": 58.52,
                    "lon": 31.27,
                    "time": "26.11.2026 18:00",
                    "status": "late",
                },
            ],
        }
    )
    assert len(info.destination) == 2
    return replace(row, details=info, distance_km=312.0, forecast_hours=4.5, forecast="late")


def positions(n: int, *, start: datetime = T0, every_s: int = 60) -> list[Position]:
    """``n`` fixes moving north-east, oldest first, one every ``every_s`` seconds."""
    return [
        Position(
            lat=55.0 + i * 0.001,
            lon=37.0 + i * 0.0015,
            timestamp=start + timedelta(seconds=i * every_s),
            radius=500,
            place="Москва",
        )
        for i in range(n)
    ]


class FakeLoader:
    """pos_list stand-in: newest first, paged by offset/limit; records every call."""

    def __init__(self, fixes: list[Position]) -> None:
        self.fixes = sorted(fixes, key=lambda p: p.timestamp, reverse=True)
        self.calls: list[dict[str, Any]] = []

    async def __call__(
        self, phone: str, *, start=None, end=None, offset: int = 0, limit: int | None = None
    ) -> list[Position]:
        self.calls.append(
            {"phone": phone, "start": start, "end": end, "offset": offset, "limit": limit}
        )
        size = limit or 1000
        return self.fixes[offset : offset + size]


def evaluate(qtbot, view, script: str, timeout: int = 5000) -> Any:
    """Run ``script`` in the map page and return its (JSON-decoded) result."""
    box: list[Any] = []
    view.evaluate(f"JSON.stringify({script})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return json.loads(box[0]) if isinstance(box[0], str) else box[0]


def state(qtbot, panel) -> dict[str, Any]:
    return evaluate(qtbot, panel.view, "mz.state()")


def wait_ready(qtbot, panel, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: panel.view.is_ready, timeout=timeout)


class TileServer:
    """A loopback tile server answering a grey PNG; records each request's headers."""

    def __init__(self) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage

        image = QImage(256, 256, QImage.Format.Format_RGB32)
        image.fill(QColor("#d8dcd0"))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        png = bytes(data.data())
        self.requests: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append({"path": self.path, **dict(self.headers.items())})
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> TileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def iter_remote_links(html: str) -> Iterator[str]:
    """Every <script src> and <link href> of the page that is not app:// or qrc:."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            url = (
                values.get("src")
                if tag == "script"
                else (values.get("href") if tag == "link" else None)
            )
            if url and not url.startswith(("app://", "qrc:")):
                found.append(url)

    Parser().feed(html)
    yield from found

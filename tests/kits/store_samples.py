"""Sample data for the store tests (server-shaped object_get answers → models → rows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from movizor_desktop.api.models import Event, ObjectInfo, Position
from movizor_desktop.fleet import FleetRow

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SECRET = "sk-TEST-7f3a9c1e5b2d-секрет"


def object_get(phone: str, n: int = 0) -> dict[str, Any]:
    """An object_get ``data`` block shaped as the real server sends it."""
    base = int(T0.timestamp())
    return {
        "phone": phone,
        "status": "ok",
        "confirmed": "1",
        "title": f"Иванов И.И. <Фура №{n}> & «Лтд»",
        "tariff": "manual" if n % 3 == 0 else str(n % 5),
        "tariff_new": None,
        "last_timestamp": str(base - 60 * n),
        "at_request": 0,
        "current_lat": f"{55.75 + n * 0.001:.6f}",
        "current_lon": 37.61 + n * 0.001,
        "place": "Москва, ул. Тверская, 1",
        "on_parking": "0",
        "distance": "123.5",
        "distance_forecast_time": 2.5,
        "distance_forecast_status": "ok",
        "destination": [
            {
                "text": "Казань, склад №2",
                "lat": 55.79,
                "lon": 49.12,
                "time": "26.11.2026 18:30",
                "timestamp_finished": 0,
                "status": "new",
            },
            {
                "text": "Екатеринбург",
                "lat": "56.84",
                "lon": "60.61",
                "time": base + 86400,
                "timestamp_finished": str(base - 10),
                "status": "finished",
            },
        ],
        "offline_time": 0,
        "pos_error": False,
        "timestamp_off": base + 30 * 86400,
        "timestamp_add": base - 86400,
        "metadata": {
            "Исполнитель": "Петров &amp; сыновья",
            "Заметка": "&lt;b&gt;срочно&lt;/b&gt;",
            "raw": "a &amp;amp; b",
            "quote": "&quot;кавычки&quot; &#39;x&#39;",
        },
        "tags": "север, рефрижератор ,",
        "package_prolong": "1",
        "schedule": {"sw1": "1", "sw2": 0, "sw5": True, "st": ["09:00", " 18:00", "09:00"]},
    }


def info(phone: str = "79210010203", n: int = 0) -> ObjectInfo:
    return ObjectInfo.model_validate(object_get(phone, n))


def row(phone: str = "79210010203", n: int = 0, *, details: bool = True) -> FleetRow:
    plain = FleetRow(
        phone=phone,
        status="ok",
        title=f"Машина {n}",
        tags=("a", "юг"),
        fix_time=T0 - timedelta(minutes=n),
        lat=55.0 + n / 1000,
        lon=37.0,
        radius=250,
        place="Тверь",
        distance_km=10.5,
        forecast_hours=1.25,
        forecast="late",
    )
    if not details:
        return plain
    return plain.with_details(info(phone, n), T0 + timedelta(seconds=n, microseconds=123))


def rows(count: int) -> list[FleetRow]:
    return [row(f"7921{i:07d}", i) for i in range(count)]


def position(minutes: int, lat: float = 55.7) -> Position:
    return Position.model_validate(
        {
            "lat": lat,
            "lon": 37.6,
            "timestamp": T0.timestamp() + 60 * minutes,
            "radius": "300",
            "place": "Химки",
            "distance": "12",
        }
    )


def event(event_id: int, phone: str = "79210010203", kind: str = "onparking") -> Event:
    return Event.model_validate(
        {"id": str(event_id), "timestamp": T0.timestamp() + event_id, "phone": phone, "type": kind}
    )

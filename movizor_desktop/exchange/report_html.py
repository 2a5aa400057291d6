"""Printable reports as HTML for ``QTextDocument``. No Qt.

The UI passes every text already translated; this module escapes them and lays them out
in the HTML subset Qt's rich-text engine understands (tables with ``<thead>``, which Qt
repeats at the top of every printed page, ``bgcolor``, ``cellpadding``, simple CSS).
Running page headers and page numbers are drawn by the printing code, not here.

It also holds the plan-against-fact arithmetic of a trip report (:func:`route_lines`):
for each route point the planned time, the actual arrival or (for the point the truck is
heading to) the forecast arrival, and the deviation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape

from ..api.models import Destination
from .text_safety import export_text

HEADER_BG = "#e8ecf2"
_RIGHT_TD = '<td align="right">'
_STYLE = """
body { font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11.5pt; margin: 10pt 0 3pt 0; }
p.sub { color: #444; margin: 0 0 6pt 0; }
p.note { color: #5f4300; background-color: #fff4d6; }
th { font-weight: bold; text-align: left; }
td.key { color: #444; }
"""


def _e(text: object) -> str:
    """Escaped for HTML; characters no document can hold (see :mod:`.text_safety`) become
    spaces and line breaks ``<br>``."""
    text = export_text("" if text is None else str(text))
    return escape(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def document(title: str, subtitle: str, body: Sequence[str]) -> str:
    """A whole page: heading, a grey line under it, then the blocks."""
    parts = [f"<h1>{_e(title)}</h1>"]
    if subtitle:
        parts.append(f'<p class="sub">{_e(subtitle)}</p>')
    parts.extend(body)
    return (
        '<html><head><meta charset="utf-8"><style>'
        + _STYLE
        + "</style></head><body>"
        + "\n".join(parts)
        + "</body></html>"
    )


def heading(text: str) -> str:
    return f"<h2>{_e(text)}</h2>"


def note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>'


def paragraph(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def grid(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, right: Sequence[int] = ()
) -> str:
    """A bordered table; ``right``: columns aligned right (numbers)."""
    aligned = set(right)
    head = "".join(f'<th bgcolor="{HEADER_BG}">{_e(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            (_RIGHT_TD if c in aligned else "<td>") + f"{_e(v)}</td>" for c, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    # No "border-collapse": Qt's layout of collapsed borders is about four times slower
    # (a 300-row list: 5 s against 1.2 s on a busy 2-core machine).
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        'style="border-color: #9aa3ad; border-style: solid;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def pairs(items: Sequence[tuple[str, str]]) -> str:
    """Label: value lines as a borderless two-column table (empty values skipped)."""
    rows = "".join(
        f'<tr><td class="key" width="28%">{_e(k)}</td><td>{_e(v)}</td></tr>' for k, v in items if v
    )
    return f'<table cellspacing="0" cellpadding="2" width="100%">{rows}</table>'


def image(url: str, width_px: int, caption: str = "") -> str:
    """An image from the document's resources (``QTextDocument.addResource``)."""
    text = f'<p><img src="{_e(url)}" width="{int(width_px)}"></p>'
    return text + (f'<p class="sub">{_e(caption)}</p>' if caption else "")


def list_report(
    title: str,
    subtitle: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    footer: str = "",
    right: Sequence[int] = (),
) -> str:
    """The subscriber list as printed: a heading and one table."""
    body = [grid(headers, rows, right=right)]
    if footer:
        body.append(f'<p class="sub">{_e(footer)}</p>')
    return document(title, subtitle, body)


# --- plan against fact ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RouteLine:
    number: int
    place: str
    lat: float | None
    lon: float | None
    planned: datetime | None
    arrived: datetime | None  # the actual arrival (point finished)
    forecast: datetime | None  # the forecast arrival, for the point being driven to
    status: str | None  # the service's point status: new / ok / late / finished

    @property
    def deviation(self) -> timedelta | None:
        """Actual (or forecast) minus planned; positive is late. None without both."""
        when = self.arrived or self.forecast
        if when is None or self.planned is None:
            return None
        return when - self.planned


def route_lines(
    points: Sequence[Destination], *, forecast_hours: float | None, forecast_from: datetime | None
) -> list[RouteLine]:
    """The route plan against the fact.

    Movizor's forecast (``distance_forecast_time``: hours from the last fix) is for the
    route's last point, so the forecast arrival ``forecast_from + hours`` is given to the
    last point when it is not reached yet; points already reached carry their
    ``timestamp_finished``.
    """
    lines = []
    last = len(points) - 1
    for i, p in enumerate(points):
        forecast = None
        if (
            i == last
            and p.timestamp_finished is None
            and forecast_hours is not None
            and forecast_from is not None
        ):
            forecast = forecast_from + timedelta(hours=float(forecast_hours))
        lines.append(
            RouteLine(i + 1, p.text, p.lat, p.lon, p.time, p.timestamp_finished, forecast, p.status)
        )
    return lines


__all__ = [
    "RouteLine",
    "document",
    "grid",
    "heading",
    "image",
    "list_report",
    "note",
    "pairs",
    "paragraph",
    "route_lines",
]

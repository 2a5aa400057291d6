"""Status and forecast badges: colour, glyph, translated text and a plain-words tooltip.

A badge is a filled pill with a small glyph and its text. Two tuned colour sets: on a
light palette, saturated dark fills with white text; on a dark palette (window darker than
its text), light fills with near-black text, so a pill neither glows nor sinks into a
dark table. Text on fill has a contrast ratio of at least 4.5:1 in both sets (checked by
tests/ui/test_icons_theme.py). ``Badge.color`` stays the light-set fill: the map draws
markers on light tiles whatever the window theme. The glyph keeps badges apart for
colour-blind users (check, clock, cross, ...).

Texts are looked up through Qt's translator at call time and cached per language.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

from ...api.codes import Forecast, Status

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclass(frozen=True, slots=True)
class Badge:
    key: str  # the API value, or "unknown"
    text: str
    tooltip: str
    color: QColor  # the fill on a light palette (and on the map)
    glyph: str  # check, clock, dot, cross, minus, pause, question, bang, flag, route
    dark_color: QColor | None = None  # the fill on a dark palette

    def colors(self, dark: bool = False) -> tuple[QColor, QColor]:
        """(fill, text and glyph colour) for a light or a dark palette."""
        if dark and self.dark_color is not None:
            return self.dark_color, DARK_TEXT
        return self.color, LIGHT_TEXT


LIGHT_TEXT = QColor("#ffffff")
DARK_TEXT = QColor("#111418")

# key -> fill on a dark palette (lighter tints of the same hues, for near-black text)
_DARK_FILL: dict[str, str] = {
    Status.NEW: "#8ab4f8",
    Status.WAIT: "#67d4e8",
    Status.OK: "#6fd08c",
    Status.OFF_NEW: "#b4bcc8",
    Status.OFF: "#9ca3af",
    Status.REJECTED: "#ff8f8f",
    Status.NO_CONFIRMED: "#fdba74",
    Status.ERROR: "#f87171",
    Status.WRONG: "#fb7ea0",
    Status.ERROR_EXISTS: "#d8a4f0",
    Status.LIMITED: "#fb9a5a",
    "unknown": "#b4bcc8",
}
_DARK_FORECAST_FILL: dict[str, str] = {
    Forecast.OK: "#6fd08c",
    Forecast.LATE: "#ff8f8f",
    Forecast.FINISHED: "#8ab4f8",
    Forecast.NEW: "#b4bcc8",
}


# key -> (colour, glyph); texts are in _status_texts (translated at call time)
_STATUS_STYLE: dict[str, tuple[str, str]] = {
    Status.NEW: ("#1f5fbf", "dot"),
    Status.WAIT: ("#0e7490", "clock"),
    Status.OK: ("#1b7a3a", "check"),
    Status.OFF_NEW: ("#5b6472", "pause"),
    Status.OFF: ("#4b5563", "minus"),
    Status.REJECTED: ("#c0262d", "cross"),
    Status.NO_CONFIRMED: ("#b1480a", "question"),
    Status.ERROR: ("#b91c1c", "bang"),
    Status.WRONG: ("#9f1239", "bang"),
    Status.ERROR_EXISTS: ("#8e24aa", "bang"),
    Status.LIMITED: ("#c2410c", "bang"),
    "unknown": ("#5b6472", "question"),
}

_FORECAST_STYLE: dict[str, tuple[str, str]] = {
    Forecast.OK: ("#1b7a3a", "check"),
    Forecast.LATE: ("#c0262d", "clock"),
    Forecast.FINISHED: ("#1f5fbf", "flag"),
    Forecast.NEW: ("#5b6472", "route"),
}


def _status_texts() -> dict[str, tuple[str, str]]:
    return {
        Status.NEW: (
            translate("Badges", "New"),
            translate(
                "Badges",
                "Just added. Movizor is asking the operator to send the driver an SMS "
                "requesting consent to be located.",
            ),
        ),
        Status.WAIT: (
            translate("Badges", "Awaiting consent"),
            translate(
                "Badges",
                "The driver received the consent SMS and has not answered yet. Tracking "
                "starts as soon as they agree.",
            ),
        ),
        Status.OK: (
            translate("Badges", "Active"),
            translate(
                "Badges",
                "The driver agreed: positions arrive by the tariff and can be requested "
                "at any time.",
            ),
        ),
        Status.OFF_NEW: (
            translate("Badges", "Switching off"),
            translate("Badges", "Being switched off. Tracking stops in a few minutes."),
        ),
        Status.OFF: (
            translate("Badges", "Off"),
            translate(
                "Badges",
                "Tracking is off (switched off by you or at the auto-off time). Reactivate "
                "to track again; delete it once more to remove it from the list.",
            ),
        ),
        Status.REJECTED: (
            translate("Badges", "Refused"),
            translate(
                "Badges",
                "The driver refused to be located. Reactivate to send the consent SMS "
                "again after talking to them.",
            ),
        ),
        Status.NO_CONFIRMED: (
            translate("Badges", "No answer"),
            translate(
                "Badges",
                "The driver did not answer the consent SMS in time. Call the driver, then "
                "add the number again.",
            ),
        ),
        Status.ERROR: (
            translate("Badges", "Error"),
            translate("Badges", "The operator could not connect this number to tracking."),
        ),
        Status.WRONG: (
            translate("Badges", "Unsupported"),
            translate("Badges", "This number's mobile operator is not supported by Movizor."),
        ),
        Status.ERROR_EXISTS: (
            translate("Badges", "Tracked elsewhere"),
            translate(
                "Badges",
                "This number is already located by another company through the operator; "
                "the operator allows only one.",
            ),
        ),
        Status.LIMITED: (
            translate("Badges", "Restricted"),
            translate(
                "Badges",
                "The driver's line has a restriction (blocked, barred services or a "
                "child/corporate limit), so the operator will not locate it.",
            ),
        ),
    }


def _forecast_texts() -> dict[str, tuple[str, str]]:
    return {
        Forecast.OK: (
            translate("Badges", "On time"),
            translate("Badges", "Expected to reach the destination on time."),
        ),
        Forecast.LATE: (
            translate("Badges", "Late"),
            translate(
                "Badges",
                "At the current pace the driver will reach the destination after the planned time.",
            ),
        ),
        Forecast.FINISHED: (
            translate("Badges", "Arrived"),
            translate("Badges", "The driver reached the final destination."),
        ),
        Forecast.NEW: (
            translate("Badges", "Route set"),
            translate("Badges", "A route is set; the forecast appears after the next positions."),
        ),
    }


_cache: dict[tuple[str, str, str], Badge | None] = {}


def reset_cache() -> None:
    """Forget translated texts (they are kept per language; this only frees them)."""
    _cache.clear()


def _language() -> str:
    """A word of the current catalogue: the language part of a cache key (a Russian badge
    never survives a switch to English)."""
    return translate("Badges", "Unknown")


def status_badge(status: str | None) -> Badge:
    """The badge of a subscriber status; any value the app does not know is "unknown"."""
    key = status or ""
    cached = _cache.get(("s", key, _language()))
    if cached is not None:
        return cached
    texts = _status_texts()
    if key in texts:
        text, tip = texts[key]
        colour, glyph = _STATUS_STYLE[key]
        badge = Badge(key, text, tip, QColor(colour), glyph, QColor(_DARK_FILL[key]))
    else:
        colour, glyph = _STATUS_STYLE["unknown"]
        tip = (
            translate(
                "Badges", "Movizor reported a status this version does not know: “{status}”."
            ).format(status=key)
            if key
            else translate("Badges", "The status is not known yet.")
        )
        badge = Badge(
            "unknown",
            translate("Badges", "Unknown"),
            tip,
            QColor(colour),
            glyph,
            QColor(_DARK_FILL["unknown"]),
        )
    _cache[("s", key, _language())] = badge
    return badge


def forecast_badge(forecast: str | None) -> Badge | None:
    """The badge of an arrival forecast (ok / late / finished / new); None when none."""
    if not forecast:
        return None
    key = ("f", forecast, _language())
    if key in _cache:
        return _cache[key]
    texts = _forecast_texts()
    badge = None
    if forecast in texts:
        text, tip = texts[forecast]
        colour, glyph = _FORECAST_STYLE[forecast]
        badge = Badge(
            forecast, text, tip, QColor(colour), glyph, QColor(_DARK_FORECAST_FILL[forecast])
        )
    _cache[key] = badge
    return badge


# --- painting -----------------------------------------------------------------------------


def paint_glyph(painter: QPainter, glyph: str, rect: QRectF, color: QColor) -> None:
    """A small vector glyph centred in ``rect`` (crisp at any device pixel ratio)."""
    s = min(rect.width(), rect.height())
    c = rect.center()
    r = s / 2
    pen = QPen(
        color,
        max(1.2, s / 7),
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y = c.x(), c.y()
    if glyph == "check":
        path = QPainterPath(QPointF(x - r * 0.7, y + r * 0.05))
        path.lineTo(x - r * 0.2, y + r * 0.55)
        path.lineTo(x + r * 0.75, y - r * 0.55)
        painter.drawPath(path)
    elif glyph == "cross":
        d = r * 0.6
        painter.drawLine(QPointF(x - d, y - d), QPointF(x + d, y + d))
        painter.drawLine(QPointF(x - d, y + d), QPointF(x + d, y - d))
    elif glyph == "clock":
        painter.drawEllipse(c, r * 0.8, r * 0.8)
        painter.drawLine(c, QPointF(x, y - r * 0.5))
        painter.drawLine(c, QPointF(x + r * 0.4, y))
    elif glyph == "minus":
        painter.drawLine(QPointF(x - r * 0.65, y), QPointF(x + r * 0.65, y))
    elif glyph == "pause":
        painter.drawLine(QPointF(x - r * 0.3, y - r * 0.6), QPointF(x - r * 0.3, y + r * 0.6))
        painter.drawLine(QPointF(x + r * 0.3, y - r * 0.6), QPointF(x + r * 0.3, y + r * 0.6))
    elif glyph == "bang":
        painter.drawLine(QPointF(x, y - r * 0.75), QPointF(x, y + r * 0.2))
        painter.drawPoint(QPointF(x, y + r * 0.7))
    elif glyph == "question":
        path = QPainterPath(QPointF(x - r * 0.5, y - r * 0.35))
        path.cubicTo(
            x - r * 0.5, y - r * 0.95, x + r * 0.55, y - r * 0.95, x + r * 0.5, y - r * 0.35
        )
        path.cubicTo(x + r * 0.45, y, x, y - r * 0.05, x, y + r * 0.25)
        painter.drawPath(path)
        painter.drawPoint(QPointF(x, y + r * 0.75))
    elif glyph == "flag":
        painter.drawLine(QPointF(x - r * 0.5, y + r * 0.8), QPointF(x - r * 0.5, y - r * 0.8))
        path = QPainterPath(QPointF(x - r * 0.5, y - r * 0.8))
        path.lineTo(x + r * 0.7, y - r * 0.45)
        path.lineTo(x - r * 0.5, y - r * 0.1)
        painter.drawPath(path)
    elif glyph == "route":
        painter.drawEllipse(QPointF(x - r * 0.5, y + r * 0.45), r * 0.25, r * 0.25)
        painter.drawEllipse(QPointF(x + r * 0.5, y - r * 0.45), r * 0.25, r * 0.25)
        painter.drawLine(QPointF(x - r * 0.3, y + r * 0.3), QPointF(x + r * 0.3, y - r * 0.3))
    else:  # dot
        painter.setBrush(color)
        painter.drawEllipse(c, r * 0.35, r * 0.35)
    painter.restore()


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """True for a dark palette: the view background darker than its text."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return (
        pal.color(QPalette.ColorRole.Base).lightnessF()
        < pal.color(QPalette.ColorRole.Text).lightnessF()
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def badge_icon(badge: Badge, size: int = 16, dpr: float = 2.0, dark: bool | None = None) -> QIcon:
    """A round icon of the badge (for buttons and menus), for the current palette."""
    fill, ink = badge.colors(palette_is_dark() if dark is None else dark)
    pixmap = QPixmap(int(size * dpr), int(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    paint_glyph(painter, badge.glyph, QRectF(3, 3, size - 6, size - 6), ink)
    painter.end()
    return QIcon(pixmap)


STATUS_KEYS: tuple[str, ...] = tuple(s.value for s in Status)

__all__ = [
    "DARK_TEXT",
    "LIGHT_TEXT",
    "STATUS_KEYS",
    "Badge",
    "badge_icon",
    "contrast_ratio",
    "forecast_badge",
    "paint_glyph",
    "palette_is_dark",
    "reset_cache",
    "status_badge",
]

"""Status and forecast badges: colour, glyph, translated text and a plain-words tooltip.

A badge is a filled pill with white text and a small white glyph. The fills are dark
enough for white text (contrast >= 4.5:1) and saturated enough to stand out on both a
light and a dark window background, so one set of colours serves both palettes. The
glyph keeps badges apart for colour-blind users (check, clock, cross, ...).

Texts are looked up through Qt's translator at call time and cached until
:func:`reset_cache` (on a language change).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ...api.codes import Forecast, Status

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclass(frozen=True, slots=True)
class Badge:
    key: str  # the API value, or "unknown"
    text: str
    tooltip: str
    color: QColor
    glyph: str  # check, clock, dot, cross, minus, pause, question, bang, flag, route


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


_cache: dict[tuple[str, str], Badge | None] = {}


def reset_cache() -> None:
    """Forget translated texts (call after the UI language changed)."""
    _cache.clear()


def status_badge(status: str | None) -> Badge:
    """The badge of a subscriber status; any value the app does not know is "unknown"."""
    key = status or ""
    cached = _cache.get(("s", key))
    if cached is not None:
        return cached
    texts = _status_texts()
    if key in texts:
        text, tip = texts[key]
        colour, glyph = _STATUS_STYLE[key]
        badge = Badge(key, text, tip, QColor(colour), glyph)
    else:
        colour, glyph = _STATUS_STYLE["unknown"]
        tip = (
            translate(
                "Badges", "Movizor reported a status this version does not know: “{status}”."
            ).format(status=key)
            if key
            else translate("Badges", "The status is not known yet.")
        )
        badge = Badge("unknown", translate("Badges", "Unknown"), tip, QColor(colour), glyph)
    _cache[("s", key)] = badge
    return badge


def forecast_badge(forecast: str | None) -> Badge | None:
    """The badge of an arrival forecast (ok / late / finished / new); None when none."""
    if not forecast:
        return None
    key = ("f", forecast)
    if key in _cache:
        return _cache[key]
    texts = _forecast_texts()
    badge = None
    if forecast in texts:
        text, tip = texts[forecast]
        colour, glyph = _FORECAST_STYLE[forecast]
        badge = Badge(forecast, text, tip, QColor(colour), glyph)
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


def badge_icon(badge: Badge, size: int = 16, dpr: float = 2.0) -> QIcon:
    """A round icon of the badge (for buttons and menus)."""
    pixmap = QPixmap(int(size * dpr), int(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(badge.color)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    paint_glyph(painter, badge.glyph, QRectF(3, 3, size - 6, size - 6), QColor("white"))
    painter.end()
    return QIcon(pixmap)


STATUS_KEYS: tuple[str, ...] = tuple(s.value for s in Status)

__all__ = [
    "STATUS_KEYS",
    "Badge",
    "badge_icon",
    "forecast_badge",
    "paint_glyph",
    "reset_cache",
    "status_badge",
]

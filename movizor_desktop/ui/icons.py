"""The app's action icons: monochrome SVGs tinted with the palette, crisp at any DPI.

The drawings live in ``resources/icons/actions/<name>.svg`` (24×24 line art drawn with
``stroke="currentColor"``, MIT like the project). :func:`icon` returns a QIcon whose
engine (:class:`TintedSvgEngine`) renders the drawing *when it is painted*, with the
application palette of that moment — window text for the normal state, a faded version of
it when disabled, the highlighted text colour when selected — at the device pixel ratio
asked for. So a dark palette gets light icons, a HiDPI screen gets sharp ones, and a
theme change at run time (light ↔ dark) re-tints every icon on the next repaint without
anybody re-setting it. Rendered pixmaps are cached per (name, size, ratio, colour).
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..resources import resources_dir

NAMES = (
    "add",
    "edit",
    "request_position",
    "delete",
    "reactivate",
    "cancel_tariff",
    "refresh",
    "connection",
    "quit",
    "map",
    "track",
    "export",
    "import",
    "share",
    "alerts",
    "help",
    "about",
    "keyboard",
    "events",
    "copy",
    "map_window",
)
_CACHE_LIMIT = 1024
_pixmaps: dict[tuple[str, int, int, float, int], QPixmap] = {}


def icons_dir() -> Path:
    return resources_dir() / "icons" / "actions"


@cache
def svg_source(name: str) -> str:
    """The SVG text of an action icon; KeyError for a name that has no drawing."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} in {icons_dir()}")
    return path.read_text(encoding="utf-8")


def tinted_svg(name: str, color: QColor) -> bytes:
    """The drawing with ``currentColor`` replaced by ``color`` (its RGB; alpha is applied
    when rendering)."""
    return (
        svg_source(name)
        .replace("currentColor", color.name(QColor.NameFormat.HexRgb))
        .encode("utf-8")
    )


@lru_cache(maxsize=256)
def _renderer(name: str, rgb: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(tinted_svg(name, QColor(rgb))))


def render(name: str, color: QColor, size: QSize | int, dpr: float = 1.0) -> QPixmap:
    """One tinted pixmap of ``size`` logical pixels at device pixel ratio ``dpr``."""
    logical = QSize(size, size) if isinstance(size, int) else QSize(size)
    key = (name, logical.width(), logical.height(), round(dpr, 3), color.rgba())
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    width = max(1, round(logical.width() * dpr))
    height = max(1, round(logical.height() * dpr))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    side = min(width, height)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setOpacity(color.alphaF())
    _renderer(name, color.name(QColor.NameFormat.HexRgb)).render(
        painter, QRectF((width - side) / 2, (height - side) / 2, side, side)
    )
    painter.end()
    pixmap.setDevicePixelRatio(dpr)
    if len(_pixmaps) >= _CACHE_LIMIT:
        _pixmaps.clear()
    _pixmaps[key] = pixmap
    return pixmap


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (a dark theme)."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return (
        pal.color(QPalette.ColorRole.Window).lightnessF()
        < pal.color(QPalette.ColorRole.WindowText).lightnessF()
    )


def tint(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in, in ``mode``, for ``palette`` (the application's)."""
    pal = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Selected:
        return pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    colour = QColor(pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
    if mode == QIcon.Mode.Disabled:
        colour.setAlphaF(0.5 if is_dark(pal) else 0.4)
    return colour


class TintedSvgEngine(QIconEngine):
    """Renders one action SVG in the palette's colours at paint time."""

    def __init__(self, name: str) -> None:
        super().__init__()
        svg_source(name)  # fail early on a wrong name
        self.name = name

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.name)

    def key(self) -> str:
        return "TintedSvgEngine"

    def iconName(self) -> str:
        return self.name

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        return render(self.name, tint(mode), size, scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, dpr))


def icon(name: str) -> QIcon:
    """The action icon ``name`` (one of :data:`NAMES`), tinted by the current palette."""
    return QIcon(TintedSvgEngine(name))


__all__ = [
    "NAMES",
    "TintedSvgEngine",
    "icon",
    "icons_dir",
    "is_dark",
    "render",
    "svg_source",
    "tint",
    "tinted_svg",
]

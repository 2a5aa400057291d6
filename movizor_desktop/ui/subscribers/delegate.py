"""Painting of status and forecast badges (and the request spinner) in table cells.

The colours follow the view's palette (light or dark set, see :mod:`.badges`); a palette
or theme change repaints the view and so the badges.

Badges are drawn as antialiased vectors into a pixmap made at the view's device pixel
ratio, cached per (badge, font, height, ratio) and blitted 1:1: crisp on HiDPI, and a
repaint of the table costs one drawPixmap per badge cell.
"""

from __future__ import annotations

import math
import time
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .badges import Badge, paint_glyph, palette_is_dark
from .model import BADGE_ROLE, BUSY_ROLE

_PAD_X = 6.0
_GAP = 4.0
_MARGIN = 4.0


def badge_width(badge: Badge, metrics: QFontMetricsF) -> float:
    glyph = metrics.height() * 0.75
    return _PAD_X * 2 + glyph + _GAP + metrics.horizontalAdvance(badge.text)


def paint_badge(
    painter: QPainter, rect: QRectF, badge: Badge, metrics: QFontMetricsF, dark: bool = False
) -> float:
    """Paint ``badge`` left-aligned and vertically centred in ``rect``; returns its width.

    ``dark``: use the dark-palette colours (light fill, dark text).
    """
    fill, ink = badge.colors(dark)
    height = min(rect.height() - 4.0, metrics.height() + 4.0)
    width = min(badge_width(badge, metrics), rect.width())
    pill = QRectF(rect.left(), rect.center().y() - height / 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    glyph = metrics.height() * 0.75
    glyph_rect = QRectF(pill.left() + _PAD_X, pill.center().y() - glyph / 2, glyph, glyph)
    paint_glyph(painter, badge.glyph, glyph_rect, ink)
    text_rect = QRectF(
        glyph_rect.right() + _GAP,
        pill.top(),
        pill.right() - glyph_rect.right() - _GAP - _PAD_X / 2,
        pill.height(),
    )
    painter.setPen(ink)
    text = metrics.elidedText(badge.text, Qt.TextElideMode.ElideRight, text_rect.width())
    painter.drawText(
        text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
    )
    painter.restore()
    return width


def paint_spinner(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A rotating arc (its angle follows the clock; the view repaints it on a timer)."""
    size = min(rect.width(), rect.height())
    box = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2, size, size)
    box.adjust(1.5, 1.5, -1.5, -1.5)
    angle = int((time.monotonic() * 360) % 360)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(color, max(1.5, size / 8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawArc(box, -angle * 16, 270 * 16)
    painter.restore()


_pixmaps: dict[tuple[Any, ...], QPixmap] = {}


def badge_pixmap(
    badge: Badge, font: QFont, height: float, dpr: float, dark: bool = False
) -> QPixmap:
    """The badge rendered once per font, height, device pixel ratio and palette kind."""
    fill, _ink = badge.colors(dark)
    key = (badge.key, badge.text, fill.rgba(), badge.glyph, font.key(), height, dpr, dark)
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        metrics = QFontMetricsF(font)
        width = badge_width(badge, metrics)
        pixmap = QPixmap(math.ceil(width * dpr), math.ceil(height * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(font)
        paint_badge(painter, QRectF(0, 0, width, height), badge, metrics, dark)
        painter.end()
        if len(_pixmaps) > 512:
            _pixmaps.clear()
        _pixmaps[key] = pixmap
    return pixmap


class BadgeDelegate(QStyledItemDelegate):
    """Paints the Badge of BADGE_ROLE; in the status column, a spinner while busy.

    The hot path reads two roles and draws one cached pixmap: no ``initStyleOption``
    (which asks the model for every role) and no vector work per cell.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            group = (
                QPalette.ColorGroup.Active
                if state & QStyle.StateFlag.State_Active
                else QPalette.ColorGroup.Inactive
            )
            painter.fillRect(option.rect, option.palette.brush(group, QPalette.ColorRole.Highlight))
        rect = QRectF(option.rect).adjusted(_MARGIN, 1, -_MARGIN, -1)
        busy = index.data(BUSY_ROLE)
        if busy:
            self._paint_busy(painter, option, rect, str(busy), selected)
            return
        badge = index.data(BADGE_ROLE)
        if badge is None:
            return
        metrics = QFontMetricsF(option.font)
        height = min(rect.height() - 2.0, metrics.height() + 4.0)
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = badge_pixmap(badge, option.font, height, dpr, palette_is_dark(option.palette))
        top = rect.center().y() - height / 2
        width = min(pixmap.width() / dpr, rect.width())
        painter.drawPixmap(
            QRectF(rect.left(), top, width, height), pixmap, QRectF(0, 0, width * dpr, height * dpr)
        )

    @staticmethod
    def _paint_busy(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, text: str, selected: bool
    ) -> None:
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(role)
        metrics = QFontMetricsF(option.font)
        size = metrics.height()
        paint_spinner(painter, QRectF(rect.left(), rect.center().y() - size / 2, size, size), color)
        painter.save()
        painter.setPen(color)
        text_rect = rect.adjusted(size + _GAP, 0, 0, 0)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        badge = index.data(BADGE_ROLE)
        metrics = QFontMetricsF(option.font)
        height = math.ceil(metrics.height() + 8)
        if badge is None:
            return QSize(0, height)
        return QSize(math.ceil(badge_width(badge, metrics) + 2 * _MARGIN), height)


__all__ = ["BadgeDelegate", "badge_pixmap", "badge_width", "paint_badge", "paint_spinner"]

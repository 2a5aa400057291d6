"""Badges, event names and formatting: every status and event type reads as words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from movizor_desktop.api.codes import EVENT_TYPES, Status
from movizor_desktop.api.models import Event
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui import formatting as fmt
from movizor_desktop.ui.events_panel import EventsModel, event_texts
from movizor_desktop.ui.subscribers.badges import (
    badge_icon,
    forecast_badge,
    paint_glyph,
    status_badge,
)
from movizor_desktop.ui.subscribers.delegate import BadgeDelegate
from movizor_desktop.ui.subscribers.model import STATUS, SubscriberModel

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def test_every_status_has_a_readable_badge(qapp) -> None:
    badges = [status_badge(s.value) for s in Status]
    assert len({b.text for b in badges}) == len(badges)  # all different words
    for badge in badges:
        assert badge.text and len(badge.tooltip) > 30
        assert badge.key != "unknown"
        contrast = 1.05 / (_luminance(badge.color) + 0.05)  # white text on the fill
        assert contrast >= 4.5, (badge.key, contrast)
    odd = status_badge("suspended_by_operator")
    assert odd.key == "unknown" and "suspended_by_operator" in odd.tooltip
    assert status_badge("").key == "unknown"


def test_forecast_badges(qapp) -> None:
    texts = {f: forecast_badge(f).text for f in ("ok", "late", "finished")}
    assert texts == {"ok": "On time", "late": "Late", "finished": "Arrived"}
    assert forecast_badge(None) is None and forecast_badge("bogus") is None


def test_glyphs_paint_into_a_hidpi_image(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2.0)
    for glyph in (
        "check",
        "cross",
        "clock",
        "minus",
        "pause",
        "bang",
        "question",
        "flag",
        "route",
        "dot",
    ):
        image.fill(QColor("black"))
        painter = QPainter(image)
        paint_glyph(painter, glyph, QRectF(2, 2, 28, 28), QColor("white"))
        painter.end()
        assert any(image.pixelColor(x, y).red() > 200 for x in range(64) for y in range(64))
    assert not badge_icon(status_badge("ok")).isNull()


def test_delegate_size_hint_fits_the_badge(qapp) -> None:
    model = SubscriberModel(now=lambda: NOW)
    model.set_rows([FleetRow(phone="79210010203", status="wait")])
    view = QTableView()
    view.setModel(model)
    delegate = BadgeDelegate(view)
    option = QStyleOptionViewItem()
    option.font = view.font()
    hint = delegate.sizeHint(option, model.index(0, STATUS))
    assert hint.width() > view.fontMetrics().horizontalAdvance("Awaiting consent")


def test_all_event_types_have_names(qapp) -> None:
    texts = event_texts()
    assert set(EVENT_TYPES) <= set(texts)
    names = [texts[t][0] for t in EVENT_TYPES]
    assert len(set(names)) == len(EVENT_TYPES)
    assert all(name and name != t for name, t in zip(names, EVENT_TYPES, strict=True))
    assert all(texts[t][1] for t in EVENT_TYPES)


def test_events_model_newest_first_without_duplicates(qtbot, qapp) -> None:
    model = EventsModel(title_of=lambda phone: {"79210010203": "Рейс 1"}.get(phone, phone))
    model.set_events([Event(id=1, timestamp=NOW, phone="79210010203", type="confirm")])
    inserted = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.add_events(
        [
            Event(id=3, timestamp=NOW + timedelta(minutes=2), phone="79990000000", type="pos_late"),
            Event(id=2, timestamp=NOW + timedelta(minutes=1), phone="79210010203", type="mystery"),
            Event(id=1, timestamp=NOW, phone="79210010203", type="confirm"),
        ]
    )
    assert inserted == [(0, 1)]
    assert [model.event_at(r).id for r in range(model.rowCount())] == [3, 2, 1]
    assert model.index(0, 1).data() == "Running late"
    assert model.index(1, 1).data() == "mystery"  # unknown types show as they are
    assert model.index(2, 2).data() == "Рейс 1"
    assert model.index(0, 2).data() == "79990000000"


def test_relative_times() -> None:
    assert fmt.relative_time(NOW - timedelta(seconds=20), NOW) == "just now"
    assert fmt.relative_time(NOW - timedelta(minutes=12), NOW) == "12 min ago"
    assert fmt.relative_time(NOW - timedelta(hours=3, minutes=5), NOW) == "3 h ago"
    assert fmt.relative_time(NOW - timedelta(days=2), NOW) == "2 d ago"
    assert fmt.relative_time(NOW - timedelta(days=30), NOW) == "27.10.2026"
    assert fmt.relative_time(None, NOW) == ""


def test_msk_money_and_distances(qapp) -> None:
    assert fmt.msk_datetime(NOW) == "26.11.2026 12:00 MSK"
    assert fmt.msk_clock(NOW) == "12:00 MSK"
    ru = fmt.locale_for("ru")
    assert fmt.money(Decimal("4765.5"), ru).replace("\xa0", " ") == "4 765,50 ₽"
    assert fmt.km(1044.0, QLocale(QLocale.Language.English)) == "1,044 km"
    assert fmt.km(8.46, ru) == "8,5 km"
    assert fmt.metres(790) == "±790 m"
    assert fmt.duration_hours(3.5) == "3 h 30 min"
    assert fmt.duration_seconds(185) == "3:05"

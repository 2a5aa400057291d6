"""How numbers, times and money read to a dispatcher, in the user's language.

Every text goes through Qt's translator (context ``Formatting``); placeholders are named
in the source string and filled after translation. Times of the Movizor world are shown
in Moscow time with an explicit "MSK" mark (the service plans routes and switches tariffs
at 00:00 МСК); where a dispatcher plans by them (route times, auto-off, tariff switches)
:func:`msk_with_local` adds the computer's own time when its zone differs. Relative
times ("12 min ago") are computed against a ``now`` the caller passes so a table can
refresh them all at once. Numbers and money use the QLocale of the chosen language.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from .. import clock
from ..api.encoding import to_msk
from ..clock import local_zone

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def locale_for(lang: str | None = None) -> QLocale:
    """The QLocale for a UI language code (``ru``/``en``); the default locale otherwise."""
    if lang and lang.lower().startswith("ru"):
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    if lang and lang.lower().startswith("en"):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale()


# --- times ------------------------------------------------------------------------------


def relative_time(moment: datetime | None, now: datetime | None = None) -> str:
    """ "just now", "12 min ago", "3 h ago", "2 d ago"; a date after a week; "" for None."""
    if moment is None:
        return ""
    now = now or clock.now()
    seconds = (now - moment).total_seconds()
    if seconds < 60:  # includes small clock skew into the future
        if seconds < -120:
            return msk_datetime(moment)
        return translate("Formatting", "just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        return translate("Formatting", "{n} min ago").format(n=minutes)
    hours = minutes // 60
    if hours < 24:
        return translate("Formatting", "{n} h ago").format(n=hours)
    days = hours // 24
    if days < 7:
        return translate("Formatting", "{n} d ago").format(n=days)
    return msk_date(moment)


def msk_datetime(moment: datetime | None, *, seconds: bool = False) -> str:
    """``26.11.2026 12:05 MSK`` (translated mark)."""
    if moment is None:
        return ""
    fmt = "%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M"
    return translate("Formatting", "{time} MSK").format(time=to_msk(moment).strftime(fmt))


def msk_clock(moment: datetime | None) -> str:
    """``12:05 MSK``."""
    if moment is None:
        return ""
    return translate("Formatting", "{time} MSK").format(time=to_msk(moment).strftime("%H:%M"))


def msk_with_local(
    moment: datetime | None, *, date: bool = True, local_tz: tzinfo | None = None
) -> str:
    """Moscow time with the computer's local time beside it when that zone differs.

    ``26.11.2026 14:30 MSK (12:30 local)``; the local part carries its date when that
    differs (``27.11.2026 00:00 MSK (26.11 22:00 local)``). Just ``… MSK`` where the local
    zone is Moscow's offset at that moment. ``date=False``: ``14:30 MSK (12:30 local)``.
    """
    if moment is None:
        return ""
    msk = to_msk(moment)
    text = msk_datetime(msk) if date else msk_clock(msk)
    local = msk.astimezone(local_tz or local_zone())
    if local.utcoffset() == msk.utcoffset():
        return text
    local_text = (
        local.strftime("%H:%M") if local.date() == msk.date() else local.strftime("%d.%m %H:%M")
    )
    return translate("Formatting", "{msk} ({local} local)").format(msk=text, local=local_text)


def msk_date(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return to_msk(moment).strftime("%d.%m.%Y")


def duration_hours(hours: float | None) -> str:
    """A forecast time left: ``3 h 20 min``, ``45 min``; "" for None."""
    if hours is None or hours < 0:
        return ""
    total = round(hours * 60)
    h, m = divmod(total, 60)
    if h and m:
        return translate("Formatting", "{hours} h {minutes} min").format(hours=h, minutes=m)
    if h:
        return translate("Formatting", "{hours} h").format(hours=h)
    return translate("Formatting", "{minutes} min").format(minutes=m)


def number(value: int | float | Decimal, decimals: int = 0, locale: QLocale | None = None) -> str:
    """``1 234`` / ``1 234,5`` (ru) or ``1,234`` (en): the locale's digit grouping."""
    loc = locale or QLocale()
    if decimals == 0:
        return loc.toString(round(value))
    return loc.toString(float(value), "f", decimals)


def duration_seconds(seconds: float) -> str:
    """An elapsed time: ``0:42``, ``3:05``."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


# --- distances, coordinates, money -------------------------------------------------------


def km(value: float | None, locale: QLocale | None = None) -> str:
    """``1 044 km`` / ``8.5 km`` in the locale's digits; "" for None."""
    if value is None:
        return ""
    loc = locale or QLocale()
    digits = 0 if abs(value) >= 10 else 1
    return translate("Formatting", "{km} km").format(km=loc.toString(float(value), "f", digits))


def metres(value: int | float | None, locale: QLocale | None = None) -> str:
    """An LBS radius: ``±790 m`` or ``±4.3 km``."""
    if value is None:
        return ""
    loc = locale or QLocale()
    if value >= 1000:
        return translate("Formatting", "±{km} km").format(km=loc.toString(value / 1000, "f", 1))
    return translate("Formatting", "±{m} m").format(m=loc.toString(round(value)))


def coordinates(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return ""
    return f"{lat:.6f}, {lon:.6f}"


_PLACE_KM = re.compile(r"\((\d+(?:[.,]\d+)?)\s*км\)\s*$")


def place_text(place: str | None, locale: QLocale | None = None) -> str:
    """A place as Movizor names it, its distance in the UI's language: the server's
    ``Тверь (46 км)`` reads ``Тверь (46 km)`` in English (the name stays Movizor's)."""
    if not place:
        return ""
    match = _PLACE_KM.search(place)
    if match is None:
        return place
    distance = float(match.group(1).replace(",", "."))
    return f"{place[: match.start()]}({km(distance, locale)})"


def money(amount: Decimal | float | int | None, locale: QLocale | None = None) -> str:
    """``476,50 ₽`` (ru) / ``₽476.50`` (en); "" for None."""
    if amount is None:
        return ""
    loc = locale or QLocale()
    return loc.toCurrencyString(float(amount), "₽", 2)


def tags_text(tags: tuple[str, ...] | list[str]) -> str:
    return ", ".join(tags)


__all__ = [
    "coordinates",
    "duration_hours",
    "duration_seconds",
    "km",
    "local_zone",
    "locale_for",
    "metres",
    "money",
    "msk_clock",
    "msk_date",
    "msk_datetime",
    "msk_with_local",
    "number",
    "place_text",
    "relative_time",
    "tags_text",
    "translate",
]

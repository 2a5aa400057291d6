"""What the subscriber table's cells say: tariff names, phone display, search text and
column headers (translated in the ``SubscriberModel`` context)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ...api.models import Balance
from ...api.phones import format_phone
from ...api.tariffs import MANUAL_WORD, TariffBook
from ...fleet import FleetRow
from .. import formatting as fmt
from ..tariff_names import tariff_display_name
from .badges import forecast_badge, status_badge
from .sorting import FIX, FORECAST, KM, PHONE, PLACE, STATUS, TAGS, TARIFF, TITLE

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


_tariff_names: dict[tuple[int, str, str], tuple[Balance | None, str]] = {}


def tariff_name(tariff: str | None, balance: Balance | None) -> str:
    """The tariff's name in the UI's language when the app knows it (the account's price
    table says which is the manual tariff and the package; the word ``manual`` is the
    manual one), else the price table's title (:func:`~..tariff_names.tariff_display_name`).
    """
    if tariff is None:
        return ""
    # the language is part of the key (a word of the current catalogue stands for it)
    key = (id(balance), tariff, translate("Tariffs", "Manual requests"))
    cached = _tariff_names.get(key)
    if cached is not None and cached[0] is balance:  # the same object, not a reused id
        return cached[1]
    book = TariffBook.from_balance(balance)
    title = balance.tariff_title(tariff) if balance is not None else ""
    name = tariff_display_name(
        tariff,
        title,
        manual=tariff == MANUAL_WORD or book.is_manual(tariff),
        package=book.is_package(tariff),
    )
    if len(_tariff_names) > 256:
        _tariff_names.clear()
    _tariff_names[key] = (balance, name)
    return name


def display_phone(msisdn: str) -> str:
    """``+7 921 001-02-03``: what ``format_phone`` gives for a Russian MSISDN, without
    parsing it again (phonenumbers costs ~0.3 ms a number: seconds for a big fleet)."""
    if len(msisdn) == 11 and msisdn[0] == "7" and msisdn.isdigit():
        return f"+7 {msisdn[1:4]} {msisdn[4:7]}-{msisdn[7:9]}-{msisdn[9:]}"
    return format_phone(msisdn)


def search_text(row: FleetRow, phone_text: str) -> str:
    """What the search box matches: phone (both forms), title, tags, place."""
    return " ".join((row.phone, phone_text, row.title, " ".join(row.tags), row.place)).casefold()


def column_titles() -> list[str]:
    return [
        translate("SubscriberModel", "Phone"),
        translate("SubscriberModel", "Name"),
        translate("SubscriberModel", "Status"),
        translate("SubscriberModel", "Tariff"),
        translate("SubscriberModel", "Last fix"),
        translate("SubscriberModel", "Place"),
        translate("SubscriberModel", "Km left"),
        translate("SubscriberModel", "Forecast"),
        translate("SubscriberModel", "Tags"),
    ]


def column_headers() -> list[str]:
    """The list's header texts: the titles, with a shorter word where a long one would
    widen its column beyond its values (exports keep :func:`column_titles`)."""
    titles = column_titles()
    titles[FIX] = translate("SubscriberModel", "Last fix", "list column header, short")
    return titles


def column_tips() -> list[str]:
    return [
        translate("SubscriberModel", "The driver's mobile number"),
        translate("SubscriberModel", "Name or trip given when adding"),
        translate("SubscriberModel", "Tracking status at the operator"),
        translate("SubscriberModel", "How often positions are taken"),
        translate(
            "SubscriberModel", "When the last position was determined (Moscow time in the tooltip)"
        ),
        translate("SubscriberModel", "Where the last position was"),
        translate("SubscriberModel", "Kilometres left to the destination"),
        translate("SubscriberModel", "Arrival forecast for the route"),
        translate("SubscriberModel", "Tags for grouping and filtering"),
    ]


def cell_text(row: FleetRow, c: int, balance: Balance | None, now: datetime) -> str:
    """The text of column ``c`` (the phone column is the model's: it caches it)."""
    if c == PHONE:
        return display_phone(row.phone)
    if c == TITLE:
        return row.title
    if c == STATUS:
        return status_badge(row.status).text
    if c == TARIFF:
        name = tariff_name(row.tariff, balance)
        if row.tariff_new and row.tariff_new != row.tariff:
            return f"{name} → {tariff_name(row.tariff_new, balance)}"
        return name
    if c == FIX:
        return fmt.relative_time(row.fix_time, now)
    if c == PLACE:
        return fmt.place_text(row.place)
    if c == KM:
        return fmt.km(row.distance_km)
    if c == FORECAST:
        badge = forecast_badge(row.forecast)
        return badge.text if badge else ""
    if c == TAGS:
        return fmt.tags_text(row.tags)
    return ""


def cell_tooltip(row: FleetRow, c: int, balance: Balance | None, busy: str | None) -> str | None:
    """The tooltip of column ``c``: explanations, exact times, the pending tariff."""
    if c == STATUS:
        badge = status_badge(row.status)
        return f"{busy}\n{badge.tooltip}" if busy else badge.tooltip
    if c == FIX:
        if row.fix_time is None:
            return translate("SubscriberModel", "No position yet.")
        text = fmt.msk_datetime(row.fix_time, seconds=True)
        return f"{text} · {fmt.metres(row.radius)}" if row.radius else text
    if c == FORECAST:
        forecast = forecast_badge(row.forecast)
        if forecast is None:
            return None
        left = fmt.duration_hours(row.forecast_hours)
        if not left:
            return forecast.tooltip
        time_left = translate("SubscriberModel", "Time left: {time}").format(time=left)
        return f"{forecast.tooltip}\n{time_left}"
    if c == TARIFF and row.tariff_new and row.tariff_new != row.tariff:
        return translate("SubscriberModel", "Switches to “{new}” at 00:00 MSK.").format(
            new=tariff_name(row.tariff_new, balance)
        )
    if c in (TITLE, PLACE, TAGS):
        return cell_text(row, c, balance, datetime.min) or None
    return None


__all__ = [
    "cell_text",
    "cell_tooltip",
    "column_headers",
    "column_tips",
    "column_titles",
    "display_phone",
    "search_text",
    "tariff_name",
]

"""Moscow time with the local time beside it, numbers and money in the locale's format,
and the interface language following the system locale."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui import formatting as fmt
from movizor_desktop.ui import i18n

YEKATERINBURG = timezone(timedelta(hours=5))
KALININGRAD = timezone(timedelta(hours=2))
MOSCOW = timezone(timedelta(hours=3))
MOMENT = datetime(2026, 11, 26, 11, 30, tzinfo=UTC)  # 14:30 МСК


@pytest.fixture
def local_tz(monkeypatch):
    """Run with the computer's zone set to Yekaterinburg (UTC+5) through TZ."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "UTC-05:00")  # POSIX sign: five hours east of UTC
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# --- the helper -------------------------------------------------------------------------------


def test_msk_with_local_adds_the_local_time_only_where_it_differs(qapp):
    assert (
        fmt.msk_with_local(MOMENT, local_tz=YEKATERINBURG) == "26.11.2026 14:30 MSK (16:30 local)"
    )
    assert fmt.msk_with_local(MOMENT, local_tz=MOSCOW) == "26.11.2026 14:30 MSK"
    assert (
        fmt.msk_with_local(MOMENT, date=False, local_tz=YEKATERINBURG) == "14:30 MSK (16:30 local)"
    )
    midnight = datetime(2026, 11, 27, 0, 0, tzinfo=MOSCOW)  # a tariff switch
    assert (
        fmt.msk_with_local(midnight, local_tz=KALININGRAD)
        == "27.11.2026 00:00 MSK (26.11 23:00 local)"
    )
    assert fmt.msk_with_local(None) == ""


def test_msk_with_local_reads_the_computers_zone(qapp, local_tz):
    assert fmt.local_zone().utcoffset(None) == timedelta(hours=5)
    assert fmt.msk_with_local(MOMENT) == "26.11.2026 14:30 MSK (16:30 local)"


def test_msk_with_local_in_russian(qapp, russian):
    text = fmt.msk_with_local(MOMENT, local_tz=YEKATERINBURG)
    assert text.startswith("26.11.2026 14:30 МСК")
    assert "16:30" in text


# --- where it is shown ------------------------------------------------------------------------


def test_details_show_route_times_auto_off_and_tariff_switch_with_local_time(qtbot, local_tz):
    from movizor_desktop.ui.details import DetailsPane

    info = ObjectInfo.model_validate(
        {
            "phone": "79210010203",
            "status": "ok",
            "confirmed": 1,
            "tariff": "15",
            "tariff_new": "60",
            "timestamp_off": int(MOMENT.timestamp()),
            "destination": [
                {"text": "Казань", "lat": 55.79, "lon": 49.12, "time": "26.11.2026 18:00"}
            ],
        }
    )
    row = FleetRow(
        "79210010203",
        status="ok",
        title="Иванов",
        tariff="15",
        tariff_new="60",
        details=info,
        details_at=MOMENT,
    )
    pane = DetailsPane(lang="en")
    qtbot.addWidget(pane)
    pane.set_row(row, selected=1)
    assert pane.fields["dateoff"].text() == "26.11.2026 14:30 MSK (16:30 local)"
    assert "00:00 MSK (" in pane.fields["tariff"].text()
    assert "02:00 local)" in pane.fields["tariff"].text()
    ((_, when),) = pane.route.lines
    assert when == "planned 26.11.2026 18:00 MSK (20:00 local)"


# --- numbers and money ------------------------------------------------------------------------


def test_money_and_numbers_use_the_languages_locale(qapp):
    ru, en = fmt.locale_for("ru"), fmt.locale_for("en")
    nbsp = "\u00a0"
    assert fmt.money(Decimal("1234.5"), ru) == f"1{nbsp}234,50{nbsp}₽"
    assert fmt.money(Decimal("1234.5"), en) == "₽1,234.50"
    assert fmt.number(12345, locale=ru) == f"12{nbsp}345"
    assert fmt.number(12345, locale=en) == "12,345"
    assert fmt.number(Decimal("2.5"), 1, ru) == "2,5"


def test_status_bar_balance_and_budget_in_russian_format(qtbot):
    from types import SimpleNamespace

    from movizor_desktop.ui.statusbar import StatusBar

    bar = StatusBar(lang="ru", low_balance=Decimal("300"))
    qtbot.addWidget(bar)
    bar.set_balance(SimpleNamespace(balance=Decimal("12345.6"), credit=Decimal("0")))
    assert "12\u00a0345,60\u00a0₽" in bar.balance_label.text()
    budget = SimpleNamespace(used=1234, remaining=3766, limit=5000, fraction_left=0.75)
    bar._set_budget(budget)
    assert "1\u00a0234" in bar.budget_label.text() and "5\u00a0000" in bar.budget_label.text()


# --- the language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "setting", "cli", "expected"),
    [
        ("ru_RU", None, None, "ru"),
        ("ru_UA", None, None, "ru"),
        ("de_DE", None, None, "en"),
        ("en_US", None, None, "en"),
        ("ru_RU", "en", None, "en"),  # the saved setting wins over the system
        ("en_US", "ru", None, "ru"),
        ("en_US", "ru", "en", "en"),  # --lang wins over both
        ("ru_RU", None, "en", "en"),
    ],
)
def test_language_follows_the_system_unless_told(qapp, system, setting, cli, expected):
    assert i18n.pick_language(cli, setting, QLocale(system)) == expected


@pytest.mark.parametrize(("lang", "expected"), [("ru_RU.UTF-8", "ru"), ("de_DE.UTF-8", "en")])
def test_system_language_reads_the_process_locale(lang, expected):
    """A fresh process under a Russian (or German) locale, nothing chosen: ru (or en)."""
    if os.name != "posix":
        pytest.skip("environment locales are POSIX")
    code = (
        "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
        "from movizor_desktop.ui import i18n; print(i18n.pick_language(None, None))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL=lang, LANG=lang, LANGUAGE=lang.split(".")[0])
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip() == expected, out.stderr

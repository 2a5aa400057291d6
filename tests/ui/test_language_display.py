"""One language on screen: tariffs the app knows and metadata presets in the UI's language
(unknown tariffs keep the server's words), Movizor's "(46 км)" with the UI's unit, the
parking line a dispatcher would say, Qt's own dialogs in Russian, the map's scale unit,
and a Latin city name explained."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QLabel

from movizor_desktop import clock
from movizor_desktop.api.models import Balance, Event, ObjectInfo
from movizor_desktop.fleet import FleetRow
from movizor_desktop.ui import formatting as fmt
from movizor_desktop.ui import i18n
from movizor_desktop.ui.details import DetailsPane
from movizor_desktop.ui.editors.metadata import MetadataEditor
from movizor_desktop.ui.events_panel import EventsModel
from movizor_desktop.ui.map import style
from movizor_desktop.ui.subscribers.cells import tariff_name
from movizor_desktop.ui.tariff_names import tariff_display_name


def price_table() -> Balance:
    return Balance.model_validate(
        {
            "balance": "100.00",
            "tariff": {
                "mts": {
                    "0": {"title": "Вручную", "abon": "4", "request": "3"},
                    "3": {"title": "Пакет на 1 месяц", "abon": "90"},
                    "15": {"title": "Каждые 15 мин", "abon": "30"},
                    "180": {"title": "Каждые 3 часа", "abon": "10"},
                    "7": {"title": "Абонемент МТС 30 мин", "abon": "25"},
                    "8": {"title": "Особый", "abon": "5"},
                }
            },
        }
    )


def test_tariffs_the_app_knows_are_named_in_english(english_plurals) -> None:
    balance = price_table()
    assert [tariff_name(t, balance) for t in ("0", "3", "15", "180", "7")] == [
        "Manual requests",
        "Package for 1 month",
        "Every 15 min",
        "Every 3 hours",
        "Every 30 min (MTS only)",
    ]
    # a tariff the app does not know keeps the server's text, whatever its id
    assert tariff_name("8", balance) == "Особый"
    # without a price table: the classic ids; anything else stays its id
    assert [tariff_name(t, None) for t in ("1", "60", "42")] == ["Online", "Every 60 min", "42"]
    # recognised by the server's title, not by a guess from the id
    assert tariff_display_name("4", "Вручную", manual=True) == "Manual requests"
    assert tariff_display_name("120", "Каждые 2 часа") == "Every 2 hours"
    assert tariff_display_name("15", "Каждые 15 минут") == "Every 15 min"
    assert tariff_display_name("9", "Особый") == "Особый"


def test_tariffs_in_russian_are_the_apps_russian_names(russian) -> None:
    balance = price_table()
    assert tariff_name("15", Balance.model_validate({"tariff": {}})) == "Каждые 15 мин"
    assert [tariff_name(t, balance) for t in ("0", "3", "180", "7", "8")] == [
        "Вручную",
        "Пакет на 1 месяц",
        "Каждые 3 часа",
        "Каждые 30 мин (только МТС)",
        "Особый",
    ]
    assert tariff_display_name("300", "Каждые 5 часов") == "Каждые 5 часов"


def test_metadata_presets_follow_the_language(qtbot, russian) -> None:
    editor = MetadataEditor()
    qtbot.addWidget(editor)
    assert [b.text() for b in editor.quick_buttons.values()] == [
        "Водитель",
        "ТС",
        "Перевозчик",
        "ИНН перевозчика",
        "Клиент",
        "Заказ",
        "Рейс",
    ]


def test_movizors_distance_in_a_place_takes_the_uis_unit(russian) -> None:
    assert fmt.place_text("Тверь (46 км)") == "Тверь (46 км)"


def test_movizors_distance_in_a_place_in_english() -> None:
    assert fmt.place_text("Тверь (46 км)") == "Тверь (46 km)"
    assert fmt.place_text("Зубово-Полянский р-н, Мордовия") == "Зубово-Полянский р-н, Мордовия"
    assert fmt.place_text("") == ""


def test_parking_reads_as_a_dispatcher_says_it(qtbot) -> None:
    now = clock.now()
    events = EventsModel(title_of=lambda phone: phone)
    events.set_events(
        [
            Event(
                id=2,
                timestamp=now - timedelta(hours=2, minutes=10),
                phone="79001112233",
                type="onparking",
            ),
            Event(id=1, timestamp=now - timedelta(hours=5), phone="79001112233", type="offparking"),
        ]
    )
    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.parked_since = events.parked_since
    info = ObjectInfo.model_validate({"phone": "79001112233", "status": "ok", "on_parking": True})
    pane.set_row(FleetRow(phone="79001112233", status="ok", details=info))
    assert pane._labels["parking"].text() == "Now:"
    assert pane.fields["parking"].text() == "Parked for 2 h 10 min"
    moving = ObjectInfo.model_validate(
        {"phone": "79001112233", "status": "ok", "on_parking": False}
    )
    pane.set_row(FleetRow(phone="79001112233", status="ok", details=moving))
    assert pane.fields["parking"].text() == "Moving"
    # parked, but the feed does not say since when
    pane.parked_since = lambda _phone: None
    pane.set_row(FleetRow(phone="79001112233", status="ok", details=info))
    assert pane.fields["parking"].text() == "Parked"


def test_the_map_speaks_russian_units(russian) -> None:
    texts = style.page_texts()
    assert texts["kilometres"] == "{n} км" and texts["metres"] == "{n} м"


def test_qts_own_dialogs_speak_russian(qapp, qtbot) -> None:
    """qtbase_ru is loaded with the app's catalogue, and the labels Qt's catalogue lacks
    (Qt 6.11 gave them mnemonics) come from ours: no "Look in:" / "Files of type:"."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from movizor_desktop.ui.qt_gaps import qt_gap_strings

    locale = QLocale()
    try:
        loaded = i18n.install_translators("ru", qapp)
        assert "qtbase_ru" in loaded
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"&Перейти к:", "&Типы файлов:", "&Имя файла:"} <= texts
        printer = QPrintDialog(QPrinter())
        qtbot.addWidget(printer)
        assert "&Список страниц:" in {label.text() for label in printer.findChildren(QLabel)}
        assert all(not text.isascii() for _context, text in qt_gap_strings())
    finally:  # as before: the source strings, the locale the suite had
        i18n.uninstall_translators()
        QLocale.setDefault(locale)


def test_a_machine_without_a_locale_gets_the_chosen_languages_for_qt() -> None:
    """Qt's dialogs format dates and sizes by the system locale ("7 12 2026", "0 bytes"
    under C): while the QApplication is made, the chosen language's; afterwards the
    machine's own again (QtWebEngine's processes inherit it)."""
    from movizor_desktop.bootstrap import locale_for_qt

    env = {"LANG": "C.UTF-8"}
    with locale_for_qt("ru", env) as note:
        assert env["LANG"] == "ru_RU.UTF-8" and env["LC_CTYPE"] == "C.UTF-8"
        assert note and "ru_RU" in note
    assert env == {"LANG": "C.UTF-8"}
    env = {"LC_ALL": "POSIX"}
    with locale_for_qt("en", env):
        assert "LC_ALL" not in env and env["LANG"] == "en_GB.UTF-8"
    assert env == {"LC_ALL": "POSIX"}
    # a real locale, or no language chosen: untouched
    for env, lang in (({"LANG": "de_DE.UTF-8"}, "ru"), ({}, None)):
        before = dict(env)
        with locale_for_qt(lang, env) as note:
            assert note is None and env == before


def test_badges_and_tariff_names_never_outlive_the_language(catalogue) -> None:
    """Cached words are kept per language: after a switch back the English ones come."""
    from PySide6.QtCore import QCoreApplication

    from movizor_desktop.ui.subscribers.badges import forecast_badge, status_badge

    balance = price_table()
    assert forecast_badge("ok").text == "On time" and status_badge("ok").text == "Active"
    russian = catalogue("ru")
    QCoreApplication.installTranslator(russian)
    try:
        assert forecast_badge("ok").text == "Успевает"
        assert status_badge("ok").text == "Активен"
        assert tariff_name("0", balance) == "Вручную"
    finally:
        QCoreApplication.removeTranslator(russian)
    assert forecast_badge("ok").text == "On time" and status_badge("ok").text == "Active"
    assert tariff_name("0", balance) == "Manual requests"

"""The subscriber dialog in Russian: every string of its contexts is translated with the
same placeholders, and the dialog speaks Russian (catalog compiled from the committed .ts)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.kits.subscribers import (
    MTS_PHONE,
    calls,
    make,
    ready,
    save,
    type_phone,
    wait_idle,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "movizor_ru.ts"
CONTEXTS = {"SubscriberDialog", "MainPage", "TariffField", "TripPages", "BulkAddDialog"}


def test_every_string_of_the_dialog_is_translated() -> None:
    root = ET.parse(TS).getroot()
    seen = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in CONTEXTS:
            continue
        seen.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            assert translation is not None and translation.get("type") is None, source
            assert translation.text, source
            assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
                re.findall(r"\{\w+\}", translation.text)
            ), source
    assert seen == CONTEXTS


def test_the_dialog_speaks_russian(qtbot, session, sim_control, russian):
    dialog = ready(qtbot, make(qtbot, session, lang="ru"))
    assert dialog.windowTitle() == "Добавить абонента"
    assert [dialog.tabs.tabText(i) for i in range(4)] == [
        "Основное",
        "Маршрут",
        "Расписание",
        "Метаданные",
    ]
    assert dialog.save_button.text() == "Добавить"
    type_phone(qtbot, dialog, MTS_PHONE)
    assert dialog.main.operator_note.text() == "Оператор: МТС · г. Москва и Московская область"
    assert dialog.tariff_combo.currentText() == "15 — Каждые 15 мин · 280,00\u00a0₽/сутки"
    qtbot.waitUntil(lambda: "Посуточно" in dialog.main.cost_note.text(), timeout=5000)
    assert dialog.main.cost_note.text().startswith("Посуточно: 280,00\u00a0₽ в сутки")
    dialog.phone_edit.clear()
    save(qtbot, dialog)
    assert dialog.field_error("phone") == "Введите номер мобильного телефона водителя."
    type_phone(qtbot, dialog, MTS_PHONE)
    sim_control.inject_error("object_add", "12")
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert dialog.field_error("tariff") == "Оператор абонента не поддерживает этот тариф."
    assert len(calls(sim_control, "object_add")) == 1

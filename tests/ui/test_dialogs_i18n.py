"""The app in Russian: every string of every context is translated (placeholders kept,
three plural forms) and the compiled catalog is what the app installs (compiled here from
the committed .ts)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from movizor_desktop.store import AppPaths, ProfileStore, SecretStore
from movizor_desktop.ui import i18n
from movizor_desktop.ui.dialogs import ConnectionDialog

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "movizor_ru.ts"
RETIRED = {"vanished", "obsolete"}
# {name}, {count}, … (not {{ }}), %n, %1..%9
PLACEHOLDER = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*\}(?!\})|%n|%[1-9]")


def _live_messages():
    """(context, source, translated texts) of every message still in the code."""
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ru_RU"
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            if translation.get("type") in RETIRED:
                continue
            if message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            yield name, message.findtext("source"), translation.get("type"), texts


def test_every_string_is_translated() -> None:
    problems = []
    contexts = set()
    for context, source, kind, texts in _live_messages():
        contexts.add(context)
        where = f"{context}: {source!r}"
        if not context:
            problems.append(f"{where}: no context (translate() with a literal context)")
        if kind is not None:
            problems.append(f"{where}: translation is {kind}")
        if not texts or not all(text.strip() for text in texts):
            problems.append(f"{where}: empty translation")
            continue
        wanted = set(PLACEHOLDER.findall(source))
        for text in texts:
            lost = wanted - set(PLACEHOLDER.findall(text))
            if lost:
                problems.append(f"{where}: {text!r} lacks {sorted(lost)}")
    assert not problems, "\n".join(problems)
    # the dialogs, the window, the map and the editors are all in the catalogue
    assert {
        "ConnectionDialog",
        "SubscriberDialog",
        "ConfirmDelete",
        "AppController",
        "MainWindow",
        "Map",
        "RouteEditor",
        "ScheduleEditor",
        "MetadataEditor",
    } <= contexts


def test_plural_messages_have_three_russian_forms() -> None:
    for context, source, _kind, texts in _live_messages():
        if "%n" in source:
            assert len(texts) == 3, f"{context}: {source!r}"


def test_catalogue_compiles_without_unfinished(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "movizor_ru.qm"
    result = subprocess.run(
        [lrelease, str(TS), "-qm", str(qm)], check=True, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert qm.is_file() and qm.stat().st_size > 0
    match = re.search(r"\((\d+) finished and (\d+) unfinished\)", output)
    assert match is not None, output
    assert match.group(2) == "0", output
    assert "untranslated" not in output, output


def test_connection_dialog_speaks_russian(qtbot, qloop, russian, app_home) -> None:
    dialog = ConnectionDialog(ProfileStore(AppPaths()), SecretStore(), lang="ru")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Настройки подключения"
    assert dialog.check_button.text() == "Про&верить подключение"
    dialog.project_edit.setText("a/b")
    dialog.save()
    assert dialog.field_error("project") == "Имя проекта не должно содержать «/»."


def test_missing_catalog_is_skipped_with_a_log_line(monkeypatch, tmp_path, qapp, caplog):
    monkeypatch.setenv("MOVIZOR_DESKTOP_RESOURCES", str(tmp_path))
    with caplog.at_level("WARNING"):
        loaded = i18n.install_translators("ru", qapp)
    try:
        assert "movizor_ru" not in loaded
        assert "no compiled translation movizor_ru.qm" in caplog.text
        assert "qtbase_ru" in loaded  # Qt's own buttons still in Russian
    finally:
        i18n.install_translators("en", qapp)


def test_english_plural_catalogue_says_one_and_many(tmp_path, qapp) -> None:
    """English is the source, but "%n point(s)" must read "1 point" / "3 points"."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = TS.with_name("movizor_en.ts")
    root = ET.parse(ts).getroot()
    messages = root.findall("context/message")
    assert messages, "the English plural catalogue is empty"
    for message in messages:
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")]
        assert translation.get("type") is None and len(forms) == 2 and all(forms), message.findtext(
            "source"
        )
        assert not any("(s)" in form for form in forms), message.findtext("source")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "movizor_en.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("RouteEditor", "%n point(s)", None, 1) == "1 point"
        assert QCoreApplication.translate("RouteEditor", "%n point(s)", None, 3) == "3 points"
        assert QCoreApplication.translate("MapCounts", "%n gaps", None, 1) == "1 gap"
    finally:
        QCoreApplication.removeTranslator(translator)

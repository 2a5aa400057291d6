"""The dialogs in Russian: every string of the dialogs' contexts is translated and the
compiled catalog is what the app installs (compiled here from the committed .ts)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from movizor_desktop.store import AppPaths, ProfileStore, SecretStore
from movizor_desktop.ui import i18n
from movizor_desktop.ui.dialogs import ConnectionDialog

pytestmark = pytest.mark.gui

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "movizor_ru.ts"
OUR_CONTEXTS = {"ConnectionDialog", "SubscriberDialog", "ConfirmDelete", "AppController"}


def test_our_strings_are_all_translated() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ru_RU"
    seen = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in OUR_CONTEXTS:
            continue
        seen.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            assert translation is not None and translation.get("type") is None, source
            assert translation.text, source
            for placeholder in ("{name}", "{count}", "{names}", "{balance}", "{url}"):
                assert (placeholder in source) == (placeholder in translation.text), source
    assert seen == OUR_CONTEXTS


@pytest.fixture
def russian(tmp_path: Path, qapp):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "movizor_ru.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


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

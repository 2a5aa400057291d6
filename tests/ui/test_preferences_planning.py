"""File → Preferences → Planning in a real main window: the truck speed, the detour factor
and the rest rules (a shipped set or a file, checked when chosen: every problem listed
under the field, in the user's language; an expired set warned about), saved, and used by
the route editor the next subscriber dialog opens (the controller's ``leg_check``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop import clock
from movizor_desktop.api.encoding import MSK, RoutePoint
from movizor_desktop.planning import LegVerdict
from movizor_desktop.store import AppPaths, AppSettings, load_settings
from movizor_desktop.ui.editors import RouteEditor
from movizor_desktop.ui.editors.route_table import FORECAST
from movizor_desktop.ui.features.preferences.dialog import PreferencesDialog
from movizor_desktop.ui.main_window import MainWindow
from tests.kits.planning import rules_document
from tests.ui.test_preferences_dialog import click_save, open_prefs, retype, settings_file

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MOSCOW, TVER = (55.7558, 37.6173), (56.8596, 35.9119)


def company_rules(**changes) -> dict:
    """A valid rule set: a break of 30 min after every 2 h of driving (stricter than the
    law), valid until 2028."""
    company = {
        "id": "company-2h",
        "name": {"en": "Company rules: a break every 2 hours", "ru": "Правила компании"},
        "valid_until": "2028-01-01",
        "break": {"after_driving_min": 120, "duration_min": 30},
    }
    return rules_document(**{**company, **changes})


def write(path: Path, document: dict | str) -> str:
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def window(qtbot, qloop):
    # Movizor's time for everything the window judges (a rule set's validity among them):
    # fixed, so the tests never depend on the machine's date
    clock.install(clock.MovizorClock(source=lambda: NOW))
    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.show()
    return window


def planning_tab(qtbot, window) -> PreferencesDialog:
    dialog = open_prefs(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.planning)
    return dialog


def editor_for(qtbot, window) -> RouteEditor:
    """The route editor as the next subscriber dialog gets it (Moscow 08:00 → Tver, 190 km
    by road, due 11:20: 3 h 13 min of driving at 60 km/h)."""
    editor = RouteEditor(now=lambda: NOW, check=window.controller.leg_check())
    qtbot.addWidget(editor)
    t0 = datetime(2026, 11, 26, 8, 0, tzinfo=MSK)
    editor.set_points(
        [RoutePoint("Москва", *MOSCOW, t0), RoutePoint("Тверь", *TVER, t0 + timedelta(hours=3.4))]
    )
    return editor


def test_the_planning_tab_shows_the_defaults(qtbot, window):
    dialog = planning_tab(qtbot, window)
    page = dialog.planning
    assert page.speed_spin.value() == 60 and page.circuity_spin.value() == pytest.approx(1.2)
    assert "Newell (1980)" in page.circuity_spin.toolTip()
    names = [page.rules_combo.itemText(i) for i in range(page.rules_combo.count())]
    assert names[0] == "Russia, order No. 424 and AETR: with a tachograph"
    assert "without a tachograph" in names[1] and names[-1] == "From a file…"
    assert page.rules is not None and page.rules.id == "ru-424-tachograph"
    assert page.rules_note.text().startswith("In force until 01.01.2027")


def test_a_rule_file_with_errors_is_listed_and_not_saved(qtbot, window, tmp_path):
    dialog = planning_tab(qtbot, window)
    page = dialog.planning
    broken = company_rules(valid_until="someday", day={"max_driving_min": -5})
    del broken["id"], broken["day"]["rest_min"]
    page.set_file(write(tmp_path / "broken.json", broken))
    error = page.errors["rest_rules"]
    qtbot.waitUntil(lambda: error.isVisibleTo(dialog), timeout=5000)
    text = error.text()
    assert text.startswith("This file cannot be used:")
    assert "“id” is missing." in text
    assert "“valid_until” is not a date (YYYY-MM-DD)." in text
    assert "“day.max_driving_min” is out of range" in text
    assert "“day.rest_min” is missing." in text
    assert page.rules_combo.currentText() == "File: broken.json"
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert not settings_file().exists() and window.settings == AppSettings()

    page.set_file(write(tmp_path / "not-json.json", '{"format": "movizor-rest-rules",'))
    qtbot.waitUntil(lambda: "line 1" in error.text(), timeout=5000)
    assert "The file is not JSON text (line 1, column" in error.text()
    page.set_file(str(tmp_path / "missing.json"))
    qtbot.waitUntil(lambda: "cannot be read" in error.text(), timeout=5000)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and not settings_file().exists()

    # back to a shipped set: nothing in the way
    page.rules_combo.setCurrentIndex(0)
    page.rules_combo.activated.emit(0)
    assert not error.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert load_settings(AppPaths()).rest_rules_path == ""


def test_a_valid_rule_file_is_saved_and_the_route_editor_uses_it(qtbot, window, tmp_path):
    before = editor_for(qtbot, window)
    leg = before.model.legs[1]
    assert leg.verdict is LegVerdict.OK and leg.result.breaks == []
    dialog = planning_tab(qtbot, window)
    path = write(tmp_path / "company.json", company_rules())
    combo = dialog.planning.rules_combo
    combo.activated.emit(combo.count() - 1)  # "From a file…"
    chooser = dialog.findChild(QFileDialog, "prefRestRulesChooser")
    assert chooser is not None and chooser.isVisible()
    assert combo.currentIndex() == 0  # the shipped set stays until a file is chosen
    chooser.selectFile(path)
    chooser.accept()
    qtbot.waitUntil(lambda: dialog.planning.rules is not None, timeout=5000)
    assert dialog.planning.rules.id == "company-2h"
    assert not dialog.planning.errors["rest_rules"].isVisibleTo(dialog)
    assert dialog.planning.rules_note.text().startswith("In force until 01.01.2028")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    saved = load_settings(AppPaths())
    assert (saved.rest_rules_path, saved.rest_rules_id) == (path, "")
    assert window.settings.rest_rules_path == path

    after = editor_for(qtbot, window)  # the next dialog's editor
    leg = after.model.legs[1]
    # a 30-minute break after 2 h of driving: 3 h 13 min + 30 min, due 11:24: late
    assert len(leg.result.breaks) == 1 and leg.result.breaks[0].minutes == 30
    assert leg.verdict is LegVerdict.TIGHT
    assert "Company rules" in after.model.index(1, FORECAST).data(Qt.ItemDataRole.ToolTipRole)

    # the dialog opens again with the file chosen and read
    dialog = planning_tab(qtbot, window)
    qtbot.waitUntil(lambda: dialog.planning.rules is not None, timeout=5000)
    assert dialog.planning.rules_combo.currentText() == "File: company.json"
    dialog.reject()


def test_a_speed_change_changes_the_verdicts(qtbot, window):
    assert editor_for(qtbot, window).model.legs[1].verdict is LegVerdict.OK
    dialog = planning_tab(qtbot, window)
    retype(qtbot, dialog.planning.speed_spin.lineEdit(), "50")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert load_settings(AppPaths()).planning_speed_kmh == 50.0
    leg = editor_for(qtbot, window).model.legs[1]
    assert leg.verdict is LegVerdict.TIGHT  # 190 km at 50 km/h: 3 h 49 min, due in 3 h 24 min
    dialog = planning_tab(qtbot, window)
    dialog.planning.circuity_spin.setValue(1.0)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click_save(qtbot, dialog)
    assert window.settings.planning_circuity == 1.0
    assert editor_for(qtbot, window).model.legs[1].verdict is LegVerdict.OK  # 158 km: 3 h 10 min


def test_an_expired_rule_set_is_warned_with_its_date(qtbot, qloop, tmp_path):
    dialog = PreferencesDialog(
        AppSettings(), paths=AppPaths(), now=lambda: datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    )
    qtbot.addWidget(dialog)
    page = dialog.planning
    assert page.rules_note.text().startswith("These rules were in force until 01.01.2027")
    page.set_file(write(tmp_path / "old.json", company_rules(valid_until="2027-02-01")))
    qtbot.waitUntil(lambda: page.rules is not None, timeout=5000)
    assert "until 01.02.2027: they have expired" in page.rules_note.text()
    assert page.values() is not None  # usable: a warning, not an error
    # 21:30 UTC on 31 December 2026 is already 1 January in Moscow
    late = PreferencesDialog(
        AppSettings(), paths=AppPaths(), now=lambda: datetime(2026, 12, 31, 21, 30, tzinfo=UTC)
    )
    qtbot.addWidget(late)
    assert "expired" in late.planning.rules_note.text()
    soon = PreferencesDialog(AppSettings(), paths=AppPaths(), now=lambda: NOW)
    qtbot.addWidget(soon)
    assert soon.planning.rules_note.text() == "In force until 01.01.2027 (36 day(s) left)."


def test_rule_file_errors_in_russian(qtbot, qloop, russian, tmp_path):
    dialog = PreferencesDialog(AppSettings(), paths=AppPaths(), lang="ru", now=lambda: NOW)
    qtbot.addWidget(dialog)
    page = dialog.planning
    assert page.rules_combo.itemText(0) == "Россия, приказ № 424 и ЕСТР: с тахографом"
    broken = company_rules()
    del broken["day"]["rest_min"]
    page.set_file(write(tmp_path / "broken.json", broken))
    error = page.errors["rest_rules"]
    qtbot.waitUntil(lambda: bool(error.text()), timeout=5000)
    assert "day.rest_min" in error.text()
    assert any("а" <= ch <= "я" for ch in error.text().lower()), error.text()
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) != "&Planning"


def test_the_next_subscriber_dialog_judges_with_the_saved_choice(
    qtbot, qloop, sim, run_async, tmp_path
):
    from movizor_desktop.ui.dialogs import SubscriberDialog
    from tests.kits.windows import new_session

    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    window.show()
    session = new_session(sim)
    window.set_session(session)
    try:
        dialog = planning_tab(qtbot, window)
        retype(qtbot, dialog.planning.speed_spin.lineEdit(), "45")
        dialog.planning.set_file(write(tmp_path / "company.json", company_rules()))
        qtbot.waitUntil(lambda: dialog.planning.rules is not None, timeout=5000)
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            click_save(qtbot, dialog)
        window.controller.add()  # Subscribers → Add (Ctrl+N)
        editor_dialog = window.findChild(SubscriberDialog)
        assert editor_dialog is not None
        check = editor_dialog.route_editor.model.check
        assert check is not None and check.pace.speed_kmh == 45.0
        assert check.rules.id == "company-2h"
        editor_dialog.reject()
    finally:
        run_async(session.aclose())


def test_a_rule_file_broken_since_it_was_chosen_gives_the_default_and_says_so(qtbot, tmp_path):
    from movizor_desktop.ui.editors.leg_check import leg_check_for

    path = write(tmp_path / "company.json", company_rules())
    (tmp_path / "company.json").unlink()  # deleted after it was chosen
    check = leg_check_for(AppSettings(rest_rules_path=path, planning_speed_kmh=55))
    assert check.rules.id == "ru-424-tachograph" and check.unusable_file == path
    assert check.pace.speed_kmh == 55
    editor = RouteEditor(now=lambda: NOW, check=check)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.rules_note.isVisible()
    assert "company.json cannot be used now" in editor.rules_note.text()
    editor.set_check(leg_check_for(AppSettings()))
    assert not editor.rules_note.isVisible()

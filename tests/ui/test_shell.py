"""The window's seams: features built from their one line each, through the Shell only."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QAction

from movizor_desktop.store import AppSettings
from movizor_desktop.ui import features as registry
from movizor_desktop.ui.features import FEATURES, WINDOW, WORKFLOWS, FeatureLine, Features
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.periods import (
    CUSTOM,
    PRESETS,
    TODAY,
    WEEK,
    YESTERDAY,
    PeriodDialog,
    choice_names,
    period_for,
)
from movizor_desktop.ui.shell import Feature, Shell


class Example(Feature):
    """A feature as a newcomer writes one: an action in the Tools menu, its text set in
    retranslate()."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.action = QAction(shell.widget)
        self.action.setObjectName("example_action")
        shell.tools_menu.addAction(self.action)
        self.texts = 0

    def retranslate(self) -> None:
        self.texts += 1
        self.action.setText(f"Example {self.texts}")


class Broken(Feature):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        raise RuntimeError("a bug in a feature")


@pytest.fixture
def bare(qtbot) -> MainWindow:
    window = MainWindow(AppSettings(), lang="en", workflows=False)
    qtbot.addWidget(window)
    return window


def test_every_line_names_a_feature_in_its_own_module() -> None:
    names = [line.name for line in FEATURES]
    assert len(names) == len(set(names))
    for line in FEATURES:
        module, _, attr = line.target.partition(":")
        assert module.startswith(".") and line.stage in registry.STAGES
        kind = getattr(__import__(f"{registry.__name__}{module}", fromlist=[attr]), attr)
        assert issubclass(kind, Feature), line
        assert inspect.getmodule(kind).__name__.startswith(registry.__name__ + ".")


def test_a_new_feature_is_one_module_and_one_line(bare: MainWindow) -> None:
    features = Features(bare, (FeatureLine("example", f"{__name__}:Example", WINDOW),))
    (example,) = features.start(WINDOW)
    assert features["example"] is example and features.get(Example) is example
    assert example.action in bare.tools_menu.actions()
    assert example.action.text() == "Example 1"  # retranslated once built
    bare.language_changed.emit()
    assert example.action.text() == "Example 2"  # and on every language change
    assert features.start(WINDOW) == []  # a stage is built once


@pytest.mark.logs_error(r"the broken feature could not be built")
def test_a_feature_that_fails_to_build_is_logged_and_left_out(bare: MainWindow) -> None:
    features = Features(
        bare,
        (
            FeatureLine("broken", f"{__name__}:Broken", WINDOW),
            FeatureLine("example", f"{__name__}:Example", WINDOW),
        ),
    )
    built = features.start(WINDOW)
    assert [f.name for f in built] == ["example"] and "broken" not in features


def test_the_workflows_come_when_asked_and_the_map_is_declared_optional(bare) -> None:
    assert bare.features.started(WINDOW) and not bare.features.started(WORKFLOWS)
    assert {f.name for f in bare.features} == {"help", "diagnostics", "preferences"}
    assert bare.map is None  # no map until its feature is built
    bare.features.start(WORKFLOWS)
    assert {
        "exports",
        "printing",
        "client_links",
        "alert_subscriptions",
        "desktop_alerts",
        "bulk_import",
    } <= {f.name for f in bare.features}
    assert bare.map is None


def test_one_set_of_periods_for_the_bar_the_menu_and_the_dialog(qtbot) -> None:
    from movizor_desktop.ui.map.controls import PeriodBar

    now = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)  # 12:30 МСК
    midnight = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)  # 00:00 МСК
    assert period_for(TODAY, now) == (midnight, now)
    assert period_for(YESTERDAY, now) == (midnight - timedelta(days=1), midnight)
    bar = PeriodBar()
    qtbot.addWidget(bar)
    names = choice_names(popup=True)
    assert [bar.combo.itemText(i) for i in range(bar.combo.count())] == list(names.values())
    dialog = PeriodDialog(None, "Export", preset=WEEK, now=now)
    qtbot.addWidget(dialog)
    assert [dialog.preset.itemData(i) for i in range(dialog.preset.count())] == [*PRESETS, CUSTOM]
    assert dialog.choice == WEEK
    start, end = dialog.period()
    assert (start, end) == (now - timedelta(days=7), now)

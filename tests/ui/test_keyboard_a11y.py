"""Keyboard and accessibility: shortcuts on every action, the shortcuts and About dialogs,
Tab order through the main dialogs, and accessible names where no label speaks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from movizor_desktop.store import AppPaths, AppSettings, ProfileStore, SecretStore
from movizor_desktop.ui.dialogs import ConnectionDialog
from movizor_desktop.ui.features.help import AboutDialog, ShortcutsDialog, plain_text
from movizor_desktop.ui.main_window import MainWindow
from tests.kits.subscribers import make, ready


@pytest.fixture
def window(qtbot):
    win = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets Tab stops at, in focus-chain order, from ``root``'s first child."""
    out: list[QWidget] = []
    widget = root.nextInFocusChain()
    seen: set[int] = set()
    while widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusProxy() is None
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def tab_walk(qtbot, dialog: QWidget, first: QWidget, steps: int) -> list[QWidget]:
    """Focus ``first`` and press Tab ``steps`` times; the widgets that got the focus."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    order = [first]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        while widget is not None and widget.focusProxy() is not None:
            widget = widget.focusProxy()
        order.append(widget)
    return order


def unlabelled(root: QWidget) -> list[str]:
    """Focusable widgets nobody can name: no accessible name, no text, no buddy label."""
    buddies = {
        id(label.buddy())
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.text()
    }
    problems = []
    for widget in focusable(root):
        if widget.accessibleName() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        if type(widget).__name__ == "QTabBar":
            continue  # its tabs' texts are read out
        problems.append(f"{type(widget).__name__}#{widget.objectName()}")
    return problems


# --- shortcuts ------------------------------------------------------------------------------


def test_every_window_action_has_a_shortcut_and_they_do_not_clash(window):
    actions = [
        a
        for a in window.findChildren(QAction)
        if not a.isSeparator()
        and a.menu() is None
        and a.text()
        and a.parent() is not None
        and not a.objectName().startswith("qt_")
        and a not in (window.toolbar.toggleViewAction(),)
    ]
    assert len(actions) >= 11
    missing = [a.objectName() or a.text() for a in actions if not a.shortcuts()]
    assert not missing, f"actions without a shortcut: {missing}"
    owners: dict[str, str] = {}
    for action in actions:
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in owners, f"{key} used by {owners[key]} and {action.objectName()}"
            owners[key] = action.objectName()


def test_f1_opens_the_shortcuts_dialog_generated_from_the_actions(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: (
            isinstance(window.features["help"].dialog, ShortcutsDialog)
            and window.features["help"].dialog.isVisible()
        )
    )
    dialog = window.features["help"].dialog
    rows = dict(dialog.rows())
    assert rows["Add subscriber"] == "Ctrl+N, Ins"
    assert rows["Keyboard shortcuts"] == "F1"
    assert "Quit" in rows and "Refresh" in rows
    # never stale: a new action shows up the next time the dialog opens
    extra = QAction("Brand new thing", window)
    extra.setShortcut("Ctrl+Alt+B")
    window.tools_menu.addAction(extra)
    fresh = ShortcutsDialog(window)
    qtbot.addWidget(fresh)
    assert ("Brand new thing", "Ctrl+Alt+B") in fresh.rows()
    qtbot.keyClicks(fresh.filter_edit, "quit")
    assert [text for text, _ in fresh.rows()] == ["Quit"]
    dialog.close()


def test_the_shortcuts_dialog_speaks_the_users_language(qtbot, window, russian):
    window.window_actions.retranslate()
    window.features["help"].retranslate()
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    texts = [text for text, _ in dialog.rows()]
    assert plain_text(window.window_actions.add) in texts
    assert plain_text(window.window_actions.add) != "Add subscriber"  # translated


def test_about_names_the_version_licence_qt_and_map_data(qtbot, window):
    window.features["help"].about.trigger()
    dialog = window.features["help"].dialog
    assert isinstance(dialog, AboutDialog)
    html = dialog.text.text()
    from PySide6.QtCore import qVersion

    from movizor_desktop import __version__

    for needle in (__version__, "MIT", qVersion(), "Leaflet", "OpenStreetMap"):
        assert needle in html
    dialog.close()


# --- tab order and names ----------------------------------------------------------------------


def test_connection_dialog_tab_order_and_names(qtbot, app_home):
    dialog = ConnectionDialog(ProfileStore(AppPaths()), SecretStore())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    expected = focusable(dialog)
    names = [w.objectName() for w in expected]
    assert names[:3] == ["name", "base_url", "project"]
    assert expected[3] is dialog.key_edit.edit
    walked = tab_walk(qtbot, dialog, expected[0], len(expected) - 1)
    assert walked == expected
    assert unlabelled(dialog) == []


def test_subscriber_dialog_tab_order_and_names(qtbot, session):
    dialog = ready(qtbot, make(qtbot, session))
    first = dialog.main.phone_edit if hasattr(dialog.main, "phone_edit") else None
    expected = [w for w in focusable(dialog) if type(w).__name__ != "QTabBar"]
    names = [w.objectName() for w in expected]
    assert names[:4] == ["phone", "title", "tags", "tariff"]
    assert names[-2] == "save"
    walked = tab_walk(qtbot, dialog, first or expected[0], len(expected) - 1)
    assert walked == expected
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        assert unlabelled(dialog) == [], dialog.tabs.tabText(page)


def test_main_window_controls_without_a_label_have_names(window):
    subscribers = window.subscribers
    assert subscribers.search.accessibleName()
    assert subscribers.table.accessibleName()
    assert subscribers.tags.accessibleName()
    assert window.events.accessibleName() or any(
        child.accessibleName()
        for child in window.events.findChildren(QWidget)
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus
    )

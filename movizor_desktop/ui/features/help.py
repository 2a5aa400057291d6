"""Help menu: the keyboard shortcuts (generated from the window's actions) and About.

:class:`HelpActions` (a feature) adds "Keyboard shortcuts" (F1) and "About Movizor
Desktop" to the window's Help menu. The shortcuts dialog lists every QAction of the window
that has a shortcut, grouped by the menu it sits in and in the user's language, read at the
moment the dialog opens, so it can never go stale when an action or a shortcut is added.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME, __version__
from ..icons import icon
from ..shell import Feature, Shell

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
LEAFLET_VERSION = "1.9.4"


def plain_text(action: QAction) -> str:
    """The action's menu text without mnemonics and the trailing ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def shortcut_text(action: QAction) -> str:
    return ", ".join(
        seq.toString(QKeySequence.SequenceFormat.NativeText)
        for seq in action.shortcuts()
        if not seq.isEmpty()
    )


def _menu_title(menu: QMenu) -> str:
    return menu.title().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _group_actions(
    menu: QMenu, title: str, groups: dict[int, tuple[str, str]], path: str = ""
) -> None:
    """Every action under ``menu`` → (``title``, the submenus on the way), first menu wins:
    File ▸ Export ▸ Track is listed under File as "Export › Track".

    Module level on purpose: pyside6-lupdate loses the class context of every ``tr()``
    after a function nested in a function.
    """
    for action in menu.actions():
        groups.setdefault(id(action), (title, path))
        sub = action.menu()
        if isinstance(sub, QMenu):
            _group_actions(sub, title, groups, f"{path}{_menu_title(sub)} › ")


def window_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(group, action, shortcuts) for every action of ``window`` that has a shortcut.

    The group is the top-level menu holding the action (the first found), or "Other".
    """
    groups: dict[int, tuple[str, str]] = {}
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        for top in bar.actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                _group_actions(sub, _menu_title(sub), groups)
    other = translate("ShortcutsDialog", "Other")
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen or action.isSeparator() or action.menu() is not None:
            continue
        seen.add(id(action))
        keys = shortcut_text(action)
        if not keys or not action.text():
            continue
        group, path = groups.get(id(action), (other, ""))
        rows.append((group, path + plain_text(action), keys))
    order = {title: n for n, title in enumerate(dict.fromkeys(g for g, _p in groups.values()))}
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[0]))
    return rows


class ShortcutsDialog(QDialog):
    """Every shortcut of the window, filterable by typing."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 520)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("shortcutsFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Find an action or a key…"))
        self.filter_edit.setAccessibleName(self.tr("Find a shortcut"))
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("shortcutsTable")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self.populate(window_shortcuts(window))
        self.setTabOrder(self.filter_edit, self.tree)
        self.filter_edit.setFocus()

    def populate(self, rows: list[tuple[str, str, str]]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        parents: dict[str, QStandardItem] = {}
        for group, text, keys in rows:
            parent = parents.get(group)
            if parent is None:
                parent = QStandardItem(group)
                font = parent.font()
                font.setBold(True)
                parent.setFont(font)
                parent.setSelectable(False)
                self.model.appendRow([parent, QStandardItem()])
                parents[group] = parent
            parent.appendRow([QStandardItem(text), QStandardItem(keys)])
        self.tree.expandAll()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str]]:
        """(action, shortcuts) as shown now (for tests)."""
        out = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                out.append(
                    (self.proxy.index(r, 0, group).data(), self.proxy.index(r, 1, group).data())
                )
        return out


class AboutDialog(QDialog):
    """Version, licence, Qt/PySide versions and the map data attribution."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Movizor Desktop"))
        logo = QLabel(self)
        logo.setPixmap(self.windowIcon().pixmap(64, 64))
        self.text = QLabel(self)
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setText(self.about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def about_html(self) -> str:
        python = ".".join(str(part) for part in sys.version_info[:3])
        parts = [
            f"<h3>{APP_NAME} {__version__}</h3>",
            "<p>"
            + self.tr("A dispatcher workstation for Movizor.ru phone-based fleet tracking.")
            + "</p>",
            "<p>" + self.tr("Licence: MIT. Copyright © 2026 Movizor Desktop developers.") + "</p>",
            "<p>"
            + self.tr("Qt {qt}, PySide6 {pyside}, Python {python}.").format(
                qt=qVersion(), pyside=pyside_version, python=python
            )
            + "</p>",
            "<p>"
            + self.tr(
                "Map: {leaflet} {lv} (BSD-2-Clause). Map data © {osm} contributors, ODbL."
            ).format(
                leaflet='<a href="https://leafletjs.com/">Leaflet</a>',
                lv=LEAFLET_VERSION,
                osm='<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
            )
            + "</p>",
            "<p>"
            + self.tr(
                "Movizor is a service of Movizor.ru; this program is independent of Movizor.ru."
            )
            + "</p>",
        ]
        return "".join(parts)


class HelpActions(Feature):
    """The Help menu's actions of one window."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        window = shell.widget
        self.shortcuts = QAction(icon("keyboard"), "", window)
        self.shortcuts.setObjectName("action_shortcuts")
        self.shortcuts.setShortcut(QKeySequence("F1"))
        self.about = QAction(icon("about"), "", window)
        self.about.setObjectName("action_about")
        self.about.setShortcut(QKeySequence("Ctrl+F1"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.about.triggered.connect(self.show_about)
        self.dialog: QDialog | None = None
        shell.help_menu.addAction(self.shortcuts)
        shell.help_menu.addSeparator()
        shell.help_menu.addAction(self.about)
        shell.add_shortcut(self.shortcuts, self.about)

    def retranslate(self) -> None:
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.shortcuts.setStatusTip(self.tr("Every action of the window and its keys"))
        self.about.setText(self.tr("&About Movizor Desktop"))
        self.about.setStatusTip(self.tr("Version, licence and credits"))
        for action in (self.shortcuts, self.about):
            action.setToolTip(f"{action.statusTip()} ({shortcut_text(action)})")

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shell.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.shell.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog


__all__ = [
    "AboutDialog",
    "HelpActions",
    "ShortcutsDialog",
    "plain_text",
    "shortcut_text",
    "window_shortcuts",
]

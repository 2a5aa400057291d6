"""The offline map field of File → Preferences: an MBTiles file (raster tiles in SQLite, as
QGIS, MapTiler and others write) the maps draw from with no network — the main map, the
route editor's and the planning map (``docs/planning.md``, "Offline maps").

The path is typed or chosen; it is checked off the Qt thread as soon as it is
(:func:`~....store.mbtiles.check_mbtiles`) and why a file cannot be used is said under the
field, in the words the map itself uses. Empty: the tile server is used.
"""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ....store.mbtiles import MBTilesError, check_mbtiles
from ...dialogs.widgets import FieldError, Note
from ...map.tiles import problem_text
from ...tasks import TaskGroup
from .chooser import open_chooser

FILE_FILTER = "*.mbtiles"


class OfflineMapField(QObject):
    """The path edit and its *Choose…* button (:attr:`box`); :meth:`path` reads it back,
    or says why it cannot be saved."""

    def __init__(self, path: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.tasks = TaskGroup("preferences-offline-map")
        self.problem: str | None = None
        self.checking = False
        self.checked = ""  # the path the problem (or its absence) is known for
        self.edit = QLineEdit()
        self.edit.setObjectName("prefMbtiles")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("None: the tile server above"))
        self.edit.editingFinished.connect(lambda: self.set_path(self.edit.text()))
        self.edit.textEdited.connect(lambda _text: self._forget())
        self.button = QPushButton(self.tr("C&hoose…"))
        self.button.setObjectName("prefMbtilesChoose")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda _checked=False: self.choose())
        self.box = QWidget()
        row = QHBoxLayout(self.box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.box.setFocusProxy(self.edit)
        self.note = Note(
            self.tr(
                "An MBTiles file of raster tiles (PNG, JPEG or WebP): the maps then need no "
                "internet. Tiles the file lacks stay blank."
            )
        )
        self.error: FieldError | None = None  # set by the dialog (add_field makes it)
        self.load(path)

    def load(self, path: str) -> None:
        self.edit.setText(path)
        self._forget()
        if path:
            self.set_path(path)

    def _forget(self) -> None:
        self.problem = None
        self.checking = False
        self.checked = ""
        if self.error is not None:
            self.error.clear_message()

    def choose(self) -> None:
        open_chooser(
            self.box,
            "prefMbtilesChooser",
            self.tr("Choose an offline map file"),
            self.edit.text().strip(),
            self.tr("MBTiles maps ({patterns})").format(patterns=FILE_FILTER),
            self.set_path,
        )

    def set_path(self, path: str) -> None:
        """Use the file at ``path`` (checked at once, off the Qt thread); "" for none."""
        path = path.strip().strip('"')
        if path != self.edit.text():
            self.edit.setText(path)
        if path and path == self.checked:
            return  # known already (the field lost the focus to Save, say)
        self._forget()
        if path:
            self.checking = True
            self.tasks.spawn(self._check(path), slot="check")

    async def _check(self, path: str) -> None:
        try:
            await asyncio.to_thread(check_mbtiles, path)
            problem = None
        except MBTilesError as exc:
            problem = problem_text(exc.reason)
        if not shiboken6.isValid(self.edit) or self.edit.text().strip() != path:
            return  # typed or chosen another since
        self.checking = False
        self.problem = problem
        self.checked = path
        if self.error is not None:
            self.error.set_message(problem)

    def path(self) -> str | None:
        """The path to save ("" for none), or None after saying why it cannot be."""
        if self.checking:
            if self.error is not None:
                self.error.set_message(self.tr("The map file is still being checked."))
            return None
        if self.problem is not None:
            if self.error is not None:
                self.error.set_message(self.problem)
            return None
        return self.edit.text().strip()


__all__ = ["OfflineMapField"]

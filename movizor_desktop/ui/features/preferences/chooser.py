"""The file chooser of the Preferences' file fields (offline map, rest rules)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def open_chooser(
    parent: QWidget,
    name: str,
    title: str,
    current: str,
    filters: str,
    chosen: Callable[[str], None],
) -> QFileDialog:
    """Open a window-modal chooser of one existing file, in the folder of ``current``;
    ``chosen(path)`` hears the answer (nothing when cancelled)."""
    dialog = QFileDialog(parent, title, str(Path(current).parent) if current else "", filters)
    dialog.setObjectName(name)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


__all__ = ["open_chooser"]

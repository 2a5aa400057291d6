"""Saving a file the dispatcher asked for: where the dialog opens, and why it failed.

Shared by the exports and printing: the save dialog starts in the folder used last (this
run, then the one remembered, else Documents), adds the chosen filter's extension, and
:func:`failure_text` says in one sentence why a file was not written or its data not
fetched (no permission, disk full, the folder is gone, Movizor refused).
"""

from __future__ import annotations

import asyncio
import errno
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from .. import clock
from ..api.errors import MovizorError
from ..store.folders import load_export_folder, save_export_folder

translate = QCoreApplication.translate  # lupdate reads translate("Exports", "text")
_DIR_PROPERTY = "movizorExportDir"


def today_stamp() -> str:
    """The date in a file name: the dispatcher's own calendar day."""
    return clock.pc_now().strftime("%Y-%m-%d")


def start_folder(window: Any) -> Path:
    """Where a save dialog opens: the folder used last (this run, then the remembered
    one), else the user's Documents, else the home folder — never the working directory."""
    for candidate in (window.property(_DIR_PROPERTY), load_export_folder()):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(window: Any, folder: Path) -> None:
    """The folder of a file just chosen: first next time, in this run and the next ones
    (written in a worker thread when an event loop runs)."""
    window.setProperty(_DIR_PROPERTY, str(folder))
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        save_export_folder(folder)
        return
    future = asyncio.ensure_future(asyncio.to_thread(save_export_folder, folder))
    _writes.add(future)
    future.add_done_callback(_writes.discard)


_writes: set[asyncio.Future[None]] = set()  # strong references until each write is done


def ask_save_path(
    window: Any, caption: str, name: str, filters: Sequence[tuple[str, str]]
) -> Path | None:
    """The file dialog, with ``name`` in the last folder used (Documents at first).

    ``filters``: (label, extension) pairs, the first the default. The extension of the
    chosen filter is added when the typed name has none of the offered ones.
    """
    folder = start_folder(window)
    patterns = [f"{label} (*.{ext})" for label, ext in filters]
    path, chosen = QFileDialog.getSaveFileName(
        window, caption, str(folder / name), ";;".join(patterns), patterns[0]
    )
    if not path:
        return None
    result = Path(path)
    extensions = [f".{ext}" for _, ext in filters]
    if result.suffix.lower() not in extensions:
        ext = extensions[patterns.index(chosen)] if chosen in patterns else extensions[0]
        result = result.with_name(result.name + ext)
    remember_folder(window, result.parent)
    return result


def failure_text(exc: BaseException, path: Path | None = None) -> str:
    """Why a file was not written (or its data not fetched), in a sentence."""
    where = str(path) if path is not None else ""
    if isinstance(exc, MovizorError):
        from . import i18n

        return translate("Exports", "Could not fetch the data: {reason}").format(
            reason=exc.message(i18n.current_language())
        )
    if isinstance(exc, PermissionError):
        return translate("Exports", "No permission to write {path}. Choose another folder.").format(
            path=where
        )
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate("Exports", "The disk is full: {path} was not saved.").format(path=where)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return translate("Exports", "The folder of {path} does not exist.").format(path=where)
    if isinstance(exc, OSError):
        return translate("Exports", "Could not save {path}: {reason}").format(
            path=where, reason=exc.strerror or str(exc)
        )
    reason = str(exc) or type(exc).__name__
    if path is None:
        return translate("Exports", "Could not export: {reason}").format(reason=reason)
    return translate("Exports", "Could not save {path}: {reason}").format(path=where, reason=reason)


__all__ = ["ask_save_path", "failure_text", "remember_folder", "start_folder", "today_stamp"]

"""The folder the dispatcher last saved an export (or a PDF) to, remembered between runs.
No Qt.

``config/export_folder.json`` holds one path. A missing, unreadable or vanished folder is
no folder: the caller then starts in the user's Documents (never the process's working
directory, which for an app started from a menu is anything from ``/`` to the install
folder).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .files import atomic_write_json, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "export_folder.json"


def _path(paths: AppPaths | None) -> Path:
    return (paths or AppPaths()).config_dir / FILE_NAME


def load_export_folder(paths: AppPaths | None = None) -> Path | None:
    """The remembered folder when it still exists, else None."""
    try:
        data = read_json(_path(paths))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.info("the remembered export folder is unreadable (%s)", type(exc).__name__)
        return None
    folder = data.get("folder") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder:
        return None
    path = Path(folder)
    return path if path.is_dir() else None


def save_export_folder(folder: Path, paths: AppPaths | None = None) -> None:
    """Remember ``folder`` (a failure is logged: a convenience never stops an export)."""
    try:
        atomic_write_json(_path(paths), {"folder": str(folder)})
    except OSError as exc:
        log.warning("cannot remember the export folder: %s", exc)


__all__ = ["FILE_NAME", "load_export_folder", "save_export_folder"]

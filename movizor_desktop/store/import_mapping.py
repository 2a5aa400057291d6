"""The column mapping of the subscriber import, remembered between imports. No Qt.

``config/import_mapping.json`` maps a normalized column header (``телефон``, ``гос
номер``...) to the field the dispatcher chose for it last time, plus the default tariff
and the folder the last file came from. A broken file is moved aside and forgotten (a
convenience never blocks an import).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .files import atomic_write_json, move_aside, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "import_mapping.json"
MAX_HEADERS = 500  # enough for every header a dispatcher's files ever had


@dataclass(slots=True)
class ImportMemory:
    columns: dict[str, str] = field(default_factory=dict)  # normalized header → field key
    default_tariff: str | None = None
    folder: str = ""


class ImportMappingStore:
    def __init__(self, paths: AppPaths | None = None) -> None:
        self.path: Path = (paths or AppPaths()).config_dir / FILE_NAME

    def load(self) -> ImportMemory:
        try:
            data = read_json(self.path)
        except FileNotFoundError:
            return ImportMemory()
        except (OSError, ValueError) as exc:
            log.warning("import mapping unreadable (%s); starting afresh", exc)
            try:
                move_aside(self.path)
            except OSError:
                pass
            return ImportMemory()
        if not isinstance(data, dict):
            return ImportMemory()
        columns = data.get("columns")
        tariff = data.get("default_tariff")
        return ImportMemory(
            columns={str(k): str(v) for k, v in columns.items()}
            if isinstance(columns, dict)
            else {},
            default_tariff=str(tariff) if tariff not in (None, "") else None,
            folder=str(data.get("folder") or ""),
        )

    def save(self, memory: ImportMemory) -> None:
        columns = dict(list(memory.columns.items())[-MAX_HEADERS:])
        atomic_write_json(
            self.path,
            {"columns": columns, "default_tariff": memory.default_tariff, "folder": memory.folder},
        )

    def remember(
        self,
        columns: Mapping[str, str],
        *,
        default_tariff: str | None = None,
        folder: str | None = None,
    ) -> ImportMemory:
        """Merge this import's choices (normalized header → field key; the caller
        normalizes, see ``exchange.import_columns.normalize_header``) and save them."""
        memory = self.load()
        for header, key in columns.items():
            if header:
                memory.columns.pop(header, None)  # re-insert: the newest last
                memory.columns[header] = key
        if default_tariff is not None:
            memory.default_tariff = default_tariff
        if folder is not None:
            memory.folder = folder
        self.save(memory)
        return memory


__all__ = ["FILE_NAME", "ImportMappingStore", "ImportMemory"]

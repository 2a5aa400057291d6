"""The window layout remembered per profile: geometry, splitters, list columns, sort, filters.

One small JSON file per profile, ``<profile dir>/layout.json`` (see
:meth:`AppPaths.profile_dir`), written atomically. Qt's opaque state blobs
(``saveGeometry``/``saveState`` of the window, splitters and the list's header) are kept
as base64 strings; this module does not interpret them and imports no Qt. A missing file
gives an empty :class:`Layout` (the window keeps its defaults); an unreadable one is moved
aside and treated as missing, so a broken file never stops the app from starting.
"""

from __future__ import annotations

import base64
import binascii
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import atomic_write_json, move_aside, read_json
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "layout.json"
VERSION = 1


@dataclass
class Layout:
    """What the window looked like for one profile (None / empty: not remembered)."""

    window_geometry: bytes | None = None
    window_state: bytes | None = None
    splitters: dict[str, bytes] = field(default_factory=dict)  # objectName -> saveState
    header: bytes | None = None  # the subscriber list's column widths and order
    sort_column: int = -1  # -1: unsorted (the model's order)
    sort_descending: bool = False
    search: str = ""
    group: str = "all"
    tag: str | None = None
    # parts of the window that keep their own state (e.g. "map_window": detached or not),
    # each a small JSON object their owner reads back
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self == Layout()

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "window_geometry": _b64(self.window_geometry),
            "window_state": _b64(self.window_state),
            "splitters": {name: _b64(blob) for name, blob in sorted(self.splitters.items())},
            "header": _b64(self.header),
            "sort_column": self.sort_column,
            "sort_descending": self.sort_descending,
            "search": self.search,
            "group": self.group,
            "tag": self.tag,
            "parts": {name: dict(part) for name, part in sorted(self.parts.items())},
        }

    @classmethod
    def from_json(cls, data: Any) -> Layout:
        """Every field read defensively: a wrong type gives that field's default."""
        if not isinstance(data, dict):
            raise ValueError("the layout is not a JSON object")
        splitters = data.get("splitters")
        blobs = {}
        if isinstance(splitters, dict):
            for name, text in splitters.items():
                blob = _unb64(text)
                if isinstance(name, str) and blob is not None:
                    blobs[name] = blob
        sort_column = data.get("sort_column")
        tag = data.get("tag")
        raw_parts = data.get("parts")
        parts = (
            {
                name: part
                for name, part in raw_parts.items()
                if isinstance(name, str) and isinstance(part, dict)
            }
            if isinstance(raw_parts, dict)
            else {}
        )
        return cls(
            window_geometry=_unb64(data.get("window_geometry")),
            window_state=_unb64(data.get("window_state")),
            splitters=blobs,
            header=_unb64(data.get("header")),
            sort_column=sort_column
            if isinstance(sort_column, int)
            and not isinstance(sort_column, bool)
            and sort_column >= -1
            else -1,
            sort_descending=data.get("sort_descending") is True,
            search=_text(data.get("search"), ""),
            group=_text(data.get("group"), "all") or "all",
            tag=tag if isinstance(tag, str) and tag else None,
            parts=parts,
        )


def _b64(blob: bytes | None) -> str | None:
    return base64.b64encode(blob).decode("ascii") if blob else None


def _unb64(text: Any) -> bytes | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None


def _text(value: Any, default: str) -> str:
    return value[:500] if isinstance(value, str) else default


def layout_path(paths: AppPaths, profile: str) -> Path:
    return paths.profile_dir(profile) / FILE_NAME


def load_layout(paths: AppPaths, profile: str) -> Layout:
    """The remembered layout of ``profile`` (empty when none or unreadable)."""
    path = layout_path(paths, profile)
    if not path.is_file():
        return Layout()
    try:
        return Layout.from_json(read_json(path))
    except (OSError, ValueError) as exc:
        log.warning(
            "the layout file of a profile is unreadable (%s); using defaults", type(exc).__name__
        )
        try:
            move_aside(path)
        except OSError:
            pass
        return Layout()


def save_layout(paths: AppPaths, profile: str, layout: Layout) -> Path:
    """Write ``layout`` for ``profile`` atomically; returns the file written."""
    path = layout_path(paths, profile)
    atomic_write_json(path, layout.to_json())
    return path


__all__ = ["FILE_NAME", "Layout", "layout_path", "load_layout", "save_layout"]

"""The parts of a workbook (XLSX is a zip of XML parts), opened and parsed within bounds.
Stdlib only, no Qt; used by :mod:`.xlsx_read`.

* :class:`Workbook` refuses a file over ``MAX_FILE_BYTES`` and a zip whose end record
  announces more than :data:`MAX_PARTS` parts (or a directory over
  :data:`MAX_DIRECTORY_BYTES`) before :mod:`zipfile` parses the directory: a million tiny
  entries would cost seconds and gigabytes there.
* :meth:`Workbook.parse` streams one part through expat, refusing a part whose directory
  entry declares more than its :data:`PART_LIMITS` (zipfile never inflates more than the
  declared size, so a bomb that lies about it fails its CRC instead of filling memory), a
  DTD (no entity tricks such as "billion laughs"), and more than :data:`MAX_ELEMENTS`
  elements over all the parts of one reading — every element costs a Python callback,
  so this is the time bound.

Refusals are :class:`~.table_read.TableError` with the limit; a handler stops the parse
by raising :class:`Stop`.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from .table_read import MAX_FILE_BYTES, TableError

MAX_PARTS = 1000
MAX_DIRECTORY_BYTES = 1024 * 1024
PART_LIMITS = {
    "sheet": 64 << 20,
    "strings": 32 << 20,
    "styles": 8 << 20,
    "workbook": 2 << 20,
    "rels": 1 << 20,
}
MAX_ELEMENTS = 1_200_000  # a list of 10,000 rows and 20 columns needs about 800,000
_MB = 1024 * 1024


class Stop(Exception):
    """Raised inside the XML callbacks to stop parsing (carries the TableError)."""

    def __init__(self, error: TableError) -> None:
        super().__init__(error.reason)
        self.error = error


# --- the zip ------------------------------------------------------------------------------


def _check_zip_directory(path: Path) -> None:
    """Refuse a zip whose end record announces too many parts or a huge directory, before
    zipfile parses the directory (a million tiny entries would cost seconds and GBs)."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_557))
        tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise TableError("unreadable", "not a zip file")
    entries, directory = struct.unpack("<HL", tail[at + 10 : at + 16])
    if entries > MAX_PARTS or entries == 0xFFFF:
        raise TableError("parts", limit=MAX_PARTS)
    if directory > MAX_DIRECTORY_BYTES:
        raise TableError("parts", limit=MAX_PARTS)


class Workbook:
    """An open workbook file: its parts by name and the element budget spent so far."""

    def __init__(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise TableError("file_size", limit=MAX_FILE_BYTES // _MB)
            _check_zip_directory(path)
            self.zip = zipfile.ZipFile(path)
        except OSError as exc:
            raise TableError("unreadable", exc.strerror or str(exc)) from None
        except zipfile.BadZipFile as exc:
            raise TableError("unreadable", str(exc)) from None
        self.names = {info.filename: info for info in self.zip.infolist()}
        self.elements = 0

    def close(self) -> None:
        self.zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def parse(
        self,
        name: str,
        kind: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], object] | None = None,
        text: Callable[[str], None] | None = None,
    ) -> None:
        """Stream the part ``name`` through expat, counting elements against the budget."""
        info = self.names.get(name)
        if info is None:
            raise TableError("unreadable", f"{name} is missing")
        if info.file_size > PART_LIMITS[kind]:
            raise TableError("unpacked", limit=PART_LIMITS[kind] // _MB)
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = 65_536

        def no_dtd(*args: Any) -> None:
            raise Stop(TableError("unreadable", "a DTD in the workbook"))

        def counting_start(tag: str, attrs: dict[str, str]) -> None:
            self.elements += 1
            if self.elements > MAX_ELEMENTS:
                raise Stop(TableError("elements", limit=MAX_ELEMENTS))
            start(tag, attrs)

        parser.StartDoctypeDeclHandler = no_dtd
        parser.EntityDeclHandler = no_dtd
        parser.StartElementHandler = counting_start
        if end is not None:
            parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            with self.zip.open(info) as stream:
                parser.ParseFile(stream)
        except Stop as stop:
            raise stop.error from None
        except (
            expat.ExpatError,
            zipfile.BadZipFile,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
        ) as exc:  # RuntimeError: encrypted
            raise TableError("unreadable", f"{type(exc).__name__}: {exc}") from None


def local_name(tag: str) -> str:
    """``"{ns} name"`` (expat with a namespace separator) → ``name``."""
    return tag.rpartition(" ")[2]


def relationships(book: Workbook, name: str) -> dict[str, str]:
    """Relationship id → target part (resolved against ``name``'s folder)."""
    folder = posixpath.dirname(name)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(name) + ".rels")
    found: dict[str, str] = {}
    if not book.has(rels_name):
        return found

    def start(tag: str, attrs: dict[str, str]) -> None:
        if local_name(tag) == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found[attrs["Id"]] = path

    book.parse(rels_name, "rels", start)
    return found


__all__ = [
    "MAX_DIRECTORY_BYTES",
    "MAX_ELEMENTS",
    "MAX_PARTS",
    "PART_LIMITS",
    "Stop",
    "Workbook",
    "local_name",
    "relationships",
]

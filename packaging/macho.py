"""The oldest macOS a Mach-O binary runs on, read from its load commands.

A macOS binary records its deployment target ("minos") in ``LC_BUILD_VERSION`` (Xcode 10
and later) or in the older ``LC_VERSION_MIN_MACOSX``; dyld refuses to load it on an older
macOS. A universal ("fat") file holds one binary per architecture, each with its own
minimum. ``build.py`` reads every Mach-O file of a built ``.app`` with this and refuses a
bundle whose ``LSMinimumSystemVersion`` promises less than its binaries need; the tests read
the binaries inside the PySide6 macOS wheels with it, on Linux.

Plain standard library (``struct``), so it runs on any build host. Layouts from Apple's
``<mach-o/loader.h>`` and ``<mach-o/fat.h>``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

Version = tuple[int, int, int]

FAT_MAGIC = 0xCAFEBABE  # big-endian header, 32-bit offsets
FAT_MAGIC_64 = 0xCAFEBABF  # big-endian header, 64-bit offsets
MH_MAGIC_64 = 0xFEEDFACF  # a thin 64-bit binary (little-endian on x86_64 and arm64)
MH_MAGIC = 0xFEEDFACE  # a thin 32-bit binary
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1
CPU_TYPES = {0x01000007: "x86_64", 0x0100000C: "arm64", 7: "i386", 12: "arm"}


def _version(packed: int) -> Version:
    """``xxxx.yy.zz`` packed in nibbles, as in ``LC_BUILD_VERSION.minos``."""
    return packed >> 16, (packed >> 8) & 0xFF, packed & 0xFF


def _thin_minimum(data: bytes, start: int) -> tuple[str, Version | None] | None:
    """(architecture, minimum macOS) of the thin binary at ``start``; None if not Mach-O."""
    if len(data) < start + 28:
        return None
    for order in ("<", ">"):
        magic = struct.unpack_from(order + "I", data, start)[0]
        if magic in (MH_MAGIC_64, MH_MAGIC):
            break
    else:
        return None
    cputype, _sub, _filetype, ncmds, _sizeofcmds = struct.unpack_from(
        order + "iIIII", data, start + 4
    )
    offset = start + (32 if magic == MH_MAGIC_64 else 28)
    minimum: Version | None = None
    for _ in range(ncmds):
        if offset + 16 > len(data):
            break
        cmd, size = struct.unpack_from(order + "II", data, offset)
        if cmd == LC_BUILD_VERSION:
            platform, minos = struct.unpack_from(order + "II", data, offset + 8)
            if platform == PLATFORM_MACOS:
                minimum = _version(minos)
        elif cmd == LC_VERSION_MIN_MACOSX and minimum is None:
            minimum = _version(struct.unpack_from(order + "I", data, offset + 8)[0])
        if size < 8:
            break  # a corrupt command: stop rather than loop
        offset += size
    return CPU_TYPES.get(cputype & 0xFFFFFFFF, hex(cputype & 0xFFFFFFFF)), minimum


def minimums(data: bytes) -> dict[str, Version | None]:
    """``{architecture: minimum macOS}`` of a (thin or universal) Mach-O file's bytes.

    Empty for anything that is not Mach-O. A binary without a version load command maps to
    None (it states no minimum).
    """
    if len(data) < 8:
        return {}
    magic, count = struct.unpack_from(">II", data, 0)
    if magic in (FAT_MAGIC, FAT_MAGIC_64) and count < 64:  # 0xCAFEBABE is also Java's magic
        found: dict[str, Version | None] = {}
        entry = 8
        for _ in range(count):
            if magic == FAT_MAGIC:
                offset = struct.unpack_from(">I", data, entry + 8)[0]
                entry += 20
            else:
                offset = struct.unpack_from(">Q", data, entry + 8)[0]
                entry += 32
            thin = _thin_minimum(data, offset)
            if thin is not None:
                found[thin[0]] = thin[1]
        return found
    thin = _thin_minimum(data, 0)
    return {} if thin is None else {thin[0]: thin[1]}


def file_minimums(path: Path) -> dict[str, Version | None]:
    with path.open("rb") as handle:
        head = handle.read(4)
        if len(head) < 4 or (
            struct.unpack(">I", head)[0] not in (FAT_MAGIC, FAT_MAGIC_64, MH_MAGIC, MH_MAGIC_64)
            and struct.unpack("<I", head)[0] not in (MH_MAGIC, MH_MAGIC_64)
        ):
            return {}
        return minimums(head + handle.read())


def highest(found: Iterable[dict[str, Version | None]], arch: str | None = None) -> Version:
    """The highest minimum among binaries (for one architecture when ``arch`` is given)."""
    versions = [
        version
        for item in found
        for name, version in item.items()
        if version is not None and (arch is None or name == arch)
    ]
    return max(versions, default=(0, 0, 0))


def text(version: Version) -> str:
    """``(13, 0, 0)`` → ``13.0``; ``(10, 13, 4)`` → ``10.13.4``."""
    major, minor, patch = version
    return f"{major}.{minor}" + (f".{patch}" if patch else "")

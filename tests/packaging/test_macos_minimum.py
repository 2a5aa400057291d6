"""macOS: the minimum version a Mach-O binary records, and build.py's check that the .app's
LSMinimumSystemVersion promises no less than its binaries need. Binaries are built here
byte by byte (the real PySide6 ones are read in test_foreign_wheels.py)."""

from __future__ import annotations

import plistlib
import struct
from pathlib import Path

import pytest

from tests.packaging.test_packaging_files import load

build = load("build", "movizor_packaging_build")
macho = build.macho

ARM64, X86_64 = 0x0100000C, 0x01000007


def version(major: int, minor: int = 0, patch: int = 0) -> int:
    return major << 16 | minor << 8 | patch


def thin(cputype: int, minos: int | None, *, old_style: bool = False, platform: int = 1) -> bytes:
    """A 64-bit little-endian Mach-O header with a segment-less load command or two."""
    commands = [struct.pack("<II", 0x19, 16) + bytes(8)]  # an LC_SEGMENT_64 stand-in
    if minos is not None and old_style:
        commands.append(struct.pack("<IIII", 0x24, 16, minos, version(15)))
    elif minos is not None:
        commands.append(struct.pack("<IIIIII", 0x32, 24, platform, minos, version(15), 0))
    body = b"".join(commands)
    header = struct.pack("<IiIIIIII", 0xFEEDFACF, cputype, 0, 6, len(commands), len(body), 0, 0)
    return header + body


def fat(*slices: tuple[int, bytes]) -> bytes:
    offset, table, payload = 4096, b"", b""
    for cputype, data in slices:
        table += struct.pack(">iIIII", cputype, 0, offset + len(payload), len(data), 12)
        payload += data + bytes(-len(data) % 4096)
    head = struct.pack(">II", 0xCAFEBABE, len(slices)) + table
    return head + bytes(offset - len(head)) + payload


def test_thin_binary_with_build_version():
    assert macho.minimums(thin(ARM64, version(13))) == {"arm64": (13, 0, 0)}


def test_older_version_min_command_and_no_command():
    assert macho.minimums(thin(X86_64, version(10, 13), old_style=True)) == {"x86_64": (10, 13, 0)}
    assert macho.minimums(thin(X86_64, None)) == {"x86_64": None}


def test_ios_build_version_is_not_a_macos_minimum():
    assert macho.minimums(thin(ARM64, version(17), platform=2)) == {"arm64": None}


def test_universal_binary_has_one_minimum_per_architecture():
    data = fat((X86_64, thin(X86_64, version(12, 3))), (ARM64, thin(ARM64, version(15))))
    assert macho.minimums(data) == {"x86_64": (12, 3, 0), "arm64": (15, 0, 0)}
    assert macho.highest([macho.minimums(data)]) == (15, 0, 0)
    assert macho.highest([macho.minimums(data)], "x86_64") == (12, 3, 0)
    assert macho.text((12, 3, 0)) == "12.3" and macho.text((10, 13, 4)) == "10.13.4"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x7fELF" + bytes(60),
        b"PK\x03\x04" + bytes(60),
        b"\xca\xfe\xba\xbe\x00\x03\x00\x2d" + bytes(40),
    ],
)  # Java
def test_other_files_are_not_mach_o(data, tmp_path):
    assert macho.minimums(data) == {}
    path = tmp_path / "file"
    path.write_bytes(data)
    assert macho.file_minimums(path) == {}


def make_app(root: Path, minimum: str, binaries: dict[str, bytes]) -> Path:
    app = root / "Movizor Desktop.app"
    (app / "Contents").mkdir(parents=True)
    with (app / "Contents" / "Info.plist").open("wb") as handle:
        plistlib.dump({"LSMinimumSystemVersion": minimum}, handle)
    for relative, data in binaries.items():
        path = app / "Contents" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return app


@pytest.fixture
def on_arm64(monkeypatch):
    monkeypatch.setattr(build.platform, "machine", lambda: "arm64")


def test_an_app_whose_binaries_fit_its_minimum(tmp_path, on_arm64):
    universal = fat((X86_64, thin(X86_64, version(14))), (ARM64, thin(ARM64, version(13))))
    app = make_app(
        tmp_path,
        "13.0",
        {
            "MacOS/movizor-desktop": thin(ARM64, version(10, 13)),
            "Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore": universal,
            "Resources/leaflet.js": b"/* not a binary */",
        },
    )
    assert build.macos_binaries_too_new(app) == []  # x86_64's 14.0 is not this build's


def test_a_binary_needing_a_newer_macos_fails_the_build(tmp_path, on_arm64):
    app = make_app(
        tmp_path,
        "13.0",
        {
            "Frameworks/numpy/_core/_multiarray_umath.so": thin(ARM64, version(14)),
        },
    )
    assert build.macos_binaries_too_new(app) == [
        "Contents/Frameworks/numpy/_core/_multiarray_umath.so needs macOS 14.0 (arm64), the "
        "Info.plist promises 13.0"
    ]


def test_pyside_binding_modules_are_reported_not_refused(tmp_path, on_arm64, capsys):
    app = make_app(
        tmp_path,
        "13.0",
        {
            "Frameworks/PySide6/QtCore.abi3.so": thin(ARM64, version(15)),
            "Frameworks/shiboken6/libshiboken6.abi3.6.11.dylib": thin(ARM64, version(15)),
        },
    )
    assert build.macos_binaries_too_new(app) == []
    assert (
        "2 PySide6/shiboken6 binding modules record a newer macOS than 13.0"
        in capsys.readouterr().out
    )

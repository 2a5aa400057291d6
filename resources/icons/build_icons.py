"""Generate the application icon files from ``movizor.svg`` (run after editing the SVG).

    python resources/icons/build_icons.py          # writes the files beside this script
    python resources/icons/build_icons.py --check  # exit 1 if a file is missing or stale

Writes ``movizor.png`` (256×256), ``movizor-512.png``, ``movizor.ico`` (Windows: 16, 24,
32, 48, 64, 128 and 256 px, PNG-compressed entries as Windows Vista and later read them)
and ``movizor.icns`` (macOS: 16–512 px and their @2x variants, PNG entries). Qt renders
the SVG (no Pillow needed); the two container formats are written here: both are a small
header, a table of entries and the PNG bytes.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "movizor.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type -> pixel size (PNG payloads, macOS 10.7+)
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at ``size``×``size`` as PNG bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG entry per size (ICONDIR + ICONDIRENTRY table)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    table, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        table += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + table + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns' + total length, then (type, length, PNG) chunks."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def outputs(svg: Path = SOURCE) -> dict[str, bytes]:
    """File name -> content of every generated file."""
    wanted = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES), 512})
    pngs = {size: render_png(svg, size) for size in wanted}
    return {
        "movizor.png": pngs[256],
        "movizor-512.png": pngs[512],
        "movizor.ico": ico_bytes({size: pngs[size] for size in ICO_SIZES}),
        "movizor.icns": icns_bytes(pngs),
    }


def png_payloads(data: bytes) -> list[bytes]:
    """The PNG images inside a generated file: the file itself, or the entries of an
    .ico/.icns container (each entry is a complete PNG stream)."""
    if data.startswith(b"\x89PNG"):
        return [data]
    found, start = [], data.find(b"\x89PNG")
    while start >= 0:
        end = data.find(b"IEND", start)
        found.append(data[start : end + 8])
        start = data.find(b"\x89PNG", end)
    return found


# Qt's rasteriser picks SIMD paths by CPU, so the same SVG can come out a few
# anti-aliased edge pixels apart on two machines; an edited drawing changes far more.
MAX_CHANNEL_DIFF = 24
MAX_DIFFERENT_SHARE = 0.01


def same_pictures(old: bytes, new: bytes) -> bool:
    """True when ``old`` holds the same images as ``new``, up to rasteriser noise."""
    from PySide6.QtGui import QImage

    olds, news = png_payloads(old), png_payloads(new)
    if len(olds) != len(news) or len(old) < len(new) // 2:
        return False
    for a_bytes, b_bytes in zip(olds, news, strict=True):
        a = QImage.fromData(a_bytes).convertToFormat(QImage.Format.Format_ARGB32)
        b = QImage.fromData(b_bytes).convertToFormat(QImage.Format.Format_ARGB32)
        if a.isNull() or a.size() != b.size():
            return False
        a_px, b_px = bytes(a.constBits()), bytes(b.constBits())
        different = sum(1 for x, y in zip(a_px, b_px, strict=True) if abs(x - y) > MAX_CHANNEL_DIFF)
        if different > MAX_DIFFERENT_SHARE * len(a_px):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check the files exist and match the SVG"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    stale = []
    for name, data in outputs().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or not same_pictures(path.read_bytes(), data):
                stale.append(name)
            continue
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        print(f"wrote {path} ({len(data):,} bytes)")
    if stale:
        print("stale or missing (run resources/icons/build_icons.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

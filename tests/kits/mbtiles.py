"""MBTiles files made by the tests (no binary blobs in the repository): raster tiles drawn
by hand (``solid_png``) in a SQLite file laid out as the MBTiles 1.3 spec says."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from movizor_desktop.store.mbtiles import solid_png

GREEN = (34, 139, 34, 255)
TILE = solid_png(256, 256, GREEN)


def make_mbtiles(
    path: Path,
    tiles: Mapping[tuple[int, int, int], bytes] | None = None,
    *,
    metadata: Mapping[str, str] | None = None,
    xyz_rows: bool = False,
    as_view: bool = False,
) -> Path:
    """Write an MBTiles file. ``tiles`` maps map (XYZ) coordinates to image bytes (default:
    the whole world at zooms 0–2 in green); rows are stored TMS-style (from the south)
    unless ``xyz_rows``. ``as_view`` stores them the way mbutil does: ``map`` and
    ``images`` tables and a ``tiles`` view."""
    if tiles is None:
        tiles = {(z, x, y): TILE for z in range(3) for x in range(1 << z) for y in range(1 << z)}
    meta = {
        "name": "Test tiles",
        "format": "png",
        "minzoom": "0",
        "maxzoom": "2",
        "bounds": "-180,-85.05,180,85.05",
        "attribution": '<a href="https://example.org">&copy; Test &amp; Co</a>',
    }
    meta.update(metadata or {})
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name text, value text)")
        db.executemany(
            "INSERT INTO metadata VALUES (?, ?)", [(k, v) for k, v in meta.items() if v is not None]
        )
        rows: Iterable[tuple[int, int, int, bytes]] = [
            (z, x, y if xyz_rows else (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()
        ]
        if as_view:
            db.execute(
                "CREATE TABLE map (zoom_level integer, tile_column integer, "
                "tile_row integer, tile_id text)"
            )
            db.execute("CREATE TABLE images (tile_id text, tile_data blob)")
            for i, (z, x, y, data) in enumerate(rows):
                db.execute("INSERT INTO map VALUES (?, ?, ?, ?)", (z, x, y, str(i)))
                db.execute("INSERT INTO images VALUES (?, ?)", (str(i), data))
            db.execute(
                "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, "
                "map.tile_column AS tile_column, map.tile_row AS tile_row, "
                "images.tile_data AS tile_data FROM map JOIN images "
                "ON images.tile_id = map.tile_id"
            )
        else:
            db.execute(
                "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                "tile_row integer, tile_data blob)"
            )
            db.execute(
                "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)"
            )
            db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    db.close()
    return path

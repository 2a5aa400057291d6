"""Offline tiles from an MBTiles file made by the test: metadata, the TMS row flip (and the
files that number rows from the north), views, bad files named, a bounded cache, reads from
many threads, and a read-only open."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from movizor_desktop.store.mbtiles import (
    BLANK_PNG,
    MBTilesError,
    MBTilesReader,
    check_mbtiles,
    plain_text,
    sniff_mime,
    solid_png,
)
from tests.kits.mbtiles import TILE, make_mbtiles


def coloured(z: int, x: int, y: int) -> bytes:
    """A tile whose colour encodes its coordinates (to prove which one was served)."""
    return solid_png(4, 4, (z * 40, x * 30 % 256, y * 30 % 256, 255))


def distinct(path: Path, **kwargs) -> Path:
    tiles = {
        (z, x, y): coloured(z, x, y) for z in range(3) for x in range(1 << z) for y in range(1 << z)
    }
    return make_mbtiles(path, tiles, **kwargs)


def test_metadata_is_read_and_markup_removed(tmp_path: Path) -> None:
    info = check_mbtiles(make_mbtiles(tmp_path / "world.mbtiles"))
    assert (info.name, info.format, info.mime) == ("Test tiles", "png", "image/png")
    assert (info.min_zoom, info.max_zoom, info.tms) == (0, 2, True)
    assert info.bounds == (-180, -85.05, 180, 85.05)
    assert info.attribution == "© Test & Co"  # plain text: never HTML into the page


@pytest.mark.parametrize("xyz_rows", [False, True])
def test_the_row_is_flipped_unless_the_file_says_xyz(tmp_path: Path, xyz_rows: bool) -> None:
    path = distinct(
        tmp_path / "t.mbtiles", xyz_rows=xyz_rows, metadata={"scheme": "xyz"} if xyz_rows else None
    )
    reader = MBTilesReader(path)
    try:
        assert reader.open().tms is not xyz_rows
        for z, x, y in [(0, 0, 0), (1, 0, 0), (1, 0, 1), (2, 3, 0), (2, 1, 2)]:
            assert reader.tile(z, x, y) == coloured(z, x, y), (z, x, y)
    finally:
        reader.close()


def test_tiles_in_a_view_as_mbutil_writes_them(tmp_path: Path) -> None:
    reader = MBTilesReader(distinct(tmp_path / "v.mbtiles", as_view=True))
    assert reader.tile(2, 3, 1) == coloured(2, 3, 1)
    reader.close()


def test_missing_tiles_and_coordinates_off_the_grid_are_none(tmp_path: Path) -> None:
    reader = MBTilesReader(make_mbtiles(tmp_path / "w.mbtiles"))
    assert reader.tile(3, 0, 0) is None  # zoom 3 not in the file
    assert reader.tile(1, 2, 0) is None and reader.tile(1, 0, -1) is None
    assert reader.tile(-1, 0, 0) is None and reader.tile(40, 0, 0) is None
    reader.close()
    assert sniff_mime(BLANK_PNG) == "image/png"


def test_zooms_come_from_the_tiles_when_the_metadata_lacks_them(tmp_path: Path) -> None:
    path = make_mbtiles(
        tmp_path / "z.mbtiles",
        {(4, 1, 1): TILE, (6, 2, 2): TILE},
        metadata={"minzoom": None, "maxzoom": "nonsense", "format": None},
    )
    info = check_mbtiles(path)
    assert (info.min_zoom, info.max_zoom, info.format) == (4, 6, "png")


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda p: None, "missing"),
        (lambda p: p.write_bytes(b"this is not a database at all" * 100), "not_sqlite"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE x (a)").connection.commit(),
            "not_mbtiles",
        ),
        (lambda p: make_mbtiles(p, {}), "empty"),
        (lambda p: make_mbtiles(p, metadata={"format": "pbf"}), "vector"),
        (
            lambda p: make_mbtiles(p, {(0, 0, 0): b"\x1f\x8b\x08 gzip"}, metadata={"format": None}),
            "vector",
        ),
        (
            lambda p: make_mbtiles(p, {(0, 0, 0): b"GIF89a..."}, metadata={"format": "gif"}),
            "format",
        ),
    ],
)
def test_bad_files_say_why(tmp_path: Path, setup, reason: str) -> None:
    path = tmp_path / "bad.mbtiles"
    setup(path)
    with pytest.raises(MBTilesError) as caught:
        check_mbtiles(path)
    assert caught.value.reason == reason


def test_the_file_is_opened_read_only(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "ro.mbtiles")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    reader = MBTilesReader(path)
    reader.open()
    connection = reader._acquire()
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("DELETE FROM tiles")
    reader._release(connection)
    reader.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.mbtiles"]  # no journal left


def test_the_cache_is_bounded_and_huge_tiles_are_refused(tmp_path: Path) -> None:
    big = solid_png(64, 64, (1, 2, 3, 255))
    tiles = {(2, x, y): big for x in range(4) for y in range(4)}
    tiles[(1, 0, 0)] = b"\x89PNG\r\n\x1a\n" + bytes(5000)  # over the per-tile limit
    reader = MBTilesReader(
        make_mbtiles(tmp_path / "c.mbtiles", tiles), cache_bytes=3 * len(big), tile_max_bytes=4096
    )
    for x in range(4):
        assert reader.tile(2, x, 0) == big
    assert reader.cached_bytes <= 3 * len(big)
    reads = reader.reads
    assert reader.tile(2, 3, 0) == big and reader.reads == reads  # from the cache
    assert reader.tile(2, 0, 0) == big and reader.reads == reads + 1  # evicted: read again
    assert reader.tile(1, 0, 0) is None
    reader.close()


def test_many_threads_read_at_once_on_a_bounded_pool(tmp_path: Path) -> None:
    path = distinct(tmp_path / "mt.mbtiles")
    reader = MBTilesReader(path, connections=2, cache_bytes=0)
    reader.open()
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            for i in range(200):
                z = (seed + i) % 3
                x, y = i % (1 << z), (i // 3) % (1 << z)
                assert reader.tile(z, x, y) == coloured(z, x, y)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and reader._made <= 2
    reader.close()
    with pytest.raises(MBTilesError):
        reader.tile(0, 0, 0)


def test_plain_text() -> None:
    assert plain_text('<a href="x">&copy; OpenMapTiles</a> <b>OSM</b>\x00') == "© OpenMapTiles OSM"
    assert plain_text("<script>alert(1)</script>") == "alert(1)"

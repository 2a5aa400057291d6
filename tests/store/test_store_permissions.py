"""Other local users cannot read the app's data: folders 0700 and files 0600 on POSIX
(the cache holds drivers' phones and tracks, the logs name them), whatever the umask;
atomic writes never touch the process umask; exports keep ordinary permissions."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from movizor_desktop.bootstrap import move_faulthandler
from movizor_desktop.exchange.export_files import write_atomic as write_export
from movizor_desktop.exchange.import_journal import ImportJournal
from movizor_desktop.logs import setup_logging
from movizor_desktop.store import AppPaths, AppSettings, Cache, Profile, ProfileStore, files
from movizor_desktop.store.settings import save_settings
from tests.kits.store_samples import rows

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[int]:
    """The umask most desktops have (022): files would be 0644 and folders 0755."""
    previous = os.umask(0o022)
    yield 0o022
    os.umask(previous)


@pytest.fixture
def file_logging(app_home: Path) -> Iterator[Path]:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    log_file = setup_logging(AppPaths().log_dir, console=False)
    yield log_file
    for handler in [h for h in root.handlers if h not in saved[1]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[0])
    logging.captureWarnings(False)


def everything_under(home: Path) -> tuple[list[Path], list[Path]]:
    paths = sorted(home.rglob("*"))
    return [p for p in paths if p.is_dir()], [p for p in paths if p.is_file()]


def test_every_folder_and_file_the_app_writes_is_private(
    app_home, usual_umask, file_logging
) -> None:
    paths = AppPaths()
    logging.getLogger("movizor_desktop.test").warning("Иванов +7 921 000-00-00")
    save_settings(paths, AppSettings())
    ProfileStore(paths).save(Profile(name="Основной", base_url="http://x/api/", project="demo"))
    cache = Cache.for_profile(paths, "Основной")
    cache.save_rows(rows(3))  # leaves the -wal and -shm files
    ImportJournal.for_profile("Основной", paths).record("79210000001", "sending")
    move_faulthandler(paths.log_dir)
    _ = paths.cache_dir
    try:
        folders, written = everything_under(app_home)
        assert {p.name for p in written} >= {
            "movizor-desktop.log",
            "settings.json",
            "cache.sqlite3",
            "cache.sqlite3-wal",
            "cache.sqlite3-shm",
            "crash.log",
        }
        assert {
            str(p.relative_to(app_home)): oct(mode(p)) for p in folders if mode(p) != 0o700
        } == {}
        assert {
            str(p.relative_to(app_home)): oct(mode(p)) for p in written if mode(p) != 0o600
        } == {}
    finally:
        cache.close()


def test_folders_and_files_an_older_version_left_readable_are_tightened(
    app_home, usual_umask
) -> None:
    for name in ("config", "data", "logs", "cache"):
        (app_home / name).mkdir(mode=0o755)
    log_file = app_home / "logs" / "movizor-desktop.log"
    log_file.write_text("old line\n")
    profile_dir = app_home / "data" / "profiles" / "x"
    profile_dir.mkdir(parents=True, mode=0o755)
    os.chmod(log_file, 0o644)
    paths = AppPaths()
    assert [
        mode(d) for d in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir)
    ] == [0o700] * 4
    old_cache = Cache(profile_dir / "cache.sqlite3")
    old_cache.close()
    os.chmod(profile_dir / "cache.sqlite3", 0o644)
    Cache(profile_dir / "cache.sqlite3").close()
    assert mode(profile_dir / "cache.sqlite3") == 0o600
    root = logging.getLogger()
    saved = list(root.handlers)
    setup_logging(paths.log_dir, console=False)
    try:
        assert mode(log_file) == 0o600
        assert log_file.read_text().startswith("old line")  # tightened, not replaced
    finally:
        for handler in [h for h in root.handlers if h not in saved]:
            root.removeHandler(handler)
            handler.close()
        logging.captureWarnings(False)


def test_rotated_logs_stay_private(app_home, usual_umask, file_logging, monkeypatch) -> None:
    handler = next(
        h
        for h in logging.getLogger().handlers
        if getattr(h, "baseFilename", None) == str(file_logging)
    )
    monkeypatch.setattr(handler, "maxBytes", 200)
    for i in range(20):
        logging.getLogger("movizor_desktop.test").warning("line %d %s", i, "x" * 50)
    rotated = sorted(file_logging.parent.glob("movizor-desktop.log*"))
    assert len(rotated) > 2
    assert {p.name: oct(mode(p)) for p in rotated if mode(p) != 0o600} == {}


def test_atomic_writes_never_touch_the_process_umask(tmp_path, usual_umask, monkeypatch) -> None:
    def forbidden(mask: int) -> int:
        raise AssertionError("os.umask changed the mask of the whole process")

    monkeypatch.setattr(os, "umask", forbidden)
    private = tmp_path / "settings.json"
    files.atomic_write_text(private, "{}\n")
    export = write_export(tmp_path / "list.csv", lambda handle: handle.write(b"a;b\r\n"))
    monkeypatch.undo()
    assert mode(private) == 0o600
    assert mode(export) == 0o666 & ~usual_umask  # an export is meant to be shared
    assert export.read_bytes() == b"a;b\r\n"


def test_an_export_written_over_a_file_keeps_that_files_permissions(tmp_path, usual_umask) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_export(target, lambda handle: handle.write(b"new"))
    assert (target.read_bytes(), mode(target)) == (b"new", 0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]

"""ProfileStore: CRUD, rename, active profile, corrupt file recovery, never a key in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from movizor_desktop.store import AppPaths, Profile, ProfileStore


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths()


def test_validate():
    assert Profile("Main", project="demo").validate() == []
    assert (
        Profile("Main", base_url="http://127.0.0.1:8080/api/", project="p", method="GET").validate()
        == []
    )
    fields = [
        f for f, _ in Profile(" ", project="a/b", base_url="ftp://x", method="PUT").validate()
    ]
    assert fields == ["name", "project", "base_url", "method"]
    assert [f for f, _ in Profile("x", project="").validate()] == ["project"]
    assert [f for f, _ in Profile("x", project="p", base_url="https://").validate()] == ["base_url"]
    assert all(isinstance(m, str) and m for _, m in Profile("").validate())


def test_crud_and_persistence(paths: AppPaths):
    store = ProfileStore(paths)
    assert store.list() == [] and store.active is None and not store.recovered
    a = Profile("Основной", project="demo")
    b = Profile("Test", base_url="http://localhost:1/api/", project="t", method="GET")
    store.save(a)
    store.save(b)
    store.active = "Test"
    again = ProfileStore(paths)
    assert again.list() == [a, b]
    assert again.get("Основной") == a and again.get("nope") is None
    assert again.active == "Test"
    changed = Profile("Основной", project="other")
    again.save(changed)
    assert ProfileStore(paths).list() == [changed, b]
    again.delete("Test")
    again.delete("Test")  # absent: no-op
    reread = ProfileStore(paths)
    assert reread.list() == [changed] and reread.active is None


def test_rename_keeps_position_and_active(paths: AppPaths):
    store = ProfileStore(paths)
    for name in ("a", "b", "c"):
        store.save(Profile(name, project=name))
    store.active = "b"
    store.save(Profile("B2", project="b"), old_name="b")
    reread = ProfileStore(paths)
    assert [p.name for p in reread.list()] == ["a", "B2", "c"]
    assert reread.active == "B2" and reread.get("b") is None
    with pytest.raises(ValueError):
        store.save(Profile("a", project="x"), old_name="c")  # would clobber "a"
    store.save(Profile("c", project="same"), old_name="c")  # same name: plain update
    assert store.get("c") == Profile("c", project="same")


def test_active_must_exist(paths: AppPaths):
    store = ProfileStore(paths)
    with pytest.raises(ValueError):
        store.active = "ghost"
    with pytest.raises(ValueError):
        store.save(Profile("  "))
    store.save(Profile("x", project="p"))
    store.active = "x"
    store.active = None
    assert ProfileStore(paths).active is None


@pytest.mark.parametrize(
    "garbage", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"profiles": 5}']
)
def test_corrupt_file_is_moved_aside(paths: AppPaths, garbage: bytes):
    path = paths.config_dir / "profiles.json"
    path.write_bytes(garbage)
    store = ProfileStore(paths)
    assert store.recovered and store.list() == [] and store.active is None
    assert store.recovered_from is not None and store.recovered_from.read_bytes() == garbage
    assert store.recovered_from.name.startswith("profiles.json.corrupt-")
    assert not path.exists()
    store.save(Profile("new", project="p"))
    fresh = ProfileStore(paths)
    assert not fresh.recovered and [p.name for p in fresh.list()] == ["new"]


def test_tolerant_entries_and_no_key_ever_written(paths: AppPaths):
    path = paths.config_dir / "profiles.json"
    path.write_text(
        json.dumps(
            {
                "active": "missing",
                "profiles": [
                    {"name": "ok", "project": "p", "key": "legacy-secret", "extra": 1},
                    {"project": "nameless"},
                    "junk",
                    {"name": 5},
                    {"name": "ok", "project": "duplicate"},
                ],
            }
        ),
        encoding="utf-8",
    )
    store = ProfileStore(paths)
    assert not store.recovered
    assert store.list() == [Profile("ok", project="p")] and store.active is None
    store.save(Profile("second", project="q"))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert all(
        set(entry) == {"name", "base_url", "project", "method", "allow_plain_http"}
        for entry in document["profiles"]
    )
    assert "key" not in path.read_text(encoding="utf-8")
    assert "legacy-secret" not in path.read_text(encoding="utf-8")


def test_atomic_write_leaves_no_temp_files(paths: AppPaths):
    store = ProfileStore(paths)
    for i in range(5):
        store.save(Profile(f"p{i}", project="x"))
    assert sorted(p.name for p in Path(paths.config_dir).iterdir()) == ["profiles.json"]

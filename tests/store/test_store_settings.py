"""Settings: defaults, round trip, clamping, corrupt file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from movizor_desktop.store import AppPaths, AppSettings, load_settings, save_settings


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths()


def test_defaults_when_missing(paths: AppPaths):
    settings = load_settings(paths)
    assert settings == AppSettings()
    assert settings.language == "" and settings.sync_interval == 60
    assert settings.low_balance == Decimal("300")
    assert settings.tile_url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in settings.tile_attribution


def test_round_trip(paths: AppPaths):
    mine = AppSettings(
        language="ru",
        sync_interval=120,
        low_balance=Decimal("1500.50"),
        tile_url="http://tiles.local/{z}/{x}/{y}.png",
        tile_attribution="© мы",
        mbtiles_path="/srv/карты/russia.mbtiles",
        planning_speed_kmh=55.5,
        planning_circuity=1.35,
        rest_rules_id="ru-424-no-tachograph",
        rest_rules_path="/srv/правила/2027.json",
    )
    save_settings(paths, mine)
    assert load_settings(paths) == mine
    raw = json.loads((paths.config_dir / "settings.json").read_text(encoding="utf-8"))
    assert raw["low_balance"] == "1500.50"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({"sync_interval": 1}, {"sync_interval": 15}),
        ({"sync_interval": 10**9}, {"sync_interval": 3600}),
        ({"sync_interval": "90"}, {"sync_interval": 90}),
        ({"sync_interval": 30.6}, {"sync_interval": 31}),
        ({"sync_interval": True}, {"sync_interval": 60}),
        ({"sync_interval": "soon"}, {"sync_interval": 60}),
        ({"sync_interval": None}, {"sync_interval": 60}),
        ({"low_balance": -5}, {"low_balance": Decimal(0)}),
        ({"low_balance": "1e12"}, {"low_balance": Decimal("1000000")}),
        ({"low_balance": "NaN"}, {"low_balance": Decimal("300")}),
        ({"low_balance": "12,5"}, {"low_balance": Decimal("12.5")}),
        ({"low_balance": [1]}, {"low_balance": Decimal("300")}),
        ({"planning_speed_kmh": 1}, {"planning_speed_kmh": 5.0}),
        ({"planning_speed_kmh": "72,5"}, {"planning_speed_kmh": 72.5}),
        ({"planning_speed_kmh": "inf"}, {"planning_speed_kmh": 60.0}),
        ({"planning_speed_kmh": True}, {"planning_speed_kmh": 60.0}),
        ({"planning_circuity": 0.5}, {"planning_circuity": 1.0}),
        ({"planning_circuity": 9}, {"planning_circuity": 3.0}),
        ({"planning_circuity": "x"}, {"planning_circuity": 1.2}),
        ({"rest_rules_id": "../../etc/passwd"}, {"rest_rules_id": ""}),
        ({"rest_rules_id": "eu-561"}, {"rest_rules_id": "eu-561"}),
        ({"rest_rules_path": "a\nb"}, {"rest_rules_path": ""}),
        ({"language": "EN"}, {"language": "en"}),
        ({"language": "de"}, {"language": ""}),
        ({"tile_url": "file:///etc/passwd"}, {"tile_url": AppSettings().tile_url}),
        ({"tile_url": "https://a/{z}.png"}, {"tile_url": AppSettings().tile_url}),
        ({"tile_attribution": 5}, {"tile_attribution": AppSettings().tile_attribution}),
        (
            {"mbtiles_path": "  /data/maps/russia.mbtiles "},
            {"mbtiles_path": "/data/maps/russia.mbtiles"},
        ),
        (
            {"mbtiles_path": "C:\\Карты\\Россия.mbtiles"},
            {"mbtiles_path": "C:\\Карты\\Россия.mbtiles"},
        ),
        ({"mbtiles_path": "/tmp/a\x00b.mbtiles"}, {"mbtiles_path": ""}),
        ({"mbtiles_path": "/x" * 3000}, {"mbtiles_path": ""}),
        ({"mbtiles_path": 5}, {"mbtiles_path": ""}),
        ({"unknown": 1, "version": 99}, {}),
    ],
)
def test_clamping_and_bad_values(paths: AppPaths, stored: dict, expected: dict):
    (paths.config_dir / "settings.json").write_text(json.dumps(stored), encoding="utf-8")
    settings = load_settings(paths)
    for field, value in expected.items():
        assert getattr(settings, field) == value
    untouched = set(vars(AppSettings())) - set(expected)
    assert all(getattr(settings, f) == getattr(AppSettings(), f) for f in untouched)


def test_save_clamps_too(paths: AppPaths):
    save_settings(paths, AppSettings(sync_interval=5, low_balance=Decimal("-1")))
    assert load_settings(paths) == AppSettings(sync_interval=15, low_balance=Decimal(0))


@pytest.mark.parametrize("garbage", [b"{", b"\xff\xfe", b"[]", b"null"])
def test_corrupt_file_gives_defaults(paths: AppPaths, garbage: bytes):
    path = paths.config_dir / "settings.json"
    path.write_bytes(garbage)
    assert load_settings(paths) == AppSettings()
    aside = [p for p in paths.config_dir.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    save_settings(paths, AppSettings(language="en"))
    assert load_settings(paths).language == "en"

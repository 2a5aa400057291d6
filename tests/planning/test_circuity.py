"""The default circuity is the one the calibration in docs/planning.md gives: each pair's
road distance (from the sources named there) over the great circle between the city
centres, computed here with the app's own haversine."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from movizor_desktop.planning.geo import DEFAULT_CIRCUITY, haversine_km

CENTRES = {
    "Москва": (55.7558, 37.6173),
    "Санкт-Петербург": (59.9386, 30.3141),
    "Казань": (55.7963, 49.1088),
    "Владимир": (56.1290, 40.4070),
    "Чебоксары": (56.1322, 47.2519),
    "Екатеринбург": (56.8389, 60.6057),
    "Новороссийск": (44.7235, 37.7686),
    "Челябинск": (55.1644, 61.4368),
    "Омск": (54.9885, 73.3242),
    "Новосибирск": (55.0084, 82.9357),
    "Красноярск": (56.0153, 92.8932),
}
# (from, to, road km) — the same rows as the table in docs/planning.md
PAIRS = [
    ("Москва", "Санкт-Петербург", 716),
    ("Москва", "Казань", 816),
    ("Владимир", "Казань", 620),
    ("Казань", "Чебоксары", 160),
    ("Казань", "Санкт-Петербург", 1518),
    ("Москва", "Екатеринбург", 1800),
    ("Москва", "Новороссийск", 1544),
    ("Челябинск", "Новосибирск", 1528),
    ("Омск", "Новосибирск", 650),
    ("Омск", "Красноярск", 1427),
]
DOC = Path(__file__).resolve().parents[2] / "docs" / "planning.md"


def ratios() -> list[float]:
    return [road / haversine_km(*CENTRES[a], *CENTRES[b]) for a, b, road in PAIRS]


def test_the_default_is_the_mean_of_the_pairs_to_the_nearest_0_05() -> None:
    mean = statistics.mean(ratios())
    assert mean == pytest.approx(1.186, abs=0.001)
    assert round(mean * 20) / 20 == DEFAULT_CIRCUITY == 1.2
    assert statistics.median(ratios()) == pytest.approx(1.15, abs=0.005)
    assert min(ratios()) > 1.05 and max(ratios()) < 1.35


def test_the_documented_table_has_every_pair_and_ratio() -> None:
    text = DOC.read_text(encoding="utf-8")
    for (a, b, road), ratio in zip(PAIRS, ratios(), strict=True):
        gc = round(haversine_km(*CENTRES[a], *CENTRES[b]))
        row = f"| {a} — {b} | {gc:,} | {road:,} | {ratio:.2f} |".replace(",", " ")
        assert row in text, row

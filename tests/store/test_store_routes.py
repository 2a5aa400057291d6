"""Saved route templates: save, replace, delete, re-time, and survive a damaged file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from movizor_desktop.api.encoding import MSK, RoutePoint
from movizor_desktop.store import AppPaths
from movizor_desktop.store.routes import (
    FILE_NAME,
    RouteTemplate,
    RouteTemplates,
    TemplatePoint,
    template_points,
)

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=MSK)
ROUTE = [
    RoutePoint("Склад, Москва", 55.64, 37.615, T0),
    RoutePoint("Казань", 55.7963, 49.1088, T0 + timedelta(hours=12, minutes=30)),
    RoutePoint("Без времени", 56.0, 50.0, None),
]


@pytest.fixture
def store(app_home) -> RouteTemplates:
    return RouteTemplates(AppPaths())


def test_empty_then_save_list_get_delete(store: RouteTemplates) -> None:
    assert store.list() == []
    assert store.save("Москва — Казань", template_points(ROUTE)) is False
    assert store.save("a first", [TemplatePoint("X", 1, 2)]) is False
    assert [t.name for t in store.list()] == ["a first", "Москва — Казань"]
    template = store.get("москва — казань")
    assert template is not None
    assert [p.hours_after_start for p in template.points] == [0.0, 12.5, None]
    assert template.points[0] == TemplatePoint("Склад, Москва", 55.64, 37.615, 0.0)
    assert store.delete("A FIRST") is True
    assert store.delete("a first") is False
    assert [t.name for t in store.list()] == ["Москва — Казань"]
    data = json.loads((AppPaths().config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["templates"][0]["name"] == "Москва — Казань"


def test_same_name_replaces(store: RouteTemplates) -> None:
    store.save("Рейс", template_points(ROUTE))
    assert store.save(" рейс ", [TemplatePoint("Один", 55, 37, None)]) is True
    templates = store.list()
    assert len(templates) == 1 and templates[0].name == "рейс"
    assert templates[0].points == (TemplatePoint("Один", 55, 37, None),)


def test_names_and_points_are_checked(store: RouteTemplates) -> None:
    with pytest.raises(ValueError):
        store.save("  ", template_points(ROUTE))
    with pytest.raises(ValueError):
        store.save("x" * 101, template_points(ROUTE))
    with pytest.raises(ValueError):
        store.save("empty", [])
    with pytest.raises(ValueError):
        TemplatePoint("bad", 91, 0)


def test_instantiate_retimes_from_a_new_start() -> None:
    template = RouteTemplate("r", template_points(ROUTE))
    assert template.timed
    start = datetime(2026, 12, 1, 6, 0, 41, tzinfo=MSK)
    points = template.instantiate(start)
    assert [p.time for p in points] == [
        start.replace(second=0),
        start.replace(second=0) + timedelta(hours=12, minutes=30),
        None,
    ]
    assert [(p.text, p.lat, p.lon) for p in points] == [(p.text, p.lat, p.lon) for p in ROUTE]
    untimed = RouteTemplate("u", (TemplatePoint("A", 1, 1), TemplatePoint("B", 2, 2)))
    assert not untimed.timed


def test_offsets_count_from_the_first_planned_time() -> None:
    route = [
        RoutePoint("A", 1, 1, None),
        RoutePoint("B", 2, 2, T0),
        RoutePoint("C", 3, 3, T0 + timedelta(minutes=90)),
    ]
    assert [p.hours_after_start for p in template_points(route)] == [None, 0.0, 1.5]
    explicit = template_points(route, start=T0 - timedelta(hours=1))
    assert [p.hours_after_start for p in explicit] == [None, 1.0, 2.5]


def test_corrupt_file_is_moved_aside(store: RouteTemplates) -> None:
    path = AppPaths().config_dir / FILE_NAME
    path.write_text("{not json", encoding="utf-8")
    assert store.list() == []
    assert not path.exists()
    assert len(list(path.parent.glob(f"{FILE_NAME}.corrupt-*"))) == 1
    store.save("new", [TemplatePoint("A", 1, 1)])
    assert [t.name for t in store.list()] == ["new"]


def test_bad_entries_are_skipped_one_by_one(store: RouteTemplates) -> None:
    path = AppPaths().config_dir / FILE_NAME
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "templates": [
                    {
                        "name": "good",
                        "points": [
                            {"text": "A", "lat": 55, "lon": 37, "hours_after_start": 0},
                            {"text": "bad lat", "lat": 95, "lon": 37},
                            {"text": "bad type", "lat": "55", "lon": 37},
                            {"text": "bool", "lat": True, "lon": 37},
                            {"text": "B", "lat": 56, "lon": 38, "hours_after_start": 2.5},
                        ],
                    },
                    {"name": "", "points": [{"text": "A", "lat": 1, "lon": 1}]},
                    {"name": "no points", "points": []},
                    "garbage",
                    {"name": "all bad", "points": [{"lat": 999}]},
                ],
            }
        ),
        encoding="utf-8",
    )
    templates = store.list()
    assert [t.name for t in templates] == ["good"]
    assert [p.text for p in templates[0].points] == ["A", "B"]
    assert path.exists()  # a readable file with bad entries is not moved aside


def test_wrong_shape_is_moved_aside(store: RouteTemplates) -> None:
    path = AppPaths().config_dir / FILE_NAME
    path.write_text(json.dumps([1, 2, 3]), encoding="utf-8")
    assert store.list() == []
    assert not path.exists()

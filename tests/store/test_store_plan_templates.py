"""Saved plan templates: save, replace, re-time on load, delete, and survive a damaged file;
the file is written atomically and is private."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

import pytest

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning import Plan, PlanPoint
from movizor_desktop.store import AppPaths, files
from movizor_desktop.store.plan_templates import FILE_NAME, PlanTemplates


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


PLAN = Plan(
    "Казань — Самара",
    (
        PlanPoint("Казань", 55.7963, 49.1088, msk(2026, 12, 7, 9), msk(2026, 12, 7, 10), 45),
        PlanPoint("Самара", 53.1959, 50.1002, None, msk(2026, 12, 7, 18), 30),
    ),
    speed_kmh=65,
)


@pytest.fixture
def store(app_home) -> PlanTemplates:
    return PlanTemplates(AppPaths())


def test_save_list_load_retimed_replace_delete(store: PlanTemplates) -> None:
    assert store.names() == [] and store.load("x", msk(2026, 12, 1)) is None
    assert store.save(PLAN) is False
    assert store.save(Plan("a first", (PlanPoint("X", 1, 2),))) is False
    assert store.names() == ["a first", "Казань — Самара"]
    again = store.load("казань — самара", msk(2026, 12, 20, 7, 0))
    assert again is not None and again.speed_kmh == 65
    assert [(p.earliest, p.latest) for p in again.points] == [
        (msk(2026, 12, 20, 7, 0), msk(2026, 12, 20, 8, 0)),
        (None, msk(2026, 12, 20, 16, 0)),
    ]
    assert store.save(Plan("КАЗАНЬ — САМАРА", PLAN.points[:1])) is True  # replaced
    assert len(store.load("Казань — Самара", msk(2026, 12, 1)).points) == 1
    assert store.delete("A FIRST") is True and store.delete("a first") is False
    assert store.names() == ["КАЗАНЬ — САМАРА"]


def test_bad_names_and_empty_plans_are_refused(store: PlanTemplates) -> None:
    for bad in (Plan("  ", PLAN.points), Plan("x" * 101, PLAN.points), Plan("empty")):
        with pytest.raises(ValueError):
            store.save(bad)
    assert not store.path.exists()


def test_the_file_is_written_atomically_and_privately(store: PlanTemplates, monkeypatch) -> None:
    calls = []
    real = files.write_atomic

    def spy(path, write, **kwargs):
        calls.append(path)
        return real(path, write, **kwargs)

    monkeypatch.setattr("movizor_desktop.store.plan_templates.write_atomic", spy)
    store.save(PLAN)
    assert calls == [store.path]
    assert json.loads(store.path.read_text("utf-8"))["templates"][0]["kind"] == "template"
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_a_damaged_file_is_moved_aside_and_a_bad_template_skipped(store: PlanTemplates) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ not json", "utf-8")
    assert store.names() == []
    assert not store.path.exists()
    assert any(p.name.startswith(FILE_NAME + ".corrupt-") for p in store.path.parent.iterdir())
    store.save(PLAN)
    document = json.loads(store.path.read_text("utf-8"))
    document["templates"].append({"name": "broken", "format": "movizor-plan", "version": 7})
    store.path.write_text(json.dumps(document), "utf-8")
    assert store.names() == ["broken", "Казань — Самара"]
    assert store.load("broken", msk(2026, 12, 1)) is None

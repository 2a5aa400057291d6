"""The heap is settled once start-up is over: later full collections skip what start-up
built (``movizor_desktop.heap``), and the app's start-up path does it."""

from __future__ import annotations

import asyncio
import gc
from types import SimpleNamespace

import pytest

from movizor_desktop import app, heap
from movizor_desktop.store import AppSettings


class Node:
    """A container the collector tracks."""

    def __init__(self) -> None:
        self.peer: Node | None = None


def _tracked(obj: object) -> bool:
    """True when a collection of the generations would walk ``obj``."""
    return any(o is obj for o in gc.get_objects())


@pytest.fixture
def unfreeze():
    yield
    gc.unfreeze()  # the rest of the test session collects as before


def test_settle_freezes_survivors_and_collects_the_garbage(unfreeze) -> None:
    kept = Node()
    lost, other = Node(), Node()
    lost.peer, other.peer = other, lost  # a cycle nobody refers to
    lost_id = id(lost)
    del lost, other
    assert _tracked(kept)

    frozen = heap.settle()

    assert frozen == gc.get_freeze_count() > 0
    assert not _tracked(kept)  # walked by no later collection
    assert all(id(o) != lost_id for o in gc.get_objects(generation=None))
    assert gc.get_freeze_count() == frozen  # the cycle was collected, not frozen


def test_objects_made_after_settling_are_still_collected(unfreeze) -> None:
    heap.settle()
    a, b = Node(), Node()
    a.peer, b.peer = b, a
    assert _tracked(a)
    del a, b
    assert gc.collect() >= 2


class FakeFeatures:
    """The window's features as ``attach_map_later`` sees them: stages started, the map."""

    def __init__(self, link: object | None) -> None:
        self.started: list[str] = []
        self.link = link

    def start(self, stage: str) -> list[object]:
        self.started.append(stage)
        return []

    def get(self, kind: type) -> object | None:
        return self.link if "map" in self.started else None


def fake_window(link: object | None, settings: AppSettings | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        model=SimpleNamespace(rowCount=lambda: 5),
        features=FakeFeatures(link),
        settings=settings or AppSettings(),
    )


@pytest.mark.parametrize(
    "map_loads",
    [
        True,
        pytest.param(
            False, marks=pytest.mark.logs_error(r"the map cannot be loaded; the window runs")
        ),
    ],
)
def test_start_up_ends_with_the_heap_settled(monkeypatch, unfreeze, run, map_loads) -> None:
    """``attach_map_later`` (the last step of the app's start-up) settles the heap, with
    the map or without it."""
    from movizor_desktop.ui.features.map import feature

    def preload() -> None:
        if not map_loads:
            raise ImportError("no QtWebEngine here")

    monkeypatch.setattr(feature, "preload", preload)
    started_with = Node()
    window = fake_window(None)

    run(app.attach_map_later(window))

    assert window.features.started == (["workflows", "map"] if map_loads else ["workflows"])
    assert not _tracked(started_with)


def test_start_up_settles_the_heap_once_the_map_answers(monkeypatch, unfreeze, run) -> None:
    """The settling collection holds the Qt thread for tens of milliseconds: it waits for
    the map's page to be ready instead of slowing its load."""
    from PySide6.QtCore import QObject, Signal

    from movizor_desktop.ui.features.map import feature

    class View(QObject):
        ready = Signal()
        is_ready = False

    view = View()
    link = SimpleNamespace(panel=SimpleNamespace(view=view))
    order: list[str] = []
    settle = heap.settle

    def settling() -> int:
        order.append("settled")
        return settle()

    monkeypatch.setattr(feature, "preload", lambda: None)
    monkeypatch.setattr(heap, "settle", settling)
    window = fake_window(link)

    async def start_up() -> None:
        def map_ready() -> None:
            order.append("map ready")
            view.is_ready = True
            view.ready.emit()

        asyncio.get_running_loop().call_later(0.3, map_ready)
        await app.attach_map_later(window)

    run(start_up())

    assert order == ["map ready", "settled"]


def test_start_up_reads_a_users_rest_rules_off_the_qt_thread(monkeypatch, unfreeze, run, tmp_path):
    """A rule file of the user's own (perhaps on a slow share) is read during start-up in a
    worker thread; the first route editor then reads nothing."""
    import json
    import threading

    from movizor_desktop.planning import rules
    from movizor_desktop.ui.editors import leg_check
    from movizor_desktop.ui.features.map import feature
    from tests.kits.planning import rules_document

    path = tmp_path / "company.json"
    path.write_text(json.dumps(rules_document(id="company")), encoding="utf-8")
    read_in: list[str] = []
    load = rules.load_rule_set

    def reading(where):
        read_in.append(threading.current_thread().name)
        return load(where)

    monkeypatch.setattr(rules, "load_rule_set", reading)
    monkeypatch.setattr(leg_check, "_rules", {})
    monkeypatch.setattr(feature, "preload", lambda: None)
    settings = AppSettings(rest_rules_path=str(path))

    run(app.attach_map_later(fake_window(None, settings)))

    assert len(read_in) == 1 and read_in[0] != threading.main_thread().name
    assert leg_check.leg_check_for(settings).rules.id == "company"
    assert len(read_in) == 1  # read once, ahead

"""The heap is settled once start-up is over: later full collections skip what start-up
built (``movizor_desktop.heap``), and the app's start-up path does it."""

from __future__ import annotations

import asyncio
import gc
from types import SimpleNamespace

import pytest

from movizor_desktop import app, heap


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


@pytest.mark.parametrize("map_loads", [True, False])
def test_start_up_ends_with_the_heap_settled(monkeypatch, unfreeze, run, map_loads) -> None:
    """``attach_map_later`` (the last step of the app's start-up) settles the heap, with
    the map or without it."""
    from movizor_desktop.ui import map_link

    attached: list[object] = []

    def preload() -> None:
        if not map_loads:
            raise ImportError("no QtWebEngine here")

    monkeypatch.setattr(map_link, "preload", preload)
    monkeypatch.setattr(map_link, "attach_map", attached.append)
    started_with = Node()
    window = SimpleNamespace(model=None, install_workflows=lambda: None)

    run(app.attach_map_later(window))

    assert attached == ([window] if map_loads else [])
    assert not _tracked(started_with)


def test_start_up_settles_the_heap_once_the_map_answers(monkeypatch, unfreeze, run) -> None:
    """The settling collection holds the Qt thread for tens of milliseconds: it waits for
    the map's page to be ready instead of slowing its load."""
    from PySide6.QtCore import QObject, Signal

    from movizor_desktop.ui import map_link

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

    monkeypatch.setattr(map_link, "preload", lambda: None)
    monkeypatch.setattr(map_link, "attach_map", lambda window: link)
    monkeypatch.setattr(heap, "settle", settling)
    window = SimpleNamespace(model=None, install_workflows=lambda: None)

    async def start_up() -> None:
        def map_ready() -> None:
            order.append("map ready")
            view.is_ready = True
            view.ready.emit()

        asyncio.get_running_loop().call_later(0.3, map_ready)
        await app.attach_map_later(window)

    run(start_up())

    assert order == ["map ready", "settled"]

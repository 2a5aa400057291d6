"""A main window on the simulator, as the ``window`` fixture (tests/conftest.py) builds it.

:func:`open_window` shows a started session of a profile on the test's simulator and waits
until the 40 seeded subscribers are listed with their details; the request governor is
opened up (loopback needs no pacing at 15 a second). :func:`attach_map` builds the map
feature as the app does once its modules are loaded (the test module must have imported
:mod:`tests.kits.map` first: the ``app:`` scheme is registered before the QApplication).
"""

from __future__ import annotations

from typing import Any

from movizor_desktop.store import AppSettings, Profile
from movizor_desktop.ui.features import MAP
from movizor_desktop.ui.features.map.feature import MapLink
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.session import Session
from tests.conftest import SIM_KEY


def new_session(sim: Any, name: str = "t", **session_kw: Any) -> Session:
    """A session on ``sim`` (not started), its governor opened up for loopback."""
    session = Session(
        Profile(name=name, base_url=sim.base_url, project="demo"), SIM_KEY, **session_kw
    )
    session.client.governor.per_second = 1000
    session.client.backoff = 0.01
    return session


def attach_map(window: MainWindow) -> MapLink:
    """The window's map, built as the app builds it after the first paint."""
    window.features.start(MAP)
    link = window.features.get(MapLink)
    assert link is not None, "the map feature could not be built (see the log)"
    return link


def open_window(
    qtbot: Any,
    sim: Any,
    *,
    lang: str = "en",
    settings: AppSettings | None = None,
    with_map: bool = False,
    name: str = "t",
    details: bool = True,
    **session_kw: Any,
) -> MainWindow:
    """A shown window with a started session on ``sim``, its rows listed (with their
    details unless ``details=False``); the map first when ``with_map``."""
    session = new_session(sim, name, **session_kw)
    window = MainWindow(settings or AppSettings(), lang=lang)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    if with_map:
        from tests.kits.map import wait_ready

        wait = attach_map(window)
    window.show()
    window.set_session(session)
    session.start()
    if with_map:
        wait_ready(qtbot, wait.panel)
    qtbot.waitUntil(
        lambda: (
            window.model.rowCount() == 40
            and (not details or all(r.details is not None for r in window.model.rows()))
        ),
        timeout=15000,
    )
    return window


__all__ = ["attach_map", "new_session", "open_window"]

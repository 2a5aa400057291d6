"""Take the README's screenshots from the real app, in Russian and English, on a desktop
monitor (1600×1000) and a laptop (1366×768).

    python resources/screenshots/take.py                 # both languages, both sizes
    python resources/screenshots/take.py --lang ru --size 1366x768

With ``Xvfb`` on the PATH each size gets an X server of its own (started and stopped
here); without it, set ``DISPLAY`` to a running one and pass its ``--size``.

Each language and size runs ``movizor-desktop --demo --lang <lang>`` in a process of its
own (the app's own ``main``, with a fresh home folder) and, once the demo fleet and the
map are up, walks through the screens a dispatcher sees:

* ``main``: the window with a subscriber on a route selected;
* ``context-menu``: the list's row menu with Track ▸ open;
* ``track``: the last 7 days of that subscriber on the map, playback part-way through;
* ``editor-route``: the subscriber editor's route page with its own map;
* ``editor-schedule`` (desktop size only): the request schedule page;
* ``planner``: Tools → Plan a trip with a two-point trip (Kazan, then Samara), its legs,
  the map and the ranking of the demo fleet.

``--only planner`` takes the last one alone.

Files are ``<name>-<lang>.png`` for the desktop size and ``<name>-<lang>-1366.png`` for
the laptop. Every shot is a grab of the X screen, so it shows exactly what a dispatcher
sees. The map has no tiles here (no internet on the build machine): it shows the data on
a plain background and says so. This folder is left out of wheels and bundles.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZES = {"1600x1000": "", "1366x768": "-1366"}


async def _until(predicate, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.2)


def _shot(name: str) -> None:
    from PySide6.QtWidgets import QApplication

    path = HERE / name
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    print(f"wrote {path.relative_to(ROOT)}", flush=True)


def _on_a_route(session):
    """An active subscriber on its way along a route of two or more points."""
    from movizor_desktop.api.codes import Status

    rows = session.engine.fleet.rows()
    for row in rows:
        if (
            row.status == Status.OK
            and row.lat is not None
            and row.distance_km
            and row.details is not None
            and len(row.details.destination) >= 2
        ):
            return row
    return next(r for r in rows if r.lat is not None)


async def planner(window, lang: str, suffix: str) -> None:
    """The planning workspace with a trip from Moscow: Kazan the day after tomorrow
    between 10:00 and 12:00 (an hour of loading), then Samara by 20:00."""
    from movizor_desktop import clock
    from movizor_desktop.api.encoding import MSK
    from movizor_desktop.ui.features.trip_planner.points import DWELL, EARLIEST, LATEST
    from movizor_desktop.ui.features.trip_planner.times import format_msk

    workspace = window.features["trip_planner"].open_window()
    workspace.setGeometry(workspace.screen().availableGeometry())
    await _until(lambda: workspace.map_link is not None and workspace.map_link.map.view.is_ready)
    day = (clock.now() + timedelta(days=2)).astimezone(MSK)
    workspace.name.setText("Казань — Самара")
    workspace.start_pane.departure.setText(format_msk(clock.now()))
    workspace.start_pane.set_place(55.7558, 37.6173, "Москва")
    workspace.add_point(55.7963, 49.1088, "Казань, ул. Баумана, 1")
    workspace.add_point(53.1959, 50.1002, "Самара, Московское ш., 4")
    model = workspace.model
    model.setData(model.index(0, EARLIEST), format_msk(day.replace(hour=10, minute=0)))
    model.setData(model.index(0, LATEST), format_msk(day.replace(hour=12, minute=0)))
    model.setData(model.index(0, DWELL), "1:00")
    model.setData(model.index(1, LATEST), format_msk(day.replace(hour=20, minute=0)))
    workspace.ranking.table.selectRow(0)
    await asyncio.sleep(1)
    workspace.map_link.map.fit()
    await asyncio.sleep(2.5)
    _shot(f"planner-{lang}{suffix}.png")
    workspace.close()


async def tour(controller, lang: str, suffix: str, only: str = "") -> None:
    from PySide6.QtWidgets import QApplication

    from movizor_desktop.ui.dialogs.subscriber import SubscriberDialog
    from movizor_desktop.ui.map.controls import OFF, WEEK

    window = controller.window
    await _until(lambda: window is not None and window.model.rowCount() >= 40)
    window.setGeometry(window.screen().availableGeometry())  # Xvfb has no window manager
    await _until(lambda: "map" in window.features and window.features["map"].panel.view.is_ready)
    session = window.session
    await _until(lambda: any(r.details is not None for r in session.engine.fleet.rows()))
    if only == "planner":
        await planner(window, lang, suffix)
        window.close()
        return
    row = _on_a_route(session)
    window.select_subscriber(row.phone)
    await asyncio.sleep(4)  # details, route and position on the map
    _shot(f"main-{lang}{suffix}.png")

    table = window.subscribers.table
    window.subscribers._context_menu(table.visualRect(table.currentIndex()).center())
    menu = window.subscribers.last_context_menu
    await _until(menu.isVisible)
    track = next(a for a in menu.actions() if a.menu() is not None)
    menu.setActiveAction(track)  # as the pointer resting on Track ▸ does
    await asyncio.sleep(1.5)
    _shot(f"context-menu-{lang}{suffix}.png")
    menu.close()

    panel = window.features["map"].panel
    loaded = []
    panel.track_loaded.connect(loaded.append)
    window.features["map"].actions.track_actions[WEEK].trigger()
    await _until(lambda: bool(loaded))
    panel.playback.seek(panel.playback.slider.maximum() * 0.9)
    await asyncio.sleep(3)
    _shot(f"track-{lang}{suffix}.png")
    panel.period_bar.choose(OFF)

    window.window_actions.edit.trigger()
    await _until(
        lambda: any(
            isinstance(w, SubscriberDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, SubscriberDialog) and w.isVisible()
    )
    await _until(lambda: not dialog.loading)
    dialog.show_page("route")
    link = dialog.route_editor.map_link
    await _until(lambda: link is not None and link.map is not None and link.map.view.is_ready)
    # two more stops planned by the dispatcher (not saved): a comfortable leg, then one
    # no truck can make, so the map shows the legs' colours
    editor = dialog.route_editor
    last = max((r.time for r in editor.model.rows if r.time is not None), default=None)
    if last is not None:
        editor.add_point(59.1266, 37.9091, "Череповец", last + timedelta(hours=4))
        editor.add_point(59.9386, 30.3141, "Санкт-Петербург", last + timedelta(hours=9))
        await asyncio.sleep(0.5)  # the plan is redrawn, then framed whole
        link.map.fit()
    await asyncio.sleep(2.5)
    _shot(f"editor-route-{lang}{suffix}.png")
    if not suffix:
        dialog.show_page("schedule")
        await asyncio.sleep(1)
        _shot(f"editor-schedule-{lang}.png")
    dialog.reject()
    await planner(window, lang, suffix)
    window.close()


def child(lang: str, suffix: str, only: str = "") -> int:
    from movizor_desktop import app

    original = app.AppController.start

    async def start(self, *args, **kwargs):
        await original(self, *args, **kwargs)
        task = asyncio.ensure_future(tour(self, lang, suffix, only))
        task.add_done_callback(
            lambda t: (
                t.cancelled()
                or t.exception() is None
                or print(f"tour failed: {t.exception()!r}", file=sys.stderr)
            )
        )
        self._screenshot_tour = task

    app.AppController.start = start
    return app.main(["--demo", "--lang", lang])


def _xvfb(size: str) -> tuple[subprocess.Popen[bytes], str]:
    """An X server of ``size`` on a free display (Xvfb picks it and says which)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    return server, f":{number}"


def run(lang: str, size: str, display: str, only: str = "") -> int:
    with tempfile.TemporaryDirectory() as home:
        # a dispatcher's PC in Moscow: times need no "local" beside them
        env = dict(
            os.environ,
            MOVIZOR_DESKTOP_HOME=home,
            QT_QPA_PLATFORM="xcb",
            DISPLAY=display,
            TZ="Europe/Moscow",
        )
        return subprocess.call(
            [sys.executable, __file__, "--child", lang, "--suffix", SIZES[size], "--only", only],
            env=env,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ru", "en"), action="append")
    parser.add_argument("--size", choices=tuple(SIZES), action="append")
    parser.add_argument("--child", choices=("ru", "en"), help=argparse.SUPPRESS)
    parser.add_argument("--suffix", default="", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=("", "planner"), default="", help="one shot only")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.suffix, args.only)
    own_x = shutil.which("Xvfb") is not None
    if not own_x and not os.environ.get("DISPLAY"):
        print("install Xvfb, or set DISPLAY to an X server and pass its --size", file=sys.stderr)
        return 2
    status = 0
    for size in args.size or list(SIZES):
        server, display = _xvfb(size) if own_x else (None, os.environ["DISPLAY"])
        try:
            for lang in args.lang or ["ru", "en"]:
                status |= run(lang, size, display, args.only)
        finally:
            if server is not None:
                server.terminate()
                server.wait()
    return status


if __name__ == "__main__":
    sys.exit(main())

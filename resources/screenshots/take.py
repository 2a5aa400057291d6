"""Take the README's screenshots from the real app, in Russian and English.

    Xvfb :42 -screen 0 1440x900x24 -nolisten tcp &
    DISPLAY=:42 python resources/screenshots/take.py            # both languages
    DISPLAY=:42 python resources/screenshots/take.py --lang ru  # one

Each language runs ``movizor-desktop --demo --lang <lang>`` in a process of its own (the
app's own ``main``, with a fresh home folder) and, once the demo fleet and the map are up,
walks through the screens: the main window with a subscriber selected, the subscriber
editor's route page, the track of the last hours on the map. Every shot is a grab of the
X screen, so it shows exactly what a dispatcher sees. The map has no tiles here (no
internet on the build machine): it shows the data on a plain background and says so.
This folder is left out of wheels and bundles.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


async def _until(predicate, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.2)


def _shot(name: str) -> None:
    from PySide6.QtWidgets import QApplication

    screen = QApplication.primaryScreen()
    path = HERE / name
    screen.grabWindow(0).save(str(path))
    print(f"wrote {path.relative_to(ROOT)}", flush=True)


async def tour(controller, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from movizor_desktop.api.codes import Status
    from movizor_desktop.ui.dialogs.subscriber import SubscriberDialog

    window = controller.window
    await _until(lambda: window is not None and window.model.rowCount() >= 40)
    window.setGeometry(window.screen().availableGeometry())  # Xvfb has no window manager
    await _until(lambda: getattr(window, "map_link", None) is not None
                 and window.map_link.panel.view.is_ready)
    session = window.session
    rows = [r for r in session.engine.fleet.rows()
            if r.status == Status.OK and r.distance_km and r.lat is not None]
    row = rows[0] if rows else session.engine.fleet.rows()[0]
    window.select_subscriber(row.phone)
    await asyncio.sleep(4)  # details, route and position on the map
    _shot(f"main-{lang}.png")

    now = datetime.now(UTC)
    window.map_link.panel.load_track(row.phone, now - timedelta(hours=12), now)
    await asyncio.sleep(6)
    _shot(f"track-{lang}.png")

    window.actions.edit.trigger()
    await _until(lambda: any(isinstance(w, SubscriberDialog) and w.isVisible()
                             for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SubscriberDialog) and w.isVisible())
    await asyncio.sleep(2)  # the details load
    dialog.show_page("route")
    await asyncio.sleep(1.5)
    _shot(f"editor-route-{lang}.png")
    dialog.show_page("schedule")
    await asyncio.sleep(1)
    _shot(f"editor-schedule-{lang}.png")
    dialog.reject()
    window.close()


def child(lang: str) -> int:
    from movizor_desktop import app

    original = app.AppController.start

    async def start(self, *args, **kwargs):
        await original(self, *args, **kwargs)
        task = asyncio.ensure_future(tour(self, lang))
        task.add_done_callback(lambda t: t.cancelled() or t.exception() is None
                               or print(f"tour failed: {t.exception()!r}", file=sys.stderr))
        self._screenshot_tour = task

    app.AppController.start = start
    return app.main(["--demo", "--lang", lang])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ru", "en"), action="append")
    parser.add_argument("--child", choices=("ru", "en"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    if not os.environ.get("DISPLAY"):
        print("set DISPLAY to an X server (Xvfb) first", file=sys.stderr)
        return 2
    status = 0
    for lang in args.lang or ["ru", "en"]:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, MOVIZOR_DESKTOP_HOME=home, QT_QPA_PLATFORM="xcb")
            status |= subprocess.call([sys.executable, __file__, "--child", lang], env=env)
    return status


if __name__ == "__main__":
    sys.exit(main())

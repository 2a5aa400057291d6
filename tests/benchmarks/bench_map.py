"""The map: a long track and a large fleet from data to page, and the web process's memory.

    python tests/benchmarks/bench_map.py          # JSON lines on stdout
    python tests/benchmarks/run_all.py map

In one offscreen run (the panel shown, 1100×750, tiles pointing at a closed loopback port):

* a 10,000-fix track: ``load_track`` with an in-memory loader (10 pages of 1,000) until
  ``track_loaded``, i.e. paged, cleaned, summarised, sent and drawn by ``mz.showTrack``;
* a 5,000-marker fleet (clustered): the first ``apply_changes``, then an update where every
  marker moves and gets a new fix time, then one where every tenth does. Each is timed
  from the Python call two ways: until the page has *run* the batch (a ``runJavaScript``
  queued behind it answers), and until the *frame after the draw*: a script queued
  behind the batch waits for ``requestAnimationFrame`` twice (the first callback runs in
  the frame that paints the batch, Leaflet's own redraw being queued before it; the
  second only once that frame is done) and then sets ``document.title`` to a token,
  which comes back to Python as the page's title. Waits sleep in the event loop as the
  app does (no busy loop stealing a core from the web processes);
* the memory of the web processes (RSS of the QtWebEngineProcess descendants of this
  process, and of the map page's renderer alone), read from ``/proc`` (Linux only);
* two baselines for the same 5,000 markers, in a second view of the same web profile:
  - **the strong one, folium's own fast path**: one folium page with canvas
    ``CircleMarker``s and tooltips (``prefer_canvas=True``) built and loaded *once*, then
    each update sent as one ``runJavaScript`` that moves every marker
    (``setLatLng``) and rewrites its tooltip, timed both ways as ours;
  - **the naive one**: the page with SVG markers rebuilt per update and loaded with
    ``setHtml`` (assets from files, as such code does) — which cannot show a page over
    2 MB — and, to time it anyway, the same page through the ``app:`` scheme, to its
    ``loadFinished`` and to its first frame; plus its renderer's memory.

Each timing is the median of several rounds. Benchmarks report; they never assert.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "map"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
if os.name == "posix" and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ROUNDS = 5
TRACK_FIXES = 10_000
FLEET = 5_000


def _figure(
    name: str, value: float | None, unit: str, goal: str | None = None, **extra: Any
) -> dict[str, Any]:
    figure: dict[str, Any] = {"name": name, "value": value, "unit": unit}
    if goal is not None:
        figure["goal"] = goal
    figure.update(extra)
    return figure


# --- /proc ------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def web_processes() -> list[int]:
    """PIDs of every QtWebEngineProcess below this process."""
    tree, found, todo = _children(), [], [os.getpid()]
    while todo:
        for child in tree.get(todo.pop(), []):
            todo.append(child)
            try:
                name = Path(f"/proc/{child}/comm").read_text().strip()
            except OSError:
                continue
            if name.startswith("QtWebEngine"):
                found.append(child)
    return found


# --- helpers ----------------------------------------------------------------------------


def _wait(predicate, timeout: float = 30.0) -> None:
    """Run the event loop until ``predicate()``, sleeping between events as the app's own
    loop does (a busy loop here would take one of the machine's cores from the web
    processes whose work is being timed)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    end = time.perf_counter() + timeout
    tick = QTimer()  # wakes the wait now and then to check the timeout
    tick.start(50)
    try:
        while not predicate():
            if time.perf_counter() > end:
                raise TimeoutError("benchmark step timed out")
            QCoreApplication.processEvents(flags)
    finally:
        tick.stop()


def _evaluate(view, script: str) -> Any:
    box: list[Any] = []
    if hasattr(view, "evaluate"):  # a MapView
        view.evaluate(script, box.append)
    else:
        view.page().runJavaScript(script, 0, box.append)
    _wait(lambda: bool(box))
    return box[0]


_frames = 0


def frame_script() -> tuple[str, str]:
    """(script, token): the script sets the page's title to ``token`` in the frame after
    the next one, i.e. once everything queued before it has been painted."""
    global _frames
    _frames += 1
    token = f"mz-bench-frame-{_frames}"
    return (
        "requestAnimationFrame(function () { requestAnimationFrame(function () { "
        f"document.title = {json.dumps(token)}; }}); }});",
        token,
    )


def _wait_frame(view, token: str) -> None:
    _wait(lambda: view.page().title() == token)


def _tooltip(row) -> str:
    return f"{row.title}<br>{row.place}<br>{row.fix_time:%d.%m %H:%M}"


def _folium_html(rows, *, canvas: bool) -> tuple[str, list[str]]:
    """A folium page of circle markers with tooltips, as a straightforward folium app
    renders it (SVG), or with folium's fast option (``prefer_canvas``); and the markers'
    JavaScript names, in the order of ``rows``."""
    import folium

    fmap = folium.Map(location=[55.75, 37.62], zoom_start=6, tiles=None, prefer_canvas=canvas)
    names = []
    for row in rows:
        marker = folium.CircleMarker(
            [row.lat, row.lon],
            radius=7,
            color="#ffffff",
            weight=2,
            fill=True,
            fill_color="#1b7a3a",
            fill_opacity=0.95,
            tooltip=_tooltip(row),
        )
        marker.add_to(fmap)
        names.append(marker.get_name())
    return fmap.get_root().render(), names


def _naive_html(rows) -> str:
    """What a straightforward folium app renders: SVG circle markers with tooltips."""
    return _folium_html(rows, canvas=False)[0]


def folium_update_script(rows, indices: list[int]) -> str:
    """One ``runJavaScript`` moving the folium markers ``indices`` (see ``_folium_html``)
    to their rows' positions, with their new tooltips."""
    data = [[i, rows[i].lat, rows[i].lon, _tooltip(rows[i])] for i in indices]
    return (
        "(function (d) { var m = window.mzBenchMarkers; for (var k = 0; k < d.length; "
        "k++) { var x = d[k], mk = m[x[0]]; mk.setLatLng([x[1], x[2]]); "
        "mk.setTooltipContent(x[3]); } return d.length; })(" + json.dumps(data) + ")"
    )


# --- the run ----------------------------------------------------------------------------


def run() -> list[dict[str, Any]]:
    import map_testkit as kit  # registers the app: scheme before the QApplication
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import asyncio
    import tempfile

    import qasync

    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    os.environ.setdefault("MOVIZOR_DESKTOP_HOME", tempfile.mkdtemp(prefix="bench-map-"))

    from dataclasses import replace

    from movizor_desktop.store.settings import AppSettings
    from movizor_desktop.ui.map.panel import MapPanel
    from movizor_desktop.ui.map.scheme import web_root

    figures: list[dict[str, Any]] = []
    panel = MapPanel(AppSettings(tile_url=kit.offline_tiles()))
    panel.resize(1100, 750)
    panel.show()
    started = time.perf_counter()
    _wait(lambda: panel.view.is_ready)
    figures.append(
        _figure(
            "map: page ready (load + QWebChannel)",
            round((time.perf_counter() - started) * 1000, 1),
            "ms",
        )
    )
    renderer = panel.view.page().renderProcessPid()
    figures.append(_figure("map: renderer RSS, empty map", round(rss_mb(renderer), 1), "MB"))

    # a 10,000-fix track, data to drawn
    loader = kit.FakeLoader(kit.positions(TRACK_FIXES))
    panel.set_loader(loader)
    times = []
    for _ in range(ROUNDS):
        done: list[Any] = []
        panel.track_loaded.connect(done.append)
        started = time.perf_counter()
        panel.load_track("79000000001", kit.T0, kit.T0 + timedelta(days=7))
        _wait(lambda done=done: bool(done))
        times.append((time.perf_counter() - started) * 1000)
        panel.track_loaded.disconnect(done.append)
    drawn = json.loads(_evaluate(panel.view, "JSON.stringify(mz.state())"))
    figures.append(
        _figure(
            f"map: renderer RSS, {TRACK_FIXES:,}-fix track shown", round(rss_mb(renderer), 1), "MB"
        )
    )
    panel.clear_track()
    figures.append(
        _figure(
            f"map: {TRACK_FIXES:,}-fix track, data to drawn",
            round(statistics.median(times), 1),
            "ms",
            "< 1000",
            pages=len(loader.calls) // ROUNDS,
            dots=drawn["trackDots"],
        )
    )

    # a 5,000-marker fleet: first load, then every marker moves
    rows = kit.fleet(FLEET, lat0=54.0, lon0=33.0, step=0.05)
    first, update, typical = [], [], []

    def timed(batch) -> tuple[float, float]:
        """(batch returned, frame painted) in ms from the Python call."""
        answers: list[Any] = []
        script, token = frame_script()
        started = time.perf_counter()
        panel.apply_changes(batch)
        panel.view.evaluate("mz.count()", answers.append)  # answers once the batch ran
        panel.view.call(script)
        _wait(lambda: bool(answers))
        returned = time.perf_counter() - started
        _wait_frame(panel.view, token)
        return returned * 1000, (time.perf_counter() - started) * 1000

    for i in range(ROUNDS):
        panel.apply_changes([])
        _evaluate(panel.view, "mz.count()")
        first.append(timed(rows))
        step = timedelta(minutes=15 * (i + 1))
        rows = [replace(r, lat=r.lat + 0.001, fix_time=r.fix_time + step) for r in rows]
        update.append(timed(rows))
        rows = [
            replace(r, lat=r.lat + 0.001, fix_time=r.fix_time + step) if n % 10 == 0 else r
            for n, r in enumerate(rows)
        ]
        typical.append(timed(rows))
    state = json.loads(_evaluate(panel.view, "JSON.stringify(mz.state())"))

    def both(
        label: str, times: list[tuple[float, float]], goal: str | None = None, **extra: Any
    ) -> None:
        figures.append(
            _figure(
                f"{label}: batch returned",
                round(statistics.median(t[0] for t in times), 1),
                "ms",
                goal,
                **extra,
            )
        )
        figures.append(
            _figure(
                f"{label}: frame painted",
                round(statistics.median(t[1] for t in times), 1),
                "ms",
                goal,
            )
        )

    both(
        f"map: {FLEET:,}-marker fleet, first load",
        first,
        clustered=state["clustered"],
        markers=state["markers"],
    )
    both(f"map: {FLEET:,}-marker fleet update, all moved", update, "< 100")
    both(f"map: {FLEET:,}-marker fleet update, 10% moved", typical, "< 100")
    ours_painted = statistics.median(t[1] for t in update)

    # memory of the web processes
    pids = web_processes()
    figures.append(
        _figure(
            "map: web processes RSS (all QtWebEngineProcess)",
            round(sum(rss_mb(p) for p in pids), 1),
            "MB",
            processes=len(pids),
        )
    )
    figures.append(
        _figure(
            f"map: renderer RSS, {FLEET:,} markers (after the rounds above)",
            round(rss_mb(renderer), 1),
            "MB",
        )
    )

    # the naive way, same run, same markers
    from movizor_desktop.ui.map.profile import acquire_profile, release_profile

    shared = acquire_profile()
    naive = QWebEngineView()
    naive.setPage(QWebEnginePage(shared.profile, naive))
    naive.resize(1100, 750)
    naive.show()

    def load(action) -> tuple[float, float, bool]:
        """(loadFinished, first frame after it) in ms, and whether it loaded."""
        state: list[bool] = []
        naive.loadFinished.connect(state.append)
        started = time.perf_counter()
        action()
        try:
            _wait(lambda: bool(state), timeout=60)
        except TimeoutError:
            state.append(False)
        loaded = (time.perf_counter() - started) * 1000
        naive.loadFinished.disconnect(state.append)
        if not state[0]:
            return loaded, loaded, False
        script, token = frame_script()
        naive.page().runJavaScript(script, 0)
        _wait_frame(naive, token)
        return loaded, (time.perf_counter() - started) * 1000, True

    # the strong baseline: folium's fast path, one canvas page, then runJavaScript updates
    started = time.perf_counter()
    html, names = _folium_html(rows, canvas=True)
    build_once = (time.perf_counter() - started) * 1000
    url = shared.handler.set_page("folium-fast.html", html)
    _ms, fast_load, _ok = load(lambda url=url: naive.load(url))
    _evaluate(
        naive,
        "window.mzBenchMarkers = "
        + json.dumps(names)
        + ".map(function (n) { return window[n]; }); window.mzBenchMarkers.length",
    )
    fast_all, fast_tenth = [], []

    def fast_timed(script: str) -> tuple[float, float]:
        answers: list[Any] = []
        frame, token = frame_script()
        started = time.perf_counter()
        naive.page().runJavaScript(script, 0, answers.append)
        naive.page().runJavaScript(frame, 0)
        _wait(lambda: bool(answers))
        returned = time.perf_counter() - started
        _wait_frame(naive, token)
        return returned * 1000, (time.perf_counter() - started) * 1000

    everyone = list(range(len(rows)))
    for i in range(ROUNDS):
        step = timedelta(minutes=15 * (i + 1))
        rows = [replace(r, lat=r.lat + 0.001, fix_time=r.fix_time + step) for r in rows]
        fast_all.append(fast_timed(folium_update_script(rows, everyone)))
        tenth = everyone[i % 10 :: 10]
        rows = [
            replace(r, lat=r.lat + 0.001, fix_time=r.fix_time + step) if n % 10 == i % 10 else r
            for n, r in enumerate(rows)
        ]
        fast_tenth.append(fast_timed(folium_update_script(rows, tenth)))
    svg = _evaluate(naive, "document.querySelectorAll('path.leaflet-interactive').length")
    figures.append(
        _figure(
            f"folium fast path: {FLEET:,} canvas markers, page built once",
            round(build_once, 1),
            "ms",
            page_mb=round(len(html.encode()) / 2**20, 2),
        )
    )
    figures.append(
        _figure(
            "folium fast path: that page loaded, to its first frame",
            round(fast_load, 1),
            "ms",
            svg_markers=svg,
        )
    )
    both(f"folium fast path: {FLEET:,}-marker update by runJavaScript, all moved", fast_all)
    both(f"folium fast path: {FLEET:,}-marker update by runJavaScript, 10% moved", fast_tenth)
    figures.append(
        _figure(
            "folium fast path (all moved) / ours, frame painted",
            round(statistics.median(t[1] for t in fast_all) / max(0.1, ours_painted), 1),
            "x",
            better="higher",
        )
    )
    figures.append(
        _figure(
            "folium fast path: renderer RSS (5,000 canvas markers)",
            round(rss_mb(naive.page().renderProcessPid()), 1),
            "MB",
        )
    )
    shared.handler.remove_page("folium-fast.html")

    # the naive way: the SVG page rebuilt and loaded per update
    builds, by_set_html, by_scheme, scheme_frames, ok_set_html = [], [], [], [], False
    html = ""
    for _ in range(3):
        started = time.perf_counter()
        html = _naive_html(rows)
        builds.append((time.perf_counter() - started) * 1000)
        base = QUrl.fromLocalFile(str(web_root()) + "/")
        local = html.replace("app://web/", "")
        ms, _frame_ms, ok_set_html = load(lambda local=local, base=base: naive.setHtml(local, base))
        by_set_html.append(ms)
        url = shared.handler.set_page("naive.html", html)
        ms, frame_ms, _ok = load(lambda url=url: naive.load(url))
        by_scheme.append(ms)
        scheme_frames.append(frame_ms)
    svg = _evaluate(naive, "document.querySelectorAll('path.leaflet-interactive').length")
    build_ms, scheme_ms = statistics.median(builds), statistics.median(by_scheme)
    figures.append(
        _figure(
            f"naive folium: {FLEET:,} SVG markers, page build",
            round(build_ms, 1),
            "ms",
            page_mb=round(len(html.encode()) / 2**20, 2),
        )
    )
    figures.append(
        _figure(
            "naive folium: setHtml of that page",
            round(statistics.median(by_set_html), 1),
            "ms",
            loaded=bool(ok_set_html),
        )
    )
    figures.append(
        _figure(
            "naive folium: the same page via the app: scheme, loaded",
            round(scheme_ms, 1),
            "ms",
            svg_markers=svg,
        )
    )
    figures.append(
        _figure(
            "naive folium: the same page via the app: scheme, first frame",
            round(statistics.median(scheme_frames), 1),
            "ms",
        )
    )
    figures.append(
        _figure(
            "naive (build + load) / ours (update, all moved, batch returned)",
            round((build_ms + scheme_ms) / max(0.1, statistics.median(t[0] for t in update)), 1),
            "x",
            better="higher",
        )
    )
    figures.append(
        _figure(
            "naive (build + first frame) / ours (all moved, frame painted)",
            round((build_ms + statistics.median(scheme_frames)) / max(0.1, ours_painted), 1),
            "x",
            better="higher",
        )
    )
    figures.append(
        _figure(
            "naive folium: renderer RSS (5,000 SVG markers)",
            round(rss_mb(naive.page().renderProcessPid()), 1),
            "MB",
        )
    )

    shared.handler.remove_page("naive.html")
    naive.close()
    naive.deleteLater()  # its page is a child: deleted before the profile is released
    panel.shutdown()
    release_profile(shared)
    panel.deleteLater()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    asyncio.set_event_loop(None)
    return figures


if __name__ == "__main__":
    for fig in run():
        print(json.dumps(fig, ensure_ascii=False), flush=True)

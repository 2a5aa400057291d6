"""File ▸ Export driven from the real window against the simulator.

A native file dialog cannot be driven offscreen, so ``QFileDialog.getSaveFileName`` is
replaced by one returning a path under ``tmp_path``; everything else is real: the actions,
the period dialog, the client's paging, the writers in a worker thread, the status bar.
"""

from __future__ import annotations

import csv
import errno
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from movizor_desktop import clock
from movizor_desktop.store import files
from movizor_desktop.ui.events_panel import event_texts
from movizor_desktop.ui.periods import MSK_ZONE, PeriodDialog
from movizor_desktop.ui.statusbar import ERROR
from movizor_desktop.ui.subscribers.cells import column_titles
from movizor_desktop.ui.subscribers.model import (
    FIX,
    KM,
    PHONE,
    PHONE_ROLE,
    STATUS,
    TARIFF,
    TITLE,
)
from tests.conftest import SIM_START


class SaveAs:
    """Stands in for the file dialog: answers ``path`` and records what it was asked."""

    def __init__(self, monkeypatch, path: Path) -> None:
        self.path = path
        self.asked: list[tuple[str, str, str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self))

    def __call__(self, parent, caption, directory, filters, selected=""):
        self.asked.append((caption, directory, filters))
        return str(self.path), selected


def wait_written(qtbot, window, path: Path) -> None:
    qtbot.waitUntil(
        lambda: path.exists() and str(path) in window.statusbar.message(), timeout=15000
    )


def choose_period(qtbot, window, start: datetime, end: datetime) -> None:
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(PeriodDialog)), timeout=5000
    )
    dialog = next(d for d in window.findChildren(PeriodDialog) if d.isVisible())
    dialog.start_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), MSK_ZONE))
    dialog.end_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(end.timestamp()), MSK_ZONE))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()


def shown_phones(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, 0).data(PHONE_ROLE) for r in range(proxy.rowCount())]


def test_list_to_xlsx_is_what_the_table_shows_in_russian(
    qtbot, window, tmp_path, monkeypatch, russian
) -> None:
    from openpyxl import load_workbook

    window.subscribers.set_group("active")
    header = window.subscribers.table.horizontalHeader()
    header.moveSection(header.visualIndex(TITLE), 0)  # the name first
    header.setSectionHidden(STATUS, True)
    save = SaveAs(monkeypatch, tmp_path / "list.xlsx")
    window.features["exports"].list_action.trigger()
    wait_written(qtbot, window, save.path)
    today = clock.pc_now()  # a file name carries the dispatcher's own date
    assert save.asked[0][1].endswith(f"subscribers-{today:%Y-%m-%d}.xlsx")

    ws = load_workbook(save.path).active
    headers = [c.value for c in ws[1]]
    titles = column_titles()  # translated now
    assert titles[TITLE] != "Name" and titles[PHONE] == "Телефон"
    assert headers[:2] == [titles[TITLE], "Телефон"]  # the moved column first
    assert titles[STATUS] not in headers and len(headers) == 8  # the hidden one left out
    fix_header = next(h for h in headers if h.startswith(titles[FIX]))
    assert "MSK" in fix_header or "МСК" in fix_header
    phones = shown_phones(window)
    assert 0 < len(phones) < 40 and ws.max_row == len(phones) + 1
    model = window.model
    for r, phone in enumerate(phones, start=2):
        row = model.get(phone)
        assert ws.cell(r, 2).value == model.index(model.row_of(phone), PHONE).data()
        assert ws.cell(r, 1).value == (row.title or None)
        assert ws.cell(r, 3).value == model.index(model.row_of(phone), TARIFF).data()
        fix = ws.cell(r, headers.index(fix_header) + 1).value
        expected = (row.fix_time + timedelta(hours=3)).replace(tzinfo=None, microsecond=0)
        assert fix is None if row.fix_time is None else fix == expected
        km = ws.cell(r, headers.index(titles[KM]) + 1).value
        assert km == (None if row.distance_km is None else round(row.distance_km, 1))
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold


def test_list_to_csv_with_bom_and_semicolons(qtbot, window, tmp_path, monkeypatch) -> None:
    save = SaveAs(monkeypatch, tmp_path / "list")  # no extension typed: the filter's is added
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a: (str(save.path), a[3].split(";;")[1])),
    )
    written = tmp_path / "list.csv"
    window.features["exports"].list_action.trigger()
    wait_written(qtbot, window, written)
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:2] == ["Phone", "Name"] and rows[0][FIX] == "Last fix (MSK)"
    assert len(rows) == 41
    assert all(r[PHONE].startswith("'+7 ") for r in rows[1:])
    assert all(r[KM] == "" or float(r[KM]) >= 0 for r in rows[1:])


def track_phone(sim, run_async, window) -> tuple[str, int]:
    """A subscriber with fixes in the three hours before the simulator's start."""
    start, end = SIM_START - timedelta(hours=3), SIM_START
    for phone in sorted(window.model.phones()):
        if window.model.get(phone).status != "ok":
            continue
        fixes = run_async(window.session.client.pos_list(phone, start=start, end=end))
        found = {(p.timestamp, p.lat, p.lon) for p in fixes if p.lat is not None}
        if len(found) >= 3:
            return phone, len(found)
    raise LookupError("no subscriber with a track")


@pytest.mark.parametrize("suffix", ["gpx", "kml"])
def test_track_of_the_selected_subscriber(
    qtbot, window, tmp_path, monkeypatch, sim, run_async, suffix
) -> None:
    from xml.etree import ElementTree

    import gpxpy

    phone, count = track_phone(sim, run_async, window)
    window.select_subscriber(phone)
    assert window.features["exports"].track_action.isEnabled()
    save = SaveAs(monkeypatch, tmp_path / f"track.{suffix}")
    window.features["exports"].track_action.trigger()
    start, end = SIM_START - timedelta(hours=3), SIM_START
    choose_period(qtbot, window, start, end)
    wait_written(qtbot, window, save.path)
    assert phone in save.asked[0][1]  # track-<phone>-<date>.gpx offered
    if suffix == "gpx":
        points = gpxpy.parse(save.path.read_text("utf-8")).tracks[0].segments[0].points
        times = [p.time for p in points]
        assert len(points) == count
        assert times == sorted(times) and start <= times[0] and times[-1] <= end
        assert all(p.extensions and int(p.extensions[0].text) > 0 for p in points)
    else:
        ns = "{http://www.opengis.net/kml/2.2}"
        root = ElementTree.parse(save.path).getroot()
        whens = [w.text for w in root.iter(f"{ns}when")]
        assert len(whens) == count and all(w.endswith("Z") for w in whens)
        line = root.find(f".//{ns}LineString/{ns}coordinates").text.split()
        lon, lat = map(float, line[0].split(",")[:2])
        assert 19 < lon < 180 and 41 < lat < 82  # lon,lat order, somewhere in Russia


def test_events_of_a_period_in_russian(qtbot, window, tmp_path, monkeypatch, sim, russian) -> None:
    from openpyxl import load_workbook

    events = sorted(sim.world.events, key=lambda e: e.id)
    start = datetime.fromtimestamp(events[len(events) // 3].ts, UTC).replace(second=0)
    end = SIM_START
    expected = [e for e in events if start <= datetime.fromtimestamp(e.ts, UTC) <= end]
    save = SaveAs(monkeypatch, tmp_path / "events.xlsx")
    window.features["exports"].events_action.trigger()
    choose_period(qtbot, window, start, end)
    wait_written(qtbot, window, save.path)
    ws = load_workbook(save.path).active
    assert [c.value for c in ws[1]][:4] == ["Время (МСК)", "Событие", "Абонент", "Телефон"]
    assert ws.max_row == len(expected) + 1
    first = expected[0]
    assert ws.cell(2, 1).value == datetime.fromtimestamp(first.ts + 3 * 3600, UTC).replace(
        tzinfo=None
    )
    assert ws.cell(2, 5).value == first.type
    names = {kind: name for kind, (name, _tip) in event_texts().items()}
    assert ws.cell(2, 2).value == names.get(first.type, first.type)
    assert any(ws.cell(r, 2).value == "Добавлен" for r in range(2, ws.max_row + 1)) or not any(
        e.type == "add" for e in expected
    )


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    ],
)
def test_write_failure_is_a_message_not_a_crash(
    qtbot, window, tmp_path, monkeypatch, error, words
) -> None:
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(files, "_temporary", fail)
    save = SaveAs(monkeypatch, tmp_path / "list.xlsx")
    window.features["exports"].list_action.trigger()
    qtbot.waitUntil(lambda: str(save.path) in window.statusbar.message(), timeout=10000)
    assert words in window.statusbar.message().lower()
    assert window.statusbar.message_label.property("level") == ERROR
    assert not save.path.exists()
    qtbot.waitUntil(window.features["exports"].list_action.isEnabled, timeout=5000)  # usable again


def test_period_dialog_refuses_an_empty_range(qtbot, window) -> None:
    window.select_subscriber(window.model.phones()[0])
    window.features["exports"].track_action.trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(PeriodDialog)), timeout=5000
    )
    dialog = next(d for d in window.findChildren(PeriodDialog) if d.isVisible())
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-60))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.reject()


def test_a_failure_without_a_file_says_the_export_failed(qapp) -> None:
    from movizor_desktop.ui.saving import failure_text

    assert failure_text(ValueError("no rows")) == "Could not export: no rows"
    assert failure_text(ValueError("no rows"), Path("/tmp/x.csv")) == (
        "Could not save /tmp/x.csv: no rows"
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_whole_list_exports_when_a_title_holds_a_control_character(
    qtbot, window, sim, tmp_path, monkeypatch, suffix
) -> None:
    """A vertical tab pasted from Word into a title, stored by the server as it is: the
    export of the whole list is still written, with a space in its place."""
    phone = window.model.phones()[0]
    with sim.world.lock:
        sim.world.subs[phone].title = "Иванов\x0bМАН"
    window.session.engine.request_list()
    window.session.engine.mark_dirty(phone)
    window.session.engine.refresh_now()
    qtbot.waitUntil(lambda: window.model.get(phone).title == "Иванов\x0bМАН", timeout=15000)
    save = SaveAs(monkeypatch, tmp_path / f"list{suffix}")
    window.features["exports"].list_action.trigger()
    wait_written(qtbot, window, save.path)
    assert window.statusbar.message_label.property("level") != ERROR
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        values = [c.value for row in load_workbook(save.path).active.iter_rows() for c in row]
    else:
        values = [
            c
            for row in csv.reader(io.StringIO(save.path.read_text("utf-8-sig")), delimiter=";")
            for c in row
        ]
    assert "Иванов МАН" in values


def test_a_save_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot, qapp, tmp_path, monkeypatch
) -> None:
    """Never the process's working directory: the user's Documents at first (the home
    folder when there is none), then the folder used last — in this run and the next."""
    from PySide6.QtWidgets import QWidget

    from movizor_desktop.store.folders import load_export_folder
    from movizor_desktop.ui.saving import ask_save_path, start_folder

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)  # the working directory must not matter
    window = QWidget()
    qtbot.addWidget(window)
    assert start_folder(window) == home / "Documents"
    reports = tmp_path / "reports"
    reports.mkdir()
    save = SaveAs(monkeypatch, reports / "list")
    assert (
        ask_save_path(window, "Export", "list.xlsx", [("Excel", "xlsx")]) == reports / "list.xlsx"
    )
    assert save.asked[0][1] == str(home / "Documents" / "list.xlsx")
    assert start_folder(window) == reports
    qtbot.waitUntil(lambda: load_export_folder() == reports)  # written in the background
    assert start_folder(QWidget()) == reports  # a new window, as after a restart
    # a remembered folder that is gone: Documents again; no Documents: home
    reports.rmdir()
    assert start_folder(QWidget()) == home / "Documents"
    (home / "Documents").rmdir()
    assert start_folder(QWidget()) == home

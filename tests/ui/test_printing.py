"""Printing and PDF from the real window against the simulator: the subscriber list and the
trip report as PDF files (opened again with QtPdf: pages and text), the print preview
(a real printer cannot be driven here), and the map snapshot when a map is attached."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

import tests.kits.map  # noqa: F401 - registers the app: scheme before the QApplication
from movizor_desktop.store import AppSettings
from movizor_desktop.ui.main_window import MainWindow
from movizor_desktop.ui.periods import PeriodDialog, to_qt
from tests.conftest import SIM_START
from tests.kits.map import offline_tiles
from tests.kits.windows import open_window as kit_window


def open_window(qtbot, sim, *, with_map: bool = False) -> MainWindow:
    return kit_window(
        qtbot, sim, name="Логист", with_map=with_map, settings=AppSettings(tile_url=offline_tiles())
    )


@pytest.fixture
def window(qtbot, qloop, sim, run_async):
    """The shared window with the profile "Логист" (the running header) and offline tiles."""
    window = open_window(qtbot, sim)
    yield window
    run_async(window.session.aclose())


@pytest.fixture
def map_window(qtbot, qloop, sim, run_async):
    window = open_window(qtbot, sim, with_map=True)
    yield window
    window.features["map"].shutdown()
    run_async(window.session.aclose())


def save_as(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a: (str(path), a[4] if len(a) > 4 else "")),
    )


def pdf_pages(path: Path) -> list[str]:
    """The text of every page (QtPdf); the file must start with %PDF."""
    from PySide6.QtPdf import QPdfDocument

    assert path.read_bytes()[:5] == b"%PDF-"
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    pages = [doc.getAllText(i).text() for i in range(doc.pageCount())]
    doc.close()
    return pages


def routed_phone(window) -> str:
    """An active subscriber with a route and fixes in the report period."""
    for row in sorted(window.model.rows(), key=lambda r: r.phone):
        if (
            row.status == "ok"
            and row.details is not None
            and row.details.destination
            and row.fix_time is not None
            and row.fix_time > SIM_START - timedelta(hours=2)
        ):
            return row.phone
    raise LookupError("no subscriber with a route")


def choose_period(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(PeriodDialog)), timeout=5000
    )
    dialog = next(d for d in window.findChildren(PeriodDialog) if d.isVisible())
    dialog.start_edit.setDateTime(to_qt(SIM_START - timedelta(hours=6)))
    dialog.end_edit.setDateTime(to_qt(SIM_START))
    dialog.accept()


def test_subscriber_list_as_pdf(qtbot, window, tmp_path, monkeypatch) -> None:
    path = tmp_path / "list.pdf"
    save_as(monkeypatch, path)
    window.subscribers.set_group("active")
    shown = window.proxy.rowCount()
    window.features["printing"].pdf_list.trigger()
    qtbot.waitUntil(lambda: bool(window.features["printing"].written), timeout=20000)
    written, pages = window.features["printing"].written[-1]
    assert written == path and pages >= 1
    texts = pdf_pages(path)
    assert len(texts) == pages
    assert "Логист (demo)" in texts[0] and "MSK" in texts[0]  # the running header
    assert f"Page 1 of {pages}" in texts[0]
    assert f"{shown} subscriber" in texts[0]
    everything = "\n".join(texts)
    titles = [
        window.model.get(window.proxy.index(r, 0).data(0x0100 + 2)).title for r in range(shown)
    ]
    assert all(t.split()[0] in everything for t in titles if t)
    assert str(path) in window.statusbar.message()


def test_print_preview_paints_pages(qtbot, window) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window.features["printing"].print_list.trigger()
    preview = window.features["printing"].preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible, timeout=5000)
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=10000)
    assert preview.windowTitle() == "Subscribers"
    preview.reject()


def test_trip_report_as_pdf_without_a_map(qtbot, window, tmp_path, monkeypatch) -> None:
    phone = routed_phone(window)
    window.select_subscriber(phone)
    assert window.features["printing"].pdf_trip.isEnabled()
    path = tmp_path / "trip.pdf"
    save_as(monkeypatch, path)
    window.features["printing"].pdf_trip.trigger()
    choose_period(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.features["printing"].written), timeout=20000)
    text = "\n".join(pdf_pages(path))
    info = window.model.get(phone).details
    assert "Trip report" in text and "Route: plan and fact" in text
    assert info.destination[-1].text.split()[0] in text
    assert "Planned" in text and "Positions" in text and "Distance" in text
    assert "No map is shown in this window" in text
    assert b"/Subtype /Image" not in path.read_bytes()


def test_trip_report_has_the_map_picture(qtbot, map_window, tmp_path, monkeypatch) -> None:
    window = map_window
    phone = routed_phone(window)
    window.select_subscriber(phone)
    path = tmp_path / "trip-map.pdf"
    save_as(monkeypatch, path)
    window.features["printing"].pdf_trip.trigger()
    choose_period(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.features["printing"].written), timeout=30000)
    text = "\n".join(pdf_pages(path))
    assert "No map is shown" not in text and "The map as shown" in text
    assert b"/Subtype /Image" in path.read_bytes()
    assert window.features["map"].panel.period_bar.period() == (
        SIM_START - timedelta(hours=6),
        SIM_START,
    )


def test_trip_report_print_preview(qtbot, window) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window.select_subscriber(routed_phone(window))
    window.features["printing"].print_trip.trigger()
    choose_period(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            window.features["printing"].preview is not None
            and window.features["printing"].preview.isVisible()
        ),
        timeout=20000,
    )
    preview = window.features["printing"].preview
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=10000)
    assert preview.windowTitle().startswith("Trip report: ")
    printing = window.features["printing"]
    assert printing.busy == set() and printing.print_trip.isEnabled()
    preview.reject()

"""The import dialog driven like a dispatcher would, against the simulator: Tools →
Import subscribers…, a file path, the column page, the check, the run with its per-row
results, Stop, and the saved report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from movizor_desktop.store.import_mapping import ImportMappingStore
from movizor_desktop.ui.features.bulk_import.dialog import MAP_PAGE, PREVIEW_PAGE, ImportDialog
from movizor_desktop.ui.features.bulk_import.preview import CHECK, OPERATOR, RESULT
from movizor_desktop.ui.main_window import MainWindow
from tests.kits.imports import GOOD, HEADERS, add_calls, write_csv, write_xlsx
from tests.kits.windows import open_window

ROWS = [
    ["+7 921 555-44-01", "Иванов", "15", "31.12.2030", "55.7558, 37.6173", "Иванов И.И."],
    ["8 (921) 555-44-02", "Петров", "30", "", "", ""],
    ["12345", "Плохой номер", "15", "", "", ""],
    ["9215554403", "Сидоров", "", "", "", ""],
    ["89215554401", "Повтор", "15", "", "", ""],
]


@pytest.fixture
def window(qtbot, qloop, sim, run_async):
    """The shared window in Russian, as soon as its 40 rows are listed."""
    window = open_window(qtbot, sim, lang="ru", details=False)
    yield window
    run_async(window.session.aclose())


def open_dialog(qtbot, window: MainWindow) -> ImportDialog:
    action = window.features["bulk_import"].action
    assert action in window.tools_menu.actions() and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    action.trigger()
    dialog = window.features["bulk_import"].dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def choose_file(qtbot, dialog: ImportDialog, path: Path) -> None:
    dialog.path_edit.setText(str(path))
    dialog.path_edit.setFocus()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.table is not None or dialog.file_page.error.isVisible(), timeout=5000
    )


def check_rows(qtbot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page() == MAP_PAGE
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            dialog.page() == PREVIEW_PAGE
            and not dialog.busy
            and dialog.preview.model.rowCount() > 0
        ),
        timeout=10000,
    )


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    model = dialog.preview.model
    return model.index(row, column).data()


def test_import_end_to_end_from_the_tools_menu(qtbot, window, sim, sim_control, tmp_path) -> None:
    path = write_csv(tmp_path / "Водители.csv", HEADERS, ROWS)
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    assert dialog.table is not None
    assert dialog.file_page.note.text().startswith("Rows: 5, columns: ")
    assert "Windows-1251" in dialog.file_page.note.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    page = dialog.mapping_page
    assert page.mapping() == ["phone", "title", "tariff", "dateoff", "route", "metadata"]
    page.set_target(4, "")  # the dispatcher leaves the route out
    assert page.default_tariff() == "15"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            dialog.page() == PREVIEW_PAGE
            and not dialog.busy
            and dialog.preview.model.rowCount() == 5
        ),
        timeout=10000,
    )
    assert cell(dialog, 0, CHECK) == "OK"
    assert cell(dialog, 0, OPERATOR) == "МегаФон"  # as Movizor named it for the check
    view = dialog.preview.view
    # nothing sent yet: no empty Result column; the check's sentences have its room
    assert view.isColumnHidden(RESULT) and view.columnWidth(CHECK) > 300
    assert dialog.preview.summary.text() == (
        "Ready to add: 3. With errors (not sent): 1. Repeated numbers (not sent): 1."
    )
    assert "не российский мобильный номер" in cell(dialog, 2, CHECK)
    assert "строке 2" in cell(dialog, 4, CHECK)
    assert dialog.start_button.text() == "Add 3" and dialog.start_button.isEnabled()
    assert "route" not in dialog.rows[0].fields

    sim_control.reset_requests()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)  # a double click
    qtbot.waitUntil(lambda: not dialog.running and bool(dialog.results), timeout=15000)
    assert not view.isColumnHidden(RESULT)
    assert add_calls(sim_control) == [m for _, m in GOOD]
    assert [cell(dialog, r, RESULT) for r in (0, 1, 3)] == ["Добавлен."] * 3
    assert cell(dialog, 2, RESULT) == "Not sent."
    assert dialog.preview.progress.value() == 3
    assert "3 added, 2 not added" in dialog.preview.summary.text()
    assert not dialog.start_button.isVisible() and dialog.report_button.isVisible()
    qtbot.waitUntil(lambda: all(window.model.get(m) is not None for _, m in GOOD), timeout=5000)
    assert sim.world.subs["79215554401"].metadata == {"Водитель": "Иванов И.И."}

    report = tmp_path / "отчёт.csv"
    dialog.save_report(str(report))
    qtbot.waitUntil(lambda: report.exists() and not dialog.busy, timeout=5000)
    assert dialog.preview.summary.text() == f"Report saved to {report}; rows: 2."
    with open(report, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0][0] == "Строка" and [r[0] for r in lines[1:]] == ["4", "6"]
    assert "не российский мобильный номер" in lines[1][4]

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert ImportMappingStore().load().columns["маршрут"] == ""  # the choice is remembered
    again = open_dialog(qtbot, window)
    choose_file(qtbot, again, path)
    qtbot.mouseClick(again.next_button, Qt.MouseButton.LeftButton)
    assert again.mapping_page.mapping()[4] == ""


def test_stop_mid_way_then_the_rest_on_a_second_run(qtbot, window, sim_control, tmp_path) -> None:
    phones = [f"7921555460{i}" for i in range(4)]
    path = write_xlsx(
        tmp_path / "trucks.xlsx",
        ["Phone", "Name"],
        [[int(p), f"Truck {i}"] for i, p in enumerate(phones)],
    )
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    assert "Водители" in dialog.file_page.note.text()
    check_rows(qtbot, dialog)
    sim_control.reset_requests()
    sim_control.add_fault("latency", function="object_add", count=None, latency=0.4)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(dialog, 0, RESULT) == "Добавлен.", timeout=5000)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    sim_control.clear_faults()
    sent = add_calls(sim_control)
    assert sent == phones[: len(sent)] and 1 <= len(sent) <= 2
    assert cell(dialog, 3, RESULT) == "Не отправлялся: импорт отменён."
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    sim_control.reset_requests()
    again = open_dialog(qtbot, window)
    choose_file(qtbot, again, path)
    check_rows(qtbot, again)
    assert [r.state for r in again.rows] == ["on_account"] * len(sent) + ["ready"] * (4 - len(sent))
    qtbot.mouseClick(again.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.running and bool(again.results), timeout=10000)
    assert add_calls(sim_control) == phones[len(sent) :]


def test_an_unreadable_file_says_why_next_to_the_path(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, bad)
    assert dialog.table is None and not dialog.next_button.isEnabled()
    assert ".xlsx" in dialog.file_page.error.text()


def test_the_sheet_of_a_workbook_can_be_chosen(qtbot, window, tmp_path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", HEADERS, ROWS[:2], first_sheet="Обложка")
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    assert dialog.table is None  # the cover sheet has names but no rows
    assert "no rows" in dialog.file_page.error.text()
    combo = dialog.sheet_combo
    assert combo.isEnabled() and [combo.itemText(i) for i in range(combo.count())] == [
        "Обложка",
        "Водители",
    ]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=5000)
    assert dialog.table.sheet == "Водители" and len(dialog.table.rows) == 2
    assert dialog.next_button.isEnabled()


def test_closing_the_dialog_stops_the_check_and_its_requests(
    qtbot, window, sim_control, tmp_path
) -> None:
    """Each new number is checked with get_operator (counted against the hour's quota):
    a dispatcher who closes the dialog mid-check must not keep spending requests."""
    from tests.kits.imports import count

    phones = [f"+7 921 777-{i // 100:02d}-{i % 100:02d}" for i in range(40)]
    path = write_csv(
        tmp_path / "many.csv",
        ["phone", "name"],
        [[p, f"Truck {i}"] for i, p in enumerate(phones)],
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page() == MAP_PAGE
    sim_control.add_fault("latency", "get_operator", count=None, latency=0.2)
    sim_control.reset_requests()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count(sim_control, "get_operator") >= 4, timeout=5000)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    # the check was cancelled with the dialog: its task is done and no look-up is in flight,
    # so nothing can ask again (40 look-ups, 4 at a time, would have gone on ~2 s)
    session = window.session
    qtbot.waitUntil(
        lambda: (
            dialog._check_task is not None
            and dialog._check_task.done()
            and session.client.budget.in_flight == 0
        ),
        timeout=5000,
    )
    after_close = count(sim_control, "get_operator")
    assert after_close <= 12

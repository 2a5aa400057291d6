"""The import dialog with hostile or awkward files, driven as a dispatcher would against
the simulator: the encoding shown and chosen by hand, rows that do not decode refused,
control characters cleaned and said so, a hostile workbook refused next to the path."""

from __future__ import annotations

from PySide6.QtCore import Qt

from movizor_desktop.ui.features.bulk_import.preview import CHECK, NAME
from tests.kits.hostile_files import claims_xfd, wide_row
from tests.kits.imports import add_calls, write_csv
from tests.ui.test_import_dialog import cell, check_rows, choose_file, open_dialog, window

__all__ = ["window"]  # the fixture, shared with test_import_dialog
HEADERS = ["Телефон", "Имя", "Тариф"]
ROWS = [["+7 921 555-44-01", "Петров Пётр", "15"], ["+7 921 555-44-02", "Иванов Иван", "15"]]


def choose_encoding(qtbot, dialog, codec: str | None) -> None:
    combo = dialog.file_page.encoding_combo
    index = combo.findData(codec)
    assert index >= 0, codec
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)


def test_the_encoding_is_shown_and_can_be_changed(qtbot, window, tmp_path) -> None:
    path = write_csv(tmp_path / "koi8.csv", HEADERS, ROWS, encoding="koi8-r")
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    combo = dialog.file_page.encoding_combo
    assert combo.isEnabled() and combo.currentText() == "Automatic (KOI8-R)"
    assert "encoding KOI8-R" in dialog.file_page.note.text()
    assert dialog.table.headers == HEADERS
    choose_encoding(qtbot, dialog, "cp1251")  # the dispatcher tries another
    assert "encoding Windows-1251" in dialog.file_page.note.text()
    assert dialog.table.headers != HEADERS  # what a wrong guess looks like
    choose_encoding(qtbot, dialog, "koi8-r")
    assert dialog.table.rows[0].cells[1] == "Петров Пётр"
    choose_file(qtbot, dialog, write_csv(tmp_path / "utf8.csv", HEADERS, ROWS, encoding="utf-8"))
    assert combo.currentIndex() == 0 and combo.currentText() == "Automatic (UTF-8)"


def test_rows_that_do_not_decode_are_refused_and_the_rest_added(
    qtbot, window, sim_control, tmp_path
) -> None:
    path = write_csv(tmp_path / "mixed.csv", HEADERS, ROWS, encoding="utf-8")
    path.write_bytes(path.read_bytes() + "+7 921 555-44-03;Сидоров;15\r\n".encode("cp1251"))
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    note = dialog.file_page.note.text()
    assert "encoding UTF-8" in note and "1 row(s) hold text that cannot be read" in note
    check_rows(qtbot, dialog)
    assert [cell(dialog, r, CHECK) for r in range(2)] == ["OK", "OK"]
    assert "could not be read in the encoding UTF-8" in cell(
        dialog, 2, CHECK
    ) or "не читается в кодировке UTF-8" in cell(dialog, 2, CHECK)
    sim_control.reset_requests()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and bool(dialog.results), timeout=15000)
    assert add_calls(sim_control) == ["79215554401", "79215554402"]


def test_control_characters_are_cleaned_and_the_preview_says_so(
    qtbot, window, sim, tmp_path
) -> None:
    path = write_csv(
        tmp_path / "word.csv",
        HEADERS,
        [["+7 921 555-44-01", "Иванов\x0bМАН", "15"], ROWS[1]],
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, path)
    check_rows(qtbot, dialog)
    assert cell(dialog, 0, NAME) == "Иванов МАН"
    check = cell(dialog, 0, CHECK)
    assert check.startswith("OK. ")
    assert "replaced with spaces" in check or "заменены пробелами" in check
    assert cell(dialog, 1, CHECK) == "OK"
    assert "Control characters replaced with spaces in 1 rows." in dialog.preview.summary.text()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and bool(dialog.results), timeout=15000)
    assert sim.world.subs["79215554401"].title == "Иванов МАН"


def test_a_hostile_workbook_is_refused_next_to_the_path(qtbot, window, tmp_path) -> None:
    dialog = open_dialog(qtbot, window)
    choose_file(qtbot, dialog, wide_row(tmp_path / "wide.xlsx"))
    assert dialog.table is None and not dialog.next_button.isEnabled()
    assert "4\u00a0096" in dialog.file_page.error.text()  # the limit, in Russian digits
    choose_file(qtbot, dialog, claims_xfd(tmp_path / "xfd.xlsx", rows=500))
    assert dialog.table is not None and dialog.table.headers == HEADERS
    assert not dialog.file_page.encoding_combo.isEnabled()  # a workbook has no encoding

"""Control characters pasted into any one-line field become spaces as they arrive, and
what is saved is clean (the subscriber dialog against the simulator; the route editor's
Ctrl+V into a cell)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QVBoxLayout, QWidget

from movizor_desktop.ui.text_input import InputCleaner, install_input_cleaning
from tests.kits.subscribers import (
    NEW_MSISDN,
    NEW_PHONE,
    make,
    open_session,
    ready,
    save,
    type_phone,
)

WORD = "Иванов\x0bМАН"  # Word's manual line break


@pytest.fixture
def cleaner(qapp) -> Iterator[InputCleaner]:
    installed = install_input_cleaning(qapp)
    assert install_input_cleaning(qapp) is installed  # once per application
    yield installed
    if shiboken6.isValid(installed):
        shiboken6.delete(installed)


def paste(qtbot, edit: QLineEdit, text: str) -> None:
    """Focus the field as a click or Tab would, then Ctrl+V ``text`` into it."""
    edit.window().activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5000)
    QApplication.clipboard().setText(text)
    edit.paste()
    if any(ch < " " for ch in text):
        qtbot.waitUntil(
            lambda: edit.text() != text and all(ch >= " " for ch in edit.text()), timeout=5000
        )


def test_a_paste_with_control_characters_becomes_one_line(qtbot, cleaner) -> None:
    box = QWidget()
    edit = QLineEdit(box)
    QVBoxLayout(box).addWidget(edit)
    qtbot.addWidget(box)
    box.show()
    paste(qtbot, edit, WORD)
    assert edit.text() == "Иванов МАН"
    edit.setText("Рейс  12 ")  # the program's text, typed spaces: left alone
    edit.setCursorPosition(4)
    edit.insert("\t\r\n7")
    qtbot.waitUntil(lambda: edit.text() == "Рейс 7  12 ", timeout=5000)
    assert edit.cursorPosition() == len("Рейс 7")  # where the paste ended


def test_the_subscriber_dialog_saves_what_word_pasted_as_clean_text(
    qtbot, qloop, sim, run_async, cleaner
):
    session = next(sessions := open_session(sim, run_async))
    try:
        dialog = ready(qtbot, make(qtbot, session))
        type_phone(qtbot, dialog, NEW_PHONE)
        paste(qtbot, dialog.title_edit, WORD + "\t")
        paste(qtbot, dialog.tags_edit, "Москва\x0b, срочно\x00")
        assert dialog.title_edit.text() == "Иванов МАН "
        with qtbot.waitSignal(dialog.saved, timeout=15000):
            save(qtbot, dialog)
        info = run_async(session.client.object_get(NEW_MSISDN))
        assert info.title == "Иванов МАН"
        assert list(info.tags or ()) == ["Москва", "срочно"]
    finally:
        next(sessions, None)


def test_an_input_dialog_made_anywhere_is_covered(qtbot, cleaner) -> None:
    dialog = QInputDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    edit = next(e for e in dialog.findChildren(QLineEdit) if e.isVisible())
    paste(qtbot, edit, "Маршрут\x0cКазань")
    assert dialog.textValue() == "Маршрут Казань"


def test_the_route_editor_cleans_a_pasted_point_name(qtbot) -> None:
    from movizor_desktop.ui.editors.route_table import NAME, RouteModel, RouteRow

    model = RouteModel()
    model.set_rows([RouteRow(text="", lat=55.79, lon=49.12)])
    assert model.setData(model.index(0, NAME), "Казань,\x0bсклад №2\t")
    assert model.rows[0].text == "Казань, склад №2"

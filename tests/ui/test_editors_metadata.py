"""MetadataEditor driven by typing and clicking: live counters, unique non-empty names,
quick-add fields, values returned exactly as typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from movizor_desktop.api.models import ObjectInfo
from movizor_desktop.ui.dialogs.widgets import ERROR_COLOR
from movizor_desktop.ui.editors import MetadataEditor

LEFT = Qt.MouseButton.LeftButton
TRICKY = ['ООО "Ромашка" & сыновья', "<b>жирный</b>", "a, b, c", "  пробелы  ", "&quot;", "'"]


def type_text(widget, text: str) -> None:
    """Type like a keyboard would, Cyrillic included (QTest.keyClicks is ASCII-only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def make(qtbot) -> MetadataEditor:
    editor = MetadataEditor()
    qtbot.addWidget(editor)
    editor.resize(800, 500)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def test_values_are_shown_unescaped_and_returned_as_typed(qtbot) -> None:
    info = ObjectInfo.model_validate(
        {
            "phone": "79001234567",
            "metadata": {"Клиент": "ООО &quot;Ромашка&quot; &amp; Co", "Водитель": "Иванов"},
        }
    )
    editor = make(qtbot)
    editor.set_metadata(info.metadata)
    assert editor.rows[0].value.text() == 'ООО "Ромашка" & Co'
    assert editor.metadata() == {"Клиент": 'ООО "Ромашка" & Co', "Водитель": "Иванов"}
    assert not editor.is_modified()

    typed = {}
    for i, value in enumerate(TRICKY):
        row = editor.add_field("")
        type_text(row.name, f"Поле {i}")
        type_text(row.value, value)
        typed[f"Поле {i}"] = value
    assert editor.metadata() == {"Клиент": 'ООО "Ромашка" & Co', "Водитель": "Иванов", **typed}
    assert editor.is_modified() and editor.validate() == []


def test_live_counters_turn_red_over_the_limits(qtbot) -> None:
    editor = make(qtbot)
    row = editor.add_field("")
    assert (row.name_count.text(), row.value_count.text()) == ("0/32", "0/64")
    type_text(row.name, "Водитель")
    type_text(row.value, "Иванов Иван")
    assert (row.name_count.text(), row.value_count.text()) == ("8/32", "11/64")
    assert ERROR_COLOR not in row.value_count.styleSheet()
    qtbot.keyClicks(row.value, "x" * 53)
    assert row.value_count.text() == "64/64" and ERROR_COLOR not in row.value_count.styleSheet()
    qtbot.keyClicks(row.value, "y")
    assert row.value_count.text() == "65/64" and ERROR_COLOR in row.value_count.styleSheet()
    assert editor.errors_label.isVisible()
    assert "the value is 65 characters long; the limit is 64" in editor.errors_label.text()
    qtbot.keyClick(row.value, Qt.Key.Key_Backspace)
    assert ERROR_COLOR not in row.value_count.styleSheet()
    assert not editor.errors_label.isVisible()

    type_text(row.name, " и его напарник по смене, ночь")
    assert row.name_count.text() == "38/32" and ERROR_COLOR in row.name_count.styleSheet()
    assert editor.validate() == [(0, "Row 1: the name is 38 characters long; the limit is 32.")]


def test_names_unique_and_not_empty(qtbot) -> None:
    editor = make(qtbot)
    editor.set_metadata({"Водитель": "Иванов"})
    row = editor.add_field("")
    type_text(row.name, "водитель")
    assert editor.errors_label.isVisible()  # shown while typing
    assert editor.errors_label.text() == "The name “водитель” is used twice (rows 1 and 2)."
    assert ERROR_COLOR in row.name.styleSheet()
    assert editor.validate() == [(1, editor.errors_label.text())]
    row.name.selectAll()
    type_text(row.name, "Водитель 2")
    assert editor.validate() == [] and row.name.styleSheet() == ""

    empty = editor.add_field("")
    assert editor.validate() == []  # a blank row is ignored
    type_text(empty.value, "значение без имени")
    assert editor.validate() == [(2, "Row 3: the field needs a name.")]
    assert ERROR_COLOR in empty.name.styleSheet()
    type_text(empty.name, "a[b]")
    assert editor.validate() == [(2, "Row 3: a name cannot contain “[” or “]”.")]


def test_quick_fields(qtbot) -> None:
    editor = make(qtbot)
    assert tuple(editor.quick_buttons) == MetadataEditor.QUICK_FIELDS
    # the presets are in the UI's language (English here); Movizor's Russian names count too
    assert [b.text() for b in editor.quick_buttons.values()] == [
        "Driver",
        "Vehicle",
        "Carrier",
        "Carrier's INN",
        "Client",
        "Order",
        "Trip",
    ]
    editor.set_metadata({"ТС": "А123ВС77"})
    assert not editor.quick_buttons["vehicle"].isEnabled()
    assert editor.quick_buttons["driver"].isEnabled()
    changes = []
    editor.changed.connect(lambda: changes.append(1))

    qtbot.mouseClick(editor.quick_buttons["driver"], LEFT)
    row = editor.rows[-1]
    assert row.name.text() == "Driver" and changes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.value)
    type_text(QApplication.focusWidget(), "Петров П.П.")
    assert editor.metadata() == {"ТС": "А123ВС77", "Driver": "Петров П.П."}
    assert not editor.quick_buttons["driver"].isEnabled()

    qtbot.mouseClick(row.remove, LEFT)
    assert editor.quick_buttons["driver"].isEnabled()
    assert editor.metadata() == {"ТС": "А123ВС77"} and not editor.is_modified()

    # typing a quick field's name by hand disables its button too
    other = editor.add_field("")
    type_text(other.name, "Рейс")
    assert not editor.quick_buttons["trip"].isEnabled()


def test_add_remove_rows_and_tab_order(qtbot) -> None:
    editor = make(qtbot)
    assert editor.empty_note.isVisible() and not editor.scroll_area.isVisible()
    qtbot.mouseClick(editor.add_button, LEFT)
    first = editor.rows[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.name)
    assert editor.scroll_area.isVisible() and not editor.empty_note.isVisible()
    type_text(first.name, "Заказ")
    qtbot.keyClick(first.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.value
    type_text(first.value, "R-1")
    second = editor.add_field("Рейс")
    type_text(second.value, "12345-1")
    assert editor.metadata() == {"Заказ": "R-1", "Рейс": "12345-1"}
    first.value.setFocus()
    qtbot.keyClick(first.value, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.remove
    qtbot.keyClick(first.remove, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.name
    for widget in (
        first.name,
        first.value,
        first.remove,
        editor.add_button,
        *editor.quick_buttons.values(),
    ):
        assert widget.accessibleName()

    qtbot.mouseClick(first.remove, LEFT)
    assert editor.metadata() == {"Рейс": "12345-1"} and len(editor.rows) == 1
    assert QApplication.focusWidget() is second.name


def test_set_error_and_reload(qtbot) -> None:
    editor = make(qtbot)
    editor.set_metadata({"A": "1"})
    editor.set_error("Metadata name too long")
    assert editor.banner.isVisible() and editor.banner.text() == "Metadata name too long"
    type_text(editor.rows[0].value, "2")
    assert not editor.banner.isVisible() and editor.metadata() == {"A": "12"}
    editor.set_metadata({})
    assert editor.rows == [] and editor.metadata() == {} and not editor.is_modified()

"""The "Templates" menu of the route page: save the route under a name, load one back
re-timed from a start the dispatcher picks, delete one.

Prompts are opened with ``open()`` (window-modal, no nested event loop: qasync #59) and
answer through signals; the store is :class:`~movizor_desktop.store.routes.RouteTemplates`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...store.routes import RouteTemplate, RouteTemplates, template_points
from .route_table import MSK_OFFSET, from_qdatetime, to_qdatetime

if TYPE_CHECKING:
    from .route import RouteEditor


class StartDialog(QDialog):
    """Asks when the first point of a loaded template is planned (MSK)."""

    def __init__(
        self, template: RouteTemplate, default: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load route template"))
        self.edit = QDateTimeEdit()
        self.edit.setObjectName("template_start")
        self.edit.setTimeZone(QTimeZone(MSK_OFFSET))
        self.edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setDateTime(to_qdatetime(default))
        self.edit.setAccessibleName(self.tr("First planned arrival, Moscow time"))
        form = QFormLayout()
        label = QLabel(self.tr("First planned arrival (MSK):"))
        label.setBuddy(self.edit)
        form.addRow(label, self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(
            QLabel(
                self.tr("The times of “{name}” will be counted from this moment.").format(
                    name=template.name
                )
            )
        )
        column.addLayout(form)
        column.addWidget(buttons)

    def moment(self) -> datetime:
        return from_qdatetime(self.edit.dateTime())


class TemplatesButton(QToolButton):
    """A drop-down with Save as template…, Load template ▸ and Delete template ▸."""

    def __init__(self, editor: RouteEditor, templates: RouteTemplates | None) -> None:
        super().__init__(editor)
        self.editor = editor
        self.templates = templates
        self.name_dialog: QInputDialog | None = None
        self.start_dialog: StartDialog | None = None
        self.setObjectName("route_templates")
        self.setText(self.tr("Templates"))
        self.setAccessibleName(self.tr("Route templates"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.save_action = self.menu_.addAction(self.tr("Save as template…"))
        self.save_action.triggered.connect(self.ask_name)
        self.load_menu = self.menu_.addMenu(self.tr("Load template"))
        self.delete_menu = self.menu_.addMenu(self.tr("Delete template"))
        self.menu_.aboutToShow.connect(self.refresh)
        self.setMenu(self.menu_)
        self.setVisible(templates is not None)
        self.refresh()

    def refresh(self) -> None:
        self.load_menu.clear()
        self.delete_menu.clear()
        saved = self.templates.list() if self.templates is not None else []
        for template in saved:
            label = self.tr("{name} (%n point(s))", "", len(template.points)).format(
                name=template.name
            )
            load = self.load_menu.addAction(label)
            load.triggered.connect(lambda _=False, n=template.name: self.load(n))
            delete = self.delete_menu.addAction(template.name)
            delete.triggered.connect(lambda _=False, n=template.name: self.delete(n))
        for menu in (self.load_menu, self.delete_menu):
            if not saved:
                menu.addAction(self.tr("No saved templates")).setEnabled(False)

    def ask_name(self) -> None:
        points = self.editor.points()
        if not points or self.templates is None:
            self.editor.show_message(
                self.tr("Add points with coordinates before saving the route as a template."),
                ok=False,
            )
            return
        dialog = QInputDialog(self.editor)
        dialog.setObjectName("template_name_dialog")
        dialog.setWindowTitle(self.tr("Save route as template"))
        dialog.setLabelText(self.tr("Template name (a template of the same name is replaced):"))
        names = [p.text for p in points if p.text]
        dialog.setTextValue(f"{names[0]} — {names[-1]}" if len(names) > 1 else "".join(names))
        dialog.textValueSelected.connect(self.save)
        self.name_dialog = dialog
        dialog.open()

    def save(self, name: str) -> None:
        assert self.templates is not None
        name = name.strip()
        if not name:
            self.editor.show_message(self.tr("The template needs a name."), ok=False)
            return
        try:
            replaced = self.templates.save(name, template_points(self.editor.points()))
        except (OSError, ValueError) as exc:
            self.editor.show_message(
                self.tr("Could not save the template: {reason}").format(reason=str(exc)), ok=False
            )
            return
        text = (
            self.tr("Replaced the template “{name}”.")
            if replaced
            else self.tr("Saved the template “{name}”.")
        )
        self.editor.show_message(text.format(name=name), ok=True)
        self.refresh()

    def load(self, name: str) -> None:
        template = self.templates.get(name) if self.templates is not None else None
        if template is None:
            self.editor.show_message(
                self.tr("The template “{name}” is gone.").format(name=name), ok=False
            )
            self.refresh()
            return
        if not template.timed:
            self._apply(template, self.editor.now())
            return
        dialog = StartDialog(template, self.editor.suggest_time(0), self.editor)
        dialog.setObjectName("template_start_dialog")
        dialog.accepted.connect(lambda: self._apply(template, dialog.moment()))
        self.start_dialog = dialog
        dialog.open()

    def _apply(self, template: RouteTemplate, start: datetime) -> None:
        self.editor.apply_points(template.instantiate(start))
        self.editor.show_message(
            self.tr("Loaded the template “{name}”.").format(name=template.name), ok=True
        )

    def delete(self, name: str) -> None:
        if self.templates is not None and self.templates.delete(name):
            self.editor.show_message(self.tr("Deleted the template “{name}”.").format(name=name))
        self.refresh()

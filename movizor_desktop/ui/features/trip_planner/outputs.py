"""What to do with a plan: the workspace's bottom bar.

:class:`PlanOutputs` holds the buttons and what they do, on the window's plan
(:class:`~.window.PlanWindow`):

* **Assign to the truck…** — the plan on the start's truck, or on the truck chosen in the
  ranking (the plan is first recomputed from that truck): :class:`~.assign.AssignFlow`;
* **New subscriber with this route…** — the add dialog with the plan as its route;
* **Save as template** / **Open template** — :class:`~movizor_desktop.store.plan_templates.
  PlanTemplates` (opening re-times the template from the next full hour);
* **Export GPX/KML…**, **Plan sheet (PDF)…**, **Print…** — :mod:`.files`;
* **Which truck?** — shows or hides the ranking (and the candidates on the map).

Its note under the buttons says what happened or what is wrong; a failure keeps the plan.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....planning import Plan
from ... import formatting as fmt
from ...dialogs.widgets import Note, action_button
from .assign import AssignFlow
from .files import export_plan, sheet_document, sheet_html, sheet_layout, write_sheet
from .start import FIX, ROUTE_END
from .times import format_msk

if TYPE_CHECKING:
    from .window import PlanWindow

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")


class PlanOutputs(QWidget):
    def __init__(self, ws: PlanWindow) -> None:
        super().__init__(ws)
        self.ws = ws
        self._tasks: set[asyncio.Future[Any]] = set()
        self.preview: QPrintPreviewDialog | None = None  # the last print preview
        self.assign = action_button("plan_assign", "", self.assign_plan)
        self.add_new = action_button("plan_add_subscriber", "", self.add_subscriber)
        self.save_template = action_button("plan_save_template", "", self.save_as_template)
        self.open_template = QToolButton()
        self.open_template.setObjectName("plan_open_template")
        self.open_template.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self.open_template)
        self.templates_menu.aboutToShow.connect(self._fill_templates)
        self.open_template.setMenu(self.templates_menu)
        self.export = action_button("plan_export", "", self.choose_export)
        self.sheet = action_button("plan_sheet", "", self.choose_sheet)
        self.print_sheet = action_button("plan_print", "", self.preview_sheet)
        self.show_ranking = QPushButton()
        self.show_ranking.setObjectName("plan_show_ranking")
        self.show_ranking.setCheckable(True)
        self.show_ranking.setChecked(True)
        self.show_ranking.setAutoDefault(False)
        self.assign_note = Note()
        self.assign_note.setObjectName("plan_assign_note")
        put_on = QHBoxLayout()  # the plan on a truck
        for button in (self.assign, self.add_new):
            put_on.addWidget(button)
        put_on.addStretch(1)
        put_on.addWidget(self.show_ranking)
        keep = QHBoxLayout()  # the plan kept or sent elsewhere
        kept: tuple[QWidget, ...] = (
            self.save_template,
            self.open_template,
            self.export,
            self.sheet,
            self.print_sheet,
        )
        for widget in kept:
            keep.addWidget(widget)
        keep.addStretch(1)
        self.assign_flow = AssignFlow(self, ws.session, ws.rows, ws.lang)
        self.assign_flow.done.connect(self._assigned)
        self.assign_flow.failed.connect(lambda text: self.assign_note.set_text(text, ok=False))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(put_on)
        column.addLayout(keep)
        column.addWidget(self.assign_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.assign.setText(translate("TripPlanner", "Assign to the truck…"))
        self.assign.setToolTip(
            translate(
                "TripPlanner",
                "Put the plan on the start's truck (or the one chosen in the ranking) as its route",
            )
        )
        self.add_new.setText(translate("TripPlanner", "New subscriber with this route…"))
        self.save_template.setText(translate("TripPlanner", "Save as template"))
        self.open_template.setText(translate("TripPlanner", "Open template"))
        self.export.setText(translate("TripPlanner", "Export GPX/KML…"))
        self.sheet.setText(translate("TripPlanner", "Plan sheet (PDF)…"))
        self.print_sheet.setText(translate("TripPlanner", "Print…"))
        self.print_sheet.setToolTip(translate("TripPlanner", "Print the plan sheet"))
        self.show_ranking.setText(translate("TripPlanner", "Which truck?"))
        self.show_ranking.setToolTip(
            translate("TripPlanner", "Show the trucks ranked by arrival, and on the map")
        )

    def _ready(self) -> bool:
        if not self.ws.model.points:
            self.assign_note.set_text(translate("TripPlanner", "Add at least one point."), ok=False)
            return False
        if self.ws.result is None:
            self.assign_note.set_text(
                translate("TripPlanner", "Choose where the trip starts."), ok=False
            )
            return False
        return True

    def assign_plan(self) -> None:
        chosen = self.ws.ranking.current_phone()
        if chosen is not None and chosen != self.ws.start_pane.truck.currentData():
            self.ws.start_from(chosen)
        if not self._ready():
            return
        phone = self.ws.start_pane.truck.currentData()
        if self.ws.start_pane.kind.currentData() not in (FIX, ROUTE_END) or not phone:
            self.assign_note.set_text(
                translate(
                    "TripPlanner",
                    "Start from a truck (or choose one in the ranking) to assign the plan.",
                ),
                ok=False,
            )
            return
        assert self.ws.result is not None
        self.assign_note.set_text("")
        after = self.ws.start_pane.kind.currentData() == ROUTE_END  # the trip follows it
        self.assign_flow.apply(phone, self.ws.plan(), self.ws.result, after_current=after)

    def _assigned(self, phone: str) -> None:
        row = next((r for r in self.ws.rows() if r.phone == phone), None)
        name = (row.title if row else "") or phone
        self.assign_note.set_text(
            translate("TripPlanner", "The route is saved on {truck}.").format(truck=name), ok=True
        )

    def add_subscriber(self) -> None:
        if self._ready():
            assert self.ws.result is not None
            self.assign_flow.add_subscriber(self.ws.plan(), self.ws.result)

    def save_as_template(self) -> None:
        plan = self.ws.plan()
        if not plan.name:
            self.assign_note.set_text(
                translate("TripPlanner", "Name the plan to save it as a template."), ok=False
            )
            self.ws.name.setFocus()
            return
        if not plan.points:
            self.assign_note.set_text(translate("TripPlanner", "Add at least one point."), ok=False)
            return
        self._spawn(self._save_template(plan))

    async def _save_template(self, plan: Plan) -> None:
        """Written in a worker thread (an atomic, flushed write)."""
        try:
            replaced = await asyncio.to_thread(self.ws.templates.save, plan)
        except (OSError, ValueError) as exc:
            self.assign_note.set_text(
                translate("TripPlanner", "The template was not saved: {reason}").format(
                    reason=str(exc)
                ),
                ok=False,
            )
            return
        text = (
            translate("TripPlanner", "Template “{name}” replaced.")
            if replaced
            else translate("TripPlanner", "Template “{name}” saved.")
        )
        self.assign_note.set_text(text.format(name=plan.name), ok=True)

    def _fill_templates(self) -> None:
        self.templates_menu.clear()
        names = self.ws.templates.names()
        if not names:
            self.templates_menu.addAction(translate("TripPlanner", "No templates yet")).setEnabled(
                False
            )
        for name in names:
            action = self.templates_menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.open_template_named(n))

    def open_template_named(self, name: str) -> bool:
        """The template re-timed from the next full hour after now."""
        anchor = self.ws.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        plan = self.ws.templates.load(name, anchor)
        if plan is None:
            self.assign_note.set_text(
                translate("TripPlanner", "The template “{name}” cannot be read.").format(name=name),
                ok=False,
            )
            return False
        self.ws.load_plan(plan)
        self.assign_note.set_text(
            translate("TripPlanner", "Template “{name}” opened.").format(name=name), ok=True
        )
        return True

    def _ask_file(self, title: str, filters: str, suffix: str, then: Callable[[str], None]) -> None:
        """The save dialog (window-modal, ``open()``), named after the plan; ``then(path)``."""
        if not self._ready():
            return
        dialog = QFileDialog(self, title, "", filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        name = self.ws.name.text().strip() or translate("TripPlanner", "trip-plan")
        dialog.selectFile(f"{name}.{suffix}")
        dialog.fileSelected.connect(then)
        dialog.open()

    def choose_export(self) -> None:
        self._ask_file(
            translate("TripPlanner", "Export the plan"),
            translate("TripPlanner", "GPX (*.gpx);;KML (*.kml)"),
            "gpx",
            self.export_to,
        )

    def export_to(self, path: str) -> None:
        if not path or not self._ready():
            return
        assert self.ws.result is not None
        self._spawn(self._write(export_plan(path, self.ws.plan(), self.ws.result)))

    def choose_sheet(self) -> None:
        self._ask_file(
            translate("TripPlanner", "Save the plan sheet"),
            translate("TripPlanner", "PDF (*.pdf)"),
            "pdf",
            self.sheet_to,
        )

    def _sheet(self) -> tuple[str, QImage | None]:
        """The plan sheet's HTML and the map as it is shown (None without a map)."""
        assert self.ws.result is not None
        start = self.ws.result.start
        subtitle = translate("TripPlanner", "From {start}, leaving {time} MSK; {summary}").format(
            start=start.text or fmt.coordinates(start.lat, start.lon),
            time=format_msk(start.time),
            summary=self.ws.summary.text().replace("\n", "; "),
        )
        image = self.ws.map_link.map.view.grab().toImage() if self.ws.map_link is not None else None
        return sheet_html(self.ws.plan(), self.ws.result, subtitle, image is not None), image

    def sheet_to(self, path: str) -> None:
        """The plan sheet as a PDF at ``path`` (painted in a worker thread)."""
        if not path or not self._ready():
            return
        html, image = self._sheet()
        self._spawn(self._write(write_sheet(path, html, image)))

    def preview_sheet(self) -> QPrintPreviewDialog | None:
        """The plan sheet in the print preview (Print from there)."""
        if not self._ready():
            return None
        html, image = self._sheet()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(sheet_layout())
        printer.setDocName(self.ws.name.text().strip() or translate("TripPlanner", "Trip plan"))
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("plan_print_preview")
        preview.paintRequested.connect(lambda device: sheet_document(html, image).print_(device))
        preview._printer = printer  # type: ignore[attr-defined]  # outlives the dialog
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()
        self.preview = preview
        return preview

    async def _write(self, work: Any) -> None:
        try:
            path = await work
        except OSError as exc:
            self.assign_note.set_text(
                translate("TripPlanner", "The file was not written: {reason}").format(
                    reason=exc.strerror or exc
                ),
                ok=False,
            )
        else:
            self.assign_note.set_text(
                translate("TripPlanner", "Saved to {path}.").format(path=path), ok=True
            )

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def shutdown(self) -> None:
        for task in list(self._tasks):
            task.cancel()


__all__ = ["PlanOutputs"]

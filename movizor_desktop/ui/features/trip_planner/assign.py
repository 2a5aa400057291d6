"""The plan put on a truck in one confirmed step, or on a new subscriber.

:class:`AssignFlow`:

* :meth:`~AssignFlow.apply` — the plan becomes the chosen truck's route: a confirmation
  lists the difference from its current route (:func:`~movizor_desktop.planning.
  route_change`: points kept, re-timed, renamed, added, removed; a plan that starts at the
  end of the truck's current route follows it, so its points are kept), then one
  ``object_edit``
  sends ``destination[]`` with the planned times and nothing else of the subscriber (the
  tariff it must carry is the one it has, or its pending switch: nothing changes or is
  charged, :func:`~...dialogs.tariffs.edit_tariff`). The question has no default button;
  a second click while the edit is on its way does nothing. A failure is shown under the
  buttons and the plan stays as it was.
* :meth:`~AssignFlow.add_subscriber` — the main window's add dialog, its route page filled
  with the plan; its own confirmation shows the price and the SMS.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ....api.encoding import RoutePoint
from ....api.errors import MovizorError
from ....api.models import Destination
from ....fleet import FleetRow
from ....planning import Plan, PlanResult, route_change, route_points
from ....planning.plan import ChangeKind, RouteChange
from ....sync.actions import ActionInProgress
from ...dialogs.tariffs import edit_tariff
from ...dialogs.widgets import run_dialog, widen_message_box
from .confirm import guard_question
from .times import format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

if TYPE_CHECKING:
    from ...session import Session

log = logging.getLogger(__name__)
MAX_LINES = 12  # the confirmation lists this many changes, then "and N more"


def change_lines(change: RouteChange) -> list[str]:
    """One line per point of the difference, in route order."""
    lines = []
    for c in change.changes:
        new, old = c.new, c.old
        if c.kind is ChangeKind.ADDED and new is not None:
            lines.append(
                translate("TripPlanner", "+ {text}, {time}").format(
                    text=new.text, time=format_msk(new.time)
                )
            )
        elif c.kind is ChangeKind.REMOVED and old is not None:
            lines.append(translate("TripPlanner", "− {text}").format(text=old.text))
        elif c.kind is ChangeKind.CHANGED and old is not None and new is not None:
            lines.append(
                translate("TripPlanner", "~ {old} → {new}, {old_time} → {new_time}").format(
                    old=old.text,
                    new=new.text,
                    old_time=format_msk(old.time) or "—",
                    new_time=format_msk(new.time) or "—",
                )
            )
        elif new is not None:
            lines.append(
                translate("TripPlanner", "= {text}, {time}").format(
                    text=new.text, time=format_msk(new.time)
                )
            )
    if len(lines) > MAX_LINES:
        rest = len(lines) - MAX_LINES
        lines = [*lines[:MAX_LINES], translate("TripPlanner", "… and {n} more").format(n=rest)]
    return lines


class AssignFlow(QObject):
    """Puts a plan on a truck; ``done(phone)`` after the route was saved and read back,
    ``failed(text)`` with the reason (the plan is kept)."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        session: Callable[[], Session | None],
        rows: Callable[[], Sequence[FleetRow]],
        lang: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.session = session
        self.rows = rows
        self.lang = lang
        self.ask: Callable[[QMessageBox], Any] = run_dialog  # tests may answer for the user
        self.busy = False
        self._task: asyncio.Future[None] | None = None
        self.last_question: QMessageBox | None = None

    def apply(
        self, phone: str, plan: Plan, result: PlanResult, *, after_current: bool = False
    ) -> None:
        """Put the plan on ``phone``'s truck; ``after_current``: after the points of its
        current route (a plan that starts where that route ends), else instead of them."""
        if self.busy:
            return
        row = next((r for r in self.rows() if r.phone == phone), None)
        if row is None or self.session() is None:
            self.failed.emit(translate("TripPlanner", "Choose a truck of the list first."))
            return
        current = list(row.details.destination) if row.details is not None else []
        planned = route_points(plan, result)
        if after_current:
            kept = [
                RoutePoint(p.text, p.lat, p.lon, p.time)
                for p in current
                if p.lat is not None and p.lon is not None
            ]
            planned = kept + planned
        self.busy = True
        self._task = asyncio.ensure_future(self._apply(row, current, planned))

    async def _apply(
        self, row: FleetRow, current: Sequence[Destination], planned: list[RoutePoint]
    ) -> None:
        name = row.title or row.phone
        try:
            change = route_change(current, planned)
            if not await self._confirm(name, change, bool(current)):
                return
            session = self.session()
            if session is None:
                self.failed.emit(
                    translate("TripPlanner", "Not connected: the route was not saved.")
                )
                return
            tariff = edit_tariff(None, row.tariff, row.tariff_new)
            await session.actions.edit(row.phone, tariff=tariff, route=planned)
        except ActionInProgress:
            if not shiboken6.isValid(self):
                return
            self.failed.emit(
                translate("TripPlanner", "{truck} is being saved already.").format(truck=name)
            )
        except MovizorError as exc:
            if not shiboken6.isValid(self):
                return
            self.failed.emit(
                translate("TripPlanner", "The route was not saved on {truck}: {reason}").format(
                    truck=name, reason=exc.message(self.lang())
                )
            )
        except ValueError:  # no tariff known: the row was never read
            self.failed.emit(
                translate(
                    "TripPlanner", "{truck}'s tariff is not known yet; try again in a moment."
                ).format(truck=name)
            )
        else:
            if shiboken6.isValid(self):
                self.done.emit(row.phone)
        finally:
            if shiboken6.isValid(self):
                self.busy = False

    async def _confirm(self, name: str, change: RouteChange, had_route: bool) -> bool:
        text = (
            translate("TripPlanner", "Replace {truck}'s route with this plan?")
            if had_route
            else translate("TripPlanner", "Put this plan on {truck} as its route?")
        ).format(truck=name)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("TripPlanner", "Assign the plan"),
            text,
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        box.setObjectName("confirm_assign")
        box.setTextFormat(Qt.TextFormat.PlainText)
        summary = translate(
            "TripPlanner",
            "Only the route and its planned times are sent; the tariff and everything else "
            "stay as they are.",
        )
        box.setInformativeText("\n".join([*change_lines(change), "", summary]))
        yes = box.addButton(
            translate("TripPlanner", "Save the route"), QMessageBox.ButtonRole.AcceptRole
        )
        yes.setObjectName("confirm_assign_yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        guard_question(box, yes)
        widen_message_box(box, 560)
        self.last_question = box
        try:
            await self.ask(box)
            return box.clickedButton() is yes
        finally:
            self.last_question = None
            box.deleteLater()

    def add_subscriber(self, plan: Plan, result: PlanResult, tags: Sequence[str] = ()) -> Any:
        """The add dialog with the plan as its route (its own confirmation follows)."""
        session = self.session()
        if session is None:
            self.failed.emit(translate("TripPlanner", "Not connected: cannot add a subscriber."))
            return None
        from ...dialogs.subscriber import SubscriberDialog

        dialog = SubscriberDialog(session, tags=tags, lang=self.lang(), parent=self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.route_editor.set_points(route_points(plan, result))
        dialog.saved.connect(lambda row: self.done.emit(row.phone))
        dialog.open()
        return dialog


__all__ = ["AssignFlow", "change_lines"]

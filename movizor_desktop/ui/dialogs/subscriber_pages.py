"""The subscriber dialog's pages: Main, Route, Schedule and Metadata in one tab widget.

:class:`TripPages` owns the tabs and the three trip editors of ``ui/editors``. It loads
them from ``object_get``, validates them (an editor's own ``validate()`` marks its rows;
the page's tab gets a warning icon), puts an API error on the page it concerns
(``set_error``), and says what they contribute to a save: everything filled in when
adding, only the pages the dispatcher modified when editing (an emptied page is sent
empty, which clears it on the server).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QTabWidget

from ...api.models import ObjectInfo, ScheduleInfo
from ...api.subscriber_fields import SubscriberFields

if TYPE_CHECKING:
    from ...planning.legs import LegCheck
    from ...store.routes import RouteTemplates
    from ...sync.local_schedules import LocalSchedule
    from ..editors.route_map_link import MapFactory
    from .subscriber_main import MainPage

PAGES = ("main", "route", "schedule", "metadata")


class TripPages(QObject):
    def __init__(
        self,
        main: MainPage,
        *,
        geocoder: Callable[..., Any] | None,
        templates: RouteTemplates | None,
        now: Callable[[], datetime],
        map_factory: MapFactory | None = None,
        leg_check: LegCheck | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # the editors load with the first dialog (they pull in the route machinery)
        from ..editors.metadata import MetadataEditor
        from ..editors.route import RouteEditor
        from ..editors.schedule import ScheduleEditor

        self.main = main
        self.route = RouteEditor(
            geocoder=geocoder,
            templates=templates,
            now=now,
            map_factory=map_factory,
            check=leg_check,
        )
        self.schedule = ScheduleEditor(now=now)
        self.metadata = MetadataEditor()
        self.editors: dict[str, Any] = {
            "route": self.route,
            "schedule": self.schedule,
            "metadata": self.metadata,
        }
        self.errors: dict[str, str] = {}  # page → the message flagged on it
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        for widget, label in (
            (main, self.tr("Main")),
            (self.route, self.tr("Route")),
            (self.schedule, self.tr("Schedule")),
            (self.metadata, self.tr("Metadata")),
        ):
            self.tabs.addTab(widget, label)
        for name, editor in self.editors.items():
            editor.changed.connect(lambda n=name: self.clear_error(n))

    # --- which page -------------------------------------------------------------------------

    def current(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def show(self, page: str) -> None:
        self.tabs.setCurrentIndex(PAGES.index(page))

    def lock_trip_pages(self) -> None:
        """Route, schedule and metadata cannot be edited (their current state is unknown)."""
        for page in self.editors:
            self.tabs.setTabEnabled(PAGES.index(page), False)

    # --- errors -----------------------------------------------------------------------------

    def flag(self, page: str) -> None:
        icon = self.tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(PAGES.index(page), icon)

    def error(self, page: str, message: str, *, show: bool = True) -> None:
        """Flag ``page`` with ``message``; ``show`` also puts it in the page's banner (an
        editor's own validate() already shows its problems next to the rows)."""
        self.errors[page] = message
        if show:
            self.editors[page].set_error(message)
        self.flag(page)

    def clear_error(self, page: str) -> None:
        if self.errors.pop(page, None) is not None:
            self.editors[page].set_error("")
            self.tabs.setTabIcon(PAGES.index(page), QIcon())

    def clear_errors(self) -> None:
        for page in list(self.errors):
            self.clear_error(page)
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, QIcon())

    def field_error(self, page: str) -> str:
        return self.errors.get(page, "")

    # --- load, validate, collect ------------------------------------------------------------

    def load(self, info: ObjectInfo, local: LocalSchedule | None = None) -> None:
        """The subscriber's route, schedule and metadata as the server has them; where
        Movizor does not report the schedule, ``local`` (saved from this computer)."""
        self.route.set_points(info.destination)
        if info.schedule is not None:
            self.schedule.set_schedule(info.schedule)
        else:
            self.schedule.set_schedule(
                None if local is None else ScheduleInfo(days=local.days, times=local.times),
                reported=False,
                saved_at=local.saved_at if local is not None else None,
            )
        self.metadata.set_metadata(info.metadata)

    def validate(self, *, editing: bool) -> list[str]:
        """The trip pages with problems (shown on them); editing judges only the pages it
        will send."""
        failed = []
        for page, editor in self.editors.items():
            if editing and not editor.is_modified():
                continue
            problems = [p[1] if isinstance(p, tuple) else str(p) for p in editor.validate()]
            if problems:
                self.error(page, "\n".join(problems), show=False)
                failed.append(page)
        return failed

    def add_fields(self) -> SubscriberFields:
        """For object_add: each page that holds something (None: not sent)."""
        schedule = self.schedule.schedule()
        return {
            "route": self.route.points() or None,
            "schedule": None if schedule.empty else schedule,
            "metadata": self.metadata.metadata() or None,
        }

    def edit_fields(self) -> SubscriberFields:
        """For object_edit: only the pages the dispatcher modified."""
        fields: SubscriberFields = {}
        if self.route.is_modified():
            fields["route"] = self.route.points()
        if self.schedule.is_modified():
            fields["schedule"] = self.schedule.schedule()
        if self.metadata.is_modified():
            fields["metadata"] = self.metadata.metadata()
        return fields


__all__ = ["PAGES", "TripPages"]

"""The schedule page of the subscriber dialog (``sw1``..``sw7`` and ``st[]``).

Seven weekday toggles (Mon..Sun = sw1..sw7), a sorted list of request times in MSK (typed
as ``9:00`` / ``09:00`` / several at once, duplicates refused), quick presets, a preview of
the next ten scheduled requests and — on the manual tariff, where each request is paid —
what a week of them costs.

Where Movizor does not report the schedule (no source shows object_get doing so), the page
says so and shows the schedule last saved from this computer, if any
(``sync/local_schedules.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, time
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...api.encoding import MSK, Schedule
from ...api.models import ScheduleInfo
from .. import formatting as fmt
from ..dialogs.widgets import Banner, FieldError, Note, SubmitEdit
from ..formatting import money
from .schedule_logic import (
    PRESETS,
    from_info,
    next_requests,
    parse_times,
    problems,
    requests_per_week,
    weekly_cost,
)

PREVIEW_COUNT = 10
DAY_STYLE = (
    "QPushButton { padding: 4px 8px; border: 1px solid palette(mid); border-radius: 4px;"
    " background: palette(base); }"
    " QPushButton:checked { background: palette(highlight);"
    " color: palette(highlighted-text); border-color: palette(highlight); }"
    " QPushButton:focus { border: 2px solid palette(highlight); }"
)


class TimeInput(SubmitEdit):
    """The "add a time" field: Enter adds the time."""


class TimesList(QListWidget):
    removal_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.accept()
            self.removal_requested.emit()
            return
        super().keyPressEvent(event)


class ScheduleEditor(QWidget):
    changed = Signal()
    input_error: FieldError  # under the time field (made after the field's handlers)

    def __init__(
        self, *, now: Callable[[], datetime] = clock.now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.now = now
        self._times: list[time] = []
        self._baseline = Schedule()
        self._price: Decimal | None = None
        self._live = False
        self.setObjectName("schedule_editor")
        self.banner = Banner()
        self.source_note = Note()
        self.source_note.setObjectName("schedule_source")
        self.source_note.hide()

        short = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        full = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        self.short_days = short
        self.day_buttons: list[QPushButton] = []
        days_row = QHBoxLayout()
        days_row.setSpacing(4)
        for number, (label, name) in enumerate(zip(short, full, strict=True), start=1):
            button = QPushButton(label)
            button.setObjectName(f"day_{number}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(name)
            button.setToolTip(self.tr("Request positions on {day}").format(day=name))
            button.setMinimumWidth(48)
            button.setStyleSheet(DAY_STYLE)
            button.toggled.connect(self._on_edited)
            self.day_buttons.append(button)
            days_row.addWidget(button)
        days_row.addStretch(1)

        self.preset_buttons: dict[str, QPushButton] = {}
        presets_row = QHBoxLayout()
        titles = {
            "workdays": self.tr("Mon–Fri 9–18, every 2 h"),
            "twice_daily": self.tr("Daily at 8:00 and 20:00"),
            "weekdays_hourly": self.tr("Mon–Fri hourly 8–20"),
            "clear": self.tr("Clear"),
        }
        tips = {
            "workdays": self.tr("Working days at 9:00, 11:00, 13:00, 15:00 and 17:00"),
            "twice_daily": self.tr("Every day at 8:00 and 20:00"),
            "weekdays_hourly": self.tr("Working days every hour from 8:00 to 20:00"),
            "clear": self.tr("No scheduled requests"),
        }
        for item in PRESETS:
            button = QPushButton(titles[item.key])
            button.setObjectName(f"preset_{item.key}")
            button.setToolTip(tips[item.key])
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=item.schedule: self._apply(s))
            button.setMinimumWidth(button.sizeHint().width() + 8)
            self.preset_buttons[item.key] = button
            presets_row.addWidget(button)
        presets_row.addStretch(1)

        self.times_list = TimesList()
        self.times_list.setObjectName("schedule_times")
        self.times_list.setAccessibleName(self.tr("Request times, Moscow time"))
        self.times_list.setFlow(QListView.Flow.LeftToRight)
        self.times_list.setWrapping(True)
        self.times_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.times_list.setSpacing(3)
        self.times_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.times_list.removal_requested.connect(self.remove_selected)
        self.time_input = TimeInput()
        self.time_input.setObjectName("schedule_time_input")
        self.time_input.setPlaceholderText(self.tr("hh:mm, e.g. 9:00"))
        self.time_input.setAccessibleName(self.tr("Time to add, Moscow time"))
        self.time_input.setMaximumWidth(160)
        self.time_input.submitted.connect(self.add_from_input)
        self.time_input.textEdited.connect(lambda _: self.input_error.clear_message())
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("schedule_add")
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add the time"))
        self.add_button.clicked.connect(self.add_from_input)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("schedule_remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove the selected times"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.input_error = FieldError()
        self.input_error.setObjectName("schedule_input_error")

        self.preview = QListWidget()
        self.preview.setObjectName("schedule_preview")
        self.preview.setAccessibleName(self.tr("Next scheduled requests"))
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.errors_label = FieldError()
        self.errors_label.setObjectName("schedule_errors")
        self.cost_note = Note()
        self.cost_note.setObjectName("schedule_cost")
        self.cost_note.hide()

        add_row = QHBoxLayout()
        add_row.addWidget(self.time_input)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        add_row.addStretch(1)
        self.times_list.setMinimumHeight(60)
        self.times_list.setMaximumHeight(120)
        self.preview.setMinimumHeight(190)
        self.preview.setMaximumHeight(220)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Request times (MSK):")))
        left.addWidget(self.times_list)
        left.addLayout(add_row)
        left.addWidget(self.input_error)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Next requests (MSK):")))
        right.addWidget(self.preview)
        right.addStretch(1)
        lists = QHBoxLayout()
        lists.addLayout(left, 3)
        lists.addLayout(right, 2)
        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addWidget(self.source_note)
        column.addWidget(QLabel(self.tr("Weekdays:")))
        column.addLayout(days_row)
        column.addWidget(QLabel(self.tr("Quick choice:")))
        column.addLayout(presets_row)
        column.addLayout(lists)
        column.addWidget(self.errors_label)
        column.addWidget(self.cost_note)
        column.addStretch(1)
        chain = [
            *self.day_buttons,
            *self.preset_buttons.values(),
            self.times_list,
            self.time_input,
            self.add_button,
            self.remove_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._refresh()

    # --- the interface ----------------------------------------------------------------------

    def set_schedule(
        self,
        schedule: Schedule | ScheduleInfo | None,
        *,
        reported: bool = True,
        saved_at: datetime | None = None,
    ) -> None:
        """Show ``schedule`` as the current one. ``reported=False``: Movizor does not say
        what it is; ``schedule`` is then the one saved from this computer at ``saved_at``
        (None when none was)."""
        if reported:
            self.source_note.hide()
        elif saved_at is not None:
            self.source_note.set_text(
                self.tr(
                    "Movizor does not report the schedule. Shown is the one saved from this "
                    "computer on {when}; a change made elsewhere would not show here."
                ).format(when=fmt.msk_datetime(saved_at))
            )
            self.source_note.show()
        else:
            self.source_note.set_text(
                self.tr(
                    "Movizor does not report the schedule, and none was saved from this "
                    "computer: the subscriber may have one set elsewhere. A schedule saved here "
                    "replaces it."
                )
            )
            self.source_note.show()
        value = from_info(schedule)
        self._set(value, notify=False)
        self._baseline = value
        self._live = False
        self.banner.set_message(None)
        self.errors_label.clear_message()
        self.input_error.clear_message()

    def schedule(self) -> Schedule:
        days = frozenset(i for i, b in enumerate(self.day_buttons, start=1) if b.isChecked())
        return Schedule(days, tuple(self._times))

    def set_request_price(self, price: Decimal | None) -> None:
        self._price = price
        self._refresh_cost()

    def validate(self) -> list[str]:
        self._live = True
        return self._validate()

    def is_modified(self) -> bool:
        return self.schedule() != self._baseline

    def set_error(self, message: str) -> None:
        self.banner.set_message(message or None)

    # --- editing ----------------------------------------------------------------------------

    def add_from_input(self) -> None:
        text = self.time_input.text().strip()
        if not text:
            self.input_error.set_message(self.tr("Type a time as hh:mm, e.g. 9:00."))
            return
        try:
            times = parse_times(text)
        except ValueError as exc:
            self.input_error.set_message(
                self.tr(
                    "“{text}” is not a time of day; type it as hh:mm, e.g. 9:00 or 18:30."
                ).format(text=str(exc))
            )
            return
        present = set(self._times)
        duplicates = sorted({t for t in times if t in present})
        fresh = sorted(set(times) - present)
        if fresh:
            self._times = sorted(present | set(fresh))
            self._on_edited()
        if duplicates:
            self.input_error.set_message(
                self.tr("Already in the list: {times}.").format(
                    times=", ".join(t.strftime("%H:%M") for t in duplicates)
                )
            )
            return
        self.input_error.clear_message()
        self.time_input.clear()

    def remove_selected(self) -> None:
        rows = sorted({self.times_list.row(i) for i in self.times_list.selectedItems()})
        if not rows:
            return
        self._times = [t for i, t in enumerate(self._times) if i not in rows]
        self._on_edited()
        if self._times:
            self.times_list.setCurrentRow(min(rows[0], len(self._times) - 1))

    def _apply(self, schedule: Schedule) -> None:
        self._set(schedule, notify=True)

    def _set(self, schedule: Schedule, *, notify: bool) -> None:
        self._times = list(schedule.times)
        for number, button in enumerate(self.day_buttons, start=1):
            button.blockSignals(True)
            button.setChecked(number in schedule.days)
            button.blockSignals(False)
        if notify:
            self._on_edited()
        else:
            self._refresh()

    def _on_edited(self, *_: object) -> None:
        self.banner.set_message(None)
        self._refresh()
        if self._live:
            self._validate()
        self.changed.emit()

    def _validate(self) -> list[str]:
        messages = []
        for key in problems(self.schedule()):
            messages.append(
                self.tr("Choose the weekdays for the request times.")
                if key == "no_days"
                else self.tr("Add at least one request time for the chosen weekdays.")
            )
        if self.time_input.text().strip():
            messages.append(
                self.tr("“{text}” was typed but not added: press Add or clear the field.").format(
                    text=self.time_input.text().strip()
                )
            )
        self.errors_label.set_message("\n".join(messages) or None)
        return messages

    # --- views ------------------------------------------------------------------------------

    def _refresh(self) -> None:
        selected = {i.text() for i in self.times_list.selectedItems()}
        self.times_list.clear()
        for moment in self._times:
            self.times_list.addItem(moment.strftime("%H:%M"))
            if moment.strftime("%H:%M") in selected:
                self.times_list.item(self.times_list.count() - 1).setSelected(True)
        self.remove_button.setEnabled(bool(self._times))
        self._refresh_preview()
        self._refresh_cost()

    def _refresh_preview(self) -> None:
        self.preview.clear()
        upcoming = next_requests(self.schedule(), self.now(), PREVIEW_COUNT)
        if not upcoming:
            self.preview.addItem(self.tr("No requests: choose weekdays and times."))
            return
        today = self.now().astimezone(MSK).date()
        for moment in upcoming:
            day = self.short_days[moment.isoweekday() - 1]
            text = f"{day} {moment.strftime('%d.%m.%Y %H:%M')}"
            if moment.date() == today:
                text = self.tr("{when} (today)").format(when=text)
            self.preview.addItem(text)

    def _refresh_cost(self) -> None:
        if self._price is None:
            self.cost_note.set_text("")
            return
        count = requests_per_week(self.schedule())
        self.cost_note.set_text(
            self.tr(
                "On the manual tariff each scheduled request costs {price} — about {week} a week "
                "(%n request(s)).",
                "",
                count,
            ).format(
                price=money(self._price), week=money(weekly_cost(self.schedule(), self._price))
            )
        )

    def showEvent(self, event) -> None:
        self._refresh_preview()
        super().showEvent(event)

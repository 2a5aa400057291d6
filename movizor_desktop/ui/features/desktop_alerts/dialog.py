"""Tools → Desktop alerts…: which Movizor events pop up on the desktop, quiet hours and sound.

The event types are listed by their translated names (problems first), each with its
explanation as a tooltip. Quiet hours are two HH:MM fields on this computer's clock; a
range may wrap midnight (22:00–07:00). A bad time gets its message under the field and
nothing is saved; a failed save keeps the dialog open with everything as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....api.codes import EVENT_TYPES
from ....store.desktop_alerts import (
    DEFAULT_TYPES,
    DesktopAlertSettings,
    save_desktop_alert_settings,
)
from ....store.paths import AppPaths
from ....sync.desktop_alerts import QuietHours, clock_text, parse_clock
from ...dialogs.settings import SettingsDialog
from ...dialogs.widgets import Note, add_field
from ...events_panel import PROBLEM_EVENTS, event_texts

TYPE_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class AlertsDialog(SettingsDialog):
    """Which events pop up on this computer, quiet hours and sound (``saved``: the
    :class:`~movizor_desktop.store.desktop_alerts.DesktopAlertSettings` written)."""

    def __init__(
        self,
        settings: DesktopAlertSettings,
        *,
        paths: AppPaths,
        tray_available: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, tasks="alerts-dialog")
        self.setObjectName("alertsDialog")
        self.setWindowTitle(self.tr("Desktop alerts"))
        self.settings = settings
        self.paths = paths

        self.enabled_check = QCheckBox(self.tr("Show desktop alerts for the chosen events"))
        self.enabled_check.setObjectName("alertsEnabled")
        self.types_list = QListWidget(self)
        self.types_list.setObjectName("alertTypes")
        self.types_list.setAccessibleName(self.tr("Events that raise an alert"))
        texts = event_texts()
        ordered = [t for t in EVENT_TYPES if t in PROBLEM_EVENTS] + [
            t for t in EVENT_TYPES if t not in PROBLEM_EVENTS
        ]
        for kind in ordered:
            name, explanation = texts.get(kind, (kind, ""))
            item = QListWidgetItem(name, self.types_list)
            item.setData(TYPE_ROLE, kind)
            item.setToolTip(explanation)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.defaults_button = QPushButton(self.tr("Default events"))
        self.defaults_button.setObjectName("alertsDefaults")
        self.defaults_button.clicked.connect(lambda: self._check_types(DEFAULT_TYPES))
        self.sound_check = QCheckBox(self.tr("Play a sound"))
        self.sound_check.setObjectName("alertsSound")
        self.quiet_check = QCheckBox(self.tr("Quiet hours: no pop-ups and no sound"))
        self.quiet_check.setObjectName("alertsQuiet")
        self.from_edit = QLineEdit()
        self.from_edit.setObjectName("quietFrom")
        self.to_edit = QLineEdit()
        self.to_edit.setObjectName("quietTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText(self.tr("HH:MM"))
            edit.setMaxLength(5)
            edit.editingFinished.connect(self._validate_quiet)
            edit.textEdited.connect(self._quiet_edited)
        self.quiet_note = Note()
        self.quiet_check.toggled.connect(self._quiet_toggled)

        form = QFormLayout()
        self.errors = {
            "quiet_from": add_field(form, self.tr("From:"), self.from_edit),
            "quiet_to": add_field(form, self.tr("Until:"), self.to_edit, self.quiet_note),
        }
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("alertsSave")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Events:")))
        row.addStretch(1)
        row.addWidget(self.defaults_button)
        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addWidget(self.enabled_check)
        column.addLayout(row)
        column.addWidget(self.types_list, 1)
        column.addWidget(self.sound_check)
        column.addWidget(self.quiet_check)
        column.addLayout(form)
        if not tray_available:
            column.addWidget(
                Note(
                    self.tr(
                        "This desktop has no notification area: alerts appear in the status bar "
                        "of the window instead."
                    )
                )
            )
        column.addWidget(buttons)
        self.resize(460, 560)
        self._load(settings)

    # --- form <-> settings ------------------------------------------------------------------

    def _load(self, settings: DesktopAlertSettings) -> None:
        self.enabled_check.setChecked(settings.enabled)
        self._check_types(settings.types)
        self.sound_check.setChecked(settings.sound)
        self.from_edit.setText(settings.quiet_from)
        self.to_edit.setText(settings.quiet_to)
        self.quiet_check.setChecked(settings.quiet)
        self._quiet_toggled(settings.quiet)

    def _check_types(self, types: tuple[str, ...] | frozenset[str]) -> None:
        chosen = set(types)
        for item in self._items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(TYPE_ROLE) in chosen else Qt.CheckState.Unchecked
            )

    def _items(self) -> list[QListWidgetItem]:
        return [self.types_list.item(i) for i in range(self.types_list.count())]

    def chosen_types(self) -> tuple[str, ...]:
        chosen = {
            item.data(TYPE_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        }
        return tuple(t for t in EVENT_TYPES if t in chosen)

    def _quiet_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        if not on:
            for error in self.errors.values():
                error.clear_message()
        self._update_note()

    def _quiet_edited(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self._update_note()

    def _quiet_hours(self) -> QuietHours | None:
        """The typed quiet hours; None (and messages under the fields) when they are bad."""
        bad = self.tr("Enter a time as HH:MM, for example 22:00.")
        times = {}
        for name, edit in (("quiet_from", self.from_edit), ("quiet_to", self.to_edit)):
            try:
                times[name] = parse_clock(edit.text())
            except ValueError:
                self.errors[name].set_message(bad)
            else:
                self.errors[name].clear_message()
        if len(times) < 2:
            return None
        if times["quiet_from"] == times["quiet_to"]:
            self.errors["quiet_to"].set_message(self.tr("The end must differ from the start."))
            return None
        return QuietHours(times["quiet_from"], times["quiet_to"])

    def _validate_quiet(self) -> None:
        if self.quiet_check.isChecked():
            self._quiet_hours()
            self._update_note()

    def _update_note(self) -> None:
        text = ""
        if self.quiet_check.isChecked():
            try:
                hours = QuietHours.parse(self.from_edit.text(), self.to_edit.text())
            except ValueError:
                hours = None
            if hours is not None and not hours.empty:
                start, end = clock_text(hours.start), clock_text(hours.end)
                text = (
                    self.tr("Quiet every night from {start} to {end}, on this computer's clock.")
                    if hours.overnight
                    else self.tr("Quiet every day from {start} to {end}, on this computer's clock.")
                ).format(start=start, end=end)
        self.quiet_note.set_text(text)

    def form_settings(self) -> DesktopAlertSettings | None:
        """What the form says, or None after showing why it cannot be saved."""
        quiet_from, quiet_to = self.settings.quiet_from, self.settings.quiet_to
        if self.quiet_check.isChecked():
            hours = self._quiet_hours()
            if hours is None:
                (
                    self.from_edit if self.errors["quiet_from"].isVisibleTo(self) else self.to_edit
                ).setFocus()
                return None
            quiet_from, quiet_to = clock_text(hours.start), clock_text(hours.end)
        return DesktopAlertSettings(
            enabled=self.enabled_check.isChecked(),
            types=self.chosen_types(),
            sound=self.sound_check.isChecked(),
            quiet=self.quiet_check.isChecked(),
            quiet_from=quiet_from,
            quiet_to=quiet_to,
        )

    # --- saving (SettingsDialog) ------------------------------------------------------------

    def writer(self, settings: DesktopAlertSettings) -> Callable[[], DesktopAlertSettings]:
        paths = self.paths
        return lambda: save_desktop_alert_settings(paths, settings)

    def failure_text(self, error: str) -> str:
        return self.tr("The alert settings could not be saved: {error}").format(error=error)

    def busy_widgets(self) -> list[QWidget]:
        return [self.save_button]


__all__ = ["TYPE_ROLE", "AlertsDialog"]

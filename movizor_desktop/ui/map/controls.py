"""The map panel's track period bar (the playback bar is in :mod:`.playback`).

The choices are the app's one set of periods (:mod:`movizor_desktop.ui.periods`: Moscow
days). A custom range is typed in МСК in a small popup under the bar, so choosing it never
widens the map pane (and never squeezes the list or the details); the bar then shows the
range as one short line.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ... import clock
from ...api.encoding import to_msk
from ..periods import (
    CUSTOM,
    OFF,
    TODAY,
    WEEK,
    YESTERDAY,
    choice_names,
    from_qt,
    msk_edit,
    period_for,
    to_qt,
)


class RangePopup(QFrame):
    """From / To (МСК) and Show, under the period bar."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("track_range_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.start_edit = msk_edit(self)
        self.end_edit = msk_edit(self)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("track_range_show")
        self.from_label = QLabel(self)
        self.to_label = QLabel(self)
        grid = QGridLayout(self)
        grid.addWidget(self.from_label, 0, 0)
        grid.addWidget(self.start_edit, 0, 1)
        grid.addWidget(self.to_label, 1, 0)
        grid.addWidget(self.end_edit, 1, 1)
        grid.addWidget(self.show_button, 2, 1, Qt.AlignmentFlag.AlignRight)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_button.click()  # Enter in a date field shows the range
            return
        super().keyPressEvent(event)


class PeriodBar(QWidget):
    period_changed = Signal()  # the chosen period changed, or "Show" was pressed
    accuracy_toggled = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.range_button = QToolButton(self)  # the custom range, short; a click edits it
        self.range_button.setObjectName("track_range")
        self.range_button.setAutoRaise(True)
        self.range_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.range_button.hide()
        self.popup = RangePopup(self)
        self.start_edit, self.end_edit = self.popup.start_edit, self.popup.end_edit
        self.show_button = self.popup.show_button
        self.accuracy = QCheckBox(self)
        self.accuracy.setChecked(True)
        self._custom_chosen = False  # the user (or show_custom) set the range
        self._default_custom_range()
        row = self.row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addWidget(self.range_button, 2)  # no minimum width: never widens the pane
        row.addStretch(1)
        row.addWidget(self.accuracy)
        self.retranslate()
        self.combo.activated.connect(self._chosen)
        self.combo.currentIndexChanged.connect(self._on_choice)
        self.range_button.clicked.connect(self.edit_range)
        self.show_button.clicked.connect(self._show_range)
        self.accuracy.toggled.connect(self.accuracy_toggled)
        for edit in (self.start_edit, self.end_edit):
            edit.dateTimeChanged.connect(self._custom_edited)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Track:"))
        names = choice_names(popup=True)
        items = [names[choice] for choice in (OFF, TODAY, YESTERDAY, WEEK, CUSTOM)]
        current = max(0, self.combo.currentIndex())
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(items)
        self.combo.setCurrentIndex(current)
        self.combo.blockSignals(False)
        self.popup.from_label.setText(self.tr("From:"))
        self.popup.to_label.setText(self.tr("To:"))
        self.start_edit.setToolTip(self.tr("From (Moscow time)"))
        self.end_edit.setToolTip(self.tr("To (Moscow time)"))
        self.show_button.setText(self.tr("Show"))
        self.range_button.setToolTip(self.tr("Change the range (Moscow time)"))
        self.accuracy.setText(self.tr("Accuracy circles"))
        self.accuracy.setToolTip(
            self.tr(
                "Show how far each position may be off (mobile network positions are approximate)"
            )
        )
        self._update_range_text()

    def _default_custom_range(self) -> None:
        """The last 24 hours up to Movizor's now, until the user picks a range."""
        now = clock.now()
        for edit, value in ((self.start_edit, now - timedelta(days=1)), (self.end_edit, now)):
            edit.blockSignals(True)
            edit.setDateTime(to_qt(value))
            edit.blockSignals(False)

    def _custom_edited(self) -> None:
        self._custom_chosen = True

    def _chosen(self, index: int) -> None:
        if index == CUSTOM:  # chosen again (or first): let the dispatcher set the range
            self.edit_range()

    def _on_choice(self, index: int) -> None:
        if index == CUSTOM and not self._custom_chosen:
            self._default_custom_range()  # "now" has moved on since the bar was built
        self._update_range_text()
        if index != CUSTOM:
            self.popup.hide()
            self.period_changed.emit()

    def edit_range(self) -> None:
        """Open the From / To popup under the bar."""
        anchor = self.range_button if self.range_button.isVisible() else self.combo
        self.popup.adjustSize()
        self.popup.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.popup.show()
        self.start_edit.setFocus()

    def _show_range(self) -> None:
        self.popup.hide()
        self._custom_chosen = True
        self._update_range_text()
        self.period_changed.emit()

    def _update_range_text(self) -> None:
        custom = self.choice == CUSTOM
        if custom:
            start, end = self.custom_range()
            span = f"{to_msk(start):%d.%m %H:%M} – {to_msk(end):%d.%m %H:%M}"
            self.range_button.setText(
                QCoreApplication.translate("Formatting", "{time} MSK").format(time=span)
            )
        self.range_button.setVisible(custom)

    @property
    def choice(self) -> int:
        return self.combo.currentIndex()

    def show_custom(self, start: datetime, end: datetime) -> None:
        """Show a period chosen elsewhere as the custom range (no period_changed)."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(CUSTOM)
        self.combo.blockSignals(False)
        self.start_edit.setDateTime(to_qt(start))
        self.end_edit.setDateTime(to_qt(end))
        self._custom_chosen = True
        self._update_range_text()

    def choose(self, choice: int) -> None:
        """Choose a period as the dispatcher would (period_changed follows)."""
        if choice == self.choice:
            if choice != CUSTOM:
                self.period_changed.emit()
            return
        self.combo.setCurrentIndex(choice)

    def custom_range(self) -> tuple[datetime, datetime]:
        return from_qt(self.start_edit.dateTime()), from_qt(self.end_edit.dateTime())

    def period(self, now: datetime | None = None) -> tuple[datetime, datetime] | None:
        return period_for(self.choice, now or clock.now(), self.custom_range())

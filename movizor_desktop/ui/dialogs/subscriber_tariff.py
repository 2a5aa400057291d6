"""The tariff field of the subscriber dialog's main page.

One widget for everything about the tariff: the choice (``15 — Every 15 min · ₽30.00/day``,
the operator's ids and prices from the balance table), what the chosen one costs
(``tariff_calculator``), when an edit's new tariff takes effect (from 00:00 MSK or now),
the switch already scheduled (with a button to cancel it), and package renewal (enabled
for the 1-month package only). Its error line sits right under the combo box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...api.models import TariffCost
from ...api.tariffs import TariffBook
from .. import formatting as fmt
from ..tariff_names import tariff_display_name
from .tariffs import TariffOption, default_tariff, next_msk_midnight, tariff_id
from .widgets import FieldError, Note

KNOWN_COST_TYPES = frozenset({"package", "month", "daily"})


class TariffField(QWidget):
    changed = Signal(object)  # the chosen tariff id, or None
    cancel_pending_requested = Signal()

    def __init__(
        self,
        *,
        editing: bool,
        lang: str,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = editing
        self.lang = lang
        self._now = now
        self._options: dict[str, TariffOption] = {}
        self._book = TariffBook()
        self.cost: TariffCost | None = None  # the chosen tariff's, from tariff_calculator
        self._current: str | None = None
        self._pending_text = ""

        self.combo = QComboBox()
        self.combo.setObjectName("tariff")
        self.combo.setPlaceholderText(self.tr("Choose a tariff"))
        self.error = FieldError()
        self.cost_note = Note()
        self.cost_note.setObjectName("tariff_cost")
        self.cost_note.hide()
        self.note = Note()  # "not offered for this number; 15 chosen instead", "cancelled"
        self.note.hide()

        self.when_box = QWidget()
        when = QVBoxLayout(self.when_box)
        when.setContentsMargins(0, 0, 0, 0)
        when.setSpacing(0)
        self.tomorrow_radio = QRadioButton()
        self.now_radio = QRadioButton(self.tr("Activate now (charged from today)"))
        self.tomorrow_radio.setObjectName("from_tomorrow")
        self.now_radio.setObjectName("activate_now")
        self.tomorrow_radio.setChecked(True)
        self._when_group = QButtonGroup(self)
        for button in (self.tomorrow_radio, self.now_radio):
            self._when_group.addButton(button)
            when.addWidget(button)
        self.when_box.hide()

        self.pending_box = QWidget()
        pending = QHBoxLayout(self.pending_box)
        pending.setContentsMargins(0, 0, 0, 0)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_tariff")
        self.pending_label.setWordWrap(True)
        self.cancel_pending_button = QPushButton(self.tr("Cancel the switch"))
        self.cancel_pending_button.setObjectName("cancel_pending")
        self.cancel_pending_button.setAutoDefault(False)  # Enter still means Save
        self.cancel_pending_button.clicked.connect(self.cancel_pending_requested)
        pending.addWidget(self.pending_label, 1)
        pending.addWidget(self.cancel_pending_button, 0, Qt.AlignmentFlag.AlignTop)
        self.pending_box.hide()

        self.prolong_check = QCheckBox(self.tr("Renew the package automatically every month"))
        self.prolong_check.setObjectName("package_prolong")
        self.prolong_check.setToolTip(self.tr("Only for the 1-month package."))

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (
            self.combo,
            self.error,
            self.cost_note,
            self.note,
            self.when_box,
            self.pending_box,
            self.prolong_check,
        ):
            column.addWidget(widget)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._index_changed)
        self._update_prolong()

    # --- names and prices ---------------------------------------------------------------------

    def title(self, option: TariffOption | str) -> str:
        """``Every 15 min`` in the UI's language for a tariff the app knows; the server's
        title otherwise (:func:`~..tariff_names.tariff_display_name`)."""
        if isinstance(option, str):
            option = self._options.get(option) or TariffOption(
                option,
                is_manual=self._book.is_manual(option),
                is_package=self._book.is_package(option),
            )
        name = tariff_display_name(
            option.id, option.title, manual=option.is_manual, package=option.is_package
        )
        return "" if name == option.id else name

    def text(self, option: TariffOption) -> str:
        """``15 — Every 15 min · ₽30.00/day`` for the combo box."""
        title = self.title(option)
        text = f"{option.id} — {title}" if title else option.id
        price = self.price_text(option)
        return f"{text} · {price}" if price else text

    def price_text(self, option: TariffOption) -> str:
        """``₽30.00/day`` from the operator's price table ("" while the operator is
        unknown)."""
        if option.abon is None:
            return ""
        loc = fmt.locale_for(self.lang)
        abon = fmt.money(option.abon, loc)
        if option.is_package:
            price = self.tr("{price} per package").format(price=abon)
        elif option.is_manual:
            price = self.tr("{price}/day + {request} a request").format(
                price=abon, request=fmt.money(option.request, loc)
            )
        else:
            price = self.tr("{price}/day").format(price=abon)
        return price

    def charge_text(self) -> str:
        """What choosing this tariff will cost, to follow "Movizor charges": the
        calculator's answer, else the price table's, else "" (unknown)."""
        loc = fmt.locale_for(self.lang)
        if self.cost is not None:
            price = fmt.money(self.cost.price, loc)
            kind = self.cost.type.lower()
            if kind == "daily":
                return self.tr("{price} a day").format(price=price)
            if kind == "package":
                return self.tr("{price} for the package").format(price=price)
            if kind == "month":
                return self.tr("{price} until the end of the month").format(price=price)
            return price
        option = self._options.get(self.chosen() or "")
        if option is None or option.abon is None:
            return ""
        price = fmt.money(option.abon, loc)
        if option.is_package:
            return self.tr("{price} for the package").format(price=price)
        if option.is_manual:
            return self.tr("{price} a day and {request} for each position request").format(
                price=price, request=fmt.money(option.request, loc)
            )
        return self.tr("{price} a day").format(price=price)

    # --- the choice ---------------------------------------------------------------------------

    def set_options(
        self,
        options: Sequence[TariffOption],
        preferred: str | None = None,
        book: TariffBook | None = None,
    ) -> None:
        """Fill the combo, keeping the choice when still offered (else ``preferred``, 15…);
        ``book`` tells which tariff ``manual`` is."""
        previous = self.chosen()
        if book is not None:
            self._book = book
            self._current = tariff_id(self._current, book)
        self._options = {o.id: o for o in options}
        wanted = previous if previous in self._options else default_tariff(options, preferred)
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for option in options:
                self.combo.addItem(self.text(option), option.id)
            self.combo.setCurrentIndex(self.combo.findData(wanted))
        finally:
            self.combo.blockSignals(False)
        if previous is not None and previous != wanted:
            self.note.set_text(
                self.tr(
                    "Tariff {old} is not offered for this number; {new} is chosen instead."
                ).format(old=previous, new=wanted or "—"),
                ok=False,
            )
        self._index_changed()

    def chosen(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data is not None else None

    def select(self, tariff: str | None) -> None:
        self.combo.setCurrentIndex(self.combo.findData(tariff_id(tariff, self._book)))

    def changed_from_current(self) -> bool:
        chosen = self.chosen()
        return self.editing and chosen is not None and chosen != self._current

    def activate_now(self) -> bool:
        return self.changed_from_current() and self.now_radio.isChecked()

    def _index_changed(self, *_: Any) -> None:
        self.error.clear_message()
        if self.sender() is self.combo:
            self.note.set_text("")
        changed = self.changed_from_current()
        self.when_box.setVisible(changed)
        self.pending_label.setText(
            self._pending_text
            + (
                "\n" + self.tr("Saving with another tariff replaces this switch.")
                if changed and self._pending_text
                else ""
            )
        )
        if changed:
            midnight = next_msk_midnight(self._now())
            self.tomorrow_radio.setText(
                self.tr("Switch from tomorrow, {when}").format(when=fmt.msk_with_local(midnight))
            )
        self.cost = None
        self.cost_note.set_text("")
        self._update_prolong()
        self.changed.emit(self.chosen())

    def set_cost(self, cost: TariffCost | None, error: str | None = None) -> None:
        """What the chosen tariff costs (tariff_calculator), or why that is unknown."""
        self.cost = cost if not error else None
        if error:
            self.cost_note.set_text(error, ok=False)
            return
        if cost is None:
            self.cost_note.set_text("")
            return
        line = self._cost_line(cost)
        # the server's description is Russian: shown beside the English line only when it
        # says more than the line does (an unknown kind of price)
        if cost.description and (
            self.lang.lower().startswith("ru") or cost.type.lower() not in KNOWN_COST_TYPES
        ):
            line += f"\n{cost.description}"
        self.cost_note.set_text(line)

    def _cost_line(self, cost: TariffCost) -> str:
        price = fmt.money(cost.price, fmt.locale_for(self.lang))
        kind = cost.type.lower()
        if kind == "package":
            line = self.tr("Package: {price} once for the package").format(price=price)
        elif kind == "month":
            line = self.tr("Until the end of the month: {price} once").format(price=price)
        elif kind == "daily":
            line = self.tr("Daily: {price} a day").format(price=price)
        else:
            line = self.tr("Cost: {price}").format(price=price)
        return line

    def set_current(self, current: str | None, pending: str | None) -> None:
        """The subscriber's tariff now and the switch scheduled for 00:00 MSK, if any."""
        self._current = tariff_id(current, self._book)
        pending = tariff_id(pending, self._book)
        if pending is not None and pending != self._current:
            midnight = next_msk_midnight(self._now())
            title = self.title(pending)
            self._pending_text = self.tr("Switches to {tariff} at {when}.").format(
                tariff=f"{pending} — {title}" if title else pending,
                when=fmt.msk_with_local(midnight),
            )
            self.pending_box.show()
        else:
            self._pending_text = ""
            self.pending_box.hide()
        self._index_changed()

    # --- package renewal ------------------------------------------------------------------

    def supports_prolong(self) -> bool:
        """Whether the chosen tariff is the package (renewal means something only there)."""
        option = self._options.get(self.chosen() or "")
        return option is not None and option.is_package

    def _update_prolong(self) -> None:
        self.prolong_check.setEnabled(self.supports_prolong())

    def package_prolong(self) -> bool | None:
        """Checked and meaningful (the package): True; unchecked there: False; else None."""
        if not self.supports_prolong():
            return None
        return self.prolong_check.isChecked()

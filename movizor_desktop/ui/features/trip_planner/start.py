"""Where the trip starts: a truck's live fix, the end of its current route, or a place.

:class:`StartPane` offers the three kinds of :class:`~movizor_desktop.planning.Start`:

* **a truck's position now** — its last fix, leaving now, with the LBS accuracy shown;
* **the end of a truck's route** — its last route point, free at the planned arrival there
  (or Movizor's forecast, when later: :func:`~movizor_desktop.planning.ranking.
  candidate_start`);
* **an address and a departure time** — found by Movizor's geocoder or pasted coordinates,
  leaving at the time typed (Moscow time; empty: now).

:meth:`StartPane.start` builds the start for ``now`` (None with the reason shown under the
pane when it cannot); every change emits ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from ....api.models import Place
from ....fleet import FleetRow
from ....planning import Start
from ....planning.ranking import candidate_start
from ... import formatting as fmt
from ...dialogs.widgets import Note
from ...editors.geocode import AddressSearch, Geocoder
from .times import format_msk, parse_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

FIX, ROUTE_END, PLACE = "fix", "route_end", "place"


def truck_name(row: FleetRow) -> str:
    return f"{row.title} · {row.phone}" if row.title else row.phone


class StartPane(QWidget):
    changed = Signal()

    def __init__(
        self,
        rows: Callable[[], Sequence[FleetRow]],
        geocoder: Geocoder | None,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rows = rows
        self.now = now
        self.place: tuple[float, float, str] | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("start_kind")
        self.truck = QComboBox()
        self.truck.setObjectName("start_truck")
        self.truck.setMinimumContentsLength(18)
        self.search = AddressSearch(geocoder)
        self.search.setObjectName("start_address")
        self.search.place_chosen.connect(self._place_chosen)
        self.search.coordinates_entered.connect(
            lambda lat, lon: self.set_place(lat, lon, fmt.coordinates(lat, lon))
        )
        self.departure = QLineEdit()
        self.departure.setObjectName("start_departure")
        self.departure.editingFinished.connect(self.changed)
        self.place_label = QLabel()
        self.place_label.setObjectName("start_place")
        self.info = Note()
        self.info.setObjectName("start_info")
        self.kind_label, self.truck_label, self.departure_label = QLabel(), QLabel(), QLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.truck_label, 1, 0)
        grid.addWidget(self.truck, 1, 1)
        grid.addWidget(self.search, 2, 0, 1, 2)
        grid.addWidget(self.place_label, 3, 0, 1, 2)
        grid.addWidget(self.departure_label, 4, 0)
        grid.addWidget(self.departure, 4, 1)
        grid.addWidget(self.info, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.retranslate()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.truck.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._kind_changed()

    def retranslate(self) -> None:
        texts = {
            FIX: translate("TripPlanner", "A truck's position now"),
            ROUTE_END: translate("TripPlanner", "The end of a truck's route"),
            PLACE: translate("TripPlanner", "An address and a departure time"),
        }
        if not self.kind.count():
            for key in (FIX, ROUTE_END, PLACE):
                self.kind.addItem(texts[key], key)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, texts[self.kind.itemData(i)])
        self.kind_label.setText(translate("TripPlanner", "From"))
        self.truck_label.setText(translate("TripPlanner", "Truck"))
        self.departure_label.setText(translate("TripPlanner", "Departure (MSK)"))
        self.departure.setPlaceholderText(translate("TripPlanner", "now"))
        self.kind.setAccessibleName(translate("TripPlanner", "Where the trip starts"))
        self.truck.setAccessibleName(translate("TripPlanner", "The truck the trip starts from"))
        self.departure.setAccessibleName(translate("TripPlanner", "Departure time, Moscow time"))
        self._show_place()

    # --- the trucks -------------------------------------------------------------------------

    def refresh_trucks(self) -> None:
        """The truck list from the fleet now (keeps the chosen truck)."""
        chosen = self.truck.currentData()
        rows = sorted(
            (r for r in self.rows() if r.lat is not None or r.details is not None),
            key=lambda r: (r.title.casefold(), r.phone),
        )
        self.truck.blockSignals(True)
        self.truck.clear()
        for row in rows:
            self.truck.addItem(truck_name(row), row.phone)
        at = self.truck.findData(chosen)
        self.truck.setCurrentIndex(max(at, 0) if self.truck.count() else -1)
        self.truck.blockSignals(False)

    def choose_truck(self, phone: str, kind: str = FIX) -> bool:
        at = self.truck.findData(phone)
        if at < 0:
            self.refresh_trucks()
            at = self.truck.findData(phone)
        if at < 0:
            return False
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.truck.setCurrentIndex(at)
        self.changed.emit()
        return True

    def truck_row(self) -> FleetRow | None:
        phone = self.truck.currentData()
        return next((r for r in self.rows() if r.phone == phone), None) if phone else None

    # --- a place ----------------------------------------------------------------------------

    def _place_chosen(self, place: Place) -> None:
        if place.lat is not None and place.lon is not None:
            self.set_place(place.lat, place.lon, place.title)

    def set_place(self, lat: float, lon: float, text: str) -> None:
        self.place = (lat, lon, text)
        self.kind.setCurrentIndex(self.kind.findData(PLACE))
        self._show_place()
        self.changed.emit()

    def _show_place(self) -> None:
        if self.place is None:
            self.place_label.setText(
                translate("TripPlanner", "Find the start's address or paste its coordinates.")
            )
        else:
            self.place_label.setText(
                translate("TripPlanner", "Place: {place}").format(place=self.place[2])
            )

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.kind.currentData()
        by_truck = kind in (FIX, ROUTE_END)
        truck_widgets: tuple[QWidget, ...] = (self.truck, self.truck_label)
        place_widgets: tuple[QWidget, ...] = (
            self.search,
            self.place_label,
            self.departure,
            self.departure_label,
        )
        for widget in truck_widgets:
            widget.setVisible(by_truck)
        for widget in place_widgets:
            widget.setVisible(not by_truck)
        if by_truck and not self.truck.count():
            self.refresh_trucks()
        self.changed.emit()

    # --- the start --------------------------------------------------------------------------

    def start(self) -> Start | None:
        """The start chosen, for now; None (the reason shown) when it cannot be built."""
        now = self.now()
        kind = self.kind.currentData()
        if kind == PLACE:
            return self._place_start(now)
        row = self.truck_row()
        if row is None:
            self.info.set_text(translate("TripPlanner", "Choose a truck."), ok=False)
            return None
        placed = candidate_start(row, now)
        if kind == ROUTE_END:
            if placed is None or not placed[1]:
                self.info.set_text(
                    translate(
                        "TripPlanner", "{truck} has no unfinished route: start from its position."
                    ).format(truck=truck_name(row)),
                    ok=False,
                )
                return None
            start = placed[0]
            self.info.set_text(
                translate("TripPlanner", "Free at its route's end from {time}.").format(
                    time=format_msk(start.time)
                )
            )
            return start
        if row.lat is None or row.lon is None:
            self.info.set_text(
                translate("TripPlanner", "{truck} has no position yet.").format(
                    truck=truck_name(row)
                ),
                ok=False,
            )
            return None
        accuracy = fmt.metres(row.radius) if row.radius else translate("TripPlanner", "unknown")
        self.info.set_text(
            translate("TripPlanner", "Fix of {time}, accuracy {accuracy} (LBS).").format(
                time=format_msk(row.fix_time) or "—", accuracy=accuracy
            )
        )
        return Start.from_fix(
            row.lat, row.lon, now, accuracy_m=row.radius, text=row.title or row.phone
        )

    def _place_start(self, now: datetime) -> Start | None:
        if self.place is None:
            self.info.set_text(
                translate("TripPlanner", "Find the start's address or paste its coordinates."),
                ok=False,
            )
            return None
        try:
            when = parse_msk(self.departure.text(), now) or now
        except ValueError:
            self.info.set_text(
                translate(
                    "TripPlanner",
                    "“{text}” is not a time: type 26.11.2026 14:30, 26.11 14:30 or 14:30.",
                ).format(text=self.departure.text()),
                ok=False,
            )
            return None
        self.info.set_text("")
        lat, lon, text = self.place
        return Start(lat, lon, when, text=text)


__all__ = ["FIX", "PLACE", "ROUTE_END", "StartPane", "truck_name"]

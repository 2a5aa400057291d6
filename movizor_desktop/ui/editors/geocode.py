"""Find a route point by address (``distance_search``) or by pasted coordinates.

One field takes either: text that looks like coordinates or a map link is parsed on the
spot (:func:`~.planning.parse_coordinates`, with a clear reason when it fails); anything
else goes to the geocoder as a background task — typing goes on meanwhile, a new search
cancels the old one. One result is taken at once; several open a popup list to choose
from (arrows + Enter, or a click); none gives an inline "nothing found".
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

import shiboken6
from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...api.errors import MovizorError
from ...api.models import Place
from ...planning import CoordinateError, looks_like_coordinates, parse_coordinates
from ..dialogs.widgets import Note, SubmitEdit
from .route_table import coordinate_error_text

log = logging.getLogger(__name__)

Geocoder = Callable[[str], Awaitable[list[Place]]]


def latin_only(text: str) -> bool:
    """Letters, and all of them Latin: a query Movizor's Russian geocoder will not know."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isascii() for ch in letters)


def _lang() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


class SearchEdit(SubmitEdit):
    """The address field: Enter starts the search."""


class ResultsPopup(QFrame):
    """The addresses found, in a popup under the search field."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget()
        self.list.setObjectName("geocode_results")
        self.list.setAccessibleName(self.tr("Addresses found"))
        self.list.itemActivated.connect(lambda item: self._choose(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self._choose(self.list.row(item)))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)

    def show_titles(self, titles: Sequence[str], anchor: QWidget) -> None:
        self.list.clear()
        self.list.addItems(list(titles))
        self.list.setCurrentRow(0)
        rows = min(len(titles), 6)
        height = self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4
        self.resize(max(anchor.width(), 360), height)
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.show()
        self.list.setFocus()

    def _choose(self, row: int) -> None:
        self.hide()
        if row >= 0:
            self.chosen.emit(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class AddressSearch(QWidget):
    """The "address or coordinates" field with its Search button and status line."""

    place_chosen = Signal(object)  # Place
    coordinates_entered = Signal(float, float)

    def __init__(self, geocoder: Geocoder | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geocoder = geocoder
        self._task: asyncio.Future[None] | None = None
        self._places: list[Place] = []
        self.edit = SearchEdit()
        self.edit.setObjectName("address_search")
        self.edit.setAccessibleName(self.tr("Address or coordinates"))
        self.edit.setPlaceholderText(self.tr("Find an address, or paste coordinates or a map link"))
        self.edit.setToolTip(
            self.tr(
                "Movizor's address search knows Russian names: “Казань, Баумана 1”, not “Kazan”."
            )
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.submitted.connect(lambda: self.search(quiet_empty=True))
        self.button = QPushButton(self.tr("Search"))
        self.button.setObjectName("address_search_button")
        self.button.setAutoDefault(False)
        self.button.setAccessibleName(self.tr("Search the address"))
        self.button.clicked.connect(lambda _checked=False: self.search())
        self.status = Note()
        self.status.setObjectName("address_status")
        self.status.hide()
        self.popup = ResultsPopup(self)
        self.popup.chosen.connect(self._chosen)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        line.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.status)
        self.setFocusProxy(self.edit)

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def status_text(self) -> str:
        return self.status.text()

    def clear_status(self) -> None:
        """A point was set some other way: an old complaint about this field is stale."""
        if not self.busy:
            self.status.set_text("")

    def search(self, *, quiet_empty: bool = False) -> None:
        """Search what is typed. An empty field says what to type — except after Enter
        (``quiet_empty``): a second Enter after a point was found is not a mistake."""
        text = self.edit.text().strip()
        if not text:
            if not quiet_empty:
                self.status.set_text(
                    self.tr("Type an address (city, street, house) or paste coordinates.")
                )
            return
        if looks_like_coordinates(text):
            try:
                lat, lon = parse_coordinates(text)
            except CoordinateError as exc:
                self.status.set_text(coordinate_error_text(exc), ok=False)
                return
            self.edit.clear()
            self.status.set_text("")
            self.coordinates_entered.emit(lat, lon)
            return
        if self.geocoder is None:
            self.status.set_text(
                self.tr("Address search is not available here; paste the coordinates instead."),
                ok=False,
            )
            return
        self.cancel()
        self.status.set_text(self.tr("Searching for “{query}”…").format(query=text))
        self._task = asyncio.ensure_future(self._run(text))

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def _run(self, query: str) -> None:
        assert self.geocoder is not None
        try:
            places = await self.geocoder(query)
        except asyncio.CancelledError:
            raise
        except MovizorError as exc:
            if not shiboken6.isValid(self):
                return
            if exc.function == "distance_search" and exc.field == "query":
                places = []  # the server's way of saying "nothing found"
            else:
                self.status.set_text(
                    self.tr("Address search failed: {reason}").format(reason=exc.message(_lang())),
                    ok=False,
                )
                return
        except Exception as exc:  # a geocoder of someone else's: never crash the page
            log.warning("address search failed: %s", type(exc).__name__)
            if shiboken6.isValid(self):
                self.status.set_text(
                    self.tr("Address search failed: {reason}").format(
                        reason=str(exc) or type(exc).__name__
                    ),
                    ok=False,
                )
            return
        if not shiboken6.isValid(self):
            return
        self._places = [p for p in places if p.lat is not None and p.lon is not None]
        if not self._places:
            if latin_only(query):
                text = self.tr(
                    "Nothing found for “{query}”. Movizor's address search knows "
                    "Russian names: type “Казань”, not “Kazan”."
                )
            else:
                text = self.tr(
                    "Nothing found for “{query}”. Try the city and street, or paste coordinates."
                )
            self.status.set_text(text.format(query=query), ok=False)
        elif len(self._places) == 1:
            self._chosen(0)
        else:
            self.status.set_text(
                self.tr("{count} addresses found — choose one.").format(count=len(self._places))
            )
            if self.isVisible():
                self.popup.show_titles([p.title for p in self._places], self.edit)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self._places):
            return
        place = self._places[row]
        self._places = []
        self.edit.clear()
        self.status.set_text("")
        self.place_chosen.emit(place)

    def hideEvent(self, event) -> None:
        if self.busy:
            self.cancel()
            self.status.set_text("")
        self.popup.hide()
        super().hideEvent(event)

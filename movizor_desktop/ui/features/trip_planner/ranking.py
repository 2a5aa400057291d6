"""Which truck can make it: the ranking pane.

:class:`RankingModel` shows :func:`~movizor_desktop.planning.rank_candidates` for the plan's
first point: every active truck, and every truck finishing a route, by feasible arrival —
with its distance, arrival, free-from time, verdict against the first window and the age of
its fix. :class:`RankingPane` adds the filter (tags, and ``name=value`` metadata such as a
truck type or a carrier; :func:`parse_filter`) and **Request fresh positions**: one
confirmation for the top N trucks that start from a fix (the total price on manual tariffs;
free tariffs say so), each ``pos_request`` sent once through the session's actions (the same
path and guard as the main window's request), the ranking redone as the fixes arrive.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....api.errors import MovizorError
from ....fleet import FleetRow
from ....planning import Candidate, CandidateFilter, Verdict
from ....sync.actions import ActionInProgress
from ... import formatting as fmt
from ...dialogs.widgets import Note, run_dialog, widen_message_box
from .confirm import guard_question
from .points import LATE_COLOUR, ON_TIME_COLOUR, minutes_text
from .times import format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

if TYPE_CHECKING:
    from ...session import Session

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
TRUCK, DISTANCE, ARRIVAL, FREE_FROM, VERDICT, FIX_AGE = range(6)
FRESH_AFTER = timedelta(minutes=10)  # a fix older than this is worth a fresh one
TOP_DEFAULT = 5
COLUMN_SAMPLES = {  # the widest usual text of each column
    TRUCK: "Ozon Саратов — Лебедев (в рейсе)",
    DISTANCE: "1 234 km",
    ARRIVAL: "26.11.2026 14:30",
    FREE_FROM: "26.11.2026 14:30",
    VERDICT: "опоздание 12 h 30 min",
}


def parse_filter(text: str) -> CandidateFilter:
    """``refrigerator, carrier=Вектор``: words are tags (any of them), ``name=value`` pairs
    metadata (all of them); commas or semicolons separate."""
    tags: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        if sep and name.strip():
            pairs.append((name.strip(), value.strip()))
        else:
            tags.add(part)
    return CandidateFilter(frozenset(tags), tuple(pairs))


def age_text(age: timedelta | None) -> str:
    if age is None:
        return translate("TripPlanner", "unknown")
    return minutes_text(max(0.0, age.total_seconds() / 60))


class RankingModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.candidates: list[Candidate] = []

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self.candidates = list(candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIX_AGE + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("TripPlanner", "Truck"),
            translate("TripPlanner", "Distance"),
            translate("TripPlanner", "Arrival (MSK)"),
            translate("TripPlanner", "Free from"),
            translate("TripPlanner", "First window"),
            translate("TripPlanner", "Fix age"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.candidates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TRUCK:
                trip = " " + translate("TripPlanner", "(on a trip)") if c.on_trip else ""
                return (c.title or c.phone) + trip
            if column == DISTANCE:
                return fmt.km(c.distance_km)
            if column == ARRIVAL:
                return format_msk(c.arrival)
            if column == FREE_FROM:
                return format_msk(c.free_from)
            if column == VERDICT:
                if c.verdict is Verdict.LATE:
                    return translate("TripPlanner", "late by {late}").format(
                        late=minutes_text(c.late_min)
                    )
                return translate("TripPlanner", "on time") if c.verdict is Verdict.ON_TIME else "—"
            if column == FIX_AGE:
                return age_text(c.fix_age)
        if role == Qt.ItemDataRole.ForegroundRole and column == VERDICT:
            if c.verdict is Verdict.LATE:
                return LATE_COLOUR
            if c.verdict is Verdict.ON_TIME:
                return ON_TIME_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == TRUCK:
            where = (
                translate("TripPlanner", "from its route's end")
                if c.on_trip
                else translate("TripPlanner", "from its position")
            )
            accuracy = fmt.metres(c.accuracy_m) if c.accuracy_m else ""
            return " ".join(filter(None, (c.phone, where, accuracy)))
        if role == Qt.ItemDataRole.UserRole:
            return c.phone
        return None


class RankingPane(QWidget):
    """The ranking, its filter, and the fresh position requests."""

    filter_changed = Signal()
    chosen = Signal(str)  # phone (double click / Enter): plan from this truck
    positions_arrived = Signal()

    def __init__(
        self,
        session: Callable[[], Session | None],
        rows: Callable[[], Sequence[FleetRow]],
        now: Callable[[], datetime],
        lang: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.rows = rows
        self.now = now
        self.lang = lang
        self.poll_interval = 10.0  # pos_get polling (the window's controller's, when known)
        self.position_timeout = 330.0
        self.ask: Callable[[QMessageBox], Any] = run_dialog  # tests may answer for the user
        self.requesting: set[str] = set()
        self._task: asyncio.Future[None] | None = None
        self.question: QMessageBox | None = None  # the open confirmation (tests)
        self.model = RankingModel(self)
        self.title = QLabel()
        self.title.setObjectName("ranking_title")
        self.filter = QLineEdit()
        self.filter.setObjectName("ranking_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.filter_changed.emit())
        self.table = QTableView()
        self.table.setObjectName("ranking_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # fixed widths: sizing columns to thousands of rows' contents costs a frame or more
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        for section, sample in COLUMN_SAMPLES.items():
            header.resizeSection(section, metrics.horizontalAdvance(sample) + 16)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda index: self._chosen(index.row()))
        self.top = QSpinBox()
        self.top.setObjectName("ranking_top")
        self.top.setRange(1, 20)
        self.top.setValue(TOP_DEFAULT)
        self.fresh = QPushButton()
        self.fresh.setObjectName("ranking_fresh")
        self.fresh.setAutoDefault(False)
        self.fresh.clicked.connect(lambda _c=False: self.request_fresh())
        self.note = Note()
        self.note.setObjectName("ranking_note")
        self.top_label = QLabel()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.top_label)
        line.addWidget(self.top)
        line.addWidget(self.fresh)
        line.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.filter)
        column.addLayout(line)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(
            translate("TripPlanner", "Which truck can make it (by arrival at the first point)")
        )
        self.filter.setPlaceholderText(
            translate("TripPlanner", "Filter: tags, or name=value (type=рефрижератор)")
        )
        self.filter.setAccessibleName(
            translate("TripPlanner", "Filter the trucks by tag or metadata")
        )
        self.top_label.setText(translate("TripPlanner", "Top"))
        self.top.setAccessibleName(
            translate("TripPlanner", "How many of the best trucks to locate")
        )
        self.fresh.setText(translate("TripPlanner", "Request fresh positions…"))
        self.fresh.setToolTip(
            translate(
                "TripPlanner",
                "Ask Movizor for a fresh position of the top trucks whose fix is old.",
            )
        )
        self.table.setAccessibleName(translate("TripPlanner", "Trucks ranked by arrival"))

    def candidate_filter(self) -> CandidateFilter:
        return parse_filter(self.filter.text())

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        chosen = self.current_phone()
        self.model.set_candidates(candidates)
        if chosen is not None:
            for row, c in enumerate(self.model.candidates):
                if c.phone == chosen:
                    self.table.selectRow(row)
                    break
        self.fresh.setEnabled(bool(self.to_refresh()) and not self.requesting)

    def current_phone(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.candidates):
            return None
        return self.model.candidates[index.row()].phone

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.model.candidates):
            self.chosen.emit(self.model.candidates[row].phone)

    # --- fresh positions --------------------------------------------------------------------

    def to_refresh(self) -> list[Candidate]:
        """The top N trucks that start from a fix older than 10 minutes (or of no age)."""
        top = self.model.candidates[: self.top.value()]
        return [c for c in top if not c.on_trip and (c.fix_age is None or c.fix_age > FRESH_AFTER)]

    def price_text(self, rows: Sequence[FleetRow]) -> str:
        """The question's price sentence: the total on manual tariffs, or that it is free."""
        session = self.session()
        assert session is not None
        balance = session.engine.status.balance
        total = Decimal(0)
        unknown = paid = 0
        for row in rows:
            manual = session.actions.manual_tariff(row, balance)
            if manual is None:
                unknown += 1
            elif manual:
                cost = session.actions.request_cost(row, balance)
                if cost is None:
                    unknown += 1
                else:
                    paid += 1
                    total += cost
        locale = fmt.locale_for(self.lang())
        if unknown:
            return translate(
                "TripPlanner",
                "Some of these tariffs are not in the price table: the requests may be "
                "charged (known charges: {total}).",
            ).format(total=fmt.money(total, locale))
        if paid:
            return translate(
                "TripPlanner", "Trucks on the manual tariff are charged: {total} in all."
            ).format(total=fmt.money(total, locale))
        return translate("TripPlanner", "Their tariffs include position requests: no charge.")

    def request_fresh(self) -> None:
        """Ask once, then request each position once (never while a round runs)."""
        if self.requesting or self.session() is None:
            return
        chosen = self.to_refresh()
        if not chosen:
            self.note.set_text(translate("TripPlanner", "The top trucks' fixes are fresh."))
            return
        self.requesting = {c.phone for c in chosen}
        self.fresh.setEnabled(False)
        self._task = asyncio.ensure_future(self._request(chosen))

    async def _request(self, chosen: list[Candidate]) -> None:
        try:
            session = self.session()
            rows = {r.phone: r for r in self.rows()}
            picked = [rows[c.phone] for c in chosen if c.phone in rows]
            if session is None or not picked or not await self._confirm(picked):
                return
            self.note.set_text(
                translate(
                    "TripPlanner", "Locating {count} trucks… the ranking updates as positions come."
                ).format(count=len(picked))
            )
            results = await asyncio.gather(
                *(self._one(session, row) for row in picked), return_exceptions=True
            )
            if not shiboken6.isValid(self):
                return
            failed = [str(r) for r in results if isinstance(r, str)]
            got = sum(1 for r in results if r is None)
            text = translate("TripPlanner", "{got} of {count} positions received.").format(
                got=got, count=len(picked)
            )
            if failed:
                text += " " + "; ".join(failed)
            self.note.set_text(text, ok=not failed)
        finally:
            if shiboken6.isValid(self):
                self.requesting = set()
                self.fresh.setEnabled(bool(self.to_refresh()))

    async def _one(self, session: Session, row: FleetRow) -> str | None:
        try:
            await session.actions.request_position(
                row.phone, poll_interval=self.poll_interval, timeout=self.position_timeout
            )
        except ActionInProgress:
            return translate("TripPlanner", "{truck}: already being located").format(
                truck=row.title or row.phone
            )
        except MovizorError as exc:
            return f"{row.title or row.phone}: {exc.message(self.lang())}"
        if shiboken6.isValid(self):
            self.positions_arrived.emit()
        return None

    async def _confirm(self, rows: Sequence[FleetRow]) -> bool:
        names = ", ".join(r.title or r.phone for r in rows)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("TripPlanner", "Request fresh positions?"),
            translate(
                "TripPlanner", "Ask Movizor for the positions of {count} trucks: {names}."
            ).format(count=len(rows), names=names),
            QMessageBox.StandardButton.NoButton,
            self.window(),
        )
        box.setObjectName("confirm_fresh_positions")
        box.setInformativeText(self.price_text(rows))
        yes = box.addButton(translate("TripPlanner", "Request"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirm_fresh_yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        guard_question(box, yes)
        widen_message_box(box)
        self.question = box
        try:
            await self.ask(box)
            return box.clickedButton() is yes
        finally:
            self.question = None
            box.deleteLater()


__all__ = ["RankingModel", "RankingPane", "age_text", "parse_filter"]

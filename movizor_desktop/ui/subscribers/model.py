"""The subscriber table: one row per :class:`FleetRow`, updated by change sets.

:meth:`SubscriberModel.apply` turns a sync step's :class:`ChangeSet` into precise row
signals — ``beginRemoveRows`` per contiguous block, ``dataChanged`` per block of changed
rows, one ``beginInsertRows`` for the new ones — never a model reset, so the views keep
selection, current row and scroll position. Relative fix times are refreshed by
:meth:`tick` with one ``dataChanged`` on that column.

Sorting is done here, not in the proxy: a Python ``lessThan`` called by
QSortFilterProxyModel costs seconds on 10,000 rows, while sorting precomputed keys in
Python and announcing it as one layout change costs milliseconds.

``data()`` is on the hot path of every repaint: roles are compared as plain ints and the
formatted phone is cached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ... import clock
from ...api.models import Balance
from ...fleet import ChangeSet, FleetRow
from . import sorting
from .badges import forecast_badge, status_badge
from .cells import (
    cell_text,
    cell_tooltip,
    column_headers,
    column_tips,
    display_phone,
    search_text,
    tariff_name,
)
from .sorting import FIX, FORECAST, KM, PHONE, PLACE, STATUS, TAGS, TARIFF, TITLE

COLUMN_COUNT = 9

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
USER = int(Qt.ItemDataRole.UserRole)
ROW_ROLE = USER + 1  # the FleetRow
PHONE_ROLE = USER + 2  # the MSISDN
BADGE_ROLE = USER + 3  # Badge for STATUS / FORECAST
BUSY_ROLE = USER + 4  # progress text while an action runs for the row (STATUS column)

_PHONE = attrgetter("phone")
_ROLES = frozenset({DISPLAY, TOOLTIP, ALIGN, ROW_ROLE, PHONE_ROLE, BADGE_ROLE, BUSY_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MANY_RANGES = 48  # above this many blocks, one spanning dataChanged is cheaper


class SubscriberModel(QAbstractTableModel):
    about_to_apply = Signal(object)  # ChangeSet, before it touches rows
    applied = Signal(object)  # ChangeSet, after all its row signals
    tags_changed = Signal()  # the set of tags in the fleet changed
    busy_changed = Signal()
    reordered = Signal(list)  # during a re-sort: new[i] = the old row number of row i

    def __init__(self, parent: Any = None, *, now: Callable[[], datetime] = clock.now):
        super().__init__(parent)
        self._rows: list[FleetRow] = []
        self._pos: dict[str, int] = {}
        self.hay: list[str] = []  # search_text per row, parallel to _rows (proxy reads it)
        self._phone_text: dict[str, str] = {}
        self._busy: dict[str, str] = {}
        self._balance: Balance | None = None
        self._clock = now
        self._now = now()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keys: list[Any] | None = None  # sort keys, parallel to _rows, when sorted
        self._tags: frozenset[str] = frozenset()

    # --- reading ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # QAbstractTableModel.index() asks rowCount() and columnCount() (two Python calls)
        # for every index the proxy maps, i.e. for every cell painted: one call instead.
        if 0 <= row < len(self._rows) and 0 <= column < COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def row_at(self, row: int) -> FleetRow:
        return self._rows[row]

    def row_of(self, phone: str) -> int:
        """The row number of ``phone``, -1 when absent."""
        return self._pos.get(phone, -1)

    def get(self, phone: str) -> FleetRow | None:
        i = self._pos.get(phone)
        return None if i is None else self._rows[i]

    def rows(self) -> list[FleetRow]:
        return list(self._rows)

    def phones(self) -> list[str]:
        return [r.phone for r in self._rows]

    def all_tags(self) -> list[str]:
        return sorted(self._tags, key=str.casefold)

    @property
    def balance(self) -> Balance | None:
        return self._balance

    def phone_text(self, phone: str) -> str:
        text = self._phone_text.get(phone)
        if text is None:
            text = self._phone_text[phone] = display_phone(phone)
        return text

    def title_of(self, phone: str) -> str:
        """The subscriber's title, or its formatted phone when it has none."""
        row = self.get(phone)
        return (row.title if row is not None and row.title else "") or self.phone_text(phone)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role not in _ROLES:  # font, colours, check state...: one set lookup, no more
            return None
        if role == DISPLAY:
            return self._display(self._rows[index.row()], index.column())
        if role == TOOLTIP:
            return self._tooltip(self._rows[index.row()], index.column())
        if role == BADGE_ROLE:
            c = index.column()
            if c == STATUS:
                return status_badge(self._rows[index.row()].status)
            if c == FORECAST:
                return forecast_badge(self._rows[index.row()].forecast)
            return None
        if role == ALIGN:
            return _RIGHT if index.column() == KM else None
        if role == ROW_ROLE:
            return self._rows[index.row()]
        if role == PHONE_ROLE:
            return self._rows[index.row()].phone
        if role == BUSY_ROLE:  # the status column shows the spinner, no other
            if index.column() != STATUS:
                return None
            return self._busy.get(self._rows[index.row()].phone)
        return None

    def _display(self, row: FleetRow, c: int) -> str:
        if c == PHONE:
            return self.phone_text(row.phone)
        return cell_text(row, c, self._balance, self._now)

    def _tooltip(self, row: FleetRow, c: int) -> str | None:
        return cell_tooltip(row, c, self._balance, self._busy.get(row.phone))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == DISPLAY:
            return column_headers()[section]
        if role == TOOLTIP:
            return column_tips()[section]
        return None

    # --- updating ---------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[FleetRow], balance: Balance | None = None) -> None:
        """Replace everything (a new session); refreshes use :meth:`apply`."""
        self._now = self._clock()
        self.beginResetModel()
        self._rows = list(rows)
        self._pos.clear()
        self._balance = balance
        self._busy.clear()
        self._keys = None
        self._reindex(0)
        if self._sort_column >= 0:  # sort silently: the reset tells the views anyway
            keys = list(map(self._key_function(), self._rows))
            new = sorting.order(keys, self._descending)
            self._rows = [self._rows[i] for i in new]
            self.hay = [self.hay[i] for i in new]
            self._keys = [keys[i] for i in new]
            self._reindex_pos(0)
        self.endResetModel()
        self._update_tags()

    def apply(self, changes: ChangeSet) -> None:
        """Apply one sync step with precise row signals (never a reset)."""
        balance_changed = changes.balance is not None and changes.balance != self._balance
        if not (changes.added or changes.changed or changes.removed or balance_changed):
            return
        self.about_to_apply.emit(changes)
        self._now = self._clock()  # a fresh fix must not read as "in the future"
        tags_dirty = self._remove(changes.removed)
        fresh: list[FleetRow] = []
        touched: list[int] = []
        for row in (*changes.changed, *changes.added):
            i = self._pos.get(row.phone)
            if i is None:
                fresh.append(row)
                continue
            old = self._rows[i]
            if old is row:
                continue
            tags_dirty = tags_dirty or old.tags != row.tags
            self._rows[i] = row
            self.hay[i] = search_text(row, self.phone_text(row.phone))
            touched.append(i)
        changed_phones = [self._rows[i].phone for i in touched]
        keys, key = self._keys, None
        if keys is not None and (touched or fresh):
            key = self._key_function()
            for i in touched:
                keys[i] = key(self._rows[i])
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            if keys is not None and key is not None:
                keys.extend(map(key, fresh))
            self._reindex(first)
            self.endInsertRows()
            touched.extend(range(first, len(self._rows)))
            tags_dirty = tags_dirty or any(r.tags for r in fresh)
        if balance_changed:
            self._balance = changes.balance
            if self._sort_column == TARIFF:
                self._keys = None  # titles may differ: recompute every key
        if touched or self._keys is None:
            self._resort(touched)
        # after a re-sort the changed rows sit together (e.g. the newest fixes on top):
        # fewer, larger blocks for the views and the proxy
        pos = self._pos
        self._emit_changed([pos[p] for p in changed_phones], 0, COLUMN_COUNT - 1)
        if balance_changed and self._rows:
            self.dataChanged.emit(self.index(0, TARIFF), self.index(len(self._rows) - 1, TARIFF))
        if tags_dirty:
            self._update_tags()
        self.applied.emit(changes)

    def tick(self, now: datetime | None = None) -> None:
        """Refresh the relative fix times: one dataChanged on that column."""
        self._now = now or self._clock()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, FIX), self.index(len(self._rows) - 1, FIX), [DISPLAY, TOOLTIP]
            )

    def set_busy(self, phone: str, text: str | None) -> None:
        """Show (or clear, with None) a progress text in the row's status cell."""
        if text is None:
            if self._busy.pop(phone, None) is None:
                return
        else:
            self._busy[phone] = text
        i = self._pos.get(phone)
        if i is not None:
            ix = self.index(i, STATUS)
            self.dataChanged.emit(ix, ix, [BUSY_ROLE, TOOLTIP])
        self.busy_changed.emit()

    def busy_phones(self) -> list[str]:
        return list(self._busy)

    def _remove(self, phones: list[str]) -> bool:
        rows = sorted((self._pos[p] for p in set(phones) if p in self._pos), reverse=True)
        if not rows:
            return False
        had_tags = any(self._rows[i].tags for i in rows)
        for first, last in _blocks(rows[::-1])[::-1]:  # bottom block first
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self._rows[first : last + 1]:
                del self._pos[row.phone]
                self._busy.pop(row.phone, None)
            del self._rows[first : last + 1]
            del self.hay[first : last + 1]
            if self._keys is not None:
                del self._keys[first : last + 1]
            self._reindex_pos(first)
            self.endRemoveRows()
        return had_tags

    def _emit_changed(self, rows: list[int], first_col: int, last_col: int) -> None:
        if not rows:
            return
        rows.sort()
        blocks = _blocks(rows)
        if len(blocks) > _MANY_RANGES:  # a hint that spans unchanged rows is allowed
            blocks = [(rows[0], rows[-1])]
        for first, last in blocks:
            self.dataChanged.emit(self.index(first, first_col), self.index(last, last_col))

    def _reindex(self, start: int) -> None:
        """Positions and search texts of the rows from ``start`` on."""
        del self.hay[start:]
        self.hay.extend(search_text(r, self.phone_text(r.phone)) for r in self._rows[start:])
        self._reindex_pos(start)

    def _reindex_pos(self, start: int) -> None:
        if start == 0:
            self._pos = dict(zip(map(_PHONE, self._rows), range(len(self._rows)), strict=True))
            return
        pos = self._pos
        for i in range(start, len(self._rows)):
            pos[self._rows[i].phone] = i

    def _update_tags(self) -> None:
        tags = frozenset(t for r in self._rows for t in r.tags)
        if tags != self._tags:
            self._tags = tags
            self.tags_changed.emit()

    # --- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self._keys = None
        self._resort()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def _key_function(self) -> Callable[[FleetRow], Any]:
        balance = self._balance
        return sorting.sort_key(
            self._sort_column, self._descending, lambda tariff: tariff_name(tariff, balance)
        )

    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _resort(self, touched: Iterable[int] | None = None) -> None:
        """Re-sort (one layout change) if needed; ``touched``: the only rows that may be
        out of place (their keys were updated), None to check everything."""
        if self._sort_column < 0 or not self._rows:
            self._keys = None
            return
        keys = self._keys
        if keys is None:
            keys = self._keys = list(map(self._key_function(), self._rows))
            touched = None
        if touched is not None and sorting.in_place(keys, touched, self._descending):
            return
        new = sorting.order(keys, self._descending)
        if new == list(range(len(new))):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        phones = [self._rows[ix.row()].phone for ix in persistent]
        self._rows = list(map(self._rows.__getitem__, new))
        self.hay = list(map(self.hay.__getitem__, new))
        self._keys = list(map(keys.__getitem__, new))
        self._reindex_pos(0)
        self.reordered.emit(new)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._pos[p], ix.column())
                for p, ix in zip(phones, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()


def _blocks(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) blocks."""
    blocks: list[tuple[int, int]] = []
    for r in rows:
        if blocks and r == blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], r)
        else:
            blocks.append((r, r))
    return blocks


__all__ = [
    "BADGE_ROLE",
    "BUSY_ROLE",
    "COLUMN_COUNT",
    "FIX",
    "FORECAST",
    "KM",
    "PHONE",
    "PHONE_ROLE",
    "PLACE",
    "ROW_ROLE",
    "STATUS",
    "TAGS",
    "TARIFF",
    "TITLE",
    "SubscriberModel",
]

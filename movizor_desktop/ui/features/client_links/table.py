"""The table model of the client links dialog: one row per link, sortable by meaning.

Each cell carries a sort key in :data:`SORT_ROLE` (numbers for counts and times, the
expiry state 0/1), so a :class:`QSortFilterProxyModel` with that sort role orders
expired links together, links without an end last, and so on. Times are Moscow time with
the "MSK" mark. A link whose end of access has passed is *Expired*: red bold badge in the
status column, its tooltip says since when, and the rest of the row turns grey.
:meth:`ShareTableModel.refresh_states` re-evaluates that against a new ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from ... import formatting as fmt
from ...dialogs.widgets import ERROR_COLOR

if TYPE_CHECKING:
    from ....api.models import Share

CLIENT, EMAIL, COMMENTS, OBJECTS, REQUESTS, CREATED, EXPIRES, STATE = range(8)
COLUMNS = 8
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_GREY = QColor("#7a7a7a")
_NEVER = 1 << 62


def is_expired(share: Share, now: datetime) -> bool:
    return share.timestamp_off is not None and share.timestamp_off <= now


class ShareTableModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.shares: dict[str, Share] = {}
        self.setHorizontalHeaderLabels(
            [
                self.tr("Client"),
                self.tr("E-mail"),
                self.tr("Comments"),
                self.tr("Subscribers"),
                self.tr("Requests today"),
                self.tr("Created"),
                self.tr("Access until"),
                self.tr("Status"),
            ]
        )

    def set_shares(self, shares: Sequence[Share], now: datetime) -> None:
        self.shares = {s.key: s for s in shares}
        self.removeRows(0, self.rowCount())
        for share in shares:
            self.appendRow(self._items(share, now))

    def _items(self, share: Share, now: datetime) -> list[QStandardItem]:
        def item(text: str, sort: Any, tip: str = "") -> QStandardItem:
            cell = QStandardItem(text)
            cell.setData(sort, SORT_ROLE)
            if tip:
                cell.setToolTip(tip)
            return cell

        limit = share.req_limit or 0
        used = share.req_cnt or 0
        requests = (
            self.tr("{used} of {limit}").format(used=used, limit=limit)
            if limit
            else self.tr("{used} (no limit)").format(used=used)
        )
        created = share.timestamp
        until = share.timestamp_off
        items = [
            item(share.client or self.tr("(no name)"), (share.client or "").casefold(), share.url),
            item(share.email, share.email.casefold()),
            item(share.comments, share.comments.casefold(), share.comments),
            item(str(share.cnt or 0), share.cnt or 0),
            item(requests, (used, limit)),
            item(fmt.msk_datetime(created), created.timestamp() if created else 0),
            item(
                fmt.msk_datetime(until) if until else self.tr("until deleted"),
                until.timestamp() if until else _NEVER,
            ),
            item("", 0),
        ]
        items[CLIENT].setData(share.key, KEY_ROLE)
        items[OBJECTS].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._mark_state(items, share, now)
        return items

    def _mark_state(self, items: list[QStandardItem], share: Share, now: datetime) -> None:
        state = items[STATE]
        until = share.timestamp_off
        expired = is_expired(share, now)
        font = QFont()
        if expired:
            state.setText(self.tr("Expired"))
            state.setToolTip(
                self.tr("Access through this link ended at {time}.").format(
                    time=fmt.msk_datetime(until)
                )
            )
            state.setForeground(QBrush(QColor(ERROR_COLOR)))
            font.setBold(True)
        else:
            state.setText(self.tr("Active"))
            state.setToolTip(
                self.tr("Access ends at {time}.").format(time=fmt.msk_datetime(until))
                if until
                else self.tr("The link works until it is deleted.")
            )
            state.setForeground(QBrush())
        state.setFont(font)
        state.setData(0 if expired else 1, SORT_ROLE)
        for column, cell in enumerate(items):
            if column != STATE:
                cell.setForeground(QBrush(_GREY) if expired else QBrush())

    def refresh_states(self, now: datetime) -> None:
        """Links whose end of access has passed by ``now`` turn expired."""
        for r in range(self.rowCount()):
            share = self.shares.get(self.item(r, CLIENT).data(KEY_ROLE))
            if share is not None:
                self._mark_state([self.item(r, c) for c in range(COLUMNS)], share, now)

    def expired_keys(self) -> list[str]:
        return [
            self.item(r, CLIENT).data(KEY_ROLE)
            for r in range(self.rowCount())
            if self.item(r, STATE).data(SORT_ROLE) == 0
        ]

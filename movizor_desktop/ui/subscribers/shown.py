"""The subscriber list as the dispatcher sees it: its filter, its visible columns in their
on-screen order. What the exports write and the printouts print.

For files the last fix is an exact datetime (the table shows "12 min ago") and the km a
number; for print both are text. Headers are the table's own, translated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ... import clock
from ...api.encoding import to_msk
from ...exchange.export_table import Table
from .cells import cell_text, column_titles, display_phone
from .model import FIX, KM, PHONE, ROW_ROLE

if TYPE_CHECKING:
    from .model import SubscriberModel
    from .proxy import SubscriberProxy
    from .view import SubscriberList

translate = QCoreApplication.translate


def visible_columns(view: SubscriberList) -> list[int]:
    """The list's columns as on screen: visual order, hidden ones left out."""
    header = view.table.horizontalHeader()
    logical = (header.logicalIndex(v) for v in range(header.count()))
    return [c for c in logical if c >= 0 and not header.isSectionHidden(c)]


def subscriber_table(
    view: SubscriberList, proxy: SubscriberProxy, model: SubscriberModel, *, for_print: bool = False
) -> tuple[Table, list[int]]:
    """The filtered list as shown. Returns (table, positions of right-aligned columns).

    For files the last fix is a datetime and the km a number; for print both are text.
    """
    columns = visible_columns(view)
    titles = column_titles()
    headers = []
    for c in columns:
        title = titles[c]
        if c == FIX:
            title = translate("Exports", "{column} (MSK)").format(column=title)
        headers.append(title)
    balance, now = model.balance, clock.now()
    rows: list[list[Any]] = []
    for r in range(proxy.rowCount()):
        row = proxy.index(r, 0).data(ROW_ROLE)
        values: list[Any] = []
        for c in columns:
            if c == PHONE:
                values.append(display_phone(row.phone))
            elif c == FIX:
                if for_print:
                    values.append(
                        to_msk(row.fix_time).strftime("%d.%m.%Y %H:%M") if row.fix_time else ""
                    )
                else:
                    values.append(row.fix_time)
            elif c == KM and not for_print:
                values.append(round(row.distance_km, 1) if row.distance_km is not None else None)
            else:
                values.append(cell_text(row, c, balance, now))
        rows.append(values)
    sheet = translate("Exports", "Subscribers")
    return Table(headers, rows, sheet=sheet), [i for i, c in enumerate(columns) if c == KM]


__all__ = ["subscriber_table", "visible_columns"]

"""A table model whose rows are an ordered list the user rearranges: removing rows, moving
them, and dragging one row to a new place within the same table.

The route editor's points and the trip planner's points are both such lists. A subclass
names its list (:meth:`OrderedRowsModel.ordered`), its drag format (:attr:`mime_type`) and
what follows a change: :meth:`~OrderedRowsModel.forget` runs before the view hears of it
(drop what was computed from the old order), :meth:`~OrderedRowsModel.reordered` after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class OrderedRowsModel(QAbstractTableModel):
    """Remove, move and drag-to-reorder for a model over one Python list."""

    mime_type: ClassVar[str]  # the drag format: one table's rows are not another's

    def ordered(self) -> list[Any]:
        """The list the rows show, in order (changed in place here)."""
        raise NotImplementedError

    def forget(self) -> None:
        """Before the views hear of a change: drop what depended on the old order."""

    def reordered(self) -> None:
        """After a removal or a move (the views know of it already)."""

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        items = self.ordered()
        if parent.isValid() or row < 0 or count <= 0 or row + count > len(items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del items[row : row + count]
        self.forget()
        self.endRemoveRows()
        self.reordered()
        return True

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination: int,
    ) -> bool:
        items = self.ordered()
        n = len(items)
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count <= 0
            or source_row < 0
            or source_row + count > n
            or not 0 <= destination <= n
            or source_row <= destination <= source_row + count
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination
        ):
            return False
        moving = items[source_row : source_row + count]
        del items[source_row : source_row + count]
        at = destination - count if destination > source_row else destination
        items[at:at] = moving
        self.forget()
        self.endMoveRows()
        self.reordered()
        return True

    # --- drag and drop within the table ---------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.mime_type]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(self.mime_type, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(self.mime_type):
            return False
        try:
            rows = [
                int(r) for r in bytes(data.data(self.mime_type).data()).decode().split(",") if r
            ]
        except ValueError:
            return False
        if len(rows) != 1:  # single selection: one row at a time
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.ordered())
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), row)
        return False  # moved already: the view must not remove the source row


__all__ = ["Index", "OrderedRowsModel"]

"""The report of an import: every row that was not added, and why, as CSV. No Qt.

Written by :mod:`.export_table`'s CSV writer, so it gets the same treatment as every other
file the app writes: UTF-8 with a BOM and ``;`` between columns (Excel in Russia), and the
one formula guard of :mod:`.text_safety` on every cell — a title such as
``=HYPERLINK(…)``, a phone ``+7 921 …`` or a reason quoting them is text in Excel, never a
formula. Columns: the file's line, the number as written, the name, the result and the
reason, with headers in the dispatcher's language. Blocking I/O: the UI writes it through
``asyncio.to_thread``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .export_table import Table, csv_bytes, write_csv
from .import_run import ADDED_OK, RowResult

HEADERS = {
    "en": ("Line", "Phone", "Name", "Result", "Reason"),
    "ru": ("Строка", "Телефон", "Имя", "Результат", "Причина"),
}
OUTCOME_TEXT = {
    "failed": ("not added", "не добавлен"),
    "unknown": ("outcome unknown", "результат неизвестен"),
    "skipped": ("skipped", "пропущен"),
    "not_sent": ("not sent", "не отправлялся"),
    "bad": ("error in the row", "ошибка в строке"),
    "duplicate": ("repeated number", "повтор номера"),
    "added": ("added", "добавлен"),
}


def failures(results: Iterable[RowResult]) -> list[RowResult]:
    return [r for r in results if r.outcome != ADDED_OK]


def report_table(results: Iterable[RowResult], lang: str = "en") -> Table:
    ru = lang.lower().startswith("ru")
    rows: list[list[object]] = []
    for r in failures(results):
        outcome = OUTCOME_TEXT.get(r.outcome, (r.outcome, r.outcome))[1 if ru else 0]
        rows.append([r.line, r.raw_phone, r.title, outcome, r.reason])
    return Table(list(HEADERS["ru" if ru else "en"]), rows)  # type: ignore[arg-type]


def report_text(results: Iterable[RowResult], lang: str = "en") -> str:
    """The report as the text of the file (starting with the BOM)."""
    return csv_bytes(report_table(results, lang)).decode("utf-8")


def write_report(path: Path | str, results: Iterable[RowResult], lang: str = "en") -> int:
    """Write the rows not added to ``path``; returns how many."""
    table = report_table(results, lang)
    write_csv(path, table)
    return len(table.rows)


__all__ = ["HEADERS", "failures", "report_table", "report_text", "write_report"]

"""The report of an import: every row that was not added, and why, as CSV. No Qt.

Written for Excel in Russia: UTF-8 with a BOM (Excel then reads Cyrillic right) and ``;``
between columns. Columns: the file's line, the number as written, the name, the result
and the reason, with headers in the dispatcher's language. Blocking I/O: the UI writes it
through ``asyncio.to_thread``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from ..store.files import atomic_write_text
from .import_run import ADDED_OK, RowResult

HEADERS = {"en": ("Line", "Phone", "Name", "Result", "Reason"),
           "ru": ("Строка", "Телефон", "Имя", "Результат", "Причина")}
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


def report_text(results: Iterable[RowResult], lang: str = "en") -> str:
    ru = lang.lower().startswith("ru")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS["ru" if ru else "en"])
    for r in failures(results):
        outcome = OUTCOME_TEXT.get(r.outcome, (r.outcome, r.outcome))[1 if ru else 0]
        writer.writerow([r.line, r.raw_phone, r.title, outcome, r.reason])
    return "\ufeff" + out.getvalue()


def write_report(path: Path | str, results: Iterable[RowResult], lang: str = "en") -> int:
    """Write the rows not added to ``path``; returns how many."""
    results = list(results)
    atomic_write_text(Path(path), report_text(results, lang))
    return len(failures(results))


__all__ = ["HEADERS", "failures", "report_text", "write_report"]

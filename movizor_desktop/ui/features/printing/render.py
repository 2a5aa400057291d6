"""Laying out and painting a report: the page, the running header, "Page n of m", PDF.

:func:`render` lays the HTML out in a ``QTextDocument`` for the page and paints every page
with a running header (account, profile, what, date МСК) and "Page n of m" at the bottom;
:func:`write_pdf` renders through ``QPdfWriter`` and writes the file atomically;
:func:`in_own_thread` runs it in a thread of its own (painting on a PDF device is
thread-safe in Qt; a 3,000-row list takes about 2 s).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QThread, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from ....exchange.export_files import write_atomic

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)
PDF_DPI = 300
FONT_PT = 9
MARGIN_MM = 12


@dataclass(slots=True)
class PrintJob:
    html: str
    title: str  # the PDF's title
    header: str  # the running header
    page_text: str  # "Page {page} of {pages}", translated
    landscape: bool = True
    images: dict[str, QImage] = field(default_factory=dict)


def page_layout(landscape: bool) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def render(job: PrintJob, device: QPrinter | QPdfWriter) -> int:
    """Paint the job on a printer or PDF writer; returns the number of pages."""
    font = QFont()
    font.setPointSizeF(FONT_PT)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(font)
    for url, image in job.images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    doc.setHtml(job.html)
    area = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(area.width()), float(area.height())
    small = QFont(font)
    small.setPointSizeF(FONT_PT - 1)
    line = QFontMetricsF(small, device).height()
    top, bottom = line * 2.2, line * 2.0
    body_h = height - top - bottom
    doc.setPageSize(QSizeF(width, body_h))
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the print device")
    try:
        for i in range(pages):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, top - i * body_h)
            clip = QRectF(0, i * body_h, width, body_h)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            doc.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, 0, width, line * 1.4),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                job.header,
            )
            painter.drawLine(0, int(line * 1.6), int(width), int(line * 1.6))
            painter.drawText(
                QRectF(0, height - line * 1.4, width, line * 1.4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                job.page_text.format(page=i + 1, pages=pages),
            )
    finally:
        painter.end()
    return pages


def write_pdf(job: PrintJob, path: Path) -> tuple[Path, int]:
    """Render to PDF in memory, then write the file atomically (any thread)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(job.landscape))
    writer.setTitle(job.title)
    writer.setCreator("Movizor Desktop")
    pages = render(job, writer)
    del writer  # flushes the PDF's trailer into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return write_atomic(path, lambda handle: handle.write(data)), pages


class _Worker(QThread):
    """A QThread that runs one call: Qt objects made in it have an event dispatcher for
    their whole life (a plain Python thread is adopted by Qt without one)."""

    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__()
        self._call = call

    def run(self) -> None:
        self._call()


_workers: set[_Worker] = set()  # strong references until each has finished


async def in_own_thread(function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function(*args)`` in a thread of its own (a QThread) and await its result.

    Not ``asyncio.to_thread``, nor a plain ``threading.Thread``: Qt adopts a foreign thread
    the first time Qt objects are used in it without giving it an event dispatcher, and a
    text document laid out there warns "QBasicTimer::start: current thread's event
    dispatcher has already been destroyed". A QThread has one from its start to its end.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():  # cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            result = function(*args)
        except BaseException as exc:  # handed to the awaiting task
            loop.call_soon_threadsafe(settle, None, exc)
        else:
            loop.call_soon_threadsafe(settle, result, None)

    worker = _Worker(run)
    worker.setObjectName("movizor-pdf")
    _workers.add(worker)
    worker.finished.connect(worker.deleteLater)  # Qt's way: deleted once it has ended
    worker.destroyed.connect(lambda *_: _workers.discard(worker))
    worker.start()
    return await future


__all__ = ["PrintJob", "in_own_thread", "page_layout", "render", "write_pdf"]

"""A plan saved and sent elsewhere: templates, GPX/KML files and the printed plan sheet.

* templates — :class:`~movizor_desktop.store.plan_templates.PlanTemplates` (one file for
  the computer; a template keeps its times relative, so opening one re-times it from now);
* :func:`export_plan` — GPX or KML by the file's extension
  (:func:`~movizor_desktop.exchange.export_plan.write_plan`), written in a worker thread;
* :func:`write_sheet` — a one-page A4 PDF: the plan's table and the map as it is shown,
  laid out and painted in a worker thread (painting on a PDF device does not need the Qt
  thread); the window only builds the HTML and grabs the map.
"""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ....exchange.export_files import write_atomic
from ....exchange.export_plan import PlanTexts, write_plan
from ....planning import Plan, PlanResult
from .points import minutes_text, stops_text, verdict_text
from .times import format_dwell, format_msk

translate = QCoreApplication.translate  # lupdate reads translate("TripPlanner", "…")

SHEET_DPI = 150


def plan_texts() -> PlanTexts:
    """The words of the GPX/KML files in the user's language."""
    return PlanTexts(
        name=translate("TripPlanner", "Trip plan"),
        start=translate("TripPlanner", "Start"),
        points=translate("TripPlanner", "Points"),
        stops=translate("TripPlanner", "Breaks and rests"),
        arrival=translate("TripPlanner", "Arrival (MSK)"),
        window=translate("TripPlanner", "Window (MSK)"),
        dwell=translate("TripPlanner", "Dwell"),
        departure=translate("TripPlanner", "Departure (MSK)"),
        on_time=translate("TripPlanner", "On time"),
        late=translate("TripPlanner", "Late by {late}"),
        break_=translate("TripPlanner", "Break"),
        rest=translate("TripPlanner", "Daily rest"),
        distance=translate("TripPlanner", "Road distance, km"),
        duration=minutes_text,
    )


async def export_plan(path: str, plan: Plan, result: PlanResult) -> Path:
    texts = plan_texts()
    return await asyncio.to_thread(write_plan, path, plan, result, texts)


def sheet_html(plan: Plan, result: PlanResult, subtitle: str, with_map: bool) -> str:
    """The plan sheet's HTML (escaped; the map as the ``map`` image resource)."""
    e = html.escape
    heads = [
        "#",
        translate("TripPlanner", "Point"),
        translate("TripPlanner", "Window (MSK)"),
        translate("TripPlanner", "Dwell"),
        translate("TripPlanner", "Distance"),
        translate("TripPlanner", "Driving"),
        translate("TripPlanner", "Breaks and rests"),
        translate("TripPlanner", "Arrival (MSK)"),
        translate("TripPlanner", "Verdict"),
    ]
    rows = []
    for i, (point, leg) in enumerate(zip(plan.points, result.legs, strict=True)):
        window = f"{format_msk(point.earliest) or '…'} – {format_msk(point.latest) or '…'}"
        cells = [
            str(i + 1),
            point.text,
            window,
            format_dwell(point.dwell_min),
            f"{leg.distance_km:.0f} km",
            minutes_text(leg.driving_min),
            stops_text(leg),
            format_msk(leg.arrival),
            verdict_text(leg),
        ]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    head = "<tr>" + "".join(f"<th align='left'>{e(h)}</th>" for h in heads) + "</tr>"
    title = plan.name or translate("TripPlanner", "Trip plan")
    parts = [
        f"<h2>{e(title)}</h2>",
        f"<p>{e(subtitle)}</p>",
        "<img src='map' width='640'>" if with_map else "",
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        head,
        *rows,
        "</table>",
    ]
    return "".join(parts)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def sheet_layout() -> QPageLayout:
    """A4 portrait with 12 mm margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )


def sheet_document(text: str, image: QImage | None) -> QTextDocument:
    """The sheet laid out: ``text`` (:func:`sheet_html`) with the map as its ``map``
    image."""
    document = QTextDocument()
    if image is not None and not image.isNull():
        document.addResource(QTextDocument.ResourceType.ImageResource, "map", image)
    document.setHtml(text)
    return document


def _paint_sheet(path: str, text: str, map_png: bytes | None) -> Path:
    target = Path(path)
    temp = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(temp))
    writer.setResolution(SHEET_DPI)
    writer.setPageLayout(sheet_layout())
    writer.setTitle(translate("TripPlanner", "Trip plan"))
    image = QImage.fromData(map_png, b"PNG") if map_png is not None else None
    document = sheet_document(text, image)
    rect = writer.pageLayout().paintRectPixels(SHEET_DPI)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del writer
    data = temp.read_bytes()
    temp.unlink()
    return write_atomic(target, lambda handle: handle.write(data))


async def write_sheet(path: str, text: str, map_image: QImage | None) -> Path:
    """The plan sheet as a PDF at ``path`` (painted in a worker thread)."""
    png = _png(map_image) if map_image is not None and not map_image.isNull() else None
    return await asyncio.to_thread(_paint_sheet, path, text, png)


__all__ = [
    "export_plan",
    "plan_texts",
    "sheet_document",
    "sheet_html",
    "sheet_layout",
    "write_sheet",
]

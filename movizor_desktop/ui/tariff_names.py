"""What a tariff is called on screen: in the UI's language when the app knows the tariff,
in the server's own words when it does not. Display only: which tariff is the manual one
(or the package) is the price table's business (:class:`~...api.tariffs.TariffBook`),
and the caller says so.

Movizor names its tariffs in Russian (``Каждые 15 мин``, ``Вручную``…, the balance's price
table; captured responses of the public Go client, 2018-19). A tariff is recognised

* as the manual tariff or the package when the caller's price table says it is;
* by the words of its title: ``онлайн``, ``N мин``, ``N час…`` (``МТС`` in it: "MTS only");
* without a title (no price table yet), by the ids the documents give (display only).

Anything else keeps the server's title (or its id): a tariff introduced later is never
renamed to a guess. The one dictionary of names serves the list, the details, the trip
report and the subscriber dialog alike.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject

translate = QCoreApplication.translate  # lupdate reads translate("Tariffs", "text")

_MINUTES = re.compile(r"(\d+)\s*мин")
_HOURS = re.compile(r"(\d+)\s*час")
# without a title: what the documents call these ids (the /api/ era's and the newer ones)
_UNTITLED: dict[str, str | int] = {
    "0": "manual",
    "4": "manual",
    "manual": "manual",
    "1": "online",
    "5": "online",
    "3": "package",
    "15": 15,
    "30": 30,
    "60": 60,
    "180": 180,
}


class Tariffs(QObject):
    """Plural names: lupdate reads ``%n`` plurals from ``self.tr`` only (the class names the
    context)."""

    def every_hours(self, hours: int) -> str:
        return self.tr("Every %n hour(s)", "", hours)


def _kind(tariff_id: str, title: str) -> str | int | None:
    """``manual`` / ``package`` / ``online`` or minutes, read from the title (or, without
    one, from the id); None when the title says nothing the app knows."""
    if not title:
        return _UNTITLED.get(tariff_id)
    text = " ".join(title.casefold().replace("ё", "е").split())
    if "онлайн" in text or "online" in text:
        return "online"
    if minutes := _MINUTES.search(text):
        return int(minutes[1])
    if hours := _HOURS.search(text):
        return int(hours[1]) * 60
    return None


def tariff_display_name(
    tariff_id: str | None,
    server_title: str | None = None,
    *,
    manual: bool = False,
    package: bool = False,
) -> str:
    """The name to show for a tariff: the app's own, translated, when it knows the tariff
    (``manual``/``package``: the price table says so); else the server's title; else the
    id."""
    tid = tariff_id or ""
    title = (server_title or "").strip()
    if title == tid:
        title = ""  # the price table gives the id back when it has no title
    kind: str | int | None = "manual" if manual else "package" if package else _kind(tid, title)
    if kind == "manual":
        return translate("Tariffs", "Manual requests")
    if kind == "package":
        return translate("Tariffs", "Package for 1 month")
    if kind is None:
        return title or tid
    if kind == "online":
        name = translate("Tariffs", "Online")
    elif int(kind) % 60 == 0 and int(kind) >= 120:
        name = Tariffs().every_hours(int(kind) // 60)
    else:
        name = translate("Tariffs", "Every {count} min").format(count=kind)
    if "мтс" in title.casefold():
        return translate("Tariffs", "{tariff} (MTS only)").format(tariff=name)
    return name


__all__ = ["tariff_display_name"]

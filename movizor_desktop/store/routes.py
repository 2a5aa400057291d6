"""Saved route templates in ``config_dir/routes.json``.

A template is a name and an ordered list of points: text, coordinates and the planned
arrival as *hours after the start* (None when the point had no time). Loading one into a
route re-times it from a start the dispatcher picks (:meth:`RouteTemplate.instantiate`).

Reading never fails: a missing file is an empty list, an unreadable one is moved aside
(``routes.json.corrupt-<timestamp>``) and a template or point with bad values is skipped on
its own. Every change rewrites the file atomically. No Qt.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..api.encoding import RoutePoint
from .files import atomic_write_json, read_templates
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "routes.json"
FILE_VERSION = 1
NAME_MAX = 100


@dataclass(frozen=True, slots=True)
class TemplatePoint:
    text: str
    lat: float
    lon: float
    hours_after_start: float | None = None

    def __post_init__(self) -> None:
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"coordinates out of range: {self.lat}, {self.lon}")
        hours = self.hours_after_start
        if hours is not None and not math.isfinite(hours):
            raise ValueError("hours_after_start is not a finite number")


@dataclass(frozen=True, slots=True)
class RouteTemplate:
    name: str
    points: tuple[TemplatePoint, ...]

    @property
    def timed(self) -> bool:
        """True when at least one point has a time offset (loading asks for a start)."""
        return any(p.hours_after_start is not None for p in self.points)

    def instantiate(self, start: datetime) -> list[RoutePoint]:
        """The route re-timed from ``start`` (rounded to the minute)."""
        base = start.replace(second=0, microsecond=0)
        return [
            RoutePoint(
                p.text,
                p.lat,
                p.lon,
                None
                if p.hours_after_start is None
                else base + timedelta(minutes=round(p.hours_after_start * 60)),
            )
            for p in self.points
        ]


def template_points(
    points: Sequence[RoutePoint], start: datetime | None = None
) -> tuple[TemplatePoint, ...]:
    """Points of a route as a template: times become hours after ``start`` (default: the
    first planned time of the route)."""
    if start is None:
        start = next((p.time for p in points if p.time is not None), None)
    return tuple(
        TemplatePoint(
            p.text,
            p.lat,
            p.lon,
            None
            if p.time is None or start is None
            else round((p.time - start).total_seconds() / 3600, 4),
        )
        for p in points
    )


def _point(raw: Any) -> TemplatePoint:
    if not isinstance(raw, dict):
        raise ValueError("point is not an object")
    text = raw.get("text", "")
    hours = raw.get("hours_after_start")
    if not isinstance(text, str):
        raise ValueError("text is not a string")
    for value in (raw.get("lat"), raw.get("lon"), hours):
        if isinstance(value, bool) or not (value is None or isinstance(value, int | float)):
            raise ValueError("a number is expected")
    if raw.get("lat") is None or raw.get("lon") is None:
        raise ValueError("coordinates missing")
    return TemplatePoint(
        text, float(raw["lat"]), float(raw["lon"]), None if hours is None else float(hours)
    )


def _template(raw: Any) -> RouteTemplate | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        return None
    name = raw["name"].strip()
    points = raw.get("points")
    if not name or not isinstance(points, list):
        return None
    good = []
    for item in points:
        try:
            good.append(_point(item))
        except (ValueError, TypeError):
            log.warning("route template %r: a bad point skipped", name)
    return RouteTemplate(name, tuple(good)) if good else None


class RouteTemplates:
    """The saved route templates of this computer (shared by all profiles)."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths

    @property
    def path(self) -> Path:
        return self.paths.config_dir / FILE_NAME

    def _load(self) -> list[RouteTemplate]:
        found: dict[str, RouteTemplate] = {}
        for raw in read_templates(self.path, "route templates"):
            template = _template(raw)
            if template is not None:
                found[template.name.casefold()] = template
        return list(found.values())

    def _store(self, templates: Iterable[RouteTemplate]) -> None:
        atomic_write_json(
            self.path,
            {
                "version": FILE_VERSION,
                "templates": [
                    {
                        "name": t.name,
                        "points": [
                            {
                                "text": p.text,
                                "lat": p.lat,
                                "lon": p.lon,
                                "hours_after_start": p.hours_after_start,
                            }
                            for p in t.points
                        ],
                    }
                    for t in templates
                ],
            },
        )

    def list(self) -> list[RouteTemplate]:
        """All templates, sorted by name (case-insensitive)."""
        return sorted(self._load(), key=lambda t: t.name.casefold())

    def get(self, name: str) -> RouteTemplate | None:
        key = name.strip().casefold()
        return next((t for t in self._load() if t.name.casefold() == key), None)

    def save(self, name: str, points: Sequence[TemplatePoint]) -> bool:
        """Save (or replace, names compared case-insensitively) a template.

        Returns True when one of that name was replaced. Raises ValueError for an empty
        or over-long name or no points.
        """
        name = name.strip()
        if not name or len(name) > NAME_MAX:
            raise ValueError("template name must be 1..100 characters")
        if not points:
            raise ValueError("a template needs at least one point")
        templates = self._load()
        kept = [t for t in templates if t.name.casefold() != name.casefold()]
        kept.append(RouteTemplate(name, tuple(points)))
        self._store(kept)
        return len(kept) == len(templates)

    def delete(self, name: str) -> bool:
        """Remove a template; False when there was none of that name."""
        templates = self._load()
        kept = [t for t in templates if t.name.casefold() != name.strip().casefold()]
        if len(kept) == len(templates):
            return False
        self._store(kept)
        return True


__all__ = ["RouteTemplate", "RouteTemplates", "TemplatePoint", "template_points"]

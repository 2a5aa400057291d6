"""The window's features: one line each in :data:`FEATURES`, built by :class:`Features`.

A feature is a :class:`~movizor_desktop.ui.shell.Feature` subclass in a module (or package)
of its own here, using the window only through :class:`~movizor_desktop.ui.shell.Shell`
(an import-linter contract keeps it so; features do not import each other either). Adding
one is writing that module and adding its line below; nothing else changes.

Each line names when the feature is built:

* ``WINDOW`` — with the window (help, diagnostics, preferences: small modules, needed at
  once);
* ``WORKFLOWS`` — once the list has painted its first rows (their modules cost about 0.2 s
  to import; cold start does not pay for them): the app calls
  ``window.features.start(WORKFLOWS)``; a window built with ``workflows=True`` (tests)
  builds them at once;
* ``MAP`` — when the app has loaded the map's modules in a worker thread (folium's
  templates, QtWebEngine), after the workflows.

A feature that fails to build is logged and left out: the window works without it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:
    from ..shell import Feature, Shell

log = logging.getLogger(__name__)

Stage = Literal["window", "workflows", "map"]
WINDOW: Stage = "window"
WORKFLOWS: Stage = "workflows"
MAP: Stage = "map"
STAGES: tuple[Stage, ...] = (WINDOW, WORKFLOWS, MAP)
F = TypeVar("F", bound="Feature")


@dataclass(frozen=True, slots=True)
class FeatureLine:
    name: str
    target: str  # "module:Class", the module relative to this package
    stage: Stage = WORKFLOWS


# Menus fill in this order: a feature's menu entries follow the ones of the lines above it.
FEATURES: tuple[FeatureLine, ...] = (
    FeatureLine("help", ".help:HelpActions", WINDOW),
    FeatureLine("diagnostics", ".diagnostics:Diagnostics", WINDOW),
    FeatureLine("preferences", ".preferences.feature:Preferences", WINDOW),
    FeatureLine("desktop_alerts", ".desktop_alerts.feature:DesktopAlerts"),
    FeatureLine("client_links", ".client_links.feature:ClientLinks"),
    FeatureLine("alert_subscriptions", ".alert_subscriptions.feature:AlertSubscriptions"),
    FeatureLine("exports", ".exports.feature:Exports"),
    FeatureLine("printing", ".printing.feature:Printing"),
    FeatureLine("bulk_import", ".bulk_import.feature:ImportTool"),
    FeatureLine("trip_planner", ".trip_planner.feature:TripPlanner"),
    FeatureLine("map", ".map.feature:MapLink", MAP),
)


class Features:
    """The features of one window: built stage by stage, found by type or name."""

    def __init__(self, shell: Shell, lines: tuple[FeatureLine, ...] = FEATURES) -> None:
        self.shell = shell
        self.lines = lines
        self._built: dict[str, Feature] = {}
        self._started: set[Stage] = set()

    def start(self, stage: Stage) -> list[Feature]:
        """Build the features of ``stage`` (once; later calls return nothing new)."""
        if stage in self._started:
            return []
        self._started.add(stage)
        built = []
        for line in self.lines:
            if line.stage != stage:
                continue
            try:
                module, _, attr = line.target.partition(":")
                kind: type[Feature] = getattr(import_module(module, __name__), attr)
                kind.name = line.name
                feature = kind(self.shell)
                feature.retranslate()
            except Exception:
                log.exception(
                    "the %s feature could not be built; the window runs without it", line.name
                )
                continue
            self._built[line.name] = feature
            built.append(feature)
        return built

    def started(self, stage: Stage) -> bool:
        return stage in self._started

    def get(self, kind: type[F]) -> F | None:
        """The feature of type ``kind``, if this window built it."""
        for feature in self._built.values():
            if isinstance(feature, kind):
                return feature
        return None

    def __getitem__(self, name: str) -> Feature:
        return self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._built

    def __iter__(self) -> Iterator[Feature]:
        return iter(list(self._built.values()))

    def shutdown(self) -> None:
        """Every feature's :meth:`~movizor_desktop.ui.shell.Feature.shutdown`, last first."""
        for feature in reversed(list(self._built.values())):
            try:
                feature.shutdown()
            except Exception:
                log.exception("the %s feature failed to shut down", feature.name)


__all__ = ["FEATURES", "MAP", "STAGES", "WINDOW", "WORKFLOWS", "FeatureLine", "Features", "Stage"]

"""Saved trip plan templates in ``config_dir/plans.json``. No Qt.

A template is a plan whose window times are kept relative to its first time
(:func:`~movizor_desktop.planning.plan.template_to_json`), so loading one re-times it from
the moment the dispatcher picks. Reading never fails: a missing file is an empty list, an
unreadable one is moved aside (``plans.json.corrupt-<timestamp>``) and a template that
cannot be read is skipped on its own. Every change rewrites the file atomically
(:func:`.files.write_atomic`: a crash leaves the old file or the new one).
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from ..planning.plan import (
    NAME_MAX,
    Plan,
    PlanFormatError,
    template_from_json,
    template_to_json,
)
from .files import read_templates, write_atomic
from .paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "plans.json"
FILE_VERSION = 1
TEMPLATES_MAX = 500


class PlanTemplates:
    """The plan templates of this computer (shared by all profiles)."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths

    @property
    def path(self) -> Path:
        return self.paths.config_dir / FILE_NAME

    def _documents(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for raw in read_templates(self.path, "plan templates"):
            name = raw.get("name") if isinstance(raw, dict) else None
            if isinstance(name, str) and name.strip():
                found[name.strip().casefold()] = raw
        return list(found.values())

    def _store(self, documents: list[dict[str, Any]]) -> None:
        text = (
            json.dumps(
                {"version": FILE_VERSION, "templates": documents}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
        data = text.encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, lambda handle: handle.write(data))

    def names(self) -> list[str]:
        """The templates' names, sorted case-insensitively."""
        return sorted((d["name"].strip() for d in self._documents()), key=str.casefold)

    def load(self, name: str, anchor: datetime) -> Plan | None:
        """The template ``name`` re-timed so its first time is ``anchor``; None when there is
        no such template or it cannot be read (logged)."""
        key = name.strip().casefold()
        for document in self._documents():
            if document["name"].strip().casefold() == key:
                try:
                    return template_from_json(document, anchor)
                except PlanFormatError as exc:
                    log.warning("plan template %r unreadable: %s", name, exc)
                    return None
        return None

    def save(self, plan: Plan) -> bool:
        """Save (or replace, names compared case-insensitively) ``plan`` as a template.

        Returns True when one of that name was replaced. Raises ValueError for an empty or
        over-long name, a plan without points, or too many templates.
        """
        name = plan.name.strip()
        if not name or len(name) > NAME_MAX:
            raise ValueError(f"a template name must be 1..{NAME_MAX} characters")
        if not plan.points:
            raise ValueError("a template needs at least one point")
        documents = self._documents()
        kept = [d for d in documents if d["name"].strip().casefold() != name.casefold()]
        if len(kept) >= TEMPLATES_MAX:
            raise ValueError(f"at most {TEMPLATES_MAX} templates")
        kept.append(template_to_json(plan))
        self._store(kept)
        return len(kept) == len(documents)

    def delete(self, name: str) -> bool:
        """Remove a template; False when there was none of that name."""
        documents = self._documents()
        kept = [d for d in documents if d["name"].strip().casefold() != name.strip().casefold()]
        if len(kept) == len(documents):
            return False
        self._store(kept)
        return True


__all__ = ["PlanTemplates"]

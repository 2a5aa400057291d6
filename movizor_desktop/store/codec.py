"""JSON codec for what the cache stores: fleet rows (with details), fixes and events.

The round trip is exact: ``row_from_json(row_to_json(row)) == row``.

* Datetimes are ISO 8601 with their UTC offset (naive ones stay naive).
* :class:`~movizor_desktop.api.models.ObjectInfo` is written with
  ``model_dump(mode="json")`` and read back with ``model_validate``. The models'
  validators take the *server's* shapes, so two fields are turned back into them first:
  ``metadata`` values are HTML-escaped again (the validator unescapes them) and the
  schedule's ``{"days", "times"}`` becomes ``{"sw1".."sw7", "st"}``. Timestamps need no
  help: the models accept ISO strings.
* Unknown keys are ignored and missing ones take the field's default, so rows written by
  an older or newer version of :class:`FleetRow` still load.
* Output is compact UTF-8 JSON; a text holding a lone surrogate (from a broken server
  answer) is written with ``\\uXXXX`` escapes instead, so SQLite can always store it.
"""

from __future__ import annotations

import dataclasses
import html
import json
from datetime import datetime
from typing import Any

from pydantic_core import PydanticSerializationError

from ..api.models import Event, ObjectInfo, Position
from ..fleet import FleetRow

_DATETIME_FIELDS = frozenset({"fix_time", "details_at"})
_ROW_FIELDS = {f.name: f for f in dataclasses.fields(FleetRow)}
_PLAIN_FIELDS = tuple(name for name in _ROW_FIELDS if name != "details")


def dumps(data: Any) -> str:
    """Compact JSON: UTF-8 text, or ASCII escapes when a lone surrogate is present."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (broken server answer): SQLite refuses it
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text


# --- datetimes --------------------------------------------------------------------------


def datetime_to_json(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def datetime_from_json(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


# --- ObjectInfo ---------------------------------------------------------------------------


def details_to_dict(info: ObjectInfo) -> dict[str, Any]:
    """``info`` as plain JSON data (ISO datetimes, lists)."""
    return info.model_dump(mode="json")


def _server_shapes(data: dict[str, Any]) -> dict[str, Any]:
    """Turn our dump back into the shapes ObjectInfo's validators expect."""
    data = dict(data)
    metadata = data.get("metadata")
    if isinstance(metadata, dict):
        data["metadata"] = {html.escape(str(k)): html.escape(str(v)) for k, v in metadata.items()}
    schedule = data.get("schedule")
    if isinstance(schedule, dict) and ("days" in schedule or "times" in schedule):
        days = {int(d) for d in schedule.get("days") or () if str(d).isdigit()}
        server: dict[str, Any] = {f"sw{d}": 1 if d in days else 0 for d in range(1, 8)}
        server["st"] = list(schedule.get("times") or ())
        data["schedule"] = server
    return data


def details_from_dict(data: dict[str, Any]) -> ObjectInfo:
    """The inverse of :func:`details_to_dict`."""
    return ObjectInfo.model_validate(_server_shapes(data))


# --- FleetRow -----------------------------------------------------------------------------


def _plain_fields(row: FleetRow) -> dict[str, Any]:
    """Every field but ``details`` as plain JSON data."""
    out: dict[str, Any] = {}
    for name in _PLAIN_FIELDS:
        value = getattr(row, name)
        if name in _DATETIME_FIELDS:
            value = datetime_to_json(value)
        elif name == "tags":
            value = list(value)
        out[name] = value
    return out


def row_to_dict(row: FleetRow) -> dict[str, Any]:
    """``row`` as plain JSON data."""
    out = _plain_fields(row)
    out["details"] = None if row.details is None else details_to_dict(row.details)
    return out


def row_from_dict(data: dict[str, Any]) -> FleetRow:
    """A row from :func:`row_to_dict`'s output (unknown keys ignored, missing defaulted)."""
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name not in _ROW_FIELDS:
            continue
        if name in _DATETIME_FIELDS:
            value = datetime_from_json(value)
        elif name == "tags":
            value = tuple(str(t) for t in value) if isinstance(value, list) else ()
        elif name == "details":
            value = details_from_dict(value) if isinstance(value, dict) else None
        kwargs[name] = value
    return FleetRow(**kwargs)


def row_to_json(row: FleetRow) -> str:
    """``row`` as JSON; the details are serialized by pydantic (about 2x faster)."""
    if row.details is None:
        return dumps(row_to_dict(row))
    head = _plain_fields(row)
    try:
        body = row.details.model_dump_json()
    except PydanticSerializationError:  # a lone surrogate: fall back to escaped JSON
        body = dumps(details_to_dict(row.details))
    return f'{dumps(head)[:-1]},"details":{body}}}'


def row_from_json(text: str) -> FleetRow:
    """Raises ValueError (incl. json.JSONDecodeError, pydantic's ValidationError) or
    TypeError on data that is not a row."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a fleet row must be a JSON object")
    return row_from_dict(data)


# --- fixes and events ---------------------------------------------------------------------


def position_to_json(position: Position) -> str:
    return dumps(position.model_dump(mode="json"))


def position_from_json(text: str) -> Position:
    return Position.model_validate_json(text)


def event_to_json(event: Event) -> str:
    return dumps(event.model_dump(mode="json"))


def event_from_json(text: str) -> Event:
    return Event.model_validate_json(text)

"""Drivers' mandatory breaks and rests as data: rule sets read from JSON files. No Qt.

The rules change by law, not by release: the default set follows the Ministry of
Transport's order No. 424 of 16.10.2020, which is in force only until 01.01.2027. So a rule
set is a file (``resources/planning/rest-rules/*.json`` ship two; a dispatcher may choose
one of their own), it records the period it is valid for, and :meth:`RuleSet.status` says
when it has expired, for a ``now`` the caller passes in.

A rule set file::

    {
      "format": "movizor-rest-rules", "version": 1,
      "id": "ru-424-tachograph",
      "name": {"en": "…", "ru": "…"},          # or one string
      "source": "where the numbers come from",
      "valid_from": "2021-01-01",               # optional, ISO dates (Moscow)
      "valid_until": "2027-01-01",              # optional, exclusive: in force *until* it
      "break": {"after_driving_min": 270, "duration_min": 45,
                "then_every_driving_min": 120, "then_duration_min": 15},  # "then_" optional
      "day": {"max_driving_min": 540, "max_duty_min": 780, "rest_min": 660}
    }                                           # max_duty_min optional (null: no limit)

* ``break``: after ``after_driving_min`` minutes of driving the driver stops for at least
  ``duration_min``; the next breaks come every ``then_every_driving_min`` minutes of driving
  and last ``then_duration_min`` (both default to the first pair).
* ``day``: at most ``max_driving_min`` of driving between two daily rests; the working day
  (driving, breaks, loading, waiting) spans at most ``max_duty_min`` from the end of the
  last daily rest; a daily rest lasts ``rest_min``.

:func:`load_rule_set` reads a user's file and raises :class:`RuleSetError` listing every
problem (``problems``: field, reason key, English detail) so the Preferences can show them
all at once in the user's language.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..api.encoding import to_msk

FORMAT = "movizor-rest-rules"
FORMAT_VERSION = 1
DEFAULT_RULES_ID = "ru-424-tachograph"
FILE_MAX_BYTES = 256 * 1024  # a rule set is a few hundred bytes; refuse anything huge
MINUTES_MAX = 24 * 60 * 7  # no rule period is longer than a week
ID_MAX = 64
TEXT_MAX = 2000


class Validity(StrEnum):
    NOT_YET = "not_yet"  # before valid_from
    VALID = "valid"
    EXPIRED = "expired"  # on or after valid_until


@dataclass(frozen=True, slots=True)
class RuleStatus:
    validity: Validity
    days_left: int | None  # whole days until valid_until (None: open-ended or expired)

    @property
    def usable(self) -> bool:
        return self.validity is Validity.VALID


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One set of rules, in minutes."""

    id: str
    names: dict[str, str]  # language → name ("" key: the only name given)
    source: str
    break_after_min: float
    break_min: float
    next_break_after_min: float
    next_break_min: float
    day_driving_min: float
    day_duty_min: float | None
    daily_rest_min: float
    valid_from: date | None = None
    valid_until: date | None = None  # exclusive
    path: Path | None = None  # where it was read from
    # what the planner derives from the rules once (planning.driving's day cycle)
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def name(self, language: str = "en") -> str:
        """The name in ``language``, else English, else any."""
        for key in (language, "en", ""):
            if self.names.get(key):
                return self.names[key]
        return next(iter(self.names.values()), self.id)

    def status(self, now: datetime) -> RuleStatus:
        """Whether the set is in force on ``now``'s date in Moscow (an aware datetime)."""
        today = to_msk(now).date()
        if self.valid_from is not None and today < self.valid_from:
            return RuleStatus(Validity.NOT_YET, None)
        if self.valid_until is not None:
            if today >= self.valid_until:
                return RuleStatus(Validity.EXPIRED, None)
            return RuleStatus(Validity.VALID, (self.valid_until - today).days)
        return RuleStatus(Validity.VALID, None)

    def expired(self, now: datetime) -> bool:
        return self.status(now).validity is Validity.EXPIRED


@dataclass(frozen=True, slots=True)
class RuleProblem:
    field: str  # "break.duration_min", "" for the file as a whole
    reason: str  # one of REASONS
    detail: str  # English, for logs and tests

    def __str__(self) -> str:
        return f"{self.field}: {self.detail}" if self.field else self.detail


REASONS = (
    "unreadable",
    "too_big",
    "not_json",
    "not_object",
    "format",
    "version",
    "missing",
    "type",
    "range",
    "order",
    "date",
)


class RuleSetError(ValueError):
    """A rule set that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[RuleProblem], origin: str = "") -> None:
        self.problems = problems
        self.origin = origin
        where = f"{origin}: " if origin else ""
        super().__init__(where + "; ".join(str(p) for p in problems))


class _Reader:
    """Collects problems while reading a parsed document."""

    def __init__(self) -> None:
        self.problems: list[RuleProblem] = []

    def fail(self, field: str, reason: str, detail: str) -> None:
        self.problems.append(RuleProblem(field, reason, detail))

    def section(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(key, "missing" if value is None else "type", "an object is required")
            return {}
        return value

    def minutes(
        self, data: dict[str, Any], field: str, *, required: bool = True, low: float = 1
    ) -> float | None:
        name = field.rsplit(".", 1)[-1]
        value = data.get(name)
        if value is None:
            if required:
                self.fail(field, "missing", "a number of minutes is required")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(field, "type", f"a number of minutes is required, not {value!r}")
            return None
        if not math.isfinite(value) or not low <= value <= MINUTES_MAX:
            self.fail(field, "range", f"must be between {low:g} and {MINUTES_MAX} minutes")
            return None
        return float(value)

    def text(self, data: dict[str, Any], field: str, *, limit: int = TEXT_MAX) -> str:
        value = data.get(field, "")
        if not isinstance(value, str):
            self.fail(field, "type", "text is required")
            return ""
        if len(value) > limit:
            self.fail(field, "range", f"longer than {limit} characters")
            return ""
        return "".join(c for c in value if c.isprintable())

    def names(self, data: dict[str, Any]) -> dict[str, str]:
        value = data.get("name")
        if isinstance(value, str) and value.strip():
            return {"": self.text(data, "name", limit=200).strip()}
        if (
            isinstance(value, dict)
            and value
            and all(
                isinstance(k, str) and isinstance(v, str) and v.strip() and len(v) <= 200
                for k, v in value.items()
            )
        ):
            return {
                k.strip().lower(): "".join(c for c in v if c.isprintable()).strip()
                for k, v in value.items()
            }
        self.fail(
            "name",
            "missing" if value is None else "type",
            'a name, or names by language ({"en": …, "ru": …}), is required',
        )
        return {}

    def day(self, data: dict[str, Any], field: str) -> date | None:
        value = data.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(field, "type", "a date (YYYY-MM-DD) is required")
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.fail(field, "date", f"not a date (YYYY-MM-DD): {value!r}")
            return None


def parse_rule_set(data: Any, *, origin: str = "", path: Path | None = None) -> RuleSet:
    """A :class:`RuleSet` from a parsed JSON document; raises :class:`RuleSetError`."""
    if not isinstance(data, dict):
        raise RuleSetError([RuleProblem("", "not_object", "the file holds no JSON object")], origin)
    r = _Reader()
    if data.get("format") != FORMAT:
        r.fail("format", "format", f"not a rest rule set (format must be {FORMAT!r})")
        raise RuleSetError(r.problems, origin)
    version = data.get("version")
    if version != FORMAT_VERSION:
        r.fail(
            "version",
            "version",
            f"version {version!r} is not supported (this program reads version {FORMAT_VERSION})",
        )
        raise RuleSetError(r.problems, origin)
    rule_id = r.text(data, "id", limit=ID_MAX).strip()
    if not rule_id:
        r.fail("id", "missing", "an id is required")
    names = r.names(data)
    source = r.text(data, "source").strip()
    valid_from, valid_until = r.day(data, "valid_from"), r.day(data, "valid_until")
    if valid_from and valid_until and valid_until <= valid_from:
        r.fail("valid_until", "order", "must be after valid_from")
    brk, day = r.section(data, "break"), r.section(data, "day")
    after = r.minutes(brk, "break.after_driving_min")
    duration = r.minutes(brk, "break.duration_min")
    then_after = r.minutes(brk, "break.then_every_driving_min", required=False)
    then_duration = r.minutes(brk, "break.then_duration_min", required=False)
    driving = r.minutes(day, "day.max_driving_min")
    duty = r.minutes(day, "day.max_duty_min", required=False)
    rest = r.minutes(day, "day.rest_min")
    if driving is not None and duty is not None and duty < driving:
        r.fail("day.max_duty_min", "order", "the working day cannot be shorter than its driving")
    if driving is not None and driving > 24 * 60:
        r.fail("day.max_driving_min", "range", "more than 24 hours of driving a day")
    if r.problems:
        raise RuleSetError(r.problems, origin)
    assert after is not None and duration is not None and driving is not None
    assert rest is not None
    return RuleSet(
        id=rule_id,
        names=names,
        source=source,
        break_after_min=after,
        break_min=duration,
        next_break_after_min=then_after if then_after is not None else after,
        next_break_min=then_duration if then_duration is not None else duration,
        day_driving_min=driving,
        day_duty_min=duty,
        daily_rest_min=rest,
        valid_from=valid_from,
        valid_until=valid_until,
        path=path,
    )


def load_rule_set(path: str | Path) -> RuleSet:
    """Read a rule set file; raises :class:`RuleSetError` saying everything that is wrong."""
    path = Path(path)
    origin = path.name
    try:
        with path.open("rb") as handle:
            raw = handle.read(FILE_MAX_BYTES + 1)
    except OSError as exc:
        raise RuleSetError(
            [RuleProblem("", "unreadable", exc.strerror or str(exc))], origin
        ) from exc
    if len(raw) > FILE_MAX_BYTES:
        raise RuleSetError(
            [RuleProblem("", "too_big", f"larger than {FILE_MAX_BYTES // 1024} KB")], origin
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise RuleSetError([RuleProblem("", "not_json", "not UTF-8 text")], origin) from exc
    except json.JSONDecodeError as exc:
        raise RuleSetError(
            [
                RuleProblem(
                    "", "not_json", f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
                )
            ],
            origin,
        ) from exc
    return parse_rule_set(data, origin=origin, path=path)


def builtin_folder() -> Path:
    """Where the shipped rule sets are (``resources/planning/rest-rules``)."""
    from ..resources import resources_dir

    return resources_dir() / "planning" / "rest-rules"


def builtin_rule_sets(folder: Path | None = None) -> list[RuleSet]:
    """The shipped rule sets, the default first, then by id (a broken file is skipped)."""
    folder = folder if folder is not None else builtin_folder()
    sets = []
    for path in sorted(folder.glob("*.json")):
        try:
            sets.append(load_rule_set(path))
        except RuleSetError:
            continue  # the tests keep the shipped files valid
    return sorted(sets, key=lambda s: (s.id != DEFAULT_RULES_ID, s.id))


def default_rule_set(folder: Path | None = None) -> RuleSet:
    """The shipped default (:data:`DEFAULT_RULES_ID`); raises LookupError if it is gone."""
    for rule_set in builtin_rule_sets(folder):
        if rule_set.id == DEFAULT_RULES_ID:
            return rule_set
    raise LookupError(f"the default rule set {DEFAULT_RULES_ID!r} is missing")


def chosen_rule_set(
    rules_id: str = "", path: str | Path = "", folder: Path | None = None
) -> RuleSet:
    """The rule set the settings name: the user's file at ``path`` when one is chosen, else
    the shipped set ``rules_id`` ("" or an id no longer shipped: the default).

    A chosen file that cannot be used raises :class:`RuleSetError` (the caller says so and
    decides whether to fall back to :func:`default_rule_set`).
    """
    if str(path).strip():
        return load_rule_set(path)
    if rules_id:
        for rule_set in builtin_rule_sets(folder):
            if rule_set.id == rules_id:
                return rule_set
    return default_rule_set(folder)


__all__ = [
    "DEFAULT_RULES_ID",
    "FORMAT",
    "FORMAT_VERSION",
    "REASONS",
    "RuleProblem",
    "RuleSet",
    "RuleSetError",
    "RuleStatus",
    "Validity",
    "builtin_folder",
    "builtin_rule_sets",
    "chosen_rule_set",
    "default_rule_set",
    "load_rule_set",
    "parse_rule_set",
]

"""Helpers of the planning tests: rule sets built in the test, points a known distance
apart, Moscow times."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from movizor_desktop.api.encoding import MSK
from movizor_desktop.planning.geo import EARTH_RADIUS_KM
from movizor_desktop.planning.rules import RuleSet, parse_rule_set

KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180  # along a meridian
ORIGIN = (50.0, 40.0)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def north(km: float, origin: tuple[float, float] = ORIGIN) -> tuple[float, float]:
    """The point ``km`` great-circle kilometres due north of ``origin``."""
    return origin[0] + km / KM_PER_DEGREE, origin[1]


def rules_document(**changes: Any) -> dict[str, Any]:
    """A valid rule set document (the AETR numbers), with ``changes`` merged in."""
    doc: dict[str, Any] = {
        "format": "movizor-rest-rules",
        "version": 1,
        "id": "test-aetr",
        "name": {"en": "Test AETR", "ru": "Тест ЕСТР"},
        "source": "the tests",
        "valid_from": "2021-01-01",
        "valid_until": "2027-01-01",
        "break": {"after_driving_min": 270, "duration_min": 45},
        "day": {"max_driving_min": 540, "max_duty_min": 780, "rest_min": 660},
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(doc.get(key), dict):
            doc[key] = {**doc[key], **value}
        else:
            doc[key] = value
    return doc


def aetr(**changes: Any) -> RuleSet:
    return parse_rule_set(rules_document(**changes))


NO_TACHOGRAPH = {
    "break": {
        "after_driving_min": 240,
        "duration_min": 15,
        "then_every_driving_min": 120,
        "then_duration_min": 15,
    },
    "day": {"max_driving_min": 540, "max_duty_min": 720, "rest_min": 720},
}

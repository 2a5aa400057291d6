"""The arrival model the route editor judges legs with, as the Preferences choose it.

:func:`leg_check_for` turns the settings (average speed, detour factor, rest rules: a
shipped set or a file of the user's own) into a :class:`~...planning.legs.LegCheck`. The
rule file is read once per choice and kept (:func:`remember` stores what the Preferences
read and checked when saving, so a dialog opening later reads nothing from the disk). A
file that has become unusable since it was chosen gives the shipped default rules, with
the file named in ``LegCheck.unusable_file`` (the editor says so).
"""

from __future__ import annotations

import logging

from ...planning import LegCheck, Pace, RuleSet, RuleSetError
from ...planning.rules import chosen_rule_set
from ...store.settings import AppSettings

log = logging.getLogger(__name__)

Key = tuple[str, str]
_rules: dict[Key, RuleSet] = {}
_unusable: set[Key] = set()  # chosen files that could not be read: the default stands in


def _key(settings: AppSettings) -> Key:
    return (settings.rest_rules_id, settings.rest_rules_path)


def remember(settings: AppSettings, rules: RuleSet) -> None:
    """Keep the rule set the Preferences read for ``settings`` (read nothing again)."""
    _rules[_key(settings)] = rules
    _unusable.discard(_key(settings))


def _rule_set(settings: AppSettings) -> RuleSet:
    key = _key(settings)
    if key not in _rules:
        try:
            _rules[key] = chosen_rule_set(*key)
        except RuleSetError as exc:
            log.warning("the chosen rest rules cannot be used (%s); the default is used", exc)
            _unusable.add(key)
            _rules[key] = chosen_rule_set()
    return _rules[key]


def leg_check_for(settings: AppSettings) -> LegCheck:
    """The rules and pace the settings choose (the default rules if the file is broken)."""
    rules = _rule_set(settings)
    return LegCheck(
        rules,
        Pace(settings.planning_speed_kmh, settings.planning_circuity),
        settings.rest_rules_path if _key(settings) in _unusable else "",
    )


__all__ = ["leg_check_for", "remember"]

"""The *Planning* page of File → Preferences: the arrival model the route editor (and the
planning workspace) judge with (``docs/planning.md``).

* **Average truck speed** (5–130 km/h; 60 by default): a loaded truck's average with its
  stops for fuel and traffic. The drivers' breaks and rests come on top, by the rules.
* **Detour factor** (1.00–3.00; 1.20 by default): road distance = straight line × it. The
  tooltip says where the default comes from.
* **Rest rules**: the shipped sets by name, or *From a file…*: a rule set file of the
  user's own (the order behind the default expires on 01.01.2027; a new one is a file, not
  a release). A chosen file is read and checked off the Qt thread at once; every problem
  is listed under the field in the user's language and the dialog will not save it. A set
  whose validity has ended (judged on Movizor's clock, ``now``) is usable but warned about
  with its date.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....planning import DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH, RuleSet, RuleSetError
from ....planning.arrival import SPEED_MAX_KMH, SPEED_MIN_KMH
from ....planning.geo import CIRCUITY_MAX, CIRCUITY_MIN
from ....planning.rules import RuleProblem, Validity, builtin_rule_sets, load_rule_set
from ....store.settings import AppSettings
from ...dialogs.widgets import FieldError, Note, add_field
from ...formatting import locale_for
from ...tasks import TaskGroup
from .chooser import open_chooser

BUILTIN, FILE, CHOOSE = "builtin", "file", "choose"
FILE_FILTER = "*.json"


class PlanningValues(NamedTuple):
    """What the page saves (the :class:`~....store.settings.AppSettings` fields)."""

    planning_speed_kmh: float
    planning_circuity: float
    rest_rules_id: str
    rest_rules_path: str


class PlanningPage(QWidget):
    """Speed, detour factor and rest rules; :meth:`values` reads them back (or says why
    not); :attr:`rules` is the rule set chosen, once read."""

    def __init__(
        self,
        settings: AppSettings,
        *,
        lang: str = "en",
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prefPlanningPage")
        self.lang = lang
        self.now = now
        self.tasks = TaskGroup("preferences-planning")
        self.builtins = {rule_set.id: rule_set for rule_set in builtin_rule_sets()}
        self.rules: RuleSet | None = None  # the chosen set, once read and usable
        self.problems: list[str] = []  # why the chosen file cannot be used
        self.checking = False
        self._file = ""  # the file chosen (its combo entry), "" for none
        self._previous = 0  # the entry to go back to when the file chooser is cancelled

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.speed_spin = QSpinBox()
        self.speed_spin.setObjectName("prefSpeed")
        self.speed_spin.setRange(round(SPEED_MIN_KMH), round(SPEED_MAX_KMH))
        self.speed_spin.setSuffix(" " + self.tr("km/h"))
        self.circuity_spin = QDoubleSpinBox()
        self.circuity_spin.setObjectName("prefCircuity")
        self.circuity_spin.setLocale(locale_for(lang))
        self.circuity_spin.setDecimals(2)
        self.circuity_spin.setRange(CIRCUITY_MIN, CIRCUITY_MAX)
        self.circuity_spin.setSingleStep(0.05)
        self.circuity_spin.setPrefix("× ")
        self.circuity_spin.setToolTip(
            self.tr(
                "Road distance = the straight line × this factor. The default, {default}, is "
                "the mean of ten Russian city pairs' road distances over their straight lines "
                "(1.06 on trunk roads to 1.32 on regional trips), and the factor the "
                "literature gives: Newell (1980) 1.2; Ballou, Rahardja and Sakai, "
                "Transportation Research A 36 (2002), 1.1–1.4 by country."
            ).format(default=locale_for(lang).toString(DEFAULT_CIRCUITY, "f", 2))
        )
        for spin in (self.speed_spin, self.circuity_spin):  # the notes under them need room
            spin.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rules_combo = QComboBox()
        self.rules_combo.setObjectName("prefRestRules")
        self.rules_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rules_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rules_combo.setMinimumContentsLength(24)
        self.rules_combo.activated.connect(self._rules_activated)
        self.rules_note = Note()
        self.rules_note.setObjectName("prefRestRulesNote")

        self.errors: dict[str, FieldError] = {
            "planning_speed_kmh": add_field(
                form,
                self.tr("Average truck &speed:"),
                self.speed_spin,
                Note(
                    self.tr(
                        "A loaded truck's average with its stops for fuel and traffic "
                        "(default {speed} km/h). The drivers' breaks and rests come on top, "
                        "by the rules below."
                    ).format(speed=round(DEFAULT_SPEED_KMH))
                ),
            ),
            "planning_circuity": add_field(
                form,
                self.tr("&Detour factor:"),
                self.circuity_spin,
                Note(self.tr("Roads are longer than the straight line: hover for the source.")),
            ),
            "rest_rules": add_field(
                form, self.tr("&Rest rules:"), self.rules_combo, self.rules_note
            ),
        }
        self.errors["rest_rules"].setObjectName("prefRestRulesError")
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(
            Note(
                self.tr(
                    "The route editor judges each leg with these: can a truck at this speed, "
                    "with these breaks and rests, arrive by the planned time."
                )
            )
        )
        column.addStretch(1)
        self.load(settings)

    # --- form <-> settings --------------------------------------------------------------------

    def load(self, settings: AppSettings) -> None:
        self.speed_spin.setValue(round(settings.planning_speed_kmh))
        self.circuity_spin.setValue(settings.planning_circuity)
        self._file = settings.rest_rules_path
        self._fill_combo()
        if self._file:
            self._select(FILE, self._file)
            self._check_file(self._file)
        else:
            chosen = settings.rest_rules_id if settings.rest_rules_id in self.builtins else ""
            self._select(BUILTIN, chosen or next(iter(self.builtins), ""))
            self._show_builtin()

    def _fill_combo(self) -> None:
        self.rules_combo.clear()
        for rule_set in self.builtins.values():
            self.rules_combo.addItem(rule_set.name(self.lang), _data(BUILTIN, rule_set.id))
            self.rules_combo.setItemData(
                self.rules_combo.count() - 1, rule_set.source, _TOOLTIP_ROLE
            )
        if self._file:
            self.rules_combo.addItem(
                self.tr("File: {name}").format(name=Path(self._file).name), _data(FILE, self._file)
            )
            self.rules_combo.setItemData(self.rules_combo.count() - 1, self._file, _TOOLTIP_ROLE)
        self.rules_combo.addItem(self.tr("From a file…"), _data(CHOOSE, ""))

    def _select(self, kind: str, value: str) -> None:
        index = self.rules_combo.findData(_data(kind, value))
        self.rules_combo.setCurrentIndex(max(index, 0))
        self._previous = self.rules_combo.currentIndex()

    def choice(self) -> tuple[str, str]:
        """``(rest_rules_id, rest_rules_path)`` as the form says."""
        kind, value = _parse(self.rules_combo.currentData())
        if kind == FILE:
            return "", value
        return ("" if value == next(iter(self.builtins), "") else value), ""

    def values(self) -> PlanningValues | None:
        """The page's settings, or None after showing why they cannot be saved."""
        if self.checking:
            self.errors["rest_rules"].set_message(
                self.tr("The rule file is still being checked: a moment, please.")
            )
            self.rules_combo.setFocus()
            return None
        if self.problems:
            self.rules_combo.setFocus()
            return None
        rules_id, path = self.choice()
        return PlanningValues(
            float(self.speed_spin.value()), round(self.circuity_spin.value(), 2), rules_id, path
        )

    # --- choosing ------------------------------------------------------------------------------

    def _rules_activated(self, index: int) -> None:
        kind, value = _parse(self.rules_combo.itemData(index))
        if kind == CHOOSE:
            self.rules_combo.setCurrentIndex(self._previous)  # until a file is chosen
            self.choose_file()
            return
        self._previous = index
        if kind == FILE:
            self._check_file(value)
        else:
            self._show_builtin()

    def choose_file(self) -> None:
        """Open the file chooser (a rule set: JSON); :meth:`set_file` gets the answer."""
        open_chooser(
            self,
            "prefRestRulesChooser",
            self.tr("Choose a rest rule file"),
            self._file,
            self.tr("Rest rules ({patterns})").format(patterns=FILE_FILTER),
            self.set_file,
        )

    def set_file(self, path: str) -> None:
        """Use the rule file at ``path``: it is read and checked at once (off the Qt
        thread); what is wrong with it is listed under the field."""
        path = path.strip().strip('"')
        if not path:
            return
        self._file = path
        self._fill_combo()
        self._select(FILE, path)
        self._check_file(path)

    def _show_builtin(self) -> None:
        self.checking = False  # a file still being read no longer counts (see _read)
        self.problems = []
        self.errors["rest_rules"].clear_message()
        _kind, value = _parse(self.rules_combo.currentData())
        self.rules = self.builtins.get(value)
        self._show_status()

    def _check_file(self, path: str) -> None:
        self.checking = True
        self.rules = None
        self.problems = []
        self.errors["rest_rules"].clear_message()
        self.rules_note.set_text(self.tr("Reading the rule file…"))
        self.tasks.spawn(self._read(path), slot="check")

    async def _read(self, path: str) -> None:
        try:
            rules: RuleSet | None = await asyncio.to_thread(load_rule_set, path)
            problems: list[RuleProblem] = []
        except RuleSetError as exc:
            rules, problems = None, exc.problems
        if not shiboken6.isValid(self) or self.choice()[1] != path:
            return  # another choice since
        self.checking = False
        self.rules = rules
        self.problems = [rule_problem_text(problem) for problem in problems]
        if self.problems:
            self.rules_note.set_text("")
            self.errors["rest_rules"].set_message(
                self.tr("This file cannot be used:")
                + "\n"
                + "\n".join(f"• {text}" for text in self.problems)
            )
        else:
            self.errors["rest_rules"].clear_message()
            self._show_status()

    def _show_status(self) -> None:
        """The chosen set's validity: in force until when, or expired (a warning)."""
        rules = self.rules
        if rules is None:
            self.rules_note.set_text("")
            return
        status = rules.status(self.now())
        until = _date(rules.valid_until) if rules.valid_until else ""
        if status.validity is Validity.EXPIRED:
            self.rules_note.set_text(
                self.tr(
                    "These rules were in force until {date}: they have expired. Choose the "
                    "rules in force now (a file, if the app has none yet)."
                ).format(date=until),
                ok=False,
            )
        elif status.validity is Validity.NOT_YET:
            assert rules.valid_from is not None
            self.rules_note.set_text(
                self.tr("These rules come into force on {date}.").format(
                    date=_date(rules.valid_from)
                ),
                ok=False,
            )
        elif status.days_left is not None:
            self.rules_note.set_text(
                self.tr("In force until {date} (%n day(s) left).", "", status.days_left).format(
                    date=until
                )
            )
        else:
            self.rules_note.set_text(self.tr("In force with no end date."))


_TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole


def _data(kind: str, value: str) -> str:
    """A combo entry's data: what it is and its id or path."""
    return f"{kind}:{value}"


def _parse(data: object) -> tuple[str, str]:
    kind, _, value = str(data or f"{BUILTIN}:").partition(":")
    return kind, value


def _date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


_POSITION = re.compile(r"line (\d+), column (\d+)")


def rule_problem_text(problem: RuleProblem) -> str:
    """One problem of a rule file, in the user's words (``field`` stays as in the file)."""
    translate = QCoreApplication.translate
    field, reason = problem.field, problem.reason
    if reason == "unreadable":
        return translate("RuleProblems", "The file cannot be read: {detail}").format(
            detail=problem.detail
        )
    if reason == "too_big":
        return translate("RuleProblems", "The file is too big for a rule set (over 256 KB).")
    if reason == "not_json":
        position = _POSITION.search(problem.detail)
        if position:
            return translate(
                "RuleProblems", "The file is not JSON text (line {line}, column {column})."
            ).format(line=position[1], column=position[2])
        return translate("RuleProblems", "The file is not JSON text in UTF-8.")
    if reason == "not_object":
        return translate("RuleProblems", "The file holds no JSON object.")
    if reason == "format":
        return translate(
            "RuleProblems", 'This is not a rest rule set: "format" must be "movizor-rest-rules".'
        )
    if reason == "version":
        return translate(
            "RuleProblems",
            "This version of the rule set format is not supported (the app reads 1).",
        )
    if reason == "missing":
        return translate("RuleProblems", "“{field}” is missing.").format(field=field)
    if reason == "type":
        return translate("RuleProblems", "“{field}” has a value of the wrong kind.").format(
            field=field
        )
    if reason == "range" and field.startswith(("break.", "day.")):
        return translate(
            "RuleProblems",
            "“{field}” is out of range: 1 to 10,080 minutes, at most 24 h of driving a day.",
        ).format(field=field)
    if reason == "range":
        return translate("RuleProblems", "“{field}” is too long.").format(field=field)
    if reason == "order" and field == "valid_until":
        return translate("RuleProblems", "“valid_until” must be later than “valid_from”.")
    if reason == "order":
        return translate(
            "RuleProblems", "“{field}”: the working day cannot be shorter than its driving."
        ).format(field=field)
    if reason == "date":
        return translate("RuleProblems", "“{field}” is not a date (YYYY-MM-DD).").format(
            field=field
        )
    return problem.detail


__all__ = ["PlanningPage", "PlanningValues", "rule_problem_text"]

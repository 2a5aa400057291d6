"""Rest rule sets as data: the shipped files, a user's file with every problem named, and the
validity period judged against a ``now`` passed in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from movizor_desktop.planning.rules import (
    DEFAULT_RULES_ID,
    FILE_MAX_BYTES,
    REASONS,
    RuleSetError,
    Validity,
    builtin_folder,
    builtin_rule_sets,
    chosen_rule_set,
    default_rule_set,
    load_rule_set,
    parse_rule_set,
)
from tests.kits.planning import msk, rules_document


def write(tmp_path: Path, data: object, name: str = "rules.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- the shipped sets ----------------------------------------------------------------------


def test_the_shipped_default_follows_order_424_and_aetr() -> None:
    rules = default_rule_set()
    assert rules.id == DEFAULT_RULES_ID == "ru-424-tachograph"
    assert (rules.break_after_min, rules.break_min) == (270, 45)  # 4 h 30 min, then 45 min
    assert (rules.next_break_after_min, rules.next_break_min) == (270, 45)
    assert rules.day_driving_min == 9 * 60
    assert rules.daily_rest_min == 11 * 60
    assert rules.day_duty_min == 13 * 60  # the rest falls within 24 h of the last one
    assert rules.valid_from.isoformat() == "2021-01-01"
    assert rules.valid_until.isoformat() == "2027-01-01"
    assert "409550" in rules.source and "424" in rules.source
    assert rules.name("ru").startswith("Россия") and rules.name("en").startswith("Russia")


def test_every_shipped_file_is_valid_and_the_default_comes_first() -> None:
    files = sorted(builtin_folder().glob("*.json"))
    assert len(files) >= 2
    for path in files:
        load_rule_set(path)  # raises on any problem
    sets = builtin_rule_sets()
    assert [s.id for s in sets] == ["ru-424-tachograph", "ru-424-no-tachograph"]
    without = sets[1]
    assert (without.break_after_min, without.break_min) == (240, 15)  # after the first 4 h
    assert (without.next_break_after_min, without.next_break_min) == (120, 15)  # every 2 h
    assert without.day_driving_min == 540


def test_a_broken_file_among_the_shipped_ones_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, rules_document(id=DEFAULT_RULES_ID), "a.json")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    assert [s.id for s in builtin_rule_sets(tmp_path)] == [DEFAULT_RULES_ID]
    with pytest.raises(LookupError):
        default_rule_set(tmp_path / "nothing-here")


# --- validity ------------------------------------------------------------------------------


def test_validity_is_judged_on_the_moscow_date_of_the_given_now() -> None:
    rules = default_rule_set()
    status = rules.status(msk(2026, 12, 7, 12, 0))
    assert status.validity is Validity.VALID and status.usable and status.days_left == 25
    last_day = rules.status(msk(2026, 12, 31, 23, 59))
    assert last_day.validity is Validity.VALID and last_day.days_left == 1
    # 21:30 UTC on 31 December is already 1 January in Moscow: the order no longer applies
    assert rules.status(datetime(2026, 12, 31, 21, 30, tzinfo=UTC)).validity is Validity.EXPIRED
    assert rules.expired(msk(2027, 1, 1, 0, 0)) and not rules.expired(msk(2026, 6, 1))
    assert rules.status(msk(2020, 12, 31, 12)).validity is Validity.NOT_YET


def test_a_set_without_dates_is_always_valid() -> None:
    rules = parse_rule_set(rules_document(valid_from=None, valid_until=None))
    status = rules.status(msk(2040, 1, 1))
    assert status.validity is Validity.VALID and status.days_left is None


# --- a user's file -------------------------------------------------------------------------


def test_a_users_file_loads_with_one_name_and_optional_fields(tmp_path: Path) -> None:
    doc = rules_document(name="Our company's rules", day={"max_duty_min": None})
    del doc["valid_from"]
    rules = load_rule_set(write(tmp_path, doc))
    assert rules.name("ru") == rules.name() == "Our company's rules"
    assert rules.day_duty_min is None and rules.valid_from is None
    assert rules.path == tmp_path / "rules.json"


def test_every_problem_of_a_file_is_named_at_once(tmp_path: Path) -> None:
    doc = rules_document(
        id="",
        name=None,
        **{
            "break": {"after_driving_min": "270", "duration_min": -5},
            "day": {"max_driving_min": 600, "max_duty_min": 500},
        },
    )
    del doc["day"]["rest_min"]
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(write(tmp_path, doc))
    found = {(p.field, p.reason) for p in caught.value.problems}
    assert found == {
        ("id", "missing"),
        ("name", "missing"),
        ("break.after_driving_min", "type"),
        ("break.duration_min", "range"),
        ("day.rest_min", "missing"),
        ("day.max_duty_min", "order"),
    }
    assert all(p.reason in REASONS for p in caught.value.problems)
    assert caught.value.origin == "rules.json"
    assert "break.duration_min: must be between" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": ', "not_json"),
        (b"\xff\xfe\x00garbage", "not_json"),
        (b"[1, 2]", "not_object"),
        (json.dumps(rules_document(format="gpx")).encode(), "format"),
        (json.dumps(rules_document(version=2)).encode(), "version"),
        (json.dumps(rules_document(valid_until="01.01.2027")).encode(), "date"),
        (
            json.dumps(rules_document(valid_from="2027-01-01", valid_until="2026-01-01")).encode(),
            "order",
        ),
        (json.dumps(rules_document(**{"break": []})).encode(), "type"),
        (json.dumps(rules_document(day={"max_driving_min": 20000})).encode(), "range"),
    ],
)
def test_bad_files_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(path)
    assert reason in {p.reason for p in caught.value.problems}


def test_json_errors_name_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "movizor-rest-rules",\n  "version": 1,,\n}', "utf-8")
    with pytest.raises(RuleSetError, match=r"line 3, column 16"):
        load_rule_set(path)


def test_a_missing_or_huge_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(tmp_path / "absent.json")
    assert caught.value.problems[0].reason == "unreadable"
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (FILE_MAX_BYTES + 1))
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(huge)
    assert caught.value.problems[0].reason == "too_big"


def test_a_byte_order_mark_and_control_characters_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    doc = rules_document(name={"en": "Fleet\x07 rules"})
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    assert load_rule_set(path).name() == "Fleet rules"


def test_the_settings_choose_a_file_a_shipped_set_or_the_default(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(rules_document(id="mine-2027")), encoding="utf-8")
    assert chosen_rule_set("ru-424-no-tachograph", mine).id == "mine-2027"  # the file wins
    assert chosen_rule_set("ru-424-no-tachograph").id == "ru-424-no-tachograph"
    assert chosen_rule_set("").id == DEFAULT_RULES_ID
    assert chosen_rule_set("withdrawn-2019").id == DEFAULT_RULES_ID  # no longer shipped
    with pytest.raises(RuleSetError):
        chosen_rule_set("", tmp_path / "gone.json")  # the caller says so; no silent default

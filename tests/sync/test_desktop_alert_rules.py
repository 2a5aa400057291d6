"""Desktop alert decisions without Qt: rules, quiet hours, the watermark, coalescing, the
preferences store, and the gate fed by a real sync engine against the simulator."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

import pytest

from movizor_desktop.api.models import Event
from movizor_desktop.store import AppPaths
from movizor_desktop.store import desktop_alerts as store
from movizor_desktop.sync import SyncEngine
from movizor_desktop.sync.desktop_alerts import (
    DEFAULT_TYPES,
    AlertGate,
    AlertRules,
    QuietHours,
    Watermark,
    parse_clock,
    plan,
)

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 26, 12, 0)  # the dispatcher's wall clock


def ev(
    id_: int | None, kind: str = "reject", phone: str = "79210000001", minutes: int = 0
) -> Event:
    return Event(id=id_, type=kind, phone=phone, timestamp=T0 + timedelta(minutes=minutes))


def at(hour: int, minute: int = 0) -> datetime:
    return NOON.replace(hour=hour, minute=minute)


# --- times and quiet hours --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("22:00", time(22)),
        ("7:05", time(7, 5)),
        (" 07.30 ", time(7, 30)),
        ("00:00", time(0)),
    ],
)
def test_parse_clock_reads_times(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["", "25:00", "12:60", "7", "ab:cd", "12:5", "1200"])
def test_parse_clock_refuses_non_times(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_quiet_hours_wrapping_midnight() -> None:
    night = QuietHours.parse("22:00", "07:00")
    assert night.overnight
    assert [
        night.contains(at(h, m))
        for h, m in ((21, 59), (22, 0), (23, 30), (0, 0), (3, 0), (6, 59), (7, 0), (12, 0))
    ] == [False, True, True, True, True, True, False, False]


def test_quiet_hours_within_a_day_and_empty() -> None:
    lunch = QuietHours.parse("13:00", "14:00")
    assert not lunch.overnight
    assert [lunch.contains(at(h, m)) for h, m in ((12, 59), (13, 0), (13, 59), (14, 0))] == [
        False,
        True,
        True,
        False,
    ]
    assert not QuietHours.parse("08:00", "08:00").contains(at(8))


# --- rules --------------------------------------------------------------------------------


def test_rules_keep_only_chosen_types_newest_first() -> None:
    rules = AlertRules(types=frozenset({"reject", "pos_late"}))
    events = [
        ev(1, "reject", minutes=1),
        ev(2, "confirm", minutes=2),
        ev(3, "pos_late", minutes=3),
        ev(4, "onparking", minutes=4),
    ]
    assert [e.id for e in rules.select(events, NOON)] == [3, 1]


def test_rules_quiet_hours_suppress_everything_and_disabled_too() -> None:
    rules = AlertRules(quiet_hours=QuietHours.parse("22:00", "07:00"))
    events = [ev(1, "reject")]
    assert rules.select(events, at(23, 15)) == []
    assert rules.select(events, at(2)) == []
    assert [e.id for e in rules.select(events, at(7, 1))] == [1]
    assert AlertRules(enabled=False).select(events, NOON) == []


def test_default_types_agree_between_store_and_rules() -> None:
    assert (
        frozenset(store.DEFAULT_TYPES)
        == DEFAULT_TYPES
        == frozenset(
            {
                "pos_late",
                "leftroute",
                "reject",
                "no_confirm",
                "request_error",
                "request_offline",
                "auto_off",
            }
        )
    )


# --- the gate and its watermark -----------------------------------------------------------


def test_unprimed_gate_treats_everything_as_history() -> None:
    gate = AlertGate(AlertRules())
    assert not gate.primed
    assert gate.feed([ev(5), ev(7, "pos_late")], NOON) == []
    assert gate.mark.last_id == 7
    assert gate.prime() is True and gate.prime() is False
    assert gate.feed([ev(5), ev(7, "pos_late")], NOON) == []  # a re-fetch: old news
    assert [e.id for e in gate.feed([ev(7), ev(8, minutes=8)], NOON)] == [8]


def test_primed_gate_with_nothing_seen_announces_the_first_event() -> None:
    gate = AlertGate(AlertRules())
    gate.prime()
    assert [e.id for e in gate.feed([ev(1)], NOON)] == [1]


def test_stored_watermark_means_a_restart_does_not_announce_again() -> None:
    first = AlertGate(AlertRules())
    first.feed([ev(10), ev(11, "no_confirm")], NOON)
    first.prime()
    assert [e.id for e in first.feed([ev(12, "pos_late", minutes=5)], NOON)] == [12]
    restarted = AlertGate(AlertRules(), Watermark(first.mark.last_id, first.mark.last_time))
    assert restarted.primed
    history = [ev(i, "reject", minutes=i) for i in range(1, 13)]
    assert restarted.feed(history, NOON) == []
    assert [e.id for e in restarted.feed([*history, ev(13, minutes=13)], NOON)] == [13]


def test_quiet_and_unchosen_events_still_move_the_watermark() -> None:
    rules = AlertRules(quiet_hours=QuietHours.parse("22:00", "07:00"))
    gate = AlertGate(rules, Watermark())
    assert gate.feed([ev(1), ev(2, "confirm")], at(23)) == []
    assert gate.mark.last_id == 2
    assert gate.feed([ev(1), ev(2, "confirm")], at(9)) == []  # not announced after the night


def test_events_without_an_id_use_the_timestamp() -> None:
    gate = AlertGate(AlertRules(), Watermark())
    assert len(gate.feed([ev(None, minutes=1)], NOON)) == 1
    assert gate.feed([ev(None, minutes=1)], NOON) == []
    assert len(gate.feed([ev(None, minutes=2)], NOON)) == 1
    assert gate.feed([Event(id=None, type="reject", phone="1", timestamp=None)], NOON) == []


def test_plan_shows_few_one_by_one_and_many_as_one_summary() -> None:
    few = [ev(3, phone="3", minutes=3), ev(2, phone="2", minutes=2), ev(1, phone="1")]
    notices = plan(few, burst=3)
    assert [n.events[0].id for n in notices] == [1, 2, 3]  # the newest is shown last
    assert not any(n.summary for n in notices) and notices[-1].phone == "3"
    many = [ev(i, phone=str(i), minutes=i) for i in (5, 4, 3, 2, 1)]
    (summary,) = plan(many, burst=3)
    assert summary.summary and len(summary.events) == 5 and summary.phone == "5"
    assert plan([], burst=3) == []


# --- the store --------------------------------------------------------------------------------


def test_alert_settings_round_trip_and_defaults(app_home) -> None:
    paths = AppPaths()
    assert store.load_desktop_alert_settings(paths) == store.DesktopAlertSettings()
    chosen = store.DesktopAlertSettings(
        enabled=True,
        types=("reject", "add"),
        sound=False,
        quiet=True,
        quiet_from="23:30",
        quiet_to="06:00",
    )
    written = store.save_desktop_alert_settings(paths, chosen)
    assert written.types == ("add", "reject")  # the API's order
    assert store.load_desktop_alert_settings(paths) == written


def test_alert_settings_fix_bad_values_and_survive_a_broken_file(app_home) -> None:
    paths = AppPaths()
    path = paths.config_dir / "alerts.json"
    path.write_text(
        json.dumps(
            {
                "types": ["reject", "nonsense", 3],
                "sound": "yes",
                "quiet": True,
                "quiet_from": "25:00",
                "quiet_to": "06:00",
            }
        )
    )
    loaded = store.load_desktop_alert_settings(paths)
    assert loaded.types == ("reject",) and loaded.sound is True
    assert (loaded.quiet, loaded.quiet_from, loaded.quiet_to) == (True, "22:00", "06:00")
    path.write_text("{not json")
    assert store.load_desktop_alert_settings(paths) == store.DesktopAlertSettings()
    assert not path.exists() and list(paths.config_dir.glob("alerts.json.corrupt-*"))


def test_watermarks_are_kept_per_profile(app_home) -> None:
    paths = AppPaths()
    assert store.load_watermark(paths, "Основной") is None
    store.save_watermark(paths, "Основной", store.StoredWatermark(120, T0))
    store.save_watermark(paths, "Второй", store.StoredWatermark(None, None))
    assert store.load_watermark(paths, "Основной") == store.StoredWatermark(120, T0)
    assert store.load_watermark(paths, "Второй") == store.StoredWatermark(None, None)


# --- with the simulator: the engine's real change sets through the gate -----------------------


def test_gate_on_engine_change_sets_announces_only_the_new_reject(api, run, sim, sim_control):
    api.governor.per_second = 1000
    engine = SyncEngine(api, None, fill_batch=0)
    gate = AlertGate(AlertRules())
    announced: list[Event] = []
    engine.on_change = lambda changes: announced.extend(gate.feed(changes.events, NOON))
    connect = run(engine.connect())
    assert any(e.type in DEFAULT_TYPES for e in connect.events)  # history had candidates
    assert announced == []
    gate.prime()
    phone = next(s.phone for s in sim.world.subs.values() if s.status == "ok")
    waiting = next(s.phone for s in sim.world.subs.values() if s.status == "wait")
    sim_control.reject(phone)
    sim_control.confirm(waiting)  # "confirm" is not chosen by default
    sim_control.advance(1)
    run(engine.cycle())
    assert [(e.type, e.phone) for e in announced] == [("reject", phone)]
    run(engine.cycle())  # nothing new
    assert len(announced) == 1

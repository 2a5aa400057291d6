"""The rules that run by themselves: confirmation, tracking, money at midnight, requests.

Subscriber lifecycle (times are simulated):

* object_add sets status ``new`` (event add). The SMS goes out 1–2 min later and the
  status becomes ``wait``. With ``auto_answer`` the driver then answers: 80 % confirm
  5–40 min after the SMS, 10 % reject after 3–60 min, and 10 % never answer. Whoever has
  not answered 24 h after the add (or after the reactivation) becomes ``no_confirmed``
  (event no_confirm).
* Confirming (event confirm) charges the tariff's abon. A package also starts its 30 days
  there. Tracking starts with a first fix 20–90 s later on every non-manual tariff, then
  one every N minutes plus up to 60 s of operator delay (so about 16 min on tariff "15",
  as captured). The online tariff "1" fixes every 5 min and the package every 60 min.
  Manual gets fixes only from pos_request and from the schedule.
* Schedule fixes (swN = weekday, st = hh:mm МСК) come on top of the periodic ones, on any
  tariff. On manual each one costs the request price.
* 2 % of periodic and scheduled fixes fail. They add no position but set ``pos_error`` and
  ``last_timestamp``, and emit no event (events are emitted for pos_request results only).
* pos_request resolves 30–180 s later. With ``request_success_rate`` (0.85) it gives a fix
  (event request). Otherwise it fails: request_offline 60 %, request_error 30 %,
  request_roaming 10 %. A request whose subscriber stopped being ``ok`` fails with
  request_error.
* At 00:00 МСК, for every subscriber: a pending ``tariff_new`` switches (event
  tariff_auto; an ``ok`` subscriber is charged the new abon). Otherwise an ``ok``
  subscriber on a daily tariff pays its abon, and a package older than 30 days renews
  (package_prolong=1) or falls back to manual (event tariff_auto). Shares' daily request
  counters reset. Money may go below ``-credit`` at midnight: the documents name no
  consequence.
* object_delete of an ``ok`` subscriber sets ``off_new``, then ``off`` 2–5 min later
  (event off). Reaching ``dateoff`` switches new, wait, ok, off_new and limited
  subscribers ``off`` (event auto_off).
* Control (``World.confirm`` and friends) forces a transition from any status.
  ``confirm`` on an ``ok`` subscriber changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import lbs, routing
from .model import FIX, LIFE, OFF, SCHED, Fix, Request, Subscriber
from .msk import DAY, day_start, weekday
from .protocol import Status
from .tariffs import PACKAGE_DAYS

if TYPE_CHECKING:
    from .world import World

__all__ = [
    "added",
    "confirm",
    "disable",
    "dispatch",
    "force_status",
    "no_confirm",
    "reactivated",
    "record_fix",
    "reject",
    "request",
    "schedule_auto_off",
    "start_schedule",
    "switch_tariff",
]

OK, NEW, WAIT = Status.OK.value, Status.NEW.value, Status.WAIT.value
MAX_FIXES = 20_000
FIX_FAILURE_RATE = 0.02
_AUTO_OFF_FROM = frozenset({NEW, WAIT, OK, Status.OFF_NEW.value, Status.LIMITED.value})


# -- transitions ---------------------------------------------------------------------------


def added(w: World, sub: Subscriber) -> None:
    now = w.now
    sub.status, sub.wait_since = NEW, now
    w.emit(sub.phone, "add")
    token = sub.bump(LIFE)
    w.at(now + sub.rng.randint(60, 120), "sms", sub.uid, token)
    w.at(now + DAY, "no_confirm", sub.uid, token)
    schedule_auto_off(w, sub)


def reactivated(w: World, sub: Subscriber) -> None:
    now = w.now
    sub.status, sub.wait_since, sub.confirmed, sub.off_by = WAIT, now, False, ""
    w.emit(sub.phone, "reactivate")
    token = sub.bump(LIFE)
    w.at(now + DAY, "no_confirm", sub.uid, token)
    _plan_answer(w, sub, token)


def _plan_answer(w: World, sub: Subscriber, token: int) -> None:
    now, rng = w.now, sub.rng
    if sub.answer is not None:
        kind, when = sub.answer
        sub.answer = None
        if kind in ("confirm", "reject"):
            w.at(max(now, when), "answer", sub.uid, token, kind)
        return
    if not w.auto_answer:
        return
    roll = rng.random()
    if roll < 0.8:
        w.at(now + rng.randint(5 * 60, 40 * 60), "answer", sub.uid, token, "confirm")
    elif roll < 0.9:
        w.at(now + rng.randint(3 * 60, 60 * 60), "answer", sub.uid, token, "reject")


def confirm(w: World, sub: Subscriber) -> None:
    if sub.status == OK:
        return
    sub.bump(LIFE)
    sub.status, sub.confirmed = OK, True
    w.emit(sub.phone, "confirm")
    w.charge(w.tariffs.abon(sub.operator, sub.tariff))
    if sub.tariff == w.tariffs.package:
        sub.package_since = w.now
    _start_tracking(w, sub)


def _leave(w: World, sub: Subscriber, status: str) -> None:
    if sub.status == OK and status != OK:
        sub.bump(FIX)
        sub.bump(SCHED)
    sub.bump(LIFE)
    sub.status = status


def reject(w: World, sub: Subscriber) -> None:
    _leave(w, sub, Status.REJECTED.value)
    sub.confirmed = False
    w.emit(sub.phone, "reject")


def no_confirm(w: World, sub: Subscriber) -> None:
    _leave(w, sub, Status.NO_CONFIRMED.value)
    sub.confirmed = False
    w.emit(sub.phone, "no_confirm")


def disable(w: World, sub: Subscriber) -> None:
    """object_delete of an ok subscriber: off_new now, off in 2–5 minutes."""
    _leave(w, sub, Status.OFF_NEW.value)
    w.at(w.now + sub.rng.randint(120, 300), "off", sub.uid, sub.tokens[LIFE])


def force_status(w: World, sub: Subscriber, status: str) -> None:
    if status == OK:
        confirm(w, sub)
    elif status == Status.REJECTED:
        reject(w, sub)
    elif status == Status.NO_CONFIRMED:
        no_confirm(w, sub)
    elif status == Status.OFF_NEW:
        disable(w, sub)
    elif status in (NEW, WAIT):
        _leave(w, sub, status)
        sub.wait_since, sub.confirmed = w.now, False
        token = sub.tokens[LIFE]
        w.at(w.now + DAY, "no_confirm", sub.uid, token)
        if status == NEW:
            w.at(w.now + sub.rng.randint(60, 120), "sms", sub.uid, token)
        else:
            _plan_answer(w, sub, token)
    else:
        _leave(w, sub, status)
        if status == Status.LIMITED:
            w.emit(sub.phone, "limit")
        elif status == Status.OFF:
            sub.off_by = "auto"
            w.emit(sub.phone, "off")


def switch_tariff(w: World, sub: Subscriber, tariff: str, *, event: bool) -> None:
    """Make ``tariff`` current now: charged and tracking restarted for an ok subscriber."""
    sub.tariff, sub.tariff_new = tariff, None
    if event:
        w.emit(sub.phone, "tariff_auto")
    if sub.status == OK:
        w.charge(w.tariffs.abon(sub.operator, tariff))
        sub.package_since = w.now if tariff == w.tariffs.package else None
        _start_periodic(w, sub)


def schedule_auto_off(w: World, sub: Subscriber) -> None:
    token = sub.bump(OFF)
    if sub.ts_off:
        w.at(max(sub.ts_off, w.now), "auto_off", sub.uid, token)


# -- tracking ------------------------------------------------------------------------------


def _start_tracking(w: World, sub: Subscriber) -> None:
    _start_periodic(w, sub)
    start_schedule(w, sub)


def _start_periodic(w: World, sub: Subscriber) -> None:
    token = sub.bump(FIX)
    if w.tariffs.interval(sub.tariff):
        w.at(w.now + sub.rng.randint(20, 90), "fix", sub.uid, token)


def start_schedule(w: World, sub: Subscriber) -> None:
    """(Re)start the schedule chain after a change of schedule or status."""
    token = sub.bump(SCHED)
    if sub.status == OK:
        slot = _next_slot(sub, w.now)
        if slot is not None:
            w.at(slot, "sched", sub.uid, token)


def _next_slot(sub: Subscriber, after: int) -> int | None:
    if sub.schedule is None or not sub.schedule.active:
        return None
    day = day_start(after)
    for d in range(8):
        start = day + d * DAY
        if sub.schedule.days[weekday(start)]:
            for hour, minute in sub.schedule.times:
                ts = start + hour * 3600 + minute * 60
                if ts > after:
                    return ts
    return None


def record_fix(w: World, sub: Subscriber, t: int, *, lag: int = 0) -> Fix:
    """Locate the phone at ``t`` (the fix time may be up to ``lag`` s before ``t``)."""
    ts = t - int(sub.rng.random() * (lag + 1)) if lag else t
    state = routing.true_state(sub, ts)
    lat, lon, radius, place = lbs.observe(state.lat, state.lon, sub.rng)
    info = routing.observe(w, sub, ts, state)
    fix = Fix(ts, t, lat, lon, radius, place, *info)
    sub.fixes.append(fix)
    if len(sub.fixes) > MAX_FIXES:
        del sub.fixes[: MAX_FIXES // 10]
    sub.route_info = info
    sub.last_attempt, sub.pos_error = t, False
    return fix


def _tracking_fix(w: World, sub: Subscriber, t: int) -> None:
    if sub.rng.random() < FIX_FAILURE_RATE:
        sub.last_attempt, sub.pos_error = t, True
    else:
        record_fix(w, sub, t, lag=1)


def request(w: World, sub: Subscriber) -> Request:
    """pos_request accepted: queue it; it resolves 30–180 s later."""
    req = Request(w.next_request_id(), sub.uid, sub.phone, w.now)
    w.requests[req.id] = req
    sub.pending, sub.last_request = req, w.now
    w.at(w.now + sub.rng.randint(30, 180), "req", sub.uid, 0, req.id)
    return req


# -- heap actions --------------------------------------------------------------------------


def _on_sms(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status == NEW:
        sub.status = WAIT
        _plan_answer(w, sub, sub.tokens[LIFE])


def _on_answer(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status in (NEW, WAIT):
        (confirm if payload == "confirm" else reject)(w, sub)


def _on_no_confirm(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status in (NEW, WAIT):
        no_confirm(w, sub)


def _on_off(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status == Status.OFF_NEW:
        sub.bump(LIFE)
        sub.status, sub.off_by = Status.OFF.value, "delete"
        w.emit(sub.phone, "off")


def _on_auto_off(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status in _AUTO_OFF_FROM:
        _leave(w, sub, Status.OFF.value)
        sub.off_by = "auto"
        w.emit(sub.phone, "auto_off")


def _on_fix(w: World, sub: Subscriber, payload: Any) -> None:
    interval = w.tariffs.interval(sub.tariff)
    if sub.status != OK or not interval:
        return
    t = w.now
    _tracking_fix(w, sub, t)
    w.at(t + interval * 60 + int(sub.rng.random() * 61), "fix", sub.uid, sub.tokens[FIX])


def _on_sched(w: World, sub: Subscriber, payload: Any) -> None:
    if sub.status != OK:
        return
    t = w.now
    if sub.tariff == w.tariffs.manual:
        w.charge(w.tariffs.request_price(sub.operator, sub.tariff))
    _tracking_fix(w, sub, t)
    slot = _next_slot(sub, t)
    if slot is not None:
        w.at(slot, "sched", sub.uid, sub.tokens[SCHED])


def _on_request(w: World, sub: Subscriber | None, rid: int) -> None:
    req = w.requests.get(rid)
    if req is None or sub is None:
        return
    if sub.pending is req:
        sub.pending = None
    rng, t = sub.rng, w.now
    if sub.status == OK and rng.random() < w.request_success_rate:
        req.state, req.fix = "ok", record_fix(w, sub, t, lag=5)
        w.emit(sub.phone, "request")
        return
    req.state = "failed"
    sub.last_attempt, sub.pos_error = t, True
    roll = rng.random()
    kind = (
        "request_error"
        if sub.status != OK or 0.6 <= roll < 0.9
        else "request_offline"
        if roll < 0.6
        else "request_roaming"
    )
    w.emit(sub.phone, kind)


def _on_midnight(w: World) -> None:
    t, plan = w.now, w.tariffs
    for sub in list(w.subs.values()):
        if sub.tariff_new is not None:
            switch_tariff(w, sub, sub.tariff_new, event=True)
        elif sub.status != OK:
            continue
        elif sub.tariff != plan.package:
            w.charge(plan.abon(sub.operator, sub.tariff))
        elif sub.package_since is None or t >= sub.package_since + PACKAGE_DAYS * DAY:
            if sub.package_prolong:
                w.charge(plan.abon(sub.operator, sub.tariff))
                sub.package_since = t
            else:
                switch_tariff(w, sub, plan.manual, event=True)
    for share in w.shares.values():
        share.req_cnt = 0
    w.at(t + DAY, "midnight")


def _on_share_view(w: World, key: str) -> None:
    share = w.shares.get(key)
    if share is None:
        return
    if share.ts_off and w.now >= share.ts_off:
        del w.shares[key]
        return
    if share.req_limit == 0 or share.req_cnt < share.req_limit:
        share.req_cnt += 1
    w.at(w.now + w.rng.randint(40 * 60, 4 * 3600), "share_view", payload=key)


_SUB_ACTIONS: dict[str, tuple[str | None, Callable[[World, Subscriber, Any], None]]] = {
    "sms": (LIFE, _on_sms),
    "answer": (LIFE, _on_answer),
    "no_confirm": (LIFE, _on_no_confirm),
    "off": (LIFE, _on_off),
    "auto_off": (OFF, _on_auto_off),
    "fix": (FIX, _on_fix),
    "sched": (SCHED, _on_sched),
}


def dispatch(w: World, item: tuple[int, int, str, int, int, Any]) -> None:
    _, _, kind, uid, token, payload = item
    if kind == "midnight":
        _on_midnight(w)
    elif kind == "req":
        _on_request(w, w.by_uid.get(uid), payload)
    elif kind == "share_view":
        _on_share_view(w, payload)
    elif kind == "share_off":
        share = w.shares.get(payload)
        if share is not None and share.ts_off and w.now >= share.ts_off:
            del w.shares[payload]
    elif kind == "call":
        payload(w)
    else:
        chain, action = _SUB_ACTIONS[kind]
        sub = w.by_uid.get(uid)
        if sub is not None and (chain is None or sub.tokens[chain] == token):
            action(w, sub, payload)

"""object_add, object_get, object_edit, object_list, object_delete, object_reactivate and
object_cancel_tariff.

Rules the documents leave open:

* Check order. object_add checks its codes in numeric order: phone format 1, dateoff 2/3,
  distance_text 4, schedule 5, too many unconfirmed 6 (30 or more in new + wait), already
  here and not ``off`` 7, foreign number 8, block list 9, operator unknown 10,
  unsupported 11, tariff not offered 12, money 13 (balance + credit < the tariff's abon).
  An omitted or empty tariff is the plan's manual one ("0", or "4" in the v2 plan). The
  sub-cabinet parameter ``account`` is accepted and the subscriber stays on this account
  (the documents do not say whether the parent's API lists a sub-cabinet's subscribers).
  The title defaults to "(921) 001-02-03". The
  driver starts 100–600 km before the first route point, or sits in a big city without a
  route, and leaves 5–40 min after the add.
* object_edit checks 1, 2, then 3/4, 5, 6, and applies nothing unless all pass. Only
  parameters that are present change anything (what clears a field depends on the
  dialect's ``bare_clears``, see :mod:`.inputs`). Omitting ``tariff`` means manual (the
  newer documents say so), so an edit without it puts manual into ``tariff_new``. A tariff equal to
  the current one changes nothing and keeps any pending switch. A different one becomes
  ``tariff_new`` (at the next 00:00 МСК), or switches at once with ``activate=1``
  (charged then, no event). Sending the pending tariff again changes nothing.
  ``dateoff=`` (empty) removes the auto-off.
* object_delete measures the 1-hour (``new``) and 24-hour (``wait``) limits from the add
  or the last reactivation. Deleting removes the subscriber with its fixes. Its events
  stay in the account's event log, and its old pos_get ids answer 1.
* object_reactivate: 1, then status (ok/new/wait 6; anything but off/rejected 7; with
  the dialect's ``reactivate_manual_off`` off, also 7 for a subscriber that object_delete
  switched off), block list 2, dateoff 3/4, money 5. The subscriber goes straight to ``wait`` (event
  reactivate) and keeps its history and tariff. A ``dateoff`` already passed (the one
  that switched it off) is dropped unless a new one is sent.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from . import gazetteer, inputs, lifecycle, operators, render, routing
from .geo import haversine_km
from .inputs import ABSENT, InputError, scalar
from .model import Subscriber
from .protocol import Status

if TYPE_CHECKING:
    from .world import World

__all__ = ["HANDLERS"]

MAX_UNCONFIRMED = 30


def _sub(w: World, params: dict[str, Any]) -> Subscriber | None:
    return w.subs.get(scalar(params, "phone") or "")


def object_add(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "object_add", w.now
    phone = operators.normalize_phone(scalar(p, "phone"))
    if phone is None:
        return render.error(fn, "1")
    try:
        dateoff = inputs.dateoff(scalar(p, "dateoff"), now)
    except InputError as exc:
        return render.error(fn, "2" if exc.kind == "dateoff_past" else "3")
    bare = w.dialect.bare_clears
    try:
        route = inputs.route(p, bare_clears=bare)
    except InputError:
        return render.error(fn, "4")
    try:
        schedule = inputs.schedule(p, None, bare_clears=bare)
    except InputError:
        return render.error(fn, "5")
    if sum(1 for s in w.subs.values() if s.status in ("new", "wait")) >= MAX_UNCONFIRMED:
        return render.error(fn, "6")
    existing = w.subs.get(phone)
    if existing is not None and existing.status != Status.OFF:
        return render.error(fn, "7")
    if phone.endswith(operators.FOREIGN_SUFFIX) or phone in w.foreign:
        return render.error(fn, "8")
    if w.is_blocked(phone):
        return render.error(fn, "9")
    info = operators.lookup(phone)
    if info is None:
        return render.error(fn, "10")
    if not operators.is_supported(info[0]):
        return render.error(fn, "11")
    plan = w.tariffs
    tariff = plan.normalize(scalar(p, "tariff")) or plan.manual
    if not plan.offered(info[0], tariff):
        return render.error(fn, "12")
    if not w.can_pay(plan.abon(info[0], tariff)):
        return render.error(fn, "13")
    if existing is not None:
        w.remove(existing)
    sub = new_subscriber(w, phone, tariff=tariff)
    sub.title = scalar(p, "title") or operators.format_title(phone)
    tags = inputs.tags(p)
    sub.tags = "" if tags is ABSENT else tags
    sub.package_prolong = int(inputs.flag(p, "package_prolong"))
    sub.ts_off = dateoff
    metadata = inputs.metadata(p, bare_clears=bare)
    sub.metadata = {} if metadata is ABSENT else metadata
    sub.schedule = None if schedule is ABSENT else schedule
    points = [] if route is ABSENT else route
    sub.home = _home_for(sub, points)
    routing.set_route(sub, points, now)
    w.register(sub)
    lifecycle.added(w, sub)
    return render.ok("Added")


def new_subscriber(w: World, phone: str, *, tariff: str | None = None) -> Subscriber:
    info = operators.lookup(phone)
    assert info is not None
    uid = w.next_uid()
    rng = random.Random(f"{w.seed}:{phone}:{uid}")
    return Subscriber(
        uid=uid,
        phone=phone,
        operator=info[0],
        region=info[2],
        rng=rng,
        ts_add=w.now,
        title=operators.format_title(phone),
        tariff=tariff or w.tariffs.manual,
    )


def _home_for(sub: Subscriber, points: list[Any]) -> tuple[float, float]:
    cities = gazetteer.cities()
    rng = sub.rng
    if points:
        first = points[0]
        want = rng.uniform(100, 600)
        ranked = sorted(
            cities, key=lambda c: abs(haversine_km(c.lat, c.lon, first.lat, first.lon) - want)
        )
        city = ranked[rng.randrange(3)]
    else:
        big = [c for c in cities if c.population >= 500]
        city = big[rng.randrange(len(big))]
    return city.lat + rng.uniform(-0.03, 0.03), city.lon + rng.uniform(-0.05, 0.05)


def object_get(w: World, p: dict[str, Any]) -> dict[str, Any]:
    sub = _sub(w, p)
    if sub is None:
        return render.error("object_get", "1")
    return render.ok("", render.object_get(sub, w.dialect, w.tariffs))


def object_list(w: World, p: dict[str, Any]) -> dict[str, Any]:
    return render.ok("", [{"phone": s.phone, "status": s.status} for s in w.subs.values()])


def object_edit(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "object_edit", w.now
    sub = _sub(w, p)
    if sub is None:
        return render.error(fn, "1")
    plan, bare = w.tariffs, w.dialect.bare_clears
    tariff = plan.normalize(scalar(p, "tariff")) or plan.manual
    if not plan.offered(sub.operator, tariff):
        return render.error(fn, "2")
    dateoff: int | None = None
    if "dateoff" in p:
        try:
            dateoff = inputs.dateoff(scalar(p, "dateoff"), now)
        except InputError as exc:
            return render.error(fn, "3" if exc.kind == "dateoff_past" else "4")
    try:
        route = inputs.route(p, bare_clears=bare)
    except InputError:
        return render.error(fn, "5")
    try:
        schedule = inputs.schedule(p, sub.schedule, bare_clears=bare)
    except InputError:
        return render.error(fn, "6")
    if "title" in p:
        sub.title = scalar(p, "title") or ""
    tags = inputs.tags(p)
    if tags is not ABSENT:
        sub.tags = tags
    if "package_prolong" in p:
        sub.package_prolong = int(inputs.flag(p, "package_prolong"))
    metadata = inputs.metadata(p, bare_clears=bare)
    if metadata is not ABSENT:
        sub.metadata = metadata
    if dateoff is not None:
        sub.ts_off = dateoff
        lifecycle.schedule_auto_off(w, sub)
    if route is not ABSENT:
        routing.set_route(sub, route, now)
    if schedule is not ABSENT:
        sub.schedule = schedule
        lifecycle.start_schedule(w, sub)
    if tariff != sub.tariff:
        if inputs.flag(p, "activate"):
            lifecycle.switch_tariff(w, sub, tariff, event=False)
        else:
            sub.tariff_new = tariff
    return render.ok("Edited")


def object_delete(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "object_delete", w.now
    sub = _sub(w, p)
    if sub is None:
        return render.error(fn, "1")
    if sub.status == Status.OK:
        lifecycle.disable(w, sub)
        return render.ok("Phone set as disabled", code="DISABLED")
    if sub.status == Status.NEW and now < sub.wait_since + 3600:
        return render.error(fn, "3")
    if sub.status == Status.WAIT and now < sub.wait_since + 86400:
        return render.error(fn, "2")
    if sub.status == Status.OFF_NEW:
        return render.error(fn, "4")
    w.remove(sub)
    return render.ok("Phone deleted from system", code="DELETED")


def object_reactivate(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "object_reactivate", w.now
    sub = _sub(w, p)
    if sub is None:
        return render.error(fn, "1")
    if sub.status in (Status.OK, Status.NEW, Status.WAIT):
        return render.error(fn, "6")
    if sub.status not in (Status.OFF, Status.REJECTED):
        return render.error(fn, "7")
    if sub.status == Status.OFF and sub.off_by == "delete" and not w.dialect.reactivate_manual_off:
        return render.error(fn, "7")
    if w.is_blocked(sub.phone):
        return render.error(fn, "2")
    dateoff: int | None = None
    if "dateoff" in p:
        try:
            dateoff = inputs.dateoff(scalar(p, "dateoff"), now)
        except InputError as exc:
            return render.error(fn, "3" if exc.kind == "dateoff_past" else "4")
    if not w.can_pay(w.tariffs.abon(sub.operator, sub.tariff)):
        return render.error(fn, "5")
    if dateoff is not None:
        sub.ts_off = dateoff
    elif sub.ts_off and sub.ts_off <= now:
        sub.ts_off = 0  # the auto-off that switched it off is spent
    lifecycle.schedule_auto_off(w, sub)
    lifecycle.reactivated(w, sub)
    return render.ok("Phone reactivated, need confirm from abonent")


def object_cancel_tariff(w: World, p: dict[str, Any]) -> dict[str, Any]:
    sub = _sub(w, p)
    if sub is None:
        return render.error("object_cancel_tariff", "1")
    sub.tariff_new = None
    return render.ok("New tariff canceled")


HANDLERS = {
    "object_add": object_add,
    "object_get": object_get,
    "object_edit": object_edit,
    "object_list": object_list,
    "object_delete": object_delete,
    "object_reactivate": object_reactivate,
    "object_cancel_tariff": object_cancel_tariff,
}

"""pos_last, pos_request, pos_get, pos_objects and pos_list.

* pos_request: 1 for an unknown phone, 2 when the status is not ``ok``. If an earlier
  request of the phone is still unresolved, the answer is success with code "WAIT",
  message "Last request is processing" and that request's id. This check comes before
  the 5-minute rule, or WAIT could never be seen. Then 4 when the last accepted request
  is less than 5 min old, 5 when a package tariff started less than 10 min ago, and 6
  on manual when balance + credit < the request price. On manual the request price is
  charged when the request is accepted.
* pos_get: 1 for an unknown id or a deleted subscriber, 2 while queued, 4 when it
  failed. Otherwise it gives the fix the request produced.
* pos_list: newest first. ``date_start``/``date_end`` bound the fix time (inclusive); a
  missing or zero bound does not filter. Then ``offset`` skips, and ``limit`` (default
  and maximum 1000; ``req_limit`` is accepted as an alias) caps the result.
* pos_objects: every subscriber that has a fix, whatever its status, in account order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import lifecycle, render
from .inputs import intval, scalar
from .protocol import Status

if TYPE_CHECKING:
    from .world import World

__all__ = ["HANDLERS"]

REQUEST_GAP = 5 * 60
PACKAGE_WARMUP = 10 * 60
POS_LIST_MAX = 1000


def pos_last(w: World, p: dict[str, Any]) -> dict[str, Any]:
    sub = w.subs.get(scalar(p, "phone") or "")
    if sub is None:
        return render.error("pos_last", "1")
    last = sub.last_fix
    return render.ok("", render.fix_last(last, w.dialect.escape_text) if last else [])


def pos_list(w: World, p: dict[str, Any]) -> dict[str, Any]:
    sub = w.subs.get(scalar(p, "phone") or "")
    if sub is None:
        return render.error("pos_list", "1")
    start = intval(scalar(p, "date_start"))
    end = intval(scalar(p, "date_end"))
    offset = max(0, intval(scalar(p, "offset")))
    limit = intval(scalar(p, "limit") if "limit" in p else scalar(p, "req_limit"))
    if limit <= 0 or limit > POS_LIST_MAX:
        limit = POS_LIST_MAX
    rows = []
    skipped = 0
    for fix in reversed(sub.fixes):
        if end > 0 and fix.ts > end:
            continue
        if start > 0 and fix.ts < start:
            break
        if skipped < offset:
            skipped += 1
            continue
        rows.append(render.fix_list(fix, w.dialect.escape_text))
        if len(rows) >= limit:
            break
    return render.ok("", rows)


def pos_request(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "pos_request", w.now
    sub = w.subs.get(scalar(p, "phone") or "")
    if sub is None:
        return render.error(fn, "1")
    if sub.status != Status.OK:
        return render.error(fn, "2")
    if sub.pending is not None:
        return render.ok("Last request is processing", {"request_id": sub.pending.id}, code="WAIT")
    if sub.last_request is not None and now - sub.last_request < REQUEST_GAP:
        return render.error(fn, "4")
    plan = w.tariffs
    if (
        sub.tariff == plan.package
        and sub.package_since is not None
        and now - sub.package_since < PACKAGE_WARMUP
    ):
        return render.error(fn, "5")
    if sub.tariff == plan.manual:
        price = plan.request_price(sub.operator, sub.tariff)
        if not w.can_pay(price):
            return render.error(fn, "6")
        w.charge(price)
    req = lifecycle.request(w, sub)
    return render.ok("Request is added to queue", {"request_id": req.id})


def pos_get(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn = "pos_get"
    req = w.requests.get(intval(scalar(p, "id")))
    if req is None or req.uid not in w.by_uid:
        return render.error(fn, "1")
    if req.state == "queue":
        return render.error(fn, "2")
    if req.state == "failed" or req.fix is None:
        return render.error(fn, "4")
    return render.ok("", render.fix_get(req.fix, w.dialect.escape_text))


def pos_objects(w: World, p: dict[str, Any]) -> dict[str, Any]:
    escape = w.dialect.escape_text
    rows = [render.fix_objects(s.phone, s.fixes[-1], escape) for s in w.subs.values() if s.fixes]
    return render.ok("Current positions", rows)


HANDLERS = {
    "pos_last": pos_last,
    "pos_list": pos_list,
    "pos_request": pos_request,
    "pos_get": pos_get,
    "pos_objects": pos_objects,
}

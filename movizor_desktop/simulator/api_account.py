"""balance, get_operator, tariff_calculator, distance_search, events, share_*, and
events_subscribe_*.

* events: ``limit`` is clamped to 10–1000 (default 100; ``req_limit`` is an alias).
  Without ``afterid`` the answer is the newest ``limit`` events. With ``afterid`` it is,
  by the dialect's ``events_after``, the ``limit`` OLDEST events whose id is greater (so
  polling with the newest id seen never skips anything), or the ``limit`` NEWEST of them
  (the older ones are never sent). Both answers are ordered newest first. Ids grow with
  gaps. A deleted subscriber's events stay.
* share_add: ``phone[]`` (or a single ``phone``). 1 if any number is not on the account,
  2 if none of them is ``ok`` (also when none is given), 3 when the account already has
  50 links. Only the ``ok`` numbers go into the link (``objects_count``). ``dateoff``
  (dd.mm.yyyy hh:mm:ss МСК) removes the link from share_list when it is reached; an
  unparseable or past one is ignored. ``req_limit`` 0 means unlimited. ``cnt`` counts the
  link's numbers still on the account. ``req_cnt`` counts the client's simulated map
  requests today (one every 40 min – 4 h, up to ``req_limit``), reset at 00:00 МСК.
* events_subscribe_add checks 1 (event type not subscribable: request and autoinform
  are not), 2 (notify_type not sms/email/telegram), 3 (notify_value not an MSISDN for
  sms, not an e-mail for email; ignored for telegram), 4 (a phone not on the account,
  or no phones and no phones_all=1). It answers "Added" without data.
  events_subscribe_delete answers code OK, message "Deleted", or 1 for an unknown id.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import gazetteer, operators, protocol, render
from .inputs import intval, scalar
from .model import Share, Subscription
from .msk import parse_msk

if TYPE_CHECKING:
    from .world import World

__all__ = ["HANDLERS", "SUBSCRIBABLE"]

MAX_SHARES = 50
SUBSCRIBABLE = frozenset(protocol.EVENT_TYPES) - {"request", "autoinform"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def balance(w: World, p: dict[str, Any]) -> dict[str, Any]:
    return render.ok(
        "Balance info",
        {
            "balance": f"{w.balance:.2f}",
            "credit": f"{w.credit:.2f}",
            "type": "org",
            "tariff": w.tariffs.balance_table(),
        },
    )


def get_operator(w: World, p: dict[str, Any]) -> dict[str, Any]:
    phone = scalar(p, "phone")
    if not operators.is_msisdn(phone):
        return render.error("get_operator", "1")
    assert phone is not None
    info = operators.lookup(phone)
    if info is None:
        return render.error("get_operator", "2")
    return render.ok("Operator info", {"operator": info[0], "title": info[1], "region": info[2]})


def tariff_calculator(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn = "tariff_calculator"
    operator = (scalar(p, "operator") or "").strip().lower()
    if not operator:
        return render.error(fn, "1")
    plan = w.tariffs
    tariff = plan.normalize(scalar(p, "tariff"))
    if not tariff:
        return render.error(fn, "2")
    if not plan.offered(operator, tariff):
        return render.error(fn, "3")
    return render.ok("Operator info", plan.calculator(operator, tariff))


def distance_search(w: World, p: dict[str, Any]) -> dict[str, Any]:
    found = gazetteer.search(scalar(p, "query") or "")
    if not found:
        return render.error("distance_search", "1")
    escape = w.dialect.escape_text
    return render.ok(
        "Found",
        [
            {"lat": f"{e.lat:.7f}", "lon": f"{e.lon:.7f}", "title": render.text(e.title, escape)}
            for e in found
        ],
    )


def events(w: World, p: dict[str, Any]) -> dict[str, Any]:
    raw_limit = scalar(p, "limit") if "limit" in p else scalar(p, "req_limit")
    limit = min(1000, max(10, intval(raw_limit, 100)))
    after = scalar(p, "afterid")
    if after is not None and after.strip():
        newer = w.events_after(intval(after))
        chosen = newer[-limit:] if w.dialect.events_after == "newest" else newer[:limit]
    else:
        chosen = w.events[-limit:]
    return render.ok(
        "",
        [
            {"id": str(e.id), "timestamp": str(e.ts), "phone": e.phone, "type": e.type}
            for e in reversed(chosen)
        ],
    )


def _phones(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def share_list(w: World, p: dict[str, Any]) -> dict[str, Any]:
    rows, escape = [], w.dialect.escape_text
    for s in w.shares.values():
        rows.append(
            {
                "id": str(s.id),
                "timestamp": str(s.ts),
                "key": s.key,
                "link": f"https://movizor.ru/share/{s.key}",
                "cnt": sum(1 for phone in s.phones if phone in w.subs),
                "req_limit": s.req_limit,
                "req_cnt": s.req_cnt,
                "timestamp_off": str(s.ts_off) if s.ts_off else "",
                "client": render.text(s.client, escape),
                "comments": render.text(s.comments, escape),
                "email": s.email,
            }
        )
    return render.ok("", rows)


def share_add(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn, now = "share_add", w.now
    phones = list(dict.fromkeys(_phones(p.get("phone"))))
    if any(phone not in w.subs for phone in phones):
        return render.error(fn, "1")
    active = [phone for phone in phones if w.subs[phone].status == protocol.Status.OK]
    if not active:
        return render.error(fn, "2")
    if len(w.shares) >= MAX_SHARES:
        return render.error(fn, "3")
    rng = w.rng
    key = "-".join(
        [*(f"{rng.randrange(100, 1000)}" for _ in range(4)), f"{rng.randrange(1000, 10000)}"]
    )
    ts_off = parse_msk(scalar(p, "dateoff") or "") or 0
    if ts_off <= now:
        ts_off = 0
    share = Share(
        w.next_share_id(),
        now,
        key,
        active,
        max(0, intval(scalar(p, "req_limit"))),
        ts_off,
        scalar(p, "client") or "",
        scalar(p, "comments") or "",
        scalar(p, "email") or "",
    )
    w.shares[key] = share
    w.at(now + rng.randint(40 * 60, 4 * 3600), "share_view", payload=key)
    if ts_off:
        w.at(ts_off, "share_off", payload=key)
    return render.ok("", {"key": key, "objects_count": len(active)})


def share_delete(w: World, p: dict[str, Any]) -> dict[str, Any]:
    key = scalar(p, "share_key") or ""
    if w.shares.pop(key, None) is None:
        return render.error("share_delete", "1")
    return render.ok("Share_key deleted from system", code="DELETED")


def events_subscribe_list(w: World, p: dict[str, Any]) -> dict[str, Any]:
    return render.ok(
        "Subscribe list",
        [
            {
                "id": str(s.id),
                "phones_all": int(s.phones_all),
                "phones": list(s.phones),
                "timestamp": str(s.ts),
                "type": s.type,
                "phone": s.phone,
                "email": s.email,
                "telegram": int(s.telegram),
            }
            for s in w.subscriptions.values()
        ],
    )


def events_subscribe_add(w: World, p: dict[str, Any]) -> dict[str, Any]:
    fn = "events_subscribe_add"
    kind = (scalar(p, "events") or "").strip()
    if kind not in SUBSCRIBABLE:
        return render.error(fn, "1")
    channel = (scalar(p, "notify_type") or "").strip().lower()
    if channel not in protocol.NOTIFY_TYPES:
        return render.error(fn, "2")
    value = (scalar(p, "notify_value") or "").strip()
    sms = operators.normalize_phone(value) if channel == "sms" else None
    if (channel == "sms" and sms is None) or (channel == "email" and not _EMAIL.match(value)):
        return render.error(fn, "3")
    phones_all = scalar(p, "phones_all") not in (None, "", "0")
    phones = [] if phones_all else list(dict.fromkeys(_phones(p.get("phones"))))
    if not phones_all and (not phones or any(phone not in w.subs for phone in phones)):
        return render.error(fn, "4")
    sub = Subscription(
        w.next_subscription_id(),
        w.now,
        phones_all,
        phones,
        kind,
        sms or "",
        value if channel == "email" else "",
        channel == "telegram",
    )
    w.subscriptions[sub.id] = sub
    return render.ok("Added")


def events_subscribe_delete(w: World, p: dict[str, Any]) -> dict[str, Any]:
    if w.subscriptions.pop(intval(scalar(p, "id")), None) is None:
        return render.error("events_subscribe_delete", "1")
    return render.ok("Deleted")


HANDLERS = {
    "balance": balance,
    "get_operator": get_operator,
    "tariff_calculator": tariff_calculator,
    "distance_search": distance_search,
    "events": events,
    "share_list": share_list,
    "share_add": share_add,
    "share_delete": share_delete,
    "events_subscribe_list": events_subscribe_list,
    "events_subscribe_add": events_subscribe_add,
    "events_subscribe_delete": events_subscribe_delete,
}

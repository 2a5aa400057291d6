"""A realistic dispatcher account for demos: ``World(fleet=40, seed=1)``.

The seed does not fake results. It replays history. The world starts 42 h before the
clock's time at construction (the *anchor*), and scripted actions add subscribers,
force drivers' answers, delete, switch off, make requests and create shares at their
historic moments. Then the ordinary rules run up to the anchor. Fixes, events, route
statuses and tariff switches therefore follow the same rules as live ones. The
constructor's ``balance`` is what the account holds at the anchor, after the history.

* Statuses. From 12 subscribers on, about 70 % are ``ok`` (so a link can always be
  shared) and the rest take the other statuses in the order wait, new, off, rejected,
  no_confirmed, off_new, limited, error, wrong, error_exists: every status appears from
  32 subscribers on. Smaller fleets get ok, ok, wait, new, off, … in that order.
  ``new`` + ``wait`` stay at or below 17, so object_add is not refused with 6. Some
  ``wait`` drivers confirm in the first hour after the anchor, and the ``new`` ones do
  too, so a demo sees live confirmations.
* Subscribers use all four operators (35 / 25 / 20 / 20 %) and, in the 2017 tariff plan,
  the tariffs 15, 30 and 60 mostly, plus manual (with scheduled fixes and past
  pos_requests), online, package and "180" on MTS (the v2 plan: its own weights). One
  has a pending tariff change and one has a dateoff 1–2 days ahead. One rejected number
  is on the block list.
* 80 % of the ``ok`` trucks drive a real intercity route of 1–3 points. The planned
  times derive from each truck's own plan: about 60 % on time, 30 % late, 10 % without
  times. The rest stand in a city.
* Titles, tags and metadata are written the way dispatchers write them (driver, plate,
  carrier with INN, client, order, trip). Some values contain quotes, ampersands and
  angle brackets.
* The same seed and the same anchor give the same world.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from . import gazetteer, lifecycle, operators
from .api_account import events_subscribe_add, share_add
from .api_objects import new_subscriber
from .model import RoutePoint, Schedule
from .motion import Plan, build_plan
from .msk import day_start, fmt_dateoff, fmt_route_time
from .seed_data import (
    BODIES,
    CARRIERS,
    CLIENTS,
    FIRST_NAMES,
    HOME_CITIES,
    PATRONYMICS,
    PLATE_LETTERS,
    PLATE_REGIONS,
    POINT_STYLES,
    ROUTES,
    SURNAMES,
    TRUCKS,
)
from .tariffs import TariffPlan

if TYPE_CHECKING:
    from .world import World

__all__ = ["HISTORY_SECONDS", "populate"]

H = 3600
HISTORY_SECONDS = 42 * H
_SMALL_ORDER = (
    "ok",
    "ok",
    "wait",
    "new",
    "off",
    "rejected",
    "no_confirmed",
    "off_new",
    "limited",
    "error",
    "wrong",
    "error_exists",
)
_OPERATOR_WEIGHTS = (("mts", 35), ("megafon", 25), ("beeline", 20), ("tele2", 20))
OK_SHARE = 0.7


@dataclass
class _Profile:
    phone: str
    target: str
    t_add: int
    tariff: str
    title: str
    tags: str
    metadata: dict[str, str]
    answer: tuple[str, int]
    plan: Plan | None = None
    points: list[RoutePoint] = field(default_factory=list)
    home: tuple[float, float] = (55.7558, 37.6173)
    schedule: Schedule | None = None
    package_prolong: int = 0
    ts_off: int = 0
    later: list[tuple[int, Any]] = field(default_factory=list)


def _status_plan(n: int, rng: random.Random) -> list[str]:
    if n < len(_SMALL_ORDER):
        return list(_SMALL_ORDER[:n])
    counts = {
        "new": min(5, max(1, n // 40)),
        "wait": min(12, max(2, n // 20)),
        "off_new": 1 + n // 200,
        "off": max(2, n // 20),
        "rejected": max(1, n // 40),
        "no_confirmed": max(1, n // 40),
        "error": 1 + n // 400,
        "wrong": 1 + n // 400,
        "error_exists": 1 + n // 400,
        "limited": 1 + n // 400,
    }
    room = n - round(OK_SHARE * n)  # the others may not push ok below about 70 %
    if sum(counts.values()) > room:
        counts = _trimmed(counts, room)
    plan = [status for status, k in counts.items() for _ in range(k)]
    plan += ["ok"] * (n - len(plan))
    rng.shuffle(plan)
    return plan


def _trimmed(counts: dict[str, int], room: int) -> dict[str, int]:
    """``counts`` cut to ``room`` in all: one of each status in the small fleets' order
    first, then the extra ones (the dict keeps its order, so the shuffle stays seeded)."""
    order = [s for s in _SMALL_ORDER if s != "ok"]
    wanted = order + [s for s in order for _ in range(counts[s] - 1)]
    kept = dict.fromkeys(counts, 0)
    for status in wanted[:room]:
        kept[status] += 1
    return {status: k for status, k in kept.items() if k}


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _phone(rng: random.Random, operator: str, used: set[str]) -> str:
    codes = [c for c in operators.def_codes(operator) if c not in (997, 999)]
    while True:
        phone = f"7{rng.choice(codes)}{rng.randrange(10**7):07d}"
        if phone not in used and not phone.endswith(("0000008", "0000009")):
            used.add(phone)
            return phone


def _inn(rng: random.Random, length: int) -> str:
    digits = [rng.randrange(10) for _ in range(length - (1 if length == 10 else 2))]
    if length == 10:
        w10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
        digits.append(sum(d * k for d, k in zip(digits, w10, strict=True)) % 11 % 10)
    else:
        w11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
        digits.append(sum(d * k for d, k in zip(digits, w11, strict=True)) % 11 % 10)
        w12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
        digits.append(sum(d * k for d, k in zip(digits, w12, strict=True)) % 11 % 10)
    return "".join(map(str, digits))


def _plate(rng: random.Random) -> str:
    letters = [rng.choice(PLATE_LETTERS) for _ in range(3)]
    return (
        f"{letters[0]}{rng.randrange(1, 1000):03d}{letters[1]}{letters[2]}"
        f"{rng.choice(PLATE_REGIONS)}"
    )


def _identity(
    rng: random.Random, dest: str, client: str, brand: str
) -> tuple[str, str, dict[str, str]]:
    """(title, tags, metadata) written the way dispatchers do."""
    surname, name, patronymic = (
        rng.choice(SURNAMES),
        rng.choice(FIRST_NAMES),
        rng.choice(PATRONYMICS),
    )
    truck, plate = rng.choice(TRUCKS), _plate(rng)
    trip = f"{rng.randrange(10000, 99999)}-{rng.randint(1, 3)}"
    order = f"R{rng.randrange(100_000_000, 999_999_999)}"
    style = rng.randrange(6)
    title = (
        f"{surname} {name[0]}.{patronymic[0]}. — {truck} {plate}",
        f"Рейс {trip} {surname}",
        f"{truck} {plate} ({surname})",
        f"truck: {plate} trip:{trip}, order:{order}",
        f"{surname} {name}",
        f"{brand} {dest} — {surname}",
    )[style]
    tags = f"{rng.choice(BODIES)},{brand}" if rng.random() < 0.75 else ""
    metadata: dict[str, str] = {}
    if rng.random() < 0.75:
        carrier = rng.choice(CARRIERS)
        metadata = {
            "Водитель": f"{surname} {name} {patronymic}",
            "ТС": plate,
            "Перевозчик": carrier,
            "ИНН перевозчика": _inn(rng, 12 if carrier.startswith("ИП") else 10),
            "Клиент": client,
            "Заказ": order,
            "Рейс": trip,
        }
        for key in rng.sample(["Заказ", "Рейс", "ИНН перевозчика"], rng.randint(0, 2)):
            del metadata[key]
    return title, tags, metadata


def _route(
    rng: random.Random, brand: str
) -> tuple[tuple[float, float], list[tuple[str, float, float]]]:
    origin_name, names = rng.choice(ROUTES)
    origin = gazetteer.by_name(origin_name)
    points = []
    for name in names:
        city = gazetteer.by_name(name)
        text = rng.choice(POINT_STYLES).format(city=name, CITY=name.upper(), brand=brand)
        points.append(
            (text, city.lat + rng.uniform(-0.05, 0.05), city.lon + rng.uniform(-0.08, 0.08))
        )
    return (origin.lat + rng.uniform(-0.03, 0.03), origin.lon + rng.uniform(-0.05, 0.05)), points


def _plan_route(rng: random.Random, prof: _Profile, brand: str, anchor: int) -> str:
    """Give ``prof`` a route whose truck is mid-way at ``anchor`` (80 % of the time) or
    already there; move ``t_add`` before the departure. Returns the destination city."""
    origin, points = _route(rng, brand)
    plan = build_plan(
        random.Random(f"{prof.phone}:plan"), origin, [(lat, lon) for _, lat, lon in points], 0
    )
    duration = plan.arrivals[-1]
    latest_start = HISTORY_SECONDS - 3 * H
    if prof.target in ("new", "wait", "no_confirmed"):
        depart = prof.t_add + int(rng.uniform(0.25 * H, 2 * H))
    else:
        progress = rng.uniform(0.1, 0.95) if rng.random() < 0.8 else rng.uniform(1.02, 1.6)
        depart = anchor - min(int(progress * duration), latest_start)
        prof.t_add = min(prof.t_add, depart - int(rng.uniform(0.25 * H, 2 * H)))
        if prof.answer[0] in ("confirm", "reject"):
            prof.answer = (prof.answer[0], prof.t_add + int(rng.uniform(7 * 60, 42 * 60)))
    prof.plan = plan.shifted(depart)
    timing = rng.choices(("ok", "late", "none"), weights=(60, 30, 10))[0]
    for (text, lat, lon), arrival in zip(points, prof.plan.arrivals, strict=True):
        planned = None
        if timing != "none":
            shift = rng.uniform(0.5, 3) if timing == "ok" else -rng.uniform(0.7, 4)
            planned = int((arrival + shift * H) // 1800 * 1800)
        prof.points.append(
            RoutePoint(text, lat, lon, planned, fmt_route_time(planned) if planned else "")
        )
    return _city_of(points[-1][0])


def _tariff(rng: random.Random, operator: str, plan: TariffPlan) -> str:
    while True:
        tariff = _weighted(rng, plan.seed_weights)
        if plan.offered(operator, tariff):
            return tariff


def _profile(
    rng: random.Random, phone: str, operator: str, target: str, anchor: int, plan: TariffPlan
) -> _Profile:
    u = rng.uniform
    confirmed = target in ("ok", "off_new", "off", "limited")
    t_add = {
        "new": anchor - int(u(10, 50)),
        "wait": anchor - int(u(300, 20 * H)),
        "no_confirmed": anchor - int(u(24.5 * H, 40 * H)),
    }.get(target, anchor - int(u(3 * H, 40 * H)))
    if target == "off":
        t_add = anchor - int(u(28 * H, 40 * H))
    if confirmed:
        answer = ("confirm", t_add + int(u(7 * 60, 42 * 60)))
    elif target == "rejected":
        answer = ("reject", t_add + int(u(5 * 60, 62 * 60)))
    elif target in ("new", "wait") and rng.random() < 0.6:
        answer = ("confirm", anchor + int(u(5 * 60, 60 * 60)))
    else:
        answer = ("never", 0)
    tariff = _tariff(rng, operator, plan)
    prof = _Profile(phone, target, t_add, tariff, "", "", {}, answer)
    client, brand = rng.choice(CLIENTS)
    dest = "Москва"
    if target != "ok" or rng.random() < 0.8:
        dest = _plan_route(rng, prof, brand, anchor)
    else:
        city = gazetteer.by_name(rng.choice(HOME_CITIES))
        prof.home = (city.lat + u(-0.04, 0.04), city.lon + u(-0.06, 0.06))
    prof.title, prof.tags, prof.metadata = _identity(rng, dest, client, brand)
    t_add, answer = prof.t_add, prof.answer
    if tariff == plan.manual and confirmed:
        if rng.random() < 0.6:
            prof.schedule = Schedule((True,) * 5 + (False, False), ((9, 0), (13, 0), (18, 0)))
        start = answer[1] + 600
        for t in range(start, anchor, int(u(2 * H, 4 * H))):
            prof.later.append((t, _pos_request))
    if tariff == plan.package:
        prof.package_prolong = int(rng.random() < 0.5)
    if target == "off_new":
        prof.later.append((anchor - int(u(10, 90)), _disable))
    elif target == "off":
        if rng.random() < 0.5:
            prof.later.append((anchor - int(u(2 * H, 20 * H)), _disable))
        else:
            prof.ts_off = t_add + 24 * H + int(u(H, 3 * H))
    elif target == "limited":
        since = answer[1] + 1800
        prof.later.append(
            (since + int(u(0, 1) * max(0, anchor - since)), partial(_force, "limited"))
        )
    elif target in ("error", "wrong", "error_exists"):
        prof.later.append((t_add + int(u(120, 300)), partial(_force, target)))
    return prof


def _pos_request(w: World, phone: str) -> None:
    sub = w.subs.get(phone)
    if sub is not None and sub.status == "ok" and sub.pending is None:
        w.charge(w.tariffs.request_price(sub.operator, sub.tariff))
        lifecycle.request(w, sub)


def _disable(w: World, phone: str) -> None:
    sub = w.subs.get(phone)
    if sub is not None and sub.status == "ok":
        lifecycle.disable(w, sub)


def _force(status: str, w: World, phone: str) -> None:
    sub = w.subs.get(phone)
    if sub is not None:
        lifecycle.force_status(w, sub, status)


def _tariff_new(tariff: str, w: World, phone: str) -> None:
    sub = w.subs.get(phone)
    if sub is not None and tariff != sub.tariff:
        sub.tariff_new = tariff


def _materialize(prof: _Profile, w: World) -> None:
    sub = new_subscriber(w, prof.phone, tariff=prof.tariff)
    sub.title, sub.tags, sub.metadata = prof.title, prof.tags, dict(prof.metadata)
    sub.schedule, sub.package_prolong, sub.ts_off = (
        prof.schedule,
        prof.package_prolong,
        prof.ts_off,
    )
    sub.answer = prof.answer
    sub.plan, sub.route, sub.home = prof.plan, prof.points, prof.home
    w.register(sub)
    lifecycle.added(w, sub)
    for t, action in prof.later:
        w.at(t, "call", payload=_bind(action, prof.phone))


def _bind(action: Any, phone: str) -> Any:
    return lambda w: action(w, phone)


def _city_of(text: str) -> str:
    """The city a route point text names (the longest gazetteer name it contains)."""
    low = text.lower()
    names = [c.name for c in gazetteer.cities() if c.name.lower() in low]
    return max(names, key=len) if names else text


def _share(
    w: World, phones: list[str], req_limit: int, off_in: int, client: str, comments: str, email: str
) -> None:
    params: dict[str, Any] = {
        "phone": [p for p in phones if p in w.subs],
        "client": client,
        "comments": comments,
        "email": email,
        "req_limit": str(req_limit),
    }
    if off_in:
        params["dateoff"] = fmt_dateoff(w.now + off_in)
    share_add(w, params)


def _subscribe(w: World, kind: str, channel: str, value: str, phones: list[str]) -> None:
    params: dict[str, Any] = {"events": kind, "notify_type": channel, "notify_value": value}
    if phones:
        params["phones"] = [p for p in phones if p in w.subs]
    else:
        params["phones_all"] = "1"
    events_subscribe_add(w, params)


def populate(w: World, n: int, *, anchor: int) -> None:
    """Queue the scripted history of an ``n``-subscriber account ending at ``anchor``."""
    rng = random.Random(f"{w.seed}:fleet")
    used: set[str] = set()
    targets = _status_plan(n, rng)
    profiles = []
    for i, target in enumerate(targets):
        operator = (
            _OPERATOR_WEIGHTS[i][0]
            if i < len(_OPERATOR_WEIGHTS)
            else _weighted(rng, _OPERATOR_WEIGHTS)
        )
        profiles.append(
            _profile(rng, _phone(rng, operator, used), operator, target, anchor, w.tariffs)
        )
    oks = [p for p in profiles if p.target == "ok"]
    plan = w.tariffs
    movers = [p for p in oks if p.points and p.tariff != plan.package]
    if movers:
        mover = movers[0]
        operator = operators.lookup(mover.phone)[0]  # type: ignore[index]
        offered = [
            t
            for t, _ in plan.seed_weights
            if t not in (plan.manual, plan.package)
            and plan.offered(operator, t)
            and t != mover.tariff
        ]
        window = min(5 * H, anchor - day_start(anchor))  # after the last 00:00 МСК
        moment = anchor - int(rng.uniform(0.1, 0.9) * window)
        if offered:
            mover.later.append((moment, partial(_tariff_new, offered[0])))
    if len(movers) > 1:
        movers[1].ts_off = (anchor + int(rng.uniform(26 * H, 48 * H))) // H * H
    for prof in profiles:
        if prof.target == "rejected":
            prof.later.append((prof.answer[1] + 60, lambda w, phone: w.blocklist.add(phone)))
            break
    for prof in profiles:
        w.at(prof.t_add, "call", payload=partial(_materialize, prof))
    if oks:
        phones = [p.phone for p in sorted(oks, key=lambda p: p.t_add)]
        w.at(
            anchor - 6 * H,
            "call",
            payload=lambda w: _share(
                w,
                phones[:3],
                10,
                36 * H,
                'ООО "Ромашка & Ко"',
                "Рейсы на Казань",
                "logist@romashka.example",
            ),
        )
        w.at(
            anchor - 2 * H,
            "call",
            payload=lambda w: _share(w, phones[3:5] or phones[:1], 0, 0, "", "", ""),
        )
        w.at(
            anchor - 20 * H,
            "call",
            payload=lambda w: _subscribe(w, "reject", "email", "dispatch@example.ru", []),
        )
        w.at(
            anchor - 19 * H,
            "call",
            payload=lambda w: _subscribe(w, "onparking", "telegram", "", phones[:2]),
        )
        w.at(
            anchor - 18 * H,
            "call",
            payload=lambda w: _subscribe(w, "pos_late", "sms", "79161234567", phones[:3]),
        )

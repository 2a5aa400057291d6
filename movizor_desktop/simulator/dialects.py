"""The dialects the simulator speaks: one named switch per point the sources dispute.

No public Movizor test server exists. The 2017 document, the captures of 2018–19 and the
newer documents are silent or disagree on several points (``docs/protocol.md`` names the
sources of each reading). The simulator can answer either way, switch by switch, so tests
can prove the client copes with every reading and with any mix of them:

================  ==========================  ==========================================
switch            ``2017`` (the default)       ``v2``
================  ==========================  ==========================================
tariffs           ids 0/1/3/15/30/60/180,      ids 4/5/6/7, manual "4" (the default),
                  manual "0"                   6 and 7 MTS only, no package
manual_word       object_get says ``manual``   object_get says the id ("4")
                  for the manual tariff
events_after      ``afterid`` gives the        ``afterid`` gives the *newest* ``limit``
                  *oldest* ``limit`` newer     newer events (the rest is never sent)
                  events
object_get_extras object_get also reports      object_get reports none of them (no
                  schedule, tags,              document or capture shows them)
                  package_prolong
bare_clears       ``destination=``, ``st=``,   bare values change nothing; a weekday goes
                  ``metadata=`` clear; an      off only with an explicit ``swN=0``;
                  omitted ``swN`` is a day     ``metadata[Name]=`` (empty) removes Name
                  off when a schedule is sent
reactivate_       object_reactivate works      only after an automatic switch-off
manual_off        after object_delete's        (dateoff); after object_delete it answers
                  switch-off too               7 "Current status does not allow do that"
wrong_key         ``ACCESS_DENIED`` "Wrong     ``"0"`` "Incorrect key" (any function)
                  project or key"
escape_text       only metadata values are     titles, places and route texts are
                  HTML-escaped (as captured)   HTML-escaped too
================  ==========================  ==========================================

After five wrong keys in a clock hour both dialects answer ``ACCESS_DENIED`` "Auth rate
limit exceeded" (captured). Choose a dialect with ``movizor-sim --dialect v2`` (plus
``--switch NAME=VALUE`` to change single switches), or through ``/_sim/dialect``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from . import protocol

__all__ = ["DIALECTS", "SWITCHES", "WRONG_KEY_ANSWERS", "Dialect", "dialect", "parse_switch"]

WRONG_KEY_ANSWERS: dict[str, tuple[str, str]] = {
    "access_denied": (protocol.ACCESS_DENIED, protocol.WRONG_KEY_TEXT),
    "code0": ("0", "Incorrect key"),
}

# switch -> the values it takes (bool switches: (True, False))
SWITCHES: dict[str, tuple[Any, ...]] = {
    "tariffs": ("2017", "v2"),
    "manual_word": (True, False),
    "events_after": ("oldest", "newest"),
    "object_get_extras": (True, False),
    "bare_clears": (True, False),
    "reactivate_manual_off": (True, False),
    "wrong_key": tuple(WRONG_KEY_ANSWERS),
    "escape_text": (False, True),
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Dialect:
    tariffs: str = "2017"
    manual_word: bool = True
    events_after: str = "oldest"
    object_get_extras: bool = True
    bare_clears: bool = True
    reactivate_manual_off: bool = True
    wrong_key: str = "access_denied"
    escape_text: bool = False

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value not in SWITCHES[name] or type(value) is not type(SWITCHES[name][0]):
                raise ValueError(f"switch {name!r} takes {_choices(name)}, not {value!r}")

    @property
    def name(self) -> str:
        """``2017`` or ``v2`` when every switch is that dialect's, else ``custom``."""
        for name, known in DIALECTS.items():
            if self == known:
                return name
        return "custom"

    @property
    def wrong_key_answer(self) -> tuple[str, str]:
        return WRONG_KEY_ANSWERS[self.wrong_key]

    def with_switches(self, switches: Mapping[str, Any]) -> Dialect:
        """This dialect with some switches changed (values as JSON or CLI text)."""
        return replace(self, **{name: _value(name, value) for name, value in switches.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "switches": asdict(self)}


DIALECTS: dict[str, Dialect] = {
    "2017": Dialect(),
    "v2": Dialect(
        tariffs="v2",
        manual_word=False,
        events_after="newest",
        object_get_extras=False,
        bare_clears=False,
        reactivate_manual_off=False,
        wrong_key="code0",
        escape_text=True,
    ),
}


def _choices(name: str) -> str:
    return " or ".join(repr(v) for v in SWITCHES[name])


def _value(name: str, value: Any) -> Any:
    if name not in SWITCHES:
        raise ValueError(f"unknown switch {name!r}; one of {', '.join(SWITCHES)}")
    allowed = SWITCHES[name]
    if isinstance(allowed[0], bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    elif isinstance(value, str) and value.strip() in allowed:
        return value.strip()
    raise ValueError(f"switch {name!r} takes {_choices(name)}, not {value!r}")


def dialect(name: str = "2017", switches: Mapping[str, Any] | None = None) -> Dialect:
    """The named dialect (``2017`` or ``v2``) with ``switches`` changed."""
    try:
        base = DIALECTS[name]
    except KeyError:
        raise ValueError(f"unknown dialect {name!r}; one of {', '.join(DIALECTS)}") from None
    return base.with_switches(switches or {})


def parse_switch(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` (as ``--switch`` takes it) → (name, value); ValueError if bad."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep:
        raise ValueError(f"expected NAME=VALUE, not {text!r}")
    return name, _value(name, value)

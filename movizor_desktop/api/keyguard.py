"""The bad-key guard: a user can never walk into Movizor's five-wrong-keys-an-hour lock.

Movizor locks the caller out until the end of the hour after five requests with a wrong
key (the 2017 document; the newer documents lock the whole office's IP address). The
guard keeps the client to **at most one request per key change** while the key is not
known to work, however many callers run at once:

* After :meth:`KeyGuard.set_key` (and at the start) the key is *unverified*. The first
  caller becomes the *probe*; every other caller waits, without sending anything, until
  the probe's answer is in.
* The probe's answer decides: the service processed the request (success, or an error
  the function documents) → the key is *verified* and everyone goes; the key was refused
  → *rejected*, every waiting and later caller fails at once with
  :class:`~.errors.KeyRejectedError`; no answer (network failure) → still unverified,
  and the next caller probes.
* Every request carries the key's *epoch*. An answer for an earlier key (it arrives after
  ``set_key``) changes nothing: it can neither block nor verify the new key.

What counts as a refusal (:func:`refuses_key`, besides an auth error): an error the
function's table does not explain, from ``balance`` (which documents no errors) or from the
probe. This module knows no HTTP; the client (:mod:`.client`) asks it before and tells it
after every request.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import Enum

from .codes import ErrorKind
from .errors import ApiError, KeyRejectedError

__all__ = ["KeyGuard", "Outcome", "Ticket", "refuses_key"]


class Outcome(Enum):
    ACCEPTED = "accepted"  # the service processed the request: the key works
    REFUSED = "refused"  # the key was refused
    UNKNOWN = "unknown"  # no answer that says anything about the key


@dataclass(frozen=True, slots=True)
class Ticket:
    """Leave to send one request with the key of ``epoch``."""

    epoch: int
    probe: bool  # the request that finds out whether an unverified key works


class KeyGuard:
    def __init__(self) -> None:
        self._epoch = 0
        self._verified = -1  # the epoch whose key is known to work
        self._rejected = -1  # the epoch whose key was refused
        self._probing = False
        self._changed = asyncio.Event()

    @property
    def epoch(self) -> int:
        return self._epoch

    @property
    def rejected(self) -> bool:
        return self._rejected == self._epoch

    @property
    def verified(self) -> bool:
        return self._verified == self._epoch

    def set_key(self) -> None:
        """A new key: unverified, and nothing of the old key's answers counts any more."""
        self._epoch += 1
        self._probing = False
        self._notify()

    async def admit(self, function: str | None) -> Ticket:
        """Wait until a request may go; raise KeyRejectedError once the key is refused."""
        while True:
            epoch = self._epoch
            if self._rejected == epoch:
                raise KeyRejectedError(function)
            if self._verified == epoch:
                return Ticket(epoch, probe=False)
            if not self._probing:
                self._probing = True
                return Ticket(epoch, probe=True)
            await self._changed.wait()

    def current(self, ticket: Ticket) -> bool:
        """Whether ``ticket`` still belongs to the key in use."""
        return ticket.epoch == self._epoch

    def done(self, ticket: Ticket, outcome: Outcome) -> None:
        """The answer to ``ticket``'s request (call exactly once per ticket)."""
        if ticket.epoch != self._epoch:
            return  # an old key's answer: it says nothing about the new one
        if outcome is Outcome.ACCEPTED and self._rejected != ticket.epoch:
            self._verified = ticket.epoch
        elif outcome is Outcome.REFUSED:
            self._rejected = ticket.epoch
        if ticket.probe:
            self._probing = False
        self._notify()

    def _notify(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()


def refuses_key(function: str, exc: ApiError, ticket: Ticket) -> bool:
    """Whether ``exc`` (not an auth error) means a refused key: an error the function's
    table does not explain (a code no source documents for it, or an assumed code with
    another text), from ``balance`` or from the first call after a key change. The hourly
    quota is never taken for a refused key."""
    if exc.kind is ErrorKind.RATE_LIMIT or exc.spec is not None:
        return False
    return function == "balance" or ticket.probe

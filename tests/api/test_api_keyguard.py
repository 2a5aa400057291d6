"""The bad-key guard against the simulator over loopback: one request per key change
however many callers run at once, old keys' answers never block a new key, and answers
that are not ``ACCESS_DENIED`` still count as a refused key where they can only mean
that."""

from __future__ import annotations

import asyncio

import pytest

from movizor_desktop.api import AuthError, KeyRejectedError, MovizorClient, NotFoundError
from movizor_desktop.api.errors import KeyRefusedError, from_answer
from movizor_desktop.api.keyguard import KeyGuard, Outcome, Ticket, refuses_key
from tests.conftest import SIM_KEY

UNKNOWN_PHONE = "79210000001"


def _callers(client: MovizorClient, n: int) -> list:
    calls = (
        client.balance,
        client.object_list,
        client.events,
        client.pos_objects,
        lambda: client.object_get(UNKNOWN_PHONE),
    )
    return [calls[i % len(calls)]() for i in range(n)]


@pytest.mark.parametrize("wrong_key", ["access_denied", "code0"])
def test_a_wrong_key_with_20_concurrent_callers_costs_one_request(run, sim, sim_control, wrong_key):
    sim_control.set_dialect(wrong_key=wrong_key)
    sim_control.reset_requests()

    async def scenario():
        async with MovizorClient(
            sim.base_url, project="demo", key="wrong-key", backoff=0.01
        ) as client:
            outcome = await asyncio.gather(*_callers(client, 20), return_exceptions=True)
            assert client.key_rejected
            return outcome

    outcome = run(scenario())
    assert all(isinstance(o, AuthError) for o in outcome), outcome
    assert sum(not isinstance(o, KeyRejectedError) for o in outcome) == 1  # the probe
    assert sim_control.requests()["total"] == 1


def test_a_right_key_lets_everyone_through_after_its_first_answer(run, sim, sim_control):
    sim_control.reset_requests()

    async def scenario():
        async with MovizorClient(sim.base_url, project="demo", key=SIM_KEY) as client:
            outcome = await asyncio.gather(*_callers(client, 20), return_exceptions=True)
            return outcome, client.key_rejected

    outcome, rejected = run(scenario())
    assert not rejected
    assert [type(o) for o in outcome[4::5]] == [NotFoundError] * 4  # documented: key fine
    assert not any(isinstance(o, Exception) for i, o in enumerate(outcome) if i % 5 != 4)
    assert sim_control.requests()["total"] == 20


def test_an_old_keys_answer_never_blocks_the_new_key(run, sim, sim_control):
    sim_control.add_fault("latency", function="balance", count=1, latency=3.0)
    sim_control.reset_requests()

    async def scenario():
        async with MovizorClient(
            sim.base_url, project="demo", key="old-wrong-key", backoff=0.01
        ) as client:
            old = asyncio.ensure_future(client.balance())
            while sim_control.requests()["total"] == 0:  # the old key's probe is out
                await asyncio.sleep(0.01)
            client.set_key(SIM_KEY)
            fleet = await client.object_list()  # does not wait for the old answer
            assert not old.done()
            with pytest.raises(AuthError):
                await old  # refused: but for the old key
            assert not client.key_rejected
            return fleet, await client.balance()

    fleet, balance = run(scenario())
    assert len(fleet) == 40 and balance.balance > 0


@pytest.mark.parametrize("function", ["balance", "object_get", "events"])
def test_an_undocumented_answer_on_the_first_call_counts_as_a_refused_key(
    run, sim, sim_control, function
):
    """A wrong key answered with error "0" "Incorrect key" (the v2 reading): not a code
    any function documents, so on the first call, and on balance always, the key is
    taken as refused instead of walking into the lockout."""
    sim_control.set_dialect("v2", tariffs="2017")
    sim_control.reset_requests()

    async def scenario():
        async with MovizorClient(sim.base_url, project="demo", key="wrong-key") as client:
            call = (
                client.object_get(UNKNOWN_PHONE)
                if function == "object_get"
                else getattr(client, function)()
            )
            with pytest.raises(KeyRefusedError) as refused:
                await call
            with pytest.raises(KeyRejectedError):
                await client.object_list()
            return refused.value

    err = run(scenario())
    assert (err.error_code, err.error_text) == ("0", "Incorrect key")
    assert "ключ API" in err.message("ru") and "Incorrect key" in err.details("en")
    assert err.field == "key"
    assert sim_control.requests()["total"] == 1


def test_which_answers_mean_a_refused_key() -> None:
    refuses = refuses_key
    probe, later = Ticket(1, probe=True), Ticket(1, probe=False)
    unknown = from_answer("object_list", "99", "Something new")
    assert refuses("object_list", unknown, probe) and not refuses("object_list", unknown, later)
    assert refuses("balance", from_answer("balance", "1", "Whatever"), later)
    documented = from_answer("object_get", "1", "Phone not found")
    assert not refuses("object_get", documented, probe)
    quota = from_answer("balance", "LIMIT_EXCEEDED", "Requests limit exceeded")
    assert not refuses("balance", quota, probe)
    assumed_other_text = from_answer("events_subscribe_add", "1", "Phone not found")
    assert refuses("events_subscribe_add", assumed_other_text, probe)


def test_the_guard_bookkeeping(run) -> None:
    async def scenario():
        guard = KeyGuard()
        probe = await guard.admit("balance")
        assert probe.probe
        waiting = asyncio.ensure_future(guard.admit("events"))
        await asyncio.sleep(0)
        assert not waiting.done()  # one probe at a time
        guard.done(probe, Outcome.UNKNOWN)  # no answer: the next caller probes
        second = await waiting
        assert second.probe
        guard.set_key()  # a new key while the old probe is out
        fresh = await guard.admit("balance")
        assert fresh.probe and fresh.epoch == second.epoch + 1
        guard.done(second, Outcome.REFUSED)  # the old key's refusal
        assert not guard.rejected
        guard.done(fresh, Outcome.ACCEPTED)
        assert guard.verified and not (await guard.admit("x")).probe
        guard.done(Ticket(guard.epoch, probe=False), Outcome.REFUSED)
        with pytest.raises(KeyRejectedError):
            await guard.admit("x")

    run(scenario())

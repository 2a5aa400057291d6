"""Alert subscriptions against the simulator, no Qt: add, list, duplicates, and the safe
replace (add first, then delete) including faults injected on the add and on the delete."""

from __future__ import annotations

import pytest

from movizor_desktop.api.errors import (
    ApiError,
    InvalidInputError,
    MovizorError,
    TransportError,
)
from movizor_desktop.sync.alert_subscriptions import (
    ReplaceResult,
    SubscriptionSpec,
    add_subscription,
    delete_subscription,
    find_duplicate,
    is_email,
    list_subscriptions,
    recipient_problem,
    replace_subscription,
    split_emails,
)


@pytest.fixture(autouse=True)
def no_seeded_alerts(request):
    """Most tests start from an account without subscriptions (the seed has three)."""
    if "seeded" not in request.node.name:
        request.getfixturevalue("sim").world.subscriptions.clear()


def ok_phones(sim, n: int) -> list[str]:
    phones = [s.phone for s in sim.world.subs.values() if s.status == "ok"]
    assert len(phones) >= n
    return phones[:n]


def calls(sim_control, function: str) -> int:
    return sim_control.requests()["by_function"].get(function, 0)


def test_recipient_and_email_checks() -> None:
    assert is_email("ops@example.ru")
    assert not is_email("ops@example")
    assert not is_email("ops example.ru")
    assert split_emails(" a@b.ru  c@d.ru,e@f.ru; ") == ["a@b.ru", "c@d.ru", "e@f.ru"]
    assert recipient_problem("email", "") == "missing"
    assert recipient_problem("email", "nobody") == "invalid"
    assert recipient_problem("email", "ops@example.ru") is None
    assert recipient_problem("sms", "+7 921 001-02-03") is None
    assert recipient_problem("sms", "12345") == "invalid"
    assert recipient_problem("telegram", "") is None


def test_add_for_all_and_for_chosen_phones_round_trip(api, run, sim) -> None:
    chosen = ok_phones(sim, 2)
    run(add_subscription(api, SubscriptionSpec("onparking", "email", "ops@example.ru")))
    run(
        add_subscription(
            api,
            SubscriptionSpec(
                "pos_late", "sms", "+7 921 001-02-03", phones=tuple("+" + p for p in chosen)
            ),
        )
    )
    run(add_subscription(api, SubscriptionSpec("reject", "telegram")))
    subs = run(list_subscriptions(api))
    assert [s.type for s in subs] == ["onparking", "pos_late", "reject"]
    everyone, some, telegram = subs
    assert everyone.phones_all and everyone.email == "ops@example.ru"
    assert SubscriptionSpec.of(everyone) == SubscriptionSpec(
        "onparking", "email", "ops@example.ru", None
    )
    assert not some.phones_all and sorted(some.phones) == sorted(chosen)
    assert SubscriptionSpec.of(some).normalized() == SubscriptionSpec(
        "pos_late", "sms", "79210010203", tuple(sorted(chosen))
    )
    assert telegram.telegram and SubscriptionSpec.of(telegram).notify_type == "telegram"
    # The same alert typed differently is recognised as a duplicate.
    again = SubscriptionSpec("pos_late", "sms", "8 921 001 02 03", phones=tuple(reversed(chosen)))
    assert find_duplicate(again, subs) is some
    assert find_duplicate(again, subs, ignore_id=some.id) is None
    run(delete_subscription(api, everyone.id))
    assert [s.id for s in run(list_subscriptions(api))] == [some.id, telegram.id]


def test_replace_adds_first_then_deletes(api, run, sim, sim_control) -> None:
    run(add_subscription(api, SubscriptionSpec("confirm", "email", "old@example.ru")))
    (old,) = run(list_subscriptions(api))
    sim_control.reset_requests()
    new = SubscriptionSpec("confirm", "email", "new@example.ru", phones=tuple(ok_phones(sim, 1)))
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.REPLACED and outcome.ok and not outcome.both_exist
    order = [r["function"] for r in sim_control.requests()["last"]]
    assert order == ["events_subscribe_add", "events_subscribe_delete"]
    (current,) = run(list_subscriptions(api))
    assert current.id != old.id
    assert SubscriptionSpec.of(current).normalized() == new.normalized()


def test_replace_with_the_same_spec_sends_nothing(api, run, sim_control) -> None:
    run(add_subscription(api, SubscriptionSpec("reject", "sms", "79210010203")))
    (old,) = run(list_subscriptions(api))
    sim_control.reset_requests()
    new = SubscriptionSpec("reject", "sms", "+7 921 001-02-03")
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.UNCHANGED and outcome.ok
    assert sim_control.requests()["total"] == 0


def test_refused_add_deletes_nothing(api, run, sim_control) -> None:
    run(add_subscription(api, SubscriptionSpec("confirm", "email", "old@example.ru")))
    (old,) = run(list_subscriptions(api))
    sim_control.inject_error("events_subscribe_add", "3")
    new = SubscriptionSpec("confirm", "email", "new@example.ru")
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.ADD_FAILED and not outcome.ok
    assert isinstance(outcome.error, InvalidInputError)
    assert outcome.error.field == "notify_value"
    assert not outcome.both_exist
    assert calls(sim_control, "events_subscribe_delete") == 0
    assert [s.id for s in run(list_subscriptions(api))] == [old.id]


def test_lost_answer_of_the_add_keeps_the_old_and_says_the_new_may_exist(
    api, run, sim_control
) -> None:
    run(add_subscription(api, SubscriptionSpec("confirm", "email", "old@example.ru")))
    (old,) = run(list_subscriptions(api))
    sim_control.reset_requests()
    sim_control.add_fault("drop", "events_subscribe_add")  # processed, answer lost
    new = SubscriptionSpec("confirm", "email", "new@example.ru")
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.ADD_FAILED
    assert isinstance(outcome.error, TransportError) and outcome.maybe_added
    assert outcome.both_exist
    assert calls(sim_control, "events_subscribe_add") == 1  # a write is never retried
    assert calls(sim_control, "events_subscribe_delete") == 0
    emails = [s.email for s in run(list_subscriptions(api))]
    assert emails == ["old@example.ru", "new@example.ru"]


def test_failed_delete_after_add_leaves_both(api, run, sim_control) -> None:
    run(add_subscription(api, SubscriptionSpec("confirm", "email", "old@example.ru")))
    (old,) = run(list_subscriptions(api))
    sim_control.add_fault("http_500", "events_subscribe_delete")
    new = SubscriptionSpec("confirm", "email", "new@example.ru")
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.DELETE_FAILED and outcome.both_exist
    assert isinstance(outcome.error, MovizorError)
    emails = [s.email for s in run(list_subscriptions(api))]
    assert emails == ["old@example.ru", "new@example.ru"]


def test_delete_answering_not_found_counts_as_replaced(api, run, sim_control) -> None:
    run(add_subscription(api, SubscriptionSpec("confirm", "email", "old@example.ru")))
    (old,) = run(list_subscriptions(api))
    run(delete_subscription(api, old.id))  # someone deleted it in the web cabinet meanwhile
    new = SubscriptionSpec("confirm", "email", "new@example.ru")
    outcome = run(replace_subscription(api, old, new))
    assert outcome.result == ReplaceResult.REPLACED
    assert [s.email for s in run(list_subscriptions(api))] == ["new@example.ru"]


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (SubscriptionSpec("request", "email", "ops@example.ru"), "events"),  # not subscribable
        (SubscriptionSpec("confirm", "email", "ops@example.ru", phones=("79990000001",)), "phones"),
    ],
)
def test_refusals_name_their_field(api, run, spec: SubscriptionSpec, field: str) -> None:
    with pytest.raises(ApiError) as info:
        run(add_subscription(api, spec))
    assert info.value.field == field


def test_seeded_subscriptions_read_back_as_specs(api, run) -> None:
    specs = [SubscriptionSpec.of(s) for s in run(list_subscriptions(api))]
    assert [s.notify_type for s in specs] == ["email", "telegram", "sms"]
    assert specs[0].phones is None and specs[0].notify_value == "dispatch@example.ru"
    assert specs[1].notify_value == "" and specs[1].phones is not None
    assert specs[2].notify_value == "79161234567" and len(specs[2].phones or ()) == 3

import pytest
import datetime as dt

from actions import handoff
from contracts import redis_keys
from tools.demo import seed
from actions.profiles import ProfileStore, normalise_order_id, order_id_in


def test_seeded_profiles_round_trip(redis_client):
    seed(redis_client, dt.date(2026, 11, 30))
    alice = ProfileStore(redis_client).get("C1001")
    assert alice.first_name == "Alice" and alice.tier == "platinum"
    assert alice.order("ord 10001").status == "shipped"
    assert alice.latest_order().order_id == "ORD-10001"
    assert ProfileStore(redis_client).get("nobody") is None
    assert normalise_order_id("ord-48213") == "ORD-48213"


def test_a_tagged_word_without_digits_names_no_order():
    # a caller's "or…" tagged as an order id must not start a verification for "OR"
    assert order_id_in("OR") is None and order_id_in("") is None and order_id_in(None) is None
    assert order_id_in("4") is None and order_id_in("ORD-12") is None and order_id_in("ORD-123") == "ORD-123"
    assert order_id_in("ord 48213") == "ORD-48213" and order_id_in("order 45712") == "ORD-45712"


def test_handoff_queues_once_with_redacted_summary(redis_client):
    events = [
        {"event": "user", "text": "my card 4111 1111 1111 1111 was charged twice",
         "parse_data": {"intent": {"name": "billing_charged_twice"}}},
        {"event": "bot", "text": "sorry"},
        {"event": "user", "text": "email me at x@y.com", "parse_data": {"intent": {"name": "inform"}}},
    ]
    summary = handoff.summarise(events)
    assert summary == "[billing_charged_twice] my card [CARD] was charged twice\n[inform] email me at [EMAIL]"
    assert handoff.enqueue(redis_client, "s1", "customer asked", summary, "C1", "gold") == 1
    assert handoff.enqueue(redis_client, "s2", "customer asked", "", None, None) == 2
    assert handoff.enqueue(redis_client, "s1", "again", summary, "C1", "gold") == 1  # not queued twice
    entries = redis_client.xrange(redis_keys.HANDOFF_QUEUE)
    assert [e[1]["sender_id"] for e in entries] == ["s1", "s2"]
    assert "4111" not in entries[0][1]["summary"]
    assert redis_client.hget(redis_keys.handoff_state("s1"), "status") == "queued"


def test_queue_position_withdrawal_and_timeout(redis_client):
    assert handoff.queue_position(redis_client, "w1", 60) is None  # never queued
    handoff.enqueue(redis_client, "w1", "customer asked", "", None, None)
    handoff.enqueue(redis_client, "w2", "customer asked", "", None, None)
    assert handoff.queue_position(redis_client, "w2", 60) == 2
    assert handoff.withdraw(redis_client, "w1") and not handoff.withdraw(redis_client, "w1")
    assert handoff.queue_position(redis_client, "w1", 60) is None
    assert handoff.queue_position(redis_client, "w2", 60) == 1  # moved up when w1 left
    assert handoff.enqueue(redis_client, "w1", "asked again", "", None, None) == 2  # can queue again
    redis_client.hset(redis_keys.handoff_state("w2"), "queued_at", "0")  # waited since 1970
    assert handoff.queue_position(redis_client, "w2", 60) is None
    assert redis_client.hget(redis_keys.handoff_state("w2"), "status") == "timed_out"
    assert [e[1]["sender_id"] for e in redis_client.xrange(redis_keys.HANDOFF_QUEUE)] == ["w1"]


@pytest.mark.parametrize("answer,order_id", [
    ("sorry its 40001", "ORD-40001"), ("yeah its four zero zero zero one", "ORD-40001"),
    ("o r d one zero zero zero one", "ORD-10001"), ("its 4 0 0 0 1", "ORD-40001"), ("four oh oh oh one", "ORD-40001"),
    ("ORD-99", None), ("40001 or 10002", None), ("i have 2 orders", None), ("call me on 07700 900123", None),
    ("order two zero zero zero two no sorry two zero zero zero one the phone case", "ORD-20001"),  # corrected
    ("sorry, missed a zero: 30001", "ORD-30001"),
    ("where is my order from 3/11/24", None), ("order placed 12/1/24", None),  # dates are not order numbers  # the spoken "zero" before the colon is not a digit of it
])
def test_an_order_number_given_without_its_prefix(answer, order_id):
    from actions.profiles import order_number_said

    assert order_number_said(answer) == order_id

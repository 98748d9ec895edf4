"""The VoC worker against a real throwaway redis-server: exactly once, reclaiming, redaction."""

import json
import time

import pytest

from contracts.redis_keys import VOC_EVENTS, VOC_IRRITANTS, customer_profile, voc_day_counts, voc_day_customers
from voc.irritants import severity
from voc.settings import VocSettings
from voc.store import utc_day
from voc.taxonomy import TaxonomyError, load, keyword_pattern
from voc.worker import Worker

NOW = time.time()
DAY = utc_day(NOW)


def user(uid, sender, text, intent="order_status", sentiment=("neutral", 0.9), channel=None, customer=None):
    metadata = {k: v for k, v in (("channel", channel), ("customer_id", customer)) if v}
    return {"uid": uid, "sender_id": sender, "event": "user", "timestamp": NOW, "text": text,
            "input_channel": "voice" if channel == "voice" else "rest", "metadata": metadata,
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": 0.9},
                           "sentiment": {"label": sentiment[0], "score": sentiment[1]}, "model": "nlu-test"}}


@pytest.fixture
def worker(redis_client, redis_server):
    w = Worker(VocSettings(REDIS_URL=redis_server.url, VOC_PSEUDONYM_SECRET="p" * 40, VOC_CONSUMER="w1",
                           VOC_CLAIM_IDLE_MS=200), client=redis_client)
    w.ensure_group()
    return w


def publish(client, *events):
    for e in events:
        client.xadd(VOC_EVENTS, {"event": json.dumps(e)})


def drain(worker):
    while worker.run_once(block_ms=50):
        pass


def test_taxonomy_by_intent_then_keyword():
    t = load()
    assert t.categorise("delivery_late", "anything").name == "delivery"
    assert t.categorise("out_of_scope", "the mug arrived CRACKED").subcategory == "damaged"
    assert t.categorise("order_status", "where is it") is None
    assert keyword_pattern("charged twice").search("I was charged   twice!")
    assert not keyword_pattern("late").search("chocolate")


def test_a_broad_sub_category_gives_way_to_any_keyword():
    t = load()
    # give_feedback is the catch-all service complaint: a keyword of another category says more
    assert (t.categorise("give_feedback", "the mug arrived CRACKED").name, t.categorise("give_feedback", "meh").name) \
        == ("product", "service")
    assert t.categorise("delivery_late", "terrible service").name == "delivery"  # a specific intent stays


def test_a_bad_taxonomy_says_what_is_wrong(tmp_path):
    bad = tmp_path / "t.yml"
    bad.write_text("categories:\n  a: {subcategories: {x: {intents: [i]}}}\n  b: {subcategories: {y: {intents: [i]}}}\n")
    with pytest.raises(TaxonomyError, match="intent 'i' is in both"):
        load(bad)
    bad.write_text("categories:\n  a: {subcategories: {x: {intents: [i], broad: maybe}}}\n")
    with pytest.raises(TaxonomyError, match="'broad' is true or false"):
        load(bad)


def test_severity_grows_with_anger_tier_and_repetition():
    assert severity(None, False, 0) == 2.0
    assert severity(0.5, False, 0) == 3.0
    assert severity(0.5, True, 0) == 4.0
    assert severity(0.9, True, 2) == 5.0


def test_each_message_counts_once_even_when_seen_again(worker, redis_client):
    redis_client.set(customer_profile("C1"), json.dumps({"name": "Alice Martin", "tier": "standard"}))
    events = [
        user("u1", "s1", "my parcel is late again", intent="delivery_late", sentiment=("negative", 0.8), customer="C1"),
        user("u2", "s1", "still nothing Alice Martin here, call 07700 900123", intent="delivery_late",
             sentiment=("negative", 0.9), customer="C1"),
        user("u3", "s2", "where is my order", channel="voice"),  # neutral, no category: no record
        user("u4", "s3", "this is a disgrace", intent="out_of_scope", sentiment=("negative", 0.95)),
        user("u5", "s3", "/no_input", intent="no_input"),  # a call event: not words
    ]
    publish(redis_client, *events)
    drain(worker)
    publish(redis_client, events[0], events[1])  # the broker re-sent a batch
    drain(worker)
    assert worker.progress.applied == 5 and worker.progress.duplicates == 2  # the call event sets the channel
    counts = redis_client.hgetall(voc_day_counts(DAY))
    assert {k: v for k, v in counts.items() if not k.endswith("|severity")} == {"delivery|chat": "2",
                                                                                "uncategorised|chat": "1"}
    assert redis_client.scard(voc_day_customers(DAY, "delivery")) == 1  # one signed-in customer, twice
    records = [fields for _, fields in redis_client.xrange(VOC_IRRITANTS)]
    assert len(records) == 3
    second = records[1]
    assert "Alice" not in second["quote"] and "07700" not in second["quote"] and "[NAME]" in second["quote"]
    assert float(second["severity"]) > float(records[0]["severity"])  # the same irritant again
    assert "s1" not in json.dumps(records) and "C1" not in json.dumps(records)  # pseudonyms only


def test_what_a_dead_consumer_left_pending_is_taken_over(worker, redis_client, redis_server):
    publish(redis_client, user("a1", "s9", "my refund never came", intent="refund_not_received"))
    # another consumer reads it and dies before acknowledging
    redis_client.xreadgroup("voc-worker", "dead", {VOC_EVENTS: ">"}, count=10)
    assert redis_client.xpending(VOC_EVENTS, "voc-worker")["pending"] == 1
    time.sleep(0.3)  # past VOC_CLAIM_IDLE_MS
    assert worker.claim_abandoned() == 1
    assert redis_client.xpending(VOC_EVENTS, "voc-worker")["pending"] == 0
    assert redis_client.hget(voc_day_counts(DAY), "refunds|chat") == "1"


def test_an_unreadable_entry_is_acknowledged_not_retried_forever(worker, redis_client):
    redis_client.xadd(VOC_EVENTS, {"event": "{not json"})
    drain(worker)
    assert worker.progress.unreadable == 1
    assert redis_client.xpending(VOC_EVENTS, "voc-worker")["pending"] == 0

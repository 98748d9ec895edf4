"""The event broker against a real throwaway redis-server: redaction, no secrets, outages."""

import asyncio
import json
import time
from collections import OrderedDict

import pytest

from bot.event_broker import RedisStreamBroker, stream_event
from contracts.identity import VerifiedCustomer, issue_identity_claim
from contracts.redis_keys import VOC_EVENTS
from stack.redis_server import ThrowawayRedis

SECRET = "c" * 40


def user_event(sender="conv-1", text="hi", **metadata):
    return {"sender_id": sender, "event": "user", "timestamp": time.time(), "text": text,
            "parse_data": {"text": text, "intent": {"name": "greet", "confidence": 0.9},
                           "entities": [{"entity": "email", "value": "ann@example.com", "start": 0, "end": 5}]},
            "metadata": metadata, "input_channel": "rest"}


def test_text_is_redacted_and_no_token_or_claim_leaves():
    claim = issue_identity_claim(VerifiedCustomer("C1001", int(time.time()) + 3600), "conv-1", SECRET)
    event = user_event(text="my card is 4111 1111 1111 1111, mail ann@example.com",
                       identity=claim, customer_token="eyJ.secret.token", channel="voice", call_id="CA1", note="x")
    out = stream_event(event, SECRET)
    raw = json.dumps(out)
    # the card's digits in a group ("4111 1111"), not "4111" alone: the event's timestamp may hold those four digits
    assert "4111 1111" not in raw and "ann@example.com" not in raw and "eyJ" not in raw and claim not in raw
    assert "[CARD]" in out["text"] and "[EMAIL]" in out["parse_data"]["text"]
    assert out["metadata"] == {"channel": "voice", "call_id": "CA1", "customer_id": "C1001"}
    assert len(out["uid"]) == 32 and out["uid"] != stream_event(event, SECRET)["uid"]


def test_a_claim_for_another_conversation_names_nobody():
    claim = issue_identity_claim(VerifiedCustomer("C1001", int(time.time()) + 3600), "conv-other", SECRET)
    assert "customer_id" not in stream_event(user_event(identity=claim), SECRET)["metadata"]


def test_a_callers_identity_claim_in_a_slot_never_leaves():
    claim = issue_identity_claim(VerifiedCustomer("C1001", int(time.time()) + 3600), "CA1", SECRET)
    out = stream_event({"event": "slot", "name": "verified_identity", "value": claim, "sender_id": "CA1"}, SECRET)
    assert out["value"] is None and claim not in json.dumps(out)


def test_a_verified_caller_counts_as_the_customer_from_then_on():
    broker = RedisStreamBroker.__new__(RedisStreamBroker)
    broker.claim_secret, broker.customers, broker.verified_callers = SECRET, OrderedDict(), OrderedDict()

    def passed(event):
        out = stream_event(event, SECRET)
        broker._remember_customer(out)
        return out

    assert "customer_id" not in passed(user_event(sender="CA1", text="where is my order"))["metadata"]
    claim = issue_identity_claim(VerifiedCustomer("C1001", int(time.time()) + 3600), "CA1", SECRET)
    slot = passed({"event": "slot", "name": "verified_identity", "value": claim, "sender_id": "CA1"})
    assert slot["value"] is None and slot["metadata"] == {"customer_id": "C1001"}
    assert passed(user_event(sender="CA1", text="it never came"))["metadata"]["customer_id"] == "C1001"
    assert "customer_id" not in passed(user_event(sender="CA2", text="hello"))["metadata"]  # another call
    forged = issue_identity_claim(VerifiedCustomer("C1002", int(time.time()) + 3600), "CA2", "f" * 40)
    assert "customer_id" not in passed({"event": "slot", "name": "verified_identity", "value": forged,
                                        "sender_id": "CA2"}).get("metadata", {})
    assert "customer_id" not in passed(user_event(sender="CA2", text="hello again"))["metadata"]
    passed({"event": "slot", "name": "verified_identity", "value": None, "sender_id": "CA1"})  # reset
    assert "customer_id" not in passed(user_event(sender="CA1", text="new caller?"))["metadata"]


def test_bot_text_is_redacted_and_its_payloads_dropped():
    out = stream_event({"event": "bot", "text": "Call us on 020 7946 0958", "data": {"buttons": [1]}}, SECRET)
    assert "7946" not in out["text"] and "data" not in out


@pytest.fixture
def server():
    s = ThrowawayRedis()
    yield s
    s.stop()


def entries(url):
    import redis

    client = redis.Redis.from_url(url, decode_responses=True)
    try:
        return [json.loads(fields["event"]) for _, fields in client.xrange(VOC_EVENTS)]
    finally:
        client.close()


def test_publish_never_waits_and_everything_reaches_the_stream(server):
    async def run():
        broker = RedisStreamBroker(server.url, SECRET)
        started = time.perf_counter()
        for i in range(1000):
            broker.publish(user_event(text=f"message {i}"))
        spent = time.perf_counter() - started
        await broker.close()
        return spent, broker

    spent, broker = asyncio.run(run())
    got = entries(server.url)
    assert [e["text"] for e in got] == [f"message {i}" for i in range(1000)]
    assert broker.dropped == 0 and broker.written == 1000
    assert spent < 2.0  # redaction only: nothing waited for Redis


def test_events_published_while_redis_is_down_are_written_when_it_is_back(server):
    port = server.port

    async def run():
        broker = RedisStreamBroker(server.url, SECRET, max_queue=50)
        broker.publish(user_event(text="before"))
        await asyncio.sleep(0.3)
        server.stop()
        for i in range(60):  # 10 more than the queue holds: the oldest go, counted
            broker.publish(user_event(text=f"during {i}"))
        await asyncio.sleep(0.5)
        restarted = ThrowawayRedis(port=port)
        await asyncio.sleep(3.0)  # the writer retries and flushes
        await broker.close()
        return broker, restarted

    broker, restarted = asyncio.run(run())
    try:
        texts = [e["text"] for e in entries(restarted.url)]
        assert texts == [f"during {i}" for i in range(10, 60)]
        assert broker.dropped == 10
    finally:
        restarted.stop()


def test_the_stream_is_trimmed_by_age_not_length(server):
    async def run():
        broker = RedisStreamBroker(server.url, SECRET, retention_seconds=1)
        broker.publish(user_event(text="old"))
        await broker.flush()
        await asyncio.sleep(1.2)
        for i in range(300):
            broker.publish(user_event(text=f"new {i}"))
        await broker.close()

    asyncio.run(run())
    texts = [e["text"] for e in entries(server.url)]
    assert "old" not in texts and len(texts) == 300


def test_the_assistant_s_replies_carry_the_verified_customer_of_their_conversation(server):
    claim = issue_identity_claim(VerifiedCustomer("C1001", int(time.time()) + 3600), "conv-1", SECRET)

    async def run():
        broker = RedisStreamBroker(server.url, SECRET)
        broker.publish(user_event(text="where is my order", identity=claim))
        broker.publish({"sender_id": "conv-1", "event": "bot", "text": "Hi Alice, it arrives Friday.",
                        "metadata": {"utter_action": "utter_x"}})
        broker.publish({"sender_id": "conv-2", "event": "bot", "text": "Hello!"})  # nobody signed in there
        await broker.close()

    import redis

    redis.Redis.from_url(server.url).delete(VOC_EVENTS)
    asyncio.run(run())
    got = entries(server.url)
    assert got[1]["metadata"] == {"customer_id": "C1001"}  # the VoC worker redacts her name with it
    assert got[2].get("metadata") in (None, {})

"""Conversation outcomes, effort and inferred CSAT: from Rasa's events through a real throwaway
redis-server to the outcome records and the day's KPI counters."""

import itertools
import json
import time

import pytest

from contracts.redis_keys import (VOC_EVENTS, VOC_OPEN, VOC_OUTCOMES, customer_profile, voc_day_kpis,
                                  voc_transcript)
from voc.conversations import ABANDONED, HANDED_OFF, RESOLVED, UNRESOLVED, summarise
from voc.settings import VocSettings
from voc.store import utc_day
from voc.worker import Worker

uids = (f"e{i}" for i in itertools.count())


class Conversation:
    """Rasa's events for one conversation, `step` seconds apart, as the broker writes them."""

    def __init__(self, sender, start=None, channel=None, customer=None, step=1.0):
        self.sender, self.at, self.step, self.events = sender, start or time.time() - 3600, step, []
        self.metadata = {k: v for k, v in (("channel", channel), ("customer_id", customer)) if v}

    def _add(self, **event):
        self.at += self.step
        self.events.append({"uid": next(uids), "sender_id": self.sender, "timestamp": self.at, **event})
        return self

    def user(self, text, intent="order_status", sentiment="neutral"):
        return self._add(event="user", text=text, metadata=self.metadata, input_channel="rest",
                         parse_data={"intent": {"name": intent, "confidence": 0.9},
                                     "sentiment": {"label": sentiment, "score": 0.9}, "model": "nlu-test"})

    def action(self, name):
        return self._add(event="action", name=name)

    def slot(self, name, value):
        return self._add(event="slot", name=name, value=value)

    def bot(self, text):
        return self._add(event="bot", text=text, metadata={"customer_id": self.metadata["customer_id"]}
                         if "customer_id" in self.metadata else {})


def outcome_of(conversation: Conversation):
    """What summarise() makes of the conversation, through the worker's own hash fields."""
    from voc.store import Store
    from voc.taxonomy import load

    class Recorder:  # collects the HSETs the store plans, without Redis
        fields = {}

    store = Store.__new__(Store)
    store.settings, store.taxonomy, store.top_tiers = VocSettings(VOC_PSEUDONYM_SECRET="x" * 32), load(), set()
    store._profile = lambda _id: {}
    for event in conversation.events:
        plan = store._plan(event, {})
        for command in plan[3] if plan else []:  # (uid, conversation, time, commands)
            if command[0] == "HSET" and command[1].startswith("voc:conversation:"):
                pairs = command[2:]
                Recorder.fields.update(dict(zip(pairs[::2], pairs[1::2])))
    return summarise("c-test", Recorder.fields)


def test_an_answered_question_is_resolved():
    c = Conversation("s").user("where is my order").action("action_order_request").bot("It arrives Friday.")
    c.user("thanks", intent="thanks").action("utter_you_are_welcome").bot("Anything else I can help with?")
    o = outcome_of(c)
    assert (o.outcome, o.turns, o.fallbacks, o.effort) == (RESOLVED, 2, 0, 1.25)
    assert o.inferred_csat == 4.5 and o.factors == {RESOLVED: 1.5}


def test_a_queued_conversation_is_handed_off_with_its_reason_unless_withdrawn():
    c = Conversation("s").user("I want a person", intent="speak_to_human").action("action_handoff")
    c.slot("handoff_reason", "customer asked").slot("handoff_queued", True).bot("You're number 1 in the queue.")
    o = outcome_of(c)
    assert (o.outcome, o.handoff_reason, o.effort) == (HANDED_OFF, "customer asked", 2.0)
    c.user("never mind", intent="deny").action("action_while_queued").slot("handoff_queued", False)
    assert outcome_of(c).outcome == RESOLVED


def test_leaving_while_the_assistant_waits_is_abandoning_but_skipping_the_rating_is_not():
    form = Conversation("s").user("cancel my order", intent="cancel_order").action("order_form")
    form.slot("requested_slot", "order_id").bot("Which order number?")
    assert outcome_of(form).outcome == ABANDONED
    rated = Conversation("s").user("where is it").action("action_order_request").bot("Friday.")
    rated.user("bye", intent="goodbye").action("action_ask_rating").slot("rating_requested", True)
    rated.bot("How would you rate this conversation, 1 to 5?")
    assert outcome_of(rated).outcome == RESOLVED


def test_fallbacks_rephrasings_and_the_csat_factors():
    c = Conversation("s").user("blorp", intent="nlu_fallback").action("action_rephrase").bot("Could you rephrase?")
    c.user("my thing is broken grr", intent="nlu_fallback", sentiment="negative").action("action_rephrase")
    c.bot("Sorry, could you say it differently?")
    o = outcome_of(c)
    assert (o.outcome, o.fallbacks, o.rephrasings, o.negative_turns) == (ABANDONED, 2, 1, 1)
    assert o.factors == {ABANDONED: -1.5, "fallbacks": -1.0, "negative_turns": -0.5, "effort": -0.44}
    assert o.inferred_csat == 1.0  # 3 - 3.44, clamped
    # a misunderstanding the assistant answered without asking anything: unresolved
    u = Conversation("s").user("asdf qwerty", intent="nlu_fallback").action("action_out_of_scope").bot("I can't help.")
    assert outcome_of(u).outcome == UNRESOLVED


def test_a_call_with_no_words_is_abandoned_and_a_stated_rating_is_compared():
    call = Conversation("call-1", channel="voice").user("/call_connected", intent="call_connected")
    call.action("action_call_connected").bot("Hello, thanks for calling.")
    o = outcome_of(call)
    assert (o.outcome, o.turns, o.channel) == (ABANDONED, 0, "voice")
    rated = Conversation("s").user("where is my order").action("action_order_request").bot("Friday.")
    rated.user("5", intent="inform").action("action_rating").slot("rating", 5).slot("rating_requested", False)
    o = outcome_of(rated)
    assert (o.stated_rating, o.inferred_csat, o.agrees) == (5, 4.5, True)


# --- through Redis and the worker --------------------------------------------------------------

@pytest.fixture
def worker(redis_client, redis_server):
    w = Worker(VocSettings(REDIS_URL=redis_server.url, VOC_PSEUDONYM_SECRET="p" * 40, VOC_CONSUMER="w1",
                           VOC_CLAIM_IDLE_MS=200, VOC_CONVERSATION_IDLE_SECONDS=1,
                           VOC_CLOSE_EVERY_SECONDS=3600), client=redis_client)
    w._last_close = float("inf")  # only the tests close conversations here
    w.ensure_group()
    return w


def publish(client, conversation):
    for e in conversation.events:
        client.xadd(VOC_EVENTS, {"event": json.dumps(e)})


def drain(worker):
    while worker.run_once(block_ms=50):
        pass


def test_ended_conversations_are_counted_once_per_day_and_channel(worker, redis_client):
    redis_client.set(customer_profile("C1"), json.dumps({"name": "Alice Martin", "tier": "gold"}))
    a = Conversation("a", customer="C1").user("where is my order").action("action_order_request")
    a.bot("Hi Alice, it arrives Friday.").user("5", intent="inform").slot("rating", 5)
    b = Conversation("b").user("a person please", intent="speak_to_human").action("action_handoff")
    b.slot("handoff_reason", "customer asked").slot("handoff_queued", True)
    for c in (a, b):
        publish(redis_client, c)
    drain(worker)
    assert worker.close_ended() == 2
    publish(redis_client, a)  # the broker re-sent the whole conversation: nothing changes
    drain(worker)
    assert worker.close_ended() == 0
    kpis = redis_client.hgetall(voc_day_kpis(utc_day(a.at)))
    assert kpis["chat|conversations"] == "2" and kpis["chat|resolved"] == "1" and kpis["chat|handed_off"] == "1"
    assert kpis["chat|handoff_reason:customer asked"] == "1" and kpis["chat|stated_n"] == "1"
    assert kpis["chat|turns"] == "3" and kpis["chat|resolved_turns"] == "2"
    outcomes = [f for _, f in redis_client.xrange(VOC_OUTCOMES)]
    assert sorted(o["outcome"] for o in outcomes) == [HANDED_OFF, RESOLVED]
    assert redis_client.zcard(VOC_OPEN) == 0
    transcript = "".join(redis_client.lrange(voc_transcript(outcomes[0]["conversation"]), 0, -1)
                         + redis_client.lrange(voc_transcript(outcomes[1]["conversation"]), 0, -1))
    assert "arrives Friday" in transcript and "Alice" not in transcript  # her name, from her profile


def test_a_conversation_is_not_closed_while_another_consumer_holds_its_events(worker, redis_client):
    now = time.time()
    c = Conversation("late", start=now - 1.5).user("where is my order")  # at now - 0.5
    publish(redis_client, c)
    drain(worker)
    tail = Conversation("late", start=now - 1).action("action_order_request")  # at now, written now
    publish(redis_client, tail)
    redis_client.xreadgroup("voc-worker", "dead", {VOC_EVENTS: ">"}, count=10)  # read, then it died
    time.sleep(1.5)  # past the idle time, measured from the dead consumer's entry
    assert worker.close_ended() == 0  # its event may still change the outcome
    time.sleep(0.3)
    worker.claim_abandoned()
    time.sleep(1.2)
    assert worker.close_ended() == 1
    assert [f["outcome"] for _, f in redis_client.xrange(VOC_OUTCOMES)] == [RESOLVED]

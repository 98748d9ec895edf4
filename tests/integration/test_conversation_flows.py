"""Two requests in one message, leaving the order form, the end-of-conversation rating:
through the real REST channel -> rasa -> nlu -> actions -> Redis."""

from __future__ import annotations

import json

import httpx

from contracts import redis_keys
from contracts.records import stated_rating
from tests.integration.conftest import token

ALICE, BEN = "C1001", "C1002"


def test_two_requests_answer_the_first_and_offer_the_second(chat, backend):
    # a refund, not a cancellation: other tests need Ben's orders as seeded
    s, t = chat.new_sender(), token(BEN)
    text = "my sofa is over a week late, and while I'm here can I get a refund on the phone case"
    parsed = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse", json={"text": text}).json()
    assert [r["intent"] for r in parsed["requests"]] == ["delivery_late", "request_refund"]
    first = chat.say(s, text, t)
    assert "ORD-20002" in first and "shall I?" in first and "refund" in first.lower()
    second = chat.say(s, "yes go on", t)
    assert "ORD-20001" in second and "refunded" in second
    assert "ORD-20002" not in second


def test_the_second_request_waits_for_the_order_form(chat):
    s = chat.new_sender()
    asked = chat.say(s, "where is my parcel? also I can't log into my account")
    assert "order number" in asked
    answered = chat.say(s, "ORD-12345")
    assert "ORD-12345" in answered and "shall I?" in answered and "sign in" in answered
    help_ = chat.say(s, "yes please")
    assert "Forgot password" in help_ or "reset link" in help_


def test_never_mind_leaves_the_order_form(chat):
    s = chat.new_sender()
    assert "order number" in chat.say(s, "I need a refund for an order")
    left = chat.say(s, "never mind, forget it")
    assert "leave that order" in left and "order number?" not in left
    assert "0800" in chat.say(s, "when are you open?")  # the form does not come back


def test_another_request_inside_the_order_form_is_answered(chat):
    s = chat.new_sender()
    assert "order number" in chat.say(s, "can you track my delivery")
    reply = chat.say(s, "hang on, am I talking to a robot?")
    assert "assistant" in reply and "order number" not in reply


def test_a_resolved_conversation_asks_for_a_rating_and_stores_it(chat, backend_redis):
    s, t = chat.new_sender(), token(ALICE)
    assert "ORD-10001" in chat.say(s, "where is my order?", t)
    bye = chat.say(s, "thanks, bye", t)
    assert "rate this chat" in bye
    assert "4/5" in chat.say(s, "4", t)
    events = json.loads(backend_redis.get(redis_keys.rasa_tracker(s)))["events"]
    assert stated_rating(events) == 4


def test_the_rating_can_be_skipped_and_is_not_asked_after_small_talk(chat, backend_redis):
    s = chat.new_sender()
    assert "rate this chat" not in chat.say(s, "hello") + chat.say(s, "goodbye")
    s, t = chat.new_sender(), token(ALICE)
    chat.say(s, "is my order on its way?", t)
    assert "rate this chat" in chat.say(s, "bye", t)
    assert "No problem" in chat.say(s, "skip", t)
    events = json.loads(backend_redis.get(redis_keys.rasa_tracker(s)))["events"]
    assert stated_rating(events) is None


def test_an_anonymous_complaint_asks_which_order_instead_of_pretending(chat):
    s = chat.new_sender()
    first = chat.say(s, "my blender arrived with a cracked jug")
    assert "sorry" in first.lower() and "order number" in first and "flagged" not in first
    assert "signed in" in chat.say(s, "it's ORD-55555")


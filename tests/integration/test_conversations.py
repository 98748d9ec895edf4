"""Scripted multi-turn conversations through the real REST channel -> rasa -> nlu -> actions -> Redis."""

from __future__ import annotations

import json

import httpx

from contracts import redis_keys
from tests.integration.conftest import token

ALICE, BEN, CHLOE = "C1001", "C1002", "C1003"


def test_anonymous_greeting_thanks_and_goodbye(chat):
    s = chat.new_sender()
    assert "How can I help with your order" in chat.say(s, "hello there")
    thanks = chat.say(s, "thanks a lot")
    assert any(w in thanks for w in ("welcome", "Happy to help", "Any time")), thanks
    bye = chat.say(s, "bye for now")
    assert any(w in bye for w in ("Goodbye", "lovely day", "Take care")), bye


def test_greeting_is_personal_with_a_valid_token(chat):
    s = chat.new_sender()
    assert "Hi Alice, welcome back" in chat.say(s, "hi!", token(ALICE))


def test_order_status_for_signed_in_customer(chat):
    s = chat.new_sender()
    reply = chat.say(s, "where is my order?", token(ALICE))
    assert "Alice, your order ORD-10001" in reply and "on its way with DPD" in reply


def test_tracking_a_named_order(chat):
    s = chat.new_sender()
    reply = chat.say(s, "can I get the tracking link for ORD-30001", token(CHLOE))
    assert "https://track.example.com/EVRI/30001" in reply


def test_order_form_collects_the_missing_id_and_stays_anonymous(chat):
    s = chat.new_sender()
    assert "order number" in chat.say(s, "where is my order?")
    reply = chat.say(s, "it's ORD-10001")
    assert "signed in" in reply and "ORD-10001" in reply
    assert "Alice" not in reply and "trainers" not in reply


def test_form_rejects_a_malformed_id_then_accepts(chat):
    s = chat.new_sender()
    chat.say(s, "I want to cancel my order")
    assert "doesn't look like one of our order numbers" in chat.say(s, "order ORD-12")
    assert "signed in" in chat.say(s, "sorry, ORD-20001")


def test_forged_and_expired_tokens_stay_anonymous(chat):
    for bad in (token(ALICE, secret="not-the-shop-secret-" * 2), token(ALICE, ttl=-60), "not.a.jwt"):
        s = chat.new_sender()
        greeting = chat.say(s, "hello", bad)
        assert "Alice" not in greeting
        reply = chat.say(s, "where is my order ORD-10001?", bad)
        assert "Alice" not in reply and "trainers" not in reply and "DPD" not in reply


def test_another_customers_order_is_not_shown(chat):
    s = chat.new_sender()
    reply = chat.say(s, "what's the status of order ORD-10001?", token(BEN))
    assert "couldn't find ORD-10001 on your account, Ben" in reply and "trainers" not in reply


def test_cancel_updates_the_profile(chat, backend_redis):
    s = chat.new_sender()
    reply = chat.say(s, "please cancel order ORD-20001", token(BEN))
    assert "asked the warehouse to cancel ORD-20001" in reply and "sms" in reply
    profile = json.loads(backend_redis.get(redis_keys.customer_profile(BEN)))
    assert {o["order_id"]: o["status"] for o in profile["orders"]}["ORD-20001"] == "cancellation_requested"


def test_top_tier_complaint_is_offered_a_person_and_handed_off(chat, backend_redis):
    s = chat.new_sender()
    reply = chat.say(s, "my kettle arrived smashed to pieces, the box was crushed", token(ALICE))
    assert "sorry" in reply.lower() and "Alice" in reply
    assert "put you through to one of our team" in reply
    handed = chat.say(s, "yes please", token(ALICE))
    assert "passed our conversation to a member of our customer care team" in handed
    assert "by email" in handed
    entries = [e[1] for e in backend_redis.xrange(redis_keys.HANDOFF_QUEUE) if e[1]["sender_id"] == s]
    assert len(entries) == 1 and entries[0]["customer_id"] == ALICE and entries[0]["tier"] == "platinum"
    assert "[item_damaged]" in entries[0]["summary"]


def test_repeated_negativity_earns_a_person_and_summary_is_redacted(chat, backend_redis):
    s = chat.new_sender()
    t = token(BEN)
    first = chat.say(s, "this is ridiculous, my sofa is STILL not here, it's two weeks late!!", t)
    assert "sorry" in first.lower()
    second = chat.say(s, "I've been charged twice on my card 4111 1111 1111 1111, absolutely furious", t)
    assert "put you through to one of our team" in second
    assert "passed our conversation" in chat.say(s, "yes", t)
    summary = next(e[1]["summary"] for e in backend_redis.xrange(redis_keys.HANDOFF_QUEUE) if e[1]["sender_id"] == s)
    assert "[CARD]" in summary and "4111" not in summary


def test_asking_for_a_person(chat, backend_redis):
    s = chat.new_sender()
    reply = chat.say(s, "let me talk to a real human agent please")
    assert "queue" in reply
    assert backend_redis.hget(redis_keys.handoff_state(s), "status") == "queued"


def test_low_confidence_asks_to_rephrase(chat, backend):
    nlu = f"http://127.0.0.1:{backend.ports.nlu}/model/parse"
    vague = ["the thing about the other thing", "it is what it is", "can you do the thing"]
    unsure = [t for t in vague if httpx.post(nlu, json={"text": t}).json()["intent"]["name"] == "nlu_fallback"]
    assert unsure, f"precondition: the model is unsure of at least one of {vague}"
    reply = chat.say(chat.new_sender(), unsure[0])
    assert "rephrase" in reply or "put it another way" in reply


def test_keyboard_mash_starts_no_business_flow(chat):
    reply = chat.say(chat.new_sender(), "qwertyuiop asdf", token(ALICE))
    assert "ORD-" not in reply and "order number" not in reply and "Alice" not in reply


def test_out_of_scope_and_bot_challenge(chat):
    s = chat.new_sender()
    for text in ("what's the weather going to be like in Paris tomorrow?", "can you write my history essay for me"):
        reply = chat.say(s, text)
        assert "not something I can help with" in reply or "outside what I can do" in reply
    assert "assistant" in chat.say(s, "am I talking to a bot?")


def test_conversation_survives_a_rasa_restart(chat, backend, backend_redis):
    s = chat.new_sender()
    assert "order number" in chat.say(s, "I'd like a refund for my order")
    assert backend_redis.exists(redis_keys.rasa_tracker(s))
    backend.restart("rasa")
    reply = chat.say(s, "ORD-40001")  # the form, still active, takes the id
    assert "ORD-40001" in reply and "signed in" in reply


def test_bad_input_gets_clear_errors_and_next_message_works(chat):
    r = chat.post_raw(json.dumps({"sender": "x", "message": ""}).encode())
    assert r.status_code == 400 and "empty" in r.json()["error"]
    r = chat.post_raw(json.dumps({"sender": "x", "message": "a" * 100_000}).encode())
    assert r.status_code == 413 and "limit" in r.json()["error"]
    r = chat.post_raw(b'{"sender": "x", "message": "hi"')
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]
    r = chat.post_raw(b'{"sender": "x", "message": "\xff\xfe"}')
    assert r.status_code == 400 and "UTF-8" in r.json()["error"]
    assert "How can I help" in chat.say(chat.new_sender(), "hello")


def test_nlu_service_contract(backend):
    r = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse",
                   json={"text": "I was charged twice, £24.99, for ORD-12345, mail me at jo@example.com",
                         "message_id": "m1"})
    assert r.status_code == 200
    body = r.json()
    assert body["intent"]["name"] == "billing_charged_twice"
    assert body["sentiment"]["label"] in {"negative", "neutral", "positive"}
    assert body["model"].startswith("nlu-")
    found = {(e["entity"], e["value"]) for e in body["entities"]}
    assert {("amount", "£24.99"), ("order_id", "ORD-12345"), ("email", "jo@example.com")} <= found
    for bad, status in (({"text": "   "}, 400), ({"text": "x" * 50_000}, 413), ({"nope": 1}, 422)):
        r = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse", json=bad)
        assert r.status_code == status and r.json()["detail"]


def test_nlu_down_gets_a_polite_reply_and_recovers(chat, backend):
    s = chat.new_sender()
    backend.services["nlu"].stop()
    try:
        reply = chat.say(s, "where is my order?")
        assert "Could you tell me again what you need" in reply
    finally:
        backend.services["nlu"].start()
        backend.services["nlu"].wait_healthy()
    assert "How can I help" in chat.say(chat.new_sender(), "hello")


def test_explanations_and_model_card(backend):
    from nlu import registry
    from nlu.settings import NluSettings

    r = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse",
                   json={"text": "I was charged twice for the same order", "explain": True})
    explanation = r.json()["explanation"]
    assert explanation["intent"] == "billing_charged_twice" and explanation["method"] == "occlusion"
    top_two = {t["token"].lower() for t in explanation["tokens"][:2]}
    assert top_two & {"charged", "twice"}, explanation
    plain = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse", json={"text": "hello"}).json()
    assert plain.get("explanation") is None
    card = (registry.current_path(NluSettings().models_dir) / "MODEL_CARD.md").read_text()
    for needle in ("billing_charged_twice", "Most confused intent pairs", "Out-of-scope handling", "Known limits"):
        assert needle in card


def test_a_message_without_token_on_a_signed_in_sender_is_anonymous(chat):
    s = chat.new_sender()
    assert "Alice" in chat.say(s, "hi", token(ALICE))
    reply = chat.say(s, "where is my order?")  # same sender id, no token: could be anyone
    assert "Alice" not in reply and "trainers" not in reply and "order number" in reply

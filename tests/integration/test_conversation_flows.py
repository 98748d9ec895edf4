"""Two requests in one message, leaving the order form, the end-of-conversation rating:
through the real REST channel -> rasa -> nlu -> actions -> Redis."""

from __future__ import annotations

import json

import httpx

from contracts import redis_keys
from contracts.records import stated_rating
from tests.integration.conftest import token

ALICE, BEN = "C1001", "C1002"
LOST = "couldn't work out what to do next"  # Rasa's own fallback: no policy knew what came next


def say(chat, sender, text, customer_token=None) -> str:
    """One turn that must end cleanly: the dialogue always knows the turn is over."""
    reply = chat.say(sender, text, customer_token)
    assert LOST not in reply, f"{text!r} -> {reply!r}"
    return reply


def test_two_requests_answer_the_first_and_offer_the_second(chat, backend):
    # a refund, not a cancellation: other tests need Ben's orders as seeded
    s, t = chat.new_sender(), token(BEN)
    text = "my sofa is over a week late, and while I'm here can I get a refund on the phone case"
    parsed = httpx.post(f"http://127.0.0.1:{backend.ports.nlu}/model/parse", json={"text": text}).json()
    assert [r["intent"] for r in parsed["requests"]] == ["delivery_late", "request_refund"]
    first = say(chat, s, text, t)
    assert "ORD-20002" in first and "shall I?" in first and "refund" in first.lower()
    second = say(chat, s, "yes go on", t)
    assert "ORD-20001" in second and "refund" in second.lower()
    assert "ORD-20002" not in second


def test_the_second_request_waits_for_the_order_form(chat):
    s = chat.new_sender()
    asked = say(chat, s, "where is my parcel? also I can't log into my account")
    assert "order number" in asked
    answered = say(chat, s, "ORD-12345")
    assert "ORD-12345" in answered and "shall I?" in answered and "sign in" in answered
    help_ = say(chat, s, "yes please")
    assert "Forgot password" in help_ or "reset link" in help_


def test_never_mind_leaves_the_order_form(chat):
    s = chat.new_sender()
    assert "order number" in say(chat, s, "I need a refund for an order")
    left = say(chat, s, "never mind, forget it")
    assert "leave that" in left and "order number?" not in left
    assert "0800" in say(chat, s, "when are you open?")  # the form does not come back


def test_another_request_inside_the_order_form_is_answered(chat):
    s = chat.new_sender()
    assert "order number" in say(chat, s, "can you track my delivery")
    reply = say(chat, s, "hang on, am I talking to a robot?")
    assert "assistant" in reply and "order number" not in reply


def test_a_resolved_conversation_asks_for_a_rating_and_stores_it(chat, backend_redis):
    s, t = chat.new_sender(), token(ALICE)
    assert "ORD-10001" in say(chat, s, "where is my order?", t)
    bye = say(chat, s, "thanks, bye", t)
    assert "rate this chat" in bye
    assert "4/5" in say(chat, s, "4", t)
    events = json.loads(backend_redis.get(redis_keys.rasa_tracker(s)))["events"]
    assert stated_rating(events) == 4


def test_the_rating_can_be_skipped_and_is_not_asked_after_small_talk(chat, backend_redis):
    s = chat.new_sender()
    assert "rate this chat" not in say(chat, s, "hello") + say(chat, s, "goodbye")
    s, t = chat.new_sender(), token(ALICE)
    say(chat, s, "is my order on its way?", t)
    assert "rate this chat" in say(chat, s, "bye", t)
    assert "No problem" in say(chat, s, "skip", t)
    events = json.loads(backend_redis.get(redis_keys.rasa_tracker(s)))["events"]
    assert stated_rating(events) is None


def test_an_anonymous_complaint_asks_which_order_instead_of_pretending(chat):
    s = chat.new_sender()
    first = say(chat, s, "my blender arrived with a cracked jug")
    assert "sorry" in first.lower() and "order number" in first and "flagged" not in first
    assert "signed in" in say(chat, s, "it's ORD-55555")



def test_accepting_a_person_ends_the_turn_with_the_hand_off(chat):
    s, t = chat.new_sender(), token(ALICE)
    assert "put you through" in say(chat, s, "my kettle arrived smashed to bits", t)
    handed = say(chat, s, "yes please", t)
    assert "passed our conversation" in handed and "still in the queue" not in handed


def test_leaving_the_queue_with_a_request_answers_it(chat):
    s, t = chat.new_sender(), token("C1003")
    assert "passed our conversation" in say(chat, s, "put me through to a person", t)
    assert "still in the queue" in say(chat, s, "is my dress coming today?", t)  # no business flow while queued
    left = say(chat, s, "never mind, you can just tell me if my dress is coming today", t)
    assert "out of the queue" in left and "ORD-30001" in left and "what can I help you with" not in left
    assert "in the queue" not in say(chat, s, "thanks", t)
    assert "passed our conversation" in say(chat, s, "agent please", t)
    assert "out of the queue" in say(chat, s, "cancel the agent please", t)  # a person called off
    assert "passed our conversation" in say(chat, s, "get me a human", t)
    refused = say(chat, s, "I don't need a person. I just need my dress to turn up", t)
    assert "out of the queue" in refused and "ORD-30001" in refused  # a person refused leaves too
    s = chat.new_sender()  # Chloe's dress is out for delivery: asking to cancel it changes nothing
    assert "passed our conversation" in say(chat, s, "let me speak to someone", t)
    cancelled = say(chat, s, "never mind, can i just cancel my dress order instead", t)
    assert "out of the queue" in cancelled and "ORD-30001" in cancelled and "cancelled" in cancelled
    s = chat.new_sender()  # a person called off, with a cancellation asked besides
    assert "passed our conversation" in say(chat, s, "let me talk to someone please", t)
    cancelled = say(chat, s, "forget the agent, can you just cancel the dress order", t)
    assert "out of the queue" in cancelled and "ORD-30001" in cancelled and "cancelled" in cancelled
    assert "passed our conversation" in say(chat, s, "agent please", t)
    dropped = say(chat, s, "no actually don't worry, where's my dress", t)  # dropped for a request of her own
    assert "out of the queue" in dropped and "ORD-30001" in dropped
    assert "passed our conversation" in say(chat, s, "agent please", t)
    assert "out of the queue" in say(chat, s, "meh can you just do it instead", t)  # the assistant after all
    assert "passed our conversation" in say(chat, s, "agent please", t)
    spanish = say(chat, s, "¿Cuánto tiempo tengo que esperar?", t)  # another language while queued
    assert "inglés" in spanish and "still in the queue" in spanish
    left = say(chat, s, "cancel", t)  # the word alone withdraws, as the issue asks; it cancels no order
    assert "out of the queue" in left and "ORD-30001" not in left
    assert "passed our conversation" in say(chat, s, "agent please", t)
    found = say(chat, s, "actually never mind, found what i needed on the website", t)  # nothing asked besides
    assert "out of the queue" in found and "order number" not in found and "sorry" not in found.lower()
    assert "passed our conversation" in say(chat, s, "agent please", t)
    waiting = say(chat, s, "actualy nvm, ill just wait for the dress to turn up i guess", t)  # asks nothing
    assert "out of the queue" in waiting and "ORD-30001" not in waiting
    assert "passed our conversation" in say(chat, s, "agent please", t)
    scrapped = say(chat, s, "Actually scrap that, I'll just ask you: when is my dress arriving?", t)
    assert "out of the queue" in scrapped and "ORD-30001" in scrapped


def test_while_queued_a_fixed_answer_is_given_with_the_queue_position(chat):
    s, t = chat.new_sender(), token("C1003")
    assert "passed our conversation" in say(chat, s, "I want to speak to a person", t)
    hours = say(chat, s, "what time do your phone lines close?", t)
    assert "0800 000 0000" in hours and "still in the queue" in hours
    upset = say(chat, s, "honestly this is shocking service, absolutely useless", t)
    assert "sorry" in upset and "still in the queue" in upset  # emotion first while waiting too


def test_a_verbless_follow_up_asks_the_same_question_about_another_order(chat):
    s, t = chat.new_sender(), token(ALICE)
    assert "ORD-10002" in say(chat, s, "has my kettle arrived?", t)
    other = say(chat, s, "thanks. and the other one?", t)
    assert "ORD-10001" in other and "ORD-10002" not in other
    s = chat.new_sender()
    assert "30 days" in say(chat, s, "can I return the kettle?", t)
    trainers = say(chat, s, "and the trainers?", t)
    assert "ORD-10001" in trainers and "30 days" in trainers  # the return question, asked again


def test_an_anonymous_order_number_is_kept_for_the_next_question(chat):
    s = chat.new_sender()
    assert "sign in" in say(chat, s, "has ORD-40001 shipped?")
    why = say(chat, s, "That's annoying. Can't you just tell me yes or no whether it's shipped?")
    assert "keeps your orders private" in why and "order number" not in why
    again = say(chat, s, "so when do i get my money back?")
    assert "ORD-40001" in again and "order number" not in again


def test_same_again_for_another_order_repeats_the_request(chat):
    s, t = chat.new_sender(), token(ALICE)
    assert "30 days" in say(chat, s, "can I send the kettle back?", t)
    again = say(chat, s, "same again for the trainers please", t)
    assert "ORD-10001" in again and "30 days" in again


def test_a_refund_on_an_order_not_yet_shipped_offers_to_cancel_it(chat, backend_redis):
    s, t = chat.new_sender(), token(BEN)
    offer = say(chat, s, "I want a refund for the phone case", t)
    assert "ORD-20001" in offer and "cancel it for a full refund" in offer
    assert "anything else" in say(chat, s, "no thanks", t)  # declined: nothing cancelled
    stored = json.loads(backend_redis.get(redis_keys.customer_profile(BEN)))
    assert next(o for o in stored["orders"] if o["order_id"] == "ORD-20001")["status"] == "processing"


def test_a_cancellation_taken_back_right_after_is_withdrawn(chat, backend_redis):
    key = redis_keys.customer_profile(BEN)
    seeded = backend_redis.get(key)
    try:
        s, t = chat.new_sender(), token(BEN)
        assert "asked the warehouse to cancel ORD-20001" in say(chat, s, "cancel ORD-20001 please", t)
        kept = say(chat, s, "wait no!! don't cancel it, I still want it", t)
        assert "withdrawn the cancellation" in kept and "ORD-20001" in kept
        stored = json.loads(backend_redis.get(key))
        assert next(o for o in stored["orders"] if o["order_id"] == "ORD-20001")["status"] == "processing"
    finally:  # other tests need Ben's orders as seeded, whatever happened here
        backend_redis.set(key, seeded)


def test_pushing_back_after_the_no_number_offer_hears_why_and_is_not_queued(chat):
    s = chat.new_sender()
    assert "order number" in say(chat, s, "wheres my order")
    assert "If you sign in" in say(chat, s, "I don't have it, sorry")
    why = say(chat, s, "oh come on cant you just tell me")
    assert "keeps your orders private" in why and "queue" not in why


def test_an_insult_gets_an_apology_and_anger_that_comes_back_gets_a_person(chat):
    s = chat.new_sender()
    first = say(chat, s, "what a pathetic excuse for a bot, you are completely useless")
    assert "sorry" in first and "one of our team" in first and "virtual assistant" not in first
    second = say(chat, s, "I CANNOT BELIEVE HOW BAD THIS IS")  # shouted: upset whatever the sentiment says
    assert "person now" in second and "in the queue" in second


def test_a_calm_question_about_the_bot_gets_the_plain_answer(chat):
    reply = say(chat, chat.new_sender(), "is this an automated chat?")
    assert "assistant" in reply and "sorry" not in reply.lower()


def test_no_order_number_in_the_form_offers_sign_in_or_a_person(chat):
    s = chat.new_sender()
    assert "order number" in say(chat, s, "has my parcel been sent yet")
    reply = say(chat, s, "I can't find my order number anywhere")
    assert "sign in" in reply and "put you through" in reply and "ORD-12345" not in reply
    assert "in the queue" in say(chat, s, "yes please")


def test_the_other_request_is_acknowledged_before_the_order_form_asks(chat):
    reply = say(chat, chat.new_sender(), "I want a refund, and also what number can I ring you on?")
    assert "I can also give you our opening hours" in reply and "order number" in reply


def test_declining_the_offer_of_a_person_ends_the_turn(chat):
    s, t = chat.new_sender(), token("C1003")
    assert "one of our team" in say(chat, s, "the dress has a big rip down the side", t)  # a gold-tier complaint
    declined = say(chat, s, "no thanks, I'll wait and see", t)
    assert "anything else" in declined.lower() and "queue" not in declined


def test_yes_after_an_answer_that_offered_nothing_asks_what_else(chat):
    s, t = chat.new_sender(), token(ALICE)
    assert "ORD-10002" in say(chat, s, "can i get a refund on the kettel", t)  # misspelt, still the kettle
    assert "anything else" in say(chat, s, "yes please", t).lower()


def test_details_that_give_none_after_an_off_topic_question_start_no_order_form(chat):
    s = chat.new_sender()
    assert "order" in say(chat, s, "can you give me a good recipe for banana bread")
    more = say(chat, s, "go on, just the oven temperature then")
    assert "order number" not in more and "ORD-" not in more


def test_no_person_is_offered_right_after_one_was_refused(chat):
    s, t = chat.new_sender(), token("C1002")
    say(chat, s, "my sofa is late again, it was meant to come last week", t)
    assert "queue" in say(chat, s, "so what are you actually going to do about it", t)
    answered = say(chat, s, "no i dont want to talk to anyone, just tell me when the phone case ships", t)
    assert "out of the queue" in answered and "ORD-20001" in answered and "put you through" not in answered


def test_an_unsure_outburst_in_the_order_form_keeps_the_question(chat):
    s = chat.new_sender()
    assert "order number" in say(chat, s, "WHERE IS MY ORDER I ORDERED IT 2 WEEKS AGO")
    kept = say(chat, s, "I DONT HAVE TIME FOR THIS JUST TELL ME WHERE IT IS")
    assert "sorry" in kept and "order number first" in kept and "leave that" not in kept


def test_anger_beside_a_fixed_answer_gets_the_answer_then_empathy(chat):
    s = chat.new_sender()
    said = say(chat, s, "I've been on hold on your phone line for an hour. Absolutely disgraceful.")
    assert "0800" in said and "sorry" in said and "one of our team" in said

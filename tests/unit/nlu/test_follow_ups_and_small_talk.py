"""Words that decide whatever the model read: a verbless follow-up asks the same kind of
question about another thing (nlu.follow_up); small talk about the assistant and our phone line
asked for are not complaints or a person wanted now (nlu.person)."""

import pytest

from nlu.elapsed import time_complained_of
from nlu.follow_up import follow_up_intent
from nlu.person import asks_about_the_assistant, asks_for_someone_to_ring, asks_the_assistants_name
from nlu.thanks import just_thanks, sarcastic_thanks
from tests.unit.nlu.tiny import DecodingNet, rule_predictor

INTENTS = {"inform", "order_status", "opening_hours_contact", "thanks"}


def _ranking(*pairs):
    return [{"name": n, "confidence": c} for n, c in pairs]


def test_a_follow_up_read_as_details_asks_about_an_order():
    assert follow_up_intent(_ranking(("inform", 0.74), ("order_status", 0.06)), "and the other order?", INTENTS) == "order_status"
    assert follow_up_intent(_ranking(("thanks", 0.93), ("inform", 0.2)), "Thanks. And the trainers?", INTENTS) == "order_status"


def test_a_follow_up_keeps_the_request_the_model_reads_in_its_words():
    # unsure, but about our phone lines: that is what is asked, not an order
    ranking = _ranking(("opening_hours_contact", 0.31), ("inform", 0.25))
    assert follow_up_intent(ranking, "and the phone lines?", INTENTS) == "opening_hours_contact"
    ranking = _ranking(("inform", 0.4), ("opening_hours_contact", 0.3))
    assert follow_up_intent(ranking, "and the phone lines?", INTENTS) == "opening_hours_contact"
    # read surely as a request of its own: left to the model
    assert follow_up_intent(_ranking(("opening_hours_contact", 0.9)), "and the hours?", INTENTS) is None


def test_only_a_verbless_follow_up_is_ruled():
    assert follow_up_intent(_ranking(("inform", 0.7)), "my number is 20001", INTENTS) is None
    assert follow_up_intent(_ranking(("inform", 0.7)), "and the sofa is late", INTENTS) is None
    # a model without an order status intent (a benchmark's) keeps its reading
    assert follow_up_intent(_ranking(("inform", 0.7)), "and the other one?", {"inform"}) is None


class FollowUpNet(DecodingNet):
    """inform on anything that names a thing, thanks on "thanks"; order_status nowhere."""

    INTENTS = ("inform", "thanks", "order_status", "out_of_scope")

    def scores(self, text):
        return [3.0 if "the" in text else 0.0, 5.0 if "thanks" in text else 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]


def test_the_predictor_reads_a_follow_up_as_the_question_again():
    p = rule_predictor(FollowUpNet, {"order_status": 1})
    assert p.parse("Thanks. And the trainers?")["intent"]["name"] == "order_status"
    assert p.parse("and the other one?")["intent"]["name"] == "order_status"
    assert p.parse("the order number is on the email")["intent"]["name"] == "inform"


@pytest.mark.parametrize("text, asked", [
    ("do you enjoy your job or is it all a bit boring", True), ("do you ever get lonely?", True),
    ("are you a bot", True), ("are you even real", True),
    ("do you like the sofa in grey?", False), ("are you open on sundays", False), ("do you have this in blue", False),
])
def test_small_talk_about_the_assistant(text, asked):
    assert asks_about_the_assistant(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("what do they call you then?", True), ("what should I call you", True), ("what do I call the courier", False),
])
def test_what_the_assistant_is_called(text, asked):
    assert asks_the_assistants_name(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("Is there someone I can phone if I've got a problem with a delivery?", True),
    ("is there a number I can ring", True), ("can I call you instead?", True),
    ("can I talk to someone", False), ("get me someone now", False), ("can I call off the order", False),
    ("id much rather talk to someone on the phone. What hours are you open and whats the number?", True),
    ("can i talk to someone on the phone please", False),  # a person now, on the call
])
def test_our_phone_line_asked_for(text, asked):
    assert asks_for_someone_to_ring(text) is asked


class PersonNet(DecodingNet):
    INTENTS = ("speak_to_human", "opening_hours_contact", "bot_challenge", "out_of_scope")

    def scores(self, text):
        return [3.0 if "someone" in text else 0.0, 0.0, 0.0, 3.0 if "boring" in text else 1.0], [0.0, 1.0, 0.0]


def test_the_predictor_applies_the_phone_line_and_small_talk_rules():
    p = rule_predictor(PersonNet, {"speak_to_human": 1})
    assert p.parse("is there someone I can ring about a delivery?")["intent"]["name"] == "opening_hours_contact"
    assert p.parse("can I speak to someone")["intent"]["name"] == "speak_to_human"
    assert p.parse("do you enjoy your job or is it all a bit boring")["intent"]["name"] == "bot_challenge"


@pytest.mark.parametrize("text, sarcastic", [
    ("wow. only took forever. cheers for nothing", True), ("thanks for nothing", True),
    ("thanks for wasting my time", True), ("really helpful, not", True),
    ("thanks a lot, that sorted it", False), ("cheers for that", False), ("nothing else, thanks", False),
])
def test_thanks_for_nothing(text, sarcastic):
    assert sarcastic_thanks(text) is sarcastic


class ThanksNet(DecodingNet):
    INTENTS = ("thanks", "give_feedback", "out_of_scope")

    def scores(self, text):
        return [5.0 if "cheers" in text or "thanks" in text else 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]


def test_the_predictor_reads_thanks_for_nothing_as_negative_feedback():
    p = rule_predictor(ThanksNet, {})
    parsed = p.parse("cheers for nothing")
    assert parsed["intent"]["name"] == "give_feedback"
    assert parsed["sentiment"]["label"] == "negative" and parsed["sentiment"]["score"] >= 0.8
    assert p.parse("cheers, that's great")["intent"]["name"] == "thanks"


@pytest.mark.parametrize("text, apologised", [
    ("ta. sorry for the swearing earlier, been stuck in all day", True), ("sorry about my tone before", True),
    ("thanks and sorry for having a go at you", True), ("apologies for the rant", True),
    ("sorry for the swearing but where is my rug", False), ("sorry for the tone, can you check it again?", False),
    ("sorry about the delay in replying", False), ("sorry, I'm fuming", False),
])
def test_the_customers_own_tone_apologised_for(text, apologised):
    from nlu.thanks import tone_apologised
    assert tone_apologised(text) is apologised


class ComplaintNet(DecodingNet):
    """delivery_late, and negative, for anything that mentions waiting."""

    INTENTS = ("thanks", "delivery_late", "out_of_scope")

    def scores(self, text):
        return [0.0, 6.0 if "waiting" in text else 0.0, 1.0], [3.0, 0.0, 0.0]


def test_an_apology_for_ones_tone_is_thanks_and_calm():
    p = rule_predictor(ComplaintNet, {"delivery_late": 6})
    parsed = p.parse("ok. sorry for the swearing, been waiting since 7am")
    assert parsed["intent"]["name"] == "thanks" and parsed["sentiment"]["label"] != "negative"
    assert p.parse("been waiting since 7am")["intent"]["name"] == "delivery_late"


@pytest.mark.parametrize("text, complained", [
    ("It's been way more than 5 days and I'm not happy", True), ("its been over a weeek now tbh", True),
    ("it's been ages", True), ("it's been a lovely chat", False), ("it was due five days ago", False),
    ("that's what you said last time", True), ("you keep saying that", True), ("i've heard that before", True),
    ("You said 5 working days last time. It's been 10.", True), ("that's not really an answer", True),
    ("you said you would call me", False),
    ("that's what I ordered", False), ("you said it would come today", False),
])
def test_how_long_it_has_been(text, complained):
    assert time_complained_of(text) is complained


class ElapsedNet(DecodingNet):
    """delivery_late on "sofa", out_of_scope otherwise (the cue rule takes lateness out of "days")."""

    INTENTS = ("delivery_late", "give_feedback", "out_of_scope")

    def scores(self, text):
        return [5.0 if "sofa" in text else 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]


def test_the_predictor_reads_how_long_it_has_been_as_a_complaint():
    p = rule_predictor(ElapsedNet, {"delivery_late": 6})
    parsed = p.parse("it's been way more than 5 days and I'm not happy")
    assert parsed["intent"]["name"] == "give_feedback" and parsed["sentiment"]["label"] == "negative"
    # a request of its own in the words stays that request
    assert p.parse("it's been over a week and my sofa still hasn't arrived")["intent"]["name"] == "delivery_late"


@pytest.mark.parametrize("text, thanks", [
    ("ok ta", True), ("sick ta x", True), ("lovely, cheers", True), ("ta very much", True),
    ("ok ta, ill hang on", True), ("cheers, i will wait then", True),
    ("thanks, bye", False), ("thanks, where is my parcel", False), ("cheers for nothing", False),
    ("thanks, ill wait for the sofa", False),
])
def test_thanks_alone(text, thanks):
    assert just_thanks(text) is thanks


def test_a_person_refused_is_not_a_person_asked_for():
    from nlu.person import person_refused

    assert person_refused("I don't need a person. I just need it to actually turn up.")
    assert person_refused("no i dont want a person, i just want to know where my dress is")
    assert person_refused("I don't really want to talk to a person")
    assert not person_refused("get me a person") and not person_refused("i need a human")
    assert not person_refused("can I not just talk to a person instead")  # a demand, asked as a question

    class RefusedNet(DecodingNet):
        INTENTS = ("speak_to_human", "delivery_late", "out_of_scope")

        def scores(self, text):
            return [4.0 if "person" in text else 0.0, 3.6 if "turn up" in text else 0.0, 1.0], [0.0, 1.0, 0.0]

    p = rule_predictor(RefusedNet, {"speak_to_human": 9, "delivery_late": 6})
    assert p.parse("I don't need a person. I just need it to actually turn up.")["intent"]["name"] == "delivery_late"
    assert p.parse("I need a person")["intent"]["name"] == "speak_to_human"


def test_what_the_assistant_can_do_is_asked_only_when_nothing_else_is():
    assert asks_about_the_assistant("Oh. Well what are you actually able to do then?")
    assert not asks_about_the_assistant("what can you do about my refund")

    class LateNet(DecodingNet):
        INTENTS = ("delivery_late", "bot_challenge", "out_of_scope")

        def scores(self, text):
            return [5.0 if "late" in text else 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]

    p = rule_predictor(LateNet, {"delivery_late": 6})
    assert p.parse("my sofa is late, what can you do?")["intent"]["name"] == "delivery_late"
    assert p.parse("what can you do?")["intent"]["name"] == "bot_challenge"

"""Praise and "how are you?" (nlu.pleasantries), a person refused before the request (nlu.asked),
a clause that names no person beside a request, an unsure reading that is plainly off-topic, and
an order request that says it has no number (nlu.predictor)."""

import pytest

from nlu.asked import after_person_refused, asked_part
from nlu.pleasantries import asks_how_we_are, leaving_to_sign_in, plain_yes, praised
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text, praise", [
    ("lol your actually quite good at this", True), ("you're a star", True), ("good bot", True),
    ("ur really helpful thanks", True), ("you're honestly more helpful than my boyfriend lol", True),
    ("your more useless than the last one", False),
    ("you're not very good at this are you", False), ("you would be good if you worked", False),
    ("your trainers are good", False), ("since you're so clever, what's the capital of Australia?", False), ("is my order good to go", False),
])
def test_praise_of_the_assistant(text, praise):
    assert praised(text) is praise


@pytest.mark.parametrize("text, greeting", [
    ("how are you doing today?", True), ("hiya, how r u", True), ("Good morning! How are you?", True),
    ("how are you getting on", True), ("hello hello uh is this the is this the online shop", True),
    ("is this the right number", True), ("is this the shop where i ordered a sofa", False),
    ("how are you going to fix this", False), ("how are my trainers doing", False), ("how r u so slow", False),
    ("can you help me with something", True), ("help", True), ("help me please", True), ("help me find my parcel", False), ("hi, i have a quick question", True), ("I need some help please", True),
    ("can you help me with my order", False), ("i have a problem", False), ("can you help me find my parcel", False),
])
def test_how_are_you_alone_is_a_greeting(text, greeting):
    assert asks_how_we_are(text) is greeting


def test_what_follows_a_person_refused_is_what_is_asked():
    assert after_person_refused("no i dont want a person, just tell me where my trainers are") == \
        "just tell me where my trainers are"
    assert after_person_refused("I don't need a person. I just need my money back.") == "I just need my money back."
    assert after_person_refused("i don't want a person thanks") is None  # too little follows
    # who they would be passed to is part of the refusal
    assert after_person_refused("No, I don't want to be passed to someone else. Just make a note of my complaint.") == \
        "Just make a note of my complaint."
    assert after_person_refused("just tell me where my trainers are") is None
    assert after_person_refused("forget the agent, can you just cancel the phone case order") == \
        "can you just cancel the phone case order"  # a person called off
    assert after_person_refused("cancel the agent please") is None
    assert asked_part("no i dont want a person, just tell me where my trainers are") == \
        "just tell me where my trainers are"


def test_a_threat_to_go_to_the_bank_is_left_out():
    assert asked_part("if my sofa isnt here by friday im doing a chargeback with my bank") == "my sofa isnt here by friday"
    assert asked_part("if it's not here by friday I'm ringing my bank") == "it's not here by friday"
    # a request in the consequence is what is asked: left whole
    assert asked_part("if it isn't here by friday I'll want a refund") == "if it isn't here by friday I'll want a refund"


class ShopNet(DecodingNet):
    """A person on "someone", a double charge on "charged", order status on "where", a cancellation
    on "cancel", a no on "dont have", off-topic on "bitcoin" (unsure), thanks on "good"."""

    INTENTS = ("speak_to_human", "billing_charged_twice", "order_status", "cancel_order", "deny",
               "out_of_scope", "give_feedback", "thanks", "greet", "opening_hours_contact", "affirm")

    def scores(self, text):
        return [4.0 if "someone" in text else 0.0, 5.0 if "charged" in text else 0.0,
                5.0 if "where" in text else 0.0, 6.0 if "cancel" in text else 0.0,
                3.0 if "dont have" in text else 0.0, 1.2 if "bitcoin" in text else 0.0,
                0.5 if "bitcoin" in text else 0.0, 2.0 if "good" in text else 0.0, 0.0,
                2.0 if "today" in text else 0.0, 0.0], \
            [0.0, 0.0, 4.0] if "good" in text else [0.0, 1.0, 0.0]


PRIORITIES = {"speak_to_human": 9, "billing_charged_twice": 7, "cancel_order": 5, "order_status": 3}


def test_someone_to_sort_a_request_is_not_a_person_asked_for():
    p = rule_predictor(ShopNet, PRIORITIES)
    parsed = p.parse("I've been charged twice for the sofa. Please can someone sort this.")
    assert parsed["intent"]["name"] == "billing_charged_twice"
    assert [r["intent"] for r in parsed["requests"]] in ([], ["billing_charged_twice"])
    # a person named is still a person asked for, first
    parsed = p.parse("I've been charged twice for the sofa. Can I speak to someone about it.")
    assert parsed["intent"]["name"] == "speak_to_human"


def test_an_order_request_without_its_number_is_still_the_request():
    p = rule_predictor(ShopNet, PRIORITIES)
    assert p.parse("i want to cancel an order but i dont have the order number")["intent"]["name"] == "cancel_order"
    assert p.parse("i dont have the order number")["intent"]["name"] == "deny"


def test_plainly_off_topic_when_unsure_is_off_topic_not_a_rephrase():
    p = rule_predictor(ShopNet, PRIORITIES)
    assert p.parse("should i buy bitcoin now")["intent"]["name"] == "out_of_scope"
    assert p.parse("zzz qqq")["intent"]["name"] == "nlu_fallback"  # nothing read at all: rephrase


def test_praise_is_thanks_and_how_are_you_a_greeting():
    p = rule_predictor(ShopNet, PRIORITIES)
    assert p.parse("lol your actually quite good at this")["intent"]["name"] == "thanks"
    assert p.parse("how are you doing today?")["intent"]["name"] == "greet"
    assert p.parse("hello hello uh is this the is this the online shop")["intent"]["name"] == "greet"
    assert p.parse("👍")["intent"]["name"] == "affirm"


@pytest.mark.parametrize("text, elsewhere", [
    ("oi do u lot price match argos or nah", True), ("yo r u lot hiring? need a job asap lol", True),
    ("we'd love to talk to your buying team about stocking our range", True), ("can I pay in bitcoin", True),
    ("is my order in stock", False), ("what's the price of the kettle", False),
])
def test_what_a_shops_assistant_does_not_do(text, elsewhere):
    from nlu.elsewhere import about_another_business
    assert about_another_business(text) is elsewhere


@pytest.mark.parametrize("text, background", [
    ("i ordered a phone case off you lot and amazon does next day so when's it gonna ship", True),
    ("I ordered a phone case from you on Monday, but my partner got me the same ones from Currys", True),
    ("can you check on my amazon parcel", False),
])
def test_another_shop_named_beside_us_is_background(text, background):
    from nlu.elsewhere import about_another_business
    assert about_another_business(text) is not background


def test_a_masked_swear_word_is_left_out_of_the_tidied_reading():
    from nlu.spelling import DIALECT

    def tidy(text):
        for pattern, repl in DIALECT:
            text = pattern.sub(repl, text)
        return text

    assert tidy("f***ing useless company where is ORD-55123") == "useless company where is ORD-55123"
    assert tidy("what the f**k") == "what the "
    assert tidy("2*3 boxes") == "2*3 boxes"  # no letters masked


def test_the_answer_did_nothing():
    from nlu.elapsed import time_complained_of
    assert time_complained_of("so what are you actually going to do about it")
    assert time_complained_of("what exactly is being done about this")
    assert not time_complained_of("what are you going to do this weekend")
    assert time_complained_of("so what, i just sit here and wait do i")
    assert time_complained_of("what am I supposed to do now")
    assert time_complained_of("so wat u gonna do about it")


def test_a_question_after_and_with_fillers_is_a_clause_of_its_own():
    from nlu.requests import clause_spans
    text = "cancel the phone case order pls and tbf whens the sofa actually coming"
    assert [text[s:e] for s, e in clause_spans(text)][-1] == "whens the sofa actually coming"


def test_a_service_we_dont_offer_beside_an_order_question_leaves_the_question():
    from nlu.elsewhere import about_us
    assert about_us("can i pay in crypto next time? and has my air fryer been delivered") == "and has my air fryer been delivered"
    assert about_us("yo r u lot hiring? need a job asap lol") is None


@pytest.mark.parametrize("text, asked", [
    ("r u a real person", True), ("am i talking to a bot", True), ("are you human?", True),
    ("I want a real person", False), ("is the courier a real person", False),
    ("are you people serious", False),
])
def test_whether_the_assistant_is_a_person(text, asked):
    from nlu.person import asks_if_a_person
    assert asks_if_a_person(text) is asked


@pytest.mark.parametrize("text, flirting", [
    ("r u single 😏", True), ("will you marry me lol", True), ("have you got a boyfriend?", True),
    ("is the sofa single or double", False), ("are you sending it today", False),
])
def test_flirting_with_the_assistant(text, flirting):
    from nlu.person import flirts
    assert flirts(text) is flirting


@pytest.mark.parametrize("text, gone", [
    ("oh hang on, one of them has just disappeared from my banking app. false alarm, sorry!", True),
    ("panic over, it's just come", True), ("its fine now thanks", True),
    ("it's fine, where is my sofa", False), ("the alarm clock I ordered is broken", False),
    ("never mind actually, the second payment has just vanished off my statement", True),
    ("my parcel has vanished", False), ("the payment went through twice", False),
    ("has the second payment dropped off yet?", False),
])
def test_a_problem_gone_away_by_itself(text, gone):
    from nlu.asked import resolved_itself
    assert resolved_itself(text) is gone


@pytest.mark.parametrize("text, taken", [
    ("ah right ok ill try that when i get to the office, cheers", True), ("ok i'll give it a go, thanks!", True),
    ("i'll try that but where is my parcel?", False), ("cheers", False),
])
def test_advice_taken_with_thanks(text, taken):
    from nlu.thanks import advice_taken
    assert advice_taken(text) is taken


def test_a_check_that_someone_is_there_is_a_greeting():
    assert asks_how_we_are("hello hello can you hear me") and asks_how_we_are("is anyone there?")
    assert not asks_how_we_are("can you hear me out about my refund")


@pytest.mark.parametrize("text, bye", [
    ("no thats all, bye", True), ("nope, bye", True), ("no thanks bye x", True),
    ("no, where is my order", False), ("bye", False),
])
def test_no_and_goodbye(text, bye):
    from nlu.asked import no_and_goodbye
    assert no_and_goodbye(text) is bye


@pytest.mark.parametrize("text, intent, back", [
    ("I was going to cancel the trainers, but I've decided to keep them", "cancel_order", True),
    ("I nearly returned it but it grew on me", "request_refund", True),
    ("I was going to wait but no, cancel it", "cancel_order", False),
    ("I was going to cancel it, and yes, please cancel it now", "cancel_order", False),
    ("please cancel my order", "cancel_order", False),
])
def test_a_request_only_thought_of_is_taken_back(text, intent, back):
    from nlu.requests import taken_back
    assert taken_back(text, intent) is back


@pytest.mark.parametrize("text, agreed", [
    ("👍", True), ("👍🏽", True), (" 👌 ", True), ("✅", True), ("👍 where is my sofa", False), ("😭", False), ("ok", False),
    ("ok then", True), ("right then.", True), ("ok then bye", False), ("ok then where is it", False),
    ("ok great", True), ("sound", True), ("okie dokie", True), ("sound, where is it", False),
])
def test_a_thumbs_up_or_a_plain_yes_alone(text, agreed):
    assert plain_yes(text) is agreed


@pytest.mark.parametrize("text, agreed", [
    ("ok i'll wait", True), ("no worries, I'll hang on. thanks", True), ("fine, I'll hold on then", True),
    ("i'll wait for the sofa", False), ("ok i'll wait, where is it now", False), ("no i'll wait", False),
    ("perfect, I'll wait", True),
])
def test_agreeing_to_wait(text, agreed):
    from nlu.pleasantries import agreed_to_wait
    assert agreed_to_wait(text) is agreed


@pytest.mark.parametrize("text, put", [
    ("I'll hold off for now", True), ("let me think about it", True), ("maybe later", True),
    ("no, I'll leave it for now thanks", True), ("not right now", True),
    ("I'll hold off cancelling, where is it now?", False), ("ok i'll wait", False), ("leave it at the door", False),
])
def test_an_offer_put_off(text, put):
    from nlu.pleasantries import put_off
    assert put_off(text) is put


def test_an_order_kept_after_all_is_a_no():
    p = rule_predictor(ShopNet, PRIORITIES)
    assert p.parse("hmm, on second thoughts I'll keep it actually")["intent"]["name"] == "deny"
    # a request said with it is the request
    assert p.parse("I changed my mind, cancel it")["intent"]["name"] == "cancel_order"
    assert p.parse("hmm no, on second thoughts keep that, do the sofa instead")["intent"]["name"] != "deny"


@pytest.mark.parametrize("text, leaving", [
    ("I'll sign in and come back", True), ("ok i'll log in and check myself", True),
    ("i'll sign in and try again later", True),
    ("I can't sign in", False), ("I'll sign in and come back, but where is my sofa?", False),
])
def test_leaving_to_sign_in(text, leaving):
    assert leaving_to_sign_in(text) is leaving


@pytest.mark.parametrize("text, gave_up", [
    ("fine whatever", True), ("whatever", True), ("oh well", True), ("yeah whatever then", True), ("ugh. whatever.", True),
    ("whatever you say, where is my sofa", False), ("i guess so", False), ("fine", False), ("oh well done", False),
])
def test_giving_up_on_the_point(text, gave_up):
    from nlu.pleasantries import resigned
    assert resigned(text) is gave_up


def test_giving_up_on_the_point_is_a_no_however_the_model_read_it():
    p = rule_predictor(ShopNet, PRIORITIES)
    assert p.parse("fine whatever")["intent"]["name"] == "deny"
    assert p.parse("whatever, where is it")["intent"]["name"] == "order_status"


@pytest.mark.parametrize("text, demanded", [
    ("Please may I speak with a customer service advisor regarding a double charge on my card", True),
    ("I'd like to speak to your complaints department", True),
    ("put me through to customer services please", True),
    ("i need to talk to sumone about my refund its been 3 weeks", True),
    ("can a person look at this please, wrong size trainers sent", True),
    ("wheres the humans at", True),
    ("how do I speak to customer services?", False),
    ("I spoke to customer services last week and they said it would come", False),
    ("I dont want to speak to customer services", False),
])
def test_a_person_asked_for_by_their_department(text, demanded):
    from nlu.person import person_demanded
    assert person_demanded(text) is demanded


@pytest.mark.parametrize("text, yes", [
    ("oh ok", True), ("ah okay", True), ("oh right ok", True), ("oh ok where is it then", False),
])
def test_a_plain_acknowledgement_is_a_yes(text, yes):
    from nlu.pleasantries import plain_yes
    assert plain_yes(text) is yes


def test_sarcastic_thanks_for_a_ruined_day():
    from nlu.thanks import sarcastic_thanks
    assert sarcastic_thanks("Birthday present arrived a day after my daughter's birthday. Thanks for ruining it")
    assert not sarcastic_thanks("thanks for sorting it so quickly")


class UnsureNet(DecodingNet):
    """Nothing sure about anything: every intent alike."""

    INTENTS = ("deny", "goodbye", "order_status", "out_of_scope")

    def scores(self, text):
        return [0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0]


def test_a_request_dropped_is_a_no_however_unsure_the_model():
    p = rule_predictor(UnsureNet, {"order_status": 3})
    assert p.parse("forget it i dont want to wait anymore")["intent"]["name"] == "deny"
    assert p.parse("i dont want to wait anymore")["intent"]["name"] != "deny"  # no request dropped in so many words

import os
from pathlib import Path
from unittest import mock

import pytest
import yaml

from actions import rating, replies
from actions.requests import clause_of, next_request
from actions.routing import ACTION_FOR_INTENT, WITHDRAWAL, end_turn_if_handed_on, hand_on
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from contracts.order_numbers import NO_ORDER_NUMBER
from contracts.records import RATING_SLOT, stated_rating

BOT = Path(__file__).resolve().parents[3] / "bot"
DOMAIN = yaml.safe_load((BOT / "domain.yml").read_text())
RULES = yaml.safe_load((BOT / "data" / "rules.yml").read_text())["rules"]
OFFER_ANSWERS = {"affirm", "deny"}  # their action depends on what was offered


def one_step_rules():
    for rule in RULES:
        steps = rule["steps"]
        if "condition" not in rule and "intent" in steps[0] and "action" in steps[1]:
            yield steps[0]["intent"], steps[1]["action"]


def test_the_routing_table_agrees_with_the_rules():
    pairs = dict(one_step_rules())
    assert pairs, "rules.yml has no one-step rules to compare with"
    assert {i: ACTION_FOR_INTENT[i] for i in pairs} == pairs
    assert set(ACTION_FOR_INTENT) == set(DOMAIN["intents"]) - OFFER_ANSWERS | {"nlu_fallback"}


@pytest.mark.parametrize("rule_name", ["while a person is on the way", "rating question", "anything but an order number",
                                       "verification question"])
def test_catch_all_rules_name_every_intent(rule_name):
    """A new intent must not slip past the queue, the rating question or the order form."""
    rule = next(r for r in RULES if rule_name in r["rule"])
    named = {alt["intent"] for alt in rule["steps"][0]["or"]}
    expected = set(DOMAIN["intents"]) | {"nlu_fallback"}
    if "order number" in rule_name:  # an order number fills the form; a person has its own rule
        expected -= {"inform", "speak_to_human"}
    assert named == expected


@pytest.mark.parametrize("text,expected", [
    ("5", 5), ("4/5", 4), ("three", 3), ("I'd give it a 2", 2), ("⭐⭐⭐⭐", 4), ("2 out of 5", 2),
    ("ORD-12345", None), ("between 3 and 4", None), ("10", None), ("great thanks", None),
])
def test_parse_rating(text, expected):
    assert rating.parse_rating(text) == expected


def ev_user(text="x"):
    return {"event": "user", "text": text}


def ev_action(name):
    return {"event": "action", "name": name}


def test_rating_is_asked_only_after_a_real_answer_without_handoff_or_recent_fallback():
    answered = [ev_user(), ev_action("action_order_request"), ev_user("bye"), ev_action("utter_goodbye")]
    assert rating.worth_asking(answered)
    assert not rating.worth_asking([ev_user(), ev_action("action_greet"), ev_user("bye")])          # nothing resolved
    assert not rating.worth_asking(answered[:2] + [ev_user(), ev_action("action_handoff"), ev_user("bye")])
    assert not rating.worth_asking(answered[:2] + [ev_user(), ev_action("action_rephrase"), ev_user("bye")])
    asked = answered + [{"event": "slot", "name": rating.ASKED_SLOT, "value": True}]
    assert not rating.worth_asking(asked)                                                           # once only


def test_the_rating_is_a_slot_event_voc_can_read():
    events = [{"event": "slot", "name": RATING_SLOT, "value": 4.0}, {"event": "slot", "name": "other", "value": 1}]
    assert stated_rating(events) == 4
    assert stated_rating([{"event": "slot", "name": RATING_SLOT, "value": 9}]) is None
    assert stated_rating([]) is None
    assert [b["payload"] for b in replies.rating_buttons()] == ["1", "2", "3", "4", "5", "skip"]


def test_second_request_is_offered_unless_answered_alike():
    message = {"text": "my sofa is late and can I cancel the phone case",
               "requests": [{"intent": "delivery_late", "text": "my sofa is late"},
                            {"intent": "order_status", "text": "my sofa is late"},
                            {"intent": "cancel_order", "text": "can I cancel the phone case"}]}
    assert next_request(message, "delivery_late") == {"intent": "cancel_order", "text": "can I cancel the phone case"}
    assert clause_of(message, "cancel_order") == "can I cancel the phone case"
    assert clause_of(message, "request_refund") == message["text"]
    assert next_request({"text": "where is it"}, "order_status") is None
    # the money asked after is what the answer to a refund not received speaks of; a return is another request
    money = {"text": "", "requests": [{"intent": "refund_not_received", "text": "I returned a coat last week."},
                                      {"intent": "request_refund", "text": "How long until I get my money back?"}]}
    assert next_request(money, "refund_not_received") is None
    another = {"text": "", "requests": [{"intent": "refund_not_received", "text": "my kettle refund never came"},
                                        {"intent": "request_refund", "text": "and I want to return the trainers"}]}
    assert next_request(another, "refund_not_received")["intent"] == "request_refund"
    besides = {"text": "", "requests": [{"intent": "refund_not_received", "text": "my kettle refund never came"},
                                        {"intent": "request_refund", "text": "and I'd like a refund for the trainers as well"}]}
    assert next_request(besides, "refund_not_received")["intent"] == "request_refund"
    # the ordered thing wanted after a complaint is no shopping question; a suggestion asked for is
    wanted = {"text": "", "requests": [{"intent": "wrong_item", "text": "it's a men's rain jacket, not my dress at all!"},
                                       {"intent": "product_recommendation", "text": "I need that dress for Saturday"}]}
    assert next_request(wanted, "wrong_item") is None
    shopping = {"text": "", "requests": [{"intent": "item_damaged", "text": "my kettle broke"},
                                         {"intent": "product_recommendation", "text": "can you recommend a better one?"}]}
    assert next_request(shopping, "item_damaged")["intent"] == "product_recommendation"
    offer = replies.offer_other_request("cancel_order")
    assert offer.startswith("I can also help you cancel") and offer.endswith("shall I?")


@pytest.mark.parametrize("text", ["never mind", "nevermind, forget it", "cancel that", "I've changed my mind",
                                  "don't bother then", "ok i'll sort it out myself", "actualy nvm i sorted it myslef",
                                  "actually dont worry, just tell me where my trainers are", "cancel", "Cancel.",
                                  "Actually scrap that, I'll just ask you: when are they arriving?",
                                  "sorry wrong button", "oops pressed that by mistake", "stop", "Stop!", "stop it",
                                  "ok I'll leave it then"])
def test_withdrawal_phrases(text):
    assert WITHDRAWAL.search(text)


@pytest.mark.parametrize("text, besides", [
    ("never mind, can i just cancel my dress order instead", True),
    ("forget the agent, can you just cancel the phone case order", True),
    ("ah wait, cancel that actually, the kids have just got in from school, i'll sort it another time", False),
    ("fine, cancel that, just tell me where my trainers are", True),
    ("cancel that, i just need the tracking link for the trainers tbh", True),
    ("cancel", False), ("cancel that", False),
])
def test_a_cancellation_asked_besides_calling_the_person_off(text, besides):
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):  # actions.actions checks its secrets on import
        from actions.actions import cancellation_besides
    assert cancellation_besides(text) is besides


def test_an_order_question_is_not_a_withdrawal():
    assert not WITHDRAWAL.search("can I cancel my order")
    assert not WITHDRAWAL.search("don't worry I'll wait")
    assert not WITHDRAWAL.search("cancel my order")
    assert not WITHDRAWAL.search("stop sending me emails")
    assert not WITHDRAWAL.search("I'll leave it in the porch for the courier")
    assert not WITHDRAWAL.search("the bus stop")


@pytest.mark.parametrize("text, none", [
    ("I don't have it, sorry", True), ("no sorry i havent got it", True), ("dont have one", True),
    ("I don't have the kettle yet", False), ("it's 40001", False),
])
def test_no_number_to_hand_answers_the_forms_question(text, none):
    from actions.dispatching import NOT_TO_HAND
    assert (NOT_TO_HAND.search(text) is not None) is none


def test_a_dispatcher_hands_on_and_the_answering_action_ends_the_turn():
    d = CollectingDispatcher()
    assert hand_on(d, "opening_hours_contact") == [FollowupAction("action_listen")]  # a response: sent here
    assert d.messages[0]["response"] == "utter_opening_hours"
    assert hand_on(CollectingDispatcher(), "cancel_order") == [FollowupAction("action_order_request")]
    answered = [SlotSet("order_id", "ORD-1")]
    assert end_turn_if_handed_on("action_pending_request", answered) == [*answered, FollowupAction("action_listen")]
    assert end_turn_if_handed_on("action_listen", answered) == answered  # run by its rule: the rule ends the turn
    to_form = [FollowupAction("order_form")]
    assert end_turn_if_handed_on("action_leave_form", to_form) == to_form


@pytest.mark.parametrize("text,found", [
    ("I don't know my order number", True), ("i cant find the confirmation email", True),
    ("no idea what the order number is", True), ("I DONT HAVE THE NUMBER ON ME", True),
    ("ORD-12345", False), ("I don't know when it will arrive", False), ("never mind", False),
    ("you never sent me a confirmation so how would i", True), ("there was no email", True),
    ("honestly I don't know it", True), ("I never got the parcel", False),
])
def test_no_order_number_phrases(text, found):
    assert (NO_ORDER_NUMBER.search(text) is not None) is found


def test_a_handoff_by_any_action_means_no_rating():
    answered = [ev_user(), ev_action("action_order_request")]
    assert rating.worth_asking(answered)
    queued = [*answered, ev_user(), ev_action("action_rephrase"), {"event": "slot", "name": "handoff_queued", "value": True},
              ev_user(), ev_action("action_order_request"), ev_user(), ev_action("action_order_request")]
    assert not rating.worth_asking(queued)


def test_a_withdrawal_with_a_new_request_is_that_request():
    from actions.routing import another_request
    assert another_request("request_refund", "track_delivery")  # "forget that, I just want a refund"
    assert not another_request("track_delivery", "track_delivery")
    assert not another_request("cancel_order", "order_status")  # "cancel that" withdraws
    assert not another_request("deny", "order_status") and not another_request("nlu_fallback", None)


def _fallback_after(text: str, intent: str, slots: dict,
                    said_before: str = "Which order would you like to cancel: ORD-20001 (phone case) or ORD-20002 (sofa)?",
                    earlier: tuple = ()):
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):  # actions.actions checks its secrets on import
        from actions.actions import ActionDefaultFallback
    message = {"text": text, "intent": {"name": intent, "confidence": 0.64}, "entities": [], "metadata": {},
               "sentiment": {"label": "neutral", "score": 0.9}}
    events = [*earlier, {"event": "bot", "text": said_before},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}]
    dispatcher = CollectingDispatcher()
    returned = ActionDefaultFallback().run(dispatcher, Tracker("fb-test", slots, message, events, False, None, {},
                                                                "action_listen"), {})
    return [m["text"] or m["response"] for m in dispatcher.messages], returned


@pytest.mark.parametrize("text,intent", [("actually never mind, leave it", "deny"), ("forget it", "nlu_fallback"),
                                         ("no", "deny")])
def test_never_mind_with_nothing_offered_drops_the_question_instead_of_a_fallback(text, intent):
    said, returned = _fallback_after(text, intent, {"order_topic": "cancel_order"})
    assert said == [replies.form_left()]
    assert SlotSet("order_topic", None) in returned


def test_a_no_after_a_complaint_answered_without_an_offer_declines_more_help():
    complaint = {"text": "DPD said yesterday and I'm still waiting", "intent": {"name": "delivery_late", "confidence": 0.9},
                 "entities": [], "metadata": {}, "sentiment": {"label": "negative", "score": 0.9}}
    earlier = ({"event": "user", "text": complaint["text"], "parse_data": complaint, "input_channel": "rest"},)
    for text in ("nope, leave it, I'll give DPD until tomorrow", "ah no don't worry, I won't bother a person with it"):
        said, returned = _fallback_after(text, "deny", {}, earlier=earlier,
                                         said_before="Alice, your order ORD-10001 (running trainers) is on its way with DPD")
        assert said == [] and returned == [FollowupAction("action_decline_handoff")], text
    # a correction is no decline
    said, returned = _fallback_after("no wait, I meant the kettle", "deny", {}, earlier=earlier)
    assert returned != [FollowupAction("action_decline_handoff")]


def test_yes_with_nothing_offered_asks_what_else_instead_of_a_fallback():
    said, returned = _fallback_after("yes please", "affirm", {})
    assert said == ["utter_what_else"]  # not utter_default, "I couldn't work out what to do next"
    assert returned[-1] == FollowupAction("action_listen")  # the turn ends there


def test_a_message_that_drops_nothing_is_not_answered_as_never_mind():
    said, _ = _fallback_after("gibberish words here", "nlu_fallback", {})
    assert said != [replies.form_left()]


def test_only_the_which_order_question_carries_its_topic_to_the_next_message():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import asked_which_order

    def tracker(bot_text):
        return Tracker("t", {"order_topic": "cancel_order"}, {"text": "the sofa"},
                       [{"event": "bot", "text": bot_text}, {"event": "user", "text": "the sofa"}], False, None, {}, "")

    assert asked_which_order(tracker("I'm sorry. Which order would you like to cancel: ORD-1 or ORD-2?"))
    assert not asked_which_order(tracker("Could you tell me your order number?"))


def test_after_a_fixed_answer_the_other_request_of_the_message_is_offered():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.dispatching import ActionOfferOtherRequest

    def run(requests):
        message = {"text": "I can't get into my account, also what's your phone number?",
                   "intent": {"name": "account_access", "confidence": 0.9}, "requests": requests}
        dispatcher = CollectingDispatcher()
        events = ActionOfferOtherRequest().run(dispatcher, Tracker("t", {}, message, [], False, None, {}, ""), {})
        return [m["text"] for m in dispatcher.messages], events

    said, events = run([{"intent": "account_access", "text": "I can't get into my account"},
                        {"intent": "opening_hours_contact", "text": "what's your phone number?"}])
    assert said == [replies.offer_other_request("opening_hours_contact", None)]
    assert SlotSet("request_offered", True) in events
    assert run([]) == ([], [])  # one request: nothing more to say


def _run_action(module: str, action: str, text: str, intent: str, slots: dict, sentiment: tuple = ("negative", 0.9),
                active_loop: str = "action_listen", running_loop: str | None = None,
                said_before: str = "Could you tell me your order number?", parsed: dict | None = None):
    """What `action` says and returns for the customer's `text`, after a question from the bot (`parsed`: more of
    the NLU's parse data)."""
    import importlib
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        cls = getattr(importlib.import_module(module), action)
    label, score = sentiment
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "metadata": {},
               "sentiment": {"label": label, "score": score}, **(parsed or {})}
    events = [{"event": "bot", "text": said_before},
              {"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}]
    dispatcher = CollectingDispatcher()
    loop = {"name": running_loop} if running_loop else {}
    returned = cls().run(dispatcher, Tracker("t", slots, message, events, False, None, loop, active_loop), {})
    return [m.get("text") or m.get("response") for m in dispatcher.messages], returned


def _leave_form_after(text: str, intent: str, slots: dict):
    return _run_action("actions.dispatching", "ActionLeaveForm", text, intent, slots, active_loop="order_form")


def test_asking_again_for_the_forms_own_request_is_not_a_withdrawal():
    said, returned = _leave_form_after("are you kidding me, just cancel it", "cancel_order", {"order_topic": "cancel_order"})
    assert len(said) == 1 and "order number" in said[0] and said[0] != replies.form_left()
    assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned)  # the form goes on
    # no order number, in words the model reads as the form's own request: sign-in or a person
    said, _ = _leave_form_after("I can't find my order number anywhere", "order_status", {"order_topic": "order_status"})
    assert said == [replies.no_order_number(True)]
    # the same words while the form asks for another request's number do drop that one
    said, _ = _leave_form_after("never mind, cancel it", "deny", {"order_topic": "order_status"})
    assert said == [replies.form_left()]


def test_a_person_turned_down_in_the_form_is_declined_and_the_form_goes_on():
    # an anonymous complaint's form asks for the number; the customer answers about a person
    for text in ("no I don't need anyone, just want the right size sent out", "nah i dont want an agent"):
        said, returned = _leave_form_after(text, "deny", {"order_topic": "wrong_item"})
        assert said == [] and returned == [FollowupAction("action_decline_handoff")], text
    said, returned = _run_action("actions.actions", "ActionDeclineHandoff",
                                 "no I don't need anyone, just want the right size sent out", "deny",
                                 {"order_topic": "wrong_item"}, running_loop="order_form")
    assert said == [replies.no_person_needed(), "utter_ask_order_id"]
    assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned)  # the form goes on
    # a plain no, "never mind" and "no one else can help" stop the form: no to taking the complaint further
    for text in ("no", "no, never mind, I don't need anyone", "no I don't want anyone else involved"):
        said, returned = _leave_form_after(text, "deny", {"order_topic": "wrong_item"})
        assert said == [] and returned[-1] == FollowupAction("action_decline_handoff"), text
        assert any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned), text  # the form stops


def test_a_yes_to_the_person_offered_with_a_complaints_order_number_puts_them_through():
    offered = f"I'm sorry about your delivery running late. {replies.PERSON_OR_NUMBER}"
    for text in ("yes please", "oh yes please, that would be lovely"):
        said, returned = _run_action("actions.dispatching", "ActionLeaveForm", text, "affirm",
                                     {"order_topic": "delivery_late"}, active_loop="order_form", said_before=offered)
        assert said == [] and returned[-1] == FollowupAction("action_handoff"), text
        assert any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned), text  # the form stops
    # with no person offered, a yes is asked for the number again
    said, returned = _leave_form_after("yes please", "affirm", {"order_topic": "delivery_late"})
    assert said == ["utter_ask_order_id"] and FollowupAction("action_handoff") not in returned


def test_a_no_to_a_complaints_order_number_declines_more_help_and_other_forms_are_left():
    for text in ("nah ur alright ill give it til the weekend", "I'm good thanks, I'll wait and see if one drops off"):
        said, returned = _leave_form_after(text, "deny", {"order_topic": "delivery_late"})
        assert said == [] and returned[-1] == FollowupAction("action_decline_handoff"), text
        assert SlotSet("order_topic", None) in returned
    # the decline then says no more than a no to more help does, the form stopped
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", "nah ur alright ill give it til the weekend",
                          "deny", {}, sentiment=("neutral", 0.9))
    assert said == ["utter_no_handoff"]
    # a no while the form asks for a request's number (not a complaint's) leaves that request
    said, _ = _leave_form_after("no thanks, not now", "deny", {"order_topic": "request_refund"})
    assert said == [replies.form_left()]


def test_a_cancellation_asked_for_in_the_form_changes_its_request_and_the_form_goes_on():
    for text in ("actually scrap that, can I cancel it instead?", "wait no, i mean cancel it, it hasnt even shipped yet"):
        said, returned = _leave_form_after(text, "cancel_order", {"order_topic": "request_refund"})
        assert said == [replies.form_switched("cancel_order"), "utter_ask_order_id"], text
        assert SlotSet("order_topic", "cancel_order") in returned
        assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned)  # the form goes on
    # "cancel that" said of the question still drops it
    said, _ = _leave_form_after("cancel that", "cancel_order", {"order_topic": "order_status"})
    assert said == [replies.form_left()]


def test_another_request_about_the_order_asked_for_in_the_form_changes_its_request():
    said, returned = _leave_form_after("hmm actually can I just get a refund instead", "request_refund",
                                       {"order_topic": "cancel_order"})
    assert said == [replies.form_switched("request_refund"), "utter_ask_order_id"]
    assert SlotSet("order_topic", "request_refund") in returned
    assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned)
    # a no read as another request asks for nothing
    said, _ = _leave_form_after("nah you're alright, I'll see if it shows up on monday", "track_delivery",
                                {"order_topic": "delivery_late"})
    assert replies.form_switched("track_delivery") not in said
    # where it is and its tracking are one question: asked again, not switched
    said, _ = _leave_form_after("can you track it", "track_delivery", {"order_topic": "order_status"})
    assert replies.form_switched("track_delivery") not in said


def test_a_number_of_the_wrong_length_is_a_wrong_order_number_and_the_form_goes_on():
    for text in ("1234", "its 123", "ORD 12"):
        said, returned = _leave_form_after(text, "out_of_scope", {"order_topic": "order_status"})
        assert said == ["utter_invalid_order_id"], text
        assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned), text
    # a question about the order number is answered by the form's own question, and the form goes on
    for text in ("what's an order number look like?", "where do i find the order number"):
        said, returned = _leave_form_after(text, "opening_hours_contact", {"order_topic": "order_status"})
        assert said == ["utter_ask_order_id"], text
        assert not any(isinstance(e, dict) and e.get("event") == "active_loop" for e in returned), text
    # words around the number are something else: the form is left as before
    said, _ = _leave_form_after("what is 2 + 2", "out_of_scope", {"order_topic": "order_status"})
    assert said != ["utter_invalid_order_id"]


def test_of_two_order_ids_in_a_message_the_correction_counts():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import latest_order_id
    entities = [{"entity": "order_id", "value": "ord-20001", "start": 0, "end": 9},
                {"entity": "order_id", "value": "ord-20002", "start": 28, "end": 37}]
    message = {"text": "ord-20001 no wait sorry its ord-20002", "entities": entities}
    assert latest_order_id(Tracker("t", {}, message, [], False, None, {}, "")) == "ORD-20002"
    assert latest_order_id(Tracker("t", {}, {"text": "hi", "entities": []}, [], False, None, {}, "")) is None


def _feedback_after(text: str, label: str, score: float):
    return _run_action("actions.static_answers", "ActionFeedback", text, "give_feedback", {}, (label, score))[0]


def test_a_calm_complaint_given_as_feedback_gets_an_apology_before_the_thanks():
    said = _feedback_after("your driver threw my parcel over the fence", "negative", 0.55)
    assert said == [replies.sorry_to_hear(), "utter_feedback_thanks"]
    assert _feedback_after("love the new app", "positive", 0.9) == ["utter_feedback_thanks"]
    # a complaint said in so many words, whatever tone the model reads in it
    said = _feedback_after("i want to make a complaint about your delivery driver", "neutral", 0.7)
    assert said == [replies.sorry_to_hear(), "utter_feedback_thanks"]
    said = _feedback_after("5 stars for the worst customer service I've ever had lol", "positive", 0.5)
    assert said == [replies.sorry_to_hear(), "utter_feedback_thanks"]
    # ill will is no feedback to thank for
    assert "one of our team" in _feedback_after("i hope your company goes bust", "neutral", 0.6)[0]


def test_the_other_thing_mentioned_takes_up_the_offered_request():
    from actions.requests import points_at_offer
    offered = {"intent": "refund_not_received", "text": "the kettle refund I asked about before, has that gone through yet?"}
    assert points_at_offer("and what about the other thing I mentioned?", offered)
    assert points_at_offer("what about the other question i asked", offered)
    assert points_at_offer("and the kettle refund?", offered)
    assert not points_at_offer("what about the other order", offered)


def test_anger_that_comes_back_is_handed_to_the_handoff_action():
    said, returned = _run_action("actions.static_answers", "ActionBotChallenge", "ARE YOU EVEN LISTENING?? USELESS",
                                 "bot_challenge", {"handoff_offered": True}, sentiment=("negative", 0.95))
    assert said == [] and returned == [FollowupAction("action_handoff")]
    said, returned = _run_action("actions.static_answers", "ActionBotChallenge", "you are useless",
                                 "bot_challenge", {"handoff_offered": False}, sentiment=("negative", 0.95))
    assert "one of our team" in said[0] and SlotSet("handoff_offered", True) in returned  # the first time: offered


def test_a_question_about_the_assistant_read_as_negative_is_answered():
    for text in ("how old are you? do you ever get bored talking to people all day",
                 "Oh. Well what are you actually able to do then?", "are you feeling ok? you're fixing nothing"):
        said, _ = _run_action("actions.static_answers", "ActionBotChallenge", text, "bot_challenge",
                              {"handoff_offered": False}, sentiment=("negative", 0.94))
        assert said == ["utter_iamabot"], text
    # scorn for the assistant is anger, whatever else is asked
    for text in ("stupid bot cant even answer a simple question", "are you thick or something??",
                 "ur the worst bot ever, you never understand anything", "u r sh1t", "stfu bot",
                 "you're about as useful as a chocolate teapot", "do you even know what you're doing",
                 "are you taking the piss", "are you even listening to me???"):
        said, returned = _run_action("actions.static_answers", "ActionBotChallenge", text, "bot_challenge",
                                     {"handoff_offered": False}, sentiment=("neutral", 0.6))
        assert "one of our team" in said[0] and SlotSet("handoff_offered", True) in returned, text
    # read as negative with a person offered already: the anger has come back
    said, returned = _run_action("actions.static_answers", "ActionBotChallenge", "are you even a real person",
                                 "bot_challenge", {"handoff_offered": True}, sentiment=("negative", 0.94))
    assert returned == [FollowupAction("action_handoff")]


def test_a_sure_off_topic_question_naming_a_product_is_not_about_the_order():
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import surely_off_topic

    def message(text, confidence):
        return {"text": text, "intent": {"name": "out_of_scope", "confidence": confidence}}

    assert surely_off_topic(message("any tips for getting limescale out of a kettle?", 0.9))
    assert not surely_off_topic(message("and the kettle?", 0.9))  # short: points at the order
    # short, but asking for advice about the thing
    assert surely_off_topic(message("any good air fryer recipes?", 0.9))
    assert surely_off_topic(message("how do I descale a kettle", 0.9))
    assert surely_off_topic(message("tell me a joke about kettles", 0.9))
    assert not surely_off_topic(message("what about the kettle?", 0.9))
    assert not surely_off_topic(message("any tips for getting limescale out of a kettle?", 0.4))


def test_an_order_number_given_without_ord_is_taken_by_the_order_action_too():
    said, returned = _run_action("actions.actions", "ActionOrderRequest", "found it, #20001", "inform", {},
                                 sentiment=("neutral", 0.9))
    assert "ORD-20001" in said[0] and "sign in" in said[0]
    assert ActiveLoop(None) not in returned  # no form was running
    _, returned = _run_action("actions.actions", "ActionOrderRequest", "found it, #20001", "inform", {},
                              sentiment=("neutral", 0.9), running_loop="order_form")
    assert ActiveLoop(None) in returned  # the form's question is answered: it must not ask again
    said, returned = _run_action("actions.actions", "ActionOrderRequest", "where is order 20001 and 20002", "order_status",
                                 {}, sentiment=("neutral", 0.9))
    assert FollowupAction("order_form") in returned  # not an answer: a question naming numbers
    # a number marked as an order's, in a question
    said, _ = _run_action("actions.actions", "ActionOrderRequest", "#40001 has it been delivered?", "order_status", {},
                          sentiment=("neutral", 0.9))
    assert "ORD-40001" in said[0] and "sign in" in said[0]
    said, _ = _run_action("actions.actions", "ActionOrderRequest", "has 40001 been delivered? it cost 79.99", "order_status",
                          {}, sentiment=("neutral", 0.9))
    assert "ORD-40001" not in " ".join(said)  # unmarked, in a question: not taken for an order number
    # the number given now beats the one remembered
    said, _ = _run_action("actions.actions", "ActionOrderRequest", "sorry, missed a zero: 30001", "inform",
                          {"order_id": "ORD-3001"}, sentiment=("neutral", 0.9))
    assert "ORD-30001" in said[0]


@pytest.mark.parametrize("text", ["nah its stil ther after 4 days, not happy", "no just sort it out pls"])
def test_a_no_that_says_the_answer_did_not_help_offers_a_person(text):
    said, returned = _fallback_after(text, "deny", {})
    assert said == [replies.not_sorted(None)] and SlotSet("handoff_offered", True) in returned


def test_a_no_that_drops_the_question_is_still_never_mind():
    said, _ = _fallback_after("no forget it, it's not important", "deny", {})
    assert said == [replies.form_left()]


def test_an_order_number_right_after_a_request_about_an_order_keeps_that_request():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import request_corrected

    def after(previous_intent, text, intent="inform", entities=()):
        before = {"text": "earlier", "intent": {"name": previous_intent, "confidence": 0.9}}
        message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)}
        events = [{"event": "user", "text": "earlier", "parse_data": before},
                  {"event": "bot", "text": "an answer"},
                  {"event": "user", "text": text, "parse_data": message}]
        return request_corrected(Tracker("t", {}, message, events, False, None, {}, ""))

    corrected = [{"entity": "order_id", "value": "ORD-10002", "start": 24, "end": 33}]
    assert after("request_refund", "Sorry, my mistake, I meant ORD-10002", entities=corrected) == "request_refund"
    assert after("cancel_order", "oops typo, it's 30001") == "cancel_order"  # the number without its ORD
    assert after("greet", "Sorry, my mistake, I meant ORD-10002", entities=corrected) is None  # nothing to keep
    assert after("request_refund", "sorry, I meant the other one") is None  # no order named
    assert after("request_refund", "where is ORD-10002", intent="order_status", entities=corrected) is None
    # back past the numbers given in between
    chain = {"text": "the sofa one, ORD-20002", "intent": {"name": "inform", "confidence": 0.9}}
    message = {"text": "sorry no, it's 20001", "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": "refund please", "parse_data": {"intent": {"name": "request_refund"}}},
              {"event": "user", "text": chain["text"], "parse_data": chain},
              {"event": "user", "text": message["text"], "parse_data": message}]
    assert request_corrected(Tracker("t", {}, message, events, False, None, {}, "")) == "request_refund"


def test_what_the_customer_takes_back_in_the_form_is_not_answered():
    # "can't find the email" is dropped by "forget that": the opening hours are what is asked
    said, returned = _leave_form_after("ugh I can't find the email. forget that, what time do you lot open till?",
                                       "opening_hours_contact", {"order_topic": "order_status"})
    assert said == ["utter_opening_hours"] and ActiveLoop(None) in returned
    # said after the withdrawal, it still counts
    said, _ = _leave_form_after("forget that, I can't find the order number anywhere", "order_status",
                                {"order_topic": "order_status"})
    assert said == [replies.no_order_number(True)]


def test_a_follow_up_naming_the_offered_request_takes_it_up():
    offer = {"request_offered": True,
             "pending_request": {"intent": "opening_hours_contact", "text": "what time do your phone lines close?"}}
    for action, intent in (("ActionRephrase", "nlu_fallback"), ("ActionOrderRequest", "inform"),
                           ("ActionOutOfScope", "out_of_scope")):
        said, returned = _run_action("actions.actions", action, "and the phone lines?", intent, offer,
                                     sentiment=("neutral", 0.9))
        assert said == [] and returned == [FollowupAction("action_pending_request")], action
    # pointing at something else, or nothing on offer: answered as before
    said, returned = _run_action("actions.actions", "ActionRephrase", "and my refund?", "nlu_fallback", offer,
                                 sentiment=("neutral", 0.9))
    assert FollowupAction("action_pending_request") not in returned
    said, returned = _run_action("actions.actions", "ActionRephrase", "and the phone lines?", "nlu_fallback",
                                 {**offer, "request_offered": False}, sentiment=("neutral", 0.9))
    assert FollowupAction("action_pending_request") not in returned


@pytest.mark.parametrize("text, accepted", [("both please", True), ("both", True), ("yes, both", True),
                                            ("no thanks", False), ("both fine, no need", False)])
def test_both_to_the_offer_of_the_other_request_takes_it_up(text, accepted):
    offer = {"request_offered": True, "pending_request": {"intent": "item_damaged", "text": "cracked lid"}}
    said, returned = _run_action("actions.dispatching", "ActionDeclineRequest", text, "deny", offer,
                                 sentiment=("neutral", 0.9))
    assert (returned == [FollowupAction("action_pending_request")]) is accepted
    assert (said == ["utter_no_handoff"]) is not accepted


def test_an_order_id_written_with_ord_beats_a_date_read_as_one():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import latest_order_id
    entities = [{"entity": "order_id", "value": "ORD-10001", "start": 7, "end": 16},
                {"entity": "order_id", "value": "12/11", "start": 24, "end": 29}]
    message = {"text": "Order #ORD-10001 placed 12/11", "entities": entities}
    assert latest_order_id(Tracker("t", {}, message, [], False, None, {}, "")) == "ORD-10001"


def test_the_list_of_orders_shown_is_remembered_for_a_few_answers():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import last_listing
    listing = "Which order do you mean: ORD-10001 (running trainers) or ORD-10002 (kettle)?"
    events = [{"event": "bot", "text": listing}, {"event": "user", "text": "the second one"},
              {"event": "bot", "text": "Alice, your order ORD-10002 (kettle) was delivered."}]
    assert last_listing(Tracker("t", {}, {}, events, False, None, {}, "")) == listing
    later = events + [{"event": "bot", "text": "ok"}] * 3
    assert last_listing(Tracker("t", {}, {}, later, False, None, {}, "")) == ""


def test_a_question_we_cannot_place_about_the_order_discussed_offers_a_person():
    import datetime as dt
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    from tools.demo import demo_customers

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import question_about_the_order
    alice = next(c for c in demo_customers(dt.date(2026, 11, 30)) if c.customer_id == "C1001")

    def ask(text, slots, previous="request_refund"):
        message = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.4}, "entities": [],
                   "sentiment": {"label": "neutral", "score": 0.9}}
        events = [{"event": "user", "text": "earlier", "parse_data": {"intent": {"name": previous}}},
                  {"event": "user", "text": text, "parse_data": message}]
        dispatcher = CollectingDispatcher()
        returned = question_about_the_order(dispatcher, Tracker("t", slots, message, events, False, None, {}, ""), alice)
        return [m["text"] for m in dispatcher.messages], returned

    said, returned = ask("How long will that take?", {"order_id": "ORD-10002"})
    assert said == [replies.question_for_the_team(alice.order("ORD-10002"), alice)]
    assert SlotSet("handoff_offered", True) in returned
    assert ask("How long will that take?", {}) == ([], None)  # no order being discussed
    assert ask("banana", {"order_id": "ORD-10002"}) == ([], None)  # no question
    # the conversation moved on since the order was talked about
    assert ask("do you sell gift cards?", {"order_id": "ORD-10002"}, previous="greet") == ([], None)


def test_anger_read_as_a_no_to_the_offer_of_a_person_is_put_through():
    said, returned = _run_action("actions.actions", "ActionDeclineHandoff", "don't 'sorry' me, ye're clowns the lot of ye",
                                 "deny", {"handoff_offered": True}, sentiment=("negative", 0.95))
    assert said == [] and returned == [FollowupAction("action_handoff")]
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", "no, you're useless", "deny",
                          {"handoff_offered": True}, sentiment=("negative", 0.95))
    assert said == ["utter_no_handoff"]  # a no, however angry
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", "no thanks", "deny", {"handoff_offered": True},
                          sentiment=("neutral", 0.9))
    assert said == ["utter_no_handoff"]


def test_no_order_number_outside_the_form():
    import datetime as dt
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    from tools.demo import demo_customers

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import without_order_number
    alice = next(c for c in demo_customers(dt.date(2026, 11, 30)) if c.customer_id == "C1001")
    tracker = Tracker("t", {}, {"text": "i dont have the order number on me sorry"}, [], False, None, {}, "")
    dispatcher = CollectingDispatcher()
    assert without_order_number(dispatcher, tracker, alice) == []
    said = dispatcher.messages[0]
    assert "ORD-10001" in said["text"] and "ORD-10002" in said["text"] and len(said["buttons"]) == 2
    dispatcher = CollectingDispatcher()
    assert without_order_number(dispatcher, tracker, None) == [SlotSet("handoff_offered", True)]
    assert dispatcher.messages[0]["text"] == replies.no_order_number(False)


def test_a_guest_who_got_no_confirmation_email_is_not_asked_for_the_number_in_it():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import answer_order_request
    said = "Hello. I placed an order yesterday. I got no confirmation email. Has it gone through?"
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", {}, {"text": said}, [], False, None, {}, "")
    assert answer_order_request(dispatcher, tracker, "order_status", None) == [SlotSet("handoff_offered", True)]
    assert dispatcher.messages[0]["text"] == replies.no_order_number(False)
    # with nothing said of the email, or the confirmation had, the form asks for the number
    for text in ("has my order gone through?", "I've not had a single email since the confirmation one. Has it been sent?"):
        dispatcher = CollectingDispatcher()
        tracker = Tracker("t", {}, {"text": text}, [], False, None, {}, "")
        assert FollowupAction("order_form") in answer_order_request(dispatcher, tracker, "order_status", None), text


def test_a_guest_asking_how_returns_work_gets_the_policy_before_the_order_number_is_asked():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import answer_order_request
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", {}, {"text": "Hey. Question about returns. How long do I have? And do I pay postage?"},
                      [], False, None, {}, "")
    assert FollowupAction("order_form") in answer_order_request(dispatcher, tracker, "request_refund", None)
    assert dispatcher.messages[0]["text"] == replies.returns_policy().strip()
    assert "30 days" in dispatcher.messages[0]["text"] and "free of charge" in dispatcher.messages[0]["text"]
    # a return asked for, not how returns work: straight to the order number
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", {}, {"text": "i want to return my dress"}, [], False, None, {}, "")
    assert FollowupAction("order_form") in answer_order_request(dispatcher, tracker, "request_refund", None)
    assert dispatcher.messages == []


def test_a_spoken_order_number_corrected_counts_its_last_number():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import latest_order_id
    text = "it's the uh order two zero zero zero two no sorry two zero zero zero one the phone case"
    entities = [{"entity": "order_id", "value": "order 20002", "start": 12, "end": 40}]
    assert latest_order_id(Tracker("t", {}, {"text": text, "entities": entities}, [], False, None, {}, "")) == "ORD-20001"


def test_yes_to_the_answer_kept_for_later_in_the_form_gives_it_and_asks_again():
    slots = {"order_topic": "billing_charged_twice",
             "pending_request": {"intent": "opening_hours_contact", "text": "what are your opening hours?"}}
    said, returned = _leave_form_after("yes please", "affirm", slots)
    assert said == ["utter_opening_hours", "utter_ask_order_id"]
    assert SlotSet("pending_request", None) in returned and ActiveLoop(None) not in returned
    said, _ = _leave_form_after("yes please", "affirm", {"order_topic": "order_status"})
    assert said == ["utter_ask_order_id"]  # nothing kept: the question again


def test_a_product_named_alone_after_a_request_keeps_it_and_a_question_after_a_complaint_offers_a_person():
    import datetime as dt
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    from tools.demo import demo_customers

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import question_about_the_order, request_corrected
    alice = next(c for c in demo_customers(dt.date(2026, 11, 30)) if c.customer_id == "C1001")

    def tracker(previous_intent, text, intent):
        message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
                   "sentiment": {"label": "neutral", "score": 0.9}}
        events = [{"event": "user", "text": "earlier", "parse_data": {"intent": {"name": previous_intent}}},
                  {"event": "user", "text": text, "parse_data": message}]
        return Tracker("t", {}, message, events, False, None, {}, "")

    assert request_corrected(tracker("request_refund", "the kettel", "inform"), alice) == "request_refund"
    assert request_corrected(tracker("request_refund", "the kettel", "inform"), None) is None  # anonymous: no products
    dispatcher = CollectingDispatcher()
    returned = question_about_the_order(dispatcher, tracker("give_feedback", "will anyone actually do anything?",
                                                            "nlu_fallback"), None)
    assert returned == [SlotSet("handoff_offered", True)]
    assert dispatcher.messages[0]["text"] == replies.question_for_the_team(None, None)


@pytest.mark.parametrize("text", ["I don't want a person, you're useless", "Absolutely not, this is a joke",
                                  "don't bother, useless"])
def test_an_angry_no_to_the_offer_of_a_person_is_still_a_no(text):
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", text, "deny", {"handoff_offered": True},
                          sentiment=("negative", 0.95))
    assert said == ["utter_no_handoff"]


@pytest.mark.parametrize("text, goes_on", [
    ("nah its stil ther after 4 days, not happy", True), ("no, it's still not sorted", True),
    ("no that's fine, I'll give it a few more days", False), ("nah, still don't need anyone", False),
])
def test_a_no_that_says_the_problem_is_still_there_is_offered_a_person_again(text, goes_on):
    said, returned = _run_action("actions.actions", "ActionDeclineHandoff", text, "deny", {"handoff_offered": True},
                                 sentiment=("negative", 0.9))
    assert ("put you through" in said[0]) is goes_on and (said == ["utter_no_handoff"]) is not goes_on
    assert (SlotSet("handoff_offered", True) in returned) is goes_on


def test_a_no_that_says_the_problem_is_still_there_unhappily_in_words_the_sentiment_misses():
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", "nah its stil ther after 4 days, not happy", "deny",
                          {"handoff_offered": True}, sentiment=("neutral", 0.6))
    assert "put you through" in said[0]
    said, _ = _run_action("actions.actions", "ActionDeclineHandoff", "no, it's still on its way, I'll wait", "deny",
                          {"handoff_offered": True}, sentiment=("neutral", 0.6))
    assert said == ["utter_no_handoff"]


def test_a_no_that_corrects_the_order_number_answers_for_the_number_given():
    said, _ = _fallback_after("no sorry i read it wrong its three zero zero zero one", "deny", {})
    assert "ORD-30001" in said[0] and "sign in" in said[0]  # anonymous: the number answered, not "let's leave that"
    said, _ = _fallback_after("no, leave it", "deny", {})
    assert said == [replies.form_left()]
    # a no that names a number without correcting it stays a no
    for taken_back in ("no wait, I don't want to cancel ORD-20001 after all", "nah forget it, 20001 can wait"):
        said, _ = _fallback_after(taken_back, "deny", {})
        assert "sign in" not in " ".join(said), taken_back


def test_asked_to_sign_in_a_customer_who_asks_to_be_told_anyway_hears_why():
    asked_to_sign_in = replies.anonymous_order_reply("ORD-40001")
    said, _ = _fallback_after("can you not just tell me yes or no?", "deny", {}, said_before=asked_to_sign_in)
    assert said == [replies.sign_in_why()]
    said, _ = _fallback_after("no thanks", "deny", {}, said_before=asked_to_sign_in)
    assert said == [replies.form_left()]  # a plain no is still a no


def test_a_number_the_nlu_could_not_place_corrects_the_order_for_the_request_before():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import ActionRephrase

    def user(text, intent):
        message = {"text": text, "intent": {"name": intent, "confidence": 0.4}, "entities": [], "metadata": {},
                   "sentiment": {"label": "neutral", "score": 0.9}}
        return {"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}

    def rephrase_after(earlier_intent):
        events = [user("cancel my order please", earlier_intent), {"event": "bot", "text": replies.anonymous_order_reply("ORD-20003")},
                  user("sorry typo, 20001", "nlu_fallback")]
        dispatcher = CollectingDispatcher()
        returned = ActionRephrase().run(dispatcher, Tracker("t", {}, events[-1]["parse_data"], events, False, None, {},
                                                            "action_listen"), {})
        return [m.get("text") or m.get("response") for m in dispatcher.messages], returned

    said, _ = rephrase_after("cancel_order")
    assert "ORD-20001" in said[0] and "sign in" in said[0]
    said, _ = rephrase_after("greet")  # no order request before: not taken for a correction
    assert "ORD-20001" not in " ".join(str(s) for s in said)


def test_a_pushback_on_sign_in_hears_why_even_when_upset_until_anger_comes_back():
    asked_to_sign_in = replies.anonymous_order_reply("ORD-30001")
    text = "oh come on, can't you just say yes or no"
    said, _ = _run_action("actions.actions", "ActionRephrase", text, "nlu_fallback", {}, sentiment=("negative", 0.97),
                          said_before=asked_to_sign_in)
    assert said == [replies.sign_in_why()]
    # a person offered already: the anger has come back, so they are put through
    said, returned = _run_action("actions.actions", "ActionRephrase", text, "nlu_fallback", {"handoff_offered": True},
                                 sentiment=("negative", 0.97), said_before=asked_to_sign_in)
    assert FollowupAction("action_handoff") in returned


@pytest.mark.parametrize("text, repeated", [
    ("same again for the sofa", "request_refund"), ("hmm no, keep that, do the sofa instead", "request_refund"),
    ("what about the sofa", None),
])
def test_a_request_asked_again_for_another_order(text, repeated):
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import request_repeated

    def user(words, intent):
        return {"event": "user", "text": words, "parse_data": {"text": words, "intent": {"name": intent}}}

    events = [user("can I get a refund on my order?", "request_refund"), user("the phone bits", "inform"),
              user(text, "nlu_fallback")]
    assert request_repeated(Tracker("t", {}, events[-1]["parse_data"], events, False, None, {}, "action_listen")) == repeated


@pytest.mark.parametrize("text, asked", [
    ("can I change the address for the trainers delivery? I won't be home", True),
    ("I've moved house, need to update my address on here", True),
    ("the courier left it at the wrong address", False), ("what's your address?", False),
    ("I think I left my old address on the dress order. Can you change where it's going before the driver gets there?",
     True),
    ("can you send it to my new address instead", True), ("could you redirect the parcel to my work", True),
    ("can i chang the adress for my dres", True), ("how do i update my addres", True),
    ("So I moved house last week. I forgot to update my address before ordering the trainers. Is it too late to cancel them?",
     False),
])
def test_an_address_to_change_offers_a_person(text, asked):
    assert _person_offered("ActionOutOfScope", text, "out_of_scope", "can't change an address") == (asked, asked)


def _person_offered(action: str, text: str, intent: str, wording: str) -> tuple[bool, bool]:
    """Whether a calm customer's `text` gets `wording` from `action`, and a person offered."""
    said, returned = _run_action("actions.actions", action, text, intent, {}, sentiment=("neutral", 0.9))
    return wording in said[0], SlotSet("handoff_offered", True) in returned


def test_a_question_about_delivery_terms_gets_them_not_a_request_for_an_order_number():
    said, returned = _run_action("actions.actions", "ActionOrderRequest", "how long does standard delivery take?",
                                 "track_delivery", {}, sentiment=("neutral", 0.9))
    assert said == ["utter_delivery_options"] and SlotSet("order_topic", None) in returned
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "do u deliver to ireland", "out_of_scope", {},
                          sentiment=("neutral", 0.9))
    assert said == ["utter_delivery_options"]
    # a report of what happened is no question, and a complaint is answered as one
    said, _ = _run_action("actions.actions", "ActionHandleComplaint", "can you believe they put it in the bin?",
                          "item_damaged", {}, sentiment=("negative", 0.9))
    assert "utter_delivery_options" not in said
    # two questions: each is answered in turn, the order first
    said, _ = _run_action("actions.actions", "ActionOrderRequest", "is my dress coming today? and how much is delivery",
                          "track_delivery", {}, sentiment=("neutral", 0.9))
    assert "utter_delivery_options" not in said
    said, _ = _run_action("actions.actions", "ActionOrderRequest", "Hi, I'm thinking of buying a sofa from you. How long "
                          "does delivery usually take? And can I pay in instalments?", "track_delivery", {},
                          sentiment=("neutral", 0.9))
    assert said == ["utter_delivery_options"]


@pytest.mark.parametrize("text, demanded", [
    ("It's now 6pm and nothing. What are you going to do about it?", True), ("I want this sorted today", True),
    ("I rang yesterday and was told the sofa would be here today.", True),
    ("your colleague said it would be refunded by monday", True),
    ("what can I do about it?", False), ("I was told to contact you", False), ("where is my sofa", False),
    ("i was promised a call back about the sofa and nobody called", True), ("no one ever got back to me", True),
    ("can someone call me back", False),
])
def test_a_demand_for_action_or_a_broken_promise_is_told_apart(text, demanded):
    from actions.tone import action_demanded
    assert action_demanded(text) is demanded


def test_a_plain_question_about_the_shop_not_placed_offers_a_person_not_rephrase():
    for text in ("is there a discount code for first orders", "can i get a gift receipt?",
                 "I think I've been scammed, I paid but never got a confirmation email"):
        said, returned = _run_action("actions.actions", "ActionRephrase", text, "nlu_fallback", {},
                                     sentiment=("neutral", 0.9))
        assert "not sure I can answer that" in said[0] and SlotSet("handoff_offered", True) in returned, text
    said, _ = _run_action("actions.actions", "ActionRephrase", "purple monkey dishwasher", "nlu_fallback", {},
                          sentiment=("neutral", 0.9))
    assert said == ["utter_please_rephrase"]


def test_a_thing_they_ordered_read_as_shopping_is_answered_about_their_order():
    import os
    from unittest import mock

    from actions.profiles import Customer

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        import actions.static_answers as static_answers
    alice = Customer("C1001", "Alice Martin", "platinum", "email", "a@example.com", [])
    with mock.patch.object(static_answers, "current_customer", return_value=alice), \
            mock.patch.object(static_answers, "about_their_own_order", return_value=[SlotSet("order_id", "ORD-10001")]) \
            as about:
        said, returned = _run_action("actions.static_answers", "ActionProductRecommendation", "trainers???",
                                     "product_recommendation", {}, sentiment=("negative", 0.9))
        assert returned == [SlotSet("order_id", "ORD-10001"), FollowupAction("action_listen")] and about.called
        about.reset_mock()
        said, _ = _run_action("actions.static_answers", "ActionProductRecommendation", "any good trainers for running?",
                              "product_recommendation", {}, sentiment=("neutral", 0.9))
        assert said == ["utter_product_recommendation"] and not about.called


@pytest.mark.parametrize("text, change", [
    ("my phone case order - can i add another item to it?", True), ("can i change the size on my trainers order", True),
    ("can I add a note to the order", True), ("where is my order", False), ("can i change my password", False),
])
def test_a_change_to_an_order_offers_a_person(text, change):
    assert _person_offered("ActionRephrase", text, "nlu_fallback", "not sure I can answer that") == (change, change)


@pytest.mark.parametrize("text, cue", [
    ("cancle my fone case order", True), ("cnacel it", True), ("i dont want the trainers anymore", True),
    ("bin off the headphones order pls", True), ("my phone case order - can i add another item to it?", False),
    ("can i add something to my order", False),
])
def test_a_cancellation_needs_a_word_for_calling_it_off(text, cue):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import CANCEL_WORDS
    assert (CANCEL_WORDS.search(text) is not None) is cue


def test_a_cancellation_read_without_a_word_for_one_cancels_nothing():
    said, returned = _run_action("actions.actions", "ActionOrderRequest", "my order - can i add another item to it?",
                                 "cancel_order", {}, sentiment=("neutral", 0.9))
    assert "not sure I can answer that" in said[0] and SlotSet("handoff_offered", True) in returned


def test_account_help_offers_a_person_for_an_address_and_the_reset_link_otherwise():
    said, returned = _run_action("actions.static_answers", "ActionAccountAccess", "can i chang the adress on my account",
                                 "account_access", {}, sentiment=("neutral", 0.9))
    assert "can't change an address" in said[0] and SlotSet("handoff_offered", True) in returned
    # upset or not, the sign-in help comes first (action_offer_other_request adds empathy after it)
    said, _ = _run_action("actions.static_answers", "ActionAccountAccess", "locked out AGAIN, this is ridiculous",
                          "account_access", {}, sentiment=("negative", 0.97))
    assert said == ["utter_account_access"]
    said, returned = _run_action("actions.static_answers", "ActionAccountAccess", "how do I delete my account",
                                 "account_access", {}, sentiment=("neutral", 0.9))
    assert said == [replies.account_closure(None)] and SlotSet("handoff_offered", True) in returned


@pytest.mark.parametrize("text, resented", [
    ("ive been waiting 3 weeks for a sofa and you want a NUMBER?? unbelievable", True),
    ("why do you need my order number, you know who I am", True),
    ("you seriously want the reference number again?", True),
    ("why should i give YOU my order number you should know who i am", True), ("cant you just look me up", True),
    ("I don't have the number", False), ("you should know my sofa is late", False), ("what's your phone number", False), ("it's ORD-20002", False),
])
def test_the_order_forms_question_resented(text, resented):
    from actions.dispatching import NUMBER_RESENTED
    assert (NUMBER_RESENTED.search(text) is not None) is resented


@pytest.mark.parametrize("text, guest", [
    ("i dont have an account, i checked out as a guest", True), ("I ordered as a guest", True),
    ("I never made an account", True), ("I can't get into my account", False), ("I don't have the number", False),
])
def test_a_guest_checkout_said(text, guest):
    from actions.dispatching import GUEST
    assert (GUEST.search(text) is not None) is guest


def test_a_guest_in_the_order_form_hears_where_the_number_is_unless_they_have_none():
    said, _ = _leave_form_after("i dont have an account, i checked out as a guest", "account_access",
                                {"order_topic": "track_delivery"})
    assert "you don't need an account" in said[0]
    said, returned = _leave_form_after("no idea what the number is, I checked out as a guest and think I deleted the email",
                                       "account_access", {"order_topic": "cancel_order"})
    assert "you don't need an account" not in said[0] and SlotSet("handoff_offered", True) in returned
    said, _ = _leave_form_after("ive been waiting 3 weeks for a sofa and you want a NUMBER?? unbelievable",
                                "opening_hours_contact", {"order_topic": "track_delivery"})
    assert said[0].startswith("I'm sorry, I know you want this sorted") and "order number" in said[0]


@pytest.mark.parametrize("text,waits", [
    ("actualy nvm, ill just wait for the sofa to turn up i guess", True),
    ("never mind, I'll wait and see", True), ("forget it, i'm gonna wait for them to arrive", True),
    ("never mind, where is my sofa", False), ("I'll wait for the agent? how long is it", False),
])
def test_leaving_the_queue_to_wait_for_the_order_asks_nothing(text, waits):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import WAITING_FOR_IT
    assert (WAITING_FOR_IT.search(text) is not None) == waits


@pytest.mark.parametrize("text,gone", [
    ("actually no need, the van's just pulled up outside", True), ("actually it's fine, I don't need anyone now", True),
    ("no need actually, all sorted", True), ("it's just arrived, thanks", True), ("we're sorted now ta", True),
    ("no, nothing else", False), ("is it all sorted now?", False), ("it's just arrived but the lid is cracked", False),
    ("no need to shout", False), ("I don't need anyone else, just the agent", False), ("hello?? anyone there", False),
    ("there's no need for a bot, I need a human", False),
])
def test_a_person_no_longer_needed_leaves_the_queue(text, gone):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import no_longer_needed
    assert no_longer_needed(text) is gone


@pytest.mark.parametrize("text,stays", [
    ("never mind, i'll wait", True), ("no it's fine, I can hold", True), ("ok i dont mind waiting", True),
    ("happy to wait thanks", True), ("nvm ill just wait for the sofa to turn up", False),
    ("never mind, i'll wait for it", False), ("actually cancel that, i'll wait for later", False),
    ("no, i'll wait for the agent", True), ("i can't wait any longer", False), ("never mind", False),
])
def test_a_customer_who_will_wait_stays_in_the_queue(text, stays):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import staying_in_queue
    assert staying_in_queue(text) is stays


@pytest.mark.parametrize("text,about_the_wait", [
    ("what's the wait time", True), ("how long till someone answers", True), ("is anyone going to reply today?", True),
    ("what time will they get to me", True), ("are you open on sundays?", False), ("what's your phone number", False),
    ("while I'm waiting, what time do your phone lines open tomorrow morning?", False),
    ("what number am I now", True), ("am i next?", True), ("what number do I ring", False),
])
def test_a_question_about_the_wait_is_not_one_about_opening_hours(text, about_the_wait):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import OPENING_ASKED, WAIT_ASKED
    assert (WAIT_ASKED.search(text) is not None and not OPENING_ASKED.search(text)) is about_the_wait


def test_another_shops_parcel_is_out_of_scope_with_how_to_ask_about_one_of_ours():
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "where's my amazon parcel?? was meant to come yesterday",
                          "out_of_scope", {}, sentiment=("neutral", 0.9))
    assert said == ["utter_out_of_scope", replies.if_ours(None)]
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "who won the match last night", "out_of_scope", {},
                          sentiment=("neutral", 0.9))
    assert said == ["utter_out_of_scope"]


def test_a_no_that_wants_something_else_than_the_answer_gave_is_still_unhappy():
    said, returned = _fallback_after("i dont want a link i want them on my doorstep", "deny", {})
    assert said == [replies.not_sorted(None)] and SlotSet("handoff_offered", True) in returned
    # a person refused, or another remedy asked for, is no complaint about the answer
    for text in ("no i dont want a person i want my money", "I don't want a refund, I want a replacement"):
        said, _ = _fallback_after(text, "deny", {})
        assert said != [replies.not_sorted(None)], text


def test_a_real_person_asked_about_while_queued():
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import REAL_PERSON_ASKED
    assert REAL_PERSON_ASKED.search("is it a real person or another bot")
    assert REAL_PERSON_ASKED.search("will it be an actual person?")
    assert not REAL_PERSON_ASKED.search("how long is the wait")


@pytest.mark.parametrize("text, asked", [
    ("will they email me?", True), ("are you going to call me back or what", True), ("will someone ring me", True),
    ("is the agent going to phone me", True), ("how long is the wait", False), ("what's your phone number", False),
    ("do they need to call me", False), ("do you call this customer service?", False),
    ("could you text me the tracking link", False), ("will you contact the courier for me?", False),
    ("can they call me instead", True), ("will they reply by email?", True),
])
def test_how_the_person_will_answer_asked_while_queued(text, asked):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import THEIR_REPLY_ASKED
    assert bool(THEIR_REPLY_ASKED.search(text)) is asked


@pytest.mark.parametrize("text, about", [
    ("its about my air fryer, it stopped working", True), ("my order number is ORD-10001", True),
    ("can i add something while i wait? my dress was supposed to come yesterday", True),
    ("still there?", False), ("hello??", False), ("what's my position", False), ("is it my turn yet", False),
    ("the queue is so long", False), ("my god this is slow", False),
])
def test_more_about_the_order_while_queued_is_noted_for_the_person(text, about):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import ABOUT_AN_ORDER
    assert bool(ABOUT_AN_ORDER.search(text)) is about


@pytest.mark.parametrize("understood,text,opening", [
    ("thanks", "thanks", "You're welcome! "), ("goodbye", "ok thanks bye", "You're welcome! "),
    ("goodbye", "bye", "Bye for now! "), ("goodbye", "see ya", "Bye for now! "), ("greet", "hello??", None),
    ("goodbye", "is it going to be much longer? I've got to go out soon", None),
    ("deny", "thanks, no rush", "You're welcome! "), ("deny", "no rush", None), ("give_feedback", "thanks for nothing", None), ("deny", "thanks for nothing", None),
])
def test_thanks_and_a_goodbye_while_queued_are_returned_in_kind(understood, text, opening):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import courtesy_returned
    assert courtesy_returned(understood, text) == opening


def test_coming_back_about_it_again_offers_a_person_whatever_the_tone():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import maybe_offer_human

        def offered(text):
            message = {"text": text, "intent": {"name": "order_status", "confidence": 0.9}, "entities": [],
                       "metadata": {}, "sentiment": {"label": "neutral", "score": 0.9}}
            events = [{"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}]
            dispatcher = CollectingDispatcher()
            returned = maybe_offer_human(dispatcher, Tracker("t", {}, message, events, False, None, {}, "action_listen"),
                                         None, is_complaint=False)
            return SlotSet("handoff_offered", True) in returned and "one of our team" in dispatcher.messages[0]["text"]

        assert offered("this is the 3rd time ive contacted you about the air fryer")
        assert not offered("where is my air fryer")


def test_a_delivery_question_after_opening_hours_gets_the_delivery_terms_too():
    text = "Hello. I'd like to know your opening hours. Also, do you deliver on Sundays?"
    said, returned = _run_action("actions.dispatching", "ActionOfferOtherRequest", text, "opening_hours_contact", {},
                                 sentiment=("neutral", 0.9))
    assert said == ["utter_delivery_options"] and returned == []
    said, _ = _run_action("actions.dispatching", "ActionOfferOtherRequest", "what are your opening hours?",
                          "opening_hours_contact", {}, sentiment=("neutral", 0.9))
    assert said == []


@pytest.mark.parametrize("text, instead", [
    ("actually, can you just cancel my trainers order instead?", True), ("could you check my refund instead", True),
    ("can they email me instead?", False), ("can you call me instead", False), ("can you cancel my order", False),
    ("can you tell them I'd rather have a refund instead?", False),
])
def test_the_assistant_asked_to_do_it_instead_of_the_person(text, instead):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import INSTEAD_OF_THE_PERSON
    assert bool(INSTEAD_OF_THE_PERSON.search(text)) is instead


@pytest.mark.parametrize("text, passed_on", [
    ("can you let them know it's urgent", True), ("tell them I'm out after 5", True), ("pass that on please", True),
    ("let me know when they're free", False), ("tell me my position", False),
])
def test_something_to_pass_on_while_queued(text, passed_on):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import PASS_IT_ON
    assert bool(PASS_IT_ON.search(text)) is passed_on



def test_a_remedy_of_the_customers_own_after_a_replacement_or_refund_offered_is_passed_to_a_person():
    offered = ("I'm sorry about your item arriving damaged. Please keep the item and packaging; we'll send a "
               f"{replies.REMEDIES_OFFERED}, whichever you prefer.")
    text = "I don't need a replacement, the fryer itself is fine. Just a new manual would do."
    said, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {},
                                 sentiment=("neutral", 0.8), said_before=offered)
    assert said == [replies.other_remedy_wanted(None)] and SlotSet("handoff_offered", True) in returned
    # with no other remedy named, off-topic after the offer is off-topic
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "who won the football", "out_of_scope", {},
                          sentiment=("neutral", 0.8), said_before=offered)
    assert said == ["utter_out_of_scope"]
    # with nothing offered before, off-topic is off-topic
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "who won the football", "out_of_scope", {},
                          sentiment=("neutral", 0.8), said_before="Hello! How can I help?")
    assert said == ["utter_out_of_scope"]


def test_how_the_returns_label_works_is_answered_rather_than_called_off_topic():
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "Do I need to print a label or anything?", "out_of_scope",
                          {}, sentiment=("neutral", 0.8),
                          said_before="We'll send the right item out today with a free returns label for the wrong one.")
    assert said == [replies.returns_label()] and "label" in said[0]
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import RETURNS_LABEL_ASKED
    assert RETURNS_LABEL_ASKED.search("I haven't got a printer for the label")
    assert not RETURNS_LABEL_ASKED.search("can you print my receipt")


def test_an_off_topic_message_upset_with_something_else_gets_a_kind_word_and_what_we_do_not_a_person():
    text = "my bank app keeps logging me out every 5 seconds how do i fix it"
    said, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {},
                                 sentiment=("negative", 0.85), said_before="Hello! How can I help?")
    assert said == [replies.upset_elsewhere(), "utter_out_of_scope"]
    assert SlotSet("handoff_offered", True) not in returned
    # the feeling aimed at us is anger with us, whatever the topic: empathy and a person
    said, _ = _run_action("actions.actions", "ActionOutOfScope",
                          "im eighty one years old and i have been on this bloody computer for an hour, you should be "
                          "ashamed of yourselves", "out_of_scope", {}, sentiment=("negative", 0.95),
                          said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)]
    # a refund or an order of ours spoken of is about us, read as off-topic or not
    for ours in ("i've been trying for an hour to find where my refund went and i'm at the end of my tether",
                 "its been three weeks and my order still hasnt come, im so stressed out about it"):
        said, _ = _run_action("actions.actions", "ActionOutOfScope", ours, "out_of_scope", {},
                              sentiment=("negative", 0.9), said_before="Hello! How can I help?")
        assert said == [replies.upset_fallback(None)], ours
    # anger in so many words is anger with us, whatever the topic: empathy and a person
    said, returned = _run_action("actions.actions", "ActionOutOfScope", "THIS IS A JOKE, HOW DO I EVEN FIX THIS STUPID APP",
                                 "out_of_scope", {}, sentiment=("negative", 0.85), said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)] and SlotSet("handoff_offered", True) in returned
    # after a person was offered, anger come back is put through
    _, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {"handoff_offered": True},
                              sentiment=("negative", 0.85), said_before="Would you like me to put you through to one of our team?")
    assert FollowupAction("action_handoff") in returned


def test_an_upset_off_topic_reading_naming_the_customers_own_product_is_not_upset_elsewhere():
    from actions.profiles import Customer, Order

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        import actions.actions as actions_module
    dev = Customer("C1004", "Dev Patel", "silver", "email", "d@example.com",
                   [Order("ORD-40001", "delivered", "2026-11-20", ["air fryer"], "£89.00", carrier="DPD")])
    text = "ha good. i was gonna ask something and forgot. oh yeah is the air fryer under warranty"
    with mock.patch.object(actions_module, "current_customer", return_value=dev):
        said, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {},
                                     sentiment=("negative", 0.85), said_before="Hi Dev, welcome back! How can I help you today?")
    # their own air fryer named: not upset with something else, so empathy and a person, as before
    assert said == [replies.upset_fallback(dev)] and SlotSet("handoff_offered", True) in returned


def test_a_verdict_on_this_conversation_is_aimed_at_us():
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import AIMED_AT_US
    assert AIMED_AT_US.search("what a load of absolute sh*te this is")
    assert not AIMED_AT_US.search("my bank app keeps logging me out every 5 seconds, do you have any idea how to fix it")


def test_an_address_kept_somewhere_else_is_no_address_of_ours_to_change():
    text = "Dzień dobry. Please can you explain me how I change my address for council tax, I am moving flat next month"
    said, _ = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {}, sentiment=("neutral", 0.9),
                          said_before="Hello! How can I help?")
    assert said == ["utter_out_of_scope"]
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "can I change my delivery address", "out_of_scope", {},
                          sentiment=("neutral", 0.9), said_before="Hello! How can I help?")
    assert said == [replies.address_change(None, None)]


def test_more_of_an_order_conversation_read_as_off_topic_is_not_upset_elsewhere():
    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import ActionOutOfScope
    first = {"text": "The DPD tracking hasn't moved since. Is something wrong?",
             "intent": {"name": "order_status", "confidence": 0.9}, "entities": [], "sentiment": {"label": "neutral", "score": 0.8}}
    text = "I've checked with my neighbours. Nobody has it. I need them for a race on Sunday."
    message = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.9}, "entities": [], "metadata": {},
               "sentiment": {"label": "negative", "score": 0.9}}
    events = [{"event": "user", "text": first["text"], "parse_data": first},
              {"event": "bot", "text": "Your order is on its way with DPD."},
              {"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}]
    dispatcher = CollectingDispatcher()
    ActionOutOfScope().run(dispatcher, Tracker("t", {}, message, events, False, None, {}, "action_listen"), {})
    said = [m.get("text") or m.get("response") for m in dispatcher.messages]
    assert replies.upset_elsewhere() not in said and said == [replies.upset_fallback(None)]


def test_a_fault_told_of_a_thing_of_theirs_read_as_off_topic_is_not_upset_elsewhere():
    text = "The fridge has been knocking loudly since day one and now the freezer section isn't freezing."
    said, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {},
                                 sentiment=("negative", 0.9), said_before="Hello! How can I help?")
    # most likely one of ours: empathy and a person, never "not something I can help with"
    assert said == [replies.upset_fallback(None)] and SlotSet("handoff_offered", True) in returned
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import A_FAULT_TOLD
    for fault in ("my new kettle won't boil", "the washer stopped spinning", "it's been leaking since tuesday"):
        assert A_FAULT_TOLD.search(fault), fault
    assert not A_FAULT_TOLD.search("my bank app keeps logging me out every 5 seconds how do i fix it")


@pytest.mark.parametrize("text,leaves", [
    ("take me out of the queue please", True), ("remove me from the queue", True), ("exit queue", True),
    ("withdraw my request", True), ("cancel cancel cancel", True), ("back to the bot please", True),
    ("can I just talk to you instead", True), ("let's just carry on with you", True),
    ("I'll just phone up tomorrow", True), ("I'll email instead, don't need the chat person", True),
    ("actually found the tracking info, all good", True), ("no worries, I figured it out", True),
    ("my bad, it was in the porch all along", True), ("nah you're alright mate", True), ("this is pointless, I'm off", True),
    ("don't want a person anymore, just send me the returns link", True), ("leave it, it's fine", True),
    ("cba waiting, bye", True), ("no its fine leave it", True), ("sorry I go now, cancel please", True),
    ("I've just read the returns page, I'm fine now", True), ("its ok i found the parcel in the bin shed lol", True),
    ("on second thoughts, can you just process the refund yourself", True), ("can you leave it in the porch", False),
    ("I sent it back to you two weeks ago and still no refund", False), ("it's arrived but it's broken", False),
    ("found the parcel but it's soaked through", False), ("I'm fine now but the sofa still isn't here", False),
    ("on second thoughts, it's the air fryer not the kettle", False), ("no you're fine, take your time", False),
    ("can you take me off the mailing list while I wait", False), ("I'm off work today so the agent can call anytime", False),
    ("disregard the last message, the order number is 55555", False), ("disregard, all fine", True), ("no longer needed thanks", True),
    ("ignore that, it's arrived", True), ("ignore that, it's ORD12345 not ORD12354", False), ("your couriers just ignore me", False),
    ("please don't remove me from the queue", False), ("I'm not giving up, I'll stay", False),
    ("I'll email you the photos instead", False), ("I have to go now, can the agent email me instead", False),
    ("please dont take me out the queue", False), ("how long is the queue", False), ("I'll wait for the agent", False),
    ("can you tell the agent it's about the sofa", False), ("still waiting here...", False),
])
def test_the_queue_left_in_everyday_words(text, leaves):
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import QUEUE_LEFT
    assert (QUEUE_LEFT.search(text) is not None) is leaves


@pytest.mark.parametrize("text", [
    "never mind the refund, it's about the sofa now", "never mind the weather chat, is the agent coming?",
    "forget it? no chance, I'm waiting till someone sorts this", "never mind how long it takes, I'm not going anywhere",
    "I was going to say forget it but I really need this sorted", "never mind, I'll wait",
])
def test_never_mind_said_of_something_else_stays_in_the_queue(text):
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import staying_in_queue
    assert staying_in_queue(text), text


def test_anger_at_the_forms_question_keeps_the_form_with_an_apology_and_a_person():
    said, returned = _run_action("actions.dispatching", "ActionLeaveForm", "I don't care about your \"process\"", "deny",
                                 {"order_topic": "request_refund"}, active_loop="order_form",
                                 sentiment=("negative", 0.95))
    assert said == [replies.order_number_needed(True)] and SlotSet("handoff_offered", True) in returned
    # read as negative, not strongly: the same (the sentiment model hears "I don't care about…" as only negative)
    said, _ = _run_action("actions.dispatching", "ActionLeaveForm", "I don't care about your \"process\"", "deny",
                          {"order_topic": "request_refund"}, active_loop="order_form", sentiment=("negative", 0.6))
    assert said == [replies.order_number_needed(True)]
    # a calm no still leaves it
    said, _ = _run_action("actions.dispatching", "ActionLeaveForm", "no", "deny", {"order_topic": "order_status"},
                          active_loop="order_form", sentiment=("neutral", 0.9))
    assert said == [replies.form_left()]


def test_anger_with_a_hello_in_front_is_answered_as_anger():
    said, returned = _run_action("actions.actions", "ActionGreet", "hello?? anyone?? ths is rdiculous", "greet", {},
                                 sentiment=("negative", 0.95), said_before="")
    assert said == [replies.upset_fallback(None)] and SlotSet("handoff_offered", True) in returned
    said, _ = _run_action("actions.actions", "ActionGreet", "hello!!", "greet", {}, sentiment=("negative", 0.95),
                          said_before="")
    assert said == [replies.greeting(None)]


def test_an_off_topic_question_in_capitals_is_answered_as_off_topic_not_as_anger():
    said, returned = _run_action("actions.actions", "ActionOutOfScope", "WHO WILL WIN THE NEXT ELECTION", "out_of_scope",
                                 {}, sentiment=("neutral", 0.9), said_before="Hello! How can I help?")
    assert said == ["utter_out_of_scope"] and SlotSet("handoff_offered", True) not in returned
    # capitals read as negative, or aimed at us, are still anger: empathy and a person
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "WHO WILL WIN THE NEXT ELECTION", "out_of_scope", {},
                          sentiment=("negative", 0.9), said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)]
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "YOU LOT ARE AN ABSOLUTE JOKE", "out_of_scope", {},
                          sentiment=("neutral", 0.9), said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)]


def test_another_companys_business_words_shouted_are_off_topic_when_the_nlu_found_them_theirs():
    text = "HOW CAN I CANCEL NETFLIX? THEY'RE STILL CHARGING ME EVERY MONTH"
    said, returned = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {},
                                 sentiment=("neutral", 0.9), said_before="Hello! How can I help?",
                                 parsed={"elsewhere": True})
    assert said == ["utter_out_of_scope"] and SlotSet("handoff_offered", True) not in returned
    # without the NLU's word, "charging me" may be a charge of ours, shouted: empathy and a person
    said, _ = _run_action("actions.actions", "ActionOutOfScope", text, "out_of_scope", {}, sentiment=("neutral", 0.9),
                          said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)]
    # words aimed at us stay aimed at us, whatever else the message is about
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "YOU LOT ARE AS BAD AS NETFLIX, CHARGING ME TWICE",
                          "out_of_scope", {}, sentiment=("neutral", 0.9), said_before="Hello! How can I help?",
                          parsed={"elsewhere": True})
    assert said == [replies.upset_fallback(None)]


@pytest.mark.parametrize("text,cancels", [
    ("never mind, remove me from the queue please", False), ("take me out of the queue and cancel my sofa order", True),
    ("never mind, can i just cancel my dress order instead", True), ("get me off the waiting list", False),
    ("Honestly, forget it. I'm not waiting around any more, I've wasted enough of my evening. Remove me from the queue.",
     False),
])
def test_leaving_the_queue_cancels_an_order_only_when_one_is_named(text, cancels):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import cancellation_besides_the_queue
    assert cancellation_besides_the_queue(text) is cancels


def test_swearing_read_as_off_topic_is_anger_with_us_unless_read_as_calm():
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "I'm getting really fed up of this ffs, every single time",
                          "out_of_scope", {}, sentiment=("negative", 0.8), said_before="Hello! How can I help?")
    assert said == [replies.upset_fallback(None)]
    # scorn of another company's ways, which the NLU read as calm: a kind word and what we do
    said, _ = _run_action("actions.actions", "ActionOutOfScope", "Netflix make it impossible to cancel, it's a joke. Every "
                          "month the money goes and I can't find where to stop it", "out_of_scope", {},
                          sentiment=("neutral", 0.8), said_before="Hello! How can I help?")
    assert said == [replies.upset_elsewhere(), "utter_out_of_scope"]


def test_a_calm_complaint_of_an_order_not_late_yet_is_sorry_it_is_not_there_yet():
    import datetime as dt
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    from tools.demo import demo_customers

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import answer_complaint
    alice = next(c for c in demo_customers(dt.date.today()) if c.customer_id == "C1001")

    def complain(text, label):
        message = {"text": text, "intent": {"name": "delivery_late", "confidence": 0.9}, "entities": [],
                   "sentiment": {"label": label, "score": 0.9}}
        events = [{"event": "user", "text": text, "parse_data": message}]
        dispatcher = CollectingDispatcher()
        answer_complaint(dispatcher, Tracker("t", {}, message, events, False, None, {}, ""), "delivery_late", alice)
        return [m["text"] for m in dispatcher.messages]

    said = complain("I paid a premium for expedited delivery of my running trainers and they have still not been "
                    "delivered. Please explain why.", "neutral")
    assert said[0] == replies.not_there_yet() and "ORD-10001" in said[1] and "sorry" not in said[1].lower()
    # upset, the apology is the empathy that opens the order's status: said once
    said = complain("WHERE ARE MY TRAINERS, I PAID FOR FAST DELIVERY", "negative")
    assert replies.not_there_yet() not in said and "sorry" in said[0].lower()
    # a delivered order the customer does not say never came: where it is, no apology
    said = complain("when did my kettle arrive, was it late?", "neutral")
    assert replies.not_there_yet() not in said


@pytest.mark.parametrize("text, wait_cancelled", [
    ("Ok I don't want to wait anymore, please cancel.", True), ("cancel", True), ("forget it, cancel the request", True),
    ("cancel my order please", False), ("the sofa is late, cancel it", False), ("can you cancel the phone case", False),
    ("no I don't want to cancel", False), ("ok is no more need, i cancel", True),
])
def test_a_cancel_that_names_nothing_while_waiting_is_the_waits(text, wait_cancelled):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import QUEUE_CANCELLED
    assert bool(QUEUE_CANCELLED.search(text)) is wait_cancelled


@pytest.mark.parametrize("text,cancelled,elsewhere", [
    ("I've changed my mind, cancel my place in the line", True, False),
    ("ugh forget it, I'll sort the refund out some other way", False, True),
    ("never mind, I'll just deal with it myself", False, True),
    ("never mind, where is my refund", False, False),
])
def test_leaving_the_queue_in_more_words(text, cancelled, elsewhere):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import QUEUE_CANCELLED, SORTED_ELSEWHERE
    assert (QUEUE_CANCELLED.search(text) is not None) is cancelled
    assert (SORTED_ELSEWHERE.search(text) is not None) is elsewhere


@pytest.mark.parametrize("text,intent,only_the_wait", [
    ("forget it. no more waiting.", "delivery_late", True), ("ugh I'm done waiting", "delivery_late", True),
    ("never mind, my parcel is still late though", "delivery_late", False),
    ("forget it, where's my order", "order_status", False),
])
def test_a_wait_given_up_while_queued_is_the_queues(text, intent, only_the_wait):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import only_the_queues_wait
    assert only_the_queues_wait(text, intent) is only_the_wait


@pytest.mark.parametrize("text,plain", [
    ("how many people before me?", True), ("how long now?", True), ("how long is this going to take??", False),
    ("why is it taking so long?!", False), ("This is ridiculous. How long?", False), ("how many people before me", False),
])
def test_a_calm_question_about_the_wait_is_answered_without_an_apology(text, plain):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import plainly_asks_the_wait
    assert plainly_asks_the_wait(text) is plain


@pytest.mark.parametrize("text,left", [
    ("no more waiting, where's my phone case", True), ("I'm done waiting.", True),
    ("I'm done waiting for the sofa", False), ("no more waiting, put me through now", False),
])
def test_no_more_waiting_leaves_the_queue(text, left):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import QUEUE_LEFT
    assert (QUEUE_LEFT.search(text) is not None) is left


def test_a_returns_label_asked_of_another_shop_gets_no_answer_of_ours():
    import os
    from unittest import mock

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import answer_not_understood

    def answered(text, elsewhere):
        message = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.9}, "entities": [],
                   "elsewhere": elsewhere, "sentiment": {"label": "neutral", "score": 0.9}}
        dispatcher = CollectingDispatcher()
        tracker = Tracker("t", {}, message, [{"event": "user", "text": text, "parse_data": message}], False, None, {}, "")
        answer_not_understood(dispatcher, tracker, "utter_out_of_scope", None)
        return dispatcher.messages

    theirs = answered("I need to send something back to ASOS but I haven't got a printer for the label.", True)
    assert [m.get("response") for m in theirs] == ["utter_out_of_scope"]
    ours = answered("I haven't got a printer for the returns label, what do I do?", False)
    assert ours[0]["text"] == replies.returns_label()


@pytest.mark.parametrize("text", ["I'm done waiting, I want to speak to a manager", "I'm done waiting. Put me through to someone",
                                  "im done waiting!! someone answer me"])
def test_done_waiting_for_a_person_still_wanted_stays_in_the_queue(text):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import QUEUE_LEFT, only_the_queues_wait, plainly_asks_the_wait
    assert QUEUE_LEFT.search(text) is None
    assert not only_the_queues_wait("forget the agent, its 3 days late, when will it come", "delivery_late")
    assert not plainly_asks_the_wait("Why is nobody answering me?")


@pytest.mark.parametrize("text,score,apology", [
    ("how many people before me?", 0.95, False),  # a calm question read as strongly negative by the model
    ("how many people before me, you useless lot?", 0.95, True),  # anger in the words themselves
    ("HOW MANY PEOPLE BEFORE ME?", 0.6, True),  # shouted
])
def test_a_calm_question_about_the_wait_gets_no_apology_whatever_the_sentiment(redis_client, text, score, apology):
    import os
    from unittest import mock

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import handoff

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions import actions as module
    sender = f"wait-{abs(hash(text))}"
    handoff.enqueue(redis_client, sender, "customer asked", "", None, None)
    message = {"text": text, "intent": {"name": "inform", "confidence": 0.6}, "entities": [],
               "sentiment": {"label": "negative", "score": score}}
    events = [{"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker(sender, {"handoff_queued": True}, message, events, False, None, {}, "")
    dispatcher = CollectingDispatcher()
    with mock.patch.object(module, "redis_client", return_value=redis_client):
        module.answer_while_queued(dispatcher, tracker)
    reply = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "queue" in reply
    assert ("sorry" in reply.lower()) is apology
    handoff.withdraw(redis_client, sender)


@pytest.mark.parametrize("text,rejected", [
    ("Don't give me sorry. I've taken two days off work waiting in for this!", True),
    ("Don't sorry me. I paid good money for that", True),
    ("I don't want apologies, I want a rug that isn't ripped.", True),
    ("A MONTH. Don't tell me you're sorry, tell me when I'm getting my money.", True),
    ("Sorry won't pay my rent will it.", True),
    ("don't be sorry, it's fine", False), ("no need to say sorry", False), ("don't worry, sorry about that", False),
    ("Don't say sorry, it's not your fault", False), ("dont say sorry lol it's fine", False),
])
def test_an_apology_thrown_back_is_anger_in_the_words(text, rejected):
    from actions.tone import INSULTS
    assert (INSULTS.search(text) is not None) is rejected


@pytest.mark.parametrize("text,plain", [
    ("nah its ok, ill wait a bit longer", True), ("No need, thanks. I'll wait and see if they come tomorrow.", True),
    ("no that's ok, I'll hang on for the new date", True), ("no wait, I meant the trainers", False),
    ("no wait for a sec, it's the other order", False),
])
def test_a_no_after_a_complaint_that_waits_is_no_correction(text, plain):
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import declined_after_complaint

    def said(words, intent):
        return {"event": "user", "text": words, "parse_data": {"text": words, "intent": {"name": intent, "confidence": 0.9}}}

    message = {"text": text, "intent": {"name": "deny", "confidence": 0.9}, "entities": []}
    events = [said("my trainers were meant to be here yesterday", "delivery_late"), {"event": "bot", "text": "sorry"},
              said(text, "deny")]
    assert declined_after_complaint(Tracker("t", {}, message, events, False, None, {}, "")) is plain


@pytest.mark.parametrize("text,sorted_themselves", [
    ("oh never mind, I'll just send it back myself", True), ("actually don't worry, I'll just return it and reorder", True),
    ("I'll just return it and get a refund", False), ("never mind, I'll return it, how do I get a label?", False),
])
def test_a_return_done_on_their_own_asks_nothing_of_us(text, sorted_themselves):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import SORTED_ELSEWHERE
    assert (SORTED_ELSEWHERE.search(text) is not None) is sorted_themselves


@pytest.mark.parametrize("offered,intent,label,score,handed_on", [
    (True, "inform", "negative", 0.98, True),  # "…now it's ruined. Seriously not happy." after the offer
    (True, "request_refund", "neutral", 0.6, False),  # calm: answered
    (False, "inform", "negative", 0.98, False),  # no person offered yet
    (True, "deny", "negative", 0.98, False),  # the offer's own rule answers a no
])
def test_anger_back_after_the_offer_of_a_person(offered, intent, label, score, handed_on):
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import anger_back_after_the_offer

    def said(words, name, lab, sc):
        return {"event": "user", "text": words, "parse_data": {"text": words, "intent": {"name": name, "confidence": 0.9},
                                                              "sentiment": {"label": lab, "score": sc}}}

    text = "It was for my holiday on Saturday and now it's ruined."
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
               "sentiment": {"label": label, "score": score}}
    offer = "I'm sorry. Would you like me to put you through to one of our team? (yes/no)"
    events = [said("my dress arrived with a stain", "item_damaged", "negative", 0.9), {"event": "bot", "text": offer},
              said(text, intent, label, score)]
    tracker = Tracker("t", {"handoff_offered": offered}, message, events, False, None, {}, "action_listen")
    assert anger_back_after_the_offer(tracker) is handed_on




@pytest.mark.parametrize("text", ["never mind, I'll just send it back myself. Please email me the returns label",
                                  "I'll just return it and reorder. Also has my other order shipped"])
def test_a_return_done_on_their_own_with_more_asked_is_answered(text):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import SORTED_ELSEWHERE
    assert SORTED_ELSEWHERE.search(text) is None


def test_anger_turns_after_the_offer_is_answered_not_handed_on():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import anger_back_after_the_offer
    text = "CANCEL IT NOW. THIS IS A JOKE"
    message = {"text": text, "intent": {"name": "cancel_order", "confidence": 0.9}, "entities": [],
               "sentiment": {"label": "negative", "score": 0.97}}
    events = [{"event": "bot", "text": "Would you like me to put you through to one of our team? (yes/no)"},
              {"event": "user", "text": "where's my sofa", "parse_data": {"intent": {"name": "order_status"}}},
              {"event": "bot", "text": "Your order ORD-20002 (sofa) is running late."},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("t", {"handoff_offered": True}, message, events, False, None, {}, "action_listen")
    assert not anger_back_after_the_offer(tracker)


@pytest.mark.parametrize("text,besides", [
    ("actually never mind cancel that i dont need the person anymore", False),
    ("never mind, can i just cancel my dress order instead", True),
    ("fine, cancel that, just tell me where my trainers are", True),
])
def test_cancel_that_after_a_dismissal_withdraws(text, besides):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import cancellation_besides, no_longer_needed
    assert cancellation_besides(text) is besides
    assert no_longer_needed("actually never mind, the refund has just landed in my account")


@pytest.mark.parametrize("text", ["Your email says the refund has come through. It hasn't shown in my account.",
                                  "The refund has come through for the wrong amount"])
def test_a_refund_complained_of_still_needs_the_person(text):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import no_longer_needed
    assert not no_longer_needed(text)


@pytest.mark.parametrize("text", ["Never mind, cancel this order please", "Forget it, cancel it, I don't want the sofa anymore"])
def test_an_order_cancelled_after_a_dismissal_is_still_cancelled(text):
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import cancellation_besides
    assert cancellation_besides(text)


def test_a_new_complaint_after_the_offer_is_answered_first():
    import os
    from unittest import mock

    from rasa_sdk import Tracker

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):
        from actions.actions import anger_back_after_the_offer
    text = "I've been charged twice on my card, absolutely furious"
    message = {"text": text, "intent": {"name": "billing_charged_twice", "confidence": 0.9}, "entities": [],
               "sentiment": {"label": "negative", "score": 0.97}}
    events = [{"event": "user", "text": "my sofa is STILL not here!!", "parse_data": {
                  "intent": {"name": "delivery_late"}, "sentiment": {"label": "negative", "score": 0.97}}},
              {"event": "bot", "text": "Would you like me to put you through to one of our team? (yes/no)"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("t", {"handoff_offered": True}, message, events, False, None, {}, "action_listen")
    assert not anger_back_after_the_offer(tracker)

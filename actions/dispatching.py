"""Actions that hand a message on to the action answering its intent: an accepted offer of a
message's second request, a message that leaves the order form, the message after the rating
question. Each ends in `actions.routing.hand_on`, or answers itself and ends the turn: the
slots it changes leave the rule that ran it behind, so no policy would know the turn is over."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import rating, replies
from actions.actions import (COMPLAINT_INTENTS, FALLBACK_INTENT, anger_repeated, answer_order_request, answer_upset,
                             answered_in_their_language, bot_words, current_customer, earlier_request, latest_intent,
                             mood, upset_now)
from actions.order_choice import named_orders
from actions.profiles import Customer, order_number_said
from actions.requests import NO_OFFER, next_request, offered
from actions.routing import (FORM_STOPPED, LISTEN, WITHDRAWAL, another_request, ending_turn,
                             fixed_response, hand_on)
from contracts.delivery_terms import terms_asked
from contracts.dismissal import PERSON_REFUSED, after_dismissal
from contracts.order_numbers import NO_ORDER_NUMBER
from contracts.records import RATING_SLOT
from contracts.signals import NO_INPUT, NOT_UNDERSTOOD


class ActionPendingRequest(Action):
    """The customer accepted the offer of their message's other request: hand it on to the
    action that answers it, with the order it was about."""

    def name(self) -> Text:
        return "action_pending_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        pending = tracker.get_slot("pending_request") or {}
        intent = str(pending.get("intent") or "")
        customer = current_customer(tracker)
        other = earlier_request_about_another_order(tracker, customer, pending)
        if other is not None:
            # "yes, the kettle return please" when the trainers' tracking was offered: the kettle's return
            topic, order_id = other
            return ending_turn([*NO_OFFER, *answer_order_request(dispatcher, tracker, topic, customer, order_id=order_id)])
        events: List[EventType] = [*NO_OFFER, SlotSet("order_topic", intent)]
        if pending.get("order_id"):
            events.append(SlotSet("order_id", pending["order_id"]))
        return events + hand_on(dispatcher, intent)


def earlier_request_about_another_order(tracker: Tracker, customer: Optional[Customer], pending: Dict[str, Any]
                                         ) -> Optional[Tuple[str, str]]:
    """(the earlier order request, the order) when a "yes" to the offer names another of the
    `customer`'s orders than the one offered: the customer means what they asked about that one."""
    offered_id = pending.get("order_id")
    if customer is None or not offered_id:
        return None
    named = named_orders(customer, tracker.latest_message.get("text") or "")
    if len(named) != 1 or named[0].order_id == offered_id:
        return None
    topic = earlier_request(tracker, customer)
    return (topic, named[0].order_id) if topic else None


class ActionOfferOtherRequest(Action):
    """After a fixed answer (account access, opening hours, product ideas): the message's other
    request offered next, as the order and complaint answers do ("…also what's your number?");
    with none, an upset customer gets empathy and a person."""

    def name(self) -> Text:
        return "action_offer_other_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        pending = next_request(tracker.latest_message, latest_intent(tracker))
        if pending is None and latest_intent(tracker) == "opening_hours_contact" and not upset_now(tracker) and (
                terms_asked(tracker.latest_message.get("text") or "")):
            # "I'd like to know your opening hours. Also, do you deliver on Sundays?": the delivery terms too
            # (a question the model has no intent for, so no request of the message to offer)
            dispatcher.utter_message(response="utter_delivery_options")
            return []
        if pending is None:
            # emotion first after a fixed answer too ("I've been on hold on your phone line for an
            # hour. Absolutely disgraceful."): the answer, then empathy and a person
            return answer_upset(dispatcher, tracker, current_customer(tracker)) if upset_now(tracker) else []
        dispatcher.utter_message(text=replies.offer_other_request(pending["intent"], None))
        return offered(pending)


# an offer of the message's other request taken up, in words a model may read as a "no"
ACCEPTED = re.compile(r"^\W*(?:(?:do |sort )?(?:both|the two)(?: of them)?|yes|yeah|yep|yup|sure|go on|go ahead|please do)\b"
                      r"(?!.*\b(?:no thanks|no need|don'?t|dont|do not|nah|nope|not (?:now|needed|necessary))\b)", re.IGNORECASE)


class ActionDeclineRequest(Action):
    def name(self) -> Text:
        return "action_decline_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if ACCEPTED.match(tracker.latest_message.get("text") or ""):
            # "both please" read as a no: the customer wants the offered request too
            return [FollowupAction("action_pending_request")]
        dispatcher.utter_message(response="utter_no_handoff")
        return [*NO_OFFER, *LISTEN]


# "I don't have it, sorry", "haven't got it on me": the number asked for, named by "it"
NOT_TO_HAND = re.compile(r"^\W*(?:(?:no|nope|nah|sorry|um|erm|oh)\W+)*(?:i\s+)?(?:don'?t|dont|do not|haven'?t|havent)\s+"
                         r"(?:got\s+)?(?:have\s+)?(?:it|that|one)\b", re.IGNORECASE)

# a message that is only a number (ORD in front or not): an attempt at the order number
A_NUMBER_ALONE = re.compile(r"^\W*(?:(?:it'?s|its|sorry|ok|okay)\W+)*(?:ord\W*)?\d{1,12}\W*$", re.IGNORECASE)

# "what does an order number look like?", "where do I find the order number": asked about the question
ABOUT_THE_ORDER_NUMBER = re.compile(r"\b(?:what|where|how|which)\b[^.!?]{0,30}\border (?:number|no\.?|id|ref(?:erence)?)\b"
                                    r"[^.!?]{0,20}(?:look|find|get|see|mean|is it|go)?", re.IGNORECASE)


# "ive been waiting 3 weeks for a sofa and you want a NUMBER?? unbelievable": the question resented,
# not a new subject (the NLU hears a phone number asked about)
NUMBER_RESENTED = re.compile(r"\b(?:you|u)\s+(?:(?:really|seriously|actually|still)\s+)?(?:want|need|wanna|ask(?:ing)?(?: me)? for"
                             r"|(?:are|'re|r)\s+asking(?: me)? for)\s+(?:a|an|the|my|me to find (?:a|the|my))?\s*"
                             r"(?:order\s+|reference\s+)?(?:number|reference)\b"
                             r"|\bwhy (?:do|would|should) (?:you|u|i) (?:need|want|have to give(?: you)?|give (?:you|u)) (?:a|an|the|my)?\s*"
                             r"(?:order\s+|reference\s+)?number\b"
                             # "…you should know who i am", "can't you look me up"
                             r"|\b(?:you|u) should (?:know|have) (?:who i am|my details|it already)\b"
                             r"|\b(?:can'?t|cant|can not|cannot) (?:you|u) (?:just )?look (?:me|it) up\b", re.IGNORECASE)


# "i dont have an account, i checked out as a guest": no sign-in to offer, the number is what is needed
GUEST = re.compile(r"\b(?:checked out|ordered|bought|paid|order(?:ed)?) as (?:a )?guest\b|\bguest (?:checkout|check-out|order)\b"
                   r"|\b(?:don'?t|dont|do not|never) (?:have|had|made|set up|created?) (?:an|a|any) account\b", re.IGNORECASE)


# "no I don't need anyone", "nah i dont want someone": a person turned down with a pronoun, which
# PERSON_REFUSED leaves out ("I don't need anyone to tell me that" is not about our team)
ANYONE_REFUSED = re.compile(r"^\W*(?:no|nah|nope)\b\W*(?:thanks?\W*)?(?:i|we) (?:really )?(?:don'?t|dont|do not)"
                            r" (?:need|want) (?:anyone|anybody|someone|somebody)\b(?! else| to tell)", re.IGNORECASE)


def person_turned_down(text: str) -> bool:
    """Whether `text` turns down a person ("no I don't need anyone", "I don't want an agent")."""
    return PERSON_REFUSED.search(text) is not None or ANYONE_REFUSED.search(text) is not None


# how many of the assistant's messages back an offer made with the form's first question may be
# (the offer, then perhaps the message's other request, then the question)
OFFER_LOOKBACK = 3


def person_offered_beside_the_form(tracker: Tracker) -> bool:
    """Whether a complaint's order form started with a person offered (replies.PERSON_OR_NUMBER)."""
    return (tracker.get_slot("order_topic") in COMPLAINT_INTENTS
            and any(replies.PERSON_OR_NUMBER in words for words in islice(bot_words(tracker), OFFER_LOOKBACK)))


class ActionLeaveForm(Action):
    """Something other than an order number while the order form asks for one: "never mind"
    stops it; "I don't know my order number" gets sign-in and a person offered; another
    request leaves it and is answered; "yes" is asked for the number again."""

    def name(self) -> Text:
        return "action_leave_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        text = tracker.latest_message.get("text") or ""
        withdrawn = WITHDRAWAL.search(text) is not None
        if intent in (NO_INPUT, NOT_UNDERSTOOD):  # the line, not the customer: the form goes on
            return hand_on(dispatcher, intent)
        if answered_in_their_language(dispatcher, tracker):  # "Entschuldigung, sprechen Sie Deutsch?"
            return LISTEN
        said = order_number_said(text)
        if said is not None:
            # the answer to the form's question, whatever the NLU made of "sorry its 40001"
            return answer_with_order_number(dispatcher, tracker, said)
        if A_NUMBER_ALONE.match(text):
            # "1234": an order number with a digit missing, not a change of subject
            dispatcher.utter_message(response="utter_invalid_order_id")
            return LISTEN
        no_number = NO_ORDER_NUMBER.search(said_last(text)) or NOT_TO_HAND.search(said_last(text))
        if GUEST.search(text) and current_customer(tracker) is None and not no_number:
            # (with no number either, "no idea what the number is, I checked out as a guest": a person offered below)
            dispatcher.utter_message(text=replies.guest_order_number())
            return LISTEN
        if NUMBER_RESENTED.search(text) and not NO_ORDER_NUMBER.search(text) and not NOT_TO_HAND.search(text):
            dispatcher.utter_message(text=replies.order_number_needed(True))
            return LISTEN
        if ABOUT_THE_ORDER_NUMBER.search(text) and not NO_ORDER_NUMBER.search(text):
            # "what's an order number look like?": a question about the form's own question
            dispatcher.utter_message(response="utter_ask_order_id")
            return LISTEN
        if intent == "affirm" and not withdrawn:
            # "yes please" to "I can also give you our opening hours once we've sorted this": given now
            # (a fixed answer costs nothing), and the form asks again
            pending = tracker.get_slot("pending_request") or {}
            response = fixed_response(str(pending.get("intent") or ""))
            if response is not None:
                dispatcher.utter_message(response=response)
                dispatcher.utter_message(response="utter_ask_order_id")
                return [*NO_OFFER, *LISTEN]
            if person_offered_beside_the_form(tracker):
                # "yes please" after "I'm sorry about… If you'd rather talk it through with one of our team, just
                # say yes": the person, once the form stops
                return [*FORM_STOPPED, SlotSet("order_topic", None), *NO_OFFER, FollowupAction("action_handoff")]
            dispatcher.utter_message(response="utter_ask_order_id")
            return LISTEN
        left: List[EventType] = [*FORM_STOPPED, SlotSet("order_topic", None)]
        # read as the form's own request too ("can't find my order number"); "I don't have it, sorry" answers
        # the form's question, which names the number
        if no_number:
            dispatcher.utter_message(text=replies.no_order_number(mood(tracker).upset))
            return [*left, *NO_OFFER, SlotSet("handoff_offered", True), *LISTEN]
        if request_switched(intent, tracker.get_slot("order_topic"), text):
            # "actually scrap that, can I cancel it instead?", "hmm actually can I just get a refund instead":
            # the same order, another request; the form goes on
            dispatcher.utter_message(text=replies.form_switched(intent))
            dispatcher.utter_message(response="utter_ask_order_id")
            return [SlotSet("order_topic", intent), *LISTEN]
        if (tracker.get_slot("order_topic") in COMPLAINT_INTENTS and intent in COMPLAINT_INTENTS and anger_repeated(tracker)
                and not withdrawn and not PERSON_REFUSED.search(text) and not STILL_LOOKING.search(text)):
            # "Don't give me sorry. I've taken two days off work waiting in for this!" to "which order?" after the
            # complaint: the complaint again, angrier, so a person now (who can look the order up), not the number
            # asked again
            return [*left, *NO_OFFER, FollowupAction("action_handoff")]
        if intent is not None and intent == tracker.get_slot("order_topic"):
            # "are you kidding me, just cancel it": the same request again, not a withdrawal
            dispatcher.utter_message(text=replies.order_number_needed(mood(tracker).upset))
            return LISTEN
        unsure = (tracker.latest_message.get("intent") or {}).get("name") == FALLBACK_INTENT
        if unsure and intent in ("deny", "affirm") and not withdrawn:
            # "I DONT HAVE TIME FOR THIS JUST TELL ME WHERE IT IS", only guessed to be a no: the
            # question stays, with why it is asked (and an apology to an upset customer)
            dispatcher.utter_message(text=replies.order_number_needed(upset_now(tracker)))
            return LISTEN
        if intent == "deny" and not withdrawn and person_turned_down(text):
            # "no I don't need anyone, just want the right size sent out": no to a person, not to the
            # form; the decline answers it and the form goes on asking for the number
            return [FollowupAction("action_decline_handoff")]
        if intent == "deny" and tracker.get_slot("order_topic") in COMPLAINT_INTENTS:
            # "nah ur alright ill give it til the weekend" to "sorry about that, which order?": no to taking
            # the complaint further, answered as a no to more help is, after the form stops
            return [*left, *NO_OFFER, FollowupAction("action_decline_handoff")]
        if intent == "deny" and not withdrawn and mood(tracker).negative_messages > 0 and not A_PLAIN_NO.match(text):
            # "I don't care about your 'process'" to "which order?" after "Stop asking me questions and give me my
            # money back": anger at the question (however calm the words read alone), not a no to the request; an
            # apology, why the number is asked, and a person who can look it up
            dispatcher.utter_message(text=replies.order_number_needed(True))
            return [SlotSet("handoff_offered", True), *LISTEN]
        if intent in ("deny", "affirm") or (withdrawn and not another_request(intent, tracker.get_slot("order_topic"))):
            dispatcher.utter_message(text=replies.form_left())
            return [*left, *NO_OFFER, *LISTEN]
        return [*left, *hand_on(dispatcher, intent)]


# the number being looked for: "hang on, I'll find the number", "one sec, let me check"
STILL_LOOKING = re.compile(r"\b(?:hang on|hold on|one sec|a sec|a minute|let me (?:find|check|look)|i'?ll (?:find|check|look)"
                           r"|looking for it)\b", re.IGNORECASE)


# a no said as such ("no thanks, not now"), not anger at the question ("I don't care about your 'process'")
A_PLAIN_NO = re.compile(r"^\W*(?:(?:ffs|god|honestly|hell|oh|absolutely|definitely)\W+)?(?:no|nah|nope|not|maybe later)\b",
                        re.IGNORECASE)


# a cancellation asked for, not "cancel that" said of the question ("can I cancel it instead?")
CANCELLATION_ASKED = re.compile(r"\binstead\b|\b(?:can|could|may) (?:i|you|we) (?:just |please )?cancel"
                                r"|\b(?:want|like|need|wanna|rather) (?:to )?cancel|\bcancel (?:the|my|this|that) (?:order|parcel"
                                r"|delivery|purchase)"
                                # "wait no, i mean cancel it, it hasnt even shipped yet"
                                r"|\bi mean(?:t)?,? (?:to |just )?cancel\b", re.IGNORECASE)


# another request asked for: "hmm actually can I just get a refund instead", "I'd rather know where it is"
SWITCH_ASKED = re.compile(r"\binstead\b|\brather\b|\b(?:can|could|may|will) (?:i|you|u)\b|\b(?:i|i'?d) (?:just )?(?:want|like|need)"
                          r"|\bwanna\b|\bwhere\b|\bwhen\b|\bhow\b|\?|^\W*(?:just |please |pls )?(?:refund|track|check|return)\b",
                          re.IGNORECASE)
# what the order form can be asked for; where it is and its tracking are one question
SWITCHABLE = frozenset({"cancel_order", "request_refund", "order_status", "track_delivery"})
WHERE_IT_IS = frozenset({"order_status", "track_delivery"})


def request_switched(intent: str, topic: Optional[str], text: str) -> bool:
    """Whether the customer asked for an order number wants something else done with the order: a
    cancellation only when asked for as one ("cancel that" drops the question instead)."""
    if topic is None or intent not in SWITCHABLE or intent == topic or {intent, topic} <= WHERE_IT_IS:
        return False
    if intent == "cancel_order":
        return CANCELLATION_ASKED.search(said_last(text)) is not None
    # "nah you're alright, I'll see if it shows up on monday", read as tracking, asks for nothing
    return SWITCH_ASKED.search(said_last(text)) is not None


def said_last(text: str) -> str:
    """What the customer says after taking back what came before ("ugh I can't find the email.
    forget that, what time do you open?" asks only for the opening hours); all of it otherwise."""
    return after_dismissal(text) or text


def answer_with_order_number(dispatcher: CollectingDispatcher, tracker: Tracker, order_id: str) -> List[EventType]:
    """The order form's question answered in words the form's mappings missed: leave the form and
    answer the question it was asked for, as its own ending would (`action_order_request`)."""
    tracker.slots["order_id"] = order_id  # what the answer reads; the events below keep it
    topic = tracker.get_slot("order_topic") or "order_status"
    answered = answer_order_request(dispatcher, tracker, topic, current_customer(tracker))
    return ending_turn([*FORM_STOPPED, SlotSet("order_id", order_id), *answered])


class ActionAskRating(Action):
    """After the goodbye of a resolved conversation: a 1-5 rating, skippable."""

    def name(self) -> Text:
        return "action_ask_rating"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if tracker.get_slot("handoff_queued") or not rating.worth_asking(tracker.events):
            return []
        dispatcher.utter_message(text=replies.rating_question(), buttons=replies.rating_buttons())
        return [SlotSet(rating.ASKED_SLOT, True), *LISTEN]


class ActionRating(Action):
    """The message after the rating question: a rating, "skip", or the conversation going on."""

    def name(self) -> Text:
        return "action_rating"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        asked: List[EventType] = [SlotSet(rating.ASKED_SLOT, False)]
        stars = rating.parse_rating(text)
        if stars is not None:
            dispatcher.utter_message(text=replies.rating_thanks(stars))
            return [*asked, SlotSet(RATING_SLOT, stars), *LISTEN]
        intent = latest_intent(tracker)
        if rating.SKIP.search(text) or intent in ("deny", "goodbye", "thanks"):
            dispatcher.utter_message(text=replies.rating_skipped())
            return [*asked, *LISTEN]
        # not an answer to the question: the customer has something else to say
        return [*asked, *hand_on(dispatcher, intent)]

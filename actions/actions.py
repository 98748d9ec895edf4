"""The custom actions Rasa calls. Each is thin: it reads the tracker, calls plain functions, replies."""

from __future__ import annotations

import re
from abc import ABCMeta, abstractmethod
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Any, Dict, Iterator, List, Optional, Text, Tuple

import redis
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import delivery_questions, handoff, language, replies
from actions.order_choice import (LISTED_ID, OPEN, OrderChoice, choose_order, listed_order_id, named_orders,
                                  referred_orders, stated_states, story_before)
from actions.requests import INTERCHANGEABLE, NO_OFFER, clause_of, next_request, offered, points_at_offer
from actions.routing import (FORM_STOPPED, LISTEN, WITHDRAWAL, another_request, cancel_alone,
                             end_turn_if_handed_on, ending_turn, fixed_response, hand_on)
from actions.profiles import (CORRECTION, Customer, Order, ProfileStore, normalise_order_id, order_id_in,
                              order_number_corrected, order_number_said)
from actions.settings import ActionSettings
from actions.tone import (INSULTS, Mood, action_demanded, contacted_before, mood_from_events, openly_upset, shouting,
                          should_offer_human, strongly_upset)
from actions.verification import ATTEMPTS_SLOT, ORDER_SLOT, VERIFYING_SLOT, on_voice, verified_customer_id
from contracts.addresses import ADDRESS_CHANGE
from contracts.delivery_terms import terms_asked
from contracts.dismissal import KEEPING_IT, PERSON_CALLED_OFF, PERSON_REFUSED, after_dismissal
from contracts.follow_up import named_in_follow_up
from contracts.identity import claim_from_events, verify_identity_claim
from contracts.order_numbers import NO_CONFIRMATION, NO_ORDER_NUMBER
from contracts.records import latest_user_message, user_messages
from contracts.remedies import replacement_chosen
from contracts.returns_policy import returns_policy_asked

ORDER_TOPICS = ("order_status", "track_delivery", "cancel_order", "request_refund")
# what a verbless follow-up ("and the other one?") asks again about another order
FOLLOWED_TOPICS = ("track_delivery", "request_refund")
COMPLAINT_INTENTS = tuple(replies.COMPLAINTS)
FALLBACK_INTENT = "nlu_fallback"
WRITTEN_ID = re.compile(r"\bord\W?\d", re.IGNORECASE)


@lru_cache(maxsize=1)
def settings() -> ActionSettings:
    return ActionSettings().checked_secrets()


# rasa_sdk imports this module at start: a missing or weak secret stops the server there,
# not at a customer's first message; the language models load there too, not on a customer's time.
settings()
language.detector()


@lru_cache(maxsize=1)
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings().redis_url, decode_responses=True, socket_timeout=2)


def current_customer(tracker: Tracker) -> Optional[Customer]:
    """The customer our channel's identity claim names for this sender; None (anonymous) otherwise."""
    secret = settings().identity_claim_secret
    customer_id = (verify_identity_claim(claim_from_events(tracker.events), tracker.sender_id, secret)
                   or verified_customer_id(tracker.slots, tracker.events, tracker.sender_id, secret))
    return ProfileStore(redis_client()).get(customer_id) if customer_id else None


def token_customer(tracker: Tracker) -> Optional[Customer]:
    """The customer a signed token names for this sender, leaving aside a caller's spoken proof."""
    customer_id = verify_identity_claim(claim_from_events(tracker.events), tracker.sender_id,
                                        settings().identity_claim_secret)
    return ProfileStore(redis_client()).get(customer_id) if customer_id else None


def latest_intent(tracker: Tracker) -> str:
    """The message's intent; under nlu_fallback, the NLU's own best guess (see ActionRephrase)."""
    name = (tracker.latest_message.get("intent") or {}).get("name") or ""
    if name == FALLBACK_INTENT:
        ranked = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []]
        return next((r for r in ranked if r and r != FALLBACK_INTENT), name)
    return name


def interchangeable_guess(tracker: Tracker) -> Optional[str]:
    """An unsure NLU often only hesitates between intents we answer alike ("where is my dress":
    order_status or track_delivery?). When together they are as sure as the fallback threshold
    asks, the best of them is taken; otherwise None."""
    threshold = float((tracker.latest_message.get("intent") or {}).get("confidence") or 1.0)
    ranking = [r for r in tracker.latest_message.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
    for group in INTERCHANGEABLE:
        members = [r for r in ranking if r.get("name") in group]
        if members and sum(float(r.get("confidence") or 0) for r in members) >= threshold:
            return max(members, key=lambda r: float(r.get("confidence") or 0))["name"]
    return None


def mood(tracker: Tracker) -> Mood:
    return mood_from_events(tracker.events)


# the customer's last few messages in which a person refused stops the offer of one
REFUSAL_REMEMBERED = 2


def person_just_refused(tracker: Tracker) -> bool:
    """Whether one of the customer's last messages said they want no person ("no i dont want to
    talk to anyone, just tell me…"): offering one again right after would not listen."""
    recent = user_messages(tracker.events)[-REFUSAL_REMEMBERED:]
    return any(PERSON_REFUSED.search(m.text or "") for m in recent)


def maybe_offer_human(dispatcher: CollectingDispatcher, tracker: Tracker,
                      customer: Optional[Customer], is_complaint: bool) -> List[EventType]:
    s = settings()
    if person_just_refused(tracker):
        return []
    # having to come back about it again and again earns a person as repeated anger does, and so does
    # "what are you going to do about it?" after a promise broken
    text = tracker.latest_message.get("text") or ""
    if contacted_before(text) or action_demanded(text) or should_offer_human(
            mood(tracker), customer.tier if customer else None, is_complaint, s.top_tiers,
            s.negative_messages_before_human, s.person_after_every_complaint):
        dispatcher.utter_message(text=replies.offer_human(customer))
        return [SlotSet("handoff_offered", True)]
    return []


def latest_order_id(tracker: Tracker) -> Optional[str]:
    """The order id the latest message names; of several, the last ("ORD-20001, no wait, it's
    ORD-20002": customers correct themselves forwards)."""
    values = list(tracker.get_latest_entity_values("order_id"))
    # an id written with its ORD beats a bare number read as one ("Order #ORD-10001 placed 12/11")
    written = [v for v in values if WRITTEN_ID.search(str(v))]
    corrected = order_number_corrected(tracker.latest_message.get("text") or "")
    if corrected is not None and len(written) < 2:  # the entity rules find the first spoken number only
        return corrected
    values = written or values
    named = [found for found in map(order_id_in, values) if found]
    return named[-1] if named else None


def closing_order_form(tracker: Tracker) -> List[EventType]:
    """The order form stopped, when its question was answered here instead ("found it, #20001"
    after a question about the number): left running, it would ask again for what it was given."""
    return FORM_STOPPED if (tracker.active_loop or {}).get("name") == "order_form" else []


# "I don't want to cancel ORD-20001 after all": a request taken back, whatever number it names
NOT_WANTED = re.compile(r"\b(?:don'?t|dont|do not|no longer)\s+(?:\w+\s+)?(?:want|need)\b", re.IGNORECASE)

# a number marked as an order's: "#40001 has it been delivered?", "where is order 40001"
_MARKED_AS_ORDER = re.compile(r"#\s*\d|\bord(?:er)?\s*(?:no\.?|number|num|#)?\s*:?\s*\d", re.IGNORECASE)


def number_given(tracker: Tracker) -> Optional[str]:
    """An order number given without its "ORD" ("found it, #20001"), when the message was read as
    an answer (inform) or marks it as an order's ("#40001 has it been delivered?"): the order
    form is not always what receives it."""
    text = tracker.latest_message.get("text") or ""
    if latest_intent(tracker) != "inform" and not _MARKED_AS_ORDER.search(text):
        return None
    return order_number_said(text)


def order_choice(tracker: Tracker, customer: Customer, topic: str, text: Optional[str] = None,
                 order_id: Optional[str] = None) -> OrderChoice:
    """The order `text` (default: the words of the latest message asking about `topic`) is about;
    `order_id`, when given, is the one already settled, whatever numbers the latest message holds."""
    latest = order_id or latest_order_id(tracker) or listed_order_id(tracker.latest_message.get("text") or "",
                                                                     last_listing(tracker))
    remembered = tracker.get_slot("order_id")
    if text is None:
        text = clause_of(tracker.latest_message, topic)
        text = story_before(tracker.latest_message.get("text") or "", text, customer, remembered) or text
    return choose_order(customer, text, topic, named_id=latest, remembered_id=remembered)


def follow_up(dispatcher: CollectingDispatcher, tracker: Tracker, handled: str, customer: Optional[Customer],
              is_complaint: bool, order: Optional[Order] = None) -> List[EventType]:
    """After an answer (about `order`, when there was one): offer the message's next request when
    it held several (or one kept while the order form asked for an id); otherwise perhaps a person."""
    pending = next_request(tracker.latest_message, handled)
    if pending is None and not tracker.get_slot("request_offered"):
        pending = tracker.get_slot("pending_request") or None
    if pending:
        named = named_orders(customer, pending.get("text") or "") if customer else []
        # the order it names, else the one just discussed ("…and I'd rather have a refund")
        about = named[0] if len(named) == 1 else (order if not named else None)
        if about is not None:
            pending = {**pending, "order_id": about.order_id}
        dispatcher.utter_message(text=replies.offer_other_request(pending["intent"], about))
        return offered(pending)
    events = maybe_offer_human(dispatcher, tracker, customer, is_complaint)
    if tracker.get_slot("pending_request") or tracker.get_slot("request_offered"):
        events += NO_OFFER  # an offer not taken up
    return events


class Answering(Action, metaclass=ABCMeta):
    """An action that answers an intent: run by its rule, or handed a message by a dispatcher
    (the order form, the rating question, an accepted offer; see actions.routing)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # Another language before any business flow: the model reads "quiero cancelar mi pedido"
        # as cancel_order, but its answer would be English the customer may not follow
        if answered_in_their_language(dispatcher, tracker):
            return end_turn_if_handed_on(tracker.latest_action_name, [])
        # the customer's profile is read only when the words call for it (this runs before every answer)
        text = tracker.latest_message.get("text") or ""
        customer = current_customer(tracker) if KEEPING_IT.search(text) or ADDRESS_CHANGE.search(text) else None
        kept = cancellation_taken_back(dispatcher, tracker, customer)
        if kept is not None:
            return end_turn_if_handed_on(tracker.latest_action_name, kept)
        moved = address_change_asked(dispatcher, tracker, customer)
        if moved is not None:
            return end_turn_if_handed_on(tracker.latest_action_name, moved)
        terms = delivery_question_answered(dispatcher, tracker)
        if terms is not None:
            return end_turn_if_handed_on(tracker.latest_action_name, terms)
        if anger_back_after_the_offer(tracker):
            # "It was for my holiday on Saturday and now it's ruined. Seriously not happy." to "Would you like me to put
            # you through?": repeated anger leads to a person, not another answer about the order
            return [FollowupAction("action_handoff")]
        return end_turn_if_handed_on(tracker.latest_action_name, self.answer(dispatcher, tracker, domain))

    @abstractmethod  # abstract: rasa_sdk registers every concrete Action subclass it finds
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        ...


MAX_GREETING_WORDS = 3  # "hiya!!", "hello there mate": a greeting, whatever the sentiment model hears


class ActionGreet(Answering):
    def name(self) -> Text:
        return "action_greet"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        customer = current_customer(tracker)
        words = len((tracker.latest_message.get("text") or "").split())
        if upset_now(tracker) and words > MAX_GREETING_WORDS:
            # "hello?? anyone?? ths is rdiculous": anger with a hello in front, answered as anger, not a cheery hello
            return answer_upset(dispatcher, tracker, customer)
        dispatcher.utter_message(text=replies.greeting(customer))
        return []


class ActionOrderRequest(Answering):
    """Status, tracking, cancellation and refund of one order; asks for the id when it must."""

    def name(self) -> Text:
        return "action_order_request"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        # "and the sunday thing?" after Sunday opening was offered: read as an order question, it takes up the offer
        text = tracker.latest_message.get("text") or ""
        if (intent not in ORDER_TOPICS or named_in_follow_up(text)) and taking_up_offer(tracker):
            return [FollowupAction("action_pending_request")]
        customer = current_customer(tracker)
        if asks_what_was_offered(tracker, customer):
            return [FollowupAction("action_pending_request")]
        if intent == "inform" and still_off_topic(tracker, customer):
            # "go on, just the oven temperature then" after a recipe was refused: no order details, no order form
            return answer_not_understood(dispatcher, tracker, "utter_out_of_scope", customer)
        if pushing_back_on_sign_in(tracker, customer) and not latest_order_id(tracker) and not anger_repeated(tracker):
            # "That's annoying. Can't you just tell me whether it's shipped?": why, not the same refusal again
            dispatcher.utter_message(text=replies.sign_in_why())
            return []
        if intent == "cancel_order" and not CANCEL_WORDS.search(text):
            # read as a cancellation with no word for one: an order is never cancelled on a guess (a
            # change asked for offers a person; anything else is told where the order is)
            changed = order_change_asked(dispatcher, tracker, customer)
            if changed is not None:
                return changed
            intent = "order_status"
        topic = intent if intent in ORDER_TOPICS else (tracker.get_slot("order_topic")
                                                       or request_corrected(tracker, customer) or "order_status")
        if intent == "order_status" and named_in_follow_up(text):
            # "and the trainers?" after a return asked about the kettle: the same question (never a
            # cancellation the customer did not ask for in so many words)
            earlier = earlier_request(tracker, customer)
            topic = earlier if earlier in FOLLOWED_TOPICS else topic
        return answer_order_request(dispatcher, tracker, topic, customer)


def still_off_topic(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether a message read as details, right after an off-topic question, gives none: no order
    number, no order of the customer's named; it goes on with the off-topic question."""
    before = user_messages(tracker.events)[-2:-1]
    if not before or before[0].intent != "out_of_scope" or tracker.get_slot("order_topic"):
        return False
    text = tracker.latest_message.get("text") or ""
    named = customer is not None and referred_orders(customer, text, None)
    return not (latest_order_id(tracker) or number_given(tracker) or named)


def taking_up_offer(tracker: Tracker) -> bool:
    """Whether the message takes up the request just offered in words of its own ("and the
    phone lines?"; actions.requests.points_at_offer): run it, as a "yes" would."""
    pending = offered_request(tracker)
    return pending is not None and points_at_offer(tracker.latest_message.get("text") or "", pending)


def offered_request(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The request the assistant has just offered to take up next, if any."""
    pending = tracker.get_slot("pending_request")
    return pending if tracker.get_slot("request_offered") and isinstance(pending, dict) else None


def asks_what_was_offered(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether the message asks for the very request just offered ("I can also help you cancel
    your phone case order — shall I?" — "yes pls cancel it"), naming no other order."""
    pending = offered_request(tracker)
    if pending is None:
        return False
    text = tracker.latest_message.get("text") or ""
    named = latest_order_id(tracker) or (customer is not None and referred_orders(customer, text))
    return pending.get("intent") == latest_intent(tracker) and not named


CORRECTIONS_FOLLOWED = 3


def request_corrected(tracker: Tracker, customer: Optional[Customer] = None) -> Optional[str]:
    """The request of the customer's previous message, when this one only names an order for it:
    "Sorry, I meant ORD-10002" after a refund asked for ORD-10001, "oops typo, it's ORD-30001"
    after an unknown one, "ord40001" after "need to return something". Answered as order status,
    the refund they asked for would be forgotten. So does a signed-in `customer`'s product named
    alone ("the kettel" after "I need a refund sorting on one of my orders")."""
    if latest_intent(tracker) != "inform":
        return None
    text = tracker.latest_message.get("text") or ""
    named = latest_order_id(tracker) or number_given(tracker) or (
        customer is not None and referred_orders(customer, text, tracker.get_slot("order_id")))
    if not named:
        return None
    return earlier_request(tracker, customer)


def earlier_request(tracker: Tracker, customer: Optional[Customer]) -> Optional[str]:
    """The order request of the customer's messages before this one, back past the numbers given
    since ("the sofa one, ORD-20002" … "sorry no, it's ORD 2 0 0 0 1"); None when that is not an
    order request, or a cancellation already carried out."""
    for earlier in reversed(user_messages(tracker.events)[-1 - CORRECTIONS_FOLLOWED:-1]):
        if earlier.intent != "inform":
            if earlier.intent == "cancel_order" and already_cancelled(tracker, customer):
                return None  # carried out already: cancelling a second order is not for us to assume
            return earlier.intent if earlier.intent in ORDER_TOPICS else None
    return None


def number_corrected(tracker: Tracker, customer: Optional[Customer]) -> Optional[Tuple[str, str]]:
    """(the request before, the order id) when a message the NLU could not place gives an order
    number after an order request ("sorry typo, 20001" after "I couldn't find ORD-20003"): the
    number corrected, for the request still wanted."""
    said = latest_order_id(tracker) or order_number_said(tracker.latest_message.get("text") or "")
    topic = earlier_request(tracker, customer) if said else None
    return (topic, said) if topic and said else None


def already_cancelled(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether the order the conversation was about has just been cancelled."""
    order = customer.order(tracker.get_slot("order_id")) if customer and tracker.get_slot("order_id") else None
    return order is not None and order.status in ("cancellation_requested", "cancelled")


def cancellation_taken_back(dispatcher: CollectingDispatcher, tracker: Tracker,
                            customer: Optional[Customer]) -> Optional[List[EventType]]:
    """Right after the assistant asked the warehouse to cancel an order, the customer wants to
    keep it after all: the request is withdrawn (it has not left us yet) and said so; None otherwise."""
    if customer is None or not already_cancelled(tracker, customer):
        return None
    if not KEEPING_IT.search(tracker.latest_message.get("text") or ""):
        return None
    order = customer.order(tracker.get_slot("order_id"))
    if order is None or order.status != "cancellation_requested":
        return None  # cancelled for good: nothing to withdraw
    order.status = "processing"
    ProfileStore(redis_client()).put(customer)
    dispatcher.utter_message(text=replies.cancellation_withdrawn(order, customer))
    return [SlotSet("order_topic", None)]


def address_change_asked(dispatcher: CollectingDispatcher, tracker: Tracker,
                         customer: Optional[Customer]) -> Optional[List[EventType]]:
    """An address to change (on an order or the account): the assistant cannot change one, a
    person can, so one is offered, about the order named if any; None when no address is asked
    about, or the customer is queued already or upset (answered as such)."""
    text = tracker.latest_message.get("text") or ""
    if (not ADDRESS_CHANGE.search(text) or ADDRESS_ELSEWHERE.search(text) or tracker.get_slot("handoff_queued")
            or upset_now(tracker)):
        return None
    named = referred_orders(customer, text) if customer else []
    dispatcher.utter_message(text=replies.address_change(named[0] if len(named) == 1 else None, customer))
    return [SlotSet("handoff_offered", True), SlotSet("order_topic", None)]


# an address kept somewhere else: "how I change my address for council tax, I am moving flat next month"
ADDRESS_ELSEWHERE = re.compile(r"\b(?:council tax|electoral roll|dvla|driving licen[cs]e|tv licen[cs]e|passport|my bank|my gp"
                               r"|doctor'?s|surgery|hmrc|the council)\b", re.IGNORECASE)


# what a question about delivery terms may be read as; a complaint ("they put it in the bin") is not one
SHOP_QUESTION_INTENTS = frozenset({"order_status", "track_delivery", "out_of_scope", "nlu_fallback", "inform",
                                   "opening_hours_contact", "product_recommendation"})
# a question, not a report of what happened ("the driver put it in the bin")
_ASKING = re.compile(r"\?|\b(?:can|could|will|would|is it possible|please|pls|plz|how|i'?d like|i want|do (?:you|u|ya|they)"
                     r"|does|is (?:there|it|delivery|postage|shipping))\b",
                     re.IGNORECASE)


# an order of the customer's own, spoken of ("is my dress still coming today?", "ORD-30001")
_AN_ORDER_OF_THEIRS = re.compile(r"\b(?:my|me|our)\b(?! (?:options?|choices?|best bet)\b)|\border\b|\bord-?\d|\bi (?:ordered|bought)\b", re.IGNORECASE)


def about_an_order_besides(text: str, asked_only: bool = False) -> bool:
    """Whether a sentence of `text` other than the delivery question speaks of an order of the
    customer's own (answered first; a shopper's "I'm thinking of buying a sofa" is not one);
    `asked_only`: only a sentence that asks something counts ("My dress is out for delivery. But I'm
    not home. What are my options?" is about where to leave that order)."""
    sentences = re.split(r"(?<=[?!.])\s+", text)
    return any(_AN_ORDER_OF_THEIRS.search(s) and (not asked_only or _ASKING.search(s)) for s in sentences
               if not (terms_asked(s) or delivery_questions.preference_asked(s)))


def delivery_question_answered(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """How delivery works ("do u deliver to ireland") gets the delivery terms; where to leave a parcel,
    the order's own tracking page where there is one (actions.delivery_questions); None when
    neither is asked, or the customer is queued or upset (answered as such)."""
    text = tracker.latest_message.get("text") or ""
    if latest_intent(tracker) not in SHOP_QUESTION_INTENTS or not _ASKING.search(text):
        return None
    preference = delivery_questions.preference_asked(text)
    if not (preference or terms_asked(text)):
        return None
    # "is my dress still coming today? and how much is delivery": the order first (read sentence by
    # sentence only once a delivery question is found: this runs before every answer)
    if about_an_order_besides(text, asked_only=preference) or tracker.get_slot("handoff_queued") or upset_now(tracker):
        return None
    customer = current_customer(tracker) if preference else None
    if preference and customer is None and order_number_said(text):
        # a guest naming their order ("…nobody will be in. The order number is ORD-20001."): about that order,
        # whose answer asks them to sign in, not the terms for everyone
        return None
    order = delivery_questions.parcel_on_its_way(customer, referred_orders(customer, text) if customer else [])
    if order is not None:
        dispatcher.utter_message(text=replies.delivery_preference(order, customer))
    else:
        dispatcher.utter_message(response="utter_delivery_options")
    return [SlotSet("order_topic", None)]


def answer_order_request(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str,
                         customer: Optional[Customer], text: Optional[str] = None,
                         apologised: bool = False, order_id: Optional[str] = None,
                         complaint: bool = False) -> List[EventType]:
    """`complaint`: the request came as a complaint (lateness of an order still on time), so a person may be offered
    after the answer as after any complaint."""
    prefix = "" if apologised else replies.empathy(mood(tracker))
    # "what's your returns policy?": the policy first, then which order, for one to start (an order's own
    # answer gives its window)
    policy = replies.returns_policy() if topic == "request_refund" and returns_policy_asked(
        tracker.latest_message.get("text") or "") else ""
    # a second request of the same message waits until this one is answered
    later = next_request(tracker.latest_message, topic)
    keep_for_later = [SlotSet("pending_request", later), SlotSet("request_offered", False)] if later else []
    if customer is None:
        # a number given now beats the one remembered ("sorry, missed a zero: 30001")
        order_id = (order_id or latest_order_id(tracker) or number_given(tracker)
                    or order_id_in(tracker.get_slot("order_id")))
        if order_id is None and not apologised and NO_CONFIRMATION.search(tracker.latest_message.get("text") or ""):
            # "I placed an order yesterday. I got no confirmation email. Has it gone through?": asking for the
            # number in the email they never got would go nowhere; sign-in or a person who can look it up
            return without_order_number(dispatcher, tracker, None)
        if order_id is None:
            if prefix or later or policy:
                kept = replies.request_kept_for_later(later["intent"]) if later else ""
                dispatcher.utter_message(text=" ".join(part.strip() for part in (prefix, kept, policy) if part))
            # Ask for the id (the form), then come back here with the topic remembered.
            return [SlotSet("order_topic", topic), *keep_for_later, FollowupAction("order_form")]
        if on_voice(tracker.events):  # a caller can prove who they are right here
            dispatcher.utter_message(text=prefix + replies.ask_phone_digits(order_id))
            return [SlotSet(VERIFYING_SLOT, True), SlotSet(ORDER_SLOT, order_id), SlotSet(ATTEMPTS_SLOT, 0),
                    SlotSet("order_topic", topic), SlotSet("order_id", order_id), *keep_for_later, *LISTEN]
        dispatcher.utter_message(text=prefix + replies.anonymous_order_reply(order_id))
        # the number stays: "so when do I get the money back?" is about the order just named
        return [*closing_order_form(tracker), SlotSet("order_topic", None), SlotSet("order_id", order_id),
                *follow_up(dispatcher, tracker, topic, customer, False)]
    choice = order_choice(tracker, customer, topic, text, order_id)
    if choice.unknown_id:
        dispatcher.utter_message(text=prefix + replies.unknown_order_reply(choice.unknown_id, customer))
        return [SlotSet("order_id", None)]
    if choice.candidates and choice.describe_all:
        dispatcher.utter_message(text=prefix + policy + replies.several_orders_reply(choice.candidates, customer))
        return [SlotSet("order_topic", None)]
    if choice.candidates:
        dispatcher.utter_message(text=prefix + policy + replies.which_order(topic, choice.candidates),
                                 buttons=replies.order_buttons(choice.candidates))
        return [SlotSet("order_topic", topic), *keep_for_later]
    order = choice.order
    if order is None:
        dispatcher.utter_message(text=prefix + policy + replies.no_orders_reply(customer))
        return []
    dispatcher.utter_message(text=prefix + replies.order_reply(topic, order, customer))
    answered = [SlotSet("order_topic", None), SlotSet("order_id", order.order_id)]
    if topic == "cancel_order" and order.status == "processing":
        order.status = "cancellation_requested"
        ProfileStore(redis_client()).put(customer)
    if topic == "request_refund" and order.status == "processing":
        # the reply offered to cancel it: "yes" does (action_pending_request); a second request
        # with a fixed answer ("…and what are your opening hours") is answered now, not dropped
        other = next_request(tracker.latest_message, topic)
        response = fixed_response(other["intent"]) if other is not None else None
        if response is not None:
            dispatcher.utter_message(response=response)
        return [*answered, *offered({"intent": "cancel_order", "text": "", "order_id": order.order_id})]
    return [*answered, *follow_up(dispatcher, tracker, topic, customer, complaint, order)]


class ActionHandleComplaint(Answering):
    def name(self) -> Text:
        return "action_handle_complaint"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        if intent not in COMPLAINT_INTENTS:  # handed on ("yes" to the offer of a message's other request)
            intent = tracker.get_slot("order_topic") or intent
        return answer_complaint(dispatcher, tracker, intent, current_customer(tracker))


# a charge said to be doubled ("charged twice", "chargd twise", "two payments came out"); any other billing complaint ("I got
# charged for delivery even though it was meant to be free") is a charge the customer did not expect
CHARGED_TWICE = re.compile(r"\b(?:tw[iy][cs]e?|twicw|twoce|dou?bb?le?\w*|dbl|duplicat\w*|two (?:charges|payments|times|transactions)|2 (?:charges|payments"
                           r"|times|transactions)|x ?2|again|both)\b", re.IGNORECASE)


# something not in the box ("one of the items is missing", "the screen protector wasn't in the box"), with no
# damage said besides
SOMETHING_MISSING = re.compile(r"\bmissing\b|\b(?:was|were|is|are)(?:n'?t| not) in (?:the|my|it)\b|\b(?:came|arrived|turned up)"
                               r" with(?:out| no)\b|\bno \w+ in (?:the|my) (?:box|parcel|package|bag)\b", re.IGNORECASE)
_DAMAGE_SAID = re.compile(r"brok|damag|crack|smash|\bdent|scratch|\brip|torn|leak|fault|stopp?ed|dead\b|bent|snapp",
                          re.IGNORECASE)


def complaint_kind(intent: str, said: str) -> str:
    """What the complaint's reply speaks of: its intent; an unexpected charge for a billing complaint
    that says nothing of a second charge; something missing for a damage complaint that says nothing
    of damage."""
    if intent == "billing_charged_twice" and not CHARGED_TWICE.search(said):
        return replies.UNEXPECTED_CHARGE
    if intent == "item_damaged" and SOMETHING_MISSING.search(said) and not _DAMAGE_SAID.search(said):
        return replies.PART_MISSING
    return intent


def answer_complaint(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str,
                     customer: Optional[Customer], text: Optional[str] = None) -> List[EventType]:
    said = text or tracker.latest_message.get("text") or ""
    if customer is None:
        # we cannot flag or check an order we do not know: say sorry, offer a person as after any
        # complaint, then ask which order (the form; a "yes" there takes up the person: action_leave_form)
        s = settings()
        offer = f" {replies.PERSON_OR_NUMBER}" if s.person_after_every_complaint else ""
        dispatcher.utter_message(text=replies.complaint_opening(complaint_kind(intent, said), None).strip() + offer)
        return answer_order_request(dispatcher, tracker, intent, None, apologised=True)
    order = order_choice(tracker, customer, intent, text).order
    if intent == "delivery_late" and order is not None and (
            order.on_time(date.today().isoformat())
            or (order.status == "delivered" and stated_states(said) != OPEN)):
        # about the order the complaint named ("still waiting on the trainers… and how do I return the
        # kettle?"), or one already delivered that the customer does not say never came ("the order
        # ending 0002, when did that arrive?"): where it is, not an apology for a delay there is not; still, one
        # on its way that the customer complains of ("I paid a premium for expedited delivery… still not been
        # delivered") is sorry not to be there yet, however calmly they say so
        waiting = order.status != "delivered" and not mood(tracker).upset
        if waiting:
            dispatcher.utter_message(text=replies.not_there_yet())
        # still a complaint of lateness when it is on its way ("should've arrived on Monday… I'm running out of
        # time!"): a top-tier customer is offered a person as after any complaint
        return answer_order_request(dispatcher, tracker, "track_delivery", customer, text, apologised=waiting,
                                    order_id=order.order_id, complaint=order.status != "delivered")
    if intent in replies.ITEM_IN_HAND and order is not None and replacement_chosen(said):
        # the answer to "a free replacement or refund, whichever you prefer": arranged, not asked again;
        # asked for with the complaint itself ("…a big crack down the middle. Can you send me a new one?"),
        # the apology comes first
        offered = replies.REMEDIES_OFFERED in last_bot_words(tracker)
        dispatcher.utter_message(text=replies.replacement_reply(intent, order, customer, apologised=offered))
        return [SlotSet("order_topic", None), SlotSet("order_id", order.order_id),
                *follow_up(dispatcher, tracker, intent, customer, True, order)]
    dispatcher.utter_message(text=replies.complaint_reply(complaint_kind(intent, said), customer, order))
    remembered = [SlotSet("order_topic", None), *([SlotSet("order_id", order.order_id)] if order else [])]
    return remembered + follow_up(dispatcher, tracker, intent, customer, True, order)


class ActionHandoff(Answering):
    def name(self) -> Text:
        return "action_handoff"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if latest_intent(tracker) == "speak_to_human":
            return hand_off(dispatcher, tracker, current_customer(tracker), "customer asked")
        if upset_now(tracker):  # handed on by answer_upset, or "yes, this is a joke": the anger came back
            return hand_off(dispatcher, tracker, current_customer(tracker), "repeated anger",
                            opening=replies.upset_handoff_opening())
        reason = "offered after " + ("negative sentiment" if mood(tracker).negative_messages else "complaint")
        return hand_off(dispatcher, tracker, current_customer(tracker), reason)


def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, customer: Optional[Customer], reason: str,
             opening: str = "") -> List[EventType]:
    """Queue the conversation for a person (with its redacted summary) and say so."""
    try:
        position = handoff.enqueue(redis_client(), tracker.sender_id, reason, handoff.summarise(tracker.events),
                                   customer.customer_id if customer else None, customer.tier if customer else None)
    except redis.RedisError:
        dispatcher.utter_message(text=opening + replies.handoff_unavailable())
        return [SlotSet("handoff_offered", False)]
    wait = position * settings().handoff_wait_minutes_per_person
    reply = replies.call_transfer_reply(customer) if on_voice(tracker.events) else \
        replies.handoff_reply(position, wait, customer)
    dispatcher.utter_message(text=opening + reply)
    # the turn ends here: with handoff_queued set, the queue rule would otherwise answer this
    # same message again with the queue position
    return [SlotSet("handoff_offered", False), SlotSet("handoff_reason", reason), SlotSet("handoff_queued", True),
            *LISTEN]


def upset_now(tracker: Tracker) -> bool:
    latest = latest_user_message(tracker.events)
    return latest is not None and strongly_upset(latest)


def openly_upset_now(tracker: Tracker) -> bool:
    latest = latest_user_message(tracker.events)
    return latest is not None and openly_upset(latest)


def anger_returned(tracker: Tracker) -> bool:
    """Whether anger now comes back: a person was offered already (not calmly, as the way to go on
    without an order number), or the negative messages add up."""
    offered = tracker.get_slot("handoff_offered") and replies.no_order_number(upset=False) not in last_bot_words(tracker)
    return bool(offered or mood(tracker).negative_messages >= settings().negative_messages_before_human)


def anger_back_after_the_offer(tracker: Tracker) -> bool:
    """Whether the customer, offered a person just before, answers upset again with something other than a yes, a no, a
    person asked for (which the offer's own rules answer) or a new complaint (answered, with the offer made again: "I've
    been charged twice on my card, absolutely furious"), in a message of their own (not one handed on)."""
    # (the slots and the intent first: this runs before every answer, and the bot's words need a walk over the events)
    if (not tracker.get_slot("handoff_offered") or tracker.get_slot("handoff_queued")
            or tracker.latest_action_name != "action_listen"
            or latest_intent(tracker) in ("speak_to_human", "affirm", "deny", *COMPLAINT_INTENTS)):
        return False
    offer_just_made = replies.OFFER_OF_A_PERSON in last_bot_words(tracker) or any(
        replies.PERSON_OR_NUMBER in words for words in islice(bot_words(tracker), 3))
    return offer_just_made and anger_repeated(tracker)


def anger_repeated(tracker: Tracker) -> bool:
    """Whether this message is upset and its anger has come back (the customer is put through)."""
    return upset_now(tracker) and anger_returned(tracker)


def answer_upset(dispatcher: CollectingDispatcher, tracker: Tracker, customer: Optional[Customer]) -> List[EventType]:
    """Emotion first: empathy and a person, offered the first time; when the anger comes back
    (a person already offered, or repeated negative messages), put through at once, by the
    hand-off action itself so the conversation's record shows who handed it on."""
    if anger_returned(tracker):
        return [FollowupAction("action_handoff")]
    dispatcher.utter_message(text=replies.upset_fallback(customer))
    return [SlotSet("handoff_offered", True)]


class ActionDeclineHandoff(Action):
    def name(self) -> Text:
        return "action_decline_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if tracker.active_loop_name == "order_form":
            # a person turned down while the order form asks for the number (handed on by
            # action_leave_form): the form's question still stands
            dispatcher.utter_message(text=replies.no_person_needed())
            dispatcher.utter_message(response="utter_ask_order_id")
            return [SlotSet("handoff_offered", False), *LISTEN]
        if upset_now(tracker) and not PLAIN_NO.match(text):
            # "don't 'sorry' me, you're clowns the lot of you": read as a no, but no answer to the offer
            return [FollowupAction("action_handoff")]
        if problem_goes_on(tracker, text):
            # "nah its stil ther after 4 days, not happy": the no is to our explanation, not to the person
            dispatcher.utter_message(text=replies.upset_fallback(current_customer(tracker)))
            return [SlotSet("handoff_offered", True), *LISTEN]
        dispatcher.utter_message(response="utter_no_handoff")
        # the slot just changed leaves the offer's rule behind: end the turn ourselves
        return [SlotSet("handoff_offered", False), *LISTEN]


# an answer to "would you like a person?" that says no, however angrily ("no, you're useless")
PLAIN_NO = re.compile(r"^\W*(?:no|nope|nah|not now|not really|absolutely not|not interested|no way|i'?m (?:fine|ok|good)"
                      r"|leave it|forget it|(?:i\s+)?(?:don'?t|dont|do not) (?:want|need|bother))\b", re.IGNORECASE)


# "no it's fine", "no I don't need anyone": the offer turned down in so many words
NOT_NEEDED = re.compile(r"\b(?:fine|alright|all right|ok|okay|no need|(?:don'?t|dont|do not) (?:need|want|bother))\b",
                        re.IGNORECASE)


# the problem still there: "its stil ther after 4 days", "still not sorted", "not happy"
GOES_ON = re.compile(r"\b(?:still|stil|yet|again|after (?:\d+|a|two|three|four|five) \w+|not (?:happy|good enough|sorted"
                     r"|fixed|gone|resolved))\b", re.IGNORECASE)


# displeasure the sentiment model reads as neutral ("not happy")
DISPLEASED = re.compile(r"\b(?:not|isn'?t|aint) (?:happy|good enough|acceptable|on)\b|\bunhappy\b|\bunacceptable\b"
                        r"|\bridiculous\b|\bjoke\b", re.IGNORECASE)


def problem_goes_on(tracker: Tracker, text: str) -> bool:
    """Whether a "no" to the offer of a person goes on to say, unhappily, that the problem is still
    there ("nah its stil ther after 4 days, not happy"), without turning the person down."""
    rest = PLAIN_NO.sub("", text, count=1)
    unhappy = mood(tracker).latest == "negative" or DISPLEASED.search(rest) is not None
    turned_down = PERSON_REFUSED.search(text) is not None or NOT_NEEDED.search(text) is not None
    return unhappy and not turned_down and GOES_ON.search(rest) is not None


class ActionWhileQueued(Action):
    """While a person is on the way: the queue position, no business flow; 'never mind' leaves the queue."""

    def name(self) -> Text:
        return "action_while_queued"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        return answer_while_queued(dispatcher, tracker)


# Leaving the queue ends the turn here: with the slot changed, the rule that called us no
# longer matches, and nothing else should run before the customer speaks again.
LEAVE_QUEUE: List[EventType] = [SlotSet("handoff_queued", False), *LISTEN]


# what may be answered while a person is on the way: fixed answers, no flow
ANSWERED_WHILE_QUEUED = {"opening_hours_contact": "utter_opening_hours"}


# a question about the wait itself, which the NLU may read as one about our opening hours
WAIT_ASKED = re.compile(r"\bhow (?:long|much longer)\b|\bwait\w*|\bqueue\b|\b(?:ahead of|in front of|before) me\b"
                        r"|\bmy (?:position|turn|place)\b|\b(?:someone|somebody|anyone|anybody)\b|\bget to me\b"
                        # "what number am I now", "what place am i in": the position, not our phone number
                        r"|\bwhat (?:number|place|position) (?:am i|are we|i'?m)\b|\bam i (?:next|near the front)\b"
                        r"|\b(?:reply|respond|answer)\w*", re.IGNORECASE)


# how the person on the way will answer: "will they email me?", "are you going to call me back or what"
THEIR_REPLY_ASKED = re.compile(r"\b(?:will|would|do|does|are|is|can|could)\s+(?:they|you|someone|somebody|the (?:agent|person"
                               r"|team|advis[eo]r|human))\s+(?:be\s+)?(?:going to\s+|gonna\s+)?(?:e-?mail\w*|call\w*|ring\w*"
                               r"|phon\w*|text\w*|messag\w*|contact\w*)\s+(?:me|us)(?:\s+back)?\b(?!\s+(?:the|a|my|your|to|about)\b)"
                               r"|\b(?:will|would) (?:they|someone|somebody) (?:reply|get back to me) (?:by|on|via|over)\b",
                               re.IGNORECASE)


# …and one about our hours or phone line in so many words ("while I'm waiting, what time do your phone
# lines open tomorrow?")
# thanks said with the goodbye ("ok thanks bye"): welcomed; a bare "bye" is not
THANKED = re.compile(r"\b(?:thanks?|thank (?:you|u)|thx|ty|cheers|ta)\b", re.IGNORECASE)
OPENING_ASKED = re.compile(r"\b(?:open\w*|clos\w*|shut|hours|phone ?lines?|phone number|ring|email|sundays?|saturdays?"
                           r"|bank holiday)\b", re.IGNORECASE)


# "meh can you just do it instead", "actually can't you just sort it yourself": the assistant, not the person
DO_IT_YOURSELF = re.compile(r"\b(?:can'?t|cant|can|could|couldn'?t) (?:you|u) (?:not )?(?:just )?(?:do|sort|handle|deal with|fix)"
                            r" (?:it|this|that)(?: out)?(?: for me)? (?:yourself|instead|then)\b", re.IGNORECASE)


# "actually, can you just cancel my trainers order instead?" (not "can they email me instead?": the person)
INSTEAD_OF_THE_PERSON = re.compile(r"\b(?:can|could|would|will) (?:you|u) (?:just |not just |please )?(?!call|ring|phone|email|tell|ask|let|get|pass"
                                   r"|text|message|contact)\w+\b[^.?!]{0,60}\binstead\b", re.IGNORECASE)


# "actualy nvm, ill just wait for the sofa to turn up i guess": leaving the queue to wait for the
# order itself, which asks nothing of us
WAITING_FOR_IT = re.compile(r"\b(?:i'?ll|ill|i will|i'?m gonna|i'?m going to) (?:just )?wait "
                            r"(?:for (?:it|them|the (?!agent|person|human|team|advisor)\w+(?: \w+)?)"
                            r"(?: to (?:turn up|arrive|come|show up|get here))?|and see|it out)\b", re.IGNORECASE)


# "never mind, I'll wait", "no it's fine, I can hold": the customer stays in the queue, though
# "never mind" would leave it (not "I'll just wait for the sofa to turn up": WAITING_FOR_IT)
STAYING_IN_QUEUE = re.compile(r"\b(?:i'?ll|ill|i will|i can|i'?m happy to|happy to|i'?m ok(?:ay)? to|i (?:don'?t|dont) mind)"
                              r" (?:just |still )?(?:wait(?:ing)?|hold(?:ing)?|hang on|stay(?:ing)? (?:in the queue|in line|on))"
                              # "i'll wait for later" leaves; "i'll wait for the agent" stays
                              r"\b(?! (?:for|until|till|til) (?!(?:the |an? |your |a real )?(?:agent|person|human|team|advis[eo]r"
                              r"|colleague|someone|somebody)\b))", re.IGNORECASE)


# …and "never mind" said of something else, or only nearly said: "never mind the refund, it's about the sofa now",
# "never mind how long it takes, I'm not going anywhere", "I was going to say forget it but I really need this sorted",
# "forget it? no chance, I'm waiting till someone sorts this"
STILL_WANTING_THE_PERSON = re.compile(
    r"\bnever ?mind (?:the|my|about the|how|what|that the) (?!(?:agent|person|human|queue|wait|waiting|request|colleague"
    r"|advis[eo]rs?|team|manager|operator|real|actual|customer|live|transfer|staff|someone|somebody|chat|call|callback)\b)\w+"
    r"|\bnot going anywhere\b|\b(?:going to|gonna|was about to) say (?:forget|never ?mind|cancel)"
    r"|\b(?:i'?m|im|i am) (?:still )?waiting (?:till|until|for) (?:someone|somebody|the (?:agent|person|human)|a (?:person|human))\b",
    re.IGNORECASE)


def staying_in_queue(text: str) -> bool:
    """Whether `text` says the customer will go on waiting for the person (see STAYING_IN_QUEUE and
    STILL_WANTING_THE_PERSON)."""
    return ((STAYING_IN_QUEUE.search(text) is not None or STILL_WANTING_THE_PERSON.search(text) is not None)
            and WAITING_FOR_IT.search(text) is None)


# the queue left in other words than "never mind": "take me out of the queue please", "back to the bot please", "I'll
# just phone up tomorrow", "found it, ignore me", "nah you're alright mate", "this is pointless, I'm off"
_NOT_NEGATED = r"(?<!don't )(?<!dont )(?<!not )"  # "please don't take me out", "not remove me"
QUEUE_LEFT = re.compile(
    # out of the queue in so many words (not "can you take me off the mailing list", "please don't remove me")
    _NOT_NEGATED + r"\b(?:take|get|put) me (?:out|off)(?: of)? (?:the |this )?(?:queue|line|waiting list|list)\b"
    r"|" + _NOT_NEGATED + r"\b(?:take|get) me (?:out|off)\W*$"
    r"|" + _NOT_NEGATED + r"\b(?:remove|exit|leave|drop) (?:me )?(?:from |out of )?(?:the |this )?(?:queue|waiting list)\b"
    r"|\bwithdraw (?:my|the|this) (?:request|query|question)\b|^\W*(?:cancel\W*){2,}$|\bstop (?:the )?waiting\b"
    r"|\bnot waiting any ?(?:more|longer)\b(?![^.!?]*\b(?:put me|get me|through|now)\b)"
    # "no more waiting, where's my phone case" (not "I'm done waiting for the sofa")
    # (not "I'm done waiting. Put me through to someone", "No more waiting, I need to speak to someone")
    r"|\b(?:no more|(?:i'?m|im|i am) done) waiting\b(?!\s+(?:for|on)\b)(?!.*\b(?:put me|get me|through|now|speak|talk|manager"
    r"|someone|somebody|anyone|agent|person|human|connect|transfer|hurry|answer)\b)"
    # back to the assistant: "back to the bot please", "can I just talk to you instead" (not "send it back to you")
    r"|\b(?:talk|speak|chat) to (?:you|u|the (?:bot|assistant|chatbot)) (?:instead|then)\b"
    r"|\b(?:carry on|continue|stick|stay) with (?:you|u|the (?:bot|assistant|chatbot))\b(?! (?:while|till|until))"
    r"|\b(?:go|come|switch|get) back to (?:you|u|the (?:bot|assistant|chatbot))\b|^\W*back to (?:you|the (?:bot|assistant))\b"
    r"|\bi'?ll (?:just )?ask (?:you|u)(?: then| instead)?\W*$|\bhelp me with (?:it|this|that) (?:instead|yourself)\b"
    # no person wanted any more
    r"|\b(?:don'?t|dont|do not) need (?:an?|the) (?:agent|person|human|chat person)\b"
    r"|\b(?:don'?t|dont|do not) (?:want|need) (?:an?|the) (?:agent|person|human) (?:any ?more|now|after all)\b"
    r"|\bno (?:human|person|agent) needed\b|\bpass on the (?:agent|person|human)\b|\bnot need (?:help|anyone|a person|an agent)\b"
    r"|^\W*(?:it'?s |that'?s )?no longer needed(?:,? (?:now|thanks|thank you|cheers|ta))*\W*$|\bscrap the (?:agent|person|human|queue|request)\b|\bnot to bother\b"
    r"|\bdinnae bother\b"
    # sorted by themselves: "no worries, I figured it out", "its ok i found the parcel in the bin shed lol", "my bad, it
    # was in the porch all along" (not "found the parcel but it's soaked through", "found the order number, it's…")
    r"|\b(?:i'?ve |i have |i )?(?:figured|worked) (?:it )?out\b(?! (?:that|how|why|what|when))"
    r"|\b(?:i'?ve |i have |i )?(?:found|figured out|worked out|sorted) (?:it|them|the answer|the tracking\w*(?: \w+)?|what i needed"
    r"|the (?:parcel|package|box|delivery|item))\b(?![^.!?]*\b(?:but|broken|damaged|soaked|wet|wrong|cracked|missing|ripped"
    r"|number|not)\b)"
    r"|\b(?:was|were) (?:in|on|under|behind|at|with|by) [^.!?]{0,30}\ball along\b"
    r"|(?:^|[.!?,]\s*)(?:please |just |oh |sorry,? )?(?:ignore|disregard)(?: (?:me|that|this|all that|my last message))?"
    r"(?=\s*(?:[,.!;-]|$))"
    r"(?![^.!?]*\b(?:order|number|ord|not)\b|[^.!?]*\d)"
    r"|\bjust landed\b|\bit'?s (?:just )?arrived\b(?![^.!?]*\b(?:but|broken|damaged|wrong|cracked|missing|smashed)\b)"
    # going: "this is pointless, I'm off", "gonna give up, bye", "I'll just phone up tomorrow", "cba waiting, bye"
    r"|\b(?:i'?m|im|i am) off(?: now)?\W*$|\b(?:i'?m|im|i am) off,? (?:bye|then)\b"
    r"|(?<!not )(?<!n't )\b(?:give|giving) up\b(?! (?:on|my|the|your))"
    r"|\bi'?ll (?:just )?(?:ring|call|phone|email|e-mail)(?: (?:you|up|back|them))?(?: (?:instead|tomorrow|later|another (?:day|time)"
    r"|then))\b|\bi'?ll (?:just )?(?:try again|come back|go into the shop|pop (?:in|into the shop)|visit (?:the|a) (?:shop|store))\b"
    r"|^\W*leave it\b|\b(?:fine|ok|okay|no|nah)\b[^.?!]{0,15}\bleave it\W*$"
    r"|^\W*(?:nah|no)[, ]+(?:you'?re|ur|your|u r|youre) (?:alright|all right|ok|okay|fine)\b(?![^.!?]*\b(?:take your time|no rush"
    r"|no hurry)\b)"
    r"|\b(?:cba|can'?t be (?:bothered|arsed))\b|\bcancel(?: it| that)?,? (?:please|pls)\W*$"
    r"|\bi (?:go|gotta go|have to go|must go) now\b(?![^.!?]*\b(?:can|could|agent|email me|call me|ring me)\b)"
    r"|\b(?:i'?m|im|i am|we'?re) (?:fine|ok|okay|good|sorted|all good) now\b(?![^.!?]*\b(?:but|just need|still)\b)"
    r"|\bon second thoughts?\b,?\s*(?:never ?mind|forget|don'?t bother|leave it|no need|can you just|i'?ll)"
    r"|\b(?:can|could) (?:you|u) (?:just )?\w+ (?:\w+ ){0,3}yourself\b",
    re.IGNORECASE)


# "actually no need, the van's just pulled up outside", "no need actually, all sorted", "it's fine, I
# don't need anyone now": the person no longer needed, said without "never mind" (not asked: "is it
# all sorted now?"; not "it's just arrived but the lid is cracked")
NO_LONGER_NEEDED = re.compile(r"\bno need\b(?! to (?:shout|be|apologi[sz]e|say sorry))"
                              r"(?! for (?:a |the |this |that )?(?:bot|robot|machine|assistant|you)\b)|\ball sorted\b"
                              r"|\b(?:it'?s|its|that'?s|i'?m|we'?re) (?:all )?sorted(?: now)?\b"
                              r"|\b(?:don'?t|dont|do not) need (?:anyone|anybody|someone|somebody)(?: (?:now|any ?more"
                              r"|after all))?\b(?! (?:else|but|to))"
                              r"|\b(?:just|finally) (?:turned up|arrived|come|been delivered|shown up|pulled up"
                              r"|got here)\b"
                              r"(?![^.!?]*\b(?:but|damaged|broken|wrong|cracked|smashed)\b)"
                              # "actually never mind, the refund has just landed in my account"
                              r"|\b(?:refund|money)\s+(?:has\s+)?(?:just\s+|now\s+|finally\s+)?(?:landed|come through|gone in|arrived"
                              r"|cleared|appeared|shown up)\b(?![^.!?]*\b(?:but|only|half|part|wrong|twice|old|closed|cancel\w*|credit|hasn'?t|not|pending|still)\b)"
                              r"(?![^.!?]*[.!?]+[^.!?]*\b(?:hasn'?t|not|nothing|no sign|isn'?t|can'?t see)\b)", re.IGNORECASE)


def no_longer_needed(text: str) -> bool:
    """Whether `text` says the person is no longer needed (see NO_LONGER_NEEDED)."""
    return NO_LONGER_NEEDED.search(text) is not None and not text.rstrip().endswith("?")


# "cancel that" said of what was just asked
_CANCEL_THAT = re.compile(r"^\W*cancel (?:that|it)\b\W*", re.IGNORECASE)


# what is still asked once "cancel that" has withdrawn: "fine, cancel that, just tell me where my trainers are"
_STILL_ASKED = re.compile(r"\b(?:cancel\w*|where|when|track\w*|status|refund|return)\b|\?", re.IGNORECASE)


def cancellation_besides(text: str) -> bool:
    """Whether a message that calls something off, read as a cancellation, also asks for something
    of an order: after a dismissal ("never mind, can i just cancel my dress order instead"), besides
    the person called off ("forget the agent, can you just cancel the phone case order"), or after
    "cancel that" ("fine, cancel that, just tell me where my trainers are"); not "ah wait, cancel
    that actually, the kids have just got in", where "cancel that" only withdraws."""
    rest = after_dismissal(text)
    if rest is not None and "cancel" not in text[: len(text) - len(rest)].lower():
        remainder = _CANCEL_THAT.sub(" ", rest, count=1)
        if _CANCEL_THAT.match(rest) is None or not (PERSON_REFUSED.search(remainder) or no_longer_needed(remainder)):
            return True
        # "actually never mind cancel that i dont need the person anymore": the "cancel that" withdraws; read on
        text = _CANCEL_THAT.sub(" ", rest)
    if cancel_alone(text):  # the word alone withdraws ("never mind", "cancel")
        return False
    return _STILL_ASKED.search(WITHDRAWAL.sub(" ", PERSON_CALLED_OFF.sub(" ", text))) is not None


# the customer will see to it themselves: "I'll sort the refund out some other way", "I'll just deal with it myself"
SORTED_ELSEWHERE = re.compile(r"\b(?:i'?ll|ill|i will|i'?m going to|gonna)\s+(?:just\s+)?(?:sort|deal with|handle|chase|figure|work"
                              r"|see to)\b[^.?!]{0,30}\b(?:myself|some other way|another way|elsewhere|on my own)\b(?![^?]*\?)"
                              # "oh never mind, I'll just send it back myself", "I'll just return it and reorder": the
                              # return done on their own, nothing asked of us
                              r"|\b(?:i'?ll|ill|i will|i'?m going to|gonna)\s+(?:just\s+)?(?:send (?:it|them) back|return (?:it|them))\b"
                              r"[^.?!]{0,20}\b(?:myself|on my own|and (?:re-?order\w*|order (?:it |a new one |another )?again|buy (?:a new|another)"
                              r"|get (?:a new|another)))\b"
                              # (and nothing asked after: "…myself. Please email me the returns label")
                              r"(?=[^.!?]{0,30}[\s.!]*(?:(?:thanks?|thank you|cheers|ta|bye)\b[\s.!]*)?$)",
                              re.IGNORECASE)


CANCEL_SAID = re.compile(r"\bcancel\w*\b", re.IGNORECASE)


def cancellation_besides_the_queue(text: str) -> bool:
    """Whether a message that leaves the queue also cancels an order ("take me out of the queue and cancel my sofa
    order"; not "never mind, remove me from the queue please", whose only cancelling is of the wait, nor "Honestly,
    forget it. I'm not waiting around any more. Remove me from the queue.")."""
    rest = QUEUE_LEFT.sub(" ", text)
    return CANCEL_SAID.search(rest) is not None and cancellation_besides(rest)


def plainly_asks_the_wait(text: str) -> bool:
    """Whether `text` is one calm question about the wait ("how many people before me?"), which the position answers
    without an apology however the sentiment read it (not "how long is this going to take??", "why so long?!")."""
    text = text.strip()
    return (WAIT_ASKED.search(text) is not None and text.endswith("?") and not text.endswith("??") and "!" not in text
            and re.search(r"[.?!]\s+\S", text) is None and _PUT_OUT.search(text) is None)


# a question about the wait that complains: "Why is nobody answering me?", "Is anyone actually going to help me today?"
# (and one that says how long it has been or how it feels: "how much longer, it's been an hour?")
_PUT_OUT = re.compile(r"^\W*why\b|\b(?:actually|seriously|even|nobody|no one|no-one|ever|fuming|silly|ridiculous|stuck|ages"
                      r"|an hour|been (?:waiting|sat|here))\b|\b\d+ (?:mins?|minutes|hours?)\b", re.IGNORECASE)


# lateness said of a parcel without naming it: "forget the agent, its 3 days late", "still no sign of it"
_LATENESS_SAID = re.compile(r"\blate\b|\bdue\b|\bstill (?:no|not)\b|\b(?:hasn'?t|has not|hasnt) (?:come|arrived|turned up)\b"
                            r"|\bno sign\b|\bisn'?t here\b", re.IGNORECASE)


def only_the_queues_wait(text: str, intent: str) -> bool:
    """Whether a lateness read in a message leaving the queue is only the queue's wait given up ("forget it. no more
    waiting."): no order named nor lateness said, so no delivery to answer for."""
    return intent == "delivery_late" and ABOUT_AN_ORDER.search(text) is None and _LATENESS_SAID.search(text) is None


def answer_while_queued(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    s = settings()
    text = tracker.latest_message.get("text") or ""
    intent = latest_intent(tracker)
    understood = (tracker.latest_message.get("intent") or {}).get("name")
    staying = staying_in_queue(text)  # "never mind, I'll wait": not a withdrawal
    # "Ok I don't want to wait anymore, please cancel.": the cancel is the queue's
    queue_cancelled = QUEUE_CANCELLED.search(text) is not None
    try:
        # "I don't need a person. I just need my money back." leaves the queue like "never mind" (not
        # "no i dont want a bot i want a human", which the NLU reads as a person asked for)
        refused = PERSON_REFUSED.search(text) is not None and intent != "speak_to_human"
        # "no actually don't worry, where's my parcel": dropped for a request of the customer's own
        dropped = after_dismissal(text) is not None and another_request(intent, None)
        # "actually, can you just cancel my trainers order instead?": the assistant asked to do it after all
        instead = INSTEAD_OF_THE_PERSON.search(text) is not None and (another_request(intent, None)
                                                                     or intent == "cancel_order")
        if not staying and (WITHDRAWAL.search(text) or PERSON_CALLED_OFF.search(text) or refused or dropped
                            or instead or DO_IT_YOURSELF.search(text) or no_longer_needed(text) or QUEUE_LEFT.search(text)
                            or queue_cancelled):
            handoff.withdraw(redis_client(), tracker.sender_id)
            # another request besides, read for sure or as one of the guesses answered alike (not the
            # NLU's guess at "actually never mind, found what i needed on the website", which asks nothing)
            asked = another_request(intent, None) and (understood != FALLBACK_INTENT
                                                       or interchangeable_guess(tracker) is not None)
            # "my dress just arrived, never mind": nothing left to ask about it; nor in "ugh forget it, I'll sort the
            # refund out some other way"
            asked = (asked and not WAITING_FOR_IT.search(text) and not no_longer_needed(text)
                     and not SORTED_ELSEWHERE.search(text))
            asked = asked and not only_the_queues_wait(text, intent)
            # "never mind, can i just cancel my phone case order instead", "forget the agent, can you just
            # cancel the phone case order": a cancellation asked besides, not the "cancel that" that withdraws,
            # nor the queue's own cancel or leaving ("never mind, remove me from the queue please")
            # (not "never mind, cancel that. I'll sort it myself")
            order_cancelled = (intent == "cancel_order" and cancellation_besides_the_queue(text) and not queue_cancelled
                               and not SORTED_ELSEWHERE.search(text))
            asked = asked and (intent != "cancel_order" or order_cancelled)
            if asked or order_cancelled:
                # "never mind, you can just tell me if my dress is coming today": answered at once
                dispatcher.utter_message(text=replies.left_queue(asked=True))
                return [SlotSet("handoff_queued", False), *hand_on(dispatcher, intent)]
            dispatcher.utter_message(text=replies.left_queue())
            return LEAVE_QUEUE
        position = handoff.queue_position(redis_client(), tracker.sender_id, s.handoff_timeout_seconds)
    except redis.RedisError:
        dispatcher.utter_message(text=replies.handoff_unavailable())
        return LEAVE_QUEUE
    if position is None:
        dispatcher.utter_message(text=replies.queue_timed_out())
        return LEAVE_QUEUE
    if answered_in_their_language(dispatcher, tracker):  # "¿Cuánto tiempo tengo que esperar?"
        dispatcher.utter_message(text=replies.still_queued(position, position * s.handoff_wait_minutes_per_person))
        return []
    if THEIR_REPLY_ASKED.search(text):
        # "will they email me?": how the person will answer, not our contact details
        dispatcher.utter_message(text=replies.how_they_reply(current_customer(tracker))
                                 + replies.still_queued(position, position * s.handoff_wait_minutes_per_person))
        return []
    if understood in ANSWERED_WHILE_QUEUED and (OPENING_ASKED.search(text) or not WAIT_ASKED.search(text)):
        # a question with a fixed answer ("and are they open on Sundays?") runs no business flow; one about
        # the wait ("what's the wait time", "how long till someone answers") is answered by the position alone
        dispatcher.utter_message(response=ANSWERED_WHILE_QUEUED[understood])
    # emotion first while waiting too: "honestly shocking service" gets an apology with the position
    # thanks read for sure ("come on I've been waiting ages now" is only a guess at goodbye)
    # more about the order ("its about my air fryer, it stopped working"): the person will read it too
    noted = replies.noted_for_them() if (understood in NOTED_WHILE_QUEUED and ABOUT_AN_ORDER.search(text)
                                         or PASS_IT_ON.search(text)) else ""
    feeling = mood(tracker)
    # a calm question about the wait is answered plainly even when the sentiment model reads "how many people before
    # me?" as strongly negative; only anger in the words themselves (insults, shouting) earns the apology then
    opening = courtesy_returned(understood, text) or ("No problem. " if staying else
                                                      replies.real_person() if REAL_PERSON_ASKED.search(text) else
                                                      "" if plainly_asks_the_wait(text) and not openly_upset_now(tracker)
                                                      else replies.empathy(feeling))
    opening += noted
    dispatcher.utter_message(text=opening + replies.still_queued(position, position * s.handoff_wait_minutes_per_person))
    return []


# "Ok I don't want to wait anymore, please cancel.": while waiting for a person, a "cancel" that names nothing else
# ends with the message is the wait's (not "cancel my order")
QUEUE_CANCELLED = re.compile(r"(?<!\bto )(?<!\bnot )(?<!n't )(?<!\bdont )(?<!\bnever )\bcancel(?:\s+(?:the (?:request|wait|queue)|my (?:request|place))"
                             r"(?: in (?:the )?(?:queue|line))?)?(?:\s+(?:please|pls|now|then|thanks|ta))?\W*$", re.IGNORECASE)


# what a customer waiting for a person may add about their order, which that person will read
NOTED_WHILE_QUEUED = frozenset({"order_status", "track_delivery", "cancel_order", "request_refund", "delivery_late",
                                "refund_not_received", "item_damaged", "wrong_item", "billing_charged_twice", "inform"})
# "can you let them know it's urgent", "tell them I'm out after 5"
PASS_IT_ON = re.compile(r"\b(?:let (?:them|the (?:agent|person|team)) know|tell (?:them|the (?:agent|person|team))|pass (?:it|that|this)"
                        r" on|make sure (?:they|the (?:agent|person)) (?:know|see))\b", re.IGNORECASE)
ABOUT_AN_ORDER = re.compile(r"\bord\W?\d|\b\d{5}\b|\border|\bparcel|\brefund|\bdeliver|\bitem|\b(?:my|the) (?!(?:turn|place"
                            r"|position|queue|wait|god|goodness|word|time|agent|person|team|advis[eo]r)\b)\w+", re.IGNORECASE)


# "is it a real person or another bot?" while waiting for one
REAL_PERSON_ASKED = re.compile(r"\b(?:real|actual|live|proper)\s+(?:person|human|people)\b|\b(?:another|a|just a)\s+(?:bot|robot)\b"
                               r"|\bis (?:it|that|this) (?:a )?(?:person|human)\b", re.IGNORECASE)


def courtesy_returned(understood: str, text: str) -> Optional[str]:
    """What opens the queue position after thanks or a goodbye: "You're welcome! " to thanks (said
    with a goodbye too: "ok thanks bye", or first: "thanks, no rush"), "Bye for now! " to a bare "bye"
    (the person still answers here); None after anything else."""
    # "thanks, no rush" opens with thanks whatever else it is read as
    # ("thanks for nothing", read as feedback, is no thanks)
    if (understood == "thanks" or understood == "goodbye" and THANKED.search(text)
            or understood in ("deny", "affirm") and THANKED.match(text.strip()) and "for nothing" not in text.lower()):
        return "You're welcome! "
    # "is it going to be much longer? I've got to go out soon" asks about the wait: no goodbye
    return "Bye for now! " if understood == "goodbye" and "?" not in text else None


def answer_not_understood(dispatcher: CollectingDispatcher, tracker: Tracker, response: str,
                          customer: Optional[Customer], then: Optional[str] = None) -> List[EventType]:
    """Emotion first: an upset message we cannot place gets empathy and a person, never 'rephrase'."""
    if tracker.get_slot("handoff_queued"):
        return answer_while_queued(dispatcher, tracker)
    if answered_in_their_language(dispatcher, tracker):
        return []
    # (not a message about something else that only reads as strongly negative: "What's the difference between an ISA
    # and a pension? My nephew keeps going on about it")
    if upset_now(tracker) and (not found_elsewhere(tracker) or openly_upset_now(tracker)):
        return answer_upset(dispatcher, tracker, customer)
    if RETURNS_LABEL_ASKED.search(tracker.latest_message.get("text") or "") and not found_elsewhere(tracker):
        # "Do I need to print a label or anything?": how sending it back works, which the model has no intent for
        # (not "I need to send something back to ASOS but I haven't got a printer for the label": theirs)
        dispatcher.utter_message(text=replies.returns_label())
        return []
    dispatcher.utter_message(response=response)
    if then:
        dispatcher.utter_message(text=then)
    return []


# how the returns label works: "do I need to print a label?", "I haven't got a printer for the label"
RETURNS_LABEL_ASKED = re.compile(r"\b(?:print\w*|printer)\b[^.?!]{0,40}\blabel|\blabel\b[^.?!]{0,40}\b(?:print\w*|printer)\b"
                                 r"|\b(?:where|how) do i (?:get|find) (?:the |a |my )?(?:returns? )?label\b"
                                 r"|\bdrop[- ]off point\b", re.IGNORECASE)


def about_their_own_order(dispatcher: CollectingDispatcher, tracker: Tracker,
                          customer: Optional[Customer]) -> Optional[List[EventType]]:
    """A signed-in customer pointing at one of their orders (a product: "where is my sofa"; its
    number without ORD; "the other one") is asking about that order (with the question they
    were just asked about, if any), whatever the NLU made of the wording; None when they point
    at none."""
    text = tracker.latest_message.get("text") or ""
    if customer is None or not (referred_orders(customer, text, tracker.get_slot("order_id"))
                                or listed_order_id(text, last_listing(tracker))):
        return None
    # the answer to "which order would you like to cancel?" is about cancelling it; any other
    # message naming a product asks where it is (never a cancellation the customer did not just ask for)
    topic = tracker.get_slot("order_topic") if asked_which_order(tracker) else request_repeated(tracker)
    return answer_order_request(dispatcher, tracker, topic or "order_status", customer)


# "same again for the sofa", "keep that, do the sofa instead": the last request, for another order
_SAME_AGAIN = re.compile(r"\b(?:instead|same (?:again|thing|for|with)|do the same)\b", re.IGNORECASE)


def request_repeated(tracker: Tracker) -> Optional[str]:
    """The order request of the customer's last few messages, when this one asks for it again about
    another order in so many words; None otherwise."""
    if not _SAME_AGAIN.search(tracker.latest_message.get("text") or ""):
        return None
    earlier = (m.intent for m in reversed(user_messages(tracker.events)[-1 - CORRECTIONS_FOLLOWED:-1]))
    return next((intent for intent in earlier if intent in ORDER_TOPICS), None)


def bot_words(tracker: Tracker) -> Iterator[str]:
    """What the assistant said, latest first."""
    return (e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "bot")


def last_bot_words(tracker: Tracker) -> str:
    """What the assistant said last."""
    return next(bot_words(tracker), "")


def last_bot_turn(tracker: Tracker) -> str:
    """Everything the assistant said after the customer's previous message (the answer and any offer)."""
    said: List[str] = []
    user_messages = 0
    for e in reversed(tracker.events):
        if e.get("event") == "user":
            user_messages += 1
            if user_messages == 2:
                break
        elif e.get("event") == "bot" and user_messages == 1:
            said.append(e.get("text") or "")
    return " ".join(reversed(said))


LISTINGS_REMEMBERED = 3


def last_listing(tracker: Tracker) -> str:
    """The assistant's latest message of its last few that listed several orders ("Which order do you
    mean: ORD-10001 (…) or ORD-10002 (…)?"): "and the first one?" may come after one was answered."""
    said = islice(bot_words(tracker), LISTINGS_REMEMBERED)
    return next((words for words in said if len(set(LISTED_ID.findall(words))) > 1), "")


# "can you not just tell me yes or no?", "what do you need from me to see it?", "That's annoying. Can't you…"
_A_QUESTION = re.compile(r"\?\s*$|(?:^|[.!?]\s)\W*(?:(?:oh|ah|but|so|well|ok|okay|look|seriously|honestly|come on|mate)\b\W*)*"
                         r"(?:why|what|how|can'?t|can|could|will|won'?t|just tell)\b", re.IGNORECASE)


# …about what they were refused ("do you sell gift cards?" is another question)
_ABOUT_IT = re.compile(r"\b(?:it|that|tell|told|see|show|check|yes or no|shipped|delivered|order|need)\b", re.IGNORECASE)


def pushing_back_on_sign_in(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether an anonymous customer, just asked to sign in, asks us to tell them anyway."""
    text = tracker.latest_message.get("text") or ""
    said = last_bot_words(tracker)
    return (customer is None and (replies.SIGN_IN_NEEDED in said or replies.SIGN_IN_OFFERED in said)
            and _A_QUESTION.search(text) is not None and _ABOUT_IT.search(text) is not None)


def asked_which_order(tracker: Tracker) -> bool:
    """Whether the assistant's last words were the question which order the customer means."""
    said = last_bot_words(tracker)
    return any(question in said for question in replies.WHICH_ORDER_OPENINGS)  # after an apology too


# what a customer adds to a "no" when the answer did not help ("nah it's still not there", "no, just sort it out")
STILL_UNHAPPY = re.compile(r"\b(?:not (?:happy|good enough|acceptable|okay|ok)|unacceptable|ridiculous"
                           r"|still (?:not|there|waiting|nothing|hasn'?t|haven'?t|isn'?t)|sort it(?: out)?|fix it)\b"
                           # "i dont want a link i want them on my doorstep": what was given is not what is wanted
                           r"|\b(?:i|we) (?:don'?t|dont|do not) want (?:a|an|the|your|another) "
                           r"(?!person|human|agent|bot|refund|replacement)\w+(?: \w+)?[,.;]? (?:i|we) (?:just )?"
                           r"(?:want|need)\b",
                           re.IGNORECASE)


def still_unhappy(tracker: Tracker) -> bool:
    """A "no" that says the last answer did not help, rather than dropping the request."""
    text = tracker.latest_message.get("text") or ""
    return latest_intent(tracker) == "deny" and not WITHDRAWAL.search(text) and STILL_UNHAPPY.search(text) is not None


def withdrawn(tracker: Tracker) -> bool:
    """'no', 'never mind', 'forget it': the customer drops what was being discussed."""
    return latest_intent(tracker) == "deny" or WITHDRAWAL.search(tracker.latest_message.get("text") or "") is not None


def answered_in_their_language(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A written message confidently in French, Spanish or German gets the reply in it. Not on
    the voice channel: its recogniser writes English only, so a caller's words are never another
    language's text."""
    if on_voice(tracker.events):
        return False
    foreign = language.foreign_reply(tracker.latest_message.get("text") or "")
    if foreign:
        dispatcher.utter_message(text=foreign)
    return foreign is not None


class ActionOutOfScope(Answering):
    """Not something we do, or not in English: say which; an angry outburst gets empathy and a person."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # another language was answered already, by Answering.run
        if taking_up_offer(tracker):
            return [FollowupAction("action_pending_request")]
        customer = current_customer(tracker)
        if pushing_back_on_sign_in(tracker, customer) and not anger_repeated(tracker):
            # "oh come on can't you just tell me yes or no", read as off-topic: why, not "outside what I can do"
            dispatcher.utter_message(text=replies.sign_in_why())
            return []
        events = None if surely_off_topic(tracker.latest_message) else about_their_own_order(dispatcher, tracker, customer)
        if events is not None:
            return events
        if (replies.REMEDIES_OFFERED in last_bot_turn(tracker) and OTHER_REMEDY.search(tracker.latest_message.get("text") or "")
                and not upset_now(tracker)):
            # "I don't need a replacement… Just a new manual would do.": a remedy of their own, which a person arranges
            dispatcher.utter_message(text=replies.other_remedy_wanted(customer))
            return [SlotSet("handoff_offered", True)]
        # "where's my amazon parcel??": another shop's parcel, or one of ours the customer thinks is theirs
        parcel = A_PARCEL_SPOKEN_OF.search(tracker.latest_message.get("text") or "")
        then = replies.if_ours(customer) if parcel else None
        if upset_elsewhere(tracker, customer):
            # "my bank app keeps logging me out every 5 seconds how do i fix it": upset, but not with us;
            # a kind word and what we do, not a person of ours offered for another company's app
            dispatcher.utter_message(text=replies.upset_elsewhere())
            dispatcher.utter_message(response="utter_out_of_scope")
            if then:
                dispatcher.utter_message(text=then)
            return []
        if shouted_elsewhere(tracker, customer):
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        return answer_not_understood(dispatcher, tracker, "utter_out_of_scope", customer, then)


def upset_elsewhere(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether the latest message, surely off-topic, is upset without being upset with us: read as
    negative, but neither insulting nor shouted ("I'm getting really f***ing sick of this" is with us), or
    scornful of something that is not ours in words the NLU read as calm ("Netflix make it impossible to cancel,
    it's a joke"; see plainly_elsewhere)."""
    latest = latest_user_message(tracker.events)
    scorn_elsewhere = (latest is not None and latest.sentiment.label == "neutral" and not shouting(latest.text)
                       and INSULTS.search(latest.text) is not None)
    return (upset_now(tracker) and (not openly_upset_now(tracker) or scorn_elsewhere)
            and surely_off_topic(tracker.latest_message) and plainly_elsewhere(tracker, customer))


# a short message in capitals is off-topic only when the model is this sure ("WHO WILL WIN THE NEXT ELECTION")
SURELY_OFF_TOPIC_SHOUTED = 0.8


def shouted_elsewhere(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether the latest message, plainly off-topic, is only written in capitals: not read as negative, not
    insulting ("WHO WILL WIN THE NEXT ELECTION" asks, it does not shout at us; see plainly_elsewhere)."""
    latest = latest_user_message(tracker.events)
    confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
    return (latest is not None and latest.sentiment.label != "negative" and shouting(latest.text)
            and not INSULTS.search(latest.text) and plainly_elsewhere(tracker, customer)
            and (surely_off_topic(tracker.latest_message) or confidence >= SURELY_OFF_TOPIC_SHOUTED))


def found_elsewhere(tracker: Tracker) -> bool:
    """Whether the NLU found the latest message about something not ours (ParseResult.elsewhere)."""
    latest = latest_user_message(tracker.events)
    return latest is not None and latest.parse.elsewhere


def plainly_elsewhere(tracker: Tracker, customer: Optional[Customer]) -> bool:
    """Whether the latest message, read as off-topic, names nothing the customer ordered ("oh yeah is the
    air fryer under warranty" is about ours) nor our service (unless the NLU found it another company's), in a
    conversation about nothing of ours, with no anger of this conversation come back and no person awaited."""
    text = tracker.latest_message.get("text") or ""
    # words of business the NLU found to be another company's ("HOW CAN I CANCEL NETFLIX? THEY'RE STILL CHARGING ME")
    # are not ours
    business_words = not found_elsewhere(tracker) and (
        A_PARCEL_SPOKEN_OF.search(text) is not None or OUR_BUSINESS_SPOKEN_OF.search(text) is not None
        or A_FAULT_TOLD.search(text) is not None and NOT_A_THING_OF_OURS.search(text) is None)
    ours = (customer is not None and bool(referred_orders(customer, text, None)) or AIMED_AT_US.search(text) is not None
            or business_words)
    return (not tracker.get_slot("handoff_queued") and not anger_returned(tracker) and not ours
            and not business_discussed(tracker))


# what the conversation may already be about: after "…The DPD tracking hasn't moved since", "I've checked with my
# neighbours. Nobody has it. I need them for a race on Sunday." is more of the same, however the NLU reads it
BUSINESS_INTENTS = frozenset({*COMPLAINT_INTENTS, "order_status", "track_delivery", "cancel_order", "request_refund",
                              "account_access", "speak_to_human"})


def business_discussed(tracker: Tracker) -> bool:
    """Whether an order, a complaint or the account was asked about earlier in the conversation, or an order is
    being discussed."""
    if tracker.get_slot("order_id"):
        return True
    earlier = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return any(((e.get("parse_data") or {}).get("intent") or {}).get("name") in BUSINESS_INTENTS for e in earlier)


# the feeling aimed at us: "…you should be ashamed of yourselves", "your service is a joke" (not "can you help me…")
AIMED_AT_US = re.compile(r"\b(?:you|u|ya)(?:'re| are| r| should| lot| people| guys| never| always| keep)\b"
                         r"|\byourselves\b|\b(?:having|have|had) to (?:do|go through|explain|chase) (?:this|it|all this)\b"
                         r"|\b(?:your|ur|this) (?:service|company|shop|site|website|app|bot|chat|team|staff"
                         r"|customer service)\b"
                         # "what a load of absolute sh*te this is"
                         r"|\bthis (?:is|was)\W*$|\bwhat a (?:load|joke|shambles|waste|farce)\b", re.IGNORECASE)


# what the customer would rather have than the replacement or refund offered ("just a new manual would do")
OTHER_REMEDY = re.compile(r"\b(?:just|instead|rather|would do|will do|a new|another|send me)\b", re.IGNORECASE)


# a refund, a charge or an account spoken of: "i've been trying for an hour to find where my refund went"
OUR_BUSINESS_SPOKEN_OF = re.compile(r"\b(?:refund\w*|charg\w*|account|sign(?:ed|ing)? in|log(?:ged|ging)? in|password"
                                    r"|return\w*)\b", re.IGNORECASE)


# a fault in a thing the customer has, most likely from us: "The fridge has been knocking loudly since day one and now
# the freezer section isn't freezing"
A_FAULT_TOLD = re.compile(r"\b(?:is ?n'?t|won'?t|wont|does ?n'?t|does not|is not|stopped)\s+(?:\w+\s+)?(?:work(?:ing)?"
                          r"|freez(?:e|ing)|cool(?:ing)?|heat(?:ing)?|charg(?:e|ing)|turn(?:ing)? on|switch(?:ing)? on|spin(?:ning)?"
                          r"|drain(?:ing)?|boil(?:ing)?)\b|\bsince day one\b|\b(?:knocking|leaking|rattling|sparking|overheating)\b",
                          re.IGNORECASE)
# …unless it is something no shop sold them: "my bank app isn't working and I'm so fed up"
NOT_A_THING_OF_OURS = re.compile(r"\b(?:app|website|site|online banking|bank|wi-?fi|internet|broadband|boiler|car|heating"
                                 r"|radiator|tap|toilet)\b", re.IGNORECASE)


# a parcel or an order spoken of, whoever's it is
A_PARCEL_SPOKEN_OF = re.compile(r"\b(?:parcels?|packages?|deliver(?:y|ies|ed)|orders?|ordered|couriers?)\b",
                                re.IGNORECASE)


# "any tips for getting limescale out of a kettle?": an off-topic question of some length names
# the customer's product without pointing at their order; a short one ("and the kettle?") still
# points at it, and so may a longer one the model was unsure of.
SURELY_OFF_TOPIC = 0.5
POINTER_WORDS = 6


# …and one of any length asking for advice, a tip or a joke ("any good air fryer recipes?", "how do I
# descale a kettle", "tell me a joke about kettles") is about the thing, not the customer's order of it
ABOUT_THE_THING = re.compile(r"\bhow (?:do|can|should|would|long|often|much) (?:i|you|we|one|it)\b|\brecipes?\b|\btips?\b"
                             r"|\bbest (?:way|\w+ for)\b|\bany good\b|\bgoes? with\b|\bworth (?:it|getting|buying)\b"
                             r"|\b(?:descal|clean)\w*|\b(?:jokes?|poems?|songs?|fun facts?|facts? about|history of|healthier"
                             r"|better than|versus|vs)\b", re.IGNORECASE)


def surely_off_topic(message: Dict[Text, Any]) -> bool:
    confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
    text = message.get("text") or ""
    return confidence >= SURELY_OFF_TOPIC and (len(text.split()) > POINTER_WORDS or ABOUT_THE_THING.search(text) is not None)


class ActionRephrase(Answering):
    """The NLU could not place the message (nlu_fallback)."""

    def name(self) -> Text:
        return "action_rephrase"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if tracker.get_slot("handoff_queued"):
            return answer_while_queued(dispatcher, tracker)
        if taking_up_offer(tracker):
            return [FollowupAction("action_pending_request")]
        customer = current_customer(tracker)
        corrected = number_corrected(tracker, customer)
        if corrected is not None:
            return answer_order_request(dispatcher, tracker, corrected[0], customer, order_id=corrected[1])
        guess = interchangeable_guess(tracker)
        if guess == "delivery_late":
            return answer_complaint(dispatcher, tracker, guess, customer)
        if guess:
            return answer_order_request(dispatcher, tracker, guess, customer)
        events = order_change_asked(dispatcher, tracker, customer)
        if events is not None:
            return events
        events = about_their_own_order(dispatcher, tracker, customer)
        if events is not None:
            return events
        events = question_about_the_order(dispatcher, tracker, customer)
        if events is not None:
            return events
        events = question_for_the_shop(dispatcher, tracker, customer)
        if events is not None:
            return events
        if pushing_back_on_sign_in(tracker, customer) and not anger_repeated(tracker):
            dispatcher.utter_message(text=replies.sign_in_why())
            return []
        return answer_not_understood(dispatcher, tracker, "utter_please_rephrase", customer)


# "How long will that take?", "Do I need to print a label or anything?"
A_QUESTION = re.compile(r"\?\s*$|^\W*(?:how|what|when|where|why|which|who|do|does|did|can|could|will|would|is|are"
                        r"|should)\b", re.IGNORECASE)


def question_about_the_order(dispatcher: CollectingDispatcher, tracker: Tracker,
                             customer: Optional[Customer]) -> Optional[List[EventType]]:
    """A question we cannot place, asked while a signed-in customer's order is being discussed or
    right after a complaint: a follow-up about it ("how long will that take?" after a replacement,
    "will anyone actually do anything about it?" after a complaint about the driver). Asking them to rephrase
    would loop; a person who can see the conversation can answer it, so one is offered. None when
    no order is being discussed, the message is no question, or it is upset (answered as such)."""
    order = customer.order(tracker.get_slot("order_id")) if customer and tracker.get_slot("order_id") else None
    text = tracker.latest_message.get("text") or ""
    said = user_messages(tracker.events)
    previous = said[-2].intent if len(said) > 1 else ""
    after_complaint = previous in (*COMPLAINT_INTENTS, "give_feedback")
    # the order remembered all conversation counts only while it is still being talked about
    order = order if previous in (*ORDER_TOPICS, "inform") or after_complaint else None
    if (order is None and not after_complaint) or not A_QUESTION.search(text) or upset_now(tracker) \
            or tracker.get_slot("handoff_queued"):
        return None
    dispatcher.utter_message(text=replies.question_for_the_team(order, customer))
    return [SlotSet("handoff_offered", True)]


# A cancellation is said in words of calling it off: "my phone case order - can i add another item to
# it?", read by the model as one, must never cancel the order (typed slips of "cancel" count: "cancle", "cnacel")
CANCEL_WORDS = re.compile(
    r"\b[ck]\w{0,2}n\w{0,2}[csk]\w{0,3}l|\bcanel|\bcanc|\bstop|(?:don'?t|dont|do not|not|no longer|n'?t) (?:\w+ )?(?:want|need)"
    r"|\bno need|chang\w* (?:my|me) mind|call\w* (?:it |this |that |the \w+ )?off|\bscrap|\bundo|get rid|\babort|withdraw"
    r"|\bremove|\bdelete|back out|\bhalt|\bpull|rather not|never ?mind|mistake|by accident|accidental|\bbin (?:\w+ )?off"
    r"|\bbin (?:it|that|them)|(?:don'?t|dont|do not|not to) (?:send|ship|dispatch)|\bkeep|instead",
    re.IGNORECASE)


# "my phone case order - can i add another item to it?", "can i change the size on my trainers order": a
# change to an order, which only our team can make (not its address: address_change_asked)
ORDER_CHANGE = re.compile(r"\badd (?:another|an?|more|one more|something|an extra|extra|a few)\b[^.!?]{0,30}\b(?:to|onto|in)\b"
                          r"|\b(?:change|amend|edit|modify|swap|switch|update)\b (?:the |my )?(?:size|colou?r|quantity|items?"
                          r"|model|style)\b[^.!?]{0,20}\b(?:on|of|in|for)\b(?:[^.!?]{0,20})\b(?:order|it)\b",
                          re.IGNORECASE)


def order_change_asked(dispatcher: CollectingDispatcher, tracker: Tracker,
                       customer: Optional[Customer]) -> Optional[List[EventType]]:
    """A change to an order the NLU cannot place (see ORDER_CHANGE): a person who can make it is
    offered, about the order named if any, rather than its status; None when no change is asked, or
    the customer is queued already or upset (answered as such)."""
    text = tracker.latest_message.get("text") or ""
    if not ORDER_CHANGE.search(text) or tracker.get_slot("handoff_queued") or upset_now(tracker):
        return None
    named = referred_orders(customer, text) if customer else []
    dispatcher.utter_message(text=replies.question_for_the_team(named[0] if len(named) == 1 else None, customer))
    return [SlotSet("handoff_offered", True)]


# what a shop is asked about beyond orders: "is there a discount code for first orders", "can i get a
# gift receipt", "do you take klarna"
SHOP_MATTERS = re.compile(r"\b(?:discount|voucher|promo|coupon|codes?|gift (?:cards?|receipts?|wrap\w*|messages?)|receipts?"
                          r"|invoices?|vat|price ?match\w*|warrant(?:y|ies)|guarantee|in stock|stock|size guide|sizing"
                          r"|click and collect|stores?|branch(?:es)?|loyalty|points|membership|newsletter|unsubscrib\w*"
                          r"|klarna|paypal|clearpay|apple pay|instal?ments?|pay(?:ment)? (?:options|methods)|student"
                          r"|black friday|sale items?|pre-?orders?|back in stock|(?:delete|close) (?:my )?account)\b",
                          re.IGNORECASE)


# "I think I've been scammed, I paid but never got a confirmation email": money the customer is unsure
# about, asked or not, is for a person who can see the payments
MONEY_WORRY = re.compile(r"\b(?:paid|payed|charged|payment|debited|money (?:was |has been )?taken|scam\w*|fraud\w*)\b",
                         re.IGNORECASE)


def question_for_the_shop(dispatcher: CollectingDispatcher, tracker: Tracker,
                          customer: Optional[Customer]) -> Optional[List[EventType]]:
    """A plain question about the shop the NLU cannot place ("can i get a gift receipt?"), or a worry
    about money: asking to rephrase would loop, and one of our team can answer it, so one is offered.
    None when the message is neither, or is upset (answered as such)."""
    text = tracker.latest_message.get("text") or ""
    asked = (A_QUESTION.search(text) and SHOP_MATTERS.search(text)) or MONEY_WORRY.search(text)
    if not asked or upset_now(tracker) or tracker.get_slot("handoff_queued"):
        return None
    dispatcher.utter_message(text=replies.question_for_the_team(None, customer))
    return [SlotSet("handoff_offered", True)]


def without_order_number(dispatcher: CollectingDispatcher, tracker: Tracker,
                         customer: Optional[Customer]) -> List[EventType]:
    """A customer without their order number: a signed-in one needs none (their orders are listed
    to pick from); an anonymous one gets sign-in and a person offered, as in the order form."""
    if customer is not None and customer.orders:
        dispatcher.utter_message(text=replies.no_number_needed(customer),
                                 buttons=replies.order_buttons(list(customer.orders)))
        return []
    dispatcher.utter_message(text=replies.no_order_number(mood(tracker).upset))
    return [SlotSet("handoff_offered", True)]


def declined_after_complaint(tracker: Tracker) -> bool:
    """Whether the customer's answer to a complaint's reply is a plain no ("nah, leave it, I'll give
    them till tomorrow"), not a correction ("no wait, I meant the trainers")."""
    said = user_messages(tracker.events)
    text = tracker.latest_message.get("text") or ""
    plain = PLAIN_NO.match(_INTERJECTION.sub("", text)) is not None or PERSON_REFUSED.search(text) is not None
    return (latest_intent(tracker) == "deny" and len(said) > 1 and said[-2].intent in COMPLAINT_INTENTS
            and plain and not CORRECTION.search(WILL_WAIT.sub(" ", text)))


# "nah its ok, ill wait a bit longer", "No need, thanks. I'll wait and see": the customer's own wait, not the "wait"
# of a correction ("no wait, I meant the trainers")
# (not a wait refused: "No, I can't wait until next week", "no I won't wait longer")
WILL_WAIT = re.compile(r"(?<!n't )(?<!nt )(?<!not )(?<!cannot )(?<!refuse to )(?<!going to )"
                       r"\b(?:i'?ll|ill|i will|will|i can|happy to|i'?m happy to|just)\s+(?:just\s+)?wait\b"
                       r"|(?<!n't )(?<!nt )(?<!not )(?<!cannot )(?<!refuse to )(?<!going to )(?<!no )"
                       r"\bwait (?:and see|a bit|a while|a little|a (?:few|couple)|longer|till|until|for)\b", re.IGNORECASE)


# "ah no don't worry…": a sound before the no
_INTERJECTION = re.compile(r"^\W*(?:ah|oh|erm|um|hmm|well|ok|okay)\b\W*", re.IGNORECASE)


class ActionDefaultFallback(Action):
    """Rasa's own fallback when no policy knows what to do next, answered the same way."""

    def name(self) -> Text:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        customer = current_customer(tracker)
        if not tracker.get_slot("handoff_queued"):
            kept = cancellation_taken_back(dispatcher, tracker, customer)
            if kept is not None:
                return ending_turn(kept)
            if declined_after_complaint(tracker):
                # "nope, leave it, I'll give DPD until tomorrow" after a complaint answered with no offer made:
                # a no to more help, not a question about the courier it names
                return [FollowupAction("action_decline_handoff")]
            # "oh wait, I meant the trainers": a product of theirs named is a question about that order
            events = about_their_own_order(dispatcher, tracker, customer)
            if events is not None:
                return ending_turn(events)
            said = latest_order_id(tracker) or order_number_said(tracker.latest_message.get("text") or "")
            text = tracker.latest_message.get("text") or ""
            if (customer is None and said is not None and latest_intent(tracker) == "deny" and CORRECTION.search(text)
                    and not WITHDRAWAL.search(text) and not NOT_WANTED.search(text)):
                # "no sorry i read it wrong, its three zero zero zero one": a number corrected, not a no
                topic = earlier_request(tracker, customer) or "order_status"
                return ending_turn(answer_order_request(dispatcher, tracker, topic, customer, order_id=said))
            if pushing_back_on_sign_in(tracker, customer) and not anger_repeated(tracker):
                # "can you not just tell me yes or no?", read as a no
                dispatcher.utter_message(text=replies.sign_in_why())
                return ending_turn([])
            if NO_ORDER_NUMBER.search(tracker.latest_message.get("text") or ""):
                # "i dont have the order number on me", read as a no, outside the order form
                return ending_turn(without_order_number(dispatcher, tracker, customer))
            if still_unhappy(tracker) and not upset_now(tracker):
                # "nah it's still there after 4 days, not happy": a no to the answer, not to the request
                dispatcher.utter_message(text=replies.not_sorted(customer))
                return ending_turn([SlotSet("handoff_offered", True)])
            if withdrawn(tracker) and not upset_now(tracker):
                # "actually never mind" with nothing offered (after "which order?"): nothing to undo
                dispatcher.utter_message(text=replies.form_left())
                return ending_turn([SlotSet("order_topic", None), SlotSet("pending_request", None)])
            if latest_intent(tracker) == "affirm" and not upset_now(tracker):
                # "yes please" after an answer that offered nothing: nothing to confirm, so ask what is next
                dispatcher.utter_message(response="utter_what_else")
                return ending_turn([])
        events = answer_not_understood(dispatcher, tracker, "utter_default", customer)
        if events:
            # a revert would undo the slots just set (the offer of a person); end the turn instead
            return ending_turn(events)
        # as Rasa's own: the message that confused the policies does not count as dialogue history
        return [UserUtteranceReverted()]


class ValidateOrderForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_order_form"

    def validate_order_id(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: Dict[Text, Any]) -> Dict[Text, Any]:
        value = slot_value[-1] if isinstance(slot_value, list) else slot_value
        normalised = normalise_order_id(str(value or ""))
        if len(normalised) == 9 and normalised.startswith("ORD-"):
            return {"order_id": normalised}
        said = order_number_said(str(value or ""))  # the whole answer, from_text: "yeah its four zero zero zero one"
        if said is not None:
            return {"order_id": said}
        dispatcher.utter_message(response="utter_invalid_order_id")
        return {"order_id": None}

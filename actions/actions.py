"""The custom actions Rasa calls. Each is thin: it reads the tracker, calls plain functions, replies."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

import redis
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff, replies
from actions.profiles import Customer, Order, ProfileStore, normalise_order_id
from actions.settings import ActionSettings
from actions.tone import Mood, mood_from_events, should_offer_human
from contracts.identity import claim_from_events, verify_identity_claim

ORDER_TOPICS = ("order_status", "track_delivery", "cancel_order", "request_refund")


@lru_cache(maxsize=1)
def settings() -> ActionSettings:
    return ActionSettings().checked_secrets()


# rasa_sdk imports this module at start: a missing or weak secret stops the server there,
# not at a customer's first message.
settings()


@lru_cache(maxsize=1)
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings().redis_url, decode_responses=True, socket_timeout=2)


def current_customer(tracker: Tracker) -> Optional[Customer]:
    """The customer our channel's identity claim names for this sender; None (anonymous) otherwise."""
    claim = claim_from_events(tracker.events)
    customer_id = verify_identity_claim(claim, tracker.sender_id, settings().identity_claim_secret)
    return ProfileStore(redis_client()).get(customer_id) if customer_id else None


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def mood(tracker: Tracker) -> Mood:
    return mood_from_events(tracker.events)


def maybe_offer_human(dispatcher: CollectingDispatcher, tracker: Tracker,
                      customer: Optional[Customer], is_complaint: bool) -> List[EventType]:
    s = settings()
    if should_offer_human(mood(tracker), customer.tier if customer else None, is_complaint,
                          s.top_tiers, s.negative_messages_before_human):
        dispatcher.utter_message(text=replies.offer_human(customer))
        return [SlotSet("handoff_offered", True)]
    return []


def resolve_order(tracker: Tracker, customer: Optional[Customer]) -> tuple[Optional[str], Optional[Order]]:
    """The order the customer means: one they named, else (signed in) their latest."""
    named = tracker.get_slot("order_id")
    order_id = normalise_order_id(named) if named else None
    if customer is None:
        return order_id, None
    if order_id:
        return order_id, customer.order(order_id)
    latest = customer.latest_order()
    return (latest.order_id if latest else None), latest


class ActionGreet(Action):
    def name(self) -> Text:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(text=replies.greeting(current_customer(tracker)))
        return []


class ActionOrderRequest(Action):
    """Status, tracking, cancellation and refund of one order; asks for the id when it must."""

    def name(self) -> Text:
        return "action_order_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        topic = intent if intent in ORDER_TOPICS else (tracker.get_slot("order_topic") or "order_status")
        customer = current_customer(tracker)
        order_id, order = resolve_order(tracker, customer)
        prefix = replies.empathy(mood(tracker))
        if customer is None:
            if order_id is None:
                # Ask for the id (the form), then come back here with the topic remembered.
                return [SlotSet("order_topic", topic), FollowupAction("order_form")]
            dispatcher.utter_message(text=prefix + replies.anonymous_order_reply(order_id))
            return [SlotSet("order_topic", None), SlotSet("order_id", None)]
        if order_id is None:
            dispatcher.utter_message(text=prefix + replies.no_orders_reply(customer))
            return []
        if order is None:
            dispatcher.utter_message(text=prefix + replies.unknown_order_reply(order_id, customer))
            return [SlotSet("order_id", None)]
        dispatcher.utter_message(text=prefix + replies.order_reply(topic, order, customer))
        if topic == "cancel_order" and order.status == "processing":
            order.status = "cancellation_requested"
            ProfileStore(redis_client()).put(customer)
        return [SlotSet("order_topic", None), *maybe_offer_human(dispatcher, tracker, customer, False)]


class ActionHandleComplaint(Action):
    def name(self) -> Text:
        return "action_handle_complaint"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        customer = current_customer(tracker)
        _, order = resolve_order(tracker, customer)
        dispatcher.utter_message(text=replies.complaint_reply(latest_intent(tracker), customer, order))
        return maybe_offer_human(dispatcher, tracker, customer, True)


class ActionHandoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        customer = current_customer(tracker)
        reason = "customer asked" if latest_intent(tracker) == "speak_to_human" else "offered after " + (
            "negative sentiment" if mood(tracker).negative_messages else "top-tier complaint")
        try:
            position = handoff.enqueue(redis_client(), tracker.sender_id, reason, handoff.summarise(tracker.events),
                                       customer.customer_id if customer else None, customer.tier if customer else None)
        except redis.RedisError:
            dispatcher.utter_message(text=replies.handoff_unavailable())
            return [SlotSet("handoff_offered", False)]
        wait = position * settings().handoff_wait_minutes_per_person
        dispatcher.utter_message(text=replies.handoff_reply(position, wait, customer))
        return [SlotSet("handoff_offered", False)]


class ActionDeclineHandoff(Action):
    def name(self) -> Text:
        return "action_decline_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(response="utter_no_handoff")
        return [SlotSet("handoff_offered", False)]


class ValidateOrderForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_order_form"

    def validate_order_id(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: Dict[Text, Any]) -> Dict[Text, Any]:
        value = slot_value[-1] if isinstance(slot_value, list) else slot_value
        normalised = normalise_order_id(str(value or ""))
        if len(normalised) == 9 and normalised.startswith("ORD-"):
            return {"order_id": normalised}
        dispatcher.utter_message(response="utter_invalid_order_id")
        return {"order_id": None}

"""What only calls have: the wordless moments (the call connects, the caller stays silent) and
the caller's check of who they are (actions.verification).

The speech service sends these as intents (contracts.signals). Repeated silence ends the
call politely: the reply carries `{"end_call": true}`, which the voice channel passes on.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.actions import (answer_order_request, current_customer, latest_intent, redis_client, settings,
                             token_customer)
from actions.routing import LISTEN, end_turn_if_handed_on, ending_turn, hand_on
from actions.verification import (ATTEMPTS_SLOT, MAX_ATTEMPTS, ORDER_SLOT, VERIFIED_SLOT, VERIFYING_SLOT, claim_for,
                                  last_four, matches, owner_of)
from contracts.signals import NO_INPUT, NOT_UNDERSTOOD


def silences_in_a_row(events: List[Dict[str, Any]]) -> int:
    """How many of the latest user messages, counting back from the newest, were no-input events."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "user":
            continue
        if (event.get("parse_data") or {}).get("intent", {}).get("name") != NO_INPUT:
            break
        count += 1
    return count


class ActionCallConnected(Action):
    def name(self) -> Text:
        return "action_call_connected"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # A call id can connect again (a dropped stream, or anyone who learnt a finished call's
        # id where signatures are not checked): who a caller proved to be belongs to the
        # connection they proved it on, so each connection starts unverified and is greeted
        # only by the name a signed token gives it.
        dispatcher.utter_message(text=replies.call_greeting(token_customer(tracker)))
        return [SlotSet(VERIFIED_SLOT, None), SlotSet(VERIFYING_SLOT, False), SlotSet(ORDER_SLOT, None),
                SlotSet(ATTEMPTS_SLOT, None)]


class ActionNoInput(Action):
    def name(self) -> Text:
        return "action_no_input"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if silences_in_a_row(tracker.events) > settings().no_input_reprompts:
            dispatcher.utter_message(text=replies.silent_goodbye(), json_message={"end_call": True})
        else:
            dispatcher.utter_message(response="utter_no_input")
        # run by the order form's dispatcher, it must end the turn itself (the form goes on)
        return end_turn_if_handed_on(tracker.latest_action_name, [])


class ActionVerifyCaller(Action):
    """The caller's answer to "the last four digits of the phone number on your account?"."""

    def name(self) -> Text:
        return "action_verify_caller"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = latest_intent(tracker)
        if intent in (NO_INPUT, NOT_UNDERSTOOD):  # the line, not an answer: ask again, still verifying
            return hand_on(dispatcher, intent)
        stop = [SlotSet(VERIFYING_SLOT, False), SlotSet(ORDER_SLOT, None), SlotSet(ATTEMPTS_SLOT, None)]
        digits = last_four(tracker.latest_message.get("text") or "")
        if digits is None and intent not in ("inform", "nlu_fallback", "affirm", "deny"):
            return [*stop, *hand_on(dispatcher, intent)]  # the caller moved on to something else
        order_id = tracker.get_slot(ORDER_SLOT) or ""
        owner = owner_of(redis_client(), order_id) if digits else None
        if owner is not None and matches(owner, digits):
            claim = claim_for(owner, tracker.sender_id, settings().identity_claim_secret,
                              settings().verified_caller_ttl_seconds)
            dispatcher.utter_message(text=replies.caller_verified(owner))
            topic = tracker.get_slot("order_topic") or "order_status"
            # about the order the caller proved, not a number the tagger saw in their phone digits
            # ("0-1-2-3." once read as order "3")
            answered = answer_order_request(dispatcher, tracker, topic, owner, order_id=order_id)
            return [SlotSet(VERIFIED_SLOT, claim), *stop, *ending_turn(answered)]
        attempts = int(tracker.get_slot(ATTEMPTS_SLOT) or 0) + 1
        if attempts >= MAX_ATTEMPTS:  # never say whether the order or the number was wrong
            dispatcher.utter_message(text=replies.verification_failed())
            return [*stop, SlotSet("order_topic", None), *LISTEN]
        dispatcher.utter_message(text=replies.verification_retry())
        return [SlotSet(ATTEMPTS_SLOT, attempts), *LISTEN]

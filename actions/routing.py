"""Which action answers which intent: the one-step rules of bot/data/rules.yml as a table.

Actions that must answer an intent themselves (leaving the order form for another request,
answering whatever follows the rating question) look it up here; a unit test keeps this
table and rules.yml in agreement.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

ACTION_FOR_INTENT: Dict[str, str] = {
    "greet": "action_greet",
    "goodbye": "utter_goodbye",
    "thanks": "utter_youre_welcome",
    "bot_challenge": "action_bot_challenge",
    "out_of_scope": "action_out_of_scope",
    "nlu_fallback": "action_rephrase",
    "account_access": "action_account_access",
    "product_recommendation": "action_product_recommendation",
    "opening_hours_contact": "utter_opening_hours",
    "give_feedback": "action_feedback",
    "speak_to_human": "action_handoff",
    "order_status": "action_order_request",
    "track_delivery": "action_order_request",
    "cancel_order": "action_order_request",
    "request_refund": "action_order_request",
    "inform": "action_order_request",
    "delivery_late": "action_handle_complaint",
    "item_damaged": "action_handle_complaint",
    "wrong_item": "action_handle_complaint",
    "refund_not_received": "action_handle_complaint",
    "billing_charged_twice": "action_handle_complaint",
    # call events (contracts.signals)
    "call_connected": "action_call_connected",
    "no_input": "action_no_input",
    "not_understood": "utter_ask_repeat",
}

# "cancel" and nothing else: a withdrawal, as "never mind" is, not an order to cancel
_CANCEL_ALONE = r"^\s*cancel(?=\W*$)"
# "stop", "stop it" said alone: whatever is under way stops (not "stop sending me emails")
_STOP_ALONE = r"^\s*(?:stop|stop it|stop that|stop this|please stop|stop please)(?=\W*$)"


def cancel_alone(text: str) -> bool:
    """Whether `text` is the word "cancel" alone (see _CANCEL_ALONE)."""
    return re.match(_CANCEL_ALONE, text, re.IGNORECASE) is not None


# What a customer says to stop what is under way (a form, the queue for a person).
WITHDRAWAL = re.compile(r"\b(never ?mind|nvm|forget (it|that|about it)|cancel (that|it|the request)|" + _CANCEL_ALONE + r"|" + _STOP_ALONE + r"|scrap (that|it)|don'?t (want|need) to wait"
                        r"|leave the queue|changed my mind|i'?ll stay with you|doesn'?t matter|not important"
                        # "ok I'll leave it then": giving up on it
                        r"|i'?ll (?:just )?leave it(?: (?:then|there|for now|for today))?\W*$"
                        r"|don'?t bother|no need any ?more|i'?ll (sort|figure|work) it out( myself)?|i'?ll (sort|do) it myself|(i'?ve |i have )?(sorted|fixed) it|(don'?t|dont) worry,? (just|about (it|that|the (person|agent|human)))"
                        # "sorry wrong button": the person was never wanted
                        r"|wrong button|pressed (that|it|the wrong \w+) by (mistake|accident)|didn'?t mean to (press|click|ask)"
                        r"|(clicked|pressed|tapped) (that|it) by (mistake|accident))\b",
                        re.IGNORECASE)


# The actions that answer a request of the customer's own (not a reaction such as "no").
_ANSWERING_A_REQUEST = frozenset({"action_order_request", "action_handle_complaint", "action_account_access",
                                  "action_product_recommendation", "utter_opening_hours"})


def another_request(intent: str, topic: str | None) -> bool:
    """'Forget that, I just want a refund' while the form asks about tracking: the withdrawal
    is of the form's topic, the refund a request to answer. A cancellation is not counted:
    'cancel that' withdraws."""
    return (intent not in (topic, "cancel_order", "inform")
            and ACTION_FOR_INTENT.get(intent) in _ANSWERING_A_REQUEST)


# Actions that hand the message on to the action answering its intent (FollowupAction).
DISPATCHERS = frozenset({"action_pending_request", "action_leave_form", "action_rating", "action_while_queued"})
LISTEN: List[EventType] = [FollowupAction("action_listen")]
# The order form stopped, its question no longer asked
FORM_STOPPED: List[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]


def fixed_response(intent: str) -> Optional[str]:
    """The response that answers `intent` on its own (opening hours, account access…), or None
    when a custom action answers it."""
    action = ACTION_FOR_INTENT.get(intent, "")
    return action if action.startswith("utter_") else None


def hand_on(dispatcher: CollectingDispatcher, intent: str) -> List[EventType]:
    """Answer `intent` as its rule would: a response is sent here and the turn ends; a custom
    action runs next (and ends the turn itself, see `end_turn_if_handed_on`)."""
    response = fixed_response(intent)
    if response is not None:
        dispatcher.utter_message(response=response)
        return LISTEN
    return [FollowupAction(ACTION_FOR_INTENT.get(intent, "action_rephrase"))]


def ending_turn(events: List[EventType]) -> List[EventType]:
    """`events`, ending the turn: unless they already hand on to another action (a form)."""
    return events if any(e.get("event") == "followup" for e in events) else [*events, *LISTEN]


def end_turn_if_handed_on(latest_action: str, events: List[EventType]) -> List[EventType]:
    """An action run by a dispatcher matches no rule's history, so no policy would know that the
    turn is over: it says so itself."""
    return ending_turn(events) if latest_action in DISPATCHERS else events

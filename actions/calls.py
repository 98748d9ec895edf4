"""What the assistant says at a call's wordless moments: it connects, the caller stays silent.

The speech service sends these as intents (contracts.signals). Repeated silence ends the
call politely: the reply carries `{"end_call": true}`, which the voice channel passes on.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.actions import current_customer, settings
from actions.routing import end_turn_if_handed_on
from contracts.signals import NO_INPUT


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
        dispatcher.utter_message(text=replies.call_greeting(current_customer(tracker)))
        return []


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

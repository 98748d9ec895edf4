"""Several requests in one message (the NLU's `requests`): answer the first, offer the next.

The NLU puts the request to answer first in `intent` and lists all of them with the clause
that asks each. The answering action calls `actions.actions.follow_up`: the next request not answered
alike is offered ("I can also … — shall I?"), kept in the `pending_request` slot, and run
by `action_pending_request` when the customer accepts.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk.events import EventType, SlotSet

# Intents whose answers serve each other's askers: where the parcel is, and whether it is late.
INTERCHANGEABLE = (frozenset({"order_status", "track_delivery", "delivery_late"}),)


def answered_alike(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in INTERCHANGEABLE)


def message_requests(latest_message: Mapping[str, Any]) -> List[Dict[str, Any]]:
    return [r for r in latest_message.get("requests") or [] if isinstance(r, dict) and r.get("intent")]


def clause_of(latest_message: Mapping[str, Any], intent: str) -> str:
    """The words that ask for `intent`: its clause when the message held several requests,
    else the whole message (so the sofa complaint is not matched against the phone case)."""
    for r in message_requests(latest_message):
        if r["intent"] == intent and r.get("text"):
            return str(r["text"])
    return str(latest_message.get("text") or "")


def next_request(latest_message: Mapping[str, Any], handled: str) -> Optional[Dict[str, str]]:
    """The first request of the message that the answer to `handled` does not already cover."""
    for r in message_requests(latest_message):
        if not answered_alike(r["intent"], handled):
            return {"intent": str(r["intent"]), "text": str(r.get("text") or "")}
    return None


def offered(pending: Mapping[str, Any]) -> List[EventType]:
    """The slots of an offer made: "yes" now runs `pending` (and no person is on offer)."""
    return [SlotSet("pending_request", dict(pending)), SlotSet("request_offered", True), SlotSet("handoff_offered", False)]


# no request waiting any more: taken up, declined, or let pass
NO_OFFER: List[EventType] = [SlotSet("pending_request", None), SlotSet("request_offered", False)]

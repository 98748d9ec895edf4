"""Several requests in one message (the NLU's `requests`): answer the first, offer the next.

The NLU puts the request to answer first in `intent` and lists all of them with the clause
that asks each. The answering action calls `actions.actions.follow_up`: the next request not answered
alike is offered ("I can also … — shall I?"), kept in the `pending_request` slot, and run
by `action_pending_request` when the customer accepts.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk.events import EventType, SlotSet

from actions.replies import COMPLAINTS

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


# "I returned a coat last week. How long until I get my money back?": the money asked after, answered by the
# refund complaint's answer (not "…and I want to return the trainers", a return of its own)
_MONEY_BACK = re.compile(r"\b(?:money|refund|refunded|paid back|reimburs\w*)\b", re.IGNORECASE)
_RETURN_ASKED = re.compile(r"\b(?:return|send (?:\w+ )?back|exchange|swap)\b", re.IGNORECASE)
_WHEN = re.compile(r"\bhow long\b|\bwhen\b|\bhow soon\b", re.IGNORECASE)


# "…it's a men's rain jacket, not my dress at all! I need that dress for Saturday": the thing ordered, wanted after
# a complaint, is no shopping question to offer product suggestions for (unless something else is asked for)
_SHOPPING_ASKED = re.compile(r"\b(?:recommend\w*|suggest\w*|similar|alternatives?|another (?:one|brand)|better (?:one|model)"
                             r"|instead|buy|gift ideas?)\b", re.IGNORECASE)


def covered_by(request: Mapping[str, Any], handled: str) -> bool:
    """Whether the answer to `handled` covers `request` (an intent answered alike, the money back asked
    after once the refund complaint is answered, or the ordered thing wanted after a complaint)."""
    intent, text = str(request["intent"]), str(request.get("text") or "")
    if intent == "product_recommendation" and handled in COMPLAINTS and _SHOPPING_ASKED.search(text) is None:
        return True
    return answered_alike(intent, handled) or (
        handled == "refund_not_received" and intent == "request_refund" and _WHEN.search(text) is not None
        and _MONEY_BACK.search(text) is not None and _RETURN_ASKED.search(text) is None)


def next_request(latest_message: Mapping[str, Any], handled: str) -> Optional[Dict[str, str]]:
    """The first request of the message that the answer to `handled` does not already cover."""
    for r in message_requests(latest_message):
        if not covered_by(r, handled):
            return {"intent": str(r["intent"]), "text": str(r.get("text") or "")}
    return None


def offered(pending: Mapping[str, Any]) -> List[EventType]:
    """The slots of an offer made: "yes" now runs `pending` (and no person is on offer)."""
    return [SlotSet("pending_request", dict(pending)), SlotSet("request_offered", True), SlotSet("handoff_offered", False)]


# no request waiting any more: taken up, declined, or let pass
NO_OFFER: List[EventType] = [SlotSet("pending_request", None), SlotSet("request_offered", False)]


# "and the phone lines?", "what about the sunday thing": a follow-up that points back
_POINTING_BACK = re.compile(r"^\W*(?:and|what about|how about|plus|also)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{4,}")
# words any request may share without meaning the same thing
_COMMON = frozenset(w.removesuffix("s") for w in {"what", "when", "where", "which", "about", "there", "their", "that", "this", "with", "have",
                     "your", "yours", "thing", "things", "please", "also", "just", "order", "know", "tell", "would",
                     "could", "should", "does", "will", "they", "them", "then", "than", "from", "into", "like"})


def _content_words(text: str) -> set[str]:
    # "Sundays" and "sunday" are the same day
    return {w.removesuffix("s") for w in _WORD.findall(text.lower())} - _COMMON


# "and what about the other thing I mentioned?", "the other question I asked": the one request left
_THE_OTHER_ONE = re.compile(r"\b(?:the )?other (?:thing|question|issue|problem|bit|one)s? (?:i|that i|which i)\s+"
                            r"(?:mentioned|asked(?: about)?|said|wrote|brought up|raised)\b", re.IGNORECASE)


def points_at_offer(text: str, pending: Mapping[str, Any]) -> bool:
    """Whether `text` takes up the offered request in other words than "yes": it starts as a
    follow-up ("and…", "what about…") and names something the request's own words named
    ("and the phone lines?" after "what time do your phone lines close?" was offered), or it
    asks for "the other thing I mentioned"."""
    asked = str(pending.get("text") or "")
    if _THE_OTHER_ONE.search(text):
        return True
    return bool(_POINTING_BACK.match(text)) and bool(_content_words(text) & _content_words(asked))

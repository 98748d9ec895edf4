"""The end-of-conversation rating: when to ask, and reading the answer.

Asked once, when a conversation that got a real answer ends without a hand-off or a recent
misunderstanding; the answer is stored as the `rating` slot (contracts.records.RATING_SLOT),
a normal Rasa event the voice-of-the-customer analytics read.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, List, Mapping, Optional

from contracts.records import RATING_SCALE, RATING_SLOT

ANSWERS = frozenset({"action_order_request", "action_handle_complaint", "action_pending_request",
                     "action_account_access", "utter_account_access", "utter_opening_hours", "utter_product_recommendation",
                     "action_product_recommendation"})
FALLBACKS = frozenset({"action_rephrase", "action_default_fallback"})
ASKED_SLOT = "rating_requested"

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER = re.compile(r"(?<![\d-])([1-5])(?:\s*(?:/|out of|of)\s*5)?(?![\d-])|\b(one|two|three|four|five)\b", re.IGNORECASE)
_STARS = re.compile(r"[⭐★]")
SKIP = re.compile(r"\b(skip|no thanks?|nah|not now|no rating|rather not|pass)\b", re.IGNORECASE)


def parse_rating(text: str) -> Optional[int]:
    """1-5 from "4", "4/5", "five", "⭐⭐⭐"; None when the text holds no such rating."""
    stars = len(_STARS.findall(text))
    if RATING_SCALE[0] <= stars <= RATING_SCALE[1]:
        return stars
    found = _NUMBER.findall(text)
    if len(found) != 1:  # "between 3 and 4", or none at all
        return None
    digit, word = found[0]
    return int(digit) if digit else _WORDS[word.lower()]


def worth_asking(events: Iterable[Mapping[str, Any]]) -> bool:
    """A resolved conversation: it got a real answer, no hand-off, no fallback in its last two
    turns, and no rating asked for yet."""
    actions: List[str] = []
    turns_actions: List[List[str]] = [[]]
    handed_off = False
    for e in events:
        if e.get("event") == "session_started":
            actions, turns_actions, handed_off = [], [[]], False
        elif e.get("event") == "user":
            turns_actions.append([])
        elif e.get("event") == "action":
            actions.append(str(e.get("name")))
            turns_actions[-1].append(str(e.get("name")))
        elif e.get("event") == "slot" and e.get("name") in (ASKED_SLOT, RATING_SLOT) and e.get("value") is not None:
            return False
        elif e.get("event") == "slot" and e.get("name") == "handoff_queued" and e.get("value"):
            handed_off = True  # also when an action other than action_handoff queued the conversation
    if handed_off or "action_handoff" in actions or not ANSWERS & set(actions):
        return False
    return not any(FALLBACKS & set(turn) for turn in turns_actions[-2:])

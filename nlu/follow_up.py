"""A follow-up that names only what it is about: "and the other one?", "ugh. and the mobile
cover?", "Thanks. And the trainers?", "and the phone lines?" (contracts.follow_up).

Such a message carries no verb, so the model reads it as plain details (inform), a "yes" or a
thank-you, or is unsure; yet it asks the same kind of question again about something else.
When the model finds a request in the words themselves ("and the phone lines?" is about our
opening hours, "and the refund?" about a refund), that request is asked; otherwise the thing
named is one of the customer's orders, and where it is is what they ask (the dialogue picks the
order from the words, and takes up a request it just offered if the words point at it).
"""

from __future__ import annotations

import re

from contracts.follow_up import named_in_follow_up

from nlu.requests import EVEN_ODDS

# the intents a verbless follow-up is misread as
MISREAD_AS = frozenset({"inform", "affirm", "deny", "thanks", "greet", "goodbye", "out_of_scope", "give_feedback"})
ORDER_INTENT = "order_status"
# a request the model reads in the words named at least this surely is what they ask about
NAMED_REQUEST = 0.25


def follow_up_intent(ranking: list[dict], text: str, intents: frozenset[str] | set[str]) -> str | None:
    """The request a verbless follow-up asks, given the model's `ranking` of it and the model's
    `intents`: None when `text` is not one, when the model already read a request in it, or when
    the model has no order status intent (a benchmark's)."""
    if ORDER_INTENT not in intents or named_in_follow_up(text) is None or not ranking:
        return None
    top = ranking[0]
    if top["name"] not in MISREAD_AS and top["confidence"] >= EVEN_ODDS:  # a request read surely: the model's
        return None
    asked = next((r for r in ranking if r["name"] not in MISREAD_AS and r["confidence"] >= NAMED_REQUEST), None)
    return asked["name"] if asked is not None else ORDER_INTENT


# "how long does it normally take?" after an answer about a refund: how long *it* takes, which the
# model reads as a question about our opening hours; what "it" is only the dialogue knows
_HOW_LONG_IT_TAKES = re.compile(
    # (a pronoun: "how long do refunds take" names what it asks about, for the model to read)
    r"\bhow long (?:does|do|will|would|should|can|could|is) (?:it|that|this|they)"
    r"(?: normally| usually| generally| typically| roughly| about)?"
    r" (?:take|be|last)\b", re.IGNORECASE)
_OPENING = re.compile(r"\b(?:open|opening|close|closing|hours|phone ?lines?|shut)\b", re.IGNORECASE)


def how_long_it_takes(text: str) -> bool:
    """Whether `text` asks how long something already spoken of takes (not when we open)."""
    return _HOW_LONG_IT_TAKES.search(text) is not None and _OPENING.search(text) is None

"""Questions about the customer's own orders that the model reads as something else.

"hello, the ordr with DPD, wen it arive?" names the order as a customer answering "which order?"
would (read as details given), but asks when it comes; "Are you able to see what I've ordered, or do
I need to ring somebody?" (after "My grandson set all this up for me") asks what the orders are,
read as off-topic. Both are questions about the order, answered with its status.
"""

from __future__ import annotations

import re

_ARRIVAL_ASKED = re.compile(r"\b(?:when|wen|whens|when'?s|where|wheres|where'?s|wer|wat time|what time)\b[^.?!]{0,30}?"
                            r"\b(?:arriv\w*|ariv\w*|come|coming|comin|cum|get here|be here|deliver\w*|delivr\w*)\b[^.?!]*\?",
                            re.IGNORECASE)


def arrival_asked(text: str) -> bool:
    """Whether `text` asks when or where something arrives, as a question (see the module docstring)."""
    return _ARRIVAL_ASKED.search(text) is not None


# "Has it been dispatched yet?", "where's it got to?": where the order is, as a question
_DISPATCH_ASKED = re.compile(r"\b(?:dispatched|shipped|sent out|posted|on (?:its|the) way|got to|where)\b[^.!]*\?",
                             re.IGNORECASE)


def dispatch_asked(text: str) -> bool:
    """Whether `text` asks whether the order has left or where it has got to (see _DISPATCH_ASKED)."""
    return _DISPATCH_ASKED.search(text) is not None


_ORDERS_ASKED = re.compile(r"\b(?:see|check|look up|find|tell me|show me)\s+what\s+(?:i'?ve|i have|i|we'?ve|we have)"
                           r"\s+(?:already\s+)?(?:ordered|bought|got on order)\b", re.IGNORECASE)


def orders_asked_about(text: str) -> bool:
    """Whether `text` asks what the customer has ordered (see the module docstring)."""
    return _ORDERS_ASKED.search(text) is not None


# "cant you just give me an actual date" (after the sofa's new estimate): when it comes, pressed for
_DATE_PRESSED = re.compile(r"\b(?:give|tell|get)\s+(?:me|us)\s+(?:an?\s+|the\s+)?(?:actual|proper|exact|real|firm|definite"
                           r"|straight)\s+(?:delivery\s+)?(?:date|day|time ?frame|eta)\b"
                           r"|\b(?:give|tell|get)\s+(?:me|us)\s+(?:an?\s+|the\s+)?(?:delivery date|eta)\b"
                           r"|\b(?:what|which)\s+(?:actual\s+|exact\s+)?(?:date|day)\s+(?:will|is|should)\s+(?:it|they|my \w+"
                           r"|the \w+)\s+(?:be\s+)?(?:come|coming|arrive|arriving|delivered|get here|getting here|turn up)\b",
                           re.IGNORECASE)


def date_pressed(text: str) -> bool:
    """Whether `text` presses for the day the order comes (see _DATE_PRESSED)."""
    return _DATE_PRESSED.search(text) is not None


# "my dress better turn up today or im doing a chargeback": the arrival demanded (the threat is left out by
# nlu.asked), which the model, hearing the anger, reads as feedback
_ARRIVAL_DEMANDED = re.compile(r"\b(?:my|the|this|that|it|they|these|those)\b[^.?!]{0,25}?\b(?:(?:had |'d )?better|needs? to|has to"
                               r"|have to|must|should)\s+(?:be\s+)?(?:turn up|arrive|come(?!\s+(?:with|round|through|up|back|in))"
                               r"|show up|get here|be here|here|delivered)\b", re.IGNORECASE)
_NOT_AN_ARRIVAL = re.compile(r"\bref[a-z]{0,2}n\w*|\bmoney\b|\bcourier\b|\bdriver\b", re.IGNORECASE)


def arrival_demanded(text: str) -> bool:
    """Whether `text` demands that the order arrives (see _ARRIVAL_DEMANDED), not a refund ("the refund better
    come through today") or someone to come."""
    return _ARRIVAL_DEMANDED.search(text) is not None and _NOT_AN_ARRIVAL.search(text) is None


# where it is, asked with or without a question mark: "wheres my parcel has it been sent out"
_WHERE_IT_IS = re.compile(r"\b(?:where'?s|wheres|wers|where is|where are|wer is)\s+(?:my|me|the|it|they|them)\b"
                          r"|\b(?:has|have) (?:it|they|my \w+) (?:been|got) (?:sent|dispatched|shipped|posted)\b",
                          re.IGNORECASE)


def where_it_is_asked(text: str) -> bool:
    """Whether `text` asks where the order is, question mark or not (see _WHERE_IT_IS)."""
    return _WHERE_IT_IS.search(text) is not None


# where the order is, asked at the end after a feeling ("Love paying extra for 'fast' delivery and then watching my
# trainers go precisely nowhere. Brilliant. Where are they then?")
_WHERE_THEY_ARE_LAST = re.compile(r"\b(?:where(?:'?s| is| are)|wheres)\s+(?:it|they|them|my \w+)(?:\s+(?:then|now|exactly|mate))?"
                                  r"\s*\?*\s*$", re.IGNORECASE)


def where_they_are_asked_last(text: str) -> bool:
    """Whether `text` ends by asking where the order is (see _WHERE_THEY_ARE_LAST)."""
    return _WHERE_THEY_ARE_LAST.search(text.strip()) is not None

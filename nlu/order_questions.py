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

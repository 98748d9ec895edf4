"""A complaint announced before it is told: "I want to make a complaint", "I wish to lodge a formal
complaint", "how do I complain?", "I have a problem", "there's an issue with my order".

With nothing of ours named the model reads our contact details, something off-topic or nothing
sure, and the customer was asked to rephrase. It is a complaint to hear: negative feedback,
which the dialogue answers with empathy and a person offered. Asked by its phone number or email
("what's the phone number for complaints?") it is a question about contacting us.
"""

from __future__ import annotations

import re

_COMPLAINT_ANNOUNCED = re.compile(
    r"\b(?:make|file|lodge|raise|submit|log|put in|register|start)\s+(?:a\s+|an\s+)?(?:formal\s+|official\s+|proper\s+)?"
    r"complaint\b"
    r"|\b(?:i|we)\s+(?:really\s+)?(?:want|wanna|would like|'?d like|wish|need|have|am going|'?m going|'?m gonna)\s+(?:to\s+)?"
    r"complain\b"
    r"|\b(?:i|we)\s+(?:have|'?ve got|got)\s+(?:a\s+)?(?:formal\s+|serious\s+)?complaint\b"
    # "you better sort this out", "sort it out NOW": a demand that it be put right, with nothing told yet
    r"|^\W*(?:(?:you|u|ya|you lot|you guys)\s+)?(?:(?:had|'?d)\s+)?(?:better\s+|need to\s+|just\s+)?(?:sort|fix)\s+"
    r"(?:this|it|that)(?:\s+(?:out|mess))?(?:\s+(?:now|asap|today|then|please|pls|right now|immediately))?\W*$"
    r"|\b(?:can|could|how (?:do|can|would))\s+(?:i|we)\s+(?:make\s+a\s+)?complain(?:t)?\b"
    # "I have a problem", "there's an issue with my order", "i need to report a problem with my delivery": all it says
    # ("hello, my name is alice and i have a problem with my kettle": a name given first, a thing named after)
    r"|^\W*(?:hi|hello|hiya|hey)?\W*(?:(?:my name is|my name'?s|this is)\s+\w+(?:\s+\w+)?\W*(?:and\s+)?)?"
    r"(?:(?:i|we)(?:'ve| have)?(?: got)?|there'?s|there is|i need to report|i want to report"
    r"|i'?d like to report)\s+(?:a\s+|an\s+)?(?:problem|issue)(?:\s+with\s+(?:my|an|the|our)\s+\w+(?:\s+\w+)?)?\s*[.!]*\s*$",
    re.IGNORECASE)
# a complaint department asked for by its phone number or email is a question about contacting us
_CONTACT_ASKED = re.compile(r"\b(?:phone|number|email|e-mail|address|ring|call)\b", re.IGNORECASE)


def complaint_announced(text: str) -> bool:
    """Whether `text` announces a complaint (see _COMPLAINT_ANNOUNCED), not how to contact us about one."""
    return _COMPLAINT_ANNOUNCED.search(text) is not None and _CONTACT_ASKED.search(text) is None


# "I want compensation for the time I've wasted waiting in", "can I get some money off for the delay?",
# "no goodwill gesture at all for the hassle?": not a refund of the order (nor "refuse the delivery"), but
# a goodwill payment that our team decides: negative feedback, answered with an apology and a person offered
_COMPENSATION = re.compile(
    r"\b(?:compensation|compensate|compo|goodwill|gesture of good ?will)\b"
    r"|\b(?:money off|a discount|some money back|a voucher|a credit)\b[^.!?]{0,40}\b(?:for|because of|after|given)\b"
    r"[^.!?]{0,30}\b(?:delay\w*|late|lateness|hassle|trouble|inconvenience|wait\w*|wasted|stress|mess|messing|bother)\b",
    re.IGNORECASE)
# …unless the order's own money is asked back in so many words ("I want my money back and compensation on top")
_REFUND_ASKED = re.compile(r"\b(?:refund\w*|money back|my money|reimburse\w*)\b", re.IGNORECASE)


def compensation_asked(text: str) -> bool:
    """Whether `text` asks for compensation rather than the order's refund (see _COMPENSATION)."""
    return _COMPENSATION.search(text) is not None and _REFUND_ASKED.search(text) is None

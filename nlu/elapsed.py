"""A complaint about how long it has been: "it's been way more than 5 days and I'm not happy",
"its been over a weeek now tbh"; and an answer heard before: "that's what you said last time",
"you keep saying that", "You said 5 working days last time", or no answer at all: "that's not
really an answer".

Said after an answer that promised a time (a refund "within 5 working days", a delivery date), it
says the answer was not good enough; what it is about lies in the conversation, not in the words.
The model, seeing "days", reads a late delivery, and after a refund answer the customer hears
about their delivery. Such a message, when nothing in it reads as a request of its own, is
feedback, and the dialogue answers it emotion first (an apology and a person).
"""

from __future__ import annotations

import re

_ELAPSED = re.compile(
    r"\b(?:it'?s|its|it has|it'?s been|been|that'?s)\s+(?:been\s+)?(?:way |well |much |a lot |now )?"
    r"(?:over|more than|longer than|nearly|almost|about|like|at least)\s+"
    r"(?:a |an |\d+ |one |two |three |four |five |six |seven |eight |nine |ten |a couple of |a few )?(?:working |business )?"
    r"(?:days?|weeks?|weeeks?|fortnight|months?)\b"
    r"|\bit'?s been (?:ages|forever|weeks|days|months)\b"
    # the same answer again: no time, but the same complaint that it is not good enough
    r"|\b(?:that'?s|thats|that is) what (?:you|u|you lot|they|your \w+) (?:said|told me|say|always say)"
    r"|\b(?:you|u|you lot) (?:keep|kept) (?:saying|telling me) (?:that|this)|\b(?:i'?ve|ive|i have) heard (?:that|this|it) (?:before|already)"
    r"|\bsame (?:answer|thing|reply|response) (?:again|as (?:last time|before))"
    # "You said 5 working days last time. It's been 10."
    r"|\b(?:you|u|you lot) (?:said|told me|promised) (?:\w+ ){0,5}(?:last time|before|already|yesterday|last week)\b"
    # "that's not really an answer"
    r"|\b(?:that'?s|thats|that is|it'?s|its) not (?:really |even )?(?:an? )?answer\b"
    # "so what are you actually going to do about it": the answer did nothing
    r"|\b(?:what|wat|wot) (?:(?:are|r) )?(?:you|u|you lot) (?:actually |even |really )?(?:going to|gonna) do about (?:it|this|that)\b"
    r"|\bwhat (?:exactly )?(?:is|are) (?:being|you) (?:done|doing) about (?:it|this|that)\b"
    # "so what, i just sit here and wait do i", "what am I supposed to do now"
    r"|\bwhat am i (?:supposed|meant) to do\b|\bi (?:just )?(?:sit (?:here )?and )?wait,? (?:do i|then|is that it)\b",
    re.IGNORECASE)


def time_complained_of(text: str) -> bool:
    """Whether `text` complains of how long it has been."""
    return _ELAPSED.search(text) is not None

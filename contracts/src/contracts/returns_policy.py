"""Questions about how the shop's returns work, asked without an order in mind yet: "what's your
returns policy?", "how do returns work", "do you do free returns". Read by the NLU (the model reads
them as off-topic or is unsure: they are a return asked about, nlu.predictor) and by the dialogue
(the answer gives the policy before asking which order: actions.actions.answer_order_request).
"""

from __future__ import annotations

import re

# typed slips included ("retuns polcy?"): short questions have nothing else for the model to go on
_RETURNS = r"(?:returns?|retuns?|retruns?|retunrs?|reutrns?|returs?)"
_POLICY = re.compile(
    rf"\b{_RETURNS}\s+(?:polic(?:y|ies)|polcy|policey|pollicy|plicy|window|period|time ?limit)\b"
    rf"|\bhow\s+(?:do|does)\s+(?:the\s+)?{_RETURNS}\s+work\b"
    rf"|\b(?:do|can)\s+(?:you|u)\s+(?:do|offer|have)\s+(?:free\s+)?{_RETURNS}\b"
    rf"|\b(?:is|are)\s+(?:there\s+)?(?:free|paid)\s+{_RETURNS}\b|\bfree\s+{_RETURNS}\?"
    r"|\bhow\s+long\s+(?:do\s+i\s+have|have\s+i\s+got|have\s+you\s+got|is\s+there|do\s+(?:you|u)\s+give(?:\s+me)?)\s+to\s+"
    r"(?:return|send\s+(?:\w+\s+)?back)\b"
    # "Hey. Question about returns. How long do I have?", "who pays the return postage?"
    rf"|\b(?:question|query|enquiry|asking|wondering)\s+(?:about|re|regarding|on)\s+(?:your\s+|the\s+)?{_RETURNS}\b"
    rf"|\b(?:who\s+pays|do\s+i\s+(?:have\s+to\s+)?pay|is\s+there\s+a\s+charge)\s+(?:for\s+)?(?:the\s+)?{_RETURNS}\s+"
    r"(?:postage|shipping|label|delivery)\b"
    # "how long dus it take to get a refnd after u get the return"
    r"|\bhow long (?:does|do|dus|dose|will|would) (?:it|a refund|refunds|the refund) (?:usually |normally )?take\b"
    r"[^.?!]{0,30}\b(?:after|once|when) (?:you|u|they|it) (?:get|gets|receive|receives|have|has|got|arrives?)\b",
    re.IGNORECASE)


def returns_policy_asked(text: str) -> bool:
    """Whether `text` asks how returns work (see the module docstring)."""
    return _POLICY.search(text) is not None

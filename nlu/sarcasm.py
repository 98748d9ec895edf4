"""Thanks that are not thanks: "cheers for nothing", "thanks for wasting my time", "really
helpful, not".

The model reads the thank-you word, and the customer who has just said the assistant was no help
is told "You're welcome!". The words are unmistakable, so they decide: it is feedback, and
negative, so the dialogue answers it emotion first (an apology and a person offered).
"""

from __future__ import annotations

import re

_SARCASTIC = re.compile(
    r"\b(?:thanks|thank you|thank u|thx|cheers|ta)\s+(?:a lot\s+|very much\s+|so much\s+)?for\s+"
    r"(?:absolutely\s+|literally\s+|precisely\s+)?(?:nothing|sod all|naff all|bugger all|nowt|nada|zilch"
    r"|wasting my (?:time|day|morning|afternoon|evening))\b"
    r"|\b(?:very|really|so|super|great|massive|big|such a)\s+help(?:ful)?[\s,.!]*\s+not\b",
    re.IGNORECASE)


def sarcastic_thanks(text: str) -> bool:
    """Whether `text` thanks the assistant for being no help."""
    return _SARCASTIC.search(text) is not None

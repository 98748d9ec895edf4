"""Thanks as customers type them, and thanks that are not thanks.

- "ok ta", "sick ta x", "lovely, cheers": thanks, which the model reads as a goodbye or, for
  slang it does not know, as off-topic.
- "cheers for nothing", "thanks for wasting my time", "really helpful, not": the model reads the
  thank-you word, and the customer who has just said the assistant was no help is told "You're
  welcome!". The words are unmistakable, so they decide: it is feedback, and negative, so the
  dialogue answers it emotion first (an apology and a person offered).
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


# a thank-you and nothing else: no goodbye, no request ("thanks, bye" stays a goodbye)
_JUST_THANKS = re.compile(
    r"^\W*(?:(?:ok|okay|oh|ah|lovely|great|brill(?:iant)?|nice(?: one)?|sound|cool|perfect|champion|sick|ace|grand|right)\b[\s,!.]*)*"
    r"(?:ta|cheers|thanks|thank you|thank u|thx|ty|tah)\b(?:\s+(?:very much|so much|a lot|mate|love|pal|hun|x+|again))*"
    # "ok ta, ill hang on": thanks, and the customer will wait (for the person on the way)
    r"(?:[\s,.!]+(?:i'?ll|ill|i will|will)\s+(?:just\s+)?(?:hang on|hold on|wait|sit tight|hang fire)(?: then)?)?"
    r"[\s!.x]*$",
    re.IGNORECASE)


def just_thanks(text: str) -> bool:
    """Whether `text` only thanks the assistant."""
    return _JUST_THANKS.search(text) is not None


# "ah right ok ill try that when i get to the office, cheers": the advice taken, with thanks
_WILL_TRY_IT = re.compile(r"\b(?:i'?ll|ill|i will|will)\s+(?:try|do|check|give (?:it|that) a go|have a (?:look|go)|look)\b"
                          r"[^?]*\b(?:cheers|thanks|thank you|thank u|thx|ta)\b[\s!.x]*$", re.IGNORECASE)


def advice_taken(text: str) -> bool:
    """Whether `text` says the customer will try what they were told, and thanks the assistant."""
    return _WILL_TRY_IT.search(text) is not None

"""A follow-up that names only what it is about ("and the other one?", "Thanks. And the
trainers?"), shared by the NLU (it reads the request such a message asks: nlu.follow_up) and
the dialogue (such a message may take up the request just offered: actions.actions.taking_up_offer)."""

from __future__ import annotations

import re

# "ok", "thanks.", "ugh." before the follow-up: a reaction to the last answer
_REACTION = (r"(?:(?:ok|okay|ta|thanks|thank you|cheers|great|lovely|perfect|brilliant|nice|cool|right|fine|ugh|hmm|um|oh"
             r"|fair enough|no worries|alright)"
             r"\b[\s,.!]*)*")
# at most this many words after "and" / "what about": a thing named, not a new sentence
MAX_NAMED_WORDS = 5
_FOLLOW_UP = re.compile(
    r"^\W*" + _REACTION + r"(?:and|an|&|what about|how about|and what about|and how about)\s+"
    r"(?P<named>(?:(?:the|my|your|that|this|those|these|a|an|order|ord)\b|#?\d)[^?.!]*?)\s*(?:then|too|as well|though)?\s*[?.!]*\s*$",
    re.IGNORECASE)
# a verb turns the thing named into a question of its own ("and the sofa is still not here")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|get|got|come|came|arrive[ds]?"
                   r"|cancel|refund|return|send|sent|want|need)\b", re.IGNORECASE)


def named_in_follow_up(text: str) -> str | None:
    """What a verbless follow-up names ("the other one" in "ok and the other one?"), or None."""
    m = _FOLLOW_UP.match(text)
    if m is None:
        return None
    named = m.group("named")
    if len(named.split()) > MAX_NAMED_WORDS or _VERB.search(named):
        return None
    return named

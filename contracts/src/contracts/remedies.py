"""What a customer with a damaged item chooses when offered "a free replacement or refund,
whichever you prefer": a replacement ("A replacement would suit me best", "I'd rather have a
replacement than my money back", "just send me a new one").

The NLU reads such a message as the damaged-item complaint it answers (the model knows no word
for it: "a replacement would suit me best" looked like a product question), and the complaint
action then arranges the replacement instead of asking again.
"""

from __future__ import annotations

import re

# "replacement", and as typed in a hurry: "replacment", "replacemnt"
_WORD = r"repla\w{0,2}m\w{0,2}t"
_REPLACEMENT = re.compile(r"\b(?:" + _WORD + r"|replace (?:it|them|the \w+)|(?:send|get|have) (?:me )?a new one"
                          # "yeah a new one would be great thanks", "I'll take a new one"
                          r"|(?:want|like|prefer|take|go for) a new one"
                          r"|a new one(?:'d| would| will| is| sounds| please| pls| thanks| ta)\b"
                          r"|(?:exchange|swap) (?:it|them))\b", re.IGNORECASE)
# not chosen: declined, or asked about ("where's my replacement?", "has the replacement come yet",
# "the replacement still hasn't arrived"); "a replacement, provided it arrives this week" chooses one
_NOT_CHOSEN = re.compile(r"(?:^|[.!?]\s*)(?:a\s+|the\s+|another\s+)?(?:" + _WORD + r")\s*\?"  # "a replacement?? I want my money back"
                         r"|\b(?:no|not|don'?t|dont|never|rather than|instead of|without)\s+(?:\w+\s+){0,3}?"
                         r"(?:a\s+|the\s+)?(?:" + _WORD + r"|new one)\b"
                         r"|\b(?:where|when|status|track|tracking|arrived?)\b[^.!?]*\b(?:" + _WORD + r"|new one)\b"
                         r"|\b(?:has|have|had|did|is|was)\s+(?:the|my|our)\s+(?:" + _WORD + r"|new one)\b"
                         r"|\b(?:" + _WORD + r"|new one)\s+(?:hasn'?t|has not|not (?:here|arrived|come|turned|shown|received|yet|delivered|sent)"
                         # ("a replacement not a refund" chooses it)
                         r"|never|still|yet|is (?:late|missing))\b"
                         # waiting for one, or another thing altogether ("replacement filters")
                         r"|\b(?:waiting|wait|news|update|sell|sells|selling|promised|stock)\b[^.!?]*\b(?:" + _WORD
                         + r"|new one)\b"
                         r"|\b" + _WORD + r"\s+(?:filters?|parts?|lids?|batter(?:y|ies)|bulbs?|cables?|chargers?)\b",
                         re.IGNORECASE)


def replacement_chosen(text: str) -> bool:
    """Whether `text` asks for a replacement item (see the module docstring)."""
    return _REPLACEMENT.search(text) is not None and _NOT_CHOSEN.search(text) is None

"""Thanks as customers type them, and thanks that are not thanks.

- "ok ta", "sick ta x", "lovely, cheers": thanks, which the model reads as a goodbye or, for
  slang it does not know, as off-topic.
- "cheers for nothing", "thanks for wasting my time", "really helpful, not": the model reads the
  thank-you word, and the customer who has just said the assistant was no help is told "You're
  welcome!". The words are unmistakable, so they decide: it is feedback, and negative, so the
  dialogue answers it emotion first (an apology and a person offered).
- "cheers. sorry for the swearing, been waiting since 7am", "thanks for your help and sorry about
  the tone earlier": an apology for the customer's own tone, which asks nothing; the model reads
  the waiting or the "sorry" as a complaint.
"""

from __future__ import annotations

import re

_SARCASTIC = re.compile(
    r"\b(?:thanks|thank you|thank u|thx|cheers|ta)\s+(?:a lot\s+|very much\s+|so much\s+)?for\s+"
    r"(?:absolutely\s+|literally\s+|precisely\s+)?(?:nothing|sod all|naff all|bugger all|nowt|nada|zilch"
    r"|wasting my (?:time|day|morning|afternoon|evening))\b"
    # "Birthday present arrived a day after my daughter's birthday. Thanks for ruining it"
    r"|\b(?:thanks|thank you|thank u|thx|cheers|ta)\s+(?:a lot\s+|very much\s+|so much\s+)?for\s+(?:ruining|wrecking|spoiling"
    r"|messing up|ignoring|letting (?:me|us) down|being (?:so |absolutely )?(?:useless|rubbish|hopeless))\b"
    r"|\b(?:very|really|so|super|great|massive|big|such a)\s+help(?:ful)?[\s,.!]*\s+not\b"
    # "oh youre sorry are you. brilliant. that fixes everything doesnt it": an apology thrown back
    r"|\b(?:that|this|sorry) (?:fixes|solves|changes|sorts) everything\s*,?\s*(?:doesn'?t it|does it|then|eh|innit|right)\b"
    r"|\b(?:oh|well)\s+(?:you'?re|youre|ur|you are) sorry(?:,)? (?:are you|is it)\b"
    r"|\b(?:well|oh) that'?s (?:just )?(?:great|brilliant|fantastic|marvellous|wonderful|super|lovely|helpful)"
    r"(?:,)? (?:isn'?t it|innit|then|thanks|cheers)\b",
    re.IGNORECASE)


def sarcastic_thanks(text: str) -> bool:
    """Whether `text` thanks the assistant for being no help."""
    return _SARCASTIC.search(text) is not None


def without_sarcastic_thanks(text: str) -> str:
    """`text` without its thanks for nothing ("cheers for nothing, still no refund" → "still no refund")."""
    return " ".join(_SARCASTIC.sub(" ", text).split()).strip(" ,.;!")


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


# "sorry for the swearing", "sorry about the tone earlier", "sorry for having a go": the customer's
# own tone apologised for
_TONE_APOLOGY = re.compile(
    r"\b(?:sorry|apologies|i apologi[sz]e) (?:for|about) (?:the|my) (?:swearing|language|tone|rant(?:ing)?|shouting"
    r"|outburst|caps|rudeness|moaning)\b"
    r"|\b(?:sorry|apologies|i apologi[sz]e) (?:for|about) (?:having a go"
    r"|being (?:rude|short|snappy|arsey|a pain|grumpy)|kicking off|losing my (?:temper|rag|cool)"
    r"|getting (?:angry|cross|worked up|shirty)|snapping)\b",
    re.IGNORECASE)
# …and nothing asked besides ("sorry for the swearing but where is it" still asks where it is)
_ASKS = re.compile(r"\?|\b(?:where|when|what|how|why|which|can (?:you|u|i)|could (?:you|u)|will (?:it|they|you))\b",
                   re.IGNORECASE)


def tone_apologised(text: str) -> bool:
    """Whether `text` apologises for the customer's own tone and asks nothing besides."""
    return _TONE_APOLOGY.search(text) is not None and _ASKS.search(text) is None


# "Got my order today. Everything was perfect. Just wanted to say thanks.": thanks said as the point of
# the message (not "thanks, but where is it"), which the model, hearing the order, reads as a question
# about it
_THANKS_THE_POINT = re.compile(r"\b(?:just |only )?(?:wanted|want|wanna|thought i'?d|had) to (?:say |send )?(?:a )?(?:big |huge |quick )?"
                               r"(?:thanks|thank you|cheers)\b|\bthanks (?:so much|a lot|a million|again)\b[.!\s]*$"
                               # "Just a quick message to say thank you.", "keep up the good work!"
                               r"|\b(?:message|note|line|word) to (?:say )?(?:a )?(?:big |huge |quick )?(?:thanks|thank you)\b"
                               r"|\bkeep up the (?:good|great|fantastic|brilliant|amazing) work\b"
                               # praise as the point: "…Really impressed. That's why I keep coming back.", "Great quality,
                               # that's all I wanted to say.", "give him a raise lol", "…so smooth compared to other shops.
                               # Well done."
                               r"|\bthat'?s all i (?:wanted|wanna|want) to say\b"
                               r"|\bgive (?:him|her|them|the driver) a (?:raise|pay rise|medal|bonus)\b|\bwell done\W*$"
                               r"|\b(?:just )?(?:wanted to|wanna|want to) (?:say|tell you|let you know)\b[^.?!]{0,80}\b(?:so lovely"
                               r"|brilliant|fantastic|amazing|excellent|impressed|smooth|spot on|well done|fair play)\b",
                               re.IGNORECASE)
_BUT = re.compile(r"\b(?:but|however|although|though|except)\b", re.IGNORECASE)


def thanks_the_point(text: str) -> bool:
    """Whether thanking is what `text` is for (see _THANKS_THE_POINT): nothing asked, no "but"."""
    return _THANKS_THE_POINT.search(text) is not None and _ASKS.search(text) is None and _BUT.search(text) is None

"""Anger at the whole company rather than at the assistant: "wtf is wrong with you people", "WHAT A
JOKE OF A COMPANY", "oh forget it. you're all completely useless".

The classifier reads "you" in such messages as the assistant and answers a question about itself
(or is unsure). They are feedback, and negative: the dialogue answers them with an apology and a
person offered, as it does any complaint about the service.
"""

from __future__ import annotations

import re

# the company, or everyone at it
_US_ALL = (r"(?:(?:this|your|ur|what a|such a)\s+(?:company|shop|firm|business|outfit|place)"
           r"|(?:you|u|ye|yous|youse)\s+(?:people|lot|guys|all|clowns|cowboys)|(?:you'?re|ur|ye'?re|youre) all"
           r"|the (?:lot|whole lot|bunch) of (?:you|ye|yous))")
_SCORN = (r"(?:joke|shambles|disgrace|disgraceful|farce|clowns?|useless|rubbish|pathetic|embarrassing|scam|cowboys?|hopeless"
          r"|incompetent|a mess|unbelievable|wrong with|criminals?|crooks?|thieves|thieving|con artists?|rip-?off merchants"
          r"|scammers|swindlers|liars|a con)")
_AT_US_ALL = re.compile(rf"\b{_US_ALL}\b[^.!?]{{0,40}}\b{_SCORN}\b|\b{_SCORN}\b[^.!?]{{0,25}}\b{_US_ALL}\b"
                        r"|\b(?:joke|shambles|farce|disgrace|clown show|circus) of an? (?:company|shop|firm|business|outfit)\b",
                        re.IGNORECASE)
# the assistant named: a question about it, for the model ("you lot built a useless bot")
_THE_BOT = re.compile(r"\b(?:bot|robot|chatbot|machine|computer|ai|programme?|script)\b", re.IGNORECASE)


def company_insulted(text: str) -> bool:
    """Whether `text` scorns the company or everyone at it (see the module docstring), not the bot."""
    return _AT_US_ALL.search(text) is not None and _THE_BOT.search(text) is None



# "u r useless", "you're pathetic", "stupid bot": the assistant scorned, and nothing else said. The model reads
# a question about the bot in it (or nothing sure); it is anger, answered like any complaint about the service
_AT_YOU = re.compile(r"\b(?:you|u|ur|you'?re|youre|bot|chatbot|robot)\b", re.IGNORECASE)
_SCORNED = re.compile(rf"\b{_SCORN}\b|\b(?:stupid|thick|dumb|crap|crappy|shit|idiots?|worst|worthless|clueless|waste of"
                      r"|morons?|muppets?|brainless|garbage|trash|junk)\b", re.IGNORECASE)
_ASKED = re.compile(r"\?|\b(?:where|when|what|what'?s|wh?ats|how|why|can|could|refund|order|cancel|parcel|deliver\w*|want|need|human|person"
                    r"|agent|someone|manager|joke (?:about|for)|tell me)\b", re.IGNORECASE)
MAX_SCORN_WORDS = 10  # "ur literally the most useless bot ive ever used 🤡🤡🤡"


def assistant_scorned(text: str) -> bool:
    """Whether `text` only scorns the assistant ("u r useless", "stupid bloody robot"): short, nothing asked."""
    return (len(text.split()) <= MAX_SCORN_WORDS and _AT_YOU.search(text) is not None
            and _SCORNED.search(text) is not None and _ASKED.search(text) is None)


# "piss off", "f off", "go to hell", "do one": the customer telling us where to go, with nothing asked. Not a
# goodbye to wish a lovely day: anger, answered with an apology and a person offered
_TOLD_WHERE_TO_GO = re.compile(
    r"^\W*(?:(?:oh|just|ah|aw|why don'?t you|go and|can you|please|pls|now)\s+)*"
    r"(?:(?:piss|sod|bugger|naff|eff|f|fu+c?k|shove|jog|clear|rack)\s*off|go (?:to hell|away and die|f\w* yourself)"
    r"|get (?:lost|stuffed|to f\w+)|do one|f\W*off|stfu|shut (?:up|it|the f\w* up)|gtfo)\b"
    r"(?:\s*,?\s*(?:you|u|ya|bot|robot|mate|then|now|already|will you|pal|\w*bot|" + _SCORN + r"|[a-z]*ing|stupid|useless"
    r"|thing|machine))*\W*$",
    re.IGNORECASE)


def told_where_to_go(text: str) -> bool:
    """Whether `text` only tells us where to go ("piss off", "stfu bot", "go to hell you useless
    thing"): anger, and nothing asked."""
    return _TOLD_WHERE_TO_GO.search(text) is not None

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
          r"|incompetent|a mess|unbelievable|wrong with)")
_AT_US_ALL = re.compile(rf"\b{_US_ALL}\b[^.!?]{{0,40}}\b{_SCORN}\b|\b{_SCORN}\b[^.!?]{{0,25}}\b{_US_ALL}\b"
                        r"|\b(?:joke|shambles|farce|disgrace|clown show|circus) of an? (?:company|shop|firm|business|outfit)\b",
                        re.IGNORECASE)
# the assistant named: a question about it, for the model ("you lot built a useless bot")
_THE_BOT = re.compile(r"\b(?:bot|robot|chatbot|machine|computer|ai|programme?|script)\b", re.IGNORECASE)


def company_insulted(text: str) -> bool:
    """Whether `text` scorns the company or everyone at it (see the module docstring), not the bot."""
    return _AT_US_ALL.search(text) is not None and _THE_BOT.search(text) is None


# "I want to make a complaint", "I wish to lodge a formal complaint", "how do I complain?": a complaint
# announced before it is told; the model, with nothing of ours named, reads our contact details,
# something off-topic, or nothing sure
_COMPLAINT_ANNOUNCED = re.compile(
    r"\b(?:make|file|lodge|raise|submit|log|put in|register|start)\s+(?:a\s+|an\s+)?(?:formal\s+|official\s+|proper\s+)?"
    r"complaint\b"
    r"|\b(?:i|we)\s+(?:really\s+)?(?:want|wanna|would like|'?d like|wish|need|have|am going|'?m going|'?m gonna)\s+(?:to\s+)?"
    r"complain\b"
    r"|\b(?:i|we)\s+(?:have|'?ve got|got)\s+(?:a\s+)?(?:formal\s+|serious\s+)?complaint\b"
    r"|\b(?:can|could|how (?:do|can|would))\s+(?:i|we)\s+(?:make\s+a\s+)?complain(?:t)?\b"
    # "I have a problem", "there's an issue with my order", "i need to report a problem with my delivery": all it says
    r"|^\W*(?:hi|hello|hiya|hey)?\W*(?:(?:i|we)(?:'ve| have)?(?: got)?|there'?s|there is|i need to report|i want to report"
    r"|i'?d like to report)\s+(?:a\s+|an\s+)?(?:problem|issue)(?:\s+with\s+(?:my|an|the|our)\s+(?:order|delivery|parcel"
    r"|account|refund|purchase|item))?\s*[.!]*\s*$",
    re.IGNORECASE)
# a complaint department asked for by its phone number or email is a question about contacting us
_CONTACT_ASKED = re.compile(r"\b(?:phone|number|email|e-mail|address|ring|call)\b", re.IGNORECASE)


def complaint_announced(text: str) -> bool:
    """Whether `text` announces a complaint (see _COMPLAINT_ANNOUNCED), not how to contact us about one."""
    return _COMPLAINT_ANNOUNCED.search(text) is not None and _CONTACT_ASKED.search(text) is None

"""A person asked for in so many words: "just get me a real person right now", "human. NOW.",
"let me speak to a manager".

The model reads the rest of such a message first ("no i don't want another excuse" is a "no";
"I'm not signing in to anything" is about the account) and the customer who asked for a person
is told "No problem, let's leave that". The words are unmistakable, so they decide.
"""

from __future__ import annotations

import re

from contracts.dismissal import PERSON_CALLED_OFF

_PERSON = (r"(?:(?:a|an|some|your|one of your)\s+)?(?:real\s+|actual\s+|live\s+|proper\s+)?"
           r"(?:human(?:\s+being)?|person|agent|operator|manager|supervisor|member of (?:staff|your team))")
# "someone" only after a verb of talking: "I need someone to be in to sign for it" asks for no one
_SOMEONE = (r"(?:speak to|talk to|speak with|talk with|connect me (?:to|with)|transfer me to|pass me (?:on )?to"
            r"|put me through to)\s+(?:someone|somebody)")
_DEMAND = re.compile(
    r"\b(?:get|give|put|want|need|speak to|talk to|speak with|talk with|connect me (?:to|with)|transfer me to"
    r"|pass me to|put me through to|let me speak to|let me talk to)\s+(?:me\s+)?(?:through\s+to\s+)?" + _PERSON + r"\b"
    r"|\b" + _SOMEONE + r"\b",
    re.IGNORECASE)
# a sentence that is only the word: "human. NOW.", "agent please"
_ALONE = re.compile(r"(?:^|[.!?]\s*)(?:a\s+)?(?:real\s+)?(?:human|agent|operator|person)(?:\s+(?:now|please|pls|asap))?"
                    r"\s*(?:[.!?]+|$)", re.IGNORECASE)
# "what number do I ring to talk to someone?": a question about how, for the model to read
_ASKED_ABOUT = re.compile(r"\b(?:what|which|how|when|where|who|is there|are there|do you have)\b", re.IGNORECASE)
# a negation just before the demand ("I don't really want to talk to a person"), not one earlier in
# the sentence ("no i don't want another excuse just get me a real person")
_NEGATED = re.compile(r"\b(?:don'?t|dont|do not|no need to|not|never)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def person_demanded(text: str) -> bool:
    """Whether `text` asks for a person outright (see the module docstring); "I don't want to
    talk to a person" and "what number do I ring to talk to someone?" do not."""
    for m in _DEMAND.finditer(text):
        sentence = text[:m.start()].rsplit(".", 1)[-1].rsplit("?", 1)[-1].rsplit("!", 1)[-1]
        if not _NEGATED.search(sentence) and not _ASKED_ABOUT.search(sentence):
            return True
    return _ALONE.search(text.strip()) is not None


def person_called_off(text: str) -> bool:
    """Whether `text` calls off the person asked for ("cancel the agent": contracts.dismissal)."""
    return PERSON_CALLED_OFF.search(text) is not None


# "what's your name then", "whats ur name": a question about the assistant, which the model,
# seeing "what's your …", reads as a question about our opening hours or phone number
# ("do you have a name necklace?" is a product question; the question must end its sentence)
_ASSISTANTS_NAME = re.compile(r"(?:\b(?:what'?s|whats|what is|tell me)\s+(?:your|ur)\s+name|\b(?:do you have|have you got) a name"
                              r"|\bwhat (?:are you|do you) called"
                              r"|\bwhat do (?:i|we) call you)(?:\s+(?:then|again|mate|pls|please|btw|lol))?\s*(?:[.!?,]|$)",
                              re.IGNORECASE)


def asks_the_assistants_name(text: str) -> bool:
    """Whether `text` asks what the assistant is called."""
    return _ASSISTANTS_NAME.search(text) is not None

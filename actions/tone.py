"""How the customer feels so far, from the sentiment the nlu service put on each message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from contracts.records import NEUTRAL, UserMessage, user_messages

STRONGLY_NEGATIVE = 0.6  # sentiment score from which a negative message is answered emotion first
# The encoder reads lower case, so shouting is invisible to it: capitals and "!!!" are read here.
SHOUTING_MIN_LETTERS = 12
SHOUTING_CAPITALS_SHARE = 0.7
_EXCLAMATIONS = re.compile(r"!{3,}")


def shouting(text: str) -> bool:
    """Mostly capitals over a real sentence ("WHERE IS MY ORDER"), or "!!!"."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= SHOUTING_MIN_LETTERS and sum(c.isupper() for c in letters) >= SHOUTING_CAPITALS_SHARE * len(letters):
        return True
    return _EXCLAMATIONS.search(text) is not None


# An insult or an angry face is anger whatever the model reads: sarcasm ("ur bot is useless as hell
# 🙄 great job guys") reads as praise to a sentiment model.
INSULTS = re.compile(r"\b(?:useless|rubbish(?! bin)|pathetic|shambles|shambolic|disgrace(?:ful)?|incompetent|clowns?"
                     r"|idiots?|morons?|garbage|crap|shite?|joke of a"
                     # "this is a joke", "what a joke", "you lot are a total joke" (not "tell me a joke")
                     r"|(?:\bis|\bits|\bare|\bwas|what|such|\bur|'s|'re)\s+a (?:complete |total |absolute |utter )?joke"
                     r"|waste of (?:time|space)|scam(?:mers)?|cowboys|muppets|worthless|ffs|wtf"
                     # "my dress better turn up today or there'll be trouble"
                     r"|or else(?=\W*$)|there'?ll be (?:trouble|hell to pay)"
                     # "dont you dare tell me to be patient"
                     r"|don'?t you dare"
                     # the apology thrown back: "Don't give me sorry", "Don't sorry me", "I don't want apologies",
                     # "Don't tell me you're sorry", "Sorry won't pay my rent" (not "don't be sorry, it's fine")
                     r"|(?:don'?t|dont|do not) (?:give me |say |tell me (?:you'?re |your |ur )?)?['\"‘“]?sorry['\"’”]?(?: me)?"
                     r"(?!\W*(?:about|for|it'?s|its|it is|that'?s|you'?ve|you'?re|these|no need|lol|haha|love|hun|mate"
                     r"|i'?ll|not your)\b)"
                     r"|(?:don'?t|dont|do not) want (?:your |any more |more |any )?(?:apolog(?:y|ies|ising)|sorrys?)"
                     r"|sorry (?:won'?t|doesn'?t|does not|will not) (?:pay|fix|cut it|help|get|bring|put|change|sort)"
                     r"|(?:spare me|enough (?:of|with)) (?:the|your) (?:apolog(?:y|ies)|sorrys?)"
                     # "for gods sake answer the question"
                     r"|for (?:fuck|f\*+k|feck|f\*+|god|christ|heaven|goodness|pete)'?s? sake)\b|[\U0001F620\U0001F621\U0001F624\U0001F92C\U0001F644]",
                     re.IGNORECASE)


def strongly_upset(message: UserMessage) -> bool:
    """Clearly upset: read as strongly negative, or openly upset (see openly_upset)."""
    sentiment = message.sentiment
    if sentiment.label == "negative" and sentiment.score >= STRONGLY_NEGATIVE:
        return True
    return openly_upset(message)


def openly_upset(message: UserMessage) -> bool:
    """Upset in the words themselves, whatever the model reads: insulting (INSULTS), or shouted
    and not read as positive ("THANK YOU SO MUCH!!!" is not anger)."""
    if INSULTS.search(message.text):
        return True
    return message.sentiment.label != "positive" and shouting(message.text)


@dataclass(frozen=True)
class Mood:
    latest: str  # negative | neutral | positive
    negative_messages: int  # read as negative, or shouted
    latest_strongly_upset: bool = False

    @property
    def upset(self) -> bool:
        return self.latest == "negative" or self.latest_strongly_upset


def mood_from_events(events: Iterable[Mapping]) -> Mood:
    messages = user_messages(events)
    if not messages:
        return Mood(latest=NEUTRAL, negative_messages=0)
    upset = [strongly_upset(m) for m in messages]
    negative = sum(m.sentiment.label == "negative" or u for m, u in zip(messages, upset))
    return Mood(latest=messages[-1].sentiment.label, negative_messages=negative, latest_strongly_upset=upset[-1])


def should_offer_human(mood: Mood, tier: Optional[str], is_complaint: bool,
                       top_tiers: Iterable[str], negative_threshold: int, every_complaint: bool = False) -> bool:
    """Repeated negativity earns a person; so does a complaint, every one or (when a contact
    centre keeps its people for its best customers) a top-tier customer's only."""
    if mood.negative_messages >= negative_threshold:
        return True
    if not is_complaint:
        return False
    return every_complaint or (tier is not None and tier.lower() in set(top_tiers))


# "this is the 3rd time ive contacted you about the air fryer", "I've asked where my sofa is three times
# now", "I keep having to chase you": the customer has been here before without an answer that worked, so
# a person is offered whatever the words' tone
_CONTACTED_BEFORE = re.compile(
    # (an ordinal time of contact, not of anything else: "the second time it has said that")
    r"\b(?:2nd|3rd|4th|5th|6th|second|third|fourth|fifth|sixth|umpteenth|nth|hundredth|millionth)\s+time\s+"
    r"(?:(?:that\s+|now\s+|today\s+)?(?:i|we)(?:'?ve| have| am|'?m)?\s+(?:had\s+to\s+|been\s+)?(?:now\s+)?)?"
    r"(?:contact|ask|messag|email|e-mail|call|ring|phon|chas|writ|complain|been in touch|tr(?:y|ied)|get|got|spok|speak"
    r"|talk|chat)\w*"
    r"|\b(?:contacted|messaged|emailed|e-mailed|rung|rang|called|phoned|chased|asked|written|wrote|complained)"
    r"\s+(?:(?:to\s+)?(?:you|u|ye|yous)\s+(?:lot\s+|guys\s+|people\s+)?)?(?:about\s+(?:this|it)\s+)?(?:about\s+\w+\s+)?"
    r"(?:twice|three times|four times|five times|several times|multiple times|loads of times|so many times"
    r"|(?:\d+|a few|a couple of|countless|numerous) times|again and again|over and over)"
    r"|\b(?:keep|kept|keeps)\s+(?:on\s+)?(?:having to\s+)?(?:contact|chas|ring|call|phon|email|messag|writ)\w*"
    r"|\b(?:asked|contacted|messaged|emailed|called|phoned|rung|chased|written)\b[^.!?]{0,40}?\b(?:twice"
    r"|(?:three|four|five|six|several|multiple|many|\d+|so many|countless|numerous) times)\b",
    re.IGNORECASE)


def contacted_before(text: str) -> bool:
    """Whether `text` says the customer has contacted us about it more than once already."""
    return _CONTACTED_BEFORE.search(text) is not None


# "What are you going to do about it?", "I want this sorted today": more than the order's status is
# asked for; "I rang yesterday and was told it would be here today": a promise already broken. Either
# way the answer alone does not do, and a person is offered whatever the words' tone.
_ACTION_DEMANDED = re.compile(
    r"\bwhat (?:are|r) (?:you|u|ye) (?:going|gonna) (?:to )?do about (?:it|this|that)\b"
    r"|\bwhat (?:will|do|can) (?:you|u) (?:do|intend to do|plan to do) about (?:it|this|that)\b"
    r"|\b(?:i )?(?:want|need|expect) (?:this|it|that) (?:sorted|fixed|resolved|dealt with)(?: out)?"
    r" (?:today|now|asap|immediately|straight away|right now)\b"
    r"|\b(?:i was|we were|i got|i've been|i have been|and was|but was|and got) (?:told|promised|assured)\b"
    r"[^.!?]{0,40}?\b(?:would|will|'d)\b"
    r"|\b(?:you|u|they|your (?:colleague|agent|team|staff|courier|driver)) (?:said|promised|told me|assured me)"
    r" (?:it|they|the \w+|my \w+)(?: \w+)? (?:would|will|'d)\b"
    # "i was promised a call back about the sofa and nobody called"
    r"|\b(?:i was|we were|i got|i've been|i have been|and was|but was|you|u|they) (?:promised|told i'?d get|told we'?d get)"
    r" (?:a |an )?(?:call ?back|callback|call|phone call|ring ?back|email|reply|response|update)\b"
    r"|\b(?:nobody|no ?one|no-one|never|nobody has|no one has|you never|they never) (?:ever )?(?:called|rang|phoned|got back"
    r"|replied|rung|emailed)(?: (?:me|us))?(?: back)?\b",
    re.IGNORECASE)


def action_demanded(text: str) -> bool:
    """Whether `text` demands that something be done, or tells of a promise broken (see _ACTION_DEMANDED)."""
    return _ACTION_DEMANDED.search(text) is not None

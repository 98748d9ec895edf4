"""Pleasantries the model has few words for: praise of the assistant and "how are you?".

- "lol your actually quite good at this", "you're a star": praise, which the model reads as
  thanks at low odds and the customer is asked to rephrase; it is answered as thanks.
- "how are you doing today?": a greeting, which the model, seeing "today", reads as a question
  about our opening hours.
- "I'll sign in and come back": a goodbye for now, which the model, seeing "sign in", reads as
  an account problem.
- "👍" alone: a yes (to an offer, or to the answer just given), which the model, having no
  words, reads as off-topic.
"""

from __future__ import annotations

import re

_PRAISE = re.compile(
    r"\b(?:you'?re|youre|your|ur|you are|u r|u are)\s+(?:actually\s+|really\s+|pretty\s+|quite\s+|very\s+|so\s+|such\s+"
    r"|not bad\s+|an?\s+|absolute\s+|honestly\s+|genuinely\s+|(?:way |much |so much )?more\s+)*(?:good|great|helpful|brilliant|amazing|clever|smart|star|legend|fab|fabulous"
    r"|fantastic|ace|gem|lifesaver|life saver|superstar|wonderful|quick)\b"
    r"|\b(?:good|clever|great|smart) (?:bot|robot|assistant)\b",
    re.IGNORECASE)
# "you're not very good at this", "you'd be good if…": no praise; "since you're so clever, what's the
# capital of Australia?": a question, the praise its lead-in
_NOT_PRAISE = re.compile(r"\bnot (?:very |really |that |so )?(?:good|great|helpful|clever|smart)\b|\bwould be\b|\bif\b"
                         r"|\bsince\b|\?|\b(?:what|where|when|why|who|which|how|can|could|will|would)\b",
                         re.IGNORECASE)


def praised(text: str) -> bool:
    """Whether `text` praises the assistant (the caller also checks the feeling is positive:
    sarcasm reads as praise to a pattern)."""
    return _PRAISE.search(text) is not None and _NOT_PRAISE.search(text) is None


# "how are you doing today?", "hiya, how r u": a greeting asked as a question, with nothing else
_HOW_ARE_YOU = re.compile(
    r"^\W*(?:(?:hi|hiya|hello|hey|heya|morning|afternoon|evening|good (?:morning|afternoon|evening)|alright|ok|okay)\b[\s,!.]*)*"
    r"(?:and\s+)?how\s+(?:are|r)\s+(?:you|u|ya|things)(?:\s+(?:doing|keeping|getting on|today|this (?:morning|afternoon|evening)"
    r"|then|mate|pal|love|hun))*\W*$",
    re.IGNORECASE)


# "hello hello can you hear me", "is this the shop": a caller's or dictating customer's check that
# someone (the right one) is there
_ANYONE_THERE = re.compile(r"^\W*(?:(?:hi|hello|hiya|hey|helo|uh|um|er|erm)\b[\s,!.?]*)*(?:(?:can|could) (?:you|u) (?:hear|see|read) (?:me|this)"
                           r"|(?:is )?(?:any ?one|any ?body|some ?one) (?:there|here)"
                           # "hello hello uh is this the is this the online shop"
                           r"|(?:is this (?:the )?)+(?:\w+ )?(?:shop|store|company|customer (?:service|care|support)"
                           r"|right (?:number|place)))\W*$", re.IGNORECASE)


# "can you help me with something?", "i have a question", "I need some help": help asked for before
# saying with what (not "I have a problem": a complaint announced, nlu.complaints), answered as a greeting is ("How can I help?"), not as something we don't do
_HELP_WANTED = re.compile(r"^\W*(?:(?:hi|hiya|hello|hey|helo|morning|afternoon|evening|um|erm|please|pls)\b[\s,!.?]*)*"
                          r"(?:(?:can|could|will) (?:you|u|someone|somebody|anyone) (?:please |pls )?help(?: me)?"
                          r"|(?:i|i'?d) (?:need|want|would like|could use) (?:some |a bit of |a little )?help"
                          r"|help(?: me)?(?: (?:please|pls|plz))?"
                          r"|i (?:have|got|'?ve got) (?:a |one )?(?:quick )?(?:question|query|enquiry))"
                          r"(?: (?:with|about) (?:something|a (?:question|query|problem|thing|few things)|an? (?:issue|problem)))?"
                          r"(?: (?:please|pls))?\W*$", re.IGNORECASE)


def asks_how_we_are(text: str) -> bool:
    """Whether `text` only greets with "how are you?", "can you hear me?" or "can you help me?"."""
    return (_HOW_ARE_YOU.search(text) is not None or _ANYONE_THERE.search(text) is not None
            or _HELP_WANTED.search(text) is not None)


# thumbs up, OK hand, check marks, in any skin tone, and nothing else
_THUMBS_UP = re.compile(r"^\s*(?:[\U0001F44D\U0001F44C\u2705\u2714\u2611]\ufe0f?[\U0001F3FB-\U0001F3FF]?\s*)+$")


# "ok then", "ok great", "sound", "okie dokie": a yes to what was offered, which the model reads as a goodbye,
# a greeting or nothing sure
_PLAIN_YES = re.compile(r"^\W*(?:(?:ok|okay|k|alright|right|sure|yes|yeah|go on)\s+(?:then|great|cool|perfect|lovely"
                        r"|brilliant|sound|grand)|sound|grand|okie[- ]?dokie|okey[- ]?dokey|righto|right-o|rightio"
                        r"|aye|sweet|coolio)\W*$"
                        # "oh ok", "ah okay", "oh right ok": a plain acknowledgement (not "oh ok?", surprise)
                        r"|^\W*(?:oh|ah|aw|ahh|ohh)[\s,]+(?:ok|okay|k|kk|alright|right|i see|fair enough|got it|gotcha)"
                        r"(?:[\s,]+(?:ok|okay|then))?[\s.!]*$"
                        # "That would be great, thank you" to the offer
                        r"|^\W*(?:yes,? )?that would be (?:great|lovely|brilliant|good|helpful|fab|perfect)\b[\s,.!]*"
                        r"(?:(?:thanks|thank you|cheers|ta)\b[\s.!]*)?$"
                        # a yes with a condition of time: "ok but only if it's quick, I'm on my lunch break"
                        r"|^\W*(?:ok|okay|yes|yeah|go on|fine|alright)\b[\s,]*(?:but\s+)?(?:only\s+)?if\s+(?:it'?s|its|it is|it'?ll be"
                        r"|that'?s)\s+(?:quick|fast|not (?:too )?long)\b(?![^?]*\?)", re.IGNORECASE)


def plain_yes(text: str) -> bool:
    """Whether `text` is only a thumbs-up (or an OK hand, a check mark), or a plain yes such as "ok then"."""
    return _THUMBS_UP.search(text) is not None or _PLAIN_YES.search(text) is not None


# "I'll hold off for now", "let me think about it", "maybe later": what was offered put off, a polite no
# (the model reads a goodbye in it); waiting for the person put through is agreed_to_wait
_PUT_OFF = re.compile(r"^\W*(?:(?:ok|okay|no|nah|hmm+|erm|um|actually|thanks|ta|cheers|honestly)\b[\s,.!]*)*"
                      r"(?:(?:i'?ll|ill|i will|let me|i'?d better|i think i'?ll)\s+(?:just\s+)?(?:hold off|think about it"
                      r"|think it over|sleep on it|leave it|pass)"
                      r"|(?:maybe|perhaps) (?:later|another time|tomorrow)|not (?:right )?now|not for now)"
                      r"(?:\s+(?:for now|for the moment|for a bit|for today|then|thanks|thank you))*[\s,.!]*"
                      # "I'll pass for now thanks, might be in by Monday": a hope for why, after it
                      r"(?:(?:it )?(?:might|may) (?:be|come|turn up|arrive|land|show)\b[^.?!]{0,30}[\s.!]*)?"
                      r"(?:(?:thanks|thank you|ta|cheers)\W*)?$", re.IGNORECASE)


def put_off(text: str) -> bool:
    """Whether `text` only puts off what was offered (see _PUT_OFF)."""
    return _PUT_OFF.search(text) is not None


# "I'll sign in and come back", "ok i'll log in and check myself"
_LEAVING_TO_SIGN_IN = re.compile(r"^\W*(?:(?:ok|okay|fine|right|alright|no|thanks|cheers)\b\W*)*(?:i'?ll|ill|i will)\s+(?:just\s+)?"
                                 r"(?:sign|log)\s?in\s+(?:and|then)\s+(?:come back|try again|ask (?:you )?again|check(?: it)?"
                                 r"(?: myself)?|have a look|see)(?:\s+(?:later|then|myself))?\W*$", re.IGNORECASE)


def leaving_to_sign_in(text: str) -> bool:
    """Whether `text` only says the customer will sign in and come back."""
    return _LEAVING_TO_SIGN_IN.search(text) is not None


# "ok i'll wait", "no worries, I'll hang on. thanks": agreeing to wait (for the person put through,
# for the answer), not a goodbye and not a no
_AGREED_TO_WAIT = re.compile(r"^\W*(?:(?:ok|okay|k|fine|alright|right|sure|no worries|no problem|cool|great|grand|yeah|yes"
                             r"|perfect|lovely|brilliant|sound|fab|well|oh)\b"
                             r"[\s,.!]*)+(?:i'?ll|ill|i will|i can|happy to|we'?ll)\s+(?:just\s+)?(?:wait|hang on|hold on"
                             r"|hang fire)(?:\s+(?:then|here|for (?:them|someone|a person|the agent|you|now)))?[\s,.!]*"
                             r"(?:(?:thanks|thank you|ta|cheers)\W*)?$", re.IGNORECASE)


def agreed_to_wait(text: str) -> bool:
    """Whether `text` only agrees to wait (see _AGREED_TO_WAIT)."""
    return _AGREED_TO_WAIT.search(text) is not None


# "fine whatever", "oh well", "yeah whatever": giving up on the point, grudgingly; a no to anything more
# (not something off-topic, nor a greeting; "i guess so" is a reluctant yes)
_RESIGNED = re.compile(r"^\W*(?:(?:fine|ok|okay|k|yeah|yea|yh|oh|right|sure|great|alright|ugh|meh)\b\W*)*"
                       r"(?:whatever|whatevs|w/e|oh well)\W*(?:then)?\W*$",
                       re.IGNORECASE)


def resigned(text: str) -> bool:
    """Whether `text` only gives up on the point ("fine whatever", "oh well")."""
    return _RESIGNED.search(text) is not None

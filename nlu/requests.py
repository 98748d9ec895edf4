"""Several requests in one message: "the sofa is late, and can I cancel the phone case order".

A message is cut into clauses (sentences, and the joints customers use to add a second
thought: "and also", "oh and", "on top of that"…). Each clause is classified; the clauses
confidently read as *different* requests (intents with a priority in the training data)
are the message's requests, the highest priority first. The dialogue answers the first and
offers the others next.

A clause boundary in the wrong place costs little: a fragment too short to be a request is
merged into its neighbour, and a clause the model is unsure of is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where a second thought may start: end punctuation, or a joining phrase after a comma or
# space. "and" alone joins too many nouns ("phone case and screen protector") to cut there
# unless a comma or a new subject follows it.
_JOINTS = re.compile(
    r"(?<=[.!?;…])\s+"
    r"|\s*\n\s*"
    r"|,?\s+(?:oh|and|but|also|plus)\s+(?:also|another thing|on top of that|while i'?m here|one more thing)[,:]?\s+"
    r"|,?\s+(?:on top of that|as well as that|while i'?m here|one more thing|another thing)[,:]?\s+"
    r"|,\s*(?:and|but|also|plus|oh and)\s+"
    r"|\s+(?:oh and|and also|also)\s+"
    # "…and where's…", "…and tbf whens the sofa coming" (fillers between), "…and now the stupid thing
    # won't even let me log in"
    r"|\s+and\s+(?:(?:tbf|tbh|btw|to be (?:fair|honest)|by the way|also|plus)[,]?\s+)*"
    r"(?=(?:can|could|will|would|do|does|did|is|are|why|when|whens|where|wheres|how|hows|what|whats|i|i'm|i've|my|you"
    r"|honestly|now)\b)"
    # "track my trainers pls and cancel the kettle order": a second request's verb, unless it only
    # adds a verb to the first ("i want to cancel and refund the sofa"); not "…and refund me": a
    # cancellation is refunded anyway
    r"|(?<!cancel)(?<!refund)(?<!return)(?<!track)(?<!check)\s+and\s+(?=(?:cancel|track)\b)"
    # "no, that's fine, I'll wait": a comma before a new subject
    r"|,\s+(?=(?:i|i'm|i'll|i've|i'd|we|we're|you|my|it's|that's)\s)",
    re.IGNORECASE,
)
# a greeting that opens the message is a clause of its own however short, so "hey wher is my
# ordr", read whole as a greeting, still shows the request after it (request_in_reaction)
_GREETING = re.compile(r"^\s*(?:(?:hi|hey|hello|hiya|heya)(?:\s+there)?|good\s+(?:morning|afternoon|evening))\b[\s,!.]*",
                       re.IGNORECASE)
# so is an acknowledgement closed by punctuation ("fine, where's the sofa then"; "ok whatever.
# is it any closer?"): a reaction to the last answer, and the request after it
_ACKNOWLEDGEMENT = re.compile(r"^\s*(?:(?:ok|okay|fine|right|alright|well|yeah|yes|sure|cool|great|whatever|hmm|um|erm)"
                              r"\s*)+[,.!]+\s*", re.IGNORECASE)
# joining words left at a clause's start ("oh and I can't log in") are not part of the request
_LEADING_JOINERS = re.compile(r"^(?:(?:oh|and|also|plus|but|so)\b[\s,]*)+", re.IGNORECASE)
MIN_CLAUSE_WORDS = 3
# a clause read with this confidence is something the customer asks, not background to a request
SURE = 0.8
# a clause read with less is a guess: background that happens to look like a request
EVEN_ODDS = 0.5
STORY_CLAUSES = 3
MAX_CLAUSES = 10
# Intents that react rather than ask: when such a message holds one clause that is a request
# ("no, I don't want a bot, I want a human being"; "hi there. my parcel never came"), the request leads.
# Feedback counts: "your website is garbage. just tell me when my trainers are turning up" asks
# about the trainers.
REACTIONS = frozenset({"deny", "greet", "bot_challenge", "out_of_scope", "give_feedback"})
# An intent that gives details for a request rather than asking anything ("My order number is ORD-61234.")
DETAILS = frozenset({"inform"})

# A request taken back ("no wait, I don't want to cancel it after all"): a classifier reads the
# verb and misses the negation before it, so such a message is a "no" to that request.
_TAKEN_BACK = re.compile(r"\b(?:don'?t|dont|do not|no longer)\s+(?:(?:want|need|wish)\s+(?:to\s+)?)?"
                         r"(?P<verb>cancel|refund|return)\b", re.IGNORECASE)
# A refund turned down beside something else ("…want a replacement not a refund. how long will it take"):
# that clause asks for no refund, though the message as a whole ("I don't want a refund, send another
# one") still asks for something the model reads
_REFUND_DECLINED = re.compile(r"\b(?:(?:don'?t|dont|do not)\s+(?:want|need)|not|rather than|instead of)\s+a\s+refund\b",
                              re.IGNORECASE)
REFUND_INTENT = "request_refund"
_TAKEN_BACK_INTENT = {"cancel": "cancel_order", "refund": "request_refund", "return": "request_refund"}
WITHDRAWN_INTENT = "deny"
GREETING = "greet"
COURTESIES = frozenset({GREETING, "thanks", "goodbye"})
# what ends a message rather than saying what it is about ("anyway, that's all, have a good one")
SIGN_OFFS = frozenset({"thanks", "goodbye"})


@dataclass(frozen=True)
class Request:
    intent: str
    confidence: float
    start: int
    end: int

    def as_dict(self, text: str) -> dict:
        return {"intent": self.intent, "confidence": round(self.confidence, 4),
                "start": self.start, "end": self.end, "text": text[self.start:self.end]}


# …or only thought of: "I was going to cancel the trainers, but I've decided to keep them" (unless
# the verb comes back after it: "I was going to wait, but no, cancel it")
_THOUGHT_OF = re.compile(r"\b(?:was|were|i'?d been|had been)\s+(?:going|gonna|about|thinking of|planning|tempted)\s+(?:to\s+)?"
                         r"(?P<verb>cancel|refund|return)\w*|\b(?:thought about|considered|nearly|almost)\s+"
                         r"(?P<verb2>cancel|refund|return)\w*", re.IGNORECASE)


def taken_back(text: str, intent: str) -> bool:
    """Whether `text`, read as `intent`, takes that request back (or only thought of it) instead of
    asking for it."""
    if any(_TAKEN_BACK_INTENT[m.group("verb").lower()] == intent for m in _TAKEN_BACK.finditer(text)):
        return True
    for m in _THOUGHT_OF.finditer(text):
        verb = (m.group("verb") or m.group("verb2")).lower()
        if _TAKEN_BACK_INTENT[verb] == intent and verb not in text[m.end():].lower():
            return True
    return False


def declined_in_clause(clause: str, intent: str) -> bool:
    """Whether a clause read as `intent` takes it back (`taken_back`) or turns down a refund."""
    return taken_back(clause, intent) or intent == REFUND_INTENT and _REFUND_DECLINED.search(clause) is not None


def clause_spans(text: str, min_words: int = MIN_CLAUSE_WORDS) -> list[tuple[int, int]]:
    """Character spans of the message's clauses; fragments under `min_words` words join the
    clause before them (or after, at the start), except an opening greeting or acknowledgement."""
    greeting = _GREETING.match(text) or _ACKNOWLEDGEMENT.match(text)
    if greeting and len(text[greeting.end():].split()) >= min_words:
        said = len(greeting.group().rstrip(" ,!."))
        rest = clause_spans(text[greeting.end():], min_words)
        return [(len(greeting.group()) - len(greeting.group().lstrip()), said),
                *[(s + greeting.end(), e + greeting.end()) for s, e in rest]]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _JOINTS.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    spans = [(s + _lead(text[s:e]), len(text[:e].rstrip(" ,.!?;"))) for s, e in spans]
    spans = [(s, e) for s, e in spans if e > s]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (_short(text, s, e, min_words) or _short(text, *merged[-1], min_words)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _lead(clause: str) -> int:
    """How many characters of joining words the clause starts with (all of it when that is all)."""
    m = _LEADING_JOINERS.match(clause)
    return m.end() if m else 0


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# a verb and an order number make a request of two words ("track ORD-20002 and cancel ORD-20001"), and
# so do a thing and what is wrong with it ("sofa late. cancel phone case")
_TWO_WORD_REQUEST = re.compile(r"^(?:(?:track|cancel|refund|return|check)\s+ord\W?\d{3,}"
                               r"|(?!(?:not|never|nothing|isnt|wasnt|arent|its|still|also|just|one)\b)[a-z]{3,}\s+"
                               r"(?:late|missing|broken|damaged|lost|smashed|cracked))$", re.IGNORECASE)


def _short(text: str, start: int, end: int, min_words: int) -> bool:
    """Whether the clause is too short to be a request of its own."""
    words = _words(text, start, end)
    return words < min_words and not _TWO_WORD_REQUEST.match(text[start:end])


def best_clause(clauses: list[tuple[int, int]], predictions: list[tuple[str, float]],
                priorities: dict[str, int], threshold: float) -> Request | None:
    """For a message the model is unsure of as a whole ("haha fair enough. is it still coming
    today?"): its most confident clause, a request before anything else; None when no clause
    is sure enough either. A greeting does not count when the message says more ("hi yeah um
    where is order two zero zero zero two" is not a hello: the whole message is read again)."""
    sure = [Request(i, c, s, e) for (s, e), (i, c) in zip(clauses, predictions) if c >= threshold and i != GREETING]
    if not sure:
        return None
    return max(sure, key=lambda r: (r.intent in priorities, r.confidence))


def request_in_reaction(whole_intent: str, clauses: list[tuple[int, int]], predictions: list[tuple[str, float]],
                        priorities: dict[str, int], threshold: float, whole_confidence: float = 0.0,
                        sure: float = SURE) -> Request | None:
    """The one request inside a message read as a whole as a reaction (REACTIONS); None when
    the message is not one, or holds no request or several different ones, or when the
    reaction is sure and the request is not ("how do i cancel my netflix subscription? they
    keep taking money every month" is off-topic, not a double charge)."""
    if whole_intent not in REACTIONS:
        return None
    found = [Request(i, c, s, e) for (s, e), (i, c) in zip(clauses, predictions) if i in priorities and c >= threshold]
    if len({r.intent for r in found}) != 1:
        return None
    # a sure "no" with a request after it ("I was going to cancel the phone case but I'll keep it.
    # When will it ship?") still asks it: the no is to something else
    if whole_confidence >= sure > found[0].confidence and whole_intent != WITHDRAWN_INTENT:
        return None
    return found[0]


def after_greeting(whole_intent: str, clauses: list[tuple[int, int]], predictions: list[tuple[str, float]],
                   priorities: dict[str, int], sure: float = SURE) -> Request | None:
    """What a message read as a greeting clearly says after it ("hello, are you a real person?"
    asks about the bot; "hiya, thanks for sorting that out" thanks): its surest clause that is
    not a greeting, a request before anything else; None when the message is not read as a
    greeting or says nothing sure besides ("hey, I have a question" is still hello)."""
    if whole_intent != GREETING:
        return None
    said = [(clause, read) for clause, read in zip(clauses, predictions) if read[0] != GREETING]
    return best_clause([c for c, _ in said], [r for _, r in said], priorities, sure) if said else None


def pick_requests(clauses: list[tuple[int, int]], predictions: list[tuple[str, float]],
                  priorities: dict[str, int], threshold: float, sure: float = SURE) -> list[Request]:
    """The distinct requests among classified clauses, in the order to answer them: highest
    priority first, then in the order written.

    In a story (STORY_CLAUSES or more), only the clauses the model is sure of count: the
    background reads as weak requests however urgent their intent ("I've only used it
    *twice*" is not a double charge); with none sure there are none, and the reading of the
    whole story stands (its clauses read alone were guesses: "I've taken a day off work twice
    now waiting in for it" is not a double charge either). In a shorter message every
    confident clause is a request ("is my dress still coming? oh and I can't log in")."""
    best: dict[str, Request] = {}
    for (start, end), (intent, confidence) in zip(clauses, predictions):
        if intent not in priorities or confidence < threshold:
            continue
        if intent not in best or confidence > best[intent].confidence:
            best[intent] = Request(intent, confidence, start, end)
    found = list(best.values())
    # courtesies are not part of the story: "hi! is my dress still coming? and any sandals to go
    # with it?", "sorry to be a pain. I wanted to give some feedback… also, is there a phone number"
    told = sum(intent not in COURTESIES for intent, _ in predictions)
    if told >= STORY_CLAUSES:
        found = [r for r in found if r.confidence >= sure]
    return sorted(found, key=lambda r: (-priorities[r.intent], r.start))


# A message with nothing to cut it at ("WHERE IS MY SOFA YOU ABSOLUTE CLOWNS") is tried at its
# word boundaries instead, when it is short enough for that to be one small batch.
MAX_CUT_WORDS = 16
Span = tuple[int, int]


def word_cuts(text: str, min_words: int = MIN_CLAUSE_WORDS, max_words: int = MAX_CUT_WORDS) -> list[tuple[Span, Span]]:
    """The message cut in two at each word boundary: (beginning, rest), the beginning of at
    least `min_words` words; none for a message over `max_words` words or too short to cut."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if not min_words < len(words) <= max_words:
        return []
    return [((words[0][0], len(text[:words[k - 1][1]].rstrip(" ,.!?;"))), (words[k][0], words[-1][1]))
            for k in range(min_words, len(words))]


def demand_in_anger(cuts: list[tuple[Span, Span]], heads: list[tuple[str, float]], rest_negative: list[bool],
                    priorities: dict[str, int], sure: float = SURE) -> Request | None:
    """A request drowned by the anger after it: the message begins with a request the model is
    sure of and the rest of it is negative ("WHERE IS MY SOFA | YOU ABSOLUTE CLOWNS"). Only
    beginnings count, and only before anger: "i was going to cancel | but my husband said
    keep it" asks nothing, and an ending cut off its start reads as something never said. The
    surest such beginning (the longer on a tie); None when there is none."""
    found = [Request(i, c, s, e) for ((s, e), _), (i, c), negative in zip(cuts, heads, rest_negative)
             if negative and i in priorities and c >= sure]
    return max(found, key=lambda r: (r.confidence, r.end - r.start)) if found else None

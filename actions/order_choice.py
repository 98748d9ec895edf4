"""Which of a signed-in customer's orders a message is about.

In order of trust: an order id in this very message; the products it names ("my sofa is
late"); the order the conversation was already about; then the orders that fit the request
(a late delivery is about an order still on its way, a cancellation about one not yet
delivered), narrowed by the state the customer describes ("the one that was delivered",
"the one that hasn't shipped yet"). When several still fit, the assistant asks which instead
of picking one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional

from actions.profiles import Customer, Order, normalise_order_id, order_number_said

OPEN = frozenset({"processing", "shipped", "out_for_delivery", "delayed"})
FITS: Dict[str, FrozenSet[str]] = {
    # which statuses a request can be about
    "delivery_late": frozenset({"shipped", "out_for_delivery", "delayed"}),
    "cancel_order": OPEN,
    "request_refund": OPEN | {"delivered"},
    "order_status": OPEN,
    "track_delivery": frozenset({"shipped", "out_for_delivery", "delayed"}),
    "item_damaged": frozenset({"delivered", "out_for_delivery"}),
    "wrong_item": frozenset({"delivered", "out_for_delivery"}),
    # money back for something sent back: an order that came (or was cancelled), never one still coming
    "refund_not_received": frozenset({"delivered", "cancelled"}),
}
# requests about a thing sent back: none of the customer's orders is a guess when nothing fits
NO_GUESS = frozenset({"refund_not_received"})
# A late delivery most likely means the order we already know is late.
PREFERRED: Dict[str, FrozenSet[str]] = {"delivery_late": frozenset({"delayed"})}
# Asking "where is my order" with several on their way: tell them about each.
DESCRIBE_ALL = frozenset({"order_status", "track_delivery"})
# …and all of them when the customer asks about their orders together ("where are my things", "both orders")
ALL_ORDERS = re.compile(r"\b(?:(?:all )?(?:of )?my|all the|both(?: of)?(?: my| the)?)\s+(?:orders|things|parcels|packages|deliveries"
                        r"|items)\b|\bboth (?:orders|of them)\b|\beverything (?:i'?ve |i )ordered\b"
                        # "what orders have I got with you at the moment"
                        r"|\b(?:what|which) orders\b|\borders (?:have i|do i have|i'?ve got|i have)\b", re.IGNORECASE)


IN_TRANSIT = frozenset({"shipped", "out_for_delivery", "delayed"})
_NOT = r"(?:hasn'?t|has not|haven'?t|have not|not|never|didn'?t|did not|still not|yet to|isn'?t|wasn'?t)\s+(?:\w+\s+)?"
# The state a customer describes an order by; a negated state is checked first.
STATE_WORDS: List[tuple] = [
    (re.compile(rf"\b{_NOT}(?:been\s+)?(?:shipped|sent|dispatched|posted|left)\b|\bstill processing\b"
                r"|\b(?:in|at|from) (?:the|your) (?:warehouse|depot)\b|\bstill being packed\b", re.I),
     frozenset({"processing"})),
    (re.compile(rf"\b{_NOT}(?:been\s+)?(?:delivered|arrived|come|came|turned up|received|got it)\b", re.I),
     OPEN),
    (re.compile(r"\bout for delivery\b|\barriving today\b|\bcoming today\b", re.I), frozenset({"out_for_delivery"})),
    (re.compile(r"\b(?:on (?:its|it'?s|the) way|in transit|(?:been |was |got )?(?:shipped|dispatched))\b", re.I),
     IN_TRANSIT),
    (re.compile(r"\b(?:(?:was|were|been|got|already|it)\s+(?:\w+\s+)?delivered|delivered (?:one|order|parcel|item)|arrived|came (?:yesterday|last|on|today)"
                r"|(?:already|that|which|has|have)\s+(?:come|came)|came already|turned up|received it|got it)\b", re.I),
     frozenset({"delivered"})),
    # "the order that's stuck", "the one that's taking forever", "the late one"
    (re.compile(r"\b(?:stuck|delayed|held up|running late|taking (?:ages|forever)|(?:one|order|that'?s|is) late"
                r"|late (?:one|order|parcel|delivery))\b", re.I),
     frozenset({"delayed"})),
]


RULED_OUT_STATE = re.compile(r"\bnot (?:the|that) (?:one|order|parcel)\b(?:(?!\bbut\b|\band\b)[^.,;!?])*", re.IGNORECASE)


def stated_states(text: str) -> Optional[FrozenSet[str]]:
    """The order statuses the text describes its order by; None when it describes none."""
    # "the one that actually arrived, not the one that's still on its way": the state ruled out is not the one meant
    kept = RULED_OUT_STATE.sub(" ", text)
    for pattern, states in STATE_WORDS:
        if pattern.search(kept):
            return states
    return None


@dataclass(frozen=True)
class OrderChoice:
    order: Optional[Order] = None                              # the order meant
    candidates: List[Order] = field(default_factory=list)     # several fit: ask which (or describe each)
    unknown_id: Optional[str] = None                           # an id named that is not the customer's
    describe_all: bool = False                                 # the candidates answer the question together


# "them trainers": those, as spoken ("i ordered trainers" names them too); one word between ("my new trainers"), or two after a word
# that says which ("the wrong size trainers"), but not "the receipt in case I need it"
_DETERMINER = r"(?:my|me|the|that|this|those|these|them|our|ordered|bought)\s+(?:(?:wrong|right|same|new|old|other)\s+)?(?:\w+\s+)?"


# What customers also call a product, by the last word of its name ("my runners", "the couch")
OTHER_NAMES: Dict[str, List[str]] = {
    "trainers": ["runners", "sneakers", "trainer's", "shoes"],
    "sofa": ["couch", "settee"],
    "case": ["cover"],
    "fryer": ["airfryer"],
}


_ANYTHING = r"(?:one|ones|order|bits?|stuff|things?|items?|thingys?|thingies)"


def _item_patterns(item: str) -> List[str]:
    """The item's whole name anywhere ("phone case", "sofa"); its last word, singular or plural,
    or another name for it, only after a determiner ("my trainers", "the case", "my runners") or
    alone ("trainers", "dress?"), so "in case" names nothing."""
    name = item.lower()
    head = name.split()[-1]
    # "phone case", and run together as typed in a hurry: "my phonecase order"
    spaced = r"\s*".join(map(re.escape, name.split()))
    patterns = [rf"(?<!\w){spaced}s?(?!\w)"]
    heads = {head, head[:-1] if head.endswith("s") else head + "s", *OTHER_NAMES.get(head, [])}
    if head != name or head in OTHER_NAMES:
        named = '|'.join(map(re.escape, sorted(heads)))
        patterns.append(rf"(?<!\w){_DETERMINER}(?:{named})(?!\w)")
        # "trainers", "dress?": the word alone is the whole message
        patterns.append(rf"^\W*(?:{named})\W*$")
    modifier = name.split()[0]
    if head != name and len(modifier) >= 3:
        # "the phone bits", "the summer one": the first word of the name and a word for anything
        patterns.append(rf"(?<!\w){_DETERMINER}{re.escape(modifier)}\s+{_ANYTHING}(?!\w)")
        # "the thing for my phone"
        patterns.append(rf"(?<!\w){_ANYTHING}\s+for\s+(?:my|the)\s+{re.escape(modifier)}(?!\w)")
    return patterns


# "the phone case one, not the sofa"; "I'm keeping the trainers": a product named right after
# these is ruled out
_RULED_OUT = re.compile(r"(?:\bnot|n't|\binstead of|\brather than|\bother than|\bexcept|\bkeep(?:ing)?)\s+(?:\w+\s+)?$")
# "The sofa's fine, leave that one": a product said to be fine right after it is named
_FINE_AFTER = re.compile(r"^(?:'s|\s+is|\s+are|\s+was)\s+(?:fine|ok|okay|all good|all right|alright|grand)\b(?!\s+to\b)"
                         r"|^(?:'s)?\s+(?:can stay|stays)\b")
# "the sofa. no wait sorry, the phone case one": what follows the last of these is what is
# meant. Only at the start of a clause: "the sofa is actually late, and the phone case" corrects nothing
_CORRECTION = re.compile(r"(?:^|[.,;:!?-]\s*|\bno\s+)(?:no\s+wait|wait(?:\s+no)?|actually|i\s+mean|i\s+meant"
                         r"|scratch\s+that|my\s+mistake|oops|hang\s+on|sorry(?=\s*,|\s+i\s+mean))\b"
                         r"|\bno\s+sorry\b", re.IGNORECASE)  # "send back the trainers no sorry the kettle"


# four letters and up: a four-letter product ("sofa", "case") is still found misspelt with a
# letter more ("sofaa"); two words of four letters are only that close when they are the same
_WORD = re.compile(r"[a-z]{4,}")
_WORD_OR_SHORT = re.compile(r"\b[a-z]{3}\b|[a-z]{4,}")


def _items_spelled_right(text: str, items: List[str]) -> str:
    """The text with a misspelt product word written as the product says it ("the kettel" →
    "the kettle"): a word of four letters or more, with the same first letter and close in
    spelling (difflib ratio ≥ 0.8) to a word of four letters or more of the customer's products,
    or of three letters that is a four-letter product word less one letter ("cse" → "case").
    The first letter must match so that "settle" never becomes a kettle."""
    words = {w for item in items for w in _WORD.findall(item.lower())}

    def spelled(m: "re.Match[str]") -> str:
        word = m.group()
        if word in words or word.rstrip("s") in words:
            return word
        if len(word) == 3:  # "the phone cse": a four-letter product word with a letter left out
            short = [w for w in words if len(w) == 4 and w[0] == word[0]
                     and any(w[:i] + w[i + 1:] == word for i in range(1, 4))]
            return short[0] if len(short) == 1 else word
        close = difflib.get_close_matches(word, [w for w in words if w[0] == word[0]], n=1, cutoff=0.8)
        return close[0] if close else word

    return _WORD_OR_SHORT.sub(spelled, text) if words else text


def _mentions(customer: Customer, text: str) -> Dict[str, List[bool]]:
    """For each order whose products the text names (misspelt or not): whether each mention
    rules it out."""
    lowered = _items_spelled_right(text.lower(), [item for o in customer.orders for item in o.items])
    found: Dict[str, List[bool]] = {}
    for o in customer.orders:
        for item in o.items:
            for p in _item_patterns(item):
                for m in re.finditer(p, lowered):
                    found.setdefault(o.order_id, []).append(bool(_RULED_OUT.search(lowered[:m.start()])
                                                                 or _FINE_AFTER.search(lowered[m.end():])))
    return found


def named_orders(customer: Customer, text: str) -> List[Order]:
    """Orders whose products the text names (and does not rule out), misspelt or not; of
    several, the one named after a correction ("the sofa. no wait, the phone case")."""
    mentions = _mentions(customer, text)
    named = [o for o in customer.orders if not all(mentions.get(o.order_id, [True]))]
    if len(named) > 1:
        corrections = list(_CORRECTION.finditer(text))
        if corrections:
            after = named_orders(customer, text[corrections[-1].end():])
            if len(after) == 1:
                return after
    return named


def ruled_out_orders(customer: Customer, text: str) -> List[Order]:
    """Orders the text names only to rule them out ("not the sofa")."""
    mentions = _mentions(customer, text)
    return [o for o in customer.orders if o.order_id in mentions and all(mentions[o.order_id])]


# "I want to cancel an order", "money back on something": not necessarily the one discussed
INDEFINITE = re.compile(r"\b(?:an|another|one of my|some)\s+(?:other\s+)?(?:order|orders|item|parcel|thing)\b"
                        # (not "a long time for something that small", said of the order being discussed)
                        r"|\b(?:on|for)\s+something\b(?!\s+(?:that|so|this|as)\s+(?:small|little|cheap|simple|tiny|basic))",
                        re.IGNORECASE)
# "the one that already came": an order picked out by its state ("has it arrived?" asks about one)
DESCRIBED = re.compile(r"\bthe\s+(?:one|order|parcel|thing|stuff)\b", re.IGNORECASE)
OTHER_ORDER = re.compile(r"\b(?:the\s+)?other\s+(?:one|order)\b", re.IGNORECASE)


# "the order ending 0002", "the one that ends in 02"
_ENDING = re.compile(r"\bend(?:s|ing)?\s+(?:in\s+|with\s+)?(\d{2,4})\b", re.IGNORECASE)


def _orders_ending(customer: Customer, digits: str) -> List[Order]:
    return [o for o in customer.orders if digits and o.order_id.endswith(digits)]


def referred_orders(customer: Customer, text: str, remembered_id: Optional[str] = None) -> List[Order]:
    """Orders the text points at without a full order id: the products it names, the number of
    one of theirs without "ORD" ("20002", "#20001") or its last digits ("ending 0002"), the
    courier bringing it ("has XDP got my stuff"), or "the other one" when the conversation is
    about one of two."""
    named = named_orders(customer, text)
    if named:
        return named
    said = order_number_said(text)
    if said and (order := customer.order(said)):
        return [order]
    ending = _ENDING.search(text)
    if ending:  # "the order ending 0002"
        ends = _orders_ending(customer, ending.group(1))
        if len(ends) == 1:
            return ends
    carried = [o for o in customer.orders if o.carrier and re.search(rf"\b{re.escape(o.carrier)}\b", text, re.IGNORECASE)]
    if carried and len(carried) < len(customer.orders):  # "has XDP got my stuff yet"
        return carried
    discussed = customer.order(remembered_id) if remembered_id else None
    if discussed is not None and OTHER_ORDER.search(text):
        others = [o for o in customer.orders if o is not discussed]
        if len(others) == 1:
            return others
    ruled_out = ruled_out_orders(customer, text)
    if ruled_out:  # "not the sofa, the other one": of two orders, the one not ruled out
        others = [o for o in customer.orders if o not in ruled_out]
        if len(others) == 1:
            return others
    return []


def story_before(message: str, clause: str, customer: Customer, remembered: Optional[str]) -> Optional[str]:
    """The message up to the request's clause, when the clause points at no order but the story
    before it names exactly one ("I bought a kettle… I still haven't seen the money"); else None."""
    at = message.find(clause)
    if at <= 0 or referred_orders(customer, clause, remembered) or OTHER_ORDER.search(clause):
        return None
    before = message[:at + len(clause)]
    return before if len(referred_orders(customer, before, remembered)) == 1 else None


# "the kettle turned up fine", "kettle's arrived": a product said to have come
_CAME = re.compile(r"^\W*(?:'s|s|has|have|is|was|were)?\s*(?:\w+\s+)?(?:turned up|arrived|came|come|got here|been delivered"
                   r"|delivered)\b", re.IGNORECASE)


def _said_to_have_come(customer: Customer, order: Order, text: str) -> bool:
    """Whether `text` says the order's product has come, right after naming it."""
    lowered = _items_spelled_right(text.lower(), [item for o in customer.orders for item in o.items])
    return any(_CAME.match(lowered[m.end():]) for item in order.items for p in _item_patterns(item)
               for m in re.finditer(p, lowered))


# the verb of a request, for the product named right after it
_ASKED_VERB = {"cancel_order": re.compile(r"\bcancel(?:l?ing)?\b", re.IGNORECASE),
               "request_refund": re.compile(r"\b(?:refund|return|send back)\b(?:\s+(?:on|for))?", re.IGNORECASE)}


_AFTER_VERB = 40  # characters after the verb where its product is named ("cancel the phone case order")


# a sentence that asks: it ends with a question mark
_QUESTION = re.compile(r"[^.!?\n]+\?")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


# what a thing sent back is called when it is not named: "I sent it back", "returned the parcel"
_UNNAMED_THING = re.compile(r"^(?:it|them|that|this|those|these|one|items?|orders?|parcels?|packages?|stuff|things?|goods"
                            r"|products?|purchases?|lot|box|whole)$", re.IGNORECASE)
_SENT_BACK = re.compile(r"\b(?:returned|sent (?:back|bak)|send (?:back|bak)|posted (?:back|bak)|return(?:ing)?)\s+"
                        r"(?:a|an|the|my|some|those|these|that|this|both)\s+(?P<thing>[a-z]+(?:\s+[a-z]+)?)"
                        r"|\b(?:the|my|a|an|some)\s+(?P<thing2>[a-z]+(?:\s+[a-z]+)?)\s+(?:i|we)\s+(?:have\s+|'?ve\s+)?"
                        r"(?:returned|sent (?:back|bak)|posted (?:back|bak))\b"
                        r"|\b(?:sent|send|posted|post)\s+(?:a|an|the|my|some|those|these|both)\s+"
                        r"(?P<thing3>[a-z]+(?:\s+[a-z]+)?)\s+(?:back|bak)\b", re.IGNORECASE)
SENT_BACK_TOPICS = frozenset({"refund_not_received"})


def something_else_sent_back(text: str) -> bool:
    """Whether `text` names the thing sent back ("I sent bak a handbag"), not in words that could be
    any order's ("I returned the parcel"): the caller has found it is none of the customer's products."""
    for m in _SENT_BACK.finditer(text):
        words = (m.group("thing") or m.group("thing2") or m.group("thing3") or "").split()
        if words and not _UNNAMED_THING.match(words[0]):
            return True
    return False


def choose_order(customer: Customer, text: str, topic: str, named_id: Optional[str] = None,
                 remembered_id: Optional[str] = None) -> OrderChoice:
    if named_id:
        order = customer.order(named_id)
        ends = _orders_ending(customer, re.sub(r"\D", "", named_id))
        if order is None and _ENDING.search(text) and len(ends) == 1:
            order = ends[0]  # "the order ending 0002": the number said is its last digits
        return OrderChoice(order=order) if order else OrderChoice(unknown_id=normalise_order_id(named_id))
    mentioned = referred_orders(customer, text, remembered_id)
    if len(mentioned) == 1:
        return OrderChoice(order=mentioned[0])
    if len(mentioned) > 1 and topic in _ASKED_VERB:
        # "sofa late. cancel phone case": the one product named right after the request's own verb
        # ("cancel the sofa and the phone case" still names two)
        acted_on = {o.order_id: o for m in _ASKED_VERB[topic].finditer(text)
                    for o in named_orders(customer, text[m.end():m.end() + _AFTER_VERB])}
        if len(acted_on) == 1:
            return OrderChoice(order=next(iter(acted_on.values())))
    if len(mentioned) > 1:
        late = [o for o in mentioned if o.status in FITS["delivery_late"]]
        if topic == "delivery_late" and len(late) == 1:
            # "I ordered a sofa and a phone case… the sofa was supposed to be here last week": only one can be late
            return OrderChoice(order=late[0])
        if topic in DESCRIBE_ALL:
            # "kettle turned up fine ta, but where are the running shoes at?": not the one said to have come
            waited_for = [o for o in mentioned if not (o.status == "delivered" and _said_to_have_come(customer, o, text))]
            if len(waited_for) == 1:
                return OrderChoice(order=waited_for[0])
            # "Just wanted to say the kettle is lovely, really quiet. Are the trainers still on their way?":
            # the one named in the question
            asked = {o.order_id: o for question in _QUESTION.findall(text) for o in named_orders(customer, question)}
            if len(asked) == 1:
                return OrderChoice(order=next(iter(asked.values())))
            # "I bought a kettle from you last month and it's been great. Now I've ordered some trainers… Will
            # they get here in time?": where or when is asked of the one still coming, unless a question names
            # the other
            coming = [o for o in mentioned if o.status in OPEN or o.order_id in asked]
            together = any(len(named_orders(customer, sentence)) > 1 for sentence in _SENTENCE.findall(text))
            if len(coming) == 1 and not together:  # not "my two orders, the trainers and the kettle"
                return OrderChoice(order=coming[0])
        return OrderChoice(candidates=mentioned, describe_all=topic in DESCRIBE_ALL)
    if topic in DESCRIBE_ALL and len(customer.orders) > 1 and ALL_ORDERS.search(text):
        # "where are my things": every order, delivered ones too
        return OrderChoice(candidates=sorted(customer.orders, key=lambda o: o.placed_on, reverse=True), describe_all=True)
    if not mentioned and topic in SENT_BACK_TOPICS and something_else_sent_back(text):
        # "the jumper I returned…", "i sent bak a handbag…": a thing that is none of their orders' products
        return OrderChoice()
    remembered = customer.order(remembered_id) if remembered_id else None
    states = stated_states(text)
    described = states is not None and DESCRIBED.search(text) is not None
    if remembered is not None and not INDEFINITE.search(text) and not (described and remembered.status not in states):
        # the order being discussed, unless the customer asks about "an order" or describes
        # one in another state ("the one that already came" while talking about one on its way)
        return OrderChoice(order=remembered)
    if not customer.orders:
        return OrderChoice()
    fitting = [o for o in customer.orders if o.status in FITS.get(topic, OPEN)] or (
        [] if topic in FITS else list(customer.orders))
    if states:
        fitting = [o for o in fitting or customer.orders if o.status in states] or fitting
    preferred = [o for o in fitting if o.status in PREFERRED.get(topic, frozenset())]
    if len(preferred) == 1:
        return OrderChoice(order=preferred[0])
    if len(fitting) == 1:
        return OrderChoice(order=fitting[0])
    if not fitting:
        # nothing fits the request: the latest order is the best guess to talk about (not for a refund
        # of something sent back: "I sent back a handbag" is not the dress still on its way)
        return OrderChoice() if topic in NO_GUESS else OrderChoice(order=customer.latest_order())
    ordered = sorted(fitting, key=lambda o: o.placed_on, reverse=True)
    return OrderChoice(candidates=ordered, describe_all=topic in DESCRIBE_ALL)


# "the second one", "the first order", "the latter": a place in the list just shown
# "my last order" and "my first order with you" are not places in the list: only the second and third are
_ORDINAL = re.compile(r"\b(?:(?P<place>first|1st|last)\s+(?:one|option)|(?P<middle>second|2nd|third|3rd)\s+(?:one|order|option)"
                      r"|(?P<pair>former|latter))\b|^\W*(?:the\s+)?(?P<alone>first|second|third|last)\W*$",
                      re.IGNORECASE)
_PLACES = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "last": -1, "former": 0, "latter": -1}
LISTED_ID = re.compile(r"\bORD-\d+\b")  # an order id as the assistant writes it


def listed_order_id(text: str, shown: str) -> Optional[str]:
    """The order the text picks by its place among those the assistant's last message listed
    ("Which order do you mean: ORD-10001 (…) or ORD-10002 (…)?" — "has the second one been
    delivered?"); None without an ordinal, or when fewer than two orders were listed."""
    listed = list(dict.fromkeys(LISTED_ID.findall(shown)))
    m = _ORDINAL.search(text)
    if len(listed) < 2 or m is None:
        return None
    place = _PLACES[(m.group("place") or m.group("middle") or m.group("pair") or m.group("alone")).lower()]
    return listed[place] if place < len(listed) else None

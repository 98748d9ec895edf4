"""Questions about how the shop's returns work, asked without an order in mind yet.

"what's your returns policy?", "how do returns work", "do you do free returns": the model has no
intent for a policy and reads them as off-topic or is unsure. They are the first step of a
return, answered as one (the refund and returns answer asks which order, or gives its window).
"""

from __future__ import annotations

import re

from contracts.delivery_terms import terms_asked

# typed slips included ("retuns polcy?"): short questions have nothing else for the model to go on
_RETURNS = r"(?:returns?|retuns?|retruns?|retunrs?|reutrns?|returs?)"
_POLICY = re.compile(
    rf"\b{_RETURNS}\s+(?:polic(?:y|ies)|polcy|policey|pollicy|plicy|window|period|time ?limit)\b"
    rf"|\bhow\s+(?:do|does)\s+(?:the\s+)?{_RETURNS}\s+work\b"
    rf"|\b(?:do|can)\s+(?:you|u)\s+(?:do|offer|have)\s+(?:free\s+)?{_RETURNS}\b"
    rf"|\b(?:is|are)\s+(?:there\s+)?(?:free|paid)\s+{_RETURNS}\b|\bfree\s+{_RETURNS}\?"
    r"|\bhow\s+long\s+(?:do\s+i\s+have|have\s+i\s+got|have\s+you\s+got|is\s+there|do\s+(?:you|u)\s+give(?:\s+me)?)\s+to\s+"
    r"(?:return|send\s+(?:\w+\s+)?back)\b"
    # "Hey. Question about returns. How long do I have?", "who pays the return postage?"
    rf"|\b(?:question|query|enquiry|asking|wondering)\s+(?:about|re|regarding|on)\s+(?:your\s+|the\s+)?{_RETURNS}\b"
    rf"|\b(?:who\s+pays|do\s+i\s+(?:have\s+to\s+)?pay|is\s+there\s+a\s+charge)\s+(?:for\s+)?(?:the\s+)?{_RETURNS}\s+"
    r"(?:postage|shipping|label|delivery)\b",
    re.IGNORECASE)


def returns_policy_asked(text: str) -> bool:
    """Whether `text` asks how returns work (see the module docstring)."""
    return _POLICY.search(text) is not None


# "Can I exchange it for a bigger size?", "could i swap the dress for a size 12": the customer's own
# choice of size, which the model reads as a replacement for damage or a wrong item; a swap is a
# return and a new order. Not when the shop is at fault ("you sent a size 6, I ordered a 5").
_SIZE_SWAP = re.compile(
    r"\b(?:exchange|swap|change|switch|return)\b[^.!?]{0,40}?\b(?:for|to|into)\s+(?:a|an|the)?\s*"
    r"(?:bigger|smaller|larger|different|another|other|next|(?:size|sz)\s*\d+|\d+)\s*(?:size|one up|one down)?\b"
    # "They're too small. Can I swap them?": the fit said, and the swap asked in the next sentence
    r"|\b(?:too (?:big|small|tight|loose|long|short)|doesn'?t fit|does not fit|didn'?t fit|don'?t fit)\b.{0,40}?"
    r"\b(?:exchange|swap|bigger|smaller|larger|different size)\b",
    re.IGNORECASE)
_SIZE_WORD = re.compile(r"\b(?:sizes?|sz|bigger|smaller|larger|too (?:big|small|tight|loose|long|short)"
                        r"|(?:doesn'?t|does not|didn'?t|don'?t) fit)\b", re.IGNORECASE)
_SHOPS_SLIP = re.compile(r"\bwrong\b|\b(?:you|u|they) (?:sent|gave|delivered)\b|\bsent me\b|\bnot what i ordered\b"
                         r"|\binstead of\b|\bdamag|\bbroke|\bfault|\bripped|\btorn\b", re.IGNORECASE)


# "i ordered the wrong size by mistake, how do i swap it": the customer's own slip, with a swap asked
_OWN_SIZE_SLIP = re.compile(r"\b(?:i|we)(?:'ve| have)? (?:ordered|picked|chose|chosen|bought|selected|clicked|went for)"
                            r" (?:the |a )?wrong size\b|\bwrong size (?:by (?:mistake|accident)|my (?:mistake|bad|fault))\b",
                            re.IGNORECASE)
_SWAP_ASKED = re.compile(r"\b(?:exchange|swap|change|switch|return|send (?:it|them) back)\b"
                         r"|\bwhat (?:do|can|should) (?:i|we) do\b", re.IGNORECASE)


def size_swap_asked(text: str) -> bool:
    """Whether `text` asks to swap an item for another size of the customer's own choosing (see _SIZE_SWAP
    and _OWN_SIZE_SLIP)."""
    rest = _OWN_SIZE_SLIP.sub(" ", text)
    if rest != text and _SWAP_ASKED.search(rest) is not None and _SHOPS_SLIP.search(rest) is None:
        return True
    return (_SIZE_SWAP.search(text) is not None and _SIZE_WORD.search(text) is not None
            and _SHOPS_SLIP.search(text) is None)


# our hours or ways to reach us, which a question about the delivery terms may ask besides ("when are you open,
# and do you deliver on sundays?")
_CONTACT_WORDS = re.compile(r"\b(?:open\w*|clos\w*|hours|shut|phone|call|ring|e-?mail|contact|reach|number|helpline"
                            r"|speak|talk|chat|available)\b", re.IGNORECASE)


def delivery_terms_only(text: str) -> bool:
    """Whether `text` asks about the delivery terms (contracts.delivery_terms) and nothing of our hours or
    contact details: "do u do next day delivry", which the model may read as a question about contacting us."""
    return terms_asked(text) and _CONTACT_WORDS.search(text) is None


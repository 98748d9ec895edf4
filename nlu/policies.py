"""The shop's policies asked about, which the model has no intent for.

"what's your returns policy?", "how do returns work", "do you do free returns" (contracts.returns_policy):
read as off-topic or unsure, they are the first step of a return, answered as one (the answer gives
the policy, then asks which order). A swap for another size of the customer's own choosing is a
return too. A question about the delivery terms alone is not one about contacting us.
"""

from __future__ import annotations

import re

from contracts.delivery_terms import terms_asked

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


# "it dusnt fit", "the dress is too small", "these jeans don't fit me": the fit said alone, which the model
# reads as damage, a no or nothing sure; a return of the customer's own choosing ("the phone case doesn't fit
# my phone" is the item's fault, for the model)
_MISFIT = re.compile(r"\b(?:does ?n'?t|dusnt|dosnt|dosent|doesent|does not|don'?t|dont|didn'?t|won'?t|wont|not|never)"
                     r" (?:\w+ )?fit\b(?!\s+(?:my|the|in|into|on|through|under|our|his|her)\b)"
                     r"|\btoo (?:small|big|tight|loose|large|baggy|narrow|wide)\b", re.IGNORECASE)  # "too long": a wait


def misfit_said(text: str) -> bool:
    """Whether `text` says the item does not fit the customer (see _MISFIT), with the shop at no fault."""
    return _MISFIT.search(text) is not None and _SHOPS_SLIP.search(text) is None


# our hours or ways to reach us, which a question about the delivery terms may ask besides ("when are you open,
# and do you deliver on sundays?")
_CONTACT_WORDS = re.compile(r"\b(?:open\w*|clos\w*|hours|shut|phone|call|ring|e-?mail|contact|reach|number|helpline"
                            r"|speak|talk|chat)\b", re.IGNORECASE)


def delivery_terms_only(text: str) -> bool:
    """Whether `text` asks about the delivery terms (contracts.delivery_terms) and nothing of our hours or
    contact details: "do u do next day delivry", which the model may read as a question about contacting us."""
    return terms_asked(text) and _CONTACT_WORDS.search(text) is None


# "he's decided he doesn't like the colour. It's unworn with the tags still on. I'd like my money back": a return of
# the customer's own choosing, which the model reads as a wrong item for the colour or size named
_MIND_CHANGED = re.compile(r"\b(?:does ?n'?t|doesnt|don'?t|dont|didn'?t|didnt|do not|does not) (?:really )?(?:like|suit)"
                           r"\b(?! (?:to|how|that)\b)|\bchanged (?:my|his|her|their|our) minds?\b|\bnot (?:my|his|her|their) (?:style|taste|thing)\b"
                           r"|\bunworn\b|\bunused\b|\btags? (?:still )?on\b", re.IGNORECASE)
_MONEY_BACK = re.compile(r"\bmoney back\b|\brefund\b|\breturn (?:it|them|this)\b|\bsend (?:it|them) back\b", re.IGNORECASE)


def change_of_mind_return(text: str) -> bool:
    """Whether `text` asks for a return or the money back for an item the customer (or whoever it was for) does not
    want, the shop at no fault (see _MIND_CHANGED)."""
    return (_MIND_CHANGED.search(text) is not None and _MONEY_BACK.search(text) is not None
            and _SHOPS_SLIP.search(text) is None and _FAULT_OR_LATE.search(text) is None)


# the shop at fault after all: damage, a fault, lateness, another item than the one ordered
_FAULT_OR_LATE = re.compile(r"\b(?:smash|crack|chip|scratch|dent|stain|hole|leak|crush|missing|late|instead)\w*"
                            r"|\b(?:doesn'?t|does not|isn'?t|not|won'?t) work\w*|\bnot what (?:i|we) ordered\b"
                            r"|\bordered (?:the|a|an) \w+ (?:one|colour|color|size)\b", re.IGNORECASE)

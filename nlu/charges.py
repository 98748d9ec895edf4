"""A charge complained of in so many words, and "charge" that is no payment at all.

"You've billed me for an order I cancelled" and "paid twice for the same order, please refund one
of them" are the billing complaint (any charge the customer did not expect), which the model reads
as nothing sure or as a refund asked; "the vacuum cleaner won't charge at all" is a fault, which the
model, hearing "charge", reads as a billing complaint.
"""

from __future__ import annotations

import re

_TAKEN = (r"(?:charged|charging|charge|billed|billing|debited|paid|paying|payments?|transactions?"
          r"|(?:took|taken|taking) (?:my |the )?(?:money|payment|same amount|same payment)|(?:come|came|gone|went) out)")
# what can only be charged: "I paid for a double bed", "my card payment was cancelled by the bank" are not
_CHARGED = r"(?:charged|billed|debited|(?:took|taken|taking) (?:my |the )?(?:money|payment))"
_UNEXPECTED_CHARGE = re.compile(
    rf"\b{_TAKEN}\b[^.?!]{{0,40}}?\b(?:twice|twise|twic|2ce|two times|2 times|2x|x2)\b"
    # a price with pence and then twice: "charged £349.00 twice"
    rf"|\b{_TAKEN}\b(?:\s+(?:me|us))?\s+[£$€]\s?\d+(?:[.,]\d\d)?\s+(?:twice|two times|2 times|2x|x2)\b"
    r"|\bdouble[- ]?(?:charged|billed|payment|charge|debit)"
    r"|\btwo (?:identical |separate |different )?(?:payments|charges|transactions|debits)\b"
    # "my Klarna app shows two identical purchases from you but I only checked out once"
    r"|\b(?:two|2) (?:identical|of the same) (?:payments|charges|transactions|debits|purchases)\b"
    r"|\bonly (?:checked out|paid|pressed (?:pay|buy)|clicked (?:pay|buy)|placed (?:the |one |an |my )?order)(?: it)? once\b"
    r"(?! before)"
    # charged for an order that should cost nothing now
    rf"|\b{_CHARGED}\b[^.?!]{{0,40}}?\b(?:(?:i|we) (?:had |have |'ve )?(?:already )?cancell?ed"
    r"|(?:was|were|been|got|is) (?:already )?cancell?ed|cancell?ed (?:order|item|purchase|one)"
    r"|(?:i|we) (?:never|didn'?t|did not) (?:order|buy|make|place))"
    # "i cancelled the order but you still took the money"
    rf"|\b(?:i|we) (?:had |have |'ve )?(?:already )?cancell?ed\b[^.?!]{{0,40}}?\b(?:still |then |have |'ve )?{_CHARGED}\b",
    re.IGNORECASE)


def unexpected_charge_said(text: str) -> bool:
    """Whether `text` says it was charged twice, or for an order cancelled or never made."""
    return _UNEXPECTED_CHARGE.search(text) is not None


# a device that will not take a charge: "won't charge", "doesn't hold its charge", "the charging port"
DEVICE_CHARGE = re.compile(
    r"(?<!\byou )(?<!\bu )(?<!\bwe )(?<!\bi )\b(?:won'?t|wont|doesn'?t|doesnt|does not|isn'?t|isnt|is not|can'?t|cant"
    r"|stopped|stops|no longer|will not)\s+(?:\w+\s+)?(?:charge|charging|hold (?:a|its|the) charge)\b"
    r"|\bcharg(?:er|ing) (?:cable|port|lead|socket|light|station)\b|\bthe charger\b|\bholds? (?:a|its|the|no) charge\b",
    re.IGNORECASE)

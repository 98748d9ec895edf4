"""Messages about the order number itself, which the model reads as whatever their other words
suggest:
- the number given with an apology, nothing else ("sorry typo, 20001", "ah my mistake, missed
  some digits. ORD-77741"): details for the request already made (inform), not account trouble;
- no number to give ("I don't have the number on me, I deleted the email", contracts.order_numbers):
  a no to the question, which the dialogue answers with sign-in or a person (deny), not a
  password reset.
"""

from __future__ import annotations

import re

from contracts.order_numbers import NO_ORDER_NUMBER

_NUMBER = re.compile(r"\b(?:ord(?:er)?\W{0,2})?#?\d{3,}\b", re.IGNORECASE)
# what may come with a number given again: apologies, "I meant", "missed some digits"
_CORRECTING = re.compile(
    r"\b(?:sorry|soz|apologies|oops|whoops|ah|oh|my (?:bad|mistake)|typo|wrong (?:one|number)|i meant|meant|i mean"
    r"|missed (?:some|a|the|out (?:a|some)) (?:digits?|numbers?)|(?:a |one )?digit missing|should (?:be|have been)|it'?s|its|it is"
    r"|the|right|correct|one|number|order(?: number)? is|is|here|try|again|this|that)\b",
    re.IGNORECASE)
# an account problem is not a missing order number ("I forgot my password and the email")
_ACCOUNT = re.compile(r"\b(?:pass?wo?r?d|log ?in|sign ?in|account|locked)\b", re.IGNORECASE)  # "pasword" too


def only_a_number_given(text: str) -> bool:
    """Whether `text` gives an order number and, besides, only corrects or apologises."""
    if not _NUMBER.search(text):
        return False
    return not re.search(r"[a-z]", _CORRECTING.sub(" ", _NUMBER.sub(" ", text)), re.IGNORECASE)


# "I haven't had a dispatch email" is news of the order, not a number missing
_OTHER_EMAIL = re.compile(r"\b(?:dispatch|dispatched|shipping|shipped|delivery|tracking|refund)\s+(?:email|confirmation)", re.IGNORECASE)
# "I paid but never got a confirmation email": a payment that may not have made an order, not a number missing
_PAID = re.compile(r"\b(?:paid|payed|charged|payment|debited|money (?:was |has been |got )?(?:taken|gone)|came out of)\b",
                   re.IGNORECASE)
# longer messages say more than that they have no number: the model reads them
MAX_WORDS = 16


def no_number_to_give(text: str) -> bool:
    """Whether `text`, a short message, says the customer has no order number to give (and is
    no account problem, nor news of the order)."""
    return (NO_ORDER_NUMBER.search(text) is not None and not _NUMBER.search(text) and not _ACCOUNT.search(text)
            and not _OTHER_EMAIL.search(text) and not _PAID.search(text) and len(text.split()) <= MAX_WORDS)
